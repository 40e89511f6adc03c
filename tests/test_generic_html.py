"""Generic boilerplate detection inside the article's container (generic_html.py): comment sections, share bars,
related lists and newsletter boxes go at the default level, each audited with its evidence; prose stays whatever
its box is called; `generic="off"` runs none of it."""

from __future__ import annotations

import lxml.html
import pytest

from cleanser import Cleaner
from cleanser.plugins.manager import Plugins
from cleanser.stages import generic_html

LEDE = (
    "The harbour board voted on Tuesday night to close the old fish market at Kelby Quay after engineers found "
    "that the timber piles under its western half had rotted through in several places."
)
SECOND = (
    "Traders who rent stalls there will move to a temporary hall on Mill Lane from the first of next month, and "
    "the board says it will put the cost of a new market to a public meeting before the summer."
)
THIRD = (
    "Engineers have fenced off the western half of the building and say the eastern half is sound for now, "
    "though they want to inspect it again after the winter storms have passed."
)
RELATED_PROSE = (
    "A survey of the quay walls carried out in the spring had already warned that the timber under the market "
    "was older than any other structure in the harbour and had not been inspected for thirty years."
)
COMMENT = "Shame, my grandfather sold crab there."


def page(inside: str, after: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>Kelby fish market to close</title></head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article class="story">
<h1>Kelby fish market to close</h1>
<p>{LEDE}</p>
{inside}
<p>{SECOND}</p>
<p>{THIRD}</p>
{after}
</article></main>
<footer class="site-footer"><p>Kelby Gazette</p></footer>
</body></html>"""


SHARE = '<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>'
NEWSLETTER = '<div class="newsletter-signup"><p>Get the Kelby morning briefing in your inbox</p></div>'
RELATED = """<div class="related-stories"><ul>
<li><a href="/a">Harbour dredging to start in May</a></li>
<li><a href="/b">New ferry timetable announced</a></li>
<li><a href="/c">Quay car park fees go up</a></li></ul></div>"""
COMMENTS = f"""<section id="comments"><h2>2 comments</h2>
<div class="comment"><p>{COMMENT}</p></div>
<div class="comment"><p>Where will the Saturday stalls go?</p></div>
<form class="comment-form"><p>Leave a reply</p></form></section>"""


@pytest.fixture(scope="module")
def safe() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="safe")


@pytest.fixture(scope="module")
def off() -> Cleaner:
    return Cleaner(Plugins.from_rulesets(), generic="off")


def generic_removals(result) -> dict[str, list]:
    found: dict[str, list] = {}
    for removal in result.audit:
        if removal.plugin == generic_html.PLUGIN:
            found.setdefault(removal.rule, []).append(removal)
    return found


def test_share_newsletter_related_and_comments_are_dropped_and_audited(safe):
    result = safe.clean(page(SHARE + NEWSLETTER, RELATED + COMMENTS))
    text = result.text
    for kept in (LEDE, SECOND, THIRD):
        assert kept in text
    for gone in ("Facebook", "morning briefing", "Harbour dredging", COMMENT, "Leave a reply", "2 comments"):
        assert gone not in text
    rules = generic_removals(result)
    assert {"generic-html/share", "generic-html/newsletter", "generic-html/related", "generic-html/comments"} <= set(
        rules
    )
    share = rules["generic-html/share"][0]
    assert share.kind == "html" and share.refused is None
    assert share.evidence == ('"share" in class/id "share-bar"',)
    assert share.to_dict()["evidence"] == list(share.evidence)
    assert "Facebook" in share.text
    assert all(r.refused is None for rs in rules.values() for r in rs)
    # Removed elements are placed among the blocks like a site rule's.
    assert {r.where for rs in rules.values() for r in rs} <= {"inline", "bottom"}


def test_prose_in_a_box_called_related_is_kept_and_the_refusal_audited(safe):
    boxed = f'<div class="related-background"><p>{RELATED_PROSE}</p></div>'
    result = safe.clean(page(boxed))
    assert RELATED_PROSE in result.text
    refused = [r for r in result.refused if r.rule == "generic-html/related"]
    assert len(refused) == 1
    assert "prose" in refused[0].refused
    assert refused[0].evidence == ('"related" in class/id "related-background"',)
    assert "guard" in result.flags


def test_a_heading_that_introduced_a_removed_list_goes_with_it(safe):
    related = '<h3>Around the harbour</h3>' + RELATED
    result = safe.clean(page("", related))
    assert "Around the harbour" not in result.text
    heading = generic_removals(result)["generic-html/heading"][0]
    assert "Around the harbour" in heading.evidence[0]


def test_a_section_heading_with_its_own_text_stays(safe):
    inside = f'<h2>What happens next</h2>{SHARE}<p>{RELATED_PROSE}</p>'
    result = safe.clean(page(inside))
    assert "What happens next" in result.text
    assert "Facebook" not in result.text


def test_roles_and_tags_are_evidence(safe):
    inside = (
        '<aside><p>Read more: harbour news</p></aside>'
        '<div role="navigation"><a href="/1">1</a> <a href="/2">2</a> <a href="/3">Next page</a></div>'
    )
    result = safe.clean(page(inside))
    assert "harbour news" not in result.text and "Next page" not in result.text
    evidence = {r.evidence[0] for r in result.removed if r.plugin == generic_html.PLUGIN}
    assert {"<aside>", 'role="navigation"'} <= evidence


def test_one_kind_that_holds_most_of_the_container_is_its_content(safe):
    # A live blog whose entries are called "comment": they are the article.
    entries = "".join(
        f'<div class="comment"><p>{minute}\' {text}</p></div>'
        for minute, text in (
            (3, "The visitors win a corner on the left after a long spell of pressure."),
            (12, "A header from the corner goes just wide of the far post."),
            (25, "The home side finally string some passes together in midfield."),
            (40, "A long shot is tipped over the bar by the goalkeeper."),
        )
    )
    html = f"<html><body><article><h1>Kelby v Porthcarrow</h1>{entries}<p>Kick-off 3pm.</p></article></body></html>"
    result = safe.clean(html)
    assert "tipped over the bar" in result.text and "header from the corner" in result.text
    assert not generic_removals(result).get("generic-html/comments")


def test_off_runs_none_of_it_and_keeps_everything(off, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("generic HTML detection ran with generic='off'")

    for name in ("strip_boilerplate", "not_article", "widen_to_prose"):
        monkeypatch.setattr(generic_html, name, fail)
    result = off.clean(page(SHARE + NEWSLETTER, RELATED + COMMENTS))
    for kept in ("Facebook", "morning briefing", "Harbour dredging", COMMENT):
        assert kept in result.text
    assert not generic_removals(result)


def test_a_box_of_links_after_the_article_goes_but_web_addresses_stay(safe):
    links = '<div class="box"><a href="/1">Tide tables</a> <a href="/2">Parking</a> <a href="/3">Events</a></div>'
    sources = (
        '<div class="box"><a href="https://kelby.example/report">kelby.example/report</a> '
        '<a href="https://harbour.example/piles">harbour.example/piles</a></div>'
    )
    for cleaner in (safe, Cleaner(Plugins.from_rulesets(), generic="aggressive")):
        result = cleaner.clean(page("", links))
        assert "Tide tables" not in result.text
        links_removal = generic_removals(result)["generic-html/links"][0]
        assert "after the article's last paragraph" in links_removal.evidence[0]
    assert "harbour.example/piles" in safe.clean(page("", sources)).text


def test_not_article_names_dialogs_navigation_and_asides_but_never_most_of_the_page():
    root = lxml.html.document_fromstring(
        f"""<html><body><div id="overlay-wrapper">
        <div role="dialog"><p>Sign in to continue</p></div>
        <div class="cookie-banner"><p>We use cookies</p></div>
        <nav><a href="/">Home</a></nav>
        <div class="story"><p>{LEDE}</p><p>{SECOND}</p></div>
        </div></body></html>"""
    )
    found = generic_html.not_article(root)
    texts = [el.text_content().strip() for el in found]
    assert texts == ["Sign in to continue", "We use cookies", "Home"]


def test_a_choice_holding_little_of_the_prose_widens_to_the_ancestor_that_holds_it():
    root = lxml.html.document_fromstring(
        f"""<html><body><div id="page"><div class="article-column">
        <a class="teaser" href="/x"><span>Also: the quay in pictures</span></a>
        <div class="block"><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></div>
        </div><div class="sidebar"><p>Weather: dry</p></div></div></body></html>"""
    )
    teaser = root.find_class("teaser")[0]
    widened = generic_html.widen_to_prose(root, [teaser])
    assert [el.get("class") for el in widened] == ["article-column"]
    block = root.find_class("block")[0]
    assert generic_html.widen_to_prose(root, [block]) == [block]
