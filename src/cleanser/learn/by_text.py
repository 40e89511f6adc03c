"""Counting a site's keys once per distinct text: the fast path of `mine.count_keys`.

A site's template lines recur in most of its documents (the archive-quality bench's 172,310 units have 16,074
distinct texts), so everything that depends only on a unit's text (its words, its line starts and ends, its keys,
which of them are wanted) is worked out once per text, and a document is the set of its texts. The results are
those of counting unit by unit, in the same order: the same tables, updated with the same sets, document after
document, and the same units under each key, in the same order (`tests/test_learn_speed.py` compares them).

A unit's keys depend on its normalised words and on whether it is a piece of a line (`mine.unit_keys`), so a text
is the pair of those two. Memory: a number per unit and, per distinct text, its key hashes (8 bytes a key), which
is why `mine.count_keys` takes this path only for a sample whose keys it may remember (`_REMEMBER_KEYS`).
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .sketch import HeavyHitters

if TYPE_CHECKING:
    from .mine import Counts, Frequent, Key, Unit
    from .settings import LearnSettings


def text_ids(by_doc: Sequence[Sequence[Unit]]) -> tuple[list[list[int]], list[Unit]]:
    """Per document, the number of each unit's text; and the first unit of each text, by number."""
    lines: dict[str, int] = {}
    pieces: dict[str, int] = {}
    firsts: list[Unit] = []
    out: list[list[int]] = []
    for units in by_doc:
        ids = []
        for u in units:
            table = pieces if u.piece else lines
            i = table.get(u.norm)
            if i is None:
                i = table[u.norm] = len(firsts)
                firsts.append(u)
            ids.append(i)
        out.append(ids)
    return out, firsts


def key_bound(doc_ids: Sequence[Sequence[int]], firsts: Sequence[Unit], settings: LearnSettings) -> int:
    """`mine.count_keys`'s bound on the keys counted: per unit one whole key, a slotted key per word and slot
    length, and the "Label:" keys."""
    per_text = [1 + min(len(u.norm.split()), settings.max_words) * settings.max_slot_words + 4 for u in firsts]
    return sum(per_text[i] for ids in doc_ids for i in ids)


def frequent_parts(
    doc_ids: Sequence[Sequence[int]], firsts: Sequence[Unit], settings: LearnSettings, floor: int
) -> Frequent:
    """`mine.frequent_parts`, a text's words, starts and ends made once and a document's taken as one union."""
    from .mine import Frequent, _chains

    parts: list[tuple[tuple[str, ...], list[int], list[int]] | None] = []
    sizes: list[int] = []
    made: dict[str, int] = {}  # a text that is both a line and a piece is split once
    for u in firsts:
        j = made.get(u.norm)
        if j is not None:
            parts.append(parts[j])
            sizes.append(sizes[j])
            continue
        made[u.norm] = len(parts)
        split = tuple(u.norm.split())
        if len(split) > settings.max_words:
            parts.append(None)
            sizes.append(settings.max_words + 1)
        else:
            s, e = _chains(split)
            parts.append((split, s[1:], e[:-1]))
            sizes.append(len(split))
    total = sum(sizes[i] for ids in doc_ids for i in ids)
    words: Counter[str] = Counter()
    starts, ends = HeavyHitters.for_floor(total, floor), HeavyHitters.for_floor(total, floor)
    for ids in doc_ids:
        found = [p for i in set(ids) if (p := parts[i]) is not None]
        words.update(set().union(*(p[0] for p in found)))
        starts.update(set().union(*(p[1] for p in found)))
        ends.update(set().union(*(p[2] for p in found)))
    return Frequent({w for w, c in words.items() if c >= floor}, starts.frequent(floor), ends.frequent(floor))


def count_keys(
    by_doc: Sequence[Sequence[Unit]],
    doc_ids: Sequence[Sequence[int]],
    firsts: Sequence[Unit],
    settings: LearnSettings,
    floor: int,
    bound: int,
) -> Counts:
    """`mine.count_keys` with every text's keys made, hashed and filtered once."""
    from .mine import Counts, unit_keys

    frequent = frequent_parts(doc_ids, firsts, settings, floor)
    hashes = [array("q", [hash(k) for k in unit_keys(u, settings, frequent)]) for u in firsts]
    df = HeavyHitters.for_floor(bound, floor)
    for ids in doc_ids:
        in_doc: set[int] = set()
        for i in set(ids):
            in_doc.update(hashes[i])
        df.update(in_doc)
    wanted = df.frequent(floor)
    # The units of the wanted keys, in the order counting unit by unit appends them: a text's wanted keys are
    # looked up when its first unit comes, and each later unit is appended to the same lists.
    found: defaultdict[Key, list[Unit]] = defaultdict(list)
    appenders: list[tuple | None] = [None] * len(firsts)
    for units, ids in zip(by_doc, doc_ids, strict=True):
        for u, i in zip(units, ids, strict=True):
            adds = appenders[i]
            if adds is None:
                if wanted.isdisjoint(hashes[i]):
                    adds = ()
                else:
                    adds = tuple(found[k].append for k in unit_keys(u, settings, frequent) if hash(k) in wanted)
                appenders[i] = adds
            for add in adds:
                add(u)
    support = {k: len({u.doc for u in us}) for k, us in found.items()}
    return Counts(df, found, support)
