"""Precision and recall of the `paywalled` and `truncated` flags on the two development sets, by part of the split.

    python bench/flags.py                # figures for the tune and the report part
    python bench/flags.py --errors       # ... and every page where a flag disagrees with its label
    python bench/flags.py --part tune    # one part only (while tuning: the report part is read once, at the end)
    python bench/flags.py --candidates   # the pages a reviewer must look at before labelling (see docs/quality.md)

The labels are `bench/flag-labels.json`: for every page of the two sets, whether it is paywalled, whether the wall is
a registration wall, whether its text is truncated, and the evidence the label rests on. `registration` is scored
as the registration-wall reason of `paywalled` (the flag's value starts with "registration wall").
Tune on the tune part only; the report part is read for the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import Page, all_pages

from cleanser import Cleaner
from cleanser.read.page import parse, strip_junk

LABELS = Path(__file__).resolve().parent / "flag-labels.json"
FLAGS = ("paywalled", "registration", "truncated")

# Broader than the package's wall wording on purpose: candidates for a reviewer, not a detector.
_BROAD_WALL = re.compile(
    r"subscri(?:be|ber|ption)|abonn|suscri|assinante|assine|registr|sign in to|log in to|weiterlesen|"
    r"seguir leyendo|continuar leyendo|continue reading|keep reading|lire la suite|premium|exklusiv|exclusiv|"
    r"prenumerat|subskryb",
    re.IGNORECASE,
)
_RAW_DECLARATION = re.compile(r"isAccessibleForFree", re.IGNORECASE)
_SENTENCE_END = tuple(".!?:;…\"'”’»)]*")


def predicted(cleaner: Cleaner, page: Page) -> dict[str, bool | str]:
    flags = cleaner.clean(page.html, page.url).document.flags
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


def report(show_errors: bool, parts: tuple[str, ...] = ("tune", "report")) -> None:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    cleaner = Cleaner()
    rows: dict[str, list[tuple[dict, dict]]] = {part: [] for part in parts}
    missing = []
    for page in all_pages():
        if page.part not in rows:
            continue
        label = labels.get(f"{page.set}/{page.name}")
        if label is None:
            missing.append(page.name)
            continue
        pred = predicted(cleaner, page)
        rows[page.part].append((label, pred))
        if show_errors and any(label[f] != pred[f] for f in FLAGS):
            print(f"{page.part} {page.set}/{page.name}: label {[f for f in FLAGS if label[f]]} "
                  f"({label['evidence']}) | flags {pred['why'] or '-'}")
    if missing:
        print(f"{len(missing)} pages have no label: {missing[:5]}", file=sys.stderr)
    print(f"{'part':<7} {'flag':<13} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'pages':>6}")
    for part_name, part_rows in rows.items():
        for flag in FLAGS:
            p, r, tp, fp, fn = score(part_rows, flag)
            print(f"{part_name:<7} {flag:<13} {_fmt(p):>9} {_fmt(r):>7} {tp:>4} {fp:>4} {fn:>4} {len(part_rows):>6}")


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
    args = parser.parse_args()
    if args.candidates:
        candidates()
    else:
        report(args.errors, tuple(args.part) if args.part else ("tune", "report"))


if __name__ == "__main__":
    main()
