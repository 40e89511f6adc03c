"""What the markup says an element is: the class and id tokens, tags and ARIA roles that generic HTML detection
reads (`generic_html.py`), by kind of boilerplate. Data apart from the logic, as trafilatura keeps its XPaths."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Class and id tokens, by what they say an element is. Matched on the lowercased class and id at token edges (the
# start or end, or one of " -_"), so "sharedaddy" matches "share\w*" but "canvas" does not match "nav" (nor does
# "CtxtMenu_Attached" match "menu": camelCase humps are no edge, they join words of one name too often).
_E = r"(?:^|[\s_-])"  # token start
_Z = r"(?=$|[\s_-])"  # token end
# "paywall" tokens skip negated names: a Badische Zeitung article sits in `section.non-paywall`.
SAFE_TOKENS: dict[str, str] = {
    "comments": (
        rf"{_E}(?:comments?|comment-?(?:list|form|section|area|count|respond|link|s-link)|commentlist|commentform|"
        rf"disqus\w*|respond|discussion|kommentare?|leserkommentare?|reply|replies){_Z}"
    ),
    "share": (
        rf"{_E}(?:share\w*|sharing|shariff\w*|sharedaddy|social\w*|addthis\w*|sociable|sd-social|"
        rf"follow-?us|teilen){_Z}"
    ),
    "related": (
        rf"(?:related|relacionad[ao]s?|relacionad\w+|correlat\w+)|"
        rf"{_E}(?:yarpp\w*|rp4wp\w*|jp-relatedposts|more-?(?:stories|articles|news|from\w*|on\w*)|"
        rf"also-?read|read-?also|recommend\w*|popular\w*|most-?(?:read|viewed|popular|shared|recent)|mostread|"
        rf"trending|meistgelesen\w*|further-?reading|outbrain\w*|taboola\w*|next-?post|prev(?:ious)?-?post|"
        rf"post-?navigation|nav-?(?:next|previous|prev)|weitere-?artikel|lee-?tambien|leia-?tambem|veja-?tambem|"
        rf"ver-?tambien|saiba-?mais|lesen-?sie-?auch|auch-?lesen|mehr-?zum-?thema|video-?playlist|playlist){_Z}"
    ),
    "newsletter": (
        rf"{_E}(?:newsletter\w*|subscri\w*|sign-?up|signup\w*|opt-?in|mc4wp\w*|mailchimp\w*|(?<!non-)(?<!no-)paywall\w*|"
        rf"login|log-?in|register|registration|abo|abo-\w+|abonn\w+){_Z}"
    ),
    "promo": (
        rf"{_E}(?:promo\w*|advert\w*|ads?|ad-?(?:slot|unit|container|wrapper|box)|adslot|adunit|dfp|gpt-?ad|"
        rf"sponsor\w*|affiliate\w*|anzeige|werbung|commercial|cta|call-?to-?action|donat\w*|spenden\w*){_Z}"
    ),
    "bio": (
        rf"{_E}(?:author-?(?:bio|box|info|about|description|card|details|profile)|about-?(?:the-?)?author|"
        rf"bio|biography|abh_\w*|saboxplugin\w*|contributor-?bio|autor\w*|authors?|author-?name|post-?author|"
        rf"article-?author|entry-?author|byline\w*|by-?line){_Z}"
    ),
    "tags": (
        rf"{_E}(?:tags?|tag-?(?:list|cloud|links)|post-?tags|article-?tags|categories|entry-?(?:meta|utility|"
        rf"footer|tags)|post-?meta|postmetadata|post-?footer|article-?footer|filed-?under|keywords?|topics){_Z}"
    ),
    "navigation": (
        rf"{_E}(?:nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|"
        rf"skip-?link|jump-?links?){_Z}"
    ),
    "ui": (
        rf"{_E}(?:sr-?only|screen-?reader-?(?:text|only)|visually-?hidden|visuallyhidden|a11y-?hidden|"
        rf"slideshow-?controls|gallery-?(?:nav|controls|counter|count)|image-?counter|counter|lightbox-?\w+|"
        rf"carousel-?(?:nav|controls|arrows?)|swiper-?(?:button\w*|pagination)|close|print-?(?:button|link|icon)|toolbar|"
        rf"tools|article-?tools|action-?bar|actions|editsection|mw-editsection|loading|likes?-?widget\w*|"
        rf"rating\w*|post-?ratings){_Z}"
    ),
    "legal": (
        rf"{_E}(?:copyright\w*|cite-?as|citate|license|licence|rights|disclaimer|credits?|photo-?credits?|"
        rf"image-?credits?|img-?credits?|bildnachweis|quelle){_Z}"
    ),
}
# Weaker tokens, for the aggressive level: teasers and article metadata lines.
AGGRESSIVE_TOKENS: dict[str, str] = {
    "related": rf"{_E}(?:teaser\w*|more|read-?more|see-?also|widget\w*|sidebar\w*|box-?list){_Z}",
    "tags": rf"{_E}(?:meta|metadata|date|dateline|timestamp|published|updated|info-?bar){_Z}",
    "navigation": rf"{_E}(?:toc|table-?of-?contents){_Z}",
}
# A container's own name: an element so named is the article, whatever else its class says.
ARTICLE_NAME = re.compile(
    r"(?:^|[\s_-])(?:article-?(?:body|content|text)|story-?(?:body|content)|entry-?content|post-?(?:content|body)|"
    r"main-?content|content-?body|articlebody)(?=$|[\s_-])"
)
TAG_KIND = {"aside": "aside", "nav": "navigation", "footer": "aside", "form": "form"}
ROLE_KIND = {
    "navigation": "navigation",
    "menu": "navigation",
    "menubar": "navigation",
    "complementary": "aside",
    "contentinfo": "aside",
    "banner": "aside",
    "search": "form",
    "dialog": "ui",
    "alertdialog": "ui",
    "toolbar": "ui",
    "tablist": "ui",
}


@dataclass
class Tokens:
    safe: list[tuple[str, re.Pattern[str]]]
    aggressive: list[tuple[str, re.Pattern[str]]]


TOKENS = Tokens(
    safe=[(kind, re.compile(p)) for kind, p in SAFE_TOKENS.items()],
    aggressive=[(kind, re.compile(p)) for kind, p in AGGRESSIVE_TOKENS.items()],
)


# Where an article never is: readability-lxml scores paragraphs wherever they are, and on some pages the best
# scored box is a login dialog's messages, a cookie banner's text, a pop-up or an author bio.
NOT_ARTICLE = re.compile(
    rf"{_E}(?:popup\w*|pop-?up|popmake\w*|pum|overlay|lightbox\w*|cookie\w*|consent\w*|noconsent|gdpr|"
    rf"login\w*|log-?in|sign-?in|signin|register|registration|dialog|newsletter\w*|subscri\w*|(?<!non-)(?<!no-)paywall\w*|"
    rf"off-?canvas\w*|offcanvas\w*|advertiser-?disclosure\w*|disclosure|author-?(?:bio|box|info|description)|"
    rf"about-?(?:the-?)?author|comments?|comment-?(?:list|form|section|area|respond)|commentlist|respond|"
    rf"disqus\w*|sidebar\w*|widget-?area){_Z}"
)
NOT_ARTICLE_ROLES = frozenset({"dialog", "alertdialog", "complementary", "contentinfo", "navigation", "banner"})
NOT_ARTICLE_TAGS = frozenset({"nav", "aside", "footer", "dialog"})


# --- shape evidence (html_shapes.py) --------------------------------------------------------------------------------

# Link text that is a web address: an article's source or a reference, which stays.
URLISH = re.compile(r"^(?:https?://|www\.)|^[\w.-]+\.[a-z]{2,}(?:/\S*)?$", re.I)
# "Read also: <headline>": a label of up to four words, no digits (a date is no label), then a colon.
LABEL_LINK = re.compile(r"^((?:[^\W\d]+[ '’-]?){1,4})\s?:\s*(.+)$")
# Month names and abbreviations of the languages the pages come in (with metadata_values' date parser's list).
_MONTHS = (
    r"(?:jan(?:uary|uar|vier|v)?|jänner|enero|ene|gennaio|janeiro|feb(?:ruary|ruar|rero|braio|rier)?|févr(?:ier)?|"
    r"fev(?:ereiro)?|mar(?:ch|zo|s|ço)?|märz|mär|mrz|apr(?:il|ile)?|abr(?:il)?|avr(?:il)?|ma[iy]|mayo|maggio|maio|"
    r"jun[ei]?|junio|juin|giugno|junho|jul[iy]?|julio|juil(?:let)?|luglio|julho|aug(?:ust)?|agosto|ago|août|"
    r"sep(?:t|tember|tiembre|tembre)?|setiembre|settembre|setembro|set|o[ck]t(?:ober|ubre|obre)?|ottobre|outubro|out|"
    r"nov(?:ember|iembre|embre|embro)?|de[cz](?:ember)?|diciembre|décembre|déc|dicembre|dezembro|dic)\.?"
)
# A date or a time of day, in the notations news pages print: 23.10.2018, 2021-10-16, 11 Jan 2019, 31. Mai 2012,
# May 06, 2019, 3/10/2004, 10:27.
DATE = re.compile(
    rf"\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"\b\d{{1,2}}\.?\s+{_MONTHS}\s+\d{{4}}\b|\b{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{1,2}}:\d{{2}}\b",
    re.IGNORECASE,
)
# A photo credit in a figure: a credit word and a colon first ("Foto: ...", "Kuva: ...", "(crédito: ..."), a
# copyright sign, or a short line naming an agency or written "Agency / Photographer".
CREDIT = re.compile(
    r"^\W{0,2}(?:foto|fotos|photo|photos|photograph|bild|bilder|kuva|crédito|credito|credit|credits|quelle|source|"
    r"fuente|fonte|image|imagen|zdjęcie|fot|copyright)\s*[:.]|^\W{0,2}(?:©|\(c\))",
    re.IGNORECASE,
)
AGENCY = re.compile(
    r"\b(?:getty\s?images|shutterstock|istock(?:photo)?|adobe\s?stock|afp|dpa|reuters|picture-alliance|imago|"
    r"ap\s?photo|epa|keystone|efe|unsplash|pixabay)\b",
    re.IGNORECASE,
)
SLASH_CREDIT = re.compile(r"^[\w.&'-]+(?: [\w.&'-]+){0,2} ?/ ?[\w.&'-]+(?: [\w.&'-]+){0,2}$")
# A line that is nothing but an advertising label ("Anzeige", "- Anzeige -", "Reklama", "Advertisement"): the label
# of an ad whose picture or frame is gone. Article text never is that one word alone.
AD_LABEL = re.compile(
    r"^\W*(?:anzeige|werbung|reklama|advertisement|advertising|advert|publicidad|publicité|pubblicità|publicidade|"
    r"sponsored|gesponsert|sponsored content|paid content|advertorial|annonce|mainos|annons|advertentie)\W*$",
    re.IGNORECASE,
)
# A reading-time line: "5 min read", "Lesezeit: 4 Minuten", "3 minutos de lectura".
READING_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|minuten|minutos|minuti)\s+(?:read|lesezeit|lesedauer|de lecture|de lectura|"
    r"di lettura|de leitura|leitura)\b|\b(?:lesezeit|lesedauer|reading time|read time|temps de lecture|"
    r"tiempo de lectura|tempo de leitura)\s*:?\s*\d+",
    re.IGNORECASE,
)
