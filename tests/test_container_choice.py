"""The choice of the article's container (read/extract.py with generic_html.not_article): a box whose only word for
"not the article" is in a script's hook (`js-lightbox-gallery`: a script opens its pictures in a lightbox) stays in
the page that readability-lxml scores; a lightbox, an overlay or a pop-up named as such is still left out, whatever
it holds."""

from __future__ import annotations

import lxml.html
from test_generic_html import LEDE, SECOND, THIRD

import cleanser
from cleanser.stages import generic_html

MORE = (
    "The board has asked two firms to price the repair of the western half, and expects their figures before the "
    "end of the month, when it will decide whether the market can reopen at all."
)


# The page around the article: the box is less than half of the page's text, as on a real page.
FOOTER = "".join(f'<p><a href="/s{i}">Section {i}: harbour news, tide tables and the market calendar</a></p>'
                 for i in range(12))


def page(box_class: str, box: str) -> str:
    return f"""<!doctype html><html><head><title>Kelby fish market to close</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="page-body"><div class="column">
<h1>Kelby fish market to close</h1>
<div class="textblock"><p>{LEDE}</p></div>
<div class="{box_class}"><img src="quay.jpg" alt=""><div class="body">{box}</div></div>
</div><aside><p>Weather: dry</p></aside></div>
<footer><p>Kelby Courier, 1 Quay Street</p>{FOOTER}</footer>
</body></html>"""


def test_the_article_in_a_box_that_opens_a_lightbox_is_extracted():
    html = page("media js-lightbox-gallery", f"<p>{SECOND}</p><p>{THIRD}</p><p>{MORE}</p>")
    root = lxml.html.document_fromstring(html)
    assert [el.get("class") for el in generic_html.not_article(root)] == [None, None, None]  # nav, aside, footer
    text = cleanser.clean(html).text  # (readability-lxml, not this layer, decides whether the lede box joins it)
    assert SECOND in text and THIRD in text and MORE in text


def test_a_lightbox_an_overlay_or_comments_named_as_such_are_still_no_article():
    root = lxml.html.document_fromstring(
        f"""<html><body><div class="story"><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></div>
        <div class="lightbox-overlay"><p>Photo 3 of 12</p><p>Close the gallery</p></div>
        <div class="overlay"><p>{MORE}</p><p>{THIRD}</p></div>
        <div class="comments js-lightbox"><p>{MORE}</p><p>{THIRD}</p></div></body></html>"""
    )
    found = [el.get("class") for el in generic_html.not_article(root)]
    # an overlay with prose is an overlay (an old browser's notice); a comment section is none of the article,
    # whatever its script does
    assert found == ["lightbox-overlay", "overlay", "comments js-lightbox"]


def test_a_page_that_writes_its_text_in_divs_widens_as_one_with_paragraphs_does():
    steps = "".join(f'<div class="step-text">{text}</div>' for text in (SECOND, THIRD, MORE))
    root = lxml.html.document_fromstring(
        f"""<html><body><div id="page"><div class="tip">
        <div class="teaser"><a href="/x"><span>Also: the quay in pictures</span></a></div>
        <div class="steps">{steps}</div>
        </div><div class="sidebar"><div>Weather: dry</div></div></div></body></html>"""
    )
    teaser = root.find_class("teaser")[0]
    assert [el.get("class") for el in generic_html.widen_to_prose(root, [teaser])] == ["tip"]
    # With paragraphs of prose in <p> elements, a div is not read as one (menus and boxes hold text in divs too).
    with_paragraphs = lxml.html.document_fromstring(
        f"""<html><body><div id="page"><div class="story"><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></div>
        <div class="other">{steps}</div></div></body></html>"""
    )
    story = with_paragraphs.find_class("story")[0]
    assert generic_html.widen_to_prose(with_paragraphs, [story]) == [story]


def test_teasers_in_links_under_a_short_walled_article_are_no_text_written_in_divs():
    # A short article stopped by a wall, with a "most read" box under it whose teasers are divs inside links: the
    # page has under 1,000 characters of prose in <p>, but the teasers are other pages', so the choice stays.
    teasers = "".join(
        f'<li><a href="/t{i}"><div class="teaser-text"><span>{text}</span></div></a></li>'
        for i, text in enumerate((SECOND, THIRD, MORE))
    )
    root = lxml.html.document_fromstring(
        f"""<html><body><div id="page"><div class="story"><p>{LEDE}</p>
        <div class="wall">Already a subscriber? Log in</div></div>
        <div class="most-read"><ul>{teasers}</ul></div></div></body></html>"""
    )
    story = root.find_class("story")[0]
    assert generic_html.widen_to_prose(root, [story]) == [story]
