"""The keys a rule file may use, at each level; any other key is an error naming the nearest known one.

A typo in a rule file (`wehre`, `glud`, `expcted`) would otherwise be ignored and silently change what a rule or
fixture does. docs/rule-format.md lists the same keys ("Every key"), and a test holds the two lists together.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

PLUGIN_KEYS = frozenset({
    "name", "title", "version", "description", "domains", "fingerprints", "syndicates", "generic", "priority",
    "replaces", "rule", "fixture",
    "learned",  # what `cleanser learn` measured and the candidates it did not propose, for the reviewer; not read
})
RULE_KEYS = frozenset({
    "id", "description", "kind", "match", "regex", "start", "end", "selectors", "xpath", "where", "blurb", "glued",
    "priority", "trusted", "flag", "max_lines", "max_chars", "max_line", "examples", "counter_examples", "source",
    # The evidence `cleanser learn` writes for the person reviewing a learned rule; never read by the matcher.
    "support", "share", "positions", "variants",
    "verified",  # learn's verdict from the held-back documents: read by the guard (template budget)
})
FIXTURE_KEYS = frozenset({"name", "rules", "url", "input", "expected"})


def unknown_keys(data: Mapping[str, Any], known: Iterable[str]) -> str | None:
    """What is wrong with `data`'s keys ("unknown key 'wehre' (did you mean 'where'?)"), or None."""
    known = sorted(known)
    unknown = [k for k in data if k not in known]
    if not unknown:
        return None
    parts = []
    for key in unknown:
        near = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        parts.append(f"{key!r}" + (f" (did you mean {near[0]!r}?)" if near else ""))
    noun = "key" if len(unknown) == 1 else "keys"
    return f"unknown {noun} {', '.join(parts)}; known keys: {', '.join(known)}"
