"""'Read also' links in the languages of the web (generic rule `read-also`) and what they say of the page: they
stand between the article's paragraphs, so the article may go on under them."""

from __future__ import annotations

import pytest

import cleanser

PARAGRAPHS = [
    "The harbour board met on Tuesday to decide the future of the old ferry terminal, closed since the spring floods.",
    "Engineers told the board that the pier could be repaired for a fraction of the cost of a new one, if work began "
    "before the winter storms.",
    "Several fishermen spoke against the plan, saying the repairs would block the inner basin for most of the season.",
    "The board chair said a decision would be taken at the next meeting, after a survey of the seabed.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Lesen Sie auch: Hafen bekommt neue Fähre",
        "Lire aussi : Le port va accueillir un nouveau ferry",
        "VEA TAMBIÉN: El puerto tendrá un nuevo ferry",
        "Leia também: Porto terá nova balsa",
        "Leggi anche: Il porto avrà un nuovo traghetto",
        "Czytaj też: Czy port dostanie nowy prom?",
        "Läs också: Hamnen får en ny färja",
        "Читайте также: В порту появится новый паром",
    ],
)
def test_a_read_also_link_between_paragraphs_goes(line: str) -> None:
    text = "\n".join([*PARAGRAPHS[:2], line, *PARAGRAPHS[2:]])
    result = cleanser.clean(text)
    assert result.text == "\n".join(PARAGRAPHS)
    assert [removal.rule for removal in result.removed] == ["generic/read-also"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lesen Sie auch die Stellungnahme des Bürgermeisters, riet der Sprecher am Montag.",
        "Lire aussi les conclusions du rapport, a conseillé la ministre devant les députés.",
    ],
)
def test_the_words_in_a_sentence_stay(sentence: str) -> None:
    text = "\n".join([*PARAGRAPHS[:2], sentence, *PARAGRAPHS[2:]])
    assert cleanser.clean(text).text == text


def test_the_article_goes_on_under_a_read_also_link() -> None:
    """A removed read-also line is no boundary of the page's furniture: the paragraphs under a run of them (and a
    teaser headline) are the article's, even with the comment counter, other furniture and the footer below them.
    As a boundary, a link of the run started a zone tail that took the article's last paragraphs (the shape of a
    site's template around an article in bench/archive_quality.py)."""
    links = [
        f"Czytaj też: {title}"
        for title in (
            "Rybacy protestują w porcie",
            "Czy port dostanie nowy prom?",
            "Nowe nabrzeże. Kto za nie zapłaci?",
            "Sztorm zniszczył molo",
            "Port w liczbach",
            "Latarnia do remontu",
        )
    ]
    first = [
        "When the old ferry terminal closed after the spring floods, few in the town expected it to stay shut "
        "for long, and fewer still expected the argument over its future to last the whole summer.",
        "That is exactly how the harbour board felt after a survey of the pier on Monday, which found the damage "
        "worse than any of the engineers had feared when the water first went down.",
        "The pier's deck rests on timber piles driven into the seabed more than a century ago, and a third of them "
        "have rotted through at the waterline, the survey found.",
    ]
    middle = [
        "After walking the length of the pier with the surveyors, the board's chair said the choice was now between a "
        "costly repair and a new terminal on the other side of the basin.",
        "The most striking part of the survey was a set of photographs taken by divers, which showed piles that had "
        "split from top to bottom under the weight of the deck.",
        "Several fishermen spoke against a new terminal, saying the building works would block the inner basin for "
        "most of the season and cost them their summer catch.",
    ]
    last = [
        "A second engineer, who surveyed the pier last year, said the worst of the damage was below the waterline "
        "and that it had been visible for years.",
        "There is plenty about the repairs that remains to be settled, not least who will pay for the divers and "
        "how long the basin will have to stay closed.",
        "It is easiest to judge the plan on what it leaves unchanged",
    ]
    text = "\n".join(
        [
            "Das Molo und die Stadt",
            "By Lena Halloran",
            *first,
            links[0],
            *middle,
            *links[1:5],
            "Były kapitan portu: molo jest groźne",
            *last,
            "350 comments",
            "Alle Partner von Hafenblatt auf einem Blick",
            "Gedanken über Häfen und Schiffe",
            links[5],
            "starszy analityk ds. portów",
            "© 2025 Harbour Weekly. All rights reserved.",
        ]
    )
    out = cleanser.clean(text).text.split("\n")
    for paragraph in [*first, *middle, *last]:
        assert paragraph in out
    assert not any(link in out for link in links)
