"""The HTML path: parse once, strip what site rules name, extract the article, and turn it into blocks.

Parsing never touches the network and never expands entities from outside the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from .document import CAPTION, CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE, Block, Document, Removal
from .reader import normalize_spaces
from .rules import Rule

_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
)
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
)
_JUNK_XPATH = etree.XPath("|".join(f"//{t}" for t in _JUNK))
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_WS = re.compile(r"\s+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_INLINE_BREAK = {"br"}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "body",
    "header",
    "footer",
    "aside",
    "figure",
    "center",
    "form",
    "details",
    "summary",
    "nav",
    "dl",
    "html",
    "hgroup",
}


def parse(html: str) -> lxml.html.HtmlElement:
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html><body></body></html>")
    return root


def is_full_page(html: str) -> bool:
    return bool(_FULL_PAGE.search(html[:20000]))


def strip_junk(root: lxml.html.HtmlElement) -> None:
    for el in _JUNK_XPATH(root):
        _drop(el)


def _drop(el) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


_SELECTOR_CACHE: dict[tuple[str, ...], list] = {}


def _compiled(rule: Rule) -> list:
    key = (*rule.selectors, "\x00", *rule.xpath)
    found = _SELECTOR_CACHE.get(key)
    if found is None:
        found = [CSSSelector(s) for s in rule.selectors] + [etree.XPath(x) for x in rule.xpath]
        _SELECTOR_CACHE[key] = found
    return found


def apply_html_rules(root: lxml.html.HtmlElement, rules: list[Rule]) -> list[Removal]:
    """Remove the elements site rules name; one audit entry per removed element that held text."""
    removals: list[Removal] = []
    for rule in rules:
        for selector in _compiled(rule):
            try:
                found = selector(root)
            except (etree.XPathError, TypeError):
                continue
            for el in found:
                if not isinstance(el, etree.ElementBase) or el.getparent() is None:
                    continue
                if el.tag in ("html", "body"):
                    continue
                text = _WS.sub(" ", el.text_content()).strip()
                _drop(el)
                if text:
                    removals.append(Removal(rule=rule.qualified, plugin=rule.plugin, text=text, kind="html"))
    return removals


def extract(root: lxml.html.HtmlElement, full_page: bool, reparse=None) -> lxml.html.HtmlElement:
    """The element holding the article: the body of a fragment; on a full page, the container readability-lxml
    scores best, with its related siblings.

    Readability's own output is sanitized: it drops short lists, headings and link-heavy blocks, a top complaint
    about it. We take its choice of container and nothing of its cleaning; promo inside the container is what our
    rules are for. `reparse` gives a fresh tree for the lenient second try (readability changes the tree).
    """
    body = root.find("body")
    if body is None:
        body = root
    if not full_page:
        return body
    article = _readability_container(root, ruthless=True)
    if (article is None or len(_WS.sub("", article.text_content())) < 250) and reparse is not None:
        lenient = _readability_container(reparse(), ruthless=False)
        if lenient is not None and (article is None or len(lenient.text_content()) > len(article.text_content())):
            article = lenient
    return body if article is None else article


def _readability_container(root: lxml.html.HtmlElement, ruthless: bool) -> lxml.html.HtmlElement | None:
    from readability import Document as Readability

    doc = Readability(root)
    try:
        doc._html(True)
        if ruthless:
            doc.remove_unlikely_candidates()
        doc.transform_misused_divs_into_paragraphs()
        candidates = doc.score_paragraphs()
        best = doc.select_best_candidate(candidates)
        if not best:
            return None
        for step in ("get_semantic_article_candidate", "get_semantic_main_candidate"):
            if hasattr(doc, step):  # readability-lxml 0.9+
                best = getattr(doc, step)(candidates, best)
        return doc.get_article(candidates, best, html_partial=True)
    except Exception:  # readability gives up on odd trees; the caller falls back to the body
        return None


def to_blocks(root: lxml.html.HtmlElement) -> list[Block]:
    return list(_blocks(root, depth=0))


def _text(el) -> str:
    return _WS.sub(" ", normalize_spaces(el.text_content())).strip()


def _inline_runs(el) -> Iterator[str]:
    """The element's own text split at <br> and at nested block elements (which are emitted separately)."""
    run: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _INLINE_BREAK:
            yield "".join(run)
            run = []
        elif tag in _BLOCK_TAGS:
            yield "".join(run)
            run = []
            yield child  # type: ignore[misc]
        else:
            run.append(child.text_content() if tag else "")
        run.append(child.tail or "")
    yield "".join(run)


_BLOCK_TAGS = (
    set(_HEADINGS) | {"p", "ul", "ol", "li", "blockquote", "table", "pre", "figcaption", "dd", "dt"} | (_CONTAINERS)
)


def _clean(text: str) -> str:
    return _WS.sub(" ", normalize_spaces(text)).strip()


def _blocks(el, depth: int, kind: str = PARAGRAPH) -> Iterator[Block]:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _HEADINGS:
        text = _text(el)
        if text:
            yield Block(text=text, kind=HEADING, level=_HEADINGS[tag])
        return
    if tag in ("ul", "ol"):
        for li in el:
            if isinstance(li.tag, str) and li.tag == "li":
                yield from _list_item(li, depth, ordered=tag == "ol")
            elif isinstance(li.tag, str):
                yield from _blocks(li, depth, kind)
        return
    if tag == "li":
        yield from _list_item(el, depth, ordered=False)
        return
    if tag == "blockquote":
        for item in _inline_runs(el):
            if isinstance(item, str):
                text = _clean(item)
                if text:
                    yield Block(text=text, kind=QUOTE)
            else:
                for b in _blocks(item, depth, QUOTE):
                    if b.kind == PARAGRAPH:
                        b.kind = QUOTE
                    yield b
        return
    if tag == "figcaption":
        text = _text(el)
        if text:
            yield Block(text=text, kind=CAPTION)
        return
    if tag == "table":
        rows = []
        for tr in el.iter("tr"):
            cells = [_text(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if rows:
            yield Block(text="\n".join(" | ".join(r) for r in rows), kind=TABLE, rows=rows)
        return
    if tag == "pre":
        text = normalize_spaces(el.text_content()).strip("\n")
        if text.strip():
            yield Block(text=text, kind=CODE)
        return
    for item in _inline_runs(el):
        if isinstance(item, str):
            text = _clean(item)
            if text:
                yield Block(text=text, kind=kind)
        else:
            yield from _blocks(item, depth, kind)


def _list_item(li, depth: int, ordered: bool) -> Iterator[Block]:
    first = True
    for item in _inline_runs(li):
        if isinstance(item, str):
            text = _clean(item)
            if text:
                if first:
                    yield Block(text=text, kind=LIST_ITEM, level=depth, ordered=ordered)
                    first = False
                else:
                    yield Block(text=text, kind=PARAGRAPH)
        else:
            tag = item.tag if isinstance(item.tag, str) else ""
            if tag in ("ul", "ol"):
                yield from _blocks(item, depth + 1)
            else:
                for b in _blocks(item, depth):
                    if first and b.kind == PARAGRAPH:
                        b.kind, b.level, b.ordered = LIST_ITEM, depth, ordered
                        first = False
                    yield b


def read_html(html: str, url: str | None = None) -> tuple[Document, lxml.html.HtmlElement]:
    root = parse(html)
    strip_junk(root)
    return Document(blocks=[], source="html", url=url, layout="html"), root
