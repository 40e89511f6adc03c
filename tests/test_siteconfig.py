"""FiveFilters site configs: parsing, host lookup, and their rules applied for hosts with no plugin."""

from __future__ import annotations

import json

from conftest import ROOT, run_cli

from cleanser import Cleaner
from cleanser.plugins.manager import load_plugins
from cleanser.sites.siteconfig import SiteConfigs, host_candidates, parse_site_config

CONFIGS = ROOT / "tests" / "data" / "site-config"
PLUGINS = load_plugins(entry_points=False)

STORY = [
    "The reservoir above the town was at 61 per cent on Monday, its lowest level for May since records began.",
    "Water engineers said a dry spring and a warm April had cut the inflow from the hills by half.",
    "A hosepipe ban is not planned yet, but the company asked households to take shorter showers.",
]
DECOY = " ".join(
    f"Comment {i}: I have lived in the valley for years and the water has always come back by the summer, "
    "so I do not see why the company is asking us to take shorter showers, said a long-time reader." for i in range(12)
)
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Reservoir | Example Gazette</title>
<meta name="pubdate" content="2025-05-12"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1 class="headline">Reservoir at lowest May level on record</h1>
<p class="byline">By <a rel="author" href="/staff/ana">Ana Ortiz</a></p>
<div class="story-body">
<p>{STORY[0]}</p>
<div class="donate-box">Support local journalism: give today</div>
<p class="teaser-only">{STORY[1]}</p>
<div id="newsletter-signup-box" class="box"><p>Get the Gazette Morning Post every day</p></div>
<p><img src="https://cdn.example-gazette.com/pixel/track.gif" alt="">{STORY[2]}</p>
<p><span class="lazy-text">Figures from the water company.</span></p>
</div>
<div class="reader-comments"><p>{DECOY}</p></div>
</body></html>"""
URL = "https://www.example-gazette.com/news/2025/05/reservoir-level"


def cleaner(**kwargs) -> Cleaner:
    return Cleaner(PLUGINS, site_configs=kwargs.pop("site_configs", CONFIGS), **kwargs)


def test_parse_reads_every_directive_and_keeps_fallbacks_in_order():
    config = parse_site_config((CONFIGS / "example-gazette.com.txt").read_text(encoding="utf-8"), "example-gazette.com")
    assert config.body == ["//div[@id='story-does-not-exist']", "//div[@class='story-body']"]
    assert config.strip == ["//div[@class='donate-box']"]  # the invalid XPath line is left out ...
    assert any("invalid XPath in strip" in p and ":12:" in p for p in config.problems)  # ... and reported
    assert config.strip_id_or_class == ["newsletter-signup"] and config.strip_image_src == ["/pixel/"]
    assert config.find_string == ['<span class="lazy-text">', '<p class="teaser-only">']
    assert config.replace_string == ["<span>", "<p>"]
    assert config.prune is False and config.tidy is False
    assert config.tests == [(URL, ["The reservoir was at 61 per cent", "Water engineers said"])]
    assert config.other == {"next_page_link": ["//a[@rel='next']"], "http_header(user-agent)": ["ExampleBot/1.0"]}


def test_unequal_find_and_replace_lists_replace_nothing():
    config = parse_site_config("find_string: a\nfind_string: b\nreplace_string: c\n", "x.example")
    assert config.rewrite("a b") == "a b"
    assert "no replacement is made" in config.problems[0]


def test_host_lookup_follows_the_fivefilters_file_names():
    assert host_candidates("WWW.News.Example-Blogs.net.") == ["news.example-blogs.net", ".example-blogs.net"]
    configs = SiteConfigs([CONFIGS])
    assert configs.for_host("www.example-gazette.com").host == "example-gazette.com"
    assert configs.for_host("example-gazette.com").host == "example-gazette.com"
    assert configs.for_host("anna.example-blogs.net").host == ".example-blogs.net"  # wildcard file
    assert configs.for_host("news.example-blogs.net").host == "news.example-blogs.net"  # the more specific file
    assert configs.for_host("example-blogs.net") is None  # ".example-blogs.net" serves subdomains only
    assert configs.for_host("elsewhere.example") is None
    assert configs.for_url("not a url") is None


def test_site_config_rules_body_and_metadata_apply_for_a_host_with_no_plugin():
    result = cleaner().clean(PAGE, url=URL)
    assert result.site == "siteconfig:example-gazette.com"
    assert result.text == "\n".join([*STORY, "Figures from the water company."])
    removed = {(r.rule, r.text) for r in result.removed}
    assert ("siteconfig:example-gazette.com/strip", "Support local journalism: give today") in removed
    assert ("siteconfig:example-gazette.com/strip-id-or-class", "Get the Gazette Morning Post every day") in removed
    assert result.metadata["title"] == "Reservoir at lowest May level on record"
    assert result.metadata["byline"] == "Ana Ortiz"
    assert result.metadata["published"] == "2025-05-12T00:00:00"  # normalised like any metadata
    assert "track.gif" not in result.html


def test_without_the_config_readability_picks_another_container():
    # The generic layer off: on this page it alone takes the donate and newsletter boxes the config strips (by their
    # class), which would hide what the config does.
    result = Cleaner(PLUGINS, site_configs=[], generic="off").clean(PAGE, url=URL)
    assert result.site is None
    assert result.text != "\n".join([*STORY, "Figures from the water company."])


def test_find_string_rewrites_the_raw_html_before_parsing():
    config = SiteConfigs([CONFIGS]).for_host("example-gazette.com")
    rewritten = config.rewrite(PAGE)
    assert '<span class="lazy-text">' not in rewritten and '<p class="teaser-only">' not in rewritten
    assert STORY[1] in rewritten


def test_several_body_matches_are_joined_in_page_order():
    page = """<html><body><div class="menu">Home News Sport</div>
<div class="part"><p>The first part of a two-part story about the canal restoration, in its own box.</p></div>
<aside>An unrelated box between the parts, with a long enough line of text to be noticed here.</aside>
<div class="part"><p>The second part of the story, after the unrelated box, finishes the account.</p></div>
</body></html>"""
    result = cleaner().clean(page, url="https://example-digest.org/canal")
    assert result.text.split("\n") == [
        "The first part of a two-part story about the canal restoration, in its own box.",
        "The second part of the story, after the unrelated box, finishes the account.",
    ]


def test_a_body_xpath_that_matches_nothing_falls_back_to_readability():
    page = "<html><body><article><p>" + " ".join([STORY[0]] * 4) + "</p></article></body></html>"
    result = cleaner().clean(page, url="https://anna.example-blogs.net/post")
    assert result.site == "siteconfig:.example-blogs.net"
    assert STORY[0] in result.text


def test_a_native_plugin_wins_over_a_site_config():
    page = "<html><body><article><p>" + STORY[0] + "</p><p>" + STORY[1] + "</p></article></body></html>"
    result = cleaner().clean(page, url="https://www.theguardian.com/uk-news/2025/may/12/reservoir")
    assert result.site == "guardian"
    assert result.text == "\n".join(STORY[:2])  # the config's "strip: //p" was not applied


def test_text_input_is_not_affected():
    text = "\n".join(STORY)
    assert cleaner().clean(text, url=URL).text == Cleaner(PLUGINS, site_configs=[]).clean(text, url=URL).text


def test_folders_are_indexed_by_name_and_parsed_only_when_a_host_needs_them(tmp_path):
    for i in range(2000):
        (tmp_path / f"site{i}.example.com.txt").write_text("body: //article\nstrip: //aside\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a config", encoding="utf-8")
    configs = SiteConfigs([tmp_path])
    assert len(configs) == 2000 and configs._parsed == {}  # nothing read at start-up
    assert configs.for_host("site7.example.com").strip == ["//aside"]
    assert list(configs._parsed) == ["site7.example.com"]  # only the host that was asked for


def test_first_folder_wins_and_a_missing_folder_is_reported(tmp_path):
    (tmp_path / "example-gazette.com.txt").write_text("body: //main\n", encoding="utf-8")
    configs = SiteConfigs([tmp_path, CONFIGS, tmp_path / "missing"])
    assert configs.for_host("example-gazette.com").body == ["//main"]
    assert any("missing" in e for e in configs.errors)


def test_env_variable_names_site_config_folders(monkeypatch):
    monkeypatch.setenv("CLEANSER_SITE_CONFIG", str(CONFIGS))
    assert Cleaner(PLUGINS).clean(PAGE, url=URL).site == "siteconfig:example-gazette.com"


def test_cli_site_config_option_and_problems_reported(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    proc = run_cli("clean", str(page), "--url", URL, "--site-config", str(CONFIGS), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["site"] == "siteconfig:example-gazette.com"
    assert data["text"].split("\n")[:3] == STORY
    assert b"example-gazette.com.txt:12: invalid XPath in strip" in proc.stderr
    missing = run_cli("clean", str(page), "--url", URL, "--site-config", str(tmp_path / "nope"))
    assert missing.returncode == 0 and b"site config folder" in missing.stderr


def test_cli_site_config_travels_in_the_settings_not_the_environment(tmp_path, monkeypatch):
    import argparse
    import os

    from cleanser.cli import commands as cli

    monkeypatch.delenv("CLEANSER_SITE_CONFIG", raising=False)
    args = argparse.Namespace(plugins_dir=[], site_config=[str(CONFIGS)], no_guard=False, budget=None, links=None)
    settings = cli._settings(args)
    assert settings.site_configs == (str(CONFIGS),)
    assert "CLEANSER_SITE_CONFIG" not in os.environ
    # a worker (another process, or another machine on Dask) builds its cleaner from the settings alone
    from cleanser.batch.work import Options, build_cleaner

    worker_cleaner = build_cleaner(Options(settings=settings))
    assert worker_cleaner.clean(PAGE, url=URL).site == "siteconfig:example-gazette.com"
