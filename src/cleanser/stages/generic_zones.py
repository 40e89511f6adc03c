"""Zones of a plain text: the article's core, and the page furniture above and below it.

A naive scraper's text of a page (every paragraph, one per line) holds the article as one run of prose with the
page around it: menus and share lines above, and below it the comment form, related stories, newsletter boxes and
the legal footer, often for as many lines as the article. The line scorer (`generic_lines.py`) judges one short
line at a time; this stage judges the zones:

1. **The core**: the run of lines with the highest score, where a line that reads as article prose (a sentence,
   with little boilerplate vocabulary) weighs for it by its length, and a short line that is no sentence, or a
   line a rule or the line scorer removed, weighs against it. Below the core, every run of lines from its end on
   weighs more against the article than for it.
2. **The tail** below the core is taken from its *boundary* to the end of the document when
   - the boundary says the page's furniture begins: a short line that is no sentence whose words are in the
     learned boundary vocabulary (`data/generic_zones.json`, fitted by `bench/fit_zones.py`: "Kommentare",
     "Required fields are marked", "All rights reserved", "Impressum"...) or reach the line scorer's safe
     floor, or that bears a copyright sign; a sentence with twice that vocabulary; a legal footer opening with a
     dated copyright; or a line a rule (or the line scorer, with its safe floor's evidence) removed, but for a
     "read also" link to a headline (`INLINE_LINK_RULES`), which stands between the article's paragraphs;
   - the article has closed above it: the core's last line ends a sentence, and between the core and the
     boundary stand a few lines at most, none of them prose, a colon's introduction, a heading, a list item or a
     quote;
   - what follows reads as furniture, not the article going on (`_furniture_below`).
   A long reader comment pulls the core over a comment header: a boundary inside the core starts a tail as well
   when two thirds of the core's article words stand above it (`_mark_tail_in_core`).
   Where no line is a boundary, a tail may still be told by its shape: a run of short furniture lines to the end
   of the document, with furniture words in two of them (`generic_zone_shapes.furniture_run`); or, at
   `aggressive` only, a run of other stories' headlines whose words the article does not share
   (`generic_zone_teasers.teaser_tail`).
3. **The head** above the core: at `aggressive`, a run of three or more menu-shaped lines (one to three words, no
   sentence, digit or colon) at the top of the document, above the title and standfirst; at every level, a run of
   short lines there whose words say furniture (`generic_zone_shapes.furniture_head`: a menu with "Home" and
   "Sport" in it, a sign-in prompt), the title and a short last line left.

Before any of these, a chart's axis (lone numbers counting one way, one per line) is marked wherever it stands
(`generic_axis.py`, rule `generic/axis`); the zones read the lines as they were before it.

Each zone taken is one removal in the audit, rule `generic/zone-tail` or `generic/zone-head` (plugin `generic`,
kind `zone`), with a score and its evidence: the boundary line and what made it one, and the shape of the zone.
The guard judges it: a tail zone that starts at its boundary below the core and runs to the end of the document may
take prose lines (comments, teasers in sentences, legal paragraphs), by the guard's documented exception to check
1, and its budget still applies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..document import BLANK, CODE, LINE, TABLE, Block, Document, Removal
from ..text import continues, ends_sentence, is_prose, word_count
from .chart_values import mark_values
from .generic_axis import mark_axes
from .generic_lines import RULE as SCORER_RULE
from .generic_lines import _headline, _quick_evidence, document_lines, packaged_data, reads_as_sentence, words
from .generic_lines import model as line_model
from .generic_zone_comments import comment_thread
from .generic_zone_excerpts import cut_excerpts, link_kinds, teaser_excerpts
from .generic_zone_footer import MAX_UNDER, footer_tail, may_hold_notice, opens_with_notice
from .generic_zone_pitches import reader_pitch
from .generic_zone_shapes import furniture_head, furniture_run
from .generic_zone_teasers import teaser_tail
from .inline_links import INLINE_LINK_RULES, inline_link

PLUGIN = "generic"
_LINK_HEADLINE = re.compile(r"[:>»|–-] ?\w")
# Where a tail of teasers is taken: at `aggressive` only. On bench/archive_quality.py's held-out sites it took the
# last paragraphs of articles at `safe` (17 of 9,687 article lines: "To sum up, here is the list of drawbacks ...").
TEASER_TAIL_LEVELS = frozenset({"aggressive"})
TAIL_RULE = f"{PLUGIN}/zone-tail"
HEAD_RULE = f"{PLUGIN}/zone-head"
TEASER_RULE = f"{PLUGIN}/teaser-excerpt"
KIND = "zone"
BOUNDARY_WORDS = 12  # a boundary is a header, a label, a share or legal line
LONG_BOUNDARY_WORDS = 25  # ... or a sentence with strong evidence (the guard's limit for generic prose)
FOOTER_WORDS = 80  # ... or a legal footer that says so at its start
FOOTER_LEAD = 12
RUN_EVIDENCE = 1.5  # the line scorer's word evidence that says a line of a furniture run is furniture
EXTEND_EVIDENCE = 1.0  # a line under a ruled boundary that says furniture (the line scorer's words)
LINE_EVIDENCE = 5.0  # the line scorer's word evidence that makes a short line a boundary (its floor at `safe`)
NOTICE_BOUNDARY = "boundary: a line opening with a copyright notice"
MAX_SCORED_WORDS = 25  # the line scorer's limit: longer lines are never weighed by their words
ARTICLE_EVIDENCE = 2.0  # a sentence with less boilerplate vocabulary than this reads as the article going on
MIN_CORE_WORDS = 40  # the article above a tail: a core of fewer words is no article to close
MAX_BETWEEN = 5  # kept lines between the core and the boundary (a sign-off, a byline, tags)
MAX_PROSE_RUN = 3  # sentences in a row below the boundary that read as the article going on
CORE_SHARE = 2 / 3  # of the core's article words above a boundary inside it
HEAD_RUN = 3  # menu-shaped lines in a row at the top of a document
HEAD_WORDS = 3
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.IGNORECASE)
_SENTENCE_MARKS = frozenset(".!?…。！？:")  # what a sentence (or a colon's introduction) ends with
_GLUED_END = re.compile(r"(?<=[.!?…])(?=[A-Z])")
_MARKED = re.compile(r"\s*(?:#{1,6}\s|\d{1,3}[.)]\s|[-*+•]\s|>\s?)")
_DATED_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:19|20)\d\d\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The learned boundary vocabulary and its threshold (`data/generic_zones.json`), read once per process."""
    return packaged_data("generic_zones.json")


def boundary_score(text: str, vocab: dict[str, float]) -> tuple[float, list[str]]:
    """The summed weights of the line's words and word pairs in the boundary vocabulary, with the terms found."""
    ws = [w for w in words(text) if w != "0"]
    found = [t for t in {*ws, *(f"{a} {b}" for a, b in pairwise(ws))} if t in vocab]
    found.sort(key=lambda t: -vocab[t])
    return sum(vocab[t] for t in found), found


def _boundary(block: Block, state: str, data: dict[str, Any], lines: dict[str, Any]) -> list[str] | None:
    """Why the line is a boundary (its evidence), or None when it is none. A short line that is no sentence needs
    the boundary vocabulary, the line scorer's words or a copyright sign; a sentence or a longer line (a comment
    form's "Your email address will not be published.", a legal footer) needs twice the vocabulary's threshold or a
    copyright sign with its year; and a line of up to FOOTER_WORDS words that opens with a copyright notice
    (`generic_zone_footer.opens_with_notice`) is one whatever its words."""
    why = _boundary_by_words(block, state, data, lines)
    if why is not None or state not in ("short", "other", "prose") or block.protected_by is not None:
        return why
    if block.kind in (TABLE, CODE):
        return None
    if word_count(block.text) <= FOOTER_WORDS and opens_with_notice(block.text):
        return [NOTICE_BOUNDARY]
    return reader_pitch(block.text)  # generic_zone_pitches.py


def _boundary_by_words(block: Block, state: str, data: dict[str, Any], lines: dict[str, Any]) -> list[str] | None:
    text = block.text
    if state == "ruled":
        assert block.removal is not None
        # A promo glued onto an article line is no line of its own: no boundary.
        if block.removal.kind == "glued" or block.removal.where == "glued":
            return None
        # A "read also" link (its formula, a separator, a headline) stands between the article's paragraphs by
        # design: the article may go on under it. The formula alone is a heading, and may head the furniture.
        # A site's or a learned rule may have claimed the line first: its wording says what it is (inline_links.py).
        if _LINK_HEADLINE.search(text) and (block.removal.rule in INLINE_LINK_RULES or inline_link(text)):
            return None
        # The line scorer's removal at the aggressive level is no boundary unless its words reach the safe floor:
        # a boundary starts the removal of everything under it, so it needs the evidence the safe level does.
        if block.removal.rule == SCORER_RULE and _quick_evidence(text, lines) < LINE_EVIDENCE:
            return None
        return [f"boundary removed by {block.removal.rule}"]
    if state not in ("short", "other", "prose") or block.protected_by is not None or block.kind in (TABLE, CODE):
        return None
    n = word_count(text)
    if n > LONG_BOUNDARY_WORDS:
        # A legal footer: a dated copyright among its first words, and the vocabulary of a boundary.
        if n <= FOOTER_WORDS and _DATED_COPYRIGHT.search(" ".join(text.split()[:FOOTER_LEAD])):
            score, found = boundary_score(text, data["boundary"])
            if score >= data["threshold"]:
                return [f"boundary: a legal footer, vocabulary {score:.2f}: " + ", ".join(found[:3])]
        return None
    score, found = boundary_score(text, data["boundary"])
    if n > BOUNDARY_WORDS or reads_as_sentence(text):
        if score >= 2 * data["threshold"]:
            return [f"boundary vocabulary {score:.2f}: " + ", ".join(found[:3])]
        if score >= data["threshold"] and _DATED_COPYRIGHT.search(text):
            return [f"boundary: a copyright line, vocabulary {score:.2f}: " + ", ".join(found[:3])]
        return None
    if score >= data["threshold"]:
        return [f"boundary vocabulary {score:.2f}: " + ", ".join(found[:3])]
    evidence = _quick_evidence(text, lines)
    if evidence >= LINE_EVIDENCE:
        return [f"boundary by the line scorer's words {evidence:.2f}"]
    if _COPYRIGHT.search(text):
        return ["boundary: a copyright line"]
    return None


def _article_like(block: Block, state: str, lines: dict[str, Any]) -> bool:
    """A kept line that reads as the article: prose or a sentence with little boilerplate vocabulary, a table, code,
    or a line a keep rule protects. (A byline or a line of Chinese is no prose to the line scorer's states, nor
    here.)"""
    if state == "ruled":
        return False
    if block.kind in (TABLE, CODE) or block.protected_by is not None:
        return True
    text = block.text
    # A legal footer ("© 2019 Example Media. All rights reserved. ...") is prose by its shape and the page's by its
    # sign and words; at the end of a document it would pull the core over the furniture above it.
    if ("©" in text and _legal(text)) or opens_with_notice(text):
        return False
    # Word evidence adds up over a paragraph: past the line scorer's length, prose is the article's by its shape
    # (most of an article's lines, decided here without reading their words).
    prose = is_prose(text)
    words = word_count(text)
    if prose and words > MAX_SCORED_WORDS:
        return True
    # A sentence a promo or a sign-off was glued onto ("...for comment.Reporting by") is a sentence too; a line
    # with no sentence mark anywhere holds none.
    if not prose and not (
        any(c in _SENTENCE_MARKS for c in text) and any(reads_as_sentence(p) for p in _GLUED_END.split(text))
    ):
        return False
    if words > MAX_SCORED_WORDS or _quick_evidence(text, lines) >= ARTICLE_EVIDENCE:
        return words > MAX_SCORED_WORDS
    # The site's pitch to its reader ("Follow us on Twitter to get the latest"): a sentence, and the page's.
    return reader_pitch(text) is None


def _legal(text: str) -> bool:
    """A line with the boundary vocabulary's evidence (the words of a legal footer: "All rights reserved")."""
    data = vocabulary()
    return boundary_score(text, data["boundary"])[0] >= data["threshold"]


def _structured(block: Block) -> bool:
    """A line written as a heading, a list item or a quote (Markdown-like text, or a block the reader classified):
    the structure of an article someone wrote, never a naive scrape's furniture."""
    return block.kind != LINE or bool(block.prefix) or bool(_MARKED.match(block.text))


def _says_furniture(text: str, data: dict[str, Any], lines: dict[str, Any]) -> bool:
    if _COPYRIGHT.search(text) or boundary_score(text, data["boundary"])[0] > 0:
        return True
    return _quick_evidence(text, lines) >= EXTEND_EVIDENCE


def _furniture_strength(text: str, data: dict[str, Any], lines: dict[str, Any]) -> int:
    """How strongly a line's words say furniture: 2 as strongly as a boundary's (the boundary vocabulary, the line
    scorer's safe floor, a copyright sign), 1 some (a word of the vocabulary, the line scorer's words), 0 not."""
    if _COPYRIGHT.search(text):
        return 2
    score = boundary_score(text, data["boundary"])[0]
    evidence = _quick_evidence(text, lines)
    if score >= data["threshold"] or evidence >= LINE_EVIDENCE:
        return 2
    return 1 if score > 0 or evidence >= RUN_EVIDENCE else 0


def _furniture_below(
    blocks: list[Block], states: list[str], article: list[bool], b: int, data: dict[str, Any], lines: dict[str, Any]
) -> bool:
    """Whether what follows boundary `b` reads as page furniture rather than the article going on: the first kept
    line under it reads as no article prose, no table, code or protected line follows, no MAX_PROSE_RUN lines of
    article prose follow in a row, and the kept lines that read as no article outnumber twice those that do (a
    teaser or a comment among furniture; one paragraph after a share line and nothing else is the article's)."""
    below = [i for i in range(b + 1, len(blocks)) if states[i] != "ruled"]
    if below and article[below[0]]:
        return False
    if states[b] == "ruled" and below:
        # A line a rule removed may be a promo standing among the article's last lines. The furniture must say so
        # under it too: some line there has words of a boundary or of the line scorer's boilerplate, or a
        # copyright sign; and a lone sentence there (a bio, an editor's note), whatever its words, is the article's.
        if not any(_says_furniture(blocks[i].text, data, lines) for i in below):
            return False
        # A copyright notice is no sentence of the article, whatever its full stops say (generic_zone_footer.py).
        sentences = (i for i in below if not opens_with_notice(blocks[i].text))
        if sum(1 for i in sentences if reads_as_sentence(blocks[i].text) or is_prose(blocks[i].text)) == 1:
            return False
    run = prose = 0
    for i in below:
        if blocks[i].kind in (TABLE, CODE) or blocks[i].protected_by is not None or _structured(blocks[i]):
            return False
        run = run + 1 if article[i] else 0
        prose += article[i]
        if run >= MAX_PROSE_RUN:
            return False
    # One sentence among furniture may be the article's own (an author's note, a correction, a bio): sentences go
    # with a zone only when several stand among its furniture, as comments and teasers do.
    return prose == 0 or (prose >= 2 and 2 * prose <= len(below) - prose)


def _furniture(block: Block, state: str, article: bool, data: dict[str, Any], lines: dict[str, Any]) -> bool:
    """A line right above a boundary that goes with it: removed already, or not the article and holding the
    boundary vocabulary or the line scorer's words as strongly as a boundary must (a pitch line, a form's label, a
    sign-in prompt)."""
    if state == "ruled":
        return True
    if article or block.protected_by is not None or block.kind in (TABLE, CODE) or block.text.rstrip().endswith(":"):
        return False
    score, evidence = boundary_score(block.text, data["boundary"])[0], _quick_evidence(block.text, lines)
    if is_prose(block.text) or reads_as_sentence(block.text):
        # A sentence goes with the boundary only when its words say boilerplate as strongly as a boundary's.
        return word_count(block.text) <= LONG_BOUNDARY_WORDS and (
            score >= 2 * data["threshold"] or evidence >= 2 * LINE_EVIDENCE or reader_pitch(block.text) is not None
        )
    # As strong as a boundary's own evidence: the line right above a boundary is as often the article's last line,
    # cut short of a full stop (an emoji, a quote), with a word of a button or form in it ("gefällt mir").
    return score >= data["threshold"] or evidence >= LINE_EVIDENCE


def _core(blocks: list[Block], states: list[str], article: list[bool]) -> tuple[int, int, int] | None:
    """The run of lines with the highest score (Kadane): (first, last, words of article prose in it)."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, (block, state) in enumerate(zip(blocks, states, strict=True)):
        if article[i]:
            weight = 1.0 + min(word_count(block.text), 60) / 20
        elif state == "ruled":
            weight = -2.0
        elif state == "short":
            weight = -0.5
        else:
            weight = 0.0
        if run <= 0:
            run, start = 0.0, i
        run += weight
        if run > best:
            best, best_span = run, (start, i)
    if best_span is None:
        return None
    first, last = best_span
    prose_words = sum(word_count(blocks[i].text) for i in range(first, last + 1) if article[i])
    return first, last, prose_words


def _remove(doc: Document, taken: list[Block], rule: str, score: float, evidence: list[str]) -> None:
    removal = Removal(
        rule=rule,
        plugin=PLUGIN,
        text="\n".join(b.text for b in taken),
        kind=KIND,
        line=taken[0].line,
        start=taken[0].start,
        end=taken[-1].at(len(taken[-1].text), end=True),
        score=score,
        evidence=tuple(evidence),
    )
    for block in taken:
        block.removal = removal


def mark_zones(doc: Document, level: str) -> int:
    """Mark the tail (and at `aggressive` the head) of a text document that is page furniture; return how many
    lines were marked. HTML documents and level "off" are left alone."""
    if level == "off" or doc.source != "text":
        return 0
    blocks, states = document_lines(doc)
    if len(blocks) < 3:
        return 0
    # A chart's tick labels, wherever they stand (generic_axis.py), and its values among labels rules took
    # (chart_values.py). The other zones read the lines as they were before: an axis is no boundary, and the
    # article around a chart is one core.
    marked = mark_axes(doc, blocks, states) + mark_values(doc, blocks, states)
    marked += _mark_zones(doc, blocks, states, level)
    return marked + _mark_marked_tail(doc, blocks, states)


def _mark_marked_tail(doc: Document, blocks: list[Block], states: list[str]) -> int:
    """A tail that marks itself, line after line, whatever the zones above found: a comment thread (its headers,
    timestamps and reply buttons: `generic_zone_comments.py`) or a run of teasers that end with a "read more" link
    or carry a byline (`generic_zone_excerpts.py`). It runs to the end of the document, and the lines above it stay
    as the other zones left them."""
    lines = line_model()
    cache: dict[int, bool] = {}

    def article_like(i: int) -> bool:
        if i not in cache:
            state = "ruled" if blocks[i].removal is not None else states[i]
            cache[i] = _article_like(blocks[i], state, lines)
        return cache[i]

    data = vocabulary()
    kinds = link_kinds(blocks)
    found = comment_thread(blocks, article_like, _structured) or teaser_excerpts(
        blocks, article_like, _structured, lambda t: _furniture_strength(t, data, lines), kinds
    )
    marked = 0
    if found is not None:
        b, why = found
        article = [article_like(i) for i in range(len(blocks))]
        marked = _take_tail(doc, blocks, article, b, 0.85, why, "")
    # Elsewhere, a related story's excerpt cut short before its link, between the article's paragraphs.
    for i in cut_excerpts(blocks, article_like, kinds):
        _remove(doc, [blocks[i]], TEASER_RULE, 0.8, ["an excerpt cut short by an ellipsis before its read-more link"])
        marked += 1
    return marked


def _mark_zones(doc: Document, blocks: list[Block], states: list[str], level: str) -> int:
    lines = line_model()
    # Most documents end on a paragraph of the article with nothing kept under it (a rule took the promo lines
    # there): no tail to take, and the head is the aggressive level's.
    # A copyright notice under that paragraph, the document's last kept lines, changes nothing of how the rest is
    # read (generic_zone_footer.py): the document still ends on the article, and the notice goes alone.
    end, notice = len(states) - 1, None
    while end >= 0 and (states[end] == "ruled" or _trailing_notice(blocks[end])):
        if states[end] != "ruled":
            notice = end
        end -= 1
    if level != "aggressive" and end >= 0 and states[end] == "prose" and ends_sentence(blocks[end].text) and (
        _article_like(blocks[end], states[end], lines)
    ):
        cache: dict[int, bool] = {}

        def article_like(i: int) -> bool:
            if i not in cache:
                cache[i] = _article_like(blocks[i], states[i], lines)
            return cache[i]

        if notice is not None:
            why = _boundary(blocks[notice], states[notice], vocabulary(), lines) or [NOTICE_BOUNDARY]
            marked = _take_tail(doc, blocks, [article_like(i) for i in range(len(blocks))], notice, 0.9, why, "")
        else:
            # ... and a page's footer may stand above what the page put after it (a cookie banner, a "support us"
            # box).
            marked = _mark_footer(doc, blocks, states, article_like, lines)
        return marked + _mark_head_only(doc, blocks, states, level, lines)
    article = [_article_like(b, s, lines) for b, s in zip(blocks, states, strict=True)]
    core = _core(blocks, states, article)
    if core is None or core[2] < MIN_CORE_WORDS:
        return 0
    first, last, core_words = core
    marked = _mark_tail(doc, blocks, states, article, last, lines)
    if not marked:
        marked = _mark_tail_in_core(doc, blocks, states, article, first, last, core_words, lines)
    if not marked:
        marked = _mark_shape_tail(doc, blocks, states, article, last, lines)
    if not marked and level in TEASER_TAIL_LEVELS:
        marked = _mark_teaser_tail(doc, blocks, states, article, core, lines)
    if not marked:
        marked = _mark_footer(doc, blocks, states, article.__getitem__, lines)
    if not marked:
        marked = _mark_pitch_tail(doc, blocks, states, article, last, lines)
    marked += _mark_head(doc, blocks, states, article, first, level, lines)
    return marked


def _trailing_notice(block: Block) -> bool:
    return (
        block.kind not in (TABLE, CODE) and block.protected_by is None and word_count(block.text) <= FOOTER_WORDS
        and opens_with_notice(block.text)
    )


def _mark_head_only(
    doc: Document, blocks: list[Block], states: list[str], level: str, lines: dict[str, Any]
) -> int:
    """The head of a document with no tail to take: most start on the article's title or first paragraph, and
    cost one look at their first line; the others are read down to their first line of article prose (the
    core's first line, for a document that ends on the article)."""
    top = next((i for i, s in enumerate(states) if s != "ruled"), None)
    if top is None or states[top] == "prose":
        return 0
    article: list[bool] = []
    for block, state in zip(blocks, states, strict=True):
        article.append(_article_like(block, state, lines))
        if article[-1] and word_count(block.text) > MAX_SCORED_WORDS:
            break
    first = len(article) - 1
    return _mark_head(doc, blocks, states, article, first, level, lines) if article[first] else 0


def _mark_tail(
    doc: Document, blocks: list[Block], states: list[str], article: list[bool], last: int, lines: dict[str, Any]
) -> int:
    """The tail below the core (`last` is its last line), from the first boundary line on; see the module
    docstring. The core is the run of highest score: below it, every run of lines from its end on weighs more
    against the article than for it, so a paragraph or two there (a teaser, a comment) is no article going on."""
    if not ends_sentence(blocks[last].text):
        return 0  # the article may go on below a list, a colon or a cut sentence
    data = vocabulary()
    between = 0
    for b in range(last + 1, len(blocks)):
        why = _boundary(blocks[b], states[b], data, lines)
        if why is None:
            text = blocks[b].text
            if article[b] or text.rstrip().endswith(":") or _structured(blocks[b]):
                return 0  # prose, a heading or an introduced list before any boundary: the article goes on
            if states[b] != "ruled":
                between += 1
                if between > MAX_BETWEEN:
                    return 0
            continue
        if not _furniture_below(blocks, states, article, b, data, lines):
            return 0
        if states[b] == "ruled" and all(states[i] == "ruled" for i in range(b + 1, len(blocks))):
            # A rule took the boundary and nothing is kept under it: the zone would take only the lines above it,
            # which the line scorer judged one by one and kept; an article's list ends there as often as a form.
            return 0
        # The furniture right above the boundary goes with it (a comment form's lines above its legal footer).
        while b - 1 > last and _furniture(blocks[b - 1], states[b - 1], article[b - 1], data, lines):
            b -= 1
        if why == [NOTICE_BOUNDARY] and (
            any(states[i] != "ruled" for i in range(last + 1, b))
            or sum(1 for i in range(b + 1, len(blocks)) if states[i] != "ruled") > MAX_UNDER
        ):
            # A notice is a boundary by its opening alone: it takes no more than the furniture right above it, and
            # lines it would leave standing between the article and itself (other stories' headlines) are the
            # teaser tail's to judge, which takes them with the footer; under it, a banner or two (MAX_UNDER kept
            # lines), not a page of lines (a shop's cart, another section).
            return 0
        return _take_tail(doc, blocks, article, b, 0.9, why, "")
    return 0


def _mark_shape_tail(
    doc: Document, blocks: list[Block], states: list[str], article: list[bool], last: int, lines: dict[str, Any]
) -> int:
    """A tail with no boundary line, told by its shape (`generic_zone_shapes.py`)."""
    data = vocabulary()
    found = furniture_run(blocks, states, article, last, lambda t: _furniture_strength(t, data, lines), _structured)
    if found is None:
        return 0
    b, why = found
    return _take_tail(doc, blocks, article, b, 0.8, why, "")


def _mark_footer(
    doc: Document, blocks: list[Block], states: list[str], article: Callable[[int], bool], lines: dict[str, Any]
) -> int:
    """A tail from a dated copyright notice under the article to the end (`generic_zone_footer.footer_tail`), with
    the furniture right above the notice (`_furniture`: a footer's links, "Powered by WordPress")."""
    if doc.original is not None and not may_hold_notice(doc.original):
        return 0  # most documents: one look at the whole text
    found = footer_tail(blocks, states, article, _structured)
    if found is None:
        return 0
    b, why = found
    data = vocabulary()
    while b > 0 and _furniture(blocks[b - 1], states[b - 1], article(b - 1), data, lines):
        b -= 1
    return _take_tail(doc, blocks, [article(i) for i in range(len(blocks))], b, 0.85, why, "")


def _mark_pitch_tail(
    doc: Document, blocks: list[Block], states: list[str], article: list[bool], last: int, lines: dict[str, Any]
) -> int:
    """A tail from the site's pitch to its reader (`generic_zone_pitches.reader_pitch`) below the core to the end,
    where the core's last line need not end a sentence (a quote's attribution, a sign-off) but nothing under the
    pitch reads as the article's: every kept line there is no article prose, and none is a table, code, a protected
    or structured line. The pitch itself must not carry on the line above it (half a sentence a line break cut)."""
    kept = [i for i in range(last + 1, len(blocks)) if states[i] != "ruled"]
    b = next((i for i in kept if reader_pitch(blocks[i].text) is not None), None)
    if b is None:
        return 0
    for i in kept:
        if i < b:
            if article[i] or _structured(blocks[i]) or blocks[i].text.rstrip().endswith(":"):
                return 0
            continue
        block = blocks[i]
        if (i > b and article[i]) or block.kind in (TABLE, CODE) or block.protected_by is not None:
            return 0
        if _structured(block):
            return 0
    above = next((i for i in range(b - 1, -1, -1) if states[i] != "ruled"), None)
    if above is not None and continues(blocks[above].text, blocks[b].text):
        return 0
    why = reader_pitch(blocks[b].text) or []
    data = vocabulary()
    while b - 1 > last and _furniture(blocks[b - 1], states[b - 1], article[b - 1], data, lines):
        b -= 1
    return _take_tail(doc, blocks, article, b, 0.85, why, "")


def _mark_teaser_tail(
    doc: Document,
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    core: tuple[int, int, int],
    lines: dict[str, Any],
) -> int:
    """A tail of other stories' headlines, whose words the article does not share (`generic_zone_teasers.py`)."""
    data = vocabulary()
    found = teaser_tail(blocks, states, article, core, lambda t: _furniture_strength(t, data, lines), _structured)
    if found is None:
        return 0
    b, why = found
    return _take_tail(doc, blocks, article, b, 0.75, why, "")


def _take_tail(
    doc: Document, blocks: list[Block], article: list[bool], b: int, score: float, why: list[str], kind: str
) -> int:
    """Remove every kept line from boundary `b` to the end as one zone; return how many lines went."""
    taken = [x for x in blocks[b:] if x.removal is None and x.kind != BLANK]
    if not taken:
        return 0
    shape = f"{len(blocks) - b - 1} lines below it, {sum(article[b + 1 :])} of them sentences{kind}"
    _remove(doc, taken, TAIL_RULE, score, [*why, repr(blocks[b].text[:60]), shape])
    return len(taken)


def _mark_tail_in_core(
    doc: Document,
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    first: int,
    last: int,
    core_words: int,
    lines: dict[str, Any],
) -> int:
    """Readers' comments are prose too, and a long one pulls the core over the comment section's header. A boundary
    inside the core still starts a tail when the article above it holds CORE_SHARE of the core's article words and
    its last line ends a sentence, and what follows reads as furniture with a comment or teaser here and there
    (`_furniture_below`), as for a boundary below the core."""
    data = vocabulary()
    above_words = 0
    for b in range(first, last + 1):
        if article[b]:
            above_words += word_count(blocks[b].text)
            continue
        if above_words < max(MIN_CORE_WORDS, CORE_SHARE * core_words):
            continue
        why = _boundary(blocks[b], states[b], data, lines)
        if why is None:
            continue
        above = next((i for i in range(b - 1, -1, -1) if states[i] != "ruled"), None)
        if above is None or not article[above] or not ends_sentence(blocks[above].text):
            continue
        if not _furniture_below(blocks, states, article, b, data, lines):
            continue
        return _take_tail(doc, blocks, article, b, 0.85, why, " (comments or teasers)")
    return 0


def _menu_breaker(text: str) -> bool:
    return any(c.isdigit() for c in text) or text.rstrip().endswith(":") or _structured_text(text)


def _structured_text(text: str) -> bool:
    return bool(_MARKED.match(text))


def _mark_head(
    doc: Document,
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    first: int,
    level: str,
    lines: dict[str, Any],
) -> int:
    """At the aggressive level: a run of menu-shaped lines (one to HEAD_WORDS words, no sentence, no digit, no
    colon) from the top of the document, above the core; its last line stays, as it may be the title. At every
    level (and where that found nothing): a run of short lines there whose words say furniture
    (`generic_zone_shapes.furniture_head`)."""
    run: list[Block] = []
    titled = False
    for block, state in zip(blocks[:first], states[:first], strict=True):
        if state == "ruled":
            continue
        text = block.text
        # A menu's items have no digits and introduce nothing: an ingredient ("400 g flour") or a label ("By:")
        # ends the run.
        if state != "short" or word_count(text) > HEAD_WORDS or reads_as_sentence(text) or _menu_breaker(text):
            titled = state == "other" and _headline(text)  # the line scorer's protected title stops the run
            break
        run.append(block)
    # Unless the run stops at a protected title, its last line may be a short title ("Pier reopens"): it stays.
    if run and not titled:
        run.pop()
    if level == "aggressive" and len(run) >= HEAD_RUN:
        why = [f"{len(run)} menu-shaped lines above the article", repr(run[0].text[:40])]
        _remove(doc, run, HEAD_RULE, 0.8, why)
        return len(run)
    # At `safe` (and where the menu shape found nothing), the run must say it is furniture.
    data = vocabulary()
    found = furniture_head(blocks, states, article, first, lambda t: _furniture_strength(t, data, lines), _structured)
    if found is None:
        return 0
    run = [blocks[i] for i in found[0]]
    why = [*found[1], repr(run[0].text[:40])]
    _remove(doc, run, HEAD_RULE, 0.8, why)
    return len(run)
