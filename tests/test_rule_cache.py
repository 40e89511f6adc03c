"""The rule cache: a hit gives exactly what loading gives, and any change to a rule file is a miss."""

from __future__ import annotations

import marshal

import pytest

from cleanser import RuleError
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.rules.cache import CACHE_ENV, RuleCache
from cleanser.rules.model import load_ruleset_file

RULES = """
name = "cached"
domains = ["cached.example"]
fingerprints = ["Cached Daily newsroom"]

[[rule]]
id = "promo"
description = "a promo line"
match = "Sign up for the {name} briefing"
examples = ["Sign up for the Morning briefing"]

[[rule]]
id = "box"
kind = "html"
description = "a promo box"
selectors = ["div.promo"]

[[fixture]]
name = "f"
rules = ["promo"]
input = "Sign up for the Morning briefing\\n\\nThe council met on Tuesday."
expected = "The council met on Tuesday."
"""


def test_a_hit_is_what_loading_gives(tmp_path):
    path = tmp_path / "cached.toml"
    path.write_text(RULES, encoding="utf-8")
    first = RuleCache(tmp_path / "cache")
    loaded = first.load(path)
    first.save()
    assert (first.hits, first.misses) == (0, 1)
    second = RuleCache(tmp_path / "cache")
    cached = second.load(path)
    assert (second.hits, second.misses) == (1, 0)
    assert cached == loaded == load_ruleset_file(path)


def test_a_changed_file_is_loaded_and_validated_again(tmp_path):
    path = tmp_path / "cached.toml"
    path.write_text(RULES, encoding="utf-8")
    cache = RuleCache(tmp_path / "cache")
    cache.load(path)
    cache.save()
    path.write_text(RULES.replace("briefing", "digest"), encoding="utf-8")  # same size, maybe same mtime
    again = RuleCache(tmp_path / "cache")
    changed = again.load(path)
    assert again.misses == 1 and "digest" in changed.rules[0].pattern
    # A change that breaks a rule is refused as without a cache, with the file named.
    path.write_text(RULES.replace("Sign up for the Morning briefing", "Subscribe today"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"cached\.toml.*its own example does not match"):
        RuleCache(tmp_path / "cache").load(path)


def test_the_same_file_loaded_as_generic_is_another_entry(tmp_path):
    path = tmp_path / "cached.toml"
    path.write_text(RULES, encoding="utf-8")
    cache = RuleCache(tmp_path / "cache")
    assert not cache.load(path).generic
    assert cache.load(path, generic=True).generic
    assert cache.misses == 2


def test_a_damaged_cache_is_an_empty_one(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "rules.marshal").write_bytes(b"not marshal data at all")
    path = tmp_path / "cached.toml"
    path.write_text(RULES, encoding="utf-8")
    cache = RuleCache(folder)
    assert cache.load(path) == load_ruleset_file(path)
    cache.save()
    assert isinstance(marshal.loads((folder / "rules.marshal").read_bytes()), dict)


def test_plugins_load_through_the_cache_and_can_turn_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    fresh = load_plugins(entry_points=False)
    warm = load_plugins(entry_points=False)
    assert warm.rule_cache.misses == 0 and warm.rule_cache.hits == len(warm.rulesets()) > 40
    assert warm.rulesets() == fresh.rulesets()
    assert warm.describe() == fresh.describe()
    monkeypatch.setenv(CACHE_ENV, "off")
    off = Plugins()
    off.load_builtin()
    assert off.rule_cache.folder is None and off.rule_cache.hits == 0
    assert off.rulesets() == fresh.rulesets()


def test_the_cache_key_covers_every_module_that_decides_a_loaded_rule():
    from cleanser.rules import cache, matcher, model, regex

    sources = {p.name for p in cache.loader_sources()}
    for module in (model, regex, matcher, cache):
        assert module.__file__.rsplit("/", 1)[-1] in sources


def _sources(folder):
    return list(marshal.loads((folder / "rules.marshal").read_bytes())["entries"])


def test_the_cache_forgets_files_that_are_gone_and_keeps_the_most_recently_used(tmp_path, monkeypatch):
    import cleanser.rules.cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    paths = []
    for i in range(5):
        path = tmp_path / f"r{i}.toml"
        path.write_text(RULES.replace("cached", f"cached{i}"), encoding="utf-8")
        paths.append(path)
    cache = RuleCache(tmp_path / "cache")
    for path in paths[:3]:
        cache.load(path)
    cache.save()
    paths[1].unlink()  # a plugin folder since removed
    again = RuleCache(tmp_path / "cache")
    again.load(paths[0])  # a hit: now the most recently used
    again.load(paths[3])
    again.load(paths[4])
    again.save()
    assert _sources(tmp_path / "cache") == [str(paths[0]), str(paths[3]), str(paths[4])]
