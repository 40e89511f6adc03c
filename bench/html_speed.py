"""HTML mode speed and extraction quality, side by side: cleanser, readability-lxml, trafilatura.

    python bench/html_speed.py [--repeat 3] [--only NAME ...]

For every page of the development set (`../shared/bench/readability-pages/`, 130 real pages with Mozilla
Readability's extraction as the reference), each extractor runs --repeat times on the page (taking turns, page by
page) and its median time counts; "lxml parse" is the floor: parsing the page into a tree and nothing else.
Each extractor gets the page as text (decoded once, up front) and produces HTML, which is scored against the
reference exactly as bench/structure.py scores it: word recall and precision (multisets of lower-cased words),
averaged over pages. Times are the process's CPU time. Targets: cleanser's median per-page time at most
trafilatura's, with word recall at least as high.

Needs the `bench` extra (trafilatura).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html
from structure import DEFAULT_PAGES, html_words, word_scores

from cleanser.read.text import decode


def _extractors() -> dict[str, Callable[[str], str]]:
    import trafilatura
    from readability import Document

    from cleanser import Cleaner

    cleaner = Cleaner()

    def run_trafilatura(text: str) -> str:
        found = trafilatura.extract(
            text,
            output_format="html",
            include_formatting=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
        )
        return found or ""

    return {
        "lxml parse": lambda text: lxml.html.document_fromstring(text.encode("utf-8")) is not None and "",
        "cleanser": lambda text: cleaner.clean(text).html,
        "readability-lxml": lambda text: Document(text).summary(html_partial=True),
        "trafilatura": run_trafilatura,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and extractor; the median counts")
    parser.add_argument("--only", nargs="*", default=[], help="page folder names")
    args = parser.parse_args(argv)

    folders = sorted(p for p in args.pages.iterdir() if (p / "source.html.gz").exists())
    if args.only:
        folders = [p for p in folders if p.name in args.only]
    pages = []
    for folder in folders:
        source = decode(gzip.decompress((folder / "source.html.gz").read_bytes()), str(folder))
        reference = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((folder.name, source, html_words(reference)))
    extractors = _extractors()
    for _name, source, _ref in pages[:3]:  # warm: imports, compiled rules, caches
        for fn in extractors.values():
            fn(source)

    times: dict[str, list[float]] = {name: [] for name in extractors}
    recall: dict[str, list[float]] = {name: [] for name in extractors}
    precision: dict[str, list[float]] = {name: [] for name in extractors}
    for _name, source, reference in pages:
        runs: dict[str, list[float]] = {name: [] for name in extractors}
        outputs: dict[str, str] = {}
        for _ in range(args.repeat):
            for name, fn in extractors.items():
                start = time.process_time()
                outputs[name] = fn(source)
                runs[name].append(time.process_time() - start)
        for name in extractors:
            times[name].append(statistics.median(runs[name]))
            p, r = word_scores(reference, html_words(outputs[name]))
            precision[name].append(p)
            recall[name].append(r)

    mb = sum(len(source.encode("utf-8")) for _n, source, _r in pages) / 1e6
    size = statistics.median(len(s) for _n, s, _r in pages) / 1e3
    print(f"{len(pages)} pages, {mb:.1f} MB, median page {size:.0f} KB")
    print(f"{'extractor':<17} {'median ms':>10} {'mean ms':>8} {'vs trafilatura':>15} {'recall':>7} {'precision':>9}")
    base = statistics.median(times["trafilatura"])
    for name in extractors:
        med = statistics.median(times[name])
        quality = "" if name == "lxml parse" else f"{statistics.mean(recall[name]):>7.3f}"
        quality += "" if name == "lxml parse" else f" {statistics.mean(precision[name]):>9.3f}"
        mean = statistics.mean(times[name]) * 1000
        print(f"{name:<17} {med * 1000:>10.2f} {mean:>8.2f} {med / base:>14.2f}x {quality}")
    ratio = statistics.median(times["cleanser"]) / base
    gain = statistics.mean(recall["cleanser"]) - statistics.mean(recall["trafilatura"])
    print(f"headline: cleanser's median page takes {ratio:.2f}x trafilatura's (target <= 1), word recall {gain:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
