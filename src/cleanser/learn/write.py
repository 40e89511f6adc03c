"""Writing: the learned plugin as a TOML file, with its rules, fixtures, evidence and review section, checked to
read back as meant, and written atomically (an existing file only replaced when asked, with a backup).
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from ..files import atomic_write, backup
from .model import Learning, SiteModel
from .plugin import plugin_dict, review_dict
from .settings import LearnSettings

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_text(s: str) -> str:
    """A multi-line literal string when that can hold `s` exactly, else a basic string."""
    if "'''" in s or _CONTROL.search(s) or s.startswith(("\n", "'")) or s.endswith("'") or "\r" in s:
        return _toml_str(s)
    return f"'''{s}'''"


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return _toml_text(v) if "\n" in v else _toml_str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _toml_key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else _toml_str(k)


def _table(header: str, d: dict) -> list[str]:
    return [header] + [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in d.items()] + [""]


def plugin_toml(model: SiteModel, settings: LearnSettings) -> str:
    data = plugin_dict(model)
    lines = [
        f"# Learned by `cleanser learn` from {model.used} documents of {model.domain}. Review it before use:",
        "# `cleanser learn ARCHIVE --report` says why each rule was proposed and why the [[learned.review]]",
        "# candidates at the end were not. support/share/positions/variants in a rule are evidence, not settings.",
    ]
    for key in ("name", "title", "version", "domains", "fingerprints", "priority", "description"):
        lines.append(f"{key} = {_toml_value(data[key])}")
    lines.append("")
    for rule in data["rule"]:
        lines += _table("[[rule]]", rule)
    for fixture in data["fixture"]:
        lines += _table("[[fixture]]", fixture)
    learned: dict = {
        "documents": model.documents,
        "used": model.used,
        "threshold": model.threshold,
        "settings": {
            "min_share": settings.min_share,
            "min_docs": settings.min_docs,
            "max_words": settings.max_words,
            "max_chars": settings.max_chars,
            "prose_share": settings.prose_share,
            "template_share": settings.template_share,
            "edge_share": settings.edge_share,
            "hold_back": settings.hold_back,
            "near_duplicate": settings.near_duplicate,
        },
    }
    if model.duplicates:
        learned["duplicates"] = {"documents": model.duplicates, "near": model.near_duplicates}
    if model.check is not None:
        c = model.check
        learned["check"] = {
            "documents": c.documents,
            "occurrences": c.occurrences,
            "removed": c.removed,
            "refused": c.refused,
            "prose_lines": c.prose_lines,
            "lost": c.lost,
            "content_removed": c.content_removed,
        }
    if model.held is not None:
        h = model.held
        learned["held_back"] = {"documents": h.documents, "removed": h.removed, "refused": h.refused,
                                "staying": len(h.staying), "boilerplate_staying": len(h.boilerplate_staying)}
    lines += _table("[learned]", learned)
    for cand in model.review:
        lines += _table("[[learned.review]]", review_dict(cand))
    text = "\n".join(lines).rstrip("\n") + "\n"
    # What is written must read back as what was meant; a writer bug must not produce a different plugin.
    back = tomllib.loads(text)
    if back.get("rule", []) != data["rule"] or back.get("fixture", []) != data["fixture"]:
        raise AssertionError("the learned plugin does not read back as written")
    return text


def write_plugins(learning: Learning, folder: Path, settings: LearnSettings, *, force: bool = False) -> list[Path]:
    """Write the plugin of each site that has rules to `folder` atomically (a plugin with none would claim its
    domain for nothing; the report lists those sites); an existing file is replaced only with `force`, and then a
    backup of it is kept."""
    planned = [(folder / f"{m.name}.toml", m) for m in learning.sites if m.rules]
    existing = [str(p) for p, _ in planned if p.exists()]
    if existing and not force:
        raise FileExistsError(f"{', '.join(existing)} exists (use --force to replace it; a backup is kept)")
    written = []
    for path, model in planned:
        text = plugin_toml(model, settings)
        if path.exists():
            backup(path)
        atomic_write(path, text)
        written.append(path)
    return written
