"""trafilatura as a second opinion on the container's furniture (optional: `Settings.second_opinion`,
`Cleaner(second_opinion=True)`, `cleanser clean --second-opinion`; needs the `trafilatura` extra).

readability-lxml chooses the container and the generic layer removes what the markup or the shape says is furniture;
short lines with no telling markup stay (a "Kunden kauften auch" tab, a "Weitere Informationen" heading over a
removed list, a byline with a date in the middle of a header). trafilatura (Apache-2.0) extracts the article by its
own, different means. Where the two agree on the article, a short block of the container that is

- not prose (no paragraph of prose goes, as the guard's rule for any generic removal says),
- outside the reading flow: above the article's first paragraph of prose or below its last, or 50% links or more,
  or a heading (or a label ending with a colon) whose next block trafilatura leaves out too,
- not a table's cell, nor an item of a list that is not links (an ingredient list, a list of facts), nor a heading
  above the first paragraph (the headline, which trafilatura leaves to its metadata), nor a caption (trafilatura
  leaves captions out; readers and Mozilla's Readability keep them),
- and absent from trafilatura's extraction,

is removed, with that evidence in the audit (rule `generic-html/second-opinion`). The two agree when most of the
container's prose (half of its characters or more) is in trafilatura's extraction; otherwise trafilatura chose another
part of the page, and its opinion on this one is not asked.

It costs trafilatura's own time per page (about as much again as cleaning it), so it is off by default.
"""

from __future__ import annotations

import re

from ..document import Removal
from ..read.page import PLACEHOLDER
from ..text import is_prose
from .html_shapes import Layout

_WS = re.compile(r"\s+")
_FORMAT = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
# Blocks that may be judged; their insides are never judged apart.
_CANDIDATES = frozenset(
    {"p", "li", "h2", "h3", "h4", "h5", "h6", "div", "dt", "dd", "figcaption", "span", "section", "header",
     "footer", "a", "strong", "b", "em", "time", "small", "label", "ul", "ol"}
)
_BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "table", "section", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure",
     "figcaption", "header", "footer", "article", "dl", "dd", "dt", "pre"}
)
_TABLE = frozenset({"table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
AGREEMENT = 0.5  # the share of the container's prose trafilatura must hold for its opinion to count
MAX_WORDS = 25  # the guard's limit for a generic removal: longer lines are never judged here


def extract(html: str, url: str | None) -> str | None:
    """trafilatura's text of the page, or None when it finds nothing or fails. Imported here: an optional extra."""
    try:
        import trafilatura
    except ImportError as e:  # pragma: no cover - the message is the point
        raise ImportError("the second opinion needs trafilatura: pip install 'cleanser[trafilatura]'") from e
    try:
        return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or None
    except Exception:  # trafilatura gives up on odd pages; then there is no second opinion
        return None


def _squash(text: str) -> str:
    return _WS.sub("", _FORMAT.sub("", text))


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _link_share(el) -> float:
    size = len(_squash(el.text_content()))
    return sum(len(_squash(a.text_content())) for a in el.iter("a")) / size if size else 0.0


def agrees(article, extracted: str, layout: Layout | None = None) -> bool:
    """Whether trafilatura's extraction holds most of the container's prose: they found the same article."""
    other = _squash(extracted)
    total = held = 0
    for el in article.iter("p", "li", "blockquote", "dd"):
        text = _text(el)
        if not is_prose(text):
            continue
        size = len(_squash(text))
        total += size
        if _squash(text) in other:
            held += size
    return bool(total) and held >= AGREEMENT * total


def strip_absent(
    article, extracted: str | None, removals: list[Removal], judge, remove, kept: list | None = None
) -> int:
    """Remove the container's short non-prose blocks outside the reading flow that trafilatura's extraction does not
    hold (see the module's docstring); `remove(el, kind, evidence, removals, judge)` is the generic layer's removal
    (judged by the guard, audited). `kept` are (element, evidence) of the boxes whose markup names them furniture
    but that the guard kept for a paragraph of prose: such a box goes when none of its prose is in trafilatura's
    extraction (`take_kept`). Returns how many were removed."""
    if not extracted or not agrees(article, extracted):
        return 0
    other = _squash(extracted)
    removed = take_kept(article, kept or [], other, removals, judge, remove)
    layout = Layout.of(article)
    chosen: list = []
    inside: set = set()
    for el in article.iter():
        if not isinstance(el.tag, str) or el is article or el.tag not in _CANDIDATES:
            continue
        if any(a in inside for a in el.iterancestors()):
            continue
        reason = _judge(el, layout, other)
        if reason is not None:
            chosen.append((el, reason))
            inside.add(el)
    for el, reason in chosen:
        if remove(el, "second-opinion", reason, removals, judge) is not None:
            removed += 1
    return removed


def take_kept(article, kept: list, other: str, removals: list[Removal], judge, remove) -> int:
    """The boxes the markup names as furniture (a comment, a bio, a related list, post metadata) that the guard kept
    for their prose go when trafilatura, which found the same article, leaves all of that prose out: two extractors
    agree that it is not the article's, and the box's own markup says what it is. The guard is shown the paragraphs
    of the box that trafilatura keeps, so that a box misnamed "comments" or "sharebar" around the article's own
    prose stays. In document order (outermost first); a box inside one that went is gone with it."""
    taken = 0
    for el, evidence in kept:
        if not any(a is article for a in el.iterancestors()):
            continue  # inside a box that went (replaced by its placeholder)
        prose = _prose_of(el)
        if not prose or any(_squash(text) in other for text in prose):
            continue  # trafilatura keeps some of its prose: the article's, or it is not sure either

        def shown(rule, texts, other=other):
            return judge(rule, [t for t in texts if _squash(t) in other]) if judge is not None else None

        why = f"{evidence}, and none of its prose is in trafilatura's extraction"
        if remove(el, "second-opinion", why, removals, shown) is not None:
            taken += 1
    return taken


def prose_held(el, extracted: str) -> bool:
    """Whether any paragraph of prose of the element is in the extracted text."""
    other = _squash(extracted)
    return any(_squash(text) in other for text in _prose_of(el))


def _prose_of(el) -> list[str]:
    """The box's paragraphs of prose: the texts of its blocks that hold no block, read as prose."""
    found = []
    for d in el.iter():
        if not isinstance(d.tag, str) or (d.tag not in _BLOCKS and d is not el):
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in d.iterdescendants()):
            continue
        text = _text(d)
        if is_prose(text):
            found.append(text)
    return found


def _heads_absent(el, other: str) -> bool:
    """A heading (or a label ending with a colon) whose next block is absent from trafilatura's extraction too (or
    was removed): the title of a box of furniture in the middle of the article ("Zum Weiterlesen:", "Über den
    Autor")."""
    text = _text(el)
    if not (el.tag in _HEADINGS or (el.tag in ("p", "div") and text.endswith(":"))) or len(text.split()) > 10:
        return False
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is None or (el.tail or "").strip():
        return False
    if nxt.tag == PLACEHOLDER:
        return True
    following = _squash(nxt.text_content())
    return bool(following) and following[:60] not in other


def _judge(el, layout: Layout, other: str) -> str | None:
    if any(d.tag in _BLOCKS for d in el.iterdescendants()) or el.tag == PLACEHOLDER:
        return None  # a box: its lines are judged one by one
    if any(a.tag in _TABLE for a in el.iterancestors()):
        return None
    text = _text(el)
    if not text or len(text.split()) > MAX_WORDS or is_prose(text):
        return None
    if _squash(text) in other:
        return None
    links = _link_share(el)
    if links < 0.5 and (el.tag == "li" or any(a.tag == "li" for a in el.iterancestors())):
        return None  # an item of the article's own list (ingredients, facts), whatever trafilatura kept
    if el.tag == "figcaption" or any(a.tag in ("figure", "figcaption") for a in el.iterancestors()):
        return None  # captions: trafilatura leaves them out, readers and Readability keep them
    before = layout.before_prose(el)
    after = layout.after_prose(el)
    if before and el.tag in _HEADINGS:
        return None  # the headline: trafilatura leaves it to its metadata
    if before:
        where = "above the article's first paragraph"
    elif after:
        where = "below the article's last paragraph"
    elif links >= 0.5:
        where = f"{links:.0%} links"
    elif _heads_absent(el, other):
        where = "a heading over what trafilatura's extraction also leaves out"
    else:
        return None
    return f"not prose, {where}, and not in trafilatura's extraction"
