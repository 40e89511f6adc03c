"""Plugins installed as packages, found through the `cleanser` entry-point group.

The example package (plugins/cleanser-example-site) must be installed into the test environment, as the README's
test command and CI do: `pip install ./plugins/cleanser-example-site`. A broken plugin is simulated with a real
distribution's metadata (a dist-info folder with entry_points.txt, as pip writes it) on PYTHONPATH.
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path

import pytest
from conftest import run_cli

PAGE = """<html><body><article><h1>Harbour wall repairs finish early</h1>
<p>Repairs to the harbour wall finished two weeks early, the port said, after a dry spell let crews work longer.</p>
<div class="es-bulletin"><p>Get our Evening Bulletin</p><p>Local news at six</p></div>
<p>The wall was damaged in the January storms, when waves broke over it for the first time in thirty years.</p>
<p>Get The Example Site Evening Bulletin</p>
<p>The port said boats could use the inner berths again from Monday.</p>
</article></body></html>"""
URL = "https://www.example-site.org/local/2025/09/harbour-wall"
ARTICLE = [
    "Harbour wall repairs finish early",
    "Repairs to the harbour wall finished two weeks early, the port said, after a dry spell let crews work longer.",
    "The wall was damaged in the January storms, when waves broke over it for the first time in thirty years.",
    "The port said boats could use the inner berths again from Monday.",
]


@pytest.fixture(scope="module", autouse=True)
def example_installed():
    points = {ep.name: ep.value for ep in metadata.entry_points(group="cleanser")}
    assert points.get("example_site") == "cleanser_example_site", (
        "the example plugin is not installed: pip install ./plugins/cleanser-example-site"
    )


def test_installed_plugin_is_listed_from_its_entry_point():
    proc = run_cli("plugins", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    listed = {p["name"]: p for p in json.loads(proc.stdout)["plugins"]}
    example = listed["example_site"]
    assert example["origin"] == "entry point example_site (cleanser_example_site)"
    assert example["domains"] == ["example-site.org"] and example["rules"] == 4
    assert example["hooks"] == ["cleanser_process_document", "cleanser_register_rulesets"]


def test_installed_plugin_cleans_pages_of_its_domain():
    proc = run_cli("clean", "-", "--url", URL, "--format", "json", input=PAGE.encode())
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["site"] == "example_site"
    assert result["text"].split("\n") == ARTICLE
    rules = {r["rule"] for r in result["removed"]}
    assert {"example_site/promo-elements", "example_site/bulletin-promo"} <= rules


def test_installed_plugin_hook_runs_for_its_site_only():
    text = "\n".join([*ARTICLE, ARTICLE[0]]).encode()
    mine = run_cli("clean", "-", "--url", URL, "--format", "json", input=text)
    other = run_cli("clean", "-", "--url", "https://www.example-news.org/x", "--format", "json", input=text)
    assert json.loads(mine.stdout)["text"].split("\n") == ARTICLE
    assert [r["rule"] for r in json.loads(mine.stdout)["removed"]] == ["example_site/headline-share-card"]
    assert json.loads(other.stdout)["text"].split("\n") == [*ARTICLE, ARTICLE[0]]


def _distribution(folder: Path, name: str, entry_point: str, module: str | None = None, code: str = "") -> None:
    """A distribution's installed metadata, as pip leaves it, declaring one `cleanser` entry point."""
    info = folder / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[cleanser]\n{entry_point}\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")
    if module:
        (folder / f"{module}.py").write_text(code, encoding="utf-8")


def test_broken_installed_plugins_are_reported_and_skipped(tmp_path):
    _distribution(tmp_path, "cleanser_broken_import", "broken_import = cleanser_broken_import",
                  "cleanser_broken_import", "import a_module_that_is_not_installed\n")
    _distribution(tmp_path, "cleanser_missing_module", "missing_module = cleanser_no_such_module")
    _distribution(tmp_path, "cleanser_misspelt_hook", "misspelt_hook = cleanser_misspelt_hook",
                  "cleanser_misspelt_hook",
                  "from cleanser import hookimpl\n\n@hookimpl\ndef cleanser_register_ruleset(register):\n    pass\n")
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}

    proc = run_cli("plugins", "list", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    listed = json.loads(proc.stdout)
    errors = {e["source"]: e["reason"] for e in listed["errors"]}
    broken = errors["entry point broken_import (cleanser_broken_import)"]
    assert "import failed: ModuleNotFoundError" in broken and "a_module_that_is_not_installed" in broken
    assert "import failed" in errors["entry point missing_module (cleanser_no_such_module)"]
    assert "cleanser_register_ruleset" in errors["entry point misspelt_hook (cleanser_misspelt_hook)"]
    names = {p["name"] for p in listed["plugins"]}
    assert "example_site" in names and not names & {"broken_import", "missing_module", "misspelt_hook"}
    assert b"plugin not loaded" in proc.stderr and b"broken_import" in proc.stderr

    # The rest keeps working: the page of the installed example plugin is still cleaned by it.
    proc = run_cli("clean", "-", "--url", URL, input=PAGE.encode(), env=env)
    assert proc.returncode == 0
    assert proc.stdout.decode().strip().split("\n") == ARTICLE
    assert b"broken_import" in proc.stderr
