"""Learned rules verified on held-back documents (`learn/trust.py`) and the guard's template budget for them
(`stages/template_budget.py`).

The archive is `test_learn_recall`'s Harbour Gazette, with all eight "most popular" summaries under every article
and short articles: the template has more words than the article, so the ordinary budget (half a document's
words) refused every learned removal and the pages stayed as they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_learn_recall import CREDIT, HEADING, SERIES_LEDE, SUMMARIES, archive

from cleanser import Cleaner
from cleanser.learn import learn, write_plugins
from cleanser.learn.settings import LearnSettings
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.rules.model import ruleset_from_dict
from cleanser.settings import Settings
from cleanser.stages.template_budget import MIN_PROSE_WORDS


@pytest.fixture(scope="module")
def base():
    return load_plugins([], entry_points=False).rulesets()


@pytest.fixture(scope="module")
def heavy(base, tmp_path_factory):
    """The archive, the learned model, and a cleaner with the learned plugin as `clean --learn` runs it."""
    docs, articles = archive(60, seed=5, summaries=8, sentences=4)
    learning = learn(docs, base=base)
    folder = tmp_path_factory.mktemp("learned")
    write_plugins(learning, folder, LearnSettings())
    plugins = load_plugins([str(folder)], entry_points=False)
    cleaner = Cleaner(Plugins.from_rulesets(*base, *plugins.rulesets()), settings=Settings())
    return docs, articles, learning.sites[0], cleaner, folder


def test_the_template_outweighs_the_articles(heavy):
    docs, articles, _, _, _ = heavy
    heavier = 0
    for (_, text), article in zip(docs, articles, strict=True):
        words = len(text.split())
        heavier += 2 * (words - sum(len(line.split()) for line in article)) > words
    assert heavier == len(docs)


def test_a_template_longer_than_its_articles_goes_and_every_article_line_stays(heavy):
    docs, articles, model, cleaner, _ = heavy
    verified = {c.template for c in model.rules if c.verified}
    assert any(t.startswith(SUMMARIES[0][:60]) for t in verified)
    assert all("held-back documents" in c.verified for c in model.rules if c.verified)
    for (url, text), article in zip(docs, articles, strict=True):
        result = cleaner.clean(text, url=url)
        out = result.text.split("\n")
        assert [line for line in out if line in article] == article  # every article line, in order
        assert HEADING not in article or HEADING in out
        assert not set(SUMMARIES) & set(out) and CREDIT not in out and "Most popular" not in out
        assert not result.refused
        # Past the ordinary budget: the removals say which budget let them through.
        notes = [e for r in result.removed for e in (r.evidence or ()) if e.startswith("template budget")]
        assert notes
    lede = [line for (_, text) in docs for line in text.split("\n") if line == SERIES_LEDE]
    assert lede  # the recurring series lede is content, and stays (checked above with every article line)


def _plugin(verified: bool, extra: list[dict] | None = None):
    rules = [{"id": f"summary-{i}", "match": s, "where": "bottom", "verified": verified} for i, s in
             enumerate(SUMMARIES)]
    return ruleset_from_dict({"name": "gazette", "domains": ["harbourgazette.example"], "priority": 150,
                              "rule": rules + (extra or [])}, source="<test>")


def _page(sentences: list[str]) -> str:
    return "\n".join(["Harbour Gazette", *sentences, "Most popular", *SUMMARIES])


ARTICLE = [
    "The council approved the new footbridge over the river after a long meeting on Tuesday evening with residents.",
    "Work on the bridge will start in the spring and should be finished before the summer festival next year.",
    "Residents who live near the river said they welcomed the plan but asked for the path to stay open meanwhile.",
    "The harbour master said boats would be able to pass under the new bridge at every state of the tide.",
]
URL = "https://www.harbourgazette.example/news/1"


def test_an_unverified_rule_still_cannot_take_over_half_a_document(base):
    cleaner = Cleaner(Plugins.from_rulesets(*base, _plugin(verified=False)), settings=Settings())
    result = cleaner.clean(_page(ARTICLE), url=URL)
    assert not result.removed or all(r.plugin != "gazette" for r in result.removed)
    assert any("budget" in (r.refused or "") for r in result.refused)
    assert all(s in result.text for s in SUMMARIES)


def test_a_verified_template_goes_when_the_article_stays(base):
    cleaner = Cleaner(Plugins.from_rulesets(*base, _plugin(verified=True)), settings=Settings())
    result = cleaner.clean(_page(ARTICLE), url=URL)
    assert not any(s in result.text for s in SUMMARIES)
    assert all(line in result.text.split("\n") for line in ARTICLE)


def test_a_verified_template_stays_when_too_few_sentences_would_be_left(base):
    cleaner = Cleaner(Plugins.from_rulesets(*base, _plugin(verified=True)), settings=Settings())
    short = ARTICLE[:1]
    assert sum(len(s.split()) for s in short) < MIN_PROSE_WORDS
    result = cleaner.clean(_page(short), url=URL)
    assert all(s in result.text for s in SUMMARIES)
    assert any("words of sentences would stay" in (r.refused or "") for r in result.refused)


def test_a_verified_template_makes_no_room_for_another_rule(base):
    # An unverified rule of the same plugin that eats the article: over the budget of what the template leaves.
    eat = {"id": "eat", "regex": r"(?:The|Work|Residents) .{40,}", "where": "any"}
    cleaner = Cleaner(Plugins.from_rulesets(*base, _plugin(verified=True, extra=[eat])), settings=Settings())
    result = cleaner.clean(_page(ARTICLE), url=URL)
    assert all(line in result.text.split("\n") for line in ARTICLE)
    assert all(s in result.text for s in SUMMARIES)  # refused as a whole: the ordinary budget decides


def test_learn_writes_verified_on_the_rules_the_held_back_documents_verify(heavy):
    _, _, model, _, folder = heavy
    text = next(Path(folder).glob("*.toml")).read_text(encoding="utf-8")
    assert text.count("verified = true") == sum(1 for c in model.rules if c.verified) > 0
    assert "verified on" in text  # the evidence, in the rule's description


CHART = ["Harbour traffic, thousand tonnes", "’19", "’24", "%"]  # a chart box's title and its letterless labels
# The article's own section break. (`* * *` is trimmed to nothing as a bullet run: never a candidate at all.)
BREAK = "◆ ◆ ◆"
STARS = "* * *"


def test_a_letterless_chart_label_goes_and_an_article_separator_stays(base):
    """Every page carries a chart box halfway down the article (its title, its year labels and a unit sign, the
    same text every time), and every article a section break two thirds of the way down: both letterless, both in
    every page, both at the same place; the labels are the template's, the break is the article's."""
    docs, articles = archive(60, seed=7)
    edited, kept = [], []
    for (url, text), article in zip(docs, articles, strict=True):
        lines = text.split("\n")
        body = [i for i, line in enumerate(lines) if line in article]
        at = body[len(body) // 2]
        lines[at:at] = CHART
        cut = lines.index(article[(2 * len(article)) // 3])
        lines.insert(cut, BREAK)
        lines.insert(lines.index(article[1]), STARS)
        edited.append((url, "\n".join(lines)))
        kept.append([line for line in lines if line in article or line in (BREAK, STARS)])
    model = learn(edited, base=base).sites[0]
    rules = {c.template for c in model.rules}
    # Each label is learned as its own text (or as the blurb line under the one above it), digits and all.
    assert CHART[0] in rules and "’24" in rules and not any("{number}" in r and "’" in r for r in rules)
    assert BREAK not in rules
    assert "separator" in {c.template: c.reason for c in model.review}[BREAK]
    folder_rules = Plugins.from_rulesets(*base, _learned_ruleset(model))
    cleaner = Cleaner(folder_rules, settings=Settings())
    for (url, text), article in zip(edited, kept, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert [line for line in out if line in article] == article  # the break and every article line
        assert not set(CHART) & set(out)


def _learned_ruleset(model):
    from cleanser.learn.plugin import plugin_dict

    return ruleset_from_dict(plugin_dict(model), source="<learned>")
