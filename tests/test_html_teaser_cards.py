"""A teaser named so that is a link to another page (html_teaser_cards.py): another story's card goes wherever it
stands, audited with its evidence; a standfirst the CMS calls "teaser" and a teaser box whose link is a source written
out stay."""

from __future__ import annotations

import pytest
from test_generic_html import LEDE, SECOND, THIRD
from test_generic_html_shapes import page, removed

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


def intact(text: str) -> bool:
    return LEDE in text and SECOND in text and THIRD in text


CARDS = """<ul class="teaser__news-list">
<li class="teaser__news-list-item"><a class="teaser__news-list-link" href="/news/ferry-winter-timetable">
  <h4 class="teaser__headline">Winter timetable for the ferry</h4>
  <p class="teaser__text">The ferry to the islands will sail twice a day from November, and the late crossing on
  Fridays is dropped until the spring.</p></a></li>
</ul>"""


def test_a_teaser_card_inside_its_link_goes_between_the_paragraphs_too(safe):
    result = safe.clean(page(middle=CARDS))
    assert "Winter timetable" not in result.text and "twice a day" not in result.text and intact(result.text)
    (removal,) = removed(result)["generic-html/teasers"]
    assert '"teaser' in removal.evidence[0] and "of its text in links to other pages" in removal.evidence[0]


def test_a_standfirst_named_teaser_stays(safe):
    # German CMSs call the article's own standfirst a "teaser": it is no link.
    standfirst = '<p class="article-teaser">The board has one month to find the money for a new market hall.</p>'
    result = safe.clean(page(before=standfirst))
    assert "one month to find the money" in result.text
    # ... nor is a teaser box whose link is the article's source, written out.
    source = '<div class="teaser-source"><a href="https://harbour.example.org/report">harbour.example.org/report</a></div>'
    assert "harbour.example.org/report" in safe.clean(page(middle=source)).text


# Another story's card whose excerpt is outside its link: under half of it is link text.
CARD = """<div class="contel100 newsteaser"><a href="/news/ferry-winter-timetable"><h2>Winter timetable</h2></a>
<div class="excerpt">The ferry to the islands will sail twice a day from November, and the late crossing on Fridays
is dropped until the spring, the operator says.</div></div>"""


def test_a_teaser_with_a_link_and_no_prose_under_the_articles_start_goes(safe):
    for place in ("middle", "after"):
        result = safe.clean(page(**{place: CARD}))
        assert "Winter timetable" not in result.text and "twice a day" not in result.text and intact(result.text)
        (removal,) = removed(result)["generic-html/teasers"]
        assert '"newsteaser" in class/id' in removal.evidence[0]
        assert "under the article's first paragraph of prose" in removal.evidence[0]


def test_a_teaser_named_box_above_the_article_or_without_a_link_or_with_prose_stays(safe):
    # Above the first paragraph it is the standfirst, link or not.
    assert "twice a day" in safe.clean(page(before=CARD)).text
    # A standfirst-like box further down with no link to anywhere is no other story's card.
    plain = '<div class="article-teaser">The ferry to the islands will sail twice a day from November.</div>'
    assert "twice a day" in safe.clean(page(middle=plain)).text
    # A box that holds a paragraph of prose of its own is the article's, whatever the CMS calls it.
    prose = f'<div class="teaser-box"><a href="/more">More</a><p>{THIRD}</p></div>'
    result = safe.clean(page(after=prose.replace(THIRD, THIRD.replace("winter", "spring"))))
    assert THIRD.replace("winter", "spring") in result.text
