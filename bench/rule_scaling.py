"""Rule scaling: the same text cleaned with 10, 100 and 1,000 rules loaded (synthetic site plugins).

    python bench/rule_scaling.py [--docs 500] [--repeat 5] [--counts 10,100,1000]

Scenarios, each with the same archive text (bench/article_archive.py) and two promo lines per article that the
first synthetic rules match, so that every rule count has the same hits:
- one-site: all N rules in ONE site plugin, and every article's URL is on that site: every rule applies to every
  line. This is the matcher's worst case (a site with many rules, or many generic rules).
- many-sites: N rules over N/10 site plugins of 10 rules each; URLs on the first site.
- fingerprints: as many-sites, but no URL: the site is found by fingerprints in the text (two per plugin).
For each: the rules stage alone (`apply_rules` on documents read in advance) and `Cleaner.clean(...).text` end to
end, median of --repeat passes, and the cost ratio to the smallest rule count. Target: 1,000 rules cost at most
1.5 times what 10 rules cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from article_archive import build_archive
from synthetic_rules import plugin, promo_lines

from cleanser import Cleaner, ruleset_from_dict
from cleanser.plugins.manager import Plugins
from cleanser.read.text import read_text
from cleanser.stages.apply import apply_rules

SITE = "synth0.example"


def _cleaner(scenario: str, count: int) -> Cleaner:
    if scenario == "one-site":
        dicts = [plugin("synth0", SITE, 0, count)]
    else:
        dicts = [plugin(f"synth{k}", f"synth{k}.example", 10 * k, 10) for k in range(max(1, count // 10))]
    return Cleaner(Plugins.from_rulesets(*(ruleset_from_dict(d) for d in dicts)))


def _texts(docs: int) -> list[str]:
    articles = build_archive(docs, 4096, seed=11)
    promo = promo_lines(2 * docs, 10)
    out = []
    for k, article in enumerate(articles):
        paragraphs = article.text.split("\n\n")
        paragraphs.insert(1, promo[2 * k])
        paragraphs.insert(len(paragraphs) // 2, promo[2 * k + 1])
        out.append("\n\n".join(paragraphs))
    return out


def run(scenario: str, count: int, texts: list[str], repeat: int) -> tuple[float, float, int]:
    """Seconds per pass (medians) in the rules stage alone and end to end, and removals in the first 50 texts."""
    cleaner = _cleaner(scenario, count)
    url = None if scenario == "fingerprints" else f"https://www.{SITE}/news/1"
    if scenario == "fingerprints":
        texts = [t + "\n\nBrought to you by the synth0 desk.\n" for t in texts]
    _site, active = cleaner.sites.find(url, texts[0])
    book = cleaner.book(active)

    def stage() -> float:
        spent = 0.0
        for text in texts:
            doc = read_text(text, url)
            start = time.process_time()
            apply_rules(doc, book)
            spent += time.process_time() - start
        return spent

    def end_to_end() -> float:
        start = time.process_time()
        for text in texts:
            cleaner.clean(text, url).text  # noqa: B018
        return time.process_time() - start

    removed = sum(len(cleaner.clean(t, url).removed) for t in texts[:50])  # also warms the matchers
    stages, totals = [], []
    for _ in range(repeat):  # interleaved, so that a change in the machine's load hits both alike
        stages.append(stage())
        totals.append(end_to_end())
    return statistics.median(stages), statistics.median(totals), removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--counts", default="10,100,1000")
    args = parser.parse_args(argv)
    counts = [int(c) for c in args.counts.split(",")]
    texts = _texts(args.docs)
    print(f"{len(texts)} articles of about 4 KB; times are per article, median of {args.repeat} passes")
    header = f"{'scenario':<13} {'rules':>6} {'rules stage':>12} {'ratio':>6} {'end to end':>11} {'ratio':>6}"
    print(header + f" {'hits/50':>8}")
    for scenario in ("one-site", "many-sites", "fingerprints"):
        base = None
        for count in counts:
            stage, total, removed = run(scenario, count, texts, args.repeat)
            per_stage, per_total = stage / len(texts) * 1e6, total / len(texts) * 1e6
            base = base or (per_stage, per_total)
            print(
                f"{scenario:<13} {count:>6} {per_stage:>10.1f}us {per_stage / base[0]:>6.2f}"
                f" {per_total:>9.1f}us {per_total / base[1]:>6.2f} {removed:>8}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
