"""FiveFilters site configs read as Full-Text RSS reads them: empty replacements, the `replace_string(find):` form,
`prune`, and metadata normalised like the page's own. Each config in tests/data/site-config-ftr was written for
these tests."""

from __future__ import annotations

from conftest import ROOT

from cleanser import Cleaner
from cleanser.plugins.manager import load_plugins
from cleanser.sites.siteconfig import parse_site_config

CONFIGS = ROOT / "tests" / "data" / "site-config-ftr"
PLUGINS = load_plugins(entry_points=False)

PARAGRAPHS = [
    "The harbour board voted on Tuesday to extend the ferry pier by forty metres before next summer's season.",
    "Skippers had asked for the longer pier for three years, saying the old one was unsafe at low tide.",
    "The work will close the north slipway for six weeks, and the board promised a temporary landing stage.",
]
PAGE = f"""<!DOCTYPE html><html><head><title>Harbour Courier</title>
<meta property="og:site_name" content="Harbour Courier">
<meta name="pubdate" content="2018-04-04T09:00:00+00:00"></head><body>
<h1 class="story-title">Ferry pier to grow by forty metres &#8211; board vote</h1>
<p><span class="writer">By Tom Quay</span> <span class="writer">Tom Quay</span>
<span class="stamp">April 5, 2018 | 6:00 PM</span></p>
<div class="story">
<p class="dek">{PARAGRAPHS[0]}</p>
<div class="promo-inline">Get the app</div>
<p>{PARAGRAPHS[1]} <span class="tracker">track</span></p>
<p>{PARAGRAPHS[2]}</p>
<form class="comment-form"><label>Name (required)</label><input name="n"><textarea></textarea>
<button>Post comment</button></form>
</div>
</body></html>"""


def result_rules(name: str):
    return parse_site_config((CONFIGS / f"{name}.txt").read_text(encoding="utf-8"), name).ruleset.rules


def clean(url: str):
    return Cleaner(PLUGINS, site_configs=CONFIGS).clean(PAGE, url)


def test_empty_replacements_keep_the_lists_in_step():
    text = (CONFIGS / "harbour-courier.example.txt").read_text(encoding="utf-8")
    config = parse_site_config(text, "harbour-courier.example")
    assert config.find_string == [
        '<div class="promo-inline">Get the app</div>', '<p class="dek">', '<span class="tracker">track</span>'
    ]
    assert config.replace_string == ["", "<p>", ""]
    assert config.problems == []


def test_empty_and_parenthesised_replacements_are_applied():
    result = clean("https://harbour-courier.example/news/ferry")
    assert "Get the app" not in result.text
    assert "track" not in result.text.split()
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text


def test_an_empty_find_string_changes_nothing():
    config = parse_site_config("find_string:\nreplace_string: X\n", "x.example")
    assert config.rewrite("<p>abc</p>") == "<p>abc</p>"


def test_prune_takes_the_comment_form_out_of_the_body_container():
    result = clean("https://harbour-courier.example/news/ferry")
    assert "Name (required)" not in result.text and "Post comment" not in result.text
    assert any(r.rule.endswith("/prune") for r in result.html_removals)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text


def test_prune_no_keeps_the_container_whole():
    result = clean("https://quay-post.example/news/ferry")
    # The config's prune rule stays out (the generic layer may still take a form on its own).
    assert not any(r.rule.endswith("/prune") for r in result.html_removals)
    assert "prune" not in {r.id for r in result_rules("quay-post.example")}


def test_a_configs_metadata_is_normalised_like_the_pages_own():
    metadata = clean("https://harbour-courier.example/news/ferry").metadata
    assert metadata["published"] == "2018-04-05T18:00:00"  # not the raw "April 5, 2018 | 6:00 PM"
    assert metadata["byline"] == "Tom Quay"  # "By" gone, the repeat too
    assert metadata["title"] == "Ferry pier to grow by forty metres – board vote"
