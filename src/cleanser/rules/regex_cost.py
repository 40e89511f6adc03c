"""Two more shapes of runaway matching time, refused at load time beside `check_backtracking`'s.

- Nested bounded repeats: `(?:a{1,1000}){1,1000}b` has no unbounded repeat, yet a line of a's can be split between
  the two repeats in about a million ways at every start before the match fails. The spans of variable repeats
  nested in one another multiply; past MAX_NESTED_SPAN the pattern is refused.
- Chained wildcards: each unbounded repeat of a wide class (`.*`, `\\S+`, `[^<]*`) in one sequence multiplies the
  work on a line that does not match by the line's length: `.*.*.*.*.*=x` is n^5. More than MAX_CHAINED of them
  in a row is refused.

Both are estimates of the worst case, on the parse the stdlib makes of the pattern; a pattern they let through is
still timed as it runs (`matcher.py`), so a shape they miss is stopped for the run instead of stalling it.
"""

from __future__ import annotations

import re
import re._compiler as _sre_compile
import re._constants as _c
import re._parser as _sre_parse
from typing import Any

MAX_NESTED_SPAN = 10_000  # the product of the spans of variable repeats nested in one another
MAX_CHAINED = 2  # unbounded repeats of wide classes that may follow one another in a sequence
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}  # possessive repeats never give back what they took
_WIDE_CATEGORIES = {_c.CATEGORY_NOT_DIGIT, _c.CATEGORY_NOT_SPACE, _c.CATEGORY_WORD, _c.CATEGORY_NOT_WORD,
                    _c.CATEGORY_NOT_LINEBREAK}


def check_cost(pattern: str) -> str | None:
    """Why `pattern` can take runaway time on one line, or None."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error as exc:
        return f"invalid regular expression: {exc}"
    return _nested(parsed, 1) or _chained(parsed)


def _nested(items: Any, product: int) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            span = min(hi, 1 << 20) - lo
            # An optional piece (`?`) is tried once or not at all: it splits nothing.
            inner = product * (span + 1) if span and hi > 1 else product
            if span and product > 1 and inner > MAX_NESTED_SPAN:
                return (f"variable repeats nested in one another allow about {inner:,} ways to split a line "
                        f"(at most {MAX_NESTED_SPAN:,}); fix one of the counts")
            found = _nested(sub, inner)
        elif op is _c.SUBPATTERN:
            found = _nested(av[-1], product)
        elif op is _c.BRANCH:
            found = next((f for b in av[1] if (f := _nested(b, product))), None)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _nested(av[1], product)
        else:
            found = None  # atomic groups and possessive repeats do not backtrack into themselves
        if found:
            return found
    return None


def _chained(items: Any) -> str | None:
    """Count wide unbounded repeats along each sequence, looking through groups (`(.*)(.*)` is `.*.*`). A required
    character the last of them cannot match (`[^<]*<`, `\\S+ `) pins where it ends: the count starts again."""
    chain: list[re.Pattern] = []
    for op, av in _flat(items):
        if op in _REPEATS and (av[1] == _c.MAXREPEAT or av[1] > 1000) and _wide(av[2]):
            chain.append(_compiled(av[2]))
            if len(chain) > MAX_CHAINED:
                return (f"more than {MAX_CHAINED} unbounded wildcards (like '.*') in a row: matching time grows with "
                        "the line's length to that power; anchor them with literal text or bound them")
        elif op is _c.LITERAL and chain and not chain[-1].fullmatch(chr(av)):
            chain.clear()
        if op is _c.BRANCH:
            found = next((f for b in av[1] if (f := _chained(b))), None)
            if found:
                return found
        if op in _REPEATS:
            found = _chained(av[2])
            if found:
                return found
    return None


def _compiled(sub: Any) -> re.Pattern:
    return _sre_compile.compile(_sre_parse.SubPattern(sub.state, list(_flat(sub))), re.IGNORECASE)


def _flat(items: Any):
    for op, av in items:
        if op is _c.SUBPATTERN:
            yield from _flat(av[-1])
        else:
            yield op, av


def _wide(sub: Any) -> bool:
    """A single-character piece that matches most characters: '.', a negated class, \\S, \\w, \\W, \\D."""
    items = list(_flat(sub))
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is _c.ANY or op is _c.NOT_LITERAL:
        return True
    if op is _c.IN:
        return any(o is _c.NEGATE or (o is _c.CATEGORY and a in _WIDE_CATEGORIES) for o, a in av)
    return False
