"""Trust: which learned rules the host's held-back documents verify, so that the loss guard may judge their whole
lines by the template budget (`stages/template_budget.py`) rather than the budget that holds one rule to half a
document.

Every 7th document of a host is held back from mining (`site.hold_back`). Learning built each rule from the other
documents; the held-back ones are new to it, as the rest of the archive is. A rule is **verified** when, in them:

- it recurs as it did: in at least half as many of them as its share of the mined documents predicts, and in two
  or more (a template is in every page made from it; a rule that fires once may have found content);
- every line it matches passes the tests learning put its own candidates through (`judge.content_reason` at the
  rule's share: no byline, dateline, credit, reported speech, sentence of a minority, long line of a minority);
- the lines it matches are the ones it was built from: at most a quarter of them are texts (digits aside) that
  learning never saw it take. A slot that fills with new words in new documents varies as article text does.

Only whole-line matches are judged (the template budget is for whole lines; glued pieces and blurb lines stay under
the ordinary budget). A rule for a line longer than the guard's 600 characters (`evidence.MAX_TEMPLATE_CHARS`) is
kept only when verified: the guard lets a verified rule take such a line when it names it literally.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..rules.model import template_regex
from ..text import fold_for_match
from .evidence import MAX_TEMPLATE_CHARS
from .judge import content_reason
from .mine import normalise

if TYPE_CHECKING:
    from .model import SiteModel
    from .read import SiteDocument
    from .settings import LearnSettings
    from .templates import Candidate

MIN_HELD_DOCS = 2  # held-back documents a rule must recur in, at the least
MAX_NOVEL = 0.25  # share of its held-back lines a verified rule may take that learning never saw it take


def verify_rules(model: SiteModel, held: Sequence[SiteDocument], settings: LearnSettings) -> None:
    """Set `verified` on the rules of `model` that the `held` documents verify (see the module docstring); a rule
    for a line over `MAX_TEMPLATE_CHARS` that they do not verify goes to review."""
    folded = [[fold_for_match(line) for line in doc.lines] for doc in held]
    for cand in model.rules:
        cand.verified = verdict(cand, held, folded, settings) or ""
        if not cand.verified and any(len(e) > MAX_TEMPLATE_CHARS for e in cand.examples):
            why = "the held-back documents do not verify it" if held else "no document was held back"
            cand.reason = (
                f"long: over {MAX_TEMPLATE_CHARS} characters, which only a rule verified on held-back documents "
                f"may take, and {why}"
            )


def verdict(
    cand: Candidate, held: Sequence[SiteDocument], folded: Sequence[Sequence[str]], settings: LearnSettings
) -> str | None:
    """What the held-back documents show of `cand` when they verify it, else None."""
    if not held:
        return None
    pattern = re.compile(template_regex(fold_for_match(cand.template)), re.IGNORECASE)
    known = {u.norm for u in cand.units if not u.piece}
    docs = lines = novel = 0
    for doc, folds in zip(held, folded, strict=True):
        found = False
        for line, fold in zip(doc.lines, folds, strict=True):
            if not pattern.fullmatch(fold):
                continue
            if content_reason(line, settings, cand.share) is not None:
                return None
            found = True
            lines += 1
            novel += normalise(line) not in known
        docs += found
    if docs < max(MIN_HELD_DOCS, math.ceil(cand.share * len(held) / 2)) or novel > MAX_NOVEL * lines:
        return None
    seen = "all" if not novel else f"{lines - novel}"
    return (
        f"verified on {docs} of {len(held)} held-back documents ({lines} lines, {seen} of them as learned, "
        "none reading as content)"
    )
