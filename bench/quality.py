"""Real-data quality: cleanser beside trafilatura, readability-lxml and jusText, in one run, on both parts of the split.

    python bench/quality.py --jobs 2                       # the table (Markdown), both sets, both parts, all peers
    python bench/quality.py --jobs 2 --json /tmp/q.json    # ... and every figure and per-page row as JSON
    python bench/quality.py --only-cleanser --part tune --generic aggressive   # fast iteration on the tune part

Pages, the by-site split and line labels come from `bench/devsets.py` (labels corrected by `bench/label-fixes.json`).
Three measures, each reported for the "tune" and the "report" part of the split (method: `docs/quality.md`):

- HTML, readability pages: 4-token shingle precision, recall and F1 of the extracted text against the text of
  Mozilla Readability's `expected.html` (the scrapinghub article-extraction-benchmark method: tokens are `\\w+` of
  the lowercased text, shingles are counted as multisets, precision and recall are taken per page and averaged,
  F1 is that of the two means).
- HTML, trafilatura-dev: the share of `with` snippets found and of `without` snippets absent (whitespace-normalised,
  case-sensitive substrings of the whitespace-normalised extracted text).
- Text: the lines a naive scraper saves from both sets (`devsets.naive_lines`), labelled by `devsets.label_lines`.
  cleanser gets them joined by newlines as plain text (with the page's URL when known); jusText and trafilatura
  get them as the `<p>` paragraphs of a minimal page. A labelled line is kept when its squashed text is a substring
  of the squashed output (invisible format characters such as soft hyphens dropped on both sides). Boilerplate
  recall is the share of boilerplate lines not kept; article lines lost are those not kept; "docs with loss" is the
  share of pages with article lines that lost at least one.

Every (page, extractor, measure) runs in a worker process under a time cap (--timeout): a run over the cap or one
that raises counts as an extractor that gave up (HTML: nothing extracted; text: the input back, nothing removed)
and is counted in the table. The functions that score are imported by tests/test_quality.py.

Needs the `bench` extra (trafilatura, jusText) and `../shared/bench/`.
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import multiprocessing
import os
import re
import statistics
import sys
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets
from devsets import Page, squash

EXTRACTORS = ("cleanser", "trafilatura", "readability-lxml", "jusText")
# Which extractor takes part in which mode: readability-lxml needs a page's DOM and has no use on bare lines.
TEXT_EXTRACTORS = ("cleanser", "trafilatura", "jusText")
GENERIC_LEVELS = ("off", "safe", "aggressive")
PARTS = ("tune", "report")
SETS = ("readability", "trafilatura")
DEFAULT_TIMEOUT = 30.0

# --- scoring -------------------------------------------------------------------------------------------------------


def comparable(text: str) -> str:
    """Squashed, and without invisible format characters (soft hyphens, zero-width spaces and joiners, direction
    marks): extractors drop or keep these as they please, and a line is no less kept for losing them."""
    return squash(text.translate(_FORMAT_CHARS))


_FORMAT_CHARS = {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"}


_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of the lowercased text; a text of fewer tokens is one shorter shingle."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text).lower())
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_counts(reference: str, extracted: str) -> tuple[float, float, float]:
    """True positives, false positives and false negatives of the extracted text's shingles, scaled to sum to 1 so
    that a long page weighs no more than a short one."""
    ref, got = shingles(reference), shingles(extracted)
    tp = sum((ref & got).values())
    fp = sum((got - ref).values())
    fn = sum((ref - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp else 0.0


def shingle_summary(counts: Iterable[tuple[float, float, float]]) -> dict[str, float | int]:
    """Precision over the pages with some output, recall over the pages with some reference (as the scrapinghub
    benchmark averages them), F1 of the two means; `empty` counts pages with no output at all."""
    counts = list(counts)
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": len(counts), "empty": len(counts) - len(ps)}


def snippet_scores(page: Page, extracted: str) -> dict[str, Any]:
    """How many of the page's `with` snippets the extracted text holds and how many `without` snippets it does not."""
    text = comparable(extracted)
    with_ = [s for s in (comparable(x) for x in page.with_) if s]
    without = [s for s in (comparable(x) for x in page.without) if s]
    missing = [s for s in with_ if s not in text]
    present = [s for s in without if s in text]
    return {
        "with": len(with_),
        "with_found": len(with_) - len(missing),
        "without": len(without),
        "without_absent": len(without) - len(present),
        "missing": missing,
        "present": present,
    }


def snippet_summary(rows: Iterable[dict[str, Any]]) -> dict[str, float | int]:
    rows = list(rows)
    with_, found = sum(r["with"] for r in rows), sum(r["with_found"] for r in rows)
    without, absent = sum(r["without"] for r in rows), sum(r["without_absent"] for r in rows)
    return {
        "with_found": found / with_ if with_ else 1.0,
        "without_absent": absent / without if without else 1.0,
        "with": with_,
        "without": without,
        "pages": len(rows),
    }


def line_outcome(lines: Sequence[str], labels: Sequence[str | None], output: str) -> dict[str, Any]:
    """Which labelled lines the output kept: boilerplate removed and article lines lost, with the lost lines' text
    (and the kept boilerplate's) for reading."""
    text = comparable(output)
    kept = [comparable(line) in text for line in lines]
    article = [i for i, label in enumerate(labels) if label == "article"]
    boilerplate = [i for i, label in enumerate(labels) if label == "boilerplate"]
    lost = [lines[i] for i in article if not kept[i]]
    stays = [lines[i] for i in boilerplate if kept[i]]
    return {
        "lines": len(lines),
        "article": len(article),
        "article_lost": len(lost),
        "boilerplate": len(boilerplate),
        "boilerplate_removed": len(boilerplate) - len(stays),
        "lost": lost,
        "boilerplate_kept": stays,
    }


def line_summary(rows: Iterable[dict[str, Any]]) -> dict[str, float | int]:
    rows = list(rows)
    boilerplate = sum(r["boilerplate"] for r in rows)
    removed = sum(r["boilerplate_removed"] for r in rows)
    article = sum(r["article"] for r in rows)
    lost = sum(r["article_lost"] for r in rows)
    with_article = [r for r in rows if r["article"]]
    return {
        "boilerplate_recall": removed / boilerplate if boilerplate else 0.0,
        "article_lost": lost,
        "article_lost_share": lost / article if article else 0.0,
        "docs_with_loss": sum(1 for r in with_article if r["article_lost"]) / max(1, len(with_article)),
        "boilerplate": boilerplate,
        "article": article,
        "pages": len(rows),
    }


# --- extractors ----------------------------------------------------------------------------------------------------


@cache
def _justext_stoplist() -> frozenset[str]:
    """Every language's stop words at once: the pages are in many languages and do not all say which (trafilatura's
    own jusText fallback does the same)."""
    import justext

    words: set[str] = set()
    for language in justext.get_stoplists():
        words.update(justext.get_stoplist(language))
    return frozenset(words)


def justext_text(html: str) -> str:
    import justext

    if not html.strip():
        return ""
    try:
        paragraphs = justext.justext(html, _justext_stoplist())
    except Exception:  # jusText raises on pages lxml cannot make a tree of; that is "nothing extracted"
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_text(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def readability_text(html: str) -> str:
    from readability import Document

    return devsets.html_text(Document(html).summary(html_partial=True))


def lines_page(lines: Sequence[str]) -> str:
    """The naive lines as the `<p>` paragraphs of a minimal page, for extractors that read only HTML."""
    body = "".join(f"<p>{html_lib.escape(line)}</p>\n" for line in lines)
    return f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title></title></head><body>\n{body}</body></html>\n"


def make_cleaner(generic: str | None = None, second_opinion: bool = False):
    """cleanser through its public API; `generic` goes to Cleaner(generic=...) only when given, `second_opinion` to
    Cleaner(second_opinion=True) only when set."""
    import cleanser

    options: dict[str, Any] = {"generic": generic} if generic is not None else {}
    if second_opinion:
        options["second_opinion"] = True
    return cleanser.Cleaner(**options)


def extract(extractor: str, mode: str, page: Page, lines: Sequence[str] | None, cleaner=None) -> str:
    """The extractor's text for the page (mode "html") or for its naive lines (mode "text")."""
    if mode == "html":
        if extractor == "cleanser":
            return cleaner.clean(page.html, url=page.url).text
        if extractor == "trafilatura":
            return trafilatura_text(page.html, page.url)
        if extractor == "readability-lxml":
            return readability_text(page.html)
        if extractor == "jusText":
            return justext_text(page.html)
    elif mode == "text":
        assert lines is not None
        if extractor == "cleanser":
            return cleaner.clean("\n".join(lines), url=page.url).text
        if extractor == "trafilatura":
            return trafilatura_text(lines_page(lines), page.url)
        if extractor == "jusText":
            return justext_text(lines_page(lines))
    raise ValueError(f"no {mode} mode for {extractor}")


def fallback_output(mode: str, lines: Sequence[str] | None) -> str:
    """What an extractor that gave up is scored with: nothing extracted from a page, nothing removed from text."""
    return "\n".join(lines or ()) if mode == "text" else ""


def score(mode: str, page: Page, lines: Sequence[str] | None, labels: Sequence[str | None] | None, output: str):
    if mode == "text":
        assert lines is not None and labels is not None
        return line_outcome(lines, labels, output)
    if page.set == "readability":
        tp, fp, fn = shingle_counts(page.reference_text, output)
        return {"tp": tp, "fp": fp, "fn": fn, "empty": not output.strip()}
    return snippet_scores(page, output)


_LINES: dict[str, tuple[list[str], list[str | None]]] = {}


def page_lines(page: Page) -> tuple[list[str], list[str | None]]:
    """The page's naive lines and their labels, kept while the page's runs come (see `_worker`)."""
    found = _LINES.get(page.key)
    if found is None:
        lines = devsets.naive_lines(page.html)
        found = _LINES[page.key] = (lines, devsets.label_lines(page, lines))
    return found


def run_one(extractor: str, mode: str, page: Page, cleaner=None) -> dict[str, Any]:
    """One extractor on one page in one mode, scored: the row the JSON keeps (no time cap here)."""
    lines = labels = None
    if mode == "text":
        lines, labels = page_lines(page)
    start = time.process_time()
    status = "ok"
    try:
        output = extract(extractor, mode, page, lines, cleaner)
    except Exception as exc:
        status = f"error: {type(exc).__name__}: {exc}"
        output = fallback_output(mode, lines)
    seconds = time.process_time() - start
    return _row(page, extractor, mode, status, seconds, score(mode, page, lines, labels, output))


def _row(page: Page, extractor: str, mode: str, status: str, seconds: float, scores: dict[str, Any]):
    return {
        "page": page.key,
        "set": page.set,
        "site": page.site,
        "part": page.part,
        "extractor": extractor,
        "mode": mode,
        "status": status,
        "seconds": round(seconds, 4),
        **scores,
    }


# --- worker processes with a time cap --------------------------------------------------------------------------------

def _worker(conn: Connection, cleaner, pages: list[Page]) -> None:
    last = None
    while True:
        task = conn.recv()
        if task is None:
            return
        index, extractor, mode = task
        page = pages[index]
        if last is not None and last is not page:  # the decoded page stays cached only while its runs come
            for name in ("html", "reference_text", "reference_glued", "reference_blocks"):
                last.__dict__.pop(name, None)
            _LINES.pop(last.key, None)
        last = page
        try:
            row = run_one(extractor, mode, page, cleaner)
        except Exception:
            row = {"crash": traceback.format_exc()}
        conn.send((task, row))


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: tuple[int, str, str] | None = None
    started: float = 0.0


def run_tasks(
    pages: list[Page],
    tasks: list[tuple[int, str, str]],
    *,
    jobs: int,
    timeout: float,
    cleaner=None,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Run every (page index, extractor, mode) in `jobs` worker processes; a task over `timeout` seconds (wall) has
    its worker killed and replaced, and is scored as an extractor that gave up."""
    # Forked, the workers inherit the pages, the imported modules and the cleaner with its compiled rules.
    ctx = multiprocessing.get_context("fork")

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker, args=(child, cleaner, pages), daemon=True)
        process.start()
        child.close()
        return _Slot(process, parent)

    slots = [start() for _ in range(max(1, jobs))]
    todo = list(reversed(tasks))
    rows: list[dict[str, Any]] = []

    def give(slot: _Slot) -> None:
        if todo:
            slot.task = todo.pop()
            slot.started = time.monotonic()
            slot.conn.send(slot.task)
        else:
            slot.task = None

    for slot in slots:
        give(slot)
    while any(slot.task for slot in slots):
        busy = [slot for slot in slots if slot.task]
        ready = wait([slot.conn for slot in busy], timeout=1.0)
        now = time.monotonic()
        for i, slot in enumerate(slots):
            if not slot.task:
                continue
            if slot.conn in ready:
                try:
                    task, row = slot.conn.recv()
                except EOFError:  # the worker died (out of memory, a crash in C): a failure of this task
                    task, row = slot.task, {"crash": f"worker died (exit {slot.process.exitcode})"}
                    slots[i] = slot = _replace(slot, start)
                rows.append(_finish(pages, task, row))
                give(slot)
            elif now - slot.started > timeout:
                task = slot.task
                slots[i] = slot = _replace(slot, start)
                rows.append(_gave_up(pages[task[0]], task, f"timeout: over {timeout:g} s"))
                give(slot)
            else:
                continue
            if progress:
                progress(len(rows), len(tasks))
    for slot in slots:
        slot.conn.send(None)
        slot.process.join(5)
    return rows


def _replace(slot: _Slot, start: Callable[[], _Slot]) -> _Slot:
    slot.process.kill()
    slot.process.join()
    slot.conn.close()
    return start()


def _finish(pages: list[Page], task: tuple[int, str, str], row: dict[str, Any]) -> dict[str, Any]:
    if "crash" in row:
        return _gave_up(pages[task[0]], task, "error: " + row["crash"].strip().splitlines()[-1])
    return row


def _gave_up(page: Page, task: tuple[int, str, str], status: str) -> dict[str, Any]:
    _, extractor, mode = task
    lines = labels = None
    if mode == "text":
        lines, labels = page_lines(page)
    return _row(page, extractor, mode, status, 0.0, score(mode, page, lines, labels, fallback_output(mode, lines)))


# --- the table -----------------------------------------------------------------------------------------------------


def summarise(rows: list[dict[str, Any]], extractors: Sequence[str]) -> dict[str, Any]:
    """Every figure, by measure, part and extractor."""
    out: dict[str, Any] = {}
    for part in PARTS:
        mine = [r for r in rows if r["part"] == part]
        if not mine:
            continue
        figures: dict[str, Any] = {}
        for ex in extractors:
            html_read = [r for r in mine if r["extractor"] == ex and r["mode"] == "html" and r["set"] == "readability"]
            html_traf = [r for r in mine if r["extractor"] == ex and r["mode"] == "html" and r["set"] == "trafilatura"]
            text = [r for r in mine if r["extractor"] == ex and r["mode"] == "text"]
            fig: dict[str, Any] = {}
            if html_read:
                fig["html_readability"] = shingle_summary((r["tp"], r["fp"], r["fn"]) for r in html_read)
            if html_traf:
                fig["html_trafilatura"] = snippet_summary(html_traf)
            if text:
                for name, subset in (
                    ("text_readability", [r for r in text if r["set"] == "readability"]),
                    ("text_trafilatura", [r for r in text if r["set"] == "trafilatura"]),
                    ("text_both", text),
                ):
                    if subset:
                        fig[name] = line_summary(subset)
            mine_ex = [r for r in mine if r["extractor"] == ex]
            fig["gave_up"] = sum(1 for r in mine_ex if r["status"] != "ok")
            fig["cpu_seconds"] = sum(r["seconds"] for r in mine_ex)
            figures[ex] = fig
        out[part] = figures
    return out


_ROWS: list[tuple[str, str, str, str]] = [
    # (label, figure group, key, format)
    ("HTML readability-pages: shingle precision", "html_readability", "precision", "f3"),
    ("HTML readability-pages: shingle recall", "html_readability", "recall", "f3"),
    ("HTML readability-pages: shingle F1", "html_readability", "f1", "f3"),
    ("HTML readability-pages: pages with no output", "html_readability", "empty", "int"),
    ("HTML trafilatura-dev: `with` found", "html_trafilatura", "with_found", "f3"),
    ("HTML trafilatura-dev: `without` absent", "html_trafilatura", "without_absent", "f3"),
    ("Text, readability lines: boilerplate recall", "text_readability", "boilerplate_recall", "f3"),
    ("Text, readability lines: article lines lost", "text_readability", "article_lost", "lost"),
    ("Text, readability lines: docs with loss", "text_readability", "docs_with_loss", "f3"),
    ("Text, trafilatura lines: boilerplate recall", "text_trafilatura", "boilerplate_recall", "f3"),
    ("Text, trafilatura lines: article lines lost", "text_trafilatura", "article_lost", "lost"),
    ("Text, trafilatura lines: docs with loss", "text_trafilatura", "docs_with_loss", "f3"),
    ("Text, both sets: boilerplate recall", "text_both", "boilerplate_recall", "f3"),
    ("Text, both sets: article lines lost", "text_both", "article_lost", "lost"),
    ("Text, both sets: docs with loss", "text_both", "docs_with_loss", "f3"),
]


def _count_note(group: str, fig: dict[str, Any]) -> str:
    if group == "html_readability":
        return f"{fig['pages']} pages"
    if group == "html_trafilatura":
        return f"{fig['pages']} pages, {fig['with']} with / {fig['without']} without"
    return f"{fig['pages']} pages, {fig['article']} article / {fig['boilerplate']} boilerplate lines"


def _cell(fig: dict[str, Any] | None, key: str, fmt: str) -> str:
    if fig is None:
        return "–"
    value = fig[key]
    if fmt == "f3":
        return f"{value:.3f}"
    if fmt == "lost":
        return f"{value} ({fig['article_lost_share']:.2%})"
    return str(value)


def table(summary: dict[str, Any], extractors: Sequence[str]) -> str:
    head = ["figure", "part", "counted", *extractors]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for label, group, key, fmt in _ROWS:
        for part in PARTS:
            figs = summary.get(part, {})
            present = [figs[ex][group] for ex in extractors if group in figs.get(ex, {})]
            if not present:
                continue
            cells = [_cell(figs[ex].get(group), key, fmt) for ex in extractors]
            out.append("| " + " | ".join([label, part, _count_note(group, present[0]), *cells]) + " |")
    for part in PARTS:
        figs = summary.get(part, {})
        if figs:
            cells = [str(figs[ex]["gave_up"]) for ex in extractors]
            out.append("| " + " | ".join(["runs over the time cap or failed", part, "", *cells]) + " |")
    for part in PARTS:
        figs = summary.get(part, {})
        if figs:
            cells = [f"{figs[ex]['cpu_seconds']:.0f}" for ex in extractors]
            out.append("| " + " | ".join(["CPU seconds, all runs", part, "", *cells]) + " |")
    return "\n".join(out)


# --- command line --------------------------------------------------------------------------------------------------


def select_pages(sets: Sequence[str], parts: Sequence[str], names: Sequence[str] = ()) -> list[Page]:
    pages: list[Page] = []
    if "readability" in sets:
        pages.extend(devsets.readability_pages())
    if "trafilatura" in sets:
        pages.extend(devsets.trafilatura_pages())
    pages = [p for p in pages if p.part in parts]
    if names:
        pages = [p for p in pages if p.name in names or p.key in names]
    return pages


def check_shared() -> None:
    if not devsets.READABILITY.is_dir() or not devsets.TRAFILATURA.is_dir():
        raise SystemExit(f"the development sets are missing: {devsets.SHARED} (readability-pages, trafilatura-dev)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--generic", choices=GENERIC_LEVELS, help="passed as Cleaner(generic=LEVEL); default: none")
    parser.add_argument(
        "--second-opinion",
        action="store_true",
        help="passed as Cleaner(second_opinion=True): trafilatura's extraction as a second opinion",
    )
    parser.add_argument("--only-cleanser", action="store_true", help="skip the peers (fast iteration)")
    parser.add_argument("--set", choices=SETS, action="append", help="one set (repeatable); default both")
    parser.add_argument("--part", choices=PARTS, action="append", help="one part (repeatable); default both")
    parser.add_argument("--mode", choices=("html", "text"), action="append", help="one measure; default both")
    parser.add_argument("--page", action="append", default=[], help="only this page (name or set/name; repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="cap per page and extractor, s")
    parser.add_argument("--json", type=Path, help="write every figure and the per-page rows here")
    args = parser.parse_args(argv)

    check_shared()
    wall = time.monotonic()
    sets, parts = args.set or list(SETS), args.part or list(PARTS)
    modes = args.mode or ["html", "text"]
    extractors = ["cleanser"] if args.only_cleanser else list(EXTRACTORS)
    pages = select_pages(sets, parts, args.page)
    tasks = [
        (i, ex, mode)
        for i in range(len(pages))
        for mode in modes
        for ex in extractors
        if mode == "html" or ex in TEXT_EXTRACTORS
    ]
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show and (done % 50 == 0 or done == total):
            print(f"\r{done}/{total} runs", end="" if done < total else "\n", file=sys.stderr, flush=True)

    cleaner = make_cleaner(args.generic, args.second_opinion)
    rows = run_tasks(pages, tasks, jobs=args.jobs, timeout=args.timeout, cleaner=cleaner, progress=progress)
    rows.sort(key=lambda r: (r["page"], r["mode"], EXTRACTORS.index(r["extractor"])))
    summary = summarise(rows, extractors)
    elapsed = time.monotonic() - wall

    counts = Counter(p.part for p in pages)
    sites = {part: len({p.site for p in pages if p.part == part}) for part in PARTS}
    fixes = sum(len(v) for v in devsets.label_fixes().values())
    generic = getattr(cleaner, "generic", args.generic) or "(Cleaner default)"
    print(
        f"pages: tune {counts['tune']} ({sites['tune']} sites), report {counts['report']} ({sites['report']} sites); "
        f"cleanser generic={generic}{' + second opinion' if args.second_opinion else ''}; label fixes: {fixes}; "
        f"jobs {args.jobs}, cap {args.timeout:g} s per run"
    )
    print()
    print(table(summary, extractors))
    print()
    print(f"wall time: {elapsed:.0f} s for {len(tasks)} runs")
    if args.json:
        payload = {
            "command": " ".join(["python", "bench/quality.py", *(argv if argv is not None else sys.argv[1:])]),
            "generic": args.generic,
            "second_opinion": args.second_opinion,
            "extractors": extractors,
            "pages": {"tune": counts["tune"], "report": counts["report"]},
            "sites": sites,
            "label_fixes": fixes,
            "wall_seconds": round(elapsed, 1),
            "summary": summary,
            "rows": rows,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
