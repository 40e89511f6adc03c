"""A subscriber-only article served as its opening: a sign of a wall and a declared length the page lacks.

Some paywalled pages show neither a declaration nor wall wording: the server sends the first paragraphs and leaves
the wall to a script. The text ends on a finished sentence, so no cut shows. What shows is the gap: the page's
schema.org `wordCount` is far above the words present, and the page itself holds no such number of words. With it,
any one of four signs of a wall makes the page `paywalled` and its text `truncated`:

- a premium label of the article's own, above its text ("PARA SUSCRIPTORES" and a lock, "Abonnés", "Vain
  tilaajille", "Member-only story"; the labels and where each was seen are in data/wall_wording.json,
  `premium_label`): `premium label "PARA SUSCRIPTORES" above a text far shorter than its schema.org wordCount`;
- paywall markup in the page's body (read/paywall_marks.py): `paywall markup (.isPaywall) around ...`;
- paywall software the page loads (stages/wall_vendors.py): `a paywall vendor's script (cdn.tinypass.com) on a
  page with ...`;
- a call to buy access right after the text (stages/wall_signs.py's offers): `a subscription offer ("Jetzt
  abonnieren") follows ...`.

The `truncated` value is the gap: `schema.org wordCount is 842, the text has 74 words before the paywall`.

Neither the gap nor a sign is enough alone: labels are also on related links and menus ("Article réservé à nos
abonnés Lire aussi ..."), markup sits on free pages of walled sites, free articles close with offers, and inflated
counts are common (some templates count characters, or the original of a translation).

A label counts only as an element's whole text, in the page's body outside scripts and templates, and above the
article's text (a label below it marks a teaser of another article)."""

from __future__ import annotations

import re
from functools import cache

from ..document import Document
from ..read.code import without_code
from ..read.metadata import PageInfo
from ..read.paywall_marks import paywall_marks
from .wall_signs import NOT_A_WALL, OFFER_AFTER_CHARS, REGWALL_NAME, SUBSCRIPTION_CALL
from .wall_vendors import paywall_vendors
from .wall_wording import alternation

WORD_COUNT_SHARE = 0.5  # the text holds less than this share of the declared count
MIN_GAP = 100  # and at least this many words fewer
MAX_WORD_COUNT = 20_000  # a declared count above this is no article's
OPENING_WORDS = 4  # the article's first words, found in the source to tell a label above it from one below
_BODY = re.compile(r"<body\b", re.I)


@cache
def _label() -> re.Pattern[str]:
    # The label is an element's whole text: between a tag's end and the next tag's start, spaces and an icon's
    # empty elements aside.
    return re.compile(r">\s*(" + alternation("premium_label") + r")\s*<", re.IGNORECASE)


def premium_label(source: str, first_words: list[str] | None = None) -> str | None:
    """The first premium label standing alone in the page's body, or None. With `first_words` (the opening words
    of the article's text), only a label before them counts: the article's own, not one on a teaser in a list
    after it; when the words cannot be found in the source (entities, markup inside them), any label counts."""
    at = _BODY.search(source)
    body = without_code(source, at.start() if at else 0)
    found = _label().search(body)
    if found is None:
        return None
    if first_words:
        glue = r"(?:\s|&nbsp;|<[^<>]*>)+"
        start = re.search(glue.join(re.escape(w) for w in first_words), body)
        if start is not None and start.start() < found.start():
            return None
    return " ".join(found.group(1).split())


def premium_gap(doc: Document, page: PageInfo, after: str = "") -> tuple[str, str] | None:
    """Why the page is paywalled and its text the opening of a longer article (see the module's doc), as
    (paywalled reason, truncated reason), or None. `after` is the page's visible text after the article."""
    declared = page.word_count or 0
    words = sum(len(b.text.split()) for b in doc.kept())
    if not (words < WORD_COUNT_SHARE * declared and declared - words >= MIN_GAP and declared <= MAX_WORD_COUNT):
        return None
    # The missing words are not on the page either (else the count is met and extraction missed them).
    if len(page.visible_text.split()) >= WORD_COUNT_SHARE * declared + words:
        return None
    gap = f"schema.org wordCount is {declared}, the text has {words} words"
    shorter = "a text far shorter than its schema.org wordCount"
    if page.source:
        opening = next((b.text.split() for b in doc.kept() if len(b.text.split()) >= OPENING_WORDS * 2), [])
        label = premium_label(page.source, opening[:OPENING_WORDS])
        if label is not None:
            return f'premium label "{label}" above {shorter}', gap
        marks = paywall_marks(page.source)
        if marks:
            prefix = "registration wall: " if any(REGWALL_NAME.search(mark) for mark in marks) else ""
            return f"{prefix}paywall markup ({', '.join(marks)}) around {shorter}", gap
        vendors = paywall_vendors(page.source)
        if vendors:
            return f"a paywall vendor's script ({', '.join(vendors)}) on a page with {shorter}", gap
    window = " ".join(after[:OFFER_AFTER_CHARS].split())
    offer = SUBSCRIPTION_CALL.search(window)
    if offer and not NOT_A_WALL.search(window):
        return f'a subscription offer ("{offer.group(0)}") follows {shorter}', gap
    return None
