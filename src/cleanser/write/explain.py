"""`cleanser explain`: the document with every removal marked and the rule that made it."""

from __future__ import annotations

import textwrap

from ..document import BLANK
from ..result import Result

_RED, _DIM, _YELLOW, _RESET = "\x1b[31m", "\x1b[2m", "\x1b[33m", "\x1b[0m"


def explain(result: Result, *, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    site = result.site or "none"
    out.append(paint(_DIM, f"# site: {site}; rule sets: {', '.join(result.rulesets)}"))
    for removal in result.html_removals:
        if removal.refused is not None:
            continue  # listed with the other refusals below
        out.append(paint(_RED, f"- <html> {_short(removal.text)}") + paint(_YELLOW, f"   [{removal.rule}]"))
    for block in result.document.blocks:
        if block.kind == BLANK:
            out.append("")
            continue
        text = block.prefix + block.text
        if block.removal is None:
            out.append("  " + text)
        else:
            r = block.removal
            where = ", ".join(x for x in (r.kind, r.where) if x)
            lines = text.splitlines() or [""]
            for line in lines:
                out.append(paint(_RED, "- " + line))
            out[-1] += paint(_YELLOW, f"   [{r.rule}; {where}]")
    for r in result.refused:
        out.append(paint(_YELLOW, f"! kept {_short(r.text)!r}: {r.rule} refused by the guard: {r.refused}"))
    for name, reason in result.flags.items():
        out.append(paint(_YELLOW, f"! flag {name}: {reason}"))
    removed = result.removed
    out.append(paint(_DIM, f"# {len(removed)} removals, {sum(len(r.text.split()) for r in removed)} words"))
    return "\n".join(out) + "\n"


def _short(text: str) -> str:
    return textwrap.shorten(text, 100, placeholder=" …")
