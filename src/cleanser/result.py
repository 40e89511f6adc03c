"""What `cleanser.clean` returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .document import BLANK, Document, Removal
from .write import writers


@dataclass
class Result:
    document: Document
    url: str | None = None
    site: str | None = None  # the matched site plugin's name
    rulesets: tuple[str, ...] = ()  # every rule set applied (generic, site, syndicated sources)
    html_removals: list[Removal] = field(default_factory=list)
    links: bool = False  # keep links in `markdown` and `html` (and list them in `blocks`)

    @cached_property
    def text(self) -> str:
        return writers.to_text(self.document)

    @cached_property
    def markdown(self) -> str:
        return writers.to_markdown(self.document, links=self.links)

    @cached_property
    def html(self) -> str:
        return writers.to_html(self.document, links=self.links)

    @cached_property
    def audit(self) -> list[Removal]:
        """Every removal a rule made, applied or refused by the guard, in document order."""
        seen: dict[int, Removal] = {id(r): r for r in self.html_removals}
        for block in self.document.blocks:
            if block.removal is not None:
                seen.setdefault(id(block.removal), block.removal)
        for removal in self.document.removals:
            seen.setdefault(id(removal), removal)
        return list(seen.values())

    @property
    def removed(self) -> list[Removal]:
        """The removals applied: one entry per removal, with the rule, plugin, text and position."""
        return [r for r in self.audit if r.refused is None]

    @property
    def refused(self) -> list[Removal]:
        return [r for r in self.audit if r.refused is not None]

    @property
    def flags(self) -> dict[str, str]:
        """Flag name to the reason it was set: `paywalled`, `truncated`, `guard`; `{}` when none was."""
        return self.document.flags

    @property
    def metadata(self) -> dict[str, Any]:
        """title, byline, published (ISO 8601 when it parses), site_name, canonical_url, language, description;
        None where the page does not say (a text input has no metadata)."""
        return self.document.metadata

    @property
    def blocks(self) -> list[dict[str, Any]]:
        return [
            {
                "kind": b.kind,
                "text": b.text,
                **({"level": b.level} if b.level else {}),
                **({"ordered": True} if b.ordered else {}),
                **({"rows": b.rows} if b.rows else {}),
                **({"links": [{"text": t, "href": h} for t, h in b.links]} if self.links and b.links else {}),
            }
            for b in self.document.blocks
            if b.removal is None and b.kind != BLANK
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "site": self.site,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "refused": [r.to_dict() for r in self.refused],
            "flags": dict(self.flags),
            "metadata": dict(self.metadata),
            "blocks": self.blocks,
            "source": self.document.source,
            "layout": self.document.layout,
            "rulesets": list(self.rulesets),
        }
