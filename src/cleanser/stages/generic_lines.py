"""Generic detection of boilerplate lines in plain text, where no DOM says what a line is.

Each short line of a text document is scored in two steps by a small logistic model shipped as data
(`data/generic_lines.json`, fitted by `bench/fit_generic.py` on the tune part of the development sets and on the
boilerplate phrases the bundled plugins declare):

1. The line alone: its words and word pairs (a vocabulary of calls to action, legal, consent, share and navigation
   language in several languages, each word counted only when it was seen on several sites) and its shape (length,
   sentence end, capitals, digits, a copyright sign, a URL, an e-mail address, an @handle, separators).
2. The line in its document: the first score, where the line stands (above the first or below the last paragraph of
   prose), how long the run of short non-prose lines around it is, and what the lines next to it scored.

A line whose second score reaches the level's threshold, and whose first score and word evidence reach the level's
floors (its own words must say boilerplate: where a line stands never takes it alone), is marked removed as
`generic/line-score`, with the score and the features that weighed most as its evidence. The guard then judges the
removal like a generic rule's. Long lines are never scored: the guard refuses a generic removal of prose over 25
words, and skipping them keeps the hot path cheap (an article is mostly long paragraphs). Neither are a title above
the first paragraph, bylines, and lines of Chinese or Japanese text; at the safe level, no line that reads as a
sentence is taken. docs/quality.md says how the levels were fitted and what they do on real pages.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ..document import BLANK, CODE, LINE, TABLE, Block, Document, Removal
from ..text import CLOSERS as _CLOSERS
from ..text import SENTENCE_END as _SENTENCE_END
from ..text import WIDE, continues, fold_for_match, is_prose, remembered
from .guard import reads_as_sentence as guard_sentence

PLUGIN = "generic"
RULE = f"{PLUGIN}/line-score"
MAX_CHARS = 200  # longer lines are never scored (see the module docstring)
MAX_WORDS = 25  # the guard's limit for prose a generic removal may take
MAX_WIDE = 8  # kana or CJK characters from which a line is left alone (see `short_line`)
MAX_WHOLE = 6  # words of a line whose whole text is a feature of its own (see `_word_features`)

_WORD = re.compile(r"[^\W\d_]+|\d+")
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|de|fr|co\.uk|uk|es|it|at|ch|nl|pl|io)\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCES = re.compile(r"(?<=[.!?…。！？])\s+")
_SEPARATORS = re.compile(r"[|•·›»/]")
# "By Jane Doe", "Von Max Muster und Erika Beispiel": an article's byline, never the scorer's to take.
_BYLINE = re.compile(r"(?:by|von|par|por|di|door|av|af|przez)\s+\w[\w.'’-]*(?:\s+\S+){0,5}$", re.IGNORECASE)


def packaged_data(name: str) -> dict[str, Any]:
    """A fitted data file shipped in the package (`cleanser/data/NAME`)."""
    return json.loads(resources.files("cleanser").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The fitted weights and thresholds (`data/generic_lines.json`), read once per process."""
    return packaged_data("generic_lines.json")


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """The line's words, folded and lowercased; digits become "0"; a run of kana or CJK characters gives its
    character pairs, as a script written without spaces has no other words. Cached: a line is split once for the
    scorer's quick check and once for its score, and boilerplate lines come back from document to document."""
    out: list[str] = []
    for w in _WORD.findall(fold_for_match(text).lower()):
        if w[0].isdigit():
            out.append("0")
        elif len(w) > 1 and WIDE.search(w):
            out.extend(w[i : i + 2] for i in range(len(w) - 1))
        else:
            out.append(w)
    return tuple(out)


def _word_features(text: str, ws: tuple[str, ...] | None = None) -> list[str]:
    """The line's words ("w:"), word pairs ("b:") and, for a line of MAX_WHOLE words or fewer, the whole line ("l:").

    A whole line says what its words cannot: "Share" or "Teilen" alone on a line is a share bar's button, while
    "share" and "teilen" are common words of prose ("share prices", "Kosten teilen")."""
    ws = words(text) if ws is None else ws
    feats = [f"w:{w}" for w in set(ws) if w != "0"]
    # Pairs with a number ("at 0") would learn the times and dates of a site's furniture, not its wording.
    feats += [f"b:{a} {b}" for a, b in set(pairwise(ws)) if a != "0" and b != "0"]
    if 0 < len(ws) <= MAX_WHOLE:
        feats.append("l:" + " ".join(ws))
    return feats


def line_features(text: str) -> list[str]:
    """What the line alone says: its words ("w:"), word pairs ("b:") and shape ("s:")."""
    ws = words(text)
    feats = _word_features(text, ws)
    n = len(ws)
    feats.append("s:words=" + ("1" if n <= 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else
                               "11-20" if n <= 20 else "21+"))
    end = text.rstrip(_CLOSERS)[-1:]
    if end in _SENTENCE_END:
        feats.append("s:ends-sentence")
    elif end == ":":
        feats.append("s:ends-colon")
    if text.endswith(("…", "...")):
        feats.append("s:ends-ellipsis")
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters if c.isascii() or c.isupper() or c.islower()) and \
            any(c.isupper() for c in letters):
        feats.append("s:all-caps")
    titled = [w for w in text.split() if w[:1].isalpha()]
    if len(titled) >= 3 and sum(w[0].isupper() for w in titled) >= 0.8 * len(titled):
        feats.append("s:title-case")
    if "©" in text or "(c)" in text.lower():
        feats.append("s:copyright")
    if _YEAR.search(text):
        feats.append("s:year")
    digits = sum(c.isdigit() for c in text)
    if digits and digits >= 0.3 * len(text.replace(" ", "")):
        feats.append("s:mostly-digits")
    if _URL.search(text):
        feats.append("s:url")
    if _EMAIL.search(text):
        feats.append("s:email")
    elif _HANDLE.search(text):
        feats.append("s:handle")
    if len(_SEPARATORS.findall(text)) >= 2:
        feats.append("s:separators")
    if text[:1] in "»›>→▶•-–|":
        feats.append("s:lead-mark")
    if is_prose(text):
        feats.append("s:prose")
    return feats


def _dot(weights: dict[str, float], feats: list[str]) -> float:
    get = weights.get
    return sum(get(f, 0.0) for f in feats)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _bucket(p: float) -> str:
    if p < 0.5:
        return "lo" if p < 0.2 else "mid"
    return "hi" if p < 0.8 else "top" if p < 0.95 else "sure" if p < 0.998 else "max"


def context_features(
    first: float, prev: str, next_: str, zone: str, run: int, position: float, repeated: bool = False
) -> list[str]:
    """What the document says of a line: its own first score, where it stands, the run of short lines it is in and
    what its neighbours are (a first score's bucket, "prose", "ruled" when a rule removed it, or "edge")."""
    me = _bucket(first)
    feats = [f"c:self={me}", f"c:zone={zone}", f"c:zone={zone}&self={me}"]
    feats.append("c:run=" + ("1" if run <= 1 else "2-3" if run <= 3 else "4-7" if run <= 7 else "8+"))
    feats.append(f"c:prev={prev}")
    feats.append(f"c:next={next_}")
    feats.append("c:pos=" + ("head" if position < 0.15 else "tail" if position > 0.85 else "body"))
    if repeated:
        feats.append("c:repeated")
    return feats


@remembered  # asked of every line by the scorer and again by the zones (document_lines)
def short_line(text: str) -> bool:
    """A line the scorer may take: at most MAX_CHARS characters and MAX_WORDS words, not prose, no byline, and not
    a line of Chinese or Japanese text (a blog in those scripts breaks its sentences into short lines with no full
    stop, which read just like menu items)."""
    if len(text) > MAX_CHARS:
        return False
    if not text.isascii():
        wide = len(WIDE.findall(text))
        if wide >= MAX_WIDE:
            return False
    else:
        wide = 0
    return text.count(" ") + 1 + wide // 2 <= MAX_WORDS and not is_prose(text) and not _BYLINE.match(text)


def document_lines(doc: Document) -> tuple[list[Block], list[str]]:
    """The document's non-blank lines and what each is: "short" (a line the scorer may take), "prose", "ruled"
    (a rule removed it) or "other" (kept but not a line to score: a table, code, a protected line)."""
    blocks = [b for b in doc.blocks if b.kind != BLANK]
    states = []
    for b in blocks:
        if b.removal is not None:
            states.append("ruled")
        elif b.kind in (TABLE, CODE) or not b.text:
            states.append("other")
        elif len(b.text) > MAX_CHARS or not short_line(b.text):
            states.append("prose")
        elif b.protected_by is not None or b.kind != LINE:
            states.append("other")
        else:
            states.append("short")
    # A line that runs on into the next kept line, or goes on from the one above, is half a paragraph a promo
    # line (or a line break) cut: never scored.
    kept = [i for i, s in enumerate(states) if s != "ruled"]
    for a, b in pairwise(kept):
        if continues(blocks[a].text, blocks[b].text):
            for i in (a, b):
                if states[i] == "short":
                    states[i] = "other"
    # Lines right above the first paragraph that read as headlines are the article's title and standfirst: never
    # scored.
    i = next((i for i, s in enumerate(states) if s == "prose"), 0) - 1
    while i >= 0 and states[i] == "short" and _headline(blocks[i].text):
        states[i] = "other"
        i -= 1
    return blocks, states


def _headline(text: str) -> bool:
    """Four words or more, no sentence end, colon or separator bar, no copyright sign: a title's shape."""
    return (
        len(text.split()) >= 4
        and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END + ":"
        and not _SEPARATORS.search(text)
        and "©" not in text
    )


def line_scores(
    texts: list[str], states: list[str], line_weights: dict[str, float], line_bias: float
) -> list[tuple[float, list[str], list[str]] | None]:
    """For each "short" line: its first score (before the sigmoid), its own features and its context features;
    None for the other lines. `bench/fit_generic.py` fits the context weights on these."""
    n = len(texts)
    feats1 = [line_features(t) if s == "short" else None for t, s in zip(texts, states, strict=True)]
    raw = [0.0 if f is None else line_bias + _dot(line_weights, f) for f in feats1]
    first = [0.0 if f is None else _sigmoid(r) for f, r in zip(feats1, raw, strict=True)]
    first_prose = next((i for i, s in enumerate(states) if s == "prose"), None)
    last_prose = next((i for i in range(n - 1, -1, -1) if states[i] == "prose"), None)
    # Runs of short (or ruled) lines between paragraphs of prose.
    run_len = [0] * n
    i = 0
    while i < n:
        if states[i] not in ("short", "ruled"):
            i += 1
            continue
        j = i
        while j < n and states[j] in ("short", "ruled"):
            j += 1
        for m in range(i, j):
            run_len[m] = j - i
        i = j

    seen = Counter(t for t, st in zip(texts, states, strict=True) if st == "short")

    def neighbour(j: int) -> str:
        if j < 0 or j >= n:
            return "edge"
        return _bucket(first[j]) if states[j] == "short" else states[j]

    out: list[tuple[float, list[str], list[str]] | None] = []
    for i in range(n):
        f1 = feats1[i]
        if f1 is None:
            out.append(None)
            continue
        if first_prose is None:
            zone = "no-prose"
        elif i < first_prose:
            zone = "top"
        elif last_prose is not None and i > last_prose:
            zone = "bottom"
        else:
            zone = "middle"
        f2 = context_features(first[i], neighbour(i - 1), neighbour(i + 1), zone, run_len[i], i / max(n - 1, 1),
                              seen[texts[i]] > 1)
        out.append((raw[i], f1, f2))
    return out


def _quick_evidence(text: str, weights: dict[str, Any]) -> float:
    """`word_evidence` of the line, without building its feature names (the weights of words and of pairs are kept
    apart, by their bare text, the first time they are needed)."""
    split = weights.get("_split")
    if split is None:
        line = weights["line"]
        split = weights["_split"] = (
            {f[2:]: v for f, v in line.items() if f[0] == "w"},
            {f[2:]: v for f, v in line.items() if f[0] == "b"},
            {f[2:]: v for f, v in line.items() if f[0] == "l"},
        )
    wmap, bmap, lmap = split
    ws = words(text)
    total = sum(wmap.get(w, 0.0) for w in set(ws))
    if 0 < len(ws) <= MAX_WHOLE:
        total += lmap.get(" ".join(ws), 0.0)
    return total + sum(bmap.get(f"{a} {b}", 0.0) for a, b in set(pairwise(ws)) if a != "0" and b != "0")


def word_evidence(feats: list[str], line_weights: dict[str, float]) -> float:
    """What the line's words, word pairs and whole text alone say (shape aside): how much of its vocabulary is
    boilerplate's."""
    get = line_weights.get
    return sum(get(f, 0.0) for f in feats if f[0] in "wbl")


def score_lines(
    texts: list[str], states: list[str], weights: dict[str, Any]
) -> list[tuple[float, float, float, list[str]] | None]:
    """For each "short" line: its score in context, its first score (the line alone), its word evidence and the
    features that made them; None for the other lines."""
    w1, w2, b2, k = weights["line"], weights["context"], weights["context_bias"], weights["context_line"]
    out: list[tuple[float, float, float, list[str]] | None] = []
    for item in line_scores(texts, states, w1, weights["line_bias"]):
        if item is None:
            out.append(None)
        else:
            raw, f1, f2 = item
            out.append((_sigmoid(b2 + _dot(w2, f2) + k * raw), _sigmoid(raw), word_evidence(f1, w1), f1 + f2))
    return out


def reads_as_sentence(text: str) -> bool:
    """The line holds a sentence of four words or more (the guard's test for a rule's removals, applied to each
    sentence of the line), or eight words or more introducing what follows with a colon: article prose, however
    short, that only a rule naming it literally may take."""
    if any(guard_sentence(piece) for piece in _SENTENCES.split(text)):
        return True
    return text.rstrip(_CLOSERS).endswith(":") and len(text.split()) >= 8


def passes(level: str, score: float, first: float, words: float, sentence: bool, weights: dict[str, Any]) -> bool:
    """Whether a line's scores take it at `level`: its score in context reaches the level's threshold, and the line
    alone reads as boilerplate by its shape and words (first score) and by its words (word evidence): where a line
    stands may make the scorer surer of a line that reads as boilerplate, never take one that does not. A line that
    reads as a sentence needs the word evidence the level's floors give for sentences (`"sentences"`: None, never)."""
    floors = weights["floors"][level]
    if sentence and (floors["sentences"] is None or words < floors["sentences"]):
        return False
    return score >= weights["thresholds"][level] and first >= floors["line"] and words >= floors["words"]


def evidence(feats: list[str], weights: dict[str, Any]) -> tuple[str, ...]:
    """What pushed a line's score up most: its strongest words and pairs first (what the line says), then its shape
    and its place in the document, each with its weight ("w:newsletter +2.71", "c:zone=bottom +1.23")."""
    w1, w2 = weights["line"], weights["context"]
    groups: dict[str, list[tuple[float, str]]] = {"w": [], "s": [], "c": []}
    for f in feats:
        weight = w2.get(f, 0.0) if f[0] == "c" else w1.get(f, 0.0)
        if weight > 0:
            groups["w" if f[0] in "wbl" else f[0]].append((weight, f))
    picked = sorted(groups["w"], reverse=True)[:3] + sorted(groups["s"], reverse=True)[:1]
    picked += sorted(groups["c"], reverse=True)[:2]
    return tuple(f"{f} {w:+.2f}" for w, f in picked)


def mark_lines(doc: Document, level: str) -> int:
    """Mark the boilerplate lines the scorer finds in a text document at `level` ("safe" or "aggressive"); return
    how many were marked. HTML documents and level "off" are left alone."""
    if level == "off" or doc.source != "text":
        return 0
    blocks, states = document_lines(doc)
    if "short" not in states:
        return 0
    weights = model()
    floors = weights["floors"][level]
    # Most documents hold no line whose words could reach the level's floor: they cost a word split per short line.
    if not any(
        state == "short" and _quick_evidence(b.text, weights) >= floors["words"]
        for b, state in zip(blocks, states, strict=True)
    ):
        return 0
    picked = [
        (block, scored)
        for block, scored in zip(blocks, score_lines([b.text for b in blocks], states, weights), strict=True)
        if scored is not None and passes(level, *scored[:3], reads_as_sentence(block.text), weights)
    ]
    # A document the scorer would empty (a lone URL, a one-line note) is nothing it can judge against: an article
    # is what stays around boilerplate, so none is taken.
    if len(picked) >= sum(1 for b in doc.blocks if b.removal is None and b.text):
        return 0
    marked = 0
    for block, (score, _, _, feats) in picked:
        found = evidence(feats, weights)
        block.removal = Removal.whole_line(RULE, PLUGIN, block, score=round(score, 3), evidence=found)
        marked += 1
    return marked
