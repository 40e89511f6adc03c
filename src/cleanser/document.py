"""The document every stage works on: an ordered list of blocks, some marked removed.

Stages never delete a block. A rule marks it with a `Removal`; the guard may take the mark back; the writers skip
marked blocks. That keeps every removal auditable and reversible, and makes cleaning idempotent by construction.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .text import word_count

if TYPE_CHECKING:
    from .rules.model import Rule

# Block kinds. "line" is a raw line of a text input before the structure stage has classified it.
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
QUOTE = "quote"
CAPTION = "caption"
TABLE = "table"
CODE = "code"
LINE = "line"
BLANK = "blank"

@dataclass(slots=True)
class Removal:
    """One entry of the audit: which rule removed what, and where it was."""

    rule: str  # "plugin/rule-id"
    plugin: str
    text: str
    kind: str  # the rule kind: line, block, tail, html, glued, blurb, hook
    where: str = ""  # top, bottom, inline or glued
    line: int | None = None  # 1-based line of the input (text input)
    start: int | None = None  # character offsets in the decoded input (text input)
    end: int | None = None
    refused: str | None = None  # set when the guard refused the removal; the text was kept
    # What a generic detector saw: the line scorer's score (0-1) and the features that weighed most for it; the HTML
    # detector's class token, role or link density.
    score: float | None = None
    evidence: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {
            "rule": self.rule,
            "plugin": self.plugin,
            "text": self.text,
            "kind": self.kind,
            "where": self.where,
            "line": self.line,
            "start": self.start,
            "end": self.end,
        }
        if self.refused:
            d["refused"] = self.refused
        if self.score is not None:
            d["score"] = self.score
        if self.evidence is not None:
            d["evidence"] = list(self.evidence)
        return d

    @classmethod
    def whole_line(
        cls, rule: str, plugin: str, block: Block, *, score: float | None = None,
        evidence: tuple[str, ...] | None = None,
    ) -> Removal:
        """A generic detector's removal of a whole line (`rule` is "plugin/id"), placed where the block stands."""
        return cls(
            rule=rule,
            plugin=plugin,
            text=block.text,
            kind="line",
            line=block.line,
            start=block.start,
            end=block.at(len(block.text), end=True),
            score=score,
            evidence=evidence,
        )

    @classmethod
    def made_by(cls, rule: Rule, text: str, block: Block, kind: str | None = None, offset: int = 0) -> Removal:
        """The one constructor of a rule's removal: `text`, found at `offset` in `block` (apply and the guard's
        second chance both build removals here)."""
        return cls(
            rule=rule.qualified,
            plugin=rule.plugin,
            text=text,
            kind=kind or rule.kind,
            line=block.line,
            start=block.at(offset),
            end=block.at(offset + len(text), end=True),
        )


@dataclass(slots=True)
class Block:
    text: str
    kind: str = LINE
    level: int = 0  # heading level, or list nesting depth
    prefix: str = ""  # list or quote marker as written in a text input ("- ", "1. ", "> ")
    ordered: bool = False  # for list items
    line: int | None = None  # 1-based line in a text input
    start: int | None = None  # offset of `text` in the decoded input
    # Text input: where the line's text ends in the decoded input. `start:end` is the line as written (odd spaces,
    # format characters), which the text output gives back wherever the block is still that line.
    end: int | None = None
    # Text input: the places in `text` before which the reader dropped an invisible character of the input (a
    # zero-width space, a word joiner, a byte order mark), one entry per character, in order. Offsets into the
    # input count them (`at`); almost every line has none.
    dropped: tuple[int, ...] = ()
    removal: Removal | None = None
    # True when the block was cut from the same input line as the next block (a glued or inline promo sat
    # between them); the structure stage may join the halves again.
    split_after: bool = False
    protected_by: str | None = None  # a keep rule matched ("plugin/rule"): lower-priority rules leave it alone
    rows: list[list[str]] | None = None  # table cells
    # (anchor text, href) of the links in an HTML block, in order; kept only when links are asked for. Anchors
    # are found again in `text` by the writers, so a rule that cut the text cannot misplace a link.
    links: list[tuple[str, str]] | None = None

    def at(self, offset: int, *, end: bool = False) -> int | None:
        """Where position `offset` of `text` stands in the decoded input (None when the block has no place there).
        `end`: the position ends a span, so that characters dropped right after the span's last one are not in it
        (those dropped before its first one never are)."""
        if self.start is None:
            return None
        if not self.dropped:
            return self.start + offset
        return self.start + offset + (bisect_left if end else bisect_right)(self.dropped, offset)

    def dropped_within(self, lo: int, hi: int) -> tuple[int, ...]:
        """The dropped characters strictly inside `text[lo:hi]`, placed in that piece (for a block cut from it)."""
        return tuple(p - lo for p in self.dropped if lo < p < hi)

    @property
    def is_live(self) -> bool:
        """Text the rules may still take: not removed, not a table or code, not protected by a keep rule."""
        return self.removal is None and self.kind not in (BLANK, TABLE, CODE) and self.protected_by is None

    @property
    def kept(self) -> bool:
        return self.removal is None and self.kind != BLANK


def index_of(blocks: list[Block], block: Block) -> int:
    """The place of this very block in `blocks` (ValueError if it is not there). `list.index` compares blocks with
    the dataclass's field-by-field `__eq__`, one call per block before it (microseconds each, and stages ask this of
    a document's last lines), and would stop at an equal twin of the block."""
    for i, other in enumerate(blocks):
        if other is block:
            return i
    raise ValueError("block not in the list")


@dataclass
class Document:
    blocks: list[Block]
    source: str  # "text" or "html"
    url: str | None = None
    layout: str = "lines"  # lines | blank | wrapped (text input), html
    metadata: dict[str, Any] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)
    removals: list[Removal] = field(default_factory=list)  # removals made by plugin hooks outside the blocks
    original: str | None = None  # a text input as decoded: what the text output is cut from

    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.removal is None and b.kind != BLANK]  # Block.kept, without a call each

    def word_count(self) -> int:
        return sum(word_count(b.text) for b in self.blocks if b.kind != BLANK)
