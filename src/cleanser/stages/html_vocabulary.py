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
        rf"sponsor\w*|affiliate\w*|anzeige|werbung|commercial){_Z}"
    ),
    "bio": (
        rf"{_E}(?:author-?(?:bio|box|info|about|description|card|details|profile)|about-?(?:the-?)?author|"
        rf"bio|biography|abh_\w*|saboxplugin\w*|contributor-?bio){_Z}"
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
    "tags": rf"{_E}(?:meta|metadata|date|dateline|timestamp|published|updated|info-?bar|byline){_Z}",
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
