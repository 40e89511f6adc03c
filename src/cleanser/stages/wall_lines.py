"""The wall's own lines: where a paywall or registration wall reached the document as lines, they go.

`stages/walls.py` reads a wall's wording to flag a page; this stage removes the lines that hold it, with the same
patterns (`walls.PAYWALL`, `walls.REGISTRATION`, which take in `data/wall_wording.json`): the wording that flags a
wall is the wording that removes it, and there is no second copy of it among the generic rules.

A line is a **wall line** when it is short (`walls.WALL_LINE_WORDS` words at most) and every piece of it (split at
sentence ends and at the bars and bullets that separate a box's buttons) is either

- wall wording that *starts* the piece (after a lock sign or bullet, or a determiner: "Dieser Artikel ist
  exklusiv für Abonnenten", "This article is for subscribers only", "Bereits Abonnent? Hier einloggen"), with at
  most `REST_WORDS` words after it; or
- a piece of the wall's box: an offer or a price ("4 Wochen für 1 €", "BZ-Digital Basis 3 € / Monat"), a call to
  subscribe ("Jetzt abonnieren", `wall_signs.SUBSCRIPTION_CALL`), a log-in button ("Hier anmelden", "Sign in",
  "Se connecter") or a read-on button ("Jetzt weiterlesen");

and at least one piece is wall wording. A quotation (a line with a quote mark) is never a wall line: an article
about paywalls quotes them. Wording in the middle of a sentence ("readers were asked to subscribe to continue
reading") is prose, and so is a piece that goes on for more than `REST_WORDS` words after the wording.

The **box**: the lines right under a wall line (and, up to `ABOVE_LINES`, right above it) that are all box pieces
(offers, prices, log-in and read-on buttons, more wall lines), each short and none of them prose, go with it, as
one removal. Nothing else is taken: the article's last paragraph above the wall is prose, and a line that is no
box piece ends the box.

Each wall is one removal in the audit, rule `generic/wall-lines` (plugin `generic`, kind `line`), whose evidence
names the wording that made it a wall and what made each other line part of its box; the guard judges it like
any generic removal. The flags stage reads a removed wall where it stands (`walls.find_wall`).
"""

from __future__ import annotations

import re

from ..document import BLANK, CODE, TABLE, Block, Document, Removal
from ..text import ends_sentence, is_prose, remembered, word_count
from .wall_signs import NOT_A_WALL, SUBSCRIPTION_CALL
from .walls import _RELATED, PAYWALL, REGISTRATION, WALL_LINE_WORDS

PLUGIN = "generic"
RULE = f"{PLUGIN}/wall-lines"
REST_WORDS = 4  # words of a complement after a wall's wording ("... for this month", "... op het Dagblad")
BOX_WORDS = 12  # a line of the wall's box (an offer, a price, a button) is at most this long
BOX_PIECE_WORDS = 8  # ... and so is each of its pieces
MAX_CHARS = 400  # a line longer than this has more than `WALL_LINE_WORDS` words (a cheap test before counting)
PLAIN_WORDS = 10  # a plain sentence beside a wall's wording on its line ("Votre temps de lecture gratuit est écoulé.")
_CLAUSE = re.compile(r"[,;:()]")
# A plain sentence a metered wall prints beside its wording: free reading used up, in the wall wording's languages
# (a word of free access and a word of reading or articles). Any other sentence on the line is the article's.
_METER = re.compile(
    r"(?=.*\b(?:free|gratuit\w*|gratis|kostenlos\w*|kostenfrei\w*|gratuit[oa]s?|grátis|gratuite|gratuiti|"
    r"vrij|gratis|darmow\w*|ilmai\w*|zdarma|bezplatn\w*|無料))"
    r"(?=.*(?:read|lecture|lectura|leitura|lettura|lesen|lese|läs|læs|lees|lezen|czyta\w*|luku|čten\w*|"
    r"articles?|artikel\w*|art[ií]culos?|artigos?|articoli|artykuł\w*|stories|notas|記事))",
    re.IGNORECASE,
)
PROSE_WORDS = 8  # a paragraph of prose around a lone wall phrase makes it a subheading
ABOVE_LINES = 3  # box lines above the wall line that go with it ("Jetzt weiterlesen", "3 € / Monat")

# Where a line's pieces part: sentence ends, and the bars, bullets and arrows between a box's buttons.
# (Each alternative starts with a character of its own, so the search skips plain text fast; a line's spaces are
# collapsed to one before it is read.)
_PIECES = re.compile(r"[.!?…]\s+|[。！？]\s*| ?[|·•»›→]\s*")
# What may stand before the wording: a lock, a star, a bullet, a plus; never a quote mark.
_LEAD = re.compile(r"^[\s🔒🔓*+•·►▶✓✔#\-–—:]+")
_QUOTES = re.compile(r"[\"“”„«»‘’‚‹›「」]")
# A typeset apostrophe inside a word ("You’ve", "n’avez", "d’articles") is no quote mark.
_APOSTROPHE = re.compile(r"(?<=\w)[’‘](?=\w)")
# Words that may open a wall's sentence before its wording: determiners, the article named, a copula ("This
# article is ...", "Dieser Artikel ist ...", "El contenido es ...", "Artikel nur für ...").
_SUBJECT_WORDS = (
    "this the dieser diese dieses der die das este esta esse essa o a el la cet cette ce le l questo questa il lo "
    "dit deze het de ten ta to denne dette den det please "
    "article story post content artikel beitrag inhalt text artículo nota contenido noticia conteúdo matéria "
    "reportagem contenuto articolo artikkelen artikeln artikkel artiklen artykuł tekst juttu indhold "
    "is ist es est è é er är jest on "
    "tento tato toto článek obsah je a cikk tartalom "
    "эта этот статья материал доступна доступен ця цей стаття матеріал доступна"
)
_SUBJECT = frozenset(_SUBJECT_WORDS.split())
LEAD_WORDS = 4  # words of `_SUBJECT` before a wall's wording
# What a complement after a wall's wording starts with: a preposition or an article.
_COMPLEMENT_WORDS = (
    "for of on in to at with from by via this your our only "
    "für auf im bei mit von vom zum zur des "
    "en de del para por con a al "
    "du des sur pour par avec à au aux "
    "di della su per ai agli "
    "do da em no na com ao "
    "op van voor met bij "
    "w dla z "
    "på i för til till av med hos"
)
_COMPLEMENT = frozenset(_COMPLEMENT_WORDS.split())
_WORD_END = re.compile(r"[\w-]*(?:[/*:](?:in|innen)\b)?")
# Prices and periods of an offer: "3 € / Monat", "$1 for 4 weeks", "9,99 EUR", "1 mois pour 1 €".
PRICE = re.compile(
    r"\d(?:[\d.,]*\d)?\s*(?:€|eur(?:o|os)?\b|\$|£|kr\b|zł|chf\b)|(?:€|\$|£|us\$|r\$)\s*\d|"
    r"\b\d+\s*(?:wochen|monate?|weeks?|months?|semanas|meses|mois|semaines|mesi|settimane|maanden|weken|"
    r"miesiąc|miesięcy|uker|måneder|veckor|månader)\b",
    re.IGNORECASE,
)
# Buttons of a wall's box: log in, read on, see the offers (a piece that is only this).
_BUTTON = re.compile(
    r"(?:(?:hier|jetzt|bitte|zum) )?(?:anmelden|einloggen|login|log ?in|sign ?in|se connecter|connexion|"
    r"iniciar sesi[oó]n|inicia sesi[oó]n|ingres[aá]|ingresar|entrar|fa[cç]a login|accedi|inloggen|"
    r"zaloguj si[eę]|logga in|logg inn(?: her)?|log ind|kirjaudu(?: sisään)?|"
    r"(?:jetzt )?weiterlesen|continue reading|keep reading|read on|seguir leyendo|continuar leyendo|"
    r"lire la suite|continua a leggere|continuar lendo|lees verder|czytaj dalej|läs vidare|les videre|"
    r"(?:alle |see all |view all |ver |toutes nos |tutte le |todas as |alle )?(?:angebote|offers|plans|planes|"
    r"ofertas|offres(?: d'abonnement)?|offerte|aanbiedingen)(?: (?:ansehen|anzeigen|entdecken|sehen))?|"
    r"(?:jetzt )?(?:abonnieren|abonnent werden)|abo (?:abschließen|wählen|testen)|"
    r"subscribe(?: now| today)?|suscr[ií]bete|abonnez-vous|assine(?: já| agora)?|abbonati|abonneer(?: nu)?)"
    r"[\s!.?:»›→]*$",
    re.IGNORECASE,
)


# The offers of a wall's box, named ("Scopri tutte le offerte di abbonamento", "Toutes nos offres").
_OFFERS = re.compile(
    r"\b(?:angebote?|abo-angebote|offers?|plans|planes|ofertas?|offres?|offerte|aanbiedingen|abonnementen|"
    r"abbonamenti|abonnements?|subscriptions?|suscripci[oó]n(?:es)?|assinaturas?|abonamenty?|prenumeration)\b",
    re.IGNORECASE,
)
OFFER_WORDS = 6
# A trial or a pass to buy ("Jetzt eine Woche unverbindlich testen", "Wochenpass bestellen", "Try it free").
TRIAL = re.compile(
    r"\b(?:testen|bestellen|mitglied werden|try|join now|essayer|probar|experimente|prova|proberen|wypróbuj|prøv|"
    r"testa|kokeile|(?:wochen|tages|monats)pass|free trial|prueba gratis|essai gratuit)\b",
    re.IGNORECASE,
)
# A log-in prompt or a read-on question of the box ("Already registered?", "Möchten Sie weiterlesen?").
_READ_ON = re.compile(
    r"(?:already (?:registered|a member|have an account)|bereits registriert|schon registriert|déjà inscrit|"
    r"ya (?:tienes|tenés) (?:una )?cuenta|já tem (?:uma )?conta|hai già un account|heb je al een account|"
    r"(?:möchten sie|wollen sie|willst du|want to|quer|quieres?|voulez-vous|vuoi|wil je)\b.{0,30}?"
    r"(?:weiterlesen|weiter lesen|reading|leitura|leyendo|lire|leggere|lezen))[\s!.?:»›→]*$",
    re.IGNORECASE,
)


def _opening() -> re.Pattern[str]:
    """Wall wording at a piece's start, after at most `LEAD_WORDS` words that name the article: one expression, so
    that a line that opens with "The" or "Der" costs one match, not one per word."""
    subject = "|".join(sorted(map(re.escape, _SUBJECT), key=len, reverse=True))
    return re.compile(
        rf"(?:(?:{subject})(?:\s+|['’]\s*)){{0,{LEAD_WORDS}}}(?:(?P<pay>{PAYWALL.pattern})|(?P<reg>{REGISTRATION.pattern}))",
        re.IGNORECASE,
    )


_OPENING = _opening()


def _wording(text: str, at: int) -> tuple[int, int] | None:
    """Where the wall wording that starts at `at` in `text` (after at most `LEAD_WORDS` words that name the
    article: "Dieser Artikel ist ...", "El contenido es ...") begins and ends, or None. The wording may run over a
    piece's end ("Al abonnee? Log in")."""
    match = _OPENING.match(text, at)
    if match is None:
        return None
    group = "pay" if match.start("pay") >= 0 else "reg"
    return match.start(group), match.end(group)


def _wall_rest(rest: str) -> bool:
    """Whether the words after a wall's wording are the wall's own: nothing, an offer or a button ("..., ¡suscríbete!"),
    a price ("für 1 € im ersten Monat"), or a short complement ("for this month", "en esta sección", "op het
    Dagblad"). A verb or a clause after it ("... get the discount", "..., the pop-up said") makes it prose."""
    bare = rest.strip(" ,;:!?.¡¿…-–—")
    if not bare or _box_piece(bare) is not None:
        return True
    if "," in rest:
        return False
    words = bare.split()
    if PRICE.search(bare) and len(words) <= BOX_PIECE_WORDS:
        return True
    if len(words) == 1:
        return True  # the end of a pattern's phrase it stops short of ("Subscribers only" + "!")
    return len(words) <= REST_WORDS and words[0].lower() in _COMPLEMENT


def _box_piece(piece: str) -> str | None:
    """What makes `piece` a part of a wall's box (an offer, a price, a button), or None."""
    if not piece or word_count(piece) > BOX_PIECE_WORDS or NOT_A_WALL.search(piece):
        return None
    if _BUTTON.match(piece) or _READ_ON.match(piece):
        return "a button"
    if PRICE.search(piece):
        return "a price"
    if SUBSCRIPTION_CALL.search(piece) or (word_count(piece) <= OFFER_WORDS and _OFFERS.search(piece)):
        return "an offer"
    if TRIAL.search(piece):
        return "an offer"
    return None


def _pieces(text: str) -> list[str]:
    return [p for p in (_LEAD.sub("", piece).strip() for piece in _PIECES.split(" ".join(text.split()))) if p]


def wall_line(text: str) -> str | None:
    """The wall wording that makes `text` a wall line (see the module's doc), or None."""
    found = _read_line(text)
    return found[0] if found is not None and not found[1] else None


def wall_wording(text: str) -> str | None:
    """The wall wording of a line that says a wall stands though not all of it is the wall's box: its other
    pieces are short plain sentences that speak of the wall (its wording inside them, "Libération réserve cet
    article à ses abonnés.") or of free reading used up ("Votre temps de lecture gratuit est écoulé.",
    "Wöchentliche Grenze an kostenfreien Artikeln erreicht."), never a clause, a quotation ("Bereits
    Abonnent? Diese Frage stellen viele Seiten, bevor ...") or a sentence of the article's own ("Already a
    subscriber? Then nothing changes."). What `walls.find_wall` reads in a text's last lines; the removal takes
    only whole wall lines (`wall_line`)."""
    found = _read_line(text)
    if found is None:
        return None
    phrase, others = found
    if any(word_count(piece) > PLAIN_WORDS or _CLAUSE.search(piece) or not _of_the_wall(piece) for piece in others):
        return None
    return phrase


# Access sold by an offer ("unlimited digital access", "accès illimité", "acceso ilimitado").
_ACCESS = re.compile(r"\b(?:access|zugang|zugriff|accès|acceso|acesso|accesso|toegang|dostęp|tilgang|åtkomst)\b", re.I)


def _of_the_wall(piece: str) -> bool:
    """Whether a plain sentence beside a wall's wording speaks of the wall: it holds wall wording of its own
    ("Libération réserve cet article à ses abonnés."), says the free reading is used up, or offers access for a
    price."""
    if _METER.search(piece) or PAYWALL.search(piece) or REGISTRATION.search(piece):
        return True
    # An offer of access for a price beside the wording ("Subscribe to continue reading. Get unlimited digital
    # access for just $1 a week."): the wall's own sales line, however long its button's words run.
    offer = SUBSCRIPTION_CALL.search(piece) or _OFFERS.search(piece) or _ACCESS.search(piece)
    return bool(offer and PRICE.search(piece))


@remembered  # the flags read a text's last lines again (walls.find_wall, through wall_wording)
def _read_line(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The first wall wording that opens a piece of `text`, and the pieces that are neither wall wording nor the
    box's; None when no piece opens with wall wording or the wording goes on as prose.

    Every line of a document comes here: the anchored wording at each piece's start is tried first, and only a
    line that has some is read further (the box's vocabulary and the quotation marks cost more)."""
    if len(text) > MAX_CHARS or word_count(text) > WALL_LINE_WORDS:
        return None
    text = " ".join(text.split())
    found = None
    pending: list[str] = []
    at = 0
    while at < len(text):
        lead = _LEAD.match(text, at)
        at = lead.end() if lead else at
        if at >= len(text):
            break
        span = _wording(text, at)
        if span is not None:
            # A pattern may end inside a word ("abonnent" of "Abonnenten", "Abonnent/in"): the rest starts after it.
            after = _WORD_END.match(text, span[1]).end()
            cut = _cut(text, after)
            end = cut.start() if cut else len(text)
            if not _wall_rest(text[after:end]):
                return None
            found = found or text[span[0] : span[1]]
        else:
            cut = _cut(text, at)
            end = cut.start() if cut else len(text)
            pending.append(text[at:end].strip())
        at = cut.end() if cut else len(text)
    if found is None or _quoted(text) or _RELATED.search(text):
        return None
    return found, tuple(piece for piece in pending if _box_piece(piece) is None)


def _quoted(text: str) -> bool:
    return bool(_QUOTES.search(_APOSTROPHE.sub("", text)))


def _cut(text: str, start: int) -> re.Match[str] | None:
    """Where the piece under way ends: the next sentence end or separator from `start` on."""
    return _PIECES.search(text, start)


def box_line(text: str) -> str | None:
    """What makes `text` a line of a wall's box (every piece an offer, a price or a button), or None."""
    if word_count(text) > BOX_WORDS or _quoted(text) or is_prose(text):
        return None
    pieces = _pieces(text)
    kinds = [_box_piece(p) for p in pieces]
    if not pieces or None in kinds:
        return None
    return kinds[0]


def _between_prose(lines: list[Block], first: int, last: int) -> bool:
    """Whether the kept lines right above `first` and right below `last` are paragraphs of prose."""
    above = next((b for b in reversed(lines[:first]) if b.removal is None), None)
    below = next((b for b in lines[last + 1 :] if b.removal is None), None)
    return all(b is not None and word_count(b.text) >= PROSE_WORDS and ends_sentence(b.text) for b in (above, below))


def _candidate(block: Block) -> bool:
    return block.removal is None and block.protected_by is None and block.kind not in (BLANK, TABLE, CODE)


def mark_wall_lines(doc: Document) -> int:
    """Mark every wall line of `doc` with its box (see the module's doc); return how many lines were marked."""
    lines = [b for b in doc.blocks if b.kind != BLANK and b.text.strip()]
    taken: set[int] = set()
    walls: list[tuple[list[Block], list[str]]] = []
    for i, block in enumerate(lines):
        if i in taken or not _candidate(block):
            continue
        wording = wall_line(block.text)
        if wording is None:
            continue
        evidence = [f"wall wording {wording!r} in {_quote(block.text)}"]
        first = i
        while first > 0 and i - first < ABOVE_LINES and _candidate(lines[first - 1]) and first - 1 not in taken:
            why = box_line(lines[first - 1].text)
            if why is None:
                break
            first -= 1
            evidence.insert(0, f"{why} of the wall's box above it: {_quote(lines[first].text)}")
        box = lines[first : i + 1]
        last = at = i
        while at + 1 < len(lines) and (lines[at + 1].removal is not None or _candidate(lines[at + 1])):
            at += 1
            if lines[at].removal is not None:
                continue  # a line a rule took already ("Already have an account? Sign in"): the box goes on
            text = lines[at].text
            more = wall_line(text)
            why = f"more wall wording {more!r}" if more else box_line(text)
            if why is None:
                break
            box.append(lines[at])
            last = at
            evidence.append(f"{why} of the wall's box under it: {_quote(text)}")
        if len(box) == 1 and len(_pieces(block.text)) == 1 and _between_prose(lines, first, last):
            continue  # one wall phrase alone between two paragraphs reads as the article's own subheading
        walls.append((box, evidence))
        taken.update(range(first, last + 1))
    # A document that is all wall (extraction chose the wall's box for the article) is nothing to judge against:
    # what stays of an article is what tells a wall from it, so none is taken.
    if not walls or sum(len(box) for box, _ in walls) >= sum(1 for b in lines if b.removal is None):
        return 0
    for box, evidence in walls:
        removal = Removal(
            rule=RULE,
            plugin=PLUGIN,
            text="\n".join(b.text for b in box),
            kind="line",
            line=box[0].line,
            start=box[0].start,
            end=box[-1].at(len(box[-1].text), end=True),
            evidence=tuple(evidence),
        )
        for b in box:
            b.removal = removal
    return sum(len(box) for box, _ in walls)


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
