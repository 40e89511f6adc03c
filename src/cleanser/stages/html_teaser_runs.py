"""Runs of other stories' teasers inside the article's container, told by their shape where no class names them.

A page lists its other stories as cards: a headline that links to the story, and under it an excerpt of the story or
a picture (often a date too). When the list's box says "related" or "popular", the class tokens of `generic_html.py`
take it; many say only "teaser", "card", "list" or nothing (`li.listPosts-item`, `div.pm-image-teaser`, an RSS
widget's `ul > li`). Such a run has a shape an article's own text rarely has:

- three or more sibling items of one tag (`li`, `article`, `div`, `section`), at least two thirds of the siblings of
  that tag, each opening with a link of two words or more to another page (its headline; `html_teasers.py` reads
  the same opening), the headline not a sentence;
- every item carries something besides its headline: a picture, or eight words or more of its own outside links
  (the excerpt). A list of names with a word each ("<a>Samuel Diekmann</a>, aus Rödermark") is an article's own list;
- all the headlines link to one host (or are all relative): a site lists its own stories; a list of sources or
  further reading links to many hosts;
- the run is not introduced by a line ending with a colon ("Redner in der Region findest Du hier:"), which makes it
  the article's list, and does not stand in a table, a figure or a code listing.

Each item (or the run's box, when it holds nothing else) is a removal of kind `teasers`; the guard judges it as any
generic removal, shown the item's paragraphs (an excerpt of more than 25 words outside the headline's link keeps its
item: a teaser written as a paragraph looks like the article's own). A kind whose elements hold more than half of
the container is its content (an overview page of teasers), as for every kind (`generic_html.strip_boilerplate`).
"""

from __future__ import annotations

import re

from ..read.page import PLACEHOLDER
from ..text import is_prose
from .html_shapes import Layout

MIN_ITEMS = 3
EXCERPT_WORDS = 8  # words of an item's own outside its links that make an excerpt
_ITEM_TAGS = frozenset({"li", "article", "div", "section"})
_NEVER_INSIDE = frozenset({"table", "figure", "pre", "code"})
_PICTURES = frozenset({"img", "picture", "svg"})
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_WS = re.compile(r"\s+")
_PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|[?#])", re.I)
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//([^/?#]+)", re.I)


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _headline(item):
    """The link the item's first text stands in (a picture before it in the link is no text), or None."""
    first = item.xpath("(.//text()[normalize-space()])[1]")
    if not first:
        return None
    holder = first[0].getparent()  # for a tail, the element it follows: its parent holds it
    if first[0].is_tail:
        holder = holder.getparent()
    if holder is None:
        return None
    return holder if holder.tag == "a" else next(holder.iterancestors("a"), None)


def _host(href: str) -> str:
    """The host a link points to; "" for a relative link (the page's own site)."""
    m = _HOST.match(href.strip())
    return m.group(1).lower() if m else ""


def _own_words(item, headline) -> int:
    """Words of the item's text besides its headline and its other links: the excerpt (which a card may hold inside
    its one link, under a heading: `a > h3 + p`)."""
    links = [a for a in item.iter("a") if not any(b.tag == "a" for b in a.iterancestors() if b is not item)]
    outside = len(_text(item).split()) - sum(len(_text(a).split()) for a in links)
    return max(outside, len(_text(item).split()) - len(_text(headline).split()))


def _teaser(item) -> str | None:
    """The host of the item's headline link, when the item is a teaser: a headline link to another page and an excerpt
    or a picture besides. The headline is the link, or the heading inside it when it holds one."""
    link = _headline(item)
    if link is None:
        return None
    href = (link.get("href") or "").strip()
    if not href or href.startswith("#") or _PICTURE_FILE.search(href):
        return None  # (a link to a bigger picture: a gallery's item, not another page)
    heading = next(link.iter(*_HEADINGS), None)
    headline = heading if heading is not None and _text(heading) else link
    words = _text(headline).split()
    if not 2 <= len(words) <= 25 or is_prose(" ".join(words)):
        return None
    if not any(isinstance(d.tag, str) and d.tag in _PICTURES for d in item.iter()) and (
        _own_words(item, headline) < EXCERPT_WORDS
    ):
        return None
    return _host(href)


def _introduced(box) -> bool:
    """Whether the element right before the run's box (or its own first text) ends with a colon: the article
    introduces its own list so."""
    prev = box.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None:
        before = prev.tail or ""
    else:
        parent = box.getparent()
        before = (parent.text or "") if parent is not None else ""
    if before.strip():
        return before.strip().endswith(":")
    if prev is not None:
        return _text(prev).endswith(":")
    return False


class TeaserRuns:
    """The teaser runs of one container, found once; `evidence(el)` says whether an element is one (an item, or the
    box of a run that holds nothing else)."""

    def __init__(self, article, layout: Layout) -> None:
        self.found: dict = {}
        for parent in article.iter():
            if not isinstance(parent.tag, str) or len(parent) < MIN_ITEMS or parent.tag in _NEVER_INSIDE:
                continue
            by_tag: dict[str, list] = {}
            for child in parent:
                if isinstance(child.tag, str) and child.tag in _ITEM_TAGS and layout.size.get(child):
                    by_tag.setdefault(child.tag, []).append(child)
            for items in by_tag.values():
                if len(items) < MIN_ITEMS:
                    continue
                teasers = [(item, _teaser(item)) for item in items]
                teasers = [(item, host) for item, host in teasers if host is not None]
                if len(teasers) < MIN_ITEMS or 3 * len(teasers) < 2 * len(items):
                    continue
                if len({host for _, host in teasers}) > 1:
                    continue  # links to many hosts: sources, further reading
                if _introduced(parent) or any(a.tag in _NEVER_INSIDE for a in parent.iterancestors()):
                    continue
                why = f"one of {len(teasers)} teasers in a run: a headline link to another page of one site, " \
                      "with an excerpt or a picture"
                others = [c for c in parent if isinstance(c.tag, str) and c.tag != PLACEHOLDER and layout.size.get(c)]
                if parent is not article and len(others) == len(teasers):
                    self.found[parent] = f"a run of {len(teasers)} teasers: headline links to other pages of one " \
                                         "site, each with an excerpt or a picture"
                else:
                    for item, _ in teasers:
                        self.found[item] = why

    def evidence(self, el) -> tuple[str, str] | None:
        why = self.found.get(el)
        return ("teasers", why) if why is not None else None
