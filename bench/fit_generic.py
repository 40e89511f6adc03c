"""Fit the generic line scorer (`src/cleanser/stages/generic_lines.py`) and write its data file; or measure it.

    python bench/fit_generic.py                 # fit on the tune part, write src/cleanser/data/generic_lines.json
    python bench/fit_generic.py --eval          # measure off / safe / aggressive on the tune and report parts

What it learns from, and only from:
- the tune part of the development sets (`devsets.all_pages()`, `page.part == "tune"`): each page's naive-scraper
  lines (`naive_lines`) with their labels (`label_lines`), read into a document and through the rules exactly as
  `Cleaner.clean` does, so that the scorer sees what it will see at run time (lines a rule already removed count as
  "ruled" neighbours);
- the boilerplate phrases the bundled plugins declare (the `examples` of every rule in `plugins/sites/*.toml` and
  `src/cleanser/generic.toml`), as boilerplate lines without context, and their `counter_examples` (article
  sentences that only look like promo) as article lines.

Two logistic regressions, fitted here by plain stochastic gradient descent (no dependency), deterministic:
1. the line alone (words, word pairs, shape). A word or pair is in the vocabulary only when lines of at least
   MIN_SITES different sites hold it, so that one site's furniture ("Aa", a blog's name) teaches nothing;
2. the line in its document (see `generic_lines.context_features`), on the first model's out-of-fold scores (folds
   by site), so that it learns how much to trust the first score on sites it did not see.

Thresholds are chosen on out-of-fold scores of the tune part: "safe" is the lowest threshold at which at most
SAFE_LOSS of the tune part's article lines would be taken, "aggressive" the lowest at which at most AGGRESSIVE_LOSS
would. The report part is never read while fitting; `--eval` reports both parts.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devsets import Page, all_pages, label_lines, naive_lines, squash
from silver_lines import SilverLine, silver_lines

from cleanser import Cleaner
from cleanser.read.text import normalize_spaces, read_text
from cleanser.rules.model import load_ruleset_file
from cleanser.stages.apply import apply_rules
from cleanser.stages.generic_lines import (
    document_lines,
    line_features,
    line_scores,
    passes,
    reads_as_sentence,
    short_line,
    word_evidence,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cleanser" / "data" / "generic_lines.json"
VERSION = 2
MIN_SITES = 3  # a word counts only when lines of this many sites hold it
# ... and, when fewer than MIN_SITES sites' gold lines and plugin examples hold it, silver lines of this many: one
# site's menu names its sections ("Gaming", "Wien"), a few sites' menus say nothing of furniture, but "Impressum",
# "Kontakt" or "Teilen" stand in the furniture of dozens.
MIN_SILVER_SITES = 5
MAX_PROSE_SHARE = 0.003  # ... and when at most this share of prose lines holds it (not "march", "budget")
FOLDS = 5
EPOCHS = 25
L2 = 1e-3
RATE = 0.3
PAGE_CAP = 15  # lines of one class one page contributes at full weight; beyond, its lines share that weight
SAFE_LOSS = 0.0006
AGGRESSIVE_LOSS = 0.005
EXAMPLE_WEIGHT = 1.0
# Short article lines weigh more than boilerplate ones: the tune part and the plugins' examples hold more short
# boilerplate lines than short article lines, far more than an article does.
ARTICLE_WEIGHT = 2.0
# Silver labels (`silver_lines.py`: what the page's markup says is furniture, and its reference's or container's
# blocks) weigh less than the gold ones: a footer may hold a line of the article's. A page gives at most
# SILVER_PAGE_MAX lines of each class, spread over the page, each at SILVER_WEIGHT while it gives SILVER_PAGE_CAP or
# fewer (a page's long menu shares that weight, as a page's gold lines share PAGE_CAP).
SILVER_WEIGHT = 0.3
SILVER_PAGE_CAP = 20
SILVER_PAGE_MAX = 60
# The first score (the line alone) a line needs at each level, whatever its context says: where a line stands may
# make the scorer surer of a line that reads as boilerplate, never take a line that does not.
FLOORS = {
    "safe": {"line": 0.5, "words": 5.0, "sentences": None},
    "aggressive": {"line": 0.5, "words": 1.5, "sentences": 4.0},
}


@dataclass
class Line:
    site: str
    feats: list[str]  # line features
    y: int  # 1 boilerplate, 0 article
    weight: float
    page: int  # index of its page in `Sample.pages`, -1 for a plugin example or a silver line
    pos: int = -1  # index among the page's lines
    silver: bool = False  # a silver label (`silver_lines.py`), not a gold one or a plugin's example


@dataclass
class PageLines:
    page: Page
    texts: list[str]
    states: list[str]
    labels: list[str | None]
    naive: frozenset[str] = frozenset()  # every naive line of the page, before the rules


def read_pages(part: str, cleaner: Cleaner) -> list[PageLines]:
    """Each page of `part` as the scorer sees it at run time: naive lines read and put through the rules."""
    out = []
    for page in all_pages():
        if page.part != part:
            continue
        lines = naive_lines(page.html)
        if not lines:
            continue
        labels = label_lines(page, lines)
        text = "\n".join(lines)
        doc = read_text(text, page.url)
        _, active = cleaner.sites.find(page.url, text)
        apply_rules(doc, cleaner.book(active))
        blocks, states = document_lines(doc)
        out.append(
            PageLines(
                page, [b.text for b in blocks], states, [labels[b.line - 1] if b.line else None for b in blocks],
                frozenset(lines),
            )
        )
    return out


def _spread(items: list, n: int) -> list:
    """At most n of the items, evenly spread over them (a page's header menu and its footer both), in order."""
    if len(items) <= n:
        return items
    return [items[i * len(items) // n] for i in range(n)]


def silver(pages: list[PageLines]) -> tuple[list[Line], list[Line], dict[int, list[str]]]:
    """The silver lines of the part's pages (`silver_lines.py`) the scorer could take: the weighted training lines
    (SILVER_PAGE_MAX of each class a page at most, furniture that speaks to the reader first, then list items),
    every such line (whose sites count for the vocabulary: a phrase seen in the furniture of many sites is known by
    all of them, though few of its lines are trained on); and, by page, the long article lines (for the prose
    statistics). A short line the page's naive scrape holds is left to its gold label (or to none: a line the
    references do not settle stays unlabelled)."""
    training: list[Line] = []
    every: list[Line] = []
    long_article: dict[int, list[str]] = {}
    for pi, pl in enumerate(pages):
        by_class: dict[int, list[Line]] = {0: [], 1: []}
        lists: list[Line] = []
        for s in silver_lines(pl.page):
            if s.y == 0 and not short_line(s.text):
                long_article.setdefault(pi, []).append(s.text)
            elif s.text not in pl.naive and short_line(s.text):
                line = Line(pl.page.site, _silver_features(s), s.y, 0.0, -1, silver=True)
                every.append(line)
                (lists if s.kind == "list" else by_class[s.y]).append(line)
        for y, items in by_class.items():
            items = _spread(items, SILVER_PAGE_MAX)
            if y:
                items += _spread(lists, SILVER_PAGE_MAX - len(items))
            weight = SILVER_WEIGHT * min(1.0, SILVER_PAGE_CAP / max(1, len(items))) * (1.0 if y else ARTICLE_WEIGHT)
            for line in items:
                line.weight = weight
            training += items
    return training, every, long_article


def _silver_features(s: SilverLine) -> list[str]:
    """A silver line's features. A link of a list (a menu's or a sidebar's item, another article's headline) gives
    its shape and its whole text, not its words: menus name a site's sections and topics ("Gaming", "Wien",
    "Trump"), which are no vocabulary of furniture, while the same whole line on many sites ("Impressum", "Nach
    oben") is. The links of a footer, a form, a share bar or a consent box ("Cookie settings", "Terms of use")
    speak to the reader: their word pairs count, and so does every furniture line's whole text, but no furniture
    line's single words (see below)."""
    feats = line_features(s.text)
    if s.y and s.link and s.kind == "list":
        return [f for f in feats if f[0] in "sl"]
    if s.y:
        # Single words of furniture make no vocabulary either: "opens" of "Link opens in a new window", "family" of
        # a footer's "Family of sites", are words of headlines too ("Family bakery opens its third shop"). Their
        # pairs and whole lines are the furniture's own.
        return [f for f in feats if f[0] != "w"]
    return feats


def plugin_examples() -> list[tuple[str, str, int]]:
    """(plugin, line, 1 boilerplate / 0 article) for every declared example and counter-example line."""
    files = [*sorted((ROOT / "plugins" / "sites").glob("*.toml")), ROOT / "src" / "cleanser" / "generic.toml"]
    out = []
    for path in files:
        ruleset = load_ruleset_file(path)
        for rule in ruleset.rules:
            if rule.kind == "keep":
                continue
            for examples, y in ((rule.examples, 1), (rule.counter_examples, 0)):
                for example in examples:
                    for line in normalize_spaces(example).split("\n"):
                        line = line.strip()
                        if line and short_line(line):
                            out.append((ruleset.name, line, y))
    return out


def _capped(pages: list[PageLines]) -> list[Line]:
    lines = []
    for pi, pl in enumerate(pages):
        counts = Counter(lab for lab, s in zip(pl.labels, pl.states, strict=True) if lab and s == "short")
        for i, (text, state, lab) in enumerate(zip(pl.texts, pl.states, pl.labels, strict=True)):
            if state != "short" or lab is None:
                continue
            y = int(lab == "boilerplate")
            weight = min(1.0, PAGE_CAP / counts[lab]) * (1.0 if y else ARTICLE_WEIGHT)
            lines.append(Line(pl.page.site, line_features(text), y, weight, pi, i))
    return lines


def prose_frequency(pages: list[PageLines], more: dict[int, list[str]]) -> dict[str, float]:
    """The share of the tune part's article prose holding each word and pair: its long lines labelled article, and
    the long article lines of the silver labels (`more`, by page: the reference's blocks, the container's long
    paragraphs). Not every long line of a scrape: cookie notices, newsletter pitches and readers' comments are long
    too, and counting them as prose kept "newsletter" and "cookies" out of the vocabulary."""
    counts: Counter[str] = Counter()
    n = 0
    for pi, pl in enumerate(pages):
        texts = {
            text
            for text, state, label in zip(pl.texts, pl.states, pl.labels, strict=True)
            if state == "prose" and label == "article"
        }
        for text in texts | set(more.get(pi, [])):
            n += 1
            counts.update({f for f in line_features(text) if f[0] in "wbl"})
    return {f: c / max(n, 1) for f, c in counts.items()}


def vocabulary(lines: list[Line], prose: dict[str, float]) -> set[str]:
    """Words and pairs that lines of MIN_SITES sites or more hold (MIN_SILVER_SITES when silver lines make most of
    them), and that are rare in prose (at most MAX_PROSE_SHARE of article prose lines): "the", "de", "what" say
    nothing of a line, whatever the training lines hold."""
    sites: dict[str, set[str]] = defaultdict(set)
    gold: dict[str, set[str]] = defaultdict(set)
    article: dict[str, set[str]] = defaultdict(set)
    for line in lines:
        for f in line.feats:
            if f[0] in "wbl":
                sites[f].add(line.site)
                if not line.silver:
                    gold[f].add(line.site)
                if not line.y:
                    article[f].add(line.site)
    return {
        f
        for f, s in sites.items()
        if len(s) >= MIN_SITES
        and (len(gold[f]) >= MIN_SITES or len(s) >= MIN_SILVER_SITES or f[0] == "l")
        and prose.get(f, 0.0) <= MAX_PROSE_SHARE
        # A whole line is never in prose: it must be an article's line on one site in ten that hold it at most.
        and (f[0] != "l" or len(article[f]) <= max(1, len(s) // 10))
        and not any(_dateish(w) for w in f[2:].split())
    }


# Calendar words: a date or a time ("3 March", "7.15pm") is furniture on one site and an agenda in an article on
# another; it says nothing of what a line is.
_CALENDAR_WORDS = (
    "january february march april may june july august september october november december",
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday",
    "januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "lundi mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo abril mayo junio julio agosto",
    "septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo",
)
_CALENDAR = frozenset(word for line in _CALENDAR_WORDS for word in line.split())


def _dateish(word: str) -> bool:
    """A calendar word, or a Latin word of one or two letters ("pm", "am", "k"): no vocabulary of boilerplate."""
    return word in _CALENDAR or (word.isascii() and len(word) <= 2 and word != "0")


def fit(data: list[tuple], seed: int = 0) -> tuple[dict[str, float], float, float]:
    """Logistic regression by Adagrad SGD: rows (binary features, one real feature, label, weight, ...) -> feature
    weights, bias, weight of the real feature."""
    w: dict[str, float] = defaultdict(float)
    g2: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, gb = 0.0, 1e-8
    k, gk = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, real, y, weight = data[i][:4]
            z = bias + k * real + sum(w[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * weight
            gb += g * g
            bias -= RATE * g / math.sqrt(gb)
            if real:
                gr = g * real
                gk += gr * gr
                k -= RATE * gr / math.sqrt(gk)
            for f in feats:
                gf = g + L2 * w[f]
                g2[f] += gf * gf
                w[f] -= RATE * gf / math.sqrt(g2[f])
    return {f: v for f, v in w.items() if abs(v) >= 1e-3}, bias, k


def _stage1_rows(lines: list[Line], vocab: set[str]) -> list[tuple[list[str], float, int, float]]:
    return [([f for f in ln.feats if f[0] == "s" or f in vocab], 0.0, ln.y, ln.weight) for ln in lines]


def _stage2_rows(pages: list[PageLines], w1: dict[str, float], b1: float, which: set[int]):
    rows, keys = [], []
    for pi in which:
        pl = pages[pi]
        counts = Counter(lab for lab, s in zip(pl.labels, pl.states, strict=True) if lab and s == "short")
        for i, item in enumerate(line_scores(pl.texts, pl.states, w1, b1)):
            lab = pl.labels[i]
            if item is None or lab is None:
                continue
            raw, f1, f2 = item
            y, weight = int(lab == "boilerplate"), min(1.0, PAGE_CAP / counts[lab])
            rows.append((f2, raw, y, weight, word_evidence(f1, w1), reads_as_sentence(pl.texts[i])))
            keys.append((pi, i))
    return rows, keys


def _sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold_for(
    scored: list[tuple[float, float, float, bool, int]], level: str, loss: float, articles_total: int
) -> float:
    """The lowest threshold at which at most `loss` of the part's article lines (`articles_total`, long ones
    included: the scorer never takes those) would be taken at `level`, its floors applied."""
    floors_only = {"floors": FLOORS, "thresholds": {level: 0.0}}
    articles = sorted((r[0] for r in scored if r[-1] == 0 and passes(level, *r[:4], floors_only)), reverse=True)
    allowed = int(loss * articles_total)
    # Just above the (allowed+1)-th highest article score; never under even odds: a line the model deems more
    # likely article than boilerplate is not taken, whatever the allowance.
    return max(0.5, min(0.9995, articles[allowed] + 1e-4)) if len(articles) > allowed else 0.5


def fit_all(verbose: bool = True, details: dict | None = None) -> dict:
    """Fit both models and choose the thresholds; `details`, when given, receives the out-of-fold scores of the
    tune part's lines with their page and text (for looking at what a floor or threshold would do)."""
    started = time.time()
    cleaner = Cleaner(generic="off")
    pages = read_pages("tune", cleaner)
    lines = _capped(pages)
    examples = [
        Line(plugin, line_features(text), y, EXAMPLE_WEIGHT, -1) for plugin, text, y in plugin_examples()
    ]
    silver_training, silver_all, long_article = silver(pages)
    everything = lines + silver_training + examples
    prose = prose_frequency(pages, long_article)
    vocab = vocabulary(lines + silver_all + examples, prose)
    if verbose:
        ys = Counter(ln.y for ln in lines)
        ss = Counter(ln.y for ln in silver_training)
        print(f"tune: {len(pages)} pages, {ys[1]} boilerplate and {ys[0]} article short lines; "
              f"silver {ss[1]} boilerplate and {ss[0]} article short lines from "
              f"{len({ln.site for ln in silver_training})} sites; "
              f"{len(examples)} plugin example lines; vocabulary {len(vocab)}")
    # Folds by site.
    sites = sorted({pl.page.site for pl in pages})
    random.Random(1).shuffle(sites)
    fold_of = {s: i % FOLDS for i, s in enumerate(sites)}
    oof_rows, oof_keys = [], []
    for k in range(FOLDS):
        train = [ln for ln in lines + silver_training if fold_of[ln.site] != k] + examples
        seen = [ln for ln in lines + silver_all if fold_of[ln.site] != k] + examples
        w1, b1, _ = fit(_stage1_rows(train, vocabulary(seen, prose)))
        rows, keys = _stage2_rows(pages, w1, b1, {pi for pi, pl in enumerate(pages) if fold_of[pl.page.site] == k})
        oof_rows += rows
        oof_keys += keys
    # Stage 2 out of fold too, for the thresholds.
    scored: list[tuple[float, float, float, bool, int]] = []
    key_site = [pages[pi].page.site for pi, _ in oof_keys]
    scored_keys: list[tuple[int, int]] = []
    for k in range(FOLDS):
        train = [r for r, s in zip(oof_rows, key_site, strict=True) if fold_of[s] != k]
        w2, b2, c = fit(train)
        for r, s, key in zip(oof_rows, key_site, oof_keys, strict=True):
            if fold_of[s] == k:
                z = b2 + c * r[1] + sum(w2.get(f, 0.0) for f in r[0])
                scored.append((_sig(z), _sig(r[1]), r[4], r[5], r[2]))
                scored_keys.append(key)
    if details is not None:
        details["scored"] = scored
        details["lines"] = [(pages[pi].page.key, pages[pi].texts[i]) for pi, i in scored_keys]
    total = sum(lab == "article" for pl in pages for lab in pl.labels)
    thresholds = {
        "safe": threshold_for(scored, "safe", SAFE_LOSS, total),
        "aggressive": threshold_for(scored, "aggressive", AGGRESSIVE_LOSS, total),
    }
    w1, b1, _ = fit(_stage1_rows(everything, vocab))
    w2, b2, c = fit(oof_rows)
    if verbose:
        for level, t in thresholds.items():
            model = {"floors": FLOORS, "thresholds": {level: t}}
            taken = [r[-1] for r in scored if passes(level, *r[:4], model)]
            rec = sum(taken) / max(1, sum(y for *_, y in scored))
            lost = len(taken) - sum(taken)
            print(f"{level}: threshold {t:.3f}, out-of-fold recall of short boilerplate lines {rec:.3f}, "
                  f"article lines over it {lost}")
        print(f"fitted in {time.time() - started:.0f}s")
    return {
        "version": VERSION,
        "about": "Weights of cleanser's generic line scorer, fitted by bench/fit_generic.py on the tune part of the "
        "development sets and the bundled plugins' declared examples. Regenerate with that script; do not edit.",
        "thresholds": {k: round(v, 4) for k, v in thresholds.items()},
        "floors": FLOORS,
        "line_bias": round(b1, 4),
        "context_bias": round(b2, 4),
        "context_line": round(c, 4),
        "line": {f: round(v, 3) for f, v in sorted(w1.items()) if abs(v) >= 0.01},
        "context": {f: round(v, 3) for f, v in sorted(w2.items()) if abs(v) >= 0.01},
    }


# --- measuring ------------------------------------------------------------------------------------------------------

_ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def _squash(text: str) -> str:
    return squash(_ZW.sub("", normalize_spaces(text)))


def evaluate(levels: list[str], parts: list[str], show: str | None) -> None:
    """Text mode: each page's naive lines joined by newlines, cleaned with its URL; a labelled line is kept when
    its squashed text is in the squashed output."""
    pages = [p for p in all_pages() if p.part in parts]
    data = []
    for page in pages:
        lines = naive_lines(page.html)
        if lines:
            data.append((page, lines, label_lines(page, lines)))
    print(f"{'level':11}{'part':8}{'recall':>8}{'removed':>14}{'lost':>12}{'lost %':>9}{'docs w/ loss':>14}")
    for level in levels:
        cleaner = Cleaner(generic=level)
        stats: dict[str, Counter] = defaultdict(Counter)
        for page, lines, labels in data:
            out = _squash(cleaner.clean("\n".join(lines), page.url).text)
            s = stats[page.part]
            s["docs"] += 1
            lost = 0
            for line, label in zip(lines, labels, strict=True):
                if label is None:
                    continue
                kept = _squash(line) in out
                if label == "article":
                    s["article"] += 1
                    if not kept:
                        lost += 1
                        if show in ("lost", "all") and level != "off":
                            print(f"  lost [{page.part}] {page.set}/{page.name}: {line[:120]!r}")
                else:
                    s["boilerplate"] += 1
                    s["removed"] += not kept
                    if show in ("kept", "all") and kept and page.part == "tune":
                        print(f"  kept [{page.part}] {page.set}/{page.name}: {line[:120]!r}")
            s["lost"] += lost
            s["docs_loss"] += bool(lost)
        for part in parts:
            s = stats[part]
            print(
                f"{level:11}{part:8}{s['removed'] / s['boilerplate']:8.3f}{s['removed']:>8}/{s['boilerplate']:<5}"
                f"{s['lost']:>6}/{s['article']:<5}{s['lost'] / s['article']:9.3%}{s['docs_loss']:>8}/{s['docs']:<5}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", action="store_true", help="measure instead of fitting")
    ap.add_argument("--levels", default="off,safe,aggressive")
    ap.add_argument("--parts", default="tune,report")
    ap.add_argument("--show", choices=("lost", "kept", "all"), help="print the lines lost (or boilerplate kept)")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    if args.eval:
        evaluate(args.levels.split(","), args.parts.split(","), args.show)
        return
    data = fit_all()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KB, {len(data['line'])} line weights)")


if __name__ == "__main__":
    main()
