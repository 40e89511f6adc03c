"""Other stories' excerpts under a complete article (stages/teaser_ends.py): cut on purpose, they say nothing of
the article's end; the article's own cut preview still does. Texts and pages written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.document import Block
from cleanser.stages.teaser_ends import stops_trimmed, stranger_excerpt, trimmed_run_start

URL = "https://zeitung.example/recht/urlaub"

ARTICLE = [
    "Der gesetzliche Urlaubsanspruch verjährt nicht, solange der Arbeitgeber seine Beschäftigten nicht rechtzeitig "
    "auf den drohenden Verfall hingewiesen hat, entschied das Bundesarbeitsgericht am Dienstag.",
    "Geklagt hatte eine Buchhalterin, die nach zwanzig Jahren im Betrieb die Abgeltung von mehr als hundert "
    "Urlaubstagen verlangte. Der Arbeitgeber berief sich auf die dreijährige Verjährungsfrist.",
    "Das Gericht folgte damit der Rechtsprechung des Europäischen Gerichtshofs. Die Frist beginne erst am Ende des "
    "Jahres, in dem der Arbeitgeber seine Hinweispflichten erfüllt habe, heißt es in der Begründung.",
    "(Urteil vom 20. Dezember 2022 – 9 AZR 266/20)",
]
# Related news under it, each excerpt trimmed to a fixed length by the site's template (the headlines are no <p>).
TRIMMED = [
    "Wer im Erholungsurlaub arbeitsunfähig erkrankt, dem werden die Krankheitstage nicht auf den Urlaub "
    "angerechnet. Die Arbeitgeberin zahlt",
    "Der Anspruch auf gesetzlichen Mindesturlaub aus einem Urlaubsjahr, in dem der Arbeitnehmer tatsächlich "
    "gearbeitet hat, bevor er aus gesundheitlichen",
    "Fallen aufgrund von Kurzarbeit einzelne Arbeitstage vollständig aus, ist dies bei der Berechnung des "
    "Jahresurlaubs zu berücksichtigen (BAG, Urt. v. 30",
    # A template that marks its cut, and on the article's subject: alone, it would read as the article's own cut.
    "Ein Arbeitnehmer erwirbt keinen Urlaubsanspruch, während er sich in Kurzarbeit befindet. Der Jahresurlaub "
    "wird....",
]


def flags(lines: list[str], url: str = URL) -> dict[str, str]:
    return cleanser.clean("\n".join(lines), url).flags


def test_a_run_of_trimmed_excerpts_under_a_complete_article_is_no_cut():
    assert "truncated" not in flags(["Urlaub verjährt nicht", *ARTICLE, *TRIMMED])
    # The last excerpt alone under the article is judged as the article's end.
    assert "truncated" in flags(["Urlaub verjährt nicht", *ARTICLE[:3], TRIMMED[-1]])


def test_a_run_of_trimmed_excerpts_with_a_trial_offer_on_the_page_is_no_wall():
    # The page: the same teasers under the article, and the footer's offer of the print magazine.
    teasers = "".join(f"<div class='teaser'><div>30.8.2021</div><a href='/n{i}'>Meldung {i}</a><p>{t}</p></div>"
                      for i, t in enumerate(TRIMMED))
    html = (
        "<html><head><title>Urlaub</title></head><body><main><article><h1>Urlaub verjährt nicht</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE)
        + f"</article><section class='related'>{teasers}</section></main>"
        "<footer><a href='/abo'>Jetzt zwei Ausgaben testen »</a></footer></body></html>"
    )
    found = cleanser.clean(html, URL).flags
    assert "truncated" not in found and "paywalled" not in found, found
    # After a preview cut short, the same offer shows the wall.
    cut = html.replace("<p>" + ARTICLE[2], "<p>" + ARTICLE[2][:60] + " …").replace("<p>" + ARTICLE[3] + "</p>", "")
    cut = cut.replace("<section class='related'>" + teasers + "</section>", "")
    found = cleanser.clean(cut, URL).flags
    assert "subscription offer" in found.get("paywalled", ""), found


def test_two_open_paragraphs_are_no_run():
    # Two in a row may be the article's own (a cut preview under a paragraph that ends on a number): the last one is
    # judged as before, and with a wall under it the text is cut.
    lines = ["Urlaub verjährt nicht", *ARTICLE[:2], *TRIMMED[:2], "Dieser Artikel ist exklusiv für Abonnenten."]
    found = flags(lines)
    assert "paywalled" in found and "truncated" in found, found


def test_the_run_is_found_past_short_lines_and_not_past_a_finished_paragraph():
    blocks = [Block(t, kind="paragraph") for t in ARTICLE]
    run = [Block(TRIMMED[0], kind="paragraph"), Block("31.8.2021", kind="paragraph"),
           Block(TRIMMED[1], kind="paragraph"), Block(TRIMMED[2], kind="paragraph")]
    assert trimmed_run_start(blocks + run) == len(blocks)
    finished = Block(TRIMMED[1] + " Gründen.", kind="paragraph")
    assert trimmed_run_start([*blocks, run[0], finished, run[2]]) is None


@pytest.mark.parametrize(
    ("text", "trimmed"),
    [
        ("... bevor er aus gesundheitlichen", True),
        ("... (BAG, Urt. v. 30", True),
        ("... la nouvelle bouffe des pois chiches....", True),
        ("... die Arbeitgeberin zahlt den Lohn weiter.", False),
        ("... wie folgt:", False),
        ("... (9 AZR 266/20)", False),
    ],
)
def test_what_stops_trimmed(text, trimmed):
    assert stops_trimmed(text) is trimmed


# --- one excerpt, with nothing after it --------------------------------------------------------------------------

STRANGER = "Die Bauarbeiten an der Uferpromenade dauern länger als geplant, weil im Boden alte Fundamente...."
OWN = "Die Buchhalterin verlangt nun die Abgeltung ihrer Urlaubstage, doch der Arbeitgeber prüft weitere...."


def test_another_storys_excerpt_under_the_article_is_no_cut():
    assert "truncated" not in flags(["Urlaub verjährt nicht", *ARTICLE[:3], STRANGER])


def test_the_articles_own_preview_still_counts():
    # The cut paragraph goes on with the article's subject: the preview's own cut.
    found = flags(["Urlaub verjährt nicht", *ARTICLE[:3], OWN])
    assert found["truncated"].startswith("the last paragraph trails off"), found
    # ... and an excerpt under a text too short to compare with is judged as before (a teaser page).
    assert "truncated" in flags(["Uferpromenade", STRANGER])


def test_an_excerpt_under_a_long_article_is_a_teasers():
    body = [f"{p} Der Senat verwies auf die Begründung." for p in ARTICLE[:3]] * 12
    assert sum(len(p.split()) for p in body) > 800
    assert "truncated" not in flags(["Urlaub verjährt nicht", *body, OWN])


def test_stranger_excerpt_reads_long_words():
    kept = [Block(t, kind="paragraph") for t in ARTICLE[:3]]
    assert stranger_excerpt([*kept, last := Block(STRANGER, kind="paragraph")], last)
    assert not stranger_excerpt([*kept, last := Block(OWN, kind="paragraph")], last)
    # Too few words above to tell: not a stranger.
    assert not stranger_excerpt([kept[0], last := Block(STRANGER, kind="paragraph")], last)


def test_an_excerpt_with_a_wall_under_it_is_cut_whatever_its_words():
    found = flags(["Urlaub verjährt nicht", *ARTICLE[:3], STRANGER, "Dieser Artikel ist exklusiv für Abonnenten."])
    assert "paywalled" in found and "truncated" in found, found


def test_an_offer_under_a_run_of_trimmed_excerpts_is_no_wall():
    # The last trimmed excerpt stops mid-sentence and a footer's offer stands under it: the run is other stories'.
    lines = ["Urlaub verjährt nicht", *ARTICLE[:3], *TRIMMED[:3], "Jetzt abonnieren", "4 Wochen für 1 €"]
    found = flags(lines)
    assert "paywalled" not in found and "truncated" not in found, found
    # The article's own preview, cut at a word, with the same offer under it, is walled.
    cut = "Geklagt hatte eine Buchhalterin, die nach zwanzig Jahren im Betrieb die Abgeltung von mehr als hundert"
    assert "paywalled" in flags(["Urlaub verjährt nicht", ARTICLE[0], cut, "Jetzt abonnieren"])
