"""Generic boilerplate detection inside the article's container, for pages no site rule knows.

readability-lxml chooses the container and everything in it is kept; on most pages that container still holds the
page's furniture: comment sections, share bars, "related" and "most read" lists, newsletter boxes, author bios, tag
lists, gallery controls. This module reads the evidence the DOM gives for each element of the container:

- its role: `aside`, `nav`, `footer` and `form` elements, ARIA landmark and widget roles (navigation, complementary,
  contentinfo, search, dialog, menu, toolbar...);
- the tokens of its `class` and `id`: comment, share, social, related, most-read, newsletter, subscribe, promo,
  advert, author bio, tags, pagination, gallery controls, screen-reader-only text, buttons, consent gates,
  copyright...; a blog's widget area, a sidebar of widgets (`html_widgets.py`);
- how the page is built (`html_structures.py`): a graphic's labels placed on a picture by inline coordinates, a line
  of the page's marked publication metadata (`<time datetime>`, `itemprop`) above or below the prose, and at the
  `aggressive` level a table of contents (a list of links to the container's own headings);
- its shape and place, where the markup says nothing (`html_shapes.py`): a "read also" line that is one link or a
  label and a link, a heading over a list of links, a run of link lines after the article's last paragraph of prose,
  a date line above its first, a photo credit in a figure, an advertising label alone; and at the `aggressive`
  level a box that is mostly links after the article;
- its words, where neither says enough: a heading or line whose whole text names furniture ("Lesen Sie auch",
  "Über den Autor", "War der Artikel nützlich?") and the box it heads (`html_headings.py`), a publication date line,
  a photo credit as a line of its own or at the end of a caption's text (`html_credits.py`);
- a heading that only introduces a removed element ("Related stories" over the list) goes with it; a box the guard
  keeps for its prose still loses its short lines (a comment form's labels, a bio's name line);
- a teaser named so whose text is nearly all links to other pages (`html_teaser_cards.py`), and a box the markup
  names as furniture that stands below the article's last paragraph of prose, whose prose is then its own (a bio, a
  comment, post metadata: `html_tail_boxes.py`).

Two helpers act before that, on the choice of the container (`read/extract.py` calls them): `not_article` names
the places an article never is (dialogs, pop-ups, cookie and login boxes, navigation, asides, footers, sidebars,
comments, bios), which readability-lxml's copy of the page goes without; `widen_to_prose` replaces a choice that
holds little of the page's prose by the ancestor that holds it.

Levels (`Cleaner(generic=...)`): "off" runs none of this module; "safe" acts on roles and class tokens, which a page's
author wrote to say what an element is, and on the narrow shapes of `html_shapes.py`; "aggressive" also acts on
looser shape (link-dense boxes after the article's end) and on weaker tokens (teaser, meta, date).
`Settings.second_opinion` adds trafilatura's extraction as a second opinion on short lines (`second_opinion.py`).

Every removal is judged first, as a generic HTML rule's is (`guard.refuse_html`): an element that holds a paragraph
of prose over 25 words stays, and the refusal is in the audit (a paragraph that is wholly a link's text is a teaser
of another page, not prose of this one: `html_shapes.guarded_paragraphs`; nor are the excerpts of a related
list's teaser items: `html_teasers.py`). The element that holds most of the
container's text is never a candidate (a page that puts "comments-enabled" on its article body). Removals are
`Removal(kind="html")` under the plugin "generic-html", rule "generic-html/<kind>", with the evidence in
`Removal.evidence`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ..document import Removal
from ..read.page import PLACEHOLDER
from ..rules.model import GENERIC_PRIORITY, Rule
from ..text import is_prose
from . import (
    html_credits,
    html_headings,
    html_shapes,
    html_structures,
    html_tail_boxes,
    html_teaser_cards,
    html_teaser_runs,
    html_teasers,
    html_widgets,
)
from .html_rules import paragraph_texts, replace_with_placeholder
from .html_vocabulary import (
    ARTICLE_NAME,
    NOT_ARTICLE,
    NOT_ARTICLE_ROLES,
    NOT_ARTICLE_TAGS,
    ROLE_KIND,
    SCREEN_READER,
    TAG_KIND,
    TOKENS,
)

PLUGIN = "generic-html"


def _rule(id: str, description: str) -> Rule:
    return Rule(id=id, plugin=PLUGIN, kind="html", description=description, priority=GENERIC_PRIORITY)


RULES = {
    r.id: r
    for r in (
        _rule("comments", "a comment section, its form or its counters"),
        _rule("share", "share and follow links"),
        _rule("related", "related, recommended, most-read or next/previous story links"),
        _rule("newsletter", "a newsletter, subscription, sign-in or paywall box"),
        _rule("promo", "an advertisement, sponsored or affiliate box"),
        _rule("bio", "an author bio or byline box"),
        _rule("tags", "tags, categories and post metadata"),
        _rule("navigation", "navigation: menus, breadcrumbs, pagination, a table of contents"),
        _rule("ui", "page controls: gallery counters and buttons, print and tool bars, screen-reader-only text"),
        _rule("legal", "a copyright, licence or citation block"),
        _rule("aside", "an element the page marks as tangential (aside, footer, a landmark role)"),
        _rule("form", "a form"),
        _rule("links", "a box that is mostly links"),
        _rule("heading", "a heading that only introduced a removed element"),
        _rule("title", "the page's title above the article, which the metadata carries"),
        _rule("dateline", "a date or byline line above the article's first paragraph"),
        _rule("published", "a line that says when the page was published or changed"),
        _rule("credit", "a photo credit in a figure"),
        _rule("teasers", "a run of other stories' teasers: headline links with an excerpt or a picture"),
        _rule(
            "second-opinion",
            "a short line outside the article's paragraphs, or a box its markup names as furniture, that trafilatura "
            "leaves out",
        ),
    )
}

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_WS = re.compile(r"\s+")
# Elements that never get removed by themselves here (the walk goes on into them).
_NEVER = frozenset({"html", "body", "head", "title", "tr", "td", "th", "tbody", "thead", "tfoot", PLACEHOLDER})
# Inline elements: judged only when they stand as a line of their own, never cut out of a line of text.
_INLINE = frozenset({"a", "span", "b", "i", "em", "strong", "small", "time", "label", "font", "u", "abbr", "img"})

Judge = Callable[[Rule, list[str]], "str | None"]


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip().lower()


def _text_size(el) -> int:
    """Characters of text, whitespace aside (pages indent their markup a lot, and unevenly)."""
    text = el.text_content()
    return len(text) - sum(map(text.count, " \n\t\r"))


def _link_density(el, size: int) -> float:
    if not size:
        return 0.0
    return sum(_text_size(a) for a in el.iter("a")) / size


def evidence_for(el, level: str, names: str | None = None) -> tuple[str, str] | None:
    """What the element's markup says it is: (kind, evidence), or None when it says nothing we act on. `names` is
    the element's `_names`, when the caller has it."""
    tag = el.tag if isinstance(el.tag, str) else ""
    role = (el.get("role") or "").strip().lower()
    if role in ROLE_KIND:
        return ROLE_KIND[role], f'role="{role}"'
    if tag in TAG_KIND:
        return TAG_KIND[tag], f"<{tag}>"
    if names is None:
        names = _names(el)
    if not names or ARTICLE_NAME.search(names):
        return None
    for kind, pattern in TOKENS.safe if level != "aggressive" else TOKENS.safe + TOKENS.aggressive:
        m = pattern.search(names)
        if m:
            shown = names if len(names) <= 60 else names[:57] + "..."
            return kind, f'"{m.group(0).strip(" _-")}" in class/id "{shown}"'
    return None




def _widget_evidence(el, article, names: str) -> tuple[str, str] | None:
    """A sidebar of widgets, or a widget of one (`html_widgets.py`); never an element named as the article body."""
    if not names or ARTICLE_NAME.search(names):
        return None
    return html_widgets.evidence(el, names, article)


def shape_evidence(el, layout: html_shapes.Layout) -> tuple[str, str] | None:
    """What the element's shape and place say it is (`html_shapes.py`), when its markup says nothing. Only short
    elements are read (a line, a heading, a box of links), so that no box of the page is read whole."""
    tag = el.tag
    if tag not in _SHAPE_TAGS:
        return None
    size = layout.size.get(el, 0)
    if not size:
        return None
    if size <= 350:
        if tag in _SHAPE_INSERTS and layout.link_share(el) >= 0.5:  # a read-also line is mostly its link
            found = html_shapes.read_also(el, layout)
            if found:
                return "related", found
        if size <= 120 and tag in _LABEL_LINES:  # (an ad label alone is a word or two; a reading-time line a byline)
            label = html_shapes.label_line(el)
            if label:
                return label
        if size <= 120:
            found = html_shapes.published_line(el)
            if found:
                return "published", found
        if el in layout.figure:
            found = html_shapes.credit(el, layout)
            if found:
                return "credit", found
        if size <= 120 and tag in _LABEL_LINES:
            found = html_shapes.credit_line(el)
            if found:
                return "credit", found
        found = html_shapes.date_before_prose(el, layout)
        if found:
            return "dateline", found
    if tag in ("div", "section"):
        found = html_shapes.heading_over_links(el)
        if found:
            return "related", found
    found = html_shapes.links_after_prose(el, layout)
    if found:
        return "links", found
    return None


def _lone_link(el, layout: html_shapes.Layout) -> tuple[str, str] | None:
    found = html_shapes.lone_link_after_prose(el, layout) if el.tag in ("p", "div") else None
    return ("links", found) if found else None


def heading_evidence(el, layout: html_shapes.Layout) -> tuple[str, str] | None:
    """A heading whose words name furniture, or the box it heads (`html_headings.py`)."""
    if el.tag in _INLINE and ((el.tail or "").strip() or not _first_text(el)):
        return None  # a piece of a line of text (most inline elements, and cheaply said)
    if el.tag in html_headings.BOXES:
        found = html_headings.box_under_heading(el, layout, layout.total)
        if found:
            return found
    if layout.size.get(el, 0) <= 100:
        return html_headings.furniture_heading(el, layout)
    return None


def _first_text(el) -> bool:
    """No text stands right before the element in its parent."""
    prev = el.getprevious()
    if prev is None:
        parent = el.getparent()
        return parent is None or not (parent.text or "").strip()
    return not (prev.tail or "").strip()


_SHAPE_INSERTS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6"})
# Every tag a shape detector may take (the others are never asked: most of a page is inline markup).
_SHAPE_TAGS = frozenset(
    {"p", "div", "span", "li", "ul", "ol", "dl", "section", "table", "figure", "figcaption", "center", "aside",
     "header", "h2", "h3", "h4", "h5", "h6", "strong", "b", "small", "time", "em", "i", "cite"}
)
# What may be a label line: blocks and stand-alone spans; inline elements are judged through the block that holds
# them (a "Sponsored" badge inside a line of text stays with its line).
_LABEL_LINES = frozenset(
    {"p", "div", "span", "li", "figure", "figcaption", "center", "section", "aside", "h2", "h3", "h4", "h5", "h6"}
)


def not_article(root) -> list:
    """The elements of a page the article cannot be in: dialogs and pop-ups (a role, `aria-modal`, a class or id
    that says pop-up, overlay, login, cookie or consent), navigation, asides and footers, sidebars, comment sections
    and author bios. readability-lxml's copy of the page goes without them, so that it does not choose one of them
    as the article. An element that holds most of the page's text is never one of them (a page whose every part sits
    in a `div#overlay-wrapper`)."""
    body = root.find("body")
    if body is None:
        body = root
    total = _text_size(body)
    found: list = []

    def walk(parent) -> None:
        for el in parent:
            if not isinstance(el.tag, str):
                continue
            names = _names(el)
            if (
                el.tag in NOT_ARTICLE_TAGS
                or (el.get("role") or "").strip().lower() in NOT_ARTICLE_ROLES
                or el.get("aria-modal") == "true"
                or (
                    names
                    and NOT_ARTICLE.search(names)
                    and not ARTICLE_NAME.search(names)
                    and not _only_in_hooks(el, names)
                )
            ) and _text_size(el) <= 0.5 * total:
                found.append(el)  # and nothing inside it: it goes whole
            elif len(el):
                walk(el)

    walk(body)
    return found


# A script's hook ("js-lightbox-gallery", "js-popup-trigger"): a class that says what a script does with the element
# (opens its pictures in a lightbox), not what the element is. Dropped before `not_article` reads a name: the box of
# an article's text and pictures on a Red Cross page is `div.o-media.js-lightbox-gallery`.
_HOOKS = re.compile(r"(?:^|\s)js[-_]\S*")


def _only_in_hooks(el, names: str) -> bool:
    """Whether every word of the element's name that says "not the article" is inside a script's hook."""
    return not NOT_ARTICLE.search(_HOOKS.sub(" ", names))


_BOXES = frozenset({"p", "div", "section", "article", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "figure", "form", "header", "footer", "aside", "nav", "main"})


_FEW_PARAGRAPHS = 1000  # characters of prose in <p> elements under which a page's divs are read as paragraphs


def _prose(body, tag: str, outside: set) -> list:
    """(element, characters) of each element of `tag` that reads as prose; a div only when it holds no box."""
    found = []
    for el in body.iter(tag):
        if el in outside or (tag == "div" and any(d.tag in _BOXES for d in el.iterdescendants())):
            continue
        text = _WS.sub(" ", el.text_content()).strip()
        # A div inside a link, or whose words are mostly a link's, is a teaser of another page (a related box under
        # a short, walled article), not the article's text written in divs.
        if tag == "div" and (
            any(a.tag == "a" for a in el.iterancestors())
            or 2 * sum(len(a.text_content()) for a in el.iter("a")) >= len(text)
        ):
            continue
        if is_prose(text):
            found.append((el, len(text)))
    return found


def widen_to_prose(root, chosen: list, excluded: list | None = None) -> list:
    """readability-lxml's choice, or the nearest ancestor of it that holds the page's prose the choice left out.

    readability scores paragraphs and takes the best box with its scored siblings; on pages that cut the article
    into boxes of different kinds (a lede box, a body box, a steps box) or put a short teaser box beside it, it takes
    one box. When the choice holds less than half of the page's prose (paragraphs that read as prose, outside the
    places the article never is), the nearest ancestor that holds four fifths of it is taken instead, as long as it
    is not the page's body; a choice of 1,200 characters or more that holds at least 15% of the prose stays.
    `excluded` is what `not_article` found on this page, when the caller has it."""
    body = root.find("body")
    if body is None:
        return chosen
    if excluded is None:
        excluded = not_article(root)
    outside = {p for el in excluded for p in el.iter("p", "div")}
    prose = _prose(body, "p", outside)
    total = sum(size for _, size in prose)
    if total < _FEW_PARAGRAPHS:  # a page that writes its text in divs: a div that holds no box is a paragraph
        prose += _prose(body, "div", outside)
        total = sum(size for _, size in prose)
    if not total:
        return chosen
    held_by_choice = {p for el in chosen for p in el.iter("p", "div")}
    inside = sum(size for p, size in prose if p in held_by_choice)
    # A choice of some size that holds a fair share of the prose is the article beside other articles' teasers or
    # readers' comments, which also read as prose: it stays.
    if inside >= 0.5 * total or (inside >= 0.15 * total and sum(_text_size(el) for el in chosen) >= 1200):
        return chosen
    common = None
    for el in chosen:
        chain = [el, *el.iterancestors()]
        common = chain if common is None else [a for a in chain if a in set(common)]
    excluded_set = set(excluded)
    for ancestor in common or []:
        if ancestor is body or ancestor.tag == "html":
            break
        if ancestor in excluded_set:
            continue
        held = {p for p in ancestor.iter("p", "div")}
        if sum(size for p, size in prose if p in held) >= 0.8 * total:
            return [ancestor]
    return chosen


def _stands_alone(el) -> bool:
    """An inline element that is not a piece of a line of text: nothing but whitespace beside it in its parent."""
    parent = el.getparent()
    if parent is None:
        return True
    own = el.text_content()
    rest = parent.text_content().replace(own, "", 1)
    return not rest.strip()


# Kinds whose boxes, when the guard keeps them for a paragraph of prose (a long comment, a bio, a teaser), still lose
# their short lines: a comment form's labels and buttons, a bio's name line, a related list's headlines and "read
# more" links. For `related` only links and headings: a box misnamed "related" may hold the article's own lines.
_LINES_OF_REFUSED = frozenset({"comments", "form", "newsletter", "bio", "navigation", "share", "tags", "related"})
_LINE_TAGS = frozenset({"p", "div", "span", "li", "a", "label", "button", "h2", "h3", "h4", "h5", "h6", "strong",
                        "b", "dt", "dd", "small", "time"})


def _short_lines(box, kind: str, code: set) -> list:
    """The short lines of a box: elements of eight words or fewer, no prose, that are a line of their own (a block
    with no block inside, a heading, or an inline element standing as a line), outermost first."""
    lines: list = []
    taken: set = set()
    for el in box.iterdescendants():
        if not isinstance(el.tag, str) or el.tag not in _LINE_TAGS or el in code or el.tag == PLACEHOLDER:
            continue
        if any(a in taken for a in el.iterancestors()):
            continue
        if kind == "related" and el.tag not in _HEADINGS and el.tag != "a":
            continue
        text = _short_text(el, 80)
        if not text or len(text.split()) > 8 or is_prose(text):
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
            continue
        if el.tag in _INLINE and not (_stands_alone(el) or _own_line(el)):
            continue
        lines.append(el)
        taken.add(el)
    return lines


def _inline_ok(el, kind: str) -> bool:
    """Whether an inline element may go: when it is a line of its own, or is set apart by its own element as what
    is never the article's words: a photo credit, a short copyright or credit note (a piece of its caption's line)
    (a wiki's "[edit]" links inside its headings stay: Mozilla's Readability keeps them)."""
    if kind == "credit" or _stands_alone(el):
        return True
    if kind == "ui" and SCREEN_READER.search(_names(el)):
        return True  # (text no reader sees, a piece of its line or not)
    # (a date line above the article that is a piece of a paragraph is its standfirst: "Bern, 17.08.2007 - Speech
    # by ... at the summit<br>...")
    if kind != "dateline" and _own_line(el):
        return True
    if kind == "legal":
        text = _WS.sub(" ", el.text_content()).strip()
        return len(text.split()) <= 12 and not is_prose(text)
    return False


_BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "aside", "ul", "ol", "li", "table",
                     "figure", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "dl",
                     "dd", "dt", "form", "nav", "main"})


def _own_line(el) -> bool:
    """An inline element that stands as a line of its own among blocks: no text right before or after it, and the
    elements beside it are blocks (or none)."""
    if (el.tail or "").strip():
        return False
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        if (prev.tail or "").strip():
            return False
        prev = prev.getprevious()
    if prev is None:
        parent = el.getparent()
        if parent is None or (parent.text or "").strip():
            return False
    elif (prev.tail or "").strip() or prev.tag not in _BLOCKS:
        return False
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        if (nxt.tail or "").strip():
            return False
        nxt = nxt.getnext()
    return nxt is None or nxt.tag in _BLOCKS


def _link_box(el, size: int) -> str | None:
    """Shape alone (aggressive): a box of three or more links that is mostly link text and holds no prose."""
    links = [a for a in el.iter("a") if _text_size(a)]
    if len(links) < 3:
        return None
    density = _link_density(el, size)
    if density < 0.7:
        return None
    return f"{len(links)} links, link density {density:.2f}"


def strip_boilerplate(
    article,
    level: str,
    removals: list[Removal],
    judge: Judge | None,
    title: str | None = None,
    second_opinion: str | None = None,
) -> None:
    """Find the container's boilerplate and replace each element with a placeholder, appending its `Removal` (with
    `evidence`) to `removals` (the HTML rules' list: placeholders index into it). `judge` is the guard's check; an
    element it refuses stays in place, its removal in the audit with the reason, and its insides are still looked
    at. `level` is "safe" or "aggressive"; "off" is never passed here. `title` is the page's title (metadata): a
    heading above the article's first paragraph that repeats it is the page's title, which the metadata carries
    (removed at the aggressive level only). `second_opinion` is trafilatura's text of the page, when asked for: short
    non-prose lines outside the article's paragraphs that it leaves out go too (`second_opinion.py`)."""
    if level == "off":
        return
    total = _text_size(article)
    if not total:
        return
    captions = html_credits.captions(article)
    for caption in captions:  # a credit at the end of a caption's text gets an element of its own
        html_credits.set_apart(caption)
    tails = html_credits.copyright_tails(article, captions)  # ... and "... | © Agency" ending a plain line
    layout = html_shapes.Layout.of(article)  # where the article's prose starts and ends, for shape evidence
    for caption in captions:  # (a caption known by its class is a figure's)
        layout.figure.update(caption.iter())
    layout.figure.update(tails)
    structures = html_structures.Structures(article, layout, level)  # contents, a graphic's labels, metadata lines
    teaser_runs = html_teaser_runs.TeaserRuns(article, layout)  # other stories' cards, where no class names them
    candidates: list[tuple] = []  # (element, kind, evidence, size, counts towards its kind's share)
    # The headline is the article's own text to many readers: only the aggressive level leaves it to the metadata.
    heading = _title_heading(article, title) if title and level == "aggressive" else None
    if heading is not None:
        candidates.append((heading, "title", "repeats the page's title (metadata)", _text_size(heading), True))
    code = {el for block in article.iter("pre", "code") for el in block.iterdescendants()}
    for el in article.iter():
        if not isinstance(el.tag, str) or el.tag in _NEVER or el is article or el in code:
            continue  # (a code listing is the article's, whatever its highlighter calls its tokens: "comment")
        names = _names(el)  # (read once: reading an lxml element's attributes is dear)
        found = evidence_for(el, level, names)
        size = 0
        named = True  # by markup or shape: counts towards its kind's share of the container (below)
        if found is None:
            found = _widget_evidence(el, article, names)
        if found is None:
            found = structures.evidence(el)
        if found is None:
            found = teaser_runs.evidence(el)
        if found is None and "teaser" in names and level != "aggressive":  # (aggressive: every "teaser" by name)
            found = html_teaser_cards.evidence(el, names, layout)
        if found is None:
            found = shape_evidence(el, layout)
        if found is None:
            found = heading_evidence(el, layout)
            named = found is None
        if found is None:
            found = _lone_link(el, layout)
        if found is None and level == "aggressive" and el.tag in ("ul", "ol", "div", "section", "table"):
            size = _text_size(el)
            shape = _link_box(el, size) if size else None
            if shape is not None and layout.after_prose(el):
                found = ("links", f"{shape}, after the article's last paragraph")
        if found is None:
            continue
        size = size or _text_size(el)
        if not size or size > 0.5 * total:
            continue  # the element holding most of the container's text is the article, whatever its name says
        if el.tag in _INLINE and not _inline_ok(el, found[0]):
            continue
        candidates.append((el, *found, size, named))
    # Elements of one kind that together hold most of the container's text are what the page is about (the
    # "comment" entries of a live blog, the "teaser" boxes of an overview page): that kind stays.
    shares: dict[str, int] = {}
    outer: set = set()
    # Furniture headings and the boxes they head do not count: a heading's words name furniture whatever the size
    # of its box, and counted, a page's many "related" boxes could make that kind its content.
    for el, kind, _, size, counts in candidates:
        if not counts:
            continue
        if not any(a in outer for a in el.iterancestors()):
            outer.add(el)
            shares[kind] = shares.get(kind, 0) + size
    content = {kind for kind, size in shares.items() if size > 0.5 * total}
    removed: set = set()
    markers: list = []
    kept: list = []  # (element, evidence) of the boxes with markup evidence the guard kept for their prose
    # Where the article's prose ends, outside the boxes the markup names: a furniture box below it holds its own
    # prose (a bio, a comment, post metadata), not the article's (html_tail_boxes.py).
    # ... and so does a furniture box outside the column that holds the article's prose, in a container wider than
    # that column (a page's wrapper of the article and its sidebar).
    own = html_tail_boxes.article_of(layout, [c[0] for c in candidates if c[4] and c[1] not in content])
    for el, kind, evidence, _, _counts in candidates:
        if kind in content or el in removed or any(a in removed for a in el.iterancestors()):
            continue
        use = judge
        if _counts and judge is not None:
            if html_tail_boxes.in_tail(layout, el, kind, own.end):
                use, evidence = html_tail_boxes.judged(el, RULES[kind], evidence, judge, second_opinion)
            elif html_tail_boxes.beside_column(layout, el, kind, own):
                use, evidence = html_tail_boxes.judged(
                    el, RULES[kind], evidence, judge, second_opinion, where=html_tail_boxes.BESIDE
                )
        marker = _remove(el, kind, evidence, removals, use)
        if marker is not None:
            removed.add(el)
            _take_heading(marker, removals, judge)
            markers.append(marker)
            continue
        if _counts:
            kept.append((el, evidence))
        if _counts and kind in _LINES_OF_REFUSED:  # the guard kept the box for its prose: its short lines go
            for line in _short_lines(el, kind, code):
                why = f"a short line of a box the guard kept ({evidence})"
                if _remove(line, kind, why, removals, judge) is not None:
                    removed.add(line)
    _take_leftovers(article, markers, removals, judge)
    if second_opinion is not None:  # trafilatura's text of the page (Settings.second_opinion): second_opinion.py
        from .second_opinion import strip_absent

        strip_absent(article, second_opinion, removals, judge, _remove, kept=kept)


_FOLD = re.compile(r"\W+")


def _title_heading(article, title: str):
    """The first heading of the container, when it comes before any paragraph of prose and says what the page's
    title says (the title may add the site's name)."""
    wanted = _FOLD.sub(" ", title).strip().lower()
    if not wanted:
        return None
    for el in article.iter("h1", "h2", "h3", "p"):
        text = _FOLD.sub(" ", el.text_content()).strip().lower()
        if el.tag == "p":
            if is_prose(text):
                return None
            continue
        if text and (text == wanted or (len(text) >= 20 and text in wanted)):
            return el
        return None
    return None


def _remove(el, kind: str, evidence: str, removals: list[Removal], judge: Judge | None):
    """The removal of one element, judged first; the placeholder that stands in its place, or None if refused."""
    rule = RULES[kind]
    text = _WS.sub(" ", el.text_content()).strip()
    removal = Removal(rule=rule.qualified, plugin=PLUGIN, text=text, kind="html", evidence=(evidence,))
    removals.append(removal)
    if judge is not None:
        removal.refused = judge(rule, paragraph_texts(el))
        if removal.refused is not None:  # unless the prose it saw is teasers inside links (html_shapes)
            removal.refused = judge(rule, html_shapes.guarded_paragraphs(el, paragraph_texts))
        if removal.refused is not None and kind == "related":  # ... or a related list's excerpts (html_teasers)
            removal.refused = judge(rule, html_teasers.shown(el, html_shapes.guarded_paragraphs(el, paragraph_texts)))
        if removal.refused is not None:
            return None
    return replace_with_placeholder(el, len(removals) - 1)


def _take_heading(marker, removals: list[Removal], judge: Judge | None) -> None:
    """A short heading right above a removed element, with nothing of its own below it (the removed element is the
    last thing before the next heading or the end of its parent), introduced that element: it goes too."""
    heading = _element_before(marker)
    if heading is None or heading.tag not in _HEADINGS:
        return
    text = _WS.sub(" ", heading.text_content()).strip()
    if not text or len(text.split()) > 8:
        return
    following = _element_after(marker)
    while following is not None and following.tag == PLACEHOLDER:
        following = _element_after(following)
    if following is not None and following.tag not in _HEADINGS:
        return
    _remove(heading, "heading", f"a heading over a removed element ({_quote(text)})", removals, judge)


def _take_leftovers(article, markers: list, removals: list[Removal], judge: Judge | None) -> None:
    """The title of a box whose content went ("Veja também:" over a list of removed links, "Related" over a removed
    grid): the highest box around a removed element whose remaining text is a heading of eight words or fewer,
    smaller than what went from inside it, goes too."""
    done: set = set()
    for marker in markers:
        best = None
        for box in marker.iterancestors():
            if box is article or box in done or box.getparent() is None or html_credits.is_caption(box):
                break  # (what is left of a caption when its credit went is the caption, not a box's title)
            text = _short_text(box, 120)
            if text is None:
                break  # more text than a title's
            if not text:
                continue  # nothing but removed elements so far: look further up
            if len(text.split()) > 8 or is_prose(text) or not _all_heading(box):
                break
            gone = sum(len(removals[int(m.get("data-removal", -1))].text) for m in box.iter(PLACEHOLDER))
            if gone < len(text):
                break
            best = box
        if best is not None:
            done.add(best)
            text = _WS.sub(" ", best.text_content()).strip()
            _remove(best, "heading", f"the title of a box whose content was removed ({_quote(text)})", removals, judge)


def _short_text(el, limit: int) -> str | None:
    """The element's text, whitespace squashed, when it is `limit` characters or fewer; None when it is longer (read
    only as far as needed: the box may be the whole container)."""
    parts: list[str] = []
    n = 0
    for piece in el.itertext():
        n += len(piece)
        if n > 4 * limit:  # whitespace counts here; the squashed text is measured below
            return None
        parts.append(piece)
    text = _WS.sub(" ", "".join(parts)).strip()
    return text if len(text) <= limit else None


def _all_heading(box) -> bool:
    """Whether every piece of text left in `box` is a heading's, a title's (by class) or a label's (ends with ":")."""
    for el in box.iter():
        if not isinstance(el.tag, str) or el.tag == PLACEHOLDER:
            continue
        own = (el.text or "").strip()
        if own and not _heading_text(el, own):
            return False
        tail = (el.tail or "").strip()
        if tail and el is not box and not _heading_text(el.getparent(), tail):
            return False
    return True


_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|heading|headline|head|header|label|caption)(?=$|[\s_-])|title")


def _heading_text(el, text: str) -> bool:
    if text.endswith(":"):
        return True
    for e in (el, *el.iterancestors()):
        if e.tag in _HEADINGS or e.tag in ("strong", "b") or _TITLE_CLASS.search(_names(e)):
            return True
        if e.tag in ("p", "div", "li", "section", "article", "body"):
            return False
    return False


def _element_before(el):
    """The element just before `el` in its parent, if only whitespace stands between them."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None or (prev.tail or "").strip():
        return None
    return prev


_TEXT = "text"  # a stand-in for text that follows an element in its parent


def _element_after(el):
    """The element just after `el` in its parent; a stand-in element when text comes first; None at the end."""
    if (el.tail or "").strip():
        return etree.Element(_TEXT)
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    return nxt


def _quote(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")
