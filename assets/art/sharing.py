"""Panels of the flagship story "Just one picture", drawn with the character rig in draw.py.

No picture is ever of a nude or of an image being looked at: phones show only chat shapes, and what people say is
real text in the story's bubbles. Close-ups carry the emotional beats (the ask, the group chat, telling someone);
each picture keeps its top part calm, because the bubbles are placed there.
"""


def draw(cast, Picture, icon, phone_closeup, laptop, table):
    sam, riley, jordan, amira, okafor, dad = (cast[k] for k in ("sam", "riley", "jordan", "amira", "ms_okafor", "dad"))

    def pic(name, title, setting, night=False):
        return Picture("sharing", name, title, setting, night)

    p = pic("cover", "Sam with a phone", "bedroom")
    sam.draw(p, 400, 0, "thinking", "phone", "medium", head=300)
    icon(p, "heart", 560, 150)
    icon(p, "thought", 250, 140)
    p.save()

    p = pic("messages", "Sam messaging Riley", "bedroom")
    sam.draw(p, 560, 480, "happy", "phone", sit=True, scale=1.3, look=(0, 4))
    icon(p, "heart", 445, 260, 0.8)
    icon(p, "heart", 660, 230, 0.6)
    p.save()

    p = pic("new-follower", "A follow request", "bedroom")
    phone_closeup(p, 250, 300, 380, [], sam.skin)
    icon(p, "profile", 250, 300, 1.1)
    sam.draw(p, 590, 0, "thinking", "stand", "medium", facing=-1, head=310)
    p.save()

    p = pic("kai-chat", "A fast, friendly chat", "bedroom", night=True)
    phone_closeup(p, 400, 300, 400, [("in", .5), ("in", .8), ("in", .6), ("in", .9)], sam.skin, header="#5b7fd1")
    icon(p, "heart", 560, 420, 0.8)
    p.save()
    p = pic("kai-chat-face", "Sam reads the message", "bedroom", night=True)
    sam.draw(p, 500, 0, "surprised", "phone", "medium", facing=-1, head=290, look=(0, 4))
    p.save()

    p = pic("block-kai", "Sam shows Dad the chat", "living")
    sam.draw(p, 330, 445, "neutral", "phone", sit=True, look=(2, 4))
    dad.draw(p, 460, 445, "happy", "comfort", sit=True, facing=-1)
    icon(p, "shield", 650, 230, 0.8)
    p.save()

    p = pic("dad-helps", "Dad and Sam look at settings", "living")
    dad.draw(p, 330, 445, "happy", "comfort", sit=True, look=(3, 3))
    sam.draw(p, 460, 445, "thinking", "phone", sit=True, facing=-1, look=(0, 4))
    icon(p, "shield", 650, 230, 0.8)
    p.save()

    p = pic("fake-profile", "Threats arrive fast", "bedroom", night=True)
    phone_closeup(p, 250, 300, 400, [("out", .3), ("in", .9), ("in", .8), ("in", .9)], sam.skin, header="#b5485a")
    icon(p, "warning", 250, 450, 0.9)
    sam.draw(p, 600, 0, "surprised", "hand-to-face", "medium", facing=-1, head=300, look=(-4, 0))
    icon(p, "sweat", 700, 220)
    p.save()

    p = pic("paid", "Another demand", "bedroom", night=True)
    phone_closeup(p, 560, 300, 400, [("in", .9), ("out", .4), ("in", .8), ("in", .9)], sam.skin, header="#b5485a")
    icon(p, "arrows", 680, 300)
    sam.draw(p, 210, 0, "upset", "stand", "medium", head=310, look=(4, 2))
    p.save()

    p = pic("late-ask", "A late message", "bedroom", night=True)
    phone_closeup(p, 560, 300, 400, [("out", .5), ("in", .6), ("in", .9)], sam.skin, header="#b5485a")
    p.save()
    p = pic("late-ask-face", "Sam feels their stomach drop", "bedroom", night=True)
    sam.draw(p, 540, 0, "worried", "stand", "close-up", facing=-1, head=330, look=(5, 4))
    p.save()

    p = pic("ask-jordan", "Jordan on a video call", "bedroom")
    jordan.draw(p, 400, 0, "worried", "phone", "medium", head=300, look=(0, 0))
    p.save()

    p = pic("pressure", "Messages stacking up", "bedroom")
    phone_closeup(p, 560, 300, 400, [("in", .8), ("in", .6), ("out", .3), ("in", .5), ("in", .7)], sam.skin, header="#b5485a")
    icon(p, "arrows", 680, 120, 0.7)
    sam.draw(p, 200, 0, "worried", "arms-folded", "medium", head=310, look=(5, 0))
    p.save()

    p = pic("say-no", "Sam says no", "bedroom")
    sam.draw(p, 380, 0, "happy", "phone", "medium", head=300, look=(0, 4))
    icon(p, "shield", 600, 330)
    p.save()

    p = pic("riley-again", "Riley at the lockers", "corridor")
    riley.draw(p, 250, 480, "thinking", "arms-folded", look=(4, 0))
    sam.draw(p, 520, 480, "worried", "stand", facing=-1, look=(-4, 2))
    icon(p, "sweat", 590, 220, 0.8)
    p.save()

    p = pic("talk-to-jordan", "Sam and Jordan talking", "park")
    jordan.draw(p, 340, 445, "neutral", "sit", look=(4, 1))
    sam.draw(p, 490, 445, "worried", "sit", facing=-1, look=(4, 2))
    p.save()

    p = pic("talk-to-teacher", "Sam talks to Ms Okafor", "classroom")
    okafor.draw(p, 540, 480, "neutral", facing=-1)
    sam.draw(p, 300, 480, "worried")
    p.save()
    p = pic("talk-to-teacher-sam", "Sam explains", "classroom")
    sam.draw(p, 260, 0, "upset", "stand", "close-up", head=330, look=(4, 2))
    p.save()

    p = pic("tell-dad", "Sam tells Dad at dinner", "kitchen")
    sam.draw(p, 260, 445, "worried", sit=True)
    dad.draw(p, 520, 445, "happy", sit=True, facing=-1)
    table(p, 160, 640, 380)
    p.save()
    p = pic("tell-dad-close", "Dad is not angry", "kitchen")
    dad.draw(p, 280, 0, "happy", "stand", "close-up", scale=2.7, head=330, look=(4, 1))
    p.save()

    p = pic("sent", "Sam regrets sending", "bedroom", night=True)
    sam.draw(p, 420, 0, "upset", "hand-to-face", "medium", head=310)
    p.save()

    p = pic("ask-to-delete", "Sam asks Riley to delete it", "bedroom", night=True)
    phone_closeup(p, 250, 300, 400, [("out", .9), ("in", .5)], sam.skin, header="#b5485a")
    sam.draw(p, 600, 0, "worried", "stand", "medium", facing=-1, head=310, look=(4, 1))
    p.save()

    p = pic("help-after-sending", "Dad and Sam get help", "kitchen")
    table(p, 320, 760, 360)
    laptop(p, 560, 360, 200, 3, form=True)
    icon(p, "fingerprint", 560, 170)
    dad.draw(p, 180, 480, "happy", "comfort", look=(4, 1))
    sam.draw(p, 310, 480, "neutral", facing=-1, look=(4, 1))
    p.save()

    p = pic("group-chat", "The group chat lights up", "bus")
    phone_closeup(p, 400, 300, 420, [("in", .9), ("in", .4), ("in", .6), ("in", .3), ("in", .5)], jordan.skin, header="#7a5ea8")
    p.save()
    p = pic("group-chat-jordan", "Jordan feels sick", "bus")
    jordan.draw(p, 400, 0, "upset", "hand-to-face", "close-up", head=330, look=(4, 3))
    p.save()

    p = pic("forwarded", "The picture spreads", "bedroom")
    jordan.draw(p, 190, 0, "worried", "phone", "medium", head=300, look=(0, 4))
    icon(p, "arrows", 380, 380, 0.8)
    phone_closeup(p, 500, 380, 150, [("in", .7)], jordan.skin, hand=False)
    icon(p, "arrows", 600, 380, 0.8)
    for y in (300, 440):
        phone_closeup(p, 720, y, 120, [("in", .7)], jordan.skin, hand=False)
    p.save()

    p = pic("tell-sam", "Jordan stays with Sam", "park")
    sam.draw(p, 330, 445, "upset", "hand-to-face", sit=True)
    jordan.draw(p, 450, 445, "worried", "comfort", sit=True, facing=-1)
    p.save()
    p = pic("tell-sam-jordan", "Jordan stays", "park")
    jordan.draw(p, 540, 0, "neutral", "stand", "close-up", facing=-1, head=330, look=(4, 0))
    p.save()

    p = pic("upstander", "Jordan tells Ms Okafor", "classroom")
    okafor.draw(p, 280, 480, "neutral", look=(4, 0))
    jordan.draw(p, 520, 480, "worried", facing=-1, look=(4, 0))
    p.save()

    p = pic("scared", "Sam is scared", "bedroom", night=True)
    sam.draw(p, 400, 0, "upset", "hand-to-face", "close-up", head=330, look=(0, 4))
    p.save()

    p = pic("hiding", "Sam alone in the corridor", "corridor")
    amira.draw(p, 110, 445, "happy", scale=0.7, facing=1)
    jordan.draw(p, 200, 445, "neutral", scale=0.7, facing=-1)
    sam.draw(p, 580, 0, "upset", "phone", "medium", head=310, look=(0, 5))
    p.save()

    p = pic("blackmail-help", "Dad and Sam report it", "kitchen")
    table(p, 440, 800, 360)
    laptop(p, 640, 360, 200, 3, form=True)
    icon(p, "shield", 640, 170, 0.8)
    sam.draw(p, 200, 480, "worried", look=(4, 0))
    dad.draw(p, 320, 480, "neutral", "comfort", facing=-1)
    p.save()

    p = pic("report-remove", "Sam chats to Childline", "bedroom")
    table(p, 340, 800, 360)
    laptop(p, 560, 360, 220, 3)
    icon(p, "fingerprint", 720, 300, 0.9)
    sam.draw(p, 220, 0, "happy", "stand", "medium", head=310, look=(5, 2))
    p.save()

    p = pic("school", "Ms Okafor helps Sam", "classroom")
    okafor.draw(p, 280, 480, "happy", look=(4, 0))
    sam.draw(p, 530, 480, "neutral", facing=-1, look=(4, 0))
    p.save()

    p = pic("boundaries", "Sam and Jordan leaving school", "park")
    jordan.draw(p, 330, 480, "happy", "comfort")
    sam.draw(p, 460, 480, "happy", facing=-1)
    icon(p, "bag", 540, 400, 0.8)
    p.save()

    p = pic("early-help", "Sam and Dad in the kitchen", "kitchen")
    sam.draw(p, 320, 480, "happy", look=(4, -1))
    dad.draw(p, 450, 480, "happy", "comfort", facing=-1)
    icon(p, "shield", 690, 300, 0.7)
    p.save()

    p = pic("taken-down", "Friends on the bench", "park")
    amira.draw(p, 290, 445, "happy", sit=True, look=(4, 0))
    sam.draw(p, 420, 445, "happy", sit=True, look=(-4, 0))
    jordan.draw(p, 550, 445, "happy", sit=True, facing=-1)
    p.save()

    p = pic("not-your-fault", "Dad and Sam together", "living")
    sam.draw(p, 330, 480, "neutral", look=(4, -2))
    dad.draw(p, 450, 480, "happy", "comfort", facing=-1)
    icon(p, "heart", 405, 150, 0.8)
    p.save()
