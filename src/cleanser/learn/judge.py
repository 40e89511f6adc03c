"""Judging: what keeps a recurring line out of the rules because it reads as article content (a byline, a
dateline, a sign-off, a long line, prose), varies as content does, or sits where content sits.

Promo is short, addresses the reader, sits at the edges of an article or is glued in by the scraper, and varies
over a few names; content is sentences, varies freely and sits in the middle.
"""

from __future__ import annotations

import re

from .mine import INLINE, pieces
from .settings import LearnSettings
from .templates import Candidate

_BYLINE = re.compile(r"^(?:by|words by|written by|story by|text by|interview by)\s+\S", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"\b(?:(?:additional )?reporting by|editing by|edited by|writing by|compiled by|fact[- ]checked by|"
    r"contributed (?:to )?(?:this|the) (?:report|story|article)|with (?:wire|agency) services|"
    r"(?:write to|contact|e-?mail) (?:the (?:author|reporter)|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}) at)\b",
    re.IGNORECASE,
)
# "LONDON, March 3 (Reuters) -", "WASHINGTON (AP) —"; a city not in capitals only with the agency in brackets.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}(?:, [A-Z][a-z]{2,8}\.?(?: \d{1,2})?)?(?: \([^)]{2,40}\))?|"
    r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [A-Z][a-z]{2,8}\.?(?: \d{1,2})?)? \([^)]{2,40}\)) ?[-–—:]"
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|added|explained|announced|reported|wrote)\b", re.I)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|did|does|do|not|should|may|might)\b|"
    r"\b[a-z]{3,}ed\b",
    re.IGNORECASE,
)
# Wording that says a line addresses the reader (a call to action) or is a publisher's notice.
_CALL_TO_ACTION = re.compile(
    r"^(?:sign up|subscribe|unlock|download|get|install|follow|join|listen|watch|read|click|tap|try|support|"
    r"share|register|log in|sign in|discover|explore|don't miss|see|visit|like|donate|become|start|claim|save)\b",
    re.IGNORECASE,
)
_PROMO_WORDS = re.compile(
    r"\b(?:newsletters?|subscribe|subscribers?|subscription|sign(?:ing)? up|unlock|download|app|apps|podcast|"
    r"advert\w*|sponsored|promoted|partner content|inbox|free trial|offers?|copyright|all rights reserved|"
    r"cookies?|privacy policy|most read|recommended|related (?:stories|articles|content)|continue reading|"
    r"read (?:more|next|the full)|follow us|share this)\b|©|www\.|https?://|\.(?:com|org|net|co\.uk)\b",
    re.IGNORECASE,
)


def promo_wording(text: str) -> bool:
    return bool(_CALL_TO_ACTION.search(text.strip()) or _PROMO_WORDS.search(text))


def content_reason(text: str, settings: LearnSettings) -> str | None:
    """Why a recurring line reads as article content, or None."""
    text = text.strip()
    words = text.split()
    if _BYLINE.search(text):
        return "a byline"
    if _SIGNOFF.search(text):
        return "a sign-off or credit (reporting, editing, contact)"
    if _DATELINE.search(text) and not promo_wording(text):
        return "a dateline"
    if len(words) > settings.max_words or len(text) > settings.max_chars:
        return f"long: {len(words)} words, {len(text)} characters"
    if _REPORTED.search(text):
        return "reads as prose: reported speech"
    parts = pieces(text)
    for part in parts:
        # A line that is a promo glued onto a sentence recurs when both do; the sentence is still content.
        reason = _sentence_reason(part)
        if reason:
            return reason + (f" (in {part!r})" if len(parts) > 1 else "")
    return None


def _sentence_reason(text: str) -> str | None:
    words = text.split()
    clauses = len(re.findall(r",\s", text))  # not the comma of "12,000"
    if clauses >= 2 or (clauses and len(words) >= 8):
        return "reads as prose: a sentence with clauses"
    ends = text.rstrip("\"'”’)]")[-1:] in ".!?"
    # Verbs are guessed from a short list and "-ed" endings; six words ending a sentence are a sentence anyway.
    if ends and (len(words) >= 6 or (len(words) >= 4 and _VERB.search(text))) and not promo_wording(text):
        return "reads as prose: a full sentence with no promo wording"
    return None


def variety_reason(cand: Candidate) -> str | None:
    """A promo's slot runs over a few names (newsletters, platforms, authors); a slot that is different in most
    documents is the pattern of content (headlines from one desk), unless a label says what follows it."""
    label = cand.key.slot and not cand.key.suffix and cand.key.prefix[-1].endswith(":")
    if cand.key.slot and not label and cand.variants > max(5, cand.docs / 2):
        return (
            f"its slot is different in most documents ({cand.variants} variants in {cand.docs}), as content is; "
            "promo varies over a few names"
        )
    return None


def position_reason(cand: Candidate, settings: LearnSettings) -> str | None:
    """Promo sits at the top or the bottom of an article, or is glued onto a sentence by the scraper; a line in
    the middle of articles needs promo wording to be taken for boilerplate (a heading recurs there too)."""
    total = sum(cand.positions.values())
    edge = total - cand.positions[INLINE]
    if edge >= settings.edge_share * total:
        cand.why = f"{edge / total:.0%} of its occurrences at the top, the bottom or glued onto a sentence"
        return None
    wording = _CALL_TO_ACTION.search(cand.examples[0].strip()) or _PROMO_WORDS.search(cand.examples[0])
    if wording:
        cand.why = f"{1 - edge / total:.0%} of its occurrences inline, with promo wording ({wording.group(0)!r})"
        return None
    return (
        f"its position varies ({cand.positions_text()}) with no structural cue: only {edge / total:.0%} of its "
        f"occurrences sit at the top, the bottom or glued onto a sentence, and it has no promo wording"
    )
