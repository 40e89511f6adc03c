"""The record contract (docs/archives.md): an output record is the input record with only its text field changed,
every other field byte for byte in its order, cleanser's results under one key; failed and empty records are kept
(issue 14 items 1, 2, 4 and 5)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import run_cli

from cleanser.archive import iter_records
from cleanser.batch.json_members import scan_object

PROMO = "Sign up for our daily newsletter"  # removed by the generic rules


def _record_line(i: int, rng: random.Random) -> str:
    """One small record, written by hand so that its fields hold what json.dumps would never write: odd number
    spellings, escapes, a lone surrogate, fields named like cleanser's own results, in a shuffled order."""
    text = f"Council meeting {i} approved the new library budget after a long debate."
    kind = i % 10
    if kind == 0:  # HTML, with an empty text field to be replaced
        doc = [('"html"', json.dumps(f"<p>{text}</p><p>{PROMO}</p>")), ('"text"', '""')]
    elif kind == 1:  # an empty HTML field gives way to the text
        doc = [('"html"', '""'), ('"text"', json.dumps(f"{text}\n\n{PROMO}"))]
    elif kind == 2:  # nothing to clean
        doc = [('"html"', '"  "'), ('"text"', '""')]
    else:
        doc = [('"text"', json.dumps(f"{text}\n\n{PROMO}"))]
    fields = [
        ('"id"', str(i)),
        ('"source"', '"wire\\u00e9"'),  # an escape json.dumps would write as é
        ('"site"', '"ours"'),
        ('"metadata"', '{"n": 1.0e3, "z": -0.0, "big": 123456789012345678901234567890}'),
        ('"flags"', "[true, false, null]"),
        ('"removed"', '{"kept": "\\ud83d"}'),  # a lone surrogate escape: UTF-8 cannot hold it decoded
        ('"blocks"', "[]"),
        ('"layout"', '"x"'),
        ('"rulesets"', '"y"'),
        ('"url"', f'"https://www.ehow.example/story-{i}"'),
    ]
    members = fields + doc
    rng.shuffle(members)
    return "{" + ", ".join(f"{k}: {v}" for k, v in members) + "}"


def test_20000_records_round_trip_with_every_field_in_order_and_failed_records_kept(tmp_path):
    rng = random.Random(14)
    lines = [_record_line(i, rng) for i in range(20_000)]
    broken = {4_321: "{not json", 12_345: "[1, 2]", 17_777: '{"id": 17777, "text": 5}'}
    for at, line in broken.items():
        lines[at] = line
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = tmp_path / "report.json"
    proc = run_cli("clean", str(dump), "-o", str(out), "--jobs", "2", "--report", str(report))
    assert proc.returncode == 1, proc.stderr.decode()  # three records failed

    written = out.read_text(encoding="utf-8").splitlines()
    assert len(written) == len(lines)  # one output line per input record, in order
    for i, (line, result) in enumerate(zip(lines, written, strict=True)):
        got = scan_object(result)
        meta = got[-1]
        assert meta.key == "cleanser"
        if i in broken:
            assert "error" in meta.value
            if i == 17_777:
                assert [(m.key, m.raw_value) for m in got[:-1]] == [("id", "17777"), ("text", "5")]
            else:
                assert meta.value["line"] == line
            continue
        given = scan_object(line)
        keys = [m.key for m in given]
        assert [m.key for m in got[:-1]] == keys  # the record's own keys, in its order
        for before, after in zip(given, got, strict=False):
            if before.key != "text":
                assert after.raw_value == before.raw_value, (i, before.key)  # byte for byte
        text = next(m.value for m in got if m.key == "text")
        original = next(m.value for m in given if m.key == "text")
        if i % 10 == 2:
            assert text == original == "" and meta.value == {
                "skipped": "nothing to clean: the fields 'html' and 'text' are empty or missing"}
        else:
            assert text == f"Council meeting {i} approved the new library budget after a long debate."
            assert meta.value["removed"][0]["text"] == PROMO
            assert meta.value["site"] is None and "blocks" not in meta.value

    errors = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [e["record"] for e in errors] == [at + 1 for at in sorted(broken)]
    assert errors[-1]["id"] == 17_777 and "id" not in errors[0]
    summary = json.loads(report.read_text())
    assert summary["documents"] == 20_000
    assert (summary["cleaned"], summary["failed"], summary["skipped"]) == (20_000 - 3 - 2_000, 3, 2_000)


def _dump(tmp_path: Path, records: list[dict], name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_meta_field_renamed_dropped_and_blocks_on_request(tmp_path):
    dump = _dump(tmp_path, [{"id": 1, "text": f"The mayor opened the library.\n\n{PROMO}"}])
    renamed = run_cli("clean", str(dump), "--meta-field", "_clean", "--blocks")
    (obj,) = [json.loads(x) for x in renamed.stdout.decode().splitlines()]
    assert list(obj) == ["id", "text", "_clean"] and obj["text"] == "The mayor opened the library."
    assert obj["_clean"]["blocks"] == [{"kind": "paragraph", "text": "The mayor opened the library."}]
    bare = run_cli("clean", str(dump), "--no-meta")
    assert json.loads(bare.stdout) == {"id": 1, "text": "The mayor opened the library."}


def test_a_field_named_like_the_results_is_an_error_before_the_run(tmp_path):
    dump = _dump(tmp_path, [{"id": 1, "text": "Text.", "cleanser": {"mine": True}}])
    out = tmp_path / "out.jsonl"
    proc = run_cli("clean", str(dump), "-o", str(out))
    assert proc.returncode == 2 and not out.exists()
    assert f"{dump}, record 1: the record already has a field 'cleanser'" in proc.stderr.decode()
    assert "--meta-field" in proc.stderr.decode()
    assert run_cli("clean", str(dump), "-o", str(out), "--meta-field", "cleaned").returncode == 0
    assert json.loads(out.read_text())["cleanser"] == {"mine": True}


def test_an_empty_html_field_falls_back_to_the_text(tmp_path):
    dump = _dump(tmp_path, [
        {"html": "", "text": "The council approved it."},
        {"html": " \n ", "text": "The council approved it again."},
        {"html": "", "text": ""},
        {"html": ""},
    ])
    assert [r.data for r in iter_records(dump)] == ["The council approved it.", "The council approved it again.", "",
                                                    ""]
    proc = run_cli("clean", str(dump), "--report", str(tmp_path / "r.json"))
    assert proc.returncode == 0, proc.stderr.decode()
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o["text"] for o in out[:2]] == ["The council approved it.", "The council approved it again."]
    assert [o["html"] for o in out[:2]] == ["", " \n "]
    assert out[2] == {"html": "", "text": "", "cleanser": out[2]["cleanser"]} and "skipped" in out[2]["cleanser"]
    assert list(out[3]) == ["html", "cleanser"]  # nothing to clean: not even a text field added
    report = json.loads((tmp_path / "r.json").read_text())
    assert (report["documents"], report["cleaned"], report["skipped"], report["failed"]) == (4, 2, 2, 0)


def test_errors_file_names_the_records_id_field(tmp_path):
    dump = _dump(tmp_path, [{"key": "a-1", "text": 3}, {"key": "a-2", "text": "Fine."}])
    out = tmp_path / "out.jsonl"
    assert run_cli("clean", str(dump), "-o", str(out), "--id-field", "key").returncode == 1
    (error,) = [json.loads(x) for x in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert error["id"] == "a-1" and error["record"] == 1
    first, second = [json.loads(x) for x in out.read_text().splitlines()]
    assert first == {"key": "a-1", "text": 3, "cleanser": {"error": first["cleanser"]["error"]}}
    assert second["text"] == "Fine."


def test_json_lines_on_stdin_are_records_not_one_document(tmp_path):
    lines = "".join(json.dumps({"id": i, "text": f"Story {i} of the day.\n\n{PROMO}"}) + "\n" for i in range(3))
    out = tmp_path / "out.jsonl"
    assert run_cli("clean", "-o", str(out), input=lines.encode()).returncode == 0
    assert [json.loads(x)["text"] for x in out.read_text().splitlines()] == [f"Story {i} of the day." for i in range(3)]
    plain = run_cli("clean", input=lines.encode())
    assert [json.loads(x)["id"] for x in plain.stdout.decode().splitlines()] == [0, 1, 2]
    # A text that is not JSON Lines is still one document, and text comes out.
    text = run_cli("clean", input=f"A story.\n\n{PROMO}\n".encode())
    assert text.stdout.decode() == "A story.\n"


def test_a_single_documents_json_is_unchanged(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(f"The mayor opened the library.\n\n{PROMO}\n", encoding="utf-8")
    obj = json.loads(run_cli("clean", str(page), "--format", "json").stdout)
    assert list(obj) == ["file", "url", "site", "text", "removed", "refused", "flags", "metadata", "blocks", "source",
                         "layout", "rulesets"]
