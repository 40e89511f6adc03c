"""Flags on the cleaned document: `paywalled` and `truncated`, each with the reason it was set.

- `paywalled`: the page says so (schema.org `isAccessibleForFree: false`, `hasPart.cssSelector` naming the locked
  part), or a rule with `flag = "paywalled"` removed a wall ("Subscribe to continue reading"), or a wall shows
  (its wording, stages/walls.py; a cut preview where the page marks a wall, stages/wall_signs.py; a sign of a wall
  with a declared length the page lacks, stages/premium.py). Any rule may set any flag this way: flags are data,
  like rules.
- `truncated`: the text visibly stops early: the article's last paragraph (stages/text_end.py: not a teaser list
  or a date kept after it) stops mid-sentence or trails off in an ellipsis, a wall follows a short text, or the
  page's schema.org `wordCount` is far above the words we have.

A newsletter box, a log-in prompt or a mention of subscriptions in the prose flags nothing: only the page's own
declaration, a wall phrase a rule names, or the shape of the text's end do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from ..document import Block, Document, Removal
from ..read.metadata import PageInfo
from ..text import CLOSERS, SENTENCE_END, words_in
from .premium import OPENING_WORDS, premium_gap, premium_label
from .teaser_ends import stranger_excerpt
from .text_end import READ_MORE, article_end, is_read_more, last_paragraph, without_read_more
from .text_walls import article_words, furniture_under, premium_above, stands_apart, text_wall
from .wall_signs import wall_sign
from .wall_templates import templates_only
from .walls import PAYWALL, REGISTRATION, REGISTRATION_WALL, SHORT_WORDS, WALL_LINE_WORDS, find_wall, text_after

PAYWALLED = "paywalled"
TRUNCATED = "truncated"

# A last line ending in these stops: a sentence, a clause, or a footnote mark.
_END = SENTENCE_END + CLOSERS + ":;*"
_ELLIPSIS = re.compile(r"(?:\w|,)\s?(?:…|\.{3,}|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))$")
_LAST_WORD = re.compile(r"([A-Za-z\u00C0-\u024F]+)$")
# Sign-off lines that end without a full stop and are not cut sentences.
_CREDIT = re.compile(
    r"\b(?:contributed(?: reporting)?(?: to)?|reporting by|edited by|editing by|writing by|additional reporting|"
    r"compiled by|produced by|reported by|is a (?:reporter|writer|correspondent|columnist)|follow (?:her|him|them)|"
    r"mit material von|con información de|avec (?:l')?(?:afp|ap|reuters)|com informações d|met medewerking van)\b",
    re.IGNORECASE,
)
# Last lines that stop without a full stop and are no cut: a URL or e-mail address, a phone number, a rating, a
# tag list, a call to action (in several languages).
_NOT_A_CUT_PARTS = tuple(
    re.compile(part, re.IGNORECASE)
    for part in (
        r"https?://|www\.|\S@\S",
        r"\.(?:com|org|net|de|at|ch|fr|es|it|uk|pl|br|ar|mx|io|eu|info)\b/?\S*$|\+?\d[\d ()/-]{6,}\d\s*$",
        r"\b(?:\d(?:[.,]\d)? (?:out of|von|de|sur|z) \d\b|ratings?\b|bewertung|ta(?:gs?|gi):|tagged\b|getaggt\b|"
        r"schlagw[öo]rter|etiquetas|kategorie|categor(?:y|ies|ía))",
        r"\b(?:sign up|subscribe|follow us|read more|learn more|click here|download|mehr (?:infos?|erfahren)|"
        r"hier (?:klicken|anmelden)|jetzt (?:anmelden|abonnieren)|s[ií]guenos|suscr[ií]bete|leer más|en savoir plus|"
        r"sehen sie auch|lesen sie auch|see also|read also|lee también|ver también|czytaj (?:też|także)|"
        r"le puede interesar|à lire aussi|lire aussi|leggi anche|leia (?:também|mais)|lees (?:ook|meer)|volg ons|"
        r"seguici|siga-nos|czytaj więcej|obserwuj nas|läs (?:också|mer)|les (?:også|mer)|læs (?:også|mere)|"
        r"følg os|følg oss|följ oss|lue (?:myös|lisää)|seuraa meitä|suivez-nous|folgen sie uns|folge uns|"
        r"sledujte nás|sígannos|seguinos|segui-nos|weitere informationen|more information|más información|"
        r"plus d'informations|mais informações|maggiori informazioni|meer informatie|więcej informacji)\b",
    )
)


def _not_a_cut(text: str) -> bool:
    """Whether a last line is one of those. Four expressions, not one: an alternation of them all was tried at
    every place of a 2,000-character paragraph and cost a fifth of a short text's cleaning."""
    return any(part.search(text) for part in _NOT_A_CUT_PARTS)
# A sign-off of initials after the last full stop: "... (Terrazas de los Andes/Cheval Blanc). aw"
_INITIALS = re.compile(r"[.!?]\s+\(?[a-zA-Z]{1,3}(?:/[a-zA-Z]{1,3})?\)?$")
# An ellipsis glued to a fragment of one or two letters: a word cut by the wall ("... notwendig f…").
_CUT_WORD = re.compile(r"\s[a-zß\u00E0-\u00F6\u00F8-\u00FF\u0100-\u017F]{1,2}(?:…|\.\.\.)$")
# Subscription offer lines (not newsletter pitches: text.PITCH): a price per period, or the words of an offer.
_OFFER = re.compile(
    r"abonn|subscri|suscri|assin|\babo\b|(?:€|eur|\$|£)\s*/\s*(?:jahr|monat|month|year|mes|año|mois|an)\b|"
    r"\d\s*(?:€|eur)\b",
    re.IGNORECASE,
)
# Marks an excerpt function leaves: four dots, or a sentence of one word ("... on Monday. All..."). A word that
# says "more" there is a link to the rest, after a finished sentence ("... für das iPad an. Mehr…"), not a cut.
_MORE = r"(?:Mehr|More|Más|Mas|Plus|Suite|Meer|Mer|Mere|Więcej|Lisää|Weiter|Verder|Altro|Mais|Read|Lire|Leer|Lees)"
_CMS_CUT = re.compile(r"\w\.{4,}$|[.!?]\s+(?!" + _MORE + r"\W)[A-Z]\w*(?:\.\.\.|…)$")
_SPACED = re.compile(r"\w\s(?:\.\.\.|…)$")
TEASER_WORDS = 150  # a text this short that trails off is a teaser
_REGWALL = re.compile(r"reg(?:istration)?[-_]?wall|regwall|register", re.IGNORECASE)
MAX_WORD_COUNT = 20_000  # a declared count above this is no article's
MIN_WORDS = 8  # a line shorter than this that stops without a full stop is a label or a sign-off, not a cut
WORD_COUNT_SHARE = 0.5  # below this share of the page's declared wordCount, the text is truncated
# How an ending is judged: its last characters. A paragraph's end says whether it is cut; reading a whole one-line
# flood of megabytes with a dozen patterns took seconds per megabyte.
END_CHARS = 2000


def set_flags(
    doc: Document,
    page: PageInfo | None,
    rule_flags: Mapping[str, str],
    extra_removals: Iterable[Removal] = (),
) -> None:
    """Set `doc.flags` from the page's declarations, the removals of flag-setting rules, a visible wall, and the
    text's end. Each flag's value says which evidence fired (docs/structure.md lists them)."""
    if page is not None:
        reason = declared_paywall(doc, page)
        if reason:
            doc.flags.setdefault(PAYWALLED, reason)

    for removal in _removals(doc, extra_removals):
        flag = rule_flags.get(removal.rule)
        if flag and removal.refused is None:
            doc.flags.setdefault(flag, f"{removal.rule} removed {_quote(removal.text)}")

    kept = doc.kept()
    after = text_after(page.visible_text, kept[-1].text) if page is not None and kept else ""
    wall = find_wall(doc, after)
    if wall is not None and templates_only(doc, page.visible_text if page is not None else ""):
        wall = None  # the page's hidden wall templates, saved as text: no wall stands where it stops
    if wall is not None:
        prefix = "registration wall: " if wall.kind == REGISTRATION_WALL else ""
        doc.flags.setdefault(PAYWALLED, f"{prefix}visible {wall.kind} {wall.where}: {_quote(wall.phrase)}")

    walled = wall is not None or _wall_removed(doc, rule_flags)
    if PAYWALLED not in doc.flags and not walled:
        # No declaration and no wall wording: a preview cut where the page marks a wall (stages/wall_signs.py).
        end = trailing_cut(doc)
        sign = wall_sign(end, page.source if page is not None else "", after)
        if sign is None and end is not None and page is not None and page.source:
            # A premium label of the article's own above a preview that trails off (stages/premium.py reads it).
            opening = next((b.text.split() for b in doc.kept() if words_in(b.text) >= 2 * OPENING_WORDS), [])
            label = premium_label(page.source, opening[:OPENING_WORDS])
            if label is not None:
                sign = f'premium label "{label}" above a text that trails off: "…{end}"'
        if sign is not None:
            doc.flags[PAYWALLED] = sign
            walled = True
    if page is None and PAYWALLED not in doc.flags and not walled:
        # A plain text: the article's end is found in its core, and the lines under it show the wall's box.
        # The cut is a preview's ellipsis, or, in a text as short as a preview, a paragraph that stops mid-sentence
        # (a server cuts at a word without marking it: "... Die Arbeitgeberin zahlt").
        found = text_wall(doc, lambda text: cut_preview(text) or _stopped_short(doc, text))
        if found is not None:
            end = cut_preview(found.end.text)
            how = "trails off" if end is not None else "stops mid-sentence"
            end = end or _stopped_short(doc, found.end.text)
            if found.kind == "premium label":
                doc.flags[PAYWALLED] = f'premium label {_quote(found.sign)} above a text that {how}: "…{end}"'
            else:
                doc.flags[PAYWALLED] = f'a {found.kind} follows the cut text: {_quote(found.sign)} after "…{end}"'
            doc.flags.setdefault(TRUNCATED, f'the article\'s last paragraph {how}: "…{end}" before the paywall')
            return
        # A premium label right above a text no longer than a teaser: a subscriber's article served as its opening,
        # finished sentence and all (the shape the premium gap reads on a page, without a declared length here).
        label = premium_above(doc)
        if label is not None and (words := article_words(doc)) <= TEASER_WORDS:
            doc.flags[PAYWALLED] = f"premium label {_quote(label)} above a text of {words} words"
            doc.flags.setdefault(TRUNCATED, f"a subscriber's article served as its opening ({words} words)")
            return
    read_more = bool(READ_MORE.match(after.strip())) or _removed_after(doc, lambda b: bool(READ_MORE.match(b.text)))
    reason = truncation(doc, wall_after=walled, read_more=read_more)
    if reason is None and (walled or PAYWALLED in doc.flags):
        reason = wall_line_end(doc)
    if reason is None and walled:
        words = article_words(doc)
        if words <= SHORT_WORDS:
            reason = f"a wall follows the text after {words} words"
    if reason is None and page is not None and page.word_count:
        reason = word_count_gap(doc, page, walled=walled or PAYWALLED in doc.flags)
        if reason is None:
            gap = premium_gap(doc, page, after)
            if gap is not None:
                walled_why, reason = gap
                doc.flags.setdefault(PAYWALLED, walled_why)
    if reason:
        if PAYWALLED in doc.flags:
            reason += " before the paywall"
        doc.flags.setdefault(TRUNCATED, reason)


def declared_paywall(doc: Document, page: PageInfo) -> str | None:
    """The page's own declaration, in any notation: the article is not free, or a locked part holds its text."""
    access = page.access
    where = " in " + " and ".join(access.sources) if access.sources else ""
    locked = f" (locked part: {', '.join(access.locked_selectors)})" if access.locked_selectors else ""
    if access.not_free:
        reason = f"schema.org isAccessibleForFree is false{where}{locked}"
    elif access.locked_selectors and access.covers([b.text for b in doc.kept()]):
        reason = f"schema.org hasPart{where} locks a part that holds the article's text{locked}"
    else:
        return None
    if any(_REGWALL.search(s) for s in access.locked_selectors):
        reason = "registration wall: " + reason
    return reason


def word_count_gap(doc: Document, page: PageInfo, *, walled: bool = False) -> str | None:
    """The declared wordCount is far above the words we have, and plausible: the words are missing from the page
    itself (a count the page's own text could meet is an extraction miss, not a cut), and the text is walled or
    does not end on a finished sentence (some templates count characters, or a translation's original: a finished
    text with an inflated count is not cut)."""
    declared = page.word_count or 0
    words = sum(words_in(b.text) for b in doc.kept())
    if not (words < WORD_COUNT_SHARE * declared and declared - words >= 100 and declared <= MAX_WORD_COUNT):
        return None
    if not walled:
        # Unwalled, the count must be believable: the words are missing from the page, and the text is open
        # (an inflated count on a finished text is the template's, not a cut).
        on_page = len(page.visible_text.split())
        kept = doc.kept()
        # The end is the article's last paragraph: a date or a teaser list kept after it says nothing.
        last = last_paragraph(article_end(kept)) or (kept[-1] if kept else None)
        if on_page >= WORD_COUNT_SHARE * declared + words or (last is not None and last.text.rstrip()[-1:] in _END):
            return None
    return f"schema.org wordCount is {declared}, the text has {words} words"


def truncation(doc: Document, *, wall_after: bool = False, read_more: bool = False) -> str | None:
    """Why the text visibly stops early, or None.

    Its last block is prose that stops mid-sentence ("... said the") or trails off ("..."). A line with no full
    stop counts when a wall or a "read more" link follows it. A trailing ellipsis
    counts after a cut word ("notwendig f…"), before a wall or in a teaser. A last line that is an address, a URL
    or e-mail, a phone number, a sign-off or initials, a rating, a tag list or a call to action is never a cut.
    """
    # Judged on the article's last paragraph of prose: a teaser list and short furniture after it are passed over.
    kept = article_end(doc.kept())
    if len(kept) > 1 and is_read_more(kept[-1]):
        kept, read_more = kept[:-1], True  # a kept "Read more »" link: the line before it is the text's end
    if wall_after:
        # The wall's own lines, kept as part of the article ("Il vous reste 81% de cet article à lire. ..."),
        # are no paragraph of it.
        while len(kept) > 1 and _is_wall_line(kept[-1].text):
            kept = kept[:-1]
    last_block = last_paragraph(kept)
    if last_block is None:
        return None
    text = last_block.text.rstrip()[-END_CHARS:]
    unlinked = without_read_more(text)
    if unlinked is not None:
        # "... sagte der … Weiterlesen": the link closes a teaser's excerpt. Where other paragraphs close with one
        # too, they are a list of other stories' teasers, whose cuts say nothing of the article's end.
        if any(without_read_more(b.text) is not None for b in kept if b is not last_block):
            return None
        text, read_more = unlinked, True
    words = text.split()
    if len(words) < MIN_WORDS:
        return None
    ellipsis = _ELLIPSIS.search(text) is not None
    if text[-1] in _END and not ellipsis:
        return None  # a finished sentence, as most articles end: the sign-off tests below need not be read
    if _CREDIT.search(text) or _not_a_cut(text) or _INITIALS.search(text):
        return None
    cut_after = wall_after or read_more
    if last_block is not kept[-1] and not cut_after:
        # Short lines after the paragraph (a date, a video's duration, a label) leave its end open to doubt: a
        # title cut to fit a player ("... en Twitter y...") is no article's cut. Only a wall or a link says so.
        return None
    short = sum(words_in(b.text) for b in kept) <= TEASER_WORDS
    if ellipsis:
        # Alone, a trailing ellipsis is as often the writer's ("... go check it out...") or a link's ("Read our
        # review ..."): it counts after a cut word, as an excerpt's mark (four dots, a one-word sentence "All...",
        # or a spaced " ..." closing a teaser-length text), or with a wall after it.
        # An excerpt's mark with nothing after it is judged only at the article's end: an excerpt that stands
        # apart from the article's prose (under a headline, or past furniture a rule took) is a related teaser,
        # and in a plain text whose furniture goes on under it, it may be one; so is one under a text longer than a
        # preview, or one that shares no subject word with the article (stages/teaser_ends.py).
        excerpt = _CUT_WORD.search(text) or _CMS_CUT.search(text) or (short and _SPACED.search(text))
        if cut_after or (
            excerpt
            and not stands_apart(doc, kept, last_block)
            and not furniture_under(doc, last_block)
            and not stranger_excerpt(kept, last_block)
        ):
            return f"the last paragraph trails off: {_quote(_tail(words))}"
        return None
    if text[-1] in _END:
        return None
    last = _LAST_WORD.search(text)
    # A cut sentence ends on a lower-case word; a name, a number or a URL is a sign-off or a label.
    if not (last and last.group(1).islower() and last.end() == len(text)):
        return None
    # A missing full stop alone is common in complete articles (a CMS drops it, a writer forgets it) and in
    # headline-like lines: the cut needs a wall or a "read more" link after it.
    if cut_after:
        return f"the last paragraph stops mid-sentence: {_quote(_tail(words))}"
    return None


def trailing_cut(doc: Document) -> str | None:
    """The closing words of a last paragraph that trails off in an ellipsis, as a cut preview does (a sentence of
    `MIN_WORDS` or more that is no address, link, rating, tag list, call to action or sign-off), or None."""
    kept = article_end(doc.kept())
    if len(kept) > 1 and is_read_more(kept[-1]):
        kept = kept[:-1]
    if not kept or last_paragraph(kept) is not kept[-1]:
        return None
    return cut_preview(kept[-1].text)


def cut_preview(text: str) -> str | None:
    """The closing words of a paragraph that trails off in an ellipsis as a cut preview does (a sentence of
    `MIN_WORDS` or more that is no address, link, rating, tag list, call to action or sign-off), or None."""
    text = text.rstrip()[-END_CHARS:]
    words = text.split()
    if len(words) < MIN_WORDS or not _ELLIPSIS.search(text):
        return None
    if _CREDIT.search(text) or _not_a_cut(text) or _INITIALS.search(text):
        return None
    return " ".join(words[-6:])


STOPPED_WORDS = 15  # a paragraph this long that stops mid-sentence, in a text as short as a preview, may be cut


def _stopped_short(doc: Document, text: str) -> str | None:
    """The closing words of a paragraph that stops mid-sentence on a lower-case word (`STOPPED_WORDS` or more, no
    address, link, rating, tag list, call to action or sign-off) in a plain text whose article is no longer than a
    preview (`walls.SHORT_WORDS`), or None. Alone it says nothing (a CMS drops full stops too): only with a wall's
    sign under it (stages/text_walls.py)."""
    text = text.rstrip()[-END_CHARS:]
    if not text[-1:].islower():
        return None  # most paragraphs end on a stop: decided on one character
    words = text.split()
    last = _LAST_WORD.search(text)
    if len(words) < STOPPED_WORDS or last is None or not last.group(1).islower():
        return None
    if _CREDIT.search(text) or _not_a_cut(text) or _INITIALS.search(text):
        return None
    if article_words(doc) > SHORT_WORDS:
        return None
    return " ".join(words[-6:])


def wall_line_end(doc: Document) -> str | None:
    """On a walled page, the text that ends on the wall's own line (an offer, a price, "already a subscriber?")
    stops where the wall begins."""
    kept = doc.kept()
    if not kept or sum(words_in(b.text) for b in kept) > SHORT_WORDS:
        return None  # a full article's closing promo is no wall
    text = " ".join(kept[-1].text.split())
    if len(text.split()) <= 15 and (_OFFER.search(text) or PAYWALL.search(text) or REGISTRATION.search(text)):
        return f"the text ends on the wall's line {_quote(text)}"
    return None


def _is_wall_line(text: str) -> bool:
    text = " ".join(text.split())
    return len(text.split()) <= WALL_LINE_WORDS and bool(PAYWALL.search(text) or REGISTRATION.search(text))


def _wall_removed(doc: Document, rule_flags: Mapping[str, str]) -> bool:
    """Whether a rule that flags a wall removed something after the last kept line."""
    return _removed_after(doc, lambda b: rule_flags.get(b.removal.rule) == PAYWALLED)


def _removed_after(doc: Document, test: Callable[[Block], bool]) -> bool:
    blocks = doc.blocks
    last = len(blocks) - 1
    while last >= 0 and not blocks[last].kept:  # the last kept block, found from the end
        last -= 1
    if last < 0:
        return False
    return any(b.removal is not None and b.removal.refused is None and test(b) for b in blocks[last + 1 :])


def _removals(doc: Document, extra: Iterable[Removal]) -> list[Removal]:
    seen: dict[int, Removal] = {}
    for block in doc.blocks:
        if block.removal is not None:
            seen.setdefault(id(block.removal), block.removal)
    for removal in [*extra, *doc.removals]:
        seen.setdefault(id(removal), removal)
    return list(seen.values())


def _tail(words: list[str], n: int = 8) -> str:
    return ("…" if len(words) > n else "") + " ".join(words[-n:])


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'
