"""Scenes of the flagship story, drawn from the shared cast and parts in draw.py."""


def draw(cast, background, big_screen, icon, write):
    pass
