"""Boxes the markup names as furniture under the article (html_tail_boxes.py): a bio, post metadata, a comment
thread, a newsletter pitch or a run of teaser cards whose prose the guard would keep goes when it stands below the
article's last paragraph of prose, audited with where it stood. The same box between the article's paragraphs stays,
and so do a box whose name is a wrapper's state, a "related" box with prose of its own, a box under a page with one
paragraph of its own, and a box whose prose the second opinion holds."""

from __future__ import annotations

import pytest
from test_generic_html import LEDE, SECOND, THIRD
from test_generic_html_shapes import page, removed

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins
from cleanser.read.page import parse
from cleanser.stages import html_shapes, html_tail_boxes

BIO = (
    "Mara Lind has reported on the harbour towns of the east coast for twelve years. Before that she worked as a "
    "deckhand on the Kelby ferry, and she still swims off the south pier every morning of the year."
)
POSTED = (
    "This entry was posted on Tuesday, 4 March 2025 at 18:20 and is filed under Harbour, Town Council. You can "
    "follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback."
)
COMMENT = (
    "I worked on that quay for thirty years and the piles were already soft when my father showed me the damp "
    "patches under the western stalls, so none of this comes as a surprise to anyone who fished there."
)
PITCH = (
    "Missing out on the latest from the harbour? Enter your email address below to receive every new story in your "
    "inbox, and check your spam folder if the confirmation we send you does not arrive within an hour."
)


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


def intact(text: str) -> bool:
    return LEDE in text and SECOND in text and THIRD in text


def blog(after: str) -> str:
    """A blog post as WordPress themes print it: the post's text in its own box, the furniture beside it."""
    return f"""<!DOCTYPE html><html><head><title>Kelby fish market to close</title></head><body>
<div id="content"><div class="post">
<h1>Kelby fish market to close</h1>
<div class="entry-content"><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></div>
{after}
</div></div>
</body></html>"""


@pytest.mark.parametrize(
    ("box", "gone", "rule"),
    [
        (f'<div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>{BIO}</p></div></div>', BIO, "bio"),
        (f'<p class="postmetadata alt"><small>{POSTED}</small></p>', POSTED, "tags"),
        (
            f'<div id="comments" class="comments-area"><h3>One response</h3><ol class="commentlist"><li>'
            f'<cite>Ann Hale</cite> says:<p>{COMMENT}</p></li></ol></div>',
            COMMENT,
            "comments",
        ),
        (
            f'<div class="blog-subscribe"><h3>Email newsletter</h3><p>{PITCH}</p>'
            '<input type="email"><input type="submit" value="Sign me up"></div>',
            PITCH,
            "newsletter",
        ),
    ],
    ids=["author-bio", "post-metadata", "comment-thread", "newsletter-pitch"],
)
def test_a_named_box_under_the_article_goes_with_its_prose(safe, box, gone, rule):
    result = safe.clean(page(after=box))
    assert gone not in result.text and intact(result.text)
    (removal,) = [r for r in removed(result)[f"generic-html/{rule}"] if gone in r.text]
    assert "below the article's last paragraph of prose" in removal.evidence[0]
    # Beside the box of the post's text, as themes print it (readability may leave some of these out of the
    # container already; the text is the same either way).
    result = safe.clean(blog(box))
    assert gone not in result.text and intact(result.text)


def test_the_same_box_between_the_article_paragraphs_stays(safe):
    box = f'<div class="author-box"><p>{BIO}</p></div>'
    result = safe.clean(page(middle=box))
    assert BIO in result.text and intact(result.text)
    assert any(r.rule == "generic-html/bio" and r.refused for r in result.audit)


def test_a_box_named_for_a_wrappers_state_stays(safe):
    # "comments-enabled", "has-comments": a theme's names for the article's own boxes, not a comment thread.
    for name in ("comments-enabled", "post has-comments", "newsletter--open"):
        result = safe.clean(page(after=f'<div class="{name}"><p>{COMMENT}</p></div>'))
        assert COMMENT in result.text, name


def test_a_last_section_whose_name_is_also_furnitures_stays(safe):
    # A paper's "Discussion", a musician's "Biography": the article's own last section, not a comment thread or a bio.
    for name in ('id="discussion"', 'class="section biography"', 'id="bio"', 'class="event-registration"'):
        result = safe.clean(page(after=f"<section {name}><h2>Discussion</h2><p>{COMMENT}</p></section>"))
        assert COMMENT in result.text, name


def test_a_section_named_for_a_topic_that_shares_a_share_token_stays(safe):
    # "social…" names share bars, and a topic too: a share bar holds no prose, so that kind is never taken here.
    result = safe.clean(page(after=f'<div class="social-impact"><p>{COMMENT}</p></div>'))
    assert COMMENT in result.text


def test_an_opinion_piece_named_kommentar_under_the_report_stays(safe):
    # A regional paper's "Kommentar" box under its report is an editorial, not readers' comments (named in the plural).
    result = safe.clean(page(after=f'<div class="kommentar"><h3>Kommentar</h3><p>{COMMENT}</p></div>'))
    assert COMMENT in result.text


def test_the_articles_continuation_behind_a_wall_stays(safe):
    # A site may print the subscribers' part of the article in a box named for its wall: that prose is the article's.
    for name in ("paid-content", "article-paywall", "premium-box promo", "abo newsletter-teaser"):
        result = safe.clean(page(after=f'<div class="{name}"><p>{COMMENT}</p><p>{BIO}</p></div>'))
        assert COMMENT in result.text and BIO in result.text, name


def test_a_related_box_with_prose_of_its_own_stays(safe):
    # Not a run of teaser items: the box's own paragraph may be the article's further reading.
    result = safe.clean(page(after=f'<div class="related-reading"><p>{COMMENT}</p></div>'))
    assert COMMENT in result.text


def test_a_page_with_one_paragraph_of_its_own_keeps_the_box():
    # Too little of the article outside furniture to say where it ends: the guard keeps the box.
    html = f"""<!DOCTYPE html><html><body><div class="post"><h1>A note</h1><p>{LEDE} {SECOND}</p>
    <div class="author-bio"><p>{BIO}</p></div></div></body></html>"""
    result = Cleaner(Plugins.from_rulesets(), generic="safe").clean(html)
    assert BIO in result.text and LEDE in result.text
    assert any(r.rule == "generic-html/bio" and r.refused for r in result.audit)


def test_a_quote_or_a_plain_box_under_the_article_stays(safe):
    # No name that says furniture: the article's closing quote and its last box are its own.
    tail = f'<blockquote><p>{COMMENT}</p></blockquote><div class="box"><p>{BIO}</p></div>'
    result = safe.clean(page(after=tail))
    assert COMMENT in result.text and BIO in result.text


def test_a_box_whose_prose_the_second_opinion_holds_stays(monkeypatch):
    from cleanser.stages import second_opinion

    monkeypatch.setattr(second_opinion, "extract", lambda html, url: "\n".join([LEDE, SECOND, THIRD, BIO]))
    cleaner = Cleaner(Plugins.from_rulesets(), second_opinion=True)
    result = cleaner.clean(page(after=f'<div class="author-bio"><p>{BIO}</p></div>'))
    assert BIO in result.text


def test_the_article_ends_at_its_last_paragraph_outside_furniture():
    root = parse(page(after=f'<div class="author-bio"><p>{BIO}</p></div><p>{COMMENT}</p>'))
    article = root.find(".//div[@class='story']")
    layout = html_shapes.Layout.of(article)
    bio = article.find(".//div[@class='author-bio']")
    last = article.findall("p")[-1]
    assert html_tail_boxes.article_end(layout, [bio]) == layout.order[last]  # the plain paragraph after the bio
    assert not html_tail_boxes.in_tail(layout, bio, "bio", html_tail_boxes.article_end(layout, [bio]))
    only = parse(page())
    story = only.find(".//div[@class='story']")
    lay = html_shapes.Layout.of(story)
    assert html_tail_boxes.article_end(lay, []) == lay.order[story.findall("p")[-1]]
    assert html_tail_boxes.article_end(lay, list(story.findall("p"))[1:]) is None  # one paragraph of its own



FEED = (
    "Harbour towns along the east coast report record numbers of visitors this spring, and several councils now "
    "plan new car parks and ferry landings before the summer season begins in earnest next month."
)


def two_columns(side: str, where: str = "before") -> str:
    """A fragment whose container is the page's wrapper: the post's text in its own column, a sidebar beside it."""
    post = f'<div class="entry"><h1>Kelby fish market to close</h1><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></div>'
    return f"<div>{side}{post}</div>" if where == "before" else f"<div>{post}{side}</div>"


SIDEBAR = (
    '<div id="sidebar" class="widget-area"><div class="widget widget_rss"><h3>Coast news</h3><ul><li>'
    f'<a href="/coast">Visitors flock to the coast</a><div class="rssSummary">{FEED}</div></li></ul></div>'
    '<div class="widget widget_archive"><h3>Archives</h3><ul><li><a href="/2025/03">March 2025</a></li></ul>'
    "</div></div>"
)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_furniture_box_beside_the_articles_column_goes_with_its_prose(safe, where):
    # The container is the page's wrapper (a fragment's body here): the feed's summary in the sidebar widget is the
    # sidebar's prose, not the article's, wherever the sidebar stands in the source.
    result = safe.clean(two_columns(SIDEBAR, where))
    assert FEED not in result.text and intact(result.text)
    evidence = [r.evidence[0] for rs in removed(result).values() for r in rs if FEED in r.text]
    assert evidence and all("outside the box that holds the article's prose" in e or "below" in e for e in evidence)


def test_the_same_box_inside_the_articles_column_stays(safe):
    # Between the post's own paragraphs the widget is inside the column: the guard keeps its prose as before.
    widget = f'<div class="widget widget_text"><div class="textwidget"><p>{FEED}</p></div></div>'
    post = f'<div class="entry"><p>{LEDE}</p>{widget}<p>{SECOND}</p><p>{THIRD}</p></div>'
    area = '<div class="widget-area"><div class="widget">a</div><div class="widget">b</div></div>'
    result = safe.clean(f"<div>{area}{post}</div>")
    assert FEED in result.text and intact(result.text)


def test_a_page_with_no_column_of_its_own_keeps_the_box(safe):
    # The article's paragraphs stand in the container itself: there is no column to stand beside, so a bio before
    # them keeps its prose (the guard's word, as before).
    html = f'<div class="author-bio"><p>{BIO}</p></div><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>'
    result = safe.clean(html)
    assert BIO in result.text and intact(result.text)


def test_the_articles_column_is_the_deepest_box_holding_four_fifths_of_its_prose():
    root = parse(f"<html><body>{two_columns(SIDEBAR)}</body></html>")
    body = root.find("body")
    layout = html_shapes.Layout.of(body)
    side = body.find(".//div[@id='sidebar']")
    entry = body.find(".//div[@class='entry']")
    own = html_tail_boxes.article_of(layout, [side])
    assert own.column == (layout.order[entry], layout.end[entry])
    assert html_tail_boxes.beside_column(layout, side, "aside", own)
    assert not html_tail_boxes.beside_column(layout, side, "share", own)  # a kind whose name may be a topic's
    flat = parse(f"<html><body><p>{LEDE}</p><p>{SECOND}</p></body></html>").find("body")
    assert html_tail_boxes.article_of(html_shapes.Layout.of(flat), []).column is None  # the container is the column
