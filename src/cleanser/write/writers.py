"""Writing a cleaned document as text, Markdown or HTML. Removed blocks are skipped; nothing else changes.

The three differ only in markup: the same blocks in the same order with the same words. Markdown is CommonMark
(tables in the GFM form); HTML is built from the blocks' text, so nothing of the input's markup, scripts, styles
or attributes can get through, and links (when asked for) are only http, https, mailto or relative ones.
"""

from __future__ import annotations

import html as _html
import re
from urllib.parse import quote

from ..document import BLANK, CAPTION, CODE, HEADING, LIST_ITEM, QUOTE, TABLE, Block, Document
from ..read.page import safe_href
from ..read.text import normalize_spaces


def _kept_with_gaps(doc: Document) -> list[tuple[Block, bool]]:
    """Kept blocks, each with whether a blank line stood before it in the input."""
    out: list[tuple[Block, bool]] = []
    gap = False
    for block in doc.blocks:
        if block.kind == BLANK:
            gap = True
        elif block.removal is None:
            out.append((block, gap))
            gap = False
    return out


class _Numbers:
    """List markers: the number an HTML list gave its item, or a count of the run of items at each depth."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}

    def marker(self, block: Block, prev: Block | None) -> str:
        if prev is None or prev.kind != LIST_ITEM:
            self.counts.clear()
        for depth in [d for d in self.counts if d > block.level]:
            del self.counts[depth]
        if not block.ordered:
            self.counts.pop(block.level, None)
            return "- "
        given = _given_number(block)
        number = given if given is not None else self.counts.get(block.level, 0) + 1
        self.counts[block.level] = number
        return f"{number}. "


def _given_number(block: Block) -> int | None:
    head = block.prefix.strip().rstrip(".)")
    return int(head) if head.isdigit() and len(head) <= 9 else None


def _as_written(original: str, block: Block) -> str | None:
    """A text input's block as its line was written (odd spaces, format characters), or None when the block is no
    longer that line (cut, joined)."""
    if block.start is None or block.end is None:
        return None
    written = original[block.start : block.end]
    same = block.prefix + block.text
    # The quick test holds for almost every line: nothing odd in it, so the block's text is the line itself.
    if written == same or normalize_spaces(written).strip() == same.strip():
        return written
    return None


def _text_as_written(doc: Document, original: str) -> str:
    """A text input in lines layout, cut from the input itself: each kept line as written and, between two such
    lines with nothing removed between them, the input's own line breaks, blank lines and indentation (CRLF, blank
    runs); where something was removed, or a block is no longer its line (cut, joined), its text and a line break
    in the input's style. An input with nothing removed comes out character for character, the space around its
    first and last lines included; a cleaned one starts at its first kept line and ends with its last."""
    parts: list[str] = []
    first_break = original.find("\n")
    newline = "\r\n" if first_break > 0 and original[first_break - 1] == "\r" else "\n"
    first: Block | None = None
    prev: Block | None = None
    first_written = prev_written = gap = removed = any_removed = False
    for block in doc.blocks:
        if block.kind == BLANK:
            gap = True
            continue
        if block.removal is not None:
            removed = any_removed = True
            continue
        written = _as_written(original, block)
        if prev is None:
            first, first_written = block, written is not None
        elif written is not None and prev_written and not removed and prev.end <= block.start:  # type: ignore[operator]
            parts.append(original[prev.end : block.start])
        else:
            parts.append(newline * 2 if gap else newline)
        parts.append(written if written is not None else block.prefix + block.text)
        prev, prev_written, gap, removed = block, written is not None, False, False
    # Refused removals (the guard's) are kept text: only a removal that happened makes the text a cleaned one.
    if any_removed or any(r.refused is None for r in doc.removals):
        return "".join(parts)
    if first is None:
        return original  # blank lines only
    if first_written and prev_written:  # the space around the first and last lines, as written
        return original[: first.start] + "".join(parts) + original[prev.end :]  # type: ignore[union-attr]
    return "".join(parts)


def to_text(doc: Document) -> str:
    """The article as plain text: a text input keeps its lines and blank lines as they were, markers included
    (character for character where nothing was removed: `_text_as_written`); an HTML input gives one block per
    line, list items with their markers."""
    if doc.source == "text" and doc.original is not None and doc.layout != "wrapped":
        return _text_as_written(doc, doc.original)
    parts: list[str] = []
    wrapped = doc.layout == "wrapped"
    numbers = _Numbers()
    prev: Block | None = None
    for i, (block, gap) in enumerate(_kept_with_gaps(doc)):
        if i:
            parts.append("\n\n" if gap or wrapped else "\n")
        if doc.source == "text":
            parts.append(block.prefix + block.text)
        elif block.kind == LIST_ITEM:
            parts.append("  " * block.level + numbers.marker(block, prev) + block.text)
        else:
            parts.append(block.text)
        prev = block
    return "".join(parts)


# --- Markdown ----------------------------------------------------------------------------------------------------

_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>&])")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[>+=-]|(\d{1,9})([.)]))")


def md_escape(text: str, line_start: bool = True) -> str:
    """Text that Markdown shows as it is: inline markup characters escaped, and at the start of a line anything
    that would open a heading, a list, a quote or a thematic break."""
    text = _MD_ESCAPE.sub(r"\\\1", text)
    if not line_start:
        return text
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (f"{m.group(3)}\\{m.group(4)}" if m.group(3) else "\\" + m.group(2)), text
    )


def _md_destination(href: str) -> str:
    href = quote(href, safe="/:?#[]@!$&'*+,;=%~-._")
    return f"<{href}>" if "(" in href or ")" in href else href


def _link_runs(block: Block, links: bool) -> list[tuple[str, str | None]]:
    """The block's text as runs of (text, safe link target or None); one plain run when links are off."""
    if not (links and block.links):
        return [(block.text, None)]
    runs: list[tuple[str, str | None]] = []
    pos = 0
    for anchor, href in block.links:
        found = block.text.find(anchor, pos)
        target = safe_href(href)
        if found < 0 or target is None:
            continue
        if found > pos:
            runs.append((block.text[pos:found], None))
        runs.append((anchor, target))
        pos = found + len(anchor)
    runs.append((block.text[pos:], None))
    return runs


def _md_inline(block: Block, links: bool) -> str:
    out: list[str] = []
    for i, (text, target) in enumerate(_link_runs(block, links)):
        if target is None:
            out.append(md_escape(text, line_start=i == 0))
        else:
            out.append(f"[{md_escape(text, line_start=False)}]({_md_destination(target)})")
    return "".join(out)


def to_markdown(doc: Document, links: bool = False) -> str:
    parts: list[str] = []
    prev: Block | None = None
    numbers = _Numbers()
    indents: dict[int, int] = {}  # list depth -> column where an item's content starts
    for block, _gap in _kept_with_gaps(doc):
        if block.kind == LIST_ITEM:
            same_list = prev is not None and prev.kind == LIST_ITEM
            if not same_list:
                indents.clear()
            for depth in [d for d in indents if d >= block.level]:
                del indents[depth]
            marker = numbers.marker(block, prev)
            indent = max((c for d, c in indents.items() if d < block.level), default=0)
            indents[block.level] = indent + len(marker)
            line = " " * indent + marker + _md_inline(block, links)
            parts.append(("\n" if same_list else "\n\n") + line if parts else line)
        else:
            parts.append(("\n\n" if parts else "") + _md_block(block, links))
        prev = block
    return "".join(parts)


def _md_block(block: Block, links: bool) -> str:
    if block.kind == HEADING:
        return "#" * max(1, min(6, block.level or 2)) + " " + _md_inline(block, links)
    if block.kind == QUOTE:
        return "> " + _md_inline(block, links)
    if block.kind == CAPTION:
        return "*" + _md_inline(block, links) + "*"
    if block.kind == CODE:
        longest = max((len(run) for run in re.findall(r"`+", block.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{block.text}\n{fence}"
    if block.kind == TABLE and block.rows:
        return _md_table(block.rows)
    return _md_inline(block, links)


def _md_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[md_escape(c, line_start=False).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


# --- HTML --------------------------------------------------------------------------------------------------------


def _html_inline(block: Block, links: bool) -> str:
    esc = _html.escape
    return "".join(
        esc(text) if target is None else f'<a href="{esc(target, quote=True)}">{esc(text)}</a>'
        for text, target in _link_runs(block, links)
    )


def to_html(doc: Document, links: bool = False) -> str:
    """Safe HTML built from text: no scripts, styles or attributes from the input; links only when asked for and
    only to http, https, mailto or relative targets."""
    esc = _html.escape
    out: list[str] = ["<article>"]
    open_lists: list[str] = []  # the list elements open, outermost first; each has an <li> open
    numbers = _Numbers()
    prev: Block | None = None

    def close_lists(to: int) -> None:
        while len(open_lists) > to:
            out.append(f"</li></{open_lists.pop()}>")

    for block, _gap in _kept_with_gaps(doc):
        if block.kind != LIST_ITEM:
            close_lists(0)
        if block.kind == HEADING:
            level = max(1, min(6, block.level or 2))
            out.append(f"<h{level}>{_html_inline(block, links)}</h{level}>")
        elif block.kind == LIST_ITEM:
            depth = block.level + 1
            tag = "ol" if block.ordered else "ul"
            marker = numbers.marker(block, prev)
            close_lists(depth)
            if len(open_lists) == depth and open_lists[-1] != tag:
                close_lists(depth - 1)
            item = f"<li>{_html_inline(block, links)}"
            if len(open_lists) == depth:
                out.append("</li>" + item)
            else:
                while len(open_lists) < depth:
                    number = int(marker.rstrip(". ")) if tag == "ol" and len(open_lists) == depth - 1 else 1
                    start = f' start="{number}"' if number != 1 else ""
                    opened = f"<{tag}{start}>"
                    open_lists.append(tag)
                    out.append(opened + (item if len(open_lists) == depth else "<li>"))
        elif block.kind == QUOTE:
            out.append(f"<blockquote><p>{_html_inline(block, links)}</p></blockquote>")
        elif block.kind == CAPTION:
            out.append(f"<figure><figcaption>{_html_inline(block, links)}</figcaption></figure>")
        elif block.kind == CODE:
            out.append(f"<pre>{esc(block.text)}</pre>")
        elif block.kind == TABLE and block.rows:
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            out.append(f"<table><tbody>{rows}</tbody></table>")
        else:
            out.append(f"<p>{_html_inline(block, links)}</p>")
        prev = block
    close_lists(0)
    out.append("</article>")
    return "\n".join(out)
