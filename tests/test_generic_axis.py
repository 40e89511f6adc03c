"""A chart's axis in a plain text (`cleanser.stages.generic_axis`): lone numbers that count one way, one per line,
go; the chart's words, the article around it, and an article's own figures that do not read as an axis stay. Every
text here is our own."""

from __future__ import annotations

from test_generic_zones import ARTICLE

from cleanser import Cleaner
from cleanser.stages.generic_axis import RULE

CLEANER = Cleaner()  # the default level, `safe`


def axis_removals(lines: list[str], cleaner: Cleaner = CLEANER):
    result = cleaner.clean("\n".join(lines))
    return result, [r for r in result.removed if r.rule == RULE]


def test_a_chart_between_paragraphs_loses_its_ticks_and_keeps_its_words():
    chart = ["Ferry passengers a year", "thousand", "80", "60", "40", "20", "0",
             "’19", "’20", "’21", "’22", "’23", "’24", "Source: harbour authority"]
    lines = [*ARTICLE[:3], *chart, *ARTICLE[3:]]
    result, axes = axis_removals(lines)
    # The two axes stand next to each other: the first takes the second's numbers as its chart's, in one removal.
    assert [r.text.split("\n") for r in axes] == [["80", "60", "40", "20", "0",
                                                   "’19", "’20", "’21", "’22", "’23", "’24",
                                                   "Source: harbour authority"]]
    assert all("chart's axis" in r.evidence[0] for r in axes)
    kept = result.text.split("\n")
    for line in [*ARTICLE, "Ferry passengers a year", "thousand"]:
        assert line in kept
    # The source line right under the ticks is the chart's credit: it goes with the axis above it.
    assert "Source: harbour authority" not in kept and "Source: harbour authority" in axes[-1].text


def test_an_axis_printed_twice_goes_twice():
    ticks = ["$0", "$100", "$200", "$300", "$400"]
    result, axes = axis_removals([*ARTICLE[:2], *ticks, "Cost of a season ticket", *ticks, *ARTICLE[2:]])
    assert len(axes) == 2 and "Cost of a season ticket" in result.text.split("\n")


def test_four_numbers_in_a_row_stay():
    """Four lone numbers may be an article's own (the score of each quarter): an axis needs five."""
    scores = ["12", "19", "24", "31"]
    result, axes = axis_removals([*ARTICLE[:3], *scores, *ARTICLE[3:]])
    assert axes == [] and result.text.split("\n")[3:7] == scores


def test_numbers_that_go_up_and_down_stay():
    """Results of a list that do not count one way (a tally, a table's column) are no axis."""
    tally = ["14", "9", "21", "3", "17", "8"]
    result, axes = axis_removals([*ARTICLE[:3], *tally, *ARTICLE[3:]])
    assert axes == [] and result.text.split("\n")[3:9] == tally


def test_numbered_items_with_words_stay():
    """Lines with a number and words (a list's items, dates, prices with what they buy) are no tick labels."""
    items = ["1 cup of flour", "2 eggs", "3 spoons of sugar", "4 apples", "5 minutes in the oven"]
    years = ["1990 opened", "1995", "2000 rebuilt", "2005", "2010 closed"]
    for lines in (items, years):
        result, axes = axis_removals([*ARTICLE[:3], *lines, *ARTICLE[3:]])
        assert axes == [] and all(line in result.text.split("\n") for line in lines)


def test_years_over_a_century_s_turn_count_on():
    """’85 ’90 ’95 ’00 ’05 ’10: an axis of abbreviated years that crosses 2000 counts one way."""
    years = ["’85", "’90", "’95", "’00", "’05", "’10"]
    result, axes = axis_removals([*ARTICLE[:3], "Berths in use", *years, *ARTICLE[3:]])
    assert [r.text.split("\n") for r in axes] == [years]
    assert "Berths in use" in result.text.split("\n")


CHART = [
    "Ferry fares against fuel costs",  # the title: words an article could hold
    "$640",
    "million",
    "420",
    "%",
    "PROJECTED",
    "FORECAST",
    "300",
    "200",
    "100",
    "0",
    "’96", "’98", "’00", "’02", "’04", "’06",
    "Fuel",  # a legend's name: stays
    "By The Harbour Gazette | Source: port accounts",
]


def test_a_chart_s_values_and_marks_go_with_its_axis_and_its_title_and_legend_stay():
    result, axes = axis_removals([*ARTICLE[:3], *CHART[:-2], CHART[-1], *ARTICLE[3:]])
    assert len(axes) == 1
    taken = axes[0].text.split("\n")
    assert taken == [*CHART[1:-2], CHART[-1]]
    assert "values, marks and source" in axes[0].evidence[0]
    kept = result.text.split("\n")
    assert kept == [*ARTICLE[:3], "Ferry fares against fuel costs", *ARTICLE[3:]]


def test_words_at_the_edge_of_a_chart_stay():
    """Capitals or a lower-case word right above or under the ticks, with no number beyond them, may be the article's
    (a heading in capitals, a one-word line): what goes is enclosed by numbers. A legend's name stops the chart,
    and a source line that does not stand right under it, or that is a sentence of the article, stays."""
    ticks = ["0", "10", "20", "30", "40"]
    source = "Source: the harbour authority's own count, which the council has asked an auditor to check again."
    lines = [*ARTICLE[:2], "BACKGROUND", "eastbound", *ticks, "THE QUAY", "Fuel", "Source: port accounts",
             *ARTICLE[2:4], *ticks, source, *ARTICLE[4:]]
    result, axes = axis_removals(lines)
    assert [r.text.split("\n") for r in axes] == [ticks, ticks]
    kept = result.text.split("\n")
    for line in ["BACKGROUND", "eastbound", "THE QUAY", "Fuel", "Source: port accounts", source, *ARTICLE]:
        assert line in kept
