"""Judging: what keeps a recurring line out of the rules because it reads as article content (a byline, a
dateline, a sign-off, a long line, prose), varies as content does, or sits where content sits.

Promo is short, addresses the reader, sits at the edges of an article or is glued in by the scraper, and varies
over a few names; content is sentences, varies freely and sits in the middle.
"""

from __future__ import annotations

import re

from ..text import ends_sentence, is_prose, word_count
from .cues import cue_wording, picture_credit
from .evidence import MAX_VERIFIED_CHARS, has_letters, inline_cue
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
# "By clicking, you agree ...", "By continuing ...": an instruction, not an author (a name is capitalised).
_INSTRUCTION = re.compile(r"(?i:by)\s+[a-z]+ing\b")
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


# A short lead-in (a place, an agency, a label) before a dash or colon, then the rest of the line: the shape of a
# dateline or a kicker opening a paragraph, in any language and script ("BERLIN —", "Kyjiw (dpa) –", "PARIS:").
_LEAD_IN = re.compile(r"^(?P<lead>[^\s.!?:–—-][^.!?:–—]{0,48}?)\s*(?:[–—]|\s-|:)\s+(?P<rest>\S.*)$")


def sentence_shaped(text: str) -> bool:
    """A line that reads as a sentence, judged by shape alone so that it holds in any language: prose
    (`text.is_prose`), or four words or more that open with a capital, a digit or a quote and end a sentence."""
    text = text.strip()
    if is_prose(text):
        return True
    return word_count(text) >= 4 and ends_sentence(text) and not text[:1].islower()


def lead_in_reason(text: str) -> str | None:
    """A short lead-in glued before a dash or colon at the start of a sentence (a dateline, a kicker) is the
    opening of a paragraph, whatever the language: such a line is content even when the lead-in recurs."""
    m = _LEAD_IN.match(text.strip())
    # A lead-in with promo wording ("Newsletter: Sign up for ...") is a label, not a place.
    if m and len(m["lead"].split()) <= 6 and sentence_shaped(m["rest"]) and not promo_wording(m["lead"]):
        return f"opens a sentence with a short lead-in before a dash or colon ({m['lead']!r}), as a dateline does"
    return None


def share_reason(cand: Candidate, settings: LearnSettings) -> str | None:
    """Boilerplate comes with a template, so it is in nearly every page made from that template; content that
    recurs (a standfirst, a series lede, a syndicated paragraph) is in a minority of a site's documents. A line
    that reads as a sentence, in any language, is therefore taken only when it is in `prose_share` of the distinct
    documents or more; a short UI line (a label, a button, a heading) needs only `min_share`, and so does a sentence
    with promo wording (a pitch: "Support local journalism: subscribe from £5 a month.")."""
    if cand.share >= settings.prose_share:
        return None
    for example in cand.examples[:3]:
        if sentence_shaped(example) and not promo_wording(example):
            return (
                f"reads as a sentence and is in only {cand.share:.0%} of the documents (a sentence must be in "
                f"{settings.prose_share:.0%}: recurring content such as a standfirst or a series lede is in a minority)"
            )
    return None


def promo_wording(text: str) -> bool:
    """A call to action, promo words, a "read also" label or a picture credit (`cues.py`)."""
    return bool(_CALL_TO_ACTION.search(text.strip()) or _PROMO_WORDS.search(text) or cue_wording(text))


def content_reason(text: str, settings: LearnSettings, share: float | None = None) -> str | None:
    """Why a recurring line reads as article content, or None. With the `share` of the site's documents the line
    is in: at `prose_share` or more its sentence shape alone no longer counts against it, since a sentence in nearly
    every page comes with the template (a footer's notice); bylines, datelines, credits and long lines still do."""
    text = text.strip()
    words = text.split()
    if _BYLINE.search(text) and not _INSTRUCTION.match(text):
        return "a byline"
    if _SIGNOFF.search(text):
        return "a sign-off or credit (reporting, editing, contact)"
    template = share is not None and share >= settings.template_share  # evidence.py
    # A dateline or a lead-in opens an article's first paragraph, so it recurs only with a different paragraph after
    # it: the same whole line with text after its dash or colon in nearly every distinct document is the template's
    # ("MNT - Hourly Medical News Since 2019", a teaser "The Second Coming: What Does the Bible Predict?"). A dateline
    # standing alone on its line ("WASHINGTON (AP) —") is still one.
    dateline = _DATELINE.search(text)
    if dateline and not promo_wording(text) and not (template and has_letters(text[dateline.end() :])):
        return "a dateline"
    lead_in = None if template else lead_in_reason(text)
    if lead_in:
        return lead_in
    long = len(words) > settings.max_words or len(text) > settings.max_chars
    if long and (not template or len(text) > MAX_VERIFIED_CHARS):
        return f"long: {len(words)} words, {len(text)} characters"
    if _REPORTED.search(text) and not template:
        return "reads as prose: reported speech"
    if share is not None and share >= settings.prose_share:
        return None
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
    # A credit's slot runs over the photographers' names ("{name}/AFP via Getty Images"), as a promo's over a few.
    label = label or (cand.key.slot and "{name}" in cand.template and picture_credit(cand.template))
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
    long = any(len(e.split()) > settings.max_words or len(e) > settings.max_chars for e in cand.examples)
    if long and cand.positions[INLINE]:
        return f"long, and between the article's paragraphs ({cand.positions_text()}): a template's long line is not"
    if edge >= settings.edge_share * total:
        cand.why = f"{edge / total:.0%} of its occurrences at the top, the bottom or glued onto a sentence"
        return None
    inline = inline_cue(cand, settings)
    if inline:
        cand.why = inline
        return None
    wording = _CALL_TO_ACTION.search(cand.examples[0].strip()) or _PROMO_WORDS.search(cand.examples[0])
    if wording:
        cand.why = f"{1 - edge / total:.0%} of its occurrences inline, with promo wording ({wording.group(0)!r})"
        return None
    # A picture credit or a "read also" label stands wherever the site put a picture or a link (cues.py).
    cues = [cue_wording(e) for e in cand.examples[:3]]
    cue = cues[0] if all(cues) else None  # every common text: a speaker "Lea:" says a sentence, a link does not
    if cue is None and cand.key.slot and "{name}" in cand.template and picture_credit(cand.template):
        cue = cand.template  # a credit with the photographers' names: "{name}/AFP via Getty Images"
    if cue:
        kind = "a picture credit" if picture_credit(cand.template) else "a 'read also' label"
        cand.why = f"{1 - edge / total:.0%} of its occurrences inline, {kind} ({cue!r})"
        return None
    return (
        f"its position varies ({cand.positions_text()}) with no structural cue: only {edge / total:.0%} of its "
        f"occurrences sit at the top, the bottom or glued onto a sentence, and it has no promo wording"
    )
