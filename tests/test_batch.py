"""`cleanser clean` on archives: every input kind into every output kind, bad records, workers, reports."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, run_cli
from test_archive import PAGE, make_warc, write_jsonl

from cleanser.batch import runner as batch
from cleanser.batch.records import FieldNames
from cleanser.batch.work import Options

ARTICLES = sorted((CORPUS / "articles").glob("*.input.txt"))
NEGATIVE = sorted((CORPUS / "negative").glob("*.txt"))


def case(path: Path) -> tuple[str, str, str]:
    """(input text, url, expected text) of a corpus article."""
    stem = str(path)[: -len(".input.txt")]
    return (path.read_text(encoding="utf-8"), Path(stem + ".url").read_text(encoding="utf-8").strip(),
            Path(stem + ".expected.txt").read_text(encoding="utf-8"))


def corpus_records(n: int) -> list[dict]:
    """n JSON Lines records cycling through the corpus, each with an id and a field to carry through."""
    out = []
    for i in range(n):
        text, url, _ = case(ARTICLES[i % len(ARTICLES)])
        out.append({"id": i, "text": text, "url": url, "source_name": f"feed-{i % 3}"})
    return out


def expected_text(record: dict) -> str:
    return case(ARTICLES[record["id"] % len(ARTICLES)])[2]


def leftovers(folder: Path) -> list[str]:
    """Hidden partials, temporary files and checkpoints that a finished run must not leave behind."""
    return sorted(p.name for p in folder.rglob(".*") if p.is_file())


def test_folder_is_mirrored_file_by_file(tmp_path):
    tree = tmp_path / "scrape"
    (tree / "world").mkdir(parents=True)
    for path in ARTICLES[:4]:
        shutil.copy(path, tree / path.name)
    for path in ARTICLES[4:6]:
        (tree / "world" / (path.name + ".gz")).write_bytes(gzip.compress(path.read_bytes()))
    out = tmp_path / "clean"
    proc = run_cli("clean", str(tree), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == sorted([p.name for p in ARTICLES[:4]] + [f"world/{p.name}.gz" for p in ARTICLES[4:6]])
    for path in ARTICLES[:4]:
        assert (out / path.name).read_text(encoding="utf-8") == case(path)[2]  # no final newline in, none out
    for path in ARTICLES[4:6]:
        assert gzip.decompress((out / "world" / (path.name + ".gz")).read_bytes()).decode() == case(path)[2]
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "clean.errors.jsonl").exists()
    assert "6 documents" in proc.stderr.decode() and "removals per rule:" in proc.stderr.decode()


def test_folder_globs_and_several_inputs_nest_in_the_mirror(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        shutil.copy(ARTICLES[0], folder / "story.txt")
        (folder / "notes.md").write_text("Remember to check the quotes.\n", encoding="utf-8")
    single = tmp_path / "single.txt"
    shutil.copy(ARTICLES[1], single)
    out = tmp_path / "out"
    proc = run_cli("clean", str(a), str(b), str(single), "--include", "*.txt", "-o", str(out) + "/", "-q")
    assert proc.returncode == 0 and proc.stderr == b""
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a/story.txt", "b/story.txt", "single.txt"]
    assert run_cli("clean", str(a), str(tmp_path / "x" / "a"), "-o", str(out)).returncode == 2  # same names


def run_plan(inputs, output=None, **kwargs) -> int:
    options = kwargs.pop("options", Options(format=None))
    return batch.run(batch.Plan(inputs=[str(i) for i in inputs], output=str(output) if output else None,
                                options=options, progress=False, quiet=True, **kwargs))


def test_jsonl_to_jsonl_in_input_order_with_two_workers(tmp_path):
    records = corpus_records(120)
    dump = write_jsonl(tmp_path / "dump.jsonl", records)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run_plan([dump], one, jobs=1) == 0
    # Small chunks, so that dozens of chunks are in flight across the two workers and come back out of order.
    assert run_plan([dump], two, jobs=2, chunk_records=3, report=str(tmp_path / "report.json")) == 0
    assert two.read_bytes() == one.read_bytes()
    out = [json.loads(line) for line in two.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == list(range(120))
    assert all(o["source_name"] == f"feed-{o['id'] % 3}" for o in out)  # carried through untouched
    assert all(o["text"] == expected_text(o) for o in out)
    assert all({"url", "site", "removed", "flags", "refused"} <= set(o["cleanser"]) for o in out)
    assert all(list(o) == [*records[o["id"]], "cleanser"] for o in out)  # the record's keys, in its order
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["documents"] == 120 and report["failed"] == 0 and report["jobs"] == 2
    assert report["removals"] == sum(len(o["cleanser"]["removed"]) for o in out)
    assert report["removals_per_rule"]["ft/newsletter-unlock"] == sum(
        r["rule"] == "ft/newsletter-unlock" for o in out for r in o["cleanser"]["removed"])
    assert report["bytes"] == sum(len(r["text"].encode()) for r in records)
    assert leftovers(tmp_path) == []


def test_jsonl_html_field_other_names_and_markdown(tmp_path):
    dump = write_jsonl(tmp_path / "pages.jsonl.gz", [
        {"page": PAGE, "link": "https://www.ft.com/content/harbour", "n": 1}], gz=True)
    out = tmp_path / "out.jsonl"
    options = Options(format="markdown", names=FieldNames(text="body", html="page", url="link"))
    assert run_plan([dump], out, options=options) == 0
    (obj,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert list(obj) == ["page", "link", "n", "body", "cleanser"]  # the HTML stays; the text is added, in `body`
    assert obj["n"] == 1 and obj["link"] == "https://www.ft.com/content/harbour" and obj["cleanser"]["site"] == "ft"
    assert obj["cleanser"]["markdown"].startswith("# Harbour works to start in June")
    assert "Home | World" not in obj["body"] and obj["page"] == PAGE


def test_warc_to_stdout_as_json_lines(tmp_path):
    crawl = make_warc(tmp_path / "crawl.warc.gz", [
        ("https://www.ft.com/content/one", PAGE, "text/html"),
        ("https://example.org/style.css", "body {}", "text/css"),
        ("https://example.org/two", PAGE.replace("Harbour", "Quay"), "text/html"),
    ])
    proc = run_cli("clean", str(crawl))
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["url"] for o in out] == ["https://www.ft.com/content/one", "https://example.org/two"]
    assert out[0]["cleanser"]["site"] == "ft" and out[0]["text"].startswith("Harbour works to start in June")
    assert out[1]["text"].startswith("Quay works") and out[0]["warc_record_id"] != out[1]["warc_record_id"]
    mirror = tmp_path / "mirror"
    assert run_cli("clean", str(tmp_path), "-o", str(mirror), "-q").returncode == 0
    lines = gzip.decompress((mirror / "crawl.warc.jsonl.gz").read_bytes()).decode().splitlines()
    assert [json.loads(line)["url"] for line in lines] == [o["url"] for o in out]


def test_stdin_plain_jsonl_and_warc(tmp_path):
    text, url, expected = case(ARTICLES[0])
    proc = run_cli("clean", "--url", url, input=text.encode())
    assert proc.stdout.decode() == expected + "\n"
    records = corpus_records(5)
    lines = "".join(json.dumps(r) + "\n" for r in records).encode()
    proc = run_cli("clean", "--input-format", "jsonl", input=lines)
    assert [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()] == [0, 1, 2, 3, 4]
    proc = run_cli("clean", "-", "--input-format", "jsonl", "--format", "text", input=lines)
    assert proc.stdout.decode() == "\n\n".join(expected_text(r) for r in records) + "\n"
    crawl = make_warc(tmp_path / "c.warc.gz", [("https://www.ft.com/content/one", PAGE, "text/html")])
    proc = run_cli("clean", "--format", "json", input=crawl.read_bytes())  # recognised by its first bytes
    assert json.loads(proc.stdout)["url"] == "https://www.ft.com/content/one"


def test_in_place_with_backups_and_idempotent(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    for path in ARTICLES[:3]:
        (tree / path.name).write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    clean_one = tree / NEGATIVE[0].name
    shutil.copy(NEGATIVE[0], clean_one)
    write_jsonl(tree / "dump.jsonl", [*corpus_records(4), "{broken"])
    make_warc(tree / "crawl.warc", [("https://example.org/a", PAGE, "text/html")], gz=False)
    before = {p.name: p.read_bytes() for p in tree.iterdir()}
    proc = run_cli("clean", str(tree), "--in-place")
    assert proc.returncode == 1  # the WARC file cannot be cleaned in place, and says so
    assert "crawl.warc, record 1: WARC files are not cleaned in place" in proc.stderr.decode()
    for path in ARTICLES[:3]:
        assert (tree / path.name).read_text(encoding="utf-8") == case(path)[2] + "\n"
        assert (tree / (path.name + ".orig")).read_bytes() == before[path.name]
    assert clean_one.read_bytes() == before[clean_one.name]  # nothing to remove: untouched, no backup
    assert not (tree / (clean_one.name + ".orig")).exists()
    assert (tree / "dump.jsonl.orig").read_bytes() == before["dump.jsonl"]
    *cleaned, kept = (tree / "dump.jsonl").read_text().splitlines()
    assert [json.loads(x)["text"] for x in cleaned] == [expected_text(r) for r in corpus_records(4)]
    assert json.loads(kept)["cleanser"]["line"] == "{broken"  # a record that could not be cleaned is kept
    assert (tree / "crawl.warc").read_bytes() == before["crawl.warc"]
    errors = [json.loads(x) for x in (tmp_path / "tree.errors.jsonl").read_text().splitlines()]
    assert [(Path(e["file"]).name, e["record"]) for e in errors] == [("crawl.warc", 1), ("dump.jsonl", 5)]
    # Again: the text files are clean already, so nothing changes and no second backup is made.
    snapshot = {p.name: p.read_bytes() for p in tree.iterdir() if p.suffix != ".jsonl"}
    run_cli("clean", str(tree), "--in-place", "--exclude", "*.jsonl", "--exclude", "*.warc")
    assert {p.name: p.read_bytes() for p in tree.iterdir() if p.suffix != ".jsonl"} == snapshot


def test_dry_run_and_diff_write_nothing(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    seed = CORPUS / "seed" / "ft-white-house-watch.txt"
    shutil.copy(seed, tree / "seed.txt")
    shutil.copy(NEGATIVE[0], tree / "clean.txt")
    before = sorted(tmp_path.rglob("*"))
    dry = run_cli("clean", str(tree), "--dry-run", "-o", str(tmp_path / "out"))
    assert dry.returncode == 0 and sorted(tmp_path.rglob("*")) == before
    report = dry.stdout.decode()
    assert f"== {tree / 'seed.txt'}: 3 removals" in report and "clean.txt" not in report
    assert "- [ft/newsletter-unlock; line, top] Unlock the White House Watch newsletter for free" in report
    assert "(dry run: nothing written)" in dry.stderr.decode()
    diff = run_cli("clean", str(tree), "--diff").stdout.decode()
    assert diff.startswith(f"--- a/{tree / 'seed.txt'}\n+++ b/{tree / 'seed.txt'}\n@@")
    assert "\n-Unlock the White House Watch newsletter for free\n" in diff
    assert "\n-Read the full article here" in diff
    assert [line for line in diff.splitlines()[2:] if line.startswith("+")] == []  # lines only go
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("</article>", "<div class='o-share'>Share on X</div></article>"))
    diff = run_cli("clean", str(page), "--diff", "--url", "https://www.ft.com/content/x").stdout.decode()
    assert "\n-Share on X" in diff and " Fishing crews will moor" in diff


def test_a_bad_record_of_each_kind_is_listed_and_the_run_goes_on(tmp_path):
    tree = tmp_path / "in"
    tree.mkdir()
    shutil.copy(ARTICLES[0], tree / "a-good.txt")
    (tree / "b-image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write_jsonl(tree / "c-dump.jsonl", [*corpus_records(2), "{broken", {"id": 9, "text": "Fine."}])
    make_warc(tree / "d-crawl.warc.gz", [
        ("https://example.org/ok", PAGE, "text/html"),
        ("https://example.org/bin", b"\x00\x01\x02 binary posing as a page", "text/html"),
        ("https://example.org/ok2", PAGE, "text/html"),
    ])
    whole = gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in corpus_records(40)))
    (tree / "e-cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "all.jsonl"
    proc = run_cli("clean", str(tree), "-o", str(out), "--report", str(tmp_path / "report.json"), "--jobs", "2")
    assert proc.returncode == 1
    errors = [json.loads(x) for x in (tmp_path / "all.jsonl.errors.jsonl").read_text().splitlines()]
    got = [(Path(e["file"]).name, e["record"], e["reason"].split(":")[0]) for e in errors]
    assert got[:4] == [
        ("b-image.png", 1, "binary data (NUL bytes), not a text or HTML document"),
        ("c-dump.jsonl", 3, "not valid JSON"),
        ("d-crawl.warc.gz", 5, "binary data (NUL bytes), not a text or HTML document"),
        ("e-cut.jsonl.gz", got[3][1], "cannot be read"),
    ]
    assert len(errors) == 4 and errors[2]["url"] == "https://example.org/bin"
    written = [json.loads(x) for x in out.read_text().splitlines()]
    cut_good = got[3][1] - 1
    # Every archive record is written, a failed one with its reason; a plain file that failed is not.
    assert len(written) == 1 + 4 + 3 + cut_good + 1
    assert written[0]["file"] == str(tree / "a-good.txt") and written[5]["url"] == "https://example.org/ok"
    assert written[3]["cleanser"]["error"].startswith("not valid JSON") and written[3]["cleanser"]["line"] == "{broken"
    assert written[6]["cleanser"]["error"].startswith("binary data") and written[6]["url"] == "https://example.org/bin"
    assert written[-1]["cleanser"]["error"].startswith("cannot be read")
    report = json.loads((tmp_path / "report.json").read_text())
    assert (report["documents"], report["failed"]) == (len(written) + 1, 4)
    assert report["errors_file"] == str(tmp_path / "all.jsonl.errors.jsonl")
    stderr = proc.stderr.decode()
    assert f"{tree / 'c-dump.jsonl'}, record 3: not valid JSON" in stderr and "4 failed" in stderr


def test_a_record_that_kills_its_worker_is_reported_and_the_run_goes_on(tmp_path):
    records = corpus_records(400)  # several chunks, so that worker processes do the work
    records[217]["text"] += "\nCRASH-THIS-WORKER"
    dump = write_jsonl(tmp_path / "dump.jsonl", records)
    out = tmp_path / "out.jsonl"
    proc = run_cli("clean", str(dump), "-o", str(out), "--jobs", "2", env={"CLEANSER_TEST_CRASH": "CRASH-THIS-WORKER"})
    assert proc.returncode == 1, proc.stderr.decode()
    written = [json.loads(x) for x in out.read_text().splitlines()]
    assert [o["id"] for o in written] == list(range(400))  # the record that killed a worker is written through
    assert written[217]["cleanser"] == {"error": "the worker process died while cleaning it"}
    assert written[217]["text"] == records[217]["text"]
    (error,) = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert (error["record"], error["reason"], error["id"]) == (218, "the worker process died while cleaning it", 217)


def test_stream_output_is_atomic_and_a_stale_errors_file_goes(tmp_path):
    out = tmp_path / "out.txt"
    stale = tmp_path / "out.txt.errors.jsonl"
    stale.write_text('{"file": "old"}\n')
    proc = run_cli("clean", str(ARTICLES[0]), str(ARTICLES[1]), "-o", str(out), "--url", case(ARTICLES[0])[1])
    assert proc.returncode == 0 and not stale.exists()
    assert out.read_text(encoding="utf-8").startswith(case(ARTICLES[0])[2] + "\n\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_progress_bar_shows_documents_per_second(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", corpus_records(20))
    proc = run_cli("clean", str(dump), "-o", str(tmp_path / "o.jsonl"), "--progress", "--jobs", "1")
    err = proc.stderr.decode()
    assert proc.returncode == 0 and "docs/s" in err and "20 docs" in err and "100%" in err


@pytest.mark.parametrize("args, message", [
    (["--resume"], "--resume needs an output"),
    (["--in-place", "-o", "x"], "--in-place and -o are exclusive"),
    (["-", "--in-place"], "standard input cannot be cleaned in place"),
    (["--dry-run", "--diff"], "exclusive"),
])
def test_options_that_do_not_go_together(args, message):
    proc = run_cli("clean", *args, input=b"text")
    assert proc.returncode == 2 and message in proc.stderr.decode()
