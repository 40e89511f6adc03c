"""Every text removal cleanser makes on the development pages (../shared/bench/readability-pages), one per line.

A precision check by reading: on pages with no URL given, only site fingerprints and the generic rules act, so
any removed prose shows up here. Usage: python bench/dev_removals.py [PAGES_DIR]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import cleanser

ROOT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "readability-pages"


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    cleaner = cleanser.Cleaner()
    for page in sorted(p for p in root.iterdir() if p.is_dir()):
        result = cleaner.clean(gzip.decompress((page / "source.html.gz").read_bytes()))
        for removal in result.removed:
            if removal.kind != "html":
                print(f"{page.name:32} {removal.rule:32} {removal.where:6} {removal.text[:100]!r}")
        for removal in result.refused:
            print(f"{page.name:32} refused {removal.rule}: {removal.refused}")


if __name__ == "__main__":
    main()
