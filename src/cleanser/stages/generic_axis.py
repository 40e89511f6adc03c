"""A chart's axis in a plain text: a run of lone numbers that count up or down, one per line.

A naive scraper that keeps every `<p>` of a page keeps the tick labels of the page's charts as well: "0", "20",
"40", "60", "80" or "'17", "'18", ... "'28", each alone on its line, often printed twice (a small and a large
version of the chart). No article is written that way: a number alone on a line is a figure's label, and a run of
them that counts in one direction is an axis (or a pager's "1 2 3 4 5"). Nothing but the numbers goes: a chart's
title, its units ("billion", "%") and its legend stay, as they are words some article could hold.

An axis is AXIS_RUN kept lines or more in a row (lines a rule removed between them do not break the run), each a
lone number (an apostrophe of an abbreviated year, a currency sign before it or a percent sign after it allowed),
strictly increasing or strictly decreasing. Abbreviated years count on over a century's turn ("’90", "’00",
"’10": 90, 100, 110).

Around its axis, a chart leaves its values and marks ("$915", "billion", "600", "%", "RECESSIONS", "13.0%"): lone
numbers that count no way, a unit or an annotation between them. The axis takes the lines next to it (`_residue`)
while each is a lone number, a lone sign, a word in capitals (one or two) or a lower-case word (a unit), and then
gives back the words at either end: what goes is enclosed by numbers, so a title, a legend's names ("Net interest",
"Medicaid"), a heading in capitals right above or under the chart, and the article stay. A source line right under
it ("Source: harbour authority", "By The Daily Planet | Source: Reuters") is the chart's credit, and goes with it.

It is one removal, rule `generic/axis`, kind "zone", with its evidence; the guard judges it as any generic removal
(a number is no prose).
"""

from __future__ import annotations

import re

from ..document import Block, Document, Removal

PLUGIN = "generic"
RULE = f"{PLUGIN}/axis"
AXIS_RUN = 5  # lone numbers in a row that count one way: fewer may be an article's own list of figures
MAX_CHARS = 8  # the longest lone number looked at ("'2028", "$1,000", "12.5%")
_LONE_NUMBER = re.compile(r"[’'‘]?[$€£¥]?(\d{1,4}(?:[.,]\d{1,3})?)%?")
_ABBREVIATED_YEAR = re.compile(r"[’'‘]\d\d")
CENTURY_TURN = 50  # a fall (or rise) this steep between two abbreviated years is a century's turn: ’98, ’00
MAX_RESIDUE = 24  # lines of values and marks taken beside an axis, on either side
SOURCE_WORDS = 12  # a chart's source line is short: a longer one may be a sentence of the article
_SIGN = re.compile(r"[%$€£¥*+–—/()-]{1,3}")
_UNIT = re.compile(r"[^\W\d_]{1,12}")
_SOURCE = re.compile(
    r"(?:^|\|\s*)(?:sources?|quellen?|fuentes?|fontes?|bron(?:nen)?|źródło|kilde|källa)\s*:", re.IGNORECASE
)


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
            for piece in _monotonic_runs(_unwrapped(blocks, run)):
                if blocks[piece[0]].removal is not None:
                    continue  # the residue of the axis before it took these already
                why = f"{len(piece)} lone numbers in a row counting one way: a chart's axis"
                taken = [blocks[j] for j in _with_residue(blocks, states, piece)]
                if len(taken) > len(piece):
                    why += f", with {len(taken) - len(piece)} lines of its values, marks and source"
                remove_numbers(taken, RULE, why)
                marked += len(taken)
        run = []
    return marked


def _unwrapped(blocks: list[Block], run: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The run's values with abbreviated years counted on over a century's turn (’90, ’00, ’10: 90, 100, 110)."""
    out: list[tuple[int, float]] = []
    offset = 0.0
    for n, (i, value) in enumerate(run):
        if n and _ABBREVIATED_YEAR.match(blocks[i].text.strip()) and _ABBREVIATED_YEAR.match(
            blocks[run[n - 1][0]].text.strip()
        ):
            step = value - run[n - 1][1]
            if abs(step) > CENTURY_TURN:
                offset += 100 if step < 0 else -100
        out.append((i, value + offset))
    return out


def _residue(text: str) -> str | None:
    """What a line beside an axis is, when it may be the chart's: "number" (a lone number), "mark" (a lone sign, a
    word or two in capitals, a lower-case word: a unit, an annotation), or None (a title, a legend, the article)."""
    text = text.strip()
    if _value(text) is not None:
        return "number"
    if _SIGN.fullmatch(text) or (_UNIT.fullmatch(text) and text.islower()):
        return "mark"
    parts = text.split()
    if len(parts) <= 2 and all(len(p) >= 2 and p.isalpha() and p.isupper() for p in parts):
        return "mark"
    return None


def _with_residue(blocks: list[Block], states: list[str], piece: list[int]) -> list[int]:
    """The axis's lines with the chart's values and marks beside it, enclosed by numbers, and its source line."""
    taken = list(piece)
    for step in (-1, 1):
        grown: list[int] = []
        i = (piece[0] if step < 0 else piece[-1]) + step
        while 0 <= i < len(blocks) and len(grown) < MAX_RESIDUE:
            if states[i] == "ruled":
                i += step
                continue
            if states[i] != "short" or blocks[i].removal is not None or _residue(blocks[i].text) is None:
                break
            grown.append(i)
            i += step
        # Words at the far end give way: what goes is enclosed by numbers.
        while grown and _residue(blocks[grown[-1]].text) != "number":
            grown.pop()
        taken = [*grown[::-1], *taken] if step < 0 else [*taken, *grown]
    below = next((i for i in range(taken[-1] + 1, len(blocks)) if states[i] != "ruled"), None)
    if below is not None and blocks[below].removal is None and _source(blocks[below].text):
        taken.append(below)
    return taken


def _source(text: str) -> bool:
    """A chart's source line: "Source: ...", or a credit and its source ("By The Daily Planet | Source: Reuters")."""
    return len(text.split()) <= SOURCE_WORDS and _SOURCE.search(text) is not None


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
