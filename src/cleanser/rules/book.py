"""The rules that apply to one document, compiled once per combination of rule sets and cached by the Cleaner."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .matcher import LineMatcher
from .model import Rule, RuleSet


@dataclass
class RuleBook:
    """The rules that apply to one document, compiled once per combination of rule sets and cached."""

    rulesets: tuple[RuleSet, ...]
    without: frozenset[str] = frozenset()  # qualified names of rules left out (found too slow: rules/clock.py)
    rules: list[Rule] = field(init=False)

    def __post_init__(self) -> None:
        rules = (r for rs in self.rulesets for r in rs.rules)
        self.rules = sorted((r for r in rules if r.qualified not in self.without), key=Rule.sort_key)

    @cached_property
    def generic(self) -> frozenset[str]:
        """The generic rule sets' names. Their rules are matched in groups of their own (`LineMatcher`'s `apart`):
        the same expressions in every book, compiled once per process rather than once per site or learned host
        whose rules share a line's first characters with theirs."""
        return frozenset(rs.name for rs in self.rulesets if rs.generic)

    @cached_property
    def lines(self) -> LineMatcher:
        return LineMatcher([r for r in self.rules if r.kind in ("line", "keep")], apart=self.generic)

    @cached_property
    def tails(self) -> LineMatcher:
        return LineMatcher([r for r in self.rules if r.kind == "tail"], apart=self.generic)

    @cached_property
    def blocks(self) -> list[tuple[Rule, str, re.Pattern[str], re.Pattern[str]]]:
        out = []
        for r in self.rules:
            if r.kind == "block":
                start = re.compile(r.pattern, re.IGNORECASE)
                end = re.compile(r.end_pattern, re.IGNORECASE)
                out.append((r, r.literal_prefix.strip(), start, end))
        return out

    @cached_property
    def trusted(self) -> frozenset[str]:
        """Qualified names of the trusted rules (asked once per document: kept, not rebuilt)."""
        return frozenset(r.qualified for r in self.rules if r.trusted)

    @cached_property
    def verified(self) -> frozenset[str]:
        """Qualified names of the rules learning verified on held-back documents (`Rule.verified`)."""
        return frozenset(r.qualified for r in self.rules if r.verified and not r.trusted)

    @cached_property
    def flags(self) -> dict[str, str]:
        """The flag each flag-setting rule sets, by its qualified name."""
        return {r.qualified: r.flag for r in self.rules if r.flag}

    @cached_property
    def by_name(self) -> dict[str, Rule]:
        """Every rule by its qualified name."""
        return {r.qualified: r for r in self.rules}

    @cached_property
    def block_finder(self) -> BlockFinder:
        return BlockFinder(self.blocks)

    @cached_property
    def html(self) -> list[Rule]:
        return [r for r in self.rules if r.kind == "html"]


BlockEntry = tuple[Rule, str, re.Pattern[str], re.Pattern[str]]


class BlockFinder:
    """The block rules whose literal start occurs in a document, in priority order.

    A document is looked at once, so that a line pays only for the few rules whose start is in the document at
    all (usually none). With few rules each literal is looked for in the text. With many, a literal of three words
    or more is found through its longest inner word, which the text must hold as a whole word (it sits between two
    spaces in the literal): one split of the text instead of a scan per rule. Shorter literals are still looked
    for one by one.
    """

    INDEX_FROM = 24  # below this many rules, scanning the text once per rule is cheaper than splitting it

    def __init__(self, entries: list[BlockEntry]):
        self.entries = entries
        self._indexed = len(entries) >= self.INDEX_FROM
        self._always: list[int] = []
        self._by_word: dict[str, list[int]] = {}
        for i, (_rule, literal, _start, _end) in enumerate(entries):
            inner = [w for w in literal.split(" ")[1:-1] if w]
            if self._indexed and inner:
                self._by_word.setdefault(max(inner, key=len), []).append(i)
            else:
                self._always.append(i)

    def present(self, lower: str) -> list[BlockEntry]:
        """The rules whose literal start occurs in `lower` (folded, lowercased text), or that have none."""
        if not self._indexed:
            return [e for e in self.entries if not e[1] or e[1] in lower]
        found = list(self._always)
        words = self._by_word.keys() & lower.split(" ")
        for word in words:
            found.extend(self._by_word[word])
        if words:
            found.sort()
        return [self.entries[i] for i in found if not self.entries[i][1] or self.entries[i][1] in lower]
