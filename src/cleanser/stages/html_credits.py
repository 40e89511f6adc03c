"""Photo credits that are not an element of their own: the credit at the end of a caption's text ("The harbour at
dawn. Foto: J. Doe", "... | © Agency/Getty Images", "... (Quelle: Name/Unsplash)"), and captions known by their class
rather than a `figure` ("wp-caption-text", "news-img-caption", "bildunterschrift").

A caption is the article's (a reader sees it under the picture, and Mozilla's Readability keeps it); its credit is
the picture agency's, and trafilatura's evaluation counts it as boilerplate. `set_apart` wraps such a credit in a
`span` of its own, so that the generic layer's credit evidence (`html_shapes.credit`) can remove it like any credit
element, through the guard and into the audit; the caption's own words stay where they are.
"""

from __future__ import annotations

import re

from lxml import etree

from ..text import is_prose
from .html_vocabulary import CAPTION_CLASS, CREDIT_TAIL

_HINT = re.compile(r"(?i:caption|legend|bildunter|desc)")  # a quick look before CAPTION_CLASS
MARK = "data-cleanser-credit"  # the attribute of a span set apart here (no class: the class tokens say nothing of it)


def captions(article) -> list:
    """The captions of the container, outermost only: `figcaption` elements and elements whose class says caption."""
    found: list = []
    seen: set = set()
    for el in article.iter():
        cls = el.get("class")
        if el.tag == "figcaption" or (cls and _HINT.search(cls) and CAPTION_CLASS.search(cls.lower())):
            if not any(a in seen for a in el.iterancestors()):
                found.append(el)
            seen.add(el)
    return found


def is_caption(el) -> bool:
    cls = el.get("class")
    return el.tag in ("figure", "figcaption") or bool(cls and CAPTION_CLASS.search(cls.lower()))


def set_apart(caption) -> bool:
    """Wrap the credit at the end of the caption's text in a span of its own; whether there was one. The caption's
    last piece of text must hold it, from a credit word or sign to the end, in ten words or fewer, after some
    words of its own (a caption that is all credit is a credit element already)."""
    last = None
    for el in caption.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.text or "").strip():
            last = (el, "text")
        if el is not caption and (el.tail or "").strip():
            last = (el, "tail")
    if last is None:
        return False
    holder, where = last
    if where == "text" and len(holder):
        return False  # elements with no text follow it (a line break, an icon): leave it
    text = getattr(holder, where)
    m = CREDIT_TAIL.search(text)
    if m is None:
        return False
    credit = text[m.start():]
    before = text[: m.start()]
    if len(credit.split()) > 10 or is_prose(credit):
        return False
    if where == "text" and not before.strip() and holder is caption:
        return False
    if not _has_words_before(caption, holder, where, before):
        return False
    span = etree.Element("span")
    span.set(MARK, "")
    span.text = credit
    if where == "text":
        holder.text = before
        holder.insert(0, span)
    else:
        holder.tail = before
        holder.addnext(span)
    return True


def _has_words_before(caption, holder, where: str, before: str) -> bool:
    if before.strip(" \t\n|–—-("):
        return True
    for el in caption.iter():
        if el is holder and where == "text":
            return False
        if isinstance(el.tag, str) and (el.text or "").strip():
            return True
        if el is holder:
            return False
    return False
