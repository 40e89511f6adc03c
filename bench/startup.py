"""Start-up: importing cleanser, loading every bundled plugin, and the CLI on one small file.

    python bench/startup.py [--runs 15]

Each figure is the median over --runs fresh interpreters (wall time, as a user waits for it):
- python: an interpreter that does nothing (the floor every command pays);
- import: `import cleanser`;
- import + load plugins: `import cleanser; cleanser.load_plugins()` - the difference to `import` is what loading
  every bundled plugin adds (target: under 100 ms). Measured with the rule cache warm (the normal case: see
  docs/performance.md) and cold (CLEANSER_RULE_CACHE=off: every rule file parsed and validated);
- in-process: the time `load_plugins()` itself takes, printed by the child (no interpreter start in it);
- CLI: `cleanser clean` on the project's seed article (a 4 KB text), the whole command as a user runs it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed" / "ft-white-house-watch.txt"


def _wall(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _inner(code: str, runs: int, env: dict[str, str]) -> float:
    """The median of what the child prints (seconds), one fresh interpreter per run."""
    values = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(values)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    env = {**os.environ}
    cold = {**env, "CLEANSER_RULE_CACHE": "off"}
    py = sys.executable
    script = Path(py).with_name("cleanser")
    cli = [str(script)] if script.exists() else [py, "-m", "cleanser"]
    timed_load = (
        "import time, cleanser; t = time.perf_counter(); p = cleanser.load_plugins(); "
        "print(len(p.rulesets())); print(time.perf_counter() - t)"
    )
    load = [py, "-c", "import cleanser; cleanser.load_plugins()"]
    subprocess.run(load, check=True, env=env)  # fill the rule cache, as any first run does
    rows = [
        ("python", _wall([py, "-c", "pass"], args.runs, env)),
        ("import", _wall([py, "-c", "import cleanser"], args.runs, env)),
        ("import + load plugins (cache warm)", _wall(load, args.runs, env)),
        ("import + load plugins (cache off)", _wall(load, args.runs, cold)),
        ("load_plugins() in-process (cache warm)", _inner(timed_load, args.runs, env)),
        ("load_plugins() in-process (cache off)", _inner(timed_load, args.runs, cold)),
        ("cleanser clean seed.txt (cache warm)", _wall([*cli, "clean", str(SEED)], args.runs, env)),
        ("cleanser clean seed.txt (cache off)", _wall([*cli, "clean", str(SEED)], args.runs, cold)),
    ]
    counted = subprocess.run([py, "-c", timed_load], check=True, capture_output=True, text=True, env=env)
    count = counted.stdout.split()[0]
    print(f"median of {args.runs} fresh interpreters; {count} rule sets (generic + bundled site plugins)")
    for name, seconds in rows:
        print(f"{name:<42} {seconds * 1000:8.1f} ms")
    base = dict(rows)
    for state in ("warm", "off"):
        added = base[f"import + load plugins (cache {state})"] - base["import"]
        print(f"loading every bundled plugin adds {added * 1000:.1f} ms to start-up (cache {state}; target < 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
