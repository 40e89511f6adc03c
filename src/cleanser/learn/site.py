"""Learning, site by site: an archive's documents grouped by site and read, then each site's lines mined,
generalised into candidates, judged, shaped into rules and verified through the cleaner."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..plugins.scaffold import plugin_name
from ..rules.model import RuleSet
from .context import neighbour_reason
from .dedup import Duplicates, distinct
from .evidence import LETTERLESS_BESIDE, beside_rules, letterless_reason, minority_reason
from .holdout import check_held_back
from .judge import content_reason, position_reason, share_reason, variety_reason
from .mine import count_keys, doc_units
from .model import Learning, SiteModel
from .plugin import add_counter_examples, check_rule, name_rules
from .read import SiteDocument, document_lines, reading_cleaner, site_of, site_url
from .runs import demote_unverified, lift_runs
from .settings import LearnSettings
from .templates import folded_groups, shape_rule, take_candidates
from .trust import verify_rules
from .verify import fixtures_and_check, learned_cleaner

if TYPE_CHECKING:
    from ..pipeline import Cleaner
    from ..settings import Settings


def learn(
    documents: Iterable[tuple[str | None, str]],
    *,
    site: str | None = None,
    settings: LearnSettings | None = None,
    base: Sequence[RuleSet] | None = None,
    errors: Sequence[str] = (),
    cleaner: Cleaner | None = None,
) -> Learning:
    """Learn a plugin per site from (url, text) documents (text or HTML). `site` puts every document under one
    domain. `base`: the rule sets the plugins will run beside, for fixtures and the self-check (None: skip both).
    `cleaner` reads the documents as it would clean them (its HTML rules, site configs and settings); by default
    a Cleaner of `base` with default settings."""
    settings = settings or LearnSettings()
    cleaner = cleaner or reading_cleaner(base)
    grouped: dict[str, list[SiteDocument]] = defaultdict(list)
    seen: dict[str, Duplicates] = {}
    counts: Counter[str] = Counter()
    domains: dict[str, str | None] = {}  # the domain each site is learned as; None when no plugin can be named
    without = 0
    for url, text in documents:
        key = site or site_of(url)
        if key is None:
            without += 1
            continue
        counts[key] += 1
        if key not in domains:
            try:
                domains[key] = plugin_name(key)[1]
            except ValueError:
                domains[key] = None
        domain = domains[key]
        if domain is not None and len(grouped[key]) < settings.max_docs:
            text = text.encode("utf-8", "replace").decode("utf-8")
            lines = document_lines(cleaner, text, site_url(domain, url))
            # An article the archive holds many times counts once, or its own lines would recur like boilerplate.
            # Exact copies are dropped here; near ones by `learn_site`, which can tell the template's prose first.
            duplicates = seen.setdefault(key, Duplicates(1.0))
            if not duplicates.seen(lines):
                grouped[key].append(SiteDocument(url, text, lines))
    models = []
    too_small = {}
    for key in sorted(grouped):
        if len(grouped[key]) < settings.min_docs:
            too_small[key] = len(grouped[key])
            continue
        model = learn_site(
            key, grouped[key], total=counts[key], settings=settings, base=base, clean_settings=cleaner.settings
        )
        model.duplicates += seen[key].duplicates
        models.append(model)
    unnamed = {key: counts[key] for key, domain in domains.items() if domain is None}
    return Learning(models, too_small, without, list(errors), unnamed)


def learn_site(
    domain: str,
    docs: Sequence[SiteDocument],
    *,
    total: int | None = None,
    settings: LearnSettings | None = None,
    base: Sequence[RuleSet] | None = None,
    clean_settings: Settings | None = None,
) -> SiteModel:
    """Learn one site's plugin from its documents. `base` are the rule sets the plugin will run beside (the
    generic rules, other plugins); they are used to check the fixtures and for the self-check, with
    `clean_settings` (default: `Settings()`). A `domain` no plugin can be named for is a ValueError."""
    from ..settings import Settings

    settings = settings or LearnSettings()
    name, domain = plugin_name(domain)
    # A bundled or installed plugin of the same name would make the learned one fail to load.
    if any(rs.name == name and "learned" not in rs.extra for rs in base or ()):
        name += "-learned"
    # Near duplicates count once, compared without the prose lines most documents share (the template's).
    docs, dups = distinct(docs, lambda d: d.lines, settings.near_duplicate)
    docs, held = hold_back(docs, settings) if base is not None else (docs, [])
    n = len(docs)
    threshold = max(settings.min_docs, math.ceil(settings.min_share * n))
    floor = max(settings.min_docs, math.ceil(threshold / 2))
    by_doc = [doc_units(i, d.lines, dups.common) for i, d in enumerate(docs)]
    own = math.ceil(settings.template_share * n)  # a line in nearly every page is no other line's blurb
    candidates, below = take_candidates(count_keys(by_doc, settings, floor), docs, floor, threshold, own)
    units = [u for us in by_doc for u in us]
    groups: dict[str, list[int]] | None = None  # folded_groups(units), made when first needed

    model = SiteModel(domain, name, total or n, n, threshold, candidates, below)
    model.duplicates, model.near_duplicates = dups.duplicates, dups.near
    for cand in candidates:
        # The most frequent texts speak for the template; a slot's rarer fillers are judged through them.
        cand.reason = (
            cand.reason
            or next(filter(None, (content_reason(e, settings, cand.share) for e in cand.examples[:3])), None)
            or letterless_reason(cand, settings)
            or variety_reason(cand)
            or share_reason(cand, settings)
            or neighbour_reason(cand, docs, settings)
            or minority_reason(cand, docs, settings)
            or position_reason(cand, settings)
        )
        if cand.reason is None:
            groups = groups if groups is not None else folded_groups(units)
            shape_rule(cand, units, groups)
    # A letterless line inside the article may go with the learned lines it stands beside, once those are known.
    for cand in model.candidates:
        if cand.reason and cand.reason.endswith(LETTERLESS_BESIDE) and beside_rules(cand, model.rules):
            cand.reason = None
            groups = groups if groups is not None else folded_groups(units)
            shape_rule(cand, units, groups)
    # Lines inside the article that stand in runs of the template's lines (a chart's labels), whatever their place.
    lifted = lift_runs(model.candidates, settings)
    for cand in lifted:
        groups = groups if groups is not None else folded_groups(units)
        shape_rule(cand, units, groups)
    add_counter_examples(model.rules, docs)
    name_rules(model)
    for cand in model.rules:
        cand.reason = check_rule(cand, model)
    # Before the fixtures: a verified rule's fixture may come from a document its template outweighs.
    verify_rules(model, held, settings)
    demote_unverified(lifted)
    if base is not None:
        fixtures_and_check(model, docs, base, settings, clean_settings or Settings())
        if held:
            # As the plugin will run: beside the site's other plugins, if any (their rules combine).
            cleaner = learned_cleaner(model, base, model.rules, clean_settings or Settings(), beside_site=True)
            model.held = check_held_back(model, held, cleaner, settings)
    model.cleaners.clear()
    return model


def hold_back(docs: Sequence[SiteDocument], settings: LearnSettings) -> tuple[list[SiteDocument], list[SiteDocument]]:
    """(documents to mine, documents held back): every k-th document held back, k = 1 / hold_back, spread over the
    archive; none when that would leave fewer than `min_docs` to mine."""
    if not settings.hold_back:
        return list(docs), []
    step = max(2, round(1 / settings.hold_back))
    held = list(docs[step - 1 :: step])
    if not held or len(docs) - len(held) < settings.min_docs:
        return list(docs), []
    return [d for i, d in enumerate(docs) if i % step != step - 1], held
