"""A datatrove pipeline step that cleans each document's text: `cleanser.datatrove.CleanserStep`.

Put it after a reader (and, for WARC, after an extractor such as `Trafilatura`; or instead of one: given a whole
page, cleanser finds the article itself)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanser.datatrove import CleanserStep

    LocalPipelineExecutor([JsonlReader("crawl/"), CleanserStep(), JsonlWriter("clean/")], tasks=4).run()

`document.text` becomes the clean text (Markdown with `markdown=True`); `document.metadata["cleanser"]` holds the
audit: the site, every removal (rule, text, kind, where), every refusal with the guard's reason, and the flags. The
page's URL, which selects the site's rules, is read from `document.metadata["url"]` (what datatrove's WARC reader
sets). Documents whose text is empty after cleaning are kept unless `drop_empty=True`.

Stats (datatrove's, per step): `total`, `removed` (removals), `removed_chars`, `refused`, `flagged_<flag>`
(paywalled, truncated, guard, ...), `errors` (documents that could not be cleaned: kept as they were, the reason in
the audit), `dropped` with `drop_empty`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from .pipeline import Cleaner
from .settings import Settings


class CleanserStep(PipelineStep):
    name = "🧽 cleanser"
    type = "✂️ - FORMAT"

    def __init__(self, *, generic: str | None = None, plugins_dirs: Iterable[str | Path] = (),
                 settings: Settings | None = None, url_key: str = "url", audit_key: str | None = "cleanser",
                 markdown: bool = False, drop_empty: bool = False):
        super().__init__()
        # Built here, in the process that writes the pipeline, and shipped to datatrove's workers as a plain value.
        self.settings = settings or Settings.from_env(plugins_dirs=plugins_dirs, generic=generic)
        self.url_key = url_key
        self.audit_key = audit_key
        self.markdown = markdown
        self.drop_empty = drop_empty
        self._cleaner: Cleaner | None = None

    def __getstate__(self) -> dict[str, Any]:
        # Workers build their own cleaner (compiled rules do not travel); the settings do.
        return {**self.__dict__, "_cleaner": None}

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(settings=self.settings)
        return self._cleaner

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        cleaner = self.cleaner
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                try:
                    result = cleaner.clean(doc.text, doc.metadata.get(self.url_key) or None, name=str(doc.id))
                except Exception as exc:  # a pathological document must not end the task: keep it, say why
                    self.stat_update("errors")
                    if self.audit_key:
                        doc.metadata[self.audit_key] = {"error": f"{type(exc).__name__}: {exc}"}
                    yield doc
                    continue
                removed = result.removed
                doc.text = result.markdown if self.markdown else result.text
                if self.audit_key:
                    doc.metadata[self.audit_key] = {
                        "site": result.site,
                        "removed": [_entry(r) for r in removed],
                        "refused": [{**_entry(r), "reason": r.refused} for r in result.refused],
                        "flags": dict(result.flags),
                    }
            self.stat_update("removed", value=len(removed))
            self.stat_update("removed_chars", value=sum(len(r.text) for r in removed))
            self.stat_update("refused", value=len(result.refused))
            for flag in result.flags:
                self.stat_update(f"flagged_{flag}")
            if self.drop_empty and not doc.text.strip():
                self.stat_update("dropped")
                continue
            yield doc


def _entry(removal) -> dict[str, Any]:
    return {"rule": removal.rule, "text": removal.text, "kind": removal.kind, "where": removal.where}
