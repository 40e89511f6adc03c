"""An HTML page's metadata: title, byline, publication date, site name, canonical URL, language and description.

Read from JSON-LD (schema.org), OpenGraph and other meta tags, and a few elements (<title>, <html lang>,
rel=canonical, a byline), in that order of trust. It is read before the page is stripped for extraction: JSON-LD
lives in <script> elements and the canonical URL in a <link>, both junk to the article.

The same pass keeps what the flags stage needs from JSON-LD: whether the page says the article is not free
(`isAccessibleForFree`, with `hasPart.cssSelector` naming the locked part) and its `wordCount`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html

from ..text import host_of
from .access import (
    Access,
    page_declarations,
    read_attributes,
    read_json_ld_access,
    read_locked_text,
    read_raw_json_ld,
)
from .metadata_values import better_title, decode, iso_date, people
from .text import normalize_spaces

FIELDS = ("title", "byline", "published", "site_name", "canonical_url", "language", "description")
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "AskPublicNewsArticle",
        "LiveBlogPosting",
        "BlogPosting",
        "SocialMediaPosting",
        "ScholarlyArticle",
        "TechArticle",
        "Report",
        "Review",
    }
)
_WS = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»·:/]\s+|\s+::\s+")
_URL_LIKE = re.compile(r"^(?:https?:)?//|^www\.", re.I)
_BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:byline|author|writer|contributor)(?:$|[\s_-])", re.I)
_ORGANISATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization"})


@dataclass
class PageInfo:
    metadata: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(FIELDS))
    # From JSON-LD, for the flags stage.
    not_free: bool = False  # some article object says isAccessibleForFree: false
    locked_selectors: list[str] = field(default_factory=list)  # hasPart.cssSelector of the locked parts
    word_count: int | None = None
    access: Access = field(default_factory=Access)  # every notation's declarations (read.access)
    visible_text: str = ""  # the stripped page's text (set by the pipeline), where walls after the article show
    source: str = ""  # the page's HTML as read (set by the pipeline), where wall markup is looked up on a cut text

    @property
    def site_url(self) -> str | None:
        """The page's own absolute http(s) address (canonical link, og:url, JSON-LD url), which names its site."""
        found = self.metadata.get("canonical_url")
        if isinstance(found, str) and found.lower().startswith(("http://", "https://")):
            return found
        return None


def empty_metadata() -> dict[str, str | None]:
    return dict.fromkeys(FIELDS)


def read_page(root: lxml.html.HtmlElement, url: str | None = None) -> PageInfo:
    broken: list[str] = []
    objects = json_ld(root, broken)
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    primary = articles[0] if articles else next((o for o in objects if "headline" in o), {})
    meta = _meta_tags(root)
    info = PageInfo()
    md = info.metadata
    md["site_name"] = decode(
        _first(
            meta.get("og:site_name"),
            _names(primary.get("publisher")),
            meta.get("application-name"),
            meta.get("twitter:site", "").lstrip("@") or None,
        )
    )
    md["title"] = better_title(
        _first(
            _text(primary.get("headline")),
            _text(primary.get("name")) if articles else None,
            *(meta.get(k) for k in ("dc:title", "dcterm:title", "dcterms:title", "og:title", "title", "twitter:title")),
            meta.get("parsely-title"),
            _title_element(root, meta.get("og:site_name")),
        ),
        md["site_name"],
        meta.get("og:title"),
        meta.get("twitter:title"),
        host=host_of(url) or None,
        heading=_h1(root),
    )
    # Each candidate is cleaned before the first is taken: an organisation in JSON-LD gives way to a person in the
    # meta tags, a placeholder date to a real one.
    not_people = (md["site_name"], _names(primary.get("publisher")), host_of(url) or None)
    md["byline"] = _first(
        *(
            people(candidate, not_people)
            for candidate in (
                _names(primary.get("author"), people_only=True),
                *(
                    _not_url(meta.get(k))
                    for k in (
                        "dc:creator", "dcterm:creator", "dcterms:creator", "author", "article:author", "parsely-author"
                    )
                ),
                meta.get("byl"),
                meta.get("sailthru:author"),
                _byline_element(root),
            )
        )
    )
    md["published"] = _first(
        *(
            iso_date(candidate)
            for candidate in (
                _text(primary.get("datePublished")),
                *(
                    meta.get(k)
                    for k in (
                        "article:published_time",
                        "og:published_time",
                        "datepublished",
                        "parsely-pub-date",
                        "sailthru:date",
                        "pubdate",
                        "publishdate",
                        "dc:date:issued",
                        "dc:date",
                        "dcterms:created",
                        "date",
                    )
                ),
                _time_element(root),
            )
        )
    )
    md["canonical_url"] = _first(
        *(
            _absolute(candidate, url)
            for candidate in (
                _canonical_link(root),
                meta.get("og:url"),
                _text(primary.get("url")),
                _text(_get_id(primary.get("mainEntityOfPage"))),
            )
        )
    )
    md["language"] = _language(
        _first(
            root.get("lang"),
            root.get("xml:lang"),
            meta.get("content-language"),
            meta.get("og:locale"),
            _text(primary.get("inLanguage")),
        )
    )
    md["description"] = decode(_first(
        *(
            meta.get(k)
            for k in ("dc:description", "dcterm:description", "og:description", "description", "twitter:description")
        ),
        _text(primary.get("description")),
    ))
    _access(info, articles or objects)
    read_json_ld_access(info.access, articles or objects)
    read_json_ld_access(info.access, [o for o in page_declarations(objects) if o not in (articles or objects)])
    for raw in broken:
        read_raw_json_ld(info.access, raw)
    read_attributes(info.access, root)
    read_locked_text(info.access, root)
    info.not_free = info.access.not_free
    info.locked_selectors = list(info.access.locked_selectors)
    return info


# --- JSON-LD -----------------------------------------------------------------------------------------------------


def json_ld(root: lxml.html.HtmlElement, broken: list[str] | None = None) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph and nested lists flattened; bad JSON is skipped (its text goes to
    `broken`, for the readers that can use it as text)."""
    out: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$", "", raw).strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            if broken is not None:
                broken.append(raw)
            continue
        _flatten(data, out, depth=0)
    return out


def _flatten(data: Any, out: list[dict[str, Any]], depth: int) -> None:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            _flatten(graph, out, depth + 1)
        if "@type" in data:
            out.append(data)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def _access(info: PageInfo, objects: list[dict[str, Any]]) -> None:
    """The declared wordCount (access itself is read by read.access, in every notation)."""
    for obj in objects:
        count = obj.get("wordCount")
        if info.word_count is None and isinstance(count, (int, str)) and str(count).strip().isdigit():
            info.word_count = int(str(count).strip())


def _get_id(value: Any) -> Any:
    return value.get("@id") or value.get("url") if isinstance(value, dict) else value


def _names(value: Any, people_only: bool = False) -> str | None:
    """A person or organisation (or a list of them) as "A, B, C"; with `people_only`, schema.org Organization
    objects are left out."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if people_only and isinstance(item, dict) and _types(item) & _ORGANISATION_TYPES:
            continue
        name = item.get("name") if isinstance(item, dict) else item
        name = _text(name)
        if name and not _URL_LIKE.match(name) and name not in names:
            names.append(name)
    if not names:
        return None
    return ", ".join(names)


# --- meta tags and elements --------------------------------------------------------------------------------------


def _meta_tags(root: lxml.html.HtmlElement) -> dict[str, str]:
    """content of each <meta>, keyed by its lower-cased property, itemprop, name or http-equiv, each of several
    space-separated ones, with "DC.title" read as "dc:title". A property beats a name; otherwise the first wins."""
    by_property: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = _text(meta.get("content"))
        if not content:
            continue
        for attrs, found in ((("property", "itemprop"), by_property), (("name", "http-equiv"), by_name)):
            for key in " ".join(meta.get(a) or "" for a in attrs).lower().split():
                found.setdefault(key.replace(".", ":"), content)
    return by_name | by_property


def _h1(root: lxml.html.HtmlElement) -> str | None:
    h1 = root.find(".//h1")
    return _text(h1.text_content()) if h1 is not None else None


def _title_element(root: lxml.html.HtmlElement, site_name: str | None) -> str | None:
    title = root.find(".//title")
    text = _text(title.text_content()) if title is not None else None
    if not text:
        h1 = root.find(".//h1")
        return _text(h1.text_content()) if h1 is not None else None
    parts = _TITLE_SEPARATORS.split(text)
    if len(parts) > 1:
        # "Headline | Site": drop the part that names the site, or keep the longest part that is a few words.
        if site_name:
            parts = [p for p in parts if p.strip().lower() != site_name.strip().lower()] or parts
        if len(parts) == 1:
            return parts[0].strip()
        if len(parts) > 1:
            best = max(parts, key=len)
            if len(best.split()) >= 3:
                return best.strip()
    return text


def _byline_element(root: lxml.html.HtmlElement) -> str | None:
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "meta", "script"):
            continue
        rel = (el.get("rel") or "").lower()
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if rel == "author" or (el.get("itemprop") or "").lower() == "author" or _BYLINE_CLASS.search(marks):
            text = _text(el.text_content())
            if text and len(text) < 100:
                return text
    return None


def _time_element(root: lxml.html.HtmlElement) -> str | None:
    for el in root.iter("time"):
        if el.get("datetime") and (el.get("pubdate") is not None or (el.get("itemprop") or "") == "datePublished"):
            return el.get("datetime")
    for el in root.iter():
        if isinstance(el.tag, str) and (el.get("itemprop") or "") == "datePublished":
            return el.get("content") or el.get("datetime") or _text(el.text_content())
    return None


def _canonical_link(root: lxml.html.HtmlElement) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return _text(link.get("href"))
    return None


# --- values ------------------------------------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    value = _WS.sub(" ", normalize_spaces(value)).strip()
    return value or None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _not_url(value: str | None) -> str | None:
    return None if value and _URL_LIKE.match(value) else value


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = urljoin(base, href) if base else href
    return href if urlsplit(href).scheme in ("http", "https") else None


def _language(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().replace("_", "-")
    return value if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value) else None
