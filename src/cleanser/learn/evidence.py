"""Template evidence: when a recurring line that learning would otherwise keep out (long, letterless, or inside
the article) is shown to be the site's template by how it recurs.

A template is in nearly every page made from it, at the same place; content that recurs (a standfirst, a series
lede, a syndicated paragraph, a section heading) is in a minority of a site's pages, or wanders. So the evidence
asked of these lines is stronger than of a short line at the edge of the article:

- in `template_share` of the site's distinct documents or more (the bar above `prose_share`);
- a long line (an author box, a site blurb, a list of teasers' summaries) at the top or the bottom of the article
  only, never between its paragraphs, and at most `MAX_VERIFIED_CHARS` long; over `MAX_TEMPLATE_CHARS` (600
  characters, the most the loss guard lets an untrusted rule take in one piece) only when the held-back documents
  verify the rule (`trust.py`);
- a letterless line (a price, a chart label, a counter) at the top or the bottom only, with something besides
  digits in it (a rule "{number}" would take any number);
- a short line between the article's paragraphs (an image credit, a "related" box's heading) at most
  `INLINE_WORDS` words, not a sentence, not a label that introduces what follows (a heading ending in a colon), and
  at the same place in the article in most documents (the same share of the way down, within `INLINE_SPREAD`).

And the other way round (`minority_reason`): a line in a minority of the documents, with no promo wording, that
sits against the article or is glued into it, is kept out however short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..stages.guard import MAX_CHARS
from ..text import is_prose, word_count
from .mine import BOTTOM, INLINE, TOP
from .settings import LearnSettings
from .templates import Candidate

if TYPE_CHECKING:
    from .read import SiteDocument

MAX_TEMPLATE_CHARS = MAX_CHARS  # a longer line is a rule only when verified (trust.py): the guard refuses it else
MAX_VERIFIED_CHARS = 4000  # a longer line is reported, never a rule
INLINE_WORDS = 8
INLINE_SPREAD = 0.25  # the middle 80% of an inline line's places, as shares of the article, within this


def in_template(share: float | None, settings: LearnSettings) -> bool:
    return share is not None and share >= settings.template_share


def has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def letterless_reason(cand: Candidate, settings: LearnSettings) -> str | None:
    """Why a candidate with no letter is not a rule, or None (see the module docstring)."""
    if any(has_letters(e) for e in cand.examples):
        return None
    edge = cand.positions[TOP] + cand.positions[BOTTOM]
    if not in_template(cand.share, settings) or edge < sum(cand.positions.values()):
        return (
            f"has no letter: taken only at the top or the bottom of {settings.template_share:.0%} of the documents "
            f"or more (in {cand.share:.0%}, {cand.positions_text()})"
        )
    if not any(c.strip() for c in cand.template.replace("{number}", "").replace("{year}", "")):
        return "has no letter and nothing but numbers: a rule would take any number"
    cand.why = f"no letter, at the top or the bottom of {cand.share:.0%} of the documents"
    return None


def spread(places: Sequence[float]) -> float:
    """The width of the middle 80% of `places` (shares of the way down the article)."""
    ordered = sorted(places)
    if not ordered:
        return 1.0
    lo, hi = ordered[int(0.1 * (len(ordered) - 1))], ordered[round(0.9 * (len(ordered) - 1))]
    return hi - lo


def inline_cue(cand: Candidate, settings: LearnSettings) -> str | None:
    """Why a candidate that sits between the article's paragraphs is the template's, or None."""
    from .judge import sentence_shaped

    if not in_template(cand.share, settings):
        return None
    for example in cand.examples[:3]:
        text = example.strip()
        if word_count(text) > INLINE_WORDS or len(text) > 80 or sentence_shaped(text) or text.endswith(":"):
            return None
    places = [u.at for u in cand.units if not u.piece and u.where == INLINE]
    if not places or spread(places) > INLINE_SPREAD:
        return None
    return (
        f"inline in {cand.share:.0%} of the documents, at the same place in the article "
        f"(the middle of its places within {spread(places):.0%} of the article's length)"
    )


def _article_side(text: str) -> bool:
    """A line that reads as the article's: prose, a sentence by its shape, or a byline."""
    from .judge import _BYLINE, sentence_shaped

    return is_prose(text) or sentence_shaped(text) or bool(_BYLINE.search(text.strip()))


def minority_reason(cand: Candidate, docs: Sequence[SiteDocument], settings: LearnSettings) -> str | None:
    """A line in a minority of the documents (below `prose_share`) with no promo wording is taken only when it
    keeps its distance from the article: content that recurs in some articles (a standfirst, a kicker, a piece of a
    reused paragraph) sits against the article's first or last paragraph, or is glued into one; boilerplate of a
    few pages (a section's banner, a campaign's line) sits among the template's lines. So such a candidate is kept
    out when most of its occurrences are glued into a line, or touch the article: the line between it and the
    article (below it at the top, above it at the bottom) reads as the article's (prose, a sentence, a byline)."""
    from .judge import promo_wording

    if cand.share >= settings.prose_share or any(promo_wording(e) for e in cand.examples[:3]):
        return None
    total = len(cand.units)
    glued = sum(1 for u in cand.units if u.piece)
    if 2 * glued > total:
        return (
            f"in {cand.share:.0%} of the documents, glued into a line in {glued} of {total} occurrences, with no "
            "promo wording: a piece of recurring content (a reused paragraph) looks the same"
        )
    touching = 0
    for u in cand.units:
        if u.piece:
            continue
        lines = docs[u.doc].lines
        toward = u.line + 1 if u.where == TOP else u.line - 1 if u.where == BOTTOM else None
        if toward is not None and 0 <= toward < len(lines) and _article_side(lines[toward]):
            touching += 1
    if 2 * touching > total:
        return (
            f"in {cand.share:.0%} of the documents, against the article's first or last paragraph in {touching} of "
            f"{total} occurrences, with no promo wording: a standfirst or a kicker sits there"
        )
    return None
