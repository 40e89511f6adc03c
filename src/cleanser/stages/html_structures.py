"""Furniture told by how the page is built, where no class or word says what it is (`generic_html.py` asks this
module after the class tokens and before the shapes of `html_shapes.py`).

Each detector reads evidence the page's markup gives in any language, narrow enough that an article's own text
does not have it:

- **a table of contents** (`navigation`, at the aggressive level only): a list of three links or more to places
  on the same page, most of which are the container's own headings (the link's target is a heading, an element
  inside one, or an anchor right before one). Every entry repeats a heading that stays, so no word of the article
  goes with it. A list of footnotes links to places on the page too, but to notes, not headings: it stays;
- **a graphic's labels** (`ui`): a box holding a picture and four or more short pieces of text each placed on it by
  its own inline coordinates (`top`/`bottom` and `left`/`right`), the way chart tools export the axis labels,
  values and legends of a chart drawn as an image. They are a picture's words, not the article's;
- **a metadata line** (`dateline`): a short line above the article's first paragraph of prose or below its last,
  made of the page's publication metadata: a `<time datetime>` element, or elements whose microdata (`itemprop`)
  says date published or changed, author or publisher, with at most a few words of its own around them ("Le
  Monde | <time> • Mis à jour le <time> | Par <author>"). A line the page marks as its dates and its author is the
  page's, whatever its length; a line of the article that mentions a date has words of its own. Between
  paragraphs such a line stays (a live blog's entries are dated and signed).

The guard judges each removal as it judges any generic one (no paragraph of prose over 25 words goes), and each is in
the audit with its evidence.
"""

from __future__ import annotations

import re

from ..text import is_prose
from .html_shapes import Layout

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
# Blocks that make an element a box rather than a line.
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote", "figure", "h1", "h2", "h3", "h4",
     "h5", "h6", "header", "footer", "aside", "dl", "pre", "form", "nav"}
)


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _quote(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


# --- a table of contents ---------------------------------------------------------------------------------------------


class _Anchors:
    """The container's in-page targets, read once when a list of in-page links first asks: each `id` (and `<a
    name>`) and whether it names a heading."""

    def __init__(self, article) -> None:
        self.heading: dict[str, bool] = {}
        for el in article.iter():
            if not isinstance(el.tag, str):
                continue
            for key in (el.get("id"), el.get("name") if el.tag == "a" else None):
                if key and key not in self.heading:
                    self.heading[key] = _is_heading_target(el)


def _is_heading_target(el) -> bool:
    """A heading, an element inside one (Wikipedia's `span.mw-headline`), or an empty anchor right before one."""
    if el.tag in _HEADINGS or any(a.tag in _HEADINGS for a in el.iterancestors()):
        return True
    if _text(el):
        return False
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is None:  # an anchor alone in a box: the box's next element may be the heading
        parent = el.getparent()
        nxt = parent.getnext() if parent is not None and not _text(parent) else None
    return nxt is not None and nxt.tag in _HEADINGS


def table_of_contents(el, layout: Layout, anchors: _Anchors) -> str | None:
    """A list of links to the container's headings (see the module's docstring); the outermost such list."""
    if el.tag not in _LISTS or any(a.tag in _LISTS for a in el.iterancestors()):
        return None
    if layout.link_share(el) < 0.8 or not layout.links.get(el):
        return None
    links = [a for a in el.iter("a") if (a.text_content() or "").strip()]
    if len(links) < 3:
        return None
    to_headings = 0
    for a in links:
        href = (a.get("href") or "").strip()
        if not href.startswith("#") or len(href) < 2:
            return None  # a link to another page: a menu or a list of sources, not the page's contents
        if anchors.heading.get(href[1:]):
            to_headings += 1
    if to_headings < 3 or to_headings < 0.6 * len(links):
        return None
    return f"a table of contents: {to_headings} of {len(links)} links go to the article's headings"


# --- a graphic's labels ----------------------------------------------------------------------------------------------

_VERTICAL = re.compile(r"(?:^|;)\s*(?:top|bottom)\s*:", re.IGNORECASE)
_HORIZONTAL = re.compile(r"(?:^|;)\s*(?:left|right)\s*:", re.IGNORECASE)
_PICTURES = frozenset({"img", "picture"})


def graphic_labels(el, layout: Layout) -> str | None:
    """A picture with four or more short texts placed on it by inline coordinates (see the module's docstring)."""
    if el.tag != "div" or not layout.size.get(el):
        return None
    placed = 0
    picture = False
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _PICTURES:
            picture = True
            continue
        style = child.get("style") or ""
        if not (_VERTICAL.search(style) and _HORIZONTAL.search(style)):
            if layout.size.get(child):
                return None  # text of its own in the flow: not a picture's labels
            continue
        if layout.size.get(child, 0) > 120:
            return None
        text = _text(child)
        if text:
            if len(text.split()) > 12 or is_prose(text):
                return None
            placed += 1
    if not picture or placed < 4:
        return None
    return f"{placed} labels placed on a picture by inline coordinates"


# --- a metadata line -------------------------------------------------------------------------------------------------

_META_PROPS = frozenset(
    {"datepublished", "datemodified", "datecreated", "dateupdated", "uploaddate", "author", "creator", "publisher"}
)
_LINE_TAGS = frozenset({"p", "div", "span", "li", "header", "section", "time"})
_OWN_WORDS = 6  # words of a metadata line outside its marked parts: "Mis à jour le", "Par", "Updated"
_NAME_WORDS = 10  # words of an author's or publisher's mark: "Martin Untersinger (avec Damien Leloup et Morgane Tual)"


def _marked(el) -> bool:
    if el.tag == "time" and el.get("datetime"):
        return True
    props = (el.get("itemprop") or "").lower().split()
    return any(p in _META_PROPS for p in props) or (el.tag == "a" and "author" in (el.get("rel") or "").lower())


def metadata_line(el, layout: Layout) -> str | None:
    """A short line of the page's publication metadata above or below the article's prose (see the module's
    docstring)."""
    if el.tag not in _LINE_TAGS or not layout.short(el, 300):
        return None
    where = _outside_prose(el, layout)
    if where is None:
        return None
    marked = [d for d in el.iter() if isinstance(d.tag, str) and _marked(d)]
    if not marked:
        return None
    if any(m.tag != "time" and len(_text(m).split()) > _NAME_WORDS for m in marked):
        return None  # an author's or publisher's mark holds a name, not a sentence (a bio so marked is no byline)
    if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
        return None  # a box, not a line
    text = _text(el)
    if not text or len(text.split()) > 30:
        return None  # (no test for prose: a byline's closing bracket ends it like a sentence; its own words decide)
    inside = {id(d) for m in marked for d in m.iter()}
    own = 0
    for d in el.iter():
        if not isinstance(d.tag, str):
            continue
        if id(d) not in inside:
            own += len(_WORD.findall(d.text or ""))
        if d is not el and id(d.getparent()) not in inside:
            own += len(_WORD.findall(d.tail or ""))
    if own > _OWN_WORDS:
        return None
    if sum(len(_text(m)) for m in marked if not any(id(a) in inside for a in m.iterancestors())) == 0:
        return None  # the marks hold no text: the line's words are its own
    return f"a line of the page's dates and author, marked as such, {where} ({_quote(text)})"


def _outside_prose(el, layout: Layout) -> str | None:
    """Where the element stands: "above the article" or "below the article" when no paragraph of prose but its own
    (a long byline reads as one) stands before it or after it, else None."""
    start, stop = layout.order.get(el, -1), layout.end.get(el, -1)
    prose = layout.prose  # positions in document order: the first and the last say whether any is before or after
    before = bool(prose) and prose[0] < start
    after = bool(prose) and prose[-1] > stop
    if after and not before:
        return "above the article"
    if before and not after:
        return "below the article"
    return None


# --- the detectors together ----------------------------------------------------------------------------------------


class Structures:
    """The detectors of this module for one container; its in-page targets are read only when a list of in-page
    links asks for them (most containers have none)."""

    def __init__(self, article, layout: Layout, level: str = "safe") -> None:
        self.article = article
        self.layout = layout
        # A table of contents only at the aggressive level: Mozilla Readability's reference keeps Wikipedia's and a
        # blog's (recall fell on three tune pages at `safe`, with one snippet of trafilatura-dev's gained).
        self.contents = level == "aggressive"
        self._anchors: _Anchors | None = None

    def evidence(self, el) -> tuple[str, str] | None:
        """(kind, evidence) when the element's build says it is furniture, else None."""
        tag = el.tag
        layout = self.layout
        if tag in _LISTS and self.contents and layout.links.get(el, 0) >= 3:
            if self._anchors is None and layout.odd_links.get(el, 0) >= 3:
                self._anchors = _Anchors(self.article)
            if self._anchors is not None:
                found = table_of_contents(el, layout, self._anchors)
                if found:
                    return "navigation", found
        elif tag == "div":
            found = graphic_labels(el, layout)
            if found:
                return "ui", found
        if tag in _LINE_TAGS:
            found = metadata_line(el, layout)
            if found:
                return "dateline", found
        return None
