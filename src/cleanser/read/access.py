"""What a page declares about access to its article: schema.org `isAccessibleForFree` and the locked parts.

Publishers declare a paywall for search engines in three notations, and all three occur on news pages:

- JSON-LD (`"isAccessibleForFree": false`, with `hasPart` naming the locked part by `cssSelector`). Much of it is
  slightly invalid (raw quotes or line breaks inside strings, a trailing comma, an HTML comment around it), and
  such a script is read leniently: when `json.loads` refuses it, the declaration is read from its text.
- microdata (`<meta itemprop="isAccessibleForFree" content="false">`, as on every New York Times article page of
  2018-2020);
- RDFa (`<meta property="schema:isAccessibleForFree" content="False">`).

The value comes in more spellings than `false`: a string in any case, schema.org's Boolean as a URL
(`"http://schema.org/False"`, `<link itemprop="isAccessibleForFree" href="https://schema.org/False">`), a JSON-LD
value object (`{"@value": "false"}`), single quotes or bare keys in a script that is JavaScript rather than JSON.
A `<meta name="isAccessibleForFree">` is read like microdata, and Open Graph's `article:content_tier` of `locked`
(the tier Facebook's article markup gives an article behind a paywall) is a declaration too; `metered` is not,
since a metered article is free up to the reader's monthly limit.

A top-level declaration on the article says the whole article is not free. A `hasPart` declaration alone says
only that the part its selector names is locked: it counts when that part holds article text (`covers`), since
some templates put a boilerplate `hasPart` (a comment box, a newsletter form) on every free article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from cssselect import SelectorError
from lxml.cssselect import CSSSelector

# In a script json.loads refuses: double or single quotes or a bare key, a plain or a schema.org URL value.
_RAW_FREE = re.compile(
    r"""["']?isAccessibleForFree["']?\s*:\s*["']?\s*(?:https?://schema\.org/|schema:)?(true|false|yes|no|0|1)\b""",
    re.I,
)
_RAW_SELECTOR = re.compile(r'"cssSelector"\s*:\s*(?:\[\s*)?"([^"]{1,200})"', re.I)
_PROPERTY = re.compile(r"(?:^|[\s:/#])isAccessibleForFree$", re.I)
_CONTENT_TIER = frozenset({"article:content_tier", "og:article:content_tier"})
_LOCKED_TEXT_LIMIT = 200_000  # characters of locked-part text kept per page: enough to find article lines in


@dataclass
class Access:
    """The page's access declarations. `not_free` is the top-level one (or an unlabelled `hasPart` on a page whose
    top level says nothing free or not); `locked_*` are the `hasPart` parts, judged against the article later."""

    not_free: bool = False
    free: bool = False  # some article object says isAccessibleForFree: true
    # "JSON-LD", "JSON-LD (read leniently)", "microdata", "RDFa", "meta name", "Open Graph article:content_tier locked"
    sources: list[str] = field(default_factory=list)
    locked_selectors: list[str] = field(default_factory=list)
    locked_text: str = ""  # the text of the elements the locked selectors match, whitespace collapsed

    @property
    def declared(self) -> bool:
        return self.not_free or bool(self.locked_selectors)

    def covers(self, lines: list[str]) -> bool:
        """Whether the locked part holds article text: one of `lines` of eight words or more is in it."""
        if not self.locked_text:
            return False
        return any(len(line.split()) >= 8 and " ".join(line.split())[:200] in self.locked_text for line in lines)


_BOOLEAN_URL = re.compile(r"^(?:https?://schema\.org/|schema:)", re.I)


def _boolean_word(value: Any) -> str | None:
    """The value as "false"/"no"/"0"/"true"/... whatever its spelling: a JSON boolean, a string in any case,
    schema.org's Boolean URL ("https://schema.org/False"), or a JSON-LD value object ({"@value": "false"})."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        value = value.get("@value", value.get("@id"))
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        return None
    return _BOOLEAN_URL.sub("", value.strip()).lower()


def is_false(value: Any) -> bool:
    return _boolean_word(value) in ("false", "no", "0")


def is_true(value: Any) -> bool:
    return _boolean_word(value) in ("true", "yes", "1")


def read_json_ld_access(access: Access, objects: list[dict[str, Any]]) -> None:
    """Declarations of parsed JSON-LD article objects (or of every object when the page has no article)."""
    for obj in objects:
        value = obj.get("isAccessibleForFree")
        if is_false(value):
            _found(access, "JSON-LD", not_free=True)
        elif is_true(value):
            access.free = True
        parts = obj.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, dict) and is_false(part.get("isAccessibleForFree")):
                _found(access, "JSON-LD")
                _selectors(access, part.get("cssSelector"))


_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "ProfilePage", "QAPage"})


def page_declarations(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The declarations a page object holds for its article: a `WebPage` whose `mainEntity` is the article (not
    read as an object of its own, so its `isAccessibleForFree` would be missed), or that says it of itself."""
    found: list[dict[str, Any]] = []
    for obj in objects:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if not any(isinstance(k, str) and k.rsplit("/", 1)[-1] in _PAGE_TYPES for k in kinds):
            continue
        if "isAccessibleForFree" in obj or "hasPart" in obj:
            found.append(obj)
        main = obj.get("mainEntity")
        for entity in main if isinstance(main, list) else [main]:
            if isinstance(entity, dict) and ("isAccessibleForFree" in entity or "hasPart" in entity):
                found.append(entity)
    return found


def read_raw_json_ld(access: Access, raw: str) -> None:
    """A script `json.loads` refused: the declaration read from its text. The first `isAccessibleForFree` is the
    article's own (schema.org puts it before `hasPart`); a later false one with a selector is a locked part."""
    found = _RAW_FREE.findall(raw)
    if not found:
        return
    if is_false(found[0]):
        _found(access, "JSON-LD (read leniently)", not_free=True)
    elif is_true(found[0]):
        access.free = True
    if any(is_false(v) for v in found):
        for selector in _RAW_SELECTOR.findall(raw):
            _selectors(access, selector)


def read_attributes(access: Access, root: lxml.html.HtmlElement) -> None:
    """Microdata (`itemprop`) and RDFa (`property`) declarations, on <meta>, <link> or any element; a
    `<meta name="isAccessibleForFree">`; Open Graph's `article:content_tier`."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "meta":
            _meta_declaration(access, el)
        for attribute, source in (("itemprop", "microdata"), ("property", "RDFa")):
            names = el.get(attribute)
            if not names or "ccessible" not in names:
                continue
            if any(_PROPERTY.search(name) for name in names.split()):
                _attribute_value(access, el, source)


def _attribute_value(access: Access, el: lxml.html.HtmlElement, source: str) -> None:
    value = el.get("content")
    if value is None:
        value = el.get("href") if el.tag == "link" else el.get("value")
    if value is None:
        value = el.text_content()
    if is_false(value):
        _found(access, source, not_free=True)
    elif is_true(value):
        access.free = True


def _meta_declaration(access: Access, el: lxml.html.HtmlElement) -> None:
    name = (el.get("name") or "").strip()
    if name and _PROPERTY.search(name):
        _attribute_value(access, el, "meta name")
    if (el.get("property") or name).strip().lower() in _CONTENT_TIER:
        tier = (el.get("content") or "").strip().lower()
        if tier == "locked":
            _found(access, "Open Graph article:content_tier locked", not_free=True)
        elif tier == "free":
            access.free = True


def read_locked_text(access: Access, root: lxml.html.HtmlElement) -> None:
    """Remember the text of the locked parts, so that the flags can tell whether they hold the article."""
    texts: list[str] = []
    size = 0
    for selector in access.locked_selectors:
        try:
            matcher = CSSSelector(selector)
        except (SelectorError, ValueError, SyntaxError):
            continue
        for el in matcher(root):
            text = " ".join(el.text_content().split())
            texts.append(text)
            size += len(text)
            if size > _LOCKED_TEXT_LIMIT:
                break
    access.locked_text = "\n".join(texts)


def _found(access: Access, source: str, *, not_free: bool = False) -> None:
    if not_free:
        access.not_free = True
    if source not in access.sources:
        access.sources.append(source)


def _selectors(access: Access, value: Any) -> None:
    for selector in value if isinstance(value, list) else [value]:
        if isinstance(selector, str) and selector.strip() and selector.strip() not in access.locked_selectors:
            access.locked_selectors.append(selector.strip())
