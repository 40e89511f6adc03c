"""A run killed at any moment (SIGKILL of a real process) or stopped with Ctrl-C finishes with --resume, every
record written exactly once; a final output never appears before the run is complete."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from conftest import cleanser_cmd, run_cli
from test_archive import write_jsonl
from test_batch import ARTICLES, corpus_records, expected_text

SLOW = {"CLEANSER_TEST_DELAY": "0.01"}  # seconds per record: slow enough to be killed half way


def big_records(n: int) -> list[dict]:
    """Records of about 8 KB, so that a run has many chunks (and so many checkpoints) to be killed between."""
    return [{**r, "padding": "x" * 6000} for r in corpus_records(n)]


def start(*args: str, env: dict | None = None, log: Path) -> subprocess.Popen:
    with open(log, "ab") as fh:
        return subprocess.Popen([*cleanser_cmd(), *args], stdout=fh, stderr=fh, stdin=subprocess.DEVNULL,
                                env={**os.environ, **(env or {})}, start_new_session=True)


def wait_until_done(checkpoint: Path, at_least: int, proc: subprocess.Popen, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be stopped"
        try:
            done = json.loads(checkpoint.read_text())["done"]
        except (OSError, ValueError):
            done = 0
        if done >= at_least:
            return done
        time.sleep(0.02)
    raise AssertionError(f"no checkpoint past {at_least} records in {timeout} s")


def kill(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> int:
    os.killpg(proc.pid, sig)  # the whole process group: the runner and its workers
    return proc.wait(timeout=60)


def test_killed_twice_then_resumed_writes_every_record_once(tmp_path):
    records = big_records(600)
    lines: list = list(records)
    for at in (450, 120, 5):  # bad lines, to check the errors file is resumed exactly once too
        lines.insert(at, "{broken json")
    dump = write_jsonl(tmp_path / "dump.jsonl", lines)
    out = tmp_path / "out.jsonl"
    checkpoint = tmp_path / ".out.jsonl.cleanser-checkpoint.json"
    log = tmp_path / "log.txt"
    args = ("clean", str(dump), "-o", str(out), "--jobs", "2", "--report", str(tmp_path / "report.json"))

    first = start(*args, env=SLOW, log=log)
    wait_until_done(checkpoint, 100, first)
    assert kill(first) == -signal.SIGKILL
    assert not out.exists() and not (tmp_path / "report.json").exists()  # nothing that looks complete
    assert (tmp_path / ".out.jsonl.partial").exists()

    second = start(*args, "--resume", env=SLOW, log=log)
    done = json.loads(checkpoint.read_text())["done"]
    wait_until_done(checkpoint, done + 150, second)
    kill(second)
    assert not out.exists()

    proc = run_cli(*args, "--resume")
    assert proc.returncode == 1, log.read_text() + proc.stderr.decode()  # the three bad lines
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [i for i, o in enumerate(got) if "id" not in o] == [5, 121, 452]  # the bad lines, written through
    got = [o for o in got if "id" in o]
    assert [o["id"] for o in got] == list(range(600))
    assert all(o["text"] == expected_text(o) for o in got[::37])
    errors = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [e["record"] for e in errors] == [6, 122, 453]
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["documents"], report["failed"]) == (603, 3)
    assert not checkpoint.exists() and not (tmp_path / ".out.jsonl.partial").exists()


def test_ctrl_c_stops_cleanly_and_resumes(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", big_records(300))
    out = tmp_path / "out.txt"
    checkpoint = tmp_path / ".out.txt.cleanser-checkpoint.json"
    log = tmp_path / "log.txt"
    args = ("clean", str(dump), "-o", str(out), "--format", "text", "--jobs", "2")
    proc = start(*args, env=SLOW, log=log)
    wait_until_done(checkpoint, 60, proc)
    assert kill(proc, signal.SIGINT) == 130
    message = log.read_text()
    assert "interrupted: run the same command with --resume to finish" in message and "Traceback" not in message
    assert not out.exists() and checkpoint.exists()
    resumed = run_cli(*args, "--resume")
    assert resumed.returncode == 0, resumed.stderr.decode()
    texts = out.read_text(encoding="utf-8")
    assert texts == "\n\n".join(expected_text(r) for r in corpus_records(300)) + "\n"


def test_mirror_killed_and_resumed_equals_an_uninterrupted_run(tmp_path):
    tree = tmp_path / "in"
    (tree / "docs").mkdir(parents=True)
    for i in range(40):
        (tree / "docs" / f"{i:03d}.txt").write_bytes(ARTICLES[i % len(ARTICLES)].read_bytes())
    write_jsonl(tree / "a.jsonl", big_records(150))
    write_jsonl(tree / "b.jsonl.gz", big_records(150), gz=True)
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    assert run_cli("clean", str(tree), "-o", str(whole), "-q").returncode == 0
    checkpoint = tmp_path / ".cut.cleanser-checkpoint.json"
    log = tmp_path / "log.txt"
    args = ("clean", str(tree), "-o", str(cut), "--jobs", "2", "-q")
    for at_least in (30, 120, 250):  # in the documents, in a.jsonl, in b.jsonl.gz
        proc = start(*args, "--resume", env=SLOW, log=log)
        wait_until_done(checkpoint, at_least, proc)
        kill(proc)
    assert run_cli(*args, "--resume").returncode == 0, log.read_text()

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert files(cut) == files(whole)
    assert len(files(whole)) == 42 and not checkpoint.exists()


def test_a_new_run_without_resume_starts_afresh(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", big_records(200))
    out = tmp_path / "out.jsonl"
    checkpoint = tmp_path / ".out.jsonl.cleanser-checkpoint.json"
    proc = start("clean", str(dump), "-o", str(out), "--jobs", "2", env=SLOW, log=tmp_path / "log.txt")
    wait_until_done(checkpoint, 40, proc)
    kill(proc)
    other = run_cli("clean", str(dump), "-o", str(out), "--format", "markdown", "--resume")
    assert other.returncode == 2 and "other inputs or options" in other.stderr.decode()
    again = run_cli("clean", str(dump), "-o", str(out))
    assert again.returncode == 0 and "interrupted run's state is discarded" in again.stderr.decode()
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == list(range(200))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.jsonl", "log.txt", "out.jsonl"]
