"""The rule matcher's groups (the generic rules' apart from a site's and a learned host's, each key table's group
and each needy rule tried on its own) change what is compiled, not what matches: `clean --learn` learns the same
plugins with the generic rules grouped with the others, and a plain clean gives the same output."""

from __future__ import annotations

import pytest
from test_archive import write_jsonl
from test_clean_learn import archive_records
from test_learn_time import _learn

from cleanser import Cleaner
from cleanser.rules import matcher
from cleanser.rules.book import RuleBook


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("learn-matcher") / "dump.jsonl", archive_records(gazette=40))


def _together(monkeypatch):
    """Books whose generic rules share groups with the others' (as before the split)."""
    monkeypatch.setattr(RuleBook, "generic", property(lambda self: frozenset()))
    monkeypatch.setattr(matcher, "_COMPILED", {})
    monkeypatch.setattr(matcher, "_compiled_chars", 0)


def test_the_plugins_learned_are_the_same_with_the_generic_rules_grouped_with_the_others(tmp_path, dump, monkeypatch):
    apart = _learn(tmp_path / "apart", dump, jobs=1)
    texts = {p.name: p.read_text() for p in apart.plugin_files()}
    assert len(texts) == 2 and all("[[rule]]" in t for t in texts.values())
    _together(monkeypatch)
    together = _learn(tmp_path / "together", dump, jobs=1)
    assert {p.name: p.read_text() for p in together.plugin_files()} == texts
    assert together.hosts == apart.hosts


def test_a_book_tries_the_generic_rules_in_groups_of_their_own():
    cleaner = Cleaner()
    site = next(rs for rs in cleaner.plugins.rulesets()
                if not rs.generic and rs.domains and sum(r.kind == "line" for r in rs.rules) >= 5)
    text = "Sign up for our newsletter\nThe council met on Tuesday to discuss the harbour wall and its repair costs."
    book = cleaner.read(text, url=f"https://{site.domains[0]}/a").book
    assert site in book.rulesets and book.generic and all(rs.generic for rs in book.rulesets if rs.name in book.generic)
    generic = {r.plugin for r in book.rules if r.plugin in book.generic}
    assert {r.plugin for r in book.lines.rules} > generic
    for heads in (book.lines._whole, book.lines._start):
        for group in heads._groups.values():
            plugins = {book.lines.rules[i].plugin for i in group.members}
            assert plugins <= generic or not plugins & generic, plugins


def test_a_plain_clean_is_the_same_with_the_generic_rules_grouped_with_the_others(dump, monkeypatch):
    import json

    docs = [json.loads(line) for line in dump.read_text().splitlines()[:60]]
    apart = Cleaner()
    first = [apart.clean(d.get("text") or d["html"], url=d["url"]) for d in docs]
    _together(monkeypatch)
    together = Cleaner()
    for d, result in zip(docs, first, strict=True):
        again = together.clean(d.get("text") or d["html"], url=d["url"])
        assert again.text == result.text
        assert [(r.rule, r.text) for r in again.audit] == [(r.rule, r.text) for r in result.audit]
