"""cleanser: clean scraped news articles of publisher boilerplate without losing article text."""

from .document import Block, Document, Removal
from .pipeline import Cleaner, clean
from .plugins.manager import hookimpl, load_plugins
from .read.text import InputError
from .result import Result
from .rules.model import RuleError, RuleSet, load_ruleset_file, ruleset_from_dict
from .settings import GuardSettings, Settings

__version__ = "0.1.0"
load_ruleset = load_ruleset_file

__all__ = [
    "Block",
    "Cleaner",
    "Document",
    "GuardSettings",
    "InputError",
    "Removal",
    "Result",
    "RuleError",
    "RuleSet",
    "Settings",
    "__version__",
    "clean",
    "hookimpl",
    "load_plugins",
    "load_ruleset",
    "ruleset_from_dict",
]
