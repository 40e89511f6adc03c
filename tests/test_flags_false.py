"""False flags on free pages: a page's hidden wall templates saved as text (stages/wall_templates.py), an article's
sentence that shares its line with wall wording, and a teaser's "more" link read as a cut. And the real walls of the
same shapes, which must still flag. Texts written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.stages.wall_lines import wall_wording

# A complete article in Spanish, as a naive scraper saves a page: every <p>, one per line.
ARTICLE_ES = [
    "El sindicato de la alimentación reclamó ayer una suba salarial anual del sesenta por ciento y amenazó con un "
    "paro nacional si la cámara patronal no mejora su oferta antes del viernes.",
    "La negociación lleva tres semanas estancada, según los delegados, que acusan a las empresas de esperar a que "
    "se publique el índice de inflación de mayo para volver a sentarse a la mesa.",
    "Las empresas sostienen que la última oferta, del cuarenta y ocho por ciento en cuatro tramos, es la más alta "
    "del sector en una década y que no pueden ir más allá sin trasladar el costo a los precios.",
]
# A metered wall's template and a registration prompt in the page's header, hidden until a script shows them.
HEADER_TEMPLATES = ["Ya superaste el límite de notas leídas.", "Registrate gratis para seguir leyendo"]
# The subscribers' wall template under the article.
FOOTER_TEMPLATE = "El contenido al que quiere acceder es exclusivo para suscriptores."
URL = "https://diario.example/economia/paritarias"


def clean(lines: list[str]) -> dict[str, str]:
    return cleanser.clean("\n".join(lines), URL).flags


def test_hidden_wall_templates_on_a_free_page_flag_nothing():
    flags = clean([*HEADER_TEMPLATES, *ARTICLE_ES, FOOTER_TEMPLATE])
    assert "paywalled" not in flags and "truncated" not in flags, flags


def test_the_templates_lines_still_go():
    result = cleanser.clean("\n".join([*HEADER_TEMPLATES, *ARTICLE_ES, FOOTER_TEMPLATE]), URL)
    assert result.text == "\n".join(ARTICLE_ES)
    assert all(r.rule == "generic/wall-lines" and r.evidence for r in result.removed)


def test_the_same_wall_without_templates_above_flags():
    # The wall stands where the text stops and nothing says the page carries templates: a wall.
    flags = clean([*ARTICLE_ES[:2], FOOTER_TEMPLATE])
    assert flags["paywalled"].startswith("visible paywall"), flags
    assert "truncated" in flags


def test_templates_above_do_not_hide_a_cut_preview():
    # The page carries templates, but its text trails off where the wall stands: that wall is real.
    cut = ARTICLE_ES[2][:120].rsplit(" ", 1)[0] + " …"
    flags = clean([*HEADER_TEMPLATES, *ARTICLE_ES[:2], cut, FOOTER_TEMPLATE])
    assert flags["paywalled"].startswith("visible paywall"), flags
    assert "truncated" in flags


@pytest.mark.parametrize(
    "label",
    ["Article réservé à nos abonnés", "Exklusiv für Abonnenten", "Contenido exclusivo para suscriptores"],
)
def test_a_premium_label_above_a_preview_is_no_template(label):
    # A label above the article says what it is; it does not stop the reader, so the wall below still counts.
    flags = clean([label, *ARTICLE_ES[:2], FOOTER_TEMPLATE])
    assert flags["paywalled"].startswith("visible paywall"), flags


@pytest.mark.parametrize(
    "line",
    [
        "Already a subscriber? Then nothing changes.",
        "Already a subscriber? Nothing changes for you.",
        "Bereits Abonnent? Dann ändert sich nichts.",
        "Déjà abonné ? Rien ne change pour vous.",
        "¿Ya eres suscriptor? No cambia nada.",
        "Dansk økonomi vokser hurtigere end ventet. Artiklen er forbeholdt abonnenter på Berlingske.",
    ],
)
def test_an_article_sentence_beside_wall_wording_is_no_wall(line):
    assert wall_wording(line) is None
    text = ("The ferry operator will raise the price of its annual pass by a tenth in April, it said on Friday.\n"
            f"Holders of the current pass keep it until it runs out, the company added.\n{line}")
    flags = cleanser.clean(text).flags
    assert "paywalled" not in flags and "truncated" not in flags, flags


@pytest.mark.parametrize(
    "line",
    [
        "Votre temps de lecture gratuit est écoulé. Créez un compte gratuit pour continuer à lire.",
        "Libération réserve cet article à ses abonnés. Pour lire la suite, abonnez-vous.",
        "Sie haben Ihre kostenlosen Artikel gelesen. Bereits Abonnent? Hier einloggen.",
    ],
)
def test_a_walls_own_sentence_beside_its_wording_is_the_wall(line):
    assert wall_wording(line)


@pytest.mark.parametrize("more", ["Mehr…", "More...", "Más…", "Lire la suite…"])
def test_a_more_link_after_a_finished_sentence_is_no_cut(more):
    text = ("Der Hafen bekommt bis zum Herbst einen zweiten Liegeplatz für die Fähre nach der Insel, teilte die "
            f"Verwaltung am Donnerstag mit. {more}")
    assert "truncated" not in cleanser.clean(text).flags


def test_a_one_word_sentence_cut_by_an_excerpt_is_still_a_cut():
    text = ("The council approved the new ferry berth on Thursday after a two-year dispute with the fishing "
            "co-operative. All...")
    assert "truncated" in cleanser.clean(text).flags


# Teasers as news and blog templates cut them: the excerpt stops inside a sentence, a "read more" link under it or
# glued to it, in the languages of the wall wording.
TEASERS = [
    ("Der Gemeinderat hat am Montag die Sanierung des Hallenbads beschlossen.",
     "Die Arbeiten sollen im Frühjahr beginnen und mindestens anderthalb Jahre dauern, sagte der", "Lesen Sie weiter"),
    ("Le conseil municipal a voté lundi soir la rénovation de la piscine du quartier nord.",
     "Les travaux doivent commencer au printemps et durer au moins dix-huit mois, selon l'adjoint chargé des",
     "Continuer la lecture"),
    ("El ayuntamiento aprobó el lunes la reforma de la piscina del barrio norte.",
     "Las obras empezarán en primavera y durarán al menos dieciocho meses, según el concejal de", "Sigue leyendo"),
    ("Kommunfullmäktige beslutade på måndagen att renovera simhallen i norra stadsdelen.",
     "Arbetet ska börja i vår och pågå i minst ett och ett halvt år, sade idrottsrådet på mötet med", "Läs vidare"),
    ("Rada miasta zatwierdziła w poniedziałek remont basenu w północnej dzielnicy.",
     "Prace mają ruszyć wiosną i potrwać co najmniej półtora roku, powiedział radny odpowiedzialny za",
     "Czytaj więcej"),
    ("Zastupitelstvo v pondělí schválilo rekonstrukci bazénu v severní čtvrti města.",
     "Práce mají začít na jaře a potrvat nejméně rok a půl, řekl radní pro sport na setkání s",
     "Pokračovat ve čtení"),
    ("A câmara municipal aprovou na segunda-feira a reforma da piscina do bairro norte.",
     "As obras devem começar na primavera e durar pelo menos dezoito meses, disse o secretário de", "Continue lendo"),
    ("De gemeenteraad heeft maandag ingestemd met de renovatie van het zwembad in de noordwijk.",
     "De werkzaamheden beginnen in het voorjaar en duren minstens anderhalf jaar, zei de wethouder tijdens de",
     "Lees meer"),
]


@pytest.mark.parametrize(("lede", "cut", "link"), TEASERS)
def test_a_teaser_cut_before_its_read_more_link_is_truncated(lede, cut, link):
    flags = cleanser.clean(f"{lede}\n{cut}\n{link}").flags
    assert flags["truncated"].startswith("the last paragraph stops mid-sentence"), flags
    assert "paywalled" not in flags  # a teaser's link is no wall


@pytest.mark.parametrize(("lede", "cut", "link"), TEASERS)
def test_a_read_more_link_glued_after_an_ellipsis_is_a_teasers(lede, cut, link):
    flags = cleanser.clean(f"{lede}\n{cut} … {link}").flags
    assert flags["truncated"].startswith("the last paragraph trails off"), flags


@pytest.mark.parametrize(("lede", "cut", "link"), TEASERS)
def test_a_finished_text_before_a_read_more_link_is_complete(lede, cut, link):
    assert "truncated" not in cleanser.clean(f"{lede}\n{cut} den Abend.\n{link}").flags


@pytest.mark.parametrize(
    "last",
    [
        "Suivez-nous sur Facebook et Instagram pour ne rien manquer de la vie du quartier",
        "Folgen Sie uns auf Facebook und Instagram für mehr Nachrichten aus der Region",
        "Sledujte nás na Facebooku a Instagramu pro další zprávy z regionu",
        "Weitere Informationen zum Hallenbad gibt es bei der Stadtverwaltung im ersten Stock",
        "Más información sobre las obras en la oficina de atención al vecino del ayuntamiento",
        "Con información de las agencias EFE y AFP y de la redacción",
        "Mit Material von dpa und epd sowie eigenen Recherchen der Redaktion",
    ],
)
def test_a_sign_off_or_call_to_action_before_a_link_is_no_cut(last):
    text = ("Le conseil municipal a voté lundi soir la rénovation de la piscine du quartier nord, fermée depuis deux "
            f"ans.\n{last}\nWeiterlesen")
    assert "truncated" not in cleanser.clean(text).flags


# Walls in the wordings added with their sources in data/wall_wording.json, each after a short text (the last line
# a naive scraper saves), and sentences of articles that use the same words as the article's own.
LEDE_DE = ("Die Werft am Nordkai soll bis zum Sommer einen neuen Eigentümer bekommen, wie der Insolvenzverwalter am "
           "Montag mitteilte.")
SECOND_DE = "Rund 400 Beschäftigte hoffen nun auf eine Übernahme ohne Entlassungen, sagte der Betriebsrat."
NEW_WALLS = [
    "Diesen Artikel weiterlesen mit SPIEGEL+",
    "Sie haben bereits ein Digital-Abo? Zum Login",
    "Jetzt weiter mit NW+",
    "Wöchentliche Grenze an kostenfreien Artikeln erreicht",
    "Tento článek je přístupný pouze pro předplatitele",
    "A cikk csak előfizetőknek",
    "Эта статья доступна только для подписчиков",
    "Bli medlem för att läsa vidare",
    "You must be logged in to read this article.",
]
NEW_LOOK_ALIKES = [
    "Sie haben bereits ein Digital-Abo? Dann ändert sich für Sie nichts, teilte der Verlag mit.",
    "Weiterlesen mit SPIEGEL+ können nun auch Leser in Österreich, die ein Abo der Wiener Zeitung haben.",
    "Nur für Abonnenten gibt es den Rabatt, sagte die Sprecherin der Werft.",
    "Tento článek je přístupný pouze pro předplatitele, kteří si koupili roční předplatné loni v zimě.",
    "You must be logged in to vote, the union told its members in a letter on Friday.",
]


@pytest.mark.parametrize("wall", NEW_WALLS)
def test_new_wall_wordings_flag_a_short_text(wall):
    result = cleanser.clean(f"{LEDE_DE}\n{SECOND_DE}\n{wall}")
    assert result.flags["paywalled"].startswith(("visible paywall", "registration wall: visible")), result.flags
    assert "truncated" in result.flags
    assert [r.rule for r in result.removed] == ["generic/wall-lines"]


@pytest.mark.parametrize("line", NEW_LOOK_ALIKES)
def test_article_sentences_with_the_new_wordings_flag_nothing(line):
    text = f"{LEDE_DE}\n{SECOND_DE}\n{line}"
    result = cleanser.clean(text)
    assert result.flags == {} and result.text == text, (result.flags, result.removed)


def test_a_list_of_teasers_with_glued_links_is_no_cut_of_the_article():
    text = (
        "Der Gemeinderat hat am Montag die Sanierung des Hallenbads beschlossen, das lange geschlossen ist.\n"
        "Die Pferde im Stall am Ortsrand reagieren bei Gefahr meist mit Davonlaufen, doch nicht alle suchen ihr "
        "Heil in der... Mehr lesen\n"
        "Eintöniges Reiten in der Halle ist auf Dauer ein Motivationskiller, sagen die Trainer vom Verein.\n"
        "Abwehrverhalten beim Satteln ist weit verbreitet, zeigt eine Studie. Mehr als die Hälfte der Pferde "
        "fühlte sich... Mehr lesen"
    )
    assert "truncated" not in cleanser.clean(text).flags


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Post author By Jana Novak", "Jana Novak"),
        ("Eingestellt von Unknown", None),
        ("Erstellt von Lena Brandt", "Lena Brandt"),
        ("Recipe by The Harbour Kitchen", None),  # the site's own name, given as the site name below
        ('<a href="/experts/jan-kowal" hreflang="pl">Jan Kowal</a>', "Jan Kowal"),
        ("Marta Ruiz @martaruiz", "Marta Ruiz"),
        ("Newsdesk", None),
        ("Pétition soutenue par un Super contributeur", None),
    ],
)
def test_bylines_lose_ui_words_markup_handles_and_newsrooms(byline, expected):
    from cleanser.read.metadata_values import people

    assert people(byline, ("The Harbour Kitchen",)) == expected


# A naive scraper's text keeps the page's furniture under the wall: teaser headlines, labels, section names.
FURNITURE = ["Nachwuchs", "Jung, cool, Blasmusik", "Landgericht", "Der Autoreisezug rollt wieder", "Comeback",
             "Hast Du denn keinen Bruder?", "American Football"]


def test_a_wall_under_the_last_paragraph_with_furniture_below_flags():
    lines = [LEDE_DE, SECOND_DE, "Bereits Abonnent/in? Anmelden", "Jetzt diesen Artikel lesen!",
             "nach 3 Monaten jederzeit kündbar", *FURNITURE]
    flags = cleanser.clean("\n".join(lines)).flags
    assert flags["paywalled"] == 'visible paywall in the last lines: "Bereits Abonnent"', flags
    assert "truncated" in flags


def test_a_premium_label_among_the_furniture_is_no_wall():
    # "Exclusivo para Assinantes" as a menu's section under a teaser list: no wall stops this article.
    lines = [LEDE_DE, SECOND_DE, "Pesquisa aponta que 83% dos filhos vão presentear na data",
             "Pesquisa aponta que 83% dos filhos vão p...", "Exclusivo para Assinantes", *FURNITURE]
    assert cleanser.clean("\n".join(lines)).flags == {}


def test_a_login_line_far_below_the_article_is_no_wall():
    lines = [LEDE_DE, SECOND_DE, *FURNITURE, "Bereits Abonnent/in? Anmelden", *FURNITURE]
    assert "paywalled" not in cleanser.clean("\n".join(lines)).flags


CUT_DE = "Die Arbeiten sollen im Frühjahr beginnen und mindestens anderthalb Jahre dauern, sagte der Sportdez…"


def test_a_wall_glued_after_the_cut_on_the_same_line_flags():
    flags = cleanser.clean(f"{LEDE_DE}\n{CUT_DE} Diesen Artikel weiterlesen mit SPIEGEL+").flags
    assert flags["paywalled"].startswith("visible paywall"), flags
    assert "truncated" in flags


def test_a_sentence_after_an_ellipsis_is_no_glued_wall():
    line = f"{CUT_DE} Already a subscriber? The discount applies automatically, the firm said."
    assert "paywalled" not in cleanser.clean(f"{LEDE_DE}\n{line}").flags


def test_a_wall_box_above_a_kept_line_is_read():
    # The box's last button stays (or any short line does): the wall's lines above it still flag the page.
    text = (f"{LEDE_DE}\n{SECOND_DE}\nDiesen Artikel weiterlesen mit SPIEGEL+\nSie haben bereits ein Digital-Abo?\n"
            "Zum Login\nImpressum")
    result = cleanser.clean(text)
    assert result.flags["paywalled"].startswith("visible paywall"), result.flags
    assert "Zum Login" not in result.text  # a button of the wall's box goes with it


def test_a_wordpress_excerpt_with_its_continue_reading_link_is_a_teaser():
    text = ("The harbour authority approved a second ferry berth on Thursday after a two-year dispute with the "
            "fishing co-operative over the depth of the […] Continue reading “A second berth for the ferry” →")
    assert cleanser.clean(text).flags["truncated"].startswith("the last paragraph trails off")


def _page(header: str) -> str:
    # Wall templates a stylesheet hides: parsed as a page, their text is still the page's.
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE_ES[:2])
    return (
        "<html><head><style>.tpl{display:none}</style></head><body><header><nav><a href='/'>Inicio</a></nav>"
        f"{header}</header><article><h1>Paritarias</h1>{paragraphs}</article>"
        f"<div class='tpl'><p>{FOOTER_TEMPLATE}</p></div><footer><a href='/c'>Contacto</a></footer></body></html>"
    )


def test_wall_templates_hidden_by_a_stylesheet_flag_nothing():
    header = "<div class='tpl'>" + "".join(f"<p>{t}</p>" for t in HEADER_TEMPLATES) + "</div>"
    assert cleanser.clean(_page(header), URL).flags == {}


def test_the_same_page_without_templates_above_shows_its_wall():
    flags = cleanser.clean(_page(""), URL).flags
    assert flags["paywalled"].startswith("visible paywall") and "truncated" in flags
