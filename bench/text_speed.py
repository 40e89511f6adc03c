"""Text mode speed: `cleanser.clean` on a generated archive against floors measured in the same run.

    python bench/text_speed.py [--docs 2000] [--size 4096] [--repeat 5]

Every figure is the median of --repeat passes over the same archive, in this one process, contenders taking
turns pass by pass; times are the process's CPU time, so that other work on the machine disturbs them less:
- split: the documents split into lines, nothing else (what any line-based cleaner must pay);
- floor: split, and each line matched against ONE anchored combined expression of every promo phrase the bundled
  line rules carry (their examples, case-insensitive) - the issue's reference shape, the cheapest honest matcher;
- patterns: split, and each line matched against one combined expression of the bundled line rules' own patterns;
- cleanser: `Cleaner().clean(text, url).text`, with every bundled plugin loaded, URL given: the whole pipeline
  (site lookup, every rule kind, guard, structure, writer).
The headline is cleanser's MB/s as a share of the floor's (target: at least 10%).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from article_archive import Article, build_archive, promo_patterns

import cleanser
from cleanser.plugins.manager import load_plugins


def _line_loop(articles: list[Article], match: Callable[[str], object] | None) -> Callable[[], None]:
    texts = [a.text for a in articles]
    if match is None:

        def run() -> None:
            for text in texts:
                for _line in text.splitlines():
                    pass

        return run

    def run_match() -> None:
        for text in texts:
            for line in text.splitlines():
                match(line)

    return run_match


def measure(articles: list[Article], repeat: int) -> dict[str, float]:
    """Seconds per pass (median) for each contender."""
    rulesets = load_plugins(entry_points=False).rulesets()
    shaped = [r for rs in rulesets for r in rs.rules if r.kind in ("line", "keep", "tail")]
    phrases = sorted({ex for r in shaped for ex in r.examples})
    floor = re.compile("(?:" + "|".join(re.escape(p) for p in phrases) + ")", re.IGNORECASE)
    patterns = re.compile("(?:" + "|".join(f"(?:{p})" for p in promo_patterns(rulesets)) + ")", re.IGNORECASE)
    cleaner = cleanser.Cleaner()
    pairs = [(a.text, a.url) for a in articles]

    def run_cleanser() -> None:
        for text, url in pairs:
            cleaner.clean(text, url).text  # noqa: B018 - the text is what a user asks for

    run_cleanser()  # warm: the matchers compile lazily on first use
    contenders = {
        "split": _line_loop(articles, None),
        "floor": _line_loop(articles, floor.fullmatch),
        "patterns": _line_loop(articles, patterns.fullmatch),
        "cleanser": run_cleanser,
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeat):  # interleaved, so that a change in the machine's load hits every contender alike
        for name, fn in contenders.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
    out = {name: statistics.median(values) for name, values in times.items()}
    out["_phrases"] = len(phrases)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="articles in the archive (default 2000)")
    parser.add_argument("--size", type=int, default=4096, help="median article size in characters (default 4096)")
    parser.add_argument("--repeat", type=int, default=5, help="passes per contender; the median is shown")
    args = parser.parse_args(argv)

    articles = build_archive(args.docs, args.size)
    mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    sites = len({a.site for a in articles})
    print(f"archive: {len(articles)} articles, {mb:.1f} MB, {sites} sites (incl. none), median size {args.size} chars")
    times = measure(articles, args.repeat)
    print(f"floor phrases: {times.pop('_phrases'):.0f} example phrases in one anchored expression")
    print(f"{'contender':<10} {'docs/s':>10} {'MB/s':>9} {'share of floor':>15}")
    floor_mbs = mb / times["floor"]
    for name, seconds in times.items():
        mbs = mb / seconds
        print(f"{name:<10} {len(articles) / seconds:>10.0f} {mbs:>9.1f} {mbs / floor_mbs:>14.1%}")
    share = (mb / times["cleanser"]) / floor_mbs
    print(f"headline: cleanser runs at {share:.1%} of the floor's MB/s (target >= 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
