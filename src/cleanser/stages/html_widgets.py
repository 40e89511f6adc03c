"""A page's widget area inside the article's container: a sidebar made of widgets (`generic_html.py` asks this module
after the markup tokens).

Blog engines build their sidebars of widgets, each a box of its own named so: WordPress (`div#sidebar >
li.widget.widget_text`, `section.widget.widget_recent_entries`), Blogger (`div.sidebar.section >
div.widget.PopularPosts`), and the themes built on them. When readability's choice is widened to the box holding the
page's prose, or when the page's body is the container, such a sidebar comes in with the article: its archive
calendar, its tag cloud, its "popular posts", its licence note.

"sidebar" alone is weak evidence at the default level: a news site's "sidebar" is also a fact box inside the story.
A box named sidebar (or widget area) that holds two widgets or more is the page's widget area; a widget inside such
a box is one of its widgets. A fact box holds paragraphs, not widgets. Each removal is judged by the guard as any
generic one is: a widget that holds a paragraph of prose (a feed's summary, a popular post's first lines) stays,
and the sidebar around it then stays too, its other widgets going one by one.
"""

from __future__ import annotations

import re

# A box the page names as its sidebar or widget area ("sidebar", "sidebar-right", "secondary-sidebar",
# "widget-area", "widgets-area").
AREA = re.compile(r"(?:^|[\s_-])(?:sidebar\w*|widgets?-?area\w*)(?=$|[\s_-])")
# One widget: "widget", "widget_text", "widget-recent-posts", "sidebar-widget" (the token "widget", at token edges;
# "textwidget" is a widget's inside, no widget by itself).
WIDGET = re.compile(r"(?:^|[\s_-])widget(?=$|[\s_-])")
MIN_WIDGETS = 2  # widgets an area holds: one could be a fact box's own name


def _names(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip().lower()


def evidence(el, names: str, container) -> tuple[str, str] | None:
    """("aside", evidence) for a widget area or a widget of one inside `container`; None otherwise. `names` is the
    element's lowercased class and id."""
    if not names:
        return None
    area = AREA.search(names)
    if area is not None and not WIDGET.search(names):
        widgets = _widgets(el)
        if widgets >= MIN_WIDGETS:
            return "aside", f'a widget area ("{area.group(0).strip(" _-")}" in class/id, {widgets} widgets)'
        return None
    if WIDGET.search(names):
        if area is not None:  # "sidebar-widget": the element names itself a sidebar's widget
            return "aside", f'a widget of a sidebar ("{area.group(0).strip(" _-")}" and "widget" in class/id)'
        for up in el.iterancestors():
            if up is container:
                break
            found = AREA.search(_names(up))
            if found is not None and _widgets(up) >= MIN_WIDGETS:
                return "aside", f'a widget of a widget area ("{found.group(0).strip(" _-")}")'
    return None


def _widgets(area) -> int:
    """How many widgets the area holds (outermost ones: a widget's inner boxes are not counted again), up to
    MIN_WIDGETS."""
    count = 0
    counted: list = []
    for d in area.iterdescendants():
        if not isinstance(d.tag, str) or not WIDGET.search(_names(d)):
            continue
        if any(c in counted for c in d.iterancestors()):
            continue
        counted.append(d)
        count += 1
        if count >= MIN_WIDGETS:
            break
    return count
