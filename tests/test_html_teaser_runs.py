"""Runs of other stories' teasers told by their shape (html_teaser_runs.py): three or more like items, each a headline
link to another page of one site with an excerpt or a picture. They go audited with their evidence; the article's own
lists stay: one introduced by a colon, one of sources on many hosts, a list of names with a word or two each, and a
run whose excerpts are paragraphs of prose (the guard keeps them)."""

from __future__ import annotations

import pytest
from test_html_structures import ARTICLE, page, removed

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins

RULE = "generic-html/teasers"

CARDS = """<ul class="cards">
<li><a href="/harbour/ferry-timetable-changes"><img src="/a.jpg" alt="">Ferry timetable changes for the winter</a>
  <span>3 hours ago</span></li>
<li><a href="/town/library-roof-repair"><img src="/b.jpg" alt="">Library roof to be repaired in spring</a>
  <span>Yesterday</span></li>
<li><a href="/sport/rowing-club-wins"><img src="/c.jpg" alt="">Rowing club wins the coastal regatta</a>
  <span>2 days ago</span></li>
</ul>"""

EXCERPTS = """<div class="list">
<div class="item"><a href="https://kelby.example/a">Dredging starts at the south pier</a>
  <p>Work on the channel begins next week and will last a month.</p></div>
<div class="item"><a href="https://kelby.example/b">New lights for the promenade</a>
  <p>The council has chosen the lamps after a vote among residents.</p></div>
<div class="item"><a href="https://kelby.example/c">Market hall opens its doors</a>
  <p>Visitors can tour the temporary hall on Saturday morning.</p></div>
</div>"""


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


@pytest.mark.parametrize("run", [CARDS, EXCERPTS], ids=["cards-with-pictures", "headlines-with-excerpts"])
def test_a_run_of_teasers_goes_with_its_evidence(safe, run):
    result = safe.clean(page(after=run))
    gone = removed(result, RULE)
    assert gone and all("teasers" in e for r in gone for e in r.evidence)
    assert "Ferry timetable" not in result.text and "Dredging starts" not in result.text
    assert "Library roof" not in result.text and "New lights for the promenade" not in result.text
    assert all(line in result.text for line in ARTICLE)


def test_the_same_run_between_the_article_paragraphs_goes_too(safe):
    result = safe.clean(page(middle=CARDS))
    assert removed(result, RULE) and "Rowing club wins" not in result.text
    assert all(line in result.text for line in ARTICLE)


def test_a_list_the_article_introduces_with_a_colon_stays(safe):
    result = safe.clean(page(after="<p>Three other markets on the coast have made the same move:</p>" + EXCERPTS))
    assert not removed(result, RULE)
    assert "Dredging starts at the south pier" in result.text and "Market hall opens its doors" in result.text


def test_sources_on_many_hosts_stay(safe):
    sources = (
        EXCERPTS.replace("kelby.example/a", "harbours.example.org/report")
        .replace("kelby.example/b", "coastal-survey.example.net/lights")
        .replace("kelby.example/c", "archive.example.com/market")
    )
    result = safe.clean(page(after=sources))
    assert not removed(result, RULE)
    assert "New lights for the promenade" in result.text


def test_a_list_of_names_with_a_word_or_two_each_stays(safe):
    names = """<ul>
<li><a href="/people/ann-hale">Ann Hale</a>, from Kelby</li>
<li><a href="/people/tom-reed">Tom Reed</a>, from Mill Lane</li>
<li><a href="/people/jo-marsh">Jo Marsh</a>, from the quay</li>
</ul>"""
    result = safe.clean(page(after=names))
    assert not removed(result, RULE)
    assert "Ann Hale, from Kelby" in result.text and "Jo Marsh, from the quay" in result.text


def test_a_run_whose_excerpts_are_paragraphs_of_prose_is_kept_by_the_guard(safe):
    long = (
        "The harbour board has said the work will close the south pier to boats for four weeks, and that fishing "
        "boats will berth at the old ferry quay while the channel is dredged to its full depth again."
    )
    run = EXCERPTS.replace("Work on the channel begins next week and will last a month.", long)
    result = safe.clean(page(middle=run))
    assert long in result.text
    assert any(r.rule == RULE and r.refused for r in result.audit)
    # Under the article's last paragraph the run's excerpts are the cards' own prose: it goes (html_tail_boxes.py).
    tail = safe.clean(page(after=run))
    assert long not in tail.text and all(line in tail.text for line in ARTICLE)
    assert any("below the article's last paragraph" in r.evidence[0] for r in removed(tail, RULE))
