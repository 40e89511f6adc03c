"""The fixtures' windows, each cleaned once.

`verify` looks for each learned rule's fixture by cleaning windows of archive documents around the rule's
occurrences, up to five documents a rule. Rules of one site sit in the same documents, near each other (a header and
its blurb, a footer's lines), so the window around one rule's occurrence is often the very window around another's:
on the archive-quality bench 592 of the 1,024 windows cleaned were a window already cleaned with the same cleaner,
most of them for rules that found no fixture (tried in all five documents). A window's cleaning depends only on its
text, its URL and the cleaner, so it is kept and given again: the fixtures made are the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import Cleaner
    from ..result import Result


class CleanedWindows:
    """A cleaner's `clean`, with each (text, url) cleaned once. For one cleaner and one site's fixtures: the results
    are held until it is dropped (a few hundred windows of a few lines)."""

    __slots__ = ("cleaned", "cleaner", "settings")

    def __init__(self, cleaner: Cleaner):
        self.cleaner = cleaner
        self.settings = cleaner.settings
        self.cleaned: dict[tuple[str, str | None], Result] = {}

    def clean(self, text: str, url: str | None = None) -> Result:
        """The cleaner's result for the window; the same object again for a window already cleaned (read it, do not
        change it)."""
        found = self.cleaned.get((text, url))
        if found is None:
            found = self.cleaned[text, url] = self.cleaner.clean(text, url=url)
        return found
