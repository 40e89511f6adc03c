"""Issue 17, smaller items: a backup made while the disk fills up leaves nothing (not an empty `.orig` that sends
the real backup to `.orig.1`), and the temporary files of a killed run are removed by the next run of the same
output, and only those."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from cleanser.batch import runner as batch
from cleanser.batch.work import Options
from cleanser.files import StaleTemps, backup

TEXT = "The council met on Tuesday to discuss the budget. Members voted to approve the plan.\n"
PROMO = "Sign up for our newsletter to get the latest news in your inbox.\n"


def run(inputs: list[str], output: str | None = None, **kw) -> int:
    plan = batch.Plan(inputs=inputs, output=output, options=Options(), jobs=1, progress=False, quiet=True, **kw)
    return batch.run(plan)


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def full_disk(monkeypatch):
    """Copying data fails as on a full disk, after the copy's file was created (as `open(..., "wb")` does), and no
    hard link can be made to the file being backed up (a file system without them): the backup must copy."""

    def copy_that_fails(src, dst, *args, **kwargs):
        Path(dst).touch()
        _disk_full()

    def copyfileobj_that_fails(src, dst, *args, **kwargs):
        dst.write(src.read(10))
        _disk_full()

    real_link = os.link

    def link(src, dst, *args, **kwargs):
        if not str(src).endswith(".tmp"):
            raise OSError(errno.EPERM, "no hard links here")
        return real_link(src, dst, *args, **kwargs)

    for name in ("copy2", "copyfile", "copy"):
        monkeypatch.setattr(shutil, name, copy_that_fails)
    monkeypatch.setattr(shutil, "copyfileobj", copyfileobj_that_fails)
    monkeypatch.setattr(os, "link", link)
    return monkeypatch


def test_a_backup_that_fails_on_a_full_disk_leaves_nothing(tmp_path, full_disk):
    f = tmp_path / "f.txt"
    f.write_text(TEXT + PROMO)
    with pytest.raises(OSError) as caught:
        backup(f)
    assert caught.value.errno == errno.ENOSPC
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]
    full_disk.undo()  # space is freed
    assert backup(f).name == "f.txt.orig" and (tmp_path / "f.txt.orig").read_text() == TEXT + PROMO


def test_in_place_on_a_full_disk_then_again_keeps_one_whole_backup(tmp_path, full_disk):
    f = tmp_path / "f.txt"
    f.write_text(TEXT + PROMO)
    with pytest.raises(OSError):
        run([str(f)], in_place=True)
    assert f.read_text() == TEXT + PROMO
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["f.txt"]
    full_disk.undo()
    assert run([str(f)], in_place=True) == 0
    assert f.read_text() == TEXT
    assert (tmp_path / "f.txt.orig").read_text() == TEXT + PROMO
    assert not (tmp_path / "f.txt.orig.1").exists()


def test_a_backup_by_hard_link_survives_the_rewrite_and_never_replaces_another(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text("first")
    assert backup(f).name == "f.txt.orig"
    from cleanser.files import atomic_write

    atomic_write(f, "second")
    assert (tmp_path / "f.txt.orig").read_text() == "first"
    assert backup(f).name == "f.txt.orig.1"
    atomic_write(f, "third")
    assert [(tmp_path / n).read_text() for n in ("f.txt.orig", "f.txt.orig.1", "f.txt")] == ["first", "second", "third"]


def test_stale_temporary_files_of_a_killed_run_are_removed_by_the_next_run(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT + PROMO)
    (src / "b.txt").write_text(TEXT + PROMO)
    out = tmp_path / "out"
    out.mkdir()
    # What a run killed while writing leaves: atomic_write's temporaries, beside outputs of this run and others.
    ours = [out / ".a.txt.k3j_9x0q.tmp", out / ".b.txt.abcdefgh.tmp"]
    theirs = [
        out / ".c.txt.abcdefgh.tmp",  # an output this run does not write
        out / ".a.txt.ABCDEFGH.tmp",  # not mkstemp's alphabet
        out / ".a.txt.abc.tmp",  # not its length
        out / "a.txt.abcdefgh.tmp",  # not hidden
        out / ".a.txt.abcdefgh.tmp.keep",
        out / "notes.tmp",
    ]
    for p in ours + theirs:
        p.write_text("stale")
    assert run([str(src)], str(out) + "/") == 0
    assert (out / "a.txt").read_text() == TEXT and (out / "b.txt").read_text() == TEXT
    assert not any(p.exists() for p in ours)
    assert all(p.read_text() == "stale" for p in theirs)


def test_stale_temporary_files_in_place_and_of_the_checkpoint(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text(TEXT + PROMO)
    (tmp_path / ".f.txt.0123abcd.tmp").write_text("stale")
    (tmp_path / ".f.txt.orig.0123abcd.tmp").write_text("stale")  # a backup copy cut short
    checkpoint = tmp_path / "run.ckpt"
    (tmp_path / ".run.ckpt.zz99zz99.tmp").write_text("stale")
    (tmp_path / ".other.ckpt.zz99zz99.tmp").write_text("someone else's")
    assert run([str(f)], in_place=True, checkpoint=str(checkpoint)) == 0
    assert f.read_text() == TEXT
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [".other.ckpt.zz99zz99.tmp", "f.txt", "f.txt.orig"]


def test_stale_temps_lists_each_folder_once(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / f".{name}.aaaaaaaa.tmp").write_text("")
    listed = []
    real = os.listdir
    monkeypatch.setattr(os, "listdir", lambda p: listed.append(p) or real(p))
    stale = StaleTemps()
    assert [p.name for p in stale.remove(tmp_path / "a")] == [".a.aaaaaaaa.tmp"]
    assert [p.name for p in stale.remove(tmp_path / "b")] == [".b.aaaaaaaa.tmp"]
    assert stale.remove(tmp_path / "a") == [] and len(listed) == 1
