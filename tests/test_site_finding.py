"""Which rules a document gets: a known URL is trusted over fingerprints, and a saved page's own canonical address
counts as a URL (issue 14 items 6 and 7)."""

from __future__ import annotations

import cleanser

TEXT = (
    "How to repot a fern without hurting its roots.\n\n"
    "Water the plant a day before, then loosen the soil with your fingers.\n\n"
    "Democracy Dies in Darkness\n\n"
    "Choose a pot two inches wider than the old one."
)


def test_a_known_url_that_no_plugin_serves_gets_the_generic_rules_not_a_fingerprinted_publisher():
    result = cleanser.clean(TEXT, url="https://www.ehow.com/how_12345_repot-fern.html")
    assert result.site is None
    assert result.rulesets == ("generic",)
    assert "Democracy Dies in Darkness" in result.text  # no other publisher's rule touched it


def test_without_a_url_fingerprints_still_find_the_site():
    assert cleanser.clean(TEXT).site == "washingtonpost"


def test_a_declared_aggregator_still_picks_up_the_syndicated_publishers_rules():
    result = cleanser.clean(TEXT, url="https://news.yahoo.com/repot-fern-1234.html")
    assert result.site == "yahoo"
    assert "washingtonpost" in result.rulesets


def _saved_page(head: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Council vote</title>{head}</head><body><article>"
        "<p>The council approved the new budget on Tuesday after three weeks of debate in the chamber.</p>"
        "<p>It takes effect in January, the mayor said, and pays for two new libraries.</p>"
        "</article></body></html>"
    )


def test_a_saved_pages_canonical_link_selects_its_sites_rules():
    html = _saved_page('<link rel="canonical" href="https://www.washingtonpost.com/local/2024/05/01/council/">')
    assert cleanser.clean(html).site == "washingtonpost"


def test_a_saved_pages_og_url_selects_its_sites_rules():
    html = _saved_page('<meta property="og:url" content="https://www.ft.com/content/abc-123">')
    assert cleanser.clean(html).site == "ft"


def test_a_given_url_outranks_the_canonical_link():
    html = _saved_page('<link rel="canonical" href="https://www.washingtonpost.com/local/council/">')
    result = cleanser.clean(html, url="https://www.ft.com/content/abc-123")
    assert result.site == "ft"
    assert result.url == "https://www.ft.com/content/abc-123"
