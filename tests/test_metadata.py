"""Metadata of HTML pages from JSON-LD, OpenGraph and meta tags, in the result and in JSON output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import cleanser
from cleanser.read.metadata import FIELDS, read_page
from cleanser.read.page import parse

PAGES = Path(__file__).parent / "pages"
BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "readability-pages"


def test_news_page_metadata():
    result = cleanser.clean((PAGES / "seawall-vote.html").read_bytes())
    assert result.metadata == {
        "title": "Porthcarrow votes to rebuild its sea wall",
        "byline": "Tamsin Pengelly, Jory Trelease",  # JSON-LD's two authors beat the one meta author
        "published": "2025-03-14T09:30:00+00:00",
        "site_name": "The Western Courier",
        # rel=canonical is relative and no URL was given: og:url is the first absolute one.
        "canonical_url": "https://www.westerncourier.example/news/2025/03/porthcarrow-sea-wall",
        "language": "en-GB",
        "description": "Councillors back a £14m plan after winter storms breached the harbour defences twice.",
    }
    assert result.to_dict()["metadata"] == result.metadata


def test_relative_canonical_is_resolved_against_the_url():
    page = "<html><head><link rel='canonical' href='/a/b?x=1'></head><body><p>Text.</p></body></html>"
    result = cleanser.clean(page, url="https://news.example/other?utm=1")
    assert result.metadata["canonical_url"] == "https://news.example/a/b?x=1"


def test_graph_string_author_and_site_from_og():
    result = cleanser.clean((PAGES / "paywalled-smelter.html").read_bytes())
    md = result.metadata
    assert md["title"] == "Aluminium smelter weighs closure as power costs bite"
    assert md["byline"] == "Ingrid Solberg" and md["site_name"] == "Northern Ledger"
    assert md["published"] == "2025-02-03T00:00:00" and md["language"] == "en"
    assert md["canonical_url"] == "https://www.northernledger.example/business/smelter-closure"


def test_fallbacks_without_json_ld():
    page = """<html lang="fr"><head><title>Le port rouvre ses quais aux ferries | Journal du Littoral</title>
    <meta property="og:site_name" content="Journal du Littoral">
    <meta property="og:description twitter:description" content="Après trois mois de travaux.">
    <meta name="date" content="2024-06-02">
    <script type="application/ld+json">{ not json </script></head>
    <body><article><p class="byline">By Camille Le Goff</p>
    <p>Les ferries reviennent au port après trois mois de travaux sur les quais.</p></article></body></html>"""
    md = cleanser.clean(page).metadata
    assert md["title"] == "Le port rouvre ses quais aux ferries"  # the site's name is cut from <title>
    assert md["byline"] == "Camille Le Goff"
    assert md["description"] == "Après trois mois de travaux."  # space-separated properties both count
    assert md["published"] == "2024-06-02T00:00:00" and md["language"] == "fr"
    assert md["site_name"] == "Journal du Littoral" and md["canonical_url"] is None


def test_text_input_has_the_same_keys_all_empty():
    result = cleanser.clean("A plain line of article text that says nothing about its page.")
    assert result.metadata == dict.fromkeys(FIELDS)


def test_json_ld_access_and_word_count():
    info = read_page(parse((PAGES / "paywalled-smelter.html").read_text(encoding="utf-8")))
    assert info.not_free and info.locked_selectors == [".paywall"]
    info = read_page(parse((PAGES / "seawall-vote.html").read_text(encoding="utf-8")))
    assert not info.not_free and info.word_count == 540


@pytest.mark.skipif(not BENCH.is_dir(), reason="the shared development set is not beside the checkout")
@pytest.mark.parametrize("page", ["003-metadata-preferred", "004-metadata-space-separated-properties",
                                  "parsely-metadata", "schema-org-context-object"])
def test_agrees_with_the_reference_on_development_pages(page):
    folder = BENCH / page
    expected = json.loads(gzip.decompress((folder / "expected-metadata.json.gz").read_bytes()))
    md = cleanser.clean(gzip.decompress((folder / "source.html.gz").read_bytes())).metadata
    assert md["title"] == expected["title"]
    if expected.get("byline"):
        assert md["byline"] == expected["byline"]
    if expected.get("siteName"):
        assert md["site_name"] == expected["siteName"]
