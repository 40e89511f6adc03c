"""Context: whether a recurring line travels with recurring prose, as a piece of a syndicated passage does.

Boilerplate is put next to whatever article the page carries, so the sentence beside it changes from document to
document. A line of an article that recurs (a passage reused across a series, a syndicated paragraph, a heading
with its first paragraph) brings its own neighbours along: the same sentence sits beside it wherever it is found.
The test reads only the shape of the neighbours (`judge.sentence_shaped`), so it holds in any language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .judge import content_reason, promo_wording, sentence_shaped
from .mine import normalise, pieces
from .settings import LearnSettings

if TYPE_CHECKING:
    from .read import SiteDocument
    from .templates import Candidate


_NEAR_WORDS = 6  # words of a piece's neighbour, next to it, that say whether the same text sits beside it


def _neighbours(lines: Sequence[str], line: int, text: str, piece: bool) -> list[str]:
    """What sits beside a unit: for a piece, the words of its line right before and after it (a dateline or
    another opening may vary further away); for a line, the lines above and below it."""
    if piece:
        parts = pieces(lines[line])
        if text not in parts:
            return []
        k = parts.index(text)
        out = []
        if k > 0:
            out.append(" ".join(parts[k - 1].split()[-_NEAR_WORDS:]))
        if k + 1 < len(parts):
            out.append(" ".join(parts[k + 1].split()[:_NEAR_WORDS]))
        return out
    return [lines[j] for j in (line - 1, line + 1) if 0 <= j < len(lines)]


def _content_kind(text: str, piece: bool, settings: LearnSettings) -> str | None:
    """The key a neighbour is counted under when it is article content: a byline (any name: a standfirst or a
    kicker sits beside it), a sentence, or, beside a piece, any words without promo wording."""
    if content_reason(text, settings) == "a byline":
        return "a byline"
    if promo_wording(text):
        return None
    if piece and len(text.split()) >= 3:
        return normalise(text)
    return normalise(text) if sentence_shaped(text) else None


def neighbour_reason(cand: Candidate, docs: Sequence[SiteDocument], settings: LearnSettings) -> str | None:
    """Why a candidate in a minority of the documents (below `prose_share`) reads as part of recurring content:
    the same sentence with no promo wording (or, beside a piece, the same words; or a byline) sits beside it in half
    of the documents it is in, or more."""
    if cand.share >= settings.prose_share:
        return None
    seen: dict[str, set[int]] = defaultdict(set)
    example: dict[str, str] = {}
    for u in cand.units:
        for text in _neighbours(docs[u.doc].lines, u.line, u.text, u.piece):
            kind = _content_kind(text, u.piece, settings)
            if kind:
                seen[kind].add(u.doc)
                example.setdefault(kind, text)
    if not seen:
        return None
    norm, in_docs = max(seen.items(), key=lambda kv: len(kv[1]))
    if 2 * len(in_docs) >= cand.docs:
        return (
            f"travels with recurring content: the same text sits beside it in {len(in_docs)} of its "
            f"{cand.docs} documents ({example[norm][:80]!r}), as a reused passage's lines or a standfirst do"
        )
    return None
