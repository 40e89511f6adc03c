"""A subscriber-only article served as its opening: a premium label above it and a declared length it lacks.

Some paywalled pages show neither a declaration nor wall wording: the server sends the first paragraph, marks the
article with a label of its own above the headline ("PARA SUSCRIPTORES" and a lock, "Abonnés", "Vain tilaajille",
"FOR ABONNENTER"; the labels and where each was seen are in data/wall_wording.json, `premium_label`), and leaves the
wall to a script. The text ends on a finished sentence, so no cut shows. What shows is the gap: the page's
schema.org `wordCount` is far above the words present, and the page itself holds no such number of words.

Neither sign is enough alone: a label is also on related links and menus ("Article réservé à nos abonnés Lire
aussi ..."), and an inflated count is common (some templates count characters or the original of a translation).
Together they make the page `paywalled` (`premium label "PARA SUSCRIPTORES" above a text far shorter than its
schema.org wordCount`) and its text `truncated` (`schema.org wordCount is 842, the text has 74 words before the
paywall`).

A label counts only as an element's whole text, in the page's body outside scripts and templates, and above the
article's text (a label below it marks a teaser of another article).
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Document
from ..read.metadata import PageInfo
from .wall_wording import alternation

WORD_COUNT_SHARE = 0.5  # the text holds less than this share of the declared count
MIN_GAP = 100  # and at least this many words fewer
MAX_WORD_COUNT = 20_000  # a declared count above this is no article's
OPENING_WORDS = 4  # the article's first words, found in the source to tell a label above it from one below
_BODY = re.compile(r"<body\b", re.I)
_CODE = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.I | re.S)


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
    body = _CODE.sub(" ", source[at.start() if at else 0 :])
    found = _label().search(body)
    if found is None:
        return None
    if first_words:
        glue = r"(?:\s|&nbsp;|<[^<>]*>)+"
        start = re.search(glue.join(re.escape(w) for w in first_words), body)
        if start is not None and start.start() < found.start():
            return None
    return " ".join(found.group(1).split())


def premium_gap(doc: Document, page: PageInfo) -> tuple[str, str] | None:
    """The label and the gap that show a labelled page's text is the opening of a longer article (see the
    module's doc): `('PARA SUSCRIPTORES', 'schema.org wordCount is 842, the text has 74 words')`, or None."""
    declared = page.word_count or 0
    words = sum(len(b.text.split()) for b in doc.kept())
    if not (words < WORD_COUNT_SHARE * declared and declared - words >= MIN_GAP and declared <= MAX_WORD_COUNT):
        return None
    # The missing words are not on the page either (else the count is met and extraction missed them).
    if len(page.visible_text.split()) >= WORD_COUNT_SHARE * declared + words:
        return None
    opening = next((b.text.split() for b in doc.kept() if len(b.text.split()) >= OPENING_WORDS * 2), [])
    label = premium_label(page.source, opening[:OPENING_WORDS]) if page.source else None
    if label is None:
        return None
    return label, f"schema.org wordCount is {declared}, the text has {words} words"
