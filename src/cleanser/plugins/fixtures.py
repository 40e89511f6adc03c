"""Running plugins' fixtures: `cleanser plugins test` and the test suite use this."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..pipeline import Cleaner
from ..rules.model import Fixture, RuleSet


@dataclass
class FixtureOutcome:
    plugin: str
    fixture: str
    ok: bool
    problems: list[str] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)


@dataclass
class PluginReport:
    ruleset: RuleSet
    outcomes: list[FixtureOutcome]
    uncovered: list[str]  # rules with no positive fixture

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes) and not self.uncovered

    def rule_status(self) -> list[tuple[str, str, int]]:
        """(rule id, "ok" | "FAIL" | "no fixture", fixtures naming it) for every rule."""
        out = []
        for rule in self.ruleset.rules:
            named = [o for o, f in zip(self.outcomes, self.ruleset.fixtures, strict=True) if rule.id in f.rules]
            if not named:
                out.append((rule.id, "no fixture", 0))
            else:
                out.append((rule.id, "ok" if all(o.ok for o in named) else "FAIL", len(named)))
        return out


def default_url(ruleset: RuleSet) -> str | None:
    return f"https://www.{ruleset.domains[0]}/" if ruleset.domains else None


def run_fixture(cleaner: Cleaner, ruleset: RuleSet, fixture: Fixture) -> FixtureOutcome:
    url = fixture.url or default_url(ruleset)
    result = cleaner.clean(fixture.input, url=url)
    fired = {r.rule.split("/", 1)[1] for r in result.removed if r.plugin == ruleset.name}
    # A keep rule fires when it protects a line.
    prefix = ruleset.name + "/"
    fired |= {
        b.protected_by[len(prefix) :] for b in result.document.blocks if (b.protected_by or "").startswith(prefix)
    }
    problems: list[str] = []
    if fixture.expected is None:
        own = [r for r in result.removed if r.plugin == ruleset.name]
        if own:
            problems.append(
                f"negative fixture, but {len(own)} removals: " + "; ".join(f"{r.rule}: {r.text[:80]!r}" for r in own)
            )
        if result.document.source == "text" and result.text.strip() != fixture.input.strip():
            problems.append("negative fixture changed:\n" + _diff(fixture.input.strip(), result.text))
    else:
        if result.text != fixture.expected.strip("\n"):
            problems.append(_diff(fixture.expected.strip("\n"), result.text))
        missing = [r for r in fixture.rules if r not in fired]
        if missing:
            problems.append(f"rules that did not fire: {', '.join(missing)}")
    for r in result.refused:
        if r.plugin == ruleset.name:
            problems.append(f"the guard refused {r.rule}: {r.refused}")
    return FixtureOutcome(ruleset.name, fixture.name, not problems, problems, fired)


def test_plugin(cleaner: Cleaner, ruleset: RuleSet) -> PluginReport:
    outcomes = [run_fixture(cleaner, ruleset, f) for f in ruleset.fixtures]
    covered = {r for f in ruleset.fixtures if f.expected is not None for r in f.rules}
    uncovered = [r.id for r in ruleset.rules if r.id not in covered]
    return PluginReport(ruleset, outcomes, uncovered)


def _diff(expected: str, got: str) -> str:
    import difflib

    lines = difflib.unified_diff(expected.splitlines(), got.splitlines(), "expected", "got", lineterm="", n=1)
    return "\n".join(lines)
