"""Parsing a page: one tree, parsed once without network or outside entities, and stripped of what is never text.

Also the tree vocabulary the other HTML modules share: the placeholder a removed element leaves behind, the stamp
that finds readability's choice again in the original tree, and phrasing versus block elements.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..document import Removal
from .code import CODE_TAGS, code_spans, without_code
from .text import normalize_spaces

# huge_tree: libxml2's default limits drop, silently, a text node over 10 MB with everything after it, and cut the
# tree at 256 levels; with it they are 1 GB and 2048 levels. Deeper than that the page is flattened (`_flatten`).
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False,
    huge_tree=True,
)
LIMIT_ATTR = "data-cleanser-limit"  # set on the root when a parser limit was hit: the pipeline flags the document
# Never article text; removed before anything else looks at the tree.
_JUNK = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "button",
    "input",
    "select",
    "textarea",
    "link",
    "canvas",
    "dialog",
    # A ruby's annotation (furigana over kanji, pinyin over hanzi) and its fallback brackets: a reading aid printed
    # over the words it glosses, which stay. Read inline, it doubles them ("子こども") and breaks every phrase.
    "rt",
    "rp",
)
# Elements the page hides from readers: the hidden attribute or an inline display:none / visibility:hidden.
# One pass with one predicate: the same elements as a union of two paths, without a second pass and a merge.
_HIDDEN_XPATH = etree.XPath("//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')]")
_HIDDEN_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.IGNORECASE
)
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
WS = re.compile(r"\s+")
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Phrasing content: these run inside a paragraph. Any other element, known or custom, is a block of its own;
# a phrasing element that holds blocks (<a><div>…</div></a>) is treated as a block too.
PHRASING = frozenset(
    {
        *("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em"),
        *("font", "i", "img", "ins", "kbd", "label", "mark", "math", "meter", "nobr", "output", "picture"),
        *("progress", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strike", "strong"),
        *("sub", "sup", "time", "tt", "u", "var", "wbr"),
    }
)
_SAFE_HREF = re.compile(r"^(?:https?://|mailto:|/|\.{0,2}/|#|\?|[^:/?#]+(?:[/?#]|$))", re.I)
PLACEHOLDER = "cleanser-removed"  # stands where a rule removed an element, so cut paragraphs can be joined
STAMP = "data-cleanser-id"


# A DOCTYPE with an internal subset ("<!DOCTYPE x [<!ENTITY ...>]>") is XML, not HTML: libxml2's HTML parser ends
# the declaration at the first ">" and leaves the rest ("]>") as text of the page. The subset declares entities
# that are never expanded anyway, so it goes before parsing.
_DOCTYPE_SUBSET = re.compile(r"(<!DOCTYPE[^\[>]*)\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)


def parse(html: str) -> lxml.html.HtmlElement:
    if "<!doctype" in html[:1024].lower():
        html = _DOCTYPE_SUBSET.sub(r"\1>", html, count=1)
    if _NOSCRIPT.search(html):
        html = _without_noscript(html)
    defused = False
    if len(html) > _LONG_TAG:
        html, defused = _defuse_long_tags(html)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
        if defused:
            root.set(LIMIT_ATTR, f"a tag longer than {_LONG_TAG // 1024} KB: its attributes were left out")
        if _hit_limit():
            # Nesting beyond any page's: the parser would stop there. Without its nesting the page keeps every word.
            root = lxml.html.document_fromstring(_flatten(html).encode("utf-8", "replace"), parser=_PARSER)
            root.set(LIMIT_ATTR, "nested more than 2048 levels deep: read without its nesting")
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html><body></body></html>")
    return root


_NOSCRIPT = re.compile(r"<noscript\b", re.IGNORECASE)


def _without_noscript(html: str) -> str:
    """The source without its noscript elements, read as a browser that runs scripts reads them: as raw text up to
    `</noscript>`, never as markup. libxml2 parses their insides as markup, and a page that opens a wrapper in one
    (`<noscript><div id="nojs"></noscript>`) and closes it in another at the end had its whole body put inside the
    first, which is junk (`_JUNK`): nothing was left of the article. Script, style and template spans are skipped
    over (`read/code.py`), so a "<noscript" in a script's string is not taken for one."""
    parts: list[str] = []
    at = 0
    for begin, end in code_spans(html):
        if html.startswith("<", begin) and html[begin + 1 : begin + 9].lower() == "noscript":
            parts.append(html[at:begin])
            at = end
    parts.append(html[at:])
    return "".join(parts)


# Tags that make a block of their own: kept at any depth when deep nesting is flattened.
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "pre",
                         "blockquote", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr", "img"})


def flatten_deep(root: lxml.html.HtmlElement, limit: int = 200) -> None:
    """Unwrap every element nested more than `limit` deep, except those that make a block of their own: their
    text and children move up into their parent, so nothing is lost and the tree is shallow enough to walk."""
    deep = []
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > limit and isinstance(el.tag, str) and el.tag not in _BLOCK_TAGS:
            deep.append(el)
    for el in reversed(deep):
        el.drop_tag()


# libxml2 checks each attribute against all the others of its tag: a tag with a million attributes takes hours.
# No page's tag is anywhere near this long; a longer one keeps its name and loses its attributes (never text).
_LONG_TAG = 32 * 1024
_TAG_NAME = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*")


def _has_long_gap(html: str) -> bool:
    """Whether `html` may hold more than _LONG_TAG characters with no ">": such a stretch covers a whole window of
    half that size, aligned on its multiples, and a window holds a ">" unless it lies in one. A few searches in C,
    and no list of the page's tags (a Python string per tag: 15 bytes per byte of a page of <br>)."""
    window = _LONG_TAG // 2
    return any(html.find(">", start, start + window) < 0 for start in range(0, len(html) - window + 1, window))


def _defuse_long_tags(html: str) -> tuple[str, bool]:
    if not _has_long_gap(html):
        return html, False
    pieces = html.split(">")  # linear, in C; a tag is the part of a piece from its last "<"
    if max(map(len, pieces)) <= _LONG_TAG:
        return html, False
    changed = False
    for i, piece in enumerate(pieces):
        if len(piece) > _LONG_TAG:
            start = piece.rfind("<")
            name = _TAG_NAME.match(piece, start) if start >= 0 and len(piece) - start > _LONG_TAG else None
            if name:
                pieces[i] = piece[:start] + name.group(0)
                changed = True
    return ">".join(pieces), changed


def _hit_limit() -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log)


_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>")
_KEPT = frozenset({"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "title", "head", "body", "html", "meta"})


def _flatten(html: str) -> str:
    """The page with only tags that cannot nest: phrasing tags go, every other tag becomes a line break."""
    html = without_code(html, tags=(*CODE_TAGS, "svg"))

    def keep(m: re.Match) -> str:
        tag = m.group(1).lower()
        if tag in _KEPT:
            return m.group(0)
        return "" if tag in PHRASING else "<br>"

    return _TAG.sub(keep, html)


def is_full_page(html: str) -> bool:
    return bool(_FULL_PAGE.search(html[:20000]))


def strip_junk(root: lxml.html.HtmlElement) -> None:
    # One walk of the tree for every junk tag (a union of per-tag paths walks it once per tag), in document order.
    for el in list(root.iter(*_JUNK)):
        drop(el)
    for el in _HIDDEN_XPATH(root):
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            drop(el)
    collapse_breaks(root)


MAX_BREAK_RUN = 2  # line breaks kept in a row with nothing but space between them


def collapse_breaks(root: lxml.html.HtmlElement) -> None:
    """Shorten every run of <br> with only white space between them to MAX_BREAK_RUN: more break no more lines,
    and each element costs hundreds of bytes in every later stage (a page of 1 MB of <br> took 270 MB)."""
    for br in root.iter("br"):
        run = [br]
        prev = br.getprevious()
        while len(run) <= MAX_BREAK_RUN and prev is not None and prev.tag == "br" and not (prev.tail or "").strip():
            run.append(prev)
            prev = prev.getprevious()
        if len(run) > MAX_BREAK_RUN:
            # The earlier break goes (its tail is white space): the one being visited stays, so the walk goes on.
            run[1].getparent().remove(run[1])


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def drop(el) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    # lxml hands back text it will not take again (control characters), in the tail and in the text it joins;
    # what XML cannot hold is not article text.
    tail = el.tail or ""
    if tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = NOT_XML.sub("", (prev.tail or "") + tail)
        else:
            parent.text = NOT_XML.sub("", (parent.text or "") + tail)
    parent.remove(el)





def tag_of(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def clean_text(text: str) -> str:
    return WS.sub(" ", normalize_spaces(text)).strip()


def safe_href(href: str | None) -> str | None:
    """A link target that is safe to write: http(s), mailto or relative; never javascript:, data: and the like."""
    if not href:
        return None
    href = WS.sub("", normalize_spaces(href))
    if not href or any(ord(c) < 32 for c in href):
        return None
    return href if _SAFE_HREF.match(href) else None



def placeholder_removal(el, removals: list[Removal]) -> Removal | None:
    index = el.get("data-removal", "")
    return removals[int(index)] if index.isdigit() and int(index) < len(removals) else None


def inline_placeholder(el) -> bool:
    return tag_of(el) == PLACEHOLDER and el.get("data-inline") == "1"
