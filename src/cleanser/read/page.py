"""The HTML path: parse once, strip what site rules name, find the article, and turn it into blocks.

Parsing never touches the network and never expands entities from outside the document. readability-lxml only
*chooses* the article's container, on a copy of the tree; we keep everything inside the original container
(headings, lists, quotes, tables, captions), none of readability's own cleaning, which drops short headings,
short or link-heavy lists and anything whose class looks unlikely. Promo inside the container is what rules are for.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from ..document import CAPTION, CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE, Block, Document, Removal
from ..rules.model import Rule
from ..stages.structure import continues
from .text import normalize_spaces

_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
)
# Never article text; removed before anything else looks at the tree.
_JUNK = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "button",
    "input",
    "select",
    "textarea",
    "link",
    "canvas",
    "dialog",
)
# Elements the page hides from readers: the hidden attribute or an inline display:none / visibility:hidden.
# One pass with one predicate: the same elements as a union of two paths, without a second pass and a merge.
_HIDDEN_XPATH = etree.XPath("//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')]")
_HIDDEN_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.IGNORECASE
)
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_WS = re.compile(r"\s+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Phrasing content: these run inside a paragraph. Any other element, known or custom, is a block of its own;
# a phrasing element that holds blocks (<a><div>…</div></a>) is treated as a block too.
_PHRASING = frozenset(
    {
        *("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em"),
        *("font", "i", "img", "ins", "kbd", "label", "mark", "math", "meter", "nobr", "output", "picture"),
        *("progress", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strike", "strong"),
        *("sub", "sup", "time", "tt", "u", "var", "wbr"),
    }
)
# Blocks that keep their own kind inside a list item; anything else in an item is part of the item's text.
_ITEM_BLOCKS = frozenset({"ul", "ol", "table", "pre", "blockquote", "figure", "figcaption", *_HEADINGS})
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|credit|image-credit)(?:$|[\s_-])", re.I)
_SAFE_HREF = re.compile(r"^(?:https?://|mailto:|/|\.{0,2}/|#|\?|[^:/?#]+(?:[/?#]|$))", re.I)
PLACEHOLDER = "cleanser-removed"  # stands where a rule removed an element, so cut paragraphs can be joined
_ID = "data-cleanser-id"


# A DOCTYPE with an internal subset ("<!DOCTYPE x [<!ENTITY ...>]>") is XML, not HTML: libxml2's HTML parser ends
# the declaration at the first ">" and leaves the rest ("]>") as text of the page. The subset declares entities
# that are never expanded anyway, so it goes before parsing.
_DOCTYPE_SUBSET = re.compile(r"(<!DOCTYPE[^\[>]*)\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)


def parse(html: str) -> lxml.html.HtmlElement:
    if "<!doctype" in html[:1024].lower():
        html = _DOCTYPE_SUBSET.sub(r"\1>", html, count=1)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html><body></body></html>")
    return root


def is_full_page(html: str) -> bool:
    return bool(_FULL_PAGE.search(html[:20000]))


def strip_junk(root: lxml.html.HtmlElement) -> None:
    # One walk of the tree for every junk tag (a union of per-tag paths walks it once per tag), in document order.
    for el in list(root.iter(*_JUNK)):
        _drop(el)
    for el in _HIDDEN_XPATH(root):
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            _drop(el)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _drop(el) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    # lxml hands back text it will not take again (control characters), in the tail and in the text it joins;
    # what XML cannot hold is not article text.
    tail = el.tail or ""
    if tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = _NOT_XML.sub("", (prev.tail or "") + tail)
        else:
            parent.text = _NOT_XML.sub("", (parent.text or "") + tail)
    parent.remove(el)


_SELECTOR_CACHE: dict[tuple[str, ...], list] = {}


def _compiled(rule: Rule) -> list:
    key = (*rule.selectors, "\x00", *rule.xpath)
    found = _SELECTOR_CACHE.get(key)
    if found is None:
        found = [CSSSelector(s) for s in rule.selectors] + [etree.XPath(x) for x in rule.xpath]
        _SELECTOR_CACHE[key] = found
    return found


_PARAGRAPHS = ("p", "li", "blockquote", "dd", "td", "pre", "h1", "h2", "h3", "h4", "h5", "h6")
Judge = Callable[[Rule, Any], "str | None"]


def paragraph_texts(el) -> list[str]:
    """What the guard is shown of an element a rule would remove: the paragraphs it holds, or its whole text."""
    return [_clean(p.text_content()) for p in el.iter(*_PARAGRAPHS)] or [_clean(el.text_content())]


def apply_html_rules(root: lxml.html.HtmlElement, rules: list[Rule], judge: Judge | None = None) -> list[Removal]:
    """Remove the elements site rules name; one audit entry per removed element that held text.

    A removed element that held text leaves an empty placeholder, so that `to_blocks` can put the removal in its
    place among the blocks: the restore stage then joins a paragraph the element had cut in two. `judge` (the
    guard) sees each element first; an element it refuses stays, and its removal is kept in the audit with the
    reason.
    """
    removals: list[Removal] = []
    for rule in rules:
        for selector in _compiled(rule):
            try:
                found = selector(root)
            except (etree.XPathError, TypeError):
                continue
            for el in found:
                if not isinstance(el, etree.ElementBase) or el.getparent() is None:
                    continue
                if el.tag in ("html", "body", PLACEHOLDER):
                    continue
                text = _WS.sub(" ", el.text_content()).strip()
                if not text:
                    _drop(el)
                    continue
                removal = Removal(rule=rule.qualified, plugin=rule.plugin, text=text, kind="html")
                removals.append(removal)
                if judge is not None:
                    removal.refused = judge(rule, el)
                    if removal.refused is not None:
                        continue
                marker = etree.Element(PLACEHOLDER, {"data-removal": str(len(removals) - 1)})
                if _inside_a_line(el):
                    marker.set("data-inline", "1")
                marker.tail = _NOT_XML.sub("", el.tail) if el.tail else None  # see _drop
                el.getparent().replace(el, marker)
    return removals


_LINE_HOLDERS = frozenset({"p", "li", "dd", "dt", "td", "th", "caption", "figcaption", "blockquote", *_HEADINGS})


def _inside_a_line(el) -> bool:
    """Whether an element is a piece of a line of text (a promo span or link inside a paragraph, with text beside
    it), so that its removal leaves the line whole rather than cutting it in two."""
    parent = el.getparent()
    if _tag(el) not in _PHRASING or parent is None or _tag(parent) not in _LINE_HOLDERS | _PHRASING:
        return False
    return bool(parent.text_content().replace(el.text_content(), "", 1).strip())


def _inline_placeholder(el) -> bool:
    return _tag(el) == PLACEHOLDER and el.get("data-inline") == "1"


# --- finding the article ---------------------------------------------------------------------------------------


def extract(
    root: lxml.html.HtmlElement, full_page: bool, container_xpath: Iterable[str] = ()
) -> lxml.html.HtmlElement:
    """The element holding the article: the body of a fragment; on a full page, the container readability-lxml
    scores best, with the siblings it relates to it, taken from the original tree.

    readability-lxml works on a copy (it changes the tree it scores): every element is stamped with its position
    first, so its choice can be found again in the original.
    `container_xpath` (a site config's `body` lines) names the container: the first expression that matches
    elements with text wins, and readability decides only when none does.
    """
    body = root.find("body")
    if body is None:
        body = root
    named = _xpath_container(root, container_xpath)
    if named:
        _stamp(root)
        return _assemble(named)
    if not full_page:
        return body
    elements = _stamp(root)
    chosen = _readability_choice(root, elements, ruthless=True)
    if _length(chosen) < 250:
        lenient = _readability_choice(root, elements, ruthless=False)
        if _length(lenient) > _length(chosen):
            chosen = lenient
    if not chosen:
        return body
    return _assemble(chosen)


def _xpath_container(root: lxml.html.HtmlElement, expressions: Iterable[str]) -> list:
    """Elements with text matched by the first expression that finds any, in document order, none inside another."""
    for expression in expressions:
        try:
            found = root.xpath(expression)
        except (etree.XPathError, TypeError, ValueError):
            continue
        picked: list = []
        for el in found if isinstance(found, list) else []:
            if not isinstance(el, etree.ElementBase) or not _WS.sub("", el.text_content()):
                continue
            if any(a in picked for a in el.iterancestors()):
                continue
            picked.append(el)
        if picked:
            return picked
    return []


def _stamp(root: lxml.html.HtmlElement) -> list:
    elements = []
    for el in root.iter():
        if isinstance(el.tag, str):
            el.set(_ID, str(len(elements)))
            elements.append(el)
    return elements


def _length(elements: list | None) -> int:
    return sum(len(_WS.sub("", el.text_content())) for el in elements) if elements else 0


def _readability_choice(root: lxml.html.HtmlElement, elements: list, ruthless: bool) -> list | None:
    """The original elements that make up readability-lxml's article, in document order."""
    from .readability_fast import Readability  # readability-lxml, minus work that cannot change its choice

    doc = Readability(copy.deepcopy(root))
    try:
        doc._html(True)
        if ruthless:
            doc.remove_unlikely_candidates()
        doc.transform_misused_divs_into_paragraphs()
        candidates = doc.score_paragraphs()
        best = doc.select_best_candidate(candidates)
        if not best:
            return None
        for step in ("get_semantic_article_candidate", "get_semantic_main_candidate"):
            if hasattr(doc, step):  # readability-lxml 0.9+
                best = getattr(doc, step)(candidates, best)
        best_copy = best["elem"]
        article = doc.get_article(candidates, best, html_partial=True)
    except Exception:  # readability gives up on odd trees; the caller falls back to the body
        return None
    picked = []
    best_original = _original(best_copy, elements)
    # readability-lxml 0.9 moves editorial leads (standfirst, dek) into the best element: take them from where
    # they are in the page.
    for child in best_copy:
        original = _original(child, elements)
        if original is not None and best_original is not None and original.getparent() is not best_original:
            picked.append(original)
    for child in article:
        original = _original(child, elements)
        if original is not None:
            picked.append(original)
    picked = _outermost([_lift(el) for el in picked])
    picked.sort(key=lambda el: int(el.get(_ID)))
    return _widen(picked)


def _lift(el):
    """A part of a table or list stands for the whole table or list (readability scores cells and items)."""
    tag = _tag(el)
    if tag in ("tbody", "thead", "tfoot", "tr", "td", "th"):
        table = next(el.iterancestors("table"), None)
        if table is not None and (tag in ("tbody", "thead", "tfoot") or is_data_table(table)):
            return table
    elif tag in ("li", "dt", "dd"):
        parent = el.getparent()
        if parent is not None and _tag(parent) in ("ul", "ol", "dl"):
            return parent
    return el


def _text_size(el) -> int:
    return len(_WS.sub("", el.text_content()))


def _widen(picked: list) -> list:
    """Take in what readability-lxml leaves beside its choice. It scores paragraphs only, so a section heading, a
    list, a table or a figure beside the scored paragraphs is not picked, a top complaint about extractors.

    In each parent of the picked elements: everything between two picked children is part of the article; before
    the first and after the last, a run of content elements (headings, paragraphs, lists, tables, figures,
    quotes, or a box holding only such) that are not mostly links joins it too.
    """
    by_parent: dict = {}
    for el in picked:
        parent = el.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append(el)
    added = []
    for parent, children in by_parent.items():
        siblings = [s for s in parent if _tag(s)]
        first, last = siblings.index(children[0]), siblings.index(children[-1])
        taken = set(children)
        added += [s for s in siblings[first : last + 1] if s not in taken]
        before = []
        for s in reversed(siblings[:first]):
            if _text_size(s) == 0:
                continue
            if not _is_content(s):
                break
            before.append(s)
        after = []
        for s in siblings[last + 1 :]:
            if _text_size(s) == 0:
                continue
            if not _is_content(s):
                break
            after.append(s)
        while after and _tag(after[-1]) in _HEADINGS:  # a heading with nothing of ours under it: the next section's
            after.pop()
        added += before + after
    added += _repeated_segments(picked)
    if not added:
        return picked
    out = _outermost(picked + added)
    out.sort(key=lambda el: int(el.get(_ID)))
    return out


def _signature(el) -> tuple[str, ...]:
    parent = el.getparent()
    own = (el.get("class") or "").split()[:1]
    up = (parent.get("class") or "").split()[:1] if parent is not None else []
    return (_tag(el), *own, "<", _tag(parent) if parent is not None else "", *up)


def _repeated_segments(picked: list) -> list:
    """Other instances of the picked elements' pattern: a page that cuts its article into segments of one kind
    (`div.step > div.content`), where readability-lxml picked only the segments that hold scored paragraphs."""
    if len(picked) < 2:
        return []
    signatures = {_signature(el) for el in picked if el.get("class")}
    if not signatures:
        return []
    common = set(picked[0].iterancestors())
    for el in picked[1:]:
        common &= set(el.iterancestors())
    ancestor = max(common, key=lambda a: int(a.get(_ID, "-1")), default=None)
    if ancestor is None:
        return []
    taken = set(picked)
    found = []
    for el in ancestor.iter():
        if el in taken or not _tag(el) or not el.get("class") or _signature(el) not in signatures:
            continue
        if _text_size(el) and _link_density(el) < 0.5 and not _NOT_CONTENT.search(_class_id(el)):
            found.append(el)
    return found


def _class_id(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


_CONTENT_TAGS = frozenset(
    {"p", "ul", "ol", "dl", "table", "figure", "figcaption", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6"}
)
_CONTENT_PARTS = frozenset({"li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "div"})
_NOT_CONTENT = re.compile(
    r"comment|related|share|social|promo|newsletter|subscri|signup|sign-up|footer|sidebar|nav|menu|breadcrumb|"
    r"advert|sponsor|popular|trending|recommend|more-|byline|author|meta|tags",
    re.I,
)


def _is_content(el) -> bool:
    tag = _tag(el)
    if _NOT_CONTENT.search(_class_id(el)):
        return False
    if tag in _HEADINGS:
        return tag != "h1"  # the page's title, which the metadata carries
    if tag in _CONTENT_TAGS:
        return tag == "p" or _link_density(el) < 0.5
    if tag in ("div", "section"):
        inner = [_tag(d) for d in el.iterdescendants() if _tag(d)]
        return (
            bool(inner)
            and all(t in _CONTENT_TAGS or t in _PHRASING or t in _CONTENT_PARTS for t in inner)
            and any(t in _CONTENT_TAGS for t in inner)
            and _link_density(el) < 0.3
        )
    return False


def _link_density(el) -> float:
    total = _text_size(el)
    if not total:
        return 1.0
    return sum(_text_size(a) for a in el.iter("a")) / total


def _original(el, elements: list):
    stamp = el.get(_ID) if isinstance(el.tag, str) else None
    if stamp is None:
        return None
    return elements[int(stamp)]


def _outermost(picked: list) -> list:
    chosen = {id(el) for el in picked}
    out, seen = [], set()
    for el in picked:
        if id(el) in seen or any(id(a) in chosen for a in el.iterancestors()):
            continue
        seen.add(id(el))
        out.append(el)
    return out


def _assemble(picked: list) -> lxml.html.HtmlElement:
    if len(picked) == 1:
        return picked[0]
    wrapper = lxml.html.Element("div")
    for el in picked:
        wrapper.append(el)  # moved, tail and all, out of the page: its tree is not used after extraction
    return wrapper


# --- blocks ----------------------------------------------------------------------------------------------------


def to_blocks(
    root: lxml.html.HtmlElement, *, links: bool = False, removals: list[Removal] | None = None
) -> list[Block]:
    """Walk the article's tree into blocks: headings, paragraphs, list items, quotes, captions, tables, code.

    Nothing is dropped for being short or link-heavy. `links` keeps each block's (anchor text, href) pairs for
    the writers; `removals` are the HTML rules' removals, placed where their placeholder stands.
    """
    walker = _Walker(root, links, removals or [])
    walker.flow(root, PARAGRAPH)
    walker.flush(PARAGRAPH)
    for removal in walker.pending:
        removal.where = "bottom"
    return walker.blocks


def _placeholder_removal(el, removals: list[Removal]) -> Removal | None:
    index = el.get("data-removal", "")
    return removals[int(index)] if index.isdigit() and int(index) < len(removals) else None


def place_removals(root: lxml.html.HtmlElement, article: lxml.html.HtmlElement, removals: list[Removal]) -> None:
    """Say where the HTML rules' removals outside the article stood: above it (top), below it (bottom) or between
    its parts (inline). Those inside the article are placed by `to_blocks`."""
    stamps = [int(s) for s in article.xpath(f".//@{_ID}")]
    if not removals or not stamps:
        return
    first, last = min(stamps), max(stamps)
    for marker in root.iter(PLACEHOLDER):
        removal = _placeholder_removal(marker, removals)
        if removal is None or removal.where or marker.get(_ID) is None:
            continue
        if any(a is article for a in marker.iterancestors()):
            continue
        stamp = int(marker.get(_ID))
        removal.where = "top" if stamp < first else "bottom" if stamp > last else "inline"


def _tag(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _clean(text: str) -> str:
    return _WS.sub(" ", normalize_spaces(text)).strip()


def safe_href(href: str | None) -> str | None:
    """A link target that is safe to write: http(s), mailto or relative; never javascript:, data: and the like."""
    if not href:
        return None
    href = _WS.sub("", normalize_spaces(href))
    if not href or any(ord(c) < 32 for c in href):
        return None
    return href if _SAFE_HREF.match(href) else None


@dataclass
class _Walker:
    root: lxml.html.HtmlElement
    links: bool
    removals: list[Removal]
    blocks: list[Block] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    run_links: list[tuple[str, str]] = field(default_factory=list)
    holds_blocks: set = field(default_factory=set)  # elements, not ids: a held proxy keeps its identity
    cut: bool = False  # a removed element stands between the last block and the next
    pending: list[Removal] = field(default_factory=list)  # removals whose place (inline or bottom) is not known yet

    def __post_init__(self) -> None:
        # Every element that is a block or holds one: phrasing elements in this set are walked as containers.
        for el in self.root.iter():
            if _tag(el) and _tag(el) not in _PHRASING and not _inline_placeholder(el):
                parent = el.getparent()
                while parent is not None and parent not in self.holds_blocks:
                    self.holds_blocks.add(parent)
                    parent = parent.getparent()

    def is_block(self, el) -> bool:
        tag = _tag(el)
        return bool(tag) and (tag not in _PHRASING or el in self.holds_blocks) and not _inline_placeholder(el)

    # -- runs of inline content --

    def flush(self, kind: str) -> None:
        self.emit(kind)

    def emit(self, kind: str, level: int = 0) -> Block | None:
        """Make a block of the current run (if it holds text) and start a new run."""
        text = _clean("".join(self.run))
        block = None
        if text:
            block = Block(text=text, kind=kind, level=level)
            if self.links and self.run_links:
                block.links = list(self.run_links)
            self.add(block)
        self.run.clear()
        self.run_links.clear()
        return block

    def add(self, block: Block) -> None:
        last = self.blocks[-1] if self.blocks else None
        if (
            self.cut
            and last is not None
            and last.kind == block.kind
            and block.kind in (PARAGRAPH, QUOTE)
            and continues(last.text, block.text)
        ):
            # A removed element had cut this paragraph in two: one half stops mid-sentence, the other goes on.
            last.text = f"{last.text} {block.text}"
            if block.links:
                last.links = (last.links or []) + block.links
        else:
            self.blocks.append(block)
        self.cut = False
        for removal in self.pending:
            removal.where = "inline"
        self.pending.clear()

    def inline(self, el) -> None:
        """Add an inline element's text to the current run."""
        tag = _tag(el)
        if tag == "br":
            self.run.append("\n")
        elif tag == PLACEHOLDER:
            # A promo removed from inside the line: the line goes on around it, two words kept apart.
            before = next((piece for piece in reversed(self.run) if piece), "")
            if before[-1:].isalnum() and (el.tail or "")[:1].isalnum():
                self.run.append(" ")
            removal = _placeholder_removal(el, self.removals)
            if removal is not None:
                removal.where = "glued"
        elif tag:
            start = len(self.run)
            self.run.append(el.text or "")
            for child in el:
                self.inline(child)
                self.run.append(child.tail or "")
            if tag == "a" and self.links:
                href = safe_href(el.get("href"))
                anchor = _clean("".join(self.run[start:]))
                if href and anchor:
                    self.run_links.append((anchor, href))

    # -- containers --

    def flow(self, el, kind: str) -> None:
        """A container: its text and inline children make paragraphs, its block children are walked in turn."""
        self.run.append(el.text or "")
        for child in el:
            tag = _tag(child)
            if tag == "br":
                self._break(kind)
            elif self.is_block(child):
                self.flush(kind)
                self.block(child, kind)
            elif tag:
                self.inline(child)
            self.run.append(child.tail or "")

    def _break(self, kind: str) -> None:
        # A line break ends the line: one block per line, as the page shows it.
        self.flush(kind)

    def block(self, el, kind: str) -> None:
        tag = _tag(el)
        if tag in _HEADINGS:
            self.single(el, HEADING, level=_HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self.list(el, depth=0)
        elif tag == "li":
            self.item(el, depth=0, ordered=False, number=0)
        elif tag == "blockquote":
            self.flow(el, QUOTE)
            self.flush(QUOTE)
        elif tag == "figcaption" or (tag != "figure" and _is_caption(el)):
            self.single(el, CAPTION)
        elif tag == "table":
            self.table(el, kind)
        elif tag == "pre":
            text = normalize_spaces(el.text_content()).strip("\n")
            if text.strip():
                self.add(Block(text=text, kind=CODE))
        elif tag == PLACEHOLDER:
            self.placeholder(el)
        elif tag in ("head", "title", "meta", "hr"):
            return
        else:
            self.flow(el, kind)
            self.flush(kind)

    def single(self, el, kind: str, level: int = 0) -> None:
        """A block whose whole content is one line of text (heading, caption): nested blocks are flattened."""
        self.flush(PARAGRAPH)
        self.flatten(el)
        self.emit(kind, level)

    def flatten(self, el, skip: Iterable[str] = ()) -> list:
        """Add all of an element's text to the run, blocks inside it separated by spaces; returns the children it
        skipped (tags in `skip`), to be walked on their own."""
        skipped = []
        self.run.append(el.text or "")
        for child in el:
            tag = _tag(child)
            if tag in skip:
                skipped.append(child)
            elif tag == PLACEHOLDER:
                self.run.append(" ")
            elif self.is_block(child) or tag == "br":
                self.run.append(" ")
                skipped += self.flatten(child, skip)
                self.run.append(" ")
            elif tag:
                self.inline(child)
            self.run.append(child.tail or "")
        return skipped

    def list(self, el, depth: int) -> None:
        ordered = _tag(el) == "ol"
        try:
            number = int(el.get("start", "1")) if ordered else 0
        except ValueError:
            number = 1
        for child in el:
            if not _tag(child):
                continue
            if _tag(child) in ("ul", "ol"):
                self.list(child, depth + 1)
                continue
            if _tag(child) == PLACEHOLDER:
                self.placeholder(child)
                continue
            self.item(child, depth, ordered, number)
            number += 1

    def item(self, el, depth: int, ordered: bool, number: int) -> None:
        self.flush(PARAGRAPH)
        nested = self.flatten(el, skip=_ITEM_BLOCKS | {PLACEHOLDER})
        block = self.emit(LIST_ITEM, depth)
        if block is not None:
            block.ordered = ordered
            block.prefix = f"{number}. " if ordered else "- "
        for child in nested:
            if _tag(child) in ("ul", "ol"):
                self.list(child, depth + 1)
            else:
                self.block(child, PARAGRAPH)

    def table(self, el, kind: str) -> None:
        if not is_data_table(el):
            self.flow(el, kind)
            self.flush(kind)
            return
        for caption in el.iterchildren("caption"):
            self.single(caption, CAPTION)
        rows = []
        for tr in el.iter("tr"):
            cells = [_clean(c.text_content()) for c in tr if _tag(c) in ("td", "th")]
            if any(cells):
                rows.append(cells)
        if rows:
            self.add(Block(text="\n".join(" | ".join(r) for r in rows), kind=TABLE, rows=rows))

    def placeholder(self, el) -> None:
        removal = _placeholder_removal(el, self.removals)
        if removal is None:
            return
        self.flush(PARAGRAPH)
        self.cut = True
        if self.blocks:
            self.pending.append(removal)
        else:
            removal.where = "top"


_NOT_IN_CAPTION = frozenset({"h1", "h2", "h3", "ul", "ol", "table"})


def _is_caption(el) -> bool:
    cls = f"{el.get('class', '')} {el.get('itemprop', '')}"
    if not _CAPTION_CLASS.search(cls):
        return False
    # A caption is a line or two under a picture, not a section: nothing heading- or list-like inside.
    return len(el.text_content()) < 600 and not any(_tag(d) in _NOT_IN_CAPTION for d in el.iter())


def is_data_table(table) -> bool:
    """A table of data rather than one that lays out the page (the signs Mozilla Readability also reads)."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary") or any(_tag(c) in ("caption", "thead", "tfoot", "colgroup", "col") for c in table):
        return True
    if any(_tag(d) == "table" for d in table.iterdescendants()):
        return False
    if any(_tag(d) in ("p", "div", "h1", "h2", "h3", "ul", "ol", "blockquote") for d in table.iterdescendants()):
        # Paragraphs, headings or lists in cells: the page's layout, not data.
        return any(_tag(d) == "th" for d in table.iterdescendants())
    rows = [tr for tr in table.iter("tr")]
    columns = max((sum(1 for c in tr if _tag(c) in ("td", "th")) for tr in rows), default=0)
    return len(rows) > 1 and columns > 1


def read_html(html: str, url: str | None = None) -> tuple[Document, lxml.html.HtmlElement]:
    root = parse(html)
    strip_junk(root)
    return Document(blocks=[], source="html", url=url, layout="html"), root
