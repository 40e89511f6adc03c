"""How much of an article's structure each extractor keeps, against Mozilla Readability's output.

For every page of the development set (`../shared/bench/readability-pages/`: source.html and expected.html, the
article Mozilla Readability extracts), run cleanser, readability-lxml and trafilatura on the source, read each
output back as HTML, and report:

- headings, list items, paragraphs: the share of the reference's headings (h1-h6), list items (li) and paragraphs
  (p outside lists) that the output keeps *as the same kind of block* (same words, or at least 90% alike);
- word precision and recall of the output's text against the reference's text (multisets of lower-cased words),
  averaged over pages, and their F1.

The reference is one extractor's output, not a human label: the figures measure agreement, and differences are
worth reading page by page (`--pages-report FILE` writes every page's figures as JSON).

    python bench/structure.py                       # the table, Markdown
    python bench/structure.py --only wikipedia nytimes-1 --pages-report /tmp/pages.json

Needs the `bench` extra (trafilatura).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = ROOT.parent / "shared" / "bench" / "readability-pages"
KINDS = ("heading", "list_item", "paragraph")
_WORD = re.compile(r"\w+")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


# --- reading an extractor's HTML output back into blocks --------------------------------------------------------


def norm_words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def _own_text(el) -> str:
    """An element's text without the text of nested lists (a list item's own words)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in ("ul", "ol"):
            parts.append(child.tail or "")
            continue
        parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


def html_blocks(html: str) -> dict[str, list[str]]:
    """Headings, list items and paragraphs of an HTML output, as normalised word strings."""
    out: dict[str, list[str]] = {k: [] for k in KINDS}
    if not html or not html.strip():
        return out
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return out
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _HEADINGS:
            kind, text = "heading", el.text_content()
        elif tag == "li":
            kind, text = "list_item", _own_text(el)
        elif tag == "p" and not any(a.tag == "li" for a in el.iterancestors()):
            kind, text = "paragraph", el.text_content()
        else:
            continue
        words = " ".join(norm_words(text))
        if words:
            out[kind].append(words)
    return out


def html_words(html: str) -> list[str]:
    if not html or not html.strip():
        return []
    try:
        return norm_words(lxml.html.fromstring(html).text_content())
    except (lxml.etree.ParserError, ValueError):
        return []


def kept(reference: list[str], output: list[str]) -> int:
    """How many reference blocks have a counterpart among the output's blocks of the same kind."""
    exact = Counter(output)
    n = 0
    unmatched = []
    for ref in reference:
        if exact[ref] > 0:
            exact[ref] -= 1
            n += 1
        else:
            unmatched.append(ref)
    pool = [o for o, c in exact.items() for _ in range(c)]
    for ref in unmatched:
        for i, cand in enumerate(pool):
            if abs(len(cand) - len(ref)) > 0.2 * max(len(ref), 1):
                continue
            sm = SequenceMatcher(None, ref, cand, autojunk=False)
            if sm.quick_ratio() >= 0.9 and sm.ratio() >= 0.9:
                n += 1
                del pool[i]
                break
    return n


def word_scores(reference: list[str], output: list[str]) -> tuple[float, float]:
    if not reference:
        return (1.0, 1.0) if not output else (0.0, 1.0)
    if not output:
        return 0.0, 0.0
    common = sum((Counter(reference) & Counter(output)).values())
    return common / len(output), common / len(reference)


# --- the extractors ----------------------------------------------------------------------------------------------


def _cleanser() -> Callable[[bytes], str]:
    from cleanser import Cleaner

    cleaner = Cleaner()
    return lambda data: cleaner.clean(data).html


def _readability() -> Callable[[bytes], str]:
    from readability import Document

    return lambda data: Document(data.decode("utf-8", "replace")).summary(html_partial=True)


def _trafilatura() -> Callable[[bytes], str]:
    import trafilatura

    def run(data: bytes) -> str:
        return (
            trafilatura.extract(
                data.decode("utf-8", "replace"),
                output_format="html",
                include_formatting=True,
                include_tables=True,
                include_comments=False,
                include_images=False,
            )
            or ""
        )

    return run


EXTRACTORS: dict[str, Callable[[], Callable[[bytes], str]]] = {
    "cleanser": _cleanser,
    "readability-lxml": _readability,
    "trafilatura": _trafilatura,
}


# --- the run -----------------------------------------------------------------------------------------------------


@dataclass
class Tally:
    ref: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def share(self, kind: str) -> float:
        return self.kept[kind] / self.ref[kind] if self.ref[kind] else 1.0

    def mean(self, values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    def f1(self) -> float:
        p, r = self.mean(self.precision), self.mean(self.recall)
        return 2 * p * r / (p + r) if p + r else 0.0


def pages(folder: Path, only: list[str]) -> list[Path]:
    found = sorted(p for p in folder.iterdir() if (p / "source.html.gz").exists() and (p / "expected.html.gz").exists())
    if only:
        found = [p for p in found if p.name in only]
    return found


def run(folder: Path, names: list[str], only: list[str]) -> tuple[dict[str, Tally], list[dict]]:
    tallies = {name: Tally() for name in names}
    runners = {name: EXTRACTORS[name]() for name in names}
    report: list[dict] = []
    for page in pages(folder, only):
        source = gzip.decompress((page / "source.html.gz").read_bytes())
        expected = gzip.decompress((page / "expected.html.gz").read_bytes()).decode("utf-8", "replace")
        ref_blocks, ref_words = html_blocks(expected), html_words(expected)
        row: dict = {"page": page.name, "reference": {k: len(v) for k, v in ref_blocks.items()}}
        for name, extract in runners.items():
            tally = tallies[name]
            started = time.perf_counter()
            try:
                out = extract(source)
            except Exception as exc:  # an extractor that fails on a page scores nothing on it
                tally.errors.append(f"{page.name}: {type(exc).__name__}: {exc}")
                out = ""
            tally.seconds += time.perf_counter() - started
            blocks = html_blocks(out)
            p, r = word_scores(ref_words, html_words(out))
            tally.precision.append(p)
            tally.recall.append(r)
            row[name] = {"precision": round(p, 3), "recall": round(r, 3)}
            for kind in KINDS:
                k = kept(ref_blocks[kind], blocks[kind])
                tally.ref[kind] += len(ref_blocks[kind])
                tally.kept[kind] += k
                row[name][kind] = k
        report.append(row)
    return tallies, report


# --- metadata agreement ------------------------------------------------------------------------------------------

META_FIELDS = {"title": "title", "byline": "byline", "site_name": "siteName", "language": "lang"}


def _same(a: str | None, b: str | None) -> bool:
    def norm(v):
        return " ".join(str(v).split()).casefold() if v else ""

    return norm(a) == norm(b)


def metadata_agreement(folder: Path, only: list[str]) -> dict[str, dict[str, tuple[int, int]]]:
    """Per field, how often cleanser's (and trafilatura's) metadata equals the reference's, where it has one."""
    from cleanser import Cleaner

    cleaner = Cleaner()
    try:
        import trafilatura
    except ImportError:  # the table then has cleanser's column only
        trafilatura = None
    out: dict[str, dict[str, tuple[int, int]]] = {"cleanser": {}, "trafilatura": {}}
    for page in pages(folder, only):
        ref_path = page / "expected-metadata.json.gz"
        if not ref_path.exists():
            continue
        ref = json.loads(gzip.decompress(ref_path.read_bytes()))
        source = gzip.decompress((page / "source.html.gz").read_bytes())
        ours = cleaner.clean(source).metadata
        theirs: dict = {}
        if trafilatura is not None:
            theirs = dict.fromkeys(("title", "byline", "site_name"))  # nothing found counts as a miss
            found = trafilatura.extract_metadata(source.decode("utf-8", "replace"))
            if found is not None:
                # trafilatura's metadata has no language field: that column stays empty for it.
                theirs = {"title": found.title, "byline": found.author, "site_name": found.sitename}
        for ours_key, ref_key in META_FIELDS.items():
            if not ref.get(ref_key):
                continue
            for name, values in (("cleanser", ours), ("trafilatura", theirs)):
                if name == "trafilatura" and ours_key not in values:
                    continue
                agree, total = out[name].get(ours_key, (0, 0))
                out[name][ours_key] = (agree + _same(values.get(ours_key), ref[ref_key]), total + 1)
    return out


def metadata_table(agreement: dict[str, dict[str, tuple[int, int]]]) -> str:
    totals = agreement["cleanser"]
    head = "| extractor | " + " | ".join(f"{k} (of {totals.get(k, (0, 0))[1]})" for k in META_FIELDS) + " |"
    lines = [head, "|---|" + "---:|" * len(META_FIELDS)]
    for name, fields in agreement.items():
        cells = [f"{fields[k][0] / fields[k][1]:.1%}" if fields.get(k, (0, 0))[1] else "-" for k in META_FIELDS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table(tallies: dict[str, Tally]) -> str:
    ref = next(iter(tallies.values())).ref
    head = (
        f"| extractor | headings kept (of {ref['heading']}) | list items kept (of {ref['list_item']})"
        f" | paragraphs kept (of {ref['paragraph']}) | word precision | word recall | word F1 | seconds |"
    )
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, t in tallies.items():
        lines.append(
            f"| {name} | {t.share('heading'):.1%} | {t.share('list_item'):.1%} | {t.share('paragraph'):.1%}"
            f" | {t.mean(t.precision):.3f} | {t.mean(t.recall):.3f} | {t.f1():.3f} | {t.seconds:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help=f"the page set (default {DEFAULT_PAGES})")
    parser.add_argument("--only", nargs="*", default=[], metavar="PAGE", help="only these pages (folder names)")
    parser.add_argument(
        "--extractors", default=",".join(EXTRACTORS), help=f"comma-separated, from {', '.join(EXTRACTORS)}"
    )
    parser.add_argument("--pages-report", type=Path, metavar="FILE", help="write every page's figures as JSON")
    parser.add_argument("--metadata", action="store_true", help="also compare metadata with the reference's")
    args = parser.parse_args(argv)
    if not args.pages.is_dir():
        print(f"structure bench: no page set at {args.pages}", file=sys.stderr)
        return 2
    names = [n.strip() for n in args.extractors.split(",") if n.strip()]
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        print(f"structure bench: unknown extractors {unknown}", file=sys.stderr)
        return 2
    tallies, report = run(args.pages, names, args.only)
    print(f"{len(report)} pages from {args.pages}\n")
    print(table(tallies))
    for name, t in tallies.items():
        for error in t.errors:
            print(f"{name} failed on {error}", file=sys.stderr)
    if args.metadata:
        print("\nMetadata equal to the reference's (pages where the reference has the field):\n")
        print(metadata_table(metadata_agreement(args.pages, args.only)))
    if args.pages_report:
        args.pages_report.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
