"""Caps on what a FiveFilters site config may cost: its size, its number of expressions, and the XPath shapes whose
evaluation grows with the square of the page.

libxml2 evaluates an XPath expression in C, where no time limit reaches it; so the expensive shapes are refused
when the config is read, and the config that had them is reported. A predicate that searches the whole document
again (`//div[count(//p) > 3]`) or walks every preceding or following node (`//p[following::div]`) costs the number
of nodes it is tried on times the size of the page.
"""

from __future__ import annotations

import re

MAX_CONFIG_BYTES = 256 * 1024  # real configs are a few KB; the largest in the FiveFilters collection about 30
MAX_EXPRESSIONS = 500
MAX_EXPRESSION_CHARS = 2000
# In a predicate: an absolute path ("//" not after "."), or an axis that walks the nodes before or after.
# An absolute path starts where an expression starts: after "[", "(", ",", "|", an operator or a space.
_QUADRATIC_IN_PREDICATE = re.compile(r"(?:^|[\0\[(,|=<>!+*\s-])\s*(/)|(preceding|following)(?:-sibling)?::")
_STRING = re.compile(r"'[^']*'|\"[^\"]*\"")


def too_costly(expression: str) -> str | None:
    """Why one XPath expression of a site config is refused, or None."""
    if len(expression) > MAX_EXPRESSION_CHARS:
        return f"longer than {MAX_EXPRESSION_CHARS} characters"
    depth = 0
    inside: list[str] = []
    for ch in _STRING.sub("''", expression):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        if depth:
            inside.append(ch)
        elif inside and inside[-1] != "\0":
            inside.append("\0")
    found = _QUADRATIC_IN_PREDICATE.search("".join(inside))
    if found and not (found.group(2) and "sibling" in found.group(0)):
        what = "an absolute path" if found.group(1) else f"the {found.group(2)} axis"
        return (f"a predicate uses {what}, which searches the whole page for every node it is tried on "
                "(a relative path, './/', stays inside the node)")
    return None
