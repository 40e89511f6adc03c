"""Where the time of a plain text goes: docs/s and CPU seconds per pipeline stage on `bench/text_speed.py`'s archive.

    python bench/text_stages.py [--docs 600] [--repeat 3] [--stages] [--profile N] [--texts FILE]

One `Cleaner()` (every bundled plugin), a warm-up pass (the matchers compile lazily), then --repeat timed passes of
`Cleaner().clean(text, url).text` over the first --docs articles; the best pass is shown, in CPU time (the machine
is shared: the best pass is the one least disturbed). With --stages, one more set of passes with each stage the
pipeline calls wrapped in a CPU timer (the wrapping adds its own cost, so the stages' sum exceeds a plain pass); the
best of the passes per stage is shown. With --profile N, a cProfile of one pass, its N costliest functions by
cumulative time. Run it against another tree with `PYTHONPATH=OTHER/src` to compare, with `--texts FILE`: the
archive is written there on the first run and read back on the next, so that every tree cleans the same texts (the
archive is made from the plugins' examples, which differ between trees).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from article_archive import build_archive

import cleanser
from cleanser import pipeline

# The names pipeline.py calls its stages by: wrapped in place for --stages (the module's globals, or an attribute of
# a stage module the pipeline imports whole).
STAGES = (
    "read_text",
    "apply_rules",
    "mark_wall_lines",
    "mark_lines",
    "mark_zones",
    "cms_strings.mark_lines",
    "share_runs.mark_runs",
    "guard",
    "restore",
    "mark_where",
    "set_flags",
)


def timed_stages(totals: dict[str, float]) -> None:
    """Wrap each stage the pipeline calls so that its CPU time adds to `totals`. Stages a tree lacks are skipped."""

    def wrap(name: str, fn: Callable) -> Callable:
        def run(*args, **kwargs):
            # The thread's CPU time: while the rule clock's interval timer runs (rules/clock.py), short intervals of
            # the process's CPU time read far too low on this kind of machine; the thread's read true.
            start = time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[name] += time.thread_time() - start

        return run

    for name in STAGES:
        owner_name, _, attr = name.rpartition(".")
        owner = getattr(pipeline, owner_name) if owner_name else pipeline
        if hasattr(owner, attr):
            setattr(owner, attr, wrap(name, getattr(owner, attr)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="CPU seconds per stage too")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile one pass, N functions shown")
    parser.add_argument("--texts", type=Path, help="read the archive from this JSON file (written if missing)")
    args = parser.parse_args(argv)

    if args.texts is not None and args.texts.exists():
        pairs = [tuple(pair) for pair in json.loads(args.texts.read_text(encoding="utf-8"))][: args.docs]
    else:
        pairs = [(a.text, a.url) for a in build_archive(2000)[: args.docs]]  # the same articles as text_speed.py's
        if args.texts is not None:
            args.texts.write_text(json.dumps(pairs), encoding="utf-8")
    cleaner = cleanser.Cleaner()

    def one_pass() -> float:
        start = time.process_time()
        for text, url in pairs:
            cleaner.clean(text, url).text  # noqa: B018 - the text is what a user asks for
        return time.process_time() - start

    one_pass()  # warm-up
    best = min(one_pass() for _ in range(args.repeat))
    print(f"{len(pairs)} docs: best of {args.repeat} passes {best:.3f} s CPU, {len(pairs) / best:.0f} docs/s")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        one_pass()
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    if args.stages:
        runs: list[dict[str, float]] = []
        totals: dict[str, float] = defaultdict(float)
        timed_stages(totals)
        for _ in range(args.repeat):
            totals.clear()
            one_pass()
            runs.append(dict(totals))
        print(f"{'stage':<24} {'s CPU (best)':>12}")
        for name in STAGES:
            values = [run[name] for run in runs if name in run]
            if values:
                print(f"{name:<24} {min(values):>12.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
