"""The article's tree into blocks: headings, paragraphs, list items, quotes, captions, tables, code.

Nothing is dropped for being short or link-heavy; links are kept as (anchor text, href) pairs when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import lxml.html

from ..document import CAPTION, CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE, Block, Document, Removal
from ..text import continues
from .page import (
    HEADINGS,
    PHRASING,
    PLACEHOLDER,
    clean_text,
    flatten_deep,
    inline_placeholder,
    parse,
    placeholder_removal,
    safe_href,
    strip_junk,
    tag_of,
)
from .text import normalize_spaces

# Blocks that keep their own kind inside a list item; anything else in an item is part of the item's text.
_ITEM_BLOCKS = frozenset({"ul", "ol", "table", "pre", "blockquote", "figure", "figcaption", *HEADINGS})
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|credit|image-credit)(?:$|[\s_-])", re.I)

# --- ----------------------------------------------------------------------------------------------------


def to_blocks(
    root: lxml.html.HtmlElement, *, links: bool = False, removals: list[Removal] | None = None
) -> list[Block]:
    """Walk the article's tree into blocks: headings, paragraphs, list items, quotes, captions, tables, code.

    Nothing is dropped for being short or link-heavy. `links` keeps each block's (anchor text, href) pairs for
    the writers; `removals` are the HTML rules' removals, placed where their placeholder stands.
    """
    walker = _Walker(root, links, removals or [])
    try:
        walker.flow(root, PARAGRAPH)
    except RecursionError:
        # Nesting deeper than the walk can follow (hundreds of wrapper <div>s): the wrappers go, their text stays.
        flatten_deep(root)
        walker = _Walker(root, links, removals or [])
        walker.flow(root, PARAGRAPH)
    walker.flush(PARAGRAPH)
    for removal in walker.pending:
        removal.where = "bottom"
    return walker.blocks



@dataclass
class _Walker:
    root: lxml.html.HtmlElement
    links: bool
    removals: list[Removal]
    blocks: list[Block] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    run_links: list[tuple[str, str]] = field(default_factory=list)
    holds_blocks: set = field(default_factory=set)  # elements, not ids: a held proxy keeps its identity
    cut: bool = False  # a removed element stands between the last block and the next
    pending: list[Removal] = field(default_factory=list)  # removals whose place (inline or bottom) is not known yet

    def __post_init__(self) -> None:
        # Every element that is a block or holds one: phrasing elements in this set are walked as containers.
        for el in self.root.iter():
            if tag_of(el) and tag_of(el) not in PHRASING and not inline_placeholder(el):
                parent = el.getparent()
                while parent is not None and parent not in self.holds_blocks:
                    self.holds_blocks.add(parent)
                    parent = parent.getparent()

    def is_block(self, el) -> bool:
        tag = tag_of(el)
        return bool(tag) and (tag not in PHRASING or el in self.holds_blocks) and not inline_placeholder(el)

    # -- runs of inline content --

    def flush(self, kind: str) -> None:
        self.emit(kind)

    def emit(self, kind: str, level: int = 0) -> Block | None:
        """Make a block of the current run (if it holds text) and start a new run."""
        text = clean_text("".join(self.run))
        block = None
        if text:
            block = Block(text=text, kind=kind, level=level)
            if self.links and self.run_links:
                block.links = list(self.run_links)
            self.add(block)
        self.run.clear()
        self.run_links.clear()
        return block

    def add(self, block: Block) -> None:
        last = self.blocks[-1] if self.blocks else None
        if (
            self.cut
            and last is not None
            and last.kind == block.kind
            and block.kind in (PARAGRAPH, QUOTE)
            and continues(last.text, block.text)
        ):
            # A removed element had cut this paragraph in two: one half stops mid-sentence, the other goes on.
            last.text = f"{last.text} {block.text}"
            if block.links:
                last.links = (last.links or []) + block.links
        else:
            self.blocks.append(block)
        self.cut = False
        for removal in self.pending:
            removal.where = "inline"
        self.pending.clear()

    def inline(self, el) -> None:
        """Add an inline element's text to the current run."""
        tag = tag_of(el)
        if tag == "br":
            self.run.append("\n")
        elif tag == PLACEHOLDER:
            # A promo removed from inside the line: the line goes on around it, two words kept apart.
            before = next((piece for piece in reversed(self.run) if piece), "")
            if before[-1:].isalnum() and (el.tail or "")[:1].isalnum():
                self.run.append(" ")
            removal = placeholder_removal(el, self.removals)
            if removal is not None:
                removal.where = "glued"
        elif tag:
            start = len(self.run)
            self.run.append(el.text or "")
            for child in el:
                self.inline(child)
                self.run.append(child.tail or "")
            if tag == "a" and self.links:
                href = safe_href(el.get("href"))
                anchor = clean_text("".join(self.run[start:]))
                if href and anchor:
                    self.run_links.append((anchor, href))

    # -- containers --

    def flow(self, el, kind: str) -> None:
        """A container: its text and inline children make paragraphs, its block children are walked in turn."""
        self.run.append(el.text or "")
        for child in el:
            tag = tag_of(child)
            if tag == "br":
                self._break(kind)
            elif self.is_block(child):
                self.flush(kind)
                self.block(child, kind)
            elif tag:
                self.inline(child)
            self.run.append(child.tail or "")

    def _break(self, kind: str) -> None:
        # A line break ends the line: one block per line, as the page shows it.
        self.flush(kind)

    def block(self, el, kind: str) -> None:
        tag = tag_of(el)
        if tag in HEADINGS:
            self.single(el, HEADING, level=HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self.list(el, depth=0)
        elif tag == "li":
            self.item(el, depth=0, ordered=False, number=0)
        elif tag == "blockquote":
            self.flow(el, QUOTE)
            self.flush(QUOTE)
        elif tag == "figcaption" or (tag != "figure" and _is_caption(el)):
            self.single(el, CAPTION)
        elif tag == "table":
            self.table(el, kind)
        elif tag == "pre":
            text = normalize_spaces(el.text_content()).strip("\n")
            if text.strip():
                self.add(Block(text=text, kind=CODE))
        elif tag == PLACEHOLDER:
            self.placeholder(el)
        elif tag in ("head", "title", "meta", "hr"):
            return
        else:
            self.flow(el, kind)
            self.flush(kind)

    def single(self, el, kind: str, level: int = 0) -> None:
        """A block whose whole content is one line of text (heading, caption): nested blocks are flattened."""
        self.flush(PARAGRAPH)
        self.flatten(el)
        self.emit(kind, level)

    def flatten(self, el, skip: Iterable[str] = ()) -> list:
        """Add all of an element's text to the run, blocks inside it separated by spaces; returns the children it
        skipped (tags in `skip`), to be walked on their own."""
        skipped = []
        self.run.append(el.text or "")
        for child in el:
            tag = tag_of(child)
            if tag in skip:
                skipped.append(child)
            elif tag == PLACEHOLDER:
                self.run.append(" ")
            elif self.is_block(child) or tag == "br":
                self.run.append(" ")
                skipped += self.flatten(child, skip)
                self.run.append(" ")
            elif tag:
                self.inline(child)
            self.run.append(child.tail or "")
        return skipped

    def list(self, el, depth: int) -> None:
        ordered = tag_of(el) == "ol"
        try:
            number = int(el.get("start", "1")) if ordered else 0
        except ValueError:
            number = 1
        for child in el:
            if not tag_of(child):
                continue
            if tag_of(child) in ("ul", "ol"):
                self.list(child, depth + 1)
                continue
            if tag_of(child) == PLACEHOLDER:
                self.placeholder(child)
                continue
            self.item(child, depth, ordered, number)
            number += 1

    def item(self, el, depth: int, ordered: bool, number: int) -> None:
        self.flush(PARAGRAPH)
        nested = self.flatten(el, skip=_ITEM_BLOCKS | {PLACEHOLDER})
        block = self.emit(LIST_ITEM, depth)
        if block is not None:
            block.ordered = ordered
            block.prefix = f"{number}. " if ordered else "- "
        for child in nested:
            if tag_of(child) in ("ul", "ol"):
                self.list(child, depth + 1)
            else:
                self.block(child, PARAGRAPH)

    def table(self, el, kind: str) -> None:
        if not is_data_table(el):
            self.flow(el, kind)
            self.flush(kind)
            return
        for caption in el.iterchildren("caption"):
            self.single(caption, CAPTION)
        rows = []
        for tr in el.iter("tr"):
            cells = [clean_text(c.text_content()) for c in tr if tag_of(c) in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if rows:
            self.add(Block(text="\n".join(" | ".join(r) for r in rows), kind=TABLE, rows=rows))

    def placeholder(self, el) -> None:
        removal = placeholder_removal(el, self.removals)
        if removal is None:
            return
        self.flush(PARAGRAPH)
        self.cut = True
        if self.blocks:
            self.pending.append(removal)
        else:
            removal.where = "top"


_NOT_IN_CAPTION = frozenset({"h1", "h2", "h3", "ul", "ol", "table"})


def _is_caption(el) -> bool:
    cls = f"{el.get('class', '')} {el.get('itemprop', '')}"
    if not _CAPTION_CLASS.search(cls):
        return False
    # A caption is a line or two under a picture, not a section: nothing heading- or list-like inside.
    return len(el.text_content()) < 600 and not any(tag_of(d) in _NOT_IN_CAPTION for d in el.iter())


def is_data_table(table) -> bool:
    """A table of data rather than one that lays out the page (the signs Mozilla Readability also reads)."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary") or any(tag_of(c) in ("caption", "thead", "tfoot", "colgroup", "col") for c in table):
        return True
    if any(tag_of(d) == "table" for d in table.iterdescendants()):
        return False
    if any(tag_of(d) in ("p", "div", "h1", "h2", "h3", "ul", "ol", "blockquote") for d in table.iterdescendants()):
        # Paragraphs, headings or lists in cells: the page's layout, not data.
        return any(tag_of(d) == "th" for d in table.iterdescendants())
    rows = [tr for tr in table.iter("tr")]
    columns = max((sum(1 for c in tr if tag_of(c) in ("td", "th")) for tr in rows), default=0)
    return len(rows) > 1 and columns > 1



def read_html(html: str, url: str | None = None) -> tuple[Document, lxml.html.HtmlElement]:
    root = parse(html)
    strip_junk(root)
    return Document(blocks=[], source="html", url=url, layout="html"), root

