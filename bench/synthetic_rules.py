"""Synthetic site plugins with any number of rules, shaped like the bundled ones, for the rule-scaling bench.

Rule i is the same whatever the total, so the 10-rule set is inside the 100-rule set, which is inside the
1,000-rule set. The mix follows the bundled plugins: mostly regex line rules (a literal first word, or an
alternation of first words), some templates with a slot, promo glued onto a line's end, tails, start...end blocks
and HTML selectors. `promo_lines` gives lines that the first rules match, so every configuration has the same
hits on the same text.
"""

from __future__ import annotations

import random

_LEADS = (
    "sign",
    "subscribe",
    "read",
    "get",
    "follow",
    "download",
    "join",
    "listen",
    "watch",
    "more",
    "the",
    "our",
    "your",
    "this",
    "click",
    "tap",
    "share",
    "explore",
    "discover",
    "register",
    "try",
    "support",
    "become",
    "save",
    "unlock",
    "enjoy",
    "continue",
    "see",
    "view",
    "find",
    "don't",
    "never",
    "start",
    "stay",
    "catch",
    "love",
    "want",
    "got",
    "like",
    "meet",
)
_NOUNS = (
    "newsletter",
    "briefing",
    "app",
    "podcast",
    "digest",
    "updates",
    "stories",
    "coverage",
    "offer",
    "edition",
    "alerts",
    "bulletin",
    "membership",
    "subscription",
    "journalism",
    "reporting",
    "headlines",
    "insider",
    "weekender",
    "roundup",
    "dispatch",
    "notes",
    "letters",
    "puzzles",
    "crossword",
    "recipes",
    "deals",
    "events",
    "video",
    "audio",
)
_LINKS = ("up", "to", "for", "on", "in", "with", "our", "the", "free", "now")


def _words(rng: random.Random) -> tuple[str, str, str, str, str]:
    return (rng.choice(_LEADS), rng.choice(_LINKS), rng.choice(_NOUNS), rng.choice(_NOUNS), f"x{rng.randrange(10**6)}")


def _shape(i: int) -> str:
    """Rule i's kind, in the bundled plugins' proportions (3% block, 6% tail, 14% HTML, 10% glued, templates,
    the rest regex line rules), with every kind among the first ten rules so that 10 rules are as varied as
    1,000."""
    if i % 33 == 8:
        return "block"
    if i % 16 == 7:
        return "tail"
    if i % 7 == 6:
        return "html"
    if i % 10 == 5:
        return "glued"
    if i % 10 == 4:
        return "template"
    if i % 10 == 3:
        return "alternation"
    return "literal"


def make_rule(i: int) -> tuple[dict, str | None]:
    """Rule number i (a dict in the rule-file format) and a line it matches, if it is a line-shaped rule."""
    rng = random.Random(1000 + i)
    lead, link, noun, noun2, tag = _words(rng)
    rid = f"r{i:04d}"
    shape = _shape(i)
    if shape == "literal":  # a regex line rule with a literal first word
        rule = {"kind": "line", "regex": f"{lead} {link} (?:the |our )?{tag} {noun}(?: {noun2})?(?: .{{0,60}})?"}
        line = f"{lead} {link} the {tag} {noun} {noun2}"
    elif shape == "alternation":  # an alternation of first words
        other = rng.choice(_LEADS)
        rule = {"kind": "line", "regex": f"(?:{lead}|{other}) {tag} {noun}|{noun2} {tag} {link}"}
        line = f"{other} {tag} {noun}"
    elif shape == "template":  # a template with a slot
        where = rng.choice(("top", "any"))
        rule = {"kind": "line", "match": f"{lead.title()} {link} {{name}} {tag} {noun}", "where": where}
        line = f"{lead.title()} {link} Morning Notes {tag} {noun}"
    elif shape == "glued":  # promo glued onto the end of an article line
        rule = {"kind": "line", "regex": f"{lead} {tag} {noun}(?: (?:here|now|today))?", "glued": "end"}
        line = f"{lead} {tag} {noun} here"
    elif shape == "tail":
        rule = {"kind": "tail", "regex": f"more {tag} {noun}.{{0,100}}", "where": "bottom"}
        line = f"more {tag} {noun}"
    elif shape == "block":
        rule = {"kind": "block", "start": f"{lead} {tag} promotion", "end": f"end of {tag} promotion"}
        line = None
    else:
        rule = {"kind": "html", "selectors": [f"div.{tag}-{noun}", f"aside[data-promo='{tag}']"]}
        line = None
    rule.update(id=rid, description=f"synthetic rule {i}")
    return rule, line


def plugin(name: str, domain: str, first: int, count: int, fingerprints: bool = True) -> dict:
    """A site plugin (dict in the rule-file format) with rules first..first+count-1."""
    rules = [make_rule(i)[0] for i in range(first, first + count)]
    data = {"name": name, "title": name, "version": "1", "domains": [domain], "rule": rules}
    if fingerprints:
        data["fingerprints"] = [f"brought to you by the {name} desk", f"{name} newsroom membership scheme"]
    return data


def promo_lines(count: int, limit: int) -> list[str]:
    """Lines matched by line-shaped rules among the first `limit` rules (count of them, cycling)."""
    lines = [line for i in range(limit) if (line := make_rule(i)[1])]
    return [lines[k % len(lines)] for k in range(count)]
