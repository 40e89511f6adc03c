"""The plugin as data: the rules named, given their examples and counter-examples from the archive, and written
as the dicts of the rule format (`docs/rule-format.md`), with the evidence for the person reviewing them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..rules.model import RuleError, ruleset_from_dict, template_regex
from ..text import FOLD, fold_for_match, is_prose
from .mine import POSITIONS
from .model import SiteModel
from .templates import Candidate

if TYPE_CHECKING:
    from .read import SiteDocument


# Learned rules rank below a site's own plugins (SITE_PRIORITY, 200) and above the generic rules (100): where a
# bundled plugin and a learned one both match a line, the bundled rule decides, and the bundled plugin names the site.
LEARNED_PRIORITY = 150

_STOP = frozenset({"the", "a", "an", "to", "of", "for", "and", "or", "in", "on", "at", "our", "your", "this", "with"})


def add_counter_examples(rules: Sequence[Candidate], docs: Sequence[SiteDocument]) -> None:
    """Give each rule two article lines from the archive that share its words but that it must not match: the
    lines a too broad rule would take first. Lines that hold a promo of any rule (glued in) are not article."""
    claimed = {(u.doc, u.line) for c in rules for u in c.units} | {(d, i) for c in rules for d, i, _ in c.blurbs}
    article = [
        (line, set(re.findall(r"[a-z]{3,}", line.lower())))
        for d, doc in enumerate(docs)
        for i, line in enumerate(doc.lines)
        if (d, i) not in claimed and 60 <= len(line) <= 220 and is_prose(line)
    ]
    for cand in rules:
        pattern = re.compile(template_regex(fold_for_match(cand.template)), re.IGNORECASE)
        literal = re.sub(r"\{\w+\}", " ", cand.template.lower())
        words = {w for w in re.findall(r"[a-z]{3,}", literal) if w not in _STOP}
        scored = sorted((-len(words & seen), len(line), line) for line, seen in article)
        out: list[str] = []
        for _, _, line in scored:
            if line not in out and not pattern.search(line.translate(FOLD)):
                out.append(line)
                if len(out) == 2:
                    break
        cand.counter_examples = out


def name_rules(model: SiteModel) -> None:
    used: set[str] = set()
    for cand in model.candidates:
        words = re.findall(r"[a-z0-9]+", re.sub(r"\{\w+\}", " ", cand.template.translate(FOLD).lower()))
        picked = [w for w in words if w not in _STOP][:4] or words[:4] or ["boilerplate"]
        base = "-".join(picked)[:40].strip("-") or "boilerplate"
        rid, k = base, 2
        while rid in used:
            rid, k = f"{base}-{k}", k + 1
        used.add(rid)
        cand.rule_id = rid


def rule_dict(cand: Candidate, model: SiteModel) -> dict:
    d: dict = {
        "id": cand.rule_id,
        "description": (
            f"Learned: in {cand.docs} of {model.used} documents ({cand.share:.0%}); {cand.positions_text()}"
        ),
        "kind": "line",
        "match": cand.template,
    }
    if cand.where != "any":
        d["where"] = cand.where
    if cand.blurb:
        d["blurb"] = cand.blurb
    if cand.glued != "none":
        d["glued"] = cand.glued
    if cand.verified:
        d["verified"] = True
        d["description"] += f"; {cand.verified}"
    d["examples"] = short_examples(cand)
    if cand.counter_examples:
        d["counter_examples"] = cand.counter_examples
    # Known to the loader (rules/keys.py) but never matched: the evidence, for the person reviewing the rule.
    d["support"] = cand.docs
    d["share"] = round(cand.share, 3)
    d["positions"] = {p: cand.positions[p] for p in POSITIONS if cand.positions[p]}
    if cand.variants > 1:
        d["variants"] = cand.variants
    return d


def short_examples(cand: Candidate, limit: int = 3) -> list[str]:
    return [e for e in cand.examples if len(e) <= 200][:limit] or cand.examples[:1]


def plugin_dict(model: SiteModel, rules: Sequence[Candidate] | None = None) -> dict:
    rules = model.rules if rules is None else rules
    return {
        "name": model.name,
        "title": model.domain,
        "version": date.today().strftime("%Y.%m.0"),
        "domains": [model.domain],
        "fingerprints": [],
        "priority": LEARNED_PRIORITY,
        "description": f"Boilerplate of {model.domain} articles, learned from {model.used} documents.",
        "rule": [rule_dict(c, model) for c in rules],
        "fixture": list(model.fixtures),
    }


def check_rule(cand: Candidate, model: SiteModel) -> str | None:
    try:
        ruleset_from_dict({"name": model.name, "rule": [rule_dict(cand, model)]}, source="<learned>")
    except RuleError as exc:
        return f"not a valid rule: {str(exc).split(': ', 1)[-1]}"
    return None


def review_dict(cand: Candidate) -> dict:
    return {
        "template": cand.template,
        "reason": cand.reason or "",
        "support": cand.docs,
        "share": round(cand.share, 3),
        "positions": {p: cand.positions[p] for p in POSITIONS if cand.positions[p]},
        "examples": short_examples(cand),
    }
