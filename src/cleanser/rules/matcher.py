"""Rules compiled into few matchers, so that the cost per line does not grow with the number of rules.

A line is looked up by its first KEY_LEN characters (see pattern_keys.py): only the rules whose pattern can start
with them are tried, as one combined, anchored expression per distinct group of rules, compiled on first use and
kept. A line longer or shorter than anything in the group can match skips it without running a regex. Rules
whose starts cannot be listed are tried on every line, as one more combined expression. Each combined expression
lists its rules by priority, so the first alternative that matches is the rule that wins, exactly as if every
rule were tried one by one in priority order.

Promo glued onto a line's end is looked up by the line's last characters the same way; the few candidate rules
are then tried in priority order, each only at the places where its literal first word occurs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..text import TRIMMABLE, fold_for_match
from .model import REGEX_MAX_LEN, Rule
from .regex import KEY_LEN, leading_index, literal_head, needed_literals, parse, trailing_keys, width

_TAIL_PUNCT = r"[.!:;,]?[ ]*"
_END_PUNCT = ".!:;,"
_SEEN_MAX = 1 << 16


@dataclass(slots=True)
class Hit:
    rule: Rule
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Info:
    lead: tuple[int, frozenset[str]] | None  # key size and keys of the starts
    trail: frozenset[str] | None
    lo: int
    hi: int
    head: str  # literal ASCII text every match starts with, lowercased
    needs: frozenset[str] | None  # literal texts one of which every match contains


_INFO: dict[str, _Info] = {}


def _info(pattern: str) -> _Info:
    """Keys and match widths of a pattern, worked out once per process (rule books share their generic rules)."""
    found = _INFO.get(pattern)
    if found is None:
        parsed = parse(pattern)
        lo, hi = width(parsed) if parsed is not None else (0, 1 << 30)
        head = literal_head(parsed) if parsed is not None else ""
        needs = needed_literals(parsed) if parsed is not None else None
        found = _INFO[pattern] = _Info(leading_index(pattern), trailing_keys(pattern), lo, hi, head, needs)
    return found


# Combined expressions by their text, shared by every matcher in the process. A group's expression names its
# alternatives by their place in the group, not by the rule list's numbering, so that the same rules make the
# same text in every rule book: the generic rules' groups in each site's book, and a host's groups in the second
# pass of `clean --learn`, which the first pass compiled for the learned plugin's check (a forked worker inherits
# them). Kept until COMPILED_MAX_CHARS characters of expressions are held (about 26 bytes of compiled code a
# character: 26 MiB); later ones are compiled for their matcher alone, as before.
COMPILED_MAX_CHARS = 1 << 20
_COMPILED: dict[str, re.Pattern[str]] = {}
_compiled_chars = 0


def _compile(source: str) -> re.Pattern[str]:
    global _compiled_chars
    found = _COMPILED.get(source)
    if found is None:
        found = re.compile(source, re.IGNORECASE)
        if _compiled_chars + len(source) <= COMPILED_MAX_CHARS:
            _COMPILED[source] = found
            _compiled_chars += len(source)
    return found


# The only characters besides ASCII letters that a case-insensitive expression matches to an ASCII letter, and
# that lowercasing does not turn into it (the Kelvin sign does become "k"): with them replaced, a line lowercased
# holds a rule's needed (ASCII) text whenever the rule can match it.
_CASE_ODD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


class _Group:
    """Rules tried together: one combined expression, listing them by priority, compiled on first use. Rules
    that need a literal text (see pattern_keys.needed_literals) are left out for a line that holds none of it."""

    __slots__ = ("_make", "_narrowed", "_pattern", "_source", "hi", "lo", "members", "needy", "plain")

    def __init__(self, rules: Sequence[Rule], members: tuple[int, ...], wrap: str, make):
        self.members = members
        infos = [_info(rules[i].pattern) for i in members]
        self.lo = min(x.lo for x in infos)
        self.hi = max(x.hi for x in infos)
        # Only a rule that starts lines broadly (no keys, or keys shorter than KEY_LEN) is worth leaving out by its
        # needed text: one keyed by KEY_LEN characters fails at once on a line it does not match.
        broad = [x.needs is not None and (x.lead is None or x.lead[0] < KEY_LEN) for x in infos]
        self.needy = [(i, x.needs, x.lo, x.hi) for i, x, b in zip(members, infos, broad, strict=True) if b]
        self.plain = tuple(i for i, b in zip(members, broad, strict=True) if not b)
        # Group names are places in `members` (see _COMPILED); `index` turns a match's into the rule's number.
        self._source = wrap.format("|".join(f"(?P<r{k}>{rules[i].pattern})" for k, i in enumerate(members)))
        self._pattern: re.Pattern[str] | None = None
        self._make = make  # the owner's group factory, which shares groups of the same members
        self._narrowed: dict[tuple[int, ...], tuple[_Group, ...]] = {}

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = _compile(self._source)
        return self._pattern

    def index(self, m: re.Match[str]) -> int:
        """The number, in the matcher's rule list, of the rule whose alternative matched."""
        return self.members[int(m.lastgroup[1:])]  # type: ignore[index]

    def narrow(self, folded: str, prefix: bool = False) -> tuple[_Group, ...]:
        """The groups to try instead of this one: without the rules whose needed text the line lacks. The rules
        whose text is there are tried one by one, beside the group of the others: a combined expression per
        combination of them would be compiled for every combination the lines show (a generic group of ten such
        rules, each an alternation of phrases in many languages, made hundreds, of 5,000 to 30,000 characters
        each); one per rule is compiled once and shared by every book."""
        if not self.needy:
            return (self,)
        lower = folded.lower() if folded.isascii() else folded.translate(_CASE_ODD).lower()
        n = len(folded)
        # A rule whose matches cannot be as long as the line (`prefix`: as long or shorter) is left out before its
        # texts are looked for: an article's paragraph is longer than most furniture.
        found_in: list[int] = []
        for i, needs, lo, hi in self.needy:  # a plain loop: a generator per rule cost a fifth more
            if lo <= n and (prefix or n <= hi):
                for text in needs:
                    if text in lower:
                        found_in.append(i)
                        break
        kept = tuple(found_in)
        if len(kept) == len(self.needy):
            return (self,)
        found = self._narrowed.get(kept)
        if found is None:
            parts = ([self._make(self.plain)] if self.plain else []) + [self._make((i,)) for i in kept]
            found = self._narrowed[kept] = tuple(parts)
        return found


class _Heads:
    """Rules grouped by the keys a match starts with: KEY_LEN characters, or fewer for a rule with too many
    possible starts (a whole-line match shorter than its key size is looked up whole). `prefix`: a match may stop
    before the line's end, so a rule whose match can be shorter than its key is tried everywhere.

    `apart`: plugins whose rules never share a group with other plugins' rules (the generic ones: see
    `LineMatcher`). A line then tries one group of each side, and the lowest-numbered rule either matches wins, as
    in one group of both."""

    def __init__(self, rules: Sequence[Rule], members: Sequence[int], wrap: str, prefix: bool,
                 apart: Collection[str] = ()):
        self._rules = rules
        self._wrap = wrap
        self._groups: dict[tuple[int, ...], _Group] = {}
        self._seen: dict[str, tuple[_Group, ...]] = {}  # groups by line head, worked out once per head
        sides = [[i for i in members if rules[i].plugin in apart], [i for i in members if rules[i].plugin not in apart]]
        self._sides = [self._side(side, prefix) for side in sides if side]
        self.wild = tuple(wild for _, _, wild in self._sides if wild is not None)
        unkeyed = {i for wild in self.wild for i in wild.members}
        keyed = [i for i in members if i not in unkeyed]
        # For lines whose key is not plain ASCII: every keyed rule, as one group per plugin. A book's largest
        # expression, compiled once per rule set rather than once per combination of them (each host's book in
        # `clean --learn` combines the generic rules with its own learned ones).
        by_plugin: dict[str, list[int]] = defaultdict(list)
        for i in keyed:
            by_plugin[rules[i].plugin].append(i)
        self.keyed = tuple(self._group(tuple(v)) for v in by_plugin.values())

    def _side(self, members: Sequence[int], prefix: bool):
        """(groups by KEY_LEN key, [(size, groups by shorter key)], the group of rules tried on every line)."""
        rules = self._rules
        tables: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        wild: list[int] = []
        for i in members:
            lead = _info(rules[i].pattern).lead
            if lead is None or (prefix and any(len(k) < lead[0] for k in lead[1])):
                wild.append(i)
                continue
            size, keys = lead
            for key in keys:
                tables[size if len(key) == size else KEY_LEN][key].append(i)
        built = {size: {k: self._group(tuple(v)) for k, v in table.items()} for size, table in tables.items()}
        by_key = built.pop(KEY_LEN, {})
        return by_key, sorted(built.items()), self._group(tuple(wild)) if wild else None

    def _group(self, members: tuple[int, ...]) -> _Group:
        found = self._groups.get(members)
        if found is None:
            found = self._groups[members] = _Group(self._rules, members, self._wrap, self._group)
        return found

    def lookup(self, folded: str) -> tuple[_Group, ...]:
        """The groups to try on a line (besides `wild`): the lowest-numbered rule any of them matches wins."""
        head = folded[:KEY_LEN]
        if not head.isascii():
            return self.keyed
        head = head.lower()
        try:
            return self._seen[head]
        except KeyError:
            pass
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()  # bounded memory on a stream of odd lines; the common heads come back at once
        found = self._seen[head] = tuple(g for side in self._sides for g in self._find(head, *side[:2]))
        return found

    def _find(self, head: str, by_key, shorter) -> tuple[_Group, ...]:
        # Each table's group is tried on its own (the lowest-numbered rule any of them matches wins): a group of
        # their union would be one more expression for every combination of line heads, compiled again and again.
        found = by_key.get(head)
        hits = [found] if found is not None else []
        for size, table in shorter:
            group = table.get(head[:size]) if len(head) >= size else None
            if group is not None:
                hits.append(group)
        return tuple(hits)


class LineMatcher:
    """Whole-line, glued-end and glued-start matching for one set of line-shaped rules."""

    def __init__(self, rules: Sequence[Rule], apart: Collection[str] = ()):
        self.rules = sorted(rules, key=Rule.sort_key)
        self.max_len = max((r.max_len or REGEX_MAX_LEN for r in self.rules), default=0)
        everyone = range(len(self.rules))
        self._whole = _Heads(self.rules, everyone, r"(?:{})", prefix=False, apart=apart)
        glued_end = [i for i in everyone if self.rules[i].glued in ("end", "both")]
        glued_start = [i for i in everyone if self.rules[i].glued in ("start", "both")]
        self._start = _Heads(self.rules, glued_start, r"(?:{})", prefix=True, apart=apart)
        self._end_by_key, self._end_wild = self._end_index(glued_end)
        self._end_all = tuple(glued_end)
        # Candidates by a line's last KEY_LEN + 1 characters (all that `_end_lookup` reads), worked out once each.
        self._end_seen: dict[str, tuple[int, ...]] = {}
        self._end_rules: dict[int, tuple[str, re.Pattern[str]]] = {}
        self._single: dict[int, re.Pattern[str]] = {}  # one rule's own expression, for match_line_below
        self._rank = {id(r): i for i, r in enumerate(self.rules)}  # by identity: equal rules may sit in two sets
        self._inline = [
            (r, r.literal_prefix, re.compile(r.pattern, re.IGNORECASE))
            for r in self.rules
            if r.glued == "both" and len(r.literal_prefix.strip()) >= 4
        ]
        self.has_glued = bool(glued_end or glued_start)

    def _end_index(self, members: list[int]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
        by_key: dict[str, list[int]] = defaultdict(list)
        wild: list[int] = []
        for i in members:
            keys = _info(self.rules[i].pattern).trail
            # A key that is short, or ends in a space, leaves the match's end position open: try it everywhere.
            if keys is None or any(len(k) < KEY_LEN or k.endswith(" ") for k in keys):
                wild.append(i)
            else:
                for key in keys:
                    by_key[key].append(i)
        return {k: tuple(v) for k, v in by_key.items()}, tuple(wild)

    def inline_rules(self) -> list[tuple[Rule, str, re.Pattern[str]]]:
        """Rules that may sit glued between two sentences of a line, with the literal text they start with."""
        return self._inline

    def _hit(self, found: tuple[int, re.Match[str]] | None) -> Hit | None:
        return None if found is None else Hit(self.rules[found[0]], found[1].start(), found[1].end())

    def match_text(self, text: str) -> Hit | None:
        """`match_line` on a line as written. A line too long to match is not folded first: unless one of its
        ends can be trimmed, its folded form is as long."""
        if len(text) > self.max_len and text[0] not in TRIMMABLE and text[-1] not in TRIMMABLE:
            return None
        return self.match_line(fold_for_match(text))

    def match_line(self, folded: str) -> Hit | None:
        """The highest-priority rule matching the whole (folded, trimmed) line."""
        n = len(folded)
        if not n or n > self.max_len:
            return None
        found: tuple[int, re.Match[str]] | None = None
        for whole in (*self._whole.lookup(folded), *self._whole.wild):
            if not whole.lo <= n <= whole.hi:
                continue
            for group in whole.narrow(folded):
                if not group.lo <= n <= group.hi:
                    continue
                m = group.pattern.fullmatch(folded)
                # Rules are numbered in priority order: the lower number wins.
                if m is not None and (found is None or group.index(m) < found[0]):
                    found = (group.index(m), m)
        return self._hit(found)

    def match_line_below(self, folded: str, rule: Rule) -> Hit | None:
        """The highest-priority rule below `rule` matching the whole line. One rule at a time: this is for the
        few lines whose winning rule cannot take them (its position does not allow it, or the guard refused it),
        not for every line."""
        start = self._rank.get(id(rule))
        if start is None:
            return None
        start += 1
        if not folded or len(folded) > self.max_len:
            return None
        for i in range(start, len(self.rules)):
            pattern = self._single.get(i)
            if pattern is None:
                pattern = self._single[i] = re.compile(self.rules[i].pattern, re.IGNORECASE)
            if pattern.fullmatch(folded):
                return Hit(self.rules[i], 0, len(folded))
        return None

    def match_glued_start(self, folded: str) -> Hit | None:
        """A rule whose text starts the line, with the article's first sentence glued after it."""
        found: tuple[int, re.Match[str]] | None = None
        for whole in (*self._start.lookup(folded), *self._start.wild):
            for group in whole.narrow(folded, prefix=True):
                m = group.pattern.match(folded)
                if m is not None and (found is None or group.index(m) < found[0]):
                    found = (group.index(m), m)
        return self._hit(found)

    def match_glued_end(self, folded: str) -> Hit | None:
        """The highest-priority rule whose text ends the line, glued after the article's last sentence; its
        leftmost match."""
        candidates = self._end_candidates(folded) if self._end_all else ()
        if not candidates:
            return None
        start = max(0, len(folded) - self.max_len)
        # Finding a rule's first word in the lowercased line is exact only for ASCII text.
        lower = folded.lower() if folded.isascii() else ""
        for i in candidates:
            head, pattern = self._end_rule(i)
            if not (head and lower):
                m = pattern.search(folded, start)
            else:
                m = None
                pos = lower.find(head, start)
                while pos >= 0:
                    m = pattern.match(folded, pos)
                    if m is not None:
                        break
                    pos = lower.find(head, pos + 1)
            if m is not None:
                return Hit(self.rules[i], m.start(), m.end())
        return None

    def _end_candidates(self, folded: str) -> tuple[int, ...]:
        """Glued-end rules that can end this line, in priority order (worked out once per line ending)."""
        trimmed = folded.rstrip(" ")
        ending = trimmed[-KEY_LEN - 1 :]
        try:
            return self._end_seen[ending]
        except KeyError:
            pass
        if len(self._end_seen) >= _SEEN_MAX:
            self._end_seen.clear()  # bounded, as the heads' table
        found = self._end_seen[ending] = self._end_lookup(trimmed)
        return found

    def _end_lookup(self, trimmed: str) -> tuple[int, ...]:
        key = trimmed[-KEY_LEN:]
        if not key.isascii():
            return self._end_all
        if len(key) < KEY_LEN:
            return self._end_wild  # only a rule whose match can be this short can match
        found = self._end_by_key.get(key.lower(), ())
        if key[-1] in _END_PUNCT:
            # The rule's match may also stop before one final mark (see _TAIL_PUNCT).
            before = trimmed[-KEY_LEN - 1 : -1]
            if len(before) == KEY_LEN:
                if not before.isascii():
                    return self._end_all
                found = found + self._end_by_key.get(before.lower(), ())
        if not found:
            return self._end_wild
        return tuple(sorted(set(found).union(self._end_wild)))

    def _end_rule(self, i: int) -> tuple[str, re.Pattern[str]]:
        """A glued-end rule's literal first word and its expression anchored at the line's end."""
        found = self._end_rules.get(i)
        if found is None:
            rule = self.rules[i]
            pattern = re.compile(f"(?:{rule.pattern}){_TAIL_PUNCT}$", re.IGNORECASE)
            found = self._end_rules[i] = (_info(rule.pattern).head, pattern)
        return found
