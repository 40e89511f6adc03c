"""Teasers of other stories written as sentences under the article (`cleanser.stages.generic_zone_excerpts`): they
go, to the end of the document, when a "read more" link ends two of them or bylines mark three; an article whose last
sections are a list, a Q&A, an update, a long quote or a "further reading" of its own sources stays, and so does a
news roundup whose items are about other things but carry no link. Every text here is our own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_generic_zones import ARTICLE

from cleanser import Cleaner
from cleanser.stages.generic_zone_excerpts import linked
from cleanser.stages.generic_zones import TAIL_RULE
from cleanser.testing import strategies as cst
from cleanser.testing.articles import Sample
from cleanser.testing.checks import assert_no_loss

CLEANER = Cleaner()  # the default level, `safe`

LINKED = [
    "Ever wondered why the village shop sells more umbrellas in May than in November? The owner has a… Read more",
    "A retired teacher has walked the coast path from end to end, and she did it in her slippers… Read more",
    "The choir that meets in the old fire station is looking for tenors, and it will take almost… Read more",
]
LINKED_DE = [
    "Die Bäckerei am Markt backt seit hundert Jahren das gleiche Brot. Warum das so bleibt, erklärt die Inhaberin. "
    "Mehr…",
    "Im Sommer fährt wieder der Dampfzug ins Tal. Die Fahrkarten sind schon fast ausverkauft. Mehr…",
    "Der Sportverein sucht Trainer für die Jugend, und die Stadt gibt einen Zuschuss. Mehr…",
]
BYLINED = [
    "The lighthouse keeper's daughter has written a book about the winters she spent on the rock.",
    "By Anna Fields",
    "Sheep farmers on the moor say the new footpath signs confuse more walkers than they help.",
    "By Rob Hale",
    "An old cinema in the market square will show silent films with a live organist again.",
    "By Jo Marsh",
]


def tail_zones(lines: list[str], cleaner: Cleaner = CLEANER):
    result = cleaner.clean("\n".join(lines))
    return result, [r for r in result.removed if r.rule == TAIL_RULE]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (LINKED[0], "cut"),
        ("The village shop sells more umbrellas in May than in November. Read more", "excerpt"),
        (LINKED_DE[1], "excerpt"),
        ("Presidente visitó el hospital de la ciudad y habló con los médicos Leer más", "excerpt"),
        ("Wie gelingt ein guter Anfang im neuen Job? Weiterlesen", "excerpt"),
        ("Continue reading →", "link"),
        ("Lire la suite", "link"),
        ("By Anna Fields", "byline"),
        ("portrait Par Juliette Martin", "byline"),
        ("People in the town say they should read more", None),
        ("Die alte Mühle gibt es nicht mehr", None),
        ("There was nothing more.", None),
        ("Written by the committee of the city council", None),
    ],
)
def test_what_marks_a_teaser(line, kind):
    assert linked(line) == kind


def test_excerpts_that_end_with_a_read_more_link_go_to_the_end():
    footer = ["Privacy policy", "© 2024 Harbour Gazette"]
    result, zones = tail_zones([*ARTICLE, *LINKED, *footer])
    (zone,) = zones
    assert zone.text.split("\n")[:3] == LINKED
    assert "3 ending with a link" in zone.evidence[0] and "of their words in the article" in zone.evidence[0]
    assert result.text == "\n".join(ARTICLE)


def test_excerpts_in_german_with_a_headline_between_them_go():
    lines = [*ARTICLE, LINKED_DE[0], "Neues aus der Region", *LINKED_DE[1:]]
    result, zones = tail_zones(lines)
    (zone,) = zones
    assert zone.text.split("\n") == lines[len(ARTICLE) :]
    assert result.text == "\n".join(ARTICLE)


def test_teasers_each_with_a_byline_go_from_the_first_byline():
    """The first teaser's sentence stands above the first byline: it may be the article's own last paragraph over
    its author's byline, so it stays; the rest goes."""
    result, zones = tail_zones([*ARTICLE, *BYLINED])
    (zone,) = zones
    assert zone.text.split("\n") == BYLINED[1:]
    assert BYLINED[0] in result.text


def test_one_read_more_link_is_not_enough():
    """One excerpt that ends a sentence before its link, under the article: it may be the article's own."""
    excerpt = "The village shop sells more umbrellas in May than in November, its owner says. Read more"
    lines = [*ARTICLE, excerpt, "Privacy policy"]
    result, zones = tail_zones(lines)
    assert zones == [] and excerpt in result.text


def test_bylined_sentences_on_the_article_s_topic_stay():
    """Three bylines under sentences that talk about the terminal and its builder: the article's own contributors'
    notes, not teasers of other stories."""
    own = [
        "The harbour authority published the builder's steel frame estimate for the ferry terminal on Monday.",
        "By Anna Fields",
        "Residents campaigned for the ferry terminal and the passenger hall for ten years.",
        "By Rob Hale",
        "The contractor expects to clear the warehouses on the quay before the passenger hall work starts.",
        "By Jo Marsh",
    ]
    result, zones = tail_zones([*ARTICLE, *own])
    assert zones == [] and all(line in result.text for line in own)


ROUNDUP = [
    "The regional rail company will run extra trains on Saturdays from June, its timetable shows.",
    "A new bakery has opened in the old post office on Mill Street, selling bread from a wood-fired oven.",
    "Volunteers planted four hundred oak saplings along the river bank over the weekend.",
    "The swimming pool on the common will stay closed until the autumn while its roof is repaired.",
    "Tickets for the summer concert in the castle grounds go on sale on Friday morning.",
]


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param(ROUNDUP, id="a news roundup, each item about something else"),
        pytest.param(
            [
                "What readers asked us:",
                "Will the ferry timetable change? No, the company says it will not change during the work.",
                "Where will passengers board? From a temporary pontoon beside the lifeboat station.",
                "Who pays for the overrun? The authority, from its reserves.",
            ],
            id="a Q&A",
        ),
        pytest.param(
            [
                "Update, 14 March: The authority has since said the hall will open in May, not in April.",
                "Correction: An earlier version of this article gave the wrong date for the public meeting.",
                "Editor's note: This article was amended on 15 March to add the ferry company's comment.",
            ],
            id="an update, a correction and an editor's note",
        ),
        pytest.param(
            [
                "Further reading",
                "Harbour Authority, annual report 2023… Read more",
                "Ferry terminal planning application, council papers… Read more",
                "The builder's statement on the steel frame dispute… Read more",
            ],
            id="a further reading of the article's own sources",
        ),
        pytest.param(
            [
                "In a letter to the council, the chief executive wrote: \"We have made mistakes with the steel frame "
                "and the timetable, and we will not hide from them. The terminal will open, the passengers will "
                "board from the pontoon until it does, and the bill will be met from our reserves, not from "
                "higher fees for the ferry company or for the people of this town.\"",
                "By Anna Fields, Rob Hale and Jo Marsh",
            ],
            id="a long quote and the article's byline",
        ),
        pytest.param(
            [
                "Five things to know about the terminal:",
                "- It opens in the spring",
                "- It costs a fifth more than planned",
                "- The bill is met from reserves",
            ],
            id="a list",
        ),
    ],
)
def test_an_article_s_own_closing_sections_stay(closing):
    result, zones = tail_zones([*ARTICLE, *closing])
    assert zones == []
    for line in closing:
        assert line.lstrip("- ") in result.text


def test_teasers_above_more_article_prose_stay():
    """Linked excerpts between the article's paragraphs (a box of related stories in the middle) are no tail:
    the article goes on under them."""
    lines = [*ARTICLE[:3], *LINKED, *ARTICLE[3:]]
    result, zones = tail_zones(lines)
    assert zones == [] and result.text.split("\n")[-3:] == ARTICLE[3:]


TAIL = [*LINKED, "Neues aus der Region", *LINKED_DE, *BYLINED]


@given(article=cst.articles(min_blocks=2, max_blocks=10), where=st.integers(min_value=0, max_value=10))
def test_random_prose_with_an_injected_teaser_tail_loses_no_prose(article, where):
    """Wherever a run of teasers stands (under the article or between its paragraphs), every paragraph, heading,
    list item and quote of the article stays."""
    text = article.as_text().split("\n")
    at = min(where, len(text))
    lines = [*text[:at], *TAIL, *text[at:]]
    result = CLEANER.clean("\n".join(lines))
    assert_no_loss(Sample(article), result, "text")


CUT = "When you walk into the market hall on a Saturday, you are overwhelmed by the smells, the noise,… Read more"


def test_an_excerpt_cut_short_before_its_link_goes_between_the_article_s_paragraphs():
    lines = [*ARTICLE[:3], CUT, *ARTICLE[3:]]
    result = CLEANER.clean("\n".join(lines))
    (removal,) = [r for r in result.removed if r.rule == "generic/teaser-excerpt"]
    assert removal.text == CUT and "ellipsis" in removal.evidence[0]
    assert result.text == "\n".join(ARTICLE)


@pytest.mark.parametrize(
    "line",
    [
        "The harbour master paused. Then she said it again: the terminal will open in the spring. Read more",
        "The terminal will open… in the spring, or so the authority says.",
    ],
    ids=["a sentence's end before the link", "an ellipsis inside a sentence"],
)
def test_a_line_not_cut_short_before_a_link_stays_between_paragraphs(line):
    result = CLEANER.clean("\n".join([*ARTICLE[:3], line, *ARTICLE[3:]]))
    assert line in result.text


def test_a_page_whose_only_text_is_a_cut_excerpt_keeps_it():
    """A teaser page of the article itself: its excerpt and link are all the text there is."""
    result = CLEANER.clean("\n".join(["Harbour terminal delayed again", CUT]))
    assert CUT in result.text


@pytest.mark.parametrize("trail", ["", " »", "…", " ...", ")", " → ", "\u00a0»", ".", "\u3000"])
def test_every_read_more_formula_passes_the_quick_look_at_the_line_end(trail):
    """`linked` searches a line for its link only when the line, stripped of a link's trailing marks, ends with a
    formula's last word: that look must let every formula through, in any case, whatever marks trail it."""
    import re

    from cleanser.stages import generic_zone_excerpts as excerpts

    formulas = excerpts._FORMULA[3:-1].replace("(?:story|article)", "story").split("|")
    assert len(formulas) > 30
    for formula in formulas:
        phrase = re.sub(r"\\s[*+]", " ", formula).replace("\\", "")
        for written in (phrase, phrase.upper(), phrase.title()):
            line = "Seven words of a teaser about the town. " + written + trail
            assert excerpts._READ_MORE.search(line), line
            assert excerpts._link_at_end(line, 0), line
            assert excerpts._link_at_end(line.replace(written, written + " in"), 0) is None


@pytest.mark.parametrize(
    "line",
    ["By Jane Doe", "Por Steven Lee Myers, Keith Bradsher y Tariq Panja", "By Gina Kolata and Ben Mueller",
     "Par Juliette Deborde et Anne Martin", "Von Anna Lena Schmidt und Jan de Boer", "By Ann Lee, Jo Ray & Al Gore"],
)
def test_bylines_of_one_or_several_authors_mark_a_teaser(line):
    assert linked(line) == "byline"


@pytest.mark.parametrize(
    "line",
    ["By the way, the council met again", "By Order of the Court", "By Jane Doe and then some more words here",
     "Por fin llegó la lluvia y Madrid respira"],
)
def test_sentences_that_start_with_by_are_no_bylines(line):
    assert linked(line) is None
