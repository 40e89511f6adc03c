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
- a letterless line (a price, a chart label, a counter) with something besides digits in it (a rule "{number}"
  would take any number): at the top or the bottom; or inside the article when it is the same text (digits too) in
  every occurrence and stands at the same place in the article, or beside lines learned rules take in most of its
  occurrences; never a separator (`* * *`, `—`: the article's own section break) inside it;
- a short line between the article's paragraphs (an image credit, a "related" box's heading) at most
  `INLINE_WORDS` words, not a sentence, not a label that introduces what follows (a heading ending in a colon), and
  at the same place in the article in most documents (the same share of the way down, within `INLINE_SPREAD`).

And the other way round (`minority_reason`): a line in a minority of the documents, with no promo wording, that
sits against the article or is glued into it, is kept out however short.
"""

from __future__ import annotations

import unicodedata
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
    if not any(c.strip() for c in cand.template.replace("{number}", "").replace("{year}", "")):
        return "has no letter and nothing but numbers: a rule would take any number"
    if in_template(cand.share, settings) and edge == sum(cand.positions.values()):
        cand.why = f"no letter, at the top or the bottom of {cand.share:.0%} of the documents"
        return None
    why = (
        f"has no letter: taken at the top or the bottom of {settings.template_share:.0%} of the documents or more, "
        f"or inside the article as the same text at the same place or beside learned lines (in {cand.share:.0%}, "
        f"{cand.positions_text()})"
    )
    if not in_template(cand.share, settings) or len({e.strip() for e in cand.examples}) > 1:
        return why
    if separator(cand.examples[0]):
        return (
            f"a separator ({cand.examples[0].strip()!r}) between the article's paragraphs: the article's own section "
            "break, however often it recurs"
        )
    # Inside the article the rule takes that text alone, digits too: "’{number}" would take any year's label.
    cand.template = cand.examples[0].strip()
    places = [u.at for u in cand.units if not u.piece and u.where == INLINE]
    if places and spread(places) <= INLINE_SPREAD:
        cand.why = f"no letter, the same text at the same place in {cand.share:.0%} of the documents"
        return None
    return why + LETTERLESS_BESIDE


LETTERLESS_BESIDE = "; not beside learned lines"  # a reason `beside_rules` may lift once the rules are known


def separator(text: str) -> bool:
    """A line of punctuation and ornaments only (`***`, `* * *`, `—`, `|`, `◆`): no digit, currency sign, percent
    or degree sign, which a chart's or a price box's labels have."""
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and not any(c.isalnum() or unicodedata.category(c) == "Sc" or c in "%‰‱°" for c in chars)


def beside_rules(cand: Candidate, rules: Sequence[Candidate]) -> bool:
    """Whether most of a letterless candidate's occurrences stand right beside a line a rule takes (a chart's unit
    sign among its learned labels), so that it goes with them; see `letterless_reason`."""
    taken = {(u.doc, u.line) for c in rules for u in c.units if not u.piece}
    lines = [u for u in cand.units if not u.piece]
    near = sum(1 for u in lines if (u.doc, u.line - 1) in taken or (u.doc, u.line + 1) in taken)
    if not lines or 2 * near <= len(lines):
        return False
    cand.why = f"no letter, the same text in {cand.share:.0%} of the documents, beside learned lines ({near} times)"
    return True


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
