"""Copyright footers in the languages of the web: the generic `copyright` rule and the guard's reading of a
line that opens with a copyright sign and a year as a notice, not a sentence."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.stages.guard import reads_as_sentence

BODY = (
    "The council voted on Tuesday to approve the new budget after a long debate that ran late into the night.\n"
    "Members of the public were invited to speak, and several did, raising concerns about the cost of the scheme.\n"
)


@pytest.mark.parametrize(
    "footer",
    [
        "© 1999-2017 Harbour Group Ltd.",
        "©2021 Derechos Reservados. Puerto Noticias es una marca registrada de Puerto Medios S.A.",
        "2023 - Todos los derechos reservados.",
        "Copyright Gazeta do Porto. Todos os direitos reservados.",
        "© 2022 Hafen Verlag GmbH - Alle Rechte vorbehalten",
        "© 2020 Le Petit Port. Tous droits réservés.",
        "© 2019 Porto Editore. Tutti i diritti riservati.",
        "© 2024 Havenblad B.V. Alle rechten voorbehouden.",
    ],
)
def test_a_copyright_footer_goes_in_its_language(footer: str) -> None:
    result = cleanser.clean(BODY + footer)
    assert result.text == BODY.rstrip("\n")
    assert [removal.rule for removal in result.removed] == ["generic/copyright"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Todos los derechos reservados a los socios fueron anulados por el tribunal el viernes pasado.",
        "2024 brachte dem Verlag einen Rekord, alle Rechte vorbehalten blieben beim Autor, sagte er.",
        "Copyright law has not kept up with artificial intelligence, the judge wrote in her ruling.",
    ],
)
def test_an_article_sentence_with_the_words_stays(sentence: str) -> None:
    text = BODY + sentence
    assert cleanser.clean(text).text == text


def test_a_line_opening_with_a_copyright_sign_and_a_year_is_no_sentence() -> None:
    assert not reads_as_sentence("© 1999-2017 Harbour Group Ltd.")
    assert not reads_as_sentence("©2021 Derechos Reservados. Puerto Noticias es una marca registrada.")
    # The sign alone, or a year without it, says nothing: these are read as any line is.
    assert reads_as_sentence("© The photographers kept every right to the pictures they took that day.")
    assert reads_as_sentence("1999 was the year the harbour froze over for the last time.")
