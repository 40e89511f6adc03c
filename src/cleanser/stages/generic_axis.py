"""A chart's axis in a plain text: a run of lone numbers that count up or down, one per line.

A naive scraper that keeps every `<p>` of a page keeps the tick labels of the page's charts as well: "0", "20",
"40", "60", "80" or "'17", "'18", ... "'28", each alone on its line, often printed twice (a small and a large
version of the chart). No article is written that way: a number alone on a line is a figure's label, and a run of
them that counts in one direction is an axis (or a pager's "1 2 3 4 5"). Nothing but the numbers goes: a chart's
title, its units ("billion", "%") and its legend stay, as they are words some article could hold.

An axis is AXIS_RUN kept lines or more in a row (lines a rule removed between them do not break the run), each a
lone number (an apostrophe of an abbreviated year, a currency sign before it or a percent sign after it allowed),
strictly increasing or strictly decreasing. It is one removal, rule `generic/axis`, kind "zone", with its evidence;
the guard judges it as any generic removal (a number is no prose).
"""

from __future__ import annotations

import re

from ..document import Block, Document, Removal

PLUGIN = "generic"
RULE = f"{PLUGIN}/axis"
AXIS_RUN = 5  # lone numbers in a row that count one way: fewer may be an article's own list of figures
MAX_CHARS = 8  # the longest lone number looked at ("'2028", "$1,000", "12.5%")
_LONE_NUMBER = re.compile(r"[’'‘]?[$€£¥]?(\d{1,4}(?:[.,]\d{1,3})?)%?")


def _value(text: str) -> float | None:
    """The number a line holds alone, or None."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS or (not text[-1:].isdigit() and text[-1:] != "%"):
        return None
    m = _LONE_NUMBER.fullmatch(text)
    return float(m.group(1).replace(",", ".")) if m else None


def _monotonic_runs(values: list[tuple[int, float]]) -> list[list[int]]:
    """The pieces of a run of numbers that count strictly one way, AXIS_RUN long or more (block indexes)."""
    out: list[list[int]] = []
    a = 0
    while a < len(values) - 1:
        up = values[a + 1][1] > values[a][1]
        b = a + 1
        while b < len(values) and values[b][1] != values[b - 1][1] and (values[b][1] > values[b - 1][1]) == up:
            b += 1
        if b - a >= AXIS_RUN:
            out.append([i for i, _ in values[a:b]])
        a = b if b - a >= AXIS_RUN else a + 1
    return out


def mark_axes(doc: Document, blocks: list[Block], states: list[str]) -> int:
    """Mark every axis of a text document (`blocks` and `states` as `generic_lines.document_lines` gives them);
    return how many lines were marked."""
    marked = 0
    run: list[tuple[int, float]] = []
    for i, state in enumerate([*states, "end"]):
        if state == "ruled":
            continue
        value = _value(blocks[i].text) if state == "short" else None
        if value is not None:
            run.append((i, value))
            continue
        if len(run) >= AXIS_RUN:
            for piece in _monotonic_runs(run):
                taken = [blocks[j] for j in piece]
                remove_numbers(taken, RULE, f"{len(taken)} lone numbers in a row counting one way: a chart's axis")
                marked += len(taken)
        run = []
    return marked


def remove_numbers(taken: list[Block], rule: str, why: str) -> None:
    """Mark a run of lone-number lines as one zone removal under `rule`, `why` and the numbers as its evidence
    (a chart's axis here, its values in chart_values.py)."""
    first, last = taken[0], taken[-1]
    removal = Removal(
        rule=rule,
        plugin=PLUGIN,
        text="\n".join(b.text for b in taken),
        kind="zone",
        line=first.line,
        start=first.start,
        end=last.at(len(last.text), end=True),
        score=0.9,
        evidence=(why, " ".join(b.text.strip() for b in taken)[:60]),
    )
    for block in taken:
        block.removal = removal
