"""Newsletter sign-up prompts in the languages of the web (generic rule `newsletter-signup-languages`)."""

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
