#!/usr/bin/env python3
"""Draws every story illustration from shared parts, so each character looks the same in every scene.

Each SVG is written self-contained (pictures shown with <img> cannot load other files) into assets/<story>/.
Words people say are never drawn here: they are real text in the story's bubbles. Run from the repo root:
    python3 assets/art/draw.py

Beside each story's pictures it also writes pictures.json: the cast, and for each picture who is drawn in it and
the main things drawn, recorded as the picture is drawn (so it cannot drift from the picture). `storycheck` reads
it to warn when an alt text names someone who is not in the picture.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "assets"
W, H = 800, 500

# One palette for everything: muted, warm, high enough contrast for a projector.
INK = "#1f2a44"
PALETTE = {
    "wall": "#e8eef7", "wall_warm": "#f6ece0", "wall_night": "#2c3658", "floor": "#c9b79c", "floor_dark": "#3b4468",
    "sky": "#cfe6f5", "grass": "#a8d5a2", "screen": "#f9fbff", "screen_glow": "#fff6c9", "accent": "#ff8a5b",
    "sofa": "#6c8ebf", "bed": "#8e7cc3", "desk": "#b08962", "door": "#9fb8d8",
}
SKIN = {"deep": "#6b4331", "brown": "#9a6440", "tan": "#c68e5e", "light": "#f0c9a5", "pale": "#f7dcc4"}


class Part(str):
    """SVG text that remembers who (cast ids) and what (plain words) it draws, for the manifest."""

    def __new__(cls, text, who=(), what=()):
        part = super().__new__(cls, text)
        part.who, part.what = tuple(who), tuple(what)
        return part


class Person:
    def __init__(self, id, name, skin, hair, hair_style, top, legs, height=1.0):
        self.id, self.name = id, name
        self.skin, self.hair, self.hair_style, self.top, self.legs, self.height = skin, hair, hair_style, top, legs, height

    def draw(self, x, y, mood="neutral", pose="stand", hold=None, facing=1, scale=1.25):
        """Draws the person with feet at (x, y)."""
        s = scale * self.height
        parts = [f'<g transform="translate({x} {y}) scale({s * facing} {s})">']
        if pose == "sit":
            parts.append(f'<rect x="-34" y="-78" width="68" height="26" rx="12" fill="{self.legs}"/>')
            parts.append(f'<rect x="18" y="-60" width="18" height="60" rx="8" fill="{self.legs}"/>')
            parts.append(f'<rect x="-36" y="-60" width="18" height="60" rx="8" fill="{self.legs}"/>')
            body_y = -150
        else:
            parts.append(f'<rect x="-24" y="-95" width="20" height="95" rx="9" fill="{self.legs}"/>')
            parts.append(f'<rect x="4" y="-95" width="20" height="95" rx="9" fill="{self.legs}"/>')
            body_y = -175
        parts.append(f'<rect x="-34" y="{body_y}" width="68" height="90" rx="26" fill="{self.top}"/>')
        # Arms: down, or forward holding something.
        if hold:
            parts.append(f'<path d="M-26 {body_y + 22} q-6 40 30 44" stroke="{self.top}" stroke-width="18" fill="none" stroke-linecap="round"/>')
            parts.append(f'<path d="M26 {body_y + 22} q10 38 -10 44" stroke="{self.top}" stroke-width="18" fill="none" stroke-linecap="round"/>')
            parts.append(f'<circle cx="6" cy="{body_y + 66}" r="9" fill="{self.skin}"/>')
            parts.append(hold_item(hold, 6, body_y + 52))
        else:
            parts.append(f'<rect x="-46" y="{body_y + 12}" width="16" height="70" rx="8" fill="{self.top}"/>')
            parts.append(f'<rect x="30" y="{body_y + 12}" width="16" height="70" rx="8" fill="{self.top}"/>')
            parts.append(f'<circle cx="-38" cy="{body_y + 84}" r="9" fill="{self.skin}"/>')
            parts.append(f'<circle cx="38" cy="{body_y + 84}" r="9" fill="{self.skin}"/>')
        hy = body_y - 42
        parts.append(f'<rect x="-9" y="{hy + 30}" width="18" height="18" fill="{self.skin}"/>')
        parts.append(hair_back(self.hair_style, self.hair, hy))
        parts.append(f'<circle cx="0" cy="{hy}" r="38" fill="{self.skin}"/>')
        parts.append(hair_front(self.hair_style, self.hair, hy))
        parts.append(face(mood, hy))
        parts.append("</g>")
        return Part("".join(parts), who=[self.id], what=[hold] if hold else [])


def hair_back(style, colour, hy):
    if style == "long":
        return f'<rect x="-42" y="{hy - 20}" width="84" height="78" rx="30" fill="{colour}"/>'
    if style == "puffs":
        return f'<circle cx="-40" cy="{hy - 26}" r="18" fill="{colour}"/><circle cx="40" cy="{hy - 26}" r="18" fill="{colour}"/>'
    if style == "bun":
        return f'<circle cx="0" cy="{hy - 44}" r="17" fill="{colour}"/>'
    return ""


def hair_front(style, colour, hy):
    if style == "short":
        return f'<path d="M-38 {hy - 4} a38 38 0 0 1 76 0 q-20 -16 -38 -14 q-22 0 -38 14z" fill="{colour}"/>'
    if style == "curly":
        return "".join(f'<circle cx="{cx}" cy="{hy - 28 + abs(cx) * 0.25}" r="14" fill="{colour}"/>' for cx in (-28, -12, 4, 20, 32))
    if style == "hijab":
        return (f'<path d="M-44 {hy + 40} q-6 -70 44 -82 q50 12 44 82 q-10 -30 -12 -44 a32 32 0 0 0 -64 0 q-2 14 -12 44z" fill="{colour}"/>')
    if style == "bald":
        return ""
    return f'<path d="M-38 {hy} a38 38 0 0 1 76 0 q-38 -26 -76 0z" fill="{colour}"/>'


def face(mood, hy):
    eyes = f'<circle cx="-13" cy="{hy - 2}" r="4" fill="{INK}"/><circle cx="13" cy="{hy - 2}" r="4" fill="{INK}"/>'
    mouths = {
        "happy": f'<path d="M-12 {hy + 14} q12 12 24 0" stroke="{INK}" stroke-width="3.5" fill="none" stroke-linecap="round"/>',
        "neutral": f'<path d="M-9 {hy + 17} h18" stroke="{INK}" stroke-width="3.5" stroke-linecap="round"/>',
        "worried": f'<path d="M-10 {hy + 20} q10 -8 20 0" stroke="{INK}" stroke-width="3.5" fill="none" stroke-linecap="round"/>',
        "sad": f'<path d="M-11 {hy + 21} q11 -10 22 0" stroke="{INK}" stroke-width="3.5" fill="none" stroke-linecap="round"/>',
        "thinking": f'<path d="M-6 {hy + 17} q8 -3 14 2" stroke="{INK}" stroke-width="3.5" fill="none" stroke-linecap="round"/>',
        "cross": f'<path d="M-10 {hy + 19} h20" stroke="{INK}" stroke-width="4" stroke-linecap="round"/>',
    }
    brows = ""
    if mood in ("worried", "sad"):
        brows = (f'<path d="M-19 {hy - 14} l10 -4" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>'
                 f'<path d="M19 {hy - 14} l-10 -4" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>')
    if mood == "cross":
        brows = (f'<path d="M-19 {hy - 16} l10 5" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>'
                 f'<path d="M19 {hy - 16} l-10 5" stroke="{INK}" stroke-width="3" stroke-linecap="round"/>')
    cheeks = ""
    if mood == "happy":
        cheeks = f'<circle cx="-22" cy="{hy + 8}" r="5" fill="#ff9f8a" opacity=".5"/><circle cx="22" cy="{hy + 8}" r="5" fill="#ff9f8a" opacity=".5"/>'
    return eyes + brows + mouths[mood] + cheeks


def hold_item(item, x, y):
    # What a person can hold, drawn around the point (x, y) of their hand; anything else is drawn as nothing.
    glow, accent = PALETTE["screen_glow"], PALETTE["accent"]
    items = {
        "phone": (f'<rect x="{x - 12}" y="{y - 22}" width="24" height="40" rx="5" fill="{INK}"/>'
                  f'<rect x="{x - 9}" y="{y - 18}" width="18" height="30" rx="2" fill="{glow}"/>'),
        "tablet": (f'<rect x="{x - 30}" y="{y - 24}" width="60" height="42" rx="6" fill="{INK}"/>'
                   f'<rect x="{x - 26}" y="{y - 20}" width="52" height="34" rx="3" fill="{glow}"/>'),
        "controller": (f'<rect x="{x - 26}" y="{y - 8}" width="52" height="22" rx="11" fill="{INK}"/>'
                       f'<circle cx="{x + 12}" cy="{y + 3}" r="4" fill="{accent}"/>'),
    }
    return items.get(item, "")


# The cast. Each is one Person, used in every scene they appear in. Skin tones vary across the cast so that no
# one look marks the person who causes harm: Riley, who pressures Sam and shares the picture, shares a skin tone
# with Amira, and Jordan, who stands by Sam, is the lightest-skinned.
CAST = {
    "sam": Person("sam", "Sam", SKIN["brown"], "#2b1d16", "curly", "#3f8f7a", "#2f3a56"),
    "riley": Person("riley", "Riley", SKIN["tan"], "#c9893d", "short", "#b5485a", "#3a3a48", 1.04),
    "jordan": Person("jordan", "Jordan", SKIN["pale"], "#7a4a24", "puffs", "#e0a63a", "#46507a"),
    "amira": Person("amira", "Amira", SKIN["tan"], "#5a4a8a", "hijab", "#5b7fd1", "#2f3a56"),
    "ms_okafor": Person("ms_okafor", "Ms Okafor", SKIN["deep"], "#20150f", "bun", "#7a5ea8", "#333347", 1.1),
    "dad": Person("dad", "Dad", SKIN["brown"], "#2b1d16", "bald", "#5f7d5c", "#39425e", 1.12),
    "ayo": Person("ayo", "Ayo", SKIN["deep"], "#120c0a", "short", "#e86f4f", "#2f3a56", 0.92),
    "mum": Person("mum", "Mum", SKIN["deep"], "#1a1210", "long", "#4f86a8", "#3a3550", 1.08),
}


def background(kind):
    return Part(_background(kind), what=[{"bedroom": "bedroom", "night": "bedroom at night", "school": "school corridor",
                                          "living": "living room with a sofa", "stairs": "stairs", "park": "park with a bench",
                                          "bus": "bus", "kitchen": "kitchen with a table", "office": "office with a desk"}.get(kind, "wall")])


def _background(kind):
    p = PALETTE
    if kind == "bedroom":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall"]}"/><rect y="380" width="{W}" height="120" fill="{p["floor"]}"/>'
                f'<rect x="520" y="90" width="170" height="120" rx="8" fill="{p["sky"]}" stroke="#fff" stroke-width="10"/>'
                f'<rect x="470" y="300" width="300" height="110" rx="20" fill="{p["bed"]}"/><rect x="480" y="280" width="90" height="40" rx="14" fill="#fff"/>')
    if kind == "night":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall_night"]}"/><rect y="380" width="{W}" height="120" fill="{p["floor_dark"]}"/>'
                f'<rect x="520" y="90" width="170" height="120" rx="8" fill="#1b2240" stroke="#4a5580" stroke-width="10"/>'
                f'<circle cx="640" cy="130" r="22" fill="#f4f1d0"/>'
                f'<rect x="200" y="300" width="420" height="110" rx="20" fill="#5b4f8a"/><rect x="210" y="280" width="100" height="40" rx="14" fill="#c9c3e6"/>')
    if kind == "school":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall_warm"]}"/><rect y="390" width="{W}" height="110" fill="#b9c4cf"/>'
                + "".join(f'<rect x="{x}" y="150" width="70" height="240" rx="6" fill="{p["door"]}"/><circle cx="{x + 58}" cy="280" r="5" fill="{INK}"/>' for x in (60, 150, 240))
                + f'<rect x="430" y="110" width="300" height="150" rx="10" fill="#fff" stroke="{p["desk"]}" stroke-width="8"/>'
                f'<path d="M460 160 h120 M460 190 h200 M460 220 h160" stroke="#9bb0c8" stroke-width="10" stroke-linecap="round"/>')
    if kind == "living":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall_warm"]}"/><rect y="390" width="{W}" height="110" fill="{p["floor"]}"/>'
                f'<rect x="90" y="80" width="140" height="100" rx="6" fill="#f2c46d" stroke="#fff" stroke-width="8"/>'
                f'<rect x="150" y="270" width="500" height="130" rx="30" fill="{p["sofa"]}"/><rect x="150" y="230" width="500" height="70" rx="30" fill="#5a7aab"/>')
    if kind == "stairs":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall"]}"/>'
                + "".join(f'<rect x="{120 + i * 80}" y="{420 - i * 60}" width="{W}" height="{60}" fill="{"#c9b79c" if i % 2 else "#bba685"}"/>' for i in range(6))
                + f'<rect x="0" y="420" width="{W}" height="80" fill="#bba685"/>')
    if kind == "park":
        return (f'<rect width="{W}" height="{H}" fill="{p["sky"]}"/><circle cx="680" cy="90" r="40" fill="#ffe08a"/>'
                f'<rect y="360" width="{W}" height="140" fill="{p["grass"]}"/>'
                f'<rect x="80" y="200" width="26" height="170" fill="#8b6a4a"/><circle cx="93" cy="190" r="70" fill="#6fb36a"/>'
                f'<rect x="420" y="320" width="260" height="18" rx="6" fill="#8b6a4a"/><rect x="440" y="338" width="12" height="40" fill="#6d5139"/><rect x="650" y="338" width="12" height="40" fill="#6d5139"/>')
    if kind == "bus":
        return (f'<rect width="{W}" height="{H}" fill="#dfe7ef"/>'
                + "".join(f'<rect x="{x}" y="60" width="150" height="120" rx="14" fill="{p["sky"]}" stroke="#9fb0c4" stroke-width="8"/>' for x in (40, 230, 420, 610))
                + f'<rect y="330" width="{W}" height="170" fill="#8d99ae"/>'
                + "".join(f'<rect x="{x}" y="250" width="150" height="110" rx="18" fill="#c0504d"/>' for x in (40, 420, 610)))
    if kind == "kitchen":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall_warm"]}"/><rect y="400" width="{W}" height="100" fill="#d9c6a5"/>'
                f'<rect x="40" y="200" width="220" height="200" fill="#9fc5b8"/><rect x="40" y="190" width="220" height="16" fill="#7aa597"/>'
                f'<rect x="560" y="120" width="160" height="280" rx="10" fill="#eef2f5" stroke="#c3ccd6" stroke-width="6"/>'
                f'<rect x="280" y="320" width="300" height="20" rx="6" fill="{p["desk"]}"/><rect x="300" y="340" width="14" height="60" fill="#8b6a4a"/><rect x="546" y="340" width="14" height="60" fill="#8b6a4a"/>')
    if kind == "office":
        return (f'<rect width="{W}" height="{H}" fill="{p["wall"]}"/><rect y="390" width="{W}" height="110" fill="#b9c4cf"/>'
                f'<rect x="360" y="300" width="380" height="24" rx="6" fill="{p["desk"]}"/><rect x="380" y="324" width="16" height="70" fill="#8b6a4a"/><rect x="700" y="324" width="16" height="70" fill="#8b6a4a"/>'
                f'<rect x="560" y="90" width="150" height="110" rx="8" fill="#a8d5a2" stroke="#fff" stroke-width="8"/>')
    return f'<rect width="{W}" height="{H}" fill="{p["wall"]}"/>'


def big_screen(kind, x=400, y=250, w=320, h=220, lines=3):
    """A phone or laptop filling part of the picture: the words on it are in the story's bubbles, not here."""
    thing = "laptop screen" if kind == "laptop" else "phone screen"
    return Part(_big_screen(kind, x, y, w, h, lines), what=[thing + (" with messages" if lines else "")])


def _big_screen(kind, x, y, w, h, lines):
    if kind == "laptop":
        frame = (f'<rect x="{x - w // 2}" y="{y - h // 2}" width="{w}" height="{h}" rx="14" fill="{INK}"/>'
                 f'<rect x="{x - w // 2 - 30}" y="{y + h // 2}" width="{w + 60}" height="18" rx="8" fill="#59647f"/>')
    else:
        frame = f'<rect x="{x - w // 2}" y="{y - h // 2}" width="{w}" height="{h}" rx="34" fill="{INK}"/>'
    inner = f'<rect x="{x - w // 2 + 14}" y="{y - h // 2 + 18}" width="{w - 28}" height="{h - 36}" rx="16" fill="{PALETTE["screen"]}"/>'
    bars = "".join(
        f'<rect x="{x - w // 2 + 30 + (i % 2) * 60}" y="{y - h // 2 + 40 + i * 40}" width="{w - 120}" height="26" rx="13" fill="{"#d6e4f5" if i % 2 else "#ffe2d4"}"/>'
        for i in range(lines)
    )
    return frame + inner + bars


def icon(kind, x, y):
    words = {"gift": "gift box", "heart": "heart", "shield": "shield with a tick", "arrows": "arrows",
             "thought": "thought bubble", "profile": "profile picture with a question mark", "tablet-down": "tablet face down",
             "warning": "warning triangle", "fingerprint": "fingerprint"}
    return Part(_icon(kind, x, y), what=[words.get(kind, kind)])


def _icon(kind, x, y):
    if kind == "gift":
        return (f'<rect x="{x - 30}" y="{y - 20}" width="60" height="46" rx="6" fill="{PALETTE["accent"]}"/><rect x="{x - 6}" y="{y - 20}" width="12" height="46" fill="#ffd36b"/>'
                f'<rect x="{x - 36}" y="{y - 30}" width="72" height="16" rx="5" fill="#ff6f3c"/>')
    if kind == "heart":
        return f'<path d="M{x} {y + 24} l-28 -28 a16 16 0 0 1 28 -20 a16 16 0 0 1 28 20z" fill="{PALETTE["accent"]}"/>'
    if kind == "shield":
        return f'<path d="M{x} {y - 40} l40 14 v22 q0 34 -40 52 q-40 -18 -40 -52 v-22z" fill="#3f8f7a"/><path d="M{x - 16} {y + 4} l12 12 l22 -24" stroke="#fff" stroke-width="7" fill="none" stroke-linecap="round"/>'
    if kind == "arrows":
        return "".join(f'<path d="M{x + dx} {y + dy} l40 0 l-10 -10 m10 10 l-10 10" stroke="{PALETTE["accent"]}" stroke-width="5" fill="none" stroke-linecap="round"/>' for dx, dy in ((0, -40), (20, 0), (0, 40)))
    if kind == "thought":
        return f'<circle cx="{x}" cy="{y}" r="26" fill="#fff" opacity=".85"/><circle cx="{x - 30}" cy="{y + 30}" r="9" fill="#fff" opacity=".85"/>'
    if kind == "profile":
        # A profile picture nobody can vouch for: a plain head-and-shoulders shape with a question mark.
        return (f'<circle cx="{x}" cy="{y}" r="46" fill="#d6e4f5" stroke="{INK}" stroke-width="5"/>'
                f'<circle cx="{x}" cy="{y - 10}" r="16" fill="#9fb0c4"/><path d="M{x - 28} {y + 34} q28 -34 56 0z" fill="#9fb0c4"/>'
                f'<circle cx="{x + 40}" cy="{y - 36}" r="20" fill="{PALETTE["accent"]}"/>'
                f'<path d="M{x + 33} {y - 42} q7 -9 14 0 q0 6 -7 9 v5" stroke="#fff" stroke-width="5" fill="none" stroke-linecap="round"/>'
                f'<circle cx="{x + 40}" cy="{y - 22}" r="3" fill="#fff"/>')
    if kind == "tablet-down":
        return f'<rect x="{x - 34}" y="{y - 8}" width="68" height="14" rx="4" fill="{INK}"/>'
    if kind == "warning":
        return (f'<path d="M{x} {y - 34} l36 62 h-72z" fill="#f2c46d" stroke="{INK}" stroke-width="5" stroke-linejoin="round"/>'
                f'<path d="M{x} {y - 12} v22" stroke="{INK}" stroke-width="6" stroke-linecap="round"/><circle cx="{x}" cy="{y + 18}" r="4" fill="{INK}"/>')
    if kind == "fingerprint":
        return "".join(f'<path d="M{x - r} {y + 10} a{r} {r + 6} 0 0 1 {2 * r} 0" stroke="#3f8f7a" stroke-width="5" fill="none" stroke-linecap="round"/>'
                       for r in (8, 18, 28))
    return ""


def svg(title, *parts):
    body = "".join(parts)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img"><title>{title}</title>{body}</svg>\n')


# What each picture shows, per story folder, filled in by write() and saved by save_manifests().
MANIFESTS = {}


def write(story, name, title, *parts):
    folder = ROOT / story
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.svg").write_text(svg(title, *parts))
    people = [who for part in parts for who in getattr(part, "who", ())]
    things = [what for part in parts for what in getattr(part, "what", ())]
    MANIFESTS.setdefault(story, {})[f"{name}.svg"] = {
        "title": title,
        "people": list(dict.fromkeys(people)),
        "things": list(dict.fromkeys(things)),
    }


def save_manifests(cast):
    for story, pictures in MANIFESTS.items():
        manifest = {"format": 1, "cast": {person.id: person.name for person in cast.values()},
                    "pictures": dict(sorted(pictures.items()))}
        (ROOT / story / "pictures.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")


def game_chat():
    ayo, mum = CAST["ayo"], CAST["mum"]
    write("game-chat", "cover", "Ayo playing a game", background("living"), big_screen("laptop", 620, 170, 220, 140, 2),
          ayo.draw(330, 400, "happy", "sit", "controller"))
    write("game-chat", "playing", "Ayo building in a game", background("bedroom"), ayo.draw(250, 420, "happy", "sit", "tablet", scale=1.1),
          big_screen("laptop", 560, 210, 260, 170, 2))
    write("game-chat", "gift", "A gift in the chat", background("bedroom"), big_screen("phone", 400, 250, 300, 400, 4), icon("gift", 400, 100))
    write("game-chat", "talk", "Ayo and Mum talking", background("living"), ayo.draw(300, 400, "worried", "sit", "tablet"),
          mum.draw(480, 400, "happy", "sit", facing=-1), icon("heart", 390, 90))
    write("game-chat", "pressure", "Angry messages", background("bedroom"), big_screen("phone", 400, 250, 300, 400, 5), icon("arrows", 620, 250))
    write("game-chat", "private", "A late-night chat", background("night"), ayo.draw(330, 400, "worried", "sit", "phone"), icon("thought", 430, 120))
    write("game-chat", "report", "Making a report", background("office"), big_screen("laptop", 400, 220, 340, 220, 3), icon("shield", 400, 400))
    write("game-chat", "alone", "Ayo alone on the stairs", background("stairs"), ayo.draw(300, 430, "sad", "sit"),
          icon("tablet-down", 430, 412))


if __name__ == "__main__":
    game_chat()
    import sharing  # noqa: E402  (the flagship's scenes live beside this file)
    sharing.draw(CAST, background, big_screen, icon, write)
    save_manifests(CAST)
