"""The two development sets as pages, sites, a fixed tune/report split by site, and naive-scraper text with labels.

Shared by every quality script in `bench/` (and by the scripts that fit the generic layer), so that all of them
read the pages, split them and label lines the same way.

- `readability_pages()`: `../shared/bench/readability-pages/`, each page with Mozilla Readability's extraction.
- `trafilatura_pages()`: `../shared/bench/trafilatura-dev/`, each page with its `with` / `without` snippets.
- `part(site)`: "tune" or "report". The split is by site, fixed by a hash of the site's name, so a page's part never
  depends on which other pages exist; `bench/quality-split.json` writes the outcome down (`python bench/devsets.py`
  regenerates it and fails if it changed).
- `naive_lines(html)`: what a naive scraper saves: the text of every `<p>`, whitespace collapsed, one per line.
- `label_lines(page, lines)`: "article", "boilerplate" or None (not scored) for each line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
READABILITY = SHARED / "readability-pages"
TRAFILATURA = SHARED / "trafilatura-dev"
SPLIT_FILE = Path(__file__).resolve().parent / "quality-split.json"
# One site in three is reported only: never looked at while tuning.
REPORT_EVERY = 3

_SPACE = re.compile(r"\s+")
_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")


def squash(text: str) -> str:
    """Whitespace collapsed and NFC: how lines and references are compared."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def site_of(url: str | None, fallback: str) -> str:
    """A page's site: the registrable-looking host of its URL (a Wayback URL's original), else the fallback name."""
    if url:
        m = _WAYBACK.match(url)
        if m:
            url = m.group(1)
            if not url.startswith(("http://", "https://")):
                url = "http://" + url
        host = (urlsplit(url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    return fallback.lower().removeprefix("www.")


def part(site: str) -> str:
    digest = hashlib.sha256(site.encode("utf-8")).digest()
    return "report" if int.from_bytes(digest[:4], "big") % REPORT_EVERY == 0 else "tune"


@dataclass
class Page:
    set: str  # "readability" or "trafilatura"
    name: str
    site: str
    url: str | None
    path: Path
    reference_html: str | None = None  # readability pages: Mozilla Readability's extraction
    with_: list[str] = field(default_factory=list)  # trafilatura pages: snippets a good extraction holds
    without: list[str] = field(default_factory=list)  # ... and snippets it must not hold

    @property
    def part(self) -> str:
        return part(self.site)

    @cached_property
    def html(self) -> str:
        from cleanser.read.text import decode

        return decode(gzip.decompress(self.path.read_bytes()), str(self.path))

    @cached_property
    def reference_text(self) -> str:
        if self.reference_html is None:
            return ""
        root = lxml.html.fromstring(self.reference_html)
        return squash(root.text_content())


def readability_pages(folder: Path = READABILITY) -> Iterator[Page]:
    for d in sorted(p for p in folder.iterdir() if p.is_dir()):
        meta_path = d / "expected-metadata.json.gz"
        meta = json.loads(gzip.decompress(meta_path.read_bytes())) if meta_path.exists() else {}
        # The folder name is the site's name in Mozilla's test suite ("nytimes-2" is nytimes): pages of one site
        # land in one part.
        site = re.sub(r"-\d+$", "", d.name)
        yield Page(
            set="readability",
            name=d.name,
            site=site,
            url=meta.get("url") or None,
            path=d / "source.html.gz",
            reference_html=gzip.decompress((d / "expected.html.gz").read_bytes()).decode("utf-8"),
        )


def trafilatura_pages(folder: Path = TRAFILATURA) -> Iterator[Page]:
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    for case in cases:
        fname = case["file"].removeprefix("html/").removesuffix(".html.gz")
        # Without a URL the file name starts with the host: "zoo-berlin.de-turm" -> "zoo-berlin.de".
        fallback = re.split(r"[-.](?=[^.]*$)", fname)[0] if "." in fname else fname
        m = re.match(r"^((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[-.].*)?$", fname.lower())
        if m:
            fallback = m.group(1)
        yield Page(
            set="trafilatura",
            name=fname,
            site=site_of(case.get("url"), fallback),
            url=case.get("url"),
            path=folder / case["file"],
            with_=list(case.get("with") or []),
            without=list(case.get("without") or []),
        )


def all_pages() -> list[Page]:
    return [*readability_pages(), *trafilatura_pages()]


# --- naive scraper text and line labels ---------------------------------------------------------------------------


def naive_lines(html: str) -> list[str]:
    """The text of every <p>, whitespace collapsed, one per line, empty ones dropped."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    lines = []
    for p in root.iter("p"):
        text = squash(p.text_content())
        if text:
            lines.append(text)
    return lines


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def label_lines(page: Page, lines: list[str]) -> list[str | None]:
    """article / boilerplate / None for each line.

    Readability pages: a line found whole in the reference text is article; a line none of whose 4-word shingles is
    in the reference is boilerplate; a line in between (part in, part out) is not scored. Trafilatura pages: a line
    holding a `with` snippet is article, one holding a `without` snippet (and no `with` one) is boilerplate, the rest
    are not scored.
    """
    labels: list[str | None] = []
    if page.set == "readability":
        ref = page.reference_text
        ref_shingles = _shingles(ref)
        for line in lines:
            if line in ref:
                labels.append("article")
            elif not (_shingles(line) & ref_shingles):
                labels.append("boilerplate")
            else:
                labels.append(None)
        return labels
    with_ = [squash(s) for s in page.with_ if squash(s)]
    without = [squash(s) for s in page.without if squash(s)]
    for line in lines:
        if any(s in line for s in with_):
            labels.append("article")
        elif any(s in line for s in without):
            labels.append("boilerplate")
        else:
            labels.append(None)
    return labels


def write_split(path: Path = SPLIT_FILE) -> dict[str, list[str]]:
    sites: dict[str, set[str]] = {"tune": set(), "report": set()}
    for page in all_pages():
        sites[page.part].add(page.site)
    out = {k: sorted(v) for k, v in sites.items()}
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    before = SPLIT_FILE.read_text(encoding="utf-8") if SPLIT_FILE.exists() else None
    split = write_split()
    pages = all_pages()
    for name in ("tune", "report"):
        n = sum(1 for p in pages if p.part == name)
        print(f"{name}: {len(split[name])} sites, {n} pages")
    if before is not None and before != SPLIT_FILE.read_text(encoding="utf-8"):
        print("quality-split.json changed: the split must stay fixed", file=sys.stderr)
        sys.exit(1)
