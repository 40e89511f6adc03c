"""Which site a document comes from: by the URL's domain, else by fingerprints in its text."""

from __future__ import annotations

from functools import cached_property

from ..rules.model import RuleSet
from ..text import fold, host_of
from .domains import plan_domains
from .siteconfig import SiteConfig, SiteConfigs

_INDEX_FINGERPRINTS_FROM = 40  # below this many phrases, looking for each in the text is cheaper than splitting it


class SiteIndex:
    def __init__(self, rulesets: list[RuleSet], site_configs: SiteConfigs | None = None):
        self.site_configs = site_configs  # FiveFilters site configs, for hosts no plugin serves
        self.plan = plan_domains(rulesets)  # who serves which domain (several plugins combine; see domains.py)
        self.generic = tuple(rs for rs in self.plan.used if rs.generic)
        self.sites = tuple(rs for rs in self.plan.used if not rs.generic)
        self.by_domain: dict[str, tuple[RuleSet, ...]] = self.plan.serving

    @cached_property
    def fingerprinted(self) -> tuple[RuleSet, ...]:
        return tuple(rs for rs in self.sites if rs.fingerprints and (rs.rules or rs.extra.get("hooks")))

    def serving(self, url: str | None) -> tuple[RuleSet, ...]:
        """The plugins that serve the URL's host (its own domain, else the nearest parent), the site's first."""
        host = host_of(url)
        while host:
            found = self.by_domain.get(host)
            if found:
                return found
            host = host.partition(".")[2]
        return ()

    def by_url(self, url: str | None) -> RuleSet | None:
        found = self.serving(url)
        return found[0] if found else None

    @cached_property
    def _fingerprint_words(self) -> tuple[list[tuple[int, str]], dict[str, list[tuple[int, str]]]] | None:
        """With many fingerprints: each phrase of three words or more under its longest inner word (a whole
        word of any text the phrase occurs in), the shorter ones apart; None when a scan per phrase is cheaper."""
        pairs = [(i, f) for i, rs in enumerate(self.fingerprinted) for f in rs.fingerprints]
        if len(pairs) < _INDEX_FINGERPRINTS_FROM:
            return None
        always: list[tuple[int, str]] = []
        by_word: dict[str, list[tuple[int, str]]] = {}
        for i, f in pairs:
            inner = [w for w in f.split(" ")[1:-1] if w and w.split() == [w]]
            if inner:
                by_word.setdefault(max(inner, key=len), []).append((i, f))
            else:
                always.append((i, f))
        return always, by_word

    def by_fingerprint(self, text: str, exclude: RuleSet | None = None) -> list[RuleSet]:
        """Site plugins whose fingerprints occur in the text, most hits first, ties by name."""
        lower = fold(text).lower()
        index = self._fingerprint_words
        if index is None:
            candidates = [(i, f) for i, rs in enumerate(self.fingerprinted) for f in rs.fingerprints]
        else:
            always, by_word = index
            candidates = list(always)
            for word in by_word.keys() & lower.split():
                candidates.extend(by_word[word])
        hits: dict[int, int] = {}
        for i, f in candidates:
            if f in lower:
                hits[i] = hits.get(i, 0) + 1
        scored = []
        for i, count in hits.items():
            rs = self.fingerprinted[i]
            if rs is not exclude:
                scored.append((-count, rs.name, rs))
        return [rs for _, _, rs in sorted(scored)]

    def site_config(self, url: str | None) -> SiteConfig | None:
        """The site config for the URL's host, when no site plugin serves it (a native plugin always wins)."""
        if self.site_configs is None or not url or self.by_url(url) is not None:
            return None
        return self.site_configs.for_url(url)

    def find(
        self, url: str | None, text: str, config: SiteConfig | None = None
    ) -> tuple[RuleSet | None, tuple[RuleSet, ...]]:
        """The site plugin (or the host's site config), and every rule set to apply (generic ones, the site,
        syndicated sources)."""
        serving = self.serving(url)
        site = serving[0] if serving else (config.ruleset if config is not None else None)
        extra: list[RuleSet] = list(serving[1:])  # other plugins of the same domain: their rules combine
        if site is None and not host_of(url):
            # Fingerprints only when the address is unknown: a known host no plugin serves gets the generic rules,
            # not the rules of whichever publisher its text happens to resemble.
            found = self.by_fingerprint(text)
            if found:
                site = found[0]
                extra = found[1:]
        elif site is not None and site.syndicates:
            extra += [rs for rs in self.by_fingerprint(text, exclude=site) if rs not in serving]
        active = self.generic + ((site,) if site else ()) + tuple(extra)
        return site, active
