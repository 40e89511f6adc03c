"""Readers' comment threads under the article (`cleanser.stages.generic_zone_comments`): a thread of headers with
dates, timestamps and reply buttons goes from its first marker to the end of the document, in several languages;
a comment form alone is `cms_strings.py`'s, and an article that quotes a mailing list ("Various people wrote:"), a
live blog's timestamps, a table under a heading "Antworten" and a Q&A stay. Every text here is our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_generic_zones import ARTICLE

from cleanser import Cleaner
from cleanser.stages.generic_zone_comments import marker
from cleanser.stages.generic_zones import TAIL_RULE
from cleanser.testing import strategies as cst
from cleanser.testing.articles import Sample
from cleanser.testing.checks import assert_no_loss

CLEANER = Cleaner()

THREAD_EN = [
    "Maria Keller wrote on March 4th, 2024 at 09:12:",
    "I took that ferry every week for ten years and the old terminal was falling apart long before anyone admitted "
    "it, so I am glad something is finally happening.",
    "Reply",
    "Tom Ashby wrote on March 4th, 2024 at 11:40:",
    "Two years late is generous. My brother worked on the quay and says the frame was never right.",
    "Reply",
]
THREAD_DE = [
    "hafenfan schrieb: 04.03.2024 um 09:12 Uhr",
    "Ich bin zehn Jahre lang jede Woche mit der Fähre gefahren. Endlich passiert etwas.",
    "Antworten",
    "Klara M. schrieb: 04.03.2024 um 11:40 Uhr",
    "Zwei Jahre Verspätung ist noch freundlich gesagt.",
    "Antworten",
]
THREAD_FR = [
    "04/03/2024 à 09:12",
    "J'ai pris ce ferry chaque semaine pendant dix ans, et le vieux terminal tombait en ruine.",
    "Répondre",
    "04/03/2024 à 11:40",
    "Deux ans de retard, c'est encore gentil.",
    "Répondre",
]

THREAD_AGO = [
    "Maria Keller • 3 years ago",
    "I took that ferry every week for ten years.",
    "Tom Ashby • 2 years ago",
    "Two years late is generous.",
    "Reply",
]


def tail_zones(lines: list[str], cleaner: Cleaner = CLEANER):
    result = cleaner.clean("\n".join(lines))
    return result, [r for r in result.removed if r.rule == TAIL_RULE]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (THREAD_EN[0], "header+date"),
        (THREAD_DE[0], "header+date"),
        (THREAD_FR[0], "time"),
        ("March 4, 2024 at 9:12 am", "time"),
        ("Reply", "reply"),
        ("Antworten", "reply"),
        ("Répondre", "reply"),
        ("12 Comments", "form"),
        ("Jane Doe says:", "header"),
        ("Maria Keller • 3 years ago", "header+date"),
        ("hafenfan · vor 2 Tagen", "header+date"),
        ("il y a 3 jours", "time"),
        ("Various people wrote:", "header"),
        ("The council said on Tuesday that the ferry would run.", None),
        ("Schedule for March 4", None),
    ],
)
def test_what_marks_a_comment(line, kind):
    assert marker(line) == kind


@pytest.mark.parametrize(
    "thread", [THREAD_EN, THREAD_DE, THREAD_FR, THREAD_AGO], ids=["en", "de", "fr", "how long ago"]
)
def test_a_comment_thread_goes_from_its_first_marker_to_the_end(thread):
    lines = [*ARTICLE, *thread, "Privacy policy"]
    result, zones = tail_zones(lines)
    (zone,) = zones
    assert zone.text.split("\n") == [*thread, "Privacy policy"]
    assert "a comment thread to the end" in zone.evidence[0]
    assert result.text == "\n".join(ARTICLE)


def test_the_first_comment_above_its_only_marker_stays():
    """A thread whose comments carry only a reply button under them: the first comment's text may be the article's
    last paragraph, and stays."""
    first = "I took that ferry every week for ten years and the old terminal was falling apart."
    lines = [*ARTICLE, first, "Reply", "Two years late is generous.", "Reply", "Nobody will say why.", "Reply"]
    result, zones = tail_zones(lines)
    (zone,) = zones
    assert zone.text.split("\n") == lines[len(ARTICLE) + 1 :]
    assert first in result.text


def test_a_comment_form_alone_is_no_thread():
    form = ["Leave a Reply", "Name *", "Email *", "Website", "Post Comment"]
    _, zones = tail_zones([*ARTICLE, *form])
    assert not any("comment thread" in z.evidence[0] for z in zones)


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param(
            [
                "Various people wrote:",
                "The terminal should have been built in concrete from the start, one engineer told the list.",
                "Someone else wrote:",
                "The steel was fine; the contract was not.",
                "The authority replied that it would publish the contract in full.",
            ],
            id="an article quoting a mailing list",
        ),
        pytest.param(
            [
                "14:05 March 4, 2024",
                "The authority's chief executive arrives at the town hall for the meeting.",
                "14:20 March 4, 2024",
                "Residents ask why the bill has gone up by a fifth.",
                "14:41 March 4, 2024",
                "The meeting ends with a promise to publish the contract.",
            ],
            id="a live blog's timestamps",
        ),
        pytest.param(
            [
                "We asked the three parties on the council for their answers:",
                "Antworten",
                "Harbour party: 1",
                "Town first: 0",
                "Greens: 0",
            ],
            id="a table of answers under the word Reply in German",
        ),
        pytest.param(
            [
                "Q: Will the timetable change?",
                "A: No, the ferry company says it will not.",
                "Q: Who pays for the overrun?",
                "A: The authority, from its reserves.",
            ],
            id="a Q&A",
        ),
    ],
)
def test_an_article_s_own_closing_sections_stay(closing):
    result, zones = tail_zones([*ARTICLE, *closing])
    assert not any("comment thread" in z.evidence[0] for z in zones)
    for line in closing:
        assert line in result.text


def test_a_thread_above_more_article_prose_stays():
    lines = [*ARTICLE[:3], *THREAD_EN, *ARTICLE[3:]]
    result, zones = tail_zones(lines)
    assert zones == [] and result.text.split("\n")[-3:] == ARTICLE[3:]


@given(
    article=cst.articles(min_blocks=2, max_blocks=10),
    thread=st.sampled_from([THREAD_EN, THREAD_DE, THREAD_FR, THREAD_AGO]),
    where=st.integers(min_value=0, max_value=10),
)
def test_random_prose_with_an_injected_thread_loses_no_prose(article, thread, where):
    text = article.as_text().split("\n")
    at = min(where, len(text))
    result = CLEANER.clean("\n".join([*text[:at], *thread, *text[at:]]))
    assert_no_loss(Sample(article), result, "text")
