"""A chart's values between its labels: lone numbers in a run of lines that rules removed.

A chart a naive scraper kept is a run of short lines: tick labels, values, a legend, a unit and a title. A site's
plugin or the rules learned from its archive (`learn/runs.py`) take the labels, whose shape recurs in every page,
but never a lone number (a rule `{number}` would take any number anywhere), so the values stay behind as numbers
alone on their lines: "’17" (gone), "26", "$458" (gone), "102", "$409" (gone). No article is written that way; the
axis stage (`generic_axis.py`) takes the lone numbers that count one way, and this one takes those a run of named
removals encloses:

A run of up to `MAX_RUN` kept lines in a row, each a lone number (`generic_axis._value`: an apostrophe of a year, a
currency sign before it or a percent sign after it allowed), goes when the line right above it and the line right
below it were removed whole by a rule that names them (a site's plugin or learned rules: plugin other than
`generic`, kind line or blurb). A number that stands against the article's own lines (a year on its own line
between two paragraphs) stays, and so does one beside the generic layer's guesses. One removal per run, rule
`generic/chart-values`, kind "zone", with its evidence; the guard judges it as any generic removal.
"""

from __future__ import annotations

from ..document import Block, Document
from .generic_axis import _value, remove_numbers

PLUGIN = "generic"
RULE = f"{PLUGIN}/chart-values"
MAX_RUN = 12  # lone numbers in a row between two named removals: a chart's values, not a table's column


def _named(block: Block) -> bool:
    """A line a site's or learned rule removed whole."""
    r = block.removal
    return r is not None and r.plugin != PLUGIN and r.kind in ("line", "blurb") and r.refused is None


def mark_values(doc: Document, blocks: list[Block], states: list[str]) -> int:
    """Mark the lone numbers that runs of named removals enclose (`blocks` and `states` as
    `generic_lines.document_lines` gives them); return how many lines were marked."""
    marked = 0
    i, n = 0, len(blocks)
    while i < n:
        if not _lone(blocks[i], states[i]):
            i += 1
            continue
        j = i
        while j < n and _lone(blocks[j], states[j]):
            j += 1
        if i > 0 and j < n and j - i <= MAX_RUN and _named(blocks[i - 1]) and _named(blocks[j]):
            above, below = blocks[i - 1].removal.rule, blocks[j].removal.rule  # type: ignore[union-attr]
            why = f"{j - i} lone numbers between lines removed by {above} and {below}: a chart's values"
            remove_numbers(blocks[i:j], RULE, why)
            marked += j - i
        i = j
    return marked


def _lone(block: Block, state: str) -> bool:
    return state == "short" and block.removal is None and _value(block.text) is not None
