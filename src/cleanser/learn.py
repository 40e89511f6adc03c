"""Learning a site plugin from an archive of the site's articles: `cleanser learn`.

A site's boilerplate recurs across its articles with small variations; article sentences do not. Documents are
grouped by site and cut into units: whole lines, and the sentence pieces of lines that a promo may be glued into.
Every unit gives keys: its normalised text (case and punctuation folded as the matcher folds them, each run of
digits one symbol), and the same text with one run of 1-4 words left open as a slot. A key found in a large share
of the site's documents is a candidate template. Candidates are taken most supported first, and each takes the
units it explains, so that its variants and the sub-phrases of a line do not come back as candidates of their own.

A candidate becomes a rule only when nothing says it is content: a byline, dateline or sign-off; a long line; a
line or a sentence piece of one that reads as prose (reported speech, clauses, a full sentence without promo
wording); a slot that is different in most documents (promo varies over a few names, content freely); a line
found in the middle of articles (rather than at the top, the bottom or glued onto a sentence) without promo
wording; a template that also matches prose lines elsewhere in the archive. Rejected candidates go to the review
section with the reason. Each rule gets real examples, counter-examples and a fixture from the archive, and the
fixtures are checked by cleaning them with the learned plugin: a rule whose fixture does not come out as
predicted goes to review too. Finally the archive is cleaned with the plugin (the self-check in the report).
How it works and what it does not do, with measured figures: docs/learn.md.

`learn` takes (url, text) pairs and does no I/O; `read_documents`, `write_plugins` and the CLI do the files.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from .batch.records import add_input_options
from .files import atomic_write, backup
from .read.text import InputError, decode, looks_like_html, normalize_spaces
from .rules.model import SLOT_MAX, RuleError, RuleSet, ruleset_from_dict, template_regex
from .text import FOLD, fold_for_match, host_of, is_prose


@dataclass(frozen=True)
class LearnSettings:
    """The thresholds of `learn`; every one is a CLI option."""

    min_share: float = 0.2  # a candidate must occur in at least this share of the site's documents
    min_docs: int = 5  # ... and in at least this many
    max_words: int = 20  # a longer line reads as content
    max_chars: int = 160
    edge_share: float = 0.8  # share of occurrences at the top, the bottom or glued that makes a position a cue
    max_slot_words: int = 4  # the widest run of words one slot may stand for
    max_docs: int = 5000  # documents per site that are learned from (the first ones); memory grows with it
    check_docs: int = 1000  # documents per site cleaned for the self-check

    def __post_init__(self) -> None:
        if not 0 < self.min_share <= 1:
            raise ValueError(f"min share must be a share between 0 and 1, got {self.min_share}")
        if not 0 <= self.edge_share <= 1:
            raise ValueError(f"edge share must be a share between 0 and 1, got {self.edge_share}")
        for name in ("min_docs", "max_words", "max_chars", "max_slot_words", "max_docs"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name.replace('_', ' ')} must be at least 1, got {getattr(self, name)}")


# --- units: lines and glued pieces ---------------------------------------------------------------------------

TOP, BOTTOM, INLINE = "top", "bottom", "inline"
GLUED_START, GLUED_END, GLUED_MID = "glued-start", "glued-end", "glued-mid"
POSITIONS = (TOP, INLINE, BOTTOM, GLUED_START, GLUED_MID, GLUED_END)

# Where a line may hold several pieces: after a sentence end (with or without a space), and where a word runs
# into a capitalised one (or an opening quote) with no space at all ("...for freeOil prices"): the two ways
# scrapers glue text.
# With no space, a quote after the full stop opens the next sentence ('...a month."We'), so it is not taken.
_SENTENCE_GAP = re.compile(r"""[.!?…]["'”’)\]]* +(?=[A-Z0-9"“‘(])|[.!?…](?=[A-Z"“‘(])""")
_CAMEL_GAP = re.compile(r"[a-z]{2}(?=[A-Z][a-z]|[\"“][A-Z])")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\S+")


@dataclass(slots=True)
class Unit:
    """A line of a document, or a piece of one (`piece`), with where it sits and its normalised words."""

    doc: int
    line: int
    text: str
    where: str
    norm: str  # normalised words joined by single spaces
    piece: bool = False


class Key(NamedTuple):
    """A unit's words with one run left open (`slot`), or all of them (`slot` False, in `prefix`)."""

    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    slot: bool

    @property
    def literal_words(self) -> int:
        return len(self.prefix) + len(self.suffix)

    @property
    def literal_chars(self) -> int:
        return sum(map(len, self.prefix)) + sum(map(len, self.suffix))


def normalise(text: str) -> str:
    """A line's words as the matcher sees them (folded, trimmed, lower case), each run of digits as '#'."""
    return _DIGITS.sub("#", fold_for_match(text).lower())


def _original_words(text: str) -> list[str]:
    """The words of `text` as written, aligned one for one with `normalise(text).split()` (FOLD maps one
    character to one, so positions in the folded, trimmed line are positions in the line)."""
    folded = text.translate(FOLD)
    trimmed = fold_for_match(text)
    start = folded.find(trimmed) if trimmed else 0
    if start < 0:  # only if fold_for_match stopped mapping one character to one
        return trimmed.split()
    return [text[start + m.start() : start + m.end()] for m in _WORD.finditer(trimmed)]


def pieces(line: str) -> list[str]:
    """The sentence pieces of a line: cut after each sentence end and where a word runs into a capitalised one."""
    cuts = sorted({m.end() for m in _SENTENCE_GAP.finditer(line)} | {m.end() for m in _CAMEL_GAP.finditer(line)})
    out: list[str] = []
    pos = 0
    for cut in cuts:
        if pos < cut < len(line):
            out.append(line[pos:cut].strip())
            pos = cut
    out.append(line[pos:].strip())
    return [p for p in out if p]


def doc_units(index: int, lines: Sequence[str]) -> list[Unit]:
    """Every unit of one document. A line's position is read against the article's prose lines, as the rules'
    `where` reads it: before the first prose line is top, after the last is bottom, between them inline."""
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    units: list[Unit] = []
    for i, line in enumerate(lines):
        where = TOP if i < first else BOTTOM if i > last else INLINE
        units.append(Unit(index, i, line, where, normalise(line)))
        parts = pieces(line)
        if len(parts) > 1:
            for k, part in enumerate(parts):
                glued = GLUED_START if k == 0 else GLUED_END if k == len(parts) - 1 else GLUED_MID
                units.append(Unit(index, i, part, glued, normalise(part), piece=True))
    return [u for u in units if u.norm]


def unit_keys(unit: Unit, settings: LearnSettings) -> set[Key]:
    words = tuple(unit.norm.split())
    if not any(c.isalpha() for c in unit.norm):
        return set()
    keys = {Key(words, (), False)}
    n = len(words)
    if n > settings.max_words:
        return keys  # long: counted whole, so that recurring long text can be reported, never templated
    # Characters before each word, so that the literal text around a slot is measured without building it.
    before = [0]
    for w in words:
        before.append(before[-1] + len(w))
    new = tuple.__new__  # the hot loop of learning: a Key without NamedTuple's slower constructor
    for i in range(n):
        for j in range(i + 1, min(n, i + settings.max_slot_words) + 1):
            # A template needs real literal text around its slot, or it would match anything of that shape.
            if n - (j - i) >= 2 and before[n] - (before[j] - before[i]) >= 8:
                keys.add(new(Key, (words[:i], words[j:], True)))
    # "Label: anything" ("Read more: <headline>"): the rest of the line is one slot, however many words.
    for i in range(1, min(n, 5)):
        tail = before[n] - before[i] + (n - i - 1)
        if words[i - 1].endswith(":") and n - i > settings.max_slot_words and before[i] >= 5 and tail <= SLOT_MAX:
            keys.add(Key(words[:i], (), True))
    return keys


# --- candidates ------------------------------------------------------------------------------------------------


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

    @property
    def is_rule(self) -> bool:
        return self.reason is None

    def positions_text(self) -> str:
        return ", ".join(f"{p} {self.positions[p]}" for p in POSITIONS if self.positions[p])


def _representative(units: Sequence[Unit]) -> str:
    return Counter(u.text for u in units).most_common(1)[0][0]


def _digit_slots(words_per_unit: list[list[str]], rep: str) -> str:
    """`rep` (one word of the template) with each run of digits as {year} when every unit has a year there,
    else {number}."""
    runs = [_DIGITS.findall(w) for w in words_per_unit]
    out, pos = [], 0
    for r, m in enumerate(_DIGITS.finditer(rep)):
        years = all(len(rs) > r and len(rs[r]) == 4 and rs[r][:2] in ("19", "20") for rs in runs)
        out.append(rep[pos : m.start()] + ("{year}" if years else "{number}"))
        pos = m.end()
    return "".join(out) + rep[pos:]


def build_candidate(key: Key, units: list[Unit], n_docs: int, *, refine: bool = True) -> Candidate | None:
    """The template of a key, from the units that have it; None when the template matches none of them."""
    rep = _representative(units)
    rep_words = _original_words(rep)
    all_words = [_original_words(u.text) for u in units]
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
    braces = any("{" in rep_words[p] or "}" in rep_words[p] for p in positions)
    if not braces and refine:
        # A unit the template cannot match (a slot longer than a template slot may be) is not explained by it.
        pattern = re.compile(template_regex(fold_for_match(template)), re.IGNORECASE)
        matched = [u for u in units if pattern.fullmatch(fold_for_match(u.text))]
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
        reason="contains braces, which a template cannot say literally" if braces else None,
    )


def _slot_name(key: Key, fillers: Counter[str]) -> str:
    if key.prefix and key.prefix[-1].endswith(":") and not key.suffix:
        return "{title}"
    if all(w[:1].isupper() or w[:1].isdigit() for f in fillers for w in f.split() if w[:1].isalpha()):
        return "{name}"
    return "{text}"


# --- what content looks like -------------------------------------------------------------------------------

_BYLINE = re.compile(r"^(?:by|words by|written by|story by|text by|interview by)\s+\S", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"\b(?:(?:additional )?reporting by|editing by|edited by|writing by|compiled by|fact[- ]checked by|"
    r"contributed (?:to )?(?:this|the) (?:report|story|article)|with (?:wire|agency) services|"
    r"(?:write to|contact|e-?mail) (?:the (?:author|reporter)|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}) at)\b",
    re.IGNORECASE,
)
# "LONDON, March 3 (Reuters) -", "WASHINGTON (AP) —"; a city not in capitals only with the agency in brackets.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}(?:, [A-Z][a-z]{2,8}\.?(?: \d{1,2})?)?(?: \([^)]{2,40}\))?|"
    r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}(?:, [A-Z][a-z]{2,8}\.?(?: \d{1,2})?)? \([^)]{2,40}\)) ?[-–—:]"
)
_REPORTED = re.compile(r"\b(?:said|says|told|according to|added|explained|announced|reported|wrote)\b", re.I)
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|did|does|do|not|should|may|might)\b|"
    r"\b[a-z]{3,}ed\b",
    re.IGNORECASE,
)
# Wording that says a line addresses the reader (a call to action) or is a publisher's notice.
_CALL_TO_ACTION = re.compile(
    r"^(?:sign up|subscribe|unlock|download|get|install|follow|join|listen|watch|read|click|tap|try|support|"
    r"share|register|log in|sign in|discover|explore|don't miss|see|visit|like|donate|become|start|claim|save)\b",
    re.IGNORECASE,
)
_PROMO_WORDS = re.compile(
    r"\b(?:newsletters?|subscribe|subscribers?|subscription|sign(?:ing)? up|unlock|download|app|apps|podcast|"
    r"advert\w*|sponsored|promoted|partner content|inbox|free trial|offers?|copyright|all rights reserved|"
    r"cookies?|privacy policy|most read|recommended|related (?:stories|articles|content)|continue reading|"
    r"read (?:more|next|the full)|follow us|share this)\b|©|www\.|https?://|\.(?:com|org|net|co\.uk)\b",
    re.IGNORECASE,
)


def promo_wording(text: str) -> bool:
    return bool(_CALL_TO_ACTION.search(text.strip()) or _PROMO_WORDS.search(text))


def content_reason(text: str, settings: LearnSettings) -> str | None:
    """Why a recurring line reads as article content, or None."""
    text = text.strip()
    words = text.split()
    if _BYLINE.search(text):
        return "a byline"
    if _SIGNOFF.search(text):
        return "a sign-off or credit (reporting, editing, contact)"
    if _DATELINE.search(text) and not promo_wording(text):
        return "a dateline"
    if len(words) > settings.max_words or len(text) > settings.max_chars:
        return f"long: {len(words)} words, {len(text)} characters"
    if _REPORTED.search(text):
        return "reads as prose: reported speech"
    parts = pieces(text)
    for part in parts:
        # A line that is a promo glued onto a sentence recurs when both do; the sentence is still content.
        reason = _sentence_reason(part)
        if reason:
            return reason + (f" (in {part!r})" if len(parts) > 1 else "")
    return None


def _sentence_reason(text: str) -> str | None:
    words = text.split()
    clauses = len(re.findall(r",\s", text))  # not the comma of "12,000"
    if clauses >= 2 or (clauses and len(words) >= 8):
        return "reads as prose: a sentence with clauses"
    ends = text.rstrip("\"'”’)]")[-1:] in ".!?"
    # Verbs are guessed from a short list and "-ed" endings; six words ending a sentence are a sentence anyway.
    if ends and (len(words) >= 6 or (len(words) >= 4 and _VERB.search(text))) and not promo_wording(text):
        return "reads as prose: a full sentence with no promo wording"
    return None


def variety_reason(cand: Candidate) -> str | None:
    """A promo's slot runs over a few names (newsletters, platforms, authors); a slot that is different in most
    documents is the pattern of content (headlines from one desk), unless a label says what follows it."""
    label = cand.key.slot and not cand.key.suffix and cand.key.prefix[-1].endswith(":")
    if cand.key.slot and not label and cand.variants > max(5, cand.docs / 2):
        return (
            f"its slot is different in most documents ({cand.variants} variants in {cand.docs}), as content is; "
            "promo varies over a few names"
        )
    return None


def position_reason(cand: Candidate, settings: LearnSettings) -> str | None:
    """Promo sits at the top or the bottom of an article, or is glued onto a sentence by the scraper; a line in
    the middle of articles needs promo wording to be taken for boilerplate (a heading recurs there too)."""
    total = sum(cand.positions.values())
    edge = total - cand.positions[INLINE]
    if edge >= settings.edge_share * total:
        cand.why = f"{edge / total:.0%} of its occurrences at the top, the bottom or glued onto a sentence"
        return None
    wording = _CALL_TO_ACTION.search(cand.examples[0].strip()) or _PROMO_WORDS.search(cand.examples[0])
    if wording:
        cand.why = f"{1 - edge / total:.0%} of its occurrences inline, with promo wording ({wording.group(0)!r})"
        return None
    return (
        f"its position varies ({cand.positions_text()}) with no structural cue: only {edge / total:.0%} of its "
        f"occurrences sit at the top, the bottom or glued onto a sentence, and it has no promo wording"
    )


# --- learning one site -------------------------------------------------------------------------------------


@dataclass
class SiteDocument:
    url: str | None
    text: str  # as read (text or HTML)
    lines: list[str]


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


@dataclass
class SiteModel:
    """What was learned for one site."""

    domain: str
    name: str
    documents: int  # documents of the site read
    used: int  # documents learned from (at most settings.max_docs)
    threshold: int  # documents a candidate needed
    candidates: list[Candidate]  # rules and review, most supported first
    below: list[Candidate]  # recurring, but in fewer documents than the threshold
    fixtures: list[dict] = field(default_factory=list)
    check: Check | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def rules(self) -> list[Candidate]:
        return [c for c in self.candidates if c.is_rule]

    @property
    def review(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.is_rule]


def learn_site(
    domain: str,
    docs: Sequence[SiteDocument],
    *,
    total: int | None = None,
    settings: LearnSettings | None = None,
    base: Sequence[RuleSet] | None = None,
) -> SiteModel:
    """Learn one site's plugin from its documents. `base` are the rule sets the plugin will run beside (the
    generic rules, other plugins); they are used to check the fixtures and for the self-check."""
    settings = settings or LearnSettings()
    from .plugins.scaffold import plugin_name

    name, domain = plugin_name(domain)
    # A bundled or installed plugin of the same name would make the learned one fail to load.
    if any(rs.name == name and "learned" not in rs.extra for rs in base or ()):
        name += "-learned"
    n = len(docs)
    threshold = max(settings.min_docs, math.ceil(settings.min_share * n))
    floor = max(settings.min_docs, math.ceil(threshold / 2))
    by_doc = [doc_units(i, d.lines) for i, d in enumerate(docs)]
    # Pass 1: in how many documents each key occurs. Keys are counted by hash, one document at a time, so that
    # memory holds one integer per distinct key (a collision only makes a key look wanted; pass 2 counts exactly).
    df: Counter[int] = Counter()
    for units in by_doc:
        keys: set[Key] = set()
        for u in units:
            keys |= unit_keys(u, settings)
        df.update(map(hash, keys))
    wanted = {h for h, c in df.items() if c >= floor}
    # Pass 2: the units of the keys that may become candidates.
    found: dict[Key, list[Unit]] = defaultdict(list)
    for units in by_doc:
        for u in units:
            for k in unit_keys(u, settings):
                if hash(k) in wanted:
                    found[k].append(u)
    support = {k: len({u.doc for u in us}) for k, us in found.items()}
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
        cand = build_candidate(key, free, n)
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
        _find_blurb(cand, docs, df, taken_lines)
        taken_lines.update((d, line) for d, line, _ in cand.blurbs)
        candidates.append(cand)
    units = [u for us in by_doc for u in us]

    model = SiteModel(domain, name, total or n, n, threshold, candidates, below)
    for cand in candidates:
        # The most frequent texts speak for the template; a slot's rarer fillers are judged through them.
        cand.reason = (
            cand.reason
            or next(filter(None, (content_reason(e, settings) for e in cand.examples[:3])), None)
            or variety_reason(cand)
            or position_reason(cand, settings)
        )
        if cand.reason is None:
            _shape_rule(cand, units)
    _add_counter_examples(model.rules, docs)
    _name_rules(model)
    for cand in model.rules:
        cand.reason = _check_rule(cand, model)
    if base is not None:
        _fixtures_and_check(model, docs, base, settings)
    return model


def _find_blurb(cand: Candidate, docs: Sequence[SiteDocument], df: Counter[int], taken: set[tuple[int, int]]) -> None:
    """A promo header is often followed by a one-line pitch that varies with it (the newsletter's own line):
    when most of its line occurrences are followed by a short recurring line found nowhere else, the rule takes
    one blurb line."""
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
        if count < 2 or count < 0.9 * seen:
            return
    cand.blurb = 1
    cand.blurbs = followers


def _shape_rule(cand: Candidate, units: Sequence[Unit]) -> None:
    """Where and how the rule applies, checked against the archive; sets `reason` when it cannot be a rule."""
    pattern = re.compile(template_regex(fold_for_match(cand.template)), re.IGNORECASE)
    mine = {id(u) for u in cand.units}
    strays = [u.text for u in units if id(u) not in mine and pattern.fullmatch(fold_for_match(u.text))]
    prose = [t for t in strays if is_prose(t)]
    if prose:
        cand.reason = f"its template also matches {len(prose)} lines that read as prose, e.g. {prose[0][:100]!r}"
        return
    unmatched = [u for u in cand.units if not pattern.fullmatch(fold_for_match(u.text))]
    if unmatched:  # a bug in building the template, never expected: say so rather than write a wrong rule
        cand.reason = f"its template does not match its own example {unmatched[0].text!r}"
        return
    # The narrowest `where` that still covers every line occurrence seen.
    on_lines = {p for p in (TOP, INLINE, BOTTOM) if cand.positions[p]}
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


_STOP = frozenset({"the", "a", "an", "to", "of", "for", "and", "or", "in", "on", "at", "our", "your", "this", "with"})


def _add_counter_examples(rules: Sequence[Candidate], docs: Sequence[SiteDocument]) -> None:
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


def _name_rules(model: SiteModel) -> None:
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


# --- the plugin as data ------------------------------------------------------------------------------------


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
    d["examples"] = _short_examples(cand)
    if cand.counter_examples:
        d["counter_examples"] = cand.counter_examples
    # Not read by the loader (unknown rule keys are ignored): the evidence, for the person reviewing the rule.
    d["support"] = cand.docs
    d["share"] = round(cand.share, 3)
    d["positions"] = {p: cand.positions[p] for p in POSITIONS if cand.positions[p]}
    if cand.variants > 1:
        d["variants"] = cand.variants
    return d


def _short_examples(cand: Candidate, limit: int = 3) -> list[str]:
    return [e for e in cand.examples if len(e) <= 200][:limit] or cand.examples[:1]


def plugin_dict(model: SiteModel, rules: Sequence[Candidate] | None = None) -> dict:
    rules = model.rules if rules is None else rules
    return {
        "name": model.name,
        "title": model.domain,
        "version": date.today().strftime("%Y.%m.0"),
        "domains": [model.domain],
        "fingerprints": [],
        "description": f"Boilerplate of {model.domain} articles, learned from {model.used} documents.",
        "rule": [rule_dict(c, model) for c in rules],
        "fixture": list(model.fixtures),
    }


def _check_rule(cand: Candidate, model: SiteModel) -> str | None:
    try:
        ruleset_from_dict({"name": model.name, "rule": [rule_dict(cand, model)]}, source="<learned>")
    except RuleError as exc:
        return f"not a valid rule: {str(exc).split(': ', 1)[-1]}"
    return None


# --- fixtures and the self-check: the plugin run through the real cleaner ---------------------------------


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


def _cleaner(model: SiteModel, base: Sequence[RuleSet], rules: Sequence[Candidate]):
    from .pipeline import Cleaner
    from .plugins.manager import Plugins

    learned = ruleset_from_dict(plugin_dict(model, rules) | {"fixture": []}, source="<learned>")
    others = []
    for rs in base:
        if rs.name == model.name:
            continue
        if not rs.generic and model.domain in rs.domains:
            model.notes.append(
                f"plugin {rs.name!r} also claims {model.domain}; the first by name is used "
                f"(CLEANSER_DISABLE_PLUGINS={rs.name} turns it off)"
            )
            continue
        others.append(rs)
    return Cleaner(Plugins.from_rulesets(*others, learned))


def _fixture_url(model: SiteModel, url: str | None) -> str | None:
    return url if url and _host(url) in (model.domain, "www." + model.domain) else None


def _fixtures_and_check(
    model: SiteModel, docs: Sequence[SiteDocument], base: Sequence[RuleSet], settings: LearnSettings
) -> None:
    # A rule without a fixture that cleans as predicted goes to review; that changes what the others' fixtures
    # should look like, so the fixtures are made again until every rule has one.
    for _ in range(5):
        rules = model.rules
        if not rules:
            model.fixtures = []
            break
        cleaner = _cleaner(model, base, rules)
        spans = _removed_spans(model, rules)
        fixtures, failed = _make_fixtures(model, docs, rules, spans, cleaner)
        if not failed:
            model.fixtures = fixtures
            break
        for cand in failed:
            cand.reason = "no archive document cleans exactly as predicted with it, so it has no fixture"
    model.notes = list(dict.fromkeys(model.notes))
    if model.rules:
        model.check = _self_check(model, docs, model.rules, _cleaner(model, base, model.rules), settings)


def _window(lines: Sequence[str], line: int, where: str) -> tuple[int, int]:
    if len(lines) <= 12:
        return 0, len(lines)
    if where == TOP:
        return 0, min(len(lines), line + 4)
    if where == BOTTOM:
        return max(0, line - 3), len(lines)
    return max(0, line - 2), min(len(lines), line + 3)


def _make_fixtures(model, docs, rules, spans, cleaner) -> tuple[list[dict], list[Candidate]]:
    fixtures: list[dict] = []
    failed: list[Candidate] = []
    covered: set[str] = set()
    by_doc: dict[int, set[str]] = defaultdict(set)
    for cand in rules:
        for u in cand.units:
            by_doc[u.doc].add(cand.rule_id)
    for cand in rules:
        if cand.rule_id in covered:
            continue
        made = None
        for u in sorted(cand.units, key=lambda u: (-len(by_doc[u.doc]), u.doc))[:30]:
            made = _try_fixture(model, docs[u.doc], u, spans[u.doc], cleaner)
            if made is not None:
                break
        if made is None:
            failed.append(cand)
            continue
        covered.update(made["rules"])
        fixtures.append(made)
    return fixtures, failed


def _try_fixture(model, doc: SiteDocument, unit: Unit, spans, cleaner) -> dict | None:
    """A window of the document around the unit, as a fixture, when the cleaner leaves exactly the predicted
    text (whole promo lines gone, glued ones cut out, nothing else touched by these rules or others)."""
    where = unit.where if unit.where in (TOP, BOTTOM) else INLINE
    lo, hi = _window(doc.lines, unit.line, where)
    window = list(doc.lines[lo:hi])
    shifted = {i - lo: v for i, v in spans.items() if lo <= i < hi}
    expected = "\n".join(_predict(window, shifted))
    text = "\n".join(window)
    url = _fixture_url(model, doc.url) or f"https://www.{model.domain}/"
    result = cleaner.clean(text, url=url)
    if result.text != expected or any(r.plugin == model.name for r in result.refused):
        return None
    fired = sorted({r.rule.split("/", 1)[1] for r in result.removed if r.plugin == model.name})
    if not fired:
        return None
    fixture = {"name": f"archive document {doc_label(doc)} ({', '.join(fired)})", "rules": fired}
    if _fixture_url(model, doc.url):
        fixture["url"] = doc.url
    fixture["input"] = text
    fixture["expected"] = expected
    return fixture


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
        result = cleaner.clean(doc.text, url=_fixture_url(model, doc.url) or f"https://www.{model.domain}/")
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


# --- learning an archive -----------------------------------------------------------------------------------


@dataclass
class Learning:
    sites: list[SiteModel]
    too_small: dict[str, int]  # sites with fewer documents than min_docs
    without_site: int  # documents with no URL and no --site
    errors: list[str]  # records that could not be read


def _host(url: str) -> str:
    return host_of(url)


def site_of(url: str | None) -> str | None:
    host = _host(url) if url else ""
    return host.removeprefix("www.") or None


def document_lines(text: str) -> list[str]:
    """The lines of a document as the text rules see them: a text's non-blank lines; for HTML, the blocks of
    the article the extractor finds (promo outside the article never reaches the rules)."""
    if looks_like_html(text):
        from .read import blocks as html_blocks
        from .read import extract as html_extract
        from .read import page as html_stage

        root = html_stage.parse(text)
        html_stage.strip_junk(root)
        article = html_extract.extract(root, html_stage.is_full_page(text))
        return [b.text.strip() for b in html_blocks.to_blocks(article) if b.text.strip() and b.kind != "table"]
    return [s for s in (normalize_spaces(line).strip() for line in text.splitlines()) if s]


def learn(
    documents: Iterable[tuple[str | None, str]],
    *,
    site: str | None = None,
    settings: LearnSettings | None = None,
    base: Sequence[RuleSet] | None = None,
    errors: Sequence[str] = (),
) -> Learning:
    """Learn a plugin per site from (url, text) documents (text or HTML). `site` puts every document under one
    domain. `base`: the rule sets the plugins will run beside, for fixtures and the self-check (None: skip both)."""
    settings = settings or LearnSettings()
    grouped: dict[str, list[SiteDocument]] = defaultdict(list)
    counts: Counter[str] = Counter()
    without = 0
    for url, text in documents:
        domain = site or site_of(url)
        if domain is None:
            without += 1
            continue
        counts[domain] += 1
        if counts[domain] <= settings.max_docs:
            text = text.encode("utf-8", "replace").decode("utf-8")
            grouped[domain].append(SiteDocument(url, text, document_lines(text)))
    models = []
    too_small = {}
    for domain in sorted(grouped):
        if counts[domain] < settings.min_docs:
            too_small[domain] = counts[domain]
            continue
        models.append(learn_site(domain, grouped[domain], total=counts[domain], settings=settings, base=base))
    return Learning(models, too_small, without, list(errors))


def read_documents(paths: Sequence[str], errors: list[str], **options) -> Iterator[tuple[str | None, str]]:
    """(url, text) of every record of the archives (`options` go to `archive.iter_records`: include, exclude,
    input_format, text_field, html_field, url_field); unreadable records are added to `errors` with the reason."""
    from .batch.records import iter_records

    for record in iter_records(paths, **options):
        if record.error:
            errors.append(f"{record.where}: {record.error}")
            continue
        try:
            data = record.data if isinstance(record.data, str) else decode(record.data, record.where)
        except InputError as exc:
            errors.append(str(exc))
            continue
        yield record.url, data


# --- writing: the plugin file and the report ---------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_text(s: str) -> str:
    """A multi-line literal string when that can hold `s` exactly, else a basic string."""
    if "'''" in s or _CONTROL.search(s) or s.startswith(("\n", "'")) or s.endswith("'") or "\r" in s:
        return _toml_str(s)
    return f"'''{s}'''"


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, str):
        return _toml_text(v) if "\n" in v else _toml_str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def _toml_key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else _toml_str(k)


def _table(header: str, d: dict) -> list[str]:
    return [header] + [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in d.items()] + [""]


def review_dict(cand: Candidate) -> dict:
    return {
        "template": cand.template,
        "reason": cand.reason or "",
        "support": cand.docs,
        "share": round(cand.share, 3),
        "positions": {p: cand.positions[p] for p in POSITIONS if cand.positions[p]},
        "examples": _short_examples(cand),
    }


def plugin_toml(model: SiteModel, settings: LearnSettings) -> str:
    data = plugin_dict(model)
    lines = [
        f"# Learned by `cleanser learn` from {model.used} documents of {model.domain}. Review it before use:",
        "# `cleanser learn ARCHIVE --report` says why each rule was proposed and why the [[learned.review]]",
        "# candidates at the end were not. support/share/positions/variants in a rule are evidence, not settings.",
    ]
    for key in ("name", "title", "version", "domains", "fingerprints", "description"):
        lines.append(f"{key} = {_toml_value(data[key])}")
    lines.append("")
    for rule in data["rule"]:
        lines += _table("[[rule]]", rule)
    for fixture in data["fixture"]:
        lines += _table("[[fixture]]", fixture)
    learned: dict = {
        "documents": model.documents,
        "used": model.used,
        "threshold": model.threshold,
        "settings": {
            "min_share": settings.min_share,
            "min_docs": settings.min_docs,
            "max_words": settings.max_words,
            "max_chars": settings.max_chars,
            "edge_share": settings.edge_share,
        },
    }
    if model.check is not None:
        c = model.check
        learned["check"] = {
            "documents": c.documents,
            "occurrences": c.occurrences,
            "removed": c.removed,
            "refused": c.refused,
            "prose_lines": c.prose_lines,
            "lost": c.lost,
            "content_removed": c.content_removed,
        }
    lines += _table("[learned]", learned)
    for cand in model.review:
        lines += _table("[[learned.review]]", review_dict(cand))
    text = "\n".join(lines).rstrip("\n") + "\n"
    # What is written must read back as what was meant; a writer bug must not produce a different plugin.
    back = tomllib.loads(text)
    if back.get("rule", []) != data["rule"] or back.get("fixture", []) != data["fixture"]:
        raise AssertionError("the learned plugin does not read back as written")
    return text


def _quote(text: str, limit: int = 90) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def format_report(learning: Learning) -> str:
    out: list[str] = []
    for model in learning.sites:
        used = f" (learned from the first {model.used})" if model.used < model.documents else ""
        out.append(f"{model.domain}: plugin {model.name!r}, {model.documents} documents{used}")
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
        for note in model.notes:
            out.append(f"  note: {note}")
        out.append("")
    for domain, n in sorted(learning.too_small.items()):
        out.append(f"{domain}: {n} documents, too few to learn from")
    if learning.without_site:
        out.append(f"{learning.without_site} documents without a URL were skipped (give --site DOMAIN)")
    for error in learning.errors:
        out.append(f"not read: {error}")
    return "\n".join(out).rstrip("\n") + "\n"


def write_plugins(learning: Learning, folder: Path, settings: LearnSettings, *, force: bool = False) -> list[Path]:
    """Write each site's plugin to `folder` atomically; an existing file is replaced only with `force`, and
    then a backup of it is kept."""
    planned = [(folder / f"{m.name}.toml", m) for m in learning.sites]
    existing = [str(p) for p, _ in planned if p.exists()]
    if existing and not force:
        raise FileExistsError(f"{', '.join(existing)} exists (use --force to replace it; a backup is kept)")
    written = []
    for path, model in planned:
        text = plugin_toml(model, settings)
        if path.exists():
            backup(path)
        atomic_write(path, text)
        written.append(path)
    return written


# --- the command -------------------------------------------------------------------------------------------


def add_learn_parser(sub) -> None:
    defaults = LearnSettings()
    p = sub.add_parser(
        "learn",
        help="learn a site plugin from an archive of the site's articles",
        description="Find the lines that recur across a site's articles, propose them as rules, and write a "
        "plugin with its evidence, fixtures from the archive and a review section.",
    )
    p.add_argument(
        "archives",
        nargs="+",
        metavar="ARCHIVE",
        help="files, folders, JSON Lines or WARC files (gzipped or not), or - for stdin",
    )
    g = p.add_argument_group("archives (as for clean)")
    add_input_options(g)
    p.add_argument("--site", metavar="DOMAIN", help="treat every document as from DOMAIN (default: its URL's)")
    p.add_argument("-o", "--output", metavar="DIR", help="write one plugin per site to DIR (use it with --plugins-dir)")
    p.add_argument("--report", action="store_true", help="print what was found and why, for review")
    p.add_argument("--force", action="store_true", help="replace an existing plugin file (a backup is kept)")
    p.add_argument(
        "--min-share",
        type=float,
        default=defaults.min_share,
        metavar="SHARE",
        help=f"least share of a site's documents a line must recur in (default {defaults.min_share})",
    )
    p.add_argument(
        "--min-docs",
        type=int,
        default=defaults.min_docs,
        metavar="N",
        help=f"least number of documents a line must recur in (default {defaults.min_docs})",
    )
    p.add_argument(
        "--max-words",
        type=int,
        default=defaults.max_words,
        metavar="N",
        help=f"longer lines read as content (default {defaults.max_words})",
    )
    p.add_argument(
        "--edge-share",
        type=float,
        default=defaults.edge_share,
        metavar="SHARE",
        help="share of occurrences at the top, bottom or glued that lets a line without promo wording "
        f"be a rule (default {defaults.edge_share})",
    )
    p.add_argument(
        "--max-docs",
        type=int,
        default=defaults.max_docs,
        metavar="N",
        help=f"documents per site to learn from (default {defaults.max_docs})",
    )
    p.add_argument(
        "--plugins-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="plugins the learned one will run beside (for its fixtures and the self-check)",
    )
    p.set_defaults(func=cmd_learn)


def cmd_learn(args: argparse.Namespace) -> int:
    from .plugins.manager import plugins_for
    from .settings import Settings

    if not args.output and not args.report:
        print("cleanser learn: give -o DIR to write the plugin, or --report to print what was found", file=sys.stderr)
        return 2
    try:
        settings = LearnSettings(
            min_share=args.min_share,
            min_docs=args.min_docs,
            max_words=args.max_words,
            edge_share=args.edge_share,
            max_docs=args.max_docs,
        )
    except ValueError as exc:
        print(f"cleanser learn: {exc}", file=sys.stderr)
        return 2
    if args.site:
        from .plugins.scaffold import plugin_name

        try:
            plugin_name(args.site)
        except ValueError as exc:
            print(f"cleanser learn: --site: {exc}", file=sys.stderr)
            return 2
    plugins = plugins_for(Settings.from_env(plugins_dirs=args.plugins_dir))
    for error in plugins.errors:
        print(f"cleanser: plugin not loaded: {error.source}: {error.reason}", file=sys.stderr)
    errors: list[str] = []
    options = {
        "include": args.include,
        "exclude": args.exclude,
        "input_format": args.input_format,
        "text_field": args.text_field,
        "html_field": args.html_field,
        "url_field": args.url_field,
    }
    documents = read_documents(args.archives, errors, **options)
    learning = learn(documents, site=args.site, settings=settings, base=plugins.rulesets())
    learning.errors = errors
    for error in errors:
        print(f"cleanser: {error}", file=sys.stderr)
    if args.report:
        sys.stdout.write(format_report(learning))
    if not learning.sites:
        print("cleanser learn: no site with enough documents to learn from", file=sys.stderr)
        return 1
    if args.output:
        try:
            written = write_plugins(learning, Path(args.output), settings, force=args.force)
        except (FileExistsError, OSError) as exc:
            print(f"cleanser learn: {exc}", file=sys.stderr)
            return 2
        stream = sys.stderr if args.report else sys.stdout
        for path, model in zip(written, learning.sites, strict=True):
            print(
                f"wrote {path}: {len(model.rules)} rules, {len(model.review)} for review "
                f"({model.used} documents of {model.domain})",
                file=stream,
            )
            print(f"next: cleanser plugins test {model.name} --plugins-dir {path.parent}", file=stream)
    return 1 if errors else 0
