"""Writing a cleaned document as text, Markdown or HTML. Removed blocks are skipped; nothing else changes."""

from __future__ import annotations

import html as _html
import re

from .document import BLANK, CAPTION, CODE, HEADING, LIST_ITEM, QUOTE, TABLE, Block, Document


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


def to_text(doc: Document) -> str:
    """The article as plain text: a text input keeps its lines and blank lines as they were, markers included;
    an HTML input gives one block per line."""
    parts: list[str] = []
    wrapped = doc.layout == "wrapped"
    number = 0
    prev: Block | None = None
    for i, (block, gap) in enumerate(_kept_with_gaps(doc)):
        if i:
            parts.append("\n\n" if gap or wrapped else "\n")
        if doc.source == "text":
            parts.append(block.prefix + block.text)
        elif block.kind == LIST_ITEM:
            number = number + 1 if prev is not None and prev.kind == LIST_ITEM else 1
            parts.append("  " * block.level + (f"{number}. " if block.ordered else "- ") + block.text)
        else:
            parts.append(block.text)
        prev = block
    return "".join(parts)


_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>&])")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[>+=~-]|(\d{1,9})([.)]))")


def md_escape(text: str) -> str:
    text = _MD_ESCAPE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(
        lambda m: m.group(1) + (f"{m.group(3)}\\{m.group(4)}" if m.group(3) else "\\" + m.group(2)), text
    )


def to_markdown(doc: Document) -> str:
    parts: list[str] = []
    prev: Block | None = None
    number = 0
    for block, _gap in _kept_with_gaps(doc):
        if block.kind == LIST_ITEM:
            same_list = prev is not None and prev.kind == LIST_ITEM
            number = number + 1 if same_list and block.ordered else 1
            marker = f"{number}. " if block.ordered else "- "
            line = "   " * block.level + marker + md_escape(block.text)
            parts.append(("\n" if same_list else "\n\n") + line if parts else line)
        else:
            if block.kind == HEADING:
                line = "#" * max(1, min(6, block.level or 2)) + " " + md_escape(block.text)
            elif block.kind == QUOTE:
                line = "> " + md_escape(block.text)
            elif block.kind == CAPTION:
                line = "*" + md_escape(block.text) + "*"
            elif block.kind == CODE:
                fence = "````" if "```" in block.text else "```"
                line = f"{fence}\n{block.text}\n{fence}"
            elif block.kind == TABLE and block.rows:
                line = _md_table(block.rows)
            else:
                line = md_escape(block.text)
            parts.append("\n\n" + line if parts else line)
        prev = block
    return "".join(parts)


def _md_table(rows: list[list[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[md_escape(c).replace("|", "\\|") for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


def to_html(doc: Document) -> str:
    """Safe HTML built from text: no scripts, styles, attributes from the input or links can get through."""
    esc = _html.escape
    out: list[str] = ["<article>"]
    open_lists: list[str] = []

    def close_lists(to: int) -> None:
        while len(open_lists) > to:
            out.append(f"</li></{open_lists.pop()}>")

    for block, _gap in _kept_with_gaps(doc):
        if block.kind != LIST_ITEM:
            close_lists(0)
        if block.kind == HEADING:
            level = max(1, min(6, block.level or 2))
            out.append(f"<h{level}>{esc(block.text)}</h{level}>")
        elif block.kind == LIST_ITEM:
            depth = block.level + 1
            tag = "ol" if block.ordered else "ul"
            if len(open_lists) > depth:
                close_lists(depth)
            if len(open_lists) == depth:
                out.append(f"</li><li>{esc(block.text)}")
            else:
                while len(open_lists) < depth:
                    open_lists.append(tag)
                    out.append(f"<{tag}><li>")
                out.append(esc(block.text))
        elif block.kind == QUOTE:
            out.append(f"<blockquote><p>{esc(block.text)}</p></blockquote>")
        elif block.kind == CAPTION:
            out.append(f"<figure><figcaption>{esc(block.text)}</figcaption></figure>")
        elif block.kind == CODE:
            out.append(f"<pre>{esc(block.text)}</pre>")
        elif block.kind == TABLE and block.rows:
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            out.append(f"<table><tbody>{rows}</tbody></table>")
        else:
            out.append(f"<p>{esc(block.text)}</p>")
    close_lists(0)
    out.append("</article>")
    return "\n".join(out)
