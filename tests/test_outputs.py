"""Outputs: text, Markdown (valid CommonMark, checked by parsing it back), HTML and JSON: they differ only in
markup."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from conftest import run_cli
from markdown_it import MarkdownIt

import cleanser

PAGES = Path(__file__).parent / "pages"
MD = MarkdownIt("commonmark").enable("table")
BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
              "li": "list_item", "blockquote": "quote", "table": "table", "pre": "code", "p": "paragraph",
              "figcaption": "caption"}


def rendered_blocks(html: str) -> list[tuple[str, str]]:
    """(kind, text) of each block of rendered HTML, in order; Markdown captions are emphasised paragraphs."""
    out = []
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for el in root.iter():
        kind = BLOCK_TAGS.get(el.tag if isinstance(el.tag, str) else "")
        if kind is None:
            continue
        if kind == "paragraph" and any(a.tag in ("li", "blockquote", "table", "figure") for a in el.iterancestors()):
            continue
        if kind == "list_item":
            text = (el.text or "") + "".join(
                (c.text_content() if c.tag not in ("ul", "ol") else "") + (c.tail or "") for c in el
            )
        elif kind == "table":
            text = "\n".join(" | ".join(c.text_content() for c in tr) for tr in el.iter("tr"))
        elif kind == "paragraph" and _only_emphasis(el):
            kind, text = "caption", el.text_content()
        else:
            text = el.text_content()
        out.append((kind, _norm(kind, text)))
    return out


def _only_emphasis(el) -> bool:
    return len(el) == 1 and el[0].tag == "em" and not (el.text or "").strip() and not (el[0].tail or "").strip()


def _norm(kind: str, text: str) -> str:
    if kind == "code":
        return text.strip("\n")
    if kind == "table":
        return "\n".join(" ".join(row.split()) for row in text.split("\n"))
    return " ".join(text.split())


def result_blocks(result) -> list[tuple[str, str]]:
    return [(b["kind"], _norm(b["kind"], b["text"])) for b in result.blocks]


TRICKY = (
    "<article><h2>1986. A year of *stars* &amp; [brackets]</h2>"
    "<p># not a heading, - not a list, &gt; not a quote</p>"
    "<p>1. Not a list either, nor 2) this; a_b_c and `code` and <b>&lt;b&gt;</b> and \\ backslash</p>"
    "<p>+ plus, = equals, --- and *** and ___ stay text &amp;amp; &#38;copy;</p>"
    "<ul><li>[link-like](text) item</li><li>*starred* item<ol><li>first &lt;nested&gt;</li>"
    "<li>second</li></ol></li></ul>"
    "<ol start='9'><li>nine</li><li>ten</li><li>eleven<ul><li>deep</li></ul></li></ol>"
    "<blockquote><p>A *quoted* line</p></blockquote>"
    "<figure><figcaption>_Caption_ with *marks*</figcaption></figure>"
    "<table><tr><th>Name | with pipe</th><th>Value</th></tr><tr><td>a*b</td><td>1</td></tr></table>"
    "<pre>code with ``` fences\n  and *stars*</pre></article>"
)


@pytest.mark.parametrize("source", ["seawall-vote.html", "paywalled-smelter.html", "free-ferry-newsletter.html",
                                    "tricky"])
def test_markdown_is_commonmark_with_the_same_blocks(source):
    data = TRICKY if source == "tricky" else (PAGES / source).read_bytes()
    result = cleanser.clean(data)
    assert rendered_blocks(MD.render(result.markdown)) == result_blocks(result)


@pytest.mark.parametrize("source", ["seawall-vote.html", "tricky"])
def test_html_output_round_trips(source):
    data = TRICKY if source == "tricky" else (PAGES / source).read_bytes()
    result = cleanser.clean(data)
    assert rendered_blocks(result.html) == result_blocks(result)
    again = cleanser.clean(result.html)
    assert [(b["kind"], b["text"], b.get("level"), b.get("ordered")) for b in again.blocks] == [
        (b["kind"], b["text"], b.get("level"), b.get("ordered")) for b in result.blocks
    ]


def test_markdown_lists_nest_under_their_marker():
    md = cleanser.clean(TRICKY).markdown
    assert "- \\*starred\\* item\n  1. first \\<nested\\>\n  2. second" in md
    assert "9. nine\n10. ten\n11. eleven\n    - deep" in md
    tokens = [t.type for t in MD.parse(md)]
    assert tokens.count("bullet_list_open") == 2 and tokens.count("ordered_list_open") == 2


def test_text_and_markdown_differ_only_in_markup():
    result = cleanser.clean((PAGES / "seawall-vote.html").read_bytes())
    text_lines = result.text.split("\n")
    md_texts = [text for kind, text in rendered_blocks(MD.render(result.markdown)) for text in text.split("\n")]
    stripped = []
    for line in text_lines:
        for marker in ("- ", "1. ", "2. ", "3. "):
            if line.startswith(marker):
                line = line[len(marker):]
                break
        stripped.append(line)
    assert stripped == md_texts


def test_text_input_markdown_and_text():
    text = (
        "Rail strike called off\n\n"
        "Train drivers have called off next week's strike after talks that ran late into the night.\n\n"
        "The deal includes:\n\n"
        "- a pay rise of 4 per cent\n"
        "- a review of rosters\n\n"
        "> We are pleased to have reached an agreement, the union said.\n\n"
        "Services will run normally from Monday, the operator said."
    )
    result = cleanser.clean(text)
    assert result.text == text  # a text input's text output keeps its lines as they were
    assert result_blocks(result) == [
        ("heading", "Rail strike called off"),
        ("paragraph", "Train drivers have called off next week's strike after talks that ran late into the night."),
        ("paragraph", "The deal includes:"),
        ("list_item", "a pay rise of 4 per cent"),
        ("list_item", "a review of rosters"),
        ("quote", "We are pleased to have reached an agreement, the union said."),
        ("paragraph", "Services will run normally from Monday, the operator said."),
    ]
    assert rendered_blocks(MD.render(result.markdown)) == result_blocks(result)


def test_links_only_when_asked():
    page = (PAGES / "seawall-vote.html").read_bytes()
    plain, linked = cleanser.clean(page), cleanser.clean(page, links=True)
    assert "](" not in plain.markdown and "<a " not in plain.html
    assert "[crumbling Victorian wall](https://www.westerncourier.example/news/2024/harbour-wall-report)" in (
        linked.markdown
    )
    assert "- [a rebuilt lifeboat slipway](/news/2024/lifeboat-slipway)" in linked.markdown
    assert '<a href="/news/2024/lifeboat-slipway">a rebuilt lifeboat slipway</a>' in linked.html
    assert plain.text == linked.text  # links change markup only
    tokens = [t for t in MD.parseInline("x", {})]  # the parser itself works inline too
    assert tokens
    links = [c.attrGet("href") for t in MD.parse(linked.markdown) if t.children for c in t.children
             if c.type == "link_open"]
    assert links[:2] == ["https://www.westerncourier.example/news/2024/harbour-wall-report",
                         "/news/2024/lifeboat-slipway"]
    item = next(b for b in linked.blocks if b["text"] == "a rebuilt lifeboat slipway")
    assert item["links"] == [{"text": "a rebuilt lifeboat slipway", "href": "/news/2024/lifeboat-slipway"}]


def test_cli_json_has_blocks_flags_and_metadata(tmp_path):
    proc = run_cli("clean", "--format", "json", str(PAGES / "paywalled-smelter.html"),
                   str(PAGES / "free-ferry-newsletter.html"))
    assert proc.returncode == 0, proc.stderr
    smelter, ferry = (json.loads(line) for line in proc.stdout.decode().splitlines())
    assert smelter["flags"]["paywalled"] == "schema.org isAccessibleForFree is false in JSON-LD (locked part: .paywall)"
    assert ferry["flags"] == {}
    assert ferry["metadata"]["title"] == "Island ferry gets an electric twin"
    assert [b["kind"] for b in ferry["blocks"]][:2] == ["paragraph", "paragraph"]
    assert all(set(b) >= {"kind", "text"} for b in smelter["blocks"])


def test_cli_links_and_markdown(tmp_path):
    out = tmp_path / "seawall.md"
    proc = run_cli("clean", "--format", "markdown", "--links", str(PAGES / "seawall-vote.html"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    md = out.read_text(encoding="utf-8")
    assert "## What the plan includes" in md and "[crumbling Victorian wall](https://" in md
    proc = run_cli("clean", "--format", "html", str(PAGES / "seawall-vote.html"))
    assert b"<a " not in proc.stdout and b"<h2>Who pays</h2>" in proc.stdout
