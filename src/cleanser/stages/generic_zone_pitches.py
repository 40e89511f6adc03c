"""A site's pitch to its reader in a plain text: a sentence that asks the reader to sign up, follow or subscribe to
the site's own channel.

What a naive scrape keeps under an article is often a sentence, not a label: "Follow us on Twitter to get the latest
on ...", "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen über neue Beiträge
zu erhalten.", "Bleiben Sie auf dem Laufenden mit unserem kostenlosen Newsletter!", "Suivez-nous sur les réseaux
sociaux". The line scorer never takes a sentence at `safe` (an article's "Sign-ups to the newsletter doubled." is
shaped alike), and to the zone stage such a line read as the article's last paragraph, so the tail under it stayed.

`reader_pitch` says a line is such a pitch when four things stand in it together, each in the languages of the web:

- it speaks to the reader: a second-person word ("you", "Sie", "du", "vous", "tu", "usted", ...) or opens with an
  imperative of the kind ("Follow", "Subscribe", "Abonniere", "Suivez", "Suscríbete", ...);
- it asks for an action: subscribe, sign up, follow, like, join, enter, register, download, be notified, stay up to
  date, receive;
- it names a channel that brings the site to the reader: a newsletter, e-mail, an inbox, notifications, a feed, an
  app, a social network;
- and it is the site's own: "our", "us", "we" ("unser", "uns", "notre", "nous", "nuestro", ...), "this blog", a
  newsletter, or the reader's e-mail address asked for.

"You can sign up for flood alerts by e-mail at the council's website." (an article's service line) has no word of
the site's own; "The app lets you follow your bus." has no action on a channel of the site; "Vor allem freuen wir
uns, wenn Dir unsere Podcasts gefallen" names the site's content, not a channel: a podcast, a blog or a video is what
a page is about as often as a channel, so none counts as one.

The zone stage (`generic_zones.py`) reads such a line as no article prose, as a tail's boundary, and as furniture
right above one. It is never taken where it stands alone between the article's paragraphs: only as a tail below the
article's last paragraph, where what follows must read as furniture too.
"""

from __future__ import annotations

import re

PITCH_WORDS = 25  # a pitch is a line or two of a widget; longer prose is the article's by its shape

# A channel first: it is the rarest of the four, and most lines stop at it.
_CHANNEL = re.compile(
    r"newsletter|nieuwsbrief|bolet[ií]n|e-?mail|\bmail\b|inbox|posteingang|postfach|notification|benachrichtigung|"
    r"\bfeed\b|\brss\b|\bapp\b|twitter|facebook|instagram|youtube|telegram|whatsapp|linkedin|tiktok|pinterest|"
    r"social media|sozialen medien|réseaux sociaux|redes sociales",
    re.IGNORECASE,
)
_ACTION = re.compile(
    r"subscri|abonn|sign(?:ing)? up|anmeld|\bmelde|inscri|suscri|iscriv|follow|\bfolg|suiv|s[ií]gue|segui|\bvolg|"
    r"\blike us\b|\bjoin\b|[uú]nete|rejoi|\benter\b|\bgib\b|\bgeben sie\b|eingeben|registr|download|herunterlad|"
    r"télécharg|descarg|benachrichtig|notif|informiert|auf dem laufenden|up to date|\bstay\b|erhalten|recevez|"
    r"receive|recib|get the latest|keep up",
    re.IGNORECASE,
)
# German and Dutch polite forms are capitalised: "Sie" and "Ihr" mid-sentence, not "sie" (they) or "ihr" (her).
_POLITE = re.compile(r"\b(?:Sie|Ihnen|Ihre?[mnrs]?|Euch|Eure?[mnrs]?)\b")
_YOU = re.compile(
    r"\b(?:you|your|you're|you'll|du|dich|dir|dein|deine[mnrs]?|euch|euer|eure[mnrs]?|vous|votre|vos|tu|toi|ton|"
    r"tes|usted|ustedes|tus|você|vocês|jij|uw)\b",
    re.IGNORECASE,
)
_IMPERATIVE = re.compile(
    r"\W*(?:follow|subscribe|sign up|join|like us|get|enter|download|stay|don't miss|abonniere|folge|folgt|"
    r"melde dich|gib|trag dich|registriere|bleib|suivez|abonnez|inscrivez|rejoignez|téléchargez|suscr[ií]bete|"
    r"s[ií]guenos|[uú]nete|descarga|iscriviti|seguici|volg|schrijf je|abonneer)\b",
    re.IGNORECASE,
)
_OWN = re.compile(
    r"\b(?:our|us|we|unser\w*|uns|wir|notre|nos|nous|nuestr\w*|nosotros|nostr\w*|onze|ons|"
    r"this (?:blog|site|website)|diese[mn]? (?:blog|seite|website|webseite)|ce (?:blog|site))\b|newsletter|"
    r"e-?mail-?(?:adresse|address)",
    re.IGNORECASE,
)


def reader_pitch(text: str) -> list[str] | None:
    """The evidence that the line is the site's pitch to its reader (its channel, action, address and the site's
    own word), or None; lines of more than PITCH_WORDS words are none."""
    channel = _CHANNEL.search(text)
    if channel is None or len(text.split()) > PITCH_WORDS:
        return None
    action = _ACTION.search(text)
    if action is None:
        return None
    address = _POLITE.search(text) or _YOU.search(text) or _IMPERATIVE.match(text)
    own = _OWN.search(text)
    if address is None or own is None:
        return None
    found = (channel.group().strip(), action.group().strip(), address.group().strip(), own.group().strip())
    return ["a pitch to the reader: " + ", ".join(f"'{w}'" for w in found)]
