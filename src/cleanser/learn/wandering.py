"""Wandering template paragraphs: the same paragraph in nearly every page of a host, between the article's
paragraphs at a place that changes from page to page.

A site inserts its boxes into the article by paragraph count ("after the third paragraph"), so as a share of the
way down the article their place moves with each article's length: a newsletter box's notice, a licence notice, an
author's bio, a "this article first appeared on ..." line, a campaign's pitch of two sentences. Each is one text,
word for word (digits aside), in nearly every page. The tests that take a line inside the article ask for the same
place (`evidence.inline_cue`, `runs.long_at_one_place`) and keep these out.

Content does not recur that way: a series lede, a standfirst or a syndicated paragraph is in a minority of a host's
distinct documents (duplicates count once), and a recurring subheading or kicker is short. So a line kept out for
its place alone is the template's when all of these hold:

- it is one text, digits aside, in `template_share` of the distinct documents, and in at least `MIN_DOCS` of them
  (a host of a handful of pages, all from one series, proves nothing);
- it is a paragraph, not a heading: a sentence by its shape (`judge.sentence_shaped`) or more than
  `evidence.INLINE_WORDS` words, and it does not end in a colon (a line that introduces what follows is the
  article's), unless the line under it is the template's in most of its occurrences;
- every occurrence is a whole line, never a piece glued into one;
- the host's held-back documents verify the rule (`trust.py`); else it goes to review (`runs.demote_unverified`).

The content tests a candidate passes before its place is judged (a byline, a dateline, a credit, reported speech,
a line over `evidence.MAX_VERIFIED_CHARS`) still keep such a line out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import word_count
from .evidence import INLINE_WORDS, MAX_VERIFIED_CHARS, in_template
from .mine import normalise

if TYPE_CHECKING:
    from .settings import LearnSettings
    from .templates import Candidate

MIN_DOCS = 20  # distinct documents a wandering paragraph must be in

# The reasons that keep a paragraph out for its place alone (judge.position_reason).
PLACE_ONLY = ("long, and between the article's paragraphs", "its position varies")


def wandering_paragraph(cand: Candidate, settings: LearnSettings, *, introduces_template: bool = False) -> str | None:
    """Why `cand`, kept out for its place alone, is a template paragraph that wanders with the article's length, or
    None (see the module docstring). A line ending in a colon only when `introduces_template`: the line under it is
    the template's (`runs.introduces_template`). The caller clears its reason and demotes it unless verified."""
    from .judge import sentence_shaped

    if cand.reason is None or not cand.reason.startswith(PLACE_ONLY):
        return None
    if not in_template(cand.share, settings) or cand.docs < MIN_DOCS or cand.key.slot:
        return None
    if any(u.piece for u in cand.units) or len({normalise(e) for e in cand.examples}) != 1:
        return None
    text = cand.examples[0].strip()
    if len(text) > MAX_VERIFIED_CHARS or (text.endswith(":") and not introduces_template):
        return None
    if word_count(text) <= INLINE_WORDS and not sentence_shaped(text):
        return None  # a heading or a kicker: short lines inside the article must stand at one place
    return (
        f"a paragraph of the template: the same text in {cand.share:.0%} of the documents ({cand.docs}), at places "
        f"that move with the article's length ({cand.positions_text()})"
    )
