"""The loss guard: refuse removals that look like article text, and removals beyond a budget.

A refused removal is not applied: the text stays, the audit entry says why it was refused, and the document
carries a `guard` flag with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from .apply import is_prose, walk_removals
from .document import Block, Document, Removal

GENERIC_MAX_WORDS = 25  # a generic rule never takes a sentence longer than this
SITE_MAX_CHARS = 600  # an untrusted site rule never takes more than this in one removal


@dataclass(frozen=True)
class GuardSettings:
    budget: float = 0.5  # the largest share of a document's words that untrusted rules may remove
    min_words: int = 120  # below this a document is mostly promo or a stub: the budget does not apply
    enabled: bool = True


def guard(doc: Document, generic_plugins: set[str], settings: GuardSettings, trusted: set[str]) -> None:
    if not settings.enabled:
        return
    entries: list[tuple[Removal, list[Block]]] = []
    walk_removals(doc, lambda removal, blocks: entries.append((removal, blocks)))
    for removal, blocks in entries:
        reason = _refuse(removal, removal.plugin in generic_plugins, removal.rule in trusted)
        if reason:
            _restore(doc, removal, blocks, reason)
    total = doc.word_count()
    if total < settings.min_words:
        return
    removed = sum(len(r.text.split()) for r, _ in entries if r.refused is None and r.rule not in trusted)
    if removed > settings.budget * total:
        reason = (
            f"removals would take {removed} of {total} words ({removed / total:.0%}), "
            f"over the budget of {settings.budget:.0%}"
        )
        for removal, blocks in entries:
            if removal.refused is None and removal.rule not in trusted:
                _restore(doc, removal, blocks, reason)


def _refuse(removal: Removal, generic: bool, trusted: bool) -> str | None:
    if trusted:
        return None
    words = len(removal.text.split())
    if generic and words > GENERIC_MAX_WORDS and is_prose(removal.text):
        return f"a generic rule would remove {words} words of prose"
    if not generic and len(removal.text) > SITE_MAX_CHARS:
        return f"an untrusted site rule would remove {len(removal.text)} characters in one piece"
    return None


def _restore(doc: Document, removal: Removal, blocks: list[Block], reason: str) -> None:
    removal.refused = reason
    for block in blocks:
        block.removal = None
    doc.flags.setdefault("guard", reason)
