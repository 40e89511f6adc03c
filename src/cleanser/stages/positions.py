"""Where a line and a removal stand: one place for the article's edges and for the audit's `where`.

Two questions, answered the same way by every stage that asks them:

- For a line rule's `where` (top, bottom, edge): is there article prose above this line, or below it? Article prose
  is a kept line of text that reads as prose (`text.is_prose`) and that no removing rule matched: a line a rule
  matched is promo-shaped even when it reads as a sentence (a tail marker "...join the Investing Club."), so it is
  no evidence of article around it, whether or not it ends up removed. `apply` asks while it marks lines; the guard's
  second chance asks again for a line a refused removal freed.
- For the audit: where did a removal stand relative to the text that stays? `top`, `bottom`, `inline` (between
  kept text), or `glued` (cut out of a line).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..document import BLANK, CODE, TABLE, Block, Document, Removal
from ..text import is_prose

NOT_TEXT = (BLANK, TABLE, CODE)

Matched = Callable[[Block], bool]


def is_article_prose(block: Block, matched: bool) -> bool:
    return block.removal is None and block.kind not in NOT_TEXT and not matched and is_prose(block.text)


def article_lines(doc: Document, matched: Matched) -> list[bool]:
    """For each block, whether it is article prose (see the module docstring)."""
    return [is_article_prose(b, b.kind not in NOT_TEXT and b.removal is None and matched(b)) for b in doc.blocks]


def edges(doc: Document, i: int, matched: Matched) -> tuple[bool, bool]:
    """Whether block i has no article prose above it (`top`), and none below it (`bottom`)."""
    article = article_lines(doc, matched)
    return not any(article[:i]), not any(article[i + 1 :])


def allowed_at(where: str, top: bool, bottom: bool) -> bool:
    """Whether a line rule's `where` lets it remove a line with no article prose above it (`top`) or below it
    (`bottom`)."""
    return where == "any" or (where in ("top", "edge") and top) or (where in ("bottom", "edge") and bottom)


def mark_where(doc: Document, entries: Iterable[tuple[Removal, list[Block]]]) -> None:
    """Say where each removal stood (unless a stage already said): glued inside a line, else top, bottom or inline
    relative to the text that stays. `entries` pairs each removal with the blocks it marks (or marked, for one the
    guard refused)."""
    index = {id(b): i for i, b in enumerate(doc.blocks)}
    kept_upto = [0]
    for block in doc.blocks:
        kept_upto.append(kept_upto[-1] + (block.removal is None and block.kind != BLANK and bool(block.text)))
    total = kept_upto[-1]
    for removal, blocks in entries:
        if removal.where:
            continue
        if removal.kind == "glued":
            removal.where = "glued"
            continue
        placed = [index[id(b)] for b in blocks if id(b) in index]
        if not placed:
            continue
        before, after = kept_upto[min(placed)], total - kept_upto[max(placed) + 1]
        removal.where = "top" if not before else "bottom" if not after else "inline"
