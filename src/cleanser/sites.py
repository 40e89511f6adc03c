"""Which site a document comes from: by the URL's domain, else by fingerprints in its text."""

from __future__ import annotations

from functools import cached_property
from urllib.parse import urlsplit

from .rules import FOLD, RuleSet


class SiteIndex:
    def __init__(self, rulesets: list[RuleSet]):
        self.generic = tuple(rs for rs in rulesets if rs.generic)
        self.sites = tuple(rs for rs in rulesets if not rs.generic)
        self.by_domain: dict[str, RuleSet] = {}
        for rs in self.sites:  # sorted by name already: the first plugin to claim a domain keeps it
            for domain in rs.domains:
                self.by_domain.setdefault(domain, rs)

    @cached_property
    def fingerprinted(self) -> tuple[RuleSet, ...]:
        return tuple(rs for rs in self.sites if rs.fingerprints)

    def by_url(self, url: str | None) -> RuleSet | None:
        if not url:
            return None
        try:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
        except ValueError:
            return None
        while host:
            found = self.by_domain.get(host)
            if found:
                return found
            host = host.partition(".")[2]
        return None

    def by_fingerprint(self, text: str, exclude: RuleSet | None = None) -> list[RuleSet]:
        """Site plugins whose fingerprints occur in the text, most hits first, ties by name."""
        lower = text.translate(FOLD).lower()
        scored = []
        for rs in self.fingerprinted:
            if rs is exclude:
                continue
            hits = sum(1 for f in rs.fingerprints if f in lower)
            if hits:
                scored.append((-hits, rs.name, rs))
        return [rs for _, _, rs in sorted(scored)]

    def find(self, url: str | None, text: str) -> tuple[RuleSet | None, tuple[RuleSet, ...]]:
        """The site plugin, and every rule set to apply (generic ones, the site, syndicated sources)."""
        site = self.by_url(url)
        extra: list[RuleSet] = []
        if site is None:
            found = self.by_fingerprint(text)
            if found:
                site = found[0]
                extra = found[1:]
        elif site.syndicates:
            extra = self.by_fingerprint(text, exclude=site)
        active = self.generic + ((site,) if site else ()) + tuple(extra)
        return site, active
