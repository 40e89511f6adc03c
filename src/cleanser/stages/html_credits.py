"""Photo credits that are not an element of their own: the credit at the end of a caption's text ("The harbour at
dawn. Foto: J. Doe", "... | © Agency/Getty Images", "... (Quelle: Name/Unsplash)"), and captions known by their class
rather than a `figure` ("wp-caption-text", "news-img-caption", "bildunterschrift").

A caption's credit may also run over the caption's links ("Foto: Name | <a>flickr</a> | CC BY 2.0") or stand in
parentheses naming an agency ("(mlharing / iStock.com)"); and a line that is no caption by its markup may end with a
copyright credit naming an agency ("... | © Augusta National/Getty Images" in a plain div under its picture:
`copyright_tails`).

A caption is the article's (a reader sees it under the picture, and Mozilla's Readability keeps it); its credit is
the picture agency's, and trafilatura's evaluation counts it as boilerplate. `set_apart` wraps such a credit in a
`span` of its own, so that the generic layer's credit evidence (`html_shapes.credit`) can remove it like any credit
element, through the guard and into the audit; the caption's own words stay where they are.
"""

from __future__ import annotations

import re

from lxml import etree

from ..text import is_prose
from .html_vocabulary import AGENCY, AGENCY_TAIL, CAPTION_CLASS, COPYRIGHT_TAIL, CREDIT_TAIL, SLASH_CREDIT

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


def _credit_start(text: str) -> int | None:
    """Where a credit that runs to the end of `text` starts (trailing whitespace aside: pages indent their markup)."""
    text = text.rstrip()
    m = CREDIT_TAIL.search(text) or AGENCY_TAIL.search(text)
    return m.start() if m else None


def set_apart(caption) -> bool:
    """Wrap the credit at the end of the caption's text in a span of its own; whether there was one. The caption's
    last piece of text must hold it, from a credit word or sign (or an opening parenthesis before an agency's name)
    to the end, in ten words or fewer, after some words of its own (a caption that is all credit is a credit element
    already). A credit whose end is a link ("Foto: Name | <a>flickr</a> | CC BY 2.0") is read across the caption's
    own inline children."""
    pieces = []
    for el in caption.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.text or "").strip():
            pieces.append((el, "text"))
        if el is not caption and (el.tail or "").strip():
            pieces.append((el, "tail"))
    if not pieces:
        return False
    holder, where = pieces[-1]
    if where == "text" and len(holder):
        return _set_apart_across(caption)  # elements follow it (a line break, an icon, a link)
    text = getattr(holder, where)
    start = _credit_start(text)
    if start is None:
        return _set_apart_across(caption)
    credit = text[start:]
    before = text[:start]
    if len(credit.split()) > 10 or is_prose(" ".join(credit.split())):  # (measured as read, not as indented)
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


_INLINE = frozenset({"a", "span", "em", "i", "b", "strong", "small", "br"})


def _set_apart_across(caption) -> bool:
    """A credit that starts in a piece of the caption's own text and runs over its inline children to the end: the
    piece's rest and what follows go into a span of their own."""
    kids = list(caption)
    if not kids or any(not isinstance(k.tag, str) or k.tag not in _INLINE or len(k) for k in kids):
        return False  # only flat captions: text, links and spans with nothing inside
    whole = "".join(caption.itertext())
    # The pieces of text in order: (element, "text" or "tail"); where each starts in the whole text.
    pieces = [(caption, "text")] + [(k, p) for k in kids for p in ("text", "tail")]
    offset = 0
    starts = []
    for el, where in pieces:
        starts.append(offset)
        offset += len(getattr(el, where) or "")
    start = _credit_start(whole)
    if start is None:
        return False
    credit = whole[start:]
    if len(credit.split()) > 10 or is_prose(" ".join(credit.split())) or not whole[:start].strip(" \t\n|–—-("):
        return False
    # The piece of caption text the credit starts in: the caption's text or a child's tail (never inside a child).
    for i in range(len(pieces) - 1, -1, -1):
        if starts[i] <= start:
            el, where = pieces[i]
            break
    if where != "tail" and el is not caption:
        return False
    own = getattr(el, where) or ""
    cut = start - starts[i]
    span = etree.Element("span")
    span.set(MARK, "")
    span.text = own[cut:]
    setattr(el, where, own[:cut])
    following = kids if el is caption else kids[kids.index(el) + 1 :]
    if el is caption:
        caption.insert(0, span)
    else:
        el.addnext(span)
    for k in following:
        span.append(k)  # moved, tail and all
    return True


_LINE_BLOCKS = frozenset({"p", "div", "span", "td", "dd", "li", "small"})
_INNER_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "section", "article", "figure", "blockquote", "li"})


def copyright_tails(article, captions: list) -> list:
    """The credits set apart at the end of lines that are no caption by their markup: a short line (60 words at most)
    that ends with a copyright sign after a bar or a sentence's end and an agency's name or "Name/Agency" ("... der
    Zuschauermagnet. | © Augusta National/Getty Images"). An article's sentence does not end with "© Getty Images";
    a bare "(dpa)" ending a paragraph names the agency that wrote it, and stays. Returns the spans set apart."""
    inside = {el for caption in captions for el in caption.iter()}
    spans: list = []
    seen: set = set()
    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        for holder, text in ((el, el.text), (el.getparent(), el.tail)):
            if not text or ("©" not in text and "(c) " not in text and "(C) " not in text):
                continue
            if holder is None or holder in seen:
                continue
            seen.add(holder)
            if holder in inside or holder.tag not in _LINE_BLOCKS:
                continue
            if any(isinstance(d.tag, str) and d.tag in _INNER_BLOCKS for d in holder.iterdescendants()):
                continue
            whole = " ".join("".join(holder.itertext()).split())
            m = COPYRIGHT_TAIL.search(whole)
            if m is None or len(whole.split()) > 60:
                continue
            credit = whole[m.start():].strip(" |")
            if not (AGENCY.search(credit) or SLASH_CREDIT.match(credit.lstrip("©(c) ").strip())):
                continue
            if set_apart(holder):
                spans += [d for d in holder.iter("span") if d.get(MARK) is not None]
    return spans
