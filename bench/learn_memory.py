"""Memory and time of the first pass of `cleanser clean --learn`.

    python bench/learn_memory.py                          # peak RSS of the first pass: 10k, 100k and 1M records
    python bench/learn_memory.py --sizes 10000 100000     # fewer sizes
    python bench/learn_memory.py --time 10000             # and wall time: `clean --learn` against a plain `clean`

Memory: each size runs in a fresh process (`--child`), which generates the records on the fly (nothing is stored)
and feeds them to the first pass (`cleanser.learn.archive.FirstPass`, the code `clean --learn --jobs 1` runs):
each record's host counted, the sampled ones read by the cleaner (`Cleaner.read`), duplicates dropped, each host
learned when its sample is full. The records: `--hosts` sites (default 50), each with its own boilerplate (a
newsletter line with a varying count, a share line, a footer with a varying year) around articles of generated
prose, one record in ten a re-crawl of an earlier article. Peak RSS is the child's `ru_maxrss`; the ratio printed is
each size's peak over the smallest's (flat memory: close to 1).

Time (`--time N`): N records written once to a temporary JSON Lines file with `bench/archive.py`'s generator (half
whole HTML pages, half texts, over the corpus's hosts), then `cleanser clean` and `cleanser clean --learn` on it,
each in a fresh process, `--jobs` as given (default 1), timed from start to exit; the ratio is the second over the
first (the target: at most 1.6).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_VOCABULARY = (
    "the council agreed a plan that moves the bus depot north and frees the old yard for homes which residents "
    "asked for after two years of delays while the budget for roads and schools was cut again this spring"
)
WORDS = _VOCABULARY.split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 22))]
    return " ".join(words).capitalize() + ", " + " ".join(rng.choice(WORDS) for _ in range(5)) + "."


def records(n: int, hosts: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(url, text) of `n` generated records over `hosts` sites, made as they are consumed."""
    rng = random.Random(seed)
    names = [f"site{h:03d}.example" for h in range(hosts)]
    recent: list[tuple[str, list[str]]] = []
    for i in range(n):
        host = names[rng.randrange(hosts)]
        if recent and rng.random() < 0.1:  # a re-crawl of an earlier article
            host, body = rng.choice(recent)
        else:
            body = [_sentence(rng) for _ in range(rng.randint(4, 9))]
            recent.append((host, body))
            if len(recent) > 200:
                recent.pop(0)
        brand = host.split(".")[0].capitalize()
        lines = [
            f"Join {rng.randint(10, 99)},000 readers who get the {brand} briefing",
            " ".join(rng.choice(WORDS) for _ in range(6)).capitalize(),
            *body,
            f"Share this story with the {brand} app",
            f"© {rng.randint(2015, 2025)} {brand} News Group. All rights reserved.",
        ]
        yield f"https://www.{host}/news/{i}", "\n".join(lines)


def child(n: int, hosts: int, sample: int) -> None:
    """One size, in this process: the first pass over `n` generated records; prints a JSON line of figures."""
    from cleanser import Cleaner
    from cleanser.learn.archive import FirstPass
    from cleanser.learn.read import document_lines
    from cleanser.learn.settings import LearnSettings

    cleaner = Cleaner()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    first = FirstPass(LearnSettings(), cleaner, sample=sample)
    read = 0
    for url, text in records(n, hosts):
        key = first.wants(url)
        if key is not None:
            read += 1
            first.add(key, url, text, document_lines(cleaner, text, url))
    outcome = first.finish()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({
        "records": n, "hosts": len(outcome), "read": read, "seconds": round(seconds, 2),
        "learned": sum(o.get("status") == "learned" for o in outcome.values()),
        "rules": sum(len(o.get("rules", [])) for o in outcome.values()),
        "peak_rss_mib": round(peak / 2**20, 1), "before_first_pass_mib": round(baseline / 2**20, 1),
        "peak_sample_mib": round(first.peak_held / 2**20, 1),
    }))


def memory(sizes: list[int], hosts: int, sample: int) -> list[dict]:
    rows = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(n), "--hosts", str(hosts), "--sample", str(sample)],
            capture_output=True, text=True, check=True,
        )
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{n:>9,} records, {row['hosts']} hosts ({row['learned']} learned, {row['rules']} rules), "
              f"{row['read']:,} read: {row['seconds']:.1f} s, peak RSS {row['peak_rss_mib']:.0f} MiB "
              f"(before the first pass {row['before_first_pass_mib']:.0f} MiB; samples at most "
              f"{row['peak_sample_mib']:.1f} MiB)", flush=True)
    low = rows[0]["peak_rss_mib"]
    for row in rows[1:]:
        print(f"peak RSS at {row['records']:,} over {rows[0]['records']:,}: {row['peak_rss_mib'] / low:.2f}")
    return rows


def timing(n: int, jobs: int) -> dict:
    sys.path.insert(0, str(ROOT / "bench"))
    from archive import generate

    cleanser = Path(sys.executable).with_name("cleanser")
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "archive.jsonl"
        generate(dump, n)
        walls, cpus, first = {}, {}, None
        for label, extra in (("clean", []), ("clean --learn", ["--learn"])):
            report = Path(tmp) / "report.json"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([str(cleanser), "clean", str(dump), "-o", str(Path(tmp) / "out.jsonl"), "-q",
                            "--jobs", str(jobs), "--report", str(report), *extra], check=True)
            walls[label] = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[label] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            learned = json.loads(report.read_text()).get("learned")
            if learned:
                first = learned["first_pass_seconds"]
            print(f"{n:,} records, --jobs {jobs}: {label}: {walls[label]:.1f} s wall, {cpus[label]:.1f} s CPU"
                  + (f" (first pass {first:.1f} s wall)" if learned else ""), flush=True)
    # On a shared machine wall time follows the other sessions' load; CPU time (with --jobs 1, one process) is
    # what an idle machine's wall time would be.
    ratio, cpu_ratio = walls["clean --learn"] / walls["clean"], cpus["clean --learn"] / cpus["clean"]
    print(f"clean --learn over clean: {ratio:.2f} wall, {cpu_ratio:.2f} CPU")
    return {"records": n, "jobs": jobs, "wall": walls, "cpu": cpus, "first_pass_wall": first, "ratio": ratio,
            "cpu_ratio": cpu_ratio}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--sample", type=int, default=300, help="distinct documents per host (--learn-docs)")
    parser.add_argument("--time", type=int, metavar="N", help="also time clean --learn against clean on N records")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-memory", action="store_true", help="only the timing")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.hosts, args.sample)
        return
    out: dict = {}
    if not args.no_memory:
        out["memory"] = memory(args.sizes, args.hosts, args.sample)
    if args.time:
        out["time"] = timing(args.time, args.jobs)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
