"""The two development sets as pages, sites, a fixed tune/report split by site, and naive-scraper text with labels.

Shared by every quality script in `bench/` (and by the scripts that fit the generic layer), so that all of them
read the pages, split them and label lines the same way.

- `readability_pages()`: `../shared/bench/readability-pages/`, each page with Mozilla Readability's extraction.
- `trafilatura_pages()`: `../shared/bench/trafilatura-dev/`, each page with its `with` / `without` snippets.
- `part(site)`: "tune" or "report". The split is by site, fixed by a hash of the site's name, so a page's part never
  depends on which other pages exist; `bench/quality-split.json` writes the outcome down (`python bench/devsets.py`
  regenerates it and fails if it changed).
- `naive_lines(html)`: what a naive scraper saves: the text of every `<p>`, whitespace collapsed, one per line.
- `label_lines(page, lines)`: "article", "boilerplate" or None (not scored) for each line, with the reviewed
  corrections of `bench/label-fixes.json` applied (a reference that keeps page furniture, or drops article text).
- `html_text(html)`: the text of an HTML fragment or page with its blocks apart, as the references are read.
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
LABEL_FIXES = Path(__file__).resolve().parent / "label-fixes.json"
# One site in three is reported only: never looked at while tuning.
REPORT_EVERY = 3

_SPACE = re.compile(r"\s+")
_WAYBACK = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(.+)$")


def squash(text: str) -> str:
    """Whitespace collapsed and NFC: how lines and references are compared."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


# Elements whose text is a block of its own: a space goes after each, or `<p>a</p><p>b</p>` would read "ab" and
# glue the last word of one paragraph to the first of the next.
_BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption"),
        *("figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol"),
        *("p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"),
    }
)


_TEXT_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)


def html_text(html: str) -> str:
    """The text of an HTML fragment or page, blocks separated by a space, squashed."""
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fromstring(html, parser=_TEXT_PARSER)
    except (ValueError, lxml.etree.ParserError):
        return ""
    parts: list[str] = []
    # Iterative, not recursive: extractor output can nest deeper than Python's recursion limit.
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in ("script", "style", "template", "noscript"):
                walker.skip_subtree()  # its tail still comes at "end"
            elif tag in _BLOCKS:
                parts.append(" ")
                parts.append(el.text or "")
            else:
                parts.append(el.text or "")
        else:
            if tag in _BLOCKS:
                parts.append(" ")
            if el is not root:
                parts.append(el.tail or "")
    return squash("".join(parts))


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
        """The reference's text, its blocks (and `<br>` lines) apart."""
        return html_text(self.reference_html) if self.reference_html is not None else ""

    @cached_property
    def reference_blocks(self) -> frozenset[str]:
        """The squashed text of every block element of the reference (paragraphs, headings, list items, cells...),
        read both ways (blocks apart and glued)."""
        if not self.reference_html:
            return frozenset()
        root = lxml.html.fromstring(self.reference_html)
        found: set[str] = set()
        for el in root.iter(*_BLOCKS):
            found.add(squash(el.text_content()))
            found.add(html_text(lxml.html.tostring(el, encoding="unicode", with_tail=False)))
        found.discard("")
        return frozenset(found)

    @cached_property
    def reference_glued(self) -> str:
        """The reference's text as lxml's text_content() gives it, `<br>` lines run together, as `naive_lines` reads
        a `<p>` with line breaks."""
        if not self.reference_html:
            return ""
        return squash(lxml.html.fromstring(self.reference_html).text_content())

    @property
    def key(self) -> str:
        """The page as "<set>/<name>", the way the label-fix file and the benchmark's JSON name it."""
        return f"{self.set}/{self.name}"


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


_WORD = re.compile(r"\w+")
# A line of fewer words has no 4-word shingle: whether the reference holds it is told by its blocks.
SHORT_LINE = 4


def _shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _found_whole(line: str, ref: str) -> bool:
    """`line` stands in `ref` with word edges on both sides: "Share" is not found in "Shares rose", nor "Related" in
    "Unrelated", so a short furniture line is not labelled article for a word the text happens to hold."""
    if line not in ref:
        return False
    head = r"(?<!\w)" if line[0].isalnum() or line[0] == "_" else ""
    tail = r"(?!\w)" if line[-1].isalnum() or line[-1] == "_" else ""
    return re.search(head + re.escape(line) + tail, ref) is not None


@dataclass(frozen=True)
class LabelFix:
    page: str  # Page.key
    line: str  # the line, squashed, as naive_lines gives it
    label: str | None  # "article", "boilerplate", or None: not scored
    reason: str


def load_label_fixes(path: Path = LABEL_FIXES) -> dict[str, dict[str, LabelFix]]:
    """The reviewed label corrections, by page key and line. Every fix needs a page, a line, a label and a reason."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, dict[str, LabelFix]] = {}
    for item in data["fixes"]:
        label = item["label"]
        if label not in ("article", "boilerplate", None) or not item.get("reason"):
            raise ValueError(f"{path.name}: bad fix {item!r}: label article, boilerplate or null, and a reason")
        fix = LabelFix(item["page"], squash(item["line"]), label, item["reason"])
        if fix.line in out.setdefault(fix.page, {}):
            raise ValueError(f"{path.name}: two fixes for one line of {fix.page}: {fix.line!r}")
        out[fix.page][fix.line] = fix
    return out


_FIXES: dict[str, dict[str, LabelFix]] | None = None


def label_fixes() -> dict[str, dict[str, LabelFix]]:
    global _FIXES
    if _FIXES is None:
        _FIXES = load_label_fixes()
    return _FIXES


def label_lines(page: Page, lines: list[str], *, fixes: bool = True) -> list[str | None]:
    """article / boilerplate / None for each line, corrected by `bench/label-fixes.json` unless `fixes` is False.

    Readability pages: a line found whole in the reference text is article; a line none of whose 4-word shingles is
    in the reference is boilerplate; a line in between (part in, part out) is not scored. A line of under four words
    is article only when it is a whole block of the reference (not when its words merely stand in the text).

    Trafilatura pages: a line holding a `with` snippet is article, one holding a `without` snippet (and no `with`
    one) is boilerplate, the rest are not scored.
    """
    labels: list[str | None] = []
    if page.set == "readability":
        ref, glued = page.reference_text, page.reference_glued
        ref_shingles = _shingles(ref) | _shingles(glued)
        blocks = page.reference_blocks
        for line in lines:
            if len(_WORD.findall(line)) < SHORT_LINE:
                # A word or three ("Facebook", "Read more", "0") stand somewhere in most references: a short line
                # is article only when it is a block of the reference, else it is not scored when the running text
                # holds it, and boilerplate when it does not.
                if line in blocks:
                    labels.append("article")
                elif _found_whole(line, ref) or _found_whole(line, glued):
                    labels.append(None)
                else:
                    labels.append("boilerplate")
            elif _found_whole(line, ref) or _found_whole(line, glued):
                labels.append("article")
            elif not (_shingles(line) & ref_shingles):
                labels.append("boilerplate")
            else:
                labels.append(None)
    else:
        with_ = [squash(s) for s in page.with_ if squash(s)]
        without = [squash(s) for s in page.without if squash(s)]
        for line in lines:
            if any(s in line for s in with_):
                labels.append("article")
            elif any(s in line for s in without):
                labels.append("boilerplate")
            else:
                labels.append(None)
    page_fixes = label_fixes().get(page.key) if fixes else None
    if page_fixes:
        labels = [
            page_fixes[line].label if line in page_fixes else label for line, label in zip(lines, labels, strict=True)
        ]
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
