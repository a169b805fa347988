#!/usr/bin/env python3
"""Places every bubble of the stories on its art: sets each bubble's `at` and `tail` in stories/*.json.

Run from the repo root after drawing (it reads the anchors the drawing script records):
    python3 assets/art/draw.py && python3 assets/art/bubbles.py
    python3 assets/art/bubbles.py --check    # only report, change nothing (exit 1 on a problem)

It uses the estimated bubble box of the comic layout contract (COMIC-MODEL, issue #15): with W = 800 and H = 500,
f = 2.8% of W; a label line for every kind except caption; width and lines from the number of characters. For each
panel, bubbles go in file order, each at the free spot closest to whom it points at (the speaker's mouth, the top
of their head for a thought, the phone for a message), keeping the reading order (left to right, then down), a
gap from the other bubbles, off the faces, and inside the panel. Nothing else in the story file changes.
"""
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
W, H = 800.0, 500.0
F = 0.028 * W
GAP = 0.02 * W  # twice the contract's 1%, for the difference between the estimate and real text
EDGE = 0.01 * W


def box_size(text, kind):
    """Width and height in px of the estimated box, as the contract defines it."""
    chars = len(text)
    # A shout's words are bold, so wider (the contract's 0.64 in src/engine/comic.rs).
    text_width = chars * (0.64 if kind == "shout" else 0.55) * F
    inner_max = 0.46 * W - 1.6 * F
    lines = max(1, math.ceil(text_width * 1.1 / inner_max))
    width = 0.46 * W if lines > 1 else min(0.46 * W, text_width + 1.6 * F)
    height = 1.2 * F + (0 if kind == "caption" else 1.04 * F) + lines * 1.3 * F
    return width, height


def box_at(at, size):
    """The box (x0, y0, x1, y1) in px of a bubble placed at `at` (whole percent), per the contract."""
    (x, y), (w, h) = at, size
    x0 = x / 100 * W if x <= 50 else x / 100 * W - w
    y0 = y / 100 * H if y <= 50 else y / 100 * H - h
    return (x0, y0, x0 + w, y0 + h)


def overlap(a, b, gap=0.0):
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def area(a, b):
    return max(0, min(a[2], b[2]) - max(a[0], b[0])) * max(0, min(a[3], b[3]) - max(a[1], b[1]))


def inside(b):
    return b[0] >= EDGE and b[1] >= EDGE * H / W and b[2] <= W - EDGE and b[3] <= H - EDGE * H / W


def distance(b, p):
    dx = max(b[0] - p[0], 0, p[0] - b[2])
    dy = max(b[1] - p[1], 0, p[1] - b[3])
    return math.hypot(dx, dy)


def target(bubble, drawn, names):
    """The point (px) a bubble's tail points at, or None when nothing in the picture says it."""
    kind = bubble.get("kind", "speech")
    who = drawn["people"].get(names.get(bubble["speaker"], ""))
    px = lambda p: (p["x"] / 100 * W, p["y"] / 100 * H)
    if kind == "message":
        if who and "phone" in who:
            return px(who["phone"])
        if drawn["phones"]:
            return px(drawn["phones"][0])
    if who:
        return px(who["head"] if kind == "thought" else who["mouth"])
    if drawn["phones"]:
        return px(drawn["phones"][0])
    return None


def place(bubbles, drawn, names):
    """Chooses `at` for each bubble of one panel; returns [(at, box, target)].

    Bubbles prefer the top of the panel (the art leaves it calm); if the later ones find no room, all are placed
    again with a stronger pull to the top.
    """
    for top_weight in (1.0, 2.0, 4.0):
        placed = place_with(bubbles, drawn, names, top_weight)
        if placed is not None:
            return placed
    raise SystemExit(f"no room for the bubbles {[b['text'] for b in bubbles]}")


def place_with(bubbles, drawn, names, top_weight):
    px = lambda boxes: [tuple(v / 100 * (W if i % 2 == 0 else H) for i, v in enumerate(b)) for b in boxes]
    faces, screens, bodies = px(drawn["keep_clear"]), px(drawn.get("screens", [])), px(drawn.get("bodies", []))
    placed = []
    for bubble in bubbles:
        size = box_size(bubble["text"], bubble.get("kind", "speech"))
        # A message may sit on a phone's screen, where messages are; other bubbles had better leave it clear.
        screen_weight = 0.002 if bubble.get("kind") == "message" else 0.02
        aim = target(bubble, drawn, names)
        best = None
        for strict in (True, False):
            for x in range(1, 100):
                for y in range(1, 100):
                    b = box_at((x, y), size)
                    if not inside(b) or any(overlap(b, other, GAP) for _, other, _ in placed):
                        continue
                    if placed:
                        prev = placed[-1][1]
                        # Reading order: the next bubble is to the right of the last one, or below it.
                        if not (b[1] >= prev[3] + GAP or (b[0] >= prev[2] + GAP and b[1] >= prev[1] - GAP)):
                            continue
                    covered = sum(area(b, face) for face in faces)
                    if strict and covered:
                        continue
                    cost = covered * 0.05 + sum(area(b, sc) for sc in screens) * screen_weight
                    cost += sum(area(b, body) for body in bodies) * 0.004 + b[1] * top_weight
                    if aim:
                        d = distance(b, aim)
                        cost += d + (120 if b[3] > aim[1] and aim[0] > b[0] and aim[0] < b[2] else 0)
                        cost += 60 if d < 20 else 0  # a tail needs a little room to be seen
                    else:
                        cost += b[0] * 0.1
                    if best is None or cost < best[0]:
                        best = (cost, (x, y), b)
            if best:
                break
        if not best:
            return None
        placed.append((best[1], best[2], aim))
    return placed


def tail_point(box, aim):
    """The tail's tip: the target, pulled back a little towards the bubble so it points at a mouth, not into it."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = cx - aim[0], cy - aim[1]
    d = math.hypot(dx, dy) or 1
    pull = min(14, d * 0.2)
    x, y = aim[0] + dx / d * pull, aim[1] + dy / d * pull
    return {"x": max(0, min(100, round(x / W * 100))), "y": max(0, min(100, round(y / H * 100)))}


def main(check_only):
    problems = 0
    for path in sorted((REPO / "stories").glob("*.json")):
        source = path.read_text()
        story = json.loads(source)
        cache = {}
        for scene in story["scenes"]:
            for index, panel in enumerate(scene["panels"]):
                folder, file = panel["image"].rsplit("/", 1)
                if folder not in cache:
                    try:
                        manifest = json.loads((REPO / folder / "pictures.json").read_text())
                        anchors = json.loads((REPO / folder / "anchors.json").read_text())
                    except FileNotFoundError:
                        cache[folder] = None
                    else:
                        cache[folder] = ({name: id for id, name in manifest["cast"].items()}, anchors["pictures"])
                if not cache[folder] or file not in cache[folder][1]:
                    continue
                names, pictures = cache[folder]
                bubbles = panel.get("bubbles", [])
                if check_only:
                    boxes = [box_at((b["at"]["x"], b["at"]["y"]), box_size(b["text"], b.get("kind", "speech")))
                             for b in bubbles if "at" in b]
                    for i, b in enumerate(boxes):
                        if not inside(b):
                            print(f"{path.name}: {scene['id']} panel {index}: bubble {i} leaves the panel")
                            problems += 1
                        for j in range(i):
                            if overlap(b, boxes[j], 0.01 * W):
                                print(f"{path.name}: {scene['id']} panel {index}: bubbles {j} and {i} overlap")
                                problems += 1
                    continue
                for bubble, (at, box, aim) in zip(bubbles, place(bubbles, pictures[file], names)):
                    bubble["at"] = {"x": at[0], "y": at[1]}
                    # A message sitting on the phone it points at needs no tail.
                    if aim and distance(box, aim) > 12:
                        bubble["tail"] = tail_point(box, aim)
                    else:
                        bubble.pop("tail", None)
        if not check_only:
            path.write_text(json.dumps(story, indent=2, ensure_ascii=False) + "\n")
    if check_only:
        print(f"{problems} problem(s)")
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main("--check" in sys.argv)
