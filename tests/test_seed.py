"""The founding article: the FT seed, cleaned end to end."""

from __future__ import annotations

import json

from conftest import CORPUS, run_cli

import cleanser

SEED = CORPUS / "seed" / "ft-white-house-watch.txt"
EXPECTED = CORPUS / "seed" / "ft-white-house-watch.expected.txt"


def test_seed_library():
    result = cleanser.clean(SEED.read_text(encoding="utf-8"))
    assert result.text == EXPECTED.read_text(encoding="utf-8")
    assert result.site == "ft"  # found by fingerprint: the seed has no URL
    assert [r.rule for r in result.removed] == ["ft/newsletter-unlock", "ft/newsletter-unlock", "ft/read-full-article"]
    assert [r.text for r in result.removed] == [
        "Unlock the White House Watch newsletter for free",
        "Your guide to what the 2024 US election means for Washington and the world",
        "Read the full article here",
    ]
    assert [r.where for r in result.removed] == ["top", "top", "bottom"]
    assert [r.line for r in result.removed] == [1, 2, 25]


def test_seed_lines_are_byte_identical():
    source_lines = SEED.read_bytes().split(b"\n")
    out_lines = cleanser.clean(SEED.read_bytes()).text.encode("utf-8").split(b"\n")
    assert out_lines == source_lines[2:-1]


def test_seed_cli():
    proc = run_cli("clean", str(SEED))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == EXPECTED.read_text(encoding="utf-8") + "\n"


def test_seed_cli_json_and_module_entry():
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "cleanser", "clean", "--format", "json", str(SEED)], capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["site"] == "ft" and doc["url"] is None
    assert doc["text"] == EXPECTED.read_text(encoding="utf-8")
    assert {"rule", "plugin", "text"} <= set(doc["removed"][0])
    assert doc["removed"][2] == {**doc["removed"][2], "rule": "ft/read-full-article", "plugin": "ft"}


def test_seed_result_api():
    result = cleanser.clean(SEED.read_text(encoding="utf-8"))
    d = result.to_dict()
    assert d["text"] == result.text and d["site"] == "ft" and d["flags"] == {}
    assert result.markdown.split("\n\n")[0] == result.text.split("\n")[0]
    assert result.html.startswith("<article>") and "Read the full article" not in result.html
