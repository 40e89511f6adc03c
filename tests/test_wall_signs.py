"""Paywalls with no declaration and no wall wording (stages/wall_signs.py, read/paywall_marks.py), and the
spellings of `isAccessibleForFree` beyond a plain `false` (read/access.py). Pages written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.read.paywall_marks import mark_of_name

LEDE = (
    "<p>Die Gemeinde hat am Montag beschlossen, das alte Hallenbad am Stadtrand nicht abzureißen, sondern es "
    "mit Geld aus dem Landesprogramm für zwei Jahre als Übungsbecken für die Schulen weiterzuführen.</p>"
)
CUT = "<p>Der Schwimmverein hatte seit dem Frühjahr Unterschriften gesammelt und im Rat vorgerechnet, dass die Sa…</p>"
FINISHED = "<p>Der Schwimmverein hatte seit dem Frühjahr Unterschriften gesammelt und zeigte sich zufrieden.</p>"


def page(body: str, after: str = "", head: str = "", article_class: str = "") -> str:
    return (
        f"<html><head><title>Hallenbad bleibt</title>{head}</head><body><nav>Start Lokales Sport</nav>"
        f'<article class="{article_class}"><h1>Hallenbad bleibt</h1>{body}</article>{after}'
        "<footer>Impressum Kontakt</footer></body></html>"
    )


def flags(html: str) -> dict[str, str]:
    return cleanser.clean(html, "https://stadtbote.example/hallenbad").flags


def test_steady_style_cut_preview_is_paywalled():
    # Steady's plugin puts an empty, hidden #steady_paywall where the locked text begins and a cut preview after it.
    html = page(LEDE + '<div id="steady_paywall" style="display: none;"></div>' + CUT,
                article_class="post steady-paywall-container")
    found = flags(html)
    assert found["paywalled"].startswith("paywall markup (")
    assert "#steady_paywall" in found["paywalled"] and "trails off" in found["paywalled"]
    assert found["truncated"].endswith("before the paywall")


def test_paywall_class_on_the_article_with_a_cut_text():
    found = flags(page(LEDE + CUT, article_class="jslc isPaywall"))
    assert found["paywalled"].startswith("paywall markup (.isPaywall)")


def test_markup_on_a_finished_text_is_no_wall():
    # Steady marks every post, free or not; Poool's widget slot is on every article of a site.
    html = page(LEDE + '<div id="steady_paywall" style="display: none;"></div>' + FINISHED,
                after='<div id="poool-widget"></div>', article_class="post steady-paywall-container")
    assert flags(html) == {}


def test_a_site_wide_body_class_is_not_the_articles():
    html = page(LEDE + CUT).replace("<body>", '<body class="user-anonymous paywall">')
    assert "paywalled" not in flags(html)


def test_a_subscription_offer_right_after_a_cut_text():
    found = flags(page(LEDE + CUT, after='<div class="offer"><a href="/abo">Jetzt abonnieren</a></div>'))
    assert found["paywalled"].startswith('a subscription offer follows the cut text: "Jetzt abonnieren"')
    assert found["truncated"].endswith("before the paywall")


@pytest.mark.parametrize(
    "after",
    [
        '<div><a href="/nl">Newsletter abonnieren</a></div>',  # a newsletter is free
        '<div><a href="/login">Anmelden</a> <a href="/registrieren">Registrieren</a></div>',  # no offer
        '<div><a href="/feed">Subscribe to our RSS feed</a></div>',
    ],
)
def test_other_calls_after_a_cut_text_are_no_wall(after):
    assert "paywalled" not in flags(page(LEDE + CUT, after=after))


def test_an_offer_after_a_finished_text_is_a_promo():
    assert flags(page(LEDE + FINISHED, after='<div><a href="/abo">Jetzt abonnieren</a></div>')) == {}


@pytest.mark.parametrize(
    ("name", "marks"),
    [
        ("isPaywall", True),
        ("paywall-template-container", True),
        ("c-paywall__box", True),
        ("steady_paywall", True),
        ("leaky_paywall_message_wrap", True),
        ("gh-post-upgrade-cta", True),
        ("mepr-unauthorized-message", True),
        ("non-paywall", False),
        ("steady-paywall-container", False),
        ("no-paywall", False),
        ("wallpaper", False),
        ("gateway-news", False),
        ("subscribe-box", False),
    ],
)
def test_paywall_names(name, marks):
    assert mark_of_name(name) is marks


def ld(value: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "isAccessibleForFree": {value}}}</script>'


@pytest.mark.parametrize(
    ("head", "source"),
    [
        (ld('"http://schema.org/False"'), "JSON-LD"),
        (ld('{"@value": "false"}'), "JSON-LD"),
        ("<script type=\"application/ld+json\">{'@type': 'NewsArticle', 'isAccessibleForFree': 'False'}</script>",
         "JSON-LD (read leniently)"),
        ('<meta name="isAccessibleForFree" content="false">', "meta name"),
        ('<meta property="article:content_tier" content="locked">', "Open Graph article:content_tier locked"),
    ],
)
def test_more_spellings_of_not_free(head, source):
    reason = flags(page(LEDE + FINISHED, head=head))["paywalled"]
    assert reason.startswith(f"schema.org isAccessibleForFree is false in {source}")


def test_microdata_boolean_as_a_link():
    body = ('<div itemscope itemtype="https://schema.org/NewsArticle">'
            f'<link itemprop="isAccessibleForFree" href="https://schema.org/False">{LEDE}{FINISHED}</div>')
    assert flags(page(body))["paywalled"] == "schema.org isAccessibleForFree is false in microdata"


@pytest.mark.parametrize(
    "head",
    [
        ld('"http://schema.org/True"'),
        '<meta property="article:content_tier" content="metered">',  # free up to the reader's monthly limit
        '<meta property="article:content_tier" content="free">',
    ],
)
def test_free_and_metered_spellings_flag_nothing(head):
    assert flags(page(LEDE + FINISHED, head=head)) == {}


@pytest.mark.parametrize(
    "obj",
    [
        '{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Hallenbad bleibt", '
        '"isAccessibleForFree": false}}',
        '{"@graph": [{"@type": "WebPage", "isAccessibleForFree": "False"}, '
        '{"@type": "NewsArticle", "headline": "Hallenbad bleibt"}]}',
    ],
)
def test_a_declaration_held_by_the_page_object(obj):
    html = page(LEDE + FINISHED, head=f'<script type="application/ld+json">{obj}</script>')
    assert flags(html)["paywalled"] == "schema.org isAccessibleForFree is false in JSON-LD"


def test_registration_wall_markup_on_a_cut_text():
    found = flags(page(LEDE + CUT, after='<div class="c-regwall" data-placement="article-end"></div>'))
    assert found["paywalled"].startswith("registration wall: paywall markup (.c-regwall)")
