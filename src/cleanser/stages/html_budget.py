"""The word budget for HTML rules (guard check 4, before extraction): rules that are not trusted may drop at most
`budget` of the page's words; over it, every one of their removals is put back (as the guard does with text
removals: a rule that eats most of a page is broken, whichever of its removals is to blame), largest first in the
audit, and the guard flags the document.

HTML rules act before the article is extracted, when the article's own length is not known yet: the budget is a
share of the page's words (after scripts, styles and hidden elements went). That is more than the article's, so
the check is a floor: a rule like `selectors = ["p"]`, which would take every paragraph, is stopped; a rule that
takes a quarter of the page is not.
"""

from __future__ import annotations

from ..document import Removal
from ..read.page import PLACEHOLDER
from ..settings import GuardSettings
from ..text import word_count


def enforce_budget(root, dropped: list, page_words: int, settings: GuardSettings) -> list[Removal]:
    """Put back every untrusted HTML removal when together they take more than the budget; the refused ones."""
    if not settings.enabled or page_words < max(settings.min_words, 1):
        return []
    taken = [(word_count(r.text), r, number, el) for r, rule, number, el in dropped if not rule.trusted]
    removed = sum(n for n, *_ in taken)
    limit = settings.budget * page_words
    refused: list[Removal] = []
    if removed <= limit:
        return []
    reason = (f"HTML rules would take {removed} of the page's {page_words} words ({removed / page_words:.0%}), "
              f"over the budget of {settings.budget:.0%}")
    markers = {m.get("data-removal"): m for m in root.iter(PLACEHOLDER)}
    for _, removal, number, el in sorted(taken, key=lambda t: -t[0]):
        marker = markers.get(str(number))
        parent = marker.getparent() if marker is not None else None
        if parent is None:  # the placeholder went with a larger element another rule dropped
            continue
        el.tail = marker.tail
        parent.replace(marker, el)
        removal.refused = reason
        refused.append(removal)
    return refused
