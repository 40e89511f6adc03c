"""Plugins: hook specifications, loading and listing (`manager`), fixtures, scaffolding."""

from .manager import ENTRY_POINT_GROUP, LoadError, Plugins, hookimpl, load_plugins, plugins_for

__all__ = ["ENTRY_POINT_GROUP", "LoadError", "Plugins", "hookimpl", "load_plugins", "plugins_for"]
