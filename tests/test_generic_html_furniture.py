"""Furniture told by its words and place where its markup says nothing (html_headings.py, html_credits.py and the
date, credit and refused-box evidence of generic_html.py / html_shapes.py): headings that name furniture and the
boxes they head, readers' feedback prompts, links back to the overview, publication date lines, reading-time
bylines, photo credits at the end of captions and as lines of their own, the short lines of a box the guard keeps.
Each goes audited with its evidence; the article's own sections, lists, captions, dates and code stay."""

from __future__ import annotations

import pytest
from test_generic_html import LEDE, SECOND, THIRD
from test_generic_html_shapes import page, removed

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins
from cleanser.stages.html_headings import heading_kind

LONG_COMMENT = (
    "I worked on that quay for thirty years and the piles were already soft when my father showed me the damp "
    "patches under the western stalls, so none of this comes as a surprise to anyone who fished there."
)


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


def article_intact(text: str) -> bool:
    return LEDE in text and SECOND in text and THIRD in text


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Lesen Sie auch:", "related"),
        ("Das könnte Sie auch interessieren", "related"),
        ("NOTAS RELACIONADAS", "related"),
        ("À lire aussi", "related"),
        ("Czytaj także", "related"),
        ("More from The Harbour Times", "related"),
        ("Über den Autor", "bio"),
        ("Leave a Reply", "comments"),
        ("Share this article", "share"),
        ("Weitere Informationen zum Hafen:", "info"),
        ("Was this article helpful?", "ui"),
        ("Zurück zur Übersicht", "navigation"),
        # An article's own headings, and one-word headings a menu or a recipe uses ("Share" plates).
        ("What happens next", None),
        ("Share", None),
        ("Teilen", None),
        ("Fazit", None),
        ("The results of the survey", None),
    ],
)
def test_heading_kind_reads_the_whole_heading(heading, kind):
    assert heading_kind(heading) == kind


def test_a_box_of_links_under_a_furniture_heading_goes_whole(safe):
    box = """<div class="box"><h3>Lesen Sie auch</h3><ul>
    <li><a href="/a">Hafen bekommt neue Kaimauer</a> <span>3 Bilder</span></li>
    <li><a href="/b">Parkgebühren steigen im Mai</a></li></ul></div>"""
    result = safe.clean(page(after=box))
    assert "Lesen Sie auch" not in result.text and "Parkgebühren" not in result.text and "3 Bilder" not in result.text
    assert article_intact(result.text)
    (removal,) = removed(result)["generic-html/related"]
    assert removal.evidence[0] == "a box of links under a heading that names furniture ('Lesen Sie auch')"


def test_further_reading_introduced_by_a_sentence_keeps_its_links(safe):
    # "More on this" over a sentence that introduces links: the article's own further reading. The heading goes,
    # the sentence and the links stay (in the article's flow: after its end, a run of links is `links_after_prose`'s).
    box = """<div><h2>Mehr zum Thema</h2>
    <p>Einen Überblick über die neue Schnittstelle finden Sie im Hilfe-Center und auf den Seiten des Anbieters:</p>
    <ul><li><a href="https://example.org/a">Die Schnittstelle nutzen</a></li>
    <li><a href="https://example.org/b">Informationen zum Anbieter</a></li></ul></div>"""
    result = safe.clean(page(middle=box))
    assert "Einen Überblick über die neue Schnittstelle" in result.text and "Die Schnittstelle nutzen" in result.text
    assert "Mehr zum Thema" not in result.text


def test_an_info_heading_goes_only_after_the_article(safe):
    heading = "<h3>Weitere Informationen</h3>"
    after = safe.clean(page(after=heading + "<p>Kelby Harbour Board, Quay Street 1</p>"))
    assert "Weitere Informationen" not in after.text and "Quay Street 1" in after.text
    assert "after the article's last paragraph" in removed(after)["generic-html/links"][0].evidence[0]
    inside = safe.clean(page(middle=heading))
    assert "Weitere Informationen" in inside.text


def test_a_one_word_share_heading_of_a_menu_stays(safe):
    menu = "<h2>Share</h2><ul><li>Slow-cooked lamb shoulder</li><li>Charred cabbage</li></ul>"
    result = safe.clean(page(middle=menu))
    assert "Share" in result.text and "Charred cabbage" in result.text


def test_a_feedback_prompt_and_a_back_link_go_a_heading_that_starts_alike_stays(safe):
    after = """<p><strong>War der Artikel nützlich?</strong></p>
    <div class="box-end"><a href="/lexikon">Zurück zum Lexikon</a></div>"""
    result = safe.clean(page(middle="<h2>Back to school in the harbour</h2>", after=after))
    assert "War der Artikel nützlich?" not in result.text and "Zurück zum Lexikon" not in result.text
    assert "Back to school in the harbour" in result.text and article_intact(result.text)
    rules = removed(result)
    assert "feedback prompt" in rules["generic-html/ui"][0].evidence[0]
    assert "a link back or to the overview" in rules["generic-html/navigation"][0].evidence[0]


def test_a_publication_date_line_goes_anywhere_a_sentence_with_a_date_stays(safe):
    dated = "<p>The board first met on 12.03.2020 to discuss the piles under the western half of the market.</p>"
    result = safe.clean(page(middle=dated, after="<p>Aktualisiert am 03.04.2020, 12:35</p>"))
    assert "Aktualisiert am" not in result.text and "first met on 12.03.2020" in result.text
    assert "publication date line" in removed(result)["generic-html/published"][0].evidence[0]


def test_publication_labels_in_other_scripts():
    from cleanser.stages.html_vocabulary import PUBLISHED

    assert PUBLISHED.match("最終更新:3/9(木) 18:45") and PUBLISHED.match("Stand: 05. Februar 2020")
    assert not PUBLISHED.match("Standard deviation 12:30")


def test_a_reading_time_byline_goes_between_paragraphs(safe):
    result = safe.clean(page(middle="<p>By Ann Lee | Feb 8, 2020 | 5 min read</p>"))
    assert "5 min read" not in result.text and article_intact(result.text)


def test_the_credit_at_the_end_of_a_caption_goes_the_caption_stays(safe):
    figure = """<figure><img src="a.jpg"><figcaption>The western half of the market at dawn.
    Foto: J. Doe/Kelby Agency</figcaption></figure>"""
    classed = """<div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">Stalls on Mill Lane
    (Quelle: Name/Unsplash)</p></div>"""
    result = safe.clean(page(middle=figure, after=classed))
    assert "The western half of the market at dawn." in result.text and "Stalls on Mill Lane" in result.text
    assert "J. Doe" not in result.text and "Unsplash" not in result.text
    credits = removed(result)["generic-html/credit"]
    assert {r.text for r in credits} == {"Foto: J. Doe/Kelby Agency", "(Quelle: Name/Unsplash)"}
    # A caption that is a sentence about its picture ends with no credit: nothing of it goes.
    plain = "<figure><img src='c.jpg'><figcaption>The source of the leak: a broken pipe.</figcaption></figure>"
    assert "The source of the leak: a broken pipe." in safe.clean(page(middle=plain)).text


def test_a_credit_line_goes_a_source_line_stays(safe):
    result = safe.clean(page(after="<p>Titelbild: Kelby Agency/J. Doe</p><p>Quelle: Harbour Board survey</p>"))
    assert "Titelbild" not in result.text and "Quelle: Harbour Board survey" in result.text
    assert "photo credit line" in removed(result)["generic-html/credit"][0].evidence[0]


def test_a_site_copyright_notice_is_no_photo_credit_line():
    import lxml.html

    from cleanser.stages.html_shapes import credit_line

    assert credit_line(lxml.html.fragment_fromstring("<p>© Kelby Agency/J. Doe</p>"))
    assert credit_line(lxml.html.fragment_fromstring("<p>© 2024 Harbour Times Ltd. All rights reserved</p>")) is None


def test_a_copyright_note_inside_a_caption_line_goes(safe):
    figure = """<figure><img src="a.jpg"><figcaption><span>The quay in 1950</span>
    <span class="copyright-note">© Harbour Archive</span></figcaption></figure>"""
    result = safe.clean(page(middle=figure))
    assert "The quay in 1950" in result.text and "Harbour Archive" not in result.text


def test_a_comment_box_the_guard_keeps_loses_its_short_lines(safe):
    # Between the article's paragraphs (under them the whole box goes: test_html_tail_boxes.py).
    comments = f"""<div class="comments"><h3>2 responses</h3><p>{LONG_COMMENT}</p>
    <label>Your name</label><button>Post reply</button></div>"""
    result = safe.clean(page(middle=comments))
    assert LONG_COMMENT in result.text and article_intact(result.text)
    assert "Post reply" not in result.text and "Your name" not in result.text and "2 responses" not in result.text
    lines = removed(result)["generic-html/comments"]
    assert any("a short line of a box the guard kept" in r.evidence[0] for r in lines)


def test_a_box_misnamed_related_keeps_its_own_plain_lines(safe):
    # For a "related" box the guard keeps, only links and headings go: its plain lines may be the article's.
    box = f'<div class="related-background"><p>{LONG_COMMENT}</p><p>Stalls move on Monday</p></div>'
    result = safe.clean(page(middle=box))
    assert LONG_COMMENT in result.text and "Stalls move on Monday" in result.text


def test_a_code_listing_keeps_its_highlighted_comments(safe):
    code = '<pre><code><span class="token comment">// open the market</span>\nopen(market);</code></pre>'
    result = safe.clean(page(middle=code))
    assert "// open the market" in result.text
