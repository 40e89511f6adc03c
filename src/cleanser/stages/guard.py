"""The loss guard: refuse removals that look like article text, and removals beyond a budget.

Every removal a rule or hook marked is checked here, after the rules ran and before the structure is restored.
A refused removal is not applied: its blocks are unmarked so the text stays exactly as it was, the removal keeps
its rule and a `refused` reason and is listed in `Result.refused` (and `"refused"` in JSON), and the document
carries a `guard` flag saying why. The checks, for a removal by a rule that is not `trusted`:

1. Generic prose: a generic rule (one that applies to every site) removes a line that reads as prose (see
   `apply.is_prose`) of more than `GENERIC_MAX_WORDS` words.
2. Unanchored sentence: a removal holds a line that reads as a sentence (`reads_as_sentence`: four words or
   more ending a sentence, or prose) while fewer than `MIN_ANCHOR` of its characters are literal text of the
   rule's pattern: the rule matched it through wildcards (`.{40,}`, a `{slot}`) rather than by recognising a
   promo phrase. Blurb lines (the pitch under a promo header) are matched by shape only and so have no anchor: a
   blurb that reads as a sentence is refused, and so are the header's blurb lines under it.
   Inside a start...end box, only the marker lines are named: a line between them that reads as prose of
   `BOX_PROSE_WORDS` words or more refuses the box.
3. Long piece: one removal takes more than `MAX_CHARS` characters.
4. Budget: when a document has at least `min_words` words, the removals left after 1-3 may take at most `budget`
   of its words; beyond that, all of them are refused (a rule that eats most of an article is broken, whichever
   of its removals is to blame).

And for every rule, trusted or not:

5. Sentence under a tail: a tail rule vouches for its marker and a list of short headline links under it; a line
   under the marker that reads as a sentence, or that ends a sentence the marker cut, refuses the tail. The marker
   line itself is then removed only if a line rule removes it on its own, and a later tail marker gets the chance
   the tail stage would have given it.
6. Blurb of a trusted rule: a blurb line that reads as a sentence must name what it pitches (a newsletter, an
   inbox, an app, signing up...): the article's lede under a promo header must not go for being short.
7. Half a paragraph: a blurb, or the lines between a box's markers, never take half of a paragraph the box or
   another promo cut: a line that runs on into the article below it, or continues the article above it.

When a blurb, a start...end box or a tail is refused, the whole lines it had taken are judged again by the line
rules on their own: a promo line a header took as its blurb, or a box's marker line, still goes to its own rule.
A line whose winning rule is refused goes to the next matching rule below it.

A `trusted` rule (a known newsletter box, a cookie wall) is exempt from 1 to 4: its author vouches that whatever it
matches is boilerplate, however long. Removals marked by a plugin hook (no rule pattern) are checked by 3 and 4
only. HTML rules act on the page before the article is extracted: `refuse_html` applies check 1 to the elements a
generic HTML rule would drop, and those it refuses stay in the page and count in the flag. docs/guarantees.md says
all this for users.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..document import BLANK, CODE, TABLE, Block, Document, Removal
from ..rules.model import Rule
from ..rules.regex import literal_runs
from ..settings import GuardSettings
from ..text import (
    FOLD,
    continues,
    ends_sentence,
    fold_for_match,
    is_prose,
    names_pitch,
    word_count,
)
from .apply import RuleBook, first_rule, take_tail, walk_removals

GENERIC_MAX_WORDS = 25  # a generic rule never takes a prose line longer than this
MAX_CHARS = 600  # an untrusted rule never takes more than this in one removal
SITE_MAX_CHARS = MAX_CHARS  # the name this limit had first
MIN_ANCHOR = 6  # literal characters of its own pattern a rule must find in a sentence it removes
SENTENCE_MIN_WORDS = 4  # "Is the plan affordable?" is a sentence; "Read more." is not
BOX_PROSE_WORDS = 15  # a pitch line inside a newsletter box is shorter than a paragraph of prose


def reads_as_sentence(line: str, min_words: int = SENTENCE_MIN_WORDS) -> bool:
    """A line that reads as article prose or at least one full sentence: `is_prose`, or `min_words` words or
    more ending with a full stop, question or exclamation mark (closing quotes and brackets aside)."""
    line = line.strip()
    if is_prose(line):
        return True
    return word_count(line) >= min_words and ends_sentence(line)


def guard(
    doc: Document,
    generic_plugins: set[str],
    settings: GuardSettings,
    trusted: set[str],
    book: RuleBook | Iterable[Rule] = (),
    html_removals: Iterable[Removal] = (),
) -> None:
    """Refuse the removals on `doc` that fail a check (see the module docstring). `book` holds the rules that
    made them, so that a removal's own pattern can be read; `html_removals` are the HTML rules' removals, which
    `refuse_html` judged before their elements were dropped: those refused count in the flag."""
    if not settings.enabled:
        return
    refused_html = [r for r in html_removals if r.refused is not None]
    entries: list[tuple[Removal, list[Block]]] = []
    walk_removals(doc, lambda removal, blocks: entries.append((removal, blocks)))
    if not entries:
        _flag(doc, refused_html)
        return
    # A rule book keeps its index by name: rebuilding it per document would cost as much as the rules are many.
    by_name = book.by_name if isinstance(book, RuleBook) else {r.qualified: r for r in book}
    refused: list[Removal] = []
    index = {id(b): i for i, b in enumerate(doc.blocks)}  # the guard never adds or moves blocks

    def check(removal: Removal, blocks: list[Block]) -> None:
        if removal.refused is not None:
            return
        reason = _refuse_tail(removal, doc, blocks, index) or _refuse_half(removal, doc, blocks, index)
        if reason is None and removal.kind == "blurb" and removal.rule in trusted:
            reason = _refuse_trusted_blurb(removal)
        if reason is None and removal.rule not in trusted:
            rule = by_name.get(removal.rule)
            reason = _refuse(removal, rule, removal.plugin in generic_plugins)
        if reason is not None:
            refuse(removal, blocks, reason)

    def refuse(removal: Removal, blocks: list[Block], reason: str) -> None:
        _restore(doc, removal, blocks, reason, index)
        refused.append(removal)
        if removal.kind == "blurb":
            # The lines a header takes as its blurb run on from it: under a line that is article text, the next
            # ones are no blurb of that header either.
            follower = _next_blurb(doc, blocks[-1], removal.rule, index)
            if follower is not None:
                refuse(*follower, "the blurb line above it was refused, so it is no blurb of the header either")
        if not isinstance(book, RuleBook):
            return
        # Lines a refused blurb, box or tail had taken may be promo on their own: the line rules judge them again
        # (a blurb or box takes its lines before the line rules see them; a tail takes over its marker line).
        # A line whose winning rule was refused goes to the next rule below it that matches, as if the refused
        # one did not exist (a keep rule there protects the line).
        judged_again = {"blurb": blocks[:1], "tail": blocks[:1], "block": blocks, "line": blocks}.get(removal.kind, [])
        below = by_name.get(removal.rule) if removal.kind == "line" else None
        for block in judged_again:
            if block.removal is None and _whole_line(doc, block, index):
                own = _line_removal(doc, block, book, index, below)
                if own is not None:
                    entries.append((own, [block]))
                    check(own, [block])
        if removal.kind == "tail":
            # The tail stage stops at the first marker it takes; with that one refused, a later marker gets the
            # chance it would have had (else cleaning the output again would remove it).
            later = take_tail(doc, book, index[id(blocks[0])] + 1)
            if later is not None:
                entries.append(later)
                check(*later)

    for removal, blocks in list(entries):
        check(removal, blocks)
    total = doc.word_count()
    if total >= max(settings.min_words, 1):
        budgeted = [(r, b) for r, b in entries if r.refused is None and r.rule not in trusted]
        removed = sum(word_count(r.text) for r, _ in budgeted)
        if removed > settings.budget * total:
            reason = (
                f"removals would take {removed} of {total} words ({removed / total:.0%}), "
                f"over the budget of {settings.budget:.0%}"
            )
            for removal, blocks in budgeted:
                _restore(doc, removal, blocks, reason, index)
                refused.append(removal)
    if refused:
        # Refused removals no longer mark any block; the document keeps them, in document order, so that the
        # audit stays complete.
        in_order = sorted(
            ((r, b) for r, b in entries if r.refused is not None), key=lambda entry: index[id(entry[1][0])]
        )
        _place_refused(doc, in_order, index)
        doc.removals.extend(r for r, _ in in_order)
        refused_html += [r for r, _ in in_order]
    _flag(doc, refused_html)


def _flag(doc: Document, refused: list[Removal]) -> None:
    if refused:
        first = refused[0]
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        doc.flags["guard"] = f"refused {first.rule}: {first.refused}{more}"


def refuse_html(rule: Rule, paragraphs: list[str], generic: bool) -> str | None:
    """Check 1 for an HTML rule, before its element is dropped: a generic rule never takes a paragraph of prose.

    Site HTML rules name a publisher's own promo and comment boxes, whose teasers and comments read as prose too:
    their author vouches for the selector, as a trusted text rule's author does."""
    if not generic or rule.trusted:
        return None
    for text in paragraphs:
        words = word_count(text)
        if words > GENERIC_MAX_WORDS and is_prose(text):
            return f"a generic HTML rule would remove {words} words of prose ({_quote(text)})"
    return None


def _place_refused(doc: Document, refused: list[tuple[Removal, list[Block]]], index: dict[int, int]) -> None:
    """Say where each refused removal stood, as the pipeline says it of applied ones: glued inside a line, or top,
    bottom or inline relative to the text that stays."""
    kept_upto = [0]
    for block in doc.blocks:
        kept_upto.append(kept_upto[-1] + (block.removal is None and block.kind != BLANK and bool(block.text)))
    total = kept_upto[-1]
    for removal, blocks in refused:
        if removal.where:
            continue
        if removal.kind == "glued":
            removal.where = "glued"
            continue
        first, last = index[id(blocks[0])], index[id(blocks[-1])]
        before, after = kept_upto[first], total - kept_upto[last + 1]
        removal.where = "top" if not before else "bottom" if not after else "inline"


def _refuse_tail(removal: Removal, doc: Document, blocks: list[Block], index: dict[int, int]) -> str | None:
    """A tail rule vouches for its marker line and a list of short links under it, never for a sentence or the
    rest of one a promo line cut: this check holds for trusted rules too."""
    if removal.kind != "tail":
        return None
    under = [b.text for b in blocks[1:] if b.kind != BLANK]
    # A sentence a removed promo line cut in two reads as one: join the pieces that run on into each other.
    joined: list[str] = []
    for text in under:
        if joined and continues(joined[-1], text):
            joined[-1] = joined[-1].rstrip() + " " + text.lstrip()
        else:
            joined.append(text)
    for text in joined:
        if reads_as_sentence(text):
            return f"a line under the tail marker reads as a sentence ({_quote(text)})"
    before = _kept_neighbour(doc, index[id(blocks[0])], -1)
    if under and before is not None and continues(before.text, under[0]):
        return f"the line under the tail marker ends a sentence cut by it ({_quote(under[0])})"
    return None


def _refuse_half(removal: Removal, doc: Document, blocks: list[Block], index: dict[int, int]) -> str | None:
    """A blurb, or the lines between a box's markers, never take half of a paragraph that the box or another promo
    line cut in two: a taken line that runs on into the article below it, or that continues the article above it.
    This check holds for trusted rules too: a rule vouches for its markers, not for what stands beside them."""
    if removal.kind == "blurb":
        inner = [b for b in blocks if b.kind != BLANK]
    elif removal.kind == "block":
        inner = [b for b in blocks[1:-1] if b.kind != BLANK]  # the first and last pieces hold the markers
    else:
        return None
    if not inner:
        return None
    before = _kept_neighbour(doc, index[id(blocks[0])], -1)
    after = _kept_neighbour(doc, index[id(blocks[-1])], 1)
    last, first = inner[-1].text.strip(), inner[0].text.strip()
    # Below: the taken line has no full stop and the article line under it starts lower case, and together they
    # read as a sentence. When the line above the box runs on as well, the box may sit between the halves of its
    # paragraph: the taken line is then a pitch if it says so ("Sign up to First Edition"). A heading above looks
    # just the same as a first half, so a line that names no pitch is kept.
    if (
        after is not None
        and _open(last)
        and _starts_lower(after.text)
        and reads_as_sentence(f"{last} {after.text}")
        and not (before is not None and _mid_sentence(before.text) and names_pitch(last))
    ):
        return f"a line it takes runs on into the article below it ({_quote(last)})"
    if before is not None and _mid_sentence(before.text) and _starts_lower(first) and len(before.text.split()) >= 2:
        return f"a line it takes continues the article above it ({_quote(first)})"
    return None


def _open(text: str) -> bool:
    """A line that stops without ending a sentence."""
    return bool(text.strip()) and not ends_sentence(text)


def _mid_sentence(text: str) -> bool:
    """A line that stops mid-sentence: on a word or a comma (a colon introduces what follows, a list or a link)."""
    text = text.rstrip()
    return bool(text) and (text[-1].isalnum() or text[-1] in ",;")


def _starts_lower(text: str) -> bool:
    text = text.lstrip()
    return text[:1].islower()


def _refuse_trusted_blurb(removal: Removal) -> str | None:
    """A trusted rule vouches for its promo header; the line under it is its blurb only if it says what it
    pitches, when it reads as a sentence (the lede under the header must not go for being short)."""
    if reads_as_sentence(removal.text) and not names_pitch(removal.text):
        return f"a blurb line reads as a sentence and names no newsletter or app ({_quote(removal.text)})"
    return None


def _refuse(removal: Removal, rule: Rule | None, generic: bool) -> str | None:
    lines = [line for line in removal.text.split("\n") if line.strip()]
    if generic:
        for line in lines:
            words = word_count(line)
            if words > GENERIC_MAX_WORDS and is_prose(line):
                return f"a generic rule would remove {words} words of prose"
    if removal.kind == "block" and len(lines) > 2:
        # The markers name the box's first and last lines; the lines between are whatever the box holds.
        for line in lines[1:-1]:
            if is_prose(line) and word_count(line) >= BOX_PROSE_WORDS:
                return f"a start...end box would take a paragraph of prose ({_quote(line)})"
    if rule is not None or removal.kind == "blurb":
        sentences = [line for line in lines if reads_as_sentence(line)]
        if sentences:
            anchor = 0 if removal.kind == "blurb" or rule is None else anchored_chars(rule, removal.text)
            if anchor < MIN_ANCHOR:
                what = "a blurb line" if removal.kind == "blurb" else "the removal"
                return (
                    f"{what} reads as a sentence ({_quote(sentences[0])}) and the rule recognised only "
                    f"{anchor} characters of it literally"
                )
    if len(removal.text) > MAX_CHARS:
        return f"an untrusted rule would remove {len(removal.text)} characters in one piece (limit {MAX_CHARS})"
    return None


def _kept_neighbour(doc: Document, i: int, step: int) -> Block | None:
    j = i + step
    while 0 <= j < len(doc.blocks):
        block = doc.blocks[j]
        if block.removal is None and block.kind != BLANK:
            return block if block.kind not in (TABLE, CODE) else None
        j += step
    return None


def _quote(line: str) -> str:
    line = line.strip()
    return repr(line if len(line) <= 60 else line[:57] + "...")


def _restore(doc: Document, removal: Removal, blocks: list[Block], reason: str, index: dict[int, int]) -> None:
    removal.refused = reason
    for block in blocks:
        block.removal = None
    if removal.kind == "block" and len(blocks) > 1:
        # A start...end box over several lines marked its blocks as pieces of one line, so that the halves of a
        # paragraph it cut could be joined. Kept, they are separate lines again: only the last block may still
        # run on into the rest of its own line.
        for block in doc.blocks[index[id(blocks[0])] : index[id(blocks[-1])]]:
            block.split_after = False


def _line_removal(
    doc: Document, block: Block, book: RuleBook, index: dict[int, int], below: Rule | None = None
) -> Removal | None:
    """The removal the line rules make of `block` on their own, or None (the rule's position must allow it);
    with `below`, the rules of lower priority than that one only."""
    folded = fold_for_match(block.text)
    hit = book.lines.match_line(folded) if below is None else book.lines.match_line_below(folded, below)
    if hit is None:
        return None
    top, bottom = _edges(doc, index[id(block)], book)
    rule = first_rule(book, block.text, hit.rule, top=top, bottom=bottom)
    if rule is None or rule.kind != "line":
        return None
    block.removal = Removal(
        rule=rule.qualified,
        plugin=rule.plugin,
        text=block.text,
        kind="line",
        line=block.line,
        start=block.start,
        end=None if block.start is None else block.start + len(block.text),
    )
    return block.removal


def _next_blurb(doc: Document, block: Block, rule: str, index: dict[int, int]) -> tuple[Removal, list[Block]] | None:
    """The blurb line of the same header right under `block` (blank lines aside), if any."""
    for following in doc.blocks[index[id(block)] + 1 :]:
        if following.kind == BLANK:
            continue
        removal = following.removal
        if removal is not None and removal.kind == "blurb" and removal.rule == rule and removal.refused is None:
            return removal, [following]
        return None
    return None


def _whole_line(doc: Document, block: Block, index: dict[int, int]) -> bool:
    """Whether `block` is a whole line of the input, not a piece of one a glued promo or box was cut out of."""
    i = index[id(block)]
    return not block.split_after and not (i and doc.blocks[i - 1].split_after)


def _edges(doc: Document, i: int, book: RuleBook) -> tuple[bool, bool]:
    """Whether line i has no article prose above it, and none below it, as `apply` judges it for the line rules'
    positions (a tail marker that reads as a sentence is no article prose below a line)."""
    is_tail = book.tails.match_text if book.tails.rules else None

    def prose(b: Block) -> bool:
        return b.removal is None and b.kind not in (BLANK, TABLE, CODE) and is_prose(b.text)

    before = any(prose(b) for b in doc.blocks[:i])
    after = any(prose(b) and not (is_tail and is_tail(b.text)) for b in doc.blocks[i + 1 :])
    return not before, not after


# --- anchors: how much of a removal the rule's pattern names literally ---------------------------------------


def anchored_chars(rule: Rule, text: str) -> int:
    """How many characters of `text` are literal text of the rule's pattern (its start and end markers for a
    block rule): every literal run of three characters or more, found once, longest first."""
    folded = text.translate(FOLD).lower()
    count = 0
    for pattern in (rule.pattern, rule.end_pattern):
        for run in literal_runs(pattern):
            pos = folded.find(run)
            if pos >= 0:
                count += len(run)
                folded = folded[:pos] + "\x00" * len(run) + folded[pos + len(run) :]
    return count
