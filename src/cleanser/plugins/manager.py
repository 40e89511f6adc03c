"""Finding, loading and listing plugins.

Sources, in this order: the built-in generic rules, the bundled site plugins (`cleanser.site_plugins`, the
folder plugins/sites), installed
packages in the ``cleanser`` entry-point group, and local plugin folders (``--plugins-dir``; the
``CLEANSER_PLUGINS_DIR`` variable is read by `Settings.from_env`, not here): every ``*.toml`` there is a rule file,
every ``*.py`` a Python plugin. A plugin that fails to load is recorded with its reason and skipped; the rest keep
working.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pluggy

from ..plugins import hookspecs as hookspecs
from ..rules.cache import RuleCache
from ..rules.model import RuleError, RuleSet
from ..settings import Settings
from ..sites.domains import plan_domains

hookimpl = pluggy.HookimplMarker("cleanser")
ENTRY_POINT_GROUP = "cleanser"


@dataclass(frozen=True)
class LoadError:
    source: str
    reason: str


class RuleFilePlugin:
    """A rule file registered as a pluggy plugin: it registers its rule set and nothing else."""

    def __init__(self, ruleset: RuleSet, origin: str):
        self.ruleset = ruleset
        self.origin = origin

    @hookimpl
    def cleanser_register_rulesets(self, register):
        register(self.ruleset)


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, told that a rule file plugin implements one hook: registering one then skips looking at
    every attribute it has (a tenth of start-up with every bundled plugin)."""

    def parse_hookimpl_opts(self, plugin: object, name: str):
        if isinstance(plugin, RuleFilePlugin) and name != "cleanser_register_rulesets":
            return None
        return super().parse_hookimpl_opts(plugin, name)


class Plugins:
    """The loaded plugins. All hook calls go through this class; the rest of the code never touches pm.hook."""

    def __init__(self, disabled: Iterable[str] = ()) -> None:
        self.disabled = frozenset(disabled)  # names not to load (from settings; rule sets given directly are kept)
        self.pm = _PluginManager("cleanser")
        self.pm.add_hookspecs(hookspecs)
        self.errors: list[LoadError] = []
        self.origins: dict[str, str] = {}
        self._rulesets: list[RuleSet] | None = None
        self.rule_cache = RuleCache.from_env()

    @classmethod
    def from_rulesets(cls, *rulesets: RuleSet) -> Plugins:
        """Plugins holding exactly these rule sets (for tests and embedding)."""
        plugins = cls()
        for ruleset in rulesets:
            plugins._register(RuleFilePlugin(ruleset, "given"), ruleset.name, "given")
        return plugins

    # -- loading ---------------------------------------------------------------------------------------------

    def add_rule_file(self, path: Path | Any, origin: str, *, generic: bool = False) -> None:
        try:
            ruleset = self.rule_cache.load(path, generic=generic)
        except RuleError as exc:
            self.errors.append(LoadError(str(path), str(exc)))
            return
        self._register(RuleFilePlugin(ruleset, origin), ruleset.name, origin, str(path))

    def add_module(self, module: object, name: str, origin: str, source: str | None = None) -> None:
        self._register(module, name, origin, source)

    def _register(self, plugin: object, name: str, origin: str, source: str | None = None) -> None:
        if name in self.disabled and origin != "given":
            return
        if self.pm.has_plugin(name):
            self.errors.append(
                LoadError(source or origin, f"plugin {name!r} is already loaded from {self.origins[name]}")
            )
            return
        try:
            self.pm.register(plugin, name=name)
            self.pm.check_pending()
        except (pluggy.PluginValidationError, ValueError) as exc:
            if self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            self.errors.append(LoadError(source or origin, f"plugin {name!r}: {exc}"))
            return
        self.origins[name] = origin
        self._rulesets = None

    def load_builtin(self) -> None:
        self.add_rule_file(resources.files("cleanser") / "generic.toml", "built-in", generic=True)
        for entry in sorted(resources.files("cleanser.site_plugins").iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".toml"):
                self.add_rule_file(entry, "bundled")
        self.rule_cache.save()

    def load_entry_points(self) -> None:
        for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            origin = f"entry point {ep.name} ({ep.value})"
            if ep.name in self.disabled:
                continue
            try:
                obj = ep.load()
            except (Exception, SystemExit) as exc:  # a broken third-party plugin must not break (or end) the host
                self.errors.append(LoadError(origin, f"import failed: {type(exc).__name__}: {exc}"))
                continue
            self.add_module(obj, ep.name, origin)

    def load_dir(self, folder: str | Path) -> None:
        folder = Path(folder)
        if not folder.is_dir():
            why = "is not a folder" if folder.exists() else "does not exist"
            self.errors.append(LoadError(str(folder), f"plugins folder {why}"))
            return
        try:
            paths = sorted(folder.iterdir())
        except OSError as exc:
            self.errors.append(LoadError(str(folder), f"plugins folder cannot be read: {exc.strerror or exc}"))
            return
        for path in paths:
            if path.suffix == ".toml":
                self.add_rule_file(path, f"plugins dir {folder}")
            elif path.suffix == ".py" and not path.name.startswith("_"):
                self._load_py(path, folder)
        self.rule_cache.save()

    def _load_py(self, path: Path, folder: Path) -> None:
        name = f"cleanser_local_{path.stem}"
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        except (Exception, SystemExit) as exc:  # sys.exit() in a plugin is a failed plugin, not the end of cleanser
            sys.modules.pop(name, None)
            self.errors.append(LoadError(str(path), f"import failed: {type(exc).__name__}: {exc}"))
            return
        self.add_module(module, path.stem, f"plugins dir {folder}", source=str(path))

    # -- what the pipeline asks ------------------------------------------------------------------------------

    def rulesets(self) -> list[RuleSet]:
        """Every registered rule set, sorted by name so that load order never changes a result."""
        if self._rulesets is None:
            found: dict[str, RuleSet] = {}
            hooked: list[bool] = [False]  # whether the plugin registering now has document or HTML hooks

            def register(ruleset: RuleSet) -> None:
                if not isinstance(ruleset, RuleSet):
                    self.errors.append(LoadError("register", f"not a RuleSet: {ruleset!r}"))
                elif ruleset.name in found:
                    self.errors.append(LoadError(ruleset.source, f"rule set {ruleset.name!r} registered twice"))
                else:
                    if hooked[0] and not ruleset.extra.get("hooks"):
                        # Its code acts for its site: it serves its domains even with no rules (sites/domains.py).
                        ruleset.extra = {**ruleset.extra, "hooks": True}
                    found[ruleset.name] = ruleset

            for impl in self.pm.hook.cleanser_register_rulesets.get_hookimpls():
                callers = {h.name for h in self.pm.get_hookcallers(impl.plugin) or []}
                hooked[0] = bool(callers & {"cleanser_prepare_html", "cleanser_process_document"})
                try:
                    impl.function(register)
                except Exception as exc:
                    self.errors.append(LoadError(impl.plugin_name, f"register_rulesets failed: {exc}"))
            self._rulesets = [found[k] for k in sorted(found)]
        return self._rulesets

    def prepare_html(self, tree, url: str | None, site: str | None) -> None:
        self.pm.hook.cleanser_prepare_html(tree=tree, url=url, site=site)

    def process_document(self, document, site: str | None) -> None:
        self.pm.hook.cleanser_process_document(document=document, site=site)

    def has_document_hooks(self) -> bool:
        return bool(self.pm.hook.cleanser_process_document.get_hookimpls())

    def has_html_hooks(self) -> bool:
        return bool(self.pm.hook.cleanser_prepare_html.get_hookimpls())

    def warnings(self) -> list[str]:
        """Conflicts between plugins that do not stop them loading: domains served by several plugins, plugins
        with no rules, `replaces` naming a plugin that is not loaded."""
        return plan_domains(self.rulesets()).warnings

    def describe(self) -> list[dict[str, Any]]:
        by_name = {rs.name: rs for rs in self.rulesets()}
        plan = plan_domains(self.rulesets())
        shared = {d: [rs.name for rs in found] for d, found in plan.serving.items()}
        out = []
        for name in sorted(self.origins):
            plugin = self.pm.get_plugin(name)
            rs = by_name.get(name) or getattr(plugin, "ruleset", None)
            hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or [])
            version = rs.version if rs else _dist_version(plugin)
            out.append(
                {
                    "name": name,
                    "title": rs.title if rs else name,
                    "version": version,
                    "domains": list(rs.domains) if rs else [],
                    "rules": len(rs.rules) if rs else 0,
                    "fixtures": len(rs.fixtures) if rs else 0,
                    "generic": bool(rs and rs.generic),
                    "origin": self.origins[name],
                    "hooks": hooks,
                    "priority": rs.priority if rs else None,
                    "replaces": list(rs.replaces) if rs else [],
                    "replaced_by": plan.replaced_by.get(name),
                    # The domains it serves (none when replaced or without rules), each with its other plugins.
                    "serves": {d: [n for n in shared[d] if n != name] for d in (rs.domains if rs else ())
                               if name in shared.get(d, ())},
                }
            )
        return out


def _dist_version(plugin: object) -> str:
    module = getattr(plugin, "__name__", "").split(".")[0]
    for dist_name in metadata.packages_distributions().get(module, []):
        try:
            return metadata.version(dist_name)
        except metadata.PackageNotFoundError:
            pass
    return "0"


def load_plugins(
    plugins_dirs: Iterable[str | Path] = (), *, entry_points: bool = True, disabled: Iterable[str] = ()
) -> Plugins:
    """Every plugin: built-in, bundled, entry points (unless `entry_points=False`) and these folders, less `disabled`.

    It reads no environment variable: `Settings.from_env` does, at the boundary (`plugins_for(settings)`)."""
    plugins = Plugins(disabled)
    plugins.load_builtin()
    if entry_points:
        plugins.load_entry_points()
    for folder in plugins_dirs:
        plugins.load_dir(folder)
    plugins.rulesets()  # surface registration errors at load time
    return plugins


def plugins_for(settings: Settings) -> Plugins:
    return load_plugins(settings.plugins_dirs, entry_points=settings.entry_points, disabled=settings.disabled_plugins)
