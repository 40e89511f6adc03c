"""Every hook a cleanser plugin can implement. The docstrings here are the hooks' documentation.

Most plugins need only the first hook and no code at all: a TOML rule file becomes a plugin that registers its
rule set. The other hooks are for what data cannot say.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from ..document import Document
    from ..rules.model import RuleSet

hookspec = pluggy.HookspecMarker("cleanser")


@hookspec
def cleanser_register_rulesets(register: Callable[[RuleSet], None]) -> None:
    """Register rule sets by calling ``register(ruleset)`` zero or more times.

    Build a rule set with ``cleanser.load_ruleset(path)`` (a TOML file) or ``cleanser.ruleset_from_dict(data)``.
    The host validates each one and keeps the rule order by each rule's priority, never by registration order.
    """


@hookspec
def cleanser_prepare_html(tree: HtmlElement, url: str | None, site: str | None) -> None:
    """Change the parsed HTML page in place before the article is extracted.

    Runs after the declarative ``html`` rules. ``site`` is the name of the matched site plugin or None; a
    site-specific implementation should return at once for other sites.
    """


@hookspec
def cleanser_process_document(document: Document, site: str | None) -> None:
    """Mark removals on the document after the text rules ran, for what a rule cannot express.

    Mark a block with ``document.blocks[i].removal = Removal(...)``; never delete or edit blocks, so that the
    loss guard can refuse the removal and the audit shows it.
    """
