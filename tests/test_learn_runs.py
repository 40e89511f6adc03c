"""Runs of the template inside the article (`learn/runs.py`), and a learned "read also" link that starts no zone tail
(`stages/inline_links.py`).

The chart archive is `test_learn_recall`'s Harbour Gazette with a chart drawn twice inside every article, at varying
places: year labels and values whose digits change from page to page, a legend word, a unit sign and a title. The
article's own section breaks and a one-off number line must stay.
"""

from __future__ import annotations

import random

import pytest
from test_learn_recall import archive

from cleanser import Cleaner
from cleanser.learn import learn
from cleanser.learn.plugin import plugin_dict
from cleanser.learn.runs import NOT_VERIFIED, lift_runs
from cleanser.learn.settings import LearnSettings
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.rules.model import ruleset_from_dict
from cleanser.settings import Settings

LEGEND, UNIT, TITLE = "RECESSIONS", "%", "Harbour debt as a share of the port's income"
BREAK = "◆ ◆ ◆"  # the article's own section break: letterless, in every page, between its paragraphs
STARS = "* * *"
ONE_OFF = "1907"  # a number on its own line in one article (the year a photo was taken, say)


def chart(rng: random.Random) -> list[str]:
    """One drawing of the chart: its values are the page's own (digits drawn again for every page)."""
    years = [f"’{rng.randint(1, 28)}" for _ in range(6)]
    return [*years, str(rng.randint(2, 99)), f"${rng.randint(100, 999)}", LEGEND, UNIT, str(rng.randint(2, 99)), TITLE]


def chart_archive(count: int = 60) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """The documents, and the lines of each that must stay (the article, its breaks, the one-off number)."""
    rng = random.Random(3)
    docs, articles = archive(count, seed=13)
    out, keep = [], []
    for n, ((url, text), article) in enumerate(zip(docs, articles, strict=True)):
        lines = text.split("\n")
        body = [i for i, line in enumerate(lines) if line in article]
        # Two drawings of the chart (a small and a large one), at places that change from page to page.
        for at in sorted(rng.sample(body[1:], 2), reverse=True):
            lines[at:at] = chart(rng)
        lines.insert(lines.index(article[-2]), BREAK)
        lines.insert(lines.index(article[1]), STARS)
        if n == 7:
            lines.insert(lines.index(article[-1]), ONE_OFF)
        out.append((url, "\n".join(lines)))
        keep.append([line for line in lines if line in article or line in (BREAK, STARS, ONE_OFF)])
    return out, keep


@pytest.fixture(scope="module")
def base():
    return load_plugins([], entry_points=False).rulesets()


@pytest.fixture(scope="module")
def charted(base):
    docs, keep = chart_archive()
    model = learn(docs, base=base).sites[0]
    cleaner = Cleaner(Plugins.from_rulesets(*base, ruleset_from_dict(plugin_dict(model), source="<learned>")),
                      settings=Settings())
    return docs, keep, model, cleaner


def test_a_chart_run_is_learned_by_its_shape_and_verified(charted):
    _, _, model, _ = charted
    rules = {c.template: c for c in model.rules}
    for template in ("’{number}", "${number}", LEGEND, TITLE):
        assert template in rules, template
        assert rules[template].verified  # a line taken for its run is kept only when the held-back documents agree
    assert UNIT in rules or rules[LEGEND].blurb  # the unit sign: a rule, or the short line the legend's rule takes
    assert "runs of the template's lines" in rules["’{number}"].why
    review = {c.template: c.reason for c in model.review}
    # Lone numbers make the run, but never a rule; the article's break is its own.
    assert "{number}" not in rules and "nothing but numbers" in review["{number}"]
    assert BREAK not in rules and "separator" in review[BREAK]


def test_the_chart_goes_and_the_article_its_breaks_and_a_one_off_number_stay(charted):
    docs, keep, _, cleaner = charted
    labels = 0
    for (url, text), kept in zip(docs, keep, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert [line for line in out if line in kept] == kept  # every article line, the breaks, in order
        assert not {LEGEND, UNIT, TITLE} & set(out)
        labels += sum(1 for line in out if line.startswith(("’", "$")))
    assert labels == 0
    assert ONE_OFF in cleaner.clean(docs[7][1], url=docs[7][0]).text.split("\n")


def test_a_label_alone_between_paragraphs_is_no_run(base):
    """The same short line in every page, at varying places inside the article but never beside other template
    lines (a recurring kicker or subheading), stays out: a run needs three lines of the template in a row."""
    rng = random.Random(5)
    docs, articles = archive(60, seed=17)
    edited = []
    for (url, text), article in zip(docs, articles, strict=True):
        lines = text.split("\n")
        lines.insert(lines.index(rng.choice(article[1:-1])), "Analysis")
        edited.append((url, "\n".join(lines)))
    model = learn(edited, base=base).sites[0]
    assert "Analysis" not in {c.template for c in model.rules}
    assert "its position varies" in {c.template: c.reason for c in model.review}["Analysis"]


def test_a_run_line_the_held_back_documents_do_not_verify_goes_to_review(base):
    docs, _ = chart_archive(60)
    # With nothing held back, nothing can be verified: the chart's lines are found, and not kept as rules.
    model = learn(docs, base=base, settings=LearnSettings(hold_back=0)).sites[0]
    review = {c.template: c.reason for c in model.review}
    assert review["’{number}"] == NOT_VERIFIED and review[LEGEND] == NOT_VERIFIED
    assert not lift_runs([], LearnSettings())


LINK = "Czytaj też: Komu dać nowy prom? Spór radnych o port"
PORT = "https://www.portgazette.example/news/1"
ARTICLE = [
    "Radni miasta zatwierdzili w poniedziałek plan budowy nowej przystani promowej po długiej i burzliwej "
    "dyskusji z mieszkańcami portu.",
    "Budowa ma się rozpocząć wiosną, a pierwsze promy mają przypłynąć do nowej przystani jeszcze przed letnim "
    "festiwalem.",
    "Mieszkańcy ulic przy nabrzeżu mówią, że popierają plan, ale chcą, by ścieżka wzdłuż wody była otwarta w "
    "czasie prac.",
]
UNDER = ["Rybacy chcą nowej przystani", "Zdjęcia do pobrania: port.example/foto"]  # the article goes on, short


def test_a_read_also_link_a_learned_rule_claims_starts_no_zone_tail(base):
    """The learned rule names the link with its headline and claims the line before the generic read-also rule;
    the line is still a link between the article's paragraphs, and the short lines under it stay."""
    learned = ruleset_from_dict(
        {"name": "portgazette", "domains": ["portgazette.example"], "priority": 150,
         "rule": [{"id": "czytaj-komu", "match": LINK}, {"id": "comments", "match": "{number} comments"}]},
        source="<learned>",
    )
    cleaner = Cleaner(Plugins.from_rulesets(*base, learned), settings=Settings())
    text = "\n".join([*ARTICLE, LINK, "Czytaj też: Czy port dostanie nowy prom?", *UNDER, "12 comments",
                      "Most popular stories this week"])
    result = cleaner.clean(text, url=PORT)
    assert any(r.rule == "portgazette/czytaj-komu" for r in result.removed)
    out = result.text.split("\n")
    assert out == [*ARTICLE, *UNDER]
    assert LINK not in out and "Most popular stories this week" not in out  # the furniture below still goes


def test_a_charts_values_between_its_learned_labels_go_and_a_year_between_paragraphs_stays(base):
    """The values of a chart stay behind as lone numbers when its labels go (no rule takes any number): those that
    lines removed by named rules enclose go with them; a number between the article's paragraphs stays."""
    learned = ruleset_from_dict(
        {"name": "gazette", "domains": ["harbourgazette.example"], "priority": 150,
         "rule": [{"id": "year", "match": "’{number}", "verified": True},
                  {"id": "price", "match": "${number}", "verified": True},
                  {"id": "legend", "match": LEGEND, "verified": True}]},
        source="<learned>",
    )
    cleaner = Cleaner(Plugins.from_rulesets(*base, learned), settings=Settings())
    article = ARTICLE_EN
    text = "\n".join([article[0], "’17", "26", "$458", "102", "$409", "’8", "24", "6", LEGEND, article[1], ONE_OFF,
                      article[2], "’20", "51", article[3]])
    result = cleaner.clean(text, url="https://www.harbourgazette.example/news/2")
    assert result.text.split("\n") == [article[0], article[1], ONE_OFF, article[2], "51", article[3]]
    values = [r for r in result.removed if r.rule == "generic/chart-values"]
    assert [r.text for r in values] == ["26", "102", "24\n6"]
    assert all("a chart's values" in r.evidence[0] for r in values)


ARTICLE_EN = [
    "The council approved the new footbridge over the river after a long meeting on Tuesday evening with residents.",
    "Work on the bridge will start in the spring and should be finished before the summer festival next year.",
    "Residents who live near the river said they welcomed the plan but asked for the path to stay open meanwhile.",
    "The harbour master said boats would be able to pass under the new bridge at every state of the tide.",
]


def test_a_datelines_shape_in_every_page_with_text_after_it_is_the_templates_and_a_dateline_is_content():
    from cleanser.learn.judge import content_reason

    settings = LearnSettings()
    # The same whole line in nearly every distinct document: no article's opening (that recurs only with another
    # paragraph after it).
    for line in ("HGZ - Hourly Harbour News Since 2019", "The Second Tide: What Does the Almanac Predict?"):
        assert content_reason(line, settings, 1.0) is None
        assert content_reason(line, settings, 0.5) is not None  # in half of them: a dateline or a kicker's shape
    assert content_reason("PORT ELLIS (Gazette Wire) —", settings, 1.0) == "a dateline"  # a dateline alone
    assert content_reason("PORT ELLIS — The council met on Monday.", settings, 0.5) == "a dateline"
    # A byline is one at any share; an instruction that starts with "By" is none.
    assert content_reason("By Mara Quist", settings, 1.0) == "a byline"
    assert content_reason("By clicking accept below, you agree to our cookies", settings, 1.0) is None


NOTICE = (
    "If you have not yet confirmed a subscription to a Harbour Gazette newsletter, you may have to do so, and please "
    "check your inbox or your spam filter for an email from us."
)


def test_a_long_line_at_one_place_inside_every_article_is_learned_when_verified(base):
    """A newsletter box's paragraph halfway down every article: long, between the article's paragraphs, the same
    text at the same place. The series lede (a long line in a fifth of the documents) stays."""
    docs, articles = archive(60, seed=19)
    edited = []
    for (url, text), article in zip(docs, articles, strict=True):
        lines = text.split("\n")
        lines.insert(lines.index(article[len(article) // 2]), NOTICE)
        edited.append((url, "\n".join(lines)))
    model = learn(edited, base=base).sites[0]
    rules = {c.template: c for c in model.rules}
    assert NOTICE.rstrip(".") in rules and rules[NOTICE.rstrip(".")].verified
    assert "at the same place in the article" in rules[NOTICE.rstrip(".")].why
    cleaner = Cleaner(Plugins.from_rulesets(*base, ruleset_from_dict(plugin_dict(model), source="<learned>")),
                      settings=Settings())
    for (url, text), article in zip(edited, articles, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert NOTICE not in out
        assert [line for line in out if line in article] == article
    # Without held-back documents nothing verifies it: it goes to review.
    unverified = learn(edited, base=base, settings=LearnSettings(hold_back=0)).sites[0]
    assert NOTICE.rstrip(".") not in {c.template for c in unverified.rules}
