"""What the stages share about text: folding, words, sentence ends, prose, pitches, run-on lines, hosts.

One definition per idea (as ftfy keeps its character classes in one module): when apply, the guard, the structure
stage and the readers need to know "what ends a sentence" or "which words name a pitch", they ask here, so that a
disagreement between stages becomes a choice made once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

# Folding applied to a line before matching. One character for one, so offsets found in the folded line are
# offsets in the original line too.
FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\u200b": " ",
        "\ufeff": " ",
    }
)

# Kana and CJK ideographs: scripts written without spaces between words.
WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# What ends a sentence, in Latin and CJK punctuation; closing quotes and brackets may stand after it.
SENTENCE_END = ".!?…。！？"
CLOSERS = "\"'”’»)]」』"

# What a newsletter, subscription or app pitch names. "daily", "free", "updates", "stories" or "guide" alone are
# common in article sentences ("the daily briefing of the council", "free bus travel"), so they are not pitch
# words: a sentence must name the thing pitched to be taken for a pitch.
PITCH = re.compile(
    r"\b(?:newsletters?|inbox|e-?mails?|sign(?:ing)? up|subscri(?:be|bers?|ption)|digest|briefing|podcast|"
    r"bulletin|app)\b",
    re.IGNORECASE,
)


# Answers remembered per text (`remembered`): the stages ask the same questions of the same lines (their words, the
# prose test, the folded form; whether a line is a CMS string, a wall's line, a short line to score), one stage
# after the other, and a paragraph's answer costs microseconds where a look-up costs a tenth of one. A line's text is
# one string object from the reader to the writer, whose hash Python keeps, so the look-up does not read it again.
# Bounded: a memo is emptied when it holds MEMO_SIZE texts, and a text longer than MEMO_CHARS (rare, and cheap to
# read against what else a stage does with it) is answered without being kept: at most MEMO_SIZE * MEMO_CHARS
# characters are held, and most of them are the lines of the documents being cleaned anyway.
MEMO_SIZE = 1 << 12
MEMO_CHARS = 2000

T = TypeVar("T")
_ABSENT = object()


def remembered(fn: Callable[[str], T]) -> Callable[[str], T]:
    """`fn`, a pure function of one text whose answer is never changed by its callers (a number, a string, a
    tuple, None), with its answers kept per text (see MEMO_SIZE); `.memo` is the dict they are kept in."""
    memo: dict[str, T] = {}

    @functools.wraps(fn)
    def ask(text: str) -> T:
        found = memo.get(text, _ABSENT)
        if found is _ABSENT:
            found = fn(text)
            if len(text) <= MEMO_CHARS:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                memo[text] = found
        return found  # type: ignore[return-value]

    ask.memo = memo  # type: ignore[attr-defined]
    return ask


_TRIM_LEAD = " \t•·▪►▶*|>"
_TRIM_TAIL = " \t.!:;,"


_FOLD_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in FOLD)) + "]")
_FOLD_MAP = {chr(c): v for c, v in FOLD.items()}


def fold(text: str) -> str:
    """`text.translate(FOLD)`, faster. Every character FOLD maps but the tab is non-ASCII, so plain ASCII text
    without a tab (most lines of most articles) is returned as it is; other text has the few characters to fold
    replaced where they are (`translate` with a dict looks up every character of the text)."""
    if text.isascii() and "\t" not in text:
        return text
    return _FOLD_CHARS.sub(lambda m: _FOLD_MAP[m.group()], text)


@remembered
def fold_for_match(line: str) -> str:
    """The form a line is matched in: folded, trimmed of bullets and of final punctuation."""
    return fold(line).strip(" ").lstrip(_TRIM_LEAD).rstrip(_TRIM_TAIL)


# Characters fold_for_match may trim from a line's ends (as written, or once folded to a space): a line that
# starts and ends with none of them keeps its length.
TRIMMABLE = frozenset(" " + _TRIM_LEAD + _TRIM_TAIL) | {chr(c) for c, v in FOLD.items() if v == " "}


@remembered
def words_in(text: str) -> int:
    """`len(text.split())`: the words of a text separated by white space."""
    return len(text.split())


@remembered
def word_count(text: str) -> int:
    """Words separated by spaces; in scripts written without spaces (Chinese, Japanese), two characters count
    as a word, so that the guard's limits and budget mean the same in every script."""
    words = len(text.split())
    return words if text.isascii() else words + len(WIDE.findall(text)) // 2


def at_most_words(text: str, limit: int) -> bool:
    """`word_count(text) <= limit`, without reading the rest of a long paragraph once `limit` words are passed."""
    return len(text.split(None, limit)) <= limit and word_count(text) <= limit


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: a full stop, question or exclamation mark, closing quotes and brackets
    aside."""
    return text.rstrip().rstrip(CLOSERS)[-1:] in SENTENCE_END


@remembered
def is_prose(text: str) -> bool:
    """A line that reads as article prose: long, or a full sentence of some length.

    A kana or CJK character says as much as a short word, so it counts twice towards the length: a Chinese
    sentence of thirty characters is prose, as its English translation would be."""
    text = text.strip()
    wide = len(WIDE.findall(text)) if not text.isascii() else 0
    size = len(text) + wide
    if size >= 200:
        return True
    return size >= 60 and text[-1:] in SENTENCE_END + CLOSERS and text.count(" ") + wide // 2 >= 8


def stops_open(text: str) -> bool:
    """A line that stops without ending a sentence."""
    return bool(text.strip()) and not ends_sentence(text)


def stops_mid_sentence(text: str) -> bool:
    """A line that stops mid-sentence: on a word or a comma (a colon introduces what follows, a list or a link)."""
    text = text.rstrip()
    return bool(text) and (text[-1].isalnum() or text[-1] in ",;")


def starts_lower(text: str) -> bool:
    return text.lstrip()[:1].islower()


def names_pitch(text: str) -> bool:
    return bool(PITCH.search(text))


def continues(first: str, second: str) -> bool:
    """Whether `second` carries on a sentence that `first` stopped in: `first` has four words or more and stops
    without ending a sentence or a clause (a comma may end it), and `second` starts in lower case (or with the
    comma or semicolon the cut fell before). A short line without a full stop is a heading or a label."""
    first, second = first.rstrip(), second.lstrip()
    if not first or not second or first[-1] in SENTENCE_END + CLOSERS + ":;":
        return False
    if len(first.split()) < 4:
        return False
    return second[0].islower() or (second[0] in ",;" and len(second) > 1)


def host_of(url: str | None) -> str:
    """The lowercased host of a URL (a bare "example.com/path" too), "" when there is none or it cannot be read."""
    if not url:
        return ""
    try:
        return (urlsplit(url if "//" in url else "//" + url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
