"""Rules as data: the model and its loading (`model`), regex analysis (`regex`), matching (`matcher`), the cache."""

from .model import Fixture, Rule, RuleError, RuleSet, load_ruleset_file, ruleset_from_dict

__all__ = ["Fixture", "Rule", "RuleError", "RuleSet", "load_ruleset_file", "ruleset_from_dict"]
