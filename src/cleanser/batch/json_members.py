"""A JSON object's top-level members, each with its value's text exactly as written.

An output record must carry every field the user gave byte for byte. `json.loads` then `json.dumps` does not: it
rewrites `1.0e3` as `1000.0`, `"\\u00e9"` as `"é"`, a lone surrogate escape into text that UTF-8 cannot encode, and a
huge exponent into `Infinity`, which is not JSON at all. So a JSON Lines record is scanned once, member by member,
with the standard library's own scanner: the decoded value for cleaning, and the member's source text for writing.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Any, NamedTuple

_SPACE = re.compile(r"[ \t\n\r]*")
_scan_value = json.JSONDecoder().scan_once


class Member(NamedTuple):
    key: str
    value: Any
    raw_key: str  # the key as written, quotes and escapes included
    raw_value: str  # the value as written


def scan_object(text: str) -> list[Member]:
    """The members of the JSON object `text`, in order (a repeated key is listed each time it appears).

    Raises `json.JSONDecodeError` when `text` is not valid JSON, and `TypeError` when it is JSON but not an object
    (the message names what it is)."""
    space = _SPACE.match
    pos = space(text, 0).end()
    if not text.startswith("{", pos):
        value = json.loads(text)  # raises for invalid JSON; otherwise it is JSON of another type
        raise TypeError(f"a JSON {type(value).__name__}, not an object")
    members: list[Member] = []
    pos = space(text, pos + 1).end()
    if text.startswith("}", pos):
        return _end(text, pos + 1, members)
    while True:
        if not text.startswith('"', pos):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
        key, after_key = scanstring(text, pos + 1)
        raw_key = text[pos:after_key]
        # The usual separators (": " after a key, ", " between members) are checked before any regex.
        if text.startswith(": ", after_key):
            pos = after_key + 2
        else:
            pos = space(text, after_key).end()
            if not text.startswith(":", pos):
                raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
            pos += 1
        if text.startswith((" ", "\t", "\n", "\r"), pos):
            pos = space(text, pos).end()
        try:
            value, end = _scan_value(text, pos)
        except StopIteration as exc:
            raise json.JSONDecodeError("Expecting value", text, exc.value) from None
        members.append(Member(key, value, raw_key, text[pos:end]))
        if text.startswith(", ", end):
            pos = end + 2
            if not text.startswith((" ", "\t", "\n", "\r"), pos):
                continue
        else:
            pos = space(text, end).end()
            if text.startswith("}", pos):
                return _end(text, pos + 1, members)
            if not text.startswith(",", pos):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos += 1
        pos = space(text, pos).end()


def _end(text: str, pos: int, members: list[Member]) -> list[Member]:
    rest = _SPACE.match(text, pos).end()
    if rest != len(text):
        raise json.JSONDecodeError("Extra data", text, rest)
    return members


def dump_value(value: Any) -> str:
    """A value as JSON text for a line written as UTF-8 (a lone surrogate, which UTF-8 cannot hold, is escaped)."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(value)
    return text
