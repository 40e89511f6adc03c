"""Wall wording added in the sixth pass (data/wall_wording.json, stages/wall_wording.py): typeset apostrophes, more
English walls, Korean, "please" before the wording, an offer with a price beside it. Each wall is read in a plain
text and on a page; article sentences that use the same words flag nothing. Texts written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.stages.wall_lines import wall_line, wall_wording
from cleanser.stages.wall_signs import ACCOUNT_PROMPT
from cleanser.stages.wall_wording import typographic

URL = "https://gazette.example/harbour/crane"
OPENING = {
    "en": "The city council voted narrowly on Tuesday night to restore the old harbour crane and to pay for the work "
    "out of the culture budget.",
    "fr": "Le conseil municipal a voté mardi soir, à une courte majorité, la restauration de la vieille grue du port, "
    "financée sur le budget de la culture.",
    "ko": "시의회는 화요일 밤 근소한 차이로 항구의 오래된 크레인을 복원하고 "
    "그 비용을 문화 예산에서 충당하기로 의결했다. 복원 작업은 내년 봄에 시작될 예정이다.",
}

WALLS = [
    ("en", "You’ve reached your limit of free articles."),
    ("en", "You’ve read all your free articles this month. Already a subscriber? Log in"),
    ("fr", "Vous avez atteint votre limite d’articles gratuits."),
    ("en", "Please subscribe to continue reading."),
    ("en", "Subscription required"),
    ("en", "Continue reading your article with a Gazette subscription"),
    ("en", "Subscribe to continue reading. Get unlimited digital access for just $1 a week."),
    ("ko", "유료 구독자 전용 콘텐츠입니다"),
]


def flags(lines: list[str]) -> dict[str, str]:
    return cleanser.clean("\n".join(lines), URL).flags


@pytest.mark.parametrize(("language", "wall"), WALLS)
def test_walls_in_text(language, wall):
    found = flags(["Crane", OPENING[language], wall])
    assert found["paywalled"].startswith("visible paywall"), found
    assert "truncated" in found, found


@pytest.mark.parametrize(("language", "wall"), WALLS)
def test_walls_in_html(language, wall):
    html = (
        "<html><head><title>Crane</title></head><body><article><h1>Crane</h1>"
        f"<p>{OPENING[language]}</p></article><div class='box'><p>{wall}</p></div></body></html>"
    )
    assert cleanser.clean(html, URL).flags["paywalled"].startswith("visible paywall")


@pytest.mark.parametrize(("language", "wall"), WALLS)
def test_a_wall_under_a_long_article_is_a_promo(language, wall):
    body = [OPENING[language]] * 40
    assert "paywalled" not in flags(["Crane", *body, wall])


@pytest.mark.parametrize(
    "sentence",
    [
        "Readers who don’t have an account with the harbour society can still visit the crane on Sundays, the chair "
        "said.",
        "“You’ve reached your limit of free articles,” the pop-up told readers, who complained to the council.",
        "A subscription required by the port authority covers the crane's insurance, according to the minutes.",
        "Subscribe to continue reading, the letter said, but the price of $1 a week put many residents off.",
    ],
)
def test_an_article_sentence_with_the_words_is_no_wall(sentence):
    found = flags(["Crane", OPENING["en"], sentence])
    assert "paywalled" not in found and "truncated" not in found, found


def test_a_typeset_sign_in_prompt_under_a_cut_preview():
    preview = (
        "Engineers put the cost at 1.2 million euros, but most of the debate was about who will run the crane once "
        "it is restored and whether the harbour society can…"
    )
    found = flags(["Crane", OPENING["en"], preview, "Don’t have an account? Sign up"])
    assert "log-in prompt" in found["paywalled"], found
    assert ACCOUNT_PROMPT.search("Vous n’avez pas de compte ?")


def test_typographic_patterns():
    assert typographic("you(?:'ve| have)") == "you(?:['’]ve| have)"
    assert typographic(r"[\"']x\'") == r"[\"'’]x\'"  # inside a class the mark is added; an escaped one stays
    assert wall_line("You’ve reached your limit of free articles.") is not None
    # A quotation stays prose, typeset apostrophes or not.
    assert wall_wording("“Subscribe to continue reading,” it said.") is None
