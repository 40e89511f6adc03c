"""Paywalls that show neither a declaration nor wall wording: a text cut short where the page marks a wall.

A wall served by a script leaves the saved page without its wording: what remains is the preview, cut by the
server where the locked text begins (often inside a word, closed with "…"), and what the page's markup says around
it. Its signs, each counted only with such a cut:

- paywall markup in the page's body (`read.paywall_marks`: `#steady_paywall`, `.isPaywall`,
  `.paywall-template-container`, ...): `paywall markup (.isPaywall) and the text trails off: "…"`, as a
  registration wall (`registration wall: paywall markup (.regwall) ...`) when a name says so;
- paywall software the page loads (stages/wall_vendors.py: Piano, Steady's widget, Poool, LaterPay, Pelcro, ...):
  `a paywall vendor's script (cdn.tinypass.com) and the text trails off: "…"`;
- an offer to subscribe right after the cut text, in any of eight languages ("Jetzt abonnieren", "Subscribe now",
  "Suscríbete", "Abonnez-vous", "Assine", "Abbonati", ...), with no newsletter or feed wording beside it:
  `a subscription offer follows the cut text: "Jetzt abonnieren"`;
- a sign-in box's question right after the cut text ("Already have an account?", "Noch kein Konto?", "Vous avez
  déjà un compte ?"; stages/text_walls.py's `ACCOUNT_PROMPT`), with no comment, newsletter or feed wording beside
  it: `a log-in prompt follows the cut text: "Noch kein Konto"`.

The cut is the text's last paragraph trailing off in an ellipsis (a sentence of eight words or more; a last line
that is an address, a link, a rating, a tag list or a call to action is no cut). A text that ends on a finished
sentence is never flagged by these signs, so a free article on a site that marks every page for its wall (or
that closes with "Subscribe") keeps no flag.
"""

from __future__ import annotations

import re

from ..read.paywall_marks import paywall_marks
from .wall_vendors import paywall_vendors
from .wall_wording import alternation, typographic

REGWALL_NAME = re.compile(r"reg(?:istration)?[-_]?wall", re.IGNORECASE)
OFFER_AFTER_CHARS = 300  # how far after the cut text an offer counts as the wall's
# A call to buy access: a verb of subscribing, or an offer of an "Abo". Logging in and registering are not offers.
SUBSCRIPTION_CALL = re.compile(
    r"\b(?:subscribe(?: now| today| here)?\b|get (?:full|unlimited|digital) access|start (?:your )?free trial|"
    r"(?:jetzt )?abonnieren|(?:jetzt )?(?:abo|abonnement) (?:abschließen|wählen|testen|sichern|bestellen)|"
    r"zum abo\b|abo-angebote|"
    # A trial of the print or digital edition ("Jetzt zwei Ausgaben testen", "Jetzt 4 Wochen gratis lesen"): an
    # offer that a footer shows on every page, a wall's sign only after a cut text.
    r"jetzt (?:\S+ ){0,2}(?:ausgaben|wochen|monate) (?:gratis |kostenlos )?(?:testen|lesen)|"
    r"suscr[ií]b(?:e|ete|irse)\b|hazte suscriptor|abonnez-vous|je m'abonne|s'abonner|"
    r"assine(?: já| agora)?\b|assinar\b|abbonati\b|abbonarsi|abonneer\b|word abonnee|"
    r"zaprenumeruj|wykup (?:dostęp|prenumeratę|subskrypcję)|kup dostęp|"
    # More languages, each with where it was seen: data/wall_wording.json
    + alternation("subscription_call")
    + r")",
    re.IGNORECASE,
)
# Typeset apostrophes too ("You’ve", "n’avez": wall_wording.typographic).
SUBSCRIPTION_CALL = re.compile(typographic(SUBSCRIPTION_CALL.pattern), re.IGNORECASE)
# Offers of something else that is free: a newsletter, a feed, a channel, notifications, comments.
NOT_A_WALL = re.compile(
    r"newsletter|e-?mail|inbox|\brss\b|\bfeed\b|podcast|youtube|channel|kanal|notification|benachrichtigung|"
    r"whatsapp|telegram|boletín|bolet[ií]n|lettre d'information|comment|infolettre|nieuwsbrief|nyhetsbrev|"
    r"nyhedsbrev|uutiskirje|"
    # A comment form asks for an account too, in any language ("Noch kein Konto? Registrieren, um zu kommentieren").
    r"komment|comentar|coment[aá]rio|komentarz|kommentoi|reageren|reactie",
    re.IGNORECASE,
)
# Typeset apostrophes too ("You’ve", "n’avez": wall_wording.typographic).
NOT_A_WALL = re.compile(typographic(NOT_A_WALL.pattern), re.IGNORECASE)

# The question a sign-in box asks, in the languages of the wall wording: log-in and sign-up forms as public front-end
# code writes them (React, Vue, Flutter and PHP forms found with a search of public repositories, December 2026).
ACCOUNT_PROMPT = re.compile(
    r"(?<![\w])(?:"
    r"(?:already|don'?t|do not) have an account|already registered\?|not (?:yet )?registered\?|"
    r"(?:haben sie|hast du|sie haben|du hast) (?:noch )?(?:kein(?:en)?|bereits ein(?:en)?|schon ein(?:en)?) "
    r"(?:benutzer|kunden|leser)?-?konto|noch kein (?:benutzer|kunden|leser)?-?konto|"
    r"bereits (?:ein (?:benutzer|kunden|leser)?-?konto|registriert)\?|"
    r"(?:vous avez |avez-vous )?d[ée]j[àa] un compte|(?:vous )?n'avez pas (?:encore )?de compte|pas encore de compte|"
    r"¿?(?:ya|no) (?:tienes|ten[eé]s|tiene) (?:una )?cuenta|"
    r"hai gi[àa] un account|non hai (?:ancora )?un account|"
    r"j[áa] tem (?:uma )?conta|n[ãa]o tem (?:uma )?conta|"
    r"(?:heb je|heeft u) (?:al|nog geen) (?:een )?account|nog geen account|"
    r"masz ju[żz] konto|nie masz (?:jeszcze )?konta|"
    r"har du (?:redan ett|inget) konto|har du allerede en (?:konto|bruker)"
    r")",
    re.IGNORECASE,
)
# Typeset apostrophes too ("You’ve", "n’avez": wall_wording.typographic).
ACCOUNT_PROMPT = re.compile(typographic(ACCOUNT_PROMPT.pattern), re.IGNORECASE)


def wall_sign(end: str | None, source: str, after: str) -> str | None:
    """Why the page is walled though it neither declares nor words a wall, or None (see the module's doc).
    `end` is the closing words of a last paragraph that trails off like a cut preview (None when it does not:
    flags.trailing_cut), `source` the page's HTML, `after` the page's visible text after the article."""
    if end is None:
        return None
    marks = paywall_marks(source) if source else []
    if marks:
        # A wall named for registration (`.regwall`, `#regwalled`) asks for a free account, as declared ones do.
        prefix = "registration wall: " if any(REGWALL_NAME.search(mark) for mark in marks) else ""
        return f'{prefix}paywall markup ({", ".join(marks)}) and the text trails off: "…{end}"'
    vendors = paywall_vendors(source) if source else []
    if vendors:
        # Paywall software the page loads (stages/wall_vendors.py): its wall is drawn over the cut preview.
        return f'a paywall vendor\'s script ({", ".join(vendors)}) and the text trails off: "…{end}"'
    window = " ".join(after[:OFFER_AFTER_CHARS].split())
    offer = SUBSCRIPTION_CALL.search(window)
    if offer and not NOT_A_WALL.search(window):
        return f'a subscription offer follows the cut text: "{offer.group(0)}" after "…{end}"'
    # A sign-in box's question right under the cut (stages/text_walls.py reads the same in a plain text).
    prompt = ACCOUNT_PROMPT.search(window)
    if prompt and not NOT_A_WALL.search(window):
        return f'a log-in prompt follows the cut text: "{prompt.group(0)}" after "…{end}"'
    return None
