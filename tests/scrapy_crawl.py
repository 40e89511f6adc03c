"""A real Scrapy crawl of a local site, with or without `cleanser.scrapy.CleanserPipeline`.

The site runs on 127.0.0.1 in a thread (http.server): an index page links every page of corpus/ (text articles
served as text/plain, negative HTML pages) and one page per HTML fixture of the bundled plugins, each `--repeat`
times. The spider yields one item per page, rotating dict items, `scrapy.Item` and dataclass items, and the page's
site URL (the index carries it, as a real crawl's own URL would) so the site's rules apply.

    python tests/scrapy_crawl.py --out items.json [--no-pipeline] [--repeat N] [--pool thread|process]

writes {"items": [...], "stats": {...}, "pages": N, "seconds": S} to --out. tests/test_scrapy.py runs it in a
subprocess (a Twisted reactor cannot be restarted in the test process); docs/scrapy.md's figures come from it.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parents[1]


@dataclasses.dataclass
class Page:
    name: str
    body: bytes
    content_type: str
    url: str | None  # the site URL the page was published at


def site_pages() -> list[Page]:
    """corpus/ articles, seed and negative pages, and every bundled plugin's HTML fixtures."""
    from cleanser.plugins.fixtures import default_url
    from cleanser.plugins.manager import load_plugins
    from cleanser.read.text import looks_like_html

    pages: list[Page] = []
    for path in sorted((ROOT / "corpus/articles").glob("*.input.txt")):
        url_file = path.with_name(path.name.removesuffix(".input.txt") + ".url")
        url = url_file.read_text().strip() if url_file.exists() else None
        pages.append(Page(f"articles/{path.name}", path.read_bytes(), "text/plain; charset=utf-8", url))
    pages.append(Page("seed/ft-white-house-watch.txt", (ROOT / "corpus/seed/ft-white-house-watch.txt").read_bytes(),
                      "text/plain; charset=utf-8", None))
    for path in sorted((ROOT / "corpus/negative").glob("*.html")):
        pages.append(Page(f"negative/{path.name}", path.read_bytes(), "text/html; charset=utf-8", None))
    # Declared only by the HTTP header, in a legacy charset: the bytes path must hand the response's encoding on.
    legacy = ("<!doctype html><html><body><article><h1>Caf\u00e9 society</h1><p>The na\u00efve r\u00e9sum\u00e9 of a "
              "se\u00f1or who ran a caf\u00e9 \u2013 and \u201cwhy\u201d it closed, told by its regulars over "
              "thirty years.</p></article></body></html>")
    pages.append(Page("encoding/cp1252.html", legacy.encode("cp1252"), "text/html; charset=windows-1252", None))
    for ruleset in load_plugins(entry_points=False).rulesets():
        for i, fixture in enumerate(ruleset.fixtures):
            if looks_like_html(fixture.input):
                url = fixture.url or default_url(ruleset)
                pages.append(Page(f"fixtures/{ruleset.name}/{i}.html", fixture.input.encode("utf-8"),
                                  "text/html; charset=utf-8", url))
    return pages


def serve(pages: list[Page], repeat: int = 1) -> tuple[ThreadingHTTPServer, str]:
    """Start the site on a free port of 127.0.0.1; returns the server and the index URL."""
    by_path = {f"/{copy}/{p.name}": p for p in pages for copy in range(repeat)}
    links = "\n".join(
        f'<li><a href="{quote(path)}" data-url="{html.escape(p.url or "")}">{html.escape(p.name)}</a></li>'
        for path, p in by_path.items()
    )
    index = f"<!doctype html><html><body><ul>\n{links}\n</ul></body></html>".encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = by_path.get(unquote(self.path))
            if self.path == "/":
                body, ctype = index, "text/html; charset=utf-8"
            elif page is None:
                self.send_error(404)
                return
            else:
                body, ctype = page.body, page.content_type
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def crawl(index_url: str, out: Path, *, pipeline: bool, pool: str = "thread", settings: dict | None = None,
          sync_control: bool = False) -> None:
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class ArticleItem(scrapy.Item):
        url = scrapy.Field()
        page = scrapy.Field()
        html = scrapy.Field()
        body = scrapy.Field()
        encoding = scrapy.Field()
        text = scrapy.Field()
        markdown = scrapy.Field()
        cleanser = scrapy.Field()

    @dataclasses.dataclass
    class ArticleRecord:
        page: str
        url: str | None = None
        html: str | None = None
        body: bytes | None = None
        encoding: str | None = None
        text: str | None = None
        markdown: str | None = None
        cleanser: dict | None = None

    collected: list[dict] = []

    class Collect:
        def process_item(self, item, spider=None):
            from itemadapter import ItemAdapter

            d = ItemAdapter(item).asdict()
            d.pop("body", None)
            d.pop("html", None)
            d["type"] = type(item).__name__
            collected.append(d)
            return item

    class SiteSpider(scrapy.Spider):
        name = "site"
        start_urls = (index_url,)

        def parse(self, response):
            for i, a in enumerate(response.css("a")):
                url = a.attrib.get("data-url") or None
                yield response.follow(a.attrib["href"], self.page, cb_kwargs={"url": url, "n": i})

        def page(self, response, url, n):
            page = response.url.split("/", 4)[-1]
            # Rotate the item types, and the form of the input: str (Scrapy decoded it) or bytes + encoding.
            as_bytes = n % 2 == 0
            fields = ({"body": response.body, "encoding": response.encoding} if as_bytes else
                      {"html": response.text})
            kind = n % 3
            if kind == 0:
                yield {"page": page, "url": url, **fields}
            elif kind == 1:
                yield ArticleItem(page=page, url=url, **fields)
            else:
                yield ArticleRecord(page=page, url=url, **fields)

    class CleanInReactor:
        """The control: cleaning in process_item itself, as naive glue does, blocking the reactor meanwhile."""

        def __init__(self) -> None:
            from cleanser import Cleaner

            self.cleaner = Cleaner(plugins_dirs=(settings or {}).get("CLEANSER_PLUGINS_DIRS", ()))

        def process_item(self, item, spider=None):
            from itemadapter import ItemAdapter

            adapter = ItemAdapter(item)
            data = adapter.get("body") or adapter.get("html")
            adapter["text"] = self.cleaner.clean(data, adapter.get("url")).text
            return item

    pipelines: dict[Any, int] = {Collect: 900}
    if sync_control:
        pipelines[CleanInReactor] = 300
    elif pipeline:
        pipelines["cleanser.scrapy.CleanserPipeline"] = 300
    process = CrawlerProcess({
        "ITEM_PIPELINES": pipelines,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
        "DOWNLOAD_DELAY": 0,
        "CLEANSER_FIELDS": {"input": ["body", "html"], "markdown": "markdown"},
        "CLEANSER_POOL": pool,
        **(settings or {}),
    })
    crawler = process.create_crawler(SiteSpider)
    stall = _watch_reactor(crawler)
    started, cpu = time.perf_counter(), _cpu()
    process.crawl(crawler)
    process.start()
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    stats = {k: (v if isinstance(v, int | float | str) else str(v)) for k, v in crawler.stats.get_stats().items()}
    out.write_text(json.dumps({"items": collected, "stats": stats, "pages": len(collected), "seconds": seconds,
                               "cpu_seconds": cpu, "reactor_max_stall": stall[0]},
                              default=str))


def _watch_reactor(crawler, interval: float = 0.02) -> list[float]:
    """The longest the reactor went without running a 20 ms timer, in seconds beyond those 20 ms (the crawl's;
    filled in as it runs): what a pipeline that cleans in the reactor thread would stretch."""
    from scrapy import signals

    worst, last, loops = [0.0], [0.0], []

    def tick() -> None:
        now = time.perf_counter()
        if last[0]:
            worst[0] = max(worst[0], now - last[0] - interval)
        last[0] = now

    def opened(spider) -> None:
        from twisted.internet import task  # here: Scrapy has installed its reactor by now

        loops.append(task.LoopingCall(tick))
        loops[0].start(interval)

    crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)
    crawler.signals.connect(lambda spider, reason: loops[0].stop(), signal=signals.spider_closed, weak=False)
    return worst


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the process pool's workers, the HTTP server thread
    included): unlike wall time, not inflated by other work on the machine."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-pipeline", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="serve every page this many times (for timing)")
    parser.add_argument("--pool", choices=("thread", "process"), default="thread")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sync-control", action="store_true",
                        help="instead of the pipeline, clean inside process_item (the reactor waits)")
    parser.add_argument("--pages", type=int, default=0, help="serve only the first N pages")
    parser.add_argument("--plugins-dir", action="append", default=[], help="CLEANSER_PLUGINS_DIRS")
    args = parser.parse_args()
    pages = site_pages()[: args.pages or None]
    server, index = serve(pages, args.repeat)
    try:
        crawl(index, args.out, pipeline=not args.no_pipeline, pool=args.pool, sync_control=args.sync_control,
              settings={"CLEANSER_WORKERS": args.workers, "CLEANSER_PLUGINS_DIRS": args.plugins_dir})
    finally:
        server.shutdown()
        server.server_close()
    result = json.loads(args.out.read_text())
    pages = result["pages"]
    how = ("cleaning in process_item" if args.sync_control else "without the pipeline" if args.no_pipeline
           else f"with the pipeline, {args.pool} pool")
    print(f"{pages} pages in {result['seconds']:.2f} s: {pages / result['seconds']:.1f} pages/s, "
          f"{1000 * result['cpu_seconds'] / pages:.1f} ms CPU per page ({how}); "
          f"the reactor stalled {result['reactor_max_stall']:.3f} s at most")


if __name__ == "__main__":
    main()
