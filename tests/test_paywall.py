"""The `paywalled` and `truncated` flags on pages written for these tests: every notation of the access
declaration, locked parts judged by what they hold, visible walls in several languages, and last lines that are
no cut."""

from __future__ import annotations

import pytest

import cleanser

ARTICLE = (
    "<p>The harbour authority approved a second ferry berth on Thursday after a two-year dispute with the fishing "
    "co-operative over the channel's depth.</p>"
    "<p>Work on the berth is due to start in spring, and the operator expects the first sailings from it in the "
    "autumn of next year, weather permitting.</p>"
    "<p>The co-operative's chair said its members would watch the dredging closely and go back to court if the "
    "catch in the bay fell.</p>"
)


def page(head: str = "", body: str = ARTICLE, after: str = "") -> str:
    return (
        f"<html><head><title>Ferry berth approved</title>{head}</head><body><nav>Home News Sport</nav>"
        f"<article><h1>Ferry berth approved</h1>{body}</article>{after}<footer>Contact us</footer></body></html>"
    )


def ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


def flags(html: str) -> dict[str, str]:
    return cleanser.clean(html, "https://harbour-news.example/ferry").flags


def test_microdata_declaration():
    html = page(body=f'<div itemscope itemtype="https://schema.org/NewsArticle">'
                f'<meta itemprop="isAccessibleForFree" content="false">{ARTICLE}</div>')
    assert flags(html)["paywalled"] == "schema.org isAccessibleForFree is false in microdata"


def test_rdfa_declaration():
    html = page(head='<meta property="schema:isAccessibleForFree" content="False">')
    assert flags(html)["paywalled"] == "schema.org isAccessibleForFree is false in RDFa"


def test_json_ld_that_json_refuses_is_read_leniently():
    # A raw quote inside a string and a trailing comma: json.loads gives up, the declaration is still there.
    broken = ('{"@type": "NewsArticle", "image": {"caption": "<img sizes="300px">"}, '
              '"isAccessibleForFree": "false", "hasPart": {"@type": "WebPageElement", '
              '"isAccessibleForFree": "false", "cssSelector": ".locked"},}')
    reason = flags(page(head=ld(broken)))["paywalled"]
    assert reason == "schema.org isAccessibleForFree is false in JSON-LD (read leniently) (locked part: .locked)"


def test_a_boilerplate_has_part_on_a_free_article_flags_nothing():
    obj = ('{"@type": "NewsArticle", "isAccessibleForFree": true, "hasPart": {"@type": "WebPageElement", '
           '"isAccessibleForFree": false, "cssSelector": ".comments-box"}}')
    html = page(head=ld(obj), after='<div class="comments-box"><p>Log in to comment.</p></div>')
    assert "paywalled" not in flags(html)


def test_a_has_part_that_holds_the_article_text_flags_it():
    obj = ('{"@type": "NewsArticle", "hasPart": {"@type": "WebPageElement", '
           '"isAccessibleForFree": false, "cssSelector": ".premium"}}')
    html = page(head=ld(obj), body=f'<div class="premium">{ARTICLE}</div>')
    assert flags(html)["paywalled"].startswith("schema.org hasPart in JSON-LD locks a part that holds the article")


def test_a_registration_locked_part_is_a_registration_wall():
    obj = ('{"@type": "NewsArticle", "isAccessibleForFree": false, "hasPart": {"@type": "WebPageElement", '
           '"isAccessibleForFree": false, "cssSelector": ".regwalled"}}')
    assert flags(page(head=ld(obj)))["paywalled"].startswith("registration wall: ")


TEASER = ("<p>Die Hafenbehörde hat am Donnerstag einen zweiten Fähranleger genehmigt, nach zwei Jahren Streit mit "
          "der Fischereigenossenschaft über die Tiefe der Fahrrinne. Die Genossenschaft will nun ...</p>")


@pytest.mark.parametrize(
    ("wall", "reason"),
    [
        ("<div><p>Exklusiv für Abonnenten</p><p>Sie sind bereits Abonnent? Hier anmelden</p></div>", "visible paywall"),
        ("<div><p>Zugang wählen und weiterlesen</p><p>Digital-Abo 9,99 € / Monat</p></div>", "visible paywall"),
        ("<div><p>Este contenido es exclusivo para suscriptores. Suscríbete</p></div>", "visible paywall"),
        ("<div><p>Cet article est réservé aux abonnés.</p></div>", "visible paywall"),
        ("<div><p>Kostenlos registrieren und weiterlesen</p></div>", "registration wall: visible registration wall"),
        ("<div><p>Regístrate gratis para seguir leyendo</p></div>", "registration wall: visible registration wall"),
    ],
)
def test_visible_walls_in_several_languages(wall, reason):
    # Where extraction keeps the wall's lines they go (stages/wall_lines.py); either way the flag reads the wall
    # where it stands.
    found = flags(page(body=TEASER, after=wall))
    assert found["paywalled"].startswith(reason)
    assert found["truncated"].endswith("before the paywall")


def test_wall_lines_inside_the_article_go():
    body = TEASER + "<p>Exklusiv für Abonnenten</p><p>Sie sind bereits Abonnent? Hier anmelden</p>"
    result = cleanser.clean(page(body=body), "https://harbour-news.example/ferry")
    walls = [r for r in result.removed if r.rule == "generic/wall-lines"]
    assert len(walls) == 1 and walls[0].text == "Exklusiv für Abonnenten\nSie sind bereits Abonnent? Hier anmelden"
    assert result.flags["paywalled"] == 'visible paywall in the last lines: "Exklusiv für Abonnent"'
    assert "Abonnent" not in result.text and result.text.endswith("Die Genossenschaft will nun ...")


def test_a_wall_after_a_full_article_is_a_promo():
    long_article = ARTICLE * 12  # well over the length of a teaser
    assert flags(page(body=long_article, after="<div><p>Weiterlesen mit Z+ für 1 € im ersten Monat</p></div>")) == {}


def test_newsletter_and_subscribe_links_are_no_wall():
    after = "<div><p>Abonnieren Sie unseren Newsletter</p><p>Suscríbete</p><p>Subscribe</p></div>"
    assert flags(page(body=TEASER.replace(" ...", "."), after=after)) == {}


@pytest.mark.parametrize(
    "last",
    [
        "Nehmen Sie mit uns Kontakt auf, wir beraten Sie gern: redaktion@harbour-news.example",
        "Die Unterlagen zum Antrag stehen zum Download bereit: https://harbour-news.example/antrag",
        "Brauchst du Hilfe? Die Beratung ist kostenlos erreichbar unter 0800 111 222 333",
        "Wie hat Ihnen dieser Artikel gefallen? Bewertung: 4.5 out of 5 based on 12 ratings",
        "Abgelegt unter Hafen, Fähre, Fischerei | Tags: Hafen, Genossenschaft, Fahrrinne",
        "Do you want to be told about the next council meeting on the berth? Sign up here",
        "The co-operative will meet again in March to decide on the appeal (Reporting: J. Moss). jm",
    ],
)
def test_last_lines_that_are_no_cut(last):
    assert "truncated" not in flags(page(body=ARTICLE + f"<p>{last}</p>"))


def test_a_word_cut_by_the_wall():
    body = ARTICLE + "<p>The co-operative says the dredging would be lawful only if the ministry f…</p>"
    assert flags(page(body=body))["truncated"].startswith("the last paragraph trails off")


def test_a_one_word_sentence_before_an_ellipsis_is_an_excerpt():
    body = ARTICLE + "<p>The operator declined to comment on the cost of the berth. All...</p>"
    assert "truncated" in flags(page(body=body))


def test_an_open_line_before_a_read_more_link():
    body = ARTICLE + "<p>The co-operative's lawyers said they would study the ruling before they decided whether</p>"
    assert "truncated" in flags(page(body=body, after="<p>Weiterlesen »</p>"))
    assert "truncated" not in flags(page(body=body))
