"""Wall templates: the wording of walls a page carries hidden, which a naive scraper saves as lines of the text.

A wall stands where the article's text stops. A page that decides in the reader's browser whether to show a wall
carries every wall it might show as hidden elements: a metered wall ("Ya superaste el límite de notas leídas.",
"Registrate gratis para seguir leyendo") in the page's header, a subscribers' wall ("El contenido al que quiere
acceder es exclusivo para suscriptores.") under the article, with the whole article between them. Parsed as a page,
hidden elements are dropped; saved as the text of every `<p>` (what most scrapers keep), they are lines, and the
last of them stands right after the article's last paragraph, where a real wall would.

What tells a template from a wall: a wall that *stops the reader* (a limit reached, "register / subscribe to read
on") standing above two or more paragraphs of the article's prose did not stop it there. Such a line shows that
the page's walls are templates, and a wall's wording after a text that ends on a finished sentence is then no
evidence that the text stops. A text that ends cut (an ellipsis, a sentence that stops open) still shows its wall.

Labels are not stop wording: a premium label above a preview ("Article réservé à nos abonnés", "Exklusiv für
Abonnenten") is how walled pages mark the article, and a statement of what the article is ("This article is for
subscribers") describes it rather than stops the reading: neither makes the page's walls templates.
"""

from __future__ import annotations

import re

from ..document import Document
from ..text import ends_sentence, word_count
from .text_end import article_end, last_paragraph
from .wall_lines import RULE, wall_line
from .walls import PAYWALL_SEARCH, REGISTRATION_SEARCH

PROSE_WORDS = 8  # a paragraph of the article's prose (as stages/text_end.py counts one)
PARAGRAPHS_UNDER = 2  # paragraphs of prose under a stop wall that show it did not stop the text
BEFORE_CHARS = 5000  # how much of a page's text before the article is read for templates
# What a wall says when it stops the reader: read on, continue, a limit reached (in the languages of the wall
# wording; the statement of what the article is, "for subscribers only", is not among them).
STOP = re.compile(
    r"continu|keep reading|read on|reading limit|\blimit\b|weiterles|weiter ?zu ?lesen|weiter lesen|"
    r"seguir leyendo|continuar leyendo|l[ií]mite|agotaste|lecturas gratis|lire la suite|la suite|"
    r"pour lire|poursuivre|continuer [àa] lire|continuare|continuar lendo|verder (?:te )?lezen|lees verder|"
    r"czyta[cć] dalej|lese videre|l[äæ]s(?:e|a)? (?:vidare|videre)|fortsätta läsa|続き|"
    r"articoli gratuiti|kostenlosen artikel|articles gratuits",
    re.IGNORECASE,
)


def template_wall(doc: Document) -> str | None:
    """The first wall line that stops the reader above `PARAGRAPHS_UNDER` paragraphs of the article's prose (the
    page's walls are templates), or None. Read on the lines the wall stage took (stages/wall_lines.py), so that it
    costs nothing on the many pages with none."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        removal = block.removal
        if removal is None or removal.rule != RULE or removal.refused is not None:
            continue
        wording = wall_line(block.text)
        if wording is None or not STOP.search(wording):
            continue
        under = 0
        for after in blocks[i + 1 :]:
            if after.removal is None and word_count(after.text) >= PROSE_WORDS and ends_sentence(after.text):
                under += 1
                if under >= PARAGRAPHS_UNDER:
                    return wording
    return None


def template_before(visible: str, kept: list) -> str | None:
    """The first wall wording that stops the reader in a page's visible text before the article's first paragraph
    of prose (templates a stylesheet hides, which the page's text still holds), or None."""
    first = next((b.text for b in kept if word_count(b.text) >= PROSE_WORDS and ends_sentence(b.text)), None)
    if not visible or first is None:
        return None
    at = visible.find(" ".join(first.split()[:PROSE_WORDS]))
    if at <= 0:
        return None
    before = " ".join(visible[max(0, at - BEFORE_CHARS) : at].split())
    for pattern in (PAYWALL_SEARCH, REGISTRATION_SEARCH):
        for match in pattern.finditer(before):
            if STOP.search(match.group(0)):
                return match.group(0)
    return None


def templates_only(doc: Document, visible: str = "") -> bool:
    """Whether the walls this document shows are the page's templates (see the module's doc): a stop wall above
    the article's prose (in the document, or in the page's visible text before it), and the text's last
    paragraph ends on a finished sentence."""
    kept = doc.kept()
    last = last_paragraph(article_end(kept)) if kept else None
    if last is None or not ends_sentence(last.text) or last.text.rstrip().endswith(("…", "..")):
        return False  # a text that stops open or trails off shows its wall, template or not
    return template_wall(doc) is not None or template_before(visible, kept) is not None
