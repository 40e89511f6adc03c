"""Every loaded plugin's fixtures pass, every rule has a positive fixture, and every plugin loads."""

from __future__ import annotations

import pytest

from cleanser import Cleaner
from cleanser.plugins.fixtures import test_plugin as run_plugin_fixtures
from cleanser.plugins.manager import load_plugins

PLUGINS = load_plugins(entry_points=False)
CLEANER = Cleaner(PLUGINS)


def test_every_bundled_plugin_loads():
    assert PLUGINS.errors == []
    names = {rs.name for rs in PLUGINS.rulesets()}
    assert {"generic", "ft"} <= names


@pytest.mark.parametrize("ruleset", PLUGINS.rulesets(), ids=lambda rs: rs.name)
def test_fixtures(ruleset):
    report = run_plugin_fixtures(CLEANER, ruleset)
    problems = [f"{o.fixture}: {p}" for o in report.outcomes for p in o.problems]
    assert not problems, "\n".join(problems)
    assert not report.uncovered, f"rules with no positive fixture: {report.uncovered}"
    assert any(f.expected is None for f in ruleset.fixtures) or ruleset.generic, "needs a negative fixture"


@pytest.mark.parametrize("ruleset", [rs for rs in PLUGINS.rulesets() if not rs.generic], ids=lambda rs: rs.name)
def test_site_plugin_metadata(ruleset):
    assert ruleset.domains, "a site plugin serves at least one domain"
    assert all(r.description for r in ruleset.rules), "every rule says what it removes"
    assert any(r.kind == "html" for r in ruleset.rules), "a site plugin covers the HTML form too"
