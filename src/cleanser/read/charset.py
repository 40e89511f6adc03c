"""Bytes to text without losing a character: the order browsers follow, and a note when the bytes disagree.

The order is the WHATWG one, through w3lib (what Scrapy uses): a byte order mark, then the encoding the transport
declared (an HTTP Content-Type charset, passed as `encoding=`), then the page's own `<meta charset>` or XML
declaration, with the WHATWG label mapping (iso-8859-1 and ascii mean windows-1252, gb2312 and gbk mean gb18030, ...);
with none of them, UTF-8 when the bytes are UTF-8, else charset-normalizer's detection.

Declarations are often wrong, and a wrong one silently turns characters into U+FFFD. So a declared encoding is
checked against the bytes:

- bytes that are valid UTF-8 with non-ASCII characters are UTF-8, whatever a single-byte declaration says (random
  windows-1252 text practically never forms valid UTF-8 sequences);
- bytes the declared encoding cannot decode are read as UTF-8 when they are UTF-8, as UTF-8 with the few stray
  bytes read as windows-1252 when the page mixes the two (a common result of pasting into a template), else as the
  detector says;
- only when nothing decodes them cleanly are the bad bytes replaced.

Every such case is reported as a note, which the cleaner puts in `flags["encoding"]`.
"""

from __future__ import annotations

import codecs
import threading

from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

# windows-1252 as WHATWG decodes it: the five bytes Python's codec leaves undefined are the C1 controls of the
# same number, so every byte has a character and none is lost.
_WINDOWS_1252 = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256))
_SAMPLE = 1 << 16  # bytes the detector looks at: enough to tell, cheap on a 20 MB page
# Below this many non-ASCII bytes a detector guesses at random (one "caf\xe9" reads as Urdu); windows-1252, the web's
# default for unlabelled Western pages, is the better bet.
_DETECT_FROM = 32
_state = threading.local()


def _stray_bytes_as_1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: one byte that is not UTF-8 is read as windows-1252, and counted."""
    assert isinstance(exc, UnicodeDecodeError)
    _state.stray = getattr(_state, "stray", 0) + 1
    return _WINDOWS_1252[exc.object[exc.start]], exc.start + 1


codecs.register_error("cleanser-stray-1252", _stray_bytes_as_1252)


class Decoded(str):
    """Text decoded from bytes; `.encoding` is the codec used, `.note` says what did not add up (or None)."""

    encoding: str
    note: str | None

    def __new__(cls, text: str, encoding: str, note: str | None = None) -> Decoded:
        obj = super().__new__(cls, text)
        obj.encoding = encoding
        obj.note = note
        return obj


def to_text(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode `data` (a page or a text), the transport's `encoding` label first when given. Never raises for
    bad bytes; see the module's doc for the order and the checks."""
    bom, mark = read_bom(data)
    if bom is not None:
        return _declared(data[len(mark) :], bom, "a byte order mark")
    declared, by = None, ""
    if encoding:
        declared, by = resolve_encoding(encoding), f"the transport ({encoding})"
        if declared is None:
            by = f"the transport's unknown label {encoding!r}"
    if declared is None and b"<" in data[:4096]:  # a declaration is markup: plain text has none to look for
        declared = html_body_declared_encoding(data)
        by = "the page's <meta>" if declared else by
    if declared is not None:
        return _declared(data, declared, by)
    text, stray = _as_utf8(data)
    if not stray or _stray_share(text, stray) < 1.0:
        return Decoded(text, "utf-8", _stray_note(stray))
    detected = _detect(data)
    if detected is not None:
        return Decoded(data.decode(detected), detected, None)
    return Decoded(text, "cp1252", None)  # not one UTF-8 character, nothing declared: a windows-1252 text


def _declared(data: bytes, declared: str, by: str) -> Decoded:
    name = codecs.lookup(declared).name
    if name == "utf-8":
        text, stray = _as_utf8(data)
        if not stray:
            return Decoded(text, name)
        if _stray_share(text, stray) == 1.0:  # not one UTF-8 character: the page is in another encoding
            detected = _detect(data)
            if detected is not None:
                return Decoded(data.decode(detected), detected,
                               f"declared UTF-8 by {by}, but the bytes are not UTF-8: read as {detected} (detected)")
        return Decoded(text, name, f"declared UTF-8 by {by}, but {_stray_note(stray)}")
    if _single_byte(name) and not data.isascii():
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(text, "utf-8", f"declared {name} by {by}, but the bytes are UTF-8: read as UTF-8")
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError as exc:
        problem = f"declared {name} by {by}, but byte {exc.start} is not {name}"
    text, stray = _as_utf8(data)
    if not stray:
        return Decoded(text, "utf-8", f"{problem}: the bytes are UTF-8, read as UTF-8")
    errors = "w3lib_gb18030_replace" if name == "gb18030" else "replace"
    text = data.decode(name, errors)
    bad = text.count("\ufffd") - data.decode(name, "ignore").count("\ufffd")
    # A few bad bytes in a page the declared encoding otherwise reads are damage, not a wrong label.
    if bad * 10 >= len(data) - len(data.decode("ascii", "ignore")):
        detected = _detect(data)
        if detected is not None and detected != name:
            return Decoded(data.decode(detected), detected, f"{problem}: read as {detected} (detected)")
    return Decoded(text, name, f"{problem}: {bad} undecodable bytes replaced by U+FFFD")


def _as_utf8(data: bytes) -> tuple[str, int]:
    """UTF-8, with any byte that is not UTF-8 read as windows-1252; and how many bytes were."""
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    _state.stray = 0
    text = data.decode("utf-8", "cleanser-stray-1252")
    return text, _state.stray


def _stray_note(stray: int) -> str | None:
    return f"{stray} bytes are not UTF-8: read as windows-1252" if stray else None


def _stray_share(text: str, stray: int) -> float:
    """Of the non-ASCII characters in `text` (decoded by `_as_utf8`), the share that came from stray bytes."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return 1.0 if non_ascii == 0 else min(1.0, stray / non_ascii)


def _single_byte(name: str) -> bool:
    return name.startswith(("cp125", "iso8859", "latin", "mac-", "mac_", "koi8", "cp874", "cp1006", "tis"))


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess whose codec decodes all of `data`, or None (also when the sample has too
    few non-ASCII bytes to tell)."""
    from charset_normalizer import from_bytes

    sample = data[:_SAMPLE]
    if len(sample) - len(sample.decode("ascii", "ignore")) < _DETECT_FROM:
        return None

    best = from_bytes(sample).best()
    if best is None:
        return None
    name = resolve_encoding(best.encoding) or best.encoding
    try:
        data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    return codecs.lookup(name).name


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when `data` reads as UTF-16 text with no byte order mark (mostly-ASCII text
    puts a zero byte in every other place), else None."""
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    half = len(head) // 2
    even_zero = head[0::2].count(0) / half
    odd_zero = head[1::2].count(0) / half
    for name, zeros, others in (("utf-16-le", odd_zero, even_zero), ("utf-16-be", even_zero, odd_zero)):
        if zeros >= 0.3 and others <= 0.02:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for c in text[:2048] if c < " " and c not in "\t\n\r\f")
            return name if controls <= len(text[:2048]) // 100 else None
    return None
