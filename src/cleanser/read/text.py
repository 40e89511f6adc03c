"""Reading input: bytes to text, text or HTML, and a text input into a document of lines."""

from __future__ import annotations

import re

from w3lib.encoding import read_bom

from ..document import BLANK, LINE, Block, Document
from .charset import Decoded, to_text, utf16_without_bom


class InputError(ValueError):
    """Input that cannot be read as a document; the message says why."""


# A page may open with an XML declaration (XHTML: `<?xml version="1.0"?>` before its doctype) and with comments; one
# saved without its `<html>` and `<head>` tags may open with what belongs in its head (a script, a style sheet).
_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml\b[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|"
    r"section|div|p|h[1-6]|ul|ol|table|span|meta|title|header|figure|blockquote|script|style|link|base)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|article|section|span|a)\b[^>]*>", re.IGNORECASE)
# What rules and detectors read: odd spaces become plain spaces and invisible breaks go (zero-width space, word
# joiner, byte order mark). The zero-width joiner and non-joiner stay: they are part of words (Persian and Indic
# spelling, emoji sequences). A text input's own characters are given back by the text output (`Document.original`).
_ODD_SPACE = str.maketrans(
    {c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"}
    | {c: None for c in "\u200b\u2060\ufeff"}
)


def decode(data: bytes, name: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode input bytes (`charset.to_text`: a BOM, the transport's `encoding`, the page's declared charset, UTF-8,
    detection); `.note` on the result says when the bytes did not agree with what was declared. UTF-16 with no
    byte order mark is recognised; other bytes with NULs are refused as binary."""
    if encoding is None and b"\x00" in data[:8192] and read_bom(data)[0] is None:
        utf16 = utf16_without_bom(data)
        if utf16 is None:
            raise InputError(f"{name}: binary data (NUL bytes), not a text or HTML document")
        return Decoded(data.decode(utf16), utf16, f"no byte order mark: read as {utf16}")
    return to_text(data, encoding)


_DROPPED = frozenset(c for c, to in ((chr(k), v) for k, v in _ODD_SPACE.items()) if to is None)


def _dropped_at(line: str) -> list[int]:
    """Where `normalize_spaces` drops a character of `line`: for each, the position in the normalised line of the
    character after it."""
    at, kept = [], 0
    for c in line:
        if c in _DROPPED:
            at.append(kept)
        else:
            kept += 1
    return at


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    head = text[:4096]
    return len(_TAG.findall(head)) >= 3 and head.lstrip().startswith("<")


# The characters `_ODD_SPACE` maps, found with one search: `translate` with a dict looks up every character of the
# text (microseconds for a paragraph), and most lines hold none of them (every one is non-ASCII).
_ODD_CHARS = re.compile("[" + "".join(map(chr, _ODD_SPACE)) + "]")


def normalize_spaces(text: str) -> str:
    """`text.translate(_ODD_SPACE)`; a text with none of its characters is returned as it is."""
    if text.isascii() or _ODD_CHARS.search(text) is None:
        return text
    return text.translate(_ODD_SPACE)


def _lines(text: str, chunk: int = 1 << 14):
    """`text.splitlines(keepends=True)`, a chunk at a time: the list of a whole flood of short lines costs some 20
    bytes per input byte. Chunks end just after a "\n", where no line break (not even "\r\n") is cut in two."""
    pos, end = 0, len(text)
    while pos < end:
        cut = text.rfind("\n", pos, pos + chunk) + 1
        if cut <= pos:
            cut = text.find("\n", pos + chunk) + 1 or end
        yield from text[pos:cut].splitlines(keepends=True)
        pos = cut


MAX_BLANK_RUN = 2  # blank lines kept in a row: one or two separate paragraphs; more say nothing more


def read_text(text: str, url: str | None = None) -> Document:
    """One block per input line, blank lines kept as BLANK blocks (at most MAX_BLANK_RUN in a row: a flood of
    blank lines would otherwise cost a block, some hundred bytes, per input byte); offsets point into `text`."""
    blocks: list[Block] = []
    pos = 0
    blank_run = 0
    for n, raw in enumerate(_lines(text), start=1):
        line = raw.rstrip("\r\n")
        content = normalize_spaces(line)
        stripped = content.strip()
        if not stripped:
            blank_run += 1
            if blank_run <= MAX_BLANK_RUN:
                blocks.append(Block(text="", kind=BLANK, line=n, start=pos))
        else:
            blank_run = 0
            text_ = content.strip()
            lead = len(content) - len(content.lstrip())
            end = pos + len(raw.rstrip())
            dropped: tuple[int, ...] = ()
            if len(content) != len(line):  # invisible characters went: offsets into the input must count them
                at = _dropped_at(line)
                lead += sum(1 for p in at if p <= lead)
                first = len(content) - len(content.lstrip())
                dropped = tuple(p - first for p in at if first < p < first + len(text_))
            blocks.append(Block(text=text_, kind=LINE, line=n, start=pos + lead, end=end, dropped=dropped))
        pos += len(raw)
    return Document(blocks=blocks, source="text", url=url, original=text)
