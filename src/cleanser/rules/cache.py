"""A cache of loaded rule files, so that start-up does not parse and validate every rule of every plugin again.

Loading a rule file compiles and checks each of its patterns (catastrophic backtracking, its examples and counter-
examples, its CSS selectors): most of start-up. The cache keeps the loaded rule sets in one file in the user's cache
folder, each under a key made of the rule file's exact bytes, where it was loaded from and as what, and the loader
itself (the source of every module of the rules package and of text.py, cleanser's and Python's versions). Any change
to any of these misses the cache and the file is loaded and validated as if there were no cache; a file that fails to
load is never cached. The cache holds plain values only (written with `marshal`, rebuilt field by field into rule
objects): reading it never runs code.

CLEANSER_RULE_CACHE: unset for the default folder ($XDG_CACHE_HOME/cleanser, else ~/.cache/cleanser), a folder
to use another, or `off` to load every file afresh. A cache that cannot be read or written is ignored.

The cache is bounded: each save drops the entries of rule files that no longer exist (plugins loaded from temporary
folders, checkouts since removed) and then keeps at most MAX_ENTRIES, the most recently used. Without that it grew
by every folder a plugin was ever loaded from, and start-up read all of it (59 MB on a developer's machine).
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from ..files import atomic_write
from .model import Fixture, Rule, RuleError, RuleSet, ruleset_from_bytes

CACHE_ENV = "CLEANSER_RULE_CACHE"
_FILE = "rules.marshal"
_FORMAT = 1
MAX_ENTRIES = 512  # rule files remembered; the bundled plugins are about 45


def default_folder() -> Path | None:
    value = os.environ.get(CACHE_ENV, "").strip()
    if value.lower() in ("off", "0", "no", "false", "none"):
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleanser"


_LOADER: str | None = None


def loader_sources() -> list[Path]:
    package = Path(__file__).resolve().parent
    text_module = package.parent / "text.py"
    return sorted(package.glob("*.py")) + ([text_module] if text_module.exists() else [])


def _loader_fingerprint() -> str:
    """What the loaded result depends on besides the file: the loader's code and the versions running it."""
    global _LOADER
    if _LOADER is None:
        from .. import __version__

        # Every module of the rules package decides what a loaded rule is (model, regex analysis, ...), and so
        # does the shared text vocabulary (folding): a change to any of them is a new loader.
        digest = hashlib.blake2b(digest_size=16)
        for path in loader_sources():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        digest.update(f"{_FORMAT}|{__version__}|{sys.version}".encode())
        _LOADER = digest.hexdigest()
    return _LOADER


class RuleCache:
    """Rule sets loaded before, by source; `load` a rule file through it and `save` once at the end."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._entries: dict[str, tuple[str, Any]] | None = None
        self._changed = False
        self.hits = 0
        self.misses = 0

    @classmethod
    def from_env(cls) -> RuleCache:
        return cls(default_folder())

    def _read(self) -> dict[str, tuple[str, Any]]:
        if self._entries is None:
            self._entries = {}
            if self.folder is not None:
                try:
                    found = marshal.loads((self.folder / _FILE).read_bytes())
                    if isinstance(found, dict) and found.get("format") == _FORMAT:
                        self._entries = found["entries"]
                except (OSError, ValueError, EOFError, TypeError, KeyError):
                    pass  # a missing, damaged or foreign cache is an empty one
        return self._entries

    def load(self, path: Any, *, generic: bool = False) -> RuleSet:
        """The rule set in the rule file at `path`, from the cache when its key matches; raises RuleError as
        `rules.load_ruleset_file` does."""
        source = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise RuleError(f"{source}: cannot read: {exc}") from exc
        if self.folder is None:
            return ruleset_from_bytes(data, source, generic=generic)
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(f"|{source}|{generic}|{_loader_fingerprint()}".encode())
        key = digest.hexdigest()
        entries = self._read()
        cached = entries.get(source)
        if cached is not None and cached[0] == key:
            try:
                ruleset = _load(cached[1])
            except (TypeError, ValueError, KeyError, IndexError):
                ruleset = None
            if isinstance(ruleset, RuleSet):
                self.hits += 1
                entries[source] = entries.pop(source)  # the dict's order is the order of use: see `save`
                return ruleset
        self.misses += 1
        ruleset = ruleset_from_bytes(data, source, generic=generic)
        try:
            dumped = _dump(ruleset)
            marshal.dumps(dumped)  # a value marshal cannot hold (a TOML date in `extra`): not cached
        except ValueError:
            return ruleset
        entries[source] = (key, dumped)
        self._changed = True
        return ruleset

    def save(self) -> None:
        """Write the cache if anything new was loaded; a cache that cannot be written is left alone."""
        if not self._changed or self.folder is None or self._entries is None:
            return
        entries = {source: entry for source, entry in self._entries.items() if os.path.exists(source)}
        # Least recently used first (`load` moves a hit to the end; marshal keeps a dict's order).
        entries = dict(list(entries.items())[-MAX_ENTRIES:])
        try:
            atomic_write(self.folder / _FILE, marshal.dumps({"format": _FORMAT, "entries": entries}))
        except OSError:
            return
        self._changed = False


# --- plain values <-> rule objects ------------------------------------------------------------------------

_CLASSES = {"RuleSet": RuleSet, "Rule": Rule, "Fixture": Fixture}


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and type(value).__name__ in _CLASSES:
        fields = {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return ("@", type(value).__name__, fields)
    if isinstance(value, tuple):
        return ("()", [_dump(v) for v in value])
    if isinstance(value, list):
        return ("[]", [_dump(v) for v in value])
    if isinstance(value, dict):
        return ("{}", {k: _dump(v) for k, v in value.items()})
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise ValueError(f"not a plain value: {type(value).__name__}")


def _load(value: Any) -> Any:
    if isinstance(value, tuple):
        tag = value[0]
        if tag == "@":
            cls = _CLASSES[value[1]]
            return cls(**{k: _load(v) for k, v in value[2].items()})
        if tag == "()":
            return tuple(_load(v) for v in value[1])
        if tag == "[]":
            return [_load(v) for v in value[1]]
        if tag == "{}":
            return {k: _load(v) for k, v in value[1].items()}
        raise ValueError(f"unknown tag {tag!r}")
    return value
