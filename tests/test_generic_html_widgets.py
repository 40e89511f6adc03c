"""A blog's widget area inside the container (html_widgets.py) and photo credits that end a caption across its links
or in parentheses after an agency's name (html_credits.py): they go audited with their evidence; a fact box named
"sidebar", a widget's prose and a caption's own words stay."""

from __future__ import annotations

import pytest
from test_generic_html import LEDE, SECOND, THIRD
from test_generic_html_shapes import page, removed

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins

FEED_SUMMARY = (
    "The harbour board met on Tuesday evening to hear the engineers explain why the timber piles under the old "
    "market hall had rotted faster than anyone expected, and what a full replacement would cost the town."
)


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


def blog(sidebar: str) -> str:
    """A blog page whose post's paragraphs stand in the page's wrapper, the theme's sidebar beside them: the wrapper
    is the container."""
    return f"""<!DOCTYPE html><html><head><title>Kelby fish market to close</title></head><body>
<div id="page"><h1>Kelby fish market to close</h1>
<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>
{sidebar}</div></body></html>"""


SIDEBAR = """<div id="sidebar"><ul>
<li class="widget widget_calendar"><table><caption>December 2008</caption><tr><td>1</td><td>2</td></tr></table></li>
<li class="widget widget_text"><div class="textwidget">Die Inhalte dieser Seite stehen unter einer Lizenz.</div></li>
<li class="widget widget_archive"><h2>Archiv</h2><ul><li><a href="/2008/12">Dezember 2008</a></li></ul></li>
</ul></div>"""


def test_a_sidebar_of_widgets_goes_whole(safe):
    result = safe.clean(blog(SIDEBAR))
    assert LEDE in result.text and SECOND in result.text and THIRD in result.text
    assert "Dezember 2008" not in result.text and "Lizenz" not in result.text
    (removal,) = removed(result)["generic-html/aside"]
    assert removal.evidence[0].startswith('a widget area ("sidebar" in class/id')


def test_a_widget_with_prose_stays_its_neighbours_go(safe):
    feed = f"""<div id="sidebar">
<div class="widget widget_rss"><h2>Aus der Region</h2><ul><li><a href="https://example.org/x">Board meets</a>
<div class="rssSummary">{FEED_SUMMARY}</div></li></ul></div>
<div class="widget widget_search"><h2>Suche</h2><form><input name="s"></form></div>
<div class="widget widget_meta"><h2>Meta</h2><ul><li><a href="/wp-login.php">Anmelden</a></li></ul></div>
</div>"""
    result = safe.clean(blog(feed))
    assert FEED_SUMMARY in result.text  # the guard keeps a widget's paragraph of prose (and the area around it)
    assert "Anmelden" not in result.text and "Suche" not in result.text
    assert any("a widget of a widget area" in r.evidence[0] for r in removed(result)["generic-html/aside"])
    assert any(r.refused for r in result.audit if r.rule == "generic-html/aside")


def test_a_fact_box_named_sidebar_stays(safe):
    # A news site's "sidebar" inside the story is a fact box: it holds no widgets, and it stays.
    box = '<div class="story-sidebar"><h3>Key dates</h3><ul><li>1887: the market opens</li></ul></div>'
    result = safe.clean(page(middle=box))
    assert "1887: the market opens" in result.text
    one = '<div class="sidebar"><div class="widget"><h3>Key dates</h3><p>1887: the market opens</p></div></div>'
    assert "1887: the market opens" in safe.clean(page(middle=one)).text  # one widget is no widget area


def test_a_credit_across_a_caption_link_goes_the_caption_stays(safe):
    figure = """<figure><img src="a.jpg"><figcaption>
      Stalls on Mill Lane before the market opened. Foto: Ann Lee | <a href="https://flickr.com/p">flickr</a>| CC BY 2.0
    </figcaption></figure>"""
    result = safe.clean(page(middle=figure))
    assert "Stalls on Mill Lane before the market opened." in result.text
    assert "Ann Lee" not in result.text and "CC BY" not in result.text
    (credit,) = removed(result)["generic-html/credit"]
    assert credit.text == "Foto: Ann Lee | flickr| CC BY 2.0"


def test_an_agency_credit_in_parentheses_goes_a_remark_stays(safe):
    figure = """<figure><img src="a.jpg"><figcaption>
        The stoat is white in winter.
          (mlharing
            /
          iStock.com)
    </figcaption></figure>"""
    result = safe.clean(page(middle=figure))
    assert "The stoat is white in winter." in result.text and "iStock" not in result.text
    assert removed(result)["generic-html/credit"][0].text == "(mlharing / iStock.com)"
    # Parentheses that are the caption's own words stay: no agency, or more words than a credit's.
    for caption in (
        "The stoat (Mustela erminea) at dawn",
        "The quay in 1950 (a Reuters photographer took it from the crane on the harbour wall)",
    ):
        kept = safe.clean(page(middle=f"<figure><img src='b.jpg'><figcaption>{caption}</figcaption></figure>"))
        assert caption in kept.text


def test_a_credit_with_the_caption_indented_goes(safe):
    figure = """<figure><img src="a.jpg"><figcaption>
        The new quay wall. (Quelle: Name/Unsplash)
    </figcaption></figure>"""
    result = safe.clean(page(middle=figure))
    assert "The new quay wall." in result.text and "Unsplash" not in result.text


def test_what_the_page_styles_as_a_button_goes_a_link_in_a_sentence_stays(safe):
    buttons = """<div class="recipe-card-buttons"><a class="recipe-print button" href="/print">Print Recipe</a></div>
    <p><a class="tcb-button-link" href="/signup"><span>HIER KOSTENLOS ANMELDEN »</span></a></p>"""
    inline = f'<p>{SECOND[:-1]}, as <a class="btn-inline" href="/report">the board\'s report</a> shows.</p>'
    result = safe.clean(page(middle=buttons, after=inline))
    assert "Print Recipe" not in result.text and "ANMELDEN" not in result.text
    assert "the board's report shows." in result.text and LEDE in result.text
    assert all('"button' in r.evidence[0] for r in removed(result)["generic-html/ui"])


# --- the second opinion on a box the guard kept -------------------------------------------------------------------

BIO = (
    "Ann Lee has reported on the harbour and its markets for the Kelby Gazette since 2009, and before that she "
    "spent ten years on trawlers out of Grimsby, which is where she learned to tell a good quay from a bad one."
)


def test_a_named_box_the_guard_kept_goes_when_trafilatura_leaves_its_prose_out(monkeypatch):
    from cleanser.stages import second_opinion

    monkeypatch.setattr(second_opinion, "extract", lambda html, url: "\n".join([LEDE, SECOND, THIRD]))
    cleaner = Cleaner(Plugins.from_rulesets(), second_opinion=True)
    # (between the article's paragraphs: under them the bio goes without the second opinion, test_html_tail_boxes.py)
    html = page(middle=f'<div class="author-bio"><p>{BIO}</p></div>')
    result = cleaner.clean(html)
    assert BIO not in result.text and LEDE in result.text and THIRD in result.text
    (removal,) = removed(result)["generic-html/second-opinion"]
    assert removal.evidence[0].startswith('"author-bio" in class/id') and "none of its prose" in removal.evidence[0]
    # Without the second opinion the guard keeps the bio's paragraph of prose.
    assert BIO in Cleaner(Plugins.from_rulesets()).clean(html).text


def test_a_misnamed_box_whose_prose_trafilatura_keeps_stays(monkeypatch):
    from cleanser.stages import second_opinion

    # A page that puts "comments" on a box of the article's own text: trafilatura keeps that text, so it stays.
    monkeypatch.setattr(second_opinion, "extract", lambda html, url: "\n".join([LEDE, SECOND, THIRD, BIO]))
    cleaner = Cleaner(Plugins.from_rulesets(), second_opinion=True)
    result = cleaner.clean(page(after=f'<div class="comments-enabled"><p>{BIO}</p></div>'))
    assert BIO in result.text
    assert not removed(result).get("generic-html/second-opinion")


# --- a related list's excerpts -----------------------------------------------------------------------------------

EXCERPT = (
    "Final clearance at the harbour shops: grab the last of the season's bargains before the autumn stock "
    "arrives, whether you are after oilskins, boots or a new set of crab pots for the weekend […]"
)


def test_a_related_list_with_excerpts_goes_whole(safe):
    items = "".join(
        f'<li><h3><a href="/story-{i}">Harbour story number {i}</a></h3><div class="excerpt"><p>{EXCERPT}</p></div>'
        f'<a href="/story-{i}">Read more</a></li>'
        for i in range(2)  # (a related list larger than the article is a kind over half the container: it stays)
    )
    result = safe.clean(page(after=f'<div id="related_posts"><h2>Related Posts</h2><ul>{items}</ul></div>'))
    assert "Final clearance" not in result.text and "Harbour story number" not in result.text
    assert LEDE in result.text and THIRD in result.text
    assert removed(result)["generic-html/related"][0].evidence[0].startswith('"related" in class/id')


def test_a_box_named_related_with_a_paragraph_of_its_own_stays(safe):
    # One item that opens with a link is a paragraph that starts with one; a paragraph outside any run of items is
    # the box's own prose: the guard keeps the box.
    own = f'<div class="related-content"><p><a href="/quay">The quay</a> {EXCERPT}</p><p>{EXCERPT}</p></div>'
    result = safe.clean(page(after=own))
    assert "Final clearance" in result.text
    assert any(r.refused for r in result.audit if r.rule == "generic-html/related")


def test_a_widget_that_names_itself_a_sidebars_goes(safe):
    widget = """<div class="sidebar-widget widget_custom"><h3>Welpen nach Rassen</h3><ul>
    <li><a href="/a">Affenpinscher</a></li><li><a href="/b">Beagle</a></li></ul></div>"""
    result = safe.clean(blog(widget))
    assert "Beagle" not in result.text and LEDE in result.text
    assert "a widget of a sidebar" in removed(result)["generic-html/aside"][0].evidence[0]


def test_a_consent_gate_for_an_embed_goes(safe):
    gate = """<div class="_brlbs-content-blocker"><p>Klicken Sie auf den unteren Button, um den Inhalt von
    maps.example.org zu laden.</p><p><a class="_brlbs-btn" href="#">Inhalt laden</a></p></div>"""
    result = safe.clean(page(middle=gate))
    assert "Inhalt laden" not in result.text and "Klicken Sie" not in result.text and SECOND in result.text
    assert '"content-blocker"' in removed(result)["generic-html/ui"][0].evidence[0]


def test_a_copyright_credit_ending_a_plain_line_goes_an_agency_byline_stays(safe):
    under = """<div class="image"><a href="/p.jpg"><img src="p.jpg" alt=""></a>
    <div class="text">The quay in 1975, the year the market opened. | © Harbour Archive/Getty Images</div></div>"""
    byline = f"<p>{SECOND} (dpa)</p>"
    result = safe.clean(page(middle=under, after=byline))
    assert "The quay in 1975, the year the market opened." in result.text
    assert "Getty" not in result.text and f"{SECOND} (dpa)" in result.text
    (credit,) = removed(result)["generic-html/credit"]
    assert credit.text == "© Harbour Archive/Getty Images"
    # A copyright sign inside a sentence, or a site's own notice, is no such credit.
    own = "<p>The recipe, © Ann Lee 2019, is reproduced with permission of the harbour cookery club.</p>"
    assert "© Ann Lee 2019" in safe.clean(page(middle=own)).text
