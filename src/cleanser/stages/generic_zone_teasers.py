"""A tail of teasers: other stories' headlines under the article, told by their shape and by their words being the
article's own no more.

A related-stories box, a blogroll or a "most read" list reaches a naive scrape as a run of headline-shaped lines
(four to sixteen words, no sentence end) under the article, among a few prompts and form labels. An article's own
closing list has the same shape (a changelog, the exhibits of a show); what tells them apart is what they talk
about. Teasers are about other things: few of their words stand in the article. An article's list names what the
article is about. So `teaser_tail` takes the lines from under the article's core to the end of the document when

- the core holds MIN_CORE_WORDS words of article prose or more (enough words to compare with) and its last line
  ends a sentence;
- every kept line down to the end is no table, code, protected or structured line (heading, list item, quote), and
  no line introduces a list with a colon unless its words say furniture;
- at least MIN_HEADLINES lines, and HEADLINE_SHARE of the kept lines, are headlines: four to sixteen words, no
  sentence end, colon or digit (a date, a score, a price: a schedule, a table of results, a list of concerts is an
  article's more often than a box of teasers);
- sentences that read as the article's are at most a third of the lines and never MAX_PROSE_RUN in a row (a teaser
  written as a sentence among headlines; a legal footer, whose words say furniture as strongly as a boundary's,
  is none);
- the headlines' words of some length (five letters or more; a pair of Chinese or Japanese characters) stand in
  the core at most MAX_SHARED of the time, taken together;
- and the run says it is furniture: a kept line with furniture words (the zone stage's strength), or
  MANY_HEADLINES headlines or more (a list that long about other things is a box of links).

Teasers written as sentences, or a footer's sentences under the box, may pull the core (the run of highest score,
`generic_zones._core`) over it: the article may also end inside the core, at a line that ends a sentence with
CORE_SHARE of the core's article words above it and a headline right under it, and the same tests hold for what
follows (as for a comment header inside the core, `generic_zones._mark_tail_in_core`).

The first line under the article stays when it may be the article's own last line (a sentence without a boundary's
evidence, a credit); when it introduces what follows with a colon, the lines under it are the article's list and
nothing goes. The zone is one removal, rule `generic/zone-tail` (it runs to the end
of the document, so the guard judges it as a tail zone), with the share of shared words in its evidence.
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import CODE, TABLE, Block
from ..text import WIDE, ends_sentence, word_count
from .generic_lines import words
from .generic_zone_shapes import _CREDIT

MIN_CORE_WORDS = 100  # article prose in the core: fewer words say too little of what the article is about
MIN_HEADLINES = 4  # headline-shaped lines in the run
HEADLINE_SHARE = 0.5  # ... and their share of its kept lines
MAX_PROSE_RUN = 3  # sentences in a row that read as the article's: the article going on
MAX_SHARED = 0.15  # of the headlines' words, those the core holds too
MANY_HEADLINES = 8  # headlines that need no furniture line among them
CORE_SHARE = 2 / 3  # of the core's article words above an end of the article inside the core
HEADLINE_WORDS = (4, 16)  # a headline's length in words


def _headline(text: str) -> bool:
    text = text.strip()
    if ends_sentence(text) or text.endswith(":") or any(c.isdigit() for c in text):
        return False
    return HEADLINE_WORDS[0] <= word_count(text) <= HEADLINE_WORDS[1]


def _content_words(text: str) -> set[str]:
    """The words that say what a line is about: five letters or more, or a pair of wide characters."""
    return {w for w in words(text) if len(w) >= 5 or (len(w) == 2 and WIDE.search(w) is not None)}


def _tail_below(
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    core: tuple[int, int, int],
    strength: Callable[[str], int],
    structured: Callable[[Block], bool],
) -> tuple[int, list[str]] | None:
    """(first line, evidence) of a tail of teasers under the core (`core` is (first, last, article words)), or
    None."""
    first, last, core_words = core
    if core_words < MIN_CORE_WORDS or not ends_sentence(blocks[last].text):
        return None
    kept = [i for i in range(last + 1, len(blocks)) if states[i] != "ruled"]
    if len(kept) <= MIN_HEADLINES:
        return None
    # The first line under the core may be the article's own last line: it stays, and says nothing of the run.
    text = blocks[kept[0]].text
    if (ends_sentence(text) and strength(text) < 2) or _CREDIT.search(text) or text.rstrip().endswith(":"):
        if text.rstrip().endswith(":"):
            return None  # it introduces what follows: the article's list
        kept = kept[1:]
    run = prose = 0
    for i in kept:
        b = blocks[i]
        if b.kind in (TABLE, CODE) or b.protected_by is not None or structured(b):
            return None
        if b.text.rstrip().endswith(":") and not strength(b.text):
            return None
        # A sentence whose words say furniture as strongly as a boundary's (a legal footer) is no article prose.
        sentence = article[i] and strength(b.text) < 2
        run = run + 1 if sentence else 0
        prose += sentence
        if run >= MAX_PROSE_RUN:
            return None
    heads = [i for i in kept if not article[i] and _headline(blocks[i].text)]
    if len(heads) < MIN_HEADLINES or len(heads) < HEADLINE_SHARE * len(kept) or 3 * prose > len(kept):
        return None
    # Furniture evidence inside the run: a kept line with furniture words. A line a rule removed there is none: an
    # advertisement's label stands inside an article's own list as often as in a box of teasers.
    said = sum(1 for i in kept if strength(blocks[i].text))
    if not said and len(heads) < MANY_HEADLINES:
        return None
    core_vocabulary: set[str] = set()
    for i in range(first, last + 1):
        if article[i]:
            core_vocabulary |= _content_words(blocks[i].text)
    head_vocabulary = set().union(*(_content_words(blocks[i].text) for i in heads))
    if not head_vocabulary:
        return None
    shared = len(head_vocabulary & core_vocabulary) / len(head_vocabulary)
    if shared > MAX_SHARED:
        return None
    start = kept[0]
    why = [
        f"a tail of {len(heads)} headlines among {len(kept)} lines below the article, "
        f"{shared:.0%} of their words in the article, {said} with furniture words"
    ]
    return start, why


def teaser_tail(
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    core: tuple[int, int, int],
    strength: Callable[[str], int],
    structured: Callable[[Block], bool],
) -> tuple[int, list[str]] | None:
    """(first line, evidence) of a tail of teasers under the article, or None; see the module docstring. Teasers
    written as sentences, or a footer under them, may pull the core (`core`: first line, last line, article words)
    over the box: the article may also end inside the core, at a line that ends a sentence with CORE_SHARE of the
    core's article words above it and a headline under it."""
    found = _tail_below(blocks, states, article, core, strength, structured)
    if found is not None:
        return found
    first, last, core_words = core
    above = 0
    for i in range(first, last):
        if not article[i]:
            continue
        above += word_count(blocks[i].text)
        if above < CORE_SHARE * core_words or not ends_sentence(blocks[i].text):
            continue
        below = next((j for j in range(i + 1, last + 1) if states[j] != "ruled"), None)
        if below is None or article[below] or not _headline(blocks[below].text):
            continue
        found = _tail_below(blocks, states, article, (first, i, above), strength, structured)
        if found is not None:
            return found
    return None
