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
