"""A site's legal footer in a plain text: a line that opens with a copyright notice.

Every site prints a copyright notice at the foot of its pages, and a naive scrape keeps it when the footer was a
`<p>`: "© 2015 Example Co. Theme: Ari by Elmastudio. Proudly powered by WordPress.", "Copyright © 2020 by:
example.com • Design by: ...", "Example Local © 2022. All rights reserved.". The zone stage (`generic_zones.py`)
took such a line as a tail's boundary only when it was short and no sentence, or when the learned boundary
vocabulary ("All rights reserved", "Impressum") stood in it; a longer notice with a site's own words ("Theme",
"Design by", a street address) read as a sentence of the article, and at the end of a document it made the
document "end on the article", so nothing under the article was looked at.

No sentence of an article opens with a copyright sign, or with a name of a few words and a dated one ("Example
Local © 2022"): `opens_with_notice` says a line does. Such a line is no article prose to the zone stage, and is a
boundary of a tail whatever its words and up to a footer's length; what stands under it must still read as
furniture, as under every boundary (`generic_zones._furniture_below`), and the article above it must have closed.

What it does not take: a notice that opens with the bare word "Copyright" and a name ("Copyright Folha de
S.Paulo. ...": "Copyright lawyers said ..." opens a sentence the same way), "(c)" without a year (it letters the
third item of a legal list), and a picture credit at the end of a caption ("Sunset over the bay. © Jane Doe": the
caption is the article's). The sign anywhere else in a line ("This is no manifesto™© we just ...") says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import CODE, TABLE, Block
from ..text import word_count

FOOTER_WORDS = 80  # a footer's notice with its address, licence and links
_YEAR = r"(?:19|20)\d\d\b"
# The sign (or "(c)" with a year, or "Copyright" with the sign, "by" or a year) at the very start of the line, a
# bullet or bracket aside.
_OPENING = re.compile(
    rf"[\s\W]{{0,2}}(?:©|\(c\)\s*{_YEAR}|copyright\s*(?:©|\(c\)|by\b|{_YEAR})|©?\s*copyright\s*©)",
    re.IGNORECASE,
)
# A name of one to four words, then the sign (or "Copyright") and a year: "Example Local © 2022", "BONDY BLOG ©
# 2019". The year is what makes it a notice: "Sunset over the bay © Jane Doe" is a caption's credit.
_NAMED = re.compile(rf"(?:[\w.&'’-]+ ){{1,4}}(?:©|copyright ?©?) ?{_YEAR}", re.IGNORECASE)


def may_hold_notice(text: str) -> bool:
    """Whether a text may hold a copyright notice at all: the sign, the word or "(c)" somewhere in it. One look
    at a whole document spares its lines the tests of `opens_with_notice`."""
    return "©" in text or "opyright" in text or "OPYRIGHT" in text or "(c)" in text or "(C)" in text


def opens_with_notice(text: str) -> bool:
    """Whether the line opens with a copyright notice: the sign (or "Copyright ©", "Copyright 2020", "(c) 2020")
    first, or a name of up to four words and a dated sign."""
    if not may_hold_notice(text):
        return False  # most lines
    return bool(_OPENING.match(text) or _NAMED.match(text))


MIN_ABOVE = 100  # words of article prose above a footer: an article to close
BELOW_SHARE = 0.25  # of the words of article prose above it, at most this many may read as prose below it
MAX_UNDER = 6  # kept lines under a dated notice: a banner or two, a box's lines, not a page of them


def dated_notice(text: str) -> bool:
    """A line that opens with a copyright notice with its year: the foot of a page, not a picture's credit."""
    return opens_with_notice(text) and _DATED.search(text) is not None


_DATED = re.compile(_YEAR)


def footer_tail(
    blocks: list[Block],
    states: list[str],
    article: Callable[[int], bool],
    structured: Callable[[Block], bool],
) -> tuple[int, list[str]] | None:
    """(first line, evidence) of a tail that starts at a dated copyright notice below the article, or None.

    A page's footer comes last in its markup, and what a naive scrape keeps under the notice is what the page put
    after its footer: a cookie banner, a newsletter modal, a "support us" box, scripts. Those read as prose, so
    the boundary tails of `generic_zones.py` stop at them. Under a dated notice they go too, when the notice is no
    more than FOOTER_WORDS words and stands under the article: at least MIN_ABOVE words of article prose above it,
    and under it at most BELOW_SHARE of that (a scrape of several articles, each with its notice, keeps every one
    but the last's footer) in at most MAX_UNDER kept lines (a banner or two; a page of lines under a footer is a
    shop's cart or another section, not its furniture), and no table, code, protected or structured line under it
    (a written text's own section). `article(i)` says whether line i reads as article prose."""
    notice = next(
        (i for i, (b, s) in enumerate(zip(blocks, states, strict=True))
         if s != "ruled" and word_count(b.text) <= FOOTER_WORDS and dated_notice(b.text)),
        None,
    )
    if notice is None:
        return None
    above = sum(word_count(blocks[i].text) for i in range(notice) if states[i] != "ruled" and article(i))
    if above < MIN_ABOVE:
        return None
    below = 0
    if sum(1 for i in range(notice + 1, len(blocks)) if states[i] != "ruled") > MAX_UNDER:
        return None
    for i in range(notice + 1, len(blocks)):
        b = blocks[i]
        if states[i] == "ruled":
            continue
        if b.kind in (TABLE, CODE) or b.protected_by is not None or structured(b):
            return None
        if article(i):
            below += word_count(b.text)
    if below > BELOW_SHARE * above:
        return None
    why = [f"a dated copyright notice below {above} words of article prose, {below} words of prose under it"]
    return notice, why
