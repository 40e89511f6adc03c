"""The review report's content: `clean --report-html`, `cleanser report`, `explain --html` (tests/test_report_browser.py
renders them in headless Chromium)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from cleanser import Cleaner
from cleanser.cli import main
from cleanser.write.report_html import SAMPLES_PER_RULE, Review, render_report

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "corpus/articles"), str(ROOT / "tests/pages")]

LEARNED_PLUGIN = """
name = "harbour_gazette"
domains = ["harbour-gazette.example"]

[[rule]]
id = "evening-briefing"
kind = "line"
match = "Get the Harbour Gazette evening briefing"
examples = ["Get the Harbour Gazette evening briefing"]

[learned]
documents = 40
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("report")
    plugins = tmp / "plugins"
    plugins.mkdir()
    (plugins / "harbour_gazette.toml").write_text(LEARNED_PLUGIN)
    args = [*INPUTS, "-o", str(tmp / "out"), "--report", str(tmp / "run.json"), "--report-html",
            str(tmp / "report.html"), "--plugins-dir", str(plugins), "-q", "--jobs", "2"]
    assert main(["clean", *args]) == 0
    return {"tmp": tmp, "plugins": plugins, "report": json.loads((tmp / "run.json").read_text()),
            "html": (tmp / "report.html").read_text(encoding="utf-8")}


def _direct(plugins: Path) -> tuple[Counter, list]:
    """Every removal of the run's inputs, cleaning each file directly with the run's plugins."""
    cleaner = Cleaner(plugins_dirs=[plugins])
    per_rule: Counter = Counter()
    results = []
    for folder in INPUTS:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():  # the run cleans every file of the folders, whatever its suffix
                result = cleaner.clean(path.read_bytes(), name=str(path))
                per_rule.update(r.rule for r in result.removed)
                results.append(result)
    return per_rule, results


def test_the_run_report_carries_the_review(run):
    report, review = run["report"], run["report"]["review"]
    per_rule, results = _direct(run["plugins"])
    assert report["removals_per_rule"] == dict(per_rule)
    assert sum(review["removals_per_site"].values()) == report["removals"] == sum(per_rule.values())
    assert sum(review["documents_per_site"].values()) == report["documents"]
    assert review["flags"] == dict(Counter(f for r in results for f in r.flags))
    removed_texts = {(r.rule, " ".join(r.text.split())) for res in results for r in res.removed}
    for rule, samples in review["samples"].items():
        assert len(samples) == min(SAMPLES_PER_RULE, per_rule[rule]), rule
        for s in samples:
            assert (rule, s["text"]) in removed_texts
    assert set(review["samples"]) == set(per_rule)


def test_the_html_shows_every_rule_its_samples_and_the_charts(run):
    report, page = run["report"], lxml.html.fromstring(run["html"])
    per_rule = report["removals_per_rule"]
    rules = page.cssselect("section.rule")
    assert [s.get("data-rule") for s in rules] == sorted(per_rule, key=lambda r: (-per_rule[r], r))
    assert len(page.cssselect(".sample")) == sum(min(SAMPLES_PER_RULE, n) for n in per_rule.values())
    for section in rules:
        for sample in section.cssselect(".sample mark.cut"):
            assert sample.text_content() in {s["text"] for s in report["review"]["samples"][section.get("data-rule")]}
    bars = {g.get("data-name"): int(g.get("data-value")) for g in page.cssselect("#per-rule svg g.bar")}
    assert bars == per_rule  # fewer rules than CHART_BARS here
    sites = {g.get("data-name"): int(g.get("data-value")) for g in page.cssselect("#per-site svg g.bar")}
    assert sites == {k: v for k, v in report["review"]["removals_per_site"].items() if v}
    flags = {g.get("data-name"): int(g.get("data-value")) for g in page.cssselect("#flagged svg g.bar")}
    assert flags == report["review"]["flags"] and flags


def test_the_html_is_self_contained(run):
    page = lxml.html.fromstring(run["html"])
    assert not page.xpath("//link | //img | //iframe | //object | //embed | //*[@src]")
    assert "url(" not in run["html"] and "@import" not in run["html"]
    assert not [a for a in page.xpath("//a/@href") if not a.startswith("#")]


def test_learned_rules_are_marked_and_silent_rules_listed(run):
    page = lxml.html.fromstring(run["html"])
    silent = [li.text_content() for li in page.cssselect("#never-fired li")]
    assert "harbour_gazette/evening-briefing" + "learned: review" in silent
    assert len(silent) > 50  # the bundled plugins' rules that these few articles do not trigger
    assert not set(run["report"]["removals_per_rule"]) & {s.removesuffix("learned: review") for s in silent}
    learned = [li.text_content() for li in page.cssselect("#learned li")]
    assert learned == ["harbour_gazette/evening-briefing 0 removals"]


def test_cleanser_report_renders_the_same_file(run, tmp_path):
    out = tmp_path / "again.html"
    assert main(["report", str(run["tmp"] / "run.json"), "-o", str(out), "--plugins-dir", str(run["plugins"])]) == 0
    assert out.read_text(encoding="utf-8") == run["html"]


def test_a_report_without_review_or_with_new_fields_still_renders(tmp_path):
    old = {"documents": 3, "removals": 4, "removals_per_rule": {"ft/a": 3, "generic/b": 1}, "elapsed_seconds": 1.0,
           "a_field_from_later": {"x": [1, 2]}}
    page = lxml.html.fromstring(render_report(old))
    assert [s.get("data-rule") for s in page.cssselect("section.rule")] == ["ft/a", "generic/b"]
    assert len(page.cssselect("#per-rule svg g.bar")) == 2
    assert "not in this report" in page.cssselect("#per-site")[0].text_content()
    assert not page.cssselect(".sample")
    (tmp_path / "bad.json").write_text("[1, 2]")
    assert main(["report", str(tmp_path / "bad.json"), "-o", str(tmp_path / "x.html")]) == 1
    assert not (tmp_path / "x.html").exists()


def test_review_merge_stays_bounded():
    cleaner = Cleaner()
    text = ("Sign up for our newsletter\n\nThe council approved the budget on Tuesday after a long debate about "
            "the cost of repairs to the town's two libraries.\n")
    parts = []
    for i in range(5):
        r = Review()
        r.add(f"doc{i}", cleaner.clean(text))
        parts.append(r)
    total = Review()
    for r in parts:
        total.merge(r)
    assert total.documents_per_site["(no site)"] == 5
    assert total.removals_per_site["(no site)"] == 5
    assert [s["document"] for s in total.samples["generic/newsletter-signup"]] == ["doc0", "doc1", "doc2"]


def test_explain_html_marks_every_removal_with_its_rule(capsys):
    page_path = ROOT / "tests/pages/ft-port-strike.html"
    assert main(["explain", "--html", str(page_path)]) == 0
    page = lxml.html.fromstring(capsys.readouterr().out)
    result = Cleaner().clean(page_path.read_bytes())
    marks = page.cssselect("article.doc mark.cut")
    assert [m.get("data-rule") for m in marks] == [r.rule for r in result.removed]
    assert len(marks) >= 5
    kept = " ".join(p.text_content() for p in page.cssselect("article.doc p"))
    for line in result.text.splitlines():
        if line.strip():
            assert line.lstrip("#> -").strip() in kept


def test_every_refusal_is_listed_with_the_guards_reason(tmp_path):
    # A budget of almost nothing: the guard refuses the removals of an article of 120 words or more.
    args = [str(ROOT / "corpus/articles"), "-o", str(tmp_path / "out"), "--report", str(tmp_path / "run.json"),
            "--report-html", str(tmp_path / "r.html"), "--budget", "0.001", "-q", "--jobs", "1"]
    assert main(["clean", *args]) == 0
    report = json.loads((tmp_path / "run.json").read_text())
    assert report["refused"] > 0 and report["review"]["refused_total"] == report["refused"]
    page = lxml.html.fromstring((tmp_path / "r.html").read_text(encoding="utf-8"))
    rows = page.cssselect("#refused tr.refused-row")
    assert len(rows) == report["refused"]
    assert all(row.cssselect("td")[3].text_content().strip() for row in rows)
    assert report["review"]["flags"].get("guard", 0) > 0  # the guard flags the documents it refused removals in
