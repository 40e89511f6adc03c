"""Shape evidence for the generic HTML layer: furniture whose markup has no telling class or role, told by its shape
and by where it stands in the article's container (`generic_html.py` asks this module when the markup says nothing).

Each detector is general, decided by shape in any language, and narrow enough that an article's own text does not
have it:

- **a "read also" insert** (`related`): a paragraph or heading that is one link of four words or more, not a web
  address ("Harbour dredging to start in May" as a link between two paragraphs), or a short label and a colon
  followed by links of three words or more ("Read also: <a>...</a>", "VEA TAMBIÉN: <a>...</a>"); never a list item
  (a list of links in an article is the article's list), never a link to a place on the same page;
- **a box that is a short heading over a list of links** (`related`): a `div` or `section` holding nothing but a
  heading and lists whose every item is a link ("Read also" over three headlines), anywhere in the container;
- **a run of link lines after the article's last paragraph of prose** (`links`): a block that is 80% link text or
  more and is one of two links or more (in itself, or with link-dense siblings around it): "Back to the overview",
  the next and previous articles, a list of teasers. Links that are web addresses stay (an article's sources);
- **a date line above the article's first paragraph of prose** (`dateline`): a short line, not a heading, that holds
  a date or a time ("23.10.2018", "By J. Doe | 11 Jan 2019 | 4 min", "Publiziert: 03.04.2020, 12:35");
- **an advertising label alone** (`promo`: "Anzeige", "- Advertisement -", "Reklama") and **a reading-time line**
  (`tags`: "5 min read", "Lesezeit: 4 Minuten");
- **a photo credit** (`credit`): a short element inside a figure that names an agency or starts with "Photo:",
  "Foto:", "Bild:", "©"...; the caption it sits in stays.

The guard judges each removal as it judges any generic one (no paragraph of prose over 25 words goes), and each is in
the audit with its evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..text import is_prose
from .html_vocabulary import (
    AD_DISCLOSURE,
    AD_LABEL,
    AGENCY,
    CREDIT,
    DATE,
    LABEL_LINK,
    PHOTO_CREDIT,
    PUBLISHED,
    READING_TIME,
    RIGHTS_RESERVED,
    SLASH_CREDIT,
    URLISH,
)

_WS = re.compile(r"\s+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks a run of link lines is made of.
_LINK_BLOCKS = frozenset(
    {"p", "li", "ul", "ol", "div", "section", "table", "dl", "h2", "h3", "h4", "h5", "h6", "span", "strong", "b"}
)
_INSERTS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6"})
# What a one-link insert may not hold: a box with blocks inside is judged as a box, not as a line.
_BLOCKS_INSIDE = frozenset({"p", "div", "ul", "ol", "table", "section", "article", "blockquote"})
# Where prose stands: what counts as "the article's paragraphs" for the before/after positions.
_PROSE_TAGS = frozenset({"p", "li", "blockquote", "dd"})


@dataclass
class Layout:
    """The container read once, in one pass: where the article's prose starts and ends (positions in document order),
    and for each element the characters of text under it and under its links (indentation aside), where its last
    descendant stands, and whether it is in a figure. The detectors read an element's text only when it is short:
    asking every box of a page for its text would read the page once per level of nesting."""

    order: dict = field(default_factory=dict)
    end: dict = field(default_factory=dict)
    size: dict = field(default_factory=dict)
    linked: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)  # links with text under each element
    odd_links: dict = field(default_factory=dict)  # ... of which web addresses or links within the page
    figure: set = field(default_factory=set)
    first_prose: int | None = None
    last_prose: int | None = None
    prose: list = field(default_factory=list)  # positions of the paragraphs of prose, in order
    prose_elements: list = field(default_factory=list)  # ... and the paragraphs themselves
    named: dict = field(default_factory=dict)  # the furniture kind an element's whole text names (html_headings)
    total: int = 0  # the container's size

    @classmethod
    def of(cls, article) -> Layout:
        layout = cls()
        elements = [el for el in article.iter() if isinstance(el.tag, str)]
        order, end, size, linked = layout.order, layout.end, layout.size, layout.linked
        count, odd = layout.links, layout.odd_links
        for i, el in enumerate(elements):
            order[el] = i
        for el in reversed(elements):  # children before their parents, without recursion (pages nest deep)
            n = _solid(el.text)
            links = k = bad = 0
            last = order[el]
            for child in el:
                if isinstance(child.tag, str):
                    n += size[child]
                    links += linked[child]
                    k += count[child]
                    bad += odd[child]
                    last = end[child]
                n += _solid(child.tail)
            size[el] = n
            end[el] = last
            if el.tag == "a":
                linked[el] = n
                count[el] = 1 if n else k
                odd[el] = 1 if n and (_is_address(el) or _in_page(el)) else bad
            else:
                linked[el], count[el], odd[el] = links, k, bad
        for i, el in enumerate(elements):
            # A paragraph of prose holds 60 characters or more.
            if el.tag in _PROSE_TAGS and size[el] >= 60 and is_prose(_text(el)):
                if layout.first_prose is None:
                    layout.first_prose = i
                layout.last_prose = i
                layout.prose.append(i)
                layout.prose_elements.append(el)
        layout.total = size[elements[0]] if elements else 0
        for fig in article.iter("figure", "figcaption"):
            layout.figure.update(fig.iter())
        return layout

    def short(self, el, limit: int) -> bool:
        return self.size.get(el, limit + 1) <= limit

    def link_share(self, el) -> float:
        size = self.size.get(el, 0)
        return self.linked.get(el, 0) / size if size else 0.0

    def after_prose(self, el) -> bool:
        return self.last_prose is not None and self.order.get(el, -1) > self.last_prose

    def holds_prose(self, el) -> bool:
        """Whether a paragraph of prose stands inside the element (or is it)."""
        start, stop = self.order.get(el, -1), self.end.get(el, -1)
        i = bisect_left(self.prose, start)
        return i < len(self.prose) and self.prose[i] <= stop

    def before_prose(self, el) -> bool:
        """The element and everything in it come before the first paragraph of prose."""
        if self.first_prose is None:
            return False
        return self.end.get(el, self.first_prose) < self.first_prose


def _solid(text: str | None) -> int:
    """A text's length without the whitespace around it (pages indent their markup a lot); the spaces between its
    words count, which the thresholds allow for."""
    return len(text.strip()) if text else 0


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _size(el) -> int:
    text = el.text_content()
    return len(text) - sum(map(text.count, " \n\t\r"))


def _links(el) -> list:
    return [a for a in el.iter("a") if _WS.sub("", a.text_content())]


def _is_address(a) -> bool:
    return bool(URLISH.search(_text(a)))


def _in_page(a) -> bool:
    """A link to a place on the same page (a heading's own anchor, a table of contents entry) or to nothing."""
    href = (a.get("href") or "").strip()
    return not href or href.startswith("#")


def _link_share(el, size: int) -> float:
    return sum(_size(a) for a in el.iter("a")) / size if size else 0.0


def _has_list_item_ancestor(el) -> bool:
    return any(a.tag == "li" for a in el.iterancestors())


def read_also(el, layout: Layout | None = None) -> str | None:
    """A paragraph or heading that is one link to another page, or a short label and links ("Read also: ...")."""
    if el.tag not in _INSERTS or _has_list_item_ancestor(el):
        return None
    if el.tag == "div" and any(d.tag in _BLOCKS_INSIDE for d in el.iterdescendants()):
        return None
    text = _text(el)
    words = len(text.split())
    if words < 3 or is_prose(text):
        return None
    links = _links(el)
    if not links or any(_is_address(a) or _in_page(a) for a in links):
        return None
    link_text = " ".join(_text(a) for a in links)
    if len(links) == 1 and words >= 4 and _size(links[0]) >= 0.9 * _size(el):
        # One such line between paragraphs is an insert; several in a row are the article's own list (games and
        # their prices, each a link), and a run after the article is `links_after_prose`'s.
        if _run_length(el, layout) == 1:
            return f"a line that is one link ({_quote(text)})"
        return None
    m = LABEL_LINK.match(text)
    if m and len(link_text.split()) >= 3 and not any(m.group(1).strip() in _text(a) for a in links):
        rest = m.group(2)
        if len(link_text) >= 0.8 * len(rest):
            return f"a label and a link ({_quote(text)})"
    return None


def heading_over_links(el) -> str | None:
    """A box holding a short heading and lists whose every item is a link, and nothing else."""
    if el.tag not in ("div", "section"):
        return None
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) < 2 or (el.text or "").strip() or not _heading_like(kids[0]):
        return None
    items = []
    for lst in kids[1:]:
        if lst.tag not in ("ul", "ol") or (lst.tail or "").strip():
            return None
        items += [li for li in lst if isinstance(li.tag, str)]
    if len(items) < 2:
        return None
    for li in items:
        size = _size(li)
        if not size or _link_share(li, size) < 0.8 or any(_in_page(a) for a in _links(li)):
            return None
    return f"a heading over {len(items)} links ({_quote(_text(kids[0]))})"


def _heading_like(el) -> bool:
    text = _text(el)
    if not text or len(text.split()) > 8 or is_prose(text):
        return False
    if el.tag in _HEADINGS:
        return True
    # A paragraph that is all bold: a heading in all but name.
    return el.tag in ("p", "div") and len(el) > 0 and not (el.text or "").strip() and all(
        c.tag in ("strong", "b") and not (c.tail or "").strip() for c in el
    )


def _link_line(el, layout: Layout | None = None) -> bool:
    """A block that is mostly links to other pages, and no prose."""
    if not isinstance(el.tag, str):
        return False
    if layout is not None and el in layout.size:
        return (
            layout.link_share(el) >= 0.8
            and layout.links[el] > 0
            and not layout.odd_links[el]
            and not (layout.size[el] >= 60 and is_prose(_text(el)))
        )
    else:
        size = _size(el)
        if not size or _link_share(el, size) < 0.8:
            return False
    if is_prose(_text(el)):
        return False
    links = _links(el)
    return bool(links) and not any(_is_address(a) or _in_page(a) for a in links)


def _run_length(el, layout: Layout | None = None) -> int:
    """How many link lines stand together with `el`: it and its link-line siblings on either side."""
    n = 1
    for step in ("getprevious", "getnext"):
        sib = getattr(el, step)()
        while sib is not None:
            if not isinstance(sib.tag, str):
                sib = getattr(sib, step)()
                continue
            if not _link_line(sib, layout):
                break
            n += 1
            sib = getattr(sib, step)()
    return n


def links_after_prose(el, layout: Layout) -> str | None:
    """A block of links after the article's last paragraph of prose, with other links in it or beside it."""
    if el.tag not in _LINK_BLOCKS or not layout.after_prose(el) or not _link_line(el, layout):
        return None
    n = layout.links[el]
    if n >= 2:
        return f"{n} links after the article's last paragraph"
    run = _run_length(el, layout)
    if run >= 2:
        return f"a link line in a run of {run} after the article's last paragraph"
    return None


def lone_link_after_prose(el, layout: Layout) -> str | None:
    """One short link line alone after the article's last paragraph of prose (asked after the furniture headings,
    whose evidence says more: "Zurück zum Lexikon" is a link back)."""
    if el.tag not in ("p", "div") or not layout.after_prose(el) or not _link_line(el, layout):
        return None
    if layout.links[el] != 1 or _run_length(el, layout) != 1 or not _lone_link(el):
        return None
    return "one short link line alone after the article's last paragraph"


def _lone_link(el) -> bool:
    """A short line that is one link to another page: "Bilder des Treffens", "FAQ", "Zur Übersicht". Not an e-mail
    address (a press office's contact), not a label ending with a colon (a quote's "Name said:"), and not a sentence
    (the author's own pointer: "Read more about ad blocking here.")."""
    text = _text(el)
    if not text or _words(text) > _LONE_LINK_WORDS or text[-1] in ":.!?":
        return False
    links = _links(el)
    return len(links) == 1 and not (links[0].get("href") or "").strip().lower().startswith("mailto:")


_LONE_LINK_WORDS = 8


def date_before_prose(el, layout: Layout) -> str | None:
    """A short line with a date or a time above the article's first paragraph of prose, that is not a heading."""
    if el.tag in _HEADINGS or not layout.before_prose(el):
        return None
    text = _text(el)
    if not text or _words(text) > 12 or is_prose(text):
        return None
    if el.tag == "time" or DATE.search(text):
        return f"a date line above the article ({_quote(text)})"
    return None


def published_line(el) -> str | None:
    """A short line, anywhere, that says when the page was published or changed: a label ("Published:",
    "Aktualisiert am", "Stand:") and a date. An article's sentence does not start with such a label."""
    if el.tag in _HEADINGS or not PUBLISHED.match(el.text_content()):  # (the pattern skips leading whitespace)
        return None
    text = _text(el)
    if not text or _words(text) > 12 or not DATE.search(text) or is_prose(text):
        return None
    return f"a publication date line ({_quote(text)})"


def _words(text: str) -> int:
    """Words of a line, the bars and dots between a byline's parts ("|", "•") aside (a dash may join a dateline to
    its standfirst: "Bern, 17.08.2007 - Speech by ... at the summit")."""
    return sum(1 for w in text.split() if w.strip("|•·"))


def credit(el, layout: Layout) -> str | None:
    """A photo credit: a short element in a figure (or a whole caption) that starts with a credit word ("Foto:",
    "©"), or of five words at most that names an agency or reads "Agency / Photographer"."""
    if el not in layout.figure or el.tag in ("figure", "img"):
        return None
    text = _text(el)
    words = len(text.split())
    if not text or words > 10 or is_prose(text):
        return None
    if CREDIT.search(text) or (words <= 5 and (AGENCY.search(text) or SLASH_CREDIT.match(text))):
        return f"a photo credit ({_quote(text)})"
    return None


def credit_line(el) -> str | None:
    """A photo credit as a line of its own, anywhere: "Foto: J. Doe", "Titelbild: Agency/Name", "© Agency", in ten
    words or fewer and no sentence."""
    if el.tag in _HEADINGS or not PHOTO_CREDIT.match(el.text_content().lstrip()):
        return None
    text = _text(el)
    if not text or len(text.split()) > 10 or is_prose(text) or RIGHTS_RESERVED.search(text):
        return None  # (a site's copyright notice is no photo credit: the rules, and `learn`, know the site's own)
    if any(d.tag in _BLOCKS_INSIDE or d.tag == "br" for d in el.iterdescendants()):
        return None  # (a box that starts with a credit holds more than the credit: a contact box under a portrait)
    return f"a photo credit line ({_quote(text)})"


def guarded_paragraphs(el, paragraph_texts) -> list[str]:
    """What the guard is shown of an element the generic layer would remove: its paragraphs (`paragraph_texts`),
    less those that are wholly the text of a link. A paragraph inside a link is a teaser of another page (a related
    story's first lines, a product's blurb): an article does not put its own paragraphs in a link. The element is
    never the container, nor one holding half of its text, so an article wrapped whole in a link is not judged
    here."""
    teasers = {
        _WS.sub(" ", a.text_content()).strip()
        for a in el.iter("a")
        if len(a.text_content()) >= 100  # only long link texts can hold a paragraph the guard would keep
    }
    paragraphs = _own_items(el, paragraph_texts(el))
    if not teasers:
        return paragraphs
    kept = [text for text in paragraphs if not any(text in teaser for teaser in teasers)]
    return kept or [""]


def _own_items(el, paragraphs: list[str]) -> list[str]:
    """The paragraphs, a list item that holds a list read as its own words: the items of the inner list are
    paragraphs of their own, judged apart (a table of contents' "3 Software" over "3.1 Firefox", "3.2 Thunderbird",
    ... is no paragraph of 40 words)."""
    own: dict[str, str] = {}
    for li in el.iter("li"):
        inner = _outer_lists(li)
        if not inner:
            continue
        whole = _WS.sub(" ", li.text_content()).strip()
        rest = whole
        for lst in inner:
            rest = rest.replace(_WS.sub(" ", lst.text_content()).strip(), " ", 1)
        own[whole] = _WS.sub(" ", rest).strip()
    if not own:
        return paragraphs
    return [own.get(_WS.sub(" ", text).strip(), text) for text in paragraphs]


def _outer_lists(li) -> list:
    """The lists inside a list item that no other list inside it holds."""
    found = []
    for lst in li.iterdescendants("ul", "ol"):
        up = lst.getparent()
        while up is not li and up.tag not in ("ul", "ol"):
            up = up.getparent()
        if up is li:
            found.append(lst)
    return found


def label_line(el) -> tuple[str, str] | None:
    """A line that is an advertising label alone ("Anzeige", "- Advertisement -"), a disclosure of affiliate links
    ("Anzeige, enthält Affiliate Links"), or a reading-time line."""
    raw = el.text_content()
    stripped = raw.strip()
    # (most elements: said before normalising)
    if not READING_TIME.search(raw) and not AD_LABEL.match(stripped) and "ffiliate" not in stripped:
        return None
    text = _text(el)
    if not text or len(text) > 120:
        return None
    if AD_LABEL.match(text):
        return "promo", f"an advertising label alone ({_quote(text)})"
    if AD_DISCLOSURE.match(text):
        return "promo", f"a disclosure of affiliate links ({_quote(text)})"
    if READING_TIME.search(text) and _words(text) <= 14 and not is_prose(text):
        return "tags", f"a reading-time line ({_quote(text)})"
    return None


def _quote(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
