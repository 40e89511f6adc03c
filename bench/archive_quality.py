"""Quality on archives: what `cleanser clean` removes from per-site archives built from real pages, with the
bundled plugins alone, with the generic layer, and with rules learned from the archive itself (issue 15).

    python bench/archive_quality.py                          # every usable dev-set site x 60 documents, -j 1
    python bench/archive_quality.py --sites 12 --docs 40     # a quick look
    python bench/archive_quality.py --json /tmp/aq.json      # ... and every figure, per site too, as JSON

The archives (`bench/archive_sites.py`): one JSON Lines file per development-set site, its documents made of the
site's real template lines (the page's boilerplate-labelled lines, at their places) around article paragraphs of
other real pages, with dates, counters, years and teaser headlines that vary per document, content that recurs
(bylines, datelines, a standfirst, a series lede) and duplicated articles. They are written into a temporary
folder at run time: nothing of the development sets is kept.

Three configurations, each the CLI in a fresh process (`python -m cleanser`, as a user runs it) on all the archives
at once, `--jobs 1` unless told:

- `plugins`: `cleanser clean ARCHIVES --generic off` (the bundled plugins alone);
- `generic`: `cleanser clean ARCHIVES` (plus the generic layer at its default, `safe`): the plain clean;
- `learn`: `cleanser clean ARCHIVES --learn --learned-dir DIR` when `clean --help` offers `--learn`, else what it
  stands for: `cleanser learn ARCHIVES -o DIR`, then `cleanser clean ARCHIVES --plugins-dir DIR` (time summed,
  memory the larger of the two).

Scored from each record's audit (`cleanser.removed`: the offsets of every removal in the input text), line by line
against the generator's labels: a boilerplate line counts as removed when every word character of it was removed;
an article line is lost when any word character of it was removed, or when its text is not in the output. Figures,
for the report part of the split (held out from any tuning) apart from the tune part:

- recurring-boilerplate recall: removed / occurrences of template, varied and slot lines (teasers apart);
- article lines lost (bylines, datelines, standfirsts and ledes are article text; "traps" counts those alone);
- wrong rules: learned rules that match an article line of a document of their site, by their pattern (whole line,
  or anywhere for a glued rule) or by the audit (a removal or a guard refusal touching an article line);
- wall time and peak memory (largest process, `ru_maxrss` from `os.wait4`; the tree's summed RSS is in the JSON)
  of each configuration, and their ratio to the plain clean.

Needs `../shared/bench/` (the development sets). Method, traps and figures: `docs/archive-quality.md`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive import TreeMemory
from archive_sites import (
    ARTICLE_KINDS,
    BOILERPLATE_KINDS,
    RECURRING_KINDS,
    TRAP_KINDS,
    Doc,
    build_site,
    write_archive,
)

CONFIGS = ("plugins", "generic", "learn")
PLAIN = "generic"
PARTS = ("report", "tune")
_WORDCHAR = re.compile(r"\w")
_WORDS = re.compile(r"\w+")
# `cleanser learn`'s defaults (--max-words, --max-chars): a longer line reads as content to it.
SHORT_WORDS, SHORT_CHARS = 20, 160
_SPACE = re.compile(r"\s+")
# Invisible format characters (soft hyphens, zero-width spaces) are dropped before texts are compared.
_INVISIBLE = dict.fromkeys(c for c in range(0x2070) if unicodedata.category(chr(c)) == "Cf")


def comparable(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_INVISIBLE)).strip()


# --- scoring -------------------------------------------------------------------------------------------------------


def line_spans(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Where each line sits in `"\\n".join(lines)`."""
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def removal_mask(
    text: str, removals: Iterable[dict[str, Any]], spans: Sequence[tuple[int, int]]
) -> tuple[bytearray, int]:
    """One byte per character of `text`, 1 where a removal took it, and how many removals could not be placed.

    A removal is placed by its offsets when the input holds its text there; else (offsets into a text the reader
    changed) by finding its text in the line it names."""
    mask = bytearray(len(text))
    unplaced = 0
    for r in removals:
        start, end, removed = r.get("start"), r.get("end"), r.get("text") or ""
        if isinstance(start, int) and isinstance(end, int) and text[start:end] == removed:
            mask[start:end] = b"\x01" * (end - start)
            continue
        line = r.get("line")
        if isinstance(line, int) and 1 <= line <= len(spans) and removed:
            lo, hi = spans[line - 1]
            at = text.find(removed, lo, hi + 1) if "\n" not in removed else text.find(removed)
            if at >= 0:
                mask[at : at + len(removed)] = b"\x01" * len(removed)
                continue
            found = [_find_visible(text, removed, lo, hi)] if "\n" not in removed else _find_lines(text, removed, lo)
            if found and all(found):
                for a, b in found:
                    mask[a:b] = b"\x01" * (b - a)
                continue
        unplaced += 1
    return mask, unplaced


def _find_lines(text: str, removed: str, start: int) -> list[tuple[int, int] | None]:
    """A removal of several lines (a zone) whose text skips lines that other removals took first: each of its lines
    found in turn from its first line on, each in one line of `text`."""
    found: list[tuple[int, int] | None] = []
    for piece in removed.split("\n"):
        if not piece.strip():
            continue
        place = None
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            place = _find_visible(text, piece, start, end)
            start = end + 1
            if place:
                break
        if place is None:
            return [None]
        found.append(place)
    return found


def _find_visible(text: str, removed: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where `removed` is in text[lo:hi] once invisible format characters are dropped from both (the reader drops
    a zero-width space that the removal's text then lacks), as offsets into `text`; None when it is not there."""
    kept = [i for i in range(lo, hi) if ord(text[i]) not in _INVISIBLE]
    visible = "".join(text[i] for i in kept)
    want = removed.translate(_INVISIBLE)
    at = visible.find(want) if want else -1
    if at < 0:
        return None
    return kept[at], kept[at + len(want) - 1] + 1


@dataclass
class Tally:
    """Line occurrences per kind: how many, how many removed whole, how many touched (part or whole)."""

    lines: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    lost: Counter[str] = field(default_factory=Counter)  # article kinds: touched by a removal or not in the output
    missing: Counter[str] = field(default_factory=Counter)  # article kinds: not in the output though untouched
    # Boilerplate lines `learn` may take at its defaults (at most 20 words and 160 characters), and those removed.
    short: Counter[str] = field(default_factory=Counter)
    short_removed: Counter[str] = field(default_factory=Counter)
    # Recurring boilerplate by its place in the document (above, inside or below the article): occurrences, removed.
    placed: Counter[str] = field(default_factory=Counter)
    placed_removed: Counter[str] = field(default_factory=Counter)
    unplaced: int = 0
    failed: int = 0
    lost_examples: list[str] = field(default_factory=list)
    kept_examples: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in ("lines", "removed", "lost", "missing", "short", "short_removed", "placed", "placed_removed",
                     "kept_examples"):
            getattr(self, name).update(getattr(other, name))
        self.unplaced += other.unplaced
        self.failed += other.failed
        self.lost_examples.extend(other.lost_examples[: max(0, 20 - len(self.lost_examples))])

    def recall(self, kinds: Iterable[str]) -> float | None:
        total = sum(self.lines[k] for k in kinds)
        return sum(self.removed[k] for k in kinds) / total if total else None

    def short_recall(self, kinds: Iterable[str]) -> float | None:
        total = sum(self.short[k] for k in kinds)
        return sum(self.short_removed[k] for k in kinds) / total if total else None

    def lost_count(self, kinds: Iterable[str] = ARTICLE_KINDS) -> int:
        return sum(self.lost[k] for k in kinds)

    def figures(self) -> dict[str, Any]:
        return {
            "recurring_recall": self.recall(RECURRING_KINDS),
            "teaser_recall": self.recall(("teaser",)),
            "recurring_recall_short": self.short_recall(RECURRING_KINDS),
            "recurring_short_share": (sum(self.short[k] for k in RECURRING_KINDS)
                                      / max(1, sum(self.lines[k] for k in RECURRING_KINDS))),
            "recall_by_kind": {k: self.recall((k,)) for k in sorted(BOILERPLATE_KINDS)},
            "recurring_recall_by_place": {p: self.placed_removed[p] / self.placed[p] if self.placed[p] else None
                                          for p in sorted(self.placed)},
            "boilerplate_lines": {k: self.lines[k] for k in sorted(BOILERPLATE_KINDS)},
            "article_lines": sum(self.lines[k] for k in ARTICLE_KINDS),
            "article_lost": self.lost_count(),
            "traps_lost": self.lost_count(TRAP_KINDS),
            "lost_by_kind": {k: self.lost[k] for k in sorted(ARTICLE_KINDS)},
            "trap_lines": {k: self.lines[k] for k in sorted(TRAP_KINDS)},
            "lost_not_removed": sum(self.missing.values()),
            "removals_unplaced": self.unplaced,
            "documents_failed": self.failed,
            "lost_examples": self.lost_examples,
            "boilerplate_kept_most": [[t, n] for t, n in self.kept_examples.most_common(10)],
        }


def score_document(
    lines: Sequence[str], kinds: Sequence[str], output: str, removals: Iterable[dict[str, Any]],
    places: Sequence[str] | None = None,
) -> Tally:
    """What cleaning did to one generated document, given its output text and its audit's removals (and, for the
    recall by place, each line's place)."""
    text = "\n".join(lines)
    spans = line_spans(lines)
    mask, unplaced = removal_mask(text, removals, spans)
    out = comparable(output)
    tally = Tally(unplaced=unplaced)
    for n, (line, kind, (lo, hi)) in enumerate(zip(lines, kinds, spans, strict=True)):
        words = [i for i in range(lo, hi) if _WORDCHAR.match(text[i])]
        if not words:  # a line of signs alone (a chart's "%", a price box's "$"): judged by its visible characters
            words = [i for i in range(lo, hi) if not text[i].isspace()]
        taken = sum(mask[i] for i in words)
        tally.lines[kind] += 1
        if kind in BOILERPLATE_KINDS:
            short = len(line) <= SHORT_CHARS and len(_WORDS.findall(line)) <= SHORT_WORDS
            tally.short[kind] += short
            gone = bool(words) and taken == len(words)
            if places and kind in RECURRING_KINDS:
                tally.placed[places[n]] += 1
                tally.placed_removed[places[n]] += gone
            if gone:
                tally.removed[kind] += 1
                tally.short_removed[kind] += short
            else:
                tally.kept_examples[line[:80]] += 1
        elif taken or comparable(line) not in out:
            tally.lost[kind] += 1
            if not taken:
                tally.missing[kind] += 1
            if len(tally.lost_examples) < 20:
                tally.lost_examples.append(f"{kind}: {line[:100]}")
    return tally


# --- learned rules ---------------------------------------------------------------------------------------------------


@dataclass
class LearnedRule:
    plugin: str
    id: str
    domains: tuple[str, ...]
    pattern: re.Pattern[str]
    anywhere: re.Pattern[str] | None  # glued rules: the template anywhere in a line

    @property
    def qualified(self) -> str:
        return f"{self.plugin}/{self.id}"


def learned_rules(folder: Path) -> tuple[list[LearnedRule], dict[str, tuple[str, ...]]]:
    """The text rules of every plugin in `folder`, and every plugin's domains (those without rules too)."""
    from cleanser.rules.model import load_ruleset_file

    rules, plugins = [], {}
    for path in sorted(folder.glob("*.toml")):
        ruleset = load_ruleset_file(path)
        domains = tuple(ruleset.domains)
        plugins[ruleset.name] = domains
        for rule in ruleset.rules:
            if not rule.pattern:
                continue
            anywhere = None
            if rule.glued != "none":
                anywhere = re.compile(rf"(?<!\w)(?:{rule.pattern})(?!\w)", re.IGNORECASE)
            rules.append(LearnedRule(ruleset.name, rule.id, domains, re.compile(rule.pattern, re.IGNORECASE), anywhere))
    return rules, plugins


def _serves(domains: Sequence[str], host: str) -> bool:
    host = host.removeprefix("www.")
    return any(host == d or host.endswith("." + d) for d in domains)


def wrong_by_pattern(rules: Sequence[LearnedRule], docs_by_host: dict[str, list[Doc]]) -> dict[str, str]:
    """Rules whose template matches an article line of a document of a site they serve: the line, by rule."""
    from cleanser.text import fold_for_match

    found: dict[str, str] = {}
    for host, docs in docs_by_host.items():
        mine = [r for r in rules if _serves(r.domains, host)]
        if not mine:
            continue
        article = {line for doc in docs for line, kind in zip(doc.lines, doc.kinds, strict=True)
                   if kind in ARTICLE_KINDS}
        for line in sorted(article):
            folded = fold_for_match(line)
            for rule in mine:
                if rule.qualified in found:
                    continue
                if rule.pattern.fullmatch(folded) or (rule.anywhere and rule.anywhere.search(folded)):
                    found[rule.qualified] = line
    return found


# --- running the CLI -------------------------------------------------------------------------------------------------


def cleanser_command() -> list[str]:
    return [sys.executable, "-m", "cleanser"]


def clean_has_learn() -> bool:
    """Whether this cleanser's `clean` takes `--learn` (issue 15); if not, the bench learns in a step of its own."""
    proc = subprocess.run([*cleanser_command(), "clean", "--help"], capture_output=True, text=True, check=False)
    return "--learn" in proc.stdout


@dataclass
class Measured:
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0
    largest_process_mib: float = 0.0  # ru_maxrss of the process tree's largest process
    peak_tree_mib: float = 0.0  # summed RSS of the process and its workers, sampled every 50 ms
    steps: list[dict[str, Any]] = field(default_factory=list)
    runs_wall_seconds: list[float] = field(default_factory=list)  # with --repeat: every run's, the fastest kept

    def add(self, step: dict[str, Any]) -> None:
        self.steps.append(step)
        self.wall_seconds += step["wall_seconds"]
        self.cpu_seconds += step["cpu_seconds"]
        self.largest_process_mib = max(self.largest_process_mib, step["largest_process_mib"])
        self.peak_tree_mib = max(self.peak_tree_mib, step["peak_tree_mib"])


# The CLI is started by this small launcher, which reports the child's `ru_maxrss` from `os.wait4`: a process forked
# straight from the bench (which holds the development sets, hundreds of MiB) would count the bench's pages that it
# shares until its exec as its own.
_LAUNCHER = """
import json, os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as fh:
    json.dump({"exit": os.waitstatus_to_exitcode(status), "maxrss_kib": usage.ru_maxrss,
               "cpu_seconds": usage.ru_utime + usage.ru_stime}, fh)
"""


def run_cli(args: Sequence[str], cwd: Path) -> dict[str, Any]:
    """One CLI run in a fresh process: wall time, exit status, and its peak memory."""
    usage_file = cwd / "usage.json"
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(usage_file), *cleanser_command(), *args],
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as memory:
        _, stderr = proc.communicate()
    wall = time.perf_counter() - start
    usage = json.loads(usage_file.read_text()) if usage_file.exists() else {"exit": proc.returncode, "maxrss_kib": 0}
    usage_file.unlink(missing_ok=True)
    if usage["exit"] not in (0, 1):
        raise SystemExit(f"cleanser {' '.join(args)} exited with {usage['exit']}:\n{stderr.decode()[-2000:]}")
    return {
        "command": ["cleanser", *args],
        "exit": usage["exit"],
        "wall_seconds": wall,
        # The largest resident set of the CLI process and the workers it waited for, in KiB.
        "largest_process_mib": usage["maxrss_kib"] / 1024,
        # User and system CPU of the CLI and the workers it waited for: on a shared machine, the wall time of an
        # idle one is closer to this than to the wall time.
        "cpu_seconds": usage.get("cpu_seconds", 0.0),
        # Summed over the launcher (about 10 MiB), the CLI and its workers.
        "peak_tree_mib": memory.peak / 2**20,
    }


def run_config(config: str, archives: Sequence[Path], workdir: Path, jobs: int, native_learn: bool
               ) -> tuple[Path, Path | None, Measured]:
    out = workdir / f"out-{config}.jsonl"
    names = [str(a) for a in archives]
    common = ["-o", str(out), "--jobs", str(jobs), "-q", "--no-progress"]
    measured = Measured()
    learned = None
    if config == "plugins":
        measured.add(run_cli(["clean", *names, *common, "--generic", "off"], workdir))
    elif config == "generic":
        measured.add(run_cli(["clean", *names, *common], workdir))
    else:
        learned = workdir / "learned"
        shutil.rmtree(learned, ignore_errors=True)
        if native_learn:
            measured.add(run_cli(["clean", *names, *common, "--learn", "--learned-dir", str(learned),
                                  "--report", str(workdir / "learn-report.json")], workdir))
        else:
            measured.add(run_cli(["learn", *names, "-o", str(learned)], workdir))
            measured.add(run_cli(["clean", *names, *common, "--plugins-dir", str(learned)], workdir))
    return out, learned, measured


# --- one configuration's figures -------------------------------------------------------------------------------------


@dataclass
class SiteArchive:
    name: str
    host: str
    part: str
    docs: list[Doc]
    path: Path


def score_run(sites: Sequence[SiteArchive], out: Path, learned: Path | None) -> dict[str, Any]:
    """Tallies per site and per part, and the wrong learned rules, for one configuration's output."""
    rules, plugins = learned_rules(learned) if learned and learned.is_dir() else ([], {})
    learned_names = set(plugins)
    by_rule_audit: dict[str, str] = {}
    per_site: dict[str, Tally] = {}
    with open(out, encoding="utf-8") as fh:
        records = (json.loads(line) for line in fh)
        for site in sites:
            tally = per_site[site.name] = Tally()
            for doc in site.docs:
                record = next(records)
                meta = record.get("cleanser") or {}
                if record.get("url") != doc.url:
                    raise SystemExit(f"{out}: records out of order at {doc.url}")
                if meta.get("error"):
                    tally.failed += 1
                removals = meta.get("removed") or []
                tally.add(score_document(doc.lines, doc.kinds, record.get("text") or "", removals, doc.places))
                if learned_names:
                    _audit_wrong(doc, [*removals, *(meta.get("refused") or [])], learned_names, by_rule_audit)
    by_pattern = wrong_by_pattern(rules, {s.host: s.docs for s in sites})
    wrong = {**{k: {"line": v, "by": "pattern"} for k, v in by_pattern.items()},
             **{k: {"line": v, "by": "audit"} for k, v in by_rule_audit.items() if k not in by_pattern}}
    part_of_host = {s.host: s.part for s in sites}
    figures: dict[str, Any] = {"parts": {}, "sites": {}}
    for part in [p for p in PARTS if any(s.part == p for s in sites)]:
        tally = Tally()
        chosen = [s for s in sites if s.part == part]
        for s in chosen:
            tally.add(per_site[s.name])
        part_rules = [r for r in rules if any(_serves(r.domains, h) and p == part for h, p in part_of_host.items())]
        part_wrong = {k: v for k, v in wrong.items() if k in {r.qualified for r in part_rules}}
        figures["parts"][part] = {
            "sites": len(chosen),
            "documents": sum(len(s.docs) for s in chosen),
            **tally.figures(),
            "learned_plugins": sum(1 for domains in plugins.values()
                                   if any(_serves(domains, s.host) for s in chosen)),
            "learned_rules": len(part_rules),
            "wrong_rules": len(part_wrong),
            "wrong_rule_examples": dict(list(part_wrong.items())[:20]),
        }
    for s in sites:
        f = per_site[s.name].figures()
        figures["sites"][s.name] = {"host": s.host, "part": s.part, "recurring_recall": f["recurring_recall"],
                                    "teaser_recall": f["teaser_recall"], "article_lost": f["article_lost"],
                                    "traps_lost": f["traps_lost"],
                                    "learned_rules": sum(1 for r in rules if _serves(r.domains, s.host))}
    return figures


def _audit_wrong(doc: Doc, removals: Iterable[dict[str, Any]], learned: set[str], found: dict[str, str]) -> None:
    """Learned rules whose removal (made or refused) touched an article line of the document."""
    spans = line_spans(doc.lines)
    for r in removals:
        if r.get("plugin") not in learned:
            continue
        start, end = r.get("start"), r.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        for (lo, hi), kind, line in zip(spans, doc.kinds, doc.lines, strict=True):
            if kind in ARTICLE_KINDS and start < hi and end > lo:
                found.setdefault(f"{r['plugin']}/{r.get('rule', '').split('/')[-1]}", line)


# --- the table -------------------------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(results: dict[str, Any]) -> str:
    plain = results["configs"][PLAIN]["measured"]
    head = ("| configuration | part | sites | docs | recurring boilerplate recall | ... of lines <= 20 words | "
            "teaser recall | article lines lost | of them traps | learned rules | wrong rules | wall s, whole run "
            "(x plain) | CPU s (x plain) | peak MiB, whole run (x plain) |")
    rows = [head, "|---|---|" + "---:|" * 12]
    for config, data in results["configs"].items():
        m = data["measured"]
        for part in data["parts"]:
            f = data["parts"][part]
            learned = str(f["learned_rules"]) if config == "learn" else "-"
            wrong = str(f["wrong_rules"]) if config == "learn" else "-"
            timing = cpu = ""
            memory = ""
            if part == next(iter(data["parts"])):
                timing = f"{m['wall_seconds']:.1f} ({m['wall_seconds'] / plain['wall_seconds']:.2f}x)"
                if plain.get("cpu_seconds"):
                    cpu = f"{m['cpu_seconds']:.1f} ({m['cpu_seconds'] / plain['cpu_seconds']:.2f}x)"
                memory = (f"{m['largest_process_mib']:.0f} "
                          f"({m['largest_process_mib'] / plain['largest_process_mib']:.2f}x)")
            name = config + (f" ({data['how']})" if config == "learn" else "")
            rows.append(f"| {name} | {part} | {f['sites']} | {f['documents']} | {_pct(f['recurring_recall'])} | "
                        f"{_pct(f['recurring_recall_short'])} | {_pct(f['teaser_recall'])} | "
                        f"{f['article_lost']} of {f['article_lines']} | "
                        f"{f['traps_lost']} of {sum(f['trap_lines'].values())} | {learned} | {wrong} | {timing} | "
                        f"{cpu} | {memory} |")
    return "\n".join(rows)


# --- main ------------------------------------------------------------------------------------------------------------


def choose(templates: list, count: int | None, seed: int, part: str | None = None) -> list:
    """`count` sites, half of them (or as many as there are) from the report part, drawn with the seed; with
    `part`, only that part's sites (`count` of them)."""
    if part is not None:
        templates = [t for t in templates if t.part == part]
        if count is not None and count < len(templates):
            return sorted(random.Random(seed).sample(templates, count), key=lambda t: t.name)
        return templates
    if count is None or count >= len(templates):
        return templates
    rng = random.Random(seed)
    report = [t for t in templates if t.part == "report"]
    tune = [t for t in templates if t.part == "tune"]
    n_report = min(len(report), count // 2)
    picked = rng.sample(report, n_report) + rng.sample(tune, min(len(tune), count - n_report))
    return sorted(picked, key=lambda t: (t.part, t.name))


def build_archives(workdir: Path, docs: int, sites: int | None, seed: int, part: str | None = None
                   ) -> tuple[list[SiteArchive], dict]:
    import archive_sites
    import devsets

    material = archive_sites.templates_from_pages(devsets.all_pages())
    out = []
    for template in choose(material.templates, sites, seed, part):
        made = build_site(template, archive_sites.pools_for(material, template), docs, seed)
        path = workdir / f"{len(out):03d}-{template.host}.jsonl"
        write_archive(path, made)
        out.append(SiteArchive(template.name, template.host, template.part, made, path))
    info = {"skipped_sites": material.skipped, "usable_sites": len(material.templates)}
    return out, info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=60, help="documents per site (default 60)")
    parser.add_argument("--sites", type=int, default=None, help="sites, half from each part (default: every usable)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--part", choices=PARTS, default=None,
                        help="only this part's sites (tune while changing learn; report only to report figures)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="cleanser's --jobs (default 1)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each configuration N times and keep the fastest (other load on the machine only "
                        "slows a run down); peak memory is the largest of the N")
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated, of {', '.join(CONFIGS)}")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the archives, outputs and learned plugins")
    args = parser.parse_args(argv)
    configs = [c for c in args.configs.split(",") if c]
    if PLAIN not in configs or any(c not in CONFIGS for c in configs):
        parser.error(f"--configs: of {', '.join(CONFIGS)}, with {PLAIN} (the plain clean the ratios are against)")
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cleanser-archive-quality-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        sites, info = build_archives(workdir, args.docs, args.sites, args.seed, args.part)
        print(f"# {len(sites)} sites ({sum(s.part == 'report' for s in sites)} report, "
              f"{sum(s.part == 'tune' for s in sites)} tune) x {args.docs} documents, built in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        native = clean_has_learn()
        # One unmeasured run first: the configuration that runs first would otherwise pay for building the rule
        # cache of the bundled plugins.
        run_cli(["clean", str(sites[0].path), "-o", str(workdir / "warm-up.jsonl"), "-q", "--no-progress"], workdir)
        results: dict[str, Any] = {"settings": {"docs": args.docs, "sites": len(sites), "seed": args.seed,
                                                "jobs": args.jobs, "clean_learn": native}, **info, "configs": {}}
        for config in configs:
            runs = [run_config(config, [s.path for s in sites], workdir, args.jobs, native)
                    for _ in range(max(1, args.repeat))]
            # Scored on the last run's output: every run writes the same paths, and cleaning and learning are
            # deterministic.
            _, _, measured = min(runs, key=lambda r: r[2].wall_seconds)
            out, learned = runs[-1][0], runs[-1][1]
            measured.largest_process_mib = max(r[2].largest_process_mib for r in runs)
            measured.peak_tree_mib = max(r[2].peak_tree_mib for r in runs)
            measured.runs_wall_seconds = [round(r[2].wall_seconds, 2) for r in runs]
            figures = score_run(sites, out, learned)
            how = "clean --learn" if native else "learn, then clean --plugins-dir"
            results["configs"][config] = {"how": how if config == "learn" else "clean", "measured": vars(measured),
                                          **figures}
            print(f"# {config}: {measured.wall_seconds:.1f} s", file=sys.stderr)
        plain = results["configs"][PLAIN]["measured"]
        for data in results["configs"].values():
            m = data["measured"]
            m["wall_vs_plain"] = m["wall_seconds"] / plain["wall_seconds"]
            m["cpu_vs_plain"] = m["cpu_seconds"] / plain["cpu_seconds"] if plain["cpu_seconds"] else None
            m["memory_vs_plain"] = m["largest_process_mib"] / plain["largest_process_mib"]
        print(table(results))
        print("\nreport: sites held out from any tuning (figures only); tune: sites cleanser and learn may be tuned "
              f"on. {args.docs} documents per site; --jobs {args.jobs}; time and memory are the whole run's.")
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
