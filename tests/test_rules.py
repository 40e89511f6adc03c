"""Each rule kind, the order of rules, and the checks that make loading a rule file safe."""

from __future__ import annotations

import pytest
from conftest import make_cleaner

from cleanser import RuleError, ruleset_from_dict
from cleanser.rules.regex import check_backtracking

URL = "https://www.example.com/a"
P1 = "The council approved the new budget on Monday after a debate that lasted more than four hours."
P2 = "Opposition members said the spending plans relied on optimistic forecasts for business rates."
P3 = "The treasurer said the figures would be revisited in the autumn, once the census data is in."


def site(*rules: dict, **extra) -> dict:
    return {"name": "example", "domains": ["example.com"], "rule": list(rules), **extra}


def clean(text: str, *rules: dict, url: str | None = URL, **extra):
    return make_cleaner(site(*rules, **extra)).clean(text, url=url)


def test_line_exact_template_and_regex():
    rules = (
        {"id": "exact", "match": "Story continues below advertisement"},
        {"id": "tpl", "match": "Sign up to {name} newsletter"},
        {"id": "re", "regex": r"more from (?:the )?example"},
    )
    text = "\n".join(
        [
            P1,
            "Story continues below advertisement",
            P2,
            "Sign up to the Morning Brief newsletter",
            "MORE FROM THE EXAMPLE",
            P3,
        ]
    )
    result = clean(text, *rules)
    assert result.text == "\n".join([P1, P2, P3])
    assert [r.rule for r in result.removed] == ["example/exact", "example/tpl", "example/re"]
    assert [r.line for r in result.removed] == [2, 4, 5]


def test_matching_folds_case_quotes_spaces_and_final_punctuation():
    rule = {"id": "r", "match": "Read the original article on Example's site"}
    for line in [
        "read the original article on example’s site.",
        "Read  the original article on Example's site:",
        "READ THE ORIGINAL ARTICLE ON EXAMPLE'S SITE",
    ]:
        assert clean(f"{P1}\n{line}", rule).text == P1, line


def test_template_slots():
    rules = ({"id": "c", "match": "© {year} Example Media"}, {"id": "n", "match": "{number} comments"})
    assert clean(f"{P1}\n© 2024 Example Media\n12 comments", *rules).text == P1
    assert clean(f"{P1}\n© last year Example Media", *rules).text == f"{P1}\n© last year Example Media"


def test_line_never_matches_part_of_a_line():
    rule = {"id": "r", "match": "Advertisement"}
    text = f"{P1}\nAdvertisement revenue fell by a third last year."
    assert clean(text, rule).text == text


def test_blurb_goes_with_its_header_but_stops_at_prose():
    rule = {"id": "r", "match": "Unlock the {name} newsletter for free", "blurb": 1}
    text = f"Unlock the Energy Source newsletter for free\nYour guide to the global energy business\n{P1}\n{P2}"
    assert clean(text, rule).text == f"{P1}\n{P2}"
    # No blurb under the header: the lede is not taken for one.
    assert clean(f"Unlock the Energy Source newsletter for free\n{P1}\n{P2}", rule).text == f"{P1}\n{P2}"


def test_where_top_and_bottom():
    top = {"id": "top", "match": "Listen to this story", "where": "top"}
    bottom = {"id": "bottom", "match": "Read the full article here", "where": "bottom"}
    text = "\n".join(["Listen to this story", P1, "Listen to this story", "Read the full article here", P2,
                      "Read the full article here"])
    result = clean(text, top, bottom)
    assert result.text == f"{P1}\nListen to this story\nRead the full article here\n{P2}"
    assert [(r.rule, r.where) for r in result.removed] == [("example/top", "top"), ("example/bottom", "bottom")]


def test_glued_end_start_and_between_sentences():
    end = {"id": "end", "match": "Read the full article here", "glued": "end"}
    start = {"id": "start", "match": "Unlock the {name} newsletter for free", "glued": "start"}
    both = {"id": "both", "match": "Advertisement - Scroll to Continue", "glued": "both"}
    result = clean(f"{P1}Read the full article here", end)
    assert result.text == P1 and result.removed[0].where == "glued"
    assert clean(f"Unlock the Energy Source newsletter for free{P1}", start).text == P1
    assert clean(f"{P1}Advertisement - Scroll to Continue{P2}", both).text == f"{P1} {P2}"
    # Mentioned inside a sentence, the phrase is content.
    quoted = f"He told readers to read the full article here, on the council's site, before the vote.{P2}"
    assert clean(quoted, end).text == quoted
    camel = "(Reporting by Ann Lee; Editing by Tom Hart)"
    glued = {"id": "std", "match": "Our Standards: The Thomson Reuters Trust Principles", "glued": "end"}
    assert clean(f"{P1}\n{camel[:-1]}Our Standards: The Thomson Reuters Trust Principles.", glued).text == (
        f"{P1}\n{camel[:-1]}"
    )


def test_a_promo_glued_at_the_start_takes_its_own_full_stop():
    """A template's final full stop is optional, so its match stops before it: the stop goes with the promo, and
    the article sentence run on after it (with or without a space) stays whole."""
    footer = {"id": "pmc", "match": "Example is a part of Example Media. All rights reserved.", "glued": "start"}
    for sep in ("", " "):
        result = clean(f"Example is a part of Example Media. All rights reserved.{sep}{P1}\n{P2}", footer)
        assert result.text == f"{P1}\n{P2}", sep
        assert result.removed[0].text == "Example is a part of Example Media. All rights reserved."


def test_block_across_lines_and_inside_a_line():
    rule = {
        "id": "box",
        "kind": "block",
        "start": "skip past newsletter promotion",
        "end": "after newsletter promotion",
    }
    text = "\n".join(
        [
            P1,
            "skip past newsletter promotion",
            "Sign up to First Edition",
            "Our morning email breaks down the key stories of the day",
            "Privacy Notice: …",
            "after newsletter promotion",
            P2,
        ]
    )
    result = clean(text, rule)
    assert result.text == f"{P1}\n{P2}"
    assert len(result.removed) == 1 and result.removed[0].text.count("\n") == 4
    single = f"{P1}skip past newsletter promotionSign up to First Edition after newsletter promotion{P2}"
    assert clean(single, rule).text == f"{P1} {P2}"
    # A paragraph cut mid-sentence by the box is joined again.
    cut = "The plan would cost skip past newsletter promotion Sign up after newsletter promotion more than forecast."
    assert clean(cut, rule).text == cut  # quoted mid-sentence: no sentence boundary before the marker
    lines = [
        "The committee said the plan would",
        "skip past newsletter promotion",
        "Sign up to First Edition",
        "after newsletter promotion",
        "cost more than the council had expected it to cost.",
    ]
    assert clean("\n".join(lines), rule).text == (
        "The committee said the plan would cost more than the council had expected it to cost."
    )


def test_two_blocks_in_one_line_each_take_their_span():
    """The second block's start marker opens the piece the first cut left (after the space between the two): it
    stands at the start of that piece, not inside a sentence."""
    form = {"id": "form", "kind": "block", "start": "Get the free {name} email", "end": "SIGN UP"}
    consent = {"id": "consent", "kind": "block", "start": "I would like to be emailed", "end": "Read our privacy"}
    line = "Get the free Morning email Enter email SIGN UP I would like to be emailed about offers. Read our privacy"
    result = clean(f"{line}\n{P1}", form, consent)
    assert result.text == P1
    assert [r.rule for r in result.removed] == ["example/form", "example/consent"]


def test_block_without_end_marker_removes_nothing():
    rule = {
        "id": "box",
        "kind": "block",
        "start": "skip past newsletter promotion",
        "end": "after newsletter promotion",
        "max_lines": 3,
    }
    text = "\n".join([P1, "skip past newsletter promotion", P2, P3])
    assert clean(text, rule).text == text


def test_tail_only_when_everything_after_is_short():
    rule = {"id": "tail", "kind": "tail", "match": "Most popular"}
    links = "Most popular\nFed holds rates\nStocks slip at the open\nWhy shipping costs are rising"
    assert clean(f"{P1}\n{P2}\n{links}", rule).text == f"{P1}\n{P2}"
    assert len(clean(f"{P1}\n{P2}\n{links}", rule).removed) == 1
    text = f"{P1}\nMost popular\nFed holds rates\n{P2}"
    assert clean(text, rule).text == text


def test_keep_rule_protects_content_from_lower_priority_rules():
    generic = {"name": "gen", "generic": True, "rule": [{"id": "ad", "match": "Advertisement"}]}
    keep = site({"id": "exhibit", "kind": "keep", "match": "Advertisement", "priority": 300})
    cleaner = make_cleaner(generic, keep)
    text = f"{P1}\nAdvertisement\n{P2}"
    assert cleaner.clean(text, url=URL).text == text
    assert cleaner.clean(text, url="https://elsewhere.org/").text == f"{P1}\n{P2}"


def test_a_site_rule_that_narrows_a_position_does_not_stop_a_generic_rule_elsewhere():
    generic = {"name": "gen", "generic": True, "rule": [{"id": "save", "match": "Save this story"}]}
    narrow = site({"id": "save-top", "match": "Save this story", "where": "top"})
    text = f"Save this story\n{P1}\nSave this story"
    result = make_cleaner(generic, narrow).clean(text, url=URL)
    assert result.text == P1
    assert [r.rule for r in result.removed] == ["example/save-top", "gen/save"]
    # A keep rule is how a site keeps the phrase where its own rule does not take it.
    keep = site({"id": "save-top", "match": "Save this story", "where": "top"},
                {"id": "keep", "kind": "keep", "match": "Save this story", "priority": 150})
    assert make_cleaner(generic, keep).clean(text, url=URL).text == f"{P1}\nSave this story"


def test_priority_decides_which_rule_is_named():
    low = {"id": "low", "match": "Advertisement", "priority": 10}
    high = {"id": "high", "regex": "advert(?:isement)?", "priority": 500}
    assert [r.rule for r in clean(f"{P1}\nAdvertisement", low, high).removed] == ["example/high"]


def test_site_rules_apply_only_to_their_site():
    rule = {"id": "r", "match": "Example promo line"}
    text = f"{P1}\nExample promo line"
    assert clean(text, rule, url="https://news.example.com/x").text == P1  # subdomain
    assert clean(text, rule, url="https://notexample.com/x").text == text
    assert clean(text, rule, url=None).text == text


def test_fingerprints_find_the_site_without_url():
    rule = {"id": "r", "match": "Example promo line"}
    text = f"{P1}\nExample promo line\nExample Media Group"
    result = clean(text, rule, url=None, fingerprints=["Example Media Group"])
    assert result.site == "example" and "Example promo line" not in result.text


def test_html_rule_by_css_and_xpath():
    rule = {"id": "h", "kind": "html", "selectors": ["div.newsletter"], "xpath": ["//aside[@data-kind='related']"]}
    page = (
        f"<html><body><article><p>{P1}</p><div class='newsletter'>Sign up now</div>"
        f"<aside data-kind='related'>More stories</aside><p>{P2}</p></article></body></html>"
    )
    result = clean(page, rule)
    assert result.text == f"{P1}\n{P2}"
    assert sorted(r.text for r in result.removed) == ["More stories", "Sign up now"]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"id": "a", "kind": "nope", "match": "x"}, "unknown kind"),
        ({"id": "a", "regex": "(a+)+"}, "catastrophic"),
        ({"id": "a", "regex": "(x|xy)*z"}, "catastrophic"),
        ({"id": "a", "regex": "[unclosed"}, "invalid regular expression"),
        ({"id": "a", "match": "Sign up", "examples": ["Subscribe"]}, "does not match"),
        ({"id": "a", "match": "Sign up", "counter_examples": ["sign up"]}, "counter-example"),
        ({"id": "a", "match": "x", "regex": "x"}, "exactly one"),
        ({"id": "a", "kind": "html"}, "selectors"),
        ({"id": "a", "kind": "html", "selectors": ["div[["]}, "invalid CSS selector"),
        ({"id": "a", "kind": "block", "start": "x"}, "start"),
        ({"id": "A B", "match": "x"}, "id"),
    ],
)
def test_invalid_rules_are_refused_with_plugin_and_rule_named(rule, message):
    with pytest.raises(RuleError) as err:
        ruleset_from_dict(site(rule), source="test.toml")
    assert message in str(err.value)
    assert "test.toml" in str(err.value)


def test_backtracking_check_allows_ordinary_patterns():
    for pattern in [r"sign up (?:for|to) (?: ?[\w'-]{1,30}){0,5} newsletter", r"(?:a|b|cd)*", r".*x.*y", r"\d{4}"]:
        assert check_backtracking(pattern) is None, pattern


def test_hostile_line_cannot_hang_a_regex_rule():
    import time

    rule = {"id": "r", "regex": r"(?:[a-z]{1,40} ?){1,8}!"}
    text = "a" * 5000 + "\n" + ("aaaa " * 2000)
    start = time.perf_counter()
    clean(text, rule)
    assert time.perf_counter() - start < 5


def test_promo_between_sentences_with_its_own_full_stop():
    rule = {"id": "support", "match": "Support our journalism for {price} a month", "glued": "both"}
    line = f"{P1} Support our journalism for £4 a month. {P2}"
    result = clean(line, rule)
    assert result.text == f"{P1} {P2}"
    assert result.removed[0].text == "Support our journalism for £4 a month."


def test_tail_needs_article_above_and_headlines_below():
    rule = {"id": "tail", "kind": "tail", "match": "Explore more on these topics"}
    # At the top, with a cut paragraph below it, the marker does not take the article with it.
    cut = "Explore more on these topics\nThe council approved plans for the new harbour wall after\nmonths of delays."
    assert "months of delays." in clean(cut, rule).text
    tail = f"{P1}\nExplore more on these topics\nHousing\nLocal government"
    assert clean(tail, rule).text == P1


def test_a_tail_closes_a_short_article_too():
    """Any kept line above the marker is article: a one-line story, or the half of a paragraph a promo cut."""
    rule = {"id": "tail", "kind": "tail", "match": "More great stories"}
    short = "What happens next is far from clear."
    assert clean(f"{short}\nMore great stories\nFed holds rates", rule).text == short
    promo = {"id": "promo", "match": "Uncommon Knowledge"}
    cut = "The council approved plans\nUncommon Knowledge\nfor a new footbridge.\nMore great stories"
    once = clean(cut, rule, promo)
    assert once.text == "The council approved plans for a new footbridge."
    assert clean(once.text, rule, promo).text == once.text


def test_a_tail_marker_that_reads_as_a_sentence_is_not_article_below_a_bottom_line():
    """Else the bottom line stays on the first pass and goes on the second, once the tail is gone."""
    tail = {"id": "tail", "kind": "tail", "regex": r"Sign up now to join the Investing Club\b.*"}
    bottom = {"id": "reprints", "match": "Reprints", "where": "bottom"}
    marker = "Sign up now to join the Investing Club and follow every trade the portfolio makes this year."
    result = clean(f"{P1}\n{P2}\nReprints\n{marker}", tail, bottom)
    assert result.text == f"{P1}\n{P2}"
    assert [r.rule for r in result.removed] == ["example/reprints", "example/tail"]
    # A bottom line above article prose stays.
    text = f"{P1}\nReprints\n{P2}"
    assert clean(text, tail, bottom).text == text


def test_cjk_prose_counts_as_prose():
    from cleanser.text import is_prose, word_count

    sentence = "日本政府は二十七日、新しい経済対策を閣議決定し、来年度の予算案に盛り込む方針を示した。"
    assert is_prose(sentence) and word_count(sentence) >= 20
    assert not is_prose("東京都の新しい条例について。") and not is_prose("What happens next is far from clear.")
    # As article prose, it holds a bottom-only line above it in place.
    bottom = {"id": "reprints", "match": "Reprints", "where": "bottom"}
    text = f"{P1}\nReprints\n{sentence}"
    assert clean(text, bottom).text == text


def test_glued_promo_after_a_cjk_sentence():
    rule = {"id": "end", "match": "Read the full article here", "glued": "end"}
    text = f"{P1}\n市议会周一批准了新的公交线路计划。Read the full article here"
    assert clean(text, rule).text == f"{P1}\n市议会周一批准了新的公交线路计划。"


def test_glued_promo_before_a_cjk_sentence():
    """A script without case starts a sentence with any letter (found by the long profile)."""
    rule = {"id": "ad", "match": "Advertisement - Scroll to Continue", "glued": "start"}
    text = "Advertisement - Scroll to Continue市议会周一批准了新的公交线路计划。 The council approved plans."
    assert clean(text, rule).text == "市议会周一批准了新的公交线路计划。 The council approved plans."
    lower = "Advertisement - Scroll to Continue reading the council's plans."
    assert clean(lower, rule).text == lower


def test_control_characters_next_to_a_dropped_element_do_not_crash():
    import cleanser

    assert cleanser.clean("<p><iframe></iframe>\x1b and the rest of the paragraph</p>").text == (
        "and the rest of the paragraph"
    )
    # ... nor in the text the dropped element's tail is joined to (found by the long profile).
    assert cleanser.clean("<!DOCTYPE html>\x1f<script></script>&amp;").text == "&"
    assert cleanser.clean("<p>One\x1f two<script></script> and three.</p>").text == "One two and three."
    html_rule = {"id": "promo", "kind": "html", "selectors": ["span.promo"]}
    page = "<p>The council met on Monday<span class='promo'>Subscribe</span>\x1f and approved the plan.</p>"
    assert clean(page, html_rule).text == "The council met on Monday and approved the plan."


def test_a_regex_rule_is_tried_on_lines_as_long_as_its_examples():
    # The matcher tried a regex only on lines of up to REGEX_MAX_LEN characters: a rule with a longer example
    # passed its own check at load time and then never fired on a real page.
    from cleanser import Cleaner
    from cleanser.plugins import Plugins
    from cleanser.rules.model import REGEX_MAX_LEN, ruleset_from_dict

    notice = "Privacy notice: newsletters may hold news of charities. " + "We use reCaptcha on every form. " * 12
    assert len(notice) > REGEX_MAX_LEN
    rule = {"id": "notice", "regex": "privacy notice: newsletters may hold news of charities\\. [a-z .]{300,500}",
            "examples": [notice.strip()]}
    cleaner = Cleaner(Plugins.from_rulesets(ruleset_from_dict({"name": "x", "domains": ["x.example"], "rule": [rule]})))
    text = f"The vote was close.\n{notice.strip()}\nThe mayor spoke.\n"
    assert cleaner.clean(text, url="https://x.example/a").text == "The vote was close.\nThe mayor spoke."
