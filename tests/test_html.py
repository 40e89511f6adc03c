"""HTML input: the article's structure survives extraction (headings, lists, quotes, tables, captions), the
containers rules emptied go, a paragraph a removed element cut in two is joined again, and output HTML is safe."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

import cleanser
from cleanser import Cleaner, ruleset_from_dict
from cleanser.plugins.manager import Plugins
from cleanser.read.blocks import is_data_table, to_blocks
from cleanser.read.page import parse, safe_href, strip_junk
from cleanser.rules.model import load_ruleset_file

PAGES = Path(__file__).parent / "pages"
GENERIC = Path(cleanser.__file__).with_name("generic.toml")
SEAWALL_URL = "https://www.westerncourier.example/news/2025/03/porthcarrow-sea-wall"
COURIER = {
    "name": "westerncourier",
    "domains": ["westerncourier.example"],
    "rule": [
        {"id": "promo-box", "kind": "html", "selectors": ["aside.promo-box"], "description": "newsletter box"},
        {"id": "share-bar", "kind": "html", "selectors": ["div.share-bar"], "description": "share links"},
        {"id": "related", "kind": "html", "selectors": ["div.related"], "description": "related stories"},
    ],
}


@pytest.fixture(scope="module")
def courier() -> Cleaner:
    generic = load_ruleset_file(GENERIC, generic=True)
    return Cleaner(Plugins.from_rulesets(generic, ruleset_from_dict(COURIER)))


@pytest.fixture(scope="module")
def seawall(courier):
    return courier.clean((PAGES / "seawall-vote.html").read_bytes(), url=SEAWALL_URL)


def kinds(result, kind):
    return [b for b in result.blocks if b["kind"] == kind]


def test_headings_lists_quotes_tables_captions_survive(seawall):
    assert [(h["text"], h["level"]) for h in kinds(seawall, "heading")] == [
        ("What the plan includes", 2),
        ("Who pays", 2),
    ]
    items = kinds(seawall, "list_item")
    # Short items and an item that is nothing but a link are kept: lists are never dropped for being short.
    assert [i["text"] for i in items] == [
        "a raised walkway",
        "two flood gates",
        "new steps to the beach at Fore Street",
        "a rebuilt lifeboat slipway",
        "Design, to be finished by June",
        "Demolition of the damaged eastern section",
        "Construction, from September",
    ]
    assert [i.get("ordered", False) for i in items] == [False] * 4 + [True] * 3
    assert [q["text"] for q in kinds(seawall, "quote")] == [
        "We have patched this wall eleven times since 1990. Every patch has bought us a winter, and we are out "
        "of winters."
    ]
    table = kinds(seawall, "table")[0]
    assert table["rows"][0] == ["Source", "Amount"] and table["rows"][-1] == ["Harbour commissioners", "£1.7m"]
    captions = [c["text"] for c in kinds(seawall, "caption")]
    assert captions == [
        "Waves over the eastern section of the wall in January. Photograph: Ellis Rowe",
        "How the £14m is split",
    ]
    # A caption is a caption, never body text.
    assert not any("Photograph: Ellis Rowe" in p["text"] for p in kinds(seawall, "paragraph"))


def test_page_chrome_stays_out_and_order_is_kept(seawall):
    text = seawall.text
    for chrome in ("Sport", "Search", "Share on X", "Copy link", "More on this story", "All rights reserved",
                   "dataLayer", "border: 1px"):
        assert chrome not in text, chrome
    lines = text.split("\n")
    order = ["Councillors backed", "The vote, carried", "What the plan includes", "- a raised walkway",
             "1. Design", "Waves over", "Fishing crews", "Who pays", "Source | Amount", "We have patched",
             "A public exhibition"]
    found = [next(i for i, line in enumerate(lines) if line.startswith(o)) for o in order]
    assert found == sorted(found)


def test_paragraph_cut_by_a_removed_box_is_joined(seawall):
    joined = [p["text"] for p in kinds(seawall, "paragraph") if p["text"].startswith("Fishing crews")]
    assert len(joined) == 1
    assert joined[0].endswith(
        "the crews were relieved that the work would pause during the pilchard season in the autumn, when the "
        "boats need the quay most."
    )
    promo = next(r for r in seawall.removed if r.rule == "westerncourier/promo-box")
    assert promo.kind == "html" and promo.where == "inline" and "Sign up for our newsletter" in promo.text
    assert next(r for r in seawall.removed if r.rule == "westerncourier/related").where == "bottom"
    assert "Coast Watch" not in seawall.text  # the emptied container went whole, heading included


def _clean_promo(html: str):
    """Clean with one site rule that removes every element of class "promo"."""
    rules = {"name": "t", "domains": ["t.example"], "rule": [{"id": "p", "kind": "html", "selectors": [".promo"]}]}
    return Cleaner(Plugins.from_rulesets(ruleset_from_dict(rules))).clean(html, url="https://t.example/a")


def test_no_join_when_the_first_half_ends_a_sentence():
    html = (
        "<article><p>The harbour board met on Monday to discuss the dredging contract for the summer.</p>"
        "<div class='promo'>Read more: our dredging explainer</div>"
        "<p>members also approved the new mooring fees.</p></article>"
    )
    result = _clean_promo(html)
    assert [b["text"] for b in result.blocks] == [
        "The harbour board met on Monday to discuss the dredging contract for the summer.",
        "members also approved the new mooring fees.",
    ]


def test_a_promo_removed_from_inside_a_paragraph_leaves_it_whole():
    """An inline element with text beside it is a piece of the line: the paragraph is one block however short its
    first half, and the removal is glued. An element that is a paragraph's whole text stands between blocks."""
    html = (
        "<article><p>Fees rose<a class='promo' href='/nl'>Get our newsletter</a> for the third year.</p>"
        "<p><span class='promo'>Subscribe today</span></p>"
        "<p>The board meets again in <em>March<span class='promo'>Sign up</span></em>.</p>"
        "<p>Dredging<b class='promo'>Ad</b>starts soon.</p></article>"
    )
    result = _clean_promo(html)
    assert [b["text"] for b in result.blocks] == [
        "Fees rose for the third year.", "The board meets again in March.", "Dredging starts soon.",
    ]
    assert [(r.text, r.where) for r in result.removed] == [
        ("Get our newsletter", "glued"), ("Subscribe today", "inline"), ("Sign up", "glued"), ("Ad", "glued"),
    ]


def test_heading_and_link_only_list_are_never_dropped():
    html = (
        "<html><body><div class='nav'><a href='/'>Home</a></div><div class='article'>"
        + "<p>The county published its list of bridges that need urgent repair on Wednesday, after a survey of "
        "all 212 structures found corrosion in the steel of several crossings built in the 1960s.</p>" * 3
        + "<h3><a href='/bridges'>Bridges</a></h3>"
        "<ul><li><a href='/b/1'>Mill Lane</a></li><li><a href='/b/2'>Quarry Road</a></li></ul>"
        + "<p>Engineers said none of the bridges was unsafe for now, but that weight limits would be imposed on "
        "two of them until repairs are finished next year, and that the work would cost about £4m.</p>" * 2
        + "</div></body></html>"
    )
    result = cleanser.clean(html)
    assert ("heading", "Bridges") in [(b["kind"], b["text"]) for b in result.blocks]
    assert [b["text"] for b in kinds(result, "list_item")] == ["Mill Lane", "Quarry Road"]
    assert "Home" not in result.text


def test_layout_table_is_walked_data_table_is_kept():
    layout = parse(
        "<table><tr><td><h2>Notes</h2><p>First paragraph of the story.</p><p>Second paragraph.</p></td></tr></table>"
    )
    strip_junk(layout)
    assert [(b.kind, b.text) for b in to_blocks(layout)] == [
        ("heading", "Notes"),
        ("paragraph", "First paragraph of the story."),
        ("paragraph", "Second paragraph."),
    ]
    data = lxml.html.fromstring("<table><tr><td>Year</td><td>Tonnes</td></tr><tr><td>2024</td><td>31</td></tr></table>")
    assert is_data_table(data)
    assert not is_data_table(lxml.html.fromstring("<table><tr><td>only one cell</td></tr></table>"))


def test_nested_lists_and_item_paragraphs():
    root = parse(
        "<ol start='4'><li><p>Dig the trench</p><p>to a depth of one metre</p><ul><li>by hand near pipes</li>"
        "</ul></li><li>Lay the cable</li></ol>"
    )
    blocks = to_blocks(root)
    assert [(b.text, b.level, b.ordered, b.prefix) for b in blocks] == [
        ("Dig the trench to a depth of one metre", 0, True, "4. "),
        ("by hand near pipes", 1, False, "- "),
        ("Lay the cable", 0, True, "5. "),
    ]


def test_hidden_and_junk_elements_go():
    result = cleanser.clean(
        "<article><p>The library reopens on Monday after a two-month refit, the council said.</p>"
        "<div style='display: none'>Hidden survey prompt</div><p hidden>Also hidden</p>"
        "<script>var tracking = 1;</script><noscript>Enable JavaScript</noscript></article>"
    )
    assert result.text == "The library reopens on Monday after a two-month refit, the council said."


UNSAFE = (
    "<article><h2 onclick='steal()'>Budget <em>vote</em></h2>"
    "<p style='color:red'>The <a href='javascript:alert(1)'>council</a> approved the "
    "<a href=' JaVaScRiPt:alert(2)'>budget</a> after <a href='data:text/html,x'>a long debate</a>, said "
    "<a href='https://example.org/mayor?a=1&amp;b=2' onmouseover='x()'>the mayor</a> and "
    "<a href='mailto:desk@example.org'>the desk</a> (<a href='/local'>local news</a>).</p>"
    "<script>alert(3)</script><style>p{}</style><img src=x onerror='alert(4)'>"
    "<p>&lt;script&gt;alert(5)&lt;/script&gt; is how the attack looked.</p></article>"
)


@pytest.mark.parametrize("links", [False, True])
def test_output_html_is_safe(links):
    result = cleanser.clean(UNSAFE, links=links)
    out = result.html.lower()
    for bad in ("<script", "<style", "onclick", "onmouseover", "onerror", "javascript:", "data:text", "style="):
        assert bad not in out, bad
    assert "&lt;script&gt;alert(5)&lt;/script&gt; is how the attack looked." in result.html
    tree = lxml.html.fromstring(result.html)
    hrefs = [a.get("href") for a in tree.iter("a")]
    if links:
        assert hrefs == ["https://example.org/mayor?a=1&b=2", "mailto:desk@example.org", "/local"]
    else:
        assert hrefs == []
    # The words of unsafe links stay; only the link goes.
    assert "The council approved the budget after a long debate, said the mayor" in tree.text_content()


def test_safe_href():
    assert safe_href("https://a.example/x") == "https://a.example/x"
    assert safe_href("../up") == "../up" and safe_href("page.html") == "page.html" and safe_href("#top") == "#top"
    for bad in ("javascript:alert(1)", "java\nscript:x", "vbscript:x", "data:text/html,x", "", None, "file:///etc"):
        assert safe_href(bad) is None, bad


def test_fragment_keeps_everything_in_order():
    html = (
        "<h2>Timeline</h2><p>Events in the order they happened.</p><ol><li>March: survey</li><li>May: vote</li></ol>"
        "<blockquote>It was a long spring.</blockquote><figure><img src='a.jpg'><figcaption>The survey team."
        "</figcaption></figure><pre>  code  stays\n    indented</pre>"
    )
    result = cleanser.clean(html)
    assert [(b["kind"], b["text"]) for b in result.blocks] == [
        ("heading", "Timeline"),
        ("paragraph", "Events in the order they happened."),
        ("list_item", "March: survey"),
        ("list_item", "May: vote"),
        ("quote", "It was a long spring."),
        ("caption", "The survey team."),
        ("code", "  code  stays\n    indented"),
    ]
