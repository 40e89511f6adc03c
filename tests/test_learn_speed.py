"""The speed-ups of learning (`clean --learn`'s first pass) change nothing that is learned: keys made once per
distinct text, `normalise` kept for recent lines, and combined rule expressions shared between matchers give the
same counts, the same matches and the same plugin as doing all the work every time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_learn import make_archive
from test_matcher import _key, one_by_one_line, one_by_one_start, rules_and_lines

from cleanser import ruleset_from_dict
from cleanser.learn import LearnSettings, by_text, learn, mine, plugin_toml, verify
from cleanser.learn.mine import count_keys, doc_units, unit_keys
from cleanser.plugins.manager import load_plugins
from cleanser.rules import matcher, regex
from cleanser.rules.matcher import LineMatcher
from cleanser.text import fold, fold_for_match


@pytest.fixture(scope="module")
def articles():
    return make_archive(120, seed=3)


def _by_doc(articles):
    return [doc_units(i, [line for line in a.text.splitlines() if line.strip()]) for i, a in enumerate(articles)]


def test_count_keys_finds_what_counting_every_key_of_every_unit_finds(articles, monkeypatch):
    settings = LearnSettings()
    by_doc = _by_doc(articles)
    floor = 12
    # The reference: every key of every unit (no pruning by frequent words, no table), counted exactly.
    df: Counter = Counter()
    units_of: dict = defaultdict(list)
    for units in by_doc:
        in_doc = set()
        for u in units:
            for k in unit_keys(u, settings):
                in_doc.add(k)
                units_of[k].append(u)
        df.update(in_doc)
    expected = {k: [(u.doc, u.line, u.text) for u in us] for k, us in units_of.items() if df[k] >= floor}
    assert len(expected) > 20  # the promo templates and their slotted variants

    def found(counts):
        return {k: [(u.doc, u.line, u.text) for u in us] for k, us in counts.found.items()}

    counts = count_keys(by_doc, settings, floor)
    assert found(counts) == expected
    assert counts.support == {k: df[k] for k in expected}
    # Without the per-text tables (the path of samples too large to remember their keys): the same.
    monkeypatch.setattr(mine, "_REMEMBER_KEYS", 0)
    assert found(count_keys(by_doc, settings, floor)) == expected


def test_counting_by_distinct_text_gives_the_same_tables_in_the_same_order(articles, monkeypatch):
    """The fast path (`by_text.py`, each distinct text keyed once) and counting unit by unit give the same document
    counts, the same pruned table (its counters and error), and the same units under the same keys, in the same
    order: candidates are made from those lists."""
    settings = LearnSettings()
    by_doc = _by_doc(articles)
    fast = count_keys(by_doc, settings, 12)
    monkeypatch.setattr(mine, "_REMEMBER_KEYS", 0)
    slow = count_keys(by_doc, settings, 12)
    assert list(fast.found) == list(slow.found)
    assert all(fast.found[k] == slow.found[k] for k in slow.found)  # the very units, in order
    assert fast.support == slow.support
    assert (fast.df.counts, fast.df.error, fast.df.total) == (slow.df.counts, slow.df.error, slow.df.total)
    # A table small enough to be pruned: the same pruning, update after update.
    monkeypatch.setattr(mine.HeavyHitters, "for_floor", classmethod(lambda cls, total, floor: cls(40)))
    monkeypatch.setattr(by_text.HeavyHitters, "for_floor", classmethod(lambda cls, total, floor: cls(40)))
    pruned_slow = count_keys(by_doc, settings, 12)
    monkeypatch.setattr(mine, "_REMEMBER_KEYS", 4_000_000)
    pruned_fast = count_keys(by_doc, settings, 12)
    assert pruned_fast.df.error > 0
    assert (pruned_fast.df.counts, pruned_fast.df.error) == (pruned_slow.df.counts, pruned_slow.df.error)
    assert list(pruned_fast.found) == list(pruned_slow.found)


def test_the_plugin_learned_is_the_same_without_the_speed_ups(articles, monkeypatch):
    base = load_plugins([], entry_points=False).rulesets()
    docs = [(a.url, a.text) for a in articles]
    fast = learn(docs, base=base)
    fast_toml = plugin_toml(fast.sites[0], LearnSettings())
    assert len(fast.sites[0].rules) >= 5

    # Every speed-up off: normalise and pieces computed every time, keys made for every unit, no expression
    # shared.
    slow_normalise = mine.normalise.__wrapped__
    for module in ("mine", "dedup", "holdout", "verify", "context"):
        monkeypatch.setattr(f"cleanser.learn.{module}.normalise", slow_normalise)
    monkeypatch.setattr(mine, "_pieces", mine._pieces.__wrapped__)
    monkeypatch.setattr(mine, "_original_words", lambda text: tuple(mine._split_original(text)))
    monkeypatch.setattr(mine, "_REMEMBER_KEYS", 0)
    monkeypatch.setattr(matcher, "COMPILED_MAX_CHARS", 0)
    monkeypatch.setattr(matcher, "_COMPILED", {})
    monkeypatch.setattr(verify, "CleanedWindows", lambda cleaner: cleaner)  # every window cleaned each time
    monkeypatch.setattr("cleanser.rules.model.check_backtracking", regex.check_backtracking.__wrapped__)
    slow = learn(docs, base=base)
    assert plugin_toml(slow.sites[0], LearnSettings()) == fast_toml
    assert matcher._COMPILED == {}


def _rules(name: str, priority: int, patterns: list[str]):
    raw = [{"id": f"{name}-{i}", "regex": p, "priority": priority} for i, p in enumerate(patterns)]
    return ruleset_from_dict({"name": name, "rule": raw}).rules


def test_matchers_share_the_expressions_of_the_same_rules():
    generic = _rules("speedgeneric", 100, [r"sign up for our \w+ newsletter", r"share this (?:story|article)",
                                           r"subscribe to \w+"])
    learned = _rules("speedlearned", 150, [r"sign up for our daily newsletter", r"listen to this article"])
    alone = LineMatcher(generic)
    beside = LineMatcher([*learned, *generic])  # the generic rules are numbered after the learned ones here

    def group(m: LineMatcher, line: str):
        return m._whole.lookup(fold_for_match(line))[0]

    line = "Share this story"
    assert alone.match_text(line).rule.id == beside.match_text(line).rule.id == "speedgeneric-1"
    assert group(alone, line).members != group(beside, line).members
    assert group(alone, line).pattern is group(beside, line).pattern  # compiled once for both
    # Where a learned rule and a generic one both match, the higher priority still wins, in a shared group too.
    line = "Sign up for our daily newsletter"
    assert alone.match_text(line).rule.id == "speedgeneric-0"
    assert beside.match_text(line).rule.id == "speedlearned-0"
    assert beside.match_text("Listen to this article").rule.id == "speedlearned-1"
    assert beside.match_glued_start(fold_for_match("Subscribe to Harbour")) is None


def test_the_shared_expressions_are_bounded(monkeypatch):
    monkeypatch.setattr(matcher, "_COMPILED", {})
    monkeypatch.setattr(matcher, "_compiled_chars", 0)
    monkeypatch.setattr(matcher, "COMPILED_MAX_CHARS", 60)
    rules = _rules("speedbound", 100, [r"follow us on \w+", r"read more about \w+ here"])
    m = LineMatcher(rules)
    assert m.match_text("Follow us on Mastodon").rule.id == "speedbound-0"
    assert m.match_text("Read more about harbours here").rule.id == "speedbound-1"
    assert 0 < matcher._compiled_chars <= 60
    assert len(matcher._COMPILED) == 1  # the second expression did not fit; it is its matcher's alone


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules_and_lines(), st.lists(st.sampled_from(["generic", "site", "learned"]), min_size=12, max_size=12))
def test_rules_of_several_plugins_match_as_if_tried_one_by_one(case, plugins):
    """A line whose head is not plain ASCII is tried against each plugin's keyed rules apart (one expression per
    plugin, shared between books): the rule that wins is still the one trying every rule in turn finds. Each rule
    has a twin in another plugin at another priority, so that most lines are matched by rules of two plugins."""
    rules, lines = case
    mixed = []
    for n, r in enumerate(rules):
        pattern = "über " + r.pattern
        mixed.append(replace(r, plugin=plugins[n % 12], pattern=pattern))
        twin = plugins[(n + 1) % 12] if plugins[(n + 1) % 12] != plugins[n % 12] else "other"
        mixed.append(replace(r, plugin=twin, id=r.id + "-twin", pattern=pattern, priority=300 - r.priority))
    m = LineMatcher(mixed)
    for line in [*lines, *(f"Über {line}" for line in lines)]:
        folded = fold_for_match(line)
        expected = one_by_one_line(mixed, m.max_len, folded)
        assert _key(m.match_line(folded)) == expected, (line, [(r.plugin, r.pattern) for r in mixed])
        glued = fold(line)
        assert _key(m.match_glued_start(glued)) == one_by_one_start(mixed, glued), line


def test_a_window_is_cleaned_once_per_cleaner(articles):
    from cleanser.learn.read import reading_cleaner
    from cleanser.learn.windows import CleanedWindows

    calls = []

    class Counting:
        def __init__(self, cleaner):
            self.settings = cleaner.settings
            self.cleaner = cleaner

        def clean(self, text, url=None):
            calls.append((text, url))
            return self.cleaner.clean(text, url=url)

    windows = CleanedWindows(Counting(reading_cleaner(load_plugins([], entry_points=False).rulesets())))
    text = articles[0].text
    first = windows.clean(text, url=articles[0].url)
    assert windows.clean(text, url=articles[0].url) is first
    other = windows.clean(text, url="https://elsewhere.example/x")
    assert len(calls) == 2 and other is not first
