"""What a rule's pattern tells before it runs, read from the stdlib's own parse of it (one parse per pattern).

- Keys: the few strings a match can start or end with, and its length (the matcher's index).
- Safety: the shapes behind catastrophic backtracking (`check_backtracking`), refused at load time.
- Anchors: the literal text a pattern names (`regex_prefix`, `literal_runs`), which the guard asks for.

A line is looked up by its first (or last) KEY_LEN characters, lowercased, and only the rules whose pattern can
start (end) with exactly those characters are tried. The keys of a pattern are found by walking the stdlib's own
parse of it: literals, small character classes, alternations and repeats are expanded into the set of strings of
KEY_LEN characters a match can begin with. The set is a superset (lookarounds and anchors are ignored), never a
guess: which ASCII characters a class or literal matches under IGNORECASE is asked of the regex engine itself, so
case-folding oddities (the Kelvin sign matches "k") are accounted for. A pattern with too many possible starts at
KEY_LEN characters is keyed by fewer (`leading_index`); one whose first character cannot be bounded (a leading `.`
or `[^.]`) has no keys: it is tried on every line.

Only ASCII keys are kept. A line whose key is not plain ASCII is tried against every rule, so no rule is missed
because of how a non-ASCII character folds.
"""

from __future__ import annotations

import functools
import re
import re._compiler as _sre_compile
import re._constants as _c
import re._parser as _sre_parse
from typing import TYPE_CHECKING, Any

from ..text import FOLD

if TYPE_CHECKING:
    from .model import Rule

from .regex_cost import check_cost

KEY_LEN = 4
MAX_KEYS = 512  # more possible starts than this and the pattern is tried on every line instead
_FLAGS = re.IGNORECASE | re.UNICODE
_ASCII = [chr(i) for i in range(128)]
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_ATOMIC = _c.ATOMIC_GROUP
_SINGLE = {_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY}


class _Unbounded(Exception):
    """The pattern's keys cannot be listed: it goes with the rules tried on every line."""


@functools.lru_cache(maxsize=4096)
def parse(pattern: str) -> Any | None:
    """The stdlib's parse of `pattern` as the matcher compiles it (case-insensitive), or None. Kept: the key
    sizes tried and the widths all read the same parse."""
    try:
        parsed = _sre_parse.parse(pattern, _FLAGS)
    except re.error:
        return None
    return parsed


def width(parsed: Any) -> tuple[int, int]:
    """The shortest and longest text a match can span (the longest may be effectively unbounded)."""
    lo, hi = parsed.getwidth()
    return int(lo), int(hi)


_CHAR_CACHE: dict[tuple[str, str], frozenset[str]] = {}


def _ascii_chars(op: Any, av: Any) -> frozenset[str]:
    """The ASCII characters (lowercased) that one single-character item matches, case-insensitively."""
    if op is _c.LITERAL and av < 128:
        return frozenset((chr(av).lower(),))
    key = (str(op), repr(av))
    found = _CHAR_CACHE.get(key)
    if found is None:
        sub = _sre_parse.SubPattern(_sre_parse.State(), [(op, av)])
        sub.state.flags = _FLAGS
        try:
            compiled = _sre_compile.compile(sub, _FLAGS)
        except Exception as exc:  # an item the engine will not compile alone: list no keys for its pattern
            raise _Unbounded from exc
        found = _CHAR_CACHE[key] = frozenset(ch.lower() for ch in _ASCII if compiled.fullmatch(ch))
    return found


def _items(seq: Any, reverse: bool) -> list:
    items = list(seq)
    return items[::-1] if reverse else items


def _walk(seq: Any, prefixes: set[str], size: int, reverse: bool) -> set[str]:
    """Every string of at most `size` characters a match of `seq` can begin (end) with, after `prefixes`."""
    out = prefixes
    for op, av in _items(seq, reverse):
        if all(len(p) >= size for p in out):
            return out
        if op in _SINGLE:
            chars = _ascii_chars(op, av)
            done = {p for p in out if len(p) >= size}
            if (len(out) - len(done)) * len(chars) > MAX_KEYS:
                raise _Unbounded
            out = done | {p + ch for p in out if len(p) < size for ch in chars}
        elif op is _c.SUBPATTERN:
            add_flags, del_flags = av[1], av[2]
            if add_flags or del_flags:
                raise _Unbounded  # a scoped flag (case-sensitive part, DOTALL) is not worth modelling
            out = _walk(av[-1], out, size, reverse)
        elif op is _ATOMIC:
            out = _walk(av, out, size, reverse)
        elif op is _c.BRANCH:
            merged: set[str] = set()
            for branch in av[1]:
                merged |= _walk(branch, out, size, reverse)
                if len(merged) > MAX_KEYS:
                    raise _Unbounded
            out = merged
        elif op in _REPEATS:
            out = _repeat(av, out, size, reverse)
        elif op in _ZERO_WIDTH:
            continue  # anchors and lookarounds only narrow what matches; ignoring them keeps a superset
        else:
            raise _Unbounded  # back-references and anything unforeseen
        if len(out) > MAX_KEYS:
            raise _Unbounded
    return out


def _repeat(av: Any, prefixes: set[str], size: int, reverse: bool) -> set[str]:
    lo, hi, sub = av
    if sub.getwidth()[0] == 0 and hi > 1:
        raise _Unbounded  # a repeat of something that can be empty never has to grow the key
    out: set[str] = set(prefixes) if lo == 0 else set()
    current = prefixes
    for n in range(1, min(hi, size + 1) + 1):
        current = _walk(sub, current, size, reverse)
        if n >= lo:
            out |= current
        if len(out) > MAX_KEYS:
            raise _Unbounded
        if all(len(p) >= size for p in current):
            if n < lo:
                out |= current  # every further repeat only extends keys that are already complete
            break
    return out


def _keys(pattern: str, size: int, reverse: bool) -> frozenset[str] | None:
    parsed = parse(pattern)
    if parsed is None or parsed.state.flags != _FLAGS:
        return None  # a global inline flag ((?s), (?a), (?x)...) changes what characters match
    try:
        found = _walk(parsed, {""}, size, reverse)
    except (_Unbounded, re.error, RecursionError):
        return None
    return frozenset(k[::-1] if reverse else k for k in found)


def leading_keys(pattern: str, size: int = KEY_LEN) -> frozenset[str] | None:
    """The lowercased ASCII strings of `size` characters (or the whole match, when shorter) that a match of
    `pattern` can start with; None when they cannot be listed. Keys with non-ASCII characters are left out."""
    return _keys(pattern, size, reverse=False)


def leading_index(pattern: str) -> tuple[int, frozenset[str]] | None:
    """The longest key size (KEY_LEN down to 1) at which the starts of `pattern` can be listed, with its keys."""
    for size in range(KEY_LEN, 0, -1):
        keys = _keys(pattern, size, reverse=False)
        if keys is not None:
            return size, keys
    return None


def trailing_keys(pattern: str, size: int = KEY_LEN) -> frozenset[str] | None:
    """As `leading_keys`, for the last characters of a match."""
    return _keys(pattern, size, reverse=True)


MIN_NEEDED = 4  # a needed literal shorter than this rules out too few lines to be worth looking for


def needed_literals(parsed: Any) -> frozenset[str] | None:
    """Literal texts (lowercased ASCII) at least one of which every match contains, or None if there are none
    worth looking for: a line holding none of them cannot match, and is not given to the regex engine."""
    try:
        found = _needed(parsed)
    except RecursionError:
        return None
    if found is None or min(len(s) for s in found) < MIN_NEEDED:
        return None
    # A text that holds another of the set adds nothing to "one of them is there", and each costs a search.
    return frozenset(s for s in found if not any(t != s and t in s for t in found))


def _needed(seq: Any) -> frozenset[str] | None:
    """The most selective set of literals one of which a match of `seq` must contain (None: no such set)."""
    best: frozenset[str] | None = None

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if not candidate:
            return
        if best is None or (min(map(len, candidate)), -len(candidate)) > (min(map(len, best)), -len(best)):
            best = candidate

    run: list[str] = []
    for op, av in seq:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        consider(frozenset(("".join(run),)) if run else None)
        run = []
        if op is _c.SUBPATTERN and not (av[1] or av[2]):
            consider(_needed(av[-1]))
        elif op is _ATOMIC:
            consider(_needed(av))
        elif op is _c.BRANCH:
            branches = [_needed(b) for b in av[1]]
            if all(b is not None for b in branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(_needed(av[2]))
    consider(frozenset(("".join(run),)) if run else None)
    return best


def literal_head(parsed: Any) -> str:
    """The literal ASCII text every match starts with, lowercased ("" if none): the pattern's leading literals,
    up to the first that is not a plain ASCII character."""
    out = []
    for op, av in parsed:
        if op is not _c.LITERAL or av >= 128:
            break
        out.append(chr(av).lower())
    return "".join(out)


def line_head(folded: str) -> str | None:
    """A line's lookup key: its first KEY_LEN characters lowercased, or None when they are not all ASCII."""
    head = folded[:KEY_LEN]
    return head.lower() if head.isascii() else None


# --- safety: the shapes behind catastrophic backtracking -------------------------------------------------------

_UNBOUNDED = _c.MAXREPEAT


@functools.lru_cache(maxsize=1024)
def _parsed(pattern: str) -> Any:
    """The stdlib's parse of a pattern as written (case as given); loading a rule reads it twice (safety check,
    literal prefix): parse once."""
    return _sre_parse.parse(pattern)


@functools.lru_cache(maxsize=4096)
def check_backtracking(pattern: str) -> str | None:
    """Why `pattern` can backtrack catastrophically, or None. Kept for recent patterns: `learn` validates each
    learned rule as a candidate, again in every learned plugin it builds, and `clean --learn` loads them once more.

    Refused: an unbounded repeat inside another repeat (`(a+)+`, `(\\w*\\s?)*`), and an unbounded repeat of an
    alternation whose branches can match the same text (`(a|ab)*`). Both are the shapes behind exponential
    matching time; bounded repeats of bounded pieces stay polynomial and are allowed.
    """
    try:
        parsed = _parsed(pattern)
    except re.error as exc:
        return f"invalid regular expression: {exc}"

    # inside: None outside any repeat, "bounded" inside a repeat of at most 1000, "unbounded" inside a larger one.
    def walk(items: Any, inside: str | None) -> str | None:
        for op, av in items:
            if op in _REPEATS:
                lo, hi, sub = av
                unbounded = hi == _UNBOUNDED or hi > 1000
                if (inside == "unbounded" and lo != hi) or (inside == "bounded" and unbounded):
                    return "a variable repeat inside a repeat (catastrophic backtracking); bound or remove one of them"
                if unbounded and _has_overlapping_branches(sub):
                    return "unbounded repeat of overlapping alternatives (catastrophic backtracking)"
                here = "unbounded" if unbounded else ("bounded" if hi > 1 else None)
                found = walk(sub, "unbounded" if "unbounded" in (inside, here) else (here or inside))
                if found:
                    return found
            elif op is _c.SUBPATTERN:
                found = walk(av[-1], inside)
                if found:
                    return found
            elif op is _c.BRANCH:
                for branch in av[1]:
                    found = walk(branch, inside)
                    if found:
                        return found
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                found = walk(av[1], inside)
                if found:
                    return found
            elif op is _c.ATOMIC_GROUP:
                continue  # an atomic group never backtracks into itself
        return None

    return walk(parsed, None) or check_cost(pattern)


def _has_overlapping_branches(sub: Any) -> bool:
    """An alternation where one branch's literal start is a prefix of another's (`a|ab`, `\\w|\\d`)."""
    for op, av in sub:
        if op is _c.SUBPATTERN and _has_overlapping_branches(av[-1]):
            return True
        if op is _c.BRANCH:
            starts = [_literal_start(b) for b in av[1]]
            if "" in starts and len(starts) > 1:
                return True
            for i, a in enumerate(starts):
                if any(j != i and b.startswith(a) for j, b in enumerate(starts)):
                    return True
    return False


def _literal_start(branch: Any) -> str:
    out = []
    for op, av in branch:
        if op is not _c.LITERAL:
            break
        out.append(chr(av).lower())
    return "".join(out)


def regex_prefix(pattern: str) -> str:
    """The literal text every match of `pattern` starts with, lowercased (may be empty)."""
    try:
        parsed = _parsed(pattern)
    except re.error:
        return ""
    out = []
    for op, av in parsed:
        if op is _c.LITERAL:
            out.append(chr(av))
        else:
            break
    return "".join(out).lower()


# --- anchors: the literal text a pattern names ----------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def literal_runs(pattern: str) -> tuple[str, ...]:
    """The literal runs of a pattern (lowercased, three characters or more), longest first. A template's space
    (`' +'`) counts as a literal space."""
    if not pattern:
        return ()
    try:
        parsed = _parsed(pattern)
    except re.error:
        return ()
    found: set[str] = set()

    def walk(items: Any) -> None:
        current: list[str] = []

        def flush() -> None:
            run = "".join(current).strip()
            if len(run) >= 3:
                found.add(run.lower())
            current.clear()

        for op, av in items:
            if op is _c.LITERAL:
                current.append(chr(av))
                continue
            if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1 and list(av[2]) == [(_c.LITERAL, 32)]:
                current.append(" ")
                continue
            flush()
            if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
                walk(av[2])  # an optional run counts only where the text holds it
            elif op is _c.SUBPATTERN:
                walk(av[-1])
            elif op is _c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op is _c.ATOMIC_GROUP:
                walk(av)
        flush()

    walk(parsed)
    return tuple(sorted(found, key=lambda s: (-len(s), s)))


def anchored_chars(rule: Rule, text: str) -> int:
    """How many characters of `text` are literal text of the rule's pattern (its start and end markers for a
    block rule): every literal run of three characters or more, found once, longest first."""
    folded = text.translate(FOLD).lower()
    count = 0
    for pattern in (rule.pattern, rule.end_pattern):
        for run in literal_runs(pattern):
            pos = folded.find(run)
            if pos >= 0:
                count += len(run)
                folded = folded[:pos] + "\x00" * len(run) + folded[pos + len(run) :]
    return count
