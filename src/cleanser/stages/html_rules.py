"""HTML rules: drop the elements site (and generic) rules name, before the article is extracted.

A dropped element that held text leaves a placeholder, so that the blocks stage puts its removal where it stood and
the restore stage can join a paragraph the element had cut in two. `place_removals` says where those outside the
article stood.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from ..document import Removal
from ..read.page import (
    HEADINGS,
    NOT_XML,
    PHRASING,
    PLACEHOLDER,
    STAMP,
    WS,
    clean_text,
    drop,
    placeholder_removal,
    tag_of,
)
from ..rules.model import Rule

_SELECTOR_CACHE: dict[tuple[str, ...], list] = {}


def _compiled(rule: Rule) -> list:
    key = (*rule.selectors, "\x00", *rule.xpath)
    found = _SELECTOR_CACHE.get(key)
    if found is None:
        found = [CSSSelector(s) for s in rule.selectors] + [etree.XPath(x) for x in rule.xpath]
        _SELECTOR_CACHE[key] = found
    return found


_PARAGRAPHS = ("p", "li", "blockquote", "dd", "td", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
Judge = Callable[[Rule, Any], "str | None"]


def paragraph_texts(el) -> list[str]:
    """What the guard is shown of an element a rule would remove: the paragraphs it holds, or its whole text."""
    return [clean_text(p.text_content()) for p in el.iter(*_PARAGRAPHS)] or [clean_text(el.text_content())]


def apply_html_rules(
    root: lxml.html.HtmlElement, rules: list[Rule], judge: Judge | None = None, dropped: list | None = None
) -> list[Removal]:
    """Remove the elements site rules name; one audit entry per removed element that held text.

    A removed element that held text leaves an empty placeholder, so that `to_blocks` can put the removal in its
    place among the blocks: the restore stage then joins a paragraph the element had cut in two. `judge` (the
    guard) sees each element first; an element it refuses stays, and its removal is kept in the audit with the
    reason. `dropped`, when given, collects (removal, rule, placeholder number, element) for each element
    replaced, so that the word budget (`html_budget.py`) can put an element back.
    """
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
                if el.tag in ("html", "body", PLACEHOLDER):
                    continue
                text = WS.sub(" ", el.text_content()).strip()
                if not text:
                    drop(el)
                    continue
                removal = Removal(rule=rule.qualified, plugin=rule.plugin, text=text, kind="html")
                removals.append(removal)
                if judge is not None:
                    removal.refused = judge(rule, el)
                    if removal.refused is not None:
                        continue
                replace_with_placeholder(el, len(removals) - 1)
                if dropped is not None:  # not the placeholder: a proxy held here would lose its HTML class
                    dropped.append((removal, rule, len(removals) - 1, el))
    return removals


def replace_with_placeholder(el, index: int):
    """Put an empty placeholder where a removed element stood (`index`: its removal's place in the HTML removals),
    so that `to_blocks` places the removal among the blocks; returns the placeholder."""
    marker = etree.Element(PLACEHOLDER, {"data-removal": str(index)})
    if inside_a_line(el):
        marker.set("data-inline", "1")
    marker.tail = NOT_XML.sub("", el.tail) if el.tail else None  # see drop
    el.getparent().replace(el, marker)
    return marker


_LINE_HOLDERS = frozenset({"p", "li", "dd", "dt", "td", "th", "caption", "figcaption", "blockquote", *HEADINGS})


def inside_a_line(el) -> bool:
    """Whether an element is a piece of a line of text (a promo span or link inside a paragraph, with text beside
    it), so that its removal leaves the line whole rather than cutting it in two."""
    parent = el.getparent()
    if tag_of(el) not in PHRASING or parent is None or tag_of(parent) not in _LINE_HOLDERS | PHRASING:
        return False
    return bool(parent.text_content().replace(el.text_content(), "", 1).strip())



def place_removals(root: lxml.html.HtmlElement, article: lxml.html.HtmlElement, removals: list[Removal]) -> None:
    """Say where the HTML rules' removals outside the article stood: above it (top), below it (bottom) or between
    its parts (inline). Those inside the article are placed by `to_blocks`."""
    if not removals:
        return
    # One stamp at a time: a list of every element's stamp costs a Python object per element of a flood of <br>.
    first = last = None
    for el in article.iter():
        stamp = el.get(STAMP) if isinstance(el.tag, str) else None
        if stamp is not None:
            n = int(stamp)
            first = n if first is None or n < first else first
            last = n if last is None or n > last else last
    if first is None or last is None:
        return
    for marker in root.iter(PLACEHOLDER):
        removal = placeholder_removal(marker, removals)
        if removal is None or removal.where or marker.get(STAMP) is None:
            continue
        if any(a is article for a in marker.iterancestors()):
            continue
        stamp = int(marker.get(STAMP))
        removal.where = "top" if stamp < first else "bottom" if stamp > last else "inline"
