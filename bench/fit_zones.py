"""Learn the boundary vocabulary of the zone stage (`src/cleanser/stages/generic_zones.py`) and write its data file;
or show what the stage takes.

    python bench/fit_zones.py                   # learn from the tune part, write src/cleanser/data/generic_zones.json
    python bench/fit_zones.py --show taken      # every line the stage takes on the tune part, with its label
    python bench/fit_zones.py --show missed     # tune pages whose boilerplate tail the stage left, and why

What it learns from, and only from:
- the tune part of the development sets (`devsets.all_pages()`, `page.part == "tune"`): each page's naive-scraper
  lines and their labels, read and put through the rules and the line scorer as `Cleaner.clean` does. A line is a
  *tail line* when it is labelled boilerplate, stands below the page's last article-labelled line, and is short
  (`MAX_WORDS` words or fewer: a header, a share or copyright line, a comment form's label);
- the markers the bundled plugins' tail rules declare (the `examples` of every rule of kind "tail" in
  `plugins/sites/*.toml` and `src/cleanser/generic.toml`): what publishers print at the top of a related list,
  each plugin counting as one site. (The other rules' examples are the line scorer's training data already, and
  the stage reads the line scorer's word evidence too; as a vocabulary of boundaries they brought in the
  placeholder names and topics of the plugins' fixtures.)

Against:
- every short article-labelled line of the tune part that does not read as a sentence (headings, captions, list
  items, sign-offs: what a short boundary line could be mistaken for; a sentence is a boundary only with twice the
  threshold) and the tail rules' `counter_examples`.

A word (or a word pair) is in the vocabulary when tail lines of at least MIN_SITES sites hold it and lines on the
other side of at most MAX_AGAINST_SITES sites do (and then in at most MAX_AGAINST_SHARE of those lines), and at most
MAX_PROSE_SHARE of the prose lines (over MAX_WORDS words) above the pages' last article lines, of at most
MAX_PROSE_SITES sites, hold it (a language with few pages in the tune part has few prose lines); never a
calendar word, a unit of time or a Latin word of one or two letters (`fit_generic._dateish`). Its weight is the
log-odds of the sites for it against the sites against it. The stage reads a line's boundary evidence as the sum of
the weights of its words and pairs; THRESHOLD is the evidence a boundary line needs.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import all_pages, label_lines, naive_lines
from fit_generic import _dateish

from cleanser import Cleaner
from cleanser.document import BLANK
from cleanser.read.text import normalize_spaces
from cleanser.rules.model import load_ruleset_file
from cleanser.stages.apply import apply_rules
from cleanser.stages.generic_lines import mark_lines, reads_as_sentence, words

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cleanser" / "data" / "generic_zones.json"
VERSION = 1
MAX_WORDS = 12  # a tail line the vocabulary learns from: a header, a label, a share or legal line
MIN_SITES = 3
MAX_AGAINST_SITES = 2
MAX_AGAINST_SHARE = 0.002
MAX_PROSE_SHARE = 0.003  # as the line scorer's vocabulary: "the", "nach", "que" say nothing of a line
MAX_PROSE_SITES = 5  # ... nor a word the prose of several sites uses ("vous" in a tune part of few French pages)
# Units of time, as calendar words: "4 min read" is furniture, "65 Min." a recipe's time.
_UNITS = frozenset(
    ["min", "mins", "minute", "minutes", "minuten", "std", "stunden", "hrs", "hours", "sec", "seconds", "sek", "kcal"]
)
THRESHOLD = 2.0  # about two sites-for-every-site-against words, or one strong one


def terms(text: str) -> set[str]:
    """The line's words and word pairs as the stage reads them (numbers aside)."""
    ws = [w for w in words(text) if w != "0"]
    return set(ws) | {f"{a} {b}" for a, b in pairwise(ws)}


def read_tune(level: str = "safe"):
    """(page, document, the page's line labels) for each tune page, after the rules and the line scorer ran."""
    cleaner = Cleaner(generic=level)
    for page in all_pages():
        if page.part != "tune":
            continue
        lines = naive_lines(page.html)
        if not lines:
            continue
        labels = label_lines(page, lines)
        reading = cleaner.read("\n".join(lines), page.url)
        doc, book = reading[0], reading[3]
        apply_rules(doc, book)
        mark_lines(doc, level)
        yield page, doc, labels


def tune_documents(level: str = "safe"):
    """(page, blocks, labels) for each tune page: each block's label (None for blank blocks)."""
    for page, doc, labels in read_tune(level):
        yield page, doc, [labels[b.line - 1] if b.line and b.kind != BLANK else None for b in doc.blocks]


def rule_examples() -> tuple[list[tuple[str, str]], list[str]]:
    """(plugin, line) for every short line of the bundled tail rules' examples (the markers publishers print at the
    top of a related list), and those rules' counter-examples."""
    files = [*sorted((ROOT / "plugins" / "sites").glob("*.toml")), ROOT / "src" / "cleanser" / "generic.toml"]
    examples, counter = [], []
    for path in files:
        ruleset = load_ruleset_file(path)
        for rule in ruleset.rules:
            if rule.kind != "tail":
                continue
            for example in rule.examples:
                examples += [(ruleset.name, x.strip()) for x in normalize_spaces(example).split("\n")
                             if x.strip() and len(x.split()) <= MAX_WORDS]
            counter += [normalize_spaces(e).strip() for e in rule.counter_examples]
    return examples, counter


def fit() -> dict:
    for_sites: dict[str, set[str]] = defaultdict(set)
    against_sites: dict[str, set[str]] = defaultdict(set)
    against_lines: Counter[str] = Counter()
    n_against = 0
    n_pages = n_tail = n_prose = 0
    prose: Counter[str] = Counter()
    prose_sites: dict[str, set[str]] = defaultdict(set)
    for page, doc, labels in tune_documents():
        n_pages += 1
        texts = [b.text for b in doc.blocks]
        last = max((i for i, lab in enumerate(labels) if lab == "article"), default=-1)
        for i, (text, lab) in enumerate(zip(texts, labels, strict=True)):
            if not text.strip():
                continue
            if lab != "boilerplate" and i < last and len(text.split()) > MAX_WORDS:
                n_prose += 1
                prose.update(terms(text))
                for t in terms(text):
                    prose_sites[t].add(page.site)
            if lab == "article" and len(text.split()) <= MAX_WORDS and not reads_as_sentence(text):
                n_against += 1
                for t in terms(text):
                    against_sites[t].add(page.site)
                    against_lines[t] += 1
            elif lab == "boilerplate" and i > last and len(text.split()) <= MAX_WORDS:
                n_tail += 1
                for t in terms(text):
                    for_sites[t].add(page.site)
    examples, counter = rule_examples()
    for plugin, text in examples:
        for t in terms(text):
            for_sites[t].add(f"plugin:{plugin}")
    for text in counter:
        n_against += 1
        for t in terms(text):
            against_sites[t].add("plugin:counter")
            against_lines[t] += 1
    vocab = {}
    for t, sites in for_sites.items():
        against = len(against_sites.get(t, ()))
        if len(sites) < MIN_SITES or against > MAX_AGAINST_SITES or against_lines[t] > MAX_AGAINST_SHARE * n_against:
            continue
        if prose[t] > MAX_PROSE_SHARE * n_prose or len(prose_sites.get(t, ())) > MAX_PROSE_SITES:
            continue
        if any(_dateish(w) or w in _UNITS for w in t.split()):
            continue
        vocab[t] = round(math.log((len(sites) + 1) / (against + 1)), 3)
    print(f"tune: {n_pages} pages, {n_tail} tail lines, {n_against} lines against, {len(examples)} rule example lines; "
          f"vocabulary {len(vocab)}")
    return {
        "version": VERSION,
        "about": "Boundary vocabulary of cleanser's zone stage, learned by bench/fit_zones.py from the tune part of "
        "the development sets and the bundled tail rules' markers. Regenerate with that script; do not edit.",
        "threshold": THRESHOLD,
        "boundary": dict(sorted(vocab.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def show(what: str) -> None:
    """Print what the zone stage takes on the tune part (with labels), or the tails it missed."""
    from cleanser.stages.generic_zones import mark_zones

    counts: Counter[str] = Counter()
    for page, doc, labels in read_tune("safe"):
        before = {id(b) for b in doc.blocks if b.removal is not None}
        mark_zones(doc, "safe")
        taken = [b for b in doc.blocks if b.removal is not None and id(b) not in before]
        for b in taken:
            counts[labels[b.line - 1] or "unlabelled"] += 1
        if what == "taken" and taken:
            print(f"== {page.set}/{page.name}: {taken[0].removal.evidence}")
            for b in taken:
                lab = labels[b.line - 1]
                print(f"   {'A' if lab == 'article' else 'B' if lab else '.'} {b.text[:110]!r}")
        if what == "missed":
            left = [b for b in doc.blocks if b.removal is None and b.line and labels[b.line - 1] == "boilerplate"]
            last = max((b.line for b in doc.blocks if b.line and labels[b.line - 1] == "article"), default=0)
            below = [b for b in left if b.line > last]
            if len(below) >= 2:
                print(f"== {page.set}/{page.name}: {len(below)} boilerplate lines left below the article")
                for b in doc.blocks[max(0, [x.line for x in doc.blocks].index(last) - 1) :][:14]:
                    if b.kind == BLANK:
                        continue
                    lab = labels[b.line - 1] if b.line else None
                    mark = "A" if lab == "article" else "B" if lab else "."
                    print(f"   {mark}{'R' if b.removal else ' '} {b.text[:110]!r}")
    print(dict(counts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", choices=("taken", "missed"), help="show the stage's work on the tune part")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    if args.show:
        show(args.show)
        return
    data = fit()
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
