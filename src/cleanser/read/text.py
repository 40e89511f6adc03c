"""Reading input: bytes to text, text or HTML, and a text input into a document of lines."""

from __future__ import annotations

import codecs
import re

from ..document import BLANK, LINE, Block, Document


class InputError(ValueError):
    """Input that cannot be read as a document; the message says why."""


_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6]|"
    r"ul|ol|table|span|meta|title|header|figure|blockquote)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|article|section|span|a)\b[^>]*>", re.IGNORECASE)
# Odd spaces become plain spaces; zero-width characters go. Words are never touched.
_ODD_SPACE = str.maketrans(
    {c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000"}
    | {c: None for c in "\u200b\u200c\u200d\u2060\ufeff"}
)


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode input bytes: a BOM or UTF-8 first, then the page's declared charset, then a detector."""
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: binary data (NUL bytes), not a text or HTML document")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:4096], re.IGNORECASE)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        import chardet  # installed with readability-lxml

        guess = chardet.detect(data[:65536]).get("encoding")
        if guess:
            return data.decode(guess, errors="replace")
    except (ImportError, LookupError):
        pass
    return data.decode("cp1252", errors="replace")


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    head = text[:4096]
    return len(_TAG.findall(head)) >= 3 and head.lstrip().startswith("<")


def normalize_spaces(text: str) -> str:
    return text.translate(_ODD_SPACE)


def read_text(text: str, url: str | None = None) -> Document:
    """One block per input line, blank lines kept as BLANK blocks; offsets point into `text`."""
    blocks: list[Block] = []
    pos = 0
    for n, raw in enumerate(text.splitlines(keepends=True), start=1):
        line = raw.rstrip("\r\n")
        content = normalize_spaces(line)
        stripped = content.strip()
        if not stripped:
            blocks.append(Block(text="", kind=BLANK, line=n, start=pos))
        else:
            lead = len(content) - len(content.lstrip())
            blocks.append(Block(text=content.strip(), kind=LINE, line=n, start=pos + lead))
        pos += len(raw)
    return Document(blocks=blocks, source="text", url=url)
