"""The paywalled and truncated flags, on positive and negative pages of our own; a free article is never flagged."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, make_cleaner

import cleanser
from cleanser import RuleError, ruleset_from_dict

PAGES = Path(__file__).parent / "pages"
TEASER = (
    "Shipyard wins frigate order\n"
    "The shipyard on the estuary has won a contract to build three frigates, securing about 1,200 jobs until the "
    "end of the decade, the defence ministry said on Friday.\n"
    "The order, worth an estimated £1.6bn, follows a two-year competition in which the yard was up against a rival "
    "bid from a consortium led by a firm that had promised to move part of the\n"
    "Subscribe to continue reading\n"
    "Already a subscriber? Log in"
)


def test_page_that_says_it_is_not_free():
    result = cleanser.clean((PAGES / "paywalled-smelter.html").read_bytes())
    assert result.flags["paywalled"] == "schema.org isAccessibleForFree is false in JSON-LD (locked part: .paywall)"
    # The teaser stops mid-sentence before the wall: truncated too, and the wall itself is gone.
    assert result.flags["truncated"].startswith("the last paragraph stops mid-sentence")
    assert result.flags["truncated"].endswith("would add roughly\" before the paywall")
    assert "Subscribe" not in result.text and result.to_dict()["flags"] == result.flags


def test_text_that_ends_in_a_wall():
    result = cleanser.clean(TEASER)
    # The wall's lines go (stages/wall_lines.py), and the flag reads them where they stood.
    assert result.flags["paywalled"] == 'visible paywall in the last lines: "Subscribe to continue reading"'
    assert [(r.rule, r.text) for r in result.removed] == [
        ("generic/wall-lines", "Subscribe to continue reading\nAlready a subscriber? Log in")
    ]
    assert "move part of the" in result.flags["truncated"]
    assert result.text.endswith("move part of the")


@pytest.mark.parametrize("wall", ["This article is for subscribers only.", "You have reached your free article limit.",
                                  "To continue reading, please subscribe."])
def test_other_walls(wall):
    text = TEASER.replace("Subscribe to continue reading", wall).replace("move part of the", "move work abroad.")
    result = cleanser.clean(text)
    phrase = result.flags["paywalled"].split('"')[1]
    assert result.flags["paywalled"].startswith("visible paywall") and phrase.lower() in wall.lower()
    assert wall not in result.text and "Already a subscriber" not in result.text
    # The text ends on a full stop, but a wall after a short text means the article goes on behind it.
    assert result.flags["truncated"].startswith("a wall follows the text after")


def test_free_page_with_a_newsletter_box_and_a_log_in_prompt_is_not_flagged():
    result = cleanser.clean((PAGES / "free-ferry-newsletter.html").read_bytes())
    assert result.flags == {}
    # The box was there, and went: by its class (generic HTML detection) or, with that off, by its lines.
    assert any(r.rule == "generic-html/newsletter" for r in result.removed)
    off = cleanser.Cleaner(generic="off").clean((PAGES / "free-ferry-newsletter.html").read_bytes())
    assert off.flags == {} and any(r.rule == "generic/newsletter-signup" for r in off.removed)
    assert result.to_dict()["flags"] == {}


def test_free_text_with_a_newsletter_box_and_prose_about_subscriptions():
    text = (
        "Local paper doubles its digital readers\n"
        "Sign up for our newsletter\n"
        "The Valley Echo has doubled the number of people who pay for its website in a year, its editor said, "
        "after it asked readers to subscribe to continue reading beyond five articles a month.\n"
        "Already have an account? Sign in\n"
        "The paper now has 8,000 digital subscribers and plans to hire two more reporters."
    )
    result = cleanser.clean(text)
    assert result.flags == {}
    assert {r.rule for r in result.removed} == {"generic/newsletter-signup", "generic/account-prompt"}


def test_no_corpus_article_or_negative_is_flagged(cleaner):
    paths = sorted(CORPUS.glob("negative/*")) + sorted(CORPUS.glob("articles/*.input.txt"))
    flagged = {p.name: cleaner.clean(p.read_bytes()).flags for p in paths}
    assert {name: flags for name, flags in flagged.items() if set(flags) & {"paywalled", "truncated"}} == {}


ENDINGS = {
    "an ellipsis with a removed link after it": (
        "The council's plan for the old gasworks site includes 400 homes, a school and a park that would run down "
        "to the canal, but residents fear the…\nContinue reading", True),
    "a credit line": (
        "Associated reporters in the three cities and our data team contributed to this report", False),
    "a sentence that ends": ("The hearing resumes on Monday, when the first witnesses will be called.", False),
    "a short label": ("Additional reporting by the newsroom staff", False),
    "a name": ("The statement was signed by the chief executive and the chair, Margaret Oyelaran", False),
    "a writer's ellipsis with nothing after it": (
        "If you are in the market for a new kettle this winter, the one we tested last is worth a look...", False),
}


@pytest.mark.parametrize("name", list(ENDINGS))
def test_truncated_only_when_the_text_visibly_stops(name):
    ending, truncated = ENDINGS[name]
    text = (
        "Gasworks homes plan goes to inquiry\n"
        "A planning inspector will decide the future of the old gasworks site after the council's plan drew more "
        "than 900 objections.\n" + ending
    )
    rules = {"name": "t", "domains": ["t.example"],
             "rule": [{"id": "continue", "match": "Continue reading", "where": "bottom"}]}
    result = make_cleaner(rules).clean(text, url="https://t.example/x")
    assert ("truncated" in result.flags) is truncated, result.flags


def test_article_ending_with_a_list_is_not_truncated():
    html = (
        "<article><p>The committee set out what it wants from the new operator, which takes over the buses in "
        "April, in a letter published on Thursday:</p><ul><li>later last buses</li><li>cheaper day tickets for "
        "the</li></ul></article>"
    )
    assert cleanser.clean(html).flags == {}


def test_declared_word_count_far_above_an_open_text():
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "wordCount": "1500"}</script>'
        "</head><body><article><p>The regulator fined the water company £3m on Tuesday for a spill that closed "
        "two beaches for a week last summer.</p><p>Officials said the company had known about the fault in "
        "the pumping station since</p></article></body></html>"
    )
    result = cleanser.clean(page)
    assert result.flags == {"truncated": "schema.org wordCount is 1500, the text has 35 words"}


def test_an_inflated_word_count_on_a_finished_text_is_no_cut():
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "wordCount": "1500"}</script>'
        "</head><body><article><p>The regulator fined the water company £3m on Tuesday for a spill that closed "
        "two beaches for a week last summer.</p></article></body></html>"
    )
    assert cleanser.clean(page).flags == {}


def test_any_rule_may_set_a_flag_and_a_refused_removal_sets_none():
    rules = {
        "name": "live",
        "domains": ["live.example"],
        "rule": [
            {"id": "live-banner", "match": "Live updates", "where": "top", "flag": "live_blog"},
            {"id": "greedy", "regex": "By .{10,200}", "flag": "opinion"},
        ],
    }
    text = (
        "Live updates\nStorm Edwina reaches the coast with gusts of 90mph, forecasters said.\n"
        "By the end of the day the storm had moved north over the hills, forecasters said."
    )
    result = make_cleaner(rules).clean(text, url="https://live.example/storm")
    assert result.flags["live_blog"] == 'live/live-banner removed "Live updates"'
    assert "opinion" not in result.flags  # the guard refused that removal: the text stayed, no flag
    assert any(r.rule == "live/greedy" for r in result.refused)


def test_flag_names_are_checked_when_rules_load():
    with pytest.raises(RuleError, match="'flag' must be a lowercase flag name"):
        ruleset_from_dict({"name": "x", "rule": [{"id": "a", "match": "Paywall", "flag": "Pay Walled"}]})
    with pytest.raises(RuleError, match="keep rule removes nothing"):
        ruleset_from_dict({"name": "x", "rule": [{"id": "a", "kind": "keep", "match": "Paywall", "flag": "paywalled"}]})
