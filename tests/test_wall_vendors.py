"""Paywall software a page loads (stages/wall_vendors.py), read as a wall's sign only where the article's text is cut
short. Pages written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.stages.wall_vendors import paywall_vendors

URL = "https://magazin.example/medien/kritik"
OPENING = (
    "Die Sendung vom Sonntagabend hat eine Debatte ausgelöst, die weit über das übliche Maß an Zuschauerpost "
    "hinausgeht, und der Sender hat inzwischen reagiert."
)
PREVIEW = (
    "Ob die Redaktion die Kritik teilt, ließ der Sprecher offen; man werde aber prüfen, ob eine Korrektur notwendig f…"
)
LOADERS = {
    "piano": "<script>(function(s){var a=document.createElement('script');a.src=s;"
    "document.head.appendChild(a)})('//cdn.tinypass.com/api/tinypass.min.js');</script>",
    "steady": "<script src='https://steadyhq.com/widget_loader/0a1b2c3d-0000-4000-8000-000000000000'></script>",
    "poool": "<script src='https://assets.poool.fr/access.min.js' async></script>",
    "laterpay": "<script src='https://connector.laterpay.net/yui/connector.js'></script>",
    "pelcro": "<script src='https://js.pelcro.com/sdk/main.min.js'></script>",
}


def page(head: str, last: str = PREVIEW, body_extra: str = "") -> str:
    return (
        f"<html><head><title>Kritik</title>{head}</head><body><article><h1>Die Sendung</h1>"
        f"<p>{OPENING}</p><p>{last}</p></article>{body_extra}<footer><a href='/i'>Impressum</a></footer></body></html>"
    )


@pytest.mark.parametrize("vendor", sorted(LOADERS))
def test_a_vendors_script_and_a_cut_preview_are_a_wall(vendor):
    found = cleanser.clean(page(LOADERS[vendor]), URL).flags
    assert found["paywalled"].startswith("a paywall vendor's script"), found
    assert "truncated" in found, found


@pytest.mark.parametrize("vendor", sorted(LOADERS))
def test_a_vendors_script_on_a_finished_article_is_no_wall(vendor):
    finished = PREVIEW.rstrip(" f…") + "."
    found = cleanser.clean(page(LOADERS[vendor], finished), URL).flags
    assert "paywalled" not in found and "truncated" not in found, found


def test_a_link_to_a_campaign_page_or_analytics_is_no_vendor():
    head = "<script src='https://cdn.cxense.com/cx.js'></script>"
    link = "<p><a href='https://steadyhq.com/de/magazin'>Unterstützen Sie uns auf Steady</a></p>"
    assert paywall_vendors(page(head, body_extra=link)) == []
    found = cleanser.clean(page(head, body_extra=link), URL).flags
    assert "paywalled" not in found, found


def test_paywall_vendors_names_hosts_once():
    source = LOADERS["piano"] + LOADERS["piano"] + "<script src='https://experience.piano.io/xbuilder/experience/load'>"
    assert paywall_vendors(source) == ["cdn.tinypass.com", "experience.piano.io"]


def test_a_vendors_script_with_a_declared_length_the_page_lacks():
    # A subscriber's article served as its opening, finished sentence and all, with its declared length.
    finished = PREVIEW.rstrip(" f…") + "."
    ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Die Sendung", "wordCount": 900}</script>'
    )
    found = cleanser.clean(page(LOADERS["piano"] + ld, finished), URL).flags
    assert found["paywalled"].startswith("a paywall vendor's script (cdn.tinypass.com) on a page with"), found
    assert found["truncated"].startswith("schema.org wordCount is 900"), found
    assert "paywalled" not in cleanser.clean(page(ld, finished), URL).flags
