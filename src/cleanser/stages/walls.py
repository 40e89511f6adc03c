"""Visible walls: the wording a page shows where a short article stops, in several languages.

A wall is read where it stands: in the page's visible text right after the article's last paragraph, or in the
last lines of the document (kept or removed). Walls seldom reach the document as lines of their own: extraction
leaves them out with the rest of the page's furniture, and where they are inside the article container they share
a line with the offer ("Jetzt weiterlesen ... 3 € / Monat ... Registrieren kostenlos"). So the page's text after
the article is searched for the wording; the document's last lines are read as `stages/wall_lines.py` reads a
wall's line (the wording opens a piece of it; a sentence about walls is prose), and that stage removes the lines
with these same patterns: they are the one source of the wall wording.

Two kinds are told apart: a paywall (subscribe, subscribers only, already a subscriber) and a registration wall
(register or create a free account to read on). Where a page offers both, it is a paywall with a free tier.

Only a short article counts (`SHORT_WORDS`): a full article followed by a subscription offer is a free article with
a promo. Newsletter sign-ups and bare "Subscribe" links are not walls and are not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, index_of
from ..text import ends_sentence
from .text_walls import article_words, core_end, lines_under
from .wall_wording import alternation, typographic

PAYWALL_KIND = "paywall"
REGISTRATION_WALL = "registration wall"
SHORT_WORDS = 800  # an article longer than this with a wall after it was served whole
AFTER_CHARS = 2500  # how far after the article's last paragraph the page's text is searched
LAST_BLOCKS = 3  # how many of the document's last lines are searched
WALL_LINE_WORDS = 25  # a line longer than this is prose, whatever it says

PAYWALL = re.compile(
    r"subscribe (?:now |today )?(?:to|and) (?:continue reading|keep reading|continue|keep|read on|reading)|"
    r"(?:article|story|content) is (?:only )?(?:available )?(?:for|to|exclusive to) (?:paying |premium )?"
    r"(?:subscribers|members)(?: only)?|for subscribers only|subscribers only\b|"
    r"already a (?:paying )?subscriber|"
    r"you(?:'ve| have) reached (?:your|the) (?:free )?(?:article|story|monthly) limit|"
    r"(?:subscribe to )?unlock (?:this|the full) (?:article|story)|"
    r"to (?:continue|keep) reading,? (?:please )?subscribe|"
    r"subscribe (?:for full access|to read the full (?:article|story))|"
    r"become a (?:subscriber|member) to (?:read|continue)|"
    # German
    r"exklusiv für (?:abonnent|abonnement|digital-abonnent)|nur für (?:abonnent|abonnement)|"
    r"(?:sie sind |sind sie )?bereits (?:digital-?|plus-?|e-paper-?)?abonnent|"
    r"weiterlesen mit (?:\S+ )?(?:plus|abo|z\+|f\+|\+)|zugang wählen und weiterlesen|"
    r"(?:jetzt |gratis )?(?:abo|abonnement) (?:abschließen|wählen|testen) und weiterlesen|"
    r"dieser (?:artikel|beitrag|inhalt) ist (?:nur |exklusiv )?für (?:abonnent|abonnement)|"
    # Spanish
    r"exclusiv[oa] para (?:suscriptores|abonados|socios)|contenido exclusivo para|"
    r"suscr[ií]b[ea]te (?:para|y) (?:seguir|continuar) leyendo|para (?:seguir|continuar) leyendo,? suscr|"
    r"ya (?:eres|soy) suscriptor|(?:ya )?(?:alcanzado|llegaste al|superaste el) (?:el )?l[ií]mite de "
    r"(?:notas|art[ií]culos)|"
    # French
    r"réservée? aux abonnés|abonnez-vous pour (?:lire|continuer|poursuivre)|déjà abonné|"
    r"la suite (?:de cet article )?est réservée|"
    # Portuguese
    r"exclusiv[oa] para assinantes|assine para (?:continuar|ler)|já (?:é|sou) assinante|"
    # Italian
    r"riservat[oa] agli abbonati|abbonati per (?:continuare a leggere|leggere)|"
    # Dutch
    r"alleen voor abonnees|(?:word|neem een) abonnee?(?:ment)? (?:en|om) (?:lees|verder)|"
    # Polish
    r"(?:tylko|wyłącznie) dla (?:prenumeratorów|subskrybentów|abonentów)|"
    # More languages and wordings, each with where it was seen: data/wall_wording.json
    + alternation("paywall"),
    re.IGNORECASE,
)
# Typeset apostrophes too ("You’ve", "n’avez": wall_wording.typographic).
PAYWALL = re.compile(typographic(PAYWALL.pattern), re.IGNORECASE)
REGISTRATION = re.compile(
    r"(?:register|sign up|create (?:a|your) free account)(?: for free| now)? to (?:continue|keep) reading|"
    r"to (?:continue|keep) reading,? (?:please )?(?:log in|sign in|register)|register for full access|"
    r"(?:register|sign up|create (?:a|your) free account)(?: for free| now)? to read (?:the|this) (?:full )?"
    r"(?:article|story)|(?:log|sign) in or (?:create|register) (?:a |an |your )?(?:free )?account to "
    r"(?:continue|keep) reading|"
    r"registrieren sie sich (?:jetzt )?(?:kostenlos )?(?:und|um) (?:weiter|zu lesen|lesen)|"
    r"kostenlos registrieren und (?:weiter)?lesen|"
    r"reg[ií]str[ae]te (?:gratis )?(?:para|y) (?:seguir|continuar) leyendo|"
    r"inscrivez-vous gratuitement pour (?:lire|continuer)|"
    r"cadastre-se (?:gratuitamente |gr[aá]tis )?para (?:continuar|ler)|" + alternation("registration"),
    re.IGNORECASE,
)
# Typeset apostrophes too ("You’ve", "n’avez": wall_wording.typographic).
REGISTRATION = re.compile(typographic(REGISTRATION.pattern), re.IGNORECASE)


# The same patterns for searching a page's text: tried only where a word starts (no Latin letter or digit before),
# which spares the regex engine the big alternation at every other position (about ten times faster on a page's
# text after the article). Every wording above starts a word.
_WORD_START = r"(?<![A-Za-z0-9\u00C0-\u024F])"
PAYWALL_SEARCH = re.compile(_WORD_START + f"(?:{PAYWALL.pattern})", re.IGNORECASE)
REGISTRATION_SEARCH = re.compile(_WORD_START + f"(?:{REGISTRATION.pattern})", re.IGNORECASE)


@dataclass(frozen=True)
class Wall:
    kind: str  # "paywall" or "registration wall"
    phrase: str  # the wording that showed it
    where: str  # "after the article" or "in the last lines"


def find_wall(doc: Document, after_text: str = "") -> Wall | None:
    """The wall at the end of a short article, or None. `after_text` is the page's visible text after the article's
    last paragraph (empty for plain text)."""
    kept = doc.kept()
    if not kept or article_words(doc, above=SHORT_WORDS) > SHORT_WORDS:
        return None
    # The last lines kept, and every line removed among or after them (a wall's box between two kept lines).
    first = index_of(doc.blocks, kept[-LAST_BLOCKS] if len(kept) >= LAST_BLOCKS else kept[0])
    lines = [b.text for b in doc.blocks[first:] if b.text]
    lines += _under_last_paragraph(doc, kept) + _after_the_cut(kept[-1].text)
    # And under the article's last paragraph found in the text's core, where a saved page's furniture (a footer's
    # long cookie notice, teaser excerpts) holds paragraphs of its own below the wall (stages/text_walls.py).
    end = core_end(doc.blocks)
    if end is not None:
        lines += [line for line in lines_under(doc, end, LAST_BLOCKS) if not _LABEL.fullmatch(line)]
    # A wall is a line of its own, as the stage that removes it reads one (stages/wall_lines.py, which imports
    # this module's patterns): a sentence about walls ("Subscribers only get the archive, the study found") is
    # prose, wherever it stands.
    from .wall_lines import wall_wording

    phrases = [phrase for phrase in map(wall_wording, lines) if phrase]
    paywall = next((p for p in phrases if PAYWALL.match(p)), None)
    if paywall or phrases:
        kind = PAYWALL_KIND if paywall else REGISTRATION_WALL
        return Wall(kind, paywall or phrases[0], "in the last lines")
    text = " ".join(after_text[:AFTER_CHARS].split())
    paywall = _standing(PAYWALL_SEARCH, text)
    if paywall:
        return Wall(PAYWALL_KIND, paywall.group(0), "after the article")
    registration = _standing(REGISTRATION_SEARCH, text)
    if registration:
        return Wall(REGISTRATION_WALL, registration.group(0), "after the article")
    return None


PARAGRAPH_WORDS = 8  # a kept line this long that ends a sentence is a paragraph of the article ...
LONG_PARAGRAPH_WORDS = 15  # ... and one this long, however it ends (a preview is cut mid-sentence); teaser
# headlines and labels after it are shorter


def _paragraph(text: str) -> bool:
    words = len(text.split())
    if words >= LONG_PARAGRAPH_WORDS:
        return True
    # A shorter line that trails off is a teaser's excerpt cut to fit ("Pesquisa aponta que 83% dos filhos vão p...").
    return words >= PARAGRAPH_WORDS and ends_sentence(text) and not text.rstrip().endswith(("…", ".."))


# A preview cut with an ellipsis and the wall's words glued after it on the same line ("... sagte der Sportdez…
# Diesen Artikel weiterlesen mit SPIEGEL+"): what follows the line's last ellipsis is read as a line of its own.
_CUT_THEN = re.compile(r"\w(?:…|\.{3})\s*(?=\S)")
GLUED_WALL_CHARS = 200  # how far from a line's end a glued wall is looked for


def _after_the_cut(text: str) -> list[str]:
    tail = text[-GLUED_WALL_CHARS:]
    cuts = list(_CUT_THEN.finditer(tail))
    return [tail[cuts[-1].end() :]] if cuts else []


# A premium label standing alone ("Exclusivo para Assinantes", a menu's section or a teaser's badge) names a kind
# of article, not a wall that stops this one: under the last paragraph, among the page's furniture, it is no wall.
_LABEL = re.compile(r"[\W_]*(?:" + alternation("premium_label") + r")[\W_]*", re.IGNORECASE)


def _under_last_paragraph(doc: Document, kept: list) -> list[str]:
    """The lines right under the article's last paragraph (kept or removed), when only short lines are kept after
    it: a plain text saves the page's furniture (teaser headlines, labels) under the wall, as a page's visible text
    holds it after the article (`text_after`)."""
    at = len(kept) - 1
    while at >= 0 and not _paragraph(kept[at].text):
        at -= 1
    if at < 0 or at >= len(kept) - LAST_BLOCKS:
        return []  # no paragraph, or the last lines hold it and what follows it already
    start = index_of(doc.blocks, kept[at]) + 1
    under = [b.text for b in doc.blocks[start : start + 2 * LAST_BLOCKS] if b.text.strip()][:LAST_BLOCKS]
    return [text for text in under if not _LABEL.fullmatch(text.strip())]


# A related link's label ("Article réservé à nos abonnés Lire aussi <headline>"): the wording marks another
# article as a subscriber's, not a wall on this one.
_RELATED = re.compile(
    r"\b(?:lire aussi|à lire aussi|read also|see also|lesen sie auch|auch interessant|lee también|"
    r"leggi anche|leia também|lees ook|czytaj (?:też|także)|läs också|les også|læs også|lue myös)\b",
    re.IGNORECASE,
)
RELATED_REACH = 40  # characters between a wall's wording and a related link's marker


def _standing(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `pattern` in `text` that is no related link's label."""
    for match in pattern.finditer(text):
        near = text[max(0, match.start() - RELATED_REACH) : match.end() + RELATED_REACH]
        if not _RELATED.search(near):
            return match
    return None


def text_after(visible: str, last_paragraph: str) -> str:
    """The page's visible text after the article's last paragraph (found by its last words), or ""."""
    if not visible or not last_paragraph:
        return ""
    end = " ".join(last_paragraph.split()[-8:])
    at = visible.find(end)
    return visible[at + len(end) :] if at >= 0 else ""
