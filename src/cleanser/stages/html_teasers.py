"""The teasers of a related list, for the guard: what it is shown of a box named as related stories.

A box the markup names "related" (or "popular posts", "more stories") is removed by the generic layer unless the
guard finds a paragraph of prose in it; a related list's items often carry an excerpt of each story ("Final Summer
Sale: unbedingt noch die heißesten Schnäppchen der Saison eintüten, auch wenn ... […]"), which reads as prose. Such an
item has a shape the article's own paragraphs do not: it is one of a run of like items (list items, `article`s,
boxes of one tag side by side) each of which opens with a link to another page, its headline, the excerpt after it.
The guard is shown the box's paragraphs less those inside such items (`shown`); a box named related that holds the
article's own paragraphs outside any such run is refused as before.
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")
MIN_ITEMS = 2  # items of a run: one item that opens with a link is a paragraph that starts with one


def _text(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _first_text_in_link(item) -> bool:
    """Whether the first text of the item is a link's to another page (its headline), of two words or more."""
    for el in item.iter():
        if not isinstance(el.tag, str):
            continue
        if (el.text or "").strip():
            link = el if el.tag == "a" else next(el.iterancestors("a"), None)
            if link is None:
                return False
            href = (link.get("href") or "").strip()
            return bool(href) and not href.startswith("#") and len(_text(link).split()) >= 2
        if el is not item and (el.tail or "").strip():
            return False  # text of the item's own before any link
    return False


def teaser_items(box) -> list:
    """The items of runs of teasers inside the box: siblings of one tag, two or more, each opening with a link to
    another page."""
    found: list = []
    for parent in box.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_ITEMS:
            continue
        by_tag: dict[str, list] = {}
        for child in parent:
            if isinstance(child.tag, str):
                by_tag.setdefault(child.tag, []).append(child)
        for items in by_tag.values():
            if len(items) < MIN_ITEMS:
                continue
            teasers = [item for item in items if _first_text_in_link(item)]
            if len(teasers) >= MIN_ITEMS and 2 * len(teasers) >= len(items):
                found += teasers
    return found


def shown(box, paragraphs: list[str]) -> list[str]:
    """The paragraphs the guard is shown of a related box: those not inside one of its teaser items."""
    items = [_text(item) for item in teaser_items(box)]
    if not items:
        return paragraphs
    kept = [p for p in paragraphs if not any(_WS.sub(" ", p).strip() in item for item in items)]
    return kept or [""]
