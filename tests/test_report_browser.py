"""The review report in a real browser: headless Chromium loads it, the test reads the rendered DOM (charts drawn,
the right number of samples, no script error) and keeps a screenshot in test-artifacts/ (git-ignored).

Chromium is the Debian package `chromium` (.ci/run installs it when it is missing); $CLEANSER_CHROMIUM names
another binary. Without one, these tests skip and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from cleanser.cli import main
from cleanser.write.report_html import SAMPLES_PER_RULE

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CLEANSER_CHROMIUM") or next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome")) if p), None)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium to render the report in: apt-get install chromium (or set CLEANSER_CHROMIUM)")

# Reports what the page's scripts threw into the DOM, where --dump-dom shows it (console lines are read as well).
_TRAP = ("<script>addEventListener('error',function(e){var d=document.documentElement;"
         "d.dataset.errors=(d.dataset.errors||'')+e.message+';'});</script>")


def _chromium(page: Path, tmp: Path, *, screenshot: Path | None = None) -> tuple[lxml.html.HtmlElement, list[str]]:
    """Load `page` (with the error trap added first); the rendered DOM, and the console lines Chromium logged."""
    trapped = tmp / f"trapped-{page.name}"
    trapped.write_text(page.read_text(encoding="utf-8").replace("<head>", "<head>" + _TRAP, 1), encoding="utf-8")
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            f"--user-data-dir={tmp / 'profile'}", "--enable-logging=stderr", "--v=0", "--window-size=1366,900",
            "--hide-scrollbars"]
    proc = subprocess.run([*base, "--dump-dom", trapped.as_uri()], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        shot = subprocess.run([*base, f"--screenshot={screenshot}", page.as_uri()], capture_output=True, text=True,
                              timeout=120)
        assert shot.returncode == 0 and screenshot.stat().st_size > 10_000, shot.stderr[-2000:]
    return lxml.html.fromstring(proc.stdout), console


def test_the_error_check_catches_a_script_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><html><head></head><body><p>x</p><script>noSuchFunction()</script></body></html>")
    dom, console = _chromium(page, tmp_path)
    assert "noSuchFunction" in dom.get("data-errors", "")
    assert any("noSuchFunction" in line for line in console)


def test_the_run_report_renders(tmp_path):
    report_json, report_html = tmp_path / "run.json", tmp_path / "report.html"
    assert main(["clean", str(ROOT / "corpus/articles"), str(ROOT / "tests/pages"), "-o", str(tmp_path / "out"),
                 "--report", str(report_json), "--report-html", str(report_html), "-q", "--jobs", "1"]) == 0
    report = json.loads(report_json.read_text())
    dom, console = _chromium(report_html, tmp_path, screenshot=ARTIFACTS / "report.png")
    assert dom.get("data-errors") is None and console == []
    for chart in ("#per-rule", "#per-site", "#flagged"):
        bars = dom.cssselect(f"{chart} svg.chart g.bar rect")
        assert bars and all(float(b.get("width")) >= 1 for b in bars), chart
    assert len(dom.cssselect("#per-rule svg g.bar")) == len(report["removals_per_rule"])
    expected_samples = sum(min(SAMPLES_PER_RULE, n) for n in report["removals_per_rule"].values())
    assert len(dom.cssselect("section.rule .sample")) == expected_samples
    assert len(dom.cssselect("section.rule")) == len(report["removals_per_rule"])
    cards = {c.get("data-card"): c.cssselect("b")[0].text_content() for c in dom.cssselect(".card")}
    assert cards["documents"] == f"{report['documents']:,}" and cards["removals"] == f"{report['removals']:,}"


def test_explain_html_renders(tmp_path, capsys):
    source = ROOT / "tests/pages/ft-port-strike.html"
    assert main(["explain", "--html", str(source)]) == 0
    page = tmp_path / "explain.html"
    page.write_text(capsys.readouterr().out, encoding="utf-8")
    dom, console = _chromium(page, tmp_path, screenshot=ARTIFACTS / "explain.png")
    assert dom.get("data-errors") is None and console == []
    marks = dom.cssselect("article.doc mark.cut")
    assert len(marks) >= 5 and all(m.cssselect(".label") for m in marks)
    assert dom.cssselect("article.doc p")
