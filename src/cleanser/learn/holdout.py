"""What stays: the learned plugin run over documents of the site that were held back from mining.

The self-check in `verify` counts the occurrences learning found, so it can only say that the rules remove what
they were built from. A footer learned only in part ("All rights reserved" without "© 2023 Harbour Gazette Media."),
a promo variant missed, a rule that never fires in the cleaner: those show only in what the cleaner leaves. So a
share of each site's documents is held back from mining (`LearnSettings.hold_back`), cleaned with the plugin, and
the lines that still recur across them are reported: a line (digits generalised, as mining normalises) left in at
least `min_share` of the held-back documents, and in two or more. Recurring content (a byline, a series lede) stays
too, as it should; such lines are marked with the reason they were kept out when learning saw them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..text import is_prose
from .judge import content_reason
from .mine import normalise
from .read import site_url

if TYPE_CHECKING:
    from ..pipeline import Cleaner
    from .model import SiteModel
    from .read import SiteDocument
    from .settings import LearnSettings


@dataclass
class Staying:
    """A line that recurs in the held-back documents after cleaning."""

    text: str  # its most frequent form
    documents: int  # held-back documents it is still in
    prose: bool  # it reads as prose
    kept_out: str | None = None  # why it is not a rule: learning's reason, or the content it reads as


@dataclass
class HeldBack:
    documents: int = 0  # held-back documents cleaned
    threshold: int = 0  # documents a line must stay in to be listed
    removed: int = 0  # removals the learned rules made in them
    refused: int = 0  # removals of the learned rules the loss guard refused
    staying: list[Staying] = field(default_factory=list)  # most documents first

    @property
    def boilerplate_staying(self) -> list[Staying]:
        """Recurring lines left in that learning did not keep out on purpose and that do not read as prose."""
        return [s for s in self.staying if s.kept_out is None and not s.prose]

    def to_dict(self, limit: int = 20) -> dict:
        """The figures, and the first `limit` lines that stay (most documents first)."""
        return {
            "documents": self.documents,
            "threshold": self.threshold,
            "removed": self.removed,
            "refused": self.refused,
            "staying_count": len(self.staying),
            "boilerplate_staying": len(self.boilerplate_staying),
            "staying": [
                {"text": s.text, "documents": s.documents, "prose": s.prose, "kept_out": s.kept_out}
                for s in self.staying[:limit]
            ],
        }


def check_held_back(
    model: SiteModel, held: Sequence[SiteDocument], cleaner: Cleaner, settings: LearnSettings
) -> HeldBack:
    """Clean the held-back documents with `cleaner` (the learned plugin beside the others) and list the lines that
    still recur in them. A line learning did not judge (it was below the threshold in the mined documents) is
    judged here as a candidate would be: content it reads as (a byline, a sentence) is marked kept out."""
    out = HeldBack(documents=len(held), threshold=max(2, math.ceil(settings.min_share * len(held))))
    per_line: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for doc in held:
        result = cleaner.clean(doc.text, url=site_url(model.domain, doc.url))
        out.removed += sum(r.plugin == model.name for r in result.removed)
        out.refused += sum(r.plugin == model.name for r in result.refused)
        seen: set[str] = set()
        for line in result.text.split("\n"):
            line = line.strip()
            norm = normalise(line) if line else ""
            if norm and any(c.isalpha() for c in norm) and norm not in seen:
                seen.add(norm)
                forms.setdefault(norm, Counter())[line] += 1
        per_line.update(seen)
    kept_out = {normalise(u.text): c.reason for c in model.review for u in c.units}
    for norm, n in per_line.most_common():
        if n < out.threshold:
            break
        text = forms[norm].most_common(1)[0][0]
        why = kept_out.get(norm) or content_reason(text, settings)
        out.staying.append(Staying(text, n, is_prose(text), why))
    return out
