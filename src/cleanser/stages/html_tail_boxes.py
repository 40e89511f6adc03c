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


def article_end(layout, furniture: list) -> int | None:
    """The position (document order) of the article's last paragraph of prose outside every element in
    `furniture`, when at least two such paragraphs stand in the container; None otherwise."""
    spans = sorted((layout.order[el], layout.end[el]) for el in furniture if el in layout.order)
    starts = [a for a, _ in spans]
    ends: list[int] = []  # the furthest end of any span opening at or before each start (spans nest or follow)
    reach = -1
    for _, b in spans:
        reach = max(reach, b)
        ends.append(reach)
    count = 0
    last = None
    for pos in layout.prose:
        i = bisect_left(starts, pos + 1) - 1  # the last span opening at or before the paragraph
        if i >= 0 and ends[i] >= pos:
            continue  # inside a furniture box
        count += 1
        last = pos
    return last if count >= MIN_ARTICLE_PARAGRAPHS else None


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
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if kind == "comments" and not _THREAD.search(names):
        return False
    return not _STATE.search(names) and not _SECTION.search(names) and not _WALL.search(names)


def judged(el, rule, evidence: str, judge, extracted: str | None = None):
    """(the guard's check, the evidence) for a box in the article's tail: when the guard would keep it for its prose,
    and no second opinion (`extracted`) holds that prose, the guard is shown the box less its own prose and the
    evidence says where the box stood; otherwise both as they were."""
    if held_by(el, extracted) or judge(rule, paragraph_texts(el)) is None:
        return judge, evidence
    return shown(judge), f"{evidence}, below the article's last paragraph of prose"


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
