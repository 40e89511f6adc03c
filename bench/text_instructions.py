"""Instructions per article of the text path: a figure that the machine's load does not move.

    python bench/text_instructions.py --texts FILE [--docs 100]

CPU time on a shared machine moves by a third from pass to pass (other processes share the cores' caches); the
number of instructions executed does not. This runs one pass of `Cleaner().clean(text, url).text` over the first
--docs texts of FILE (as `bench/text_stages.py --texts FILE` writes it) under valgrind's callgrind, counting only
that pass: the import, the plugins' loading and a warm-up pass (the matchers compile lazily) run uninstrumented. A
tiny C library with callgrind's client requests (compiled here with `cc`; needs valgrind and its headers) starts
and stops the count around the pass. Compare trees with `PYTHONPATH=OTHER/src`: repeated runs agree to 0.1%.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_CONTROL = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; CALLGRIND_TOGGLE_COLLECT; }
void cg_stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_STOP_INSTRUMENTATION; }
"""


def one_pass(texts: Path, docs: int, control: str) -> None:
    """Inside valgrind: warm up, then count one pass."""
    import cleanser

    lib = ctypes.CDLL(control)
    pairs = json.loads(texts.read_text(encoding="utf-8"))[:docs]
    cleaner = cleanser.Cleaner()
    for text, url in pairs:
        cleaner.clean(text, url).text  # noqa: B018 - warm-up: the matchers compile lazily
    lib.cg_start()
    for text, url in pairs:
        cleaner.clean(text, url).text  # noqa: B018 - the text is what a user asks for
    lib.cg_stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=Path, required=True, help="the archive, as bench/text_stages.py writes it")
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--inside", metavar="LIB", help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args(argv)
    if args.inside:
        one_pass(args.texts, args.docs, args.inside)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        source, lib = Path(tmp) / "control.c", Path(tmp) / "control.so"
        source.write_text(_CONTROL, encoding="utf-8")
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(lib), str(source)], check=True)
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--collect-atstart=no",
             f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, __file__, "--texts", str(args.texts),
             "--docs", str(args.docs), "--inside", str(lib)],
            capture_output=True, text=True, env=os.environ,
        )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        print(run.stderr[-2000:], file=sys.stderr)
        return 1
    count = int(found.group(1))
    print(f"{args.docs} docs: {count:,} instructions, {count / args.docs / 1e6:.2f} M per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
