"""Silver line labels from the DOM: what a page's markup says is furniture, and what its article is, as text lines.

The development sets label few short lines by hand-checked references (the "gold" labels of `devsets.label_lines`:
about 1,300 boilerplate lines on the tune part). Yet every page says, in its markup, where much of its furniture
is: `<nav>`, `<footer>`, `<form>`, landmark roles, and class or id tokens such as "share", "newsletter",
"comments", "cookie" or "breadcrumb". The text of those elements, one line per block as a scraper that keeps line
breaks would save it, is boilerplate in the words each site really uses, in the site's language. The article side
comes from the references (every block of Mozilla Readability's extraction of a readability page) and from the
paragraphs of long prose inside the container cleanser extracts from a trafilatura-dev page, with the headings
that stand right above one of them.

These labels are "silver": a footer may hold a sentence of the article's, a reference may keep a caption. They
are made only where the evidence is strong, checked against the page's gold references (a line the reference holds
is never boilerplate), and `fit_generic.py` weighs them below the gold labels. Deterministic: the same pages give
the same lines in the same order.

    python bench/silver_lines.py [--part tune] [--show boilerplate|article] [--limit 40]   # counts, samples
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import SHORT_LINE, Page, _found_whole, _shingles, all_pages, squash

from cleanser.read.extract import extract
from cleanser.read.page import is_full_page, parse, strip_junk
from cleanser.stages.generic_html import not_article, widen_to_prose
from cleanser.stages.generic_lines import short_line
from cleanser.stages.html_vocabulary import ARTICLE_NAME, NOT_ARTICLE
from cleanser.text import is_prose

# Class and id tokens that say, with high confidence, that an element is furniture (at token edges, as in
# `html_vocabulary`). Narrower than the HTML layer's vocabulary on purpose: no "tags", "meta", "related" (a list of
# other articles' headlines teaches news words, not the words of furniture), no "promo" (ads are pictures).
_E = r"(?:^|[\s_-])"
_Z = r"(?=$|[\s_-])"
FURNITURE_TOKENS = re.compile(
    rf"{_E}(?:share\w*|sharing|shariff\w*|sharedaddy|social\w*|addthis\w*|follow-?us|teilen|"
    rf"newsletter\w*|subscri\w*|sign-?up|signup\w*|mc4wp\w*|abo|abonn\w+|"
    rf"comments?|comment-?(?:list|form|section|area|respond)|commentlist|commentform|respond|disqus\w*|"
    rf"kommentare?|"
    rf"cookie\w*|consent\w*|gdpr|cmp|"
    rf"breadcrumbs?|login\w*|log-?in|sign-?in|signin|register|registration|"
    rf"footer\w*|site-?footer|menu\w*|nav|navbar|navigation|pagination|pager|skip-?link|back-?to-?top|"
    rf"to-?top|scroll-?top){_Z}"
)
FURNITURE_TAGS = frozenset({"nav", "footer", "form", "aside"})
FURNITURE_ROLES = frozenset({"navigation", "contentinfo", "complementary", "search", "menu", "menubar"})
# Elements whose text no scraper saves, or that hold choices rather than lines (a country list of a form).
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "select", "option", "textarea", "iframe"})
# Elements whose text is a line of its own (the blocks of `devsets`, and the controls a scraper reads as lines).
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"),
        *("p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "button", "label", "legend", "caption"),
    }
)
# An element holding more of the page's text than this is a wrapper (an ASP.NET page's one `<form>`), not furniture.
MAX_SHARE = 0.3
LONG_PROSE_WORDS = 20  # "long prose": a container paragraph of this many words that reads as prose


@dataclass(frozen=True)
class SilverLine:
    text: str
    y: int  # 1 boilerplate, 0 article
    source: str  # what says so: '<nav>', 'class/id "share"', 'reference', 'container'
    kind: str = ""  # furniture: "list" (menus, sidebars, asides: mostly names of other pages) or "ui"
    link: bool = False  # furniture: the line is the whole text of a link (a menu item, a headline, "Impressum")


def block_lines(el) -> list[str]:
    """The element's text, one squashed line per block; links apart by a space."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _SKIP or not tag:
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                parts.append("\n")
            elif tag == "a":
                parts.append(" ")  # links side by side ("<a>Facebook</a><a>X</a>") are words apart
            parts.append(node.text or "")
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            elif tag == "a":
                parts.append(" ")
            if node is not el:
                parts.append(node.tail or "")
    return [line for line in (squash(p) for p in "".join(parts).split("\n")) if line]


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip().lower()


# Furniture that is mostly a list of other pages' names (sections, headlines, archive months): its words are the
# site's topics; the rest ("ui": footers, forms, share bars, consent and login boxes) speaks to the reader.
_LIST_NAMES = re.compile(
    rf"{_E}(?:menu\w*|nav|navbar|navigation|sidebar\w*|widget-?area|pager|pagination|off-?canvas\w*){_Z}"
)
_LIST_ROLES = frozenset({"navigation", "complementary", "menu", "menubar"})


def _furniture(el) -> tuple[str, str] | None:
    """What says the element is furniture, and its kind ("list" or "ui"), or None."""
    tag = el.tag if isinstance(el.tag, str) else ""
    role = (el.get("role") or "").strip().lower()
    if role in FURNITURE_ROLES:
        return f'role="{role}"', "list" if role in _LIST_ROLES else "ui"
    if tag in FURNITURE_TAGS:
        return f"<{tag}>", "list" if tag in ("nav", "aside") else "ui"
    names = _names(el)
    if names and not ARTICLE_NAME.search(names):
        m = FURNITURE_TOKENS.search(names) or NOT_ARTICLE.search(names)
        if m:
            token = m.group(0).strip(" _-")
            return f'class/id "{token}"', "list" if _LIST_NAMES.search(f" {token} ") else "ui"
    return None


def _holds_article(el) -> bool:
    """The element holds an article or its headline: a page wrapper, whatever its class says."""
    if next(el.iter("article", "main", "h1"), None) is not None:
        return True
    return any(ARTICLE_NAME.search(_names(d)) for d in el.iter() if isinstance(d.tag, str) and d.get("class"))


def _in_article(el) -> bool:
    """The element stands inside an `<article>`, `<main>` or a container named as the article: an `<aside>` there
    is a box of the article (a fact box, a pull quote) as often as furniture."""
    return any(
        a.tag in ("article", "main") or ARTICLE_NAME.search(_names(a))
        for a in el.iterancestors()
        if isinstance(a.tag, str)
    )


def furniture_lines(html: str) -> list[tuple[str, str, str, bool]]:
    """(line, evidence, kind, link) for the short lines of the elements a page's markup marks as furniture,
    outermost elements only, in document order (see `SilverLine`)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return []
    body = root.find("body")
    if body is None:
        body = root
    total = len(squash(body.text_content())) or 1
    out: list[tuple[str, str, str, bool]] = []

    def walk(parent) -> None:
        for el in parent:
            if not isinstance(el.tag, str) or el.tag in _SKIP:
                continue
            found = _furniture(el)
            if found is not None:
                why, kind = found
                weak = el.tag == "aside" or (el.get("role") or "").lower() == "complementary"
                if (
                    len(squash(el.text_content())) <= MAX_SHARE * total
                    and not _holds_article(el)
                    and not (weak and _in_article(el))
                ):
                    links = {squash(a.text_content()) for a in el.iter("a")}
                    out.extend(
                        (line, why, kind, line in links) for line in block_lines(el) if short_line(line)
                    )
                    continue
            if len(el):
                walk(el)

    walk(body)
    return out


def _long_prose(el) -> str | None:
    text = squash(el.text_content()) if el is not None and el.tag == "p" else ""
    return text if len(text.split()) >= LONG_PROSE_WORDS and is_prose(text) else None


def _container_article(html: str) -> list[str]:
    """Inside the container cleanser extracts (readability-lxml's choice, widened by the generic HTML layer), as
    cleanser reads a page at the default level: the paragraphs of long prose, and the headings that stand right
    above one (a section of the article: "Fazit", "The verdict"), in document order."""
    try:
        root = parse(html)
    except (ValueError, etree.ParserError):
        return []
    strip_junk(root)
    article = extract(root, is_full_page(html), not_article=not_article, widen=widen_to_prose)
    out = []
    for el in article.iter("p", "h2", "h3", "h4", "h5", "h6"):
        if el.tag == "p":
            text = _long_prose(el)
            if text:
                out.append(text)
        elif _long_prose(el.getnext()):
            heading = squash(el.text_content())
            if heading:
                out.append(heading)
    return out


def _reference_lines(page: Page) -> list[str]:
    """Every block of the reference that holds no other block, one line each: paragraphs, headings, list items,
    cells, captions."""
    if not page.reference_html:
        return []
    root = lxml.html.fromstring(page.reference_html)
    out = []
    for el in root.iter(*_BLOCKS):
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS and d.tag != "br" for d in el.iterdescendants()):
            continue
        out.extend(block_lines(el))
    return out


def _in_reference(page: Page, line: str) -> bool:
    """The reference holds the line, or a 4-word run of it (a line partly article is no furniture)."""
    ref, glued = page.reference_text, page.reference_glued
    if line in page.reference_blocks or _found_whole(line, ref) or _found_whole(line, glued):
        return True
    return len(line.split()) >= SHORT_LINE and bool(_shingles(line) & (_shingles(ref) | _shingles(glued)))


def silver_lines(page: Page) -> list[SilverLine]:
    """The page's silver lines, each text once: furniture lines as boilerplate; reference blocks (readability
    pages) or long container paragraphs (trafilatura-dev pages) as article. A line both sides claim is dropped,
    and so is a furniture line the page's gold labels say is article (a reference holds it, or it holds a `with`
    snippet)."""
    html = page.html
    furniture = furniture_lines(html)
    if page.set == "readability":
        article = _reference_lines(page)
        source = "reference"
        furniture = [f for f in furniture if not _in_reference(page, f[0])]
    else:
        article = _container_article(html)
        source = "container"
        with_ = [squash(s) for s in page.with_ if squash(s)]
        furniture = [f for f in furniture if not any(s in f[0] or f[0] in s for s in with_)]
    article_set = set(article)
    furniture_set = {f[0] for f in furniture}
    out: list[SilverLine] = []
    seen: set[str] = set()
    for line, why, kind, link in furniture:
        if line not in article_set and line not in seen:
            seen.add(line)
            out.append(SilverLine(line, 1, why, kind, link))
    for line in article:
        if line not in furniture_set and line not in seen:
            seen.add(line)
            out.append(SilverLine(line, 0, source))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="tune", choices=("tune",), help="only the tune part is read here")
    ap.add_argument("--show", choices=("boilerplate", "article"))
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    counts: Counter[str] = Counter()
    sites: dict[int, set[str]] = {0: set(), 1: set()}
    shown = 0
    for page in all_pages():
        if page.part != args.part:
            continue
        for s in silver_lines(page):
            counts[(s.y, short_line(s.text))] += 1
            sites[s.y].add(page.site)
            if args.show and (s.y == 1) == (args.show == "boilerplate") and shown < args.limit:
                shown += 1
                print(f"  {page.key} [{s.source}{' ' + s.kind if s.kind else ''}{' link' if s.link else ''}] "
                      f"{s.text[:110]!r}")
    print(f"boilerplate lines {counts[(1, True)]} from {len(sites[1])} sites; article lines {counts[(0, True)]} "
          f"short, {counts[(0, False)]} long, from {len(sites[0])} sites")


if __name__ == "__main__":
    main()
