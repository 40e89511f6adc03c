"""The report of `cleanser learn --report`: per site, the rules with why each was proposed, the candidates kept
for review with why not, those below the threshold, and the self-check.
"""

from __future__ import annotations

from .holdout import HeldBack
from .model import Learning


def _quote(text: str, limit: int = 90) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def held_lines(h: HeldBack) -> list[str]:
    out = [
        "",
        f"  held back: {h.documents} documents not learned from, cleaned with the learned plugin",
        f"    removals by the learned rules: {h.removed}; refused by the loss guard: {h.refused}",
        f"    lines still recurring (in {h.threshold} or more of them): {len(h.staying)}, "
        f"{len(h.boilerplate_staying)} not prose and not kept out on purpose",
    ]
    for s in h.staying[:10]:
        why = f"kept out: {s.kept_out}" if s.kept_out else "prose" if s.prose else "STAYS"
        out.append(f"      {s.documents} documents: {_quote(s.text)} ({why})")
    return out


def format_report(learning: Learning) -> str:
    out: list[str] = []
    for model in learning.sites:
        used = f" (learned from {model.used})" if model.used < model.documents else ""
        written = "" if model.rules else " (no rules: not written)"
        out.append(f"{model.domain}: plugin {model.name!r}{written}, {model.documents} documents{used}")
        if model.duplicates:
            out.append(
                f"  {model.duplicates} duplicate documents counted once ({model.near_duplicates} near duplicates)"
            )
        out.append(
            f"  a candidate recurs in at least {model.threshold} documents; "
            f"{len(model.rules)} rules, {len(model.review)} kept for review, {len(model.below)} below the threshold"
        )
        out.append("")
        out.append(f"  rules ({len(model.rules)}):")
        for c in model.rules:
            out.append(f"    {c.rule_id}: {c.template!r}")
            extra = f"; {c.variants} variants" if c.variants > 1 else ""
            extra += f"; takes the blurb line under it ({len(c.blurbs)} seen)" if c.blurb else ""
            out.append(f"      in {c.docs} documents ({c.share:.0%}): {c.positions_text()}{extra}")
            out.append(f"      why: short, not prose, no byline or sign-off; {c.why}")
            out.append(f"      where = {c.where}, glued = {c.glued}; e.g. {_quote(c.examples[0])}")
            for note in c.notes:
                out.append(f"      note: {note}")
        out.append("")
        out.append(f"  review, not rules ({len(model.review)}):")
        for c in model.review:
            out.append(f"    {c.template!r}")
            out.append(f"      in {c.docs} documents ({c.share:.0%}): {c.positions_text()}")
            out.append(f"      why not: {c.reason}")
        if model.below:
            out.append("")
            out.append(f"  below the threshold (most recurring {min(10, len(model.below))} of {len(model.below)}):")
            for c in model.below[:10]:
                out.append(f"    {c.template!r}: {c.docs} documents ({c.share:.0%}), {c.positions_text()}")
        if model.check is not None:
            c = model.check
            out.append("")
            out.append(f"  self-check: the archive's first {c.documents} documents cleaned with the learned plugin")
            out.append(f"    promo occurrences removed: {c.removed} of {c.occurrences}")
            out.append(f"    article prose lines lost: {c.lost} of {c.prose_lines}")
            out.append(f"    removals of text that reads as content, not seen in learning: {c.content_removed}")
            out.append(f"    removals refused by the loss guard: {c.refused}")
            for label, examples in (
                ("still there", c.missed_examples),
                ("lost", c.lost_examples),
                ("content removed", c.content_examples),
                ("refused", c.refused_examples),
            ):
                for e in examples:
                    out.append(f"      {label}: {_quote(e)}")
            out.append(f"  fixtures: {len(model.fixtures)} archive documents, checked through the cleaner")
        if model.held is not None:
            out.extend(held_lines(model.held))
        for note in model.notes:
            out.append(f"  note: {note}")
        out.append("")
    for domain, n in sorted(learning.too_small.items()):
        out.append(f"{domain}: {n} documents, too few to learn from")
    for host, n in sorted(learning.unnamed.items()):
        out.append(f"{host}: {n} documents not learned from: not a domain name a plugin can be named for")
    if learning.without_site:
        out.append(f"{learning.without_site} documents without a URL were skipped (give --site DOMAIN)")
    for error in learning.errors:
        out.append(f"not read: {error}")
    return "\n".join(out).rstrip("\n") + "\n"
