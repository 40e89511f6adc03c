"""Archive throughput and memory: `cleanser clean` on a generated JSON Lines archive, with 1 and 2 jobs, at two sizes,
and through Dask on a local cluster.

    python bench/archive.py                                  # 10,000 and 100,000 documents, jobs 1 and 2, Dask
    python bench/archive.py --sizes 2000 --no-dask           # a quick look
    python bench/archive.py --json results.json              # the figures as JSON too

The archive is generated (seeded, so every run gets the same one) into a temporary folder: half the records are
whole HTML pages (navigation, share bar, newsletter box, footer around the article), half plain text with promo
lines; their articles are the project's own corpus articles, each record with a sentence of its own. Each run is the
console script in a fresh process, timed from start to exit (start-up and plugin loading included). Peak memory is
the largest sum of resident memory of the runner and its worker processes, sampled every 50 ms from /proc, and the
largest single process (`ru_maxrss` of the children). Ratios printed: 2 jobs over 1 job, and peak memory at the
largest size over the smallest (flat memory: close to 1).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PROMO = [
    '<div class="newsletter-signup"><h3>Sign up for our newsletter</h3><p>The day\'s top stories, every morning.</p>'
    "</div>",
    '<div class="share-bar"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>',
    '<aside class="related"><h4>Related</h4><ul><li><a>Council budget row deepens</a></li>'
    "<li><a>Five things to know this week</a></li></ul></aside>",
]
TEXT_PROMO = ["Advertisement", "Sign up for our newsletter", "Follow us on Twitter",
              "© 2025 Example Media. All rights reserved."]
SUBJECTS = ["The council", "A spokesperson", "Residents", "The minister", "Researchers", "The operator"]
VERBS = ["said on Monday that", "told reporters that", "confirmed that", "warned that"]
CLAUSES = ["the work would take {n} weeks", "costs had risen by {n} per cent", "{n} homes were affected",
           "a decision was expected within {n} days"]


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
            f"{rng.choice(CLAUSES).format(n=rng.randint(2, 900))}.")


def _sources() -> tuple[list[tuple[str, str]], list[list[str]]]:
    texts = []
    for path in sorted((CORPUS / "articles").glob("*.input.txt")):
        url = Path(str(path)[: -len(".input.txt")] + ".url").read_text(encoding="utf-8").strip()
        texts.append((path.read_text(encoding="utf-8"), url))
    pages = []
    for path in sorted((CORPUS / "negative").glob("*.txt")):
        pages.append([line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    return texts, pages


def generate(path: Path, count: int, seed: int = 11) -> int:
    """Write `count` records to `path` (JSON Lines), streamed; returns the bytes written."""
    rng = random.Random(seed)
    texts, pages = _sources()
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            extra = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
            if n % 2:
                text, url = rng.choice(texts)
                lines = text.split("\n")
                lines.insert(rng.randrange(1, len(lines)), extra)
                for _ in range(rng.randint(0, 2)):
                    lines.insert(rng.randrange(len(lines) + 1), rng.choice(TEXT_PROMO))
                record = {"id": n, "text": "\n".join(lines), "url": url}
            else:
                paras = rng.choice(pages)
                body = "".join(f"<p>{p}</p>" for p in [*paras[1:3], extra, *paras[3:]])
                promo = rng.sample(PROMO, rng.randint(1, 3))
                html = (f"<!doctype html><html><head><meta charset='utf-8'><title>{paras[0]}</title></head><body>"
                        "<nav><a>Home</a> <a>News</a> <a>Sport</a> <a>Opinion</a></nav>"
                        f"<main><article><h1>{paras[0]}</h1>{promo[0]}{body}{''.join(promo[1:])}</article></main>"
                        "<footer>Contact us | Terms | Privacy</footer></body></html>")
                record = {"id": n, "html": html, "url": f"https://news.example.org/2026/{n:06d}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


class TreeMemory:
    """Peak of the summed resident memory of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run(args: list[str], workdir: Path) -> dict:
    """One `cleanser clean` run: wall time, its own report, and peak memory (tree sum and largest process)."""
    report = workdir / "report.json"
    report.unlink(missing_ok=True)
    cleanser = Path(sys.executable).with_name("cleanser")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen([str(cleanser), "clean", *args, "-q", "--report", str(report)], cwd=workdir)
    with TreeMemory(proc.pid) as memory:
        code = proc.wait()
    wall = time.perf_counter() - start
    if code not in (0, 1):
        raise SystemExit(f"cleanser exited with {code}: {args}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss = usage.ru_maxrss * 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu_before  # the runner and its workers (waited for, so counted)
    data = json.loads(report.read_text())
    return {
        "documents": data["documents"],
        "failed": data["failed"],
        "megabytes": data["bytes"] / 1e6,
        "wall_seconds": wall,
        "documents_per_second": data["documents"] / wall,
        "megabytes_per_second": data["bytes"] / 1e6 / wall,
        "cpu_seconds": cpu,
        # CPU seconds per wall second: about 1 per job on an idle machine; less when other work takes the cores.
        "cores_used": cpu / wall,
        "peak_tree_mib": memory.peak / 2**20,
        # ru_maxrss of the children is a running maximum over every child so far: only a rise is news.
        "largest_process_mib": maxrss / 2**20 if maxrss > before * 1024 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000],
                        help="archive sizes in documents (comma-separated; default 10000,100000)")
    parser.add_argument("--jobs", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each configuration N times, interleaved, and keep the fastest (other load on the "
                        "machine only ever slows a run down); peak memory is the largest of the N")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the archives")
    args = parser.parse_args()
    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="cleanser-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in args.sizes:
            archive = workdir / f"archive-{size}.jsonl"
            if not archive.exists():
                generate(archive, size)
            print(f"# {size:,} documents, {archive.stat().st_size / 1e6:,.1f} MB", file=sys.stderr)
            runs: dict[int, list[dict]] = {jobs: [] for jobs in args.jobs}
            for _ in range(args.repeat):
                for jobs in args.jobs:
                    out = workdir / f"out-{size}-{jobs}.jsonl"
                    runs[jobs].append(run([str(archive), "-o", str(out), "--jobs", str(jobs)], workdir))
                    out.unlink(missing_ok=True)
            for jobs in args.jobs:
                row = {"size": size, "how": f"--jobs {jobs}", **_best(runs[jobs])}
                rows.append(row)
                _print_row(row)
            if not args.no_dask and size == max(args.sizes):
                out = workdir / f"dask-{size}"
                row = {"size": size, "how": "--scheduler local --jobs 2",
                       **run([str(archive), "-o", str(out), "--scheduler", "local", "--jobs", "2"], workdir)}
                rows.append(row)
                _print_row(row)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    _print_ratios(rows, args)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")


def _best(runs: list[dict]) -> dict:
    best = dict(min(runs, key=lambda r: r["wall_seconds"]))
    best["peak_tree_mib"] = max(r["peak_tree_mib"] for r in runs)
    best["runs_wall_seconds"] = [round(r["wall_seconds"], 2) for r in runs]
    return best


def _print_row(r: dict) -> None:
    largest = f"{r['largest_process_mib']:.0f}" if r["largest_process_mib"] else "-"
    print(f"| {r['size']:>7,} | {r['how']:<26} | {r['wall_seconds']:7.1f} s | {r['documents_per_second']:7,.0f} "
          f"docs/s | {r['megabytes_per_second']:5.2f} MB/s | {r['cores_used']:4.2f} cores | "
          f"peak {r['peak_tree_mib']:5.0f} MiB (largest process {largest} MiB) |", flush=True)


def _print_ratios(rows: list[dict], args) -> None:
    def find(size, how):
        return next((r for r in rows if r["size"] == size and r["how"] == how), None)

    for size in args.sizes:
        one, two = find(size, "--jobs 1"), find(size, "--jobs 2")
        if one and two:
            print(f"{size:,} documents: 2 jobs / 1 job throughput = "
                  f"{two['documents_per_second'] / one['documents_per_second']:.2f}")
    small, large = min(args.sizes), max(args.sizes)
    for jobs in args.jobs:
        a, b = find(small, f"--jobs {jobs}"), find(large, f"--jobs {jobs}")
        if a and b and small != large:
            print(f"--jobs {jobs}: peak memory at {large:,} / at {small:,} documents = "
                  f"{b['peak_tree_mib'] / a['peak_tree_mib']:.2f}")


if __name__ == "__main__":
    main()
