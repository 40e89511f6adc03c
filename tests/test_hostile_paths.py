"""Issue 17, items 1-3 and 10: a batch run writes only inside its output, never over an input, keeps file modes, and
reports a path it cannot read instead of aborting the run."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from cleanser.batch import runner as batch
from cleanser.batch.work import Options

TEXT = "The council met on Tuesday to discuss the budget. Members voted to approve the plan.\n"
PROMO = "Sign up for our newsletter to get the latest news in your inbox.\n"


def run(inputs: list[str], output: str | None = None, **kw) -> int:
    plan = batch.Plan(inputs=inputs, output=output, options=Options(), jobs=1, progress=False, quiet=True, **kw)
    return batch.run(plan)


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_dot_and_dotdot_inputs_are_mirrored_inside_the_output(tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "here").mkdir(parents=True)
    (work / "here" / "a.txt").write_text(TEXT)
    (work / "b.txt").write_text(TEXT)
    monkeypatch.chdir(work / "here")
    before = files_under(tmp_path)
    assert run(["a.txt", ".", ".."], "../../out/") == 0
    # Nothing new anywhere but in out/: '.' is mirrored as 'here', '..' as 'work'.
    new = files_under(tmp_path) - before
    assert new and all(p.startswith("out/") for p in new), new
    assert {"out/a.txt", "out/here/a.txt", "out/work/b.txt", "out/work/here/a.txt"} <= new


def test_an_output_that_is_an_input_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(TEXT + PROMO)
    with pytest.raises(batch.UsageError, match="--in-place"):
        run(["a.txt"], "./a.txt")
    assert Path("a.txt").read_text() == TEXT + PROMO
    Path("d").mkdir()
    Path("d/x.txt").write_text(TEXT)
    with pytest.raises(batch.UsageError, match="--in-place"):
        run(["d"], "d/all.jsonl")  # inside the folder being read
    with pytest.raises(batch.UsageError, match="--in-place"):
        run(["d"], "d/")  # the folder mirrored onto itself
    with pytest.raises(batch.UsageError, match="--in-place"):
        run(["d/x.txt"], "d/")  # the file mirrored onto itself
    assert files_under(tmp_path) == {"a.txt", "d/x.txt"}


def test_in_place_keeps_the_mode_and_skips_a_read_only_file(tmp_path):
    ro, rw = tmp_path / "ro.txt", tmp_path / "rw.txt"
    for p in (ro, rw):
        p.write_text(TEXT + PROMO)
    ro.chmod(0o444)
    rw.chmod(0o640)
    errors = tmp_path / "errors.jsonl"
    assert run([str(tmp_path)], in_place=True, include=["*.txt"], errors=str(errors)) == 1
    assert ro.read_text() == TEXT + PROMO and stat.S_IMODE(ro.stat().st_mode) == 0o444
    assert not (tmp_path / "ro.txt.orig").exists()
    assert rw.read_text() == TEXT.rstrip("\n") + "\n" and stat.S_IMODE(rw.stat().st_mode) == 0o640
    reasons = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(Path(r["file"]).name, "read-only" in r["reason"]) for r in reasons] == [("ro.txt", True)]


def test_a_mirrored_file_keeps_its_source_mode(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT)
    (src / "a.txt").chmod(0o604)
    assert run([str(src)], str(tmp_path / "out") + "/") == 0
    assert stat.S_IMODE((tmp_path / "out" / "a.txt").stat().st_mode) == 0o604


def test_a_symlink_loop_is_reported_and_the_rest_is_cleaned(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT)
    (src / "sub" / "b.txt").write_text(TEXT)
    os.symlink("..", src / "sub" / "loop")
    errors = tmp_path / "errors.jsonl"
    assert run([str(src)], str(tmp_path / "out") + "/", errors=str(errors)) == 1
    assert files_under(tmp_path / "out") == {"a.txt", "sub/b.txt"}
    (entry,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert entry["file"].endswith("sub/loop") and "loop" in entry["reason"]


def test_an_unreadable_folder_is_reported_and_the_rest_is_cleaned(tmp_path, monkeypatch):
    src = tmp_path / "src"
    (src / "locked").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT)
    (src / "locked" / "b.txt").write_text(TEXT)
    real_scandir = os.scandir

    def scandir(path):  # what a folder without read permission gives (root may read any folder, so simulated)
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("cleanser.batch.records.os.scandir", scandir)
    errors = tmp_path / "errors.jsonl"
    assert run([str(src)], str(tmp_path / "out") + "/", errors=str(errors)) == 1
    assert files_under(tmp_path / "out") == {"a.txt"}
    (entry,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert entry["file"].endswith("locked") and "Permission denied" in entry["reason"]


def test_in_place_in_a_read_only_folder_is_reported_and_the_rest_is_cleaned(tmp_path):
    src = tmp_path / "src"
    (src / "ro").mkdir(parents=True)
    (src / "a.txt").write_text(TEXT + PROMO)
    (src / "ro" / "b.txt").write_text(TEXT + PROMO)
    (src / "ro" / "b.txt").chmod(0o444)
    errors = tmp_path / "errors.jsonl"
    assert run([str(src)], in_place=True, errors=str(errors)) == 1
    assert (src / "a.txt").read_text() == TEXT.rstrip("\n") + "\n"
    assert "ro/b.txt" in errors.read_text()
