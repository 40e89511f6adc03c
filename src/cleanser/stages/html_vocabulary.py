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
# Text set out of sight for screen readers ("Media caption" before a video's caption, "(opens in a new window)"): no
# reader sees it, so it goes even as a piece of a line (generic_html._inline_ok).
_SCREEN_READER = r"sr-?only|screen-?reader-?(?:text|only)|visually-?hidden|visuallyhidden|a11y-?hidden|off-?screen"
SCREEN_READER = re.compile(rf"{_E}(?:{_SCREEN_READER}){_Z}")
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
        rf"ver-?tambien|saiba-?mais|lesen-?sie-?auch|auch-?lesen|mehr-?zum-?thema|video-?playlist|playlist|"
        rf"recirc\w*|cross-?selling\w*){_Z}"
    ),
    "newsletter": (
        rf"{_E}(?:newsletter\w*|news-letter\w*|subscri\w*|sign-?up|signup\w*|opt-?in|mc4wp\w*|mailchimp\w*|(?<!non-)(?<!no-)paywall\w*|"
        rf"login|log-?in|register|registration|abo|abo-\w+|abonn\w+){_Z}"
    ),
    "promo": (
        rf"{_E}(?:promo\w*|advert\w*|ads?|ad-?(?:slot|unit|container|wrapper|box)|adslot|adunit|dfp|gpt-?ad|"
        rf"sponsor\w*|affiliate\w*|anzeige|werbung|commercial|paidbox\w*|paid-?content|cta|call-?to-?action|donat\w*|spenden\w*|"
        # the numbered blocks of WordPress's Ad Inserter plugin ("code-block code-block-3"): an ad or a pitch put
        # between the paragraphs; a code listing's box is named "code-block" alone
        rf"code-block-\d+){_Z}"
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
    # ... and what the page styles as a button ("btn", "button-link", "wprm-recipe-print ... button"): a `<button>`
    # is junk already (read/page.py); a link or box made to look like one is a control or a call to action ("Print
    # Recipe", "Zum Deal", "HIER KOSTENLOS ANMELDEN"), never the article's words (an inline one only as a line of
    # its own, as every inline candidate).
    "ui": (
        rf"{_E}(?:{_SCREEN_READER}|"
        rf"slideshow-?controls|gallery-?(?:nav|controls|counter|count)|image-?counter|counter|lightbox-?\w+|"
        rf"carousel-?(?:nav|controls|arrows?)|swiper-?(?:button\w*|pagination)|close|print-?(?:button|link|icon)|toolbar|"
        # a panel that slides out over the page when a button is pressed (a donation pitch, a menu, a share panel)
        rf"flyout\w*|fly-out|"
        rf"tools|article-?tools|action-?bar|actions|editsection|mw-editsection|loading|likes?-?widget\w*|"
        rf"rating\w*|post-?ratings|button\w*|btn\w*|"
        # a media player's own text: its controls ("Play", "Mute", "Fullscreen"), caption settings ("Font Size",
        # "Text Edge Style"), "your browser cannot play this video"; the class prefixes of video.js (Brightcove),
        # JW Player, MediaElement.js (WordPress's player), Plyr and YouTube's player
        rf"vjs|video-?js|jwplayer|jw-(?:controls?|controlbar|display\w*|overlays?|title\w*|icon\w*|text\w*|"
        rf"settings?\w*|nextup\w*|rightclick\w*|captions?|reset)|mejs|plyr|ytp|"
        # a consent gate in place of an embedded video, map or post ("Klicken Sie auf den unteren Button, um den
        # Inhalt von ... zu laden"): the page's question to the reader, not the article
        rf"consent\w*|content-?blocker\w*|cookie-?(?:consent|notice|banner|bar|hint|box|wall|message)\w*|"
        rf"cookiebar|gdpr\w*|dsgvo\w*){_Z}"
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
# (`address` is, by the HTML standard, the contact information of the page or of its article: an author's or a press
# office's name, mail and phone, a page's "Last modified" line; a postal address in the text is no `address`)
TAG_KIND = {"aside": "aside", "nav": "navigation", "footer": "aside", "form": "form", "address": "bio"}
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
    rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{1,2}}-\d{{1,2}}-\d{{4}}\b|\b\d{{1,2}}:\d{{2}}\b",
    re.IGNORECASE,
)
# The label of a line that says when the page was published or changed ("Publiziert: 03.04.2020, 12:35", "Last
# modified: 03-10-2004", "Stand: 5. Februar 2020"): with a date after it, such a line is the page's, not the article's.
PUBLISHED = re.compile(
    r"^\W*(?:published|posted|updated|last (?:updated|modified|changed)|created|modified|date|"
    r"publiziert|veröffentlicht|aktualisiert|zuletzt (?:aktualisiert|geändert)|erstellt|geändert|stand|datum|"
    r"erschienen|publié|mis à jour|publicado|actualizado|modificado|pubblicato|aggiornato|opublikowano|"
    r"zaktualizowano|gepubliceerd|bijgewerkt|最終更新|更新日時|更新日|公開日|投稿日|配信日|发布时间|更新时间|发布日期)"
    r"(?: (?:on|am|le|el|em|il|op|at|um|de))?(?:\b|(?=[:：\s]))",
    re.IGNORECASE,
)
# The words that open a photo credit ("Foto:", "Kuva:", "crédito:"), and those that open any credit or source line
# ("Quelle:", "Source:", "Image:"), which also name the source of an article's figures.
_PHOTO_WORDS = "foto|fotos|photo|photos|bild|bilder|kuva|crédito|credito|zdjęcie|fot|copyright"
_SOURCE_WORDS = "credit|credits|quelle|source|fuente|fonte|image|imagen"
# A photo credit in a figure: a credit word and a colon first ("Foto: ...", "Kuva: ...", "(crédito: ..."), a
# copyright sign, or a short line naming an agency or written "Agency / Photographer".
CREDIT = re.compile(
    rf"^\W{{0,2}}(?:photograph|{_PHOTO_WORDS}|{_SOURCE_WORDS})\s*[:.]|^\W{{0,2}}(?:©|\(c\))",
    re.IGNORECASE,
)
# A photo credit as a line of its own, anywhere in the container ("Foto: J. Doe", "Titelbild: Agency/Name",
# "Copyright: J. Doe", "© Agency"). Not "Quelle:" or "Source:" (the source words).
PHOTO_CREDIT = re.compile(
    rf"^\W{{0,2}}(?:(?:{_PHOTO_WORDS}|photograph|titelbild|beitragsbild|headerbild|aufmacherbild|vorschaubild|"
    r"bildquelle|fotoquelle|bildnachweis|fotonachweis|crédit photo|crédits photo|photo credit|image credit|foto di)"
    r"\s*[:.]|©|\(c\) )",
    re.IGNORECASE,
)
# A site's copyright notice, which a photo credit line is not.
RIGHTS_RESERVED = re.compile(
    r"rights reserved|alle rechte|tous droits|todos los derechos|tutti i diritti|todos os direitos|"
    r"wszelkie prawa|alle rechten",
    re.IGNORECASE,
)
# The credit at the end of a caption's text: a credit word and a colon, or a copyright sign, then a few words to the
# end ("... am Gürgaletsch. Foto: V. Berret", "... zu. | © Agency/Getty Images", "... (Quelle: Name/Unsplash)").
CREDIT_TAIL = re.compile(
    rf"(?:^|(?<=[\s.,;|–—]))\(?\s*(?:(?:{_PHOTO_WORDS}|{_SOURCE_WORDS})\s*:|©|\(c\) )[^\n]{{1,80}}$",
    re.IGNORECASE,
)
# A credit in parentheses at the end of a caption's text that names a picture agency, with no credit word ("... in
# winter. (mlharing / iStock.com)", "(Photo by J. Doe / Getty Images)"). Its length is the characters of indented
# markup (a page may break the credit over lines); its words are counted where it is used (ten at most).
AGENCY_TAIL = re.compile(
    r"(?:^|(?<=[\s.,;|–—]))\((?=[^()]{0,200}\b(?:getty\s?images|shutterstock|istock(?:photo)?|adobe\s?stock|afp|dpa|"
    r"reuters|picture-alliance|imago|ap\s?photo|epa|keystone|efe|unsplash|pixabay|flickr)\b)[^()]{1,200}\)$",
    re.IGNORECASE,
)
# A copyright credit ending a line that is no caption by its markup ("Lee Elder at the Masters in 1975. | © Augusta
# National/Getty Images" in a plain div under the picture): a copyright sign after a bar or a sentence's end.
COPYRIGHT_TAIL = re.compile(r"(?:(?<=[.!?)])\s+|\s*\|\s*)(?:©|\(c\) )[^©|\n]{1,80}$", re.IGNORECASE)
# A caption by its class: "wp-caption-text", "figure__caption", "news-img-caption", "bildunterschrift", "legend".
CAPTION_CLASS = re.compile(r"caption|legend|bildunterschrift|bilduntertitel|image-?desc|img-?desc|photo-?desc")
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
# A line that discloses the post's affiliate links, with or without an advertising label before it ("Anzeige, enthält
# Affiliate Links", "Werbung | Affiliate-Links", "This post contains affiliate links"): the page's legal notice.
AD_DISCLOSURE = re.compile(
    r"^\W*(?:(?:anzeige|werbung|advertisement|ad|sponsored|gesponsert|enthält werbung)\W+|\*\s*)"
    r"(?:(?:enthält|beinhaltet|contains|includes|with|mit|inkl\.?)\s+(?:\w+\s+)?)?affiliate[- ]?links?\W*$|"
    r"^\W*(?:(?:dieser|der|this|the)\s+(?:beitrag|artikel|post|blogpost|blog post|article|page|seite)\s+)?"
    r"(?:enthält|beinhaltet|contains|includes|may contain)\s+(?:\w+\s+)?affiliate[- ]?links?\W*$",
    re.IGNORECASE,
)
# A reading-time line: "5 min read", "Lesezeit: 4 Minuten", "3 minutos de lectura".
READING_TIME = re.compile(
    r"\b\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|minuten|minutos|minuti)\s+(?:read|lesezeit|lesedauer|de lecture|de lectura|"
    r"di lettura|de leitura|leitura)\b|\b(?:lesezeit|lesedauer|reading time|read time|temps de lecture|"
    r"tiempo de lectura|tempo de leitura)\s*:?\s*\d+",
    re.IGNORECASE,
)


# --- furniture headings (html_headings.py) ---------------------------------------------------------------------------

# What a page's furniture is titled, in the languages the pages come in: the whole text of a short heading (folded,
# lowercased, its end marks trimmed), never a word inside a line. By kind; "info" headings ("Weitere Informationen",
# "Kontakt", "Quellen") also head an article's own last section, so they are read only after its last paragraph.
_SITE = r"(?: [\w.'’-]+){1,3}"  # "... on <Site>", "... aus der <Kolumne>"
_NAME = r"[\w.'’-]+(?: [\w.'’-]+){0,2}"
FURNITURE_HEADINGS: dict[str, str] = {
    "related": (
        # English
        r"(?:you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in)|related(?: articles?| posts?| "
        r"stories| content| news| links| reading| topics| coverage)?|read (?:also|more|next|this next)|also read|"
        r"(?:more|other) (?:stories|articles|news|posts|videos|to read|like this)|"
        r"more (?:from|on|about|in)" + _SITE + r"|"
        r"recommended(?: for you| reading| articles| stories| posts)?|trending(?: now| stories| articles)?|"
        r"most (?:read|popular|viewed|shared|commented)|popular (?:posts|articles|stories|now)|"
        r"(?:the )?latest (?:news|articles|posts|stories)|recent (?:posts|articles|stories)|(?:don'?t|do not) miss|"
        r"what to read next|up next|keep reading|editor'?s'? picks|top stories|in other news|"
        r"(?:next|previous) (?:article|post|story)|"
        # German
        r"lesen sie (?:auch|hier|weiter|mehr)(?: die folgenden beiträge| dazu)?|auch (?:interessant|lesenswert)|"
        r"(?:das|dies|dieses?|diese themen|das thema|diese artikel|dieser artikel) "
        r"(?:könnte|könnten|dürfte) (?:sie|dich) (?:auch |ebenfalls )?interessieren|"
        r"(?:das könnte|könnte) (?:sie|dich) auch interessieren|"
        r"(?:weitere|ähnliche|verwandte|passende|empfohlene|neueste|beliebte|meistgelesene) "
        r"(?:artikel|beiträge|themen|nachrichten|news|meldungen|inhalte|stories|posts|rezepte|videos)"
        r"(?: aus der" + _SITE + r"| zum thema| zu diesem thema)?|"
        r"mehr (?:zum thema|zu diesem thema|themen|artikel|beiträge|news|nachrichten|dazu|kolumnen)(?: auf" + _SITE +
        r")?|mehr (?:aus|von|auf) (?:der |dem |den )?" + _NAME + r"|zum weiterlesen|weiterlesen|meistgelesen|"
        r"top-?themen|empfehlungen(?: der redaktion| für (?:sie|dich)| aus (?:dem|der)" + _SITE + r")?|"
        r"außerdem interessant|ebenfalls interessant|auch auf" + _SITE + r"|vorschau auf den nächsten artikel|"
        r"(?:nächster|vorheriger) (?:artikel|beitrag)|"
        # French
        r"(?:à )?lire (?:aussi|également)|sur le même (?:sujet|thème)|"
        r"(?:articles?|contenus?) (?:similaires|associés|liés|recommandés)|(?:vous|tu) (?:aimerez|pourriez aimer) "
        r"(?:aussi|également)|les plus lus|(?:les )?derni(?:è|e)res? (?:actualités|articles|infos)|"
        r"(?:audios|vidéos|articles) et (?:vidéos|audios)(?: sur le sujet)?|plus d'articles|"
        # Spanish
        r"(?:lee|lea|leer|ver) (?:también|además)|(?:también )?(?:te|le) (?:puede|podría) (?:interesar|gustar)|"
        r"(?:noticias|artículos|notas) relacionad[ao]s|relacionad[ao]s|(?:lo )?más (?:leído|visto|popular)|"
        r"lo último|últimas noticias|más noticias|quizás te interese|"
        # Italian, Portuguese, Polish, Dutch
        r"leggi anche|(?:ti )?potrebbe(?:ro)? interessar(?:ti|e)|articoli correlati|(?:i )?più letti|ultime notizie|"
        r"leia (?:também|mais)|veja (?:também|mais)|(?:notícias|matérias|artigos) relacionad[ao]s|(?:os )?mais lidos|"
        r"últimas notícias|(?:você )?(?:também )?pode gostar|"
        r"czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|polecamy|"
        r"(?:najnowsze|powiązane|podobne) (?:artykuły|wpisy)|najczęściej czytane|"
        r"lees ook|meer (?:nieuws|artikelen)|gerelateerde artikelen|ook interessant|meest gelezen)"
    ),
    "bio": (
        r"(?:about the authors?|über (?:den|die) autor(?:in|en|innen)?|(?:à )?propos de l'auteur|"
        r"sobre (?:el|la|o|a) autor(?:a)?|sull'autore|o autorze|over de auteur)"
    ),
    "comments": (
        r"(?:\d+ )?(?:comments?|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|comentários|komentarze|"
        r"reacties)(?: \(\d+\))?|leave a (?:comment|reply)|(?:post|add|write) a comment|"
        r"(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) (?:einen |einem )?kommentar|"
        r"kommentar (?:schreiben|verfassen|hinzufügen|abgeben)|kommentieren|jetzt kommentieren|"
        r"laisser un commentaire|(?:deja|deje) (?:un|tu|su) comentario|deixe (?:um|seu) comentário|"
        r"lascia un commento|dodaj komentarz|join the (?:discussion|conversation)|diskutieren sie mit|"
        r"(?:ihre|deine) meinung(?: ist gefragt)?"
    ),
    "share": (
        # never one word alone: "Share" heads the sharing plates of a menu
        r"(?:share this(?: article| post| story| page)?|share (?:the |this )?(?:article|post|story|page)|"
        r"share on social media|(?:diesen |den )?(?:artikel|beitrag) teilen|jetzt teilen|partager cet article|"
        r"compartir (?:esta noticia|este artículo)|condividi (?:questo )?articolo|compartilhe (?:esta|essa) notícia|"
        r"follow us(?: on" + _SITE + r")?|folgen sie uns(?: auf" + _SITE + r")?|"
        r"folge uns(?: auf" + _SITE + r")?|suivez-nous|síguenos)"
    ),
    "newsletter": (
        r"(?:newsletter(?: abonnieren| bestellen| anmeldung)?|(?:subscribe|sign up)(?: to (?:our|the) newsletter| now| "
        r"today)?|jetzt abonnieren|jetzt anmelden|abonnez-vous|suscríbete|inscreva-se|iscriviti|zapisz się|"
        r"(?:unterstütze|unterstützen sie) (?:uns|unsere arbeit|das projekt|" + _NAME + r")|"
        r"support (?:us|our (?:work|journalism))|soutenez-nous|apóyanos)"
    ),
    "info": (
        r"(?:(?:weitere|mehr|zusätzliche) (?:informationen|infos)(?: (?:zu|zum|zur|über|unter)(?: [\w.'’-]+){1,5})?|"
        r"more information|further information|"
        r"plus d'informations?|más información|maggiori informazioni|mais informações|weiterführende links?|"
        r"weiterführender link|links zum (?:thema|artikel)|kontakt|contact(?: us)?|ansprechpartner(?:in)?|"
        r"pressekontakt|downloads?|quellen(?:angaben)?|quelle|sources?|originalpublikation|news|aktuelles|"
        r"neueste artikel|neuigkeiten|erschienen in)"
    ),
    # A reader's feedback prompt ("War der Artikel hilfreich?", "Was this article helpful?", "Valora esta noticia").
    "ui": (
        r"(?:(?:war|ist) (?:der|dieser|dieses|das) (?:artikel|beitrag|text|inhalt|information) (?:für (?:sie|dich) )?"
        r"(?:hilfreich|nützlich|lesenswert|interessant)|(?:fanden sie|fandest du) (?:den|diesen) (?:artikel|beitrag) "
        r"(?:hilfreich|nützlich|interessant)|wie (?:hat|gefällt) (?:ihnen|dir) (?:der|dieser) (?:artikel|beitrag)"
        r"(?: gefallen)?|(?:möchten sie|willst du) (?:den|diesen) (?:artikel|beitrag) teilen|"
        r"(?:gefällt|gefiel) (?:ihnen|dir) (?:der|dieser|unser) (?:artikel|beitrag)|"
        r"(?:was|is) this (?:article|post|page|story|information) (?:helpful|useful)|"
        r"(?:did you find|how (?:useful|helpful) (?:was|is)) this (?:article|post|page)(?: helpful| useful)?|"
        r"rate this (?:article|post|story|recipe)|(?:bewerten sie|bewerte) (?:diesen|den) (?:artikel|beitrag)|"
        r"(?:cet article vous a-t-il été utile|cet article vous a plu)|(?:valora|califica) (?:esta|este) "
        r"(?:noticia|artículo|nota)|(?:te|le) (?:ha )?(?:resultado|pareció) útil (?:este|esta) (?:artículo|noticia)|"
        r"(?:questo articolo (?:ti|le) è stato utile)|(?:este artigo foi útil))"
    ),
    # A link back to where the reader came from, or to the site's overview ("Zurück zur Übersicht").
    "navigation": (
        r"(?:zurück(?: (?:zu|zum|zur|nach)(?: [\w.'’-]+){1,3})?|zu allen (?:beiträgen|artikeln|news|meldungen|"
        r"nachrichten|rezepten|produkten)|alle (?:beiträge|artikel|news|meldungen|nachrichten) (?:anzeigen|ansehen)|"
        r"(?:zur|zurück zur) (?:übersicht|startseite|newsübersicht|homepage)|nach oben|"
        r"back(?: to(?: the)?(?: [\w.'’-]+){1,3})?|(?:go )?back to top|return to(?: the)?(?: [\w.'’-]+){1,3}|"
        r"retour(?: (?:à|au|aux)(?: [\w.'’-]+){1,3})?|volver(?: (?:a|al)(?: [\w.'’-]+){1,3})?|"
        r"torna(?: (?:a|al|alla|all')(?: [\w.'’-]+){1,3})?|voltar(?: (?:para|ao|à)(?: [\w.'’-]+){1,3})?|"
        r"powrót(?: do(?: [\w.'’-]+){1,3})?|terug(?: naar(?: [\w.'’-]+){1,3})?)"
    ),
}
FURNITURE_HEADING = {kind: re.compile(pattern) for kind, pattern in FURNITURE_HEADINGS.items()}
