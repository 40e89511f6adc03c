"""Finding the article on a page: readability-lxml chooses the container, on a copy; we take it from the original.

readability-lxml only *chooses*: we keep everything inside the original container (headings, lists, quotes,
tables, captions), none of readability's own cleaning, which drops short headings, short or link-heavy lists and
anything whose class looks unlikely.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

import lxml.html
from lxml import etree

from .blocks import is_data_table
from .page import HEADINGS, PHRASING, STAMP, WS, drop, tag_of

# --- ---------------------------------------------------------------------------------------


def extract(
    root: lxml.html.HtmlElement,
    full_page: bool,
    container_xpath: Iterable[str] = (),
    not_article: Callable[[Any], list] | None = None,
    widen: Callable[[Any, list, list], list] | None = None,
) -> lxml.html.HtmlElement:
    """The element holding the article: the body of a fragment; on a full page, the container readability-lxml
    scores best, with the siblings it relates to it, taken from the original tree.

    readability-lxml works on a copy (it changes the tree it scores): every element is stamped with its position
    first, so its choice can be found again in the original.
    `container_xpath` (a site config's `body` lines) names the container: the first expression that matches
    elements with text wins, and readability decides only when none does.
    `not_article` (the generic layer) names, in readability's copy of the tree, elements the article cannot be
    in (a login dialog, a cookie banner): they are dropped from the copy before it is scored. `widen` (the generic
    layer too) may replace readability's choice by an ancestor that holds the page's prose it left out.
    """
    body = root.find("body")
    if body is None:
        body = root
    named = _xpath_container(root, container_xpath)
    if named:
        _stamp(root)
        return _assemble(named)
    if not full_page:
        return body
    elements = _stamp(root)
    # Named once, on the original: each copy readability scores drops the same elements, found by their stamps.
    excluded = not_article(root) if not_article is not None else []
    chosen = _readability_choice(root, elements, ruthless=True, excluded=excluded)
    if _length(chosen) < 250:
        lenient = _readability_choice(root, elements, ruthless=False, excluded=excluded)
        if _length(lenient) > _length(chosen):
            chosen = lenient
    if chosen and widen is not None:
        chosen = widen(root, chosen, excluded)
    if not chosen:
        return body
    return _assemble(chosen)


def _xpath_container(root: lxml.html.HtmlElement, expressions: Iterable[str]) -> list:
    """Elements with text matched by the first expression that finds any, in document order, none inside another."""
    for expression in expressions:
        try:
            found = root.xpath(expression)
        except (etree.XPathError, TypeError, ValueError):
            continue
        picked: list = []
        for el in found if isinstance(found, list) else []:
            if not isinstance(el, etree.ElementBase) or not WS.sub("", el.text_content()):
                continue
            if any(a in picked for a in el.iterancestors()):
                continue
            picked.append(el)
        if picked:
            return picked
    return []


def _stamp(root: lxml.html.HtmlElement) -> list:
    elements = []
    for el in root.iter():
        if isinstance(el.tag, str):
            el.set(STAMP, str(len(elements)))
            elements.append(el)
    return elements


def _length(elements: list | None) -> int:
    return sum(len(WS.sub("", el.text_content())) for el in elements) if elements else 0


def _readability_choice(
    root: lxml.html.HtmlElement, elements: list, ruthless: bool, excluded: list = ()
) -> list | None:
    """The original elements that make up readability-lxml's article, in document order. `excluded` (elements of the
    original) are dropped from the copy readability scores."""
    from .readability_fast import Readability  # readability-lxml, minus work that cannot change its choice

    tree = copy.deepcopy(root)
    if excluded:
        copies = list(tree.iter(etree.Element))  # in document order: a copy's place is its original's stamp
        for el in excluded:
            drop(copies[int(el.get(STAMP))])
    doc = Readability(tree)
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
        best_copy = best["elem"]
        article = doc.get_article(candidates, best, html_partial=True)
    except Exception:  # readability gives up on odd trees; the caller falls back to the body
        return None
    picked = []
    best_original = _original(best_copy, elements)
    # readability-lxml 0.9 moves editorial leads (standfirst, dek) into the best element: take them from where
    # they are in the page.
    for child in best_copy:
        original = _original(child, elements)
        if original is not None and best_original is not None and original.getparent() is not best_original:
            picked.append(original)
    for child in article:
        original = _original(child, elements)
        if original is not None:
            picked.append(original)
    picked = _outermost([_lift(el) for el in picked])
    picked.sort(key=lambda el: int(el.get(STAMP)))
    return _widen(picked)


def _lift(el):
    """A part of a table or list stands for the whole table or list (readability scores cells and items)."""
    tag = tag_of(el)
    if tag in ("tbody", "thead", "tfoot", "tr", "td", "th"):
        table = next(el.iterancestors("table"), None)
        if table is not None and (tag in ("tbody", "thead", "tfoot") or is_data_table(table)):
            return table
    elif tag in ("li", "dt", "dd"):
        parent = el.getparent()
        if parent is not None and tag_of(parent) in ("ul", "ol", "dl"):
            return parent
    return el


def _text_size(el) -> int:
    return len(WS.sub("", el.text_content()))


def _widen(picked: list) -> list:
    """Take in what readability-lxml leaves beside its choice. It scores paragraphs only, so a section heading, a
    list, a table or a figure beside the scored paragraphs is not picked, a top complaint about extractors.

    In each parent of the picked elements: everything between two picked children is part of the article; before
    the first and after the last, a run of content elements (headings, paragraphs, lists, tables, figures,
    quotes, or a box holding only such) that are not mostly links joins it too.
    """
    by_parent: dict = {}
    for el in picked:
        parent = el.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(el)
    added = []
    for parent, children in by_parent.items():
        siblings = [s for s in parent if tag_of(s)]
        first, last = siblings.index(children[0]), siblings.index(children[-1])
        taken = set(children)
        added += [s for s in siblings[first : last + 1] if s not in taken]
        before = []
        for s in reversed(siblings[:first]):
            if _text_size(s) == 0:
                continue
            if not _is_content(s):
                break
            before.append(s)
        after = []
        for s in siblings[last + 1 :]:
            if _text_size(s) == 0:
                continue
            if not _is_content(s):
                break
            after.append(s)
        while after and tag_of(after[-1]) in HEADINGS:  # a heading with nothing of ours under it: the next section's
            after.pop()
        added += before + after
    added += _repeated_segments(picked)
    if not added:
        return picked
    out = _outermost(picked + added)
    out.sort(key=lambda el: int(el.get(STAMP)))
    return out


def _signature(el) -> tuple[str, ...]:
    parent = el.getparent()
    own = (el.get("class") or "").split()[:1]
    up = (parent.get("class") or "").split()[:1] if parent is not None else []
    return (tag_of(el), *own, "<", tag_of(parent) if parent is not None else "", *up)


def _repeated_segments(picked: list) -> list:
    """Other instances of the picked elements' pattern: a page that cuts its article into segments of one kind
    (`div.step > div.content`), where readability-lxml picked only the segments that hold scored paragraphs."""
    if len(picked) < 2:
        return []
    signatures = {_signature(el) for el in picked if el.get("class")}
    if not signatures:
        return []
    common = set(picked[0].iterancestors())
    for el in picked[1:]:
        common &= set(el.iterancestors())
    ancestor = max(common, key=lambda a: int(a.get(STAMP, "-1")), default=None)
    if ancestor is None:
        return []
    taken = set(picked)
    found = []
    for el in ancestor.iter():
        if el in taken or not tag_of(el) or not el.get("class") or _signature(el) not in signatures:
            continue
        if _text_size(el) and _link_density(el) < 0.5 and not _NOT_CONTENT.search(_class_id(el)):
            found.append(el)
    return found


def _class_id(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


_CONTENT_TAGS = frozenset(
    {"p", "ul", "ol", "dl", "table", "figure", "figcaption", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6"}
)
_CONTENT_PARTS = frozenset({"li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "div"})
_NOT_CONTENT = re.compile(
    r"comment|related|share|social|promo|newsletter|subscri|signup|sign-up|footer|sidebar|nav|menu|breadcrumb|"
    r"advert|sponsor|popular|trending|recommend|more-|byline|author|meta|tags",
    re.I,
)


def _is_content(el) -> bool:
    tag = tag_of(el)
    if _NOT_CONTENT.search(_class_id(el)):
        return False
    if tag in HEADINGS:
        return tag != "h1"  # the page's title, which the metadata carries
    if tag in _CONTENT_TAGS:
        return tag == "p" or _link_density(el) < 0.5
    if tag in ("div", "section"):
        inner = [tag_of(d) for d in el.iterdescendants() if tag_of(d)]
        return (
            bool(inner)
            and all(t in _CONTENT_TAGS or t in PHRASING or t in _CONTENT_PARTS for t in inner)
            and any(t in _CONTENT_TAGS for t in inner)
            and _link_density(el) < 0.3
        )
    return False


def _link_density(el) -> float:
    total = _text_size(el)
    if not total:
        return 1.0
    return sum(_text_size(a) for a in el.iter("a")) / total


def _original(el, elements: list):
    stamp = el.get(STAMP) if isinstance(el.tag, str) else None
    if stamp is None:
        return None
    return elements[int(stamp)]


def _outermost(picked: list) -> list:
    chosen = {id(el) for el in picked}
    out, seen = [], set()
    for el in picked:
        if id(el) in seen or any(id(a) in chosen for a in el.iterancestors()):
            continue
        seen.add(id(el))
        out.append(el)
    return out


def _assemble(picked: list) -> lxml.html.HtmlElement:
    if len(picked) == 1:
        return picked[0]
    wrapper = lxml.html.Element("div")
    for el in picked:
        wrapper.append(el)  # moved, tail and all, out of the page: its tree is not used after extraction
    return wrapper

