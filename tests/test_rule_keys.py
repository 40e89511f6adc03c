"""Rule files accept only known keys, and a typo is an error naming the file, the rule and the nearest key
(issue 14 item 9); the documented keys are exactly the accepted ones (issue 13 item 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleanser.rules.keys import FIXTURE_KEYS, PLUGIN_KEYS, RULE_KEYS
from cleanser.rules.model import RuleError, load_ruleset_file, ruleset_from_dict

DOC = Path(__file__).parent.parent / "docs" / "rule-format.md"

GOOD_RULE = {"id": "promo", "kind": "line", "match": "Sign up for the Daily Brief", "examples": [
    "Sign up for the Daily Brief"]}
GOOD_FIXTURE = {"name": "one", "rules": ["promo"], "input": "Text.\\nSign up for the Daily Brief",
                "expected": "Text."}


def _load(tmp_path: Path, toml: str):
    path = tmp_path / "brief.toml"
    path.write_text(toml, encoding="utf-8")
    return path, load_ruleset_file(path)


@pytest.mark.parametrize(("section", "typo", "nearest"), [
    ("rule", 'wehre = "top"', "where"),
    ("rule", "glud = true", "glued"),
    ("fixture", 'expcted = "Text."', "expected"),
])
def test_a_typo_in_a_rule_or_fixture_names_the_file_the_rule_and_the_nearest_key(tmp_path, section, typo, nearest):
    rule = 'id = "promo"\nkind = "line"\nmatch = "Sign up for the Daily Brief"'
    fixture = 'name = "one"\nrules = ["promo"]\ninput = "Text.\\nSign up for the Daily Brief"'
    if section == "rule":
        rule += "\n" + typo
    else:
        fixture += "\n" + typo
    with pytest.raises(RuleError) as info:
        _load(tmp_path, f'name = "brief"\ndomains = ["brief.example"]\n[[rule]]\n{rule}\n[[fixture]]\n{fixture}\n')
    message = str(info.value)
    assert message.startswith(str(tmp_path / "brief.toml"))
    assert ("rule 'promo'" if section == "rule" else "fixture 'one'") in message
    assert f"(did you mean {nearest!r}?)" in message


def test_a_typo_at_the_plugin_level_is_an_error_too(tmp_path):
    with pytest.raises(RuleError, match=r"plugin 'brief': unknown key 'domain' \(did you mean 'domains'\?\)"):
        _load(tmp_path, 'name = "brief"\ndomain = ["brief.example"]\n')


def _documented() -> dict[str, set[str]]:
    """The key lists of docs/rule-format.md's "Every key" section."""
    section = DOC.read_text(encoding="utf-8").split("## Every key", 1)[1].split("\n## ", 1)[0]
    found: dict[str, set[str]] = {}
    for level, keys in re.findall(r"^- (plugin|rule|fixture): (.*?)(?=^- |^\n|\Z)", section, re.M | re.S):
        found[level] = set(re.findall(r"`([a-z_]+)`", keys))
    return found


def test_every_documented_key_is_accepted_and_every_accepted_key_is_documented():
    assert _documented() == {"plugin": set(PLUGIN_KEYS), "rule": set(RULE_KEYS), "fixture": set(FIXTURE_KEYS)}


def test_every_documented_key_loads():
    documented = _documented()
    rule_values = {
        "description": "d", "where": "top", "blurb": 1, "glued": "end", "priority": 150, "trusted": False,
        "flag": "paywalled", "max_lines": 3, "max_chars": 300, "max_line": 100, "counter_examples": ["Prose."],
        "source": "seen at the top of brief.example articles, 2026", "support": 12, "share": 0.4,
        "positions": {"top": 12}, "variants": 2,
    }
    by_kind = {  # keys that belong to one kind of rule
        "match": {}, "regex": {"regex": "Sign up for the daily brief", "match": None},
        "start": {"kind": "block", "start": "Sign up", "end": "today", "match": None, "examples": None},
        "end": {"kind": "block", "start": "Sign up", "end": "today", "match": None, "examples": None},
        "selectors": {"kind": "html", "selectors": ["div.brief"], "match": None, "examples": None},
        "xpath": {"kind": "html", "xpath": ["//aside"], "match": None, "examples": None},
    }
    for key in documented["rule"] - {"id", "kind", "examples"}:
        rule = {**GOOD_RULE, **({key: rule_values[key]} if key in rule_values else {}), **by_kind.get(key, {})}
        rule = {k: v for k, v in rule.items() if v is not None}
        ruleset_from_dict({"name": "brief", "rule": [rule]}, source=f"<{key}>")
    plugin = {"name": "brief", "title": "Brief", "version": "1", "description": "d", "domains": ["brief.example"],
              "fingerprints": ["the daily brief"], "syndicates": False, "generic": False, "priority": 250,
              "replaces": ["other"], "rule": [GOOD_RULE], "fixture": [{**GOOD_FIXTURE, "url": "https://brief.example/"}],
              "learned": {"documents": 40}}
    assert set(plugin) == documented["plugin"] and set(plugin["fixture"][0]) == documented["fixture"]
    loaded = ruleset_from_dict(plugin)
    assert (loaded.priority, loaded.replaces, loaded.rules[0].priority) == (250, ("other",), 250)


def test_every_bundled_and_test_rule_file_has_only_known_keys():
    root = Path(__file__).parent.parent
    files = [*root.glob("plugins/**/*.toml"), *root.glob("src/cleanser/*.toml"), *root.glob("tests/**/*.toml")]
    files = [f for f in files if f.name != "pyproject.toml"]
    assert len(files) > 40
    for path in files:
        try:
            load_ruleset_file(path)
        except RuleError as exc:
            assert "unknown key" not in str(exc), exc
