"""A Scrapy item pipeline that cleans each item's article: `cleanser.scrapy.CleanserPipeline`.

Enable it with one line in the project's settings::

    ITEM_PIPELINES = {"cleanser.scrapy.CleanserPipeline": 300}

and yield items that carry the page (`{"url": response.url, "html": response.text}`). The pipeline writes the clean
text (and, when asked, Markdown) and an audit into the item. Settings (all optional; `docs/scrapy.md`):

- `CLEANSER_FIELDS`: which item field holds the input and where results go; the defaults are
  `{"input": "html", "text": "text", "markdown": None, "audit": "cleanser"}`. `input` may also be a list of fields,
  the first one present is used. A result whose field is None is not written.
- `CLEANSER_URL_FIELD` (default "url"): the item field with the page's URL, which selects the site's rules.
- `CLEANSER_ENCODING_FIELD` (default "encoding"): when the input is bytes (`response.body`), the item field with the
  response's declared encoding (`response.encoding`), handed to the decoder.
- `CLEANSER_GENERIC` ("off", "safe" or "aggressive"), `CLEANSER_PLUGINS_DIRS` (a list of plugin folders),
  `CLEANSER_LINKS` (keep links in Markdown).
- `CLEANSER_POOL` ("thread", the default, or "process") and `CLEANSER_WORKERS` (default 2): where cleaning runs.
  Scrapy's reactor never cleans: it hands the item to the pool and goes on downloading.
- `CLEANSER_MAX_PENDING` (default 4 per worker): items handed to the pool at once; further items wait, and Scrapy's
  own back-pressure (`SCRAPER_SLOT_MAX_ACTIVE_SIZE`) slows the downloads down while they do.

Stats go to the crawler's stats collector under `cleanser/`: `items`, `removed`, `removed_words`, `refused`,
`flagged/<flag>` (paywalled, truncated, guard, ...), `site/<site>`, `errors`, `skipped` (no input field).

An item whose cleaning fails is not dropped: its text is left unset, its audit says why, and `cleanser/errors` counts
it. Items of one response still pass through the pipelines in the order Scrapy gives them: an item moves on to the
next pipeline only when it is clean, exactly as with a synchronous pipeline.
"""

from __future__ import annotations

import concurrent.futures as cf
import inspect
import multiprocessing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import defer

from .pipeline import Cleaner
from .settings import GENERIC_LEVELS, Settings

DEFAULT_FIELDS: dict[str, Any] = {"input": ("html", "text"), "text": "text", "markdown": None, "audit": "cleanser"}

# `Cleaner.clean(..., encoding=)` (the transport's charset) arrived after this module; use it when it is there.
_TAKES_ENCODING = "encoding" in inspect.signature(Cleaner.clean).parameters


@dataclass(frozen=True)
class Fields:
    inputs: tuple[str, ...] = ("html", "text")
    text: str | None = "text"
    markdown: str | None = None
    audit: str | None = "cleanser"
    url: str = "url"
    encoding: str = "encoding"

    @classmethod
    def from_settings(cls, fields: Mapping[str, Any] | None, url: str, encoding: str) -> Fields:
        merged = {**DEFAULT_FIELDS, **(fields or {})}
        unknown = set(merged) - set(DEFAULT_FIELDS)
        if unknown:
            raise NotConfigured(f"CLEANSER_FIELDS: unknown keys {sorted(unknown)}; known: {sorted(DEFAULT_FIELDS)}")
        inputs = merged["input"]
        inputs = (inputs,) if isinstance(inputs, str) else tuple(inputs)
        return cls(inputs, merged["text"], merged["markdown"], merged["audit"], url, encoding)


# --- the cleaning itself: runs in a pool thread or a pool process, never in the reactor ---------------------------

_cleaner: Cleaner | None = None


def _start(settings: Settings) -> None:
    """Pool process initializer: load plugins and compile rules once per process."""
    global _cleaner
    _cleaner = Cleaner(settings=settings)


def clean_payload(data: str | bytes, url: str | None, encoding: str | None, want_markdown: bool,
                  cleaner: Cleaner | None = None) -> dict[str, Any]:
    """Clean one input and return what the pipeline writes into the item (plain values: it may cross processes)."""
    cleaner = cleaner or _cleaner
    assert cleaner is not None, "the pool was not started"
    kwargs = {"encoding": encoding} if _TAKES_ENCODING and encoding and isinstance(data, bytes) else {}
    result = cleaner.clean(data, url, name=url or "<item>", **kwargs)
    return {
        "text": result.text,
        "markdown": result.markdown if want_markdown else None,
        "audit": {
            "site": result.site,
            "removed": [r.to_dict() for r in result.removed],
            "refused": [r.to_dict() for r in result.refused],
            "flags": dict(result.flags),
            "metadata": dict(result.metadata),
        },
    }


class CleanserPipeline:
    """Cleans each item's HTML or text off the reactor thread; see the module's docstring for the settings."""

    def __init__(self, settings: Settings, fields: Fields, *, pool: str = "thread", workers: int = 2,
                 max_pending: int | None = None, stats: Any = None):
        if pool not in ("thread", "process"):
            raise NotConfigured(f"CLEANSER_POOL must be 'thread' or 'process', got {pool!r}")
        self.settings = settings
        self.fields = fields
        self.pool = pool
        self.workers = max(1, workers)
        self.stats = stats
        self.slots = defer.DeferredSemaphore(max_pending or 4 * self.workers)
        self.executor: cf.Executor | None = None
        self.cleaner: Cleaner | None = None  # the thread pool's, shared: cleaning does not mutate it

    @classmethod
    def from_crawler(cls, crawler) -> CleanserPipeline:
        s = crawler.settings
        generic = s.get("CLEANSER_GENERIC") or None
        if generic is not None and generic not in GENERIC_LEVELS:
            raise NotConfigured(f"CLEANSER_GENERIC must be one of {', '.join(GENERIC_LEVELS)}, got {generic!r}")
        # The boundary: Scrapy's settings (and the environment's plugin variables) become one Settings value.
        settings = Settings.from_env(
            plugins_dirs=s.getlist("CLEANSER_PLUGINS_DIRS"),
            generic=generic,
            links=s.getbool("CLEANSER_LINKS") or None,
        )
        fields = Fields.from_settings(s.getdict("CLEANSER_FIELDS"), s.get("CLEANSER_URL_FIELD", "url"),
                                      s.get("CLEANSER_ENCODING_FIELD", "encoding"))
        return cls(settings, fields, pool=s.get("CLEANSER_POOL", "thread"), workers=s.getint("CLEANSER_WORKERS", 2),
                   max_pending=s.getint("CLEANSER_MAX_PENDING", 0) or None, stats=crawler.stats)

    def open_spider(self, spider=None) -> None:
        if self.pool == "process":
            # Spawned, not forked: the crawler process runs threads (DNS, the reactor's pool) that a fork would copy
            # mid-flight.
            self.executor = cf.ProcessPoolExecutor(self.workers, multiprocessing.get_context("spawn"),
                                                   initializer=_start, initargs=(self.settings,))
        else:
            self.cleaner = Cleaner(settings=self.settings)
            self.executor = cf.ThreadPoolExecutor(self.workers, thread_name_prefix="cleanser")

    def close_spider(self, spider=None) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.executor = None

    async def process_item(self, item, spider=None):
        adapter = ItemAdapter(item)
        f = self.fields
        name = next((n for n in f.inputs if adapter.get(n) is not None), None)
        if name is None:
            self._inc("skipped")
            return item
        data = adapter[name]
        url = adapter.get(f.url) or None
        encoding = adapter.get(f.encoding) or None
        await maybe_deferred_to_future(self.slots.acquire())
        try:
            out = await maybe_deferred_to_future(self._submit(data, url, encoding))
        except Exception as exc:  # a pathological page must not stop the crawl: say so in the item and the stats
            self._inc("errors")
            if f.audit:
                _set(adapter, f.audit, {"error": f"{type(exc).__name__}: {exc}"})
            return item
        finally:
            self.slots.release()
        self._count(out["audit"])
        if f.text:
            _set(adapter, f.text, out["text"])
        if f.markdown:
            _set(adapter, f.markdown, out["markdown"])
        if f.audit:
            _set(adapter, f.audit, out["audit"])
        return item

    def _submit(self, data, url, encoding) -> defer.Deferred:
        """Hand one input to the pool; the Deferred fires in the reactor thread when it is clean."""
        assert self.executor is not None, "open_spider() was not called"
        want_markdown = bool(self.fields.markdown)
        if self.pool == "process":
            future = self.executor.submit(clean_payload, data, url, encoding, want_markdown)
        else:
            future = self.executor.submit(clean_payload, data, url, encoding, want_markdown, self.cleaner)
        from twisted.internet import reactor  # the one Scrapy installed; importing it earlier could install another

        d: defer.Deferred = defer.Deferred()

        def done(fut: cf.Future) -> None:
            exc = fut.exception()
            if exc is None:
                reactor.callFromThread(d.callback, fut.result())
            else:
                reactor.callFromThread(d.errback, exc)

        future.add_done_callback(done)
        return d

    def _count(self, audit: dict[str, Any]) -> None:
        self._inc("items")
        removed = audit["removed"]
        self._inc("removed", len(removed))
        self._inc("removed_words", sum(len(r["text"].split()) for r in removed))
        self._inc("refused", len(audit["refused"]))
        for flag in audit["flags"]:
            self._inc(f"flagged/{flag}")
        if audit["site"]:
            self._inc(f"site/{audit['site']}")

    def _inc(self, key: str, n: int = 1) -> None:
        if self.stats is not None and n:
            self.stats.inc_value(f"cleanser/{key}", n)


def _set(adapter: ItemAdapter, name: str, value: Any) -> None:
    try:
        adapter[name] = value
    except KeyError:  # a scrapy.Item without that field declared
        raise KeyError(f"cleanser: the item has no field {name!r}: declare it, or map another one in "
                       f"CLEANSER_FIELDS") from None
