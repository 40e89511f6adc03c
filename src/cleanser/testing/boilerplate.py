"""The boilerplate to inject: every registered rule's own `examples`, with the positions its rule declares.

A rule's examples are promo strings its author says it removes; where it removes them follows from the rule:
`where` (top, bottom, edge, any), `glued` (run onto a sentence at the end, start or between sentences), the kind
(a tail marker only at the very bottom; a start...end box anywhere, inside a line too). Keep and HTML rules have no
text to inject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..rules.book import RuleBook
from ..rules.model import RuleSet
from ..text import fold, fold_for_match
from .articles import BOTTOM, GLUED_BETWEEN, GLUED_END, GLUED_START, INLINE, SPLIT, TOP


@dataclass(frozen=True)
class Boilerplate:
    rule: str  # "plugin/rule-id"
    text: str
    positions: tuple[str, ...]
    where: str = "any"  # the rule's own position: a promo glued at the end of a bottom rule goes on the last block
    blurb: bool = False  # the rule also takes short lines under the promo
    tail: bool = False  # a tail marker: it must be the document's last line


def positions_for(kind: str, where: str, glued: str) -> tuple[str, ...]:
    """Where a rule of this kind, `where` and `glued` declares it removes its examples."""
    if kind == "tail":
        return (BOTTOM,)
    if kind == "block":
        return (TOP, BOTTOM, INLINE, SPLIT, GLUED_END, GLUED_START, GLUED_BETWEEN)
    lines = {"any": (TOP, BOTTOM, INLINE, SPLIT), "top": (TOP,), "bottom": (BOTTOM,), "edge": (TOP, BOTTOM)}[where]
    glue: tuple[str, ...] = ()
    if glued in ("end", "both"):
        glue += (GLUED_END,)
    if glued in ("start", "both"):
        glue += (GLUED_START,)
    if glued == "both":
        glue += (GLUED_BETWEEN,)
    return lines + glue


class Catalog:
    """The injectable boilerplate of a set of rule sets, by site: generic rules' examples go everywhere, a site
    rule's examples only with a URL of its site (`url(site)`).

    A promo is injected where the rule that wins it declares: the highest-priority line rule matching it, which
    on a site may be the site's own rule with a stricter position or a blurb (a site rule overrides a generic
    one). A promo a keep rule protects on a site is not injected there.
    """

    def __init__(self, rulesets: Iterable[RuleSet]):
        self.rulesets = list(rulesets)
        self.generic_sets = tuple(rs for rs in self.rulesets if rs.generic)
        self.site_sets = {rs.name: rs for rs in self.rulesets if not rs.generic and rs.domains}
        self.urls = {name: f"https://www.{rs.domains[0]}/" for name, rs in self.site_sets.items()}
        self._pools: dict[str | None, list[Boilerplate]] = {}

    @classmethod
    def from_cleaner(cls, cleaner) -> Catalog:
        return cls(cleaner.plugins.rulesets())

    @property
    def sites(self) -> list[str | None]:
        """None (no URL: generic rules only) and every site plugin with a domain, sorted."""
        return [None, *sorted(self.site_sets)]

    def pool(self, site: str | None) -> list[Boilerplate]:
        found = self._pools.get(site)
        if found is None:
            sets = self.generic_sets + ((self.site_sets[site],) if site else ())
            found = _pool(sets)
            if site is None:
                # With no URL a site's fingerprint in the text makes it that site's, and its rules decide: a
                # generic example that holds one is not a generic-only promo.
                marks = [f.lower() for rs in self.rulesets if not rs.generic for f in rs.fingerprints]
                found = [b for b in found if not any(m in fold(b.text).lower() for m in marks)]
            self._pools[site] = found
        return found

    def url(self, site: str | None) -> str | None:
        return self.urls.get(site) if site else None

    def boxes(self, site: str | None) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
        """The start and end markers of the start...end box rules that apply on `site`."""
        sets = self.generic_sets + ((self.site_sets[site],) if site else ())
        return [
            (re.compile(r.pattern, re.IGNORECASE), re.compile(r.end_pattern, re.IGNORECASE))
            for rs in sets
            for r in rs.rules
            if r.kind == "block"
        ]


def box_step(text: str, start: re.Pattern[str], end: re.Pattern[str], is_open: bool) -> tuple[bool, bool]:
    """For a promo line in document order: whether it would close a box opened by an earlier one (and so make
    what stands between them the box's content), and whether a box is open after it."""
    folded = fold(text)
    if is_open and end.search(folded):
        return True, is_open
    last = None
    for last in start.finditer(folded):  # noqa: B007 - only the last start matters
        pass
    if last is None:
        return False, is_open
    return False, end.search(folded, last.end()) is None


def _pool(rulesets: tuple[RuleSet, ...]) -> list[Boilerplate]:
    book = RuleBook(rulesets)
    out = []
    for rule in book.rules:
        if rule.kind not in ("line", "tail", "block"):
            continue
        for example in rule.examples:
            text = example.strip()
            if not text:
                continue
            positions = positions_for(rule.kind, rule.where, rule.glued)
            where, blurb = rule.where, rule.blurb > 0
            winner = book.lines.match_line(fold_for_match(text))
            if winner is not None and winner.rule.kind == "keep":
                continue
            if winner is not None and winner.rule is not rule and rule.kind == "line":
                # The line is removed as the winning rule says, if at all.
                allowed = positions_for("line", winner.rule.where, "none")
                positions = tuple(p for p in positions if p in _GLUED or p in allowed)
                blurb = winner.rule.blurb > 0
            if positions:
                out.append(Boilerplate(rule.qualified, text, positions, where, blurb, rule.kind == "tail"))
    return out


_GLUED = (GLUED_END, GLUED_START, GLUED_BETWEEN)
