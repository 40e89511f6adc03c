"""The Dask path, on a local cluster: partitions of JSON Lines and WARC files, a user's own bag, and resuming."""

from __future__ import annotations

import gzip
import json

import dask.bag as db
import pytest
from conftest import run_cli
from distributed import Client, LocalCluster
from test_archive import PAGE, make_warc, write_jsonl
from test_batch import corpus_records, expected_text

from cleanser.batch.dask import STATE_DIR, _key, clean_bag, clean_files
from cleanser.batch.work import Stats


@pytest.fixture(scope="module")
def client():
    # Threads in this process: a real scheduler and worker, without the seconds that starting processes takes.
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_files_split_into_partitions_clean_in_order(tmp_path, client):
    lines: list = list(corpus_records(60))
    lines.insert(45, "{broken")  # line 46, in a later partition than the first
    (tmp_path / "in").mkdir()
    dump = write_jsonl(tmp_path / "in" / "dump.jsonl", lines)
    write_jsonl(tmp_path / "in" / "small.jsonl.gz", corpus_records(3), gz=True)
    make_warc(tmp_path / "in" / "crawl.warc.gz", [("https://www.ft.com/content/one", PAGE, "text/html")])
    (tmp_path / "in" / "notes.txt").write_text("Not an archive: left to cleanser clean.\n")
    out = tmp_path / "out"
    blocksize = dump.stat().st_size // 5 + 1  # five partitions of the big file
    stats, errors = clean_files([tmp_path / "in"], out, client=client, blocksize=blocksize)
    parts = sorted(p.name for p in out.iterdir())
    assert parts == ["crawl.warc.jsonl.gz", *(f"dump.{i:05d}.jsonl" for i in range(5)), "small.jsonl.gz"]
    got = [o for i in range(5) for o in read_jsonl(out / f"dump.{i:05d}.jsonl")]
    assert got[45] == {"cleanser": {"error": got[45]["cleanser"]["error"], "line": "{broken"}}  # kept, in place
    del got[45]
    assert [o["id"] for o in got] == list(range(60))
    assert all(o["text"] == expected_text(o) and o["source_name"] == f"feed-{o['id'] % 3}" for o in got)
    assert (stats.documents, stats.failed) == (60 + 1 + 3 + 1, 1)
    small = [json.loads(x) for x in gzip.decompress((out / "small.jsonl.gz").read_bytes()).decode().splitlines()]
    (page,) = [json.loads(x) for x in gzip.decompress((out / "crawl.warc.jsonl.gz").read_bytes()).decode().splitlines()]
    assert page["url"] == "https://www.ft.com/content/one" and page["text"].startswith("Harbour works")
    assert stats.removals == sum(len(o["cleanser"]["removed"]) for o in [*got, *small, page])
    assert errors == tmp_path / "out.errors.jsonl"
    (error,) = read_jsonl(errors)
    assert (error["record"], error["reason"].split(":")[0]) == (46, "not valid JSON")
    assert not (out / ".cleanser-dask").exists()


def test_resume_skips_partitions_already_written(tmp_path, client):
    dump = write_jsonl(tmp_path / "dump.jsonl", corpus_records(40))
    out = tmp_path / "out"
    blocksize = dump.stat().st_size // 4 + 1
    clean_files([dump], out, client=client, blocksize=blocksize)
    # As a killed run leaves it: part 2 never written, the others complete, the state folder still there.
    state = out / STATE_DIR
    state.mkdir()
    for i in (0, 1, 3):
        manifest = state / f"{_key({'target': str(out / f'dump.{i:05d}.jsonl')})}.json"
        manifest.write_text(json.dumps(Stats(documents=10).to_dict()))
    (out / "dump.00002.jsonl").unlink()
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl")}
    stats, _ = clean_files([dump], out, client=client, blocksize=blocksize, resume=True)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.jsonl") if p.name in before} == before
    assert [o["id"] for i in range(4) for o in read_jsonl(out / f"dump.{i:05d}.jsonl")] == list(range(40))
    assert stats.documents == 30 + len(read_jsonl(out / "dump.00002.jsonl"))  # 3 parts said 10 each; 1 was cleaned


def test_a_users_own_bag(client):
    records = corpus_records(6)
    items = [*records, records[0]["text"], {"id": "no text"}, 42]
    bag = db.from_sequence(items, npartitions=3)
    out = clean_bag(bag, format="markdown").compute()
    assert [o.get("id") for o in out[:6]] == list(range(6))
    assert [o["text"] for o in out[:6]] == [expected_text(r) for r in records]
    assert list(out[0]) == [*records[0], "cleanser"] and "markdown" in out[0]["cleanser"]
    assert out[6]["text"] and out[6]["url"] is None  # a plain document: cleanser's result
    assert out[7] == {"id": "no text", "cleanser": {"error": "no document: the field 'html' or 'text' is missing"}}
    assert out[8] == {"error": "a int, not a dict, str or bytes"}
    assert records[0]["text"] in items  # the caller's dicts are not changed


def test_cli_scheduler_on_a_local_cluster(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", [*corpus_records(8), "[]"])
    out = tmp_path / "out"
    proc = run_cli("clean", str(dump), "-o", str(out), "--scheduler", "local", "--jobs", "1",
                   "--report", str(tmp_path / "r.json"))
    assert proc.returncode == 1, proc.stderr.decode()  # the "[]" line
    *got, bad = read_jsonl(out / "dump.jsonl")
    assert [o["id"] for o in got] == list(range(8)) and bad["cleanser"]["line"] == "[]"
    report = json.loads((tmp_path / "r.json").read_text())
    assert (report["documents"], report["failed"], report["scheduler"]) == (9, 1, "local")
    assert run_cli("clean", str(dump), "--scheduler", "local").returncode == 2  # needs -o FOLDER
