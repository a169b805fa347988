"""Scenes of the flagship story "Just one picture", drawn from the shared cast and parts in draw.py.

No picture is ever of a nude or of an image being looked at: phones show only coloured message bars, and what
people say is real text in the story's bubbles.
"""


def draw(cast, background, big_screen, icon, write):
    sam, riley, jordan, amira, okafor, dad = (cast[n] for n in ("sam", "riley", "jordan", "amira", "ms_okafor", "dad"))
    w = lambda name, title, *parts: write("sharing", name, title, *parts)

    w("cover", "Sam with a phone", background("bedroom"), sam.draw(330, 440, "thinking", "stand", "phone"), icon("thought", 450, 110),
      icon("heart", 520, 90))
    w("messages", "Sam messaging Riley", background("bedroom"), sam.draw(600, 400, "happy", "sit", "phone"), icon("heart", 560, 90),
      icon("heart", 640, 60), big_screen("phone", 220, 250, 240, 380, 4))
    w("new-follower", "A follow request", background("bedroom"), big_screen("phone", 250, 250, 240, 380, 1), icon("profile", 250, 190),
      sam.draw(560, 400, "thinking", "sit", "phone"))
    w("kai-chat", "A fast, friendly chat", background("night"), big_screen("phone", 250, 250, 240, 380, 3), icon("heart", 250, 90),
      sam.draw(560, 400, "thinking", "sit", "phone"))
    w("fake-profile", "Threats arrive fast", background("night"), big_screen("phone", 250, 250, 240, 380, 5), icon("warning", 250, 100),
      sam.draw(560, 400, "worried", "sit", "phone"))
    w("late-ask", "A late message", background("night"), sam.draw(400, 400, "worried", "sit", "phone"), icon("thought", 520, 110))
    w("ask-jordan", "Jordan on a video call", background("bedroom"), big_screen("phone", 400, 250, 300, 420, 0),
      jordan.draw(400, 430, "neutral", scale=0.9))
    w("pressure", "Messages stacking up", background("bedroom"), big_screen("phone", 360, 250, 300, 420, 6), icon("arrows", 600, 250))
    w("say-no", "Sam says no", background("bedroom"), sam.draw(340, 450, "happy", "stand", "phone"), icon("shield", 560, 160))
    w("riley-again", "Riley at the lockers", background("school"), riley.draw(260, 460, "neutral", facing=1),
      sam.draw(470, 460, "worried", facing=-1))
    w("talk-to-jordan", "Sam and Jordan talking", background("park"), sam.draw(480, 420, "worried", "sit"),
      jordan.draw(610, 420, "neutral", "sit", facing=-1))
    w("talk-to-teacher", "Sam talks to Ms Okafor", background("school"), sam.draw(300, 460, "worried"),
      okafor.draw(520, 460, "neutral", facing=-1))
    w("tell-dad", "Sam tells Dad", background("living"), sam.draw(320, 400, "worried", "sit"), dad.draw(500, 400, "happy", "sit", facing=-1),
      icon("heart", 410, 90))
    w("dad-helps", "Dad and Sam look at settings", background("living"), sam.draw(340, 400, "neutral", "sit", "phone"),
      dad.draw(480, 400, "happy", "sit", facing=-1), icon("shield", 640, 120))
    w("early-help", "Sam and Dad in the kitchen", background("kitchen"), sam.draw(360, 470, "happy"), dad.draw(500, 470, "happy", facing=-1),
      icon("shield", 640, 200))
    w("sent", "Sam regrets sending", background("night"), sam.draw(400, 400, "sad", "sit"), icon("thought", 520, 110))
    w("ask-to-delete", "Sam asks Riley to delete it", background("night"), sam.draw(560, 400, "worried", "sit", "phone"),
      big_screen("phone", 250, 250, 240, 380, 2))
    w("help-after-sending", "Dad and Sam get help", background("kitchen"), big_screen("laptop", 420, 230, 260, 160, 2),
      sam.draw(300, 470, "neutral"), dad.draw(560, 470, "happy", facing=-1), icon("fingerprint", 420, 75))
    w("group-chat", "Jordan on the bus", background("bus"), jordan.draw(300, 420, "worried", "sit", "phone"),
      big_screen("phone", 580, 230, 200, 300, 4))
    w("forwarded", "The picture spreads", background("bedroom"), jordan.draw(220, 450, "worried", "stand", "phone"),
      # One forward to one friend, then that friend shares it on: the story text says the same.
      icon("arrows", 330, 250), big_screen("phone", 470, 250, 80, 120, 1), icon("arrows", 545, 250),
      *[big_screen("phone", 700, y, 70, 110, 1) for y in (150, 350)])
    w("tell-sam", "Jordan stays with Sam", background("park"), sam.draw(480, 420, "sad", "sit"), jordan.draw(610, 420, "neutral", "sit", facing=-1),
      icon("heart", 545, 110))
    w("upstander", "Jordan tells Ms Okafor", background("office"), jordan.draw(260, 460, "worried"), okafor.draw(480, 460, "neutral", facing=-1))
    w("scared", "Sam is scared", background("night"), sam.draw(400, 400, "sad", "sit"))
    w("hiding", "Sam alone in the corridor", background("school"), sam.draw(640, 460, "sad", "stand", "phone", scale=1.1),
      amira.draw(160, 460, "happy", scale=0.8), jordan.draw(260, 460, "neutral", facing=-1, scale=0.8))
    w("paid", "Another demand", background("night"), big_screen("phone", 400, 250, 300, 420, 3), icon("arrows", 620, 250))
    w("blackmail-help", "Dad and Sam report it", background("kitchen"), big_screen("laptop", 420, 230, 260, 160, 2),
      sam.draw(300, 470, "worried"), dad.draw(560, 470, "neutral", facing=-1), icon("shield", 420, 80))
    w("report-remove", "Sam uses Report Remove", background("office"), big_screen("laptop", 470, 210, 320, 200, 2),
      icon("fingerprint", 470, 360), sam.draw(200, 460, "happy"))
    w("school", "Ms Okafor helps Sam", background("office"), sam.draw(280, 460, "neutral"), okafor.draw(500, 460, "happy", facing=-1))
    w("boundaries", "Sam and Jordan leaving school", background("park"), sam.draw(330, 460, "happy"), jordan.draw(480, 460, "happy", facing=-1))
    w("taken-down", "Friends on the field", background("park"), sam.draw(300, 420, "neutral", "sit"), jordan.draw(430, 420, "happy", "sit"),
      amira.draw(560, 420, "happy", "sit", facing=-1))
    w("not-your-fault", "Dad and Sam together", background("living"), sam.draw(380, 460, "neutral"), dad.draw(470, 460, "happy", facing=-1),
      icon("heart", 425, 80))
