"""Mining: a site's documents cut into units (lines, and the pieces a scraper glued into one), each unit's keys
(its normalised words, and the same words with one run left open as a slot), and the keys counted by documents.

A key found in enough of a site's documents is what `templates` turns into a candidate.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from ..rules.model import SLOT_MAX
from ..text import FOLD, fold_for_match, is_prose
from . import by_text
from .settings import LearnSettings
from .sketch import HeavyHitters

TOP, BOTTOM, INLINE = "top", "bottom", "inline"
GLUED_START, GLUED_END, GLUED_MID = "glued-start", "glued-end", "glued-mid"
POSITIONS = (TOP, INLINE, BOTTOM, GLUED_START, GLUED_MID, GLUED_END)

# Where a line may hold several pieces: after a sentence end (with or without a space), and where a word runs
# into a capitalised one (or an opening quote) with no space at all ("...for freeOil prices"): the two ways
# scrapers glue text.
# With no space, a quote after the full stop opens the next sentence ('...a month."We'), so it is not taken.
_SENTENCE_GAP = re.compile(r"""[.!?…]["'”’)\]]* +(?=[A-Z0-9"“‘(])|[.!?…](?=[A-Z"“‘(])""")
_CAMEL_GAP = re.compile(r"[a-z]{2}(?=[A-Z][a-z]|[\"“][A-Z])")
DIGITS = re.compile(r"\d+")
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
    # Where the cleaner will see the line: against every prose line, the template's own paragraphs included
    # (`where` is read against the article's prose alone). A rule's `where` must hold for this one.
    seen_where: str = ""
    at: float = 0.0  # for a line inside the article: how far down it is, as a share of the article's lines


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


@lru_cache(maxsize=1 << 12)
def normalise(text: str) -> str:
    """A line's words as the matcher sees them (folded, trimmed, lower case), each run of digits as '#'. Learning
    asks it of a site's template lines again and again (mining, duplicates, judging): the recent ones are kept."""
    return DIGITS.sub("#", fold_for_match(text).lower())


def original_words(text: str) -> list[str]:
    """The words of `text` as written, aligned one for one with `normalise(text).split()` (FOLD maps one
    character to one, so positions in the folded, trimmed line are positions in the line)."""
    return list(_original_words(text))


@lru_cache(maxsize=1 << 12)
def _original_words(text: str) -> tuple[str, ...]:
    """`original_words`, kept for recent texts: a template line is split for each of its keys' candidates."""
    return tuple(_split_original(text))


def _split_original(text: str) -> list[str]:
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


@lru_cache(maxsize=1 << 12)
def _pieces(line: str) -> tuple[str, ...]:
    """`pieces`, kept for recent lines: a site's template lines are cut in every document."""
    return tuple(pieces(line))


def _span(lines: Sequence[str], skip: Collection[str]) -> tuple[int, int]:
    """The first and the last prose line's index, prose whose normalised text is in `skip` left out."""
    prose = [i for i, line in enumerate(lines) if is_prose(line) and not (skip and normalise(line) in skip)]
    return (prose[0], prose[-1]) if prose else (len(lines), -1)


def _place(i: int, first: int, last: int) -> str:
    return TOP if i < first else BOTTOM if i > last else INLINE


def doc_units(index: int, lines: Sequence[str], template: Collection[str] = ()) -> list[Unit]:
    """Every unit of one document. A line's position is read against the article's prose lines, as the rules'
    `where` reads it: before the first prose line is top, after the last is bottom, between them inline. The
    `template` prose (normalised lines most of the site's documents share: an author box, a site blurb) is not the
    article: a line below the article and above the site's author box is at the bottom of the article."""
    first, last = _span(lines, template)
    seen_first, seen_last = _span(lines, ()) if template else (first, last)
    units: list[Unit] = []
    for i, line in enumerate(lines):
        where = _place(i, first, last)
        at = (i - first) / (last - first) if where == INLINE and last > first else 0.0
        units.append(Unit(index, i, line, where, normalise(line), seen_where=_place(i, seen_first, seen_last), at=at))
        parts = _pieces(line)
        if len(parts) > 1:
            for k, part in enumerate(parts):
                glued = GLUED_START if k == 0 else GLUED_END if k == len(parts) - 1 else GLUED_MID
                units.append(Unit(index, i, part, glued, normalise(part), piece=True))
    return [u for u in units if u.norm]


class Frequent(NamedTuple):
    """What can be part of a frequent key: the words, the line starts and the line ends found in enough
    documents (starts and ends by chained hash, `_chains`)."""

    words: set[str]
    starts: set[int]
    ends: set[int]


def _chains(words: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """For each i, a hash of words[:i] (starts) and of words[i:] (ends), each from the one before: O(n)."""
    starts = [0]
    for w in words:
        starts.append(hash((starts[-1], w)))
    ends = [1]
    for w in reversed(words):
        ends.append(hash((ends[-1], w)))
    ends.reverse()
    return starts, ends


def unit_keys(unit: Unit, settings: LearnSettings, frequent: Frequent | None = None) -> set[Key]:
    """The unit's keys: its whole words, and the same words with one run of 1 to `max_slot_words` words left open
    (or, after a "Label:", the rest of the line). With `frequent`, only the slotted keys that can be found in enough
    documents: a key is in no more documents than each of its literal words, and than the lines that start with its
    words before the slot and end with its words after it (the whole key is always given: blurbs are checked
    against its count)."""
    words = tuple(unit.norm.split())
    if not any(c.isalpha() for c in unit.norm):
        # A letterless line (a price, a counter) is counted whole, to be judged by where it recurs
        # (`evidence.letterless_reason`); a letterless piece of a line (a list's "2.") is not a unit of its own.
        return {Key(words, (), False)} if words and not unit.piece else set()
    keys = {Key(words, (), False)}
    n = len(words)
    if n > settings.max_words:
        return keys  # long: counted whole, so that recurring long text can be reported, never templated
    # The slot [i, j) must cover every rare word (lo..hi), leave a frequent start (i <= first) and end (j >= last).
    lo, hi, first, last = n, 0, n, 0
    if frequent is not None:
        rare = [k for k, w in enumerate(words) if w not in frequent.words]
        if rare:
            lo, hi = rare[0], rare[-1] + 1
        starts, ends = _chains(words)
        first = 0
        while first < n and starts[first + 1] in frequent.starts:
            first += 1
        last = n
        while last > 0 and ends[last - 1] in frequent.ends:
            last -= 1
        lo, hi = min(lo, first), max(hi, last)
    # Characters before each word, so that the literal text around a slot is measured without building it.
    before = [0]
    for w in words:
        before.append(before[-1] + len(w))
    new = tuple.__new__  # the hot loop of learning: a Key without NamedTuple's slower constructor
    if hi - lo <= settings.max_slot_words:
        for i in range(min(n, lo + 1)):
            for j in range(max(i + 1, hi), min(n, i + settings.max_slot_words) + 1):
                # A template needs real literal text around its slot, or it would match anything of that shape.
                if n - (j - i) >= 2 and before[n] - (before[j] - before[i]) >= 8:
                    keys.add(new(Key, (words[:i], words[j:], True)))
    # "Label: anything" ("Read more: <headline>"): the rest of the line is one slot, however many words.
    for i in range(1, min(n, 5, lo + 1)):
        tail = before[n] - before[i] + (n - i - 1)
        if words[i - 1].endswith(":") and n - i > settings.max_slot_words and before[i] >= 5 and tail <= SLOT_MAX:
            keys.add(Key(words[:i], (), True))
    return keys


def frequent_parts(by_doc: Sequence[Sequence[Unit]], settings: LearnSettings, floor: int) -> Frequent:
    """The words, line starts and line ends of short units found in `floor` documents or more (a superset: the
    start and end counts are bounded tables, `sketch.HeavyHitters`)."""
    words: Counter[str] = Counter()
    # A site's template lines recur in most of its documents: each distinct text is split and hashed once.
    parts: dict[str, tuple[tuple[str, ...], list[int], list[int]] | None] = {}
    for units in by_doc:
        for u in units:
            if u.norm not in parts:
                split = tuple(u.norm.split())
                if len(split) > settings.max_words:
                    parts[u.norm] = None
                else:
                    s, e = _chains(split)
                    parts[u.norm] = (split, s[1:], e[:-1])
    total = sum(
        len(p[0]) if (p := parts[u.norm]) is not None else settings.max_words + 1 for units in by_doc for u in units
    )
    starts, ends = HeavyHitters.for_floor(total, floor), HeavyHitters.for_floor(total, floor)
    for units in by_doc:
        in_doc: set[str] = set()
        doc_starts: set[int] = set()
        doc_ends: set[int] = set()
        for u in units:
            found = parts[u.norm]
            if found is None:
                continue
            split, s, e = found
            in_doc.update(split)
            doc_starts.update(s)
            doc_ends.update(e)
        words.update(in_doc)
        starts.update(doc_starts)
        ends.update(doc_ends)
    return Frequent({w for w, c in words.items() if c >= floor}, starts.frequent(floor), ends.frequent(floor))


_DOC = attrgetter("doc")
_REMEMBER_KEYS = 4_000_000  # keys (an upper bound) up to which pass 1 keeps their hashes for pass 2: 32 MB

class Counts(NamedTuple):
    """How often the keys of a site's units occur."""

    df: HeavyHitters  # documents per key, by the key's hash: an upper bound, in bounded memory
    found: dict[Key, list[Unit]]  # the units of each key seen in at least `floor` documents
    support: dict[Key, int]  # documents per key of `found`, counted exactly


def count_keys(by_doc: Sequence[Sequence[Unit]], settings: LearnSettings, floor: int) -> Counts:
    """Count the keys of every document's units; collect the units of the keys found in `floor` documents or more."""
    # Pass 1: in how many documents each key occurs. Keys are counted by hash, one document at a time, in a
    # heavy-hitters table of bounded size (sketch.py): memory does not grow with the number of distinct keys, and a
    # key that may reach `floor` is never dropped (a collision or the table's error only makes a key look wanted;
    # pass 2 counts exactly).
    # A unit gives at most one key per slot position (max_slot_words per word), one "Label:" key and its whole key.
    doc_ids, firsts = by_text.text_ids(by_doc)
    bound = by_text.key_bound(doc_ids, firsts, settings)
    if bound <= _REMEMBER_KEYS:
        # A sample whose keys can be remembered: every text's keys made once (by_text.py), the same counts.
        return by_text.count_keys(by_doc, doc_ids, firsts, settings, floor, bound)
    # Pass 0: in how many documents each word, line start and line end occurs. A key is in no more documents
    # than each of them: keys with a rare one are not made (most of an article's lines make none).
    frequent = frequent_parts(by_doc, settings, floor)
    df = HeavyHitters.for_floor(bound, floor)
    # A sample of this size keeps each unit's key hashes (8 bytes a key), so that pass 2 builds keys again only for
    # the units that have a wanted one; larger archives build them again for every unit.
    remember = bound <= _REMEMBER_KEYS
    hashes: list[array] = []
    # A unit's keys depend on its words and on whether it is a piece alone: the units of a site's template lines,
    # which recur in most documents, are keyed once per distinct text (when the keys are remembered at all: a
    # table no larger than `hashes`).
    known: dict[tuple[str, bool], array] = {}
    for units in by_doc:
        in_doc: set[int] = set()
        for u in units:
            mine = known.get((u.norm, u.piece))
            if mine is None:
                mine = array("q", [hash(k) for k in unit_keys(u, settings, frequent)])  # a Key's hash: not cached
                if remember:
                    known[u.norm, u.piece] = mine
            in_doc.update(mine)
            if remember:
                hashes.append(mine)
        df.update(in_doc)
    wanted = df.frequent(floor)
    known.clear()
    # Pass 2: the units of the keys that may become candidates.
    found: dict[Key, list[Unit]] = defaultdict(list)
    keys_of: dict[tuple[str, bool], list[Key]] = {}
    n = 0
    for units in by_doc:
        for u in units:
            n += 1
            if remember and wanted.isdisjoint(hashes[n - 1]):
                continue
            mine_wanted = keys_of.get((u.norm, u.piece))
            if mine_wanted is None:
                mine_wanted = [k for k in unit_keys(u, settings, frequent) if hash(k) in wanted]
                if remember:
                    keys_of[u.norm, u.piece] = mine_wanted
            for k in mine_wanted:
                found[k].append(u)
    support = {k: len(set(map(_DOC, us))) for k, us in found.items()}
    return Counts(df, found, support)
