"""The rules stage: mark what the rules remove, in an explicit order.

Order within the stage: block rules (start ... end markers, which may sit inside a line), then whole-line and keep
rules with their blurbs, then promo glued onto an article line, then tails. Within each step the highest priority
wins; a keep rule protects a line from every rule below its priority.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..document import BLANK, Block, Document, Removal
from ..rules.matcher import Hit, LineMatcher
from ..rules.model import Rule, RuleSet
from ..text import CLOSERS, SENTENCE_END, fold, fold_for_match, is_prose, names_pitch
from .positions import NOT_TEXT, allowed_at, edges, is_article_prose


@dataclass
class RuleBook:
    """The rules that apply to one document, compiled once per combination of rule sets and cached."""

    rulesets: tuple[RuleSet, ...]
    rules: list[Rule] = field(init=False)

    def __post_init__(self) -> None:
        self.rules = sorted((r for rs in self.rulesets for r in rs.rules), key=Rule.sort_key)

    @cached_property
    def lines(self) -> LineMatcher:
        return LineMatcher([r for r in self.rules if r.kind in ("line", "keep")])

    @cached_property
    def tails(self) -> LineMatcher:
        return LineMatcher([r for r in self.rules if r.kind == "tail"])

    @cached_property
    def blocks(self) -> list[tuple[Rule, str, re.Pattern[str], re.Pattern[str]]]:
        out = []
        for r in self.rules:
            if r.kind == "block":
                start = re.compile(r.pattern, re.IGNORECASE)
                end = re.compile(r.end_pattern, re.IGNORECASE)
                out.append((r, r.literal_prefix.strip(), start, end))
        return out

    @cached_property
    def trusted(self) -> frozenset[str]:
        """Qualified names of the trusted rules (asked once per document: kept, not rebuilt)."""
        return frozenset(r.qualified for r in self.rules if r.trusted)

    @cached_property
    def flags(self) -> dict[str, str]:
        """The flag each flag-setting rule sets, by its qualified name."""
        return {r.qualified: r.flag for r in self.rules if r.flag}

    @cached_property
    def by_name(self) -> dict[str, Rule]:
        """Every rule by its qualified name."""
        return {r.qualified: r for r in self.rules}

    @cached_property
    def block_finder(self) -> BlockFinder:
        return BlockFinder(self.blocks)

    @cached_property
    def html(self) -> list[Rule]:
        return [r for r in self.rules if r.kind == "html"]


BlockEntry = tuple[Rule, str, re.Pattern[str], re.Pattern[str]]


class BlockFinder:
    """The block rules whose literal start occurs in a document, in priority order.

    A document is looked at once, so that a line pays only for the few rules whose start is in the document at
    all (usually none). With few rules each literal is looked for in the text. With many, a literal of three words
    or more is found through its longest inner word, which the text must hold as a whole word (it sits between two
    spaces in the literal): one split of the text instead of a scan per rule. Shorter literals are still looked
    for one by one.
    """

    INDEX_FROM = 24  # below this many rules, scanning the text once per rule is cheaper than splitting it

    def __init__(self, entries: list[BlockEntry]):
        self.entries = entries
        self._indexed = len(entries) >= self.INDEX_FROM
        self._always: list[int] = []
        self._by_word: dict[str, list[int]] = {}
        for i, (_rule, literal, _start, _end) in enumerate(entries):
            inner = [w for w in literal.split(" ")[1:-1] if w]
            if self._indexed and inner:
                self._by_word.setdefault(max(inner, key=len), []).append(i)
            else:
                self._always.append(i)

    def present(self, lower: str) -> list[BlockEntry]:
        """The rules whose literal start occurs in `lower` (folded, lowercased text), or that have none."""
        if not self._indexed:
            return [e for e in self.entries if not e[1] or e[1] in lower]
        found = list(self._always)
        words = self._by_word.keys() & lower.split(" ")
        for word in words:
            found.extend(self._by_word[word])
        if words:
            found.sort()
        return [self.entries[i] for i in found if not self.entries[i][1] or self.entries[i][1] in lower]


def apply_rules(doc: Document, book: RuleBook) -> None:
    if book.blocks:
        _apply_block_rules(doc, book)
    _apply_line_rules(doc, book)
    if book.lines.has_glued:
        _apply_glued(doc, book)
    if book.tails.rules:
        _apply_tails(doc, book)


def _removal(rule: Rule, text: str, block: Block, kind: str | None = None, offset: int = 0) -> Removal:
    start = None if block.start is None else block.start + offset
    return Removal(
        rule=rule.qualified,
        plugin=rule.plugin,
        text=text,
        kind=kind or rule.kind,
        line=block.line,
        start=start,
        end=None if start is None else start + len(text),
    )


def _live(block: Block) -> bool:
    return block.removal is None and block.kind not in NOT_TEXT and block.protected_by is None


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
                start=None if block.start is None else block.start + offset,
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


def _apply_block_rules(doc: Document, book: RuleBook) -> None:
    blocks = doc.blocks
    # A start marker sits inside one line, so a rule whose literal start is nowhere in the document can be left
    # out for every line of it (cutting lines into pieces never makes new text).
    present = book.block_finder.present("\n".join(fold(b.text) for b in blocks if _live(b)).lower())
    if not present:
        return
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not _live(block):
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
        removal = _removal(rule, first.text[start : m.end()], first, offset=start)
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
        removal = _removal(rule, "\n".join(texts), first, offset=start)
        if removal.start is not None and block.start is not None:
            removal.end = block.start + m.end()
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


# --- whole lines, keep rules, blurbs -----------------------------------------------------------------------


def _apply_line_rules(doc: Document, book: RuleBook) -> None:
    blocks = doc.blocks
    match = book.lines.match_text
    hits: list[Hit | None] = [
        match(b.text) if b.removal is None and b.kind not in NOT_TEXT and b.protected_by is None else None
        for b in blocks
    ]
    is_tail = book.tails.match_text if book.tails.rules else None
    # Article prose around a line decides its position (positions.py): prose that no removing rule matched.
    article = [
        is_article_prose(b, (hits[i] is not None and hits[i].rule.kind != "keep") or bool(is_tail and is_tail(b.text)))
        for i, b in enumerate(blocks)
    ]
    last_article = next((i for i in range(len(blocks) - 1, -1, -1) if article[i]), -1)
    article_seen = False
    i = 0
    while i < len(blocks):
        block, hit = blocks[i], hits[i]
        if hit is not None and _live(block):
            rule = first_rule(book, block.text, hit.rule, top=not article_seen, bottom=i > last_article)
            if rule is not None and rule.kind == "keep":
                block.protected_by = rule.qualified
            elif rule is not None:
                block.removal = _removal(rule, block.text, block)
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
        if not _live(block) or not _is_blurb(block.text) or (taken and block.text.rstrip()[-1:] in ".!?"):
            break
        block.removal = _removal(rule, block.text, block, kind="blurb")
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


# --- promo glued onto an article line ----------------------------------------------------------------------


def _apply_glued(doc: Document, book: RuleBook) -> None:
    matcher = book.lines
    out: list[Block] = []
    for block in doc.blocks:
        if not _live(block):
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
        removal = _removal(end_hit.rule, text[end_hit.start :].strip(), block, "glued", end_hit.start)
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
        cuts.append((0, start_end, _removal(start_hit.rule, text[:start_end].strip(), block, "glued")))
        folded = " " * start_end + folded[start_end:]  # blanked: no later rule matches inside a cut
    for rule, literal, pattern in matcher.inline_rules():
        pos = folded.lower().find(literal)
        while pos > 0:
            m = pattern.match(folded, pos)
            # A promo between two sentences may carry its own full stop: "...Monday. Support us. The vote..."
            end = m.end() + (text[m.end() : m.end() + 1] in (".", "!", ":")) if m else 0
            if m and _glue_before(text[:pos]) and _glue_after(text[end:]):
                cuts.append((pos, end, _removal(rule, text[pos:end].strip(), block, "glued", pos)))
                folded = folded[:pos] + " " * (end - pos) + folded[end:]
            pos = folded.lower().find(literal, pos + 1)
    if not cuts:
        return [block]
    return _split(block, cuts)


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
        if not (_live(block) or taken):
            continue
        hit = book.tails.match_text(block.text)
        if hit is None:
            continue
        rule = hit.rule
        rest = [b for b in blocks[i + 1 :] if b.removal is None and b.kind != BLANK]
        if len(rest) > rule.max_lines or not _after_article(blocks, i) or any(not _link_line(b, rule) for b in rest):
            continue
        removal = _removal(rule, "\n".join([block.text] + [b.text for b in rest]), block)
        last = rest[-1] if rest else block
        if removal.start is not None and last.start is not None:
            removal.end = last.start + len(last.text)
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
    block.removal = _removal(rule, block.text, block)
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
