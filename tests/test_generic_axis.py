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
    assert [r.text.split("\n") for r in axes] == [["80", "60", "40", "20", "0"],
                                                  ["’19", "’20", "’21", "’22", "’23", "’24"]]
    assert all("chart's axis" in r.evidence[0] for r in axes)
    kept = result.text.split("\n")
    for line in [*ARTICLE, "Ferry passengers a year", "thousand", "Source: harbour authority"]:
        assert line in kept


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
