"""The example plugin's own tests, run against the installed package (pip install ./plugins/cleanser-example-site)."""

from __future__ import annotations

from importlib import metadata

import cleanser_example_site

import cleanser
from cleanser.plugins.fixtures import test_plugin as run_plugin_fixtures
from cleanser.plugins.manager import load_plugins


def test_the_entry_point_names_this_module():
    points = {ep.name: ep.value for ep in metadata.entry_points(group="cleanser")}
    assert points.get("example_site") == "cleanser_example_site"


def test_the_packaged_rules_load_and_every_fixture_passes():
    plugins = load_plugins()
    ruleset = {rs.name: rs for rs in plugins.rulesets()}[cleanser_example_site.NAME]
    assert ruleset.domains == ("example-site.org",)
    report = run_plugin_fixtures(cleanser.Cleaner(plugins), ruleset)
    problems = [f"{o.fixture}: {p}" for o in report.outcomes for p in o.problems]
    assert not problems, "\n".join(problems)
    assert not report.uncovered


def test_the_hook_leaves_other_sites_alone():
    text = "Night ferry returns\nThe ferry will run again from October, the board said.\nNight ferry returns"
    result = cleanser.clean(text, url="https://www.example-news.org/ferry")
    assert result.text == text
