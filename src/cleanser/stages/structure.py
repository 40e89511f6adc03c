"""Restoring the article's structure after the rules ran.

- Pieces of one input line that a glued or inline promo was cut out of become one block again.
- A paragraph that a removed promo line cut in two (the first half stops mid-sentence, the second continues it
  in lower case) is joined again.
- A text input's layout is detected (one paragraph per line, blank-line separated, or hard-wrapped) and
  wrapped paragraphs are unwrapped; headings, list items and quotes are recognised.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import BLANK, HEADING, LINE, LIST_ITEM, PARAGRAPH, QUOTE, Block, Document
from ..text import CLOSERS, SENTENCE_END, continues

# A line ending in these stops: a sentence, or a clause that introduces what follows.
_STOPS = SENTENCE_END + CLOSERS + ":;"
_LIST_MARK = re.compile(r"^(?:([-*•·▪◦–])|(\d{1,3}[.)]|[a-z][.)]))\s+(?=\S)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(?=\S)")
_QUOTE_MARK = re.compile(r"^>\s?")
_HYPHEN_WORD = re.compile(r"(\w+)-$")
_FIRST_WORD = re.compile(r"^(\w+)")


def restore(doc: Document) -> None:
    _merge_pieces(doc)
    _join_cut_paragraphs(doc)
    if doc.source == "text":
        doc.layout = detect_layout(doc.blocks)
        if doc.layout == "wrapped":
            _unwrap(doc)
        _classify(doc)


# --- pieces and cut paragraphs -----------------------------------------------------------------------------


def _merge_pieces(doc: Document) -> None:
    """Join the kept pieces of each input line; a single space stands where a promo was cut out."""
    out: list[Block] = []
    i, blocks = 0, doc.blocks
    while i < len(blocks):
        if not blocks[i].split_after:
            out.append(blocks[i])
            i += 1
            continue
        j = i
        while j < len(blocks) - 1 and blocks[j].split_after:
            j += 1
        group = blocks[i : j + 1]
        merged: Block | None = None
        cut = False
        for piece in group:
            if piece.kind == BLANK:
                continue  # a blank line inside a removed box: never the piece the kept text joins
            if piece.removal is not None:
                cut = True
                out.append(piece)
                continue
            if merged is None:
                merged = piece
                merged.text = piece.text.lstrip() if cut else piece.text
                out.append(merged)
            elif cut:
                merged.text = merged.text.rstrip() + " " + piece.text.lstrip()
            else:
                merged.text += piece.text
            cut = False
        if merged is not None:
            merged.text = merged.text.strip()
            merged.split_after = False
        i = j + 1
    doc.blocks = [b for b in out if b.removal is not None or b.text or b.kind == BLANK]


def _join_cut_paragraphs(doc: Document) -> None:
    """Join A and B when only removed lines stand between them, A stops mid-sentence and B continues it."""
    absorbed: set[int] = set()
    last_kept: Block | None = None
    removed_between = False
    for block in doc.blocks:
        if block.removal is not None:
            removed_between = removed_between or last_kept is not None
            continue
        if block.kind == BLANK:
            continue
        if (
            removed_between
            and last_kept is not None
            and last_kept.kind in (LINE, PARAGRAPH)
            and block.kind in (LINE, PARAGRAPH)
            and continues(last_kept.text, block.text)
        ):
            last_kept.text = last_kept.text.rstrip() + " " + block.text.lstrip()
            absorbed.add(id(block))
            removed_between = False
            continue
        last_kept = block
        removed_between = False
    if absorbed:
        doc.blocks = [b for b in doc.blocks if id(b) not in absorbed]


# --- layout ------------------------------------------------------------------------------------------------


def detect_layout(blocks: list[Block]) -> str:
    lines = [b for b in blocks if b.kind != BLANK and b.removal is None]
    if len(lines) < 4:
        return "blank" if any(b.kind == BLANK for b in blocks) else "lines"
    # List items, headings and quotes are short by nature: only prose lines tell a wrapped text.
    prose = [b for b in lines if not _starts_structure(b.text)]
    lengths = [len(b.text) for b in prose]
    width = max(lengths, default=0)
    if width <= 100 and len(prose) >= 6:
        # Hard-wrapped text: most lines that continue into a next line fill up to nearly the same width.
        near = sum(1 for n in lengths[:-1] if n >= width - 20)
        if near >= 0.6 * (len(lengths) - 1) and _mostly_unterminated(prose):
            return "wrapped"
    blanks = sum(1 for b in blocks if b.kind == BLANK)
    return "blank" if blanks >= 0.5 * (len(lines) - 1) else "lines"


def _mostly_unterminated(lines: list[Block]) -> bool:
    open_ends = sum(1 for b in lines if b.text[-1:] not in _STOPS)
    return open_ends >= 0.5 * len(lines)


def _unwrap(doc: Document) -> None:
    """Join the lines of each wrapped paragraph; a paragraph ends at a blank line or a short line."""
    lines = [b for b in doc.blocks if b.kind != BLANK and b.removal is None]
    width = max((len(b.text) for b in lines), default=0)
    vocabulary = Counter(w.lower() for b in lines for w in re.findall(r"\w+", b.text))
    out: list[Block] = []
    current: Block | None = None
    for block in doc.blocks:
        if block.removal is not None:
            out.append(block)
            continue
        if block.kind == BLANK:
            current = None
            out.append(block)
            continue
        if current is not None and not _starts_structure(block.text):
            current.text = _join_wrapped(current.text, block.text, vocabulary)
        else:
            current = block
            out.append(block)
        # A short line ends its paragraph, unless it ends in a hyphen: a word was cut there.
        if len(block.text) < width - 20 and not _HYPHEN_WORD.search(block.text):
            current = None
    doc.blocks = out


def _starts_structure(text: str) -> bool:
    return bool(_LIST_MARK.match(text) or _MD_HEADING.match(text) or _QUOTE_MARK.match(text))


def _join_wrapped(first: str, second: str, vocabulary: Counter[str]) -> str:
    m, n = _HYPHEN_WORD.search(first), _FIRST_WORD.match(second)
    if m and n:
        if vocabulary.get((m.group(1) + n.group(1)).lower()):
            return first[:-1] + second  # the joined word is used elsewhere in the text: the hyphen was the wrap's
        return first + second  # no evidence: keep the hyphen, lose nothing
    return first + " " + second


# --- kinds -------------------------------------------------------------------------------------------------


def _classify(doc: Document) -> None:
    blocks = doc.blocks
    kept = [b for b in blocks if b.kind == LINE and b.removal is None]
    marks = [_LIST_MARK.match(b.text) for b in kept]
    for idx, block in enumerate(kept):
        m = _MD_HEADING.match(block.text)
        if m:
            block.kind, block.level, block.prefix = HEADING, len(m.group(1)), m.group(0)
            block.text = block.text[m.end() :]
            continue
        q = _QUOTE_MARK.match(block.text)
        if q:
            block.kind, block.prefix, block.text = QUOTE, q.group(0), block.text[q.end() :]
            continue
        mark = marks[idx]
        # One marked line alone is as likely a sentence ("1. Introduction", "- said the mayor"): lists come in runs.
        in_run = mark and (
            (idx > 0 and marks[idx - 1] is not None) or (idx + 1 < len(kept) and marks[idx + 1] is not None)
        )
        if mark and in_run:
            block.kind, block.prefix, block.ordered = LIST_ITEM, mark.group(0), mark.group(2) is not None
            block.text = block.text[mark.end() :]
            continue
        block.kind = HEADING if _looks_like_heading(kept, idx) else PARAGRAPH
        if block.kind == HEADING:
            block.level = 1 if idx == 0 else 2


def _looks_like_heading(kept: list[Block], idx: int) -> bool:
    text = kept[idx].text
    if len(text) > 90 or len(text.split()) > 12 or text[-1:] in _STOPS + ",":
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    nxt = kept[idx + 1].text if idx + 1 < len(kept) else ""
    # A heading introduces prose: the next line is longer and ends a sentence.
    return len(nxt) > len(text) and nxt.rstrip()[-1:] in _STOPS
