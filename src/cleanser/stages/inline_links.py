"""A "read also" link line, whichever rule removed it.

News sites print a link to another story between an article's paragraphs: a formula ("Czytaj też:", "Lesen Sie
auch:", "Read more:"), a separator and the other story's headline. The article goes on under it, so the zones
(`generic_zones.py`) never start a tail of page furniture at such a line. The generic rules that name the formula
(`INLINE_LINK_RULES`) are how the zones knew one; but a line of higher priority claims it first when a site's plugin
or a rule learned from the archive (`cleanser learn`, `clean --learn`) names the same line, often with its headline
literally, and then the removal names that rule. What makes the line an inline link is its wording, not the rule
that took it: `inline_link` asks the generic rules' own patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..rules.model import load_ruleset_file
from ..text import fold_for_match

PLUGIN = "generic"
INLINE_LINK_IDS = ("read-also", "read-more-link")
INLINE_LINK_RULES = frozenset(f"{PLUGIN}/{rule}" for rule in INLINE_LINK_IDS)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The generic inline-link rules' patterns, as the matcher compiles them (read once per process)."""
    rules = load_ruleset_file(str(resources.files("cleanser") / "generic.toml"), generic=True).rules
    return tuple(re.compile(r.pattern, re.IGNORECASE) for r in rules if r.id in INLINE_LINK_IDS)


@lru_cache(maxsize=1 << 10)
def inline_link(text: str) -> bool:
    """Whether the line is worded as a "read also" link (a generic inline-link rule matches it), whichever rule
    removed it."""
    folded = fold_for_match(text)
    return any(p.fullmatch(folded) for p in _patterns())
