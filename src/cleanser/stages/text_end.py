"""Where the article's text ends: its last paragraph of prose, not the furniture an extraction kept after it.

The `truncated` flag judges how the article's last paragraph ends. On real pages the document's last block is often
not that paragraph: extraction keeps a list of related teasers after the article ("Neue Rechte / <headline> / <an
excerpt cut at 200 characters>… / weiterlesen 3 Minuten", repeated), or a "back to the overview" link, a date, a
category. A teaser's excerpt is cut on purpose, so judged as the article's end it flags a complete article; and the
article's own cut paragraph hides behind a short line. So the end is found first:

- a **teaser list** at the end is cut off: two or more teasers in a row, each an excerpt (a prose block of eight to
  `EXCERPT_WORDS` words) with short lines around it (a headline, a label, a date, a "read more" link), and each
  either followed by a "read more" link or trailing off in an ellipsis. One teaser alone is not a list: a teaser
  page is an excerpt and its "read more" link, and the flag must see it;
- so is a **trimmed run** (`teaser_ends.trimmed_run_start`): three or more excerpts in a row that each stop open,
  as a related list whose headlines a naive scraper dropped leaves them;
- then short lines and non-prose blocks after the last paragraph of prose are passed over (at most
  `FURNITURE_BLOCKS`: more than that is no furniture but the text's own shape).

Nothing here removes text: it only says which block the flag should read.
"""

from __future__ import annotations

import re

from ..document import HEADING, LINE, PARAGRAPH, QUOTE, Block
from ..text import words_in
from .teaser_ends import trimmed_run_start
from .wall_wording import typographic

PROSE = (PARAGRAPH, LINE, QUOTE)
MIN_WORDS = 8  # a block shorter than this is a label, a date, a link or a sign-off, not a paragraph
EXCERPT_WORDS = 90  # a teaser's excerpt is at most this long
SHORT_AROUND = 4  # at most this many short lines go with one teaser
FURNITURE_BLOCKS = 4  # at most this many short blocks are passed over after the last paragraph
# A "read more" link's label, in the languages of the wall wording. Beyond the first set: "Lesen Sie weiter",
# "Continuer la lecture" (a French blog template's read-more label, public front-end code), "Sigue leyendo",
# "Läs vidare" (a Swedish WordPress excerpt's link after "..."), "Pokračovat ve čtení" (a Czech template's link),
# "Czytaj więcej", "続きを読む" and the rest as news and blog templates print them under a teaser.
READ_MORE = re.compile(
    r"(?:weiterlesen|read more|continue reading|keep reading|leer más|seguir leyendo|lire la suite|ler mais|"
    r"czytaj dalej|mehr lesen|lees verder|leggi (?:tutto|di più)|continua a leggere|läs mer|les mer|læs mere|"
    r"lue lisää|lesen sie weiter|weiter lesen|zum (?:ganzen|vollständigen) artikel|continuer (?:la|à) lire|"
    r"continuer la lecture|lire plus|sigue leyendo|siga leyendo|continuar leyendo|leer (?:la nota|el artículo) "
    r"completo|leia mais|continue lendo|continuar lendo|leggi l'articolo|lees meer|czytaj więcej|läs vidare|"
    r"les videre|læs videre|jatka lukemista|pokračovat ve čtení|číst dál(?:e)?|čítať ďalej|"
    r"read (?:the )?full (?:article|story)|続きを読む)\b",
    re.IGNORECASE,
)
# Typeset apostrophes too ("You’ve", "n’avez": wall_wording.typographic).
READ_MORE = re.compile(typographic(READ_MORE.pattern), re.IGNORECASE)
# A "read more" link glued to the paragraph it closes, after an ellipsis ("... sagte der … Weiterlesen"), with the
# post's title in quotes after it as WordPress themes print it for screen readers ("[…] Continue reading "Title"").
_GLUED_READ_MORE = re.compile(
    r"(?P<end>…|\.{3,}|\[…\]|\[\.\.\.\])\s*[\[(]?\s*(?:" + READ_MORE.pattern + r")"
    r"(?:\s*[\"“„«‘'][^\"“”„«»]{1,120}[\"”“»’'])?[\s\])»›→.!:]*$",
    re.IGNORECASE,
)
_TRAILING_OFF = re.compile(r"(?:…|\.{3,}|\[…\]|\[\.\.\.\])\s*$")
GLUED_CHARS = 200  # how far from a paragraph's end a glued "read more" link is looked for
LINK_WORDS = 5  # a "read more" line with more words than this ("weiterlesen 3 Minuten" has three) is prose


def without_read_more(text: str) -> str | None:
    """`text` up to its ellipsis when a "read more" link is glued after it ("... sagte der … Weiterlesen"), or None
    when none is."""
    glued = _GLUED_READ_MORE.search(text, max(0, len(text) - GLUED_CHARS))
    return None if glued is None else text[: glued.end("end")]


def is_read_more(block: Block) -> bool:
    """A line that is only a "read more" link (with a reading time or an arrow at most)."""
    return words_in(block.text) <= LINK_WORDS and bool(READ_MORE.match(block.text.strip()))


def _short(block: Block) -> bool:
    return block.kind == HEADING or block.kind not in PROSE or words_in(block.text) < MIN_WORDS


def _excerpt(block: Block) -> bool:
    return block.kind in PROSE and MIN_WORDS <= words_in(block.text) <= EXCERPT_WORDS


def teaser_list_start(kept: list[Block]) -> int | None:
    """The index of the first teaser's excerpt when the blocks end in a list of two or more teasers, else None."""
    at = len(kept) - 1
    starts: list[int] = []
    while at >= 0:
        link = False
        around = 0
        while at >= 0 and _short(kept[at]) and around < SHORT_AROUND:
            link = link or is_read_more(kept[at])
            around += 1
            at -= 1
        if at < 0 or not _excerpt(kept[at]):
            break
        text = kept[at].text.rstrip()
        # A teaser without a link must trail off and stand with a headline or label: two prose paragraphs
        # without full stops in a row are no list.
        headed = around > 0 or (at > 0 and _short(kept[at - 1]))
        if not (link or (_TRAILING_OFF.search(text) and headed)):
            break
        starts.append(at)
        at -= 1
    return starts[-1] if len(starts) >= 2 else None


def article_end(kept: list[Block]) -> list[Block]:
    """The blocks up to the article's last paragraph: a trailing teaser list cut off (see the module's doc).
    A trailing "read more" link stays (the flag reads it as a teaser's); other furniture is left for
    `last_paragraph`. When a list is all there is, the first teaser is the text."""
    start = teaser_list_start(kept)
    trimmed = trimmed_run_start(kept)
    if trimmed is not None and (start is None or trimmed < start):
        start = trimmed  # other stories' excerpts, each trimmed to fit (stages/teaser_ends.py)
    if start is None:
        return kept
    head = kept[:start]
    # Any block of a sentence's length before the list is the article's (extraction may call its paragraphs
    # headings); only a headline or nothing before the list makes the first teaser the page's own.
    if any(words_in(b.text) >= MIN_WORDS for b in head):
        return head
    # Only teasers: the first one is the page's own (a teaser page with related teasers after it).
    end = start + 1
    while end < len(kept) and _short(kept[end]) and not _excerpt(kept[end]):
        end += 1
        if is_read_more(kept[end - 1]):
            break
    return kept[:end]


def last_paragraph(kept: list[Block]) -> Block | None:
    """The last block of prose of `MIN_WORDS` words or more, passing over at most `FURNITURE_BLOCKS` short lines
    and non-prose blocks after it; None when the text ends in something else."""
    for block in reversed(kept[-(FURNITURE_BLOCKS + 1) :]):
        if block.kind in PROSE and block.kind != HEADING and words_in(block.text) >= MIN_WORDS:
            return block
        if not _short(block):
            return None
    return None
