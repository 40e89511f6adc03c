"""The rules stage: mark what the rules remove, in an explicit order.

Order within the stage: block rules (start ... end markers, which may sit inside a line; `cuts.py`), then whole-line
and keep rules with their blurbs, then promo glued onto an article line (`cuts.py`), then tails. Within each step
the highest priority wins; a keep rule protects a line from every rule below its priority.
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import BLANK, Block, Document, Removal
from ..rules.book import RuleBook
from ..rules.matcher import Hit
from ..rules.model import Rule
from ..text import fold_for_match, is_prose, names_pitch
from .cuts import apply_block_rules, apply_glued
from .positions import NOT_TEXT, allowed_at, edges, is_article_prose


def apply_rules(doc: Document, book: RuleBook) -> None:
    if book.blocks:
        apply_block_rules(doc, book)
    _apply_line_rules(doc, book)
    if book.lines.has_glued:
        apply_glued(doc, book)
    if book.tails.rules:
        _apply_tails(doc, book)


# --- whole lines, keep rules, blurbs -----------------------------------------------------------------------


def _apply_line_rules(doc: Document, book: RuleBook) -> None:
    blocks = doc.blocks
    match = book.lines.match_text
    hits: list[Hit | None] = [
        match(b.text) if b.removal is None and b.kind not in NOT_TEXT and b.protected_by is None else None
        for b in blocks
    ]
    is_tail = book.tails.match_text if book.tails.rules else None
    # Article prose around a line decides its position (positions.py): prose that no removing rule matched. The
    # tail rules are asked last, of the lines that read as prose only (the answer is the same, for less matching).
    article = [
        is_article_prose(b, hits[i] is not None and hits[i].rule.kind != "keep") and not (is_tail and is_tail(b.text))
        for i, b in enumerate(blocks)
    ]
    last_article = next((i for i in range(len(blocks) - 1, -1, -1) if article[i]), -1)
    article_seen = False
    i = 0
    while i < len(blocks):
        block, hit = blocks[i], hits[i]
        if hit is not None and block.is_live:
            rule = first_rule(book, block.text, hit.rule, top=not article_seen, bottom=i > last_article)
            if rule is not None and rule.kind == "keep":
                block.protected_by = rule.qualified
            elif rule is not None:
                block.removal = Removal.made_by(rule, block.text, block)
                i = _remove_blurb(blocks, i, rule)
        if article[i] and blocks[i].removal is None:
            article_seen = True
        i += 1


def first_rule(book: RuleBook, text: str, winner: Rule, *, top: bool, bottom: bool) -> Rule | None:
    """The rule that decides a line (`winner` matched it first): the highest-priority matching rule whose position
    allows it (see `allowed_at`), or a keep rule above that one. A site rule that narrows where a phrase goes
    ("top" only) does not stop a generic rule below it from taking the phrase elsewhere; a site that means to keep
    the phrase there says so with a keep rule."""
    rule: Rule | None = winner
    folded = None
    while rule is not None and rule.kind != "keep" and not allowed_at(rule.where, top, bottom):
        folded = fold_for_match(text) if folded is None else folded
        below = book.lines.match_line_below(folded, rule)
        rule = below.rule if below is not None else None
    return rule


def _remove_blurb(blocks: list[Block], i: int, rule: Rule) -> int:
    """Remove up to `rule.blurb` short lines after line i (a promo's one-line pitch); return the last index."""
    taken = 0
    j = i + 1
    while taken < rule.blurb and j < len(blocks):
        block = blocks[j]
        if block.kind == BLANK:
            j += 1
            continue
        # The first line may be a one-sentence pitch; further lines must read as headlines (a list of links).
        if not block.is_live or not _is_blurb(block.text) or (taken and block.text.rstrip()[-1:] in ".!?"):
            break
        block.removal = Removal.made_by(rule, block.text, block, kind="blurb")
        taken += 1
        i = j
        j += 1
    return i


def _is_blurb(text: str) -> bool:
    """A one-line pitch: short and at most one sentence; a full sentence must say what it pitches (a lede that
    happens to follow a promo line is not taken for its blurb)."""
    text = text.strip()
    if not text or len(text) > 130:
        return False
    body = text.rstrip(".!?")
    if any(mark in body for mark in (". ", "! ", "? ")):
        return False
    return text[-1] not in ".!?" or names_pitch(text)


# --- tails -------------------------------------------------------------------------------------------------


def _apply_tails(doc: Document, book: RuleBook) -> None:
    take_tail(doc, book)


def take_tail(doc: Document, book: RuleBook, start: int = 0) -> tuple[Removal, list[Block]] | None:
    """Mark the first tail from line `start` on (its marker and the link list under it); return it, or None.

    The guard calls this again past a tail it refused, so that a later marker gets the chance it would have had.
    """
    blocks = doc.blocks
    for i in range(start, len(blocks)):
        block = blocks[i]
        # A tail's marker may already be gone to a line rule ("Read next"); the tail rule then takes it over.
        taken = block.removal is not None and block.removal.kind == "line"
        if not (block.is_live or taken):
            continue
        hit = book.tails.match_text(block.text)
        if hit is None:
            continue
        rule = hit.rule
        rest = [b for b in blocks[i + 1 :] if b.removal is None and b.kind != BLANK]
        if len(rest) > rule.max_lines or not _after_article(blocks, i) or any(not _link_line(b, rule) for b in rest):
            continue
        removal = Removal.made_by(rule, "\n".join([block.text] + [b.text for b in rest]), block)
        last = rest[-1] if rest else block
        if removal.start is not None and last.start is not None:
            removal.end = last.at(len(last.text), end=True)
        for b in (block, *rest):
            b.removal = removal
        return removal, [block, *rest]
    return None


def _after_article(blocks: list[Block], i: int) -> bool:
    """A tail closes an article: some article text stands above its marker. Any kept line counts, not only
    prose: a short article, or the half of a paragraph that a promo cut off, is still the article the tail
    follows, and asking for more would leave the tail in place until a second pass joined the halves."""
    return any(b.removal is None and b.kind not in NOT_TEXT and b.text.strip() for b in blocks[:i])


def _link_line(block: Block, rule: Rule) -> bool:
    """A line of a related-links list: short, unprotected, and a headline rather than a sentence (a cut paragraph's
    second half ends with a full stop)."""
    text = block.text.strip()
    if len(text) > rule.max_line or block.protected_by is not None or is_prose(text):
        return False
    return not (text[-1:] in ".!?" and len(text.split()) > 3)


def walk_removals(doc: Document, visit: Callable[[Removal, list[Block]], None]) -> None:
    """Call `visit` once per distinct block removal, with the blocks it marks, in document order."""
    seen: dict[int, tuple[Removal, list[Block]]] = {}
    for block in doc.blocks:
        if block.removal is not None:
            entry = seen.setdefault(id(block.removal), (block.removal, []))
            entry[1].append(block)
    for removal, blocks in seen.values():
        visit(removal, blocks)


# --- a second chance for what the guard refused ----------------------------------------------------------------


def second_chance(
    book: RuleBook, doc: Document, removal: Removal, blocks: list[Block]
) -> list[tuple[Removal, list[Block]]]:
    """What the rules mark of the lines a refused removal had taken, judged on their own (the guard's `retry`).

    A blurb, box or tail takes its lines before the line rules see them, and a tail takes over its marker line: a
    promo line among them still goes to its own line rule. A line whose winning rule was refused goes to the next
    matching rule below that one (a keep rule there protects it). With a tail refused, a later tail marker gets the
    chance the tail stage would have given it."""
    index = {id(b): i for i, b in enumerate(doc.blocks)}
    judged_again = {"blurb": blocks[:1], "tail": blocks[:1], "block": blocks, "line": blocks}.get(removal.kind, [])
    below = book.by_name.get(removal.rule) if removal.kind == "line" else None
    freed: list[tuple[Removal, list[Block]]] = []
    for block in judged_again:
        if block.removal is None and _whole_line(doc, block, index):
            own = _line_removal(doc, block, book, index[id(block)], below)
            if own is not None:
                freed.append((own, [block]))
    if removal.kind == "tail":
        later = take_tail(doc, book, index[id(blocks[0])] + 1)
        if later is not None:
            freed.append(later)
    return freed


def _line_removal(doc: Document, block: Block, book: RuleBook, i: int, below: Rule | None = None) -> Removal | None:
    """The removal the line rules make of `block` on their own, or None (the rule's position must allow it);
    with `below`, the rules of lower priority than that one only."""
    folded = fold_for_match(block.text)
    hit = book.lines.match_line(folded) if below is None else book.lines.match_line_below(folded, below)
    if hit is None:
        return None
    top, bottom = edges(doc, i, lambda b: _matched(book, b))
    rule = first_rule(book, block.text, hit.rule, top=top, bottom=bottom)
    if rule is None or rule.kind != "line":
        return None
    block.removal = Removal.made_by(rule, block.text, block)
    return block.removal


def _matched(book: RuleBook, block: Block) -> bool:
    """Whether a removing line rule or a tail marker matches the block (it is then no article prose)."""
    if block.protected_by is not None:
        return False
    hit = book.lines.match_text(block.text)
    if hit is not None and hit.rule.kind != "keep":
        return True
    return bool(book.tails.rules and book.tails.match_text(block.text))


def _whole_line(doc: Document, block: Block, index: dict[int, int]) -> bool:
    """Whether `block` is a whole line of the input, not a piece of one a glued promo or box was cut out of."""
    i = index[id(block)]
    return not block.split_after and not (i and doc.blocks[i - 1].split_after)
