"""A teaser named so, that is a link to another page: another story's card, whatever the page's flow around it.

"teaser" alone is a weak name: German and Austrian CMSs call the article's own standfirst a "teaser" too
(`p.article-teaser`, `div.teaser-text`), so the token acts only at the `aggressive` level (`html_vocabulary.py`).
A box so named whose text is all, or nearly all, the text of links to other pages is something else: the card of
another story, its headline and excerpt inside the link (`li.teaser__news-list-item > a > h4 + p`, `div.newsteaser > a
> h2`). An article's own words are not the text of a link; a standfirst is no link.

Evidence: a class or id token `teaser…` (at token edges, as every token: `basic-teaser__link`, `c-teaser`), the
element's text 80% link text or more, its links none of them a web address written out or a place on the page (an
article's sources and its notes), and no name that says it is the article body. Kind `teasers`; the guard judges it
as any generic removal (a teaser whose excerpt is wholly a link's text is no prose to it: `html_shapes.py`).

Where it stands says it too: a standfirst stands above the article's first paragraph of prose, and links nowhere.
A box so named that starts under that paragraph, holds a link to another page and no paragraph of prose is another
story's teaser, a "read more" card or a gallery's teaser line, whatever share of it is links ("Mehr lesen ...", a
card's headline link and its two-line excerpt in divs). The token may stand inside a word of the name
(`newsteaser`, `grid-item-teaser`).
"""

from __future__ import annotations

import re

from .html_shapes import Layout

_TEASER = re.compile(r"(?:^|[\s_-])\w*teaser\w*(?=$|[\s_-])")
MIN_LINK_SHARE = 0.8


def evidence(el, names: str, layout: Layout) -> tuple[str, str] | None:
    """("teasers", evidence) for a teaser-named element that is mostly the text of links to other pages; `names`
    is its class and id, lowercased."""
    m = _TEASER.search(names)
    if m is None:
        return None
    size = layout.size.get(el, 0)
    if not size:
        return None
    token = m.group(0).strip(" _-")
    if layout.odd_links.get(el, 0) or not layout.links.get(el, 0):
        return None
    if _below_the_start(el, layout):
        return "teasers", f'"{token}" in class/id, a link under the article\'s first paragraph of prose, no prose'
    share = layout.linked.get(el, 0) / size
    if share < MIN_LINK_SHARE:
        return None
    return "teasers", f'"{token}" in class/id, {share:.0%} of its text in links to other pages'


def _below_the_start(el, layout: Layout) -> bool:
    """Whether the element starts after the article's first paragraph of prose and holds no paragraph of prose."""
    first = layout.first_prose
    return first is not None and layout.order.get(el, -1) > first and not layout.holds_prose(el)
