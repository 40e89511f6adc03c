"""Verifying: the learned plugin run through the real cleaner. Each rule gets a fixture, a window of an archive
document that cleans exactly as predicted from what was learned (a rule with none goes to review), and the
archive is cleaned with the plugin for the self-check in the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from ..rules.model import RuleSet, ruleset_from_dict
from ..settings import GuardSettings
from ..stages.guard import reads_as_sentence
from ..stages.template_budget import fits
from ..text import is_prose, word_count
from .judge import content_reason
from .mine import BOTTOM, INLINE, TOP, Unit, normalise
from .model import SiteModel
from .plugin import plugin_dict
from .read import SiteDocument, site_url, url_on
from .settings import LearnSettings
from .templates import Candidate
from .windows import CleanedWindows

if TYPE_CHECKING:
    from ..pipeline import Cleaner
    from ..settings import Settings


@dataclass
class Check:
    """The learned plugin run over the archive: what it removed and whether any article text went with it."""

    documents: int = 0
    occurrences: int = 0  # promo occurrences (lines, glued pieces and blurbs of the rules) in those documents
    removed: int = 0  # of them, gone from the cleaned text
    refused: int = 0  # removals by the learned rules that the loss guard refused
    prose_lines: int = 0  # article lines (prose) the rules do not claim
    lost: int = 0  # of them, not in the cleaned text once what removals cut out of them is set aside
    content_removed: int = 0  # removals by the learned rules of text not seen in learning that reads as content
    missed_examples: list[str] = field(default_factory=list)
    content_examples: list[str] = field(default_factory=list)
    lost_examples: list[str] = field(default_factory=list)
    refused_examples: list[str] = field(default_factory=list)


def _removed_spans(model: SiteModel, rules: Sequence[Candidate]) -> dict[int, dict[int, list[str] | None]]:
    """Per document, per line: None when the rules take the whole line, else the glued pieces they cut out."""
    out: dict[int, dict[int, list[str] | None]] = defaultdict(dict)
    for cand in rules:
        for u in cand.units:
            lines = out[u.doc]
            if not u.piece:
                lines[u.line] = None
            elif lines.get(u.line, []) is not None:
                lines.setdefault(u.line, []).append(u.text)  # type: ignore[union-attr]
        for d, line, _ in cand.blurbs:
            out[d][line] = None
    return out


def _predict(lines: Sequence[str], spans: dict[int, list[str] | None]) -> list[str]:
    """The lines as the cleaner should leave them: whole promo lines gone, glued pieces cut out and the rest of
    the line joined with one space where a piece was cut (as the structure stage joins them)."""
    kept: list[str] = []
    for i, line in enumerate(lines):
        cut = spans.get(i, [])
        if cut is None:
            continue
        parts = [line]
        for piece in cut:
            nxt: list[str] = []
            for part in parts:
                pos = part.find(piece)
                if pos < 0:
                    nxt.append(part)
                else:
                    nxt.extend([part[:pos], part[pos + len(piece) :]])
            parts = nxt
        text = " ".join(p.strip() for p in parts if p.strip())
        if text:
            kept.append(text)
    return kept


def learned_cleaner(
    model: SiteModel,
    base: Sequence[RuleSet],
    rules: Sequence[Candidate],
    settings: Settings,
    *,
    beside_site: bool = False,
) -> Cleaner:
    """A Cleaner with the learned rules beside `base`, less any other plugin for the site (the first by name would
    take the site), unless `beside_site`: then the site's other plugins stay, their rules combined with the learned
    ones, as a learned plugin (priority 150) runs beside them. Cached on the model by its rules: building one
    compiles every rule again."""
    from ..pipeline import Cleaner
    from ..plugins.manager import Plugins

    claims = [rs for rs in base if rs.name != model.name and not rs.generic and model.domain in rs.domains]
    key = (tuple((c.rule_id, c.blurb) for c in rules), beside_site and bool(claims))
    found = model.cleaners.get(key)
    if found is not None:
        return found
    learned = ruleset_from_dict(plugin_dict(model, rules) | {"fixture": []}, source="<learned>")
    others = []
    for rs in base:
        if rs.name == model.name:
            continue
        if not rs.generic and model.domain in rs.domains and not beside_site:
            model.notes.append(
                f"plugin {rs.name!r} also claims {model.domain}; the first by name is used "
                f"(CLEANSER_DISABLE_PLUGINS={rs.name} turns it off)"
            )
            continue
        others.append(rs)
    cleaner = model.cleaners[key] = Cleaner(Plugins.from_rulesets(*others, learned), settings=settings)
    return cleaner


def fixtures_and_check(
    model: SiteModel,
    docs: Sequence[SiteDocument],
    base: Sequence[RuleSet],
    settings: LearnSettings,
    clean_settings: Settings,
) -> None:
    """Give every rule a fixture (a rule that gets none goes to review), then clean the archive's first documents
    with the plugin for the self-check. `clean_settings` are those of the cleaner that read the documents."""
    # A rule without a fixture that cleans as predicted goes to review; that changes what the others' fixtures
    # should look like, so the fixtures are made again until every rule has one.
    for round_ in range(_ROUNDS):
        rules = model.rules
        if not rules:
            model.fixtures = []
            break
        cleaner = CleanedWindows(learned_cleaner(model, base, rules, clean_settings))  # a window cleaned once
        spans = _removed_spans(model, rules)
        blame = Blame()
        fixtures, failed = _make_fixtures(model, docs, rules, spans, cleaner, blame)
        if not failed:
            model.fixtures = fixtures
            break
        # A blurb line the loss guard refuses (it reads as a sentence, it runs on into the article) spoils the
        # prediction of every window it is in: its rule is tried again without it, the others as they are.
        last = round_ >= _ROUNDS - 3  # the last rounds send every failing rule to review at once
        blurbs = [] if last else [c for c in rules if c.blurb and c.rule_id in blame.blurbs]
        for cand in blurbs:
            cand.notes.append(f"its blurb line was refused by the loss guard, e.g. {cand.blurbs[0][2][:80]!r}")
            cand.blurb, cand.blurbs = 0, []
        if blurbs:
            continue
        # A rule that fails on its own (the guard refused it while the other learned rules' removals in the window
        # passed, or the cleaner did not do what was predicted of it) spoils the others' fixtures too: it goes to
        # review first, and the others are tried again without it.
        guilty = [] if last else [c for c in failed if c.rule_id in blame.rules]
        for cand in guilty or failed:
            cand.reason = "no archive document cleans exactly as predicted with it, so it has no fixture"
    else:  # the fixtures did not settle: no rule is kept without one
        for cand in model.rules:
            cand.reason = "its fixture could not be made: the rules' fixtures did not settle"
        model.fixtures = []
    model.notes = list(dict.fromkeys(model.notes))
    if model.rules and settings.check_docs:
        cleaner = learned_cleaner(model, base, model.rules, clean_settings)
        model.check = _self_check(model, docs, model.rules, cleaner, settings)


_TRIES = 5  # documents tried for a rule's fixture before it goes to review
_ROUNDS = 8  # rounds of fixtures made again after rules went to review


def _window(lines: Sequence[str], line: int, where: str) -> tuple[int, int]:
    if len(lines) <= 12:
        return 0, len(lines)
    if where == TOP:
        return 0, min(len(lines), line + 4)
    if where == BOTTOM:
        return max(0, line - 3), len(lines)
    return max(0, line - 2), min(len(lines), line + 3)


def _with_article(lines: Sequence[str], spans: dict[int, list[str] | None], lo: int, hi: int) -> tuple[int, int]:
    """The window widened to the nearest article prose line the rules leave (or, in a script without spaces that
    `is_prose` cannot read, any line they leave), when it has none: a window of template lines alone would be
    cleaned to nothing, which the loss guard refuses (a site with a long footer)."""
    for kept in (lambda i: spans.get(i, []) is not None and is_prose(lines[i]), lambda i: spans.get(i, []) is not None):
        if any(kept(i) for i in range(lo, hi)):
            return lo, hi
        above = next((i for i in range(lo - 1, -1, -1) if kept(i)), None)
        below = next((i for i in range(hi, len(lines)) if kept(i)), None)
        if above is not None and (below is None or lo - above <= below - hi + 1):
            return above, hi
        if below is not None:
            return lo, below + 1
    return lo, hi


class Words(NamedTuple):
    """One line's words as the loss guard will count them: all of them, those the rules remove, those of them that
    are a verified rule's whole line (the template: stages/template_budget.py), and those of a sentence no rule
    touches (what the template budget asks to stay)."""

    total: int
    removed: int
    template: int = 0
    prose: int = 0

    def __add__(self, other: tuple) -> Words:  # type: ignore[override]
        return Words(*(a + b for a, b in zip(self, other, strict=True)))

    def __sub__(self, other: tuple) -> Words:
        return Words(*(a - b for a, b in zip(self, other, strict=True)))


def _line_words(
    lines: Sequence[str], spans: dict[int, list[str] | None], template: Collection[int] = ()
) -> list[Words]:
    """Per line: its words, and the words the rules would remove from it (see `Words`); `template`: the lines
    verified rules take whole."""
    out = []
    for i, line in enumerate(lines):
        cut = spans.get(i, [])
        total = word_count(line)
        prose = total if not cut and cut is not None and reads_as_sentence(line) else 0
        out.append(Words(total, total if cut is None else sum(map(word_count, cut)), total * (i in template), prose))
    return out


def _fits(words: Words) -> bool:
    """Whether the loss guard lets the rules' removals through (its budget with a margin, or the template budget
    for verified rules' lines: the other removals are not known here, so they are all counted against it)."""
    guard = GuardSettings()
    margin = replace(guard, budget=0.9 * guard.budget)
    return fits(words.total, words.template, words.removed - words.template, words.prose, margin)


def _within_budget(words: Sequence[Words], lo: int, hi: int) -> tuple[int, int]:
    """The window widened, a line at a time on the side with more article, until the rules' removals would take
    less than the loss guard's budget of its words (else the guard refuses them all, as it would in a document with
    as little article): the rest of the document when nothing less will do."""
    inside = sum(words[lo:hi], Words(0, 0))
    up = sum(t - r for t, r, *_ in words[:lo])  # words the rules leave above the window, and below it
    down = sum(t - r for t, r, *_ in words[hi:])
    while not _fits(inside) and (lo > 0 or hi < len(words)):
        i = lo - 1 if (up >= down and lo > 0) or hi >= len(words) else hi
        t, r, *_ = words[i]
        if i < lo:
            lo, up = i, up - (t - r)
        else:
            hi, down = i + 1, down - (t - r)
        inside = inside + words[i]
    return lo, hi


@dataclass
class Blame:
    """Which learned rules spoiled a fixture on their own: blurb lines the guard refused or the cleaner did not take
    (`blurbs`, by the header's rule), and rules whose own removal was refused or did not happen as predicted."""

    blurbs: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)
    owners: dict[int, dict[int, tuple[str, bool]]] = field(default_factory=dict)  # doc -> line -> (rule, blurb)

    def own(self, rules: Sequence[Candidate]) -> None:
        for cand in rules:
            for u in cand.units:
                if not u.piece:
                    self.owners.setdefault(u.doc, {})[u.line] = (cand.rule_id, False)
            for d, line, _ in cand.blurbs:
                self.owners.setdefault(d, {})[line] = (cand.rule_id, True)

    def mismatch(self, doc: int, lo: int, window: Sequence[str], spans, result, plugin: str) -> None:
        """Blame the rules of a window the cleaner did not clean as predicted: a line predicted gone that is still
        in the output, a line predicted kept that the learned plugin removed."""
        owners = self.owners.get(doc, {})
        # Whole lines: a short one ("%", a chart's unit) is in the text of many a line that stays.
        out = {line.strip() for line in result.text.split("\n")}
        for i, line in enumerate(window):
            if spans.get(i, []) is None and line.strip() and line.strip() in out:
                rule, blurb = owners.get(lo + i, ("", False))
                (self.blurbs if blurb else self.rules).add(rule)
        predicted = {line.strip() for i, line in enumerate(window) if spans.get(i, []) is None}
        for r in result.removed:
            if r.plugin == plugin and r.kind != "glued" and r.text.strip() not in predicted:
                (self.blurbs if r.kind == "blurb" else self.rules).add(r.rule.split("/", 1)[1])


def _make_fixtures(model, docs, rules, spans, cleaner, blame: Blame) -> tuple[list[dict], list[Candidate]]:
    fixtures: list[dict] = []
    failed: list[Candidate] = []
    covered: set[str] = set()
    by_doc: dict[int, set[str]] = defaultdict(set)
    for cand in rules:
        for u in cand.units:
            by_doc[u.doc].add(cand.rule_id)
    template: dict[int, set[int]] = defaultdict(set)  # per document, the lines verified rules take whole
    for cand in rules:
        if cand.verified:
            for u in cand.units:
                if not u.piece:
                    template[u.doc].add(u.line)
    words: dict[int, list[Words]] = {}
    for d in by_doc:
        words[d] = _line_words(docs[d].lines, spans[d], template.get(d, ()))
    # A document whose removals the loss guard would refuse as a whole (its template outweighs its article, and no
    # verified rule takes it) gives no fixture: the cleaner leaves such documents as they are.
    fitting = {d for d, w in words.items() if _fits(sum(w, Words(0, 0)))}
    blame.own(rules)
    for cand in rules:
        if cand.rule_id in covered:
            continue
        made = None
        units = [u for u in cand.units if u.doc in fitting]
        for u in sorted(units, key=lambda u: (-len(by_doc[u.doc]), u.doc))[:_TRIES]:
            made = _try_fixture(model, docs[u.doc], u, spans[u.doc], cleaner, words[u.doc], blame)
            if made is not None:
                break
        if made is None:
            failed.append(cand)
            continue
        covered.update(made["rules"])
        fixtures.append(made)
    return fixtures, failed


def _try_fixture(model, doc: SiteDocument, unit: Unit, spans, cleaner, words, blame: Blame) -> dict | None:
    """A window of the document around the unit, as a fixture, when the cleaner leaves exactly the predicted
    text (whole promo lines gone, glued ones cut out, nothing else touched by these rules or others)."""
    where = unit.where if unit.where in (TOP, BOTTOM) else INLINE
    lo, hi = _within_budget(words, *_with_article(doc.lines, spans, *_window(doc.lines, unit.line, where)))
    owners = blame.owners.get(unit.doc, {})
    while lo > 0 and owners.get(lo, ("", False))[1]:  # a blurb line goes with its header, which the window needs
        lo -= 1
    window = list(doc.lines[lo:hi])
    shifted = {i - lo: v for i, v in spans.items() if lo <= i < hi}
    expected = "\n".join(_predict(window, shifted))
    text = "\n".join(window)
    url = site_url(model.domain, doc.url)
    result = cleaner.clean(text, url=url)
    mine = [r for r in result.refused if r.plugin == model.name]
    if mine:
        blame.blurbs.update(r.rule.split("/", 1)[1] for r in mine if r.kind == "blurb")
        if any(r.plugin == model.name for r in result.removed):  # not the budget: these removals on their own
            blame.rules.update(r.rule.split("/", 1)[1] for r in mine if r.kind != "blurb")
        return None
    if result.text != expected:
        if result.text.split("\n") != _with_others(window, shifted, result, model.name):
            blame.mismatch(unit.doc, lo, window, shifted, result, model.name)
            return None
        expected = result.text
    fired = sorted({r.rule.split("/", 1)[1] for r in result.removed if r.plugin == model.name})
    if not fired:
        return None
    fixture = {"name": f"archive document {doc_label(doc)} ({', '.join(fired)})", "rules": fired}
    if url_on(model.domain, doc.url):
        fixture["url"] = doc.url
    fixture["input"] = text
    fixture["expected"] = expected
    return fixture


def _lines_of(removals) -> set[str]:
    return {line.strip() for r in removals if r.kind != "glued" for line in r.text.split("\n")}


def _with_others(window: Sequence[str], spans: dict[int, list[str] | None], result, plugin: str) -> list[str]:
    """The window's lines as the cleaner should leave them when other rules (the generic layer, other plugins) had
    their say too: whole lines they removed are gone as well (a teaser under the footer), and a line the learned
    rules would take stays when another rule claimed it first and the loss guard refused that rule (a copyright
    line a generic rule matched). The fixture then holds what the whole cleaner leaves; the learned rules did the
    rest as predicted."""
    removed = _lines_of(r for r in result.removed if r.plugin != plugin)
    refused = _lines_of(r for r in result.refused if r.plugin != plugin)
    out: list[str] = []
    for i, line in enumerate(window):
        cut = spans.get(i, [])
        if cut is None:
            if line.strip() in refused:
                out.append(line)
            continue
        kept = _predict([line], {0: cut} if cut else {})
        if kept and line.strip() not in removed:
            out.extend(kept)
    return out


def doc_label(doc: SiteDocument) -> str:
    if doc.url:
        parts = urlsplit(doc.url)
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return doc.lines[0][:40] if doc.lines else "(empty)"


def _self_check(model, docs, rules, cleaner, settings: LearnSettings) -> Check:
    spans = _removed_spans(model, rules)
    known = {normalise(u.text) for c in rules for u in c.units} | {normalise(t) for c in rules for *_, t in c.blurbs}
    check = Check()
    for index, doc in enumerate(docs[: settings.check_docs]):
        result = cleaner.clean(doc.text, url=site_url(model.domain, doc.url))
        out = result.text
        out_lines = set(out.split("\n"))
        check.documents += 1
        for r in result.refused:
            if r.plugin == model.name:
                check.refused += 1
                _example(check.refused_examples, f"{r.rule}: {r.text[:80]!r}: {r.refused}")
        removed = [t for r in result.removed for t in r.text.split("\n") if t.strip()]
        for r in result.removed:
            unknown = r.plugin == model.name and normalise(r.text) not in known
            if unknown and (content_reason(r.text, settings) or is_prose(r.text)):
                check.content_removed += 1
                _example(check.content_examples, f"{r.rule}: {r.text}")
        doc_spans = spans.get(index, {})
        promos = [doc.lines[i] for i, v in doc_spans.items() if v is None]
        promos += [p for v in doc_spans.values() if v for p in v]
        for text in promos:
            check.occurrences += 1
            if text in out_lines if text in doc.lines else text in out:
                _example(check.missed_examples, text)
            else:
                check.removed += 1
        for i, line in enumerate(doc.lines):
            if doc_spans.get(i, []) is None or not is_prose(line):
                continue
            check.prose_lines += 1
            # What the removals cut out of the line is accounted for (and judged above); the rest must be there.
            rest = _predict([line], {0: [t for t in removed if t in line]})
            if (line in removed and normalise(line) not in known) or any(part not in out for part in rest):
                check.lost += 1
                _example(check.lost_examples, line)
    return check


def _example(examples: list[str], text: str, limit: int = 5) -> None:
    if len(examples) < limit:
        examples.append(text)
