"""A tail of other stories' headlines under the article (`cleanser.stages.generic_zone_teasers`): it goes when the
headlines talk about other things than the article and the run has a furniture line or is long; an article's own
closing list (its words are the article's), a schedule, an introduced list and a short last paragraph stay. Every
text here is our own."""

from __future__ import annotations

import pytest
from test_generic_zones import ARTICLE

from cleanser import Cleaner
from cleanser.stages import generic_zones
from cleanser.stages.generic_zones import TAIL_RULE

CLEANER = Cleaner()  # the default level, `safe`: the detector is switched on there for these tests (below)


@pytest.fixture(autouse=True)
def _teaser_tails_at_safe(monkeypatch, request):
    """The detector runs at `aggressive` only (generic_zones.TEASER_TAIL_LEVELS); these tests judge what it takes
    and leaves, so it runs at `safe` here, where the line scorer leaves the furniture line among the teasers."""
    if request.node.name != "test_the_default_level_leaves_a_teaser_tail_alone":
        monkeypatch.setattr(generic_zones, "TEASER_TAIL_LEVELS", frozenset({"safe", "aggressive"}))

TEASERS = [
    "Village bakery wins national bread award for the third time",
    "Why more families are choosing to holiday at home this summer",
    "New cycle lanes planned for the city centre after long consultation",
    "Local choir prepares for its first concert abroad",
    "Retired teacher completes marathon in every county of the country",
]
SIGN_UP = "More stories from our partners"


def tail_zones(lines: list[str], cleaner: Cleaner = CLEANER):
    result = cleaner.clean("\n".join(lines))
    return result, [r for r in result.removed if r.rule == TAIL_RULE]


def test_teasers_about_other_things_go_with_a_furniture_line_among_them():
    result, zones = tail_zones([*ARTICLE, *TEASERS[:3], SIGN_UP, *TEASERS[3:]])
    (zone,) = zones
    assert zone.text.split("\n") == [*TEASERS[:3], SIGN_UP, *TEASERS[3:]]
    assert "a tail of 6 headlines" in zone.evidence[0] and "1 with furniture words" in zone.evidence[0]
    assert result.text == "\n".join(ARTICLE)


def test_an_advertisement_label_among_the_headlines_is_no_furniture_evidence():
    """A line a rule removed (an advertisement's label) stands inside an article's own list as often as among
    teasers: it does not vouch for the run."""
    result, zones = tail_zones([*ARTICLE, *TEASERS[:3], "Advertisement", *TEASERS[3:]])
    assert zones == [] and all(line in result.text.split("\n") for line in TEASERS)


def test_a_few_teasers_with_no_furniture_line_stay():
    """Five lines about other things and not one furniture word: the shape alone is not enough for a short run."""
    result, zones = tail_zones([*ARTICLE, *TEASERS])
    assert zones == [] and result.text.split("\n")[-5:] == TEASERS


def test_the_article_s_closing_list_stays_though_shaped_like_teasers():
    """Items that talk about what the article talks about are its own list, whatever line stands among them."""
    items = [
        "Passenger hall beside the new ferry terminal",
        "Temporary pontoon next to the lifeboat station",
        "Plans for the car park and the new bus stop",
        "Steel frame dispute with the builder settled",
        "Old warehouses on the quay cleared by the contractor",
    ]
    result, zones = tail_zones([*ARTICLE, *items[:2], SIGN_UP, *items[2:]])
    assert zones == [] and all(item in result.text.split("\n") for item in items)


def test_a_schedule_and_an_introduced_list_stay():
    """Lines with dates or times are a schedule's, and a colon's introduction makes the lines under it a list."""
    schedule = [f"0{d} May: {name} at the Corn Exchange" for d, name in enumerate(
        ["The Ferry Road Fiddlers", "Lantern parade choir", "Brass band of the lifeboat crew", "Folk night",
         "Children's theatre company"], start=1)]
    result, zones = tail_zones([*ARTICLE, *schedule, SIGN_UP])
    assert zones == [] and all(line in result.text for line in schedule)
    result, zones = tail_zones([*ARTICLE, "Other events this month include:", *TEASERS, SIGN_UP])
    assert zones == [] and all(line in result.text for line in TEASERS)


def test_a_short_last_paragraph_under_the_article_stays():
    """The first line under the core may be the article's own last line: a short sentence stays above the zone."""
    last = "More details will follow next week."
    result, zones = tail_zones([*ARTICLE, last, *TEASERS[:3], SIGN_UP, *TEASERS[3:]])
    (zone,) = zones
    assert last in result.text.split("\n") and zone.text.split("\n")[0] == TEASERS[0]


def test_a_legal_footer_and_form_messages_under_the_teasers_go_with_them():
    """A copyright footer written as sentences is no article prose: it does not stop the run, and goes with it."""
    footer = [
        "© Harbour Media 2024. Nothing on these pages may be printed again without asking the editors first.",
        "Your address has been saved!",
        "Something went wrong on our side, sorry!",
    ]
    result, zones = tail_zones([*ARTICLE, *TEASERS, *footer])
    (zone,) = zones
    assert zone.text.split("\n") == [*TEASERS, *footer] and result.text == "\n".join(ARTICLE)


def test_three_sentences_in_a_row_under_the_headlines_stay_with_them():
    """The article going on under a box: three sentences in a row that read as its own keep every line."""
    more = [
        "The harbour master said the pontoon would be checked every morning while the work went on.",
        "Fishing boats will keep their moorings on the north side of the harbour.",
        "The council will publish the final plans for the quay in the autumn.",
    ]
    result, zones = tail_zones([*ARTICLE, *TEASERS[:3], SIGN_UP, *TEASERS[3:], *more])
    assert zones == [] and all(line in result.text.split("\n") for line in [*TEASERS, *more])


def test_the_default_level_leaves_a_teaser_tail_alone():
    result, zones = tail_zones([*ARTICLE, *TEASERS[:3], SIGN_UP, *TEASERS[3:]])
    assert zones == [] and all(t in result.text for t in TEASERS)
