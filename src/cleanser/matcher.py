"""Rules compiled into few matchers, so that the cost per line does not grow with the number of rules.

Line rules are bucketed by the first word every line they match must start with; a line looks up its own first
word and runs one combined, anchored expression of that bucket's rules (plus the few rules with no literal first
word). Rules glued onto the end of a line are bucketed the same way by their last word. Each combined expression
lists its rules by priority, so the first alternative that matches is the rule that wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .rules import Rule

_REGEX_MAX_LEN = 400  # longest line a regex rule is tried on: promo lines are short, prose lines long
_TAIL_PUNCT = r"[.!:;,]?[ ]*"


def first_word(folded_lower: str) -> str:
    cut = folded_lower.find(" ")
    return folded_lower if cut < 0 else folded_lower[:cut]


def last_word(folded_lower: str) -> str:
    text = folded_lower.rstrip(" .!:;,")
    cut = text.rfind(" ")
    return text if cut < 0 else text[cut + 1 :]


@dataclass(slots=True)
class Hit:
    rule: Rule
    start: int
    end: int


class _Buckets:
    """Rules grouped by a key word, each group compiled into one alternation on first use."""

    def __init__(self, rules: Iterable[Rule], key, wrap: str, index: dict[int, int]):
        self._wrap = wrap
        self._index = index
        grouped: dict[str, list[Rule]] = defaultdict(list)
        for rule in rules:
            grouped[key(rule)].append(rule)
        self._groups = dict(grouped)
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        self.wild = self._get("")

    def _get(self, word: str) -> re.Pattern[str] | None:
        try:
            return self._compiled[word]
        except KeyError:
            rules = self._groups.get(word)
            if not rules:
                compiled = None
            else:
                # Group names index into the shared rule list, so a hit names its rule directly.
                parts = [f"(?P<r{self._index[id(r)]}>{r.pattern})" for r in rules]
                compiled = re.compile(self._wrap.format("|".join(parts)), re.IGNORECASE)
            self._compiled[word] = compiled
            return compiled

    def candidates(self, word: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        return (self._get(word) if word in self._groups else None), self.wild


def _line_key(rule: Rule) -> str:
    prefix = rule.literal_prefix
    if " " in prefix:
        return prefix[: prefix.index(" ")]
    if prefix and prefix == rule.literal_suffix:  # the whole template is literal
        return prefix
    return ""


def _end_key(rule: Rule) -> str:
    suffix = rule.literal_suffix.rstrip(" ")
    if not suffix:
        return ""
    cut = suffix.rfind(" ")
    return suffix if cut < 0 else suffix[cut + 1 :]


class LineMatcher:
    """Whole-line, glued-end and glued-start matching for one set of line-shaped rules."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = sorted(rules, key=Rule.sort_key)
        self.max_len = max((r.max_len or _REGEX_MAX_LEN for r in self.rules), default=0)
        index = {id(r): i for i, r in enumerate(self.rules)}
        self._whole = _Buckets(self.rules, _line_key, r"(?:{})", index)
        glued_end = [r for r in self.rules if r.glued in ("end", "both")]
        glued_start = [r for r in self.rules if r.glued in ("start", "both")]
        self._end = _Buckets(glued_end, _end_key, r"(?:{})" + _TAIL_PUNCT + r"$", index)
        self._start = _Buckets(glued_start, _line_key, r"(?:{})", index)
        self._inline = [
            (r, r.literal_prefix, re.compile(r.pattern, re.IGNORECASE))
            for r in self.rules
            if r.glued == "both" and len(r.literal_prefix.strip()) >= 4
        ]
        self.has_glued = bool(glued_end or glued_start)

    def inline_rules(self) -> list[tuple[Rule, str, re.Pattern[str]]]:
        """Rules that may sit glued between two sentences of a line, with the literal text they start with."""
        return self._inline

    def _best(self, patterns, fn) -> Hit | None:
        best: Hit | None = None
        for pattern in patterns:
            if pattern is None:
                continue
            m = fn(pattern)
            if m is None:
                continue
            rule = self.rules[int(m.lastgroup[1:])]
            if best is None or rule.sort_key() < best.rule.sort_key():
                best = Hit(rule, m.start(), m.end())
        return best

    def match_line(self, folded: str) -> Hit | None:
        """The highest-priority rule matching the whole (folded, trimmed) line."""
        if not folded or len(folded) > self.max_len:
            return None
        return self._best(self._whole.candidates(first_word(folded.lower())), lambda p: p.fullmatch(folded))

    def match_glued_end(self, folded: str) -> Hit | None:
        """A rule whose text ends the line, glued after the article's last sentence."""
        start = max(0, len(folded) - self.max_len)
        return self._best(self._end.candidates(last_word(folded.lower())), lambda p: p.search(folded, start))

    def match_glued_start(self, folded: str) -> Hit | None:
        """A rule whose text starts the line, with the article's first sentence glued after it."""
        return self._best(self._start.candidates(first_word(folded.lower())), lambda p: p.match(folded))
