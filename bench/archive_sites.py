"""Per-site archives for `bench/archive_quality.py`, built from real pages and labelled line by line.

A site is one development-set page: its template is the page's own non-article lines (labelled boilerplate by
`devsets.label_lines`) at the places they were found (above, inside or below the article), and each of its
documents puts a different article body into that template: article paragraphs of *other* real pages of the same
part of the split. What varies per document, and what recurs but is content, is added here:

- variation in boilerplate: every digit run of a template line is redrawn per document (dates, counters, years:
  a four-digit 19xx/20xx run becomes a year, a one- or two-digit run a day or count, others a number of as many
  digits); every site also gets a date or counter line of its own (`Updated March 4, 2021`, `12 comments`), and a
  copyright line with a varying year when its template has none; and two or three teaser headlines under the
  article, drawn per document from a pool of twelve headline-like boilerplate lines of other pages (a "most read"
  box rotates, so each headline recurs in a few documents only);
- recurring content that must stay (traps): a byline (`By NAME`, one of three authors of the site) in most
  documents, a dateline opening the first paragraph (`BERLIN (Name) —`) in half, a standfirst (a short real article
  line) repeated in a quarter and a series lede (a long one) in a fifth;
- duplicates: one "hot" article re-crawled into about a fifth of the documents (two thirds exact copies, one third
  near duplicates with one body line changed), and one document in ten a copy or near copy of another.

Every line carries a kind; `BOILERPLATE_KINDS` are what a cleaner should remove, the rest is article text. Everything
is drawn from one `random.Random` seeded per site, so the same seed gives the same archives. The generator takes
plain lines (`SiteTemplate`, article and headline pools), so tests build tiny archives with it without the
development sets; `templates_from_pages` makes them from `devsets` pages.
"""

from __future__ import annotations

import json
import random
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# Boilerplate: the site's template lines as found ("template"), template lines whose digits vary per document
# ("varied"), the date/counter/copyright lines added per site ("slot"), and rotating teaser headlines ("teaser").
BOILERPLATE_KINDS = frozenset({"template", "varied", "slot", "teaser"})
# Recurring boilerplate: what recurs across a site's documents, word for word or but for its digits.
RECURRING_KINDS = frozenset({"template", "varied", "slot"})
# Article text: the body's paragraphs and the content traps that recur across documents.
TRAP_KINDS = frozenset({"byline", "dateline", "standfirst", "lede"})
ARTICLE_KINDS = frozenset({"body"}) | TRAP_KINDS

ABOVE, INSIDE, BELOW = "above", "inside", "below"

# Names for the byline trap: invented combinations of common given names and surnames.
_GIVEN = ("Mara", "Tomas", "Ines", "Jonah", "Priya", "Olek", "Sana", "Felix", "Ruth", "Idris", "Lena", "Caspar",
          "Noor", "Emil", "Hana", "Bruno", "Alma", "Teodor", "Yara", "Milan")
_FAMILY = ("Quist", "Halloran", "Okafor", "Brandt", "Ferreira", "Lindqvist", "Moreau", "Castellano", "Nakamura",
           "Abernethy", "Kowalczyk", "Duarte", "Voss", "Achterberg", "Ramires", "Sorensen", "Whitcombe", "Adeyemi")
# Dateline cities (real places: a dateline names one).
_CITIES = ("LONDON", "BERLIN", "NAIROBI", "LIMA", "OSAKA", "OTTAWA", "LISBON", "WARSAW", "DENVER", "MANILA",
           "OSLO", "ACCRA", "QUITO", "PERTH", "GENOA", "TUNIS")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_SLOT_LINES = ("Updated {month} {day}, {year}", "Published {day} {month} {year}", "{n} comments", "{n} Comments",
               "Comments ({n})", "{n} shares")
_DIGITS = re.compile(r"\d+")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SiteTemplate:
    """One site: its host, its part of the split, and its template lines with where each was found."""

    name: str  # the development-set site it was made from
    host: str  # the real host its documents' URLs carry
    part: str  # "tune" or "report"
    lines: tuple[tuple[str, str, float], ...]  # (text, ABOVE/INSIDE/BELOW, place inside the article 0..1)
    source: str = ""  # the page it was made from (Page.key)
    lang: str = ""  # the page's declared language (`<html lang>`), "" when it declares none


@dataclass
class Doc:
    url: str
    lines: list[str]
    kinds: list[str]
    copy_of: int | None = None  # index of the document it re-crawls
    near: bool = False  # a near duplicate (one body line changed), else exact
    places: list[str] = field(default_factory=list)  # each line's place: ABOVE, INSIDE or BELOW the article

    def record(self) -> dict[str, str]:
        return {"url": self.url, "text": "\n".join(self.lines)}


@dataclass
class SitePools:
    """What a site's documents are made of besides its template: article runs of other pages and headlines."""

    articles: list[list[str]]  # each: the article lines of one other page, in order
    headlines: list[str]  # headline-like boilerplate lines of other pages
    sites: list[str] = field(default_factory=list)  # the site of each article run
    langs: list[str] = field(default_factory=list)  # the language of each article run
    headline_langs: list[str] = field(default_factory=list)


_NOT_HEADLINE = re.compile(r"[\d/@|©»«]|//|https?:|www\.|\b(?:by|comments?|images?|photo)\b", re.IGNORECASE)


def is_headline_like(line: str) -> bool:
    """A title-shaped line: 5 to 14 words, starting with a capital letter, not ending a sentence, and nothing of
    a credit, a date, a link or a counter about it."""
    words = _WORD.findall(line)
    return (5 <= len(words) <= 14 and line[:1].isupper() and not line.endswith((".", ":", ";", ","))
            and not _NOT_HEADLINE.search(line))


def _vary_digits(line: str, rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.randint(2009, 2026))
        if len(digits) <= 2:
            return str(rng.randint(1, 28))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return _DIGITS.sub(one, line)


def _site_word(host: str) -> str:
    """A publisher's name from its host: `www.harbourgazette.example` gives `Harbourgazette`."""
    parts = [p for p in host.split(".") if p not in ("www", "www1", "blog", "news", "en", "m")]
    return (parts[0] if parts else host).replace("-", " ").title()


def _slot_text(form: str, rng: random.Random) -> str:
    return form.format(month=rng.choice(_MONTHS), day=rng.randint(1, 28), year=rng.randint(2012, 2026),
                       n=rng.randint(0, 480))


def _insert_inside(body: list[tuple[str, str]], inside: Sequence[tuple[str, float]]) -> list[tuple[str, str]]:
    """Template lines found inside the article, put at the same share of the new body."""
    out = list(body)
    # From the last place backwards, so earlier insertions do not shift later places.
    for text, place in sorted(inside, key=lambda x: -x[1]):
        at = min(len(body) - 1, max(1, round(place * len(body)))) if len(body) > 1 else len(body)
        out.insert(at, (text, "template"))
    return out


def build_site(template: SiteTemplate, pools: SitePools, docs: int, seed: int) -> list[Doc]:
    """`docs` documents of one site, with every line's kind; deterministic in `seed` and the site's name."""
    rng = random.Random(zlib.crc32(f"{seed}:{template.host}".encode()))
    template_texts = {text for text, _, _ in template.lines}
    word = _site_word(template.host)

    # What the site keeps across its documents.
    authors = [f"{g} {f}" for g, f in zip(rng.sample(_GIVEN, 3), rng.sample(_FAMILY, 3), strict=True)]
    cities = rng.sample(_CITIES, 2)
    dateline_form = rng.choice(("{city} —", "{city} ({name}) —", "{city}, {month} {day} ({name}) -"))
    slot_form = rng.choice(_SLOT_LINES)
    slot_where = ABOVE if slot_form.startswith(("Updated", "Published")) else BELOW
    has_copyright = any(_COPYRIGHT.search(text) for text in template_texts)
    articles = [run for run in pools.articles if run]
    trap_lines = [line for run in articles for line in run if line not in template_texts]
    short = [line for line in trap_lines
             if 5 <= len(_WORD.findall(line)) <= 14 and line[:1].isupper() and not line.endswith(":")]
    long = [line for line in trap_lines if 15 <= len(_WORD.findall(line)) <= 45]
    standfirst = rng.choice(short) if short else None
    lede = rng.choice(long) if long else None
    headlines = [h for h in dict.fromkeys(pools.headlines) if h not in template_texts and h not in trap_lines]
    teasers = rng.sample(headlines, min(12, len(headlines)))

    def body_lines() -> list[str]:
        run = rng.choice(articles)
        size = min(len(run), rng.randint(5, 12))
        start = rng.randint(0, len(run) - size)
        lines = [line for line in run[start : start + size] if line not in template_texts]
        return lines or [line for line in run if line not in template_texts][:1]

    def one_doc(n: int, body: list[str]) -> Doc:
        above = [(text, "template") for text, where, _ in template.lines if where == ABOVE]
        below = [(text, "template") for text, where, _ in template.lines if where == BELOW]
        inside = [(text, place) for text, where, place in template.lines if where == INSIDE]
        slot = (_slot_text(slot_form, rng), "slot")
        (above if slot_where == ABOVE else below).insert(0 if slot_where == BELOW else len(above), slot)
        if teasers:
            below[1:1] = [(t, "teaser") for t in rng.sample(teasers, min(len(teasers), rng.randint(2, 3)))]
        if not has_copyright:
            below.append((f"© {rng.randint(2012, 2026)} {word}. All rights reserved.", "slot"))
        head: list[tuple[str, str]] = []
        if standfirst and rng.random() < 0.25:
            head.append((standfirst, "standfirst"))
        if rng.random() < 0.8:
            head.append((f"By {rng.choice(authors)}", "byline"))
        paragraphs = [(line, "body") for line in body]
        if lede and rng.random() < 0.2:
            paragraphs.insert(0, (lede, "lede"))
        if rng.random() < 0.5:
            first, _ = paragraphs[0]
            dateline = dateline_form.format(city=rng.choice(cities), name=word, month=rng.choice(_MONTHS),
                                            day=rng.randint(1, 28))
            paragraphs[0] = (f"{dateline} {first}", "dateline")
        middle = _insert_inside(paragraphs, inside)
        places = [ABOVE] * (len(above) + len(head)) + [INSIDE] * len(middle) + [BELOW] * len(below)
        lines = [*above, *head, *middle, *below]
        # A template line with digits differs per document: its date, counter or year is drawn again.
        lines = [(_vary_digits(text, rng), "varied") if kind == "template" and _DIGITS.search(text) else (text, kind)
                 for text, kind in lines]
        slug = "-".join(w.lower() for w in _WORD.findall(body[0])[:5]) or "article"
        url = f"https://{template.host}/{rng.randint(2014, 2026)}/{rng.randint(1, 12):02d}/{slug}-{n}"
        return Doc(url, [t for t, _ in lines], [k for _, k in lines], places=places)

    hot_copies = round(docs * 0.2)
    other_copies = round(docs * 0.1)
    originals = max(1, docs - hot_copies - other_copies)
    firsts = [one_doc(n, body_lines()) for n in range(originals)]
    out = list(firsts)
    copies: list[tuple[int, bool]] = [(0, i % 3 == 2) for i in range(hot_copies)]
    copies += [(rng.randrange(originals), rng.random() < 0.4) for _ in range(other_copies)]
    source_of: dict[int, Doc] = {}
    for source, near in copies[: docs - originals]:
        doc = _copy(firsts[source], near, articles, rng)
        source_of[id(doc)] = firsts[source]
        at = next(i for i, d in enumerate(out) if d is firsts[source])
        out.insert(rng.randint(at + 1, len(out)), doc)
    where = {id(doc): i for i, doc in enumerate(out)}
    for doc in out:
        if id(doc) in source_of:
            doc.copy_of = where[id(source_of[id(doc)])]
    return out


def _copy(doc: Doc, near: bool, articles: list[list[str]], rng: random.Random) -> Doc:
    lines, kinds = list(doc.lines), list(doc.kinds)
    if near:
        body = [i for i, k in enumerate(kinds) if k == "body"]
        if body:
            # The changed line: a paragraph updated with a sentence of another article.
            i = rng.choice(body)
            lines[i] = f"{lines[i]} {rng.choice(rng.choice(articles))}"
    query = rng.choice(("", "?utm_source=rss", "?ref=home", "?amp=1"))
    return Doc(doc.url + query, lines, kinds, copy_of=-1, near=near, places=list(doc.places))


def write_archive(path: Path, docs: Iterable[Doc]) -> int:
    """The documents as JSON Lines (url, text); returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc.record(), ensure_ascii=False) + "\n")
            n += 1
    return n


# --- from the development sets ------------------------------------------------------------------------------------

_BYLINE = re.compile(r"^(by|von|par|por|door|di)\s", re.IGNORECASE)


def page_host(page) -> str | None:
    """The page's host: its URL's, else its canonical link's or og:url's (a saved page names where it came from)."""
    from urllib.parse import urlsplit

    import devsets
    import lxml.html

    url = page.url
    if not url:
        try:
            root = lxml.html.document_fromstring(page.html)
        except (ValueError, lxml.etree.ParserError):
            return None
        found = root.xpath('//link[@rel="canonical"]/@href') + root.xpath('//meta[@property="og:url"]/@content')
        url = next((u for u in found if u.startswith(("http://", "https://"))), None)
    if not url:
        return None
    m = devsets._WAYBACK.match(url)
    host = (urlsplit(m.group(1) if m else url).hostname or "").lower()
    return host if "." in host else None


def _title_texts(page) -> set[str]:
    import devsets
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page.html)
    except (ValueError, lxml.etree.ParserError):
        return set()
    return {devsets.squash(el.text_content()) for el in root.iter("title", "h1")} - {""}


def template_lines(
    lines: Sequence[str], labels: Sequence[str | None], titles: set[str]
) -> list[tuple[str, str, float]]:
    """A page's boilerplate lines at their places, without what belongs to the one article (its byline, its
    headline): those differ in every document of a real site, so they are no template."""
    article = [i for i, label in enumerate(labels) if label == "article"]
    if not article:
        return []
    first, last = article[0], article[-1]
    out = []
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if label != "boilerplate":
            continue
        if (_BYLINE.match(line) and len(_WORD.findall(line)) <= 12) or any(line and line in t for t in titles):
            continue
        if i < first:
            out.append((line, ABOVE, 0.0))
        elif i > last:
            out.append((line, BELOW, 1.0))
        else:
            out.append((line, INSIDE, sum(1 for a in article if a < i) / len(article)))
    return out


@dataclass
class DevMaterial:
    templates: list[SiteTemplate]
    pools: dict[str, SitePools]  # by part
    skipped: dict[str, str]  # site -> why it was not used


def templates_from_pages(pages, min_template: int = 3, min_article: int = 3) -> DevMaterial:
    """One template per site (its page with the most template lines; a host used once), both parts; and per part
    the article runs and headline-like lines of all its pages, to draw bodies and teasers from."""
    import devsets

    by_site: dict[str, list[tuple[object, list[tuple[str, str, float]], list[str], list[str]]]] = {}
    pools: dict[str, SitePools] = {"tune": SitePools([], []), "report": SitePools([], [])}
    for page in pages:
        lang = page_lang(page)
        lines = devsets.naive_lines(page.html)
        labels = devsets.label_lines(page, lines)
        article = [line for line, label in zip(lines, labels, strict=True) if label == "article"]
        boiler = [line for line, label in zip(lines, labels, strict=True) if label == "boilerplate"]
        pool = pools[page.part]
        if len(article) >= 3:
            pool.articles.append(article)
            pool.sites.append(page.site)
            pool.langs.append(lang)
        headlines = [line for line in boiler if is_headline_like(line)]
        pool.headlines.extend(headlines)
        pool.headline_langs.extend([lang] * len(headlines))
        by_site.setdefault(page.site, []).append(
            (page, template_lines(lines, labels, _title_texts(page)), article, lang))
    templates: list[SiteTemplate] = []
    skipped: dict[str, str] = {}
    hosts: set[str] = set()
    # The report part first: a host shared by a report and a tune site (cnet, cnet-svg-classes) stays held out.
    for site in sorted(by_site, key=lambda s: (devsets.part(s) != "report", s)):
        candidates = [c for c in by_site[site] if len(c[1]) >= min_template and len(c[2]) >= min_article]
        if not candidates:
            skipped[site] = f"no page with {min_template} template and {min_article} article lines"
            continue
        page, tlines, _, lang = max(candidates, key=lambda c: (len(c[1]), c[0].key))
        host = page_host(page)
        if host is None:
            host = f"{re.sub(r'[^a-z0-9-]+', '-', site.lower()).strip('-')}.example"
        if host in hosts:
            skipped[site] = f"host {host} already used"
            continue
        hosts.add(host)
        templates.append(SiteTemplate(site, host, page.part, tuple(tlines), page.key, lang))
    return DevMaterial(templates, pools, skipped)


# Fewer article runs than this in the site's language, and bodies come from pages of every language.
MIN_SAME_LANGUAGE = 8


def pools_for(material: DevMaterial, template: SiteTemplate) -> SitePools:
    """The part's pools without the site's own pages, in the site's language when the part has enough pages of it
    (a site writes in one language; a declared language with too few pages falls back to all)."""
    pool = material.pools[template.part]
    runs = [(run, lang) for run, site, lang in zip(pool.articles, pool.sites, pool.langs, strict=True)
            if site != template.name]
    same = [run for run, lang in runs if template.lang and lang == template.lang]
    own = {text for text, _, _ in template.lines}
    heads = [h for h, lang in zip(pool.headlines, pool.headline_langs, strict=True) if h not in own]
    same_heads = [h for h, lang in zip(pool.headlines, pool.headline_langs, strict=True)
                  if h not in own and template.lang and lang == template.lang]
    return SitePools(same if len(same) >= MIN_SAME_LANGUAGE else [run for run, _ in runs],
                     same_heads if len(same_heads) >= 12 else heads)


_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)


def page_lang(page) -> str:
    """The language a page declares on its `<html>` element, lowercased (`en-GB` gives `en`), or ""."""
    m = _LANG.search(page.html[:20000])
    return m.group(1).lower() if m else ""
