"""A readers' comment thread at the end of a plain text, told by its rhythm: comment headers, timestamps and reply
buttons, one every few lines, down to the end of the document.

A naive scrape keeps a comment section as lines: a header per comment ("Jane Doe wrote on March 11th, 2015 at 02:57:",
"Nicolai11 schrieb: 05.11.2014 um 14:25 Uhr"), or a name over a timestamp ("18/02/2020 à 16:42"), the comment's
text (short, first-person, often one line), and a "Reply" button's label under each ("Reply", "Antworten",
"Répondre": the CMS catalogues' translations of WordPress's "Reply", looked up through `cms_strings.lookup`), with a
comment count ("12 Comments") or a form ("Leave a Reply") around them. Readers' comments are prose, and one at a
time no test tells them from the article's last paragraphs; the rhythm of the markers around them does.

`comment_thread` finds the thread's first marker such that, from it to the end of the document,

- markers follow one another at most MAX_GAP kept lines apart (a comment of a few lines between them), and under
  the last, few lines read as the article (`AFTER_PROSE`: none under a reply button, which ends a comment; one under
  a header, the last comment; three under a comment form's string, an author's bio or a licence line);
- there are MIN_MARKERS markers or more, MIN_STRONG of them a reply button or a header with a date or a time (a
  comment count or a form's label counts as a marker, but a form alone is no thread: `cms_strings.py` takes its
  lines one by one); a header without a date ("Various people wrote:", an article's quotation of a mailing list)
  or a timestamp alone (a live blog's entries) says nothing by itself;
- no line of the run is a table, code, a protected or a structured line (heading, list item, quote);
- the article stands above it: MIN_ARTICLE_WORDS words of lines that read as the article, and the kept line right
  above the first marker introduces nothing with a colon.

The zone starts at the first marker: the first comment's text, when its only marker is the reply button under it,
stays (it may be the article's last paragraph). The evidence names the markers by kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import CODE, TABLE, Block
from ..text import at_most_words, word_count
from . import cms_strings

MAX_GAP = 6  # kept lines between two markers: a comment of a few paragraphs
# Lines that read as the article under the last marker, by its kind: under a comment form's string, the page's
# furniture goes on (an author's bio, a licence); a reply button ends a comment, and what reads as the article under
# the last one is the article going on; under a header, the last comment.
AFTER_PROSE = {"form": 3, "reply": 0, "header+date": 1, "header": 1, "time": 1}
MIN_MARKERS = 3
MIN_STRONG = 2
MIN_ARTICLE_WORDS = 60
MARKER_WORDS = 14  # a marker line is short

# Verbs a comment system puts between the commenter's name and the date or the comment ("wrote", "says"), in the
# languages of the web; a fact of the comment templates (WordPress's "%s says:", phpBB's and vBulletin's "wrote:",
# Disqus-era blogs' "schrieb am", French "a écrit").
_VERB = (
    r"(?:wrote|writes|says|said|replied|commented|posted|schrieb|schreibt|sagt|meint|antwortete|kommentierte|"
    r"a\s+écrit|écrit|dit|a\s+dit|escribió|escribe|dice|comentó|disse|diz|escreveu|comentou|scrive|ha\s+scritto|"
    r"schreef|zegt|skrev|sier|säger|skriver|napisał|napisała|pisze|написал|написала|пишет)"
)
_HEADER = re.compile(rf"^\W{{0,2}}(?P<name>[^\s:]\S*(?:\s+\S+){{0,4}}?)\s+{_VERB}\b(?P<rest>.*)$", re.IGNORECASE)
# A time of day ("02:57", "2:57 pm", "14h25") or a date written with digits ("05.11.2014", "2015-03-11",
# "March 11th, 2015", "11 mars 2015").
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\.?\s+[^\W\d_]{3,10}\.?,?\s+\d{4}\b"
)
# A time given as how long ago ("3 years ago", "vor 2 Tagen", "il y a 3 jours", "hace 2 horas"): comment systems'
# headers (Disqus's "Jane Doe • 3 years ago").
_AGO = re.compile(
    r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago\b|"
    r"\bvor\s+\d+\s+(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten|Jahren)\b|"
    r"\bil\s+y\s+a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans)\b|"
    r"\bhace\s+\d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses|años?)\b",
    re.IGNORECASE,
)
# A commenter's name and how long ago, apart: "Jane Doe • 3 years ago", "hafenfan · vor 2 Tagen".
_NAME_AGO = re.compile(r"^\W{0,2}\S+(?:\s+\S+){0,3}\s+[•·|–-]\s+")
_WORDS = re.compile(r"[^\W\d_]+")
# Words a timestamp line may hold beside its date and time ("at", "um", "à", "Uhr", "pm", a weekday or a month).
TIMESTAMP_WORDS = 4


def _timestamp(text: str) -> bool:
    """A line that is a date with a time of day, or how long ago, and little else: a comment's or a post's
    timestamp."""
    if _AGO.search(text):
        rest = _AGO.sub(" ", text)
    elif not _TIME.search(text) or not _DATE.search(text):
        return False
    else:
        rest = _DATE.sub(" ", _TIME.sub(" ", text))
    return len(_WORDS.findall(rest)) <= TIMESTAMP_WORDS


def marker(text: str) -> str | None:
    """What comment marker a kept line is, or None: "reply" (a reply button's CMS string), "form" (another CMS
    string of a comment section: its count, its form's labels), "header+date" (a commenter's name, a verb and a
    date or time), "header" (a name and a verb ending with a colon), "time" (a timestamp)."""
    text = text.strip()
    if not text or not at_most_words(text, MARKER_WORDS):
        return None
    found = cms_strings.lookup(text)
    if found is not None:
        if any(k.msgid in REPLY_MSGIDS for k in found):
            return "reply"
        if any(k.kind == "comments" for k in found):
            return "form"
    has_digit = any(map(str.isdigit, text))  # (a generator of the characters cost twice as much)
    if not has_digit and not text.endswith(":"):
        return None
    ago = _AGO.search(text) if has_digit else None
    if ago is not None and ago.end() >= len(text.rstrip(" .:")) and _NAME_AGO.match(text[: ago.start()] + " "):
        return "header+date"
    m = _HEADER.match(text)
    if m is not None:
        rest = m.group("rest").strip()
        dated = has_digit and any(p.search(rest) is not None for p in (_TIME, _DATE, _AGO))
        if dated and (text.endswith(":") or rest.startswith(":") or len(_WORDS.findall(_DATE.sub(" ", rest))) <= 6):
            return "header+date"
        if text.endswith(":") and not rest.rstrip(":").strip() and len(m.group("name").split()) <= 3:
            return "header"
    if has_digit and _timestamp(text):
        return "time"
    return None


STRONG = frozenset({"reply", "header+date"})
# The CMS catalogues' reply buttons (`data/cms_strings.json`, WordPress core and its translations).
REPLY_MSGIDS = frozenset({"Reply", "Log in to Reply"})


def comment_thread(
    blocks: list[Block],
    article_like: Callable[[int], bool],
    structured: Callable[[Block], bool],
) -> tuple[int, list[str]] | None:
    """(first line, evidence) of a comment thread that runs to the end of the document, or None; see the module
    docstring. `blocks` are the document's non-blank lines; kept lines have no removal (markers count whether a rule
    removed them or not). `article_like(i)` says
    whether line i reads as the article's prose."""
    # A marker a rule removed already ("Reply" by a line rule) is a marker still: it stands in the chain.
    marks = {}
    for i, b in enumerate(blocks):
        kind = marker(b.text)
        if kind is not None:
            marks[i] = kind
    kept = [i for i, b in enumerate(blocks) if b.removal is None or i in marks]
    if len(kept) < MIN_MARKERS + 1:
        return None
    if sum(1 for k in marks.values() if k in STRONG) < MIN_STRONG:
        return None
    # From the last marker up, the chain of markers at most MAX_GAP kept lines apart.
    position = {i: n for n, i in enumerate(kept)}
    chain = sorted(marks)
    last = chain[-1]
    after = kept[position[last] + 1 :]
    if sum(1 for i in after if article_like(i)) > AFTER_PROSE[marks[last]]:
        return None
    start = len(chain) - 1
    while start > 0 and position[chain[start]] - position[chain[start - 1]] - 1 <= MAX_GAP:
        start -= 1
    run = chain[start:]
    kinds = [marks[i] for i in run]
    strong = sum(1 for k in kinds if k in STRONG)
    if len(run) < MIN_MARKERS or strong < MIN_STRONG:
        return None
    first = run[0]
    for i in kept[position[first] :]:
        b = blocks[i]
        if b.kind in (TABLE, CODE) or b.protected_by is not None or structured(b):
            return None
    above = kept[: position[first]]
    if not above or blocks[above[-1]].text.rstrip().endswith(":"):
        return None
    if sum(word_count(blocks[i].text) for i in above if article_like(i)) < MIN_ARTICLE_WORDS:
        return None
    counts = {k: kinds.count(k) for k in dict.fromkeys(kinds)}
    why = [
        "a comment thread to the end: "
        + ", ".join(f"{n} {k}" for k, n in counts.items())
        + f" markers at most {MAX_GAP} lines apart"
    ]
    return first, why
