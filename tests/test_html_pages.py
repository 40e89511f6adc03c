"""Whole HTML pages through the pipeline: the article found, promo elements stripped, paragraphs kept."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

import cleanser

PAGES = Path(__file__).parent / "pages"
URL = "https://www.ft.com/content/7f0c2d9e-1111-4c2b-9f00-2a6d1c0b5e11"
PARAGRAPHS = [
    "Dock workers at the country’s busiest container port returned to work on Thursday",
    "The stoppage had held up thousands of containers",
    "Union officials said the offer, which also includes a one-off payment",
    "Backlog expected to take weeks to clear",
    "The port’s operator said it would run extra night shifts",
    "“We are grateful to have our people back",
    "Analysts at one shipping consultancy estimated",
]
PROMO = ["Share on X", "Copy link", "Add to myFT", "Follow the topics", "Shipping groups count cost",
         "Unlock the Editor", "Roula Khalaf", "The big read", "Search the FT", "window.FT", "Markets"]


def test_ft_page_with_url():
    result = cleanser.clean((PAGES / "ft-port-strike.html").read_bytes(), url=URL)
    lines = result.text.split("\n")
    found = [next(i for i, line in enumerate(lines) if line.startswith(p)) for p in PARAGRAPHS]
    assert found == sorted(found), "paragraphs in order"
    for promo in PROMO:
        assert promo not in result.text, promo
    assert result.site == "ft"
    rules = {r.rule for r in result.removed}
    assert {"ft/promo-elements", "ft/editors-digest"} <= rules
    # HTML rules run before text rules: the share bar goes as an element, not as lines of text.
    share = next(r for r in result.removed if "Share on X" in r.text)
    assert share.kind == "html"
    heading = next(b for b in result.blocks if b["text"].startswith("Backlog expected"))
    assert heading["kind"] == "heading"


def test_ft_page_through_the_cli(tmp_path):
    proc = run_cli("clean", str(PAGES / "ft-port-strike.html"), "--url", URL)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert all(p in out for p in PARAGRAPHS)
    assert not any(p in out for p in PROMO)


def test_ft_page_without_url_is_found_by_fingerprint():
    result = cleanser.clean((PAGES / "ft-port-strike.html").read_bytes())
    assert result.site == "ft" and "Unlock the Editor" not in result.text
