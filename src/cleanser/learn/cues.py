"""Wording cues beyond English calls to action: a picture credit alone on its line, and a "read also" label in the
languages of the web. Either says that a recurring line is the template's wherever it stands, as promo wording does
(`judge.promo_wording`): a site prints a credit under each picture and a "read also" link between the article's
paragraphs at places that change from page to page, so their place is no cue.

A **picture credit** is a line made of nothing but credit words: agencies and picture libraries (`Getty Images`,
`AP`, `AFP`, `Reuters`, `EPA-EFE`, `Rex/Shutterstock`, `dpa`, `picture alliance`, ...), the labels that introduce
them (`Photo:`, `Foto:`, `Image:`, `Credit:`, `Bild:`), `via`, `and`, a copyright sign, a year, and the separators
between them (`AFP/Getty Images`, `© 2021 Reuters`, `Photo: AP`). An article's sentence always has words of its
own. A credit with a photographer's name is a template with a `{name}` slot (`{name}/AFP via Getty Images`): its
literal words are the credit's, and its slot runs over the photographers' names, as a promo's runs over a few.

A **"read also" label** opens a line: the verb and the adverbs of each language's formula (`Lea más:`, `Lea:`,
`Lesen Sie auch:`, `Lire aussi :`, `Czytaj też:`, `Leia também:`, `Läs också:`), then a colon, or nothing more. A
word outside the formula ends it: `Les enfants :` is French prose, not Norwegian `Les også:`.

The words are facts about the web's templates (agencies' names, each language's formula), not anyone's code.
"""

from __future__ import annotations

import re

from ..text import ends_sentence, is_prose

# Picture agencies and libraries, and the words that go with them in a credit line. Multi-word names are joined by
# "_" after normalising (`_credit_tokens`). Source: the credit lines news sites print under pictures (Getty Images,
# the wire agencies of each country, stock libraries), as seen in scraped article text.
_AGENCY_NAMES = """
    getty getty_images gettyimages ap ap_photo associated_press the_associated_press afp afp_photo reuters epa efe
    rex rex_features shutterstock pa pa_media pa_wire pa_images dpa picture_alliance imago imago_images alamy
    alamy_stock_photo istock istockphoto adobe_stock bloomberg nurphoto sopa sopa_images lightrocket zuma zuma_press
    zuma_wire upi anadolu anadolu_agency xinhua kyodo yonhap aap ansa anp belga keystone ntb tt ritzau scanpix
    lehtikuva sipa sipa_press abaca corbis wireimage filmmagic redferns unsplash pexels pixabay flickr wikimedia
    wikimedia_commons ddp ipon kna tass ria_novosti ria sputnik kcna agência_brasil europa_press cordon_press
"""
_AGENCIES = frozenset(_AGENCY_NAMES.split())
# Words that may stand in a credit beside an agency, never alone.
_CREDIT_WORD_LIST = """
    photo photos photograph photographs photographer foto fotos fotograf fotografie bild bilder image images picture
    pictures credit credits illustration source quelle crédit crédits photo_credit image_credit bildquelle
    bildnachweis fotonachweis via and und et y e & handout courtesy file file_photo pool stock supplied
"""
_CREDIT_WORDS = frozenset(_CREDIT_WORD_LIST.split())
_SEPARATORS = re.compile(r"[/|,;:·•()\[\]–—-]+|\s+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_TOKENS = 8


_NAME = "<name>"  # a capitalised word of a photographer's name, in `_credit_tokens`
_MAX_NAME_WORDS = 4
_MAX_CREDIT_CHARS = 120


def _credit_tokens(text: str) -> list[str] | None:
    """The words of a credit line, multi-word names joined by "_", a capitalised word of no credit as `_NAME`;
    None when a word is neither."""
    words = [w for w in _SEPARATORS.split(text.replace("©", " ").replace("(c)", " ")) if w]
    lower = [w.lower() for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            joined = "_".join(lower[i : i + size])
            if len(words) - i >= size and (joined in _AGENCIES or joined in _CREDIT_WORDS):
                out.append(joined)
                i += size
                break
        else:
            if words[i][:1].isupper() and words[i].isalpha():
                out.append(_NAME)
            elif not _YEAR.fullmatch(words[i]):
                return None
            i += 1
    return out


def picture_credit(text: str) -> bool:
    """Whether `text` is a picture credit alone on its line (see the module docstring): credit words, with at least
    one agency or picture library, at most `_MAX_TOKENS` of them; and a photographer's name of up to
    `_MAX_NAME_WORDS` capitalised words when a slash or a credit label says where the name ends and the credit
    begins (`Jane Doe/AP`, `Photograph: Jane Doe/Getty Images`). A template's slots are set aside first, so that
    `{name}/AFP via Getty Images` is one."""
    if len(text) > _MAX_CREDIT_CHARS:  # a paragraph: no credit, and not worth splitting
        return False
    literal = re.sub(r"\{\w+\}", " ", text)
    tokens = _credit_tokens(literal)
    if not tokens or len(tokens) > _MAX_TOKENS or not any(t in _AGENCIES for t in tokens):
        return False
    names = tokens.count(_NAME)
    if not names:
        return True
    labelled = "/" in literal or any(t in _CREDIT_WORDS and t not in _JOINERS for t in tokens)
    return names <= _MAX_NAME_WORDS and labelled


_JOINERS = frozenset(("and", "und", "et", "y", "e", "&"))


# Each language's "read also" formula: a verb (or "more"), then its adverbs, then a colon or the end of the line.
# Source: the labels news sites print before a link to another story (Spanish "Lea más:", "Lea también:", "Lea:",
# German "Lesen Sie auch:", French "Lire aussi :", Portuguese "Leia também:", Polish "Czytaj też:", Scandinavian
# "Läs också:", "Les også:", "Læs også:", Italian "Leggi anche:", Dutch "Lees ook:", Czech "Čtěte také:").
_READ_ALSO = re.compile(
    r"^(?:lea|lee|leia|lire|lisez|à lire|a lire|lies|lesen sie|leggi|lees|czytaj|przeczytaj|zobacz|läs|les|læs|lue|"
    r"čtěte|přečtěte si|čítajte|prečítajte si|читайте|прочитайте|baca|veja|vea|mira|siehe|voir|also read|read|see)"
    r"(?P<adverbs>(?:\s+(?:más|mas|también|tambien|además|aussi|auch|mehr|anche|ook|też|także|również|więcej|"
    r"också|även|også|mere|mer|mais|também|more|also|too|myös|také|též|aj|также|тоже|juga))*)\s*(?::|$)",
    re.IGNORECASE,
)


def read_also_label(text: str) -> str | None:
    """The "read also" label a line opens with, or None (see the module docstring). What follows it is a headline:
    never prose, and after a bare verb (`Lea:`, `Les:`, `Lee:`, which are also names, as a transcript's speaker
    labels are) nothing that ends a sentence."""
    text = text.strip()
    m = _READ_ALSO.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    if rest and (is_prose(rest) or (not m["adverbs"] and ends_sentence(rest))):
        return None
    return m.group(0).strip()


def cue_wording(text: str) -> str | None:
    """The wording that makes `text` the template's wherever it stands: a "read also" label, or the whole line when
    it is a picture credit; None for neither."""
    label = read_also_label(text)
    if label:
        return label
    return text.strip() if picture_credit(text) else None
