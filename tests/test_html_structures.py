"""Furniture told by how the page is built (html_structures.py): a table of contents, a graphic's labels placed by
coordinates, a line of the page's marked dates and author. Each goes audited with its evidence; the article's own
look-alikes stay: footnotes, a figure and its caption, a sentence with a date, a paragraph in a box called
"related-content"."""

from __future__ import annotations

import pytest
from test_generic_html import LEDE, SECOND, THIRD  # the same article as the markup-evidence tests

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins
from cleanser.stages import generic_html

WORKS = (
    "The board has asked two firms to price the repair of the western half, and expects their figures before the "
    "end of the month, when it will decide whether the market can reopen at all."
)
TRADERS = (
    "Most of the traders say they will follow the market to Mill Lane, though two of the oldest stalls have said "
    "they will close for good rather than move twice in one year."
)


def page(before: str = "", middle: str = "", after: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>Kelby fish market to close</title></head><body>
<main><div class="story">
<h1>Kelby fish market to close</h1>
{before}
<p>{LEDE}</p>
{middle}
<h2 id="repairs">What the repairs will cost</h2>
<p>{SECOND}</p>
<p>{WORKS}</p>
<h2><span class="headline" id="traders">Where the traders go</span></h2>
<p>{THIRD}</p>
<a id="next"></a>
<h3>What comes next</h3>
<p>{TRADERS}</p>
{after}
</div></main>
</body></html>"""


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


@pytest.fixture(scope="module")
def aggressive() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="aggressive")


def removed(result, rule: str) -> list:
    return [r for r in result.audit if r.plugin == generic_html.PLUGIN and r.rule == rule and r.refused is None]


ARTICLE = (LEDE, SECOND, WORKS, THIRD, TRADERS, "What the repairs will cost", "Where the traders go", "What comes next")


def kept_whole(text: str) -> bool:
    return all(part in text for part in ARTICLE)


# --- a table of contents --------------------------------------------------------------------------------------------


def test_a_table_of_contents_goes_with_its_title_and_every_heading_stays(safe, aggressive):
    toc = """<div class="box"><p class="box-title">On this page</p><ul>
<li><a href="#repairs">1 What the repairs will cost</a></li>
<li><a href="#traders">2 Where the traders go</a><ul><li><a href="#next">2.1 What comes next</a></li></ul></li>
</ul></div>"""
    # At `safe` it stays: Mozilla Readability's reference keeps a page's table of contents.
    assert "2.1 What comes next" in safe.clean(page(before=toc)).text
    result = aggressive.clean(page(before=toc))
    assert kept_whole(result.text)
    assert "1 What the repairs" not in result.text and "2.1" not in result.text
    assert "On this page" not in result.text  # the title of the box whose list went
    (removal,) = removed(result, "generic-html/navigation")
    assert "table of contents: 3 of 3 links" in removal.evidence[0]


def test_a_long_contents_entry_with_a_nested_list_is_no_paragraph_of_prose(aggressive):
    # The item "2 Where the traders go" holds a list of many sub-entries: read whole, it is over 25 words.
    sub = "".join(f'<li><a href="#next">2.{i} What comes next for stall number {i} of the market</a></li>'
                  for i in range(1, 6))
    toc = f"""<ol><li><a href="#repairs">What the repairs will cost</a></li>
<li><a href="#traders">Where the traders go</a><ol>{sub}</ol></li></ol>"""
    result = aggressive.clean(page(before=toc))
    assert kept_whole(result.text)
    assert "stall number 3" not in result.text
    assert len(removed(result, "generic-html/navigation")) == 1  # one removal, not one per line


def test_footnotes_and_links_to_other_pages_are_no_table_of_contents(aggressive):
    safe = aggressive  # (the level at which contents lists go)
    notes = """<ol class="notes">
<li id="n1"><a href="#r1">^</a> Harbour board minutes, 3 March.</li>
<li id="n2"><a href="#r2">^</a> Engineers' report on the western piles.</li>
<li id="n3"><a href="#r3">^</a> Traders' association letter to the board.</li></ol>"""
    result = safe.clean(page(after=notes))
    assert "Harbour board minutes, 3 March." in result.text
    assert "Traders' association letter" in result.text
    # In-page links that go to paragraphs, not headings, stay too (a list of the article's own points).
    points = """<ul><li><a href="#p1">The cost of the repairs</a></li><li><a href="#p2">The move to Mill Lane</a></li>
<li><a href="#p3">The stalls that close</a></li></ul>"""
    result = safe.clean(page(before=points).replace(f"<p>{SECOND}", f'<p id="p1">{SECOND}'))
    assert "The move to Mill Lane" in result.text
    # A list of links to the same headings on another page is a menu, and no business of this detector.
    menu = """<ul><li><a href="/a#repairs">What the repairs will cost</a></li><li><a href="#traders">Traders</a></li>
<li><a href="#next">Next</a></li></ul>"""
    result = safe.clean(page(before=menu))
    assert not [r for r in removed(result, "generic-html/navigation") if "table of contents" in r.evidence[0]]


# --- a graphic's labels ---------------------------------------------------------------------------------------------

CHART = """<div class="graphic"><img src="chart.png" alt="">
<div style="top:4.9%;left:96.6%;width:60px"><p>$915</p><p>billion</p></div>
<div style="top:4.4%;left:0.1%;width:243px"><p>Stalls let each year</p></div>
<div style="top:34.8%;right:95%;width:44px"><p>600</p></div>
<div style="top:64.8%;right:95%;width:44px"><p>300</p></div>
<div style="bottom:2%;left:10%;width:30px"><p>’17</p></div>
<div style="bottom:2%;left:90%;width:30px"><p>’28</p></div>
</div>"""


def test_the_labels_of_a_chart_drawn_as_an_image_go_its_caption_stays(safe):
    caption = "Stalls let at Kelby market each year since 2017, from the board's own accounts."
    figure = f"<figure>{CHART}<figcaption>{caption}</figcaption></figure>"
    result = safe.clean(page(middle=figure))
    assert kept_whole(result.text)
    assert caption in result.text  # a caption is the article's (Readability and readers keep it)
    assert "$915" not in result.text and "’28" not in result.text and "Stalls let each year" not in result.text
    (removal,) = removed(result, "generic-html/ui")
    assert "6 labels placed on a picture" in removal.evidence[0]


def test_positioned_boxes_without_a_picture_or_with_prose_stay(safe):
    no_picture = CHART.replace('<img src="chart.png" alt="">', "")
    assert "Stalls let each year" in safe.clean(page(middle=no_picture)).text
    # A box of the article placed by coordinates that holds a sentence of prose is not a label.
    with_prose = CHART.replace("<p>600</p>", f"<p>{WORKS}</p>")
    result = safe.clean(page(middle=with_prose))
    assert WORKS in result.text and "Stalls let each year" in result.text


# --- a metadata line ------------------------------------------------------------------------------------------------


def test_a_line_of_marked_dates_and_author_above_the_article_goes(safe):
    line = """<p class="signature"><span itemprop="publisher">Kelby Courier</span> |
<time datetime="2024-03-05T13:36">05.03.2024 at 13h36</time> • Updated on
<time datetime="2024-03-06T20:13">06.03.2024 at 20h13</time> | By
<span itemprop="author"><a href="/staff/jo">Jo Marsh</a> (with Sam Reed)</span></p>"""
    result = safe.clean(page(before=line))
    assert kept_whole(result.text)
    assert "Jo Marsh" not in result.text and "Updated on" not in result.text
    (removal,) = removed(result, "generic-html/dateline")
    assert "marked as such" in removal.evidence[0]
    # A line that is one <time datetime> element, however long its text.
    stamp = '<div><time datetime="2024-03-06T20:13">March 5, 2024, 1:36 PM UTC / Updated March 6, 2024, 8:13 PM UTC' \
            "</time></div>"
    assert "Updated March 6" not in safe.clean(page(before=stamp)).text


def test_a_sentence_or_a_line_of_its_own_words_with_a_date_stays(safe):
    sentence = (
        'The board first met to discuss the market on <time datetime="2023-11-02">2 November</time>, when the '
        "engineers' report was read out to traders."
    )
    words = (
        '<p>Public meeting at the Mill Lane hall, all traders and neighbours welcome: <time datetime="2024-04-02">'
        "2 April</time></p>"
    )
    result = safe.clean(page(before=f"<p>{sentence}</p>" + words))
    assert sentence.replace('<time datetime="2023-11-02">', "").replace("</time>", "") in result.text
    assert "Public meeting at the Mill Lane hall" in result.text
    # A sentence marked as the author (a bio) is no byline.
    bio = ('<p><span itemprop="author">Jo Marsh has covered the harbour and its markets for the Courier since '
           '2009.</span></p>')
    assert "covered the harbour" in safe.clean(page(after=bio)).text
    # Between the paragraphs a marked line stays: it is the article's, not the page's header or footer.
    middle = '<p><span itemprop="author">Jo Marsh</span> <time datetime="2024-03-05">5 March</time></p>'
    assert "Jo Marsh" in safe.clean(page(middle=middle)).text


def test_a_paragraph_in_a_box_called_related_content_stays(safe):
    box = f'<div class="related-content"><p>{WORKS}</p></div>'
    result = safe.clean(page(middle=box.replace(WORKS, RELATED_KEPT)))
    assert RELATED_KEPT in result.text


RELATED_KEPT = (
    "The harbour master said the fenced half would stay closed to the public until the engineers had finished, "
    "and that the car park beside it would open again on Saturday."
)
