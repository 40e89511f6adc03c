"""Flags on the cleaned document: `paywalled` and `truncated`, each with the reason it was set.

- `paywalled`: the page says so (schema.org `isAccessibleForFree: false`, `hasPart.cssSelector` naming the locked
  part), or a rule with `flag = "paywalled"` removed a wall ("Subscribe to continue reading"). Any rule may set any
  flag this way: flags are data, like rules.
- `truncated`: the text visibly stops early: its last paragraph stops mid-sentence or trails off in an ellipsis,
  or the page's schema.org `wordCount` is far above the words we have.

A newsletter box, a log-in prompt or a mention of subscriptions in the prose flags nothing: only the page's own
declaration, a wall phrase a rule names, or the shape of the text's end do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..document import LINE, PARAGRAPH, QUOTE, Document, Removal
from ..read.metadata import PageInfo

PAYWALLED = "paywalled"
TRUNCATED = "truncated"

_PROSE = (PARAGRAPH, LINE, QUOTE)
_END = ".!?:;…\"'”’»)]*"
_ELLIPSIS = re.compile(r"(?:\w|,)\s?(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))$")
_LAST_WORD = re.compile(r"([A-Za-z\u00C0-\u024F]+)$")
# Sign-off lines that end without a full stop and are not cut sentences.
_CREDIT = re.compile(
    r"\b(?:contributed(?: reporting)?(?: to)?|reporting by|edited by|editing by|writing by|additional reporting|"
    r"compiled by|produced by|reported by|is a (?:reporter|writer|correspondent|columnist)|follow (?:her|him|them))\b",
    re.IGNORECASE,
)
MIN_WORDS = 8  # a line shorter than this that stops without a full stop is a label or a sign-off, not a cut
LONG_WORDS = 12  # a cut paragraph with nothing removed after it must be this long to count
WORD_COUNT_SHARE = 0.5  # below this share of the page's declared wordCount, the text is truncated


def set_flags(
    doc: Document,
    page: PageInfo | None,
    rule_flags: Mapping[str, str],
    extra_removals: Iterable[Removal] = (),
) -> None:
    """Set `doc.flags` from the page's metadata, the removals of flag-setting rules, and the text's end."""
    if page is not None and page.not_free:
        reason = "schema.org isAccessibleForFree is false"
        if page.locked_selectors:
            reason += f" (locked part: {', '.join(page.locked_selectors)})"
        doc.flags.setdefault(PAYWALLED, reason)

    for removal in _removals(doc, extra_removals):
        flag = rule_flags.get(removal.rule)
        if flag and removal.refused is None:
            doc.flags.setdefault(flag, f"{removal.rule} removed {_quote(removal.text)}")

    reason = truncation(doc)
    if reason is None and page is not None and page.word_count:
        words = sum(len(b.text.split()) for b in doc.kept())
        if words < WORD_COUNT_SHARE * page.word_count and page.word_count - words >= 100:
            reason = f"schema.org wordCount is {page.word_count}, the text has {words} words"
    if reason:
        if PAYWALLED in doc.flags:
            reason += " before the paywall"
        doc.flags.setdefault(TRUNCATED, reason)


def truncation(doc: Document) -> str | None:
    """Why the text visibly stops early, or None.

    Its last block is prose that stops mid-sentence ("... said the") or trails off ("..."). A trailing ellipsis
    counts only when a rule removed something after it (the "Continue reading" link or the wall of a teaser): alone
    it is as often a writer's. A line with no full stop counts when something was removed after it, or when it is
    long and the paragraph before it ends properly (a run of headline-like lines is a list, not a cut).
    """
    kept = doc.kept()
    if not kept or kept[-1].kind not in _PROSE:
        return None
    last_block = kept[-1]
    text = last_block.text.rstrip()
    words = text.split()
    if len(words) < MIN_WORDS or _CREDIT.search(text):
        return None
    after = doc.blocks[doc.blocks.index(last_block) + 1 :]
    cut_after = any(b.removal is not None and b.removal.refused is None for b in after)
    if _ELLIPSIS.search(text):
        return f"the last paragraph trails off before a removed notice: {_quote(_tail(words))}" if cut_after else None
    if text[-1] in _END:
        return None
    last = _LAST_WORD.search(text)
    # A cut sentence ends on a lower-case word; a name, a number or a URL is a sign-off or a label.
    if not (last and last.group(1).islower() and last.end() == len(text)):
        return None
    before = kept[-2].text.rstrip() if len(kept) > 1 and kept[-2].kind in _PROSE else ""
    if cut_after or (len(words) >= LONG_WORDS and before[-1:] in _END and before[-1:] not in ":;"):
        return f"the last paragraph stops mid-sentence: {_quote(_tail(words))}"
    return None


def _removals(doc: Document, extra: Iterable[Removal]) -> list[Removal]:
    seen: dict[int, Removal] = {}
    for block in doc.blocks:
        if block.removal is not None:
            seen.setdefault(id(block.removal), block.removal)
    for removal in [*extra, *doc.removals]:
        seen.setdefault(id(removal), removal)
    return list(seen.values())


def _tail(words: list[str], n: int = 8) -> str:
    return ("…" if len(words) > n else "") + " ".join(words[-n:])


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'
