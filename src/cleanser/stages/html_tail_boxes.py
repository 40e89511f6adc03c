"""Boxes the markup names as furniture, standing under the article: their prose is theirs, not the article's.

The guard keeps any element of the generic layer that holds a paragraph of prose of more than 25 words, because an
article's paragraph looks the same. So a box whose class says what it is still stays when it holds a sentence or two:
an author bio ("X is a photographer from Hamburg. I like every kind of photography, but ..."), a WordPress theme's
post metadata ("This entry was posted on Tuesday ... and is filed under ... You can follow any responses ..."), a
reader's comment, a "related posts" list whose excerpts are long, a donation or newsletter pitch.

Where such a box stands tells what its prose is. The article's prose is the paragraphs of the container outside every
box the markup names as furniture; a box of one of the kinds below that starts after the last of them, under at
least two paragraphs of the article, is the page's furniture in the article's tail, and what reads as prose inside
it is the bio's, the comment's or the pitch's own. The removal is still the guard's to judge, shown the box's
paragraphs less its own prose (`shown`), and the audit says where the box stood.

Where the container is wider than the article (a page's wrapper of the post and its sidebar, or the body itself),
the article's prose stands in a column of its own: the deepest element that holds four fifths of it. A box of those
kinds, or a widget area and a landmark (`aside`), that stands outside that column, before or after it, is the page's
furniture beside the article (a sidebar's feed summaries, a sign-up pitch, a bio in the sidebar), judged the same way
and audited "outside the box that holds the article's prose".

Never acted on: a box that starts above or between the article's paragraphs (a fact box, a pull quote, a quoted
comment in the flow stays: the guard keeps it as before), a box of a kind whose words do not say "not the article"
(`aside`, `footer` and landmark roles, forms, navigation, page controls, legal notes, `share`, `related`), a box
whose name
is a wrapper's state ("comments-enabled", "has-comments": themes put those on the article's own boxes) or also
names an article's own last section ("discussion", "biography", "topics", "registration"), a single "comment" or
"Kommentar" (a newspaper's opinion piece under its report; a readers' thread is named in the plural or as a list), a
box named for a wall ("paid-content", "paywall", "premium": the article's continuation for subscribers), a page with
fewer than two paragraphs of prose outside furniture (a short text whose only prose is in a misnamed box), and, with
the second opinion on, a box whose prose trafilatura's extraction holds.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..text import is_prose
from .html_rules import paragraph_texts

# The kinds whose class or id names furniture that is written in sentences: bios, comments, post metadata,
# newsletter and donation pitches, and a run of other stories' cards with their excerpts
# (`html_teaser_runs.py`: told by structure, three like items each opening with a headline link to the site's own
# pages). Not `share`: its "social…" token also names a topic ("social-impact"), and a share bar holds no prose.
# Not `related`: a box named "related-content" with a paragraph outside any run of teaser items may be the
# article's own further reading, and the guard keeps it (`html_teasers.py`).
TAIL_KINDS = frozenset({"comments", "bio", "tags", "newsletter", "promo", "teasers"})
MIN_ARTICLE_PARAGRAPHS = 2  # paragraphs of prose of the article above the box
# What the audit's evidence adds, by where the box stood.
_BELOW = "below the article's last paragraph of prose"
BESIDE = "outside the box that holds the article's prose"


def _article_prose(layout, furniture: list) -> list[int]:
    """The indices (into `layout.prose`) of the paragraphs of prose outside every element in `furniture`."""
    spans = sorted((layout.order[el], layout.end[el]) for el in furniture if el in layout.order)
    starts = [a for a, _ in spans]
    ends: list[int] = []  # the furthest end of any span opening at or before each start (spans nest or follow)
    reach = -1
    for _, b in spans:
        reach = max(reach, b)
        ends.append(reach)
    found = []
    for k, pos in enumerate(layout.prose):
        i = bisect_left(starts, pos + 1) - 1  # the last span opening at or before the paragraph
        if i >= 0 and ends[i] >= pos:
            continue  # inside a furniture box
        found.append(k)
    return found


@dataclass
class Article:
    """Where the article's own prose stands in the container: its last paragraph (`end`, a position in document
    order) and the span of its column (`column`: the deepest element holding four fifths of that prose, when that
    is not the container itself), each None when the container has fewer than two paragraphs of its own."""

    end: int | None
    column: tuple[int, int] | None


def article_of(layout, furniture: list) -> Article:
    """The article's prose outside every element in `furniture` (the boxes the markup names): where it ends, and the
    column that holds it."""
    own = _article_prose(layout, furniture)
    if len(own) < MIN_ARTICLE_PARAGRAPHS:
        return Article(None, None)
    return Article(layout.prose[own[-1]], _column(layout, [layout.prose_elements[k] for k in own]))


def article_end(layout, furniture: list) -> int | None:
    """The position (document order) of the article's last paragraph of prose outside every element in
    `furniture`, when at least two such paragraphs stand in the container; None otherwise."""
    return article_of(layout, furniture).end


_COLUMN_SHARE = 0.8  # of the article's prose characters that its column holds


def _column(layout, paragraphs: list) -> tuple[int, int] | None:
    """The span (first and last position) of the deepest element holding four fifths of the paragraphs' text;
    None when only the container does. Elements holding that much form one chain of ancestors: the deepest is the
    one that comes last in document order."""
    weight: dict = {}
    total = 0
    for p in paragraphs:
        size = layout.size.get(p, 0)
        total += size
        for el in (p, *p.iterancestors()):
            if el not in layout.order:
                break  # above the container
            weight[el] = weight.get(el, 0) + size
    held = [el for el, w in weight.items() if w >= _COLUMN_SHARE * total]
    if not held:
        return None
    deepest = max(held, key=layout.order.__getitem__)
    if layout.order[deepest] == 0:
        return None  # the container itself: no column of its own
    return layout.order[deepest], layout.end[deepest]


# A class that says what state a wrapper is in rather than what it is ("comments-enabled", "has-comments",
# "no-comments", "share--open"): a theme puts such names on the article's own boxes.
_STATE = re.compile(
    r"(?:^|\s)(?:has|no|with|show|allow|enable|disable)[-_]+\w|"
    r"[-_](?:enabled?|disabled?|open|opened|closed|allowed|active|on|off|visible|hidden)(?=$|\s)"
)


# Names of furniture that also name an article's own last section: a paper's or a blog post's "Discussion", a
# musician's "Biography", an explainer's "Topics", an event's "Registration" (how to sign up for it). The guard keeps
# such a box's prose as before.
_SECTION = re.compile(
    r"(?:^|[\s_-])(?:discussion|biography|bio|topics?|keywords?|categories|register|registration)(?=$|[\s_-])"
)


# A readers' comment thread by its name: a plural or a list. "Kommentar" and "comment" alone also name a newspaper's
# opinion piece, which a regional paper prints in a box under its report.
_THREAD = re.compile(
    r"comments|kommentare|commentlist|comment-?(?:list|section|area|respond|form)|disqus|replies|respond"
)


# A wall's names: a site may put the article's continuation for subscribers in the page, in a box named for its wall
# ("paid-content", "paywall", "premium", "abo-only", "login-required"). Its prose is the article's.
_WALL = re.compile(
    r"paywall|paid|premium|subscriber|member|locked|restricted|log-?in|sign-?in|"
    r"(?:^|[\s_-])(?:abo|plus|exclusive)(?=$|[\s_-])"
)


def in_tail(layout, el, kind: str, end: int | None) -> bool:
    """Whether a box of `kind` starts after the article's last paragraph of prose (`article_end`), and its name is
    neither a wrapper's state, nor that of an article's own section, nor a wall's (nor, for comments, a single
    "comment")."""
    if end is None or kind not in TAIL_KINDS or layout.order.get(el, -1) <= end:
        return False
    return _names_its_own(el, kind)


# Beside the article's column, a widget area and a landmark (`aside`) are furniture too: a sidebar of feed summaries
# or a sign-up pitch in a page-wide container. Under the article they are not acted on (an HTML5 `footer` there may
# hold the article's footnotes), but no footnote stands outside the box that holds the article's prose.
COLUMN_KINDS = TAIL_KINDS | {"aside"}


def beside_column(layout, el, kind: str, article: Article) -> bool:
    """Whether a box of `kind` stands outside the column that holds the article's prose (before or after it, never
    around it), in a container wider than that column (a page's body, a wrapper of the article and its sidebar), and
    its name is its own as for `in_tail`."""
    if article.column is None or kind not in COLUMN_KINDS or el not in layout.order:
        return False
    start, stop = article.column
    if not (layout.end[el] < start or layout.order[el] > stop):
        return False
    return _names_its_own(el, kind)


def _names_its_own(el, kind: str) -> bool:
    """Whether the box's name is neither a wrapper's state, nor an article's own section's, nor a wall's (nor, for
    comments, a single "comment")."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if kind == "comments" and not _THREAD.search(names):
        return False
    return not _STATE.search(names) and not _SECTION.search(names) and not _WALL.search(names)


def judged(el, rule, evidence: str, judge, extracted: str | None = None, where: str = _BELOW):
    """(the guard's check, the evidence) for a box in the article's tail or beside its column: when the guard would
    keep it for its prose, and no second opinion (`extracted`) holds that prose, the guard is shown the box less its
    own prose and the evidence says where the box stood (`where`); otherwise both as they were."""
    if held_by(el, extracted) or judge(rule, paragraph_texts(el)) is None:
        return judge, evidence
    return shown(judge), f"{evidence}, {where}"


def shown(judge):
    """The guard's check for a box in the article's tail: it is shown the box's paragraphs that are not prose (its
    headings, names and labels), not the prose that is the box's own."""
    if judge is None:
        return None

    def check(rule, paragraphs: list[str]):
        return judge(rule, [p for p in paragraphs if not is_prose(p)])

    return check


def held_by(el, extracted: str | None) -> bool:
    """Whether another extraction of the page (the second opinion's, when asked for) holds any of the box's prose:
    then it may be the article's, and the guard keeps the box as before."""
    if extracted is None:
        return False
    from .second_opinion import prose_held

    return prose_held(el, extracted)
