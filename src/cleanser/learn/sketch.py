"""Counting keys in bounded memory: a Misra-Gries heavy-hitters table.

`learn` counts, for each key of a site's lines, in how many documents it occurs. A site's documents have many
distinct keys (every line gives a key per slot position), nearly all of them rare; only those found in a large share
of the documents can become candidates. A Misra-Gries summary keeps at most `2 * capacity` counters whatever the
number of distinct keys, and guarantees that every key occurring more than `total / (capacity + 1)` times is still in
the table, with a count at most `error` below its true count (`error` <= total / (capacity + 1)). Candidates are
then counted exactly in a second pass over the keys the table says may be frequent, so the summary's error only
decides what is recounted, never a count that is reported.

`for_floor(total, floor)` sizes the table so that no key found in `floor` documents or more can be lost: capacity
`total / floor`, with `total` (at least) the number of keys counted. When `floor` is a share of the documents (as
learning's threshold is), that is the keys of an average document divided by the share: the same for 300 documents
as for 300,000.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection


class HeavyHitters:
    """Misra-Gries over hashable keys, pruned in batches: when the table holds `2 * capacity` counters, the
    (capacity + 1)-th largest count is taken off every counter and the counters left at zero or below are dropped
    (the same guarantee as one decrement at a time, at an amortised cost of O(1) per update)."""

    __slots__ = ("capacity", "counts", "error", "total")

    def __init__(self, capacity: int):
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self.capacity = capacity
        self.counts: Counter = Counter()
        self.error = 0  # what was taken off every surviving counter: a count's largest underestimate
        self.total = 0

    @classmethod
    def for_floor(cls, total: int, floor: int) -> HeavyHitters:
        """A table that keeps every key counted `floor` times or more, when at most `total` keys are counted."""
        return cls(max(1, total // max(1, floor)) + 1)

    def update(self, keys: Collection) -> None:
        """Count each key once (the keys of one document, already distinct)."""
        self.counts.update(keys)  # Counter's counting loop is in C
        self.total += len(keys)
        if len(self.counts) >= 2 * self.capacity:
            self._prune()

    def _prune(self) -> None:
        cut = sorted(self.counts.values(), reverse=True)[self.capacity]
        self.error += cut
        self.counts = Counter({k: c - cut for k, c in self.counts.items() if c > cut})

    def get(self, key, default: int = 0) -> int:
        """An upper bound of the key's count (exact while nothing was pruned): a key no longer kept was counted at
        most `error` times; `default` for a key never counted while nothing was pruned."""
        found = self.counts.get(key)
        if found is None:
            return self.error or default
        return found + self.error

    def frequent(self, floor: int) -> set:
        """Every key that may have been counted `floor` times or more (a superset of those that were)."""
        need = floor - self.error
        return {k for k, c in self.counts.items() if c >= need}

    def __len__(self) -> int:
        return len(self.counts)
