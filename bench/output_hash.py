"""One hash of cleanser's output per mode, to prove that a speed change changed no output.

    python bench/output_hash.py [--modes text html corpus archive] [--diff BEFORE.json] [--save AFTER.json]

Cleans, with one `Cleaner()` (every bundled plugin, the default generic level):
- text: every page of both development sets as a naive scraper saves it (`devsets.naive_lines`, joined by "\\n",
  the page's URL given), as `bench/quality.py` cleans it;
- html: every page of both development sets as HTML;
- corpus: every input of `corpus/` (seed, articles with their URLs, negative texts and pages);
- archive: the first 600 articles of `bench/text_speed.py`'s generated archive, with their URLs.

For each document it hashes the text, the audit (every removal, applied or refused, with its rule, span, score and
evidence) and the flags; it prints one hash per mode over the documents in order. `--save FILE` writes the per-
document hashes as JSON; `--diff FILE` compares against such a file and names every document whose output differs.
An exception is hashed as its type and message, so a crash is a difference too. The script runs itself with
PYTHONHASHSEED=0: the order of a few evidence lists follows the string hash seed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets
from article_archive import build_archive

import cleanser

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
MODES = ("text", "html", "corpus", "archive")
ARCHIVE_DOCS = 600


def documents(mode: str) -> Iterator[tuple[str, str, str | None]]:
    """(name, input, url) of every document of a mode, in a fixed order."""
    if mode in ("text", "html"):
        for page in devsets.all_pages():
            data = "\n".join(devsets.naive_lines(page.html)) if mode == "text" else page.html
            yield page.key, data, page.url
    elif mode == "corpus":
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix not in (".txt", ".html") or path.name.endswith(".expected.txt"):
                continue
            url_file = path.with_name(path.name.removesuffix(".input.txt") + ".url")
            url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else None
            yield str(path.relative_to(CORPUS)), path.read_text(encoding="utf-8"), url
    elif mode == "archive":
        for n, article in enumerate(build_archive(ARCHIVE_DOCS)):
            yield f"archive/{n}", article.text, article.url
    else:
        raise ValueError(mode)


def output_of(cleaner: cleanser.Cleaner, data: str, url: str | None) -> object:
    """What must not change: the text, the whole audit and the flags (or the exception raised)."""
    try:
        result = cleaner.clean(data, url=url)
        return {"text": result.text, "audit": [r.to_dict() for r in result.audit], "flags": result.flags}
    except Exception as exc:  # a crash must show as a difference, not stop the run
        return {"error": f"{type(exc).__name__}: {exc}"}


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--save", type=Path, help="write the per-document hashes to this JSON file")
    parser.add_argument("--diff", type=Path, help="name the documents whose hash differs from this saved file")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != "0":
        # Ties in some evidence lists (the zone boundary's words of equal weight) come in set order, which moves with
        # the string hash seed: fix it, or the same output hashes differently from one process to the next.
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

    cleaner = cleanser.Cleaner()
    hashes: dict[str, dict[str, str]] = {}
    for mode in args.modes:
        start = time.process_time()
        hashes[mode] = {name: digest(output_of(cleaner, data, url)) for name, data, url in documents(mode)}
        whole = digest(list(hashes[mode].items()))
        print(f"{mode:<8} {len(hashes[mode]):>5} documents  {whole}  ({time.process_time() - start:.1f} s CPU)")
    if args.save:
        args.save.write_text(json.dumps(hashes, indent=1) + "\n", encoding="utf-8")
    differ = 0
    if args.diff:
        before = json.loads(args.diff.read_text(encoding="utf-8"))
        for mode, now in hashes.items():
            then = before.get(mode, {})
            names = [n for n in now if then.get(n) != now[n]] + [n for n in then if n not in now]
            differ += len(names)
            print(f"{mode}: {len(names)} of {len(now)} differ", *(f"  {n}" for n in names[:50]), sep="\n")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
