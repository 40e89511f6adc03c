"""Shape evidence in the generic HTML layer (html_shapes.py) and the optional second opinion (second_opinion.py):
furniture with no telling class goes by its shape and place, audited with that evidence; the article's own lists,
dates, captions, sources and prose stay."""

from __future__ import annotations

import pytest
from test_generic_html import LEDE, SECOND, THIRD  # the same article as the markup-evidence tests

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins
from cleanser.settings import Settings
from cleanser.stages import generic_html, second_opinion

TEASER = (
    "The survey of the quay walls carried out in the spring had already warned that the timber under the market "
    "was older than any other structure in the harbour and that nobody had inspected it for thirty years."
)


def page(before: str = "", middle: str = "", after: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>Kelby fish market to close</title></head><body>
<main><div class="story">
<h1>Kelby fish market to close</h1>
{before}
<p>{LEDE}</p>
{middle}
<p>{SECOND}</p>
<p>{THIRD}</p>
{after}
</div></main>
</body></html>"""


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


def removed(result) -> dict[str, list]:
    found: dict[str, list] = {}
    for removal in result.audit:
        if removal.plugin == generic_html.PLUGIN and removal.refused is None:
            found.setdefault(removal.rule, []).append(removal)
    return found


def test_a_read_also_link_between_paragraphs_goes_a_run_of_them_stays(safe):
    insert = '<p><a href="/dredging">Harbour dredging to start in May</a></p>'
    result = safe.clean(page(middle=insert))
    assert "Harbour dredging" not in result.text
    assert LEDE in result.text and SECOND in result.text
    (removal,) = removed(result)["generic-html/related"]
    assert "one link" in removal.evidence[0]
    # Several such lines in a row are the article's own list (games and their prices, each a link).
    games = "".join(f'<p><a href="/g{i}">Harbour Quest part {i} ($20)</a></p>' for i in range(3))
    assert "Harbour Quest part 2" in safe.clean(page(middle=games)).text


def test_a_label_and_a_link_goes_but_sources_and_dates_stay(safe):
    result = safe.clean(page(middle='<p>Read also: <a href="/ferry">New ferry timetable for the islands</a></p>'))
    assert "New ferry timetable" not in result.text
    assert "a label and a link" in removed(result)["generic-html/related"][0].evidence[0]
    source = '<p>Source: <a href="https://kelby.example/report">kelby.example/report</a></p>'
    assert "kelby.example/report" in safe.clean(page(middle=source)).text
    dated = '<p>2 December 2019: <a href="/report">Report on the quay walls and piles</a></p>'
    assert "Report on the quay walls" in safe.clean(page(middle=dated)).text


def test_a_box_that_is_a_heading_over_a_list_of_links_goes(safe):
    box = """<div><h4>Around the harbour</h4><ul>
    <li><a href="/a">Dredging to start in May</a></li><li><a href="/b">Car park fees go up</a></li>
    <li><a href="/c">Lifeboat crew honoured</a></li></ul></div>"""
    result = safe.clean(page(middle=box))
    assert "Around the harbour" not in result.text and "Lifeboat crew" not in result.text
    assert "a heading over 3 links" in removed(result)["generic-html/related"][0].evidence[0]
    # The article's own list under a heading, its items not links, stays.
    facts = "<div><h4>What happens next</h4><ul><li>Stalls move on Monday</li><li>A meeting in May</li></ul></div>"
    assert "Stalls move on Monday" in safe.clean(page(middle=facts)).text



def test_one_short_link_line_alone_after_the_article_goes(safe):
    # (a link of four words or more on a line of its own is a "read also" line already)
    for line in ('<p><a href="/gallery/market">Market pictures</a></p>', '<div><a href="/">Back home</a></div>'):
        result = safe.clean(page(after=line))
        assert "Market pictures" not in result.text and "Back home" not in result.text and LEDE in result.text
        (removal,) = removed(result)["generic-html/links"]
        assert "one short link line alone" in removal.evidence[0]


@pytest.mark.parametrize(
    "line",
    [
        '<p><a href="/dredging">Read it here.</a></p>',  # the author's own pointer, a sentence
        '<p><a href="mailto:press@harbour.example.org">press@harbour.example.org</a></p>',  # a contact
        '<p><a href="/users/ann">Ann Hale said:</a></p>',  # a quote's attribution
    ],
)
def test_a_short_link_line_after_the_article_that_is_a_sentence_a_contact_or_a_label_stays(safe, line):
    text = safe.clean(page(after=line)).text
    assert any(w in text for w in ("Read it here.", "press@", "Ann Hale"))


def test_a_date_line_above_the_article_goes_but_dates_in_it_stay(safe):
    result = safe.clean(page(before="<div>By Ann Lee | 11 Jan 2019 | 4 min</div>"))
    assert "11 Jan 2019" not in result.text
    assert "date line" in removed(result)["generic-html/dateline"][0].evidence[0]
    dated = "<p>The next meeting is on 23.10.2018 at 10:30 in the hall.</p>"
    assert "23.10.2018" in safe.clean(page(middle=dated)).text
    assert "Kelby fish market to close" in safe.clean(page(before="<h2>Market to close on 23.10.2018</h2>")).text


def test_a_photo_credit_goes_its_caption_stays(safe):
    figure = (
        '<figure><img src="m.jpg"><figcaption>The market hall at dawn. <span>Foto: Ann Lee/Kelby Gazette</span>'
        "</figcaption></figure>"
    )
    result = safe.clean(page(middle=figure))
    assert "Ann Lee/Kelby" not in result.text
    assert "The market hall at dawn." in result.text
    assert "photo credit" in removed(result)["generic-html/credit"][0].evidence[0]


def test_an_advertising_label_and_a_reading_time_line_go(safe):
    result = safe.clean(page(before="<p>5 min read</p>", middle="<div>- Anzeige -</div>"))
    assert "Anzeige" not in result.text and "min read" not in result.text
    assert removed(result)["generic-html/promo"] and removed(result)["generic-html/tags"]
    # A sentence that says it is an advertisement is prose, not a label.
    said = "<p>Advertisement boards on the quay will come down when the market closes next month.</p>"
    assert "Advertisement boards" in safe.clean(page(middle=said)).text


@pytest.mark.parametrize(
    "line", ["Anzeige, enthält Affiliate Links", "Werbung | Affiliate-Links", "This post contains affiliate links."]
)
def test_a_disclosure_of_affiliate_links_goes(safe, line):
    result = safe.clean(page(before=f"<p><em>{line}</em></p>"))
    assert "ffiliate" not in result.text and LEDE in result.text
    (removal,) = removed(result)["generic-html/promo"]
    assert "a disclosure of affiliate links" in removal.evidence[0]


@pytest.mark.parametrize(
    "line",
    [
        "<h2>Affiliate links</h2>",
        "<h2>What are affiliate links?</h2>",
        "<p>Harbour shops earn from affiliate links, the board says.</p>",
    ],
)
def test_a_heading_or_sentence_about_affiliate_links_stays(safe, line):
    result = safe.clean(page(middle=line))
    assert "ffiliate links" in result.text


@pytest.mark.parametrize(
    ("box", "rule"),
    [
        # WordPress's Ad Inserter numbers the blocks it puts between a post's paragraphs.
        ('<div class="code-block code-block-3"><b>Dine out tonight? Order from the quay kitchens:</b></div>', "promo"),
        # A panel that slides out when a button is pressed.
        ('<div class="c-flyout js-flyout"><p>Every small gift helps the harbour\'s lifeboat crew!</p></div>', "ui"),
    ],
    ids=["ad-inserter", "flyout"],
)
def test_a_box_named_as_an_inserted_ad_or_a_flyout_goes(safe, box, rule):
    result = safe.clean(page(middle=box))
    assert "quay kitchens" not in result.text and "lifeboat crew" not in result.text
    assert LEDE in result.text and THIRD in result.text
    assert removed(result)[f"generic-html/{rule}"]


def test_text_set_off_screen_for_screen_readers_goes(safe):
    # A video's caption on a news page: "Media caption" is said to screen readers only; the caption stays.
    caption = '<figure><figcaption><span class="off-screen">Media caption</span>The quay at dawn</figcaption></figure>'
    result = safe.clean(page(middle=caption))
    assert "Media caption" not in result.text and "The quay at dawn" in result.text
    assert removed(result)["generic-html/ui"]


def test_a_pages_contact_information_goes(safe):
    # <address>: the contact information of the page or its article, by the HTML standard.
    contact = "<address>Ann Hale, press office<br>press@harbour.example.org</address>"
    result = safe.clean(page(after=contact))
    assert "press office" not in result.text and LEDE in result.text
    (removal,) = removed(result)["generic-html/bio"]
    assert removal.evidence == ("<address>",)
    # A postal address written in the article's text is no contact information of the page.
    told = "<p>The new hall stands at 4 Mill Lane, Kelby, next to the old ferry office.</p>"
    assert "4 Mill Lane" in safe.clean(page(middle=told)).text


def test_a_code_listings_box_named_code_block_stays(safe):
    listing = '<div class="code-block"><pre><code>harbour.close(market="Kelby")</code></pre></div>'
    assert 'harbour.close(market="Kelby")' in safe.clean(page(middle=listing)).text


def test_teasers_inside_links_are_no_prose_to_the_guard(safe):
    teasers = f'<div class="related"><a href="/survey"><p>{TEASER}</p></a></div>'
    result = safe.clean(page(after=teasers))
    assert "The survey of the quay walls" not in result.text
    # The same paragraph outside a link is prose: the guard keeps it and says why.
    kept = safe.clean(page(after=f'<div class="related"><p>{TEASER}</p></div>'))
    assert "The survey of the quay walls" in kept.text
    assert any(r.refused for r in kept.audit if r.plugin == generic_html.PLUGIN)


def test_the_title_of_a_box_whose_content_went_goes_too(safe):
    box = """<div class="view-more"><div class="box-title">See also:</div><ul>
    <li><div class="share-item"><a href="/a">Share on the quay</a></div></li></ul></div>"""
    result = safe.clean(page(after=box))
    assert "See also:" not in result.text
    assert any("content was removed" in r.evidence[0] for r in removed(result)["generic-html/heading"])


# --- the second opinion ------------------------------------------------------------------------------------------


def test_the_second_opinion_is_off_by_default():
    assert Settings().second_opinion is False
    assert Cleaner(Plugins.from_rulesets()).settings.second_opinion is False


def test_the_second_opinion_drops_what_trafilatura_leaves_out_outside_the_prose(monkeypatch):
    # trafilatura itself is not run in the tests: its extraction is given.
    extraction = "\n".join([LEDE, SECOND, THIRD])
    monkeypatch.setattr(second_opinion, "extract", lambda html, url: extraction)
    cleaner = Cleaner(Plugins.from_rulesets(), second_opinion=True)
    html = page(
        middle="<p>Stalls: fish, crab, bread</p>",  # in the flow, not links: stays whatever trafilatura says
        after="<div>Kunden kauften auch</div><ul><li>Salt cod</li><li>Kippers</li></ul>",
    )
    result = cleaner.clean(html)
    assert "Kunden kauften auch" not in result.text
    assert "Stalls: fish, crab, bread" in result.text
    assert "Kippers" in result.text  # the items of a list that is not links stay
    (removal,) = removed(result)["generic-html/second-opinion"]
    assert "not in trafilatura's extraction" in removal.evidence[0]
    # Without it, the line stays.
    assert "Kunden kauften auch" in Cleaner(Plugins.from_rulesets()).clean(html).text


def test_no_second_opinion_when_trafilatura_found_another_article(monkeypatch):
    monkeypatch.setattr(second_opinion, "extract", lambda html, url: "Something else entirely, a cookie notice.")
    cleaner = Cleaner(Plugins.from_rulesets(), second_opinion=True)
    result = cleaner.clean(page(after="<div>Kunden kauften auch</div>"))
    assert "Kunden kauften auch" in result.text
    assert not removed(result).get("generic-html/second-opinion")


def test_the_cli_passes_second_opinion_into_the_settings():
    from cleanser.cli.commands import _settings, build_parser

    assert _settings(build_parser().parse_args(["clean", "--second-opinion", "x.html"])).second_opinion is True
    assert _settings(build_parser().parse_args(["clean", "x.html"])).second_opinion is False
