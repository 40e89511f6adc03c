"""The bundled rules stay fast on hostile lines made of their own examples.

A generic rule runs on every line of every document, of every site, and a site rule on every line of its site. A
rule whose pattern is bounded but ambiguous (a row of items joined by separators, where a space may belong to the
item or to the separator) passes the load-time analysis yet can take minutes on a line that almost matches: its own
example repeated past the repeat's bound, or with junk after it. The clock (`rules/clock.py`) would stop it and
disable it for the run, so the rule would silently stop working; this test finds such a pattern before it ships."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import cleanser
from cleanser.rules.clock import Deadline, RuleTimeout, Ticking
from cleanser.rules.model import Rule, load_ruleset_file
from cleanser.text import fold_for_match

GENERIC = Path(cleanser.__file__).parent / "generic.toml"
SITES = Path(__file__).resolve().parents[1] / "plugins" / "sites"


def _rules(path: Path, generic: bool = False) -> list[Rule]:
    """The file's line rules with the patterns the matcher compiles (templates included), as the loader reads them."""
    return [rule for rule in load_ruleset_file(path, generic=generic).rules if rule.pattern]


RULES = [(GENERIC.stem, rule) for rule in _rules(GENERIC, generic=True)]
RULES += [(path.stem, rule) for path in sorted(SITES.glob("*.toml")) for rule in _rules(path)]
LIMIT = 0.25  # CPU seconds for one line; ordinary lines take microseconds


def hostile_lines(example: str) -> list[str]:
    """Lines that almost match: the example repeated past any repeat's bound, joined the ways rows are joined,
    with a stray character at the end."""
    lines = []
    for join in (" | ", " ", " • ", ", ", " / "):
        lines.append(join.join([example] * 40) + " ~")
        lines.append(join.join([example] * 12) + " ~")
    lines.append(example + " " + "a " * 300)
    lines.append(example + "." * 300)
    return [fold_for_match(line) for line in lines]


@pytest.mark.parametrize(("plugin", "rule"), RULES, ids=[f"{plugin}/{rule.id}" for plugin, rule in RULES])
def test_a_bundled_rule_is_fast_on_lines_that_almost_match(plugin: str, rule: Rule) -> None:
    pattern = re.compile(rule.pattern, re.IGNORECASE)
    for example in rule.examples:
        for line in hostile_lines(example):
            # Under the rule clock's own deadline, so that a runaway pattern fails the test at once instead of
            # holding it for hours.
            started = time.thread_time()
            try:
                with Ticking(), Deadline(LIMIT):
                    pattern.fullmatch(line)
            except RuleTimeout:
                pass
            spent = time.thread_time() - started
            assert spent < LIMIT, f"{plugin}/{rule.id} ran past {LIMIT} s on a line built from {example!r}"
