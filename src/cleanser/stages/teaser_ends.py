"""Other stories' excerpts under a complete article: cut on purpose, so no sign that the article is cut.

The `truncated` flag reads how the article's last paragraph ends. Under a complete article, pages and the plain
texts scraped from them often hold excerpts of other stories, cut to fit a teaser box: a related list whose
headlines a naive scraper dropped (only the `<p>` excerpts stay, one after another), or one "you may also like"
excerpt right under the article's last paragraph. Their cuts look like a preview's cut. Two shapes tell them apart
from the article's own end:

- a **trimmed run**: `TRIMMED_RUN` or more excerpts in a row at the end, each stopping open (on a word, a number or
  an ellipsis, never a sentence end). An article's paragraphs end on full stops; a preview is cut once, in its
  last paragraph. A list trimmed to a fixed length is cut in every item ("... hingewiesen hat, dass" / "... aus
  gesundheitlichen" / "... Der Jahresurlaub wird entsprechend"). `trimmed_run_start` finds it, and
  `text_end.article_end` cuts it off like a teaser list.
- a **stranger's excerpt**: one paragraph that trails off in an excerpt's mark (four dots, a spaced ellipsis) with
  nothing after it is judged only where it can be the article's preview: after a text short enough to be one
  (`PREVIEW_WORDS`), and sharing the article's words. An excerpt under a long article, or one that shares no
  long word with the article above it (another story's subject), is a related teaser (`stranger_excerpt`).

A word cut inside ("notwendig f…") with a wall or a "read more" link after it is judged by the flag as before:
these shapes only say what an excerpt's mark alone does not prove. Nothing here removes text.
"""

from __future__ import annotations

import re

from ..document import HEADING, Block
from ..text import fold, words_in

TRIMMED_RUN = 3  # excerpts in a row, each stopping open, that make a list trimmed to fit
EXCERPT_MIN_WORDS = 8  # a block shorter than this is a headline, a label or a date, not an excerpt
EXCERPT_MAX_WORDS = 90  # a teaser's excerpt is at most this long
SHORT_BETWEEN = 2  # short lines (a headline, a date) that may stand between two excerpts of a run
PREVIEW_WORDS = 800  # a text longer than this above an excerpt's mark was served whole (as walls.SHORT_WORDS)
LONG_WORD = 7  # letters of a word that names a subject (shorter ones are the language's own)
MIN_LONG_WORDS = 3  # an excerpt with fewer long words than this says too little to tell
MIN_ABOVE_WORDS = 60  # and the article above it must say enough to compare with
TAIL_CHARS = 12  # the end an ellipsis mark is looked for in ("[...]", "….", " ...")
_TRAILS_OFF = re.compile(r"(?:…|\.{3,}|\[…\]|\[\.\.\.\])\s*$")
_WORD = re.compile(r"[^\W\d_]+")


def _prose(block: Block) -> bool:
    return block.kind != HEADING and EXCERPT_MIN_WORDS <= words_in(block.text) <= EXCERPT_MAX_WORDS


def stops_trimmed(text: str) -> bool:
    """Whether a paragraph stops as an excerpt trimmed to fit does: on a word or a number, or trailing off in an
    ellipsis; not on a sentence end, a colon or a closing bracket."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1].isalnum():
        return True  # on a word or a number
    # Read on its last characters only: most paragraphs end on a full stop, and a search of the whole paragraph
    # for an ellipsis at its end tries every place in it.
    return bool(_TRAILS_OFF.search(text[-TAIL_CHARS:]))


def trimmed_run_start(kept: list[Block]) -> int | None:
    """The index of the first excerpt when `kept` ends in a run of `TRIMMED_RUN` or more excerpts that each stop
    trimmed (a few short lines may stand between them: a headline, a date), else None."""
    at = len(kept) - 1
    starts: list[int] = []
    while at >= 0:
        between = 0
        while at >= 0 and not _prose(kept[at]) and words_in(kept[at].text) < EXCERPT_MIN_WORDS:
            between += 1
            at -= 1
            if between > SHORT_BETWEEN:
                break
        if at < 0 or between > SHORT_BETWEEN or not _prose(kept[at]) or not stops_trimmed(kept[at].text):
            break
        starts.append(at)
        at -= 1
    return starts[-1] if len(starts) >= TRIMMED_RUN else None


def _long_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text).lower()) if len(w) >= LONG_WORD}


def stranger_excerpt(kept: list[Block], block: Block) -> bool:
    """Whether `block`, a last paragraph that trails off in an excerpt's mark, is another story's excerpt rather
    than the article's cut preview: the text above it is longer than a preview (`PREVIEW_WORDS`), or it shares
    no long word with that text (see the module's doc)."""
    at = next((i for i, b in enumerate(kept) if b is block), None)
    if at is None:
        return False
    above = " ".join(b.text for b in kept[:at])
    above_words = len(above.split())
    if above_words > PREVIEW_WORDS:
        return True
    if above_words < MIN_ABOVE_WORDS:
        return False
    words = _long_words(block.text)
    return len(words) >= MIN_LONG_WORDS and not words & _long_words(above)
