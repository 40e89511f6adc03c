"""Zones of a plain text told by their shape, where no boundary line says where the furniture begins.

Most tails of a naive scrape have no header line a `<p>` scrape keeps: the "Comments" or "Related" heading was an
`<h2>`. What is left is a run of short lines that no article ends with: a sign-in box's labels and prompts, a
comment list's headers, a footer's links. Above the article, a menu and a sign-in prompt. `generic_zones.py` asks
this module when it found no boundary for a tail, and for the head at every level:

- **a furniture run below the article** (`furniture_run`): from below the core, whose last line ends a sentence, to
  the end of the document, MIN_RUN kept lines or more, none a table, code, a protected or structured line (heading,
  list item, quote), none introducing a list, and none a sentence that reads as the article's (a prompt of
  PROMPT_WORDS words or fewer with furniture words may stand there: "Don't have an account? Sign up"). At least
  SAID_SHARE of its lines, and two or more, are no sentence and say furniture with some of the line scorer's or the
  boundary vocabulary's words; or one line says it as strongly as a boundary (the vocabulary's threshold, the line
  scorer's safe floor, a copyright sign, or a short line that comes back REPEATED times with a number or such a
  word in it: a comment list's headers). The zone starts at the first of them, and takes the lines above it that
  cannot be the article's (`_stops_run`): never the article's short last line that ends a sentence, a sign-off, a
  list's introduction or a line with a number in it.
- **a furniture run above the article** (`furniture_head`): from the top of the document down to the line
  scorer's protected title or the first line that may be the article's, short lines with the same evidence and
  share; a line of HEAD_TITLE_WORDS words or more needs a boundary's evidence (it may be the title's kicker), and
  the run's last line stays unless it has that evidence (it may be a short title).

Neither looks at one line's words alone: a run of lines has the shape and the evidence together, which is why a
line the line scorer keeps (its evidence under the safe floor) may go here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..document import CODE, TABLE, Block
from ..text import ends_sentence, word_count
from .generic_lines import reads_as_sentence

# A credit of the article's own: "Reporting by Jane Doe", "Text und Fotos von ...".
_CREDIT = re.compile(r"\b(?:by|von|par|por|di|door|av|af|przez)\s+\w", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
REPEATED = 3  # times a short line comes back in the run, numbers aside, to say it is a widget's
MIN_RUN = 3  # kept lines in a furniture run
SAID_SHARE = 0.5  # of a furniture run's lines, those whose words say furniture
HEAD_TITLE_WORDS = 4  # a line above the article this long may be its title
PROMPT_WORDS = 8  # a short sentence with furniture words in a run: a prompt, a button's label


def _stops_run(text: str) -> bool:
    """A line above the run's first evidence that may be the article's own: it ends a sentence, introduces a list,
    credits someone, or holds a digit (a result, a date of a list, a price)."""
    return (
        ends_sentence(text) or text.rstrip().endswith(":") or bool(_CREDIT.search(text))
        or any(c.isdigit() for c in text)
    )


def furniture_run(
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    last: int,
    strength: Callable[[str], int],
    structured: Callable[[Block], bool],
) -> tuple[int, list[str]] | None:
    """(first line, evidence) of a run of furniture from below the core (`last` is its last line) to the end of
    the document, or None. `strength` says how strongly a line's words say furniture: 0 not, 1 some (the line
    scorer's words), 2 as strongly as a boundary's."""
    if not ends_sentence(blocks[last].text):
        return None
    kept = [i for i in range(last + 1, len(blocks)) if states[i] != "ruled"]
    if len(kept) < MIN_RUN:
        return None
    for i in kept:
        b = blocks[i]
        if b.kind in (TABLE, CODE) or b.protected_by is not None or structured(b):
            return None
        # A short sentence with furniture words is a form's or a prompt's ("Don't have an account? Sign up"); any
        # other sentence that reads as the article's keeps the run.
        if article[i] and not (word_count(b.text) <= PROMPT_WORDS and strength(b.text)):
            return None
    # Only lines that are no sentence say where the furniture is: a short sentence with a word of a button in it
    # ("Read more than you write.") may be a Q&A's last answer.
    said = {i: strength(blocks[i].text) for i in kept if not reads_as_sentence(blocks[i].text)}
    # A short line that comes back, numbers aside, REPEATED times with a number or a furniture word in it is a
    # widget's (a comment's header with its date, a "Reply" button, a teaser's comment count). A word alone that
    # comes back is no sign: the headings of a match report's line-ups ("Goals", "Substitutes") do.
    shapes = Counter(_DIGITS.sub("0", blocks[i].text.strip()) for i in said)
    for i in said:
        text = blocks[i].text
        if shapes[_DIGITS.sub("0", text.strip())] >= REPEATED and (said[i] or _DIGITS.search(text)):
            said[i] = 2
    said = {i: v for i, v in said.items() if v}
    # One line with a word of the line scorer's may be an item of the article's closing list ("Faster search for
    # teams"): two such lines, or one as strong as a boundary.
    if len(said) < 2 and 2 not in said.values():
        return None
    first = min(said)
    # The short lines above the first that says furniture go with it, unless one may be the article's (see
    # `_stops_run`).
    above = [i for i in kept if i < first]
    while above and not _stops_run(blocks[above[-1]].text):
        first = above.pop()
    # The line right under the article is the article's own when it ends a sentence ("More to come. Watch this
    # space!") and its words do not say furniture as strongly as a boundary's, or when it has some length and no
    # furniture words at all: a last subhead or a closing line with no full stop ("It's easiest to judge the Vision
    # Pro on what won't change", seen lost in bench/archive_quality.py's tune part, whose bodies are real articles').
    if first == kept[0]:
        text, strength_of_first = blocks[first].text, said.get(first, 0)
        if (ends_sentence(text) and strength_of_first < 2) or (
                not strength_of_first and word_count(text) > HEAD_TITLE_WORDS):
            first = kept[1]
    run = [i for i in kept if i >= first]
    said = {i: v for i, v in said.items() if i >= first}
    if len(run) < MIN_RUN or (len(said) < 2 and 2 not in said.values()) or len(said) < SAID_SHARE * len(run):
        return None
    # A line that introduces a list ("The release adds:") above the run or in it with no furniture words: the
    # lines under it are the article's list, whatever words its items hold ("Search in comments").
    if any(blocks[i].text.rstrip().endswith(":") and not said.get(i) for i in kept):
        return None
    why = [f"a furniture run of {len(run)} short lines below the article, {len(said)} with furniture words"]
    return first, why


def furniture_head(
    blocks: list[Block],
    states: list[str],
    article: list[bool],
    first: int,
    strength: Callable[[str], int],
    structured: Callable[[Block], bool],
) -> tuple[list[int], list[str]] | None:
    """(lines, evidence) of a run of furniture from the top of the document to above the article's core (`first`
    is its first line), or None: short lines (menus, a sign-in prompt, a date with its label) whose words say
    furniture, up to the first line that may be the article's (its title, a sentence that reads as the article, a
    list's introduction or an item with a number that no furniture word vouches for: an ingredient, an infobox's
    row)."""
    run: list[int] = []
    titled = False
    for i in range(first):
        if states[i] == "ruled":
            continue
        b, text = blocks[i], blocks[i].text
        if states[i] == "other" or b.kind in (TABLE, CODE) or b.protected_by is not None or structured(b):
            # The line scorer's protected title (a headline right above the first paragraph) ends the run.
            titled = states[i] == "other" and b.kind not in (TABLE, CODE) and b.protected_by is None
            break
        said = strength(text)
        if article[i] and not (word_count(text) <= PROMPT_WORDS and said):
            break
        if states[i] != "short" and not said:
            break
        # A line of a few words may be the title or its kicker ("No leaflet provided by the maker"): a word of the
        # line scorer's is not enough there, only a boundary's evidence.
        if word_count(text) >= HEAD_TITLE_WORDS and said < 2:
            break
        if (text.rstrip().endswith(":") or any(c.isdigit() for c in text)) and not said:
            break
        run.append(i)
    # Unless the run stops at the protected title, its last line may be a short title ("Pier reopens", "Home sweet
    # home"): it stays unless its words say furniture as strongly as a boundary's.
    if run and not titled and strength(blocks[run[-1]].text) < 2:
        run.pop()
    if len(run) < MIN_RUN:
        return None
    said = {i: strength(blocks[i].text) for i in run if not reads_as_sentence(blocks[i].text)}
    said = {i: v for i, v in said.items() if v}
    if (len(said) < 2 and 2 not in said.values()) or len(said) < SAID_SHARE * len(run):
        return None
    why = [f"a furniture run of {len(run)} short lines above the article, {len(said)} with furniture words"]
    return run, why
