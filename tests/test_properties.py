"""Content-loss properties, each its own test, over generated articles with the bundled plugins' own promo
examples injected (see cleanser.testing.strategies for what the generator promises).

The number of examples comes from the Hypothesis profile: `cleanser-ci` here by default (pyproject.toml), and
CLEANSER_HYPOTHESIS_PROFILE=long for 10,000 examples per property.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from cleanser import Cleaner, GuardSettings, InputError, ruleset_from_dict
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.testing import checks
from cleanser.testing import strategies as cst
from cleanser.testing.articles import PARAGRAPH, POSITIONS, SPLIT
from cleanser.testing.watchdog import watchdog

PLUGINS = load_plugins(entry_points=False)
CLEANER = Cleaner(PLUGINS)
CATALOG = cst.catalog_for(CLEANER)
FORMS = st.sampled_from(["text", "html"])


@given(cst.samples(CATALOG), FORMS)
def test_no_loss(sample, form):
    """Every paragraph, heading, quote and list item is in the output, in order, unchanged but for whitespace."""
    checks.assert_no_loss(sample, checks.clean(CLEANER, sample, form), form)


@given(cst.samples(CATALOG, min_promos=1), FORMS)
def test_all_injected_boilerplate_is_gone(sample, form):
    checks.assert_boilerplate_gone(sample, checks.clean(CLEANER, sample, form), form)


@given(cst.samples(CATALOG), FORMS)
def test_structure_is_restored(sample, form):
    """One output block per article block: a paragraph a promo cut in two is whole again."""
    checks.assert_structure_kept(sample, checks.clean(CLEANER, sample, form), form)


@given(cst.samples(CATALOG), FORMS)
def test_idempotent(sample, form):
    checks.assert_idempotent(CLEANER, sample, checks.clean(CLEANER, sample, form), form)


@given(cst.samples(CATALOG), FORMS)
def test_removal_only(sample, form):
    """The output invents no word: its words are a subsequence of the input's."""
    checks.assert_removal_only(sample, checks.clean(CLEANER, sample, form), form)


@given(cst.clean_samples(), FORMS)
def test_clean_article_comes_out_unchanged(sample, form):
    checks.assert_unchanged(sample, checks.clean(CLEANER, sample, form), form)


@given(cst.samples(CATALOG))
def test_text_and_html_forms_give_the_same_text(sample):
    checks.assert_same_text(sample, checks.clean(CLEANER, sample, "text"), checks.clean(CLEANER, sample, "html"))


# Plugin load order: the same rule sets registered in different orders. Built once: a cleaner compiles its rules.
_RULESETS = PLUGINS.rulesets()
_ORDERS = [list(_RULESETS), list(reversed(_RULESETS))]
_ORDERS += [random.Random(seed).sample(_RULESETS, len(_RULESETS)) for seed in (1, 2)]
ORDERED_CLEANERS = [Cleaner(Plugins.from_rulesets(*order)) for order in _ORDERS]


@given(cst.samples(CATALOG), FORMS, st.integers(1, len(ORDERED_CLEANERS) - 1))
def test_deterministic_whatever_the_plugin_load_order(sample, form, other):
    first = checks.fingerprint(checks.clean(ORDERED_CLEANERS[0], sample, form))
    assert checks.fingerprint(checks.clean(ORDERED_CLEANERS[other], sample, form)) == first
    assert checks.fingerprint(checks.clean(ORDERED_CLEANERS[0], sample, form)) == first  # and run to run


def _exercise(result) -> None:
    """Everything a caller can ask of a result."""
    assert isinstance(result.text, str)
    result.markdown, result.html  # noqa: B018
    json.dumps(result.to_dict(), ensure_ascii=False)


@given(cst.hostile_text(), cst.urls())
def test_arbitrary_text_never_raises_or_hangs(text, url):
    with watchdog():
        _exercise(CLEANER.clean(text, url=url))


@given(cst.hostile_html(), cst.urls())
def test_arbitrary_html_never_raises_or_hangs(html, url):
    with watchdog():
        _exercise(CLEANER.clean(html, url=url))


@given(cst.hostile_bytes())
def test_arbitrary_bytes_are_cleaned_or_refused_with_a_reason(data):
    with watchdog():
        try:
            result = CLEANER.clean(data, name="hostile.bin")
        except InputError as exc:
            assert str(exc).startswith("hostile.bin: ")
            return
        _exercise(result)


_BOXY = ruleset_from_dict({
    "name": "boxy",
    "domains": ["boxy.example"],
    "rule": [
        {"id": "box", "kind": "block", "start": "Sign up for Boxy Daily", "end": "By signing up, you agree"},
        {"id": "markers", "regex": "Sign up for Boxy Daily|By signing up, you agree",
         "examples": ["Sign up for Boxy Daily", "By signing up, you agree"]},
    ],
})
_BOXY_CLEANER = Cleaner(Plugins.from_rulesets(_BOXY), guard=GuardSettings(enabled=False))


@settings(max_examples=100, database=None, derandomize=True, deadline=None)
@given(cst.samples(cst.catalog_for(_BOXY_CLEANER), sites=["boxy"], min_promos=2), FORMS)
def test_the_generator_never_puts_article_text_inside_a_box(sample, form):
    """The generator's promise that the properties rely on: promo lines that are a box's markers never open and
    close it around article text (checked through what the box rule removes, with the guard off); they still
    come out."""
    result = checks.clean(_BOXY_CLEANER, sample, form)
    taken = [checks.normalize_ws(r.text) for r in result.removed if r.kind == "block"]
    for unit in sample.units:
        assert not any(checks.normalize_ws(unit) in text for text in taken), unit
    checks.assert_boilerplate_gone(sample, result, form)


def test_the_checks_split_words_where_a_promo_was_glued_on():
    from cleanser.testing.articles import words

    assert words("hoursRead ContinueГородской совет Continue市议会周一。 déjàVu Straße") == [
        "hours", "Read", "Continue", "Городской", "совет", "Continue", "市议会周一", "déjà", "Vu", "Straße",
    ]
    assert checks.is_subsequence(words("Городской совет"), words("Advertisement - Scroll to ContinueГородской совет"))


# --- a deliberately broken rule --------------------------------------------------------------------------------

# (rule, whether it is a generic rule): rules that eat article paragraphs.
BROKEN_RULES = {
    "site regex .{40,}": ({"id": "eats-long-lines", "regex": ".{40,}"}, False),
    "generic rule matching any sentence": ({"id": "eats-sentences", "regex": r"[^.!?]{20,300}[.!?]?"}, True),
    "wildcard after a common word": ({"id": "eats-the", "regex": r"the .{20,}"}, False),
}


def _broken_cleaner(rule: dict, generic: bool, *, guard: bool) -> Cleaner:
    data = {"name": "broken", "rule": [rule], **({} if generic else {"domains": ["broken.example"]})}
    broken = ruleset_from_dict(data, generic=generic)
    return Cleaner(Plugins.from_rulesets(*_RULESETS, broken), guard=GuardSettings(enabled=guard))


def _samples_for(cleaner: Cleaner, generic: bool, article=None, positions=POSITIONS):
    sites = [None] if generic else ["broken"]
    return cst.samples(cst.catalog_for(cleaner), sites=sites, article=article, positions=positions)


@pytest.mark.parametrize(("rule", "generic"), BROKEN_RULES.values(), ids=BROKEN_RULES.keys())
def test_a_broken_rule_is_caught_by_the_properties(rule, generic):
    cleaner = _broken_cleaner(rule, generic, guard=False)

    def holds(c: Cleaner, sample) -> bool:
        try:
            checks.assert_no_loss(sample, checks.clean(c, sample, "text"), "text")
        except AssertionError:
            return False
        return True

    reference = Cleaner(PLUGINS, guard=GuardSettings(enabled=False))

    def loses_text(sample) -> bool:
        # Fails with the broken rule where the bundled rules alone pass (the guard off for both): the broken rule
        # is to blame.
        return not holds(cleaner, sample) and holds(reference, sample)

    try:
        found = find(
            _samples_for(cleaner, generic),
            loses_text,
            # Finding one is enough; shrinking it would only cost time.
            settings=settings(
                max_examples=200, database=None, derandomize=True, deadline=None, phases=[Phase.generate]
            ),
        )
    except NoSuchExample:
        pytest.fail(f"the no-loss property did not notice the broken rule {rule}")
    result = checks.clean(cleaner, found, "text")
    assert any(r.rule == f"broken/{rule['id']}" for r in result.removed)


@pytest.mark.parametrize(("rule", "generic"), BROKEN_RULES.values(), ids=BROKEN_RULES.keys())
def test_a_broken_rule_is_caught_by_the_guard(rule, generic):
    """With the guard on, the broken rule takes no sentence: its removals are refused, every word of the article
    stays and the document is flagged.

    What the guard protects is sentences, so the articles here are paragraphs only, and no promo line cuts one:
    a broken rule that also takes that promo line hides that the two halves belong together. Headings and cut
    paragraphs are for the properties (above) and the fixtures to protect."""
    cleaner = _broken_cleaner(rule, generic, guard=True)
    prose = cst.articles().filter(lambda a: all(b.kind == PARAGRAPH for b in a.blocks))
    positions = [p for p in POSITIONS if p != SPLIT]
    refusals: list[str] = []

    @settings(max_examples=40, database=None, derandomize=True, deadline=None)
    @given(_samples_for(cleaner, generic, prose, positions), FORMS)
    def holds(sample, form):
        result = checks.clean(cleaner, sample, form)
        checks.assert_words_kept(sample, result, form)  # the broken rule may still take promo lines
        refused = [r for r in result.refused if r.plugin == "broken"]
        if refused:
            assert result.flags["guard"].startswith("refused ")
            assert all(r.refused for r in refused)
            refusals.extend(r.refused for r in refused)
        assert [r.to_dict()["refused"] for r in refused] == [r["refused"] for r in result.to_dict()["refused"]
                                                             if r["plugin"] == "broken"]

    holds()
    assert refusals, "the broken rule never fired: the test proves nothing"


def broken_rules():
    """Rules that eat article text: a wildcard of some length, maybe after a common word, or any sentence."""
    return st.one_of(
        st.integers(20, 80).map(lambda n: f".{{{n},}}"),
        st.tuples(st.sampled_from(["the", "a", "in", "she", "said"]), st.integers(10, 60)).map(
            lambda wn: f"{wn[0]} .{{{wn[1]},}}"
        ),
        st.integers(10, 40).map(lambda n: f"[^.!?]{{{n},400}}[.!?]?"),
    )


_BROKEN_CLEANERS: dict[tuple[str, bool], Cleaner] = {}


@settings(max_examples=30, database=None, derandomize=True, deadline=None)
@given(broken_rules(), st.booleans(), st.data())
def test_generated_broken_rules_are_caught_by_the_guard(pattern, generic, data):
    key = (pattern, generic)
    if key not in _BROKEN_CLEANERS:
        _BROKEN_CLEANERS[key] = _broken_cleaner({"id": "generated", "regex": pattern}, generic, guard=True)
    cleaner = _BROKEN_CLEANERS[key]
    prose = cst.articles().filter(lambda a: all(b.kind == PARAGRAPH for b in a.blocks))
    positions = [p for p in POSITIONS if p != SPLIT]
    sample = data.draw(_samples_for(cleaner, generic, prose, positions))
    form = data.draw(FORMS)
    result = checks.clean(cleaner, sample, form)
    checks.assert_words_kept(sample, result, form)
    if any(r.plugin == "broken" for r in result.refused):
        assert "guard" in result.flags


# --- the pytest plugin, as cleanser's tests and plugin authors use it -----------------------------------------------


def test_the_pytest_plugin_selected_the_profile(request):
    from hypothesis import settings as current

    from cleanser.testing.profiles import ENV, resolve

    assert request.config.pluginmanager.has_plugin("cleanser")
    wanted = resolve(os.environ.get(ENV) or request.config.getini("cleanser_hypothesis_profile") or "ci")
    assert current.get_profile(wanted).max_examples == current.default.max_examples
    assert current.default.deadline is None


@settings(max_examples=5)
@given(st.data())
def test_the_fixtures_work_with_given(cleanser_cleaner, cleanser_catalog, cleanser_checks, data):
    sample = data.draw(cst.samples(cleanser_catalog, sites=["ft"]))
    result = cleanser_checks.clean(cleanser_cleaner, sample, "text")
    cleanser_checks.assert_no_loss(sample, result, "text")


def test_a_plugin_author_s_test_run(tmp_path):
    """Outside this project: the plugin loads from its entry point, the environment picks the profile, the
    fixtures and strategies work."""
    (tmp_path / "test_mine.py").write_text(
        "from hypothesis import given, settings\n"
        "from cleanser.testing import strategies as cst\n"
        "from cleanser.testing.checks import assert_boilerplate_gone, clean\n"
        "from cleanser import Cleaner\n"
        "CATALOG = cst.catalog_for(Cleaner())\n"
        "@settings(max_examples=3)\n"
        "@given(cst.samples(CATALOG, sites=['guardian'], min_promos=1))\n"
        "def test_guardian(cleanser_cleaner, sample):\n"
        "    assert_boilerplate_gone(sample, clean(cleanser_cleaner, sample, 'html'), 'html')\n",
        encoding="utf-8",
    )
    env = {**os.environ, "CLEANSER_HYPOTHESIS_PROFILE": "dev"}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "test_mine.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "cleanser: hypothesis profile cleanser-dev" in proc.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "test_mine.py"],
        cwd=tmp_path, env={**env, "CLEANSER_HYPOTHESIS_PROFILE": "nonesuch"}, capture_output=True, text=True,
        timeout=300,
    )
    assert bad.returncode != 0 and "CLEANSER_HYPOTHESIS_PROFILE" in bad.stdout + bad.stderr
