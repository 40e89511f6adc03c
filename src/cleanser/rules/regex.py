"""What a rule's pattern tells before it runs: the few strings a match can start or end with, and its length.

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
from typing import Any

try:  # Python 3.11+
    import re._compiler as _sre_compile
    import re._constants as _c
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

KEY_LEN = 4
MAX_KEYS = 512  # more possible starts than this and the pattern is tried on every line instead
_FLAGS = re.IGNORECASE | re.UNICODE
_ASCII = [chr(i) for i in range(128)]
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)} - {None}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
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
    return found


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
