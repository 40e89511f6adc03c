"""`clean --learn --jobs N`: the expressions the first pass's workers compiled for each host's rule book are handed
to the parent, so that the second pass's workers (forked from it) find them compiled; the learned plugins are the
same with one job and with two."""

from __future__ import annotations

import pytest
from test_archive import write_jsonl
from test_clean_learn import archive_records

from cleanser.batch import shared_rules
from cleanser.batch.learned import COMPILED, learn_first
from cleanser.batch.plan import Plan
from cleanser.batch.work import Options
from cleanser.rules import matcher
from cleanser.rules.model import load_ruleset_file


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("learn-time") / "dump.jsonl", archive_records(gazette=60))


def _learn(tmp_path, dump, jobs: int):
    plan = Plan(inputs=[str(dump)], options=Options(format="json"), output=str(tmp_path / f"out-{jobs}.jsonl"),
                jobs=jobs)
    return learn_first(plan)


def test_the_parent_holds_what_the_workers_compiled(tmp_path, dump, monkeypatch):
    monkeypatch.setattr(matcher, "_COMPILED", {})
    monkeypatch.setattr(matcher, "_compiled_chars", 0)
    learned = _learn(tmp_path, dump, jobs=2)
    plugins = [load_ruleset_file(p) for p in learned.plugin_files()]
    assert {p.name for p in plugins} == {"devnotes", "harbourgazette"}
    # The parent learned nothing itself; each learned rule is in an expression it holds compiled.
    held = list(matcher._COMPILED)
    for plugin in plugins:
        for rule in plugin.rules:
            assert any(f">{rule.pattern})" in source for source in held), rule.id
    assert all(COMPILED not in outcome for outcome in learned.hosts.values())  # not in the report or the state


def test_the_plugins_learned_with_two_jobs_are_those_of_one(tmp_path, dump):
    one, two = _learn(tmp_path, dump, jobs=1), _learn(tmp_path, dump, jobs=2)
    files = [p.name for p in one.plugin_files()]
    assert files == [p.name for p in two.plugin_files()] and len(files) == 2
    for name in files:
        assert (one.folder / name).read_text() == (two.folder / name).read_text()


def test_compiled_since_lists_only_the_new_expressions(monkeypatch):
    monkeypatch.setattr(matcher, "_COMPILED", {})
    monkeypatch.setattr(matcher, "_compiled_chars", 0)
    shared_rules.compile_all(["(?P<r0>sign up)"])
    before = shared_rules.compiled_now()
    shared_rules.compile_all(["(?P<r0>sign up)", "(?P<r0>read more)"])
    assert shared_rules.compiled_since(before) == ["(?P<r0>read more)"]
    assert matcher._COMPILED["(?P<r0>read more)"].match("READ MORE")


def test_a_resumed_run_reuses_the_first_pass_of_two_jobs(tmp_path, dump, monkeypatch):
    from dataclasses import replace

    plan = Plan(inputs=[str(dump)], options=Options(format="json"), output=str(tmp_path / "out.jsonl"), jobs=2)
    first = learn_first(plan)
    texts = {p.name: p.read_text() for p in first.plugin_files()}

    def no_learning(*args, **kwargs):
        raise AssertionError("a resumed run must not learn again")

    monkeypatch.setattr("cleanser.batch.learned._learn_here", no_learning)
    again = learn_first(replace(plan, resume=True))
    assert again.reused is True and again.hosts == first.hosts
    assert {p.name: p.read_text() for p in again.plugin_files()} == texts
