"""What `learn` found: one `SiteModel` per site, and the `Learning` of a whole archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .templates import Candidate

if TYPE_CHECKING:
    from .holdout import HeldBack
    from .verify import Check


@dataclass
class SiteModel:
    """What was learned for one site."""

    domain: str
    name: str
    documents: int  # documents of the site read
    used: int  # documents learned from (at most settings.max_docs)
    threshold: int  # documents a candidate needed
    candidates: list[Candidate]  # rules and review, most supported first
    below: list[Candidate]  # recurring, but in fewer documents than the threshold
    fixtures: list[dict] = field(default_factory=list)
    check: Check | None = None
    notes: list[str] = field(default_factory=list)
    duplicates: int = 0  # documents not learned from: exact or near duplicates of one that was (dedup.py)
    near_duplicates: int = 0  # of them, near duplicates
    held: HeldBack | None = None  # documents held back from mining, cleaned with the plugin: what stays
    cleaners: dict = field(default_factory=dict, repr=False, compare=False)  # verify.learned_cleaner's cache

    @property
    def rules(self) -> list[Candidate]:
        return [c for c in self.candidates if c.is_rule]

    @property
    def review(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.is_rule]


@dataclass
class Learning:
    """What was learned from an archive, site by site, and what was not learned from."""

    sites: list[SiteModel]
    too_small: dict[str, int]  # sites with fewer documents than min_docs
    without_site: int  # documents with no URL and no --site
    errors: list[str]  # records that could not be read
    unnamed: dict[str, int] = field(default_factory=dict)  # documents of hosts no plugin can be named for
