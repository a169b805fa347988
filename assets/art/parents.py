"""Panels of the parents' and carers' story "When a picture is shared", drawn with the character rig in draw.py.

June, a grandmother who is Zac's carer, finds out a private picture of him is being shared. The picture itself is
never drawn, nor anyone looking at it: phones and laptops show only chat shapes and form fields, and what people say
is real text in the story's bubbles. Close-ups carry the emotional beats (the message, the breath before going up,
Zac telling, June believing him); each picture keeps its top part calm, because the bubbles are placed there.
"""


def draw(cast, Picture, icon, phone_closeup, laptop, table):
    june, zac = cast["june"], cast["zac"]

    def phone_at_ear(p, x, head, s, facing=1):
        """A phone held to the ear of a figure whose head's centre is at (x, head), drawn at scale s."""
        px = x - 46 * s * facing
        p.add(f'<rect x="{px - 8 * s:.1f}" y="{head - 16 * s:.1f}" width="{16 * s:.1f}" height="{40 * s:.1f}" rx="{4 * s:.1f}" '
              f'fill="#1f2a44" stroke="#1f2a44" stroke-width="3" transform="rotate({-12 * facing} {px:.1f} {head:.1f})"/>')

    def pic(name, title, setting, night=False):
        return Picture("parents", name, title, setting, night)

    # The cover: June and Zac side by side at home, calm, a heart between them.
    # A medium shot, so their faces read on a small library card.
    p = pic("cover", "June and Zac on the sofa", "living")
    june.draw(p, 300, 0, "happy", "comfort", "medium", head=270, look=(3, 1))
    zac.draw(p, 520, 0, "neutral", "stand", "medium", facing=-1, head=285, look=(-3, 1))
    icon(p, "heart", 410, 110, 0.9)
    p.save()

    # A message in the evening: June in the kitchen, reading her phone, the first shock.
    p = pic("dee-message", "June reads a message", "kitchen")
    june.draw(p, 420, 0, "surprised", "phone", "medium", head=300, look=(0, 4))
    p.save()

    # Not the photo itself: June's phone close up, her short reply under Dee's message.
    p = pic("reply", "June replies to Dee", "kitchen")
    phone_closeup(p, 560, 300, 400, [("in", .9), ("in", .6), ("out", .8)], june.skin, header="#5b7fd1")
    june.draw(p, 210, 0, "thinking", "stand", "medium", head=310, look=(4, 2))
    p.save()

    # Straight upstairs: June in the doorway, Zac curled up on the bed.
    p = pic("rushing-in", "June bursts into Zac's room", "bedroom")
    june.draw(p, 220, 480, "angry", "stand", look=(4, 2))
    zac.draw(p, 600, 420, "upset", "hand-to-face", sit=True, facing=-1)
    p.save()

    # The phone: June alone on the stairs with Zac's phone, the house quiet.
    p = pic("phone-taken", "June on the stairs with Zac's phone", "stairs")
    june.draw(p, 330, 465, "worried", "phone", sit=True, scale=1.3, look=(0, 4))
    p.save()

    # Starting again: June on the end of the bed, an arm round Zac.
    p = pic("sorry", "June says sorry to Zac", "bedroom")
    june.draw(p, 470, 420, "worried", "comfort", sit=True, look=(3, 2))
    zac.draw(p, 600, 420, "upset", "sit", sit=True, facing=-1, look=(-3, 2))
    p.save()

    # A breath first: a close-up of June, thinking, before she goes up.
    p = pic("breath", "June takes a breath", "kitchen")
    june.draw(p, 400, 0, "thinking", "stand", "close-up", head=330, look=(3, -2))
    p.save()

    # What happened: a close-up of Zac telling.
    p = pic("zac-tells", "Zac tells June", "bedroom")
    zac.draw(p, 540, 0, "worried", "stand", "close-up", facing=-1, head=330, look=(-4, 3))
    p.save()

    # You don't need to see it: a close-up of June, gentle.
    p = pic("believe-you", "June believes Zac", "bedroom")
    june.draw(p, 280, 0, "happy", "stand", "close-up", head=330, look=(4, 1))
    p.save()

    # Before you delete: Zac's phone with the threats, chat shapes only, held by June.
    p = pic("threats", "Threats on Zac's phone", "bedroom")
    phone_closeup(p, 400, 300, 420, [("in", .6), ("in", .9), ("out", .3), ("in", .8), ("in", .5)], june.skin,
                  header="#b5485a")
    icon(p, "warning", 610, 380, 1.1)
    p.save()

    # A message to Kyle's mum: June typing fast on her phone, cross.
    p = pic("typing", "June types a message", "kitchen")
    phone_closeup(p, 560, 300, 400, [("out", .9), ("out", .9), ("out", .7)], june.skin, header="#5b7fd1")
    june.draw(p, 200, 0, "angry", "stand", "medium", head=310, look=(5, 3))
    p.save()

    # Keeping a record: June and Zac at the kitchen table, Zac's phone on it, June with a notepad.
    p = pic("record", "June and Zac at the kitchen table", "kitchen")
    zac.draw(p, 260, 445, "worried", "phone", sit=True, look=(2, 4))
    june.draw(p, 540, 445, "thinking", "sit", sit=True, facing=-1, look=(-3, 3))
    table(p, 140, 680, 370)
    p.add('<g stroke="#1f2a44" stroke-width="3"><rect x="430" y="338" width="70" height="36" rx="3" fill="#fbfcfd"/>'
          '<path d="M442 350 H488 M442 362 H478" stroke="#9bb0c8" stroke-width="4"/>'
          '<path d="M508 372 L540 330" stroke-width="6"/></g>')
    p.save()

    # Paying: the phone after paying, a bigger demand coming in.
    p = pic("paying", "A new demand on the phone", "kitchen")
    phone_closeup(p, 400, 300, 420, [("in", .7), ("out", .4), ("in", .9), ("in", .9)], june.skin, header="#b5485a")
    icon(p, "warning", 600, 380, 1.1)
    p.save()

    # A report to CEOP: June and Zac at a laptop with a form.
    p = pic("ceop-form", "June and Zac fill in a form", "kitchen")
    table(p, 300, 780, 360)
    laptop(p, 560, 360, 220, 3, form=True)
    june.draw(p, 150, 480, "neutral", "comfort", look=(4, 1))
    zac.draw(p, 300, 445, "thinking", "sit", sit=True, facing=-1, look=(5, 1))
    icon(p, "shield", 740, 110)
    p.save()

    # Report Remove: Zac makes the report himself at the laptop, June beside him.
    p = pic("report-remove", "Zac makes a report on the laptop", "bedroom")
    table(p, 360, 800, 360)
    laptop(p, 600, 360, 220, 3, form=True)
    zac.draw(p, 300, 445, "thinking", "sit", sit=True, look=(5, 1))
    june.draw(p, 150, 480, "neutral", "stand", look=(4, 1))
    icon(p, "fingerprint", 740, 110)
    p.save()

    # Talking to the school: June on the phone in the kitchen, calmer.
    p = pic("school-call", "June on the phone to the school", "kitchen")
    june.draw(p, 430, 0, "neutral", "hand-to-face", "medium", head=300, look=(-3, 1))
    phone_at_ear(p, 430, 300, 1.75 * june.height)
    p.save()

    # Someone for June: June on the sofa, phone to her ear, smiling a little.
    p = pic("helpline", "June rings a helpline", "living")
    june.draw(p, 400, 445, "happy", "hand-to-face", sit=True, scale=1.3, look=(2, 1))
    phone_at_ear(p, 400, 445 + (-228 + 62) * 1.3 * june.height, 1.3 * june.height)
    icon(p, "heart", 600, 170, 0.8)
    p.save()

    # A plan together: weeks later, June and Zac on the sofa, laughing.
    p = pic("together", "June and Zac on the sofa", "living")
    zac.draw(p, 330, 445, "happy", "sit", sit=True, look=(3, 1))
    june.draw(p, 470, 445, "happy", "comfort", sit=True, facing=-1, look=(-3, 1))
    p.save()

    # A quiet house: Zac alone in his room, the door shut; June will come up.
    p = pic("quiet-house", "Zac alone in his room", "bedroom", night=True)
    zac.draw(p, 560, 420, "upset", "hand-to-face", sit=True, facing=-1)
    p.save()
    p = pic("quiet-house-june", "June sits with Zac", "bedroom", night=True)
    june.draw(p, 470, 420, "worried", "comfort", sit=True, look=(3, 2))
    zac.draw(p, 600, 420, "neutral", "phone", sit=True, facing=-1, look=(-3, 3))
    p.save()

    # The row: angry replies piling up on June's phone.
    p = pic("the-row", "Angry replies on June's phone", "kitchen")
    phone_closeup(p, 400, 300, 420, [("out", .8), ("in", .9), ("in", .7), ("in", .9), ("in", .6)], june.skin,
                  header="#b5485a")
    icon(p, "arrows", 580, 300, 0.9)
    p.save()
