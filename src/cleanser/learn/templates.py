"""Templates: a recurring key generalised into a candidate rule, its variants into slots ({name}, {year},
{number}, {title}, {text}); candidates taken most supported first, each taking the units it explains; the blurb
line under a header; and where and how a candidate would apply as a rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..rules.model import template_regex
from ..text import fold_for_match, is_prose
from .mine import (
    BOTTOM,
    DIGITS,
    GLUED_END,
    GLUED_MID,
    GLUED_START,
    INLINE,
    POSITIONS,
    TOP,
    Counts,
    Key,
    Unit,
    normalise,
    original_words,
)

if TYPE_CHECKING:
    from .read import SiteDocument
    from .sketch import HeavyHitters


@dataclass
class Candidate:
    """A recurring line or piece: its template, the units it explains, and what became of it."""

    key: Key
    template: str
    units: list[Unit]
    docs: int
    share: float
    positions: Counter[str]
    examples: list[str]  # distinct texts, most frequent first
    variants: int  # distinct fillers of the slot (1 without a slot)
    reason: str | None = None  # why it is not a rule
    why: str = ""  # why it may be one: its structural cue
    notes: list[str] = field(default_factory=list)
    blurb: int = 0
    blurbs: list[tuple[int, int, str]] = field(default_factory=list)  # (doc, line, text) of its blurb lines
    rule_id: str = ""
    where: str = "any"
    glued: str = "none"
    counter_examples: list[str] = field(default_factory=list)
    verified: str = ""  # what the held-back documents showed (learn/trust.py); "" when not verified

    @property
    def is_rule(self) -> bool:
        return self.reason is None

    def positions_text(self) -> str:
        return ", ".join(f"{p} {self.positions[p]}" for p in POSITIONS if self.positions[p])


_SLOT_SHAPE = re.compile(r"\{[A-Za-z_]\w*\}")


def _representative(units: Sequence[Unit]) -> str:
    return Counter(u.text for u in units).most_common(1)[0][0]


def _digit_slots(words_per_unit: list[list[str]], rep: str) -> str:
    """`rep` (one word of the template) with each run of digits as {year} when every unit has a year there,
    else {number}."""
    runs = [DIGITS.findall(w) for w in words_per_unit]
    out, pos = [], 0
    for r, m in enumerate(DIGITS.finditer(rep)):
        years = all(len(rs) > r and len(rs[r]) == 4 and rs[r][:2] in ("19", "20") for rs in runs)
        out.append(rep[pos : m.start()] + ("{year}" if years else "{number}"))
        pos = m.end()
    return "".join(out) + rep[pos:]


def build_candidate(key: Key, units: list[Unit], n_docs: int, *, refine: bool = True) -> Candidate | None:
    """The template of a key, from the units that have it; None when the template matches none of them."""
    rep = _representative(units)
    rep_words = original_words(rep)
    # A key's units are mostly the same few texts (a template line in every document): each is split once.
    split = {t: original_words(t) for t in {u.text for u in units}}
    all_words = [split[u.text] for u in units]
    n_pre, n_suf = len(key.prefix), len(key.suffix)
    if key.slot:
        positions = list(range(n_pre)) + [-k for k in range(n_suf, 0, -1)]
    else:
        positions = list(range(len(rep_words)))
    literal = {p: _digit_slots([w[p] for w in all_words], rep_words[p]) for p in positions}
    fillers: Counter[str] = Counter()
    if key.slot:
        for words in all_words:
            fillers[" ".join(words[n_pre : len(words) - n_suf])] += 1
        slot = _slot_name(key, fillers)
        parts = [literal[p] for p in range(n_pre)] + [slot] + [literal[-k] for k in range(n_suf, 0, -1)]
    else:
        parts = [literal[p] for p in positions]
    template = " ".join(parts)
    # A brace is literal in a template unless it closes a name into a slot's shape ("{title}"): the CSS a scraper
    # kept ("img#logo { display: initial; }") is learnable, a page that prints "{name}" is not.
    braces = any(_SLOT_SHAPE.search(rep_words[p]) for p in positions)
    if not braces and refine:
        # A unit the template cannot match (a slot longer than a template slot may be) is not explained by it.
        pattern = re.compile(template_regex(fold_for_match(template)), re.IGNORECASE)
        fits = {t for t in split if pattern.fullmatch(fold_for_match(t))}
        matched = [u for u in units if u.text in fits]
        if len(matched) < len(units):
            return build_candidate(key, matched, n_docs, refine=False) if matched else None
    docs = len({u.doc for u in units})
    return Candidate(
        key=key,
        template=template,
        units=units,
        docs=docs,
        share=docs / n_docs,
        positions=Counter(u.where for u in units),
        examples=[t for t, _ in Counter(u.text for u in units).most_common()],
        variants=len(fillers) if key.slot else 1,
        reason="contains a name in braces, which a template cannot say literally" if braces else None,
    )


def _slot_name(key: Key, fillers: Counter[str]) -> str:
    if key.prefix and key.prefix[-1].endswith(":") and not key.suffix:
        return "{title}"
    if all(w[:1].isupper() or w[:1].isdigit() for f in fillers for w in f.split() if w[:1].isalpha()):
        return "{name}"
    return "{text}"


def take_candidates(
    counts: Counts, docs: Sequence[SiteDocument], floor: int, threshold: int, own: int | None = None
) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates of a site (in `threshold` documents or more) and those below it (in `floor` or more), most
    supported first. Each takes the units it explains, so that its variants and the sub-phrases of its lines do
    not come back as candidates of their own. A line in `own` documents or more is never another's blurb
    (`find_blurb`)."""
    found, support = counts.found, counts.support
    ranked = sorted(found, key=lambda k: (-support[k], k.slot, -k.literal_words, -k.literal_chars, k))
    candidates: list[Candidate] = []
    below: list[Candidate] = []
    taken_lines: set[tuple[int, int]] = set()
    taken_pieces: set[int] = set()
    for key in ranked:
        if support[key] < floor:
            break
        free = [u for u in found[key] if (u.doc, u.line) not in taken_lines and not (u.piece and id(u) in taken_pieces)]
        if len({u.doc for u in free}) < floor:
            continue
        cand = build_candidate(key, free, len(docs))
        if cand is None or cand.docs < floor:
            continue
        for u in cand.units:
            if u.piece:
                taken_pieces.add(id(u))
            else:
                taken_lines.add((u.doc, u.line))
        if cand.docs < threshold:
            below.append(cand)
            continue
        find_blurb(cand, docs, counts.df, taken_lines, own)
        taken_lines.update((d, line) for d, line, _ in cand.blurbs)
        candidates.append(cand)
    return candidates, below


def find_blurb(
    cand: Candidate,
    docs: Sequence[SiteDocument],
    df: HeavyHitters,
    taken: set[tuple[int, int]],
    own: int | None = None,
) -> None:
    """A promo header is often followed by a one-line pitch that varies with it (the newsletter's own line):
    when most of its line occurrences are followed by a short recurring line found nowhere else, the rule takes
    one blurb line. A line in `own` documents or more (nearly every page: the template's by itself) is no blurb: it
    is a candidate of its own, judged as one. As a blurb it was lost whenever the loss guard refused the blurb
    line in a fixture (a comment's "Reply", a chart's unit under its legend), since its header's rule then goes
    without its blurb and the line had been taken from the candidates."""
    lines = [u for u in cand.units if not u.piece]
    followers: list[tuple[int, int, str]] = []
    for u in lines:
        doc_lines = docs[u.doc].lines
        j = u.line + 1
        if j >= len(doc_lines) or (u.doc, j) in taken:  # a line a candidate already explains
            continue
        text = doc_lines[j]
        body = text.rstrip(".!?")
        if len(text) > 130 or is_prose(text) or re.search(r"[.!?] ", body):
            continue
        followers.append((u.doc, j, text))
    if not lines or len(followers) < 0.8 * len(lines):
        return
    after = Counter(normalise(t) for _, _, t in followers)
    for norm, count in after.items():
        seen = df.get(hash(Key(tuple(norm.split()), (), False)), 0)
        # A line that also turns up without the header is a promo of its own (or content), not its blurb.
        if count < 2 or count < 0.9 * seen or (own is not None and seen >= own):
            return
    cand.blurb = 1
    cand.blurbs = followers


def folded_groups(units: Sequence[Unit]) -> dict[str, list[int]]:
    """Each distinct text of `units` as the matcher folds it, with the places in `units` of the units that have it.
    A site's units are about half as many distinct texts (its template's lines recur), and every candidate's
    template is tried on each of them (`shape_rule`): the caller makes this once per site."""
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        groups.setdefault(fold_for_match(u.text), []).append(i)
    return groups


def shape_rule(cand: Candidate, units: Sequence[Unit], groups: dict[str, list[int]] | None = None) -> None:
    """Where and how the rule applies, checked against the archive; sets `reason` when it cannot be a rule.
    `groups`: `folded_groups(units)`, made once per site by the caller."""
    pattern = re.compile(template_regex(fold_for_match(cand.template)), re.IGNORECASE)
    mine = {id(u) for u in cand.units}
    if groups is None:
        groups = folded_groups(units)
    matched = sorted(i for f, places in groups.items() if pattern.fullmatch(f) for i in places)
    strays = [units[i].text for i in matched if id(units[i]) not in mine]
    prose = [t for t in strays if is_prose(t)]
    if prose:
        cand.reason = f"its template also matches {len(prose)} lines that read as prose, e.g. {prose[0][:100]!r}"
        return
    unmatched = [u for u in cand.units if not pattern.fullmatch(fold_for_match(u.text))]
    if unmatched:  # a bug in building the template, never expected: say so rather than write a wrong rule
        cand.reason = f"its template does not match its own example {unmatched[0].text!r}"
        return
    # The narrowest `where` that still covers every line occurrence seen.
    # As learning saw them, and as the cleaner will (which counts the template's own paragraphs as prose).
    on_lines = {p for p in (TOP, INLINE, BOTTOM) if cand.positions[p]}
    on_lines |= {u.seen_where for u in cand.units if not u.piece and u.seen_where}
    cand.where = {frozenset({TOP}): "top", frozenset({BOTTOM}): "bottom", frozenset({TOP, BOTTOM}): "edge"}.get(
        frozenset(on_lines), "any"
    )
    glued = {p for p in (GLUED_START, GLUED_MID, GLUED_END) if cand.positions[p]}
    starts_literal = not cand.template.startswith("{")
    ends_literal = not cand.template.endswith("}")
    if glued == {GLUED_END}:
        cand.glued = "end"
    elif glued == {GLUED_START}:
        cand.glued = "start"
    elif glued:
        cand.glued = "both"
    needs_start = cand.glued in ("end", "both")
    needs_end = cand.glued in ("start", "both")
    if (needs_start and not starts_literal) or (needs_end and not ends_literal):
        n = sum(cand.positions[p] for p in glued)
        cand.notes.append(f"{n} glued occurrences are not covered: the template starts or ends with a slot")
        cand.glued = "none"
