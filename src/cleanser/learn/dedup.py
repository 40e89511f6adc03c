"""Duplicates: an article that an archive holds many times (re-crawls, syndication, the same story under several
URLs) must count once, or its own lines recur like boilerplate and are learned as rules.

A document is compared by its article text: its prose lines (`text.is_prose`), or all its lines when none is prose,
normalised as mining normalises them (folded, lower case, digits as '#'). Exact duplicates share a hash of that
text. Near duplicates (the same article with another promo variant, a corrected sentence, an updated counter) are
found with MinHash over the text's word 5-grams: one-permutation hashing (each 5-gram's hash picks one of 64 bins
and the bin keeps its smallest value), banded for locality-sensitive lookup (16 bands of 4 bins), and a candidate
is a duplicate when the share of equal bins, an estimate of the Jaccard similarity of the two 5-gram sets, reaches
the threshold. Words are hashed with crc32, the same in every process and every run, so that a run learns the
same rules each time (Python's string hash changes with each process).

Memory: a 256-byte signature and 16 bucket entries (an integer key each) per distinct document kept, about 2 KB,
and the caller keeps a bounded number of documents.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from typing import TypeVar

from ..text import is_prose
from .mine import normalise

SHINGLE = 5
BINS = 64
ROWS = 4  # bins per band: 16 bands
EMPTY = 0xFFFFFFFF  # a bin no 5-gram fell into (values are 26 bits)
_SHIFT = 26  # a 32-bit hash's top 6 bits pick the bin, the other 26 are its value
_LOW = (1 << _SHIFT) - 1
T = TypeVar("T")
_BASE, _MOD = 1_000_003, (1 << 61) - 1  # the rolling hash of a 5-gram: a polynomial in the words' hashes


def prose_of(lines: Sequence[str]) -> list[str]:
    """A document's prose lines, normalised (the empty ones left out)."""
    return [n for n in (normalise(line) for line in lines if is_prose(line)) if n]


def article_text(lines: Sequence[str], common: Collection[str] = (), prose: list[str] | None = None) -> list[str]:
    """The normalised lines a document is compared by: its prose, or all of it when none reads as prose; without
    the `common` lines (normalised), the site's template prose, when anything else is left. `prose`: the
    document's `prose_of`, when the caller has it."""
    if prose is None:
        prose = prose_of(lines)
    if common:
        own = [n for n in prose if n not in common]
        if own:
            return own
        rest = [n for n in map(normalise, lines) if n and n not in common]
        if rest:
            return rest
    return prose or [n for n in map(normalise, lines) if n]


def template_prose(docs: Sequence[Sequence[str]], share: float = 0.5) -> set[str]:
    """The prose lines (normalised) found in more than `share` of the documents, and in three or more: the
    template's own paragraphs (a site description, an author box, teaser blurbs repeated on every page). Compared
    with them, every page of a site with a long template would look like a near duplicate of the first."""
    return _common([prose_of(lines) for lines in docs], share)


def _common(prose: Sequence[list[str]], share: float = 0.5) -> set[str]:
    df: Counter[str] = Counter()
    for lines in prose:
        df.update(lines)
    return {n for n, c in df.items() if c >= 3 and c > share * len(prose)}


def distinct(docs: Sequence[T], lines_of: Callable[[T], Sequence[str]], threshold: float) -> tuple[list[T], Duplicates]:
    """The documents that are not exact or near duplicates of one before them, each compared by its article text
    without the template prose the documents share (`template_prose`); the `Duplicates` that counted them. Each
    document's prose is read once, for both."""
    prose = [prose_of(lines_of(d)) for d in docs]
    seen = Duplicates(threshold, common=_common(prose))
    return [d for d, p in zip(docs, prose, strict=True) if not seen.seen(lines_of(d), p)], seen


def exact_key(norm: Sequence[str]) -> bytes:
    return hashlib.blake2b("\n".join(norm).encode("utf-8", "surrogatepass"), digest_size=12).digest()


def signature(norm: Sequence[str]) -> array | None:
    """The MinHash signature of the text's word 5-grams (64 unsigned 32-bit values, 256 bytes); None when it has
    fewer than five words."""
    words = " ".join(norm).split()
    if len(words) < SHINGLE:
        return None
    # A 5-gram's hash rolls over the words' own: one multiply-add per 5-gram.
    w = [zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in words]
    top = pow(_BASE, SHINGLE - 1, _MOD)
    h = 0
    for x in w[:SHINGLE]:
        h = (h * _BASE + x) % _MOD
    sig = [EMPTY] * BINS
    for i in range(len(w) - SHINGLE + 1):
        if i:
            h = ((h - w[i - 1] * top) * _BASE + w[i + SHINGLE - 1]) % _MOD
        m = (h * 2654435761) & 0xFFFFFFFF  # Knuth's multiplicative mix: the top bits pick the bin
        b, v = m >> _SHIFT, m & _LOW
        if v < sig[b]:
            sig[b] = v
    return array("I", sig)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures' 5-gram sets: equal bins among the bins either one filled."""
    filled = same = 0
    for x, y in zip(a, b, strict=True):
        if x != EMPTY or y != EMPTY:
            filled += 1
            same += x == y
    return same / filled if filled else 1.0


class Duplicates:
    """The documents seen so far, to tell whether the next one is a duplicate (exact, or near at `threshold`)."""

    def __init__(self, threshold: float = 0.7, common: Collection[str] = ()):
        self.threshold = threshold
        self.common = common  # normalised lines left out of the comparison (`template_prose`)
        self.exact: set[bytes] = set()
        self.signatures: list[array] = []
        # A band's hash -> the document (an index into `signatures`), or the documents, that have it.
        self.buckets: dict[int, int | list[int]] = {}
        self.duplicates = 0  # documents found to be duplicates
        self.near = 0  # of them, near duplicates (not exact)

    def forget(self) -> None:
        """Drop what was remembered (the counts stay): no more documents will be compared."""
        self.exact, self.signatures, self.buckets = set(), [], {}

    def seen(self, lines: Sequence[str], prose: list[str] | None = None) -> bool:
        """True when the document is a duplicate of one seen before; else it is remembered and False. `prose`: the
        document's `prose_of`, when the caller has it."""
        norm = article_text(lines, self.common, prose)
        key = exact_key(norm)
        if key in self.exact:
            self.duplicates += 1
            return True
        sig = signature(norm) if self.threshold < 1 else None
        bands: list[int] = []
        if sig is not None:
            for start in range(0, BINS, ROWS):
                band = sig[start : start + ROWS]
                if band.count(EMPTY) < ROWS:
                    # A band as one integer: a collision only costs one more comparison of signatures.
                    bands.append(hash((start, band.tobytes())))
            tried: set[int] = set()
            for band in bands:
                found = self.buckets.get(band)
                for other in (found,) if isinstance(found, int) else found or ():
                    if other not in tried:
                        tried.add(other)
                        if similarity(sig, self.signatures[other]) >= self.threshold:
                            self.duplicates += 1
                            self.near += 1
                            return True
        self.exact.add(key)
        if sig is not None:
            index = len(self.signatures)
            self.signatures.append(sig)
            for band in bands:
                found = self.buckets.get(band)
                if found is None:
                    self.buckets[band] = index
                elif isinstance(found, int):
                    self.buckets[band] = [found, index]
                else:
                    found.append(index)
        return False
