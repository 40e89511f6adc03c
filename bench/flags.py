"""Precision and recall of the `paywalled` and `truncated` flags on the two development sets, by part of the split.

    python bench/flags.py                # figures for the tune and the report part
    python bench/flags.py --errors       # ... and every page where a flag disagrees with its label
    python bench/flags.py --part tune    # one part only (while tuning: the report part is read once, at the end)
    python bench/flags.py --candidates   # the pages a reviewer must look at before labelling (see docs/quality.md)
    python bench/flags.py --mode text    # one mode only (default both: the page as HTML, and as naive-scraper text)

The labels are `bench/flag-labels.json`: for every page of the two sets, whether it is paywalled, whether the wall is
a registration wall, whether its text is truncated, and the evidence the label rests on. `registration` is scored
as the registration-wall reason of `paywalled` (the flag's value starts with "registration wall").
Tune on the tune part only; the report part is read for the figures.

Each page is scored twice against the same labels: cleaned as the page (`html`), and as the text a naive scraper saves
of it (`text`: `devsets.naive_lines`, the text of every `<p>`, one per line, with the page's URL), which is what
most archives hold. Text loses the page's declarations (JSON-LD, microdata, markup), so its recall is lower by
nature; its precision is the point: a naive scraper also saves the `<p>` of a wall template the page hides, and a
free page must not be flagged for it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import Page, all_pages, naive_lines

from cleanser import Cleaner
from cleanser.read.page import parse, strip_junk

LABELS = Path(__file__).resolve().parent / "flag-labels.json"
FLAGS = ("paywalled", "registration", "truncated")
MODES = ("html", "text")

# Broader than the package's wall wording on purpose: candidates for a reviewer, not a detector.
_BROAD_WALL = re.compile(
    r"subscri(?:be|ber|ption)|abonn|suscri|assinante|assine|registr|sign in to|log in to|weiterlesen|"
    r"seguir leyendo|continuar leyendo|continue reading|keep reading|lire la suite|premium|exklusiv|exclusiv|"
    r"prenumerat|subskryb",
    re.IGNORECASE,
)
_RAW_DECLARATION = re.compile(r"isAccessibleForFree", re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;…\"'”’»)]*")


def predicted(cleaner: Cleaner, page: Page, mode: str = "html") -> dict[str, bool | str]:
    data = page.html if mode == "html" else "\n".join(naive_lines(page.html))
    flags = cleaner.clean(data, page.url).document.flags
    paywalled = flags.get("paywalled", "")
    return {
        "paywalled": bool(paywalled),
        "registration": paywalled.startswith("registration wall"),
        "truncated": "truncated" in flags,
        "why": "; ".join(f"{k}: {v}" for k, v in flags.items()),
    }


def score(rows: list[tuple[dict, dict]], flag: str) -> tuple[float | None, float | None, int, int, int]:
    tp = sum(1 for label, pred in rows if label[flag] and pred[flag])
    fp = sum(1 for label, pred in rows if not label[flag] and pred[flag])
    fn = sum(1 for label, pred in rows if label[flag] and not pred[flag])
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall, tp, fp, fn


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def report(
    show_errors: bool, parts: tuple[str, ...] = ("tune", "report"), modes: tuple[str, ...] = MODES
) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    cleaner = Cleaner()
    rows: dict[tuple[str, str], list[tuple[dict, dict]]] = {(part, mode): [] for part in parts for mode in modes}
    missing = []
    for page in all_pages():
        if page.part not in parts:
            continue
        label = labels.get(f"{page.set}/{page.name}")
        if label is None:
            missing.append(page.name)
            continue
        for mode in modes:
            pred = predicted(cleaner, page, mode)
            rows[page.part, mode].append((label, pred))
            if show_errors and any(label[f] != pred[f] for f in FLAGS):
                print(f"{page.part} {mode} {page.set}/{page.name}: label {[f for f in FLAGS if label[f]]} "
                      f"({label['evidence']}) | flags {pred['why'] or '-'}")
    if missing:
        print(f"{len(missing)} pages have no label: {missing[:5]}", file=sys.stderr)
    header = f"{'part':<7} {'mode':<5} {'flag':<13} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"
    print(header + f" {'pages':>6}")
    for (part_name, mode), part_rows in rows.items():
        for flag in FLAGS:
            p, r, tp, fp, fn = score(part_rows, flag)
            print(f"{part_name:<7} {mode:<5} {flag:<13} {_fmt(p):>9} {_fmt(r):>7} {tp:>4} {fp:>4} {fn:>4} "
                  f"{len(part_rows):>6}")


def candidates() -> None:
    """Every page with any sign of a wall or a cut, with what a reviewer needs to label it."""
    cleaner = Cleaner()
    for page in all_pages():
        result = cleaner.clean(page.html, page.url)
        kept = result.document.kept()
        words = sum(len(b.text.split()) for b in kept)
        last = kept[-1].text.strip() if kept else ""
        root = parse(page.html)
        strip_junk(root)
        visible = " ".join(root.text_content().split())
        signals = []
        declarations = [page.html[m.start() : m.end() + 40] for m in _RAW_DECLARATION.finditer(page.html)]
        if declarations:
            signals.append("declaration: " + " | ".join(" ".join(d.split()) for d in declarations[:3]))
        walls = [visible[max(0, m.start() - 80) : m.end() + 80] for m in _BROAD_WALL.finditer(visible)]
        if walls and words < 1200:
            signals.append("wording: " + " || ".join(walls[:4]))
        if last and not last.endswith(_SENTENCE_END):
            signals.append("open end")
        if result.document.flags:
            signals.append(f"flags: {result.document.flags}")
        if signals:
            print(f"== {page.part} {page.set}/{page.name} ({words} words)")
            for s in signals:
                print("   ", s[:700])
            print("    END:", last[-300:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every page whose flags disagree with its label")
    parser.add_argument("--candidates", action="store_true", help="list the pages to review before labelling")
    parser.add_argument("--part", choices=("tune", "report"), action="append",
                        help="score only this part (repeatable; default both)")
    parser.add_argument("--mode", choices=MODES, action="append",
                        help="score only this mode: the page as HTML, or its naive-scraper text (default both)")
    args = parser.parse_args()
    if args.candidates:
        candidates()
    else:
        report(args.errors, tuple(args.part) if args.part else ("tune", "report"),
               tuple(args.mode) if args.mode else MODES)


if __name__ == "__main__":
    main()
