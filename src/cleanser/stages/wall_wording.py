"""The wall wording of `data/wall_wording.json`: paywall, registration-wall and premium-label phrases in more
languages, each with a note of where it was seen (the file's `seen` fields).

The file extends the patterns of `stages/walls.py` (paywall and registration walls, read where a wall stands) and
gives `stages/premium.py` its labels. Kept as data so that a phrase and its evidence stay together and a new
language needs no code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

KINDS = ("paywall", "registration", "premium_label", "subscription_call")


@cache
def wording() -> dict[str, list[dict[str, str]]]:
    """The packaged file, by kind: a list of {"pattern", "language", "seen"}."""
    text = resources.files("cleanser").joinpath("data", "wall_wording.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {kind: list(data.get(kind, [])) for kind in KINDS}


def typographic(pattern: str) -> str:
    """`pattern` with every ASCII apostrophe also matching the typographic one (’): walls are typeset ("You’ve
    reached your limit", "Don’t have an account?", "Vous n’avez pas de compte", "limite d’articles"), and a pattern
    written with "'" missed them. Inside a character class the apostrophe is added to the class."""
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif in_class:
            out.append("'’" if char == "'" else char)
            in_class = char != "]"
        elif char == "[":
            out.append(char)
            in_class = True
        else:
            out.append("['’]" if char == "'" else char)
    return "".join(out)


def alternation(kind: str) -> str:
    """The patterns of one kind as one regular-expression alternation (each in a group of its own)."""
    return "|".join(f"(?:{entry['pattern']})" for entry in wording()[kind])
