"""Promo cut out of a line: start...end boxes (on one line or across lines) and promo glued onto a sentence.

Single-string scrapes glue a promo onto the article line before or after it ("...on Monday.Sign up for our
newsletterThe council said..."): these rules cut it out and leave the pieces, marked as one line, for the restore
stage to join.
"""

from __future__ import annotations

import re

from ..document import BLANK, Block, Document, Removal
from ..rules.book import RuleBook
from ..rules.matcher import LineMatcher
from ..rules.model import Rule
from ..text import CLOSERS, SENTENCE_END, fold


def _split(block: Block, cuts: list[tuple[int, int, Removal]]) -> list[Block]:
    """Cut a block into pieces; the (start, end) spans become removed pieces. Pieces keep their exact text."""
    pieces: list[Block] = []
    pos = 0

    def piece(text: str, offset: int, removal: Removal | None) -> None:
        if not text:
            return
        pieces.append(
            Block(
                text=text,
                kind=block.kind,
                level=block.level,
                prefix=block.prefix if not pieces else "",
                ordered=block.ordered,
                line=block.line,
                start=block.at(offset),
                dropped=block.dropped_within(offset, offset + len(text)) if block.dropped else (),
                removal=removal,
                split_after=True,
            )
        )

    for start, end, removal in sorted(cuts, key=lambda c: c[0]):
        piece(block.text[pos:start], pos, None)
        piece(block.text[start:end], start, removal)
        pos = end
    piece(block.text[pos:], pos, None)
    pieces[-1].split_after = block.split_after
    return pieces


# --- block rules: start ... end -------------------------------------------------------------------------------


def apply_block_rules(doc: Document, book: RuleBook) -> None:
    blocks = doc.blocks
    # A start marker sits inside one line, so a rule whose literal start is nowhere in the document can be left
    # out for every line of it (cutting lines into pieces never makes new text).
    present = book.block_finder.present("\n".join(fold(b.text) for b in blocks if b.is_live).lower())
    if not present:
        return
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not block.is_live:
            i += 1
            continue
        folded = fold(block.text)
        lower = folded.lower()
        for rule, literal, start_re, end_re in present:
            if literal and literal not in lower:
                continue
            m = start_re.search(folded)
            if m is None:
                continue
            replaced = _remove_span(blocks, i, m.start(), rule, end_re)
            if replaced:
                break
        i += 1


def _remove_span(blocks: list[Block], i: int, start: int, rule: Rule, end_re: re.Pattern[str]) -> bool:
    """Remove from `start` in block i to the end marker, in block i or a later one, within the rule's bounds."""
    first = blocks[i]
    if first.text[:start].strip() and not _glue_before(first.text[:start]):
        return False  # the marker is quoted or mentioned inside a sentence, not a promo cut into the line
    folded = fold(first.text)
    m = end_re.search(folded, start + 1)
    if m is not None:
        # The box ends at the first end marker after its start. On this very line, it is taken if it is within
        # bounds and cut cleanly, else nothing is: looking on later lines for another box's end marker would take
        # the article between the two boxes with them.
        if m.end() - start > rule.max_chars or not _marker_ends(first.text[m.end() :]):
            return False
        removal = Removal.made_by(rule, first.text[start : m.end()], first, offset=start)
        blocks[i : i + 1] = _split(first, [(start, m.end(), removal)])
        return True
    # Across lines: the end marker must come within max_lines, and everything between goes.
    span_chars = len(first.text) - start
    for j in range(i + 1, min(len(blocks), i + 1 + rule.max_lines)):
        block = blocks[j]
        if block.kind == BLANK:
            continue
        if block.removal is not None or block.protected_by is not None:
            return False
        m = end_re.search(fold(block.text))
        if m is not None and not _marker_ends(block.text[m.end() :]):
            return False
        if m is None:
            span_chars += len(block.text)
            if span_chars > rule.max_chars:
                return False
            continue
        texts = [first.text[start:]] + [b.text for b in blocks[i + 1 : j] if b.kind != BLANK]
        texts.append(block.text[: m.end()])
        removal = Removal.made_by(rule, "\n".join(texts), first, offset=start)
        if removal.start is not None and block.start is not None:
            removal.end = block.at(m.end(), end=True)
        for b in blocks[i + 1 : j]:
            if b.kind != BLANK:
                b.removal = removal
        tail = _split(block, [(0, m.end(), removal)])
        head = _split(first, [(start, len(first.text), removal)])
        blocks[j : j + 1] = tail
        blocks[i : i + 1] = head
        if len(head) > 1 or len(tail) > 1:
            # The promo cut one paragraph in two: mark the halves as one line so they can be joined again.
            head[-1].split_after = True
            for b in blocks[i + len(head) : j + len(head) - 1]:
                b.split_after = b.kind != BLANK or b.split_after
        return True
    return False


# --- promo glued onto an article line ----------------------------------------------------------------------


def apply_glued(doc: Document, book: RuleBook) -> None:
    matcher = book.lines
    out: list[Block] = []
    for block in doc.blocks:
        if not block.is_live:
            out.append(block)
            continue
        out.extend(_unglue(block, matcher))
    doc.blocks = out


# Besides a sentence end, what a promo may be glued right after: a closing bracket or quote ("...(Reuters)Read
# more"), or the end-of-article mark some sites print.
_GLUE_POINTS = SENTENCE_END + CLOSERS + "■"


def _glue_before(before: str) -> bool:
    """Whether a promo can be glued right after `before` (original, unfolded text): after a sentence end, with or
    without a space, or run into the last word with no space at all ("...Editing by Sonia CheemaOur Standards")."""
    spaced = before.rstrip(" ")
    if not spaced:
        return False
    last = spaced[-1]
    ends_sentence = last in _GLUE_POINTS and (last not in "\"'" or spaced[-2:-1] in (".", "!", "?"))
    if spaced != before:
        return ends_sentence
    return ends_sentence or last.islower()


def _marker_ends(after: str) -> bool:
    """Whether an end marker really ends where its match does: what follows is not the rest of a word
    ("...promotions") but a new sentence, punctuation or a dash ("...promotion— The council said")."""
    after = after.lstrip(" ")
    return not after[:1].isalnum() or _glue_after(after)


def _glue_after(after: str) -> bool:
    """Whether what follows a promo starts a sentence (or nothing follows): a capital, a digit, an opening quote,
    or a letter of a script without case (Chinese, Japanese, Arabic...), where any word may start one."""
    after = after.lstrip(" ")
    if not after:
        return True
    first = after[0]
    return (first.isalpha() and not first.islower()) or first.isdigit() or first in "\"'“‘「『("


def _unglue(block: Block, matcher: LineMatcher) -> list[Block]:
    text = block.text
    folded = fold(text)
    cuts: list[tuple[int, int, Removal]] = []
    end_hit = matcher.match_glued_end(folded)
    if end_hit and end_hit.rule.kind != "keep" and end_hit.start > 0 and _glue_before(text[: end_hit.start]):
        removal = Removal.made_by(end_hit.rule, text[end_hit.start :].strip(), block, "glued", end_hit.start)
        cuts.append((end_hit.start, len(text), removal))
        folded = folded[: end_hit.start]
    start_hit = matcher.match_glued_start(folded)
    # The promo's own full stop, which a template leaves out of its match ("...All rights reserved.A film..."),
    # goes with it, as between two sentences below.
    start_end = start_hit.end + (text[start_hit.end : start_hit.end + 1] in (".", "!", ":")) if start_hit else 0
    if (
        start_hit
        and start_hit.rule.kind != "keep"
        and start_end < len(folded)
        and _glue_after(text[start_end:])
    ):
        cuts.append((0, start_end, Removal.made_by(start_hit.rule, text[:start_end].strip(), block, "glued")))
        folded = " " * start_end + folded[start_end:]  # blanked: no later rule matches inside a cut
    lower = folded.lower()  # lowered again only when a cut changes `folded`
    for rule, literal, pattern in matcher.inline_rules():
        pos = lower.find(literal)
        while pos > 0:
            m = pattern.match(folded, pos)
            # A promo between two sentences may carry its own full stop: "...Monday. Support us. The vote..."
            end = m.end() + (text[m.end() : m.end() + 1] in (".", "!", ":")) if m else 0
            if m and _glue_before(text[:pos]) and _glue_after(text[end:]):
                cuts.append((pos, end, Removal.made_by(rule, text[pos:end].strip(), block, "glued", pos)))
                folded = folded[:pos] + " " * (end - pos) + folded[end:]
                lower = folded.lower()
            pos = lower.find(literal, pos + 1)
    if not cuts:
        return [block]
    return _split(block, cuts)
