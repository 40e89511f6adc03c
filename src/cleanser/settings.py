"""How documents are cleaned, as one value built once at the boundary (CLI or API) and passed on explicitly.

`Settings` travels to batch worker processes and Dask workers as a plain picklable value. The environment is read
in one place, `Settings.from_env`, and only where a user's command or `Cleaner()` starts: nothing below the boundary
reads `os.environ` for an option, and nothing writes it to carry one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

PLUGINS_DIR_ENV = "CLEANSER_PLUGINS_DIR"  # folders of local plugins, os.pathsep-separated
DISABLE_ENV = "CLEANSER_DISABLE_PLUGINS"  # comma-separated plugin names not to load
SITE_CONFIG_ENV = "CLEANSER_SITE_CONFIG"  # FiveFilters site config folders, os.pathsep-separated

GENERIC_LEVELS = ("off", "safe", "aggressive")


@dataclass(frozen=True)
class GuardSettings:
    budget: float = 0.5  # the largest share of a document's words that untrusted rules may remove
    min_words: int = 120  # below this a document is mostly promo or a stub: the budget does not apply
    enabled: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= self.budget <= 1.0:
            raise ValueError(f"guard budget must be a share between 0 and 1, got {self.budget}")
        if self.min_words < 0:
            raise ValueError(f"guard min_words must not be negative, got {self.min_words}")


@dataclass(frozen=True)
class Settings:
    """Everything, besides the plugins themselves, that decides what cleaning does."""

    # How much the generic layer (no site rule needed) may remove: "off" (only rules), "safe" (the default, chosen
    # for no loss of article text) or "aggressive" (more boilerplate gone, at a measured risk to article lines).
    generic: str = "safe"
    guard: GuardSettings = field(default_factory=GuardSettings)
    # trafilatura's extraction as a second opinion on the container's short non-prose lines (stages/second_opinion.py;
    # the `trafilatura` extra). Off by default: it costs trafilatura's time per page. Nothing without `generic`.
    second_opinion: bool = False
    links: bool = False  # keep links (http, https, mailto, relative) in Markdown and HTML output
    plugins_dirs: tuple[str, ...] = ()  # local plugin folders (*.toml rule files, *.py plugins)
    site_configs: tuple[str, ...] = ()  # FiveFilters site config folders, for hosts with no plugin
    disabled_plugins: frozenset[str] = frozenset()  # plugin names not to load
    entry_points: bool = True  # load third-party plugins from the `cleanser` entry-point group
    # Seconds one record may take in a batch run before its worker process is stopped and the record reported as
    # failed; 0: no limit. Ordinary pages take milliseconds; the limit is for the hostile few.
    record_timeout: float = 60.0
    # CPU seconds the rules may spend matching one document (more for a document over 100,000 characters, in
    # proportion) before the rule to blame is found and disabled for the run (rules/clock.py); 0: no limit.
    rule_time_limit: float = 2.0

    def __post_init__(self) -> None:
        if self.generic not in GENERIC_LEVELS:
            raise ValueError(f"generic must be one of {', '.join(GENERIC_LEVELS)}, got {self.generic!r}")
        if not self.record_timeout >= 0:
            raise ValueError(f"record_timeout must be seconds (0 for none), got {self.record_timeout}")
        if not self.rule_time_limit >= 0:
            raise ValueError(f"rule_time_limit must be seconds (0 for none), got {self.rule_time_limit}")

    def but(self, **changes) -> Settings:
        """A copy with some fields changed; None means "leave as it is"."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **changes) if changes else self

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        plugins_dirs: Iterable[str | Path] = (),
        site_configs: Iterable[str | Path] | str | Path | None = None,
        **given,
    ) -> Settings:
        """The settings a caller gave, completed from the environment.

        CLEANSER_PLUGINS_DIR adds plugin folders after the given ones; CLEANSER_SITE_CONFIG is used only when no site
        config folders were given (`site_configs=[]` says "none" and reads nothing); CLEANSER_DISABLE_PLUGINS names
        plugins not to load.
        """
        env = os.environ if environ is None else environ
        dirs = [str(d) for d in plugins_dirs] + _paths(env.get(PLUGINS_DIR_ENV, ""))
        if site_configs is None:
            configs = _paths(env.get(SITE_CONFIG_ENV, ""))
        elif isinstance(site_configs, str | Path):
            configs = [str(site_configs)]
        else:
            configs = [str(d) for d in site_configs]
        disabled = frozenset(n.strip() for n in env.get(DISABLE_ENV, "").split(",") if n.strip())
        given = {k: v for k, v in given.items() if v is not None}
        return cls(plugins_dirs=tuple(dirs), site_configs=tuple(configs), disabled_plugins=disabled, **given)


def _paths(value: str) -> list[str]:
    return [p for p in value.split(os.pathsep) if p]
