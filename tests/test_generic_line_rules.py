"""Generic line rules in the languages of the web: newsletter sign-up prompts (`newsletter-signup-languages`), tag
and category lines (`tag-line`) and photo credit lines (`photo-credit-line`)."""

from __future__ import annotations

import pytest

import cleanser

BODY = [
    "The harbour board met on Tuesday to decide the future of the old ferry terminal, closed since the spring floods.",
    "Several fishermen spoke against the plan, saying the repairs would block the inner basin for most of the season.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Jetzt kostenlosen Newsletter abonnieren",
        "Melden Sie sich jetzt für unseren Newsletter an!",
        "Inscrivez-vous à notre newsletter",
        "Suscríbete a nuestro boletín: las noticias del puerto cada mañana",
        "Assine nossa newsletter",
        "Iscriviti alla nostra newsletter",
        "Schrijf je in voor onze nieuwsbrief",
        "Zapisz się do newslettera",
        "Prenumerera på vårt nyhetsbrev",
    ],
)
def test_a_sign_up_prompt_goes_in_its_language(line: str) -> None:
    result = cleanser.clean("\n".join([BODY[0], line, BODY[1]]))
    assert result.text == "\n".join(BODY)
    assert [removal.rule for removal in result.removed] == ["generic/newsletter-signup-languages"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Newsletter abonnieren inzwischen mehr als vierzigtausend Leser, sagte die Verlegerin am Montag.",
        "Suscríbete a nuestro boletín fue el lema de la campaña. Nadie lo recuerda hoy, dijo el director.",
        "Die Leser, die den Newsletter abonnieren, bekommen die Nachrichten aus dem Hafen zuerst.",
    ],
)
def test_a_sentence_about_a_newsletter_stays(sentence: str) -> None:
    text = "\n".join([BODY[0], sentence, BODY[1]])
    assert cleanser.clean(text).text == text


@pytest.mark.parametrize(
    "line",
    [
        "Tags: Hafen, Fähre, Stadtrat",
        "Schlagwörter: Hafen, Verkehr",
        "Filed Under: Local, Transport",
        "Étiquettes : port",
    ],
)
def test_a_tag_line_under_the_article_goes(line: str) -> None:
    result = cleanser.clean("\n".join([*BODY, line]))
    assert result.text == "\n".join(BODY)
    assert [removal.rule for removal in result.removed] == ["generic/tag-line"]


def test_a_tag_line_inside_the_article_stays() -> None:
    """Between paragraphs a "Themen: ..." line may be the article's own list: the rule takes the edges only."""
    text = "\n".join([BODY[0], "Themen: Hafen, Fähre, Stadtrat", BODY[1]])
    assert cleanser.clean(text).text == text


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Hafenblatt",
        "Bild: Hafen Media",
        "Photo: Getty Images",
        "Crédit photo : KB / Port Blog",
        "Foto: J. Doe [CC BY-SA 3.0], via Wikimedia Commons",
        "Foto: www.hafen-archiv.de",
    ],
)
def test_a_photo_credit_line_goes(line: str) -> None:
    result = cleanser.clean("\n".join([BODY[0], line, BODY[1]]))
    assert result.text == "\n".join(BODY)
    assert [removal.rule for removal in result.removed] == ["generic/photo-credit-line"]


def test_a_caption_written_as_sentences_stays() -> None:
    text = "\n".join([BODY[0], "Photo: the harbour in 1902, before the fire. It burned for three days.", BODY[1]])
    assert cleanser.clean(text).text == text
