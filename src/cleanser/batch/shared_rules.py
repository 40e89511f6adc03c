"""The rule matcher's compiled expressions, handed from the first pass's worker processes to the second pass's.

With `clean --learn --jobs N` each host is learned in a worker process of the first pass, which compiles the
combined expressions of the host's rule book (the learned rules beside the generic ones and the site's own) while
it checks fixtures and cleans the held-back documents. The second pass's workers are forked from the parent, which
learned nothing itself: each of them compiled those expressions again, for every host whose records it cleaned.
So a learning task sends back the text of each expression it compiled (`compiled_since`), the parent compiles them
into the matcher's shared table (`compile_all`, `rules/matcher.py`) as the outcomes come in, while the workers go
on learning, and the second pass's workers, forked after, find them compiled. The table's bound holds: past it,
nothing more is kept (`matcher.COMPILED_MAX_CHARS`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..rules import matcher


def compiled_now() -> set[str]:
    """The expressions this process holds compiled."""
    return set(matcher._COMPILED)


def compiled_since(before: Collection[str]) -> list[str]:
    """The expressions compiled (and kept) since `before` was taken, in the order they were compiled."""
    return [source for source in matcher._COMPILED if source not in before]


def compile_all(sources: Iterable[str]) -> None:
    """Compile each expression into the process's shared table, unless it is there already."""
    for source in sources:
        matcher._compile(source)
