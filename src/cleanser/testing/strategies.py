"""Hypothesis strategies: realistic articles, boilerplate injected into them, and hostile input.

    from hypothesis import given
    from cleanser.testing import strategies as cst

    CATALOG = cst.catalog_for(my_cleaner)            # the promos your rules declare, by site

    @given(cst.samples(CATALOG, sites=["mysite"]))   # an article with promos of your site injected
    def test_my_rules_lose_nothing(sample): ...

What the generator promises, and so what the properties may rely on (see docs/guarantees.md):

- Article paragraphs are prose built from `vocabulary`: full sentences ending with `.`, `!`, `?` or a closing
  quote, in English with non-ASCII names, curly quotes, numbers and currency, or in French, German, Spanish,
  Polish, Chinese, Japanese, Russian, Greek or Korean. Headings are short and unpunctuated; lists have two items or
  more; quotes are one sentence.
- A promo is a rule's own example, injected where its rule declares it removes it (`boilerplate.positions_for`);
  with no URL, never one that holds a site's fingerprint (the site's rules would decide).
  A promo whose rule takes a blurb is injected only where a paragraph follows it (a heading or list item right
  under it is, by the rule's declaration, its blurb). A tail marker is always the document's last line. A promo
  holding a start...end box's end marker never follows one holding its start marker: what stands between them
  is, by the box rule's declaration, the box.
- A promo line cuts a paragraph only mid-sentence, before a lower-case word and after four words or more: the
  structure stage promises to join those halves; a paragraph cut between two sentences reads as two paragraphs.
- Boilerplate takes at most 40% of a document's words (the guard's default budget is 50%).
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from ..testing import vocabulary as v
from .articles import (
    BOTTOM,
    GLUED_BETWEEN,
    GLUED_END,
    GLUED_START,
    HEADING,
    INLINE,
    LIST,
    PARAGRAPH,
    POSITIONS,
    QUOTE,
    SPLIT,
    TOP,
    Article,
    Block,
    Promo,
    Sample,
    split_points,
    words,
)
from .boilerplate import Boilerplate, Catalog, box_step

MAX_BOILERPLATE_SHARE = 0.4


def catalog_for(cleaner) -> Catalog:
    """The injectable boilerplate of a `cleanser.Cleaner`'s plugins."""
    return Catalog.from_cleaner(cleaner)


# --- sentences -----------------------------------------------------------------------------------------------


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@st.composite
def _statement(draw) -> str:
    subject = draw(st.sampled_from(v.SUBJECTS))[0]
    tail = draw(st.sampled_from(["", *v.HOW]))
    return _join(subject, draw(st.sampled_from(v.VERBS)), draw(st.sampled_from(v.OBJECTS)),
                 draw(st.sampled_from(v.WHEN)), tail) + "."


@st.composite
def _reported(draw) -> str:
    speaker = draw(st.sampled_from(v.SUBJECTS))[0]
    inner = draw(st.sampled_from(v.SUBJECTS))[1]
    return _join(speaker, "said", inner, "had", draw(st.sampled_from(v.PARTICIPLES)),
                 draw(st.sampled_from(v.OBJECTS)), draw(st.sampled_from(v.WHEN))) + "."


@st.composite
def _quoted(draw) -> str:
    body = draw(st.sampled_from(v.QUOTE_BODIES))
    speaker = draw(st.sampled_from(v.SPEAKERS))
    form = draw(st.integers(0, 2))
    if form == 0:
        return f"“{body},” {speaker}."
    if form == 1:
        name = draw(st.sampled_from(v.SUBJECTS))[0]
        return f"{name} said: “{body}.”"
    return f"“{body}.”"


@st.composite
def _figure(draw) -> str:
    measure = draw(st.sampled_from(v.MEASURES))
    move = draw(st.sampled_from(v.MOVES))
    whole = draw(st.integers(1, 99))
    tenth = draw(st.integers(0, 9))
    unit = draw(st.sampled_from(["per cent", "%", "percent"]))
    amount = f"{whole}.{tenth}" if tenth else str(whole)
    amount = f"{amount}{unit}" if unit == "%" else f"{amount} {unit}"
    source = draw(st.sampled_from(v.SOURCES))
    sentence = _join(measure, move, "by", amount, draw(st.sampled_from(v.PERIODS)))
    return f"{sentence}, {source}." if source else sentence + "."


@st.composite
def _money(draw) -> str:
    currency = draw(st.sampled_from(["£", "€", "$", "¥"]))
    millions = draw(st.integers(1, 950))
    subject = draw(st.sampled_from(v.SUBJECTS))[0]
    obj = draw(st.sampled_from(v.OBJECTS))
    return f"{subject} said {obj} would cost {currency}{millions:,}m, up from {currency}{max(1, millions // 2):,}m."


@st.composite
def _compound(draw) -> str:
    first = draw(_statement())[:-1]
    connective = draw(st.sampled_from(v.CONNECTIVES))
    inner = draw(st.sampled_from(v.SUBJECTS))[1]
    return _join(first + ",", connective, inner, "said the decision was", draw(st.sampled_from(v.PARTICIPLES))) + "."


@st.composite
def _foreign(draw) -> str:
    frame, places, objects, whens = draw(st.sampled_from(v.FOREIGN))
    return frame.format(place=draw(st.sampled_from(places)), obj=draw(st.sampled_from(objects)),
                        when=draw(st.sampled_from(whens)))


def sentences() -> st.SearchStrategy[str]:
    """One sentence of news prose."""
    return st.one_of(
        _statement(),
        _reported(),
        _quoted(),
        _figure(),
        _money(),
        _compound(),
        st.sampled_from(v.QUESTIONS),
        _foreign(),
        st.sampled_from(v.OTHER_SCRIPTS),
    )


# --- blocks and articles -------------------------------------------------------------------------------------


def paragraphs(min_sentences: int = 1, max_sentences: int = 6) -> st.SearchStrategy[Block]:
    return st.lists(sentences(), min_size=min_sentences, max_size=max_sentences).map(
        lambda ss: Block.paragraph(tuple(ss))
    )


@st.composite
def headings(draw) -> Block:
    topic = draw(st.sampled_from(v.HEAD_TOPICS))
    tail = draw(st.sampled_from(v.HEAD_TAILS))
    return Block(HEADING, (f"{topic} {tail}",), marked=draw(st.booleans()))


@st.composite
def lists(draw) -> Block:
    items = draw(st.lists(st.sampled_from(v.LIST_ITEMS), min_size=2, max_size=6, unique=True))
    return Block(LIST, tuple(items), ordered=draw(st.booleans()))


@st.composite
def quotes(draw) -> Block:
    return Block(QUOTE, (draw(_quoted()),), marked=True)


@st.composite
def articles(draw, min_blocks: int = 1, max_blocks: int = 14) -> Article:
    """An article: an optional title, then paragraphs with headings, lists and quotes among them. It always has
    at least one paragraph; a heading or list is never the last block (articles end with prose)."""
    body = draw(
        st.lists(
            st.one_of(paragraphs(), paragraphs(), paragraphs(), headings(), lists(), quotes()),
            min_size=max(0, min_blocks - 1),
            max_size=max_blocks - 1,
        )
    )
    title = draw(st.one_of(st.none(), headings()))
    blocks = ([title] if title else []) + body
    # No two headings in a row, and prose after the last heading or list: a heading introduces text.
    cleaned: list[Block] = []
    for block in blocks:
        if block.kind == HEADING and cleaned and cleaned[-1].kind == HEADING:
            continue
        if block.kind == LIST and cleaned and cleaned[-1].kind == LIST:
            continue
        cleaned.append(block)
    if not cleaned or cleaned[-1].kind != PARAGRAPH:
        cleaned.append(draw(paragraphs()))
    return Article(
        blocks=tuple(cleaned),
        layout=draw(st.sampled_from(["lines", "blank"])),
        page=draw(st.booleans()),
    )


# --- boilerplate ---------------------------------------------------------------------------------------------


@st.composite
def samples(
    draw,
    catalog: Catalog,
    *,
    sites: Sequence[str | None] | None = None,
    min_promos: int = 0,
    max_promos: int = 6,
    positions: Sequence[str] = POSITIONS,
    article: st.SearchStrategy[Article] | None = None,
) -> Sample:
    """An article with up to `max_promos` promos of one site (or generic ones only) injected."""
    art = draw(article if article is not None else articles())
    site = draw(st.sampled_from(list(sites) if sites is not None else catalog.sites))
    pool = [b for b in catalog.pool(site) if set(b.positions) & set(positions)]
    promos: list[Promo] = []
    used: set[int] = set()  # paragraphs that already carry an injection
    tail_taken = False
    if pool:
        count = draw(st.integers(min_promos, max_promos))
        for _ in range(count):
            bp = draw(st.sampled_from(pool))
            if bp.tail and tail_taken:
                continue
            choices = [p for p in bp.positions if p in positions]
            promo = _place(draw, art, bp, draw(st.sampled_from(choices)), used)
            if promo is None:
                continue
            promos.append(promo)
            tail_taken = tail_taken or bp.tail
    promos = _order(promos)
    promos = _outside_boxes(promos, catalog.boxes(site), len(art.blocks))
    promos = _within_budget(art, promos)
    return Sample(art, tuple(promos), url=catalog.url(site), site=site)


def _place(draw, art: Article, bp: Boilerplate, position: str, used: set[int]) -> Promo | None:
    blocks = art.blocks
    n = len(blocks)
    paragraphs_ = [i for i, b in enumerate(blocks) if b.kind == PARAGRAPH and i not in used]

    def promo(at: int, cut: int = 0, space: bool = True) -> Promo:
        return Promo(bp.rule, bp.text, position, at, cut, space, bp.blurb, bp.tail)

    def under(at: int) -> Promo | None:
        # A promo with a blurb needs a whole paragraph under it: a heading, list item or the first half of a cut
        # paragraph there is, by the rule's declaration, its blurb.
        if not bp.blurb or at == n:
            return promo(at)
        if blocks[at].kind != PARAGRAPH or at in used:
            return None
        used.add(at)  # and whole: no cut, no promo glued onto its start
        return promo(at)

    if position == TOP:
        return under(0)
    if position == BOTTOM:
        return promo(n)
    if position == INLINE:
        slots = [i for i in range(1, n) if not bp.blurb or (blocks[i].kind == PARAGRAPH and i not in used)]
        return under(draw(st.sampled_from(slots))) if slots else None
    if position == SPLIT:
        if bp.blurb:
            return None  # the second half of the cut paragraph would be, by the rule's declaration, its blurb
        candidates = [(i, k) for i in paragraphs_ for k in split_points(blocks[i].texts[0])]
        if not candidates:
            return None
        at, cut = draw(st.sampled_from(candidates))
        used.add(at)
        return promo(at, cut)
    if position in (GLUED_END, GLUED_START):
        targets = paragraphs_
        if position == GLUED_END and bp.where in ("bottom", "edge"):
            targets = [i for i in targets if i == n - 1]
        if position == GLUED_START and bp.where in ("top", "edge"):
            targets = [i for i in targets if i == 0]
        if not targets:
            return None
        at = draw(st.sampled_from(targets))
        used.add(at)
        return promo(at, 0, draw(st.booleans()))
    if position == GLUED_BETWEEN:
        candidates = [(i, k) for i in paragraphs_ for k in range(1, len(blocks[i].sentences))]
        if not candidates:
            return None
        at, cut = draw(st.sampled_from(candidates))
        used.add(at)
        return promo(at, cut, draw(st.booleans()))
    raise ValueError(f"unknown position {position!r}")


def _order(promos: list[Promo]) -> list[Promo]:
    """A tail marker goes after every other bottom line: it takes everything under it."""
    return sorted(promos, key=lambda p: p.tail)


def _outside_boxes(promos: list[Promo], boxes, n: int) -> list[Promo]:
    """Drop a promo that holds a box rule's end marker after one that holds its start marker: by the box rule's
    declaration, what stands between them is the box."""
    if not boxes:
        return promos

    def place(p: Promo) -> tuple[int, int, float]:
        if p.position in (TOP, INLINE):
            return (p.at, 0, 0)
        if p.position == BOTTOM:
            return (n, 0, 0)
        if p.position == GLUED_END:
            return (p.at, 1, float("inf"))
        return (p.at, 1, p.cut)  # glued at the start (cut 0), between sentences, or splitting a paragraph

    in_order = sorted(promos, key=place)  # stable: promos in one slot are rendered in list order
    dropped: set[int] = set()
    for start, end in boxes:
        is_open = False
        for p in in_order:
            if id(p) in dropped:
                continue
            drop, is_open = box_step(p.text, start, end, is_open)
            if drop:
                dropped.add(id(p))
    return [p for p in promos if id(p) not in dropped]


def _within_budget(art: Article, promos: list[Promo]) -> list[Promo]:
    article_words = len(words(" ".join(art.units)))
    kept: list[Promo] = []
    promo_words = 0
    for p in promos:
        n = len(words(p.text))
        if promo_words + n > MAX_BOILERPLATE_SHARE * (article_words + promo_words + n):
            continue
        kept.append(p)
        promo_words += n
    return kept


def clean_samples(article: st.SearchStrategy[Article] | None = None) -> st.SearchStrategy[Sample]:
    """An article with no boilerplate at all, and no URL."""
    return (article if article is not None else articles()).map(Sample)


# --- hostile input -------------------------------------------------------------------------------------------

_TAGS = ("p", "div", "span", "article", "section", "h1", "h2", "ul", "ol", "li", "blockquote", "table", "tr", "td",
         "script", "style", "a", "b", "br", "pre", "figure", "figcaption", "aside", "nav", "iframe", "svg", "html",
         "body", "head", "title", "meta", "!--", "![CDATA[", "?xml", "!DOCTYPE")


def hostile_text() -> st.SearchStrategy[str]:
    """Arbitrary text: any characters, control characters, odd spaces and line ends, long runs."""
    chunk = st.one_of(
        st.text(max_size=200),
        st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c", "\t", "\u00a0", "\u200b", "\ufeff", " " * 50]),
        st.builds(lambda c, n: c * n, st.sampled_from(["a", "a ", ".", "-", "*", "#", ">", "<", "€", "\U0001f600"]),
                  st.integers(100, 4000)),
        sentences(),
    )
    return st.lists(chunk, max_size=30).map("".join)


def hostile_bytes() -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, and text in odd encodings, with and without byte-order marks."""
    encoded = st.tuples(hostile_text(), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252",
                                                         "utf-8-sig", "shift_jis"]))
    return st.one_of(
        st.binary(max_size=2000),
        encoded.map(lambda te: te[0].encode(te[1], errors="replace")),
        st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]), st.binary(max_size=500)).map(
            b"".join
        ),
    )


@st.composite
def hostile_html(draw) -> str:
    """Tag soup: unbalanced, nested, with attributes, entities, comments, scripts and a doctype."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
                st.tuples(st.sampled_from(_TAGS), st.text(max_size=20)).map(
                    lambda ta: f'<{ta[0]} class="{ta[1]}" id=x data-a=\'{ta[1]}\'>'
                ),
                st.sampled_from(["&amp;", "&lt;", "&#x0;", "&#9999999;", "&nbsp;", "&bogus;", "&", "<", ">", "]]>"]),
                st.text(max_size=80),
                sentences(),
            ),
            max_size=60,
        )
    )
    prefix = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html><body>", "<?xml version='1.0'?>", "<div>"]))
    return prefix + "".join(pieces)


def urls() -> st.SearchStrategy[str | None]:
    """None, ordinary URLs and malformed ones."""
    return st.one_of(
        st.none(),
        st.sampled_from(["https://www.ft.com/content/x", "http://[::1", "https://", "ftp://example.com/a",
                         "https://www.theguardian.com/a?b=c#d", "not a url", "https://xn--bcher-kva.example/"]),
        st.text(max_size=60),
    )
