"""The loss guard: which removals it refuses and why, what a refusal keeps, and how it is reported."""

from __future__ import annotations

import json

import pytest
from conftest import make_cleaner, run_cli

from cleanser import Cleaner, GuardSettings
from cleanser.plugins.manager import load_plugins
from cleanser.rules.model import ruleset_from_dict
from cleanser.rules.regex import anchored_chars, literal_runs
from cleanser.stages.guard import (
    GENERIC_MAX_WORDS,
    MAX_CHARS,
    MIN_ANCHOR,
    reads_as_sentence,
)

URL = "https://www.example.com/a"
P1 = "The council approved the new budget on Monday after a debate that lasted more than four hours."
P2 = "Opposition members said the spending plans relied on optimistic forecasts for business rates."
P3 = "The treasurer said the figures would be revisited in the autumn, once the census data is in."
NO_BUDGET = GuardSettings(min_words=10_000)  # only the per-removal checks


def site(*rules: dict) -> dict:
    return {"name": "example", "domains": ["example.com"], "rule": list(rules)}


def clean(text: str, *rules: dict, settings: GuardSettings = NO_BUDGET, generic: bool = False):
    data = {"name": "example", "rule": list(rules)} if generic else site(*rules)
    return make_cleaner(data, generic=generic, guard=settings).clean(text, url=URL)


# --- what counts as prose -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        (P1, True),
        ("Is the plan affordable?", True),
        ("“People deserve a straight answer.”", True),
        ("(Updates with closing share price.)", True),
        ("市议会周一批准了新的公交线路计划。", True),
        ("Read more.", False),
        ("Harbour bridge plan delayed again", False),
        ("Sign up for our newsletter", False),
        ("Advertisement", False),
        ("Most popular", False),
    ],
)
def test_reads_as_sentence(line, sentence):
    assert reads_as_sentence(line) is sentence


def test_literal_runs_and_anchor():
    rule = ruleset_from_dict(site({"id": "t", "match": "Unlock the {name} newsletter for free"})).rules[0]
    assert set(literal_runs(rule.pattern)) == {"unlock the", "newsletter for free"}
    anchor = anchored_chars(rule, "Unlock the Energy Source newsletter for free")
    assert anchor == len("unlock the") + len("newsletter for free")
    assert literal_runs(".{40,}") == ()
    wild = ruleset_from_dict(site({"id": "w", "regex": r"(?:the|a) .{20,}"})).rules[0]
    assert anchored_chars(wild, P1) == 3 < MIN_ANCHOR


# --- the checks -------------------------------------------------------------------------------------------------


def test_a_generic_rule_never_takes_a_long_prose_line():
    long_line = " ".join([P1.rstrip("."), "and", P2[0].lower() + P2[1:]])
    assert len(long_line.split()) > GENERIC_MAX_WORDS
    rule = {"id": "council", "regex": "the council approved .{10,400}"}
    result = clean(f"{long_line}\n{P3}", rule, generic=True)
    assert result.text == f"{long_line}\n{P3}"
    assert result.removed == []
    assert [r.rule for r in result.refused] == ["example/council"]
    assert "a generic rule would remove" in result.refused[0].refused
    # The same rule on a short line that is no sentence is let through.
    assert clean(f"The council approved it in the end\n{P3}", rule, generic=True).text == P3


def test_a_generic_html_rule_never_takes_a_paragraph_of_prose():
    long_line = " ".join([P1.rstrip("."), "and", P2[0].lower() + P2[1:]])
    rule = {"id": "promo-box", "kind": "html", "selectors": ["div.promo"]}
    page = (
        f'<article><div class="promo"><p>{long_line}</p></div><p>{P3}</p>'
        '<div class="promo"><p>Get the Morning Brief in your inbox</p></div></article>'
    )
    result = clean(page, rule, generic=True)
    assert result.text == f"{long_line}\n{P3}"
    assert [r.text for r in result.removed] == ["Get the Morning Brief in your inbox"]
    assert [r.rule for r in result.refused] == ["example/promo-box"]
    assert "a generic HTML rule would remove" in result.refused[0].refused
    assert result.flags["guard"].startswith("refused example/promo-box: a generic HTML rule")
    assert result.to_dict()["refused"][0]["kind"] == "html"
    # A site's HTML rule is its author's word on the site's own boxes (comments, teasers): not refused.
    assert clean(page, rule).text == P3
    # Nor with the guard off.
    off = make_cleaner({"name": "example", "rule": [rule]}, generic=True, guard=GuardSettings(enabled=False))
    assert off.clean(page, url=URL).text == P3


def test_a_rule_that_matches_a_sentence_only_through_wildcards_is_refused():
    result = clean(f"{P1}\n{P2}\nA short heading line here", {"id": "eat", "regex": ".{20,}"})
    assert result.text == f"{P1}\n{P2}"  # the heading is no sentence: it goes, the sentences stay
    assert [r.text for r in result.refused] == [P1, P2]
    assert all("recognised only 0 characters" in r.refused for r in result.refused)
    assert result.flags["guard"].startswith("refused example/eat: the removal reads as a sentence")
    assert result.flags["guard"].endswith("(and 1 more)")


def test_when_the_winning_rule_is_refused_the_next_rule_gets_the_line():
    eat = {"id": "eat", "regex": ".{20,}", "priority": 900}
    pitch = {"id": "pitch", "match": "Sign up for the {name} newsletter, a weekly look at {topic}."}
    promo = "Sign up for the Harbour Notes newsletter, a weekly look at the port."
    result = clean(f"{P1}\n{promo}\n{P2}", eat, pitch)
    assert result.text == f"{P1}\n{P2}"
    assert [r.rule for r in result.removed] == ["example/pitch"]
    assert [r.text for r in result.refused] == [P1, promo, P2]
    # A keep rule below the refused one protects the line from the rules under it.
    keep = {"id": "keep", "kind": "keep", "match": "Sign up for the Harbour Notes newsletter, {rest}", "priority": 500}
    assert clean(f"{P1}\n{promo}\n{P2}", eat, pitch, keep).text == f"{P1}\n{promo}\n{P2}"


def test_a_promo_sentence_the_rule_names_literally_is_removed():
    rule = {"id": "pitch", "match": "Sign up for the {name} newsletter, a weekly look at {topic}."}
    promo = "Sign up for the Harbour Notes newsletter, a weekly look at the port and its people."
    result = clean(f"{P1}\n{promo}\n{P2}", rule)
    assert result.text == f"{P1}\n{P2}" and result.refused == []


def test_a_blurb_that_reads_as_a_sentence_is_refused():
    rule = {"id": "box", "match": "Sign up to {name}", "blurb": 1}
    lede = "The museum will open daily from nine until five."
    pitch = "Our weekly newsletter brings you the best of the port."
    for trusted in (False, True):
        # A sentence that names no pitch ("daily" is no pitch word) is no blurb: apply does not take it and the
        # guard has nothing to refuse (one vocabulary, cleanser.text.PITCH, for both).
        result = clean(f"Sign up to Morning Post\n{lede}\n{P1}", {**rule, "trusted": trusted})
        assert result.text == f"{lede}\n{P1}"
        assert result.refused == []
    # A trusted rule's blurb may be a sentence when it names what it pitches; an untrusted rule's may not.
    assert clean(f"Sign up to Morning Post\n{pitch}\n{P1}", {**rule, "trusted": True}).text == P1
    untrusted = clean(f"Sign up to Morning Post\n{pitch}\n{P1}", rule)
    assert untrusted.text == f"{pitch}\n{P1}"
    assert [(r.kind, r.text) for r in untrusted.refused] == [("blurb", pitch)]
    # A pitch that is no sentence goes with its header.
    assert clean(f"Sign up to Morning Post\nYour daily guide to the port\n{P1}", rule).text == P1


def test_one_pitch_vocabulary_names_what_is_pitched_and_not_words_common_in_articles():
    from cleanser.text import names_pitch

    for article in ("The museum will open daily from nine until five.", "Bus travel is free for pupils.",
                    "The council posts updates on the works every week.", "Her guide to the coast sold well."):
        assert not names_pitch(article), article
    for pitch in ("Get the briefing in your inbox.", "Sign up for our newsletter.", "Download the app.",
                  "Subscribe to the podcast.", "Our weekly email digest."):
        assert names_pitch(pitch), pitch


def test_under_a_refused_blurb_line_the_next_ones_are_no_blurb_either():
    rule = {"id": "picks", "match": "Trending Reader Picks", "blurb": 3}
    lede = "市议会周一批准了新的公交线路计划。"  # a sentence the blurb stage reads as a pitch (no ASCII full stop)
    heading = "Harbour bridge plan delayed again"
    result = clean(f"{P1}\nTrending Reader Picks\n{lede}\n{heading}\n{P2}", rule)
    assert result.text == f"{P1}\n{lede}\n{heading}\n{P2}"
    assert [r.text for r in result.refused] == [lede, heading]
    assert "the blurb line above it was refused" in result.refused[1].refused


def test_a_refused_blurb_line_that_is_itself_a_promo_still_goes_to_its_own_rule():
    header = {"id": "digest", "match": "Unlock the Editor's Digest for free", "blurb": 1}
    prompt = {"id": "account", "match": "Create your free account or log in to get the newsletter"}
    text = f"Unlock the Editor's Digest for free\nCreate your free account or log in to get the newsletter.\n{P1}"
    result = clean(text, header, prompt)
    assert result.text == P1
    assert [(r.rule, r.kind) for r in result.removed] == [("example/digest", "line"), ("example/account", "line")]
    assert [(r.rule, r.kind) for r in result.refused] == [("example/digest", "blurb")]


def test_a_box_never_takes_a_paragraph_but_its_marker_lines_still_go():
    box = {"id": "box", "kind": "block", "start": "Sign up for Example News", "end": "you agree to our Terms"}
    lines = {"id": "lines", "regex": "(?:sign up for example news|by signing up, you agree to our terms)"}
    paragraph = f"{P1} {P2}"
    text = f"Sign up for Example News\n{paragraph}\nBy signing up, you agree to our Terms"
    result = clean(text, box, lines)
    assert result.text == paragraph
    assert "a paragraph of prose" in result.refused[0].refused
    assert [r.rule for r in result.removed] == ["example/lines", "example/lines"]
    # A box of short pitch lines goes whole.
    pitch = "Sign up for Example News\nThe week's best stories, every Friday.\nBy signing up, you agree to our Terms"
    assert clean(f"{P1}\n{pitch}\n{P2}", box, lines).text == f"{P1}\n{P2}"


def test_a_long_piece_is_refused_unless_the_rule_is_trusted():
    box = [f"Offer line {n} for readers who join the members club this month" for n in range(12)]
    text = "\n".join([P1, "Members club", *box, "End of offer", P2])
    rule = {"id": "club", "kind": "block", "start": "Members club", "end": "End of offer", "max_lines": 15}
    result = clean(text, rule)
    assert result.text == text
    assert f"limit {MAX_CHARS}" in result.refused[0].refused
    assert clean(text, {**rule, "trusted": True}).text == f"{P1}\n{P2}"


def _budget_doc() -> tuple[str, list[dict]]:
    """Four paragraphs, each followed by four promo lines: the promos are 60% of the words."""
    lines = []
    for n, p in enumerate([f"{P1} {P2}", f"{P2} {P3}", f"{P3} {P1}", f"{P2} {P1}"]):
        lines.append(p)
        lines += [f"Sign up to the Example {n}{k} Daily newsletter today and get every story first" for k in "abcd"]
    return "\n".join(lines), [{"id": "signup", "match": "Sign up to the Example {n} Daily newsletter {rest}"}]


def test_removals_over_the_budget_are_all_refused():
    text, rules = _budget_doc()
    result = clean(text, *rules, settings=GuardSettings())
    assert result.text == text
    assert len(result.refused) == 16 and result.removed == []
    assert "over the budget of 50%" in result.flags["guard"]
    # A larger budget lets them through; so does a document below min_words.
    assert "Sign up" not in clean(text, *rules, settings=GuardSettings(budget=0.7)).text
    assert "Sign up" not in clean(text, *rules, settings=GuardSettings(min_words=1000)).text
    # Trusted rules are outside the budget.
    trusted = [{**r, "trusted": True} for r in rules]
    assert "Sign up" not in clean(text, *trusted, settings=GuardSettings()).text


def test_a_tail_never_takes_a_sentence_even_when_trusted():
    marker = {"id": "more", "kind": "tail", "match": "More stories", "trusted": True}
    line = {"id": "more-line", "match": "More stories"}
    links = "More stories\nHarbour bridge plan delayed again\nLibrary merger wins a reprieve"
    assert clean(f"{P1}\n{links}", marker, line).text == P1
    # A quoted sentence the tail stage takes for a headline (it ends with a quote mark) is a sentence to the guard.
    ending = "“Nobody knows why it failed.”"
    result = clean(f"{P1}\nMore stories\n{ending}", marker, line)
    # The tail is refused; the marker line still goes to the line rule that matches it on its own.
    assert result.text == f"{P1}\n{ending}"
    assert [r.rule for r in result.refused] == ["example/more"]
    assert [r.rule for r in result.removed] == ["example/more-line"]


def test_when_a_tail_is_refused_a_later_marker_gets_its_chance():
    tail = {"id": "more", "kind": "tail", "regex": "(?:more stories|filed under)", "trusted": True}
    line = {"id": "more-line", "match": "More stories"}
    ending = "“Nobody knows why it failed.”"
    result = clean(f"{P1}\nMore stories\n{ending}\nFiled under\nCouncils", tail, line)
    assert result.text == f"{P1}\n{ending}"
    assert [(r.rule, r.text) for r in result.removed] == [
        ("example/more-line", "More stories"),
        ("example/more", "Filed under\nCouncils"),
    ]
    assert [r.rule for r in result.refused] == ["example/more"]
    assert clean(result.text, tail, line).text == result.text  # and cleaning again changes nothing


def test_a_tail_never_takes_the_end_of_a_sentence_it_cut():
    marker = {"id": "more", "kind": "tail", "match": "Explore more on these topics", "trusted": True}
    text = f"{P1}\nThe council approved plans for a new footbridge\nExplore more on these topics\nover the river"
    result = clean(text, marker)
    assert result.text == text and "ends a sentence cut by it" in result.refused[0].refused


# --- what a refusal keeps: every line exactly as it was --------------------------------------------------------

REFUSE_ALL = GuardSettings(budget=0.0, min_words=0)
BOX = {"id": "box", "kind": "block", "start": "skip past newsletter promotion", "end": "after newsletter promotion"}
GLUED_END = {"id": "full", "match": "Read the full article here", "glued": "end"}
GLUED_START = {"id": "unlock", "match": "Unlock the {name} newsletter for free", "glued": "start"}
INLINE = {"id": "scroll", "match": "Advertisement - Scroll to Continue", "glued": "both"}


HARBOUR_BOX = {
    "id": "box", "kind": "block", "start": "Sign up for Harbour Notes", "end": "By signing up, you agree to our terms",
    "trusted": True,
}
SIGNUP = {"id": "signup", "regex": "Sign up for Harbour Notes|By signing up, you agree to our terms"}


def test_a_box_never_takes_half_of_a_paragraph_it_cut():
    """The box's end marker cut a paragraph: its first half, between the markers, runs on below the box."""
    rest = "for a new footbridge over the river on Monday."
    end = "By signing up, you agree to our terms"
    text = "\n".join(["Sign up for Harbour Notes", "The council approved plans", end, rest, P2])
    result = clean(text, HARBOUR_BOX, SIGNUP)
    assert result.text == f"The council approved plans {rest}\n{P2}"
    assert [r.rule for r in result.refused] == ["example/box"]
    assert "runs on into the article below it" in result.refused[0].refused
    assert [r.rule for r in result.removed] == ["example/signup", "example/signup"]
    # The same with a heading above the box: the heading does not end a sentence either, but it is no half.
    heading = "Harbour bridge plan delayed again"
    result = clean(f"{heading}\n{text}", HARBOUR_BOX, SIGNUP)
    assert result.text == f"{heading}\nThe council approved plans {rest}\n{P2}"
    # A box between the halves of a paragraph, whose line says what it pitches, is a box.
    cut = "\n".join(["The council approved plans", "Sign up for Harbour Notes", "Our weekly newsletter", end, rest])
    assert clean(cut, HARBOUR_BOX, SIGNUP).text == f"The council approved plans {rest}"
    # One whose line names no pitch looks like the heading case from inside: the line stays, no word is lost.
    cut = "\n".join(["The council approved plans", "Sign up for Harbour Notes", "Weekly news from the port", end, rest])
    result = clean(cut, HARBOUR_BOX, SIGNUP)
    assert "Sign up" not in result.text and "By signing up" not in result.text
    assert "The council approved plans" in result.text and rest in result.text
    # And a pitch line over a byline is a pitch line.
    byline = "\n".join(["Sign up for Harbour Notes", "Weekly news from the port", end, "by Ana Ruiz", P1])
    assert clean(byline, HARBOUR_BOX, SIGNUP).text == f"by Ana Ruiz\n{P1}"


def test_a_blurb_never_takes_the_rest_of_a_sentence_above_it():
    header = {"id": "header", "match": "Sign up for Harbour Notes", "blurb": 1, "trusted": True}
    line = {"id": "skip", "match": "Skip past newsletter promotion"}
    text = "\n".join(["The council approved plans for", "Skip past newsletter promotion", "Sign up for Harbour Notes",
                     "the harbour wall", P2])
    result = clean(text, header, line)
    assert "the harbour wall" in result.text and "Sign up" not in result.text
    assert "continues the article above it" in result.refused[0].refused


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (f"{P1}Read the full article here", GLUED_END),
        (f"{P1} Read the full article here.", GLUED_END),
        (f"Unlock the Energy Source newsletter for free{P1}", GLUED_START),
        (f"{P1}Advertisement - Scroll to Continue{P2}", INLINE),
        (f"{P1} Advertisement - Scroll to Continue {P2}", INLINE),
        (f"{P1}skip past newsletter promotionSign up to First Edition after newsletter promotion{P2}", BOX),
        (f"{P1} skip past newsletter promotion\nSign up to First Edition\nafter newsletter promotion {P2}", BOX),
        ("The committee said the plan would\nskip past newsletter promotion\nSign up\nafter newsletter promotion\n"
         "cost more than the council had expected it to cost.", BOX),
        (f"{P1}\n\nskip past newsletter promotion\n\nSign up\n\nafter newsletter promotion {P2}\n\n{P3}", BOX),
    ],
    ids=["glued-end", "glued-end-spaced", "glued-start", "inline", "inline-spaced", "box-in-a-line",
         "box-across-lines", "box-cutting-a-paragraph", "box-blank-lines"],
)
def test_a_refused_removal_keeps_every_line_exactly(text, rule):
    applied = clean(text, rule, settings=GuardSettings(enabled=False))
    assert applied.removed, "the rule must fire for the test to mean anything"
    result = clean(text, rule, settings=REFUSE_ALL)
    assert result.text == text
    assert result.removed == [] and len(result.refused) == len(applied.removed)
    assert "guard" in result.flags


# --- how a refusal is reported ----------------------------------------------------------------------------------


def test_refused_removals_are_in_the_result_and_its_json_in_document_order():
    rules = ({"id": "eat", "regex": ".{40,}"}, {"id": "ad", "match": "Advertisement"})
    result = clean(f"{P1}\nAdvertisement\n{P2}\n{P3}", *rules)
    assert [r.rule for r in result.removed] == ["example/ad"]
    assert [r.text for r in result.refused] == [P1, P2, P3]
    data = json.loads(json.dumps(result.to_dict()))
    assert [r["text"] for r in data["refused"]] == [P1, P2, P3]
    assert all(r["rule"] == "example/eat" and "recognised only 0" in r["refused"] for r in data["refused"])
    assert [r["rule"] for r in data["removed"]] == ["example/ad"] and "refused" not in data["removed"][0]
    assert data["flags"]["guard"] == result.flags["guard"]
    assert [(r["line"], r["where"]) for r in data["refused"]] == [(1, "top"), (3, "inline"), (4, "bottom")]


def test_cli_json_shows_the_flag_and_refused_entries(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "broken.toml").write_text(
        'name = "broken"\ndomains = ["broken.example"]\n[[rule]]\nid = "eat"\nregex = ".{40,}"\n', encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text(f"{P1}\n{P2}\n", encoding="utf-8")
    args = ["clean", str(article), "--url", "https://broken.example/x", "--plugins-dir", str(plugins)]
    doc = json.loads(run_cli(*args, "--format", "json").stdout)
    assert doc["text"] == f"{P1}\n{P2}\n"  # nothing removed: the file as it was
    assert doc["flags"]["guard"].startswith("refused broken/eat")
    assert [r["rule"] for r in doc["refused"]] == ["broken/eat", "broken/eat"]
    off = json.loads(run_cli(*args, "--format", "json", "--no-guard").stdout)
    assert off["text"] == "" and off["refused"] == [] and "guard" not in off["flags"]
    proc = run_cli(*args, "--budget", "1.5")
    assert proc.returncode == 2 and b"--budget: must be a share between 0 and 1" in proc.stderr


def test_guard_settings_are_checked():
    with pytest.raises(ValueError, match="between 0 and 1"):
        GuardSettings(budget=1.5)
    with pytest.raises(ValueError, match="min_words"):
        GuardSettings(min_words=-1)


# --- the bundled rules and the guard agree -----------------------------------------------------------------------

PLUGINS = load_plugins(entry_points=False)
CLEANER = Cleaner(PLUGINS)


def _example_documents():
    for rs in PLUGINS.rulesets():
        url = f"https://www.{rs.domains[0]}/" if rs.domains else None
        for rule in rs.rules:
            if rule.kind not in ("line", "tail"):
                continue
            for example in rule.examples:
                if rule.kind == "tail" or rule.where == "bottom":
                    yield rule.qualified, f"{P1}\n{P2}\n{example}", url
                else:
                    yield rule.qualified, f"{example}\n{P1}\n{P2}", url


def test_the_guard_accepts_every_rule_s_own_examples():
    """A rule's examples are promo its author vouches for: the guard must not refuse them in a plain article."""
    refused = []
    for name, text, url in _example_documents():
        result = CLEANER.clean(text, url=url)
        refused += [f"{name}: {r.rule}: {r.text!r}: {r.refused}" for r in result.refused]
    assert refused == [], "\n".join(refused)


def test_a_box_whose_end_marker_is_glued_to_the_next_paragraph_keeps_everything_after_the_marker():
    # Issue 12 item 5: single-string scrapes glue the box's end marker onto the next paragraph. The box ends at the
    # first end marker after its start; before, an end marker followed by a dash was passed over and the box ran
    # on to the next box's end marker, taking the article between them.
    box = {"id": "box", "kind": "block", "start": "skip past newsletter promotion", "end": "after newsletter promotion"}
    pitch = "skip past newsletter promotionSign up to First Edition. Our morning email.after newsletter promotion"
    second = "skip past newsletter promotion\nSign up to First Edition\nafter newsletter promotion"
    for after in ("The council said it would appeal.", "— The council said it would appeal."):
        text = f"The vote was on Monday.{pitch}{after}\nThe vote was close.\n{second}\nIt ends here."
        result = clean(text, box)
        assert result.text == f"The vote was on Monday. {after}\nThe vote was close.\nIt ends here."
    # "...promotions" is no end marker: the box does not end there, and nothing of the line goes.
    text = "The vote was on Monday.skip past newsletter promotion and after newsletter promotions were cut, it ended."
    assert clean(text, box).text == text


def test_a_box_across_blank_separated_lines_keeps_the_paragraph_glued_after_its_end_marker():
    # Found on a real Guardian paragraph scrape: with blank lines between the box's lines, the kept paragraph glued
    # after the end marker was appended to a blank block and vanished from the output.
    box = {"id": "box", "kind": "block", "start": "skip past newsletter promotion", "end": "after newsletter promotion"}
    text = (
        f"{P1}\n\nskip past newsletter promotion\n\nSign up to First Edition\n\nOur morning email.\n\n"
        f"Privacy Notice: we use reCaptcha.after newsletter promotion{P2}\n\n{P3}\n"
    )
    assert clean(text, box).text == f"{P1}\n\n{P2}\n\n{P3}"
