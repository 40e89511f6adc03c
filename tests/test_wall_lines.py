"""A wall's own lines go (stages/wall_lines.py), read by the same wording that flags the wall (stages/walls.py with
data/wall_wording.json), in text and in HTML, with their evidence in the audit; an article's sentences about walls
stay. And `truncated` on plain-text teasers of the kinds issue #18 names. Texts written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.stages.wall_lines import RULE, box_line, wall_line, wall_wording

LEDE = ("Die Werft am Nordkai soll bis zum Sommer einen neuen Eigentümer bekommen, wie der Insolvenzverwalter am "
        "Montag mitteilte.")
SECOND = "Rund 400 Beschäftigte hoffen nun auf eine Übernahme ohne Entlassungen, sagte der Betriebsrat."
HARBOUR = ("The harbour authority approved a second ferry berth on Thursday after a two-year dispute with the fishing "
           "co-operative over the channel's depth.\n"
           "Work on the berth is due to start in spring, and the operator expects the first sailings from it in the "
           "autumn of next year, weather permitting.\n")

# Walls as real publishers word them (each wording in data/wall_wording.json or walls.py says where it was seen),
# one per language and shape: the line the wall shows where the text stops.
WALL_LINES = [
    "Dieser Artikel ist exklusiv für Abonnenten",
    "Sie sind bereits Digital-Abonnent? Hier anmelden",
    "Bereits Abonnent/in? Anmelden",
    "Zugang wählen und weiterlesen",
    "Sie benötigen ein heise+ Paket, um diesen Artikel zu lesen. Jetzt eine Woche unverbindlich testen",
    "Subscribe to continue reading",
    "This article is for subscribers only.",
    "Already a subscriber? Log in",
    "You have reached your free article limit.",
    "Keep reading with a STAT+ subscription",
    "Il vous reste 81.5% de cet article à lire. La suite est réservée aux abonnés. Déjà abonné ? Se connecter",
    "Pour lire la suite de cet article, abonnez-vous",
    "Agotaste tus lecturas gratis en esta sección. Si deseas continuar leyendo, ¡suscríbete! Desde $69 al mes",
    "Para seguir leyendo ingresá o suscribite",
    "El contenido al que quiere acceder es exclusivo para suscriptores.",
    "Questo articolo è riservato agli abbonati Premium. Abbonati per accedere a tutti i contenuti.",
    "Esse conteúdo é exclusivo para assinantes. Quer continuar sua leitura? Já é assinante? Faça login.",
    "Lees verder met een abonnement op het Dagblad. Al abonnee? Log in.",
    "Ten artykuł jest dostępny tylko dla subskrybentów",
    "Artikkelen er for abonnenter. Logg inn for å lese videre.",
    "Artiklen er forbeholdt abonnenter på Berlingske.",
    "Redan prenumerant? Logga in för att fortsätta läsa. Läs HBL digitalt för endast 1€",
    "Vain tilaajille. Tilaa nyt ja lue kaikki jutut.",
    "この記事は有料会員記事です。残り362文字有料会員になると続きをお読みいただけます。",
    "会員限定です。電子版に登録すると続きをお読みいただけます。",
    "Kostenlos registrieren und weiterlesen",
    "Sign in to continue reading. Already registered? Sign in",
    "Log in om dit artikel te lezen.",
]

# Sentences of articles about walls: the wording is there, as the article's own words.
LOOK_ALIKES = [
    "Readers complain that messages telling them to subscribe to continue reading appear after two paragraphs.",
    "Subscribe to continue reading, the pop-up said.",
    "Subscribers only get the discount.",
    "Readers see a message: “Subscribe to continue reading.”",
    "Already a subscriber? The discount applies automatically, the firm said.",
    "Exklusiv für Abonnenten sind inzwischen fast zwei Drittel der Texte, hat der Medienforscher gezählt.",
    "Nur für Abonnenten gibt es den Rabatt.",
    "Bereits Abonnent? Diese Frage stellen viele Seiten, bevor sie überhaupt einen Preis nennen.",
    "Premium-Inhalte für alle Leser ab Montag",
    "För prenumeranter innebär förändringen att priset höjs.",
    "Déjà abonné au journal depuis trente ans, il a résilié son contrat lundi.",
    "Sign in to continue reading, the app told users who had been logged out by the update.",
    "This story is for members of the union who lost their jobs.",
]


@pytest.mark.parametrize("line", WALL_LINES)
def test_wall_lines_are_recognised(line):
    assert wall_line(line)


@pytest.mark.parametrize("line", LOOK_ALIKES)
def test_sentences_about_walls_are_no_wall_lines(line):
    assert wall_line(line) is None and wall_wording(line) is None


@pytest.mark.parametrize("line", WALL_LINES)
def test_a_wall_line_under_a_teaser_goes_with_its_evidence(line):
    result = cleanser.clean(f"{LEDE}\n{SECOND}\n{line}")
    assert result.text == f"{LEDE}\n{SECOND}"
    (removal,) = result.removed
    assert removal.rule == RULE and removal.text == line and removal.refused is None
    assert removal.evidence and removal.evidence[0].startswith("wall wording ")
    # The flag reads the removed wall where it stood, and the text stops at it.
    assert result.flags["paywalled"].startswith(("visible paywall", "registration wall: visible registration wall"))
    assert result.flags["truncated"].endswith("before the paywall")


@pytest.mark.parametrize("line", LOOK_ALIKES)
def test_an_article_about_walls_keeps_every_line(line):
    text = f"{LEDE}\n{line}\n{SECOND}\n{line}"
    result = cleanser.clean(text)
    assert result.text == text
    assert not any(r.rule == RULE for r in result.removed)


def test_the_box_under_and_above_the_wall_goes_as_one_removal():
    box = ["Jetzt weiterlesen", "Dieser Artikel ist exklusiv für Abonnenten", "Jetzt 4 Wochen für 1 € testen",
           "BZ-Digital Basis 3 € / Monat", "Bereits Abonnent? Hier einloggen"]
    result = cleanser.clean("\n".join([LEDE, SECOND, *box]))
    assert result.text == f"{LEDE}\n{SECOND}"
    (removal,) = result.removed
    assert removal.text == "\n".join(box)
    assert [e.split(" ")[0] for e in removal.evidence] == ["a", "wall", "a", "a", "more"]
    assert "of the wall's box above it" in removal.evidence[0]


def test_the_box_stops_at_the_first_line_that_is_no_part_of_it():
    text = f"{LEDE}\nSubscribe to continue reading\n£1 for 4 weeks\nThe yard was founded in 1889.\n{SECOND}"
    result = cleanser.clean(text)
    assert [r.text for r in result.removed] == ["Subscribe to continue reading\n£1 for 4 weeks"]
    assert "The yard was founded in 1889." in result.text


def test_a_wall_glued_to_a_sentence_is_no_wall_line():
    # The line holds the article's sentence: it stays whole (the flag may still read the wall in it).
    line = "Dansk økonomi vokser hurtigere end ventet. Artiklen er forbeholdt abonnenter på Berlingske."
    assert wall_line(line) is None


def test_offers_and_prices_alone_are_no_wall():
    assert box_line("Digital-Abo 9,99 € / Monat") == "a price"
    assert box_line("Abonnieren Sie unseren Newsletter") is None
    text = f"{LEDE}\n{SECOND}\nDigital-Abo 9,99 € / Monat\nJetzt abonnieren"
    assert not any(r.rule == RULE for r in cleanser.clean(text).removed)


def test_a_lone_wall_phrase_between_two_paragraphs_is_a_subheading():
    html = (f"<article><h1>Bezahlschranken</h1><p>{LEDE}</p><h2>Zugang wählen und weiterlesen</h2><p>{SECOND}</p>"
            "</article>")
    result = cleanser.clean(html)
    assert "Zugang wählen und weiterlesen" in result.text and result.removed == []


def test_wall_lines_inside_an_html_article_go():
    html = (f"<html><body><article><h1>Werft</h1><p>{LEDE}</p><p>{SECOND}</p><p>Exklusiv für Abonnenten</p>"
            "<p>Sie sind bereits Abonnent? Hier anmelden</p></article></body></html>")
    result = cleanser.clean(html, "https://anzeiger.example/werft")
    walls = [r for r in result.removed if r.rule == RULE]
    assert [w.text for w in walls] == ["Exklusiv für Abonnenten\nSie sind bereits Abonnent? Hier anmelden"]
    assert "Abonnent" not in result.text and SECOND in result.text


def test_a_document_that_is_all_wall_keeps_it():
    # Nothing is left to tell the wall from the article: the lines stay (and the flag reads them).
    text = "Exklusiv für Abonnenten\nSie sind bereits Abonnent? Hier anmelden"
    result = cleanser.clean(text)
    assert result.text == text and result.removed == []


def test_the_wall_lines_belong_to_the_generic_plugin(monkeypatch):
    monkeypatch.setenv("CLEANSER_DISABLE_PLUGINS", "generic")
    text = f"{LEDE}\n{SECOND}\nExklusiv für Abonnenten"
    assert cleanser.Cleaner().clean(text).text == text


def test_the_guard_judges_wall_lines_like_any_generic_removal():
    # Over the budget, every untrusted removal is refused: the wall's lines stay, listed with the reason.
    wall = "Subscribe to continue reading\nAlready a subscriber? Log in"
    short = "The yard is sold.\n" * 3
    guarded = cleanser.Cleaner(guard=cleanser.GuardSettings(budget=0.05, min_words=1)).clean(short + wall)
    assert guarded.text == short + wall and guarded.removed == []
    assert [r.rule for r in guarded.refused] == [RULE] and "over the budget" in guarded.refused[0].refused


# --- truncated on plain-text teasers (issue #18) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "end",
    [
        "The operator declined to comment on the cost of the berth. All...",  # an excerpt function's one-word cut
        "The co-operative said it would consider an appeal once the ruling had been published in full....",
    ],
)
def test_a_text_teaser_cut_by_an_excerpt_is_truncated(end):
    assert cleanser.clean(HARBOUR + end).flags["truncated"].startswith("the last paragraph trails off")


def test_a_german_choose_your_access_wall_after_a_cut_text():
    text = (f"{LEDE}\nDie Genossenschaft kündigte an, das Urteil genau zu prüfen und gegebenenfalls\n"
            "Zugang wählen und weiterlesen\nDigital-Abo 9,99 € / Monat\nBereits Abonnent? Hier anmelden")
    result = cleanser.clean(text)
    assert result.text.endswith("zu prüfen und gegebenenfalls")
    assert result.flags["paywalled"] == 'visible paywall in the last lines: "Zugang wählen und weiterlesen"'
    assert result.flags["truncated"].startswith("the last paragraph stops mid-sentence")


@pytest.mark.parametrize(
    "last",
    [
        "Questions about the berth can be sent to ferries@harbour-news.example",
        "The full ruling is published at https://harbour-news.example/ruling",
        "Anyone affected by the closure can call the helpline on 0800 111 222 333",
        "The co-operative will meet again in March to decide on the appeal (Reporting: J. Moss). jm",
        "Our verdict on the new berth: 4 out of 5",
        "Tags: harbour, ferry, fishing, co-operative, dredging, appeal",
        "Want the next council decision on the harbour in your inbox? Sign up here",
        "Harbour Authority, Quay House, 12 Pier Road, Port Ellis PE4 2QT",
    ],
)
def test_a_complete_text_whose_last_line_is_no_sentence_is_not_truncated(last):
    assert "truncated" not in cleanser.clean(HARBOUR + last).flags


def test_the_page_search_finds_what_the_patterns_find():
    from cleanser.stages.walls import PAYWALL, PAYWALL_SEARCH, REGISTRATION, REGISTRATION_SEARCH

    text = " ".join(["Weiter im Text.", *WALL_LINES, *LOOK_ALIKES, "Ende."])
    for plain, fast in ((PAYWALL, PAYWALL_SEARCH), (REGISTRATION, REGISTRATION_SEARCH)):
        assert [m.group(0) for m in fast.finditer(text)] == [m.group(0) for m in plain.finditer(text)]
