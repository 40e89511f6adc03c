"""Which plugins serve which domain, when several plugins name the same site.

The model: every plugin that names a domain serves it, and their rules combine (a document from the site gets all
of their rule sets; within a line the rules' own priorities decide). The plugins of one domain are ordered by their
`priority` (highest first), then by name; the first is the result's `site`. A plugin that declares
`replaces = ["nytimes"]` stands in for the plugins it names: those are not used at all while it is loaded. A plugin
with no rules claims no domain (a learned plugin that found nothing must not hide the bundled one). Two plugins that
serve one domain without one replacing the other are combined, and the plan says so, for `plugins list` and the
command line to warn about. (A code plugin with document or HTML hooks serves its domains even with no rules: its
hooks act for its site.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..rules.model import RuleSet


@dataclass
class DomainPlan:
    used: tuple[RuleSet, ...]  # the rule sets in use (generic and site), sorted by name
    serving: dict[str, tuple[RuleSet, ...]]  # domain -> the plugins that serve it, first the one that names the site
    replaced_by: dict[str, str] = field(default_factory=dict)  # plugin name -> the plugin that replaces it
    warnings: list[str] = field(default_factory=list)


def plan_domains(rulesets: Sequence[RuleSet]) -> DomainPlan:
    names = {rs.name for rs in rulesets}
    replaced_by: dict[str, str] = {}
    warnings: list[str] = []
    for rs in rulesets:
        for other in rs.replaces:
            if other not in names:
                warnings.append(f"plugin {rs.name!r} replaces {other!r}, which is not loaded")
            elif other == rs.name:
                warnings.append(f"plugin {rs.name!r} says it replaces itself; ignored")
            else:
                replaced_by.setdefault(other, rs.name)
    used = tuple(rs for rs in rulesets if rs.name not in replaced_by)
    serving: dict[str, list[RuleSet]] = {}
    for rs in used:
        if rs.generic:
            continue
        if not rs.rules and rs.domains and not rs.extra.get("hooks"):
            warnings.append(f"plugin {rs.name!r} has no rules: it serves no domain ({', '.join(rs.domains)})")
            continue
        for domain in rs.domains:
            serving.setdefault(domain, []).append(rs)
    ordered = {d: tuple(sorted(found, key=lambda rs: (-rs.priority, rs.name))) for d, found in serving.items()}
    shared: dict[tuple[str, ...], list[str]] = {}
    for domain, found in sorted(ordered.items()):
        if len(found) > 1:
            shared.setdefault(tuple(rs.name for rs in found), []).append(domain)
    for who, domains in shared.items():
        warnings.append(
            f"{', '.join(domains)}: served by {len(who)} plugins ({', '.join(who)}), whose rules combine; "
            f"{who[0]!r} names the site. To use one alone, give it replaces = [the others]"
        )
    return DomainPlan(used, ordered, replaced_by, warnings)
