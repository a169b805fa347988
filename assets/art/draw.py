#!/usr/bin/env python3
"""Draws every story illustration from one character rig, so each character looks the same in every panel.

Run from the repo root, then place the bubbles on the new art:
    python3 assets/art/draw.py && python3 assets/art/bubbles.py

The rig: each Character is defined once (face shape, skin, hair, clothes, a marker such as glasses or a hijab, a
wheelchair) and drawn with an expression (neutral, happy, worried, upset, angry, thinking, surprised), a pose
(stand, sit, phone, hand-to-face, arms-folded, comfort) and a shot (wide, medium, close-up: the same figure at a
larger scale, cut by the frame). Settings are reusable backgrounds (bedroom, classroom, corridor, kitchen, living
room, park, bus, stairs). Plain Python 3.11 standard library; every SVG is 800x500 and self-contained (pictures
shown with <img> cannot load other files).

Words are never drawn: they are real text in the story's bubbles, placed over the art by the player. So every
picture keeps its top part calm for the bubbles, and phones show chat shapes only, never a picture of a person.

Beside each story's pictures it writes:
- pictures.json: the cast, and for each picture who is drawn and the main things drawn (storycheck reads it to
  warn when an alt text names someone who is not in the picture; its format is fixed by
  src/engine/authoring/pictures.rs, which refuses unknown fields, so nothing is added to it);
- anchors.json: for each picture, each person's expression, pose and shot, and anchor points as whole percent of
  the panel (mouth, top of the head, the phone they hold), the phones drawn, the boxes bubbles must not cover
  (keep_clear: faces), and boxes they had better not cover (bodies; screens, where only a message may sit).
  assets/art/bubbles.py uses it to place bubbles and point their tails.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "assets"
W, H = 800, 500
INK = "#1f2a44"
MOUTH = "#6b2330"
BLUSH = "#e8836f"

# Warm, muted colours with dark outlines, so the pictures hold up on a washed-out classroom projector.
SKIN = {"deep": "#6b4331", "brown": "#9a6440", "tan": "#c68e5e", "light": "#eec39a", "pale": "#f6d8bd"}


def n(v):
    """A number as short SVG text: whole numbers without a decimal point, others to one place."""
    v = round(v, 1)
    return str(int(v)) if v == int(v) else str(v)


class Part(str):
    """SVG text that remembers who (cast ids) and what (plain words) it draws, for the manifest."""

    def __new__(cls, text, who=(), what=()):
        part = super().__new__(cls, text)
        part.who, part.what = tuple(who), tuple(what)
        return part


# Where the parts of a figure sit, in the figure's own units: feet at (0, 0), about 275 units tall standing.
HEAD_Y = -228
SHOULDER = (38, -164)
SIT_DROP = 62  # how far the upper body drops when sitting

# Expressions: eyebrows (left brow as a path from the outer to the inner end; the right one mirrors it unless given),
# eye shape, where the pupils look, and the mouth. Head units: the face is about 84 wide, eyes at (+-15, 2).
EXPRESSIONS = {
    "neutral": dict(brow="M-25 -19 Q-16 -22 -7 -19", eye=(8.5, 10), lid=None, look=(0, 1),
                    mouth='<path d="M-9 24 Q0 27 9 24" fill="none"/>'),
    "happy": dict(brow="M-25 -19 Q-16 -28 -7 -21", eye=(8.5, 10), lid="smile", look=(0, 0),
                  mouth=f'<path d="M-15 17 Q0 38 15 17 Z" fill="{MOUTH}"/>', blush=True),
    "worried": dict(brow="M-25 -17 Q-15 -19 -7 -26", eye=(8.5, 10.5), lid=None, look=(0, 2),
                    mouth='<path d="M-11 27 q5.5 -5 11 0 q5.5 5 11 0" fill="none"/>'),
    "upset": dict(brow="M-25 -13 Q-15 -17 -7 -26", eye=(8.5, 10), lid="sad", look=(0, 4),
                  mouth=f'<path d="M-13 31 Q0 17 13 31 Z" fill="{MOUTH}"/>', tear=True),
    "angry": dict(brow="M-26 -25 Q-15 -21 -6 -13", eye=(8.5, 9), lid="cross", look=(0, 1),
                  mouth=f'<path d="M-13 29 Q0 18 13 29 Z" fill="{MOUTH}"/>'),
    "thinking": dict(brow="M-25 -23 Q-16 -30 -7 -24", brow_r="M25 -18 Q16 -19 7 -17", eye=(8.5, 10), lid=None,
                     look=(3, -3), mouth='<path d="M-3 25 Q5 21 12 23" fill="none"/>'),
    "surprised": dict(brow="M-25 -26 Q-16 -34 -7 -28", eye=(9.5, 12), lid=None, look=(0, 0), pupil=3.8,
                      mouth=f'<ellipse cx="0" cy="26" rx="7" ry="9" fill="{MOUTH}"/>'),
}
POSES = ("stand", "sit", "phone", "hand-to-face", "arms-folded", "comfort")
SHOTS = {"wide": 1.0, "medium": 1.75, "close-up": 3.0}


class Character:
    """One person of a story, drawn the same way in every picture."""

    def __init__(self, id, name, skin, face, hair, hair_colour, top, legs, marker=None, height=1.0,
                 wheelchair=False, shoes="#3a3340"):
        self.id, self.name, self.skin, self.face, self.hair, self.hair_colour = id, name, skin, face, hair, hair_colour
        self.top, self.legs, self.marker, self.height, self.wheelchair, self.shoes = top, legs, marker, height, wheelchair, shoes

    def draw(self, pic, x, y, expression="neutral", pose="stand", shot="wide", facing=1, scale=None, sit=False,
             look=None, head=None, hold="phone"):
        """Draws the person with the feet (or the wheelchair's floor point) at (x, y) on `pic`.

        A close-up is the same figure, bigger, cut by the frame: give `head` (the y of the head's centre) instead of
        the feet, and the feet land below the picture.
        """
        assert expression in EXPRESSIONS and pose in POSES and shot in SHOTS, (expression, pose, shot)
        s = (scale or SHOTS[shot]) * self.height
        sitting = sit or pose == "sit" or self.wheelchair
        dy = SIT_DROP if sitting else 0
        if head is not None:
            y = head - (HEAD_Y + dy) * s
        lw = n(3.2 / s + 1.0)
        out = [f'<g transform="translate({n(x)} {n(y)}) scale({n(s * facing)} {n(s)})" stroke="{INK}" '
               f'stroke-width="{lw}" stroke-linejoin="round" stroke-linecap="round">']
        if self.wheelchair:
            out.append(wheelchair_back())
        out.append(self._legs(sitting))
        out.append(self._body(dy))
        out.append(self._arms(pose, dy, float(lw), hold))
        out.append(self._head(expression, dy, look))
        if self.wheelchair:
            out.append(wheelchair_front())
        out.append("</g>")
        things = []
        if pose == "phone":
            things.append({"phone": "phone", "tablet": "tablet", "controller": "game controller"}[hold])
        if self.wheelchair:
            things.append("wheelchair")

        def at(lx, ly):
            return (x + lx * s * facing, y + ly * s)

        anchors = {"mouth": at(0, HEAD_Y + dy + 25), "head": at(0, HEAD_Y + dy - 52)}
        if pose == "phone":
            anchors["phone"] = at(1, -140 + dy)
        # The face, as a box bubbles should leave uncovered.
        fx0, fy0 = at(-46 * facing, HEAD_Y + dy - 56)
        fx1, fy1 = at(46 * facing, HEAD_Y + dy + 50)
        bx0, by0 = at(-52 * facing, HEAD_Y + dy + 50)
        bx1, by1 = at(52 * facing, 0)
        pic.person(self.id, expression, pose, shot, anchors, (min(fx0, fx1), fy0, max(fx0, fx1), fy1),
                   (min(bx0, bx1), by0, max(bx0, bx1), min(by1, H)))
        pic.add(Part("".join(out), who=[self.id], what=things))

    def _legs(self, sitting):
        legs, shoes = self.legs, self.shoes
        if sitting:
            # Seen from the front: the lap, then the shins down to the floor.
            return (f'<rect x="-36" y="-70" width="72" height="30" rx="12" fill="{legs}"/>'
                    f'<rect x="-32" y="-50" width="24" height="44" rx="9" fill="{legs}"/>'
                    f'<rect x="8" y="-50" width="24" height="44" rx="9" fill="{legs}"/>'
                    f'<ellipse cx="-20" cy="-6" rx="17" ry="8" fill="{shoes}"/><ellipse cx="20" cy="-6" rx="17" ry="8" fill="{shoes}"/>')
        return (f'<rect x="-31" y="-108" width="27" height="100" rx="10" fill="{legs}"/>'
                f'<rect x="4" y="-108" width="27" height="100" rx="10" fill="{legs}"/>'
                f'<ellipse cx="-19" cy="-6" rx="18" ry="8" fill="{shoes}"/><ellipse cx="19" cy="-6" rx="18" ry="8" fill="{shoes}"/>')

    def _body(self, dy):
        top = self.top
        y0, y1 = -176 + dy, -100 + dy
        out = [f'<rect x="-10" y="{-196 + dy}" width="20" height="26" fill="{self.skin}"/>',
               f'<path d="M-42 {y0 + 26} Q-42 {y0} -14 {y0} H14 Q42 {y0} 42 {y0 + 26} L38 {y1} H-38 Z" fill="{top}"/>',
               # A collar line and a seam, so a top reads as clothes rather than a block of colour.
               f'<path d="M-12 {y0} Q0 {y0 + 14} 12 {y0}" fill="none"/>']
        if self.marker == "lanyard":
            out.append(f'<path d="M-12 {y0} L0 {y0 + 46} L12 {y0}" fill="none" stroke="#e05a47" stroke-width="4"/>'
                       f'<rect x="-9" y="{y0 + 44}" width="18" height="22" rx="3" fill="#fff"/>')
        if self.marker == "headphones":
            out.append(f'<path d="M-26 {y0 - 4} Q0 {y0 + 26} 26 {y0 - 4}" fill="none" stroke="{INK}" stroke-width="7"/>'
                       f'<rect x="-36" y="{y0 - 14}" width="16" height="22" rx="6" fill="#e8b84a"/>'
                       f'<rect x="20" y="{y0 - 14}" width="16" height="22" rx="6" fill="#e8b84a"/>')
        return "".join(out)

    def _arms(self, pose, dy, lw, hold):
        top, skin = self.top, self.skin
        sx, sy = SHOULDER
        sy += dy
        # Each arm: shoulder, elbow, hand. Left arm is x < 0.
        down_l, down_r = ((-sx, sy), (-50, sy + 36), (-48, sy + 70)), ((sx, sy), (50, sy + 36), (48, sy + 70))
        arms, extra = [down_l, down_r], ""
        if pose == "phone":
            arms = [((-sx, sy), (-50, sy + 34), (-12, sy + 30)), ((sx, sy), (50, sy + 34), (14, sy + 30))]
            # The "phone" pose holds a thing in both hands at the chest: a phone (its back), a tablet or a controller.
            extra = {
                "phone": f'<rect x="-15" y="{sy + 2}" width="32" height="50" rx="6" fill="{INK}"/>'
                         f'<rect x="-10" y="{sy + 7}" width="22" height="38" rx="3" fill="#5a6a94" stroke="none"/>',
                "tablet": f'<rect x="-40" y="{sy}" width="82" height="58" rx="7" fill="{INK}"/>'
                          f'<rect x="-33" y="{sy + 7}" width="68" height="44" rx="3" fill="#5a6a94" stroke="none"/>',
                "controller": f'<rect x="-36" y="{sy + 16}" width="74" height="30" rx="14" fill="{INK}"/>'
                              f'<circle cx="16" cy="{sy + 30}" r="5" fill="#ff8a5b" stroke="none"/>',
            }[hold]
        elif pose == "hand-to-face":
            arms = [((-sx, sy), (-58, sy + 24), (-30, HEAD_Y + dy + 30)), down_r]
        elif pose == "comfort":
            # An arm round the shoulder of the person beside them.
            arms = [down_l, ((sx, sy), (62, sy - 16), (94, sy - 6))]
        elif pose == "arms-folded":
            arms = [((-sx, sy), (-46, sy + 38), (30, sy + 36)), ((sx, sy), (46, sy + 44), (-30, sy + 44))]
        out = []
        if pose == "phone":
            out.append(extra)
        for (a, b, c) in arms:
            d = f"M{n(a[0])} {n(a[1])} Q{n(b[0])} {n(b[1])} {n(c[0])} {n(c[1])}"
            out.append(f'<path d="{d}" fill="none" stroke-width="{n(21 + 2 * lw)}"/>'
                       f'<path d="{d}" fill="none" stroke="{top}" stroke-width="21"/>')
        for (_, _, c) in arms:
            out.append(f'<circle cx="{n(c[0])}" cy="{n(c[1])}" r="10" fill="{skin}"/>')
        return "".join(out)

    def _head(self, expression, dy, look):
        skin, hair = self.skin, self.hair_colour
        e = EXPRESSIONS[expression]
        out = [f'<g transform="translate(0 {HEAD_Y + dy})">']
        out.append(hair_back(self.hair, hair))
        if self.hair != "hijab":
            out.append(f'<circle cx="-41" cy="4" r="9" fill="{skin}"/><circle cx="41" cy="4" r="9" fill="{skin}"/>')
        out.append(face_shape(self.face, skin, self.hair == "hijab"))
        if self.marker == "beard":
            out.append(f'<path d="M-38 6 Q-36 52 0 54 Q36 52 38 6 Q30 34 14 34 Q0 28 -14 34 Q-30 34 -38 6 Z" fill="{hair}"/>')
        out.append(hair_front(self.hair, hair))
        out.append(features(e, skin, look))
        if self.marker == "glasses":
            out.append('<g fill="none" stroke-width="3.5"><circle cx="-15" cy="2" r="14"/><circle cx="15" cy="2" r="14"/>'
                       '<path d="M-1 0 Q0 -3 1 0 M-29 0 L-41 -4 M29 0 L41 -4"/></g>')
        if self.marker == "earrings":
            out.append('<circle cx="-41" cy="18" r="4" fill="#e8b84a"/><circle cx="41" cy="18" r="4" fill="#e8b84a"/>')
        out.append("</g>")
        return "".join(out)


def face_shape(shape, skin, framed):
    if framed:
        return f'<ellipse cx="0" cy="4" rx="35" ry="42" fill="{skin}"/>'
    if shape == "oval":
        return f'<ellipse cx="0" cy="0" rx="39" ry="47" fill="{skin}"/>'
    if shape == "square":
        return f'<path d="M-41 -20 Q-41 -46 0 -46 Q41 -46 41 -20 V14 Q41 46 0 48 Q-41 46 -41 14 Z" fill="{skin}"/>'
    if shape == "heart":
        return f'<path d="M-42 -10 Q-42 -46 0 -46 Q42 -46 42 -10 Q42 28 0 50 Q-42 28 -42 -10 Z" fill="{skin}"/>'
    return f'<ellipse cx="0" cy="0" rx="42" ry="45" fill="{skin}"/>'


def hair_back(style, c):
    if style == "long":
        return f'<path d="M-46 -8 Q-50 -54 0 -54 Q50 -54 46 -8 L52 70 Q0 84 -52 70 Z" fill="{c}"/>'
    if style == "puffs":
        return f'<circle cx="-44" cy="-34" r="21" fill="{c}"/><circle cx="44" cy="-34" r="21" fill="{c}"/>'
    if style == "bun":
        return f'<circle cx="0" cy="-56" r="19" fill="{c}"/>'
    if style == "hijab":
        return f'<path d="M-50 4 Q-52 -58 0 -58 Q52 -58 50 4 L60 80 Q0 96 -60 80 Z" fill="{c}"/>'
    return ""


def hair_front(style, c):
    if style == "curly":
        curls = ((-34, -22), (-26, -38), (-10, -46), (8, -46), (24, -40), (35, -24), (-38, -6), (38, -8))
        return "".join(f'<circle cx="{x}" cy="{y}" r="14" fill="{c}"/>' for x, y in curls)
    if style == "short":
        return f'<path d="M-43 -2 Q-48 -50 0 -50 Q44 -52 44 -4 Q38 -26 18 -30 Q10 -20 -12 -28 Q-32 -26 -43 -2 Z" fill="{c}"/>'
    if style == "quiff":
        return f'<path d="M-43 -6 Q-46 -48 -6 -52 Q20 -66 42 -44 Q48 -30 43 -6 Q36 -30 14 -28 Q-20 -36 -43 -6 Z" fill="{c}"/>'
    if style == "puffs":
        return f'<path d="M-41 -8 Q-40 -46 0 -47 Q40 -46 41 -8 Q30 -34 0 -32 Q-30 -34 -41 -8 Z" fill="{c}"/>'
    if style == "bun":
        return f'<path d="M-42 0 Q-44 -46 0 -46 Q44 -46 42 0 Q36 -30 0 -34 Q-36 -30 -42 0 Z" fill="{c}"/>'
    if style == "long":
        return f'<path d="M-42 6 Q-44 -48 0 -48 Q44 -48 42 6 Q34 -24 10 -30 Q-14 -22 -42 6 Z" fill="{c}"/>'
    if style == "hijab":
        # The front edge of the scarf around the face.
        return f'<path d="M-36 -6 Q-32 -44 0 -44 Q32 -44 36 -6" fill="none" stroke="{c}" stroke-width="5"/>'
    return ""  # bald


def features(e, skin, look):
    lx, ly = look or e["look"]
    rx, ry = e["eye"]
    pupil = e.get("pupil", 5)
    nose_colour = "#00000030"
    out = []
    brow_l = e["brow"]
    out.append(f'<path d="{brow_l}" fill="none" stroke-width="5"/>')
    brow_r = e.get("brow_r") or mirror(brow_l)
    out.append(f'<path d="{brow_r}" fill="none" stroke-width="5"/>')
    for ex in (-15, 15):
        out.append(f'<ellipse cx="{ex}" cy="2" rx="{rx}" ry="{ry}" fill="#fff" stroke-width="2.5"/>'
                   f'<circle cx="{n(ex + lx)}" cy="{n(2 + ly)}" r="{pupil}" fill="{INK}" stroke="none"/>'
                   # A catchlight, so the eyes look alive.
                   f'<circle cx="{n(ex + lx + 1.6)}" cy="{n(ly)}" r="1.6" fill="#fff" stroke="none"/>')
        lid = e["lid"]
        if lid == "sad":
            out.append(f'<path d="M{ex - rx - 1} 1 Q{ex} {-ry - 4} {ex + rx + 1} 1 Z" fill="{skin}" stroke-width="2.5"/>')
        elif lid == "cross":
            # An angry lid slopes down towards the nose.
            x0, x1 = ex - rx - 1, ex + rx + 1
            y0, y1 = (-4, 3) if ex < 0 else (3, -4)
            out.append(f'<path d="M{x0} {-ry - 1} L{x1} {-ry - 1} L{x1} {y1} L{x0} {y0} Z" fill="{skin}" stroke="none"/>'
                       f'<path d="M{x0} {y0} L{x1} {y1}" fill="none" stroke-width="2.5"/>')
        elif lid == "smile":
            out.append(f'<path d="M{ex - rx} {ry - 1} Q{ex} {ry - 7} {ex + rx} {ry - 1}" fill="none" stroke-width="2.5"/>')
    out.append(f'<path d="M-3 12 Q0 16 4 12" fill="none" stroke="{nose_colour}" stroke-width="3"/>')
    if e.get("blush"):
        out.append(f'<ellipse cx="-27" cy="16" rx="7" ry="4" fill="{BLUSH}" stroke="none" opacity=".55"/>'
                   f'<ellipse cx="27" cy="16" rx="7" ry="4" fill="{BLUSH}" stroke="none" opacity=".55"/>')
    if e.get("tear"):
        out.append('<path d="M22 14 Q18 22 22 25 Q26 22 22 14 Z" fill="#7cc0e8" stroke-width="1.5"/>')
    out.append(f'<g stroke-width="3.5">{e["mouth"]}</g>')
    return "".join(out)


def mirror(path):
    """The same path reflected left to right (x -> -x), for the right eyebrow."""
    words, out = path.replace("M", "M ").replace("Q", "Q ").split(), []
    i = 0
    for w in words:
        if w in ("M", "Q"):
            out.append(w)
            i = 0
            continue
        out.append(n(-float(w)) if i % 2 == 0 else w)
        i += 1
    return " ".join(out).replace("M ", "M").replace("Q ", "Q")


def wheelchair_back():
    return (f'<rect x="-44" y="-190" width="88" height="120" rx="10" fill="#5f6b85"/>'
            f'<rect x="-50" y="-80" width="100" height="16" rx="6" fill="#4a5470"/>')


def wheelchair_front():
    # A big wheel on the near side with its push rim, a small caster and the footplate.
    spokes = "".join(f'<path d="M{n(-64 + 52 * c)} {n(-58 + 52 * s)} L{n(-64 - 52 * c)} {n(-58 - 52 * s)}" fill="none" stroke-width="2"/>'
                     for c, s in ((1, 0), (0, 1), (0.7, 0.7), (0.7, -0.7)))
    return (f'<circle cx="-64" cy="-58" r="58" fill="none" stroke-width="9"/><circle cx="-64" cy="-58" r="46" fill="none" stroke="#9aa6bf" stroke-width="4"/>'
            f'{spokes}<circle cx="-64" cy="-58" r="8" fill="#9aa6bf"/>'
            f'<circle cx="44" cy="-10" r="10" fill="#4a5470"/><rect x="-36" y="-14" width="72" height="8" rx="3" fill="#4a5470"/>')


# The cast. Each is one Character, used in every picture they appear in. Skin tones vary across the cast so that no
# one look marks the person who causes harm: Riley, who pressures Sam and shares the picture, shares a skin tone
# with Amira; Jordan, who stands by Sam, is the lightest-skinned. Markers make each one known at a glance.
CAST = {
    "sam": Character("sam", "Sam", SKIN["brown"], "round", "curly", "#2b1d16", "#3f8f7a", "#2f3a56"),
    "riley": Character("riley", "Riley", SKIN["tan"], "square", "quiff", "#b5792f", "#b5485a", "#3a3a48", height=1.04),
    "jordan": Character("jordan", "Jordan", SKIN["pale"], "heart", "puffs", "#7a4a24", "#e0a63a", "#46507a", marker="glasses"),
    "amira": Character("amira", "Amira", SKIN["tan"], "oval", "hijab", "#7a5ea8", "#5b7fd1", "#2f3a56"),
    "ms_okafor": Character("ms_okafor", "Ms Okafor", SKIN["deep"], "oval", "bun", "#20150f", "#c0704a", "#333347",
                           marker="lanyard", height=1.08, wheelchair=True),
    "dad": Character("dad", "Dad", SKIN["brown"], "square", "bald", "#2b1d16", "#5f7d5c", "#39425e", marker="beard", height=1.12),
    "ayo": Character("ayo", "Ayo", SKIN["deep"], "round", "short", "#120c0a", "#e86f4f", "#2f3a56", marker="headphones", height=0.94),
    "mum": Character("mum", "Mum", SKIN["deep"], "oval", "long", "#1a1210", "#4f86a8", "#3a3550", marker="earrings", height=1.08),
    # The parents' story: June, a grandmother who is her grandson's carer (grey hair in a bun, glasses, a plum
    # cardigan), and Zac, 13, in a mustard hoodie. They share a skin tone, as family often do.
    "june": Character("june", "June", SKIN["light"], "oval", "bun", "#c9cbd3", "#8a4f7d", "#3a3550", marker="glasses", height=1.02),
    "zac": Character("zac", "Zac", SKIN["light"], "round", "short", "#5a3a22", "#d39a2e", "#2f3a56", height=0.98),
}


class Picture:
    """One panel being drawn: its parts, and what the manifests record about it."""

    def __init__(self, story, name, title, setting=None, night=False):
        self.story, self.name, self.title = story, name, title
        self.parts, self.people, self.phones, self.clear, self.screens, self.bodies = [], {}, [], [], [], []
        if setting:
            self.add(background(setting, night))

    def add(self, part):
        self.parts.append(part if isinstance(part, Part) else Part(part))
        return self

    def person(self, id, expression, pose, shot, anchors, face_box, body_box):
        self.people[id] = {"expression": expression, "pose": pose, "shot": shot,
                           **{k: pct(*v) for k, v in anchors.items()}}
        if "phone" in anchors:
            self.phones.append(pct(*anchors["phone"]))
        self.clear.append(box_pct(*face_box))
        self.bodies.append(box_pct(*body_box))

    def phone_at(self, x, y, box=None):
        self.phones.append(pct(x, y))
        if box:
            self.screens.append(box_pct(*box))

    def save(self):
        folder = ROOT / self.story
        folder.mkdir(parents=True, exist_ok=True)
        body = "".join(self.parts)
        (folder / f"{self.name}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img"><title>{self.title}</title>{body}</svg>\n')
        people = [who for part in self.parts for who in part.who]
        things = [what for part in self.parts for what in part.what]
        MANIFESTS.setdefault(self.story, {})[f"{self.name}.svg"] = {
            "title": self.title, "people": list(dict.fromkeys(people)), "things": list(dict.fromkeys(things))}
        ANCHORS.setdefault(self.story, {})[f"{self.name}.svg"] = {
            "people": self.people, "phones": self.phones, "keep_clear": self.clear, "screens": self.screens,
            "bodies": self.bodies}


def pct(x, y):
    return {"x": max(0, min(100, round(x / W * 100))), "y": max(0, min(100, round(y / H * 100)))}


def box_pct(x0, y0, x1, y1):
    return [max(0, round(x0 / W * 100)), max(0, round(y0 / H * 100)), min(100, round(x1 / W * 100)), min(100, round(y1 / H * 100))]


MANIFESTS, ANCHORS = {}, {}


# Settings. Each is drawn once here and reused: a light outline keeps the comic look without fighting the figures.
SETTING_WORDS = {"bedroom": "bedroom", "classroom": "classroom", "corridor": "school corridor with lockers",
                 "kitchen": "kitchen", "living": "living room with a sofa", "park": "park with a bench", "bus": "bus",
                 "stairs": "stairs"}


def background(kind, night=False):
    what = SETTING_WORDS[kind] + (" at night" if night else "")
    body = BACKGROUNDS[kind](night)
    return Part(f'<g stroke="{INK}" stroke-width="3" stroke-linejoin="round">{body}</g>', what=[what])


def bg_bedroom(night):
    wall, floor = ("#2f3a5e", "#3d4670") if night else ("#f3e6d3", "#c9a982")
    sky = "#1b2240" if night else "#bfe0f2"
    bed, duvet = ("#4e4680", "#6a5fa6") if night else ("#8e7cc3", "#b7a8e0")
    out = (f'<rect width="800" height="500" fill="{wall}" stroke="none"/><rect y="400" width="800" height="100" fill="{floor}"/>'
           f'<rect x="520" y="60" width="190" height="140" rx="6" fill="{sky}" stroke-width="8" stroke="#fff"/>'
           f'<path d="M615 60 V200 M520 130 H710" stroke="#fff" stroke-width="6"/>'
           f'<path d="M500 50 H730 L722 230 Q700 170 690 60 M500 50 L508 230 Q530 170 540 60" fill="#d98b6c"/>'
           f'<rect x="70" y="90" width="90" height="120" rx="4" fill="#f2c46d" transform="rotate(-4 115 150)"/>'
           f'<circle cx="115" cy="140" r="22" fill="#e86f4f" stroke="none" transform="rotate(-4 115 150)"/>'
           f'<rect x="420" y="300" width="360" height="120" rx="16" fill="{bed}"/><rect x="430" y="272" width="110" height="44" rx="16" fill="#f6f1ea"/>'
           f'<path d="M560 300 H780 V408 Q660 420 560 408 Z" fill="{duvet}"/>')
    if night:
        out += ('<circle cx="650" cy="110" r="20" fill="#f4f1d0" stroke="none"/>'
                # A bedside lamp, the only light on.
                '<rect x="40" y="300" width="110" height="100" fill="#4a5480"/><circle cx="95" cy="270" r="30" fill="#f6e7a8" opacity=".35" stroke="none"/>'
                '<path d="M80 300 L86 256 H104 L110 300 Z" fill="#f6e7a8"/>')
    return out


def bg_classroom(_):
    desks = "".join(f'<rect x="{x}" y="380" width="190" height="18" rx="5" fill="#c08a5a"/>'
                    f'<rect x="{x + 14}" y="398" width="12" height="80" fill="#8b6a4a"/><rect x="{x + 164}" y="398" width="12" height="80" fill="#8b6a4a"/>'
                    for x in (20, 590))
    return (f'<rect width="800" height="500" fill="#eef0e4" stroke="none"/><rect y="420" width="800" height="80" fill="#b9c4cf"/>'
            f'<rect x="200" y="70" width="400" height="190" rx="8" fill="#fbfcfd" stroke="#8b6a4a" stroke-width="10"/>'
            f'<path d="M240 120 H420 M240 160 H540 M240 200 H470" stroke="#9bb0c8" stroke-width="9"/>'
            f'<circle cx="700" cy="100" r="30" fill="#fff"/><path d="M700 84 V100 H712" fill="none"/>'
            f'<rect x="40" y="80" width="110" height="150" rx="4" fill="#bfe0f2" stroke="#fff" stroke-width="8"/>' + desks)


def bg_corridor(_):
    lockers = "".join(f'<rect x="{x}" y="130" width="78" height="290" fill="{c}"/>'
                      f'<path d="M{x + 16} 160 h46 M{x + 16} 172 h46 M{x + 16} 184 h46" stroke-width="3"/>'
                      f'<rect x="{x + 60}" y="260" width="8" height="30" rx="3" fill="{INK}" stroke="none"/>'
                      for x, c in zip(range(0, 800, 78), ["#6c8ebf", "#7e9fcc"] * 6))
    return (f'<rect width="800" height="500" fill="#f1e6cf" stroke="none"/>{lockers}'
            f'<rect y="420" width="800" height="80" fill="#c9cdd4"/><path d="M0 440 H800" stroke="#aab0ba" stroke-width="3"/>'
            f'<rect y="118" width="800" height="14" fill="#4e6a9a"/>')


def bg_kitchen(_):
    return ('<rect width="800" height="500" fill="#f6ece0" stroke="none"/><rect y="410" width="800" height="90" fill="#d9c6a5"/>'
            '<rect x="30" y="230" width="250" height="180" fill="#9fc5b8"/><rect x="20" y="218" width="270" height="18" rx="4" fill="#e7dccb"/>'
            '<path d="M155 240 V400 M30 320 H280" stroke-width="3"/>'
            '<rect x="40" y="60" width="230" height="110" fill="#9fc5b8"/><path d="M155 60 V170" stroke-width="3"/>'
            '<rect x="600" y="110" width="170" height="300" rx="10" fill="#eef2f5"/><path d="M600 220 H770 M620 160 v30 M620 250 v40" stroke-width="4"/>'
            '<rect x="330" y="60" width="180" height="120" rx="4" fill="#bfe0f2" stroke="#fff" stroke-width="8"/>'
            '<circle cx="690" cy="150" r="6" fill="#e86f4f"/><rect x="672" y="240" width="24" height="20" rx="3" fill="#f2c46d"/>')


def bg_living(_):
    return ('<rect width="800" height="500" fill="#f4e3cf" stroke="none"/><rect y="410" width="800" height="90" fill="#c9a982"/>'
            '<ellipse cx="400" cy="460" rx="300" ry="30" fill="#d98b6c" opacity=".5"/>'
            '<rect x="80" y="60" width="150" height="110" rx="4" fill="#f2c46d" stroke="#fff" stroke-width="8"/>'
            '<path d="M100 150 L140 100 L170 130 L190 110 L212 150 Z" fill="#6fb36a" stroke="none"/>'
            '<rect x="130" y="250" width="540" height="90" rx="30" fill="#5a7aab"/>'
            '<rect x="100" y="310" width="600" height="100" rx="24" fill="#6c8ebf"/>'
            '<rect x="90" y="290" width="60" height="120" rx="24" fill="#5a7aab"/><rect x="650" y="290" width="60" height="120" rx="24" fill="#5a7aab"/>'
            '<path d="M720 410 V200 M700 200 H760 L748 150 H712 Z" fill="#f6e7a8"/>')


def bg_park(_):
    return ('<rect width="800" height="500" fill="#cfe6f5" stroke="none"/><circle cx="700" cy="70" r="36" fill="#ffe08a" stroke="none"/>'
            '<path d="M0 300 Q200 260 400 290 T800 280 V500 H0 Z" fill="#b9dba8"/>'
            '<rect y="380" width="800" height="120" fill="#a8d5a2" stroke="none"/>'
            '<path d="M520 500 Q560 420 800 400 V440 Q640 450 600 500 Z" fill="#e2d2b0" stroke="none"/>'
            '<rect x="60" y="170" width="28" height="220" fill="#8b6a4a"/><circle cx="74" cy="150" r="72" fill="#6fb36a"/>'
            '<circle cx="130" cy="200" r="44" fill="#5fa35a"/>'
            '<rect x="720" y="200" width="22" height="190" fill="#8b6a4a"/><circle cx="731" cy="180" r="56" fill="#6fb36a"/>'
            '<rect x="230" y="360" width="380" height="20" rx="6" fill="#a0714a"/><rect x="230" y="320" width="380" height="16" rx="6" fill="#a0714a"/>'
            '<rect x="250" y="380" width="14" height="60" fill="#6d5139"/><rect x="576" y="380" width="14" height="60" fill="#6d5139"/>')


def bg_bus(_):
    windows = "".join(f'<rect x="{x}" y="60" width="170" height="140" rx="16" fill="#cfe6f5" stroke="#9fb0c4" stroke-width="8"/>'
                      f'<path d="M{x + 4} 170 Q{x + 60} 140 {x + 166} 160 V196 H{x + 4} Z" fill="#a8d5a2" stroke="none"/>'
                      for x in (20, 215, 410, 605))
    seats = "".join(f'<rect x="{x}" y="230" width="150" height="150" rx="20" fill="#c0504d"/><rect x="{x + 10}" y="240" width="130" height="16" rx="6" fill="#a84440"/>'
                    for x in (20, 630))
    return (f'<rect width="800" height="500" fill="#e3e8ee" stroke="none"/>{windows}'
            f'<rect y="380" width="800" height="120" fill="#8d99ae"/>{seats}'
            f'<path d="M600 0 V380" stroke="#e8b84a" stroke-width="10"/>')


def bg_stairs(_):
    steps = "".join(f'<rect x="{100 + i * 90}" y="{430 - i * 62}" width="800" height="62" fill="{"#c9a982" if i % 2 else "#b89772"}"/>'
                    for i in range(6))
    return (f'<rect width="800" height="500" fill="#eae4f2" stroke="none"/>{steps}<rect y="430" width="800" height="70" fill="#b89772"/>'
            f'<path d="M60 430 V200 M140 400 L600 80" stroke-width="8" fill="none"/>'
            f'<rect x="30" y="60" width="100" height="80" rx="4" fill="#f2c46d"/>')


BACKGROUNDS = {"bedroom": bg_bedroom, "classroom": bg_classroom, "corridor": bg_corridor, "kitchen": bg_kitchen,
               "living": bg_living, "park": bg_park, "bus": bg_bus, "stairs": bg_stairs}


# Props.
def phone_closeup(pic, x, y, h, messages, skin, hand=True, header="#3f8f7a"):
    """A phone held up close, filling part of the frame, its screen showing chat shapes (never a picture).

    messages: a list of ("in" | "out", length 0..1) for the grey and coloured bubbles, top to bottom.
    """
    w = h * 0.56
    x0, y0 = x - w / 2, y - h / 2
    out = [f'<g stroke="{INK}" stroke-width="4" stroke-linejoin="round">',
           f'<rect x="{n(x0)}" y="{n(y0)}" width="{n(w)}" height="{n(h)}" rx="{n(w * 0.12)}" fill="{INK}"/>',
           f'<rect x="{n(x0 + 10)}" y="{n(y0 + 14)}" width="{n(w - 20)}" height="{n(h - 28)}" rx="{n(w * 0.06)}" fill="#f9fbff" stroke="none"/>',
           f'<rect x="{n(x0 + 10)}" y="{n(y0 + 14)}" width="{n(w - 20)}" height="{n(h * 0.11)}" fill="{header}" stroke="none"/>',
           f'<circle cx="{n(x0 + 30)}" cy="{n(y0 + 14 + h * 0.055)}" r="{n(h * 0.035)}" fill="#f2c46d" stroke-width="2"/>',
           f'<rect x="{n(x0 + 50)}" y="{n(y0 + 8 + h * 0.05)}" width="{n(w * 0.35)}" height="{n(h * 0.025)}" rx="3" fill="#fff" stroke="none"/>']
    top, gap = y0 + 20 + h * 0.14, (h * 0.7) / max(4, len(messages))
    bh = gap * 0.7
    inner = w - 44
    for i, (side, length) in enumerate(messages):
        bw = max(0.3, min(0.85, length)) * inner
        by = top + i * gap
        if side == "in":
            bx, fill = x0 + 22, "#e4e8ef"
        else:
            bx, fill = x0 + w - 22 - bw, "#bfe3d0"
        out.append(f'<rect x="{n(bx)}" y="{n(by)}" width="{n(bw)}" height="{n(bh)}" rx="{n(bh / 2.4)}" fill="{fill}" stroke-width="2.5"/>'
                   f'<path d="M{n(bx + 12)} {n(by + bh * 0.42)} H{n(bx + bw * 0.7)}" stroke="#9aa6bf" stroke-width="{n(max(3, bh * 0.14))}"/>')
    if hand:
        # A hand holding the phone from below: the palm and wrist behind it, fingers round its right edge and the
        # thumb resting over its left edge.
        palm = (f'<path d="M{n(x0 - w * 0.3)} {n(H + 20)} L{n(x0 - w * 0.2)} {n(y0 + h * 0.86)} Q{n(x0 - w * 0.08)} {n(y0 + h * 0.74)} '
                f'{n(x0 + w * 0.3)} {n(y0 + h * 0.75)} L{n(x0 + w)} {n(y0 + h * 0.62)} L{n(x0 + w * 0.95)} {n(H + 20)} Z" fill="{skin}"/>')
        out.insert(1, palm)
        for k in range(3):
            fy = y0 + h * (0.55 + 0.1 * k)
            out.append(f'<rect x="{n(x0 + w - 12)}" y="{n(fy)}" width="30" height="{n(h * 0.085)}" rx="{n(h * 0.042)}" fill="{skin}"/>')
        tx, ty, tw = x0 - 8, y0 + h * 0.86, w * 0.15
        out.append(f'<rect x="{n(tx)}" y="{n(ty - tw / 2)}" width="{n(w * 0.34)}" height="{n(tw)}" rx="{n(tw / 2)}" fill="{skin}" '
                   f'transform="rotate(-38 {n(tx)} {n(ty)})"/>')
    out.append("</g>")
    pic.add(Part("".join(out), what=["phone screen with chat messages"]))
    pic.phone_at(x, y - h * 0.1, (x0, y0, x0 + w, y0 + h))


def laptop(pic, x, y, w, lines=3, form=False):
    """A laptop on a table, its screen showing text lines or a form (never a picture)."""
    h = w * 0.62
    x0, y0 = x - w / 2, y - h
    rows = "".join(f'<rect x="{n(x0 + 24)}" y="{n(y0 + 30 + i * h * 0.2)}" width="{n(w * (0.5 if form else 0.35 + 0.25 * (i % 2)))}" height="{n(h * 0.1)}" rx="4" '
                   f'fill="{"#fff" if form else "#d6e4f5"}" stroke-width="2"/>' for i in range(lines))
    button = (f'<rect x="{n(x0 + w - 30 - w * 0.3)}" y="{n(y0 + h - 44)}" width="{n(w * 0.3)}" height="24" rx="8" fill="#3f8f7a" stroke-width="2"/>'
              if form else "")
    pic.add(Part(f'<g stroke="{INK}" stroke-width="4" stroke-linejoin="round">'
                 f'<rect x="{n(x0)}" y="{n(y0)}" width="{n(w)}" height="{n(h)}" rx="12" fill="{INK}"/>'
                 f'<rect x="{n(x0 + 12)}" y="{n(y0 + 12)}" width="{n(w - 24)}" height="{n(h - 24)}" rx="6" fill="#eef4fb"/>{rows}{button}'
                 f'<path d="M{n(x0 - 24)} {n(y)} H{n(x0 + w + 24)} L{n(x0 + w + 8)} {n(y + 14)} H{n(x0 - 8)} Z" fill="#9aa6bf"/></g>',
                 what=["laptop showing a form" if form else "laptop screen"]))
    pic.phone_at(x, y - h / 2)


def table(pic, x0, x1, y):
    pic.add(f'<g stroke="{INK}" stroke-width="3"><rect x="{x0}" y="{y}" width="{x1 - x0}" height="18" rx="6" fill="#b08962"/>'
            f'<rect x="{x0 + 20}" y="{y + 18}" width="14" height="{480 - y}" fill="#8b6a4a"/><rect x="{x1 - 34}" y="{y + 18}" width="14" height="{480 - y}" fill="#8b6a4a"/></g>')


ICON_WORDS = {"gift": "gift box", "heart": "heart", "shield": "shield with a tick", "arrows": "arrows",
              "thought": "thought bubble", "profile": "profile picture with a question mark", "tablet-down": "tablet face down",
              "warning": "warning triangle", "fingerprint": "fingerprint", "controller": "game controller", "tablet": "tablet",
              "sweat": "worry lines", "sparkle": "sparkles", "bag": "school bag"}


def icon(pic, kind, x, y, size=1.0):
    pic.add(Part(f'<g transform="translate({n(x)} {n(y)}) scale({n(size)})" stroke="{INK}" stroke-width="4" '
                 f'stroke-linejoin="round" stroke-linecap="round">{ICONS[kind]}</g>', what=[ICON_WORDS[kind]]))


ICONS = {
    "gift": '<rect x="-30" y="-18" width="60" height="46" rx="6" fill="#ff8a5b"/><rect x="-7" y="-18" width="14" height="46" fill="#ffd36b"/>'
            '<rect x="-36" y="-30" width="72" height="16" rx="5" fill="#ff6f3c"/><path d="M0 -30 Q-20 -52 -24 -34 M0 -30 Q20 -52 24 -34" fill="none"/>',
    "heart": '<path d="M0 24 L-28 -4 A16 16 0 0 1 0 -24 A16 16 0 0 1 28 -4 Z" fill="#ff8a5b"/>',
    "shield": '<path d="M0 -40 L40 -26 V-4 Q40 30 0 48 Q-40 30 -40 -4 V-26 Z" fill="#3f8f7a"/>'
              '<path d="M-16 4 L-4 16 L18 -8" stroke="#fff" stroke-width="7" fill="none"/>',
    "arrows": ''.join(f'<path d="M{dx} {dy} h40 l-10 -10 m10 10 l-10 10" stroke="#e05a47" stroke-width="6" fill="none"/>'
                      for dx, dy in ((0, -40), (20, 0), (0, 40))),
    "thought": '<circle cx="0" cy="0" r="24" fill="#fff"/><circle cx="-26" cy="30" r="9" fill="#fff"/><circle cx="-38" cy="46" r="5" fill="#fff"/>',
    "profile": '<circle cx="0" cy="0" r="46" fill="#d6e4f5"/><circle cx="0" cy="-10" r="16" fill="#9fb0c4" stroke="none"/>'
               '<path d="M-28 34 Q0 0 28 34 Z" fill="#9fb0c4" stroke="none"/><circle cx="40" cy="-36" r="20" fill="#ff8a5b"/>'
               '<path d="M33 -42 Q40 -51 47 -42 Q47 -36 40 -33 V-28" stroke="#fff" stroke-width="5" fill="none"/><circle cx="40" cy="-21" r="2" fill="#fff"/>',
    "tablet-down": '<rect x="-36" y="-8" width="72" height="14" rx="4" fill="#1f2a44"/>',
    "warning": '<path d="M0 -34 L36 28 H-36 Z" fill="#f2c46d"/><path d="M0 -12 V10" stroke-width="6"/><circle cx="0" cy="18" r="3" fill="#1f2a44"/>',
    "fingerprint": ''.join(f'<path d="M-{r} 10 A{r} {r + 6} 0 0 1 {r} 10" stroke="#3f8f7a" stroke-width="5" fill="none"/>' for r in (8, 18, 28)),
    "controller": '<rect x="-34" y="-14" width="68" height="30" rx="14" fill="#1f2a44"/><circle cx="14" cy="0" r="5" fill="#ff8a5b" stroke="none"/>'
                  '<path d="M-22 0 h12 M-16 -6 v12" stroke="#fff" stroke-width="3"/>',
    "tablet": '<rect x="-40" y="-28" width="80" height="56" rx="8" fill="#1f2a44"/><rect x="-32" y="-20" width="64" height="40" rx="4" fill="#a8d5a2" stroke="none"/>'
              '<rect x="-22" y="-8" width="20" height="20" fill="#c0704a" stroke="none"/><rect x="2" y="-14" width="20" height="26" fill="#8e7cc3" stroke="none"/>',
    "sweat": '<path d="M0 -20 Q-8 -6 0 0 Q8 -6 0 -20 Z" fill="#7cc0e8" stroke-width="2"/><path d="M16 -26 l10 -8 M18 -10 l14 -2" fill="none" stroke-width="3"/>',
    "sparkle": '<path d="M0 -20 Q3 -3 20 0 Q3 3 0 20 Q-3 3 -20 0 Q-3 -3 0 -20 Z" fill="#ffe08a"/>',
    "bag": '<rect x="-30" y="-30" width="60" height="64" rx="12" fill="#e05a47"/><path d="M-16 -30 Q0 -50 16 -30" fill="none"/><rect x="-20" y="0" width="40" height="20" rx="5" fill="#c0504d"/>',
}


def game_chat():
    ayo, mum = CAST["ayo"], CAST["mum"]
    p = Picture("game-chat", "cover", "Ayo playing a game", "living")
    laptop(p, 600, 250, 200, 2)
    ayo.draw(p, 330, 0, "happy", "phone", "medium", head=280, hold="controller", look=(2, 0))
    p.save()

    p = Picture("game-chat", "playing", "Ayo building in a game", "bedroom")
    ayo.draw(p, 300, 0, "happy", "phone", "medium", head=290, hold="tablet", look=(3, 4))
    laptop(p, 640, 330, 200, 2)
    p.save()

    p = Picture("game-chat", "gift", "A gift in the chat", "bedroom")
    phone_closeup(p, 400, 300, 380, [("in", .7), ("out", .4), ("in", .8), ("in", .9)], ayo.skin)
    icon(p, "gift", 560, 390, 1.2)
    p.save()

    p = Picture("game-chat", "talk", "Ayo and Mum talking", "living")
    ayo.draw(p, 300, 445, "worried", "phone", sit=True, hold="tablet", look=(2, 4))
    mum.draw(p, 440, 445, "happy", "comfort", sit=True, facing=-1)
    p.save()
    p = Picture("game-chat", "talk-close", "Mum smiles at Ayo", "living")
    mum.draw(p, 540, 0, "happy", "stand", "close-up", facing=-1, head=330, look=(4, 0))
    p.save()

    p = Picture("game-chat", "pressure", "Angry messages", "bedroom")
    phone_closeup(p, 540, 300, 380, [("out", .6), ("in", .8), ("in", .5), ("in", .9), ("in", .4)], ayo.skin, header="#b5485a")
    ayo.draw(p, 200, 0, "upset", "stand", "medium", head=320, look=(4, 3))
    p.save()

    p = Picture("game-chat", "private", "A late-night chat", "bedroom", night=True)
    ayo.draw(p, 480, 0, "worried", "phone", "medium", head=300, look=(0, 4))
    p.save()
    p = Picture("game-chat", "private-phone", "A selfie request on the phone", "bedroom", night=True)
    phone_closeup(p, 400, 300, 400, [("in", .6), ("in", .9), ("in", .7)], ayo.skin, header="#7a5ea8")
    p.save()

    p = Picture("game-chat", "report", "Making a report", "bedroom")
    table(p, 380, 800, 360)
    laptop(p, 600, 360, 240, 3, form=True)
    ayo.draw(p, 250, 0, "thinking", "sit", "medium", head=310, look=(5, 1))
    icon(p, "shield", 740, 120)
    p.save()

    p = Picture("game-chat", "alone", "Ayo alone on the stairs", "stairs")
    ayo.draw(p, 330, 465, "upset", "hand-to-face", sit=True, scale=1.4)
    icon(p, "tablet-down", 460, 470)
    p.save()


def save_manifests():
    for story, pictures in MANIFESTS.items():
        manifest = {"format": 1, "cast": {c.id: c.name for c in CAST.values()}, "pictures": dict(sorted(pictures.items()))}
        (ROOT / story / "pictures.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        anchors = {"format": 1, "note": "Anchor points and boxes in whole percent of the panel (x of width, y of height).",
                   "pictures": dict(sorted(ANCHORS[story].items()))}
        (ROOT / story / "anchors.json").write_text(json.dumps(anchors, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    import sys
    sys.path.insert(0, str(Path(__file__).parent))
    import sharing  # noqa: E402  (the flagship's scenes live beside this file)
    import parents  # noqa: E402  (so do the parents' and carers' story's)
    for folder in ("game-chat", "sharing", "parents"):
        for old in (ROOT / folder).glob("*.svg"):
            old.unlink()
    game_chat()
    sharing.draw(CAST, Picture, icon, phone_closeup, laptop, table)
    parents.draw(CAST, Picture, icon, phone_closeup, laptop, table)
    save_manifests()
