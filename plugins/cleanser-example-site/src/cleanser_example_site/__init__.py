"""The Example Site plugin for cleanser: rules as data, plus one hook for what a rule cannot say.

cleanser imports this module through the entry point in pyproject.toml (group ``cleanser``, name ``example_site``)
and registers it with pluggy: every function marked ``@cleanser.hookimpl`` below is a hook implementation.
"""

from __future__ import annotations

from importlib import resources

import cleanser
from cleanser import Document, Removal, RuleSet, hookimpl

NAME = "example_site"  # the rule set's name; the same as the entry point's, so `plugins list` shows its domains


def ruleset() -> RuleSet:
    """The packaged rule file, loaded (parsed and validated, never executed) with cleanser's own loader."""
    with resources.as_file(resources.files(__name__) / "example_site.toml") as path:
        return cleanser.load_ruleset(path)


@hookimpl
def cleanser_register_rulesets(register) -> None:
    register(ruleset())


@hookimpl
def cleanser_process_document(document: Document, site: str | None) -> None:
    """The site ends its articles with a share card whose caption repeats the headline word for word. A rule
    cannot say "a line equal to the first line", so code does: mark the last line that repeats the headline."""
    if site != NAME:
        return
    lines = [b for b in document.blocks if b.removal is None and b.text.strip()]
    if len(lines) < 3:
        return
    headline, last = lines[0], lines[-1]
    if last.text.strip() == headline.text.strip():
        # Mark, never delete: the loss guard may still refuse the removal, and the audit lists it.
        last.removal = Removal(rule=f"{NAME}/headline-share-card", plugin=NAME, text=last.text, kind="hook")
