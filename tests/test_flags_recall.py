"""The flags on real-page shapes: walls worded in more languages (data/wall_wording.json), a premium label with a
declared length the page lacks (stages/premium.py), and `truncated` judged on the article's last paragraph rather
than on teasers or furniture kept after it (stages/text_end.py). Pages and texts written for these tests."""

from __future__ import annotations

import json
import re

import pytest

import cleanser
from cleanser.document import HEADING, PARAGRAPH, Block
from cleanser.stages.premium import premium_label
from cleanser.stages.text_end import article_end, last_paragraph, teaser_list_start
from cleanser.stages.wall_wording import wording

# Two short paragraphs of a local story in each language; the second stops at the wall.
STORIES = {
    "fr": ("Le conseil municipal a voté lundi soir la rénovation de la piscine du quartier nord, fermée depuis "
           "deux ans faute de crédits pour réparer sa toiture.",
           "Les travaux doivent commencer au printemps et durer au moins dix-huit mois, selon l'adjoint chargé "
           "des sports, qui a présenté le calendrier aux habitants."),
    "es": ("El ayuntamiento aprobó el lunes la reforma de la piscina del barrio norte, cerrada desde hace dos "
           "años por falta de fondos para reparar el techo.",
           "Las obras empezarán en primavera y durarán al menos dieciocho meses, según el concejal de deportes, "
           "que presentó el calendario a los vecinos."),
    "de": ("Der Gemeinderat hat am Montag die Sanierung des Hallenbads im Norden beschlossen, das seit zwei "
           "Jahren geschlossen ist, weil das Geld für das Dach fehlte.",
           "Die Arbeiten sollen im Frühjahr beginnen und mindestens anderthalb Jahre dauern, sagte der "
           "Sportdezernent bei der Bürgerversammlung."),
    "it": ("Il consiglio comunale ha approvato lunedì la ristrutturazione della piscina del quartiere nord, chiusa "
           "da due anni per mancanza di fondi per il tetto.",
           "I lavori dovrebbero iniziare in primavera e durare almeno diciotto mesi, ha detto l'assessore allo "
           "sport durante l'assemblea con i residenti."),
    "pt": ("A câmara municipal aprovou na segunda-feira a reforma da piscina do bairro norte, fechada há dois anos "
           "por falta de verba para consertar o telhado.",
           "As obras devem começar na primavera e durar pelo menos dezoito meses, disse o secretário de esportes "
           "na reunião com os moradores."),
    "nl": ("De gemeenteraad heeft maandag ingestemd met de renovatie van het zwembad in de noordwijk, dat al twee "
           "jaar dicht is omdat er geen geld was voor het dak.",
           "De werkzaamheden beginnen in het voorjaar en duren minstens anderhalf jaar, zei de wethouder sport "
           "tijdens de bewonersavond."),
    "pl": ("Rada miasta zatwierdziła w poniedziałek remont basenu w północnej dzielnicy, zamkniętego od dwóch lat "
           "z powodu braku pieniędzy na naprawę dachu.",
           "Prace mają ruszyć wiosną i potrwać co najmniej półtora roku, powiedział radny odpowiedzialny za sport "
           "na spotkaniu z mieszkańcami."),
    "no": ("Bystyret vedtok mandag å pusse opp svømmehallen i nordbyen, som har vært stengt i to år fordi det "
           "manglet penger til taket.",
           "Arbeidet skal begynne til våren og ta minst halvannet år, sa idrettsbyråden på folkemøtet i går "
           "kveld med beboerne."),
    "sv": ("Kommunfullmäktige beslutade på måndagen att renovera simhallen i norra stadsdelen, som har varit "
           "stängd i två år eftersom pengar till taket saknades.",
           "Arbetet ska börja i vår och pågå i minst ett och ett halvt år, sade idrottsrådet på mötet med de "
           "boende i området."),
    "fi": ("Kaupunginvaltuusto päätti maanantaina korjata pohjoisen kaupunginosan uimahallin, joka on ollut "
           "suljettuna kaksi vuotta, koska katon korjaukseen ei ollut rahaa.",
           "Työt alkavat keväällä ja kestävät vähintään puolitoista vuotta, kertoi liikuntatoimen johtaja "
           "asukasillassa eilen illalla."),
    "en": ("The council voted on Monday to refurbish the swimming pool in the north of the town, which has been "
           "closed for two years for want of money to mend its roof.",
           "Work is due to begin in the spring and to last at least eighteen months, the sports officer told "
           "residents at a meeting on Monday evening."),
}

# Walls as a page shows them after the opening paragraphs, one per language and wording of the data file.
WALLS = [
    ("fr", "Il vous reste 81.5% de cet article à lire. La suite est réservée aux abonnés. Déjà abonné ? Se connecter"),
    ("fr", "Libération réserve cet article à ses abonnés. Pour lire la suite, abonnez-vous. 1 mois pour 1 €"),
    ("es", "Agotaste tus lecturas gratis en esta sección. Si deseas continuar leyendo, ¡suscríbete! Desde $69 al mes"),
    ("es", "Contenido solo para suscriptores. ¿Ya tienes suscripción? Inicia sesión"),
    ("de", "4 Wochen für 1 Euro. Jetzt anmelden. Bereits Abonnent? Hier einloggen."),
    ("it", "Sei già abbonato? Accedi. Scopri tutte le offerte di abbonamento."),
    ("pt", "Esse conteúdo é exclusivo para assinantes. Quer continuar sua leitura? Já é assinante? Faça login."),
    ("nl", "Lees verder met een abonnement op het Dagblad. Al abonnee? Log in."),
    ("pl", "Artykuł tylko dla prenumeratorów. Wykup prenumeratę, aby czytać dalej."),
    ("no", "Artikkelen er for abonnenter. Logg inn for å lese videre."),
    ("sv", "Redan prenumerant? Logga in för att fortsätta läsa. Läs HBL digitalt för endast 1€"),
    ("fi", "Vain tilaajille. Tilaa nyt ja lue kaikki jutut."),
    ("en", "You have 74% of this article left to read. The rest is for subscribers only."),
    ("en", "This post is for paid subscribers. Subscribe. Already a paid subscriber? Sign in"),
    ("en", "Continue reading your article with a WSJ subscription. Already a subscriber? Sign In"),
    ("en", "The author made this story available to Medium members only. Upgrade to continue reading."),
]
REGISTRATION_WALLS = [
    ("fr", "Votre temps de lecture gratuit est écoulé. Créez un compte gratuit pour continuer à lire."),
    ("pt", "Conteúdo para usuários cadastrados. Entre na sua conta ou crie um cadastro gratuito para continuar."),
    ("en", "Create a free account to continue reading. Already registered? Sign in"),
]


def page(paragraphs: list[str], after: str = "", head: str = "", above: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>Piscine</title>{head}</head><body><nav><a href='/'>Accueil</a> <a href='/s'>Sports</a>"
        f"</nav><article>{above}<h1>La piscine du quartier nord</h1>{body}</article>{after}"
        "<footer><a href='/m'>Mentions légales</a> <a href='/c'>Contact</a></footer></body></html>"
    )


def flags(html: str) -> dict[str, str]:
    return cleanser.clean(html, "https://gazette.example/piscine").flags


@pytest.mark.parametrize(("language", "wall"), WALLS)
def test_walls_in_more_languages(language, wall):
    found = flags(page(list(STORIES[language]), after=f'<div class="offer"><p>{wall}</p></div>'))
    assert found["paywalled"].startswith("visible paywall"), found
    assert not found["paywalled"].startswith("registration wall")
    # The text ends on a finished sentence, but a wall after a short text means the article goes on behind it
    # (where extraction kept the wall's line, the text ends on it); the wall's line is never read as a cut.
    assert found["truncated"].startswith(("a wall follows the text after", "the text ends on the wall's line")), found


@pytest.mark.parametrize(("language", "wall"), REGISTRATION_WALLS)
def test_registration_walls_in_more_languages(language, wall):
    found = flags(page(list(STORIES[language]), after=f"<div><p>{wall}</p></div>"))
    assert found["paywalled"].startswith("registration wall: visible registration wall"), found
    assert "truncated" in found


@pytest.mark.parametrize(("language", "wall"), WALLS[:4])
def test_a_wall_after_a_long_article_is_a_promo(language, wall):
    # The same wording after an article of more than 800 words: the article was served whole.
    long = [STORIES[language][0]] * 40 + [STORIES[language][1]]
    assert flags(page(long, after=f"<div><p>{wall}</p></div>")) == {}


def test_every_wording_has_its_evidence_and_compiles():
    for kind, entries in wording().items():
        assert entries, kind
        for entry in entries:
            assert entry["seen"] and entry["language"], entry
            re.compile(entry["pattern"])


def test_a_subscribers_label_on_a_related_link_is_no_wall():
    related = ('<div class="related"><p>Lire aussi <a href="/autre">Réservé aux abonnés : le budget des sports '
               "en hausse</a></p></div>")
    assert "paywalled" not in flags(page(list(STORIES["fr"]), after=related))
    # The control: the same wording standing alone is a wall.
    assert "paywalled" in flags(page(list(STORIES["fr"]), after="<div><p>Réservé aux abonnés</p></div>"))


# A premium label above the headline, one paragraph served, and a declared length the page lacks.
LEDE = STORIES["es"][0] + " " + STORIES["es"][1]
KICKER = '<span class="kicker">PARA SUSCRIPTORES</span><span class="icon-lock"></span>'


def ld(words: int) -> str:
    article = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "La piscina", "wordCount": words}
    return f'<script type="application/ld+json">{json.dumps(article)}</script>'


def test_premium_label_with_a_word_count_gap():
    found = flags(page([LEDE], head=ld(900), above=KICKER))
    assert found["paywalled"] == (
        'premium label "PARA SUSCRIPTORES" above a text far shorter than its schema.org wordCount'
    )
    assert re.fullmatch(r"schema\.org wordCount is 900, the text has \d+ words before the paywall", found["truncated"])


@pytest.mark.parametrize(
    ("head", "above"),
    [
        (ld(60), KICKER),  # the count is met: a short subscriber article served whole
        (ld(900), ""),  # an inflated count without a label is the template's
        (ld(900), '<a href="/otra">Para suscriptores: la liga local en cifras</a>'),  # a label inside a link text
        (ld(900), "<script>var label = '<b>Para suscriptores</b>';</script>"),  # in a script
    ],
)
def test_label_or_gap_alone_flags_nothing(head, above):
    assert flags(page([LEDE], head=head, above=above)) == {}


def test_premium_label_reads_whole_element_texts_only():
    assert premium_label("<body><div> Vain tilaajille </div></body>") == "Vain tilaajille"
    assert premium_label("<body><span>Abonnés</span></body>") == "Abonnés"
    assert premium_label("<body><p>Offre réservée aux abonnés du journal</p></body>") is None
    assert premium_label('<head><meta content="x"><title>Abonnés</title></head><body></body>') is None


# The end of the text: teasers and furniture after the article.
ARTICLE = [
    Block("Rathaus beschließt Sanierung", HEADING),
    Block("Der Gemeinderat hat am Montag die Sanierung des Hallenbads im Norden beschlossen, das seit zwei Jahren "
          "geschlossen ist.", PARAGRAPH),
    Block("Die Arbeiten sollen im Frühjahr beginnen und anderthalb Jahre dauern, sagte der Sportdezernent.",
          PARAGRAPH),
]


def teaser(label: str, headline: str, excerpt: str, link: str = "Weiterlesen »") -> list[Block]:
    blocks = [Block(label), Block(headline, HEADING), Block(excerpt, PARAGRAPH)]
    return blocks + ([Block(link)] if link else [])


TEASERS = (
    teaser("Lokales", "Neue Buslinie", "Ab Januar fährt der Bus im Zehnminutentakt durch das Neubaugebiet, die "
           "Haltestellen werden dafür")
    + teaser("Sport", "Derby verloren", "Vor 3000 Zuschauern hat der Aufsteiger das Derby verdient verloren, weil "
             "die Abwehr in der zweiten")
    + [Block("17. Mai 2026"), Block("Zu allen Beiträgen")]
)


def test_a_teaser_list_after_the_article_is_passed_over():
    kept = ARTICLE + TEASERS
    assert teaser_list_start(kept) == len(ARTICLE) + 2
    end = article_end(kept)
    assert last_paragraph(end) is ARTICLE[-1]


def test_teasers_without_links_trail_off():
    blocks = ARTICLE + teaser("Kultur", "Neues Museum", "Das Museum zeigt ab Juni Werke aus drei Jahrhunderten und "
                              "lädt zu …", link="") + teaser("Wetter", "Sturmwarnung", "Für Dienstag warnt der "
                              "Wetterdienst vor Böen bis zu hundert …", link="")
    assert last_paragraph(article_end(blocks)) is ARTICLE[-1]


def test_one_teaser_is_no_list():
    # A teaser page: the text is the excerpt and its link.
    kept = [ARTICLE[0], *teaser("Lokales", "Neue Buslinie", "Ab Januar fährt der Bus im Zehnminutentakt durch das "
                                "Neubaugebiet, die Haltestellen werden dafür")]
    assert teaser_list_start(kept) is None and article_end(kept) == kept


def test_a_page_of_teasers_only_is_judged_on_the_first():
    kept = [ARTICLE[0], *TEASERS]
    end = article_end(kept)
    assert end[-1].text == "Weiterlesen »" and end[-2].text.endswith("Haltestellen werden dafür")


def test_paragraphs_without_full_stops_are_no_teaser_list():
    # Two open paragraphs in a row, no headline or link between them: a text whose CMS dropped the full stops.
    blocks = [
        *ARTICLE,
        Block("Die Arbeiten sollen im Frühjahr beginnen und anderthalb Jahre dauern", PARAGRAPH),
        Block("Der Verein begrüßte die Entscheidung und kündigte ein Fest zur Eröffnung an", PARAGRAPH),
    ]
    assert teaser_list_start(blocks) is None


def test_complete_article_with_related_teasers_is_not_truncated():
    text = "\n".join(b.text for b in ARTICLE + TEASERS)
    assert "truncated" not in cleanser.clean(text).flags


def test_teaser_page_with_read_more_is_truncated():
    text = "\n".join(b.text for b in [ARTICLE[0], *teaser("Lokales", "Neue Buslinie", "Ab Januar fährt der Bus im "
                                                        "Zehnminutentakt durch das Neubaugebiet, die Haltestellen "
                                                        "werden dafür")])
    assert cleanser.clean(text).flags["truncated"].startswith("the last paragraph stops mid-sentence")


def test_a_cut_paragraph_before_a_kept_date_and_a_wall():
    cut = STORIES["de"][1].replace("sagte der Sportdezernent bei der Bürgerversammlung.", "sagte der")
    html = page([STORIES["de"][0], cut, "7. Dezember 2026"],
                after="<div><p>Dieser Artikel ist nur für Abonnenten. Jetzt 4 Wochen gratis testen.</p></div>")
    found = flags(html)
    assert found["paywalled"].startswith("visible paywall")
    assert found["truncated"].startswith("the last paragraph stops mid-sentence")


def test_a_player_title_before_a_duration_is_no_cut():
    # A video's title cut to fit the player, then its duration: furniture, not the article's end.
    paragraphs = list(STORIES["es"]) * 3 + ["Reproduciendo: Mira esto: la piscina del barrio norte abre y...",
                                            "8:09"]
    assert "truncated" not in flags(page(paragraphs))


def test_a_label_below_the_article_marks_another():
    # A list of related articles after the text, one of them labelled for subscribers: not this article's label.
    related = '<aside><ul><li><span class="badge">Para suscriptores</span> <a href="/x">Otra nota</a></li></ul></aside>'
    assert flags(page([LEDE], head=ld(900), after=related)) == {}
    # Above the text, the same label is the article's.
    assert "paywalled" in flags(page([LEDE], head=ld(900), above='<span class="badge">Para suscriptores</span>'))


@pytest.mark.parametrize(
    ("above", "after", "why"),
    [
        ('<div class="c-paywall__box"></div>', "", "paywall markup (.c-paywall__box) around a text far shorter"),
        ("", '<div class="offer"><a href="/abo">Bli abonnent</a></div>', 'a subscription offer ("Bli abonnent")'),
        ("", '<div class="offer"><a href="/tilaa">Tilaa nyt</a></div>', 'a subscription offer ("Tilaa nyt")'),
    ],
)
def test_other_wall_signs_with_a_word_count_gap(above, after, why):
    found = flags(page([LEDE], head=ld(900), above=above, after=after))
    assert found["paywalled"].startswith(why), found
    assert found["truncated"].startswith("schema.org wordCount is 900")
    # Without the gap, the same sign on a finished text flags nothing.
    assert flags(page([LEDE], head=ld(70), above=above, after=after)) == {}


def test_a_newsletter_offer_with_a_word_count_gap_is_no_wall():
    after = '<div><a href="/nl">Bli abonnent på nyhetsbrevet vårt</a></div>'
    assert flags(page([LEDE], head=ld(900), after=after)) == {}


@pytest.mark.parametrize("cut", ["de la ré…", "para el pr...", "w tej sp…", "og på fø…"])
def test_a_word_cut_by_the_wall_in_more_languages(cut):
    text = f"{STORIES['en'][0]}\n{STORIES['en'][1]}\nThe council said the money would come from the budget {cut}"
    assert cleanser.clean(text).flags["truncated"].startswith("the last paragraph trails off")


def test_an_inflated_word_count_on_a_finished_text_before_a_date():
    # The text ends on a finished sentence and then a kept date line: the count is the template's, not a cut.
    assert flags(page([LEDE, "7. Dezember 2026"], head=ld(900))) == {}
    # Open, the same text is cut where the page's declared length goes on.
    open_end = LEDE.rstrip(".") + " y los vecinos"
    assert flags(page([open_end, "7. Dezember 2026"], head=ld(900)))["truncated"].startswith("schema.org wordCount")


@pytest.mark.parametrize(
    "last",
    [
        "Følg oss på Facebook for flere saker om svømmehallen og idretten i byen",
        "Seguici su Instagram per tutte le notizie sulla piscina e sullo sport in città",
        "Volg ons op Facebook voor al het nieuws over het zwembad en de sport in de stad",
    ],
)
def test_a_call_to_action_before_a_link_is_no_cut(last):
    text = f"{STORIES['en'][0]}\n{STORIES['en'][1]}\n{last}\nLes mer »"
    assert "truncated" not in cleanser.clean(text).flags


def test_an_open_paragraph_before_a_read_more_link_in_norwegian_is_a_teaser():
    cut = "Arbeidet skal begynne til våren og ta minst halvannet år, sa idrettsbyråden på"
    text = f"{STORIES['no'][0]}\n{cut}\nLes mer »"
    assert cleanser.clean(text).flags["truncated"].startswith("the last paragraph stops mid-sentence")


def test_the_seed_is_not_flagged():
    # The seed newsletter (corpus/seed) is a complete text: no wall, no cut.
    from conftest import CORPUS

    for path in sorted(CORPUS.glob("seed/*.txt")):
        if not path.name.endswith(".expected.txt"):
            assert not set(cleanser.clean(path.read_bytes()).flags) & {"paywalled", "truncated"}, path.name
