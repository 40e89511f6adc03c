"""Issue 17, items 4 and 5: two runs never share an output, and a cluster run never reports records it lost."""

from __future__ import annotations

import pytest
from test_archive import write_jsonl
from test_batch import corpus_records

from cleanser.batch import runner as batch
from cleanser.batch.dask import clean_files
from cleanser.batch.lock import OutputLock, lock_path
from cleanser.batch.runner import UsageError
from cleanser.batch.work import Options


def test_a_second_run_on_the_same_output_fails_at_once(tmp_path):
    dump = tmp_path / "dump.jsonl"
    write_jsonl(dump, corpus_records(3))
    out = tmp_path / "out.jsonl"
    held = OutputLock(out)  # what a first run, still writing, holds
    held.acquire()
    try:
        plan = batch.Plan(inputs=[str(dump)], output=str(out), options=Options(), jobs=1, progress=False, quiet=True)
        with pytest.raises(UsageError, match="another cleanser run"):
            batch.run(plan)
        assert not out.exists()
    finally:
        held.release()
    assert batch.run(plan) == 0  # once the first run is over, the output is free
    assert len(out.read_text().splitlines()) == 3
    assert not lock_path(out).exists()


def test_dask_inputs_of_the_same_name_are_refused_not_overwritten(tmp_path):
    for folder, n in (("a", 5), ("b", 3)):
        (tmp_path / folder).mkdir()
        write_jsonl(tmp_path / folder / "dump.jsonl", corpus_records(n))
    out = tmp_path / "out"
    with pytest.raises(UsageError, match="different names"):
        clean_files([tmp_path / "a" / "dump.jsonl", tmp_path / "b" / "dump.jsonl"], out, scheduler="sync")


def test_dask_folders_of_the_same_content_are_kept_apart(tmp_path):
    for folder, n in (("a", 5), ("b", 3)):
        (tmp_path / folder / "x").mkdir(parents=True)
        write_jsonl(tmp_path / folder / "x" / "dump.jsonl", corpus_records(n))
    out = tmp_path / "out"
    with pytest.raises(UsageError, match="different names"):  # both would be out/x/dump.jsonl
        clean_files([tmp_path / "a" / "x", tmp_path / "b" / "x"], out, scheduler="sync")
    stats, _ = clean_files([tmp_path / "a" / "x", tmp_path / "b"], out, scheduler="sync")
    written = sum(len(p.read_text().splitlines()) for p in out.rglob("*.jsonl"))
    assert stats.documents == written == 8
