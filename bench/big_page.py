"""How cleaning time grows with a page's size: seconds per MB for pages of 1 to N MB, in several shapes.

    python bench/big_page.py [--sizes 1 2 4 8 16 20] [--shapes paragraphs one-paragraph lines ...]

Each shape is a synthetic page (generated here; no real article text) that stresses one part of the pipeline:
many paragraphs, one huge paragraph, <br>-separated lines, a long list, a long table, nested <div>s, many links,
a big inline script and style, plain text, and text as one line. For each size the page is cleaned once (after a
warm-up on a small page) and the CPU time is printed with seconds per MB; cost that grows linearly shows as a flat
s/MB column. Not a test: figures depend on the machine (docs/performance.md records them).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import cleanser

_WORDS = ["council", "budget", "library", "mayor", "approved", "debate", "week", "tuesday", "residents", "spending",
          "school", "road", "plan", "city", "harbour", "ferry", "pier", "crews", "moor", "meantime", "master", "said"]


def _sentence(rng: random.Random, n: int = 60) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."


def _fill(size: int, piece: Callable[[int], str]) -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        part = piece(i)
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)


def _page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Big page</title>{head}</head>"
            f"<body><article><h1>Big page</h1>{body}</article></body></html>")


def make(shape: str, size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    s = lambda i: _sentence(rng)  # noqa: E731
    if shape == "paragraphs":
        return _page(_fill(size, lambda i: f"<p>{s(i)}</p>\n"))
    if shape == "one-paragraph":
        return _page("<p>" + _fill(size, lambda i: s(i) + " ") + "</p>")
    if shape == "lines":
        return _page(_fill(size, lambda i: s(i) + "<br>\n"))
    if shape == "list":
        return _page("<ul>" + _fill(size, lambda i: f"<li>{_sentence(rng, 12)}</li>") + "</ul>")
    if shape == "table":
        return _page("<table>" + _fill(size, lambda i: f"<tr><td>{i}</td><td>{_sentence(rng, 10)}</td></tr>")
                     + "</table>")
    if shape == "nested":
        return _page(_fill(size, lambda i: f"<div class='c{i % 7}'><div><p>{s(i)}</p></div></div>\n"))
    if shape == "links":
        return _page(_fill(size, lambda i: f"<p>{_sentence(rng, 20)} <a href='/a/{i}'>{_sentence(rng, 4)}</a></p>"))
    if shape == "script":
        blob = _fill(size, lambda i: f"var x{i} = '{_sentence(rng, 8)}';\n")
        return _page(f"<p>{s(0)}</p>", head=f"<script>{blob}</script><style>.a{{color:red}}</style>")
    if shape == "text":
        return _fill(size, lambda i: s(i) + "\n\n")
    if shape == "text-one-line":
        return _fill(size, lambda i: s(i) + " ")
    raise ValueError(f"unknown shape {shape!r}")


SHAPES = ("paragraphs", "one-paragraph", "lines", "list", "table", "nested", "links", "script", "text",
          "text-one-line")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1, 2, 4, 8, 16, 20], metavar="MB")
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    args = parser.parse_args()
    cleaner = cleanser.Cleaner()
    for shape in args.shapes:
        cleaner.clean(make(shape, 20_000))  # warm-up: plugins loaded, rules compiled
        row = []
        for mb in args.sizes:
            page = make(shape, int(mb * 1_000_000))
            started = time.process_time()
            cleaner.clean(page)
            seconds = time.process_time() - started
            row.append(f"{mb:g} MB {seconds:6.2f} s ({seconds / mb:.2f} s/MB)")
        print(f"{shape:<14} " + "  ".join(row), flush=True)


if __name__ == "__main__":
    main()
