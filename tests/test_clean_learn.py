"""`cleanser clean ARCHIVE --learn`: a first pass learns each host's recurring boilerplate, the second cleans with
it too; `--learned-dir`, the report's `learned` section, `--jobs`, `--resume` after a kill, and Dask."""

from __future__ import annotations

import json
import random
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import run_cli
from test_archive import write_jsonl
from test_batch_resume import kill, start
from test_learn import make_archive
from test_learn_archives import prose, recrawled_archive, title

from cleanser.batch.learned import MANIFEST, STATE_SUFFIX, learn_first, learn_on_dask
from cleanser.batch.plan import Plan
from cleanser.batch.work import Options
from cleanser.learn import LearnSettings


def archive_records(gazette: int = 100) -> list[dict]:
    """A gazette with 8 promo templates, a release-notes site crawled many times over, and a host with too few
    documents to learn from."""
    rng = random.Random(4)
    records = [{"url": a.url, "text": a.text} for a in make_archive(gazette, seed=6)]
    records += [{"url": u, "text": t} for u, t in recrawled_archive(copies=12, unique=30)]
    records += [{"url": f"https://tiny.example/{i}", "text": "\n".join([title(rng), *prose(rng)])} for i in range(3)]
    random.Random(1).shuffle(records)
    return [{"id": i, **r} for i, r in enumerate(records)]


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("learn") / "dump.jsonl", archive_records())


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clean_learn_removes_each_hosts_boilerplate_and_reports_it(tmp_path, dump):
    out, report, learned = tmp_path / "out.jsonl", tmp_path / "report.json", tmp_path / "learned"
    proc = run_cli("clean", str(dump), "--learn", "--learned-dir", str(learned), "--report", str(report),
                   "-j", "1", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "learned: 2 hosts with rules" in proc.stderr.decode()
    got = read_jsonl(out)
    assert [r["id"] for r in got] == list(range(len(got)))
    gazette = [r for r in got if "harbourgazette" in r["url"]]
    texts = "\n".join(r["text"] for r in gazette)
    for promo in ("newsletter for free", "Download the Harbour Gazette app", "Listen to this article"):
        assert promo not in texts
    assert "By Mara Quist" in texts  # a byline recurs too, and stays
    notes = "\n".join(r["text"] for r in got if "devnotes" in r["url"])
    assert "Devnotes digest" not in notes and "Workers" in notes and "Fixed the missing avatar on mobile" in notes

    section = json.loads(report.read_text())["learned"]
    assert section["learned"] == ["devnotes.example", "harbourgazette.example"]
    assert section["too_few"] == {"tiny.example": 3}
    hosts = section["hosts"]
    gaz, dev = hosts["harbourgazette.example"], hosts["devnotes.example"]
    assert gaz["plugin"] == "harbourgazette" and gaz["records"] == 100 and gaz["status"] == "learned"
    assert all(rule["removed"] > 0 for rule in gaz["rules"]) and len(gaz["rules"]) >= 6
    per_rule = json.loads(report.read_text())["removals_per_rule"]
    assert gaz["removed"] == sum(n for rule, n in per_rule.items() if rule.startswith("harbourgazette/"))
    assert gaz["held_back"]["documents"] > 0 and gaz["held_back"]["refused"] == 0
    # 4 articles crawled 12 times each: 44 records count once (40 exact copies as they stream by, the 4 edited
    # versions when the host is learned: 38 sampled).
    assert dev["records"] == 78 and dev["duplicates"] == 44 and dev["sampled"] == 38
    assert section["rules"] == len(gaz["rules"]) + len(dev["rules"]) and section["reused"] is False
    assert not any(p.name.endswith(STATE_SUFFIX) for p in tmp_path.iterdir())  # the state goes with the run

    # What was learned is an ordinary plugin folder: a plain clean with it gives the same texts.
    assert sorted(p.name for p in learned.iterdir()) == ["devnotes.toml", "harbourgazette.toml"]
    again = tmp_path / "again.jsonl"
    proc = run_cli("clean", str(dump), "--plugins-dir", str(learned), "-j", "1", "-o", str(again))
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["text"] for r in read_jsonl(again)] == [r["text"] for r in got]

    # Two jobs: the first pass reads and learns in worker processes; the same rules, the same output.
    two = tmp_path / "two.jsonl"
    proc = run_cli("clean", str(dump), "--learn", "-j", "2", "-o", str(two), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["text"] for r in read_jsonl(two)] == [r["text"] for r in got]


def test_learned_rules_rank_below_the_sites_own_plugin(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", [{"url": a.url, "text": a.text} for a in make_archive(100, seed=2)])
    own = tmp_path / "own"
    own.mkdir()
    (own / "harbourgazette.toml").write_text(
        'name = "harbourgazette"\ndomains = ["harbourgazette.example"]\n\n[[rule]]\nid = "app"\nkind = "line"\n'
        'match = "Download the Harbour Gazette app for {name}"\n', encoding="utf-8")
    report = tmp_path / "report.json"
    proc = run_cli("clean", str(dump), "--learn", "--plugins-dir", str(own), "-j", "1", "-o",
                   str(tmp_path / "out.jsonl"), "--report", str(report))
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(report.read_text())
    gaz = data["learned"]["hosts"]["harbourgazette.example"]
    assert gaz["plugin"] == "harbourgazette-learned"  # beside the site's own plugin, under its own name
    app = [r for r in gaz["rules"] if r["match"].startswith("Download the Harbour Gazette app")]
    # Both match the app promo: the site's own rule takes every one, the learned rule none.
    assert app and app[0]["removed"] == 0 and data["removals_per_rule"]["harbourgazette/app"] > 20
    assert sum(r["removed"] for r in gaz["rules"]) > 100


def test_resume_reuses_the_first_pass(tmp_path):
    # Records of about 7 KB, so that the second pass has several chunks (and checkpoints) to be killed between.
    dump = write_jsonl(tmp_path / "dump.jsonl", [{**r, "padding": "x" * 6000} for r in archive_records()])
    out = tmp_path / "out.jsonl"
    checkpoint = tmp_path / ".out.jsonl.cleanser-checkpoint.json"
    state = tmp_path / f".out.jsonl{STATE_SUFFIX}"
    report = tmp_path / "report.json"
    args = ("clean", str(dump), "--learn", "-o", str(out), "--jobs", "1", "--report", str(report))
    log = tmp_path / "log.txt"
    first = start(*args, env={"CLEANSER_TEST_DELAY": "0.02"}, log=log)
    deadline = time.monotonic() + 60
    while not checkpoint.exists():  # the first pass is over and the second has saved a checkpoint
        assert first.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.05)
    assert kill(first) == -signal.SIGKILL
    manifest = json.loads((state / MANIFEST).read_text())
    assert sorted(p.name for p in state.glob("*.toml")) == ["devnotes.toml", "harbourgazette.toml"]

    proc = run_cli(*args, "--resume")
    assert proc.returncode == 0, log.read_text() + proc.stderr.decode()
    assert "reused from the interrupted run" in proc.stderr.decode()
    section = json.loads(report.read_text())["learned"]
    assert section["reused"] is True and section["first_pass_seconds"] == round(manifest["seconds"], 3)
    got = read_jsonl(out)
    assert [r["id"] for r in got] == list(range(len(got)))
    assert not any("newsletter for free" in r["text"] for r in got)
    assert not state.exists() and not checkpoint.exists()

    # Without --resume, a stale state is not reused: the run learns again.
    state.mkdir()
    (state / MANIFEST).write_text(json.dumps(manifest))
    plan = Plan(inputs=[str(dump)], options=Options(format="json"), output=str(out), jobs=1)
    assert learn_first(plan).reused is False
    assert learn_first(replace(plan, resume=True)).reused is True


def test_learn_needs_inputs_it_can_read_twice(tmp_path, dump):
    proc = run_cli("clean", "--learn", "--input-format", "jsonl", input=dump.read_bytes()[:2000])
    assert proc.returncode == 2 and b"standard input" in proc.stderr
    proc = run_cli("clean", str(dump), "--learned-dir", str(tmp_path / "x"), "-o", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 2 and b"go with --learn" in proc.stderr


def test_first_pass_on_dask_is_a_per_host_reduction(tmp_path, dump):
    distributed = pytest.importorskip("distributed")
    plan = Plan(inputs=[str(dump)], options=Options(format="json"), output=str(tmp_path / "out"), jobs=1)
    # Small partitions: every host's sample is merged from several of them.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c, \
            distributed.Client(c):
        hosts, info = learn_on_dask(plan, LearnSettings(), 300, None, blocksize=dump.stat().st_size // 4 + 1)
    assert info["partitions"] == 4
    gaz, dev = hosts["harbourgazette.example"], hosts["devnotes.example"]
    assert gaz["records"] == 100 and gaz["status"] == "learned" and len(gaz["rules"]) >= 6
    assert dev["records"] == 78 and dev["duplicates"] == 44 and dev["sampled"] == 38
    assert hosts["tiny.example"]["status"] == "too few documents"

    # The whole command on Dask's synchronous scheduler: both passes.
    out, report = tmp_path / "cli", tmp_path / "report.json"
    proc = run_cli("clean", str(dump), "--learn", "--scheduler", "sync", "-o", str(out), "--report", str(report))
    assert proc.returncode == 0, proc.stderr.decode()
    got = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()]
    assert len(got) == 181 and not any("newsletter for free" in r["text"] for r in got)
    assert json.loads(report.read_text())["learned"]["hosts"]["harbourgazette.example"]["removed"] > 300
