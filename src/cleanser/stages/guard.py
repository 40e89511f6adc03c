"""The loss guard: refuse removals that look like article text, and removals beyond a budget.

Every removal a rule or hook marked is checked here, after the rules ran and before the structure is restored.
A refused removal is not applied: its blocks are unmarked so the text stays exactly as it was, the removal keeps
its rule and a `refused` reason and is listed in `Result.refused` (and `"refused"` in JSON), and the document
carries a `guard` flag saying why. The checks, for a removal by a rule that is not `trusted`:

1. Generic prose: a generic rule (one that applies to every site) removes a line that reads as prose (see
   `text.is_prose`) of more than `GENERIC_MAX_WORDS` words. The one exception: the zone stage's tail
   (`generic/zone-tail`, kind "zone") that starts at its boundary below the article and runs to the end of the
   document (`zone_tail`): it is judged on the evidence of the zone, not line by line (also exempt from 3).
2. Unanchored sentence: a removal holds a line that reads as a sentence (`reads_as_sentence`: four words or
   more ending a sentence, or prose; a short line opening with a copyright sign and a year is a notice, not a
   sentence) while fewer than `MIN_ANCHOR` of its characters are literal text of the
   rule's pattern: the rule matched it through wildcards (`.{40,}`, a `{slot}`) rather than by recognising a
   promo phrase. Blurb lines (the pitch under a promo header) are matched by shape only and so have no anchor: a
   blurb that reads as a sentence is refused, and so are the header's blurb lines under it.
   Inside a start...end box, only the marker lines are named: a line between them that reads as prose of
   `BOX_PROSE_WORDS` words or more refuses the box.
3. Long piece: one removal takes more than `MAX_CHARS` characters (except a verified rule's line that it names
   literally: `template_budget.literal_line`).
4. Budget: when a document has at least `min_words` words, the removals left after 1-3 may take at most `budget`
   of its words; beyond that, all of them are refused (a rule that eats most of an article is broken, whichever
   of its removals is to blame). The generic line scorer's removals (they carry a `score`) give way first, least
   sure first, until the rest fits. Whole lines taken by rules that learning verified on the host's held-back
   documents (`Rule.verified`) are the host's template and are judged by the template budget instead
   (`template_budget.py`: the others must fit the budget of what is left beside the template, and sentences must
   stay).

And for every rule, trusted or not:

5. Sentence under a tail: a tail rule vouches for its marker and a list of short headline links under it; a line
   under the marker that reads as a sentence, or that ends a sentence the marker cut, refuses the tail. The marker
   line itself is then removed only if a line rule removes it on its own, and a later tail marker gets the chance
   the tail stage would have given it.
6. Blurb of a trusted rule: a blurb line that reads as a sentence must name what it pitches (a newsletter, an
   inbox, an app, signing up...): the article's lede under a promo header must not go for being short.
7. Half a paragraph: a blurb, or the lines between a box's markers, never take half of a paragraph the box or
   another promo cut: a line that runs on into the article below it, or continues the article above it.
8. Sentence between markers: a box (a start...end block, or one line from a marker through a wildcard to another
   marker or the line's end) never takes a sentence of article prose between its markers that its own text does
   not account for: no literal text of the rule, no example starting or ending like it, no pitch named.

Also for every rule: a blurb line under a refused blurb line of the same header is no blurb of it either. And a
zone tail whose boundary is a line a verified learned rule removed takes no sentence (`check_zone_under_template`).

The guard checks; it does not run rules. Each numbered check is one function below, and `guard()` calls them in
order. When a removal is refused, the caller's `retry` (the pipeline passes `apply.second_chance`) may mark what
the refused removal had freed: the whole lines a blurb, box or tail had taken are judged again by the line rules on
their own (a promo line a header took as its blurb, or a box's marker line, still goes to its own rule), a line
whose winning rule is refused goes to the next matching rule below it, and a later tail marker gets its chance.
Those new removals are checked like the others.

A `trusted` rule (a known newsletter box, a cookie wall) is exempt from 1 to 4: its author vouches that whatever it
matches is boilerplate, however long. Removals marked by a plugin hook (no rule pattern) are checked by 3 and 4
only. HTML rules act on the page before the article is extracted: `refuse_html` applies check 1 to the elements a
generic HTML rule or generic HTML detection (`generic_html.py`) would drop, and those it refuses stay in the page
and count in the flag. docs/guarantees.md says all this for users.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..document import BLANK, CODE, TABLE, Block, Document, Removal
from ..rules.book import RuleBook
from ..rules.model import Rule
from ..rules.regex import anchored_chars
from ..settings import GuardSettings
from ..text import (
    continues,
    ends_sentence,
    fold_for_match,
    is_prose,
    names_pitch,
    starts_lower,
    stops_mid_sentence,
    stops_open,
    word_count,
)
from .apply import walk_removals
from .positions import mark_where
from .template_budget import NO_TEMPLATE, check_template_budget, guesses_with_sentences, literal_line

GENERIC_MAX_WORDS = 25  # a generic rule never takes a prose line longer than this
MAX_CHARS = 600  # an untrusted rule never takes more than this in one removal
MIN_ANCHOR = 6  # literal characters of its own pattern a rule must find in a sentence it removes
SENTENCE_MIN_WORDS = 4  # "Is the plan affordable?" is a sentence; "Read more." is not
BOX_PROSE_WORDS = 15  # a pitch line inside a newsletter box is shorter than a paragraph of prose

# A line that opens with a copyright sign and a year ("© 1999-2017 Leaf Group Ltd.", "©2020 Derechos Reservados.")
# is a notice, whatever its full stop says: no sentence of any language starts that way.
_NOTICE = re.compile(r"(?:©|\(c\)|copyright ?©)\s?(?:\d{4}(?:\s?[-–]\s?\d{4})?\b)", re.IGNORECASE)

Entry = tuple[Removal, list[Block]]
# What the pipeline gives the guard to mark what a refused removal freed (apply.second_chance).
Retry = Callable[[Document, Removal, list[Block]], list[Entry]]


def reads_as_sentence(line: str, min_words: int = SENTENCE_MIN_WORDS) -> bool:
    """A line that reads as article prose or at least one full sentence: `is_prose`, or `min_words` words or
    more ending with a full stop, question or exclamation mark (closing quotes and brackets aside)."""
    line = line.strip()
    if _NOTICE.match(line) and len(line) < 200:
        return False
    if is_prose(line):
        return True
    return word_count(line) >= min_words and ends_sentence(line)


@dataclass
class Seen:
    """What the checks read: the document, the rules that made its removals, and what was refused so far."""

    doc: Document
    book: RuleBook
    generic: frozenset[str]
    index: dict[int, int]  # block id -> position; the guard never adds or moves blocks
    refused_at: dict[int, Removal] = field(default_factory=dict)  # block id -> the refused removal that marked it

    def trusted(self, removal: Removal) -> bool:
        return removal.rule in self.book.trusted

    def rule(self, removal: Removal) -> Rule | None:
        return self.book.by_name.get(removal.rule)

    def neighbour(self, block: Block, step: int) -> Block | None:
        return _kept_neighbour(self.doc, self.index[id(block)], step)


def guard(
    doc: Document,
    book: RuleBook,
    settings: GuardSettings,
    generic_plugins: Iterable[str],
    html_removals: Iterable[Removal] = (),
    retry: Retry | None = None,
) -> None:
    """Refuse the removals on `doc` that fail a check (see the module docstring). `book` holds the rules that
    made them, so that a removal's own pattern can be read; `html_removals` are the HTML rules' removals, which
    `refuse_html` judged before their elements were dropped: those refused count in the flag."""
    if not settings.enabled:
        return
    refused_html = [r for r in html_removals if r.refused is not None]
    entries: list[Entry] = []
    walk_removals(doc, lambda removal, blocks: entries.append((removal, blocks)))
    seen = Seen(doc, book, frozenset(generic_plugins), {id(b): i for i, b in enumerate(doc.blocks)})
    queue = deque(entries)
    while queue:
        removal, blocks = queue.popleft()
        reason = next((r for check in CHECKS if (r := check(removal, blocks, seen)) is not None), None)
        if reason is None:
            continue
        _refuse(seen, removal, blocks, reason)
        freed = retry(doc, removal, blocks) if retry is not None else []
        entries.extend(freed)
        queue.extendleft(reversed(freed))  # judged next, as the lines they stand for come next
    over = check_budget(entries, doc, settings, seen)
    why_not: str | None = None
    if over is not None and seen.book.verified:
        # A host's template verified by learning is judged by the template budget (template_budget.py).
        book = seen.book

        def template() -> str | None:
            return check_template_budget(entries, doc, settings, book.verified, book.trusted, reads_as_sentence)

        for removal, blocks in guesses_with_sentences(entries, book.verified, book.trusted, reads_as_sentence):
            _refuse(seen, removal, blocks, "beside a verified template past the budget, a guess takes no sentence")
        why_not = _scored_give_way(entries, doc, settings, seen, template)
        if why_not is None:
            over = None
    if over is not None:
        over = _scored_give_way(entries, doc, settings, seen)
    if over is not None:
        if why_not is not None and why_not != NO_TEMPLATE:
            over += f"; not as a verified template: {why_not}"
        for removal, blocks in entries:
            if removal.refused is None and not seen.trusted(removal):
                _refuse(seen, removal, blocks, over)
    refused = [(r, b) for r, b in entries if r.refused is not None]
    if refused:
        # Refused removals no longer mark any block; the document keeps them, in document order, so that the
        # audit stays complete.
        refused.sort(key=lambda entry: seen.index[id(entry[1][0])])
        mark_where(doc, refused)
        doc.removals.extend(r for r, _ in refused)
        refused_html += [r for r, _ in refused]
    _flag(doc, refused_html)


# --- the checks, in the order guard() runs them: each returns why it refuses, or None ---------------------------


def check_blurb_under_refused_blurb(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """The lines a header takes as its blurb run on from it: under a blurb line that was refused (it is article
    text), the next ones are no blurb of that header either."""
    if removal.kind != "blurb":
        return None
    i = seen.index[id(blocks[0])] - 1
    while i >= 0 and seen.doc.blocks[i].kind == BLANK:
        i -= 1
    above = seen.refused_at.get(id(seen.doc.blocks[i])) if i >= 0 else None
    if above is not None and above.kind == "blurb" and above.rule == removal.rule:
        return "the blurb line above it was refused, so it is no blurb of the header either"
    return None


def check_sentence_under_tail(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """5. A tail rule vouches for its marker line and a list of short links under it, never for a sentence or the
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
    before = seen.neighbour(blocks[0], -1)
    if under and before is not None and continues(before.text, under[0]):
        return f"the line under the tail marker ends a sentence cut by it ({_quote(under[0])})"
    return None


def check_half_paragraph(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """7. A blurb, or the lines between a box's markers, never take half of a paragraph that the box or another promo
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
    before = seen.neighbour(blocks[0], -1)
    after = seen.neighbour(blocks[-1], 1)
    last, first = inner[-1].text.strip(), inner[0].text.strip()
    # Below: the taken line has no full stop and the article line under it starts lower case, and together they
    # read as a sentence. When the line above the box runs on as well, the box may sit between the halves of its
    # paragraph: the taken line is then a pitch if it says so ("Sign up to First Edition"). A heading above looks
    # just the same as a first half, so a line that names no pitch is kept.
    if (
        after is not None
        and stops_open(last)
        and starts_lower(after.text)
        and reads_as_sentence(f"{last} {after.text}")
        and not (before is not None and stops_mid_sentence(before.text) and names_pitch(last))
    ):
        return f"a line it takes runs on into the article below it ({_quote(last)})"
    if before is not None and stops_mid_sentence(before.text) and starts_lower(first) and len(before.text.split()) >= 2:
        return f"a line it takes continues the article above it ({_quote(first)})"
    return None


def check_trusted_blurb(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """6. A trusted rule vouches for its promo header; the line under it is its blurb only if it says what it
    pitches, when it reads as a sentence (the lede under the header must not go for being short)."""
    if removal.kind != "blurb" or not seen.trusted(removal):
        return None
    if reads_as_sentence(removal.text) and not names_pitch(removal.text):
        return f"a blurb line reads as a sentence and names no newsletter or app ({_quote(removal.text)})"
    return None


def check_generic_prose(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """1. A generic rule never takes a line of prose longer than GENERIC_MAX_WORDS; except a tail zone that runs to
    the end of the document (see `zone_tail`)."""
    if seen.trusted(removal) or removal.plugin not in seen.generic or zone_tail(removal, blocks, seen):
        return None
    for line in _lines(removal):
        words = word_count(line)
        if words > GENERIC_MAX_WORDS and is_prose(line):
            return f"a generic rule would remove {words} words of prose"
    return None


def check_box_prose(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """2, inside a box: the markers name the box's first and last lines; a line between them that reads as a
    paragraph of prose is no part of a promo box."""
    lines = _lines(removal)
    if seen.trusted(removal) or removal.kind != "block" or len(lines) <= 2:
        return None
    for line in lines[1:-1]:
        if is_prose(line) and word_count(line) >= BOX_PROSE_WORDS:
            return f"a start...end box would take a paragraph of prose ({_quote(line)})"
    return None


def check_unanchored_sentence(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """2. A removal that reads as a sentence must be recognised by its rule's literal text, not its wildcards."""
    rule = seen.rule(removal)
    if seen.trusted(removal) or (rule is None and removal.kind != "blurb"):
        return None
    sentences = [line for line in _lines(removal) if reads_as_sentence(line)]
    if not sentences:
        return None
    anchor = 0 if removal.kind == "blurb" or rule is None else anchored_chars(rule, removal.text)
    if anchor >= MIN_ANCHOR:
        return None
    what = "a blurb line" if removal.kind == "blurb" else "the removal"
    return (
        f"{what} reads as a sentence ({_quote(sentences[0])}) and the rule recognised only "
        f"{anchor} characters of it literally"
    )


def check_long_piece(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """3. An untrusted rule never takes more than MAX_CHARS characters in one piece; except a tail zone that runs to
    the end of the document (see `zone_tail`), whose cap is the budget."""
    if seen.trusted(removal) or len(removal.text) <= MAX_CHARS or zone_tail(removal, blocks, seen):
        return None
    if literal_line(removal, seen.rule(removal)):  # a verified template's own long line (template_budget.py)
        return None
    return f"an untrusted rule would remove {len(removal.text)} characters in one piece (limit {MAX_CHARS})"


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def check_sentence_between_markers(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """8, for every rule, trusted or not: a box (a start...end block, or a line rule whose pattern has text between
    two markers) never takes a sentence of article prose between its markers that the box's own lines do not
    account for: one the rule names no literal text of, that no example starts or ends like, and that names no
    pitch. A wildcard between two markers ('Support us .{0,200} Log in') otherwise swallows the article's
    sentence."""
    rule = seen.rule(removal)
    if rule is None or removal.kind not in ("block", "line", "glued") or len(removal.text) < 120:
        return None
    lines = _lines(removal)
    if removal.kind == "block":  # the marker lines are the box's; a line between that names its pitch is too
        between = [x for line in lines[1:-1] if not names_pitch(line) for x in _SENTENCE_SPLIT.split(line.strip()) if x]
    else:  # one line: the sentences between its first and its last
        between = [x for line in lines for x in _SENTENCE_SPLIT.split(line.strip()) if x][1:-1]
    own = None
    for sentence in between:
        if not is_prose(sentence) or names_pitch(sentence) or anchored_chars(rule, sentence) >= MIN_ANCHOR:
            continue
        if sentence.endswith(("...", "…")):  # a teaser cut short (an author bio, a related story), no sentence
            continue
        if own is None:
            own = " ".join(fold_for_match(e).lower() for e in rule.examples)
        folded = fold_for_match(sentence).lower()
        if folded[:40] in own or folded[-40:] in own:  # an example holds it (or its start or end: longer wordings)
            continue
        return f"a box would take a sentence of article prose between its markers ({_quote(sentence)})"
    return None


ZONE_TAIL = "generic/zone-tail"


def zone_tail(removal: Removal, blocks: list[Block], seen: Seen) -> bool:
    """The exception to checks 1 and 3: a removal of kind "zone" by the zone stage's tail rule (it starts at a
    boundary line with most of the article's core above it) that runs to the end of the document: every line of
    text below its first one is its own or was removed before it. The stage took it on the evidence of the zone as
    a whole (a boundary line that says the page's furniture begins, an article closed above it, what follows
    reading as furniture rather than the article going on: `generic_zones.py`); readers' comments and teasers
    written as sentences are prose, and no test of one line at a time tells them from the article's. The budget
    (check 4) still applies."""
    if removal.kind != "zone" or removal.rule != ZONE_TAIL or not blocks:
        return False
    start = seen.index[id(blocks[0])]
    return all(b.removal is not None for b in seen.doc.blocks[start:] if b.kind != BLANK and b.text.strip())


def check_zone_under_template(removal: Removal, blocks: list[Block], seen: Seen) -> str | None:
    """A zone tail whose boundary is a line a verified learned rule removed takes no sentence. A learned line says
    where the host's template is, which may be between the article's paragraphs, not that the page's furniture
    begins: the paragraphs under it are no readers' comments for that (template_budget.py)."""
    if removal.rule != ZONE_TAIL or not seen.book.verified or not blocks:
        return None
    i = seen.index[id(blocks[0])] - 1
    while i >= 0 and seen.doc.blocks[i].kind == BLANK:
        i -= 1
    boundary = seen.doc.blocks[i].removal if i >= 0 else None
    if boundary is None or boundary.rule not in seen.book.verified:
        return None
    sentence = next((line for line in _lines(removal) if reads_as_sentence(line)), None)
    if sentence is None:
        return None
    return f"its boundary is a line of the host's learned template, and it would take a sentence ({_quote(sentence)})"


CHECKS = (
    check_blurb_under_refused_blurb,
    check_sentence_under_tail,
    check_half_paragraph,
    check_trusted_blurb,
    check_generic_prose,
    check_box_prose,
    check_unanchored_sentence,
    check_long_piece,
    check_sentence_between_markers,
    check_zone_under_template,
)


def check_budget(entries: list[Entry], doc: Document, settings: GuardSettings, seen: Seen) -> str | None:
    """4. In a document of `min_words` words or more, the untrusted removals left may take at most `budget` of
    its words; beyond that all of them are refused (a rule that eats most of an article is broken, whichever of
    its removals is to blame)."""
    total = doc.word_count()
    if total < max(settings.min_words, 1):
        return None
    removed = sum(word_count(r.text) for r, _ in entries if r.refused is None and not seen.trusted(r))
    if removed <= settings.budget * total:
        return None
    return (
        f"removals would take {removed} of {total} words ({removed / total:.0%}), "
        f"over the budget of {settings.budget:.0%}"
    )


def _scored_give_way(
    entries: list[Entry],
    doc: Document,
    settings: GuardSettings,
    seen: Seen,
    judge: Callable[[], str | None] | None = None,
) -> str | None:
    """Over the budget, the generic line scorer's guesses (removals with a `score`) give way first, least sure
    first, until the rest fits: the rules' own removals are not refused for the scorer's excess. What
    `check_budget` (or `judge`, the template budget) then says of the rest."""
    judge = judge or (lambda: check_budget(entries, doc, settings, seen))
    scored = sorted(
        ((r, b) for r, b in entries if r.score is not None and r.refused is None and not seen.trusted(r)),
        key=lambda entry: entry[0].score or 0.0,
    )
    over = judge()
    for removal, blocks in scored:
        if over is None:
            break
        _refuse(seen, removal, blocks, f"{over}; the line scorer's least sure removals are taken back first")
        over = judge()
    return over


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


# --- helpers ------------------------------------------------------------------------------------------------------


def _lines(removal: Removal) -> list[str]:
    return [line for line in removal.text.split("\n") if line.strip()]


def _refuse(seen: Seen, removal: Removal, blocks: list[Block], reason: str) -> None:
    """Take a removal back: its blocks are unmarked, so the text stays exactly as it was."""
    removal.refused = reason
    for block in blocks:
        block.removal = None
        seen.refused_at[id(block)] = removal
    if removal.kind == "block" and len(blocks) > 1:
        # A start...end box over several lines marked its blocks as pieces of one line, so that the halves of a
        # paragraph it cut could be joined. Kept, they are separate lines again: only the last block may still
        # run on into the rest of its own line.
        for block in seen.doc.blocks[seen.index[id(blocks[0])] : seen.index[id(blocks[-1])]]:
            block.split_after = False


def _flag(doc: Document, refused: list[Removal]) -> None:
    if refused:
        first = refused[0]
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        doc.flags["guard"] = f"refused {first.rule}: {first.refused}{more}"


def _kept_neighbour(doc: Document, i: int, step: int) -> Block | None:
    """The nearest kept line of text from block i in direction `step` (a table or code block stops the search)."""
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
