"""Furniture told by its words: the titles a page gives its furniture ("Lesen Sie auch", "Related stories", "Über
den Autor", "Kommentar schreiben", "Notas relacionadas"), readers' feedback prompts ("War der Artikel nützlich?") and
links back to the overview ("Zurück zur Übersicht"), read where the markup says nothing (`generic_html` asks this
module after its class, role and shape evidence).

A line is read whole: its entire text (folded, lowercased, its end marks trimmed; eight words at most, no prose) must
be one of the phrases of `html_vocabulary.FURNITURE_HEADINGS`, in any of the languages it lists; a word of it inside
a line of text is never read. The element must be a line: heading-shaped (a heading `h2`-`h6`, an all-bold line, an
element whose class says title or heading, a label ending in a colon, a short line in capitals) or a block with no
block inside it.

What goes:

- the line itself, by the kind its words name: `related`, `bio`, `comments`, `share`, `newsletter`, `ui` (feedback
  prompts), `navigation` (only a link line: "Back to school" as a heading is an article's); `info` headings
  ("Weitere Informationen", "Kontakt", "Quellen"), which also head an article's own last section, only when
  heading-shaped and after the article's last paragraph of prose, as `links`;
- the box it heads, when the heading is the box's first text and the rest of the box is not the article's: a `div`,
  `section` or `aside` that holds no more than a third of the container, whose other text is half links or more
  (a list of teasers; not when a sentence of the box introduces them), or, but for `related` headings, that holds
  no paragraph of prose (a newsletter box, a share bar), or that the heading says is readers' comments or the
  author's bio. The guard judges the box as any generic removal: a teaser of more than 25 words of prose keeps it,
  and then the heading alone goes.
"""

from __future__ import annotations

import re

from ..text import fold, is_prose
from .html_vocabulary import FURNITURE_HEADING

_ENDS = " \t\n:：.!?…»›>«‹<|–—-*•·()[]\"'“”„"
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
BOXES = frozenset({"div", "section", "aside"})
_BLOCKS = frozenset({"p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote", "h1", "h2", "h3", "h4",
                     "h5", "h6", "br", "figure", "form", "header", "footer", "aside", "nav", "dl"})
_TITLE_CLASS = re.compile(r"title|heading|headline|(?:^|[\s_-])(?:head|header|label|kicker)(?=$|[\s_-])")


# All the phrases in one pattern, a named group a kind: one match says which kind, or that none is named.
_ANY_HEADING = re.compile("|".join(f"(?P<{kind}>{p.pattern})" for kind, p in FURNITURE_HEADING.items()))


def heading_kind(text: str) -> str | None:
    """The kind of furniture a heading's whole text names, or None."""
    folded = " ".join(fold(text).lower().split()).strip(_ENDS).strip()
    if not folded or len(folded) > 80:
        return None
    m = _ANY_HEADING.fullmatch(folded)
    return m.lastgroup if m else None


def _text(el) -> str:
    return " ".join(el.text_content().split())


def heading_shaped(el, text: str) -> bool:
    """A heading, an all-bold line, an element whose class says title, or a short label ending in a colon."""
    if not text or len(text.split()) > 8 or is_prose(text):
        return False
    if el.tag in _HEADINGS or text.rstrip().endswith((":", "：")):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and len(text.split()) <= 5 and all(c.isupper() for c in letters):
        return True  # a short line in capitals: "ERSCHIENEN IN", "MORE STORIES"
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if _TITLE_CLASS.search(names):
        return True
    kids = [c for c in el if isinstance(c.tag, str)]
    return (
        el.tag in ("p", "div", "span")
        and len(kids) == 1
        and kids[0].tag in ("strong", "b")
        and not (el.text or "").strip()
        and not (kids[0].tail or "").strip()
    )


def furniture_heading(el, layout) -> tuple[str, str] | None:
    """(kind, evidence) for a heading-shaped element whose whole text names furniture."""
    size = layout.size.get(el, 0)
    if size > 100:
        return None
    parent = el.getparent()
    if parent is not None and layout.size.get(parent) == size and parent in layout.named:
        kind = layout.named[parent]  # the same text as its parent's (a link in a list item): the same words
        if kind is None:
            return None
        text = _text(el)
    else:
        text = _text(el)
        if not text or len(text.split()) > 8:
            return None
        kind = layout.named[el] = heading_kind(text)  # (first: it says no to nearly every element, and cheaply)
    if kind is None or is_prose(text):
        return None
    shaped = heading_shaped(el, text)
    if not shaped and any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
        return None  # neither a heading nor a line of its own
    if kind == "info":
        if not shaped or not layout.after_prose(el):
            return None
        return "links", f"a heading that names furniture, after the article's last paragraph ({_quote(text)})"
    if kind == "navigation":
        if el.tag != "a" and layout.link_share(el) < 0.8:
            return None  # ("Back to school" as a heading is an article's; as a link, the way out of it)
        return kind, f"a link back or to the overview ({_quote(text)})"
    if kind == "ui":
        return kind, f"a reader's feedback prompt ({_quote(text)})"
    return kind, f"a {'heading' if shaped else 'line'} that names furniture ({_quote(text)})"


def _first_element(box, layout):
    """The box's first element that holds text, when no text stands before it; descends through wrappers."""
    el = box
    size = layout.size
    for _ in range(4):
        if (el.text or "").strip():
            return None
        first = next((c for c in el if isinstance(c.tag, str) and size.get(c)), None)
        if first is None:
            return None
        if first.tag in _HEADINGS or (size[first] <= 100 and first.tag not in BOXES):
            return first
        el = first
    return None


def box_under_heading(box, layout, total: int) -> tuple[str, str] | None:
    """(kind, evidence) for a box whose first text is a furniture heading and whose rest is not the article's."""
    if box.tag not in BOXES:
        return None
    size = layout.size.get(box, 0)
    if not size or size > total / 3 or size > 6000:
        return None
    first = _first_element(box, layout)
    if first is None or first is box:
        return None
    found = furniture_heading(first, layout)
    if found is None or found[0] == "links":
        return None
    rest = size - layout.size.get(first, 0)
    if rest <= 0:
        return None
    links = layout.linked.get(box, 0) - layout.linked.get(first, 0)
    if links >= 0.5 * rest and _words_outside_links(box, first) <= 8:
        # (a sentence introducing the links, "Further details are on the agency's pages:", makes them the
        # article's own further reading)
        return found[0], f"a box of links under a heading that names furniture ({_quote(_text(first))})"
    # A box that is not links: a comment form, a bio, a newsletter box. The article's own section could start with
    # such a word too: a box that holds a paragraph of prose goes only when the heading says it is readers' comments
    # or the author's bio (and then the guard still keeps any paragraph of more than 25 words), and "more on this"
    # over text that is not links is the article's own further reading.
    if found[0] in ("bio", "comments") or (found[0] != "related" and not layout.holds_prose(box)):
        return found[0], f"a box under a heading that names furniture ({_quote(_text(first))})"
    return None


def _words_outside_links(box, heading) -> int:
    """Words of the box's text outside its links and its heading."""
    skip = {heading, *heading.iterdescendants()}
    for a in box.iter("a"):
        skip.add(a)
        skip.update(a.iterdescendants())
    words = 0
    for el in box.iter():
        if el not in skip and isinstance(el.tag, str) and el.text:
            words += len(el.text.split())
        if el is not box and el.tail and el.getparent() not in skip:
            words += len(el.tail.split())
    return words


def _quote(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
