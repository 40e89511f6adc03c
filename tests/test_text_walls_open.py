"""A plain text's preview cut at a word without a mark ("... und ob der Verein der"), with a wall's sign under it
(stages/flags.py `_stopped_short`, stages/text_walls.py): walled and truncated in a text as short as a preview,
never alone, never under a long article, never with a comment form's prompt. Texts written for these tests."""

from __future__ import annotations

import pytest

import cleanser

URL = "https://zeitung.example/region/hafen"
CASES = {
    "de": (
        "Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, den alten Hafenkran zu erhalten und die "
        "Sanierung aus dem Kulturetat zu bezahlen.",
        "Die Kosten schätzt das Bauamt auf gut 1,2 Millionen Euro, doch in der Debatte ging es vor allem um die Frage, "
        "wer den Kran künftig betreiben soll und ob der Verein der",
        "Haben Sie noch kein Konto? Registrieren Sie sich hier",
    ),
    "en": (
        "The city council voted narrowly on Tuesday night to restore the old harbour crane and to pay for the work "
        "out of the culture budget.",
        "Engineers put the cost at 1.2 million euros, but most of the debate was about who will run the crane once it "
        "is restored and whether the harbour society can",
        "Subscribe now",
    ),
    "fr": (
        "Le conseil municipal a voté mardi soir, à une courte majorité, la restauration de la vieille grue du port, "
        "financée sur le budget de la culture.",
        "Le coût est estimé à 1,2 million d'euros par les services techniques, mais le débat a surtout porté sur la "
        "question de savoir qui exploitera la grue et si l'association des",
        "Vous n’avez pas de compte ? Inscrivez-vous",
    ),
    "es": (
        "El concejo municipal aprobó el martes por la noche, por una mayoría estrecha, restaurar la vieja grúa del "
        "puerto con fondos del presupuesto de cultura.",
        "Los técnicos calculan un costo de 1,2 millones de euros, pero el debate giró sobre todo en torno a quién "
        "operará la grúa y si la asociación de vecinos del",
        "Suscríbete",
    ),
}


def flags(lines: list[str]) -> dict[str, str]:
    return cleanser.clean("\n".join(lines), URL).flags


@pytest.mark.parametrize("language", sorted(CASES))
def test_a_preview_cut_at_a_word_with_a_walls_sign_under_it(language):
    opening, cut, sign = CASES[language]
    found = flags(["Hafen", opening, cut, sign, "Impressum"])
    assert found["paywalled"].endswith(" ".join(cut.split()[-6:]) + '"'), found
    assert found["truncated"].startswith("the article's last paragraph stops mid-sentence"), found


@pytest.mark.parametrize("language", sorted(CASES))
def test_no_sign_or_a_finished_paragraph_or_a_long_article_is_no_wall(language):
    opening, cut, sign = CASES[language]
    assert flags(["Hafen", opening, cut, "Impressum"]) == {}
    assert flags(["Hafen", opening, cut + " port.", sign]) == {}
    assert "paywalled" not in flags(["Hafen", *([opening] * 40), cut, sign])


def test_a_comment_forms_prompt_in_any_language_is_no_wall():
    opening, cut, _ = CASES["de"]
    found = flags(["Hafen", opening, cut, "Kommentare", "Noch kein Konto? Jetzt registrieren, um zu kommentieren"])
    assert "paywalled" not in found, found


def test_a_credit_or_a_short_line_is_no_cut():
    opening, _, sign = CASES["en"]
    credit = "Additional reporting by Jane Doe and John Roe for the Harbour Gazette in the old town and the port"
    assert "paywalled" not in flags(["Crane", opening, credit, sign])
    assert "paywalled" not in flags(["Crane", opening, "The council will meet again next week to vote on it", sign])


@pytest.mark.parametrize("line", ["4 Wochen für 1 €", "Digital-Abo 9,99 € / Monat", "Essai gratuit", "Try it free"])
def test_a_price_or_a_trial_of_the_walls_box_under_a_cut(line):
    opening, cut, _ = CASES["de"]
    found = flags(["Hafen", opening, cut + " …", line])
    assert found["paywalled"].startswith("a subscription offer follows the cut text"), found
    # Under a finished text it is an advertisement's, and a button alone sells nothing.
    assert flags(["Hafen", opening, cut + " Hafenfreunde.", line]) == {}
    assert "paywalled" not in flags(["Hafen", opening, cut + " …", "Jetzt weiterlesen"])


@pytest.mark.parametrize(
    ("language", "label"),
    [("es", "PARA SUSCRIPTORES"), ("de", "Exklusiv für Abonnenten"), ("en", "Member-only story"), ("fr", "Abonnés")],
)
def test_a_premium_label_above_a_teaser_length_finished_text(language, label):
    opening = CASES[language][0]
    found = flags([label, "Hafen", opening, "Impressum"])
    assert found["paywalled"].startswith("premium label"), found
    assert found["truncated"].startswith("a subscriber's article served as its opening"), found
    # No label, a long text under it, or the label far above among a menu's: no wall shows.
    assert flags(["Hafen", opening, "Impressum"]) == {}
    assert flags([label, "Hafen", *([opening] * 12)]) == {}
    assert flags([label, "Politik", "Wirtschaft", "Sport", "Kultur", "Hafen", opening]) == {}
