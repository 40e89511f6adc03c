"""cleanser.datatrove.CleanserStep under datatrove's LocalPipelineExecutor: JSONL documents in, JSONL out, stats.
Needs the `datatrove` extra (`pip install 'cleanser[datatrove]'`; .ci/run installs it)."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="the datatrove step needs the extra: pip install 'cleanser[datatrove]'")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleanser import Cleaner
from cleanser.datatrove import CleanserStep

ROOT = Path(__file__).resolve().parents[1]


def _documents() -> list[dict]:
    """The corpus articles (text, with their URL), the seed, and the example HTML pages of tests/pages."""
    docs = []
    for path in sorted((ROOT / "corpus/articles").glob("*.input.txt")):
        stem = path.name.removesuffix(".input.txt")
        url_file = path.with_name(stem + ".url")
        metadata = {"url": url_file.read_text().strip()} if url_file.exists() else {}
        docs.append({"id": stem, "text": path.read_text(encoding="utf-8"), "metadata": metadata})
    docs.append({"id": "seed", "text": (ROOT / "corpus/seed/ft-white-house-watch.txt").read_text(encoding="utf-8")})
    for path in sorted((ROOT / "tests/pages").glob("*.html")):
        docs.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "metadata": {}})
    return docs


def _run(tmp: Path, docs: list[dict], *, tasks: int, workers: int, **step: object) -> tuple[dict, list]:
    source = tmp / "in"
    source.mkdir()
    # Two shards, so that two tasks each read one.
    for shard in range(2):
        with open(source / f"part-{shard}.jsonl", "w", encoding="utf-8") as f:
            for doc in docs[shard::2]:
                f.write(json.dumps(doc) + "\n")
    executor = LocalPipelineExecutor(
        [JsonlReader(str(source)), CleanserStep(**step), JsonlWriter(str(tmp / "out"))],
        tasks=tasks, workers=workers, logging_dir=str(tmp / "logs"),
    )
    executor.run()
    out = {}
    for path in sorted((tmp / "out").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                out[record["id"]] = record
    stats = json.loads((tmp / "logs/stats.json").read_text())
    return out, stats


def _step_stats(stats: list) -> dict:
    step = next(s for s in stats if "cleanser" in s["name"])
    return {k: (v["total"] if isinstance(v, dict) else v) for k, v in step["stats"].items()}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    docs = _documents()
    out, stats = _run(tmp_path_factory.mktemp("datatrove"), docs, tasks=2, workers=2)
    return docs, out, stats


def test_every_document_cleaned_as_cleanser_cleans_it(run):
    docs, out, _ = run
    assert out.keys() == {d["id"] for d in docs}
    cleaner = Cleaner()
    for doc in docs:
        result = cleaner.clean(doc["text"], (doc.get("metadata") or {}).get("url"))
        record = out[doc["id"]]
        assert record["text"] == result.text, doc["id"]
        audit = record["metadata"]["cleanser"]
        assert audit["site"] == result.site
        assert [(r["rule"], r["text"]) for r in audit["removed"]] == [(r.rule, r.text) for r in result.removed]
        assert [r["reason"] for r in audit["refused"]] == [r.refused for r in result.refused]
        assert audit["flags"] == dict(result.flags)
        assert record["metadata"].get("url") == (doc.get("metadata") or {}).get("url")


def test_corpus_articles_come_out_as_expected(run):
    _, out, _ = run
    checked = 0
    for expected in sorted((ROOT / "corpus/articles").glob("*.expected.txt")):
        assert out[expected.name.removesuffix(".expected.txt")]["text"].strip() == \
            expected.read_text(encoding="utf-8").strip(), expected.name
        checked += 1
    assert checked >= 10


def test_stats_are_datatroves(run):
    docs, out, stats = run
    counts = _step_stats(stats)
    audits = [r["metadata"]["cleanser"] for r in out.values()]
    assert counts["total"] == len(docs)
    removed = [r for a in audits for r in a["removed"]]
    assert removed and counts["removed"] == len(removed)
    assert counts["removed_chars"] == sum(len(r["text"]) for r in removed)
    flags = Counter(f for a in audits for f in a["flags"])
    assert flags, "the example pages include a paywalled one"
    assert {k.removeprefix("flagged_"): v for k, v in counts.items() if k.startswith("flagged_")} == dict(flags)
    assert "errors" not in counts


def test_markdown_and_drop_empty(tmp_path):
    docs = [
        {"id": "article", "text": (ROOT / "tests/pages/ft-port-strike.html").read_text(encoding="utf-8"),
         "metadata": {}},
        {"id": "empty", "text": "   ", "metadata": {}},
    ]
    out, stats = _run(tmp_path, docs, tasks=1, workers=1, markdown=True, drop_empty=True, audit_key=None)
    assert set(out) == {"article"}
    page = docs[0]["text"]
    assert out["article"]["text"] == Cleaner().clean(page).markdown
    assert "cleanser" not in out["article"]["metadata"]
    assert _step_stats(stats)["dropped"] == 1
