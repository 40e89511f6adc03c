"""Where a page's source holds code rather than content: the spans of its script, style, template and noscript
elements (and svg where asked), found in linear time.

The obvious pattern, `<(script|...)\\b.*?</\\1\\s*>` with DOTALL, is quadratic on hostile pages: every opening tag
without a closing one scans to the end of the source (32,000 unclosed `<script>` tags, 320 KB, took 36 s). Here a
tag name whose closing tag is not found after one opening is never searched for again, which gives the same spans:
no later opening of it can find a closing one either.
"""

from __future__ import annotations

import re
from functools import cache

CODE_TAGS = ("script", "style", "template", "noscript")


@cache
def _opening(tags: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"<(" + "|".join(tags) + r")\b", re.IGNORECASE)


@cache
def _closing(tag: str) -> re.Pattern[str]:
    return re.compile(r"</" + tag + r"\s*>", re.IGNORECASE)


def code_spans(html: str, start: int = 0, tags: tuple[str, ...] = CODE_TAGS) -> list[tuple[int, int]]:
    """The (start, end) of every element of `tags` from its opening tag through its closing tag, in order, as the
    pattern above would find them; an opening tag never closed is no span."""
    spans: list[tuple[int, int]] = []
    unclosed: set[str] = set()
    opening = _opening(tags)
    at = start
    while (found := opening.search(html, at)) is not None:
        name = found.group(1).lower()
        close = None if name in unclosed else _closing(name).search(html, found.end())
        if close is None:
            unclosed.add(name)
            at = found.end()
            continue
        spans.append((found.start(), close.end()))
        at = close.end()
    return spans


def without_code(html: str, start: int = 0, tags: tuple[str, ...] = CODE_TAGS, sep: str = " ") -> str:
    """`html[start:]` with every span of `code_spans` replaced by `sep`."""
    parts: list[str] = []
    at = start
    for begin, end in code_spans(html, start, tags):
        parts += [html[at:begin], sep]
        at = end
    parts.append(html[at:])
    return "".join(parts)
