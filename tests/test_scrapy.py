"""cleanser.scrapy.CleanserPipeline in a real Scrapy crawl of a local site (tests/scrapy_crawl.py), no network
beyond 127.0.0.1. Needs the `scrapy` extra (`pip install 'cleanser[scrapy]'`; .ci/run installs it)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("scrapy", reason="the Scrapy pipeline needs the extra: pip install 'cleanser[scrapy]'")

from cleanser import Cleaner

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from scrapy_crawl import ROOT, site_pages  # noqa: E402


def _crawl(tmp: Path, *args: str) -> dict:
    out = tmp / "crawl.json"
    proc = subprocess.run([sys.executable, str(HERE / "scrapy_crawl.py"), "--out", str(out), *args],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> dict:
    return _crawl(tmp_path_factory.mktemp("scrapy"))


@pytest.fixture(scope="module")
def pages() -> dict:
    return {p.name: p for p in site_pages()}


def _by_page(crawl: dict) -> dict[str, dict]:
    return {item["page"]: item for item in crawl["items"]}


def test_every_page_is_cleaned_whatever_the_item_type(crawl, pages):
    items = _by_page(crawl)
    assert set(items) == set(pages)
    assert len(crawl["items"]) == len(pages)
    assert Counter(i["type"] for i in crawl["items"]).keys() == {"dict", "ArticleItem", "ArticleRecord"}
    for name, item in items.items():
        assert "error" not in item["cleanser"], (name, item["cleanser"])
        assert isinstance(item["text"], str) and item["text"].strip(), name
        assert isinstance(item["markdown"], str), name


def test_items_match_cleaning_the_page_directly(crawl, pages):
    cleaner = Cleaner()
    for name, item in _by_page(crawl).items():
        page = pages[name]
        result = cleaner.clean(page.body.decode("utf-8") if "utf-8" in page.content_type else page.body, page.url)
        assert item["text"] == result.text, name
        assert item["markdown"] == result.markdown, name
        assert item["cleanser"]["site"] == result.site, name
        assert [r["rule"] for r in item["cleanser"]["removed"]] == [r.rule for r in result.removed], name
        assert item["cleanser"]["flags"] == dict(result.flags), name


def test_corpus_articles_come_out_as_expected(crawl):
    items = _by_page(crawl)
    checked = 0
    for expected in sorted((ROOT / "corpus/articles").glob("*.expected.txt")):
        item = items[f"articles/{expected.name.replace('.expected.txt', '.input.txt')}"]
        assert item["text"].strip() == expected.read_text(encoding="utf-8").strip(), expected.name
        checked += 1
    assert checked >= 10


def test_site_fixtures_lose_their_boilerplate(crawl):
    fixtures = [i for i in crawl["items"] if i["page"].startswith("fixtures/")]
    assert len(fixtures) >= 10
    with_removals = [i for i in fixtures if i["cleanser"]["removed"]]
    assert len(with_removals) >= len(fixtures) // 2
    assert all(i["cleanser"]["site"] == i["page"].split("/")[1] for i in with_removals)


def test_the_declared_encoding_reaches_the_text(crawl):
    item = _by_page(crawl)["encoding/cp1252.html"]
    assert "Café society" in item["text"]
    assert "naïve résumé of a señor who ran a café – and “why”" in item["text"]


def test_stats_in_scrapys_collector(crawl):
    stats, items = crawl["stats"], crawl["items"]
    assert stats["cleanser/items"] == len(items) == stats["item_scraped_count"]
    removed = [r for i in items for r in i["cleanser"]["removed"]]
    assert removed and stats["cleanser/removed"] == len(removed)
    assert stats["cleanser/removed_words"] == sum(len(r["text"].split()) for r in removed)
    assert stats.get("cleanser/refused", 0) == sum(len(i["cleanser"]["refused"]) for i in items)
    flags = Counter(f for i in items for f in i["cleanser"]["flags"])
    assert {k.removeprefix("cleanser/flagged/"): v for k, v in stats.items() if k.startswith("cleanser/flagged/")} \
        == dict(flags)
    sites = Counter(i["cleanser"]["site"] for i in items if i["cleanser"]["site"])
    assert {k.removeprefix("cleanser/site/"): v for k, v in stats.items() if k.startswith("cleanser/site/")} \
        == dict(sites)
    assert "cleanser/errors" not in stats


def test_a_process_pool_gives_the_same_items(tmp_path, crawl):
    other = _crawl(tmp_path, "--pool", "process", "--workers", "2")
    assert _by_page(other).keys() == _by_page(crawl).keys()
    for name, item in _by_page(other).items():
        assert item["text"] == _by_page(crawl)[name]["text"], name
    assert other["stats"]["cleanser/removed"] == crawl["stats"]["cleanser/removed"]


SLOW_PLUGIN = '''
import time

from cleanser import hookimpl


@hookimpl
def cleanser_process_document(document, site):
    time.sleep(0.5)  # a slow page
'''


def test_cleaning_does_not_block_the_reactor(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "slow_pages.py").write_text(SLOW_PLUGIN)
    args = ("--pages", "4", "--plugins-dir", str(plugins))
    pooled = _crawl(tmp_path, *args)
    assert pooled["stats"]["cleanser/items"] == 4
    control = _crawl(tmp_path, *args, "--sync-control")  # cleaning in process_item, as naive glue does
    assert control["reactor_max_stall"] >= 0.45  # the measurement sees a blocked reactor
    assert pooled["reactor_max_stall"] < 0.3
