"""Rules of some plugins matched in groups of their own (`LineMatcher(rules, apart=...)`, the generic rules in a
rule book) give the same answers as one group of all: the highest-priority rule wins, whichever side it is on."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_matcher import _key, one_by_one_end, one_by_one_line, one_by_one_start, rules_and_lines

from cleanser.rules.matcher import LineMatcher
from cleanser.text import fold, fold_for_match


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules_and_lines(), st.data())
def test_rules_apart_agree_with_trying_every_rule_in_turn(case, data):
    rules, lines = case
    # Some rules of a second plugin, the "generic" one, with the same keys and priorities mixed in.
    sides = data.draw(st.lists(st.booleans(), min_size=len(rules), max_size=len(rules)))
    rules = [replace(r, plugin="g") if apart else r for r, apart in zip(rules, sides, strict=True)]
    matcher = LineMatcher(rules, apart={"g"})
    together = LineMatcher(rules)
    for line in lines:
        folded = fold_for_match(line)
        expected = one_by_one_line(rules, matcher.max_len, folded)
        assert _key(matcher.match_line(folded)) == expected, (line, [(r.plugin, r.pattern) for r in rules])
        assert _key(together.match_line(folded)) == expected
        glued = fold(line)
        assert _key(matcher.match_glued_start(glued)) == one_by_one_start(rules, glued), line
        assert _key(matcher.match_glued_end(glued)) == one_by_one_end(rules, matcher.max_len, glued), line


def test_a_line_whose_key_both_sides_share_goes_to_the_higher_priority_rule():
    from cleanser import ruleset_from_dict

    site = ruleset_from_dict({"name": "site", "priority": 200, "rule": [{"id": "a", "regex": r"sign up for \w+"}]})
    generic = ruleset_from_dict({"name": "gen", "generic": True, "priority": 100,
                                 "rule": [{"id": "b", "regex": r"sign up(?: for \w+)?"}]})
    rules = [*generic.rules, *site.rules]
    matcher = LineMatcher(rules, apart={"gen"})
    assert matcher.match_line("sign up for news").rule.qualified == "site/a"
    assert matcher.match_line("sign up").rule.qualified == "gen/b"
    # Two groups for the shared key, one a side, and the generic one is the generic book's own.
    assert len(matcher._whole.lookup("sign up for news")) == 2
