"""How much promo the rules remove, per site plugin, and how much the generic rules alone remove on held-out sites.

For every positive fixture of every site plugin (input + expected output), the fixture's *promo lines* are the lines
of the input as read with no rules at all (text inputs: the lines; HTML inputs: the blocks of the container
readability picks) that are not lines of the expected output. Its *article lines* are the expected output's lines.
A run of the cleaner is scored by:

- recall: the share of promo lines that are gone from the output (a promo glued onto an article line counts as
  gone when the line no longer comes out as it went in);
- kept: the share of article lines whose words all come out, in order (no article line lost);
- precision: promo lines removed / (promo lines removed + article lines lost);
- pass: the share of fixtures whose output is exactly the expected text.

Part (a) runs every plugin with every bundled plugin loaded. Part (b) holds out a few site plugins (by default
five, drawn from the sorted plugin names with a fixed seed, or named with --holdout) and runs their fixtures with
only the generic rules loaded: promo from publishers the generic rules were never tuned on. `--misses` lists the
promo lines the generic rules miss, and the article lines they lose, on the *other* plugins (the tuning set); it never
shows the held-out ones, so looking at misses to improve generic.toml cannot leak the held-out fixtures into the
rules.

    python bench/holdout_recall.py                      # tables (a) and (b), Markdown
    python bench/holdout_recall.py --seed 7 --count 5   # another draw of held-out plugins
    python bench/holdout_recall.py --holdout bbc,cnn,npr,vox,wired
    python bench/holdout_recall.py --json               # the same figures as JSON
    python bench/holdout_recall.py --misses             # generic-rule misses on the tuning set
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from cleanser import Cleaner  # noqa: E402
from cleanser.plugins.fixtures import default_url, run_fixture  # noqa: E402
from cleanser.plugins.manager import Plugins, load_plugins  # noqa: E402
from cleanser.rules.model import Fixture, RuleSet  # noqa: E402

DEFAULT_SEED = 2026
DEFAULT_COUNT = 5
# Words, with glued words split where a capital follows a small letter ("expected.Analysts", "ContinueAnalysts"), so
# that a promo glued between two article words does not hide them.
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\W\d_A-Za-z]+")


@dataclass
class Score:
    fixtures: int = 0
    passed: int = 0
    promo: int = 0
    removed: int = 0
    article: int = 0
    kept: int = 0
    extraction_lost: int = 0  # article lines readability's container already leaves out with no rule loaded
    misses: list[str] = field(default_factory=list)  # promo lines left in
    losses: list[str] = field(default_factory=list)  # article lines lost

    def add(self, other: Score) -> None:
        for name in ("fixtures", "passed", "promo", "removed", "article", "kept", "extraction_lost"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)
        self.losses.extend(other.losses)

    @property
    def recall(self) -> float | None:
        return self.removed / self.promo if self.promo else None

    @property
    def kept_share(self) -> float | None:
        return self.kept / self.article if self.article else None

    @property
    def precision(self) -> float | None:
        lost = self.article - self.kept
        return self.removed / (self.removed + lost) if self.removed + lost else None

    @property
    def pass_share(self) -> float | None:
        return self.passed / self.fixtures if self.fixtures else None

    def figures(self) -> dict[str, float | int | None]:
        d = {k: v for k, v in asdict(self).items() if k not in ("misses", "losses")}
        d.update(recall=self.recall, kept_share=self.kept_share, precision=self.precision, pass_share=self.pass_share)
        return d


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _found(line: list[str], out: list[str], pos: int) -> int | None:
    """Where in `out` (from `pos`) the words of `line` end, if they all occur in order within a short span."""
    if not line:
        return pos
    span = 2 * len(line) + 12  # room for a promo glued inside the line, not for words picked from afar
    for start in range(pos, len(out)):
        if out[start] != line[0]:
            continue
        at, limit = start + 1, min(len(out), start + span)
        for word in line[1:]:
            while at < limit and out[at] != word:
                at += 1
            if at == limit:
                break
            at += 1
        else:
            return at
    return None


def lost_lines(article: list[str], output: list[str]) -> list[str]:
    """The article lines whose words do not all come out, in order."""
    out = [w for line in output for w in words(line)]
    pos = 0
    lost = []
    for line in article:
        end = _found(words(line), out, pos)
        if end is None:
            lost.append(line)
        else:
            pos = end
    return lost


def score_fixture(cleaner: Cleaner, bare: Cleaner, ruleset: RuleSet, fixture: Fixture, passed: bool | None) -> Score:
    url = fixture.url or default_url(ruleset)
    expected = fixture.expected.strip("\n") if fixture.expected is not None else ""
    article = lines_of(expected)
    wanted = set(article)
    baseline = lines_of(bare.clean(fixture.input, url=url).text)
    promo = [line for line in baseline if line not in wanted]
    output = cleaner.clean(fixture.input, url=url).text
    out_lines = set(lines_of(output))
    missed = [line for line in promo if line in out_lines]
    # A line the extraction already loses with no rules at all is not the rules' doing.
    extraction = set(lost_lines(article, baseline))
    lost = [line for line in lost_lines(article, lines_of(output)) if line not in extraction]
    where = f"{ruleset.name} / {fixture.name}"
    return Score(
        fixtures=1,
        passed=int(output == expected if passed is None else passed),
        promo=len(promo),
        removed=len(promo) - len(missed),
        article=len(article),
        kept=len(article) - len(lost),
        extraction_lost=len(extraction),
        misses=[f"{where}: {line[:120]}" for line in missed],
        losses=[f"{where}: {line[:120]}" for line in lost],
    )


def positive(ruleset: RuleSet) -> list[Fixture]:
    return [f for f in ruleset.fixtures if f.expected is not None]


def pick_holdout(names: list[str], seed: int, count: int) -> list[str]:
    """`count` names drawn from the sorted names with a fixed seed: the same draw on every machine."""
    return sorted(random.Random(seed).sample(sorted(names), min(count, len(names))))


def pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}" if value in (0, 1) else f"{value:.1%}"


def table(rows: list[tuple[str, Score]], total: Score, title: str) -> str:
    out = [
        title,
        "",
        "| plugin | fixtures | promo lines | recall | article lines kept | precision | fixtures passing |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in [*rows, ("**all**", total)]:
        out.append(
            f"| {name} | {s.fixtures} | {s.promo} | {pct(s.recall)} | {pct(s.kept_share)} | {pct(s.precision)} "
            f"| {pct(s.pass_share)} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--holdout", help="comma-separated site plugins to hold out (default: drawn with --seed)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed of the draw (default {DEFAULT_SEED})")
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help=f"plugins to hold out (default {DEFAULT_COUNT})"
    )
    parser.add_argument("--plugins-dir", action="append", default=[], metavar="DIR", help="also load plugins from DIR")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--misses", action="store_true", help="list generic-rule misses and losses on the non-held-out plugins"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    plugins = load_plugins(args.plugins_dir, entry_points=False)
    for error in plugins.errors:
        print(f"holdout_recall: plugin not loaded: {error.source}: {error.reason}", file=sys.stderr)
    rulesets = plugins.rulesets()
    sites = [rs for rs in rulesets if not rs.generic and positive(rs)]
    generic = [rs for rs in rulesets if rs.generic]
    names = [rs.name for rs in sites]
    if args.holdout:
        holdout = sorted({n.strip() for n in args.holdout.split(",") if n.strip()})
        unknown = set(holdout) - set(names)
        if unknown:
            parser.error(f"no site plugin with positive fixtures named {', '.join(sorted(unknown))}")
    else:
        holdout = pick_holdout(names, args.seed, args.count)

    full = Cleaner(plugins)
    generic_only = Cleaner(Plugins.from_rulesets(*generic))
    bare = Cleaner(Plugins.from_rulesets())

    per_plugin: list[tuple[str, Score]] = []
    per_holdout: list[tuple[str, Score]] = []
    tuning = Score()
    all_total, holdout_total = Score(), Score()
    for rs in sites:
        s = Score()
        g = Score()
        for fixture in positive(rs):
            s.add(score_fixture(full, bare, rs, fixture, run_fixture(full, rs, fixture).ok))
            g.add(score_fixture(generic_only, bare, rs, fixture, None))
        per_plugin.append((rs.name, s))
        all_total.add(s)
        if rs.name in holdout:
            per_holdout.append((rs.name, g))
            holdout_total.add(g)
        else:
            tuning.add(g)
    elapsed = time.perf_counter() - started

    if args.json:
        print(
            json.dumps(
                {
                    "holdout": holdout,
                    "seed": None if args.holdout else args.seed,
                    "all_plugins": {n: s.figures() for n, s in per_plugin},
                    "all_plugins_total": all_total.figures(),
                    "holdout_generic_only": {n: s.figures() for n, s in per_holdout},
                    "holdout_generic_only_total": holdout_total.figures(),
                    "tuning_generic_only_total": tuning.figures(),
                    "seconds": round(elapsed, 2),
                },
                indent=2,
            )
        )
        return 0

    print(table(per_plugin, all_total, "(a) every site plugin, all plugins loaded"))
    print()
    how = "named with --holdout" if args.holdout else f"drawn with seed {args.seed}"
    print(table(per_holdout, holdout_total, f"(b) held-out plugins ({how}), generic rules only"))
    print()
    print(
        f"generic rules only on the {len(sites) - len(holdout)} other plugins (the tuning set): "
        f"recall {pct(tuning.recall)}, article lines kept {pct(tuning.kept_share)}, "
        f"fixtures passing {pct(tuning.pass_share)}"
    )
    print(f"{len(sites)} site plugins, {all_total.fixtures} positive fixtures, {elapsed:.1f} s")
    if args.misses:
        print("\ngeneric rules only, tuning set: promo lines left in")
        for miss in tuning.misses:
            print("  " + miss)
        print("\ngeneric rules only, tuning set: article lines lost")
        for loss in tuning.losses:
            print("  " + loss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
