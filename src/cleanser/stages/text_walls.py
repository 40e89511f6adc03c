"""Walls in a plain text: a preview cut where the article stops, with a log-in prompt or an offer under it.

Most archives hold what a scraper saved of a page: the text of its paragraphs, one per line. The page's declarations
and its scripted walls are gone, and the article's last line is seldom the document's: a naive scraper also saves the
author's note, the sign-in box, the offers and the footer under it. What stays of a wall is its shape: the article's
last paragraph trails off like a cut preview ("... laisser faire les interactions économi...") and, right under it,
the page's wall box left a line that asks the reader to log in or to buy access ("Haben Sie noch kein Konto?
Registrieren Sie sich hier", "Ou si vous avez déjà un compte, connectez-vous ici").

So the article's end is found first, in the text's core: the heaviest run of paragraphs (a run may hold a
sub-heading or a caption between its paragraphs), and its last paragraph. Below it, the next few lines (kept or
removed) are read for a sign of a wall:

- an account prompt (stages/wall_signs.py's `ACCOUNT_PROMPT`), the line a sign-in box shows ("Already have an
  account?", "Noch kein Konto?", "Vous avez déjà un compte ?", "¿Ya tienes cuenta?", "Hai già un account?", "Já tem
  uma conta?", "Masz już konto?", "Har du redan ett konto?"): wording of log-in and sign-up forms as public
  front-end code writes it (React, Vue, Flutter and PHP forms found with a search of public repositories);
- an offer to buy access (stages/wall_signs.py's `SUBSCRIPTION_CALL`), or a line of a wall's box that sells it (a
  price, an offer, a trial: "4 Wochen für 1 €", "Alle Angebote"; stages/wall_lines.py's `box_line`).

Each counts only as a short line of its own, with nothing about a newsletter, a feed or comments in it (a comment
form asks for an account too), and only under a paragraph that trails off: a finished text with a sign-in box under
it is a free article on a site with accounts. Nothing here removes text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from ..document import HEADING, Block, Document, index_of
from ..text import ends_sentence, words_in
from .teaser_ends import trimmed_run_start
from .text_end import PROSE
from .wall_signs import ACCOUNT_PROMPT, NOT_A_WALL, SUBSCRIPTION_CALL
from .wall_wording import alternation

PARAGRAPH_WORDS = 8  # a line this long that ends a sentence (or trails off) is a paragraph ...
LONG_PARAGRAPH_WORDS = 15  # ... and one this long, however it ends
RUN_GAP = 2  # short lines a run of paragraphs may hold between two of them (a sub-heading, a caption)
WALL_RULE = "/wall-lines"  # the wall stage's rule (stages/wall_lines.py, which imports this module's users)
LINES_UNDER = 4  # how many lines under the article's last paragraph are read for a wall's sign
PROMPT_WORDS = 12  # a line longer than this is prose, whatever it says
LABEL_ABOVE = 3  # how many lines above the text's first paragraph are read for a premium label
_PREMIUM = re.compile(r"[\W_]*(?:" + alternation("premium_label") + r")[\W_]*", re.IGNORECASE)

# A preview's cut: an ellipsis closing the paragraph, glued to its last word or after it.
_TRAILS_OFF = re.compile(r"(?:\w|,)\s?(?:…|\.{3,})$")


@dataclass(frozen=True)
class TextWall:
    end: Block  # the article's last paragraph, cut
    sign: str  # the line under it that shows the wall
    kind: str  # "log-in prompt", "subscription offer" or "premium label"


def _paragraph(block: Block, words: int | None = None) -> bool:
    """Whether a kept line is a paragraph of the article (`words`: its words, when the caller counted them)."""
    if block.kind not in PROSE or block.kind == HEADING:
        return False
    text = block.text.rstrip()
    if words is None:
        words = words_in(text)
    return words >= LONG_PARAGRAPH_WORDS or (
        words >= PARAGRAPH_WORDS and (ends_sentence(text) or bool(_TRAILS_OFF.search(text)))
    )


# The last answer of `core_end`, with what it was worked out from: the flags stage asks it three times of the same
# blocks (for the wall, the article's words and the text's wall), and each asking reads every line's words. One
# tuple, read and replaced whole, so that threads cleaning at once never mix two documents' answers.
_last: tuple = (None, (), None)
_STATE = attrgetter("text", "removal", "kind")


def core_end(blocks: list[Block]) -> Block | None:
    """`_core_end`, remembered for the same blocks in the same state (the same texts, kinds and removals)."""
    global _last
    state = list(map(_STATE, blocks))  # attrgetter: a third of the cost of a generator of tuples
    cached = _last
    if cached[0] is blocks and cached[1] == state:
        return cached[2]
    found = _core_end(blocks)
    _last = (blocks, state, found)
    return found


def _core_end(blocks: list[Block]) -> Block | None:
    """The article's last paragraph among `blocks` (a document's, kept and removed), or None when no paragraph is
    kept: the last kept paragraph above the first wall line (a line the wall stage took) that has one above it, for a
    wall ends the article whatever the page holds under it; else the last of the heaviest run of kept paragraphs
    (by words; a run holds at most `RUN_GAP` short lines between two paragraphs)."""
    best_words, best = 0, None
    run_words, gap, started = 0, 0, False
    last = None
    for block in blocks:
        if not block.kept:
            if last is not None and block.removal is not None and block.removal.rule.endswith(WALL_RULE):
                return last
            continue
        words = words_in(block.text) if block.kind in PROSE else 0
        if _paragraph(block, words):
            if not started or gap > RUN_GAP:
                run_words = 0
            started, gap, last = True, 0, block
            run_words += words
            if run_words > best_words:
                best_words, best = run_words, block
        else:
            gap += 1
    return best


def article_words(doc: Document, above: int | None = None) -> int:
    """The words of a plain text's article: its kept lines down to the article's last paragraph (`core_end`), not
    the saved page's furniture under it; a page's extraction counts whole. With `above`, counting stops once the
    count passes it (for a caller that asks only whether it does)."""
    kept = doc.kept()
    end = core_end(doc.blocks) if doc.source == "text" else None
    words = 0
    for block in kept:
        words += words_in(block.text)
        if block is end or (above is not None and words > above):
            break
    return words


def lines_under(doc: Document, block: Block, count: int = LINES_UNDER) -> list[str]:
    """The text of the next `count` non-empty lines under `block`, kept or removed."""
    start = index_of(doc.blocks, block) + 1
    lines: list[str] = []
    for after in doc.blocks[start:]:
        text = " ".join(after.text.split())
        if text:
            lines.append(text)
            if len(lines) >= count:
                break
    return lines


def text_wall(doc: Document, cut_preview: Callable[[str], str | None]) -> TextWall | None:
    """The wall under the article's cut last paragraph in a plain text, or None. `cut_preview` says whether a
    paragraph's text trails off like a cut preview (flags.cut_preview: its closing words, or None)."""
    end = core_end(doc.blocks)
    if end is None or cut_preview(end.text) is None:
        return None
    upto = index_of(doc.blocks, end) + 1
    if trimmed_run_start([b for b in doc.blocks[:upto] if b.kept]) is not None:
        return None  # the last of a run of excerpts trimmed to fit: other stories' teasers (stages/teaser_ends.py)
    for line in lines_under(doc, end):
        if len(line.split()) > PROMPT_WORDS or NOT_A_WALL.search(line):
            continue
        prompt = ACCOUNT_PROMPT.search(line)
        if prompt:
            return TextWall(end, line, "log-in prompt")
        offer = SUBSCRIPTION_CALL.search(line)
        if offer:
            return TextWall(end, line, "subscription offer")
        if _offer_line(line):
            return TextWall(end, line, "subscription offer")
    label = premium_above(doc)
    if label is not None:
        return TextWall(end, label, "premium label")
    return None


def _offer_line(line: str) -> bool:
    """A line of a wall's box that sells access for a price or as a trial ("4 Wochen für 1 €", "Essai gratuit"), as
    stages/wall_lines.py reads a box; its buttons (log in, read on) and a menu's "Angebote" sell nothing."""
    from .wall_lines import PRICE, TRIAL, box_line  # wall_lines reads walls.py, which reads this module

    return box_line(line) is not None and bool(PRICE.search(line) or TRIAL.search(line))


def premium_above(doc: Document) -> str | None:
    """A premium label standing alone on one of the `LABEL_ABOVE` lines right above the text's first paragraph
    ("PARA SUSCRIPTORES", "Exklusiv für Abonnenten", "Member-only story": data/wall_wording.json's
    `premium_label`), or None. Above the article it marks the article; a label among furniture elsewhere (a menu's
    section, a teaser's badge) is not read."""
    blocks = doc.blocks
    first = next((i for i, b in enumerate(blocks) if b.kept and _paragraph(b)), None)
    if first is None:
        return None
    for block in blocks[max(0, first - LABEL_ABOVE) : first]:
        text = " ".join(block.text.split())
        if text and _PREMIUM.fullmatch(text):
            return text
    return None


def furniture_under(doc: Document, block: Block) -> bool:
    """Whether, in a plain text, a rule took page furniture under `block` (a line removed below it that is no wall's):
    the saved page goes on past it, so `block` may be a teaser's excerpt as well as the article's end, and an
    excerpt's mark on it says nothing. A page's extraction has its furniture cut off already."""
    if doc.source != "text":
        return False
    start = next((i for i, b in enumerate(doc.blocks) if b is block), len(doc.blocks)) + 1
    return any(
        b.removal is not None and b.removal.refused is None and not b.removal.rule.endswith(WALL_RULE)
        for b in doc.blocks[start:]
        if b.text.strip()
    )


def stands_apart(doc: Document, kept: list[Block], block: Block) -> bool:
    """Whether `block` stands apart from the article's prose above it: a short line kept (a headline, a label) or a
    line a rule removed (page furniture) lies between it and the paragraph before it. A related teaser's excerpt
    under a complete article stands so; the article's own last paragraph follows the one before it. The first
    paragraph of a text (a teaser page's excerpt) stands apart from nothing."""
    at = next((i for i, b in enumerate(kept) if b is block), None)
    if at is None:
        return False
    before = next((b for b in reversed(kept[:at]) if _paragraph(b)), None)
    if before is None:
        return False
    start = index_of(doc.blocks, before) + 1
    for between in doc.blocks[start:]:
        if between is block:
            return False
        if between.text.strip() and (
            (between.removal is not None and between.removal.refused is None) or not _paragraph(between)
        ):
            return True
    return False
