"""Lines a CMS template prints: a whole line that equals one is page furniture, never article text.

Millions of news sites and blogs run on a handful of CMSs, and what their templates print around an article is fixed,
translated text: the comment form ("Leave a Reply", "Your email address will not be published. Required fields are
marked *"), the comment list ("Reply", "Comments are closed."), post navigation ("Older posts"), meta lines, footer
credits ("Powered by WordPress"), search boxes. `data/cms_strings.json` holds those strings in every language their
public translation catalogues give (built by `bench/cms_strings.py`, each with its package, version and msgid).

A line is compared whole, once normalised (`normalise`: case folded, whitespace collapsed, quotes folded, and the
marks templates and scrapers put around a label stripped from its ends: "Name *", "Search for:", "« Older posts",
"Reply ↓"). It matches when it equals a known string, fits one with a placeholder (a number, a name, a title, within
bounds: "Leave a Reply to Jane Doe"), or is made of known strings only, one after another (two sentences of the
comment form on one line; a title and its cancel link run together; a subscription bar's label and its options: see
`_sequence`). A line that holds a string and more ("Readers were asked to leave a reply.") never matches.

One or two words that templates print ("Reply", "Search", "Archives", "Comments", a translation of one word) are
also common words of headings in many languages: such a line goes only in a run of matched lines (next lines with
nothing between but blank lines) that holds a string that may go alone.

Text input: matched lines are marked `generic/cms-string` (plugin `generic`, kind `line`) with their evidence (the
msgid, its source, the languages). HTML input: a block inside the container (paragraph, label, button, list item,
heading, or an inline element standing as a line) whose whole text matches is removed as `generic-html/cms-string`.
The guard judges both as a generic rule's removals. Lookups are a dict of normalised strings and, for strings with a
placeholder, a dict by first (or last) word of a few compiled patterns: O(1) per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..document import BLANK, Block, Document, Removal
from ..read.page import PLACEHOLDER
from ..rules.model import GENERIC_PRIORITY, Rule
from ..text import WIDE, fold, remembered
from .html_rules import paragraph_texts, replace_with_placeholder

PLUGIN = "generic"
RULE = f"{PLUGIN}/cms-string"
HTML_PLUGIN = "generic-html"
MAX_CHARS = 300  # longer lines are never looked up: no template string is that long
MAX_PARTS = 6  # a line made of known strings holds a few (a form's notes, its title and its cancel link)
MAX_SEQUENCE_WORDS = 60
_NAME_WORDS = 12  # how many words a name slot may hold (60 characters), for the sequence search's spans

# Marks a template or a scraper puts around a label: a required-field star, a colon, an ellipsis, arrows, guillemets,
# bullets, quotes. Stripped from both ends of a line before comparing.
_LEAD = " \"'«‹»›←→↑↓<>-•·|*▸►▶#‘’“”„–—"
_TAIL = " \"'.!?:;,*…»›«‹→←↑↓<>-|"
_SPACES = re.compile(r"\s+")
_SENTENCES = re.compile(r"(?<=[.!?…])\s+|\s+[|•·]\s+")
_SLOT = re.compile(r"%(?:\d\$)?[sd]|%")
# What a placeholder may stand for, by the slot kind the data gives.
_SLOTS = {
    "num": r"\d[\d.,]*",
    "name": r"[^.!?|]{1,60}?",
    "word": r"[^\s.!?|]{1,30}",  # one word: a network's name in a share button's title
}


def normalise(text: str) -> str:
    """The form a line is compared in: folded (quotes, dashes, spaces), case folded, whitespace collapsed, an
    ellipsis as one character, and the marks around a label stripped from its ends."""
    text = _SPACES.sub(" ", fold(text).casefold().replace("...", "…"))
    return text.lstrip(_LEAD).rstrip(_TAIL)


def _key(word: str) -> str:
    """A word as it starts or ends a normalised line (for the quick test of `lookup`): folded, case folded, the
    marks after it stripped. Looser than `normalise`, never stricter."""
    return fold(word).casefold().replace("...", "…").rstrip(_TAIL)


@dataclass(frozen=True, slots=True)
class Known:
    """A CMS string: which msgid, from which source, in which languages; and whether it may go alone."""

    msgid: str
    source: str
    kind: str
    alone: bool
    locales: tuple[str, ...]

    def evidence(self) -> str:
        langs = ", ".join(self.locales[:4]) + (f" +{len(self.locales) - 4}" if len(self.locales) > 4 else "")
        return f"cms string {self.msgid!r} ({self.source}; {langs})"


@dataclass
class Index:
    exact: dict[str, Known]
    first: dict[str, list[tuple[re.Pattern[str], Known]]]  # patterns that start with a literal word, by that word
    last: dict[str, list[tuple[re.Pattern[str], Known]]]  # patterns that start with a slot, by their last word
    # By first word, how many words the strings that start with it may have: where a sequence's next part may end.
    spans: dict[str, tuple[int, ...]]
    sources: dict[str, str]
    named: frozenset[str]  # the patterns (their source) with a name or a word in them: they end a sequence only
    # What a line must start or end with to be looked up at all: the first words of every string, the last words of
    # the patterns that start with a number. Most lines of an article start with neither: one word's folding and a
    # set lookup reject them.
    firsts: frozenset[str] = frozenset()
    lasts: frozenset[str] = frozenset()


def _may_go_alone(alone: bool, norm: str) -> bool:
    """A string that may go by itself: its msgid says so, and its text is more than one word (a translation of one
    word, "Vastaa", "Kommentieren", is a common word somewhere)."""
    if not alone:
        return False
    wide = len(WIDE.findall(norm)) if not norm.isascii() else 0
    return len(norm.split()) >= 2 or wide >= 4


# The packaged data files of this format, read in this order: CMS templates' strings, then those of the widgets
# (share bars, consent banners, newsletter forms) that sites embed, then the forms and boxes of other CMSs and
# plugins (Plone's document actions and comment notes, a recipe card's buttons). A file not in the package is skipped.
DATA_FILES = ("cms_strings.json", "widget_strings.json", "form_strings.json")


def _load() -> tuple[list[dict], dict[str, str]]:
    """The entries and sources of every packaged data file."""
    strings: list[dict] = []
    sources: dict[str, str] = {}
    folder = resources.files("cleanser").joinpath("data")
    for name in DATA_FILES:
        path = folder.joinpath(name)
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        strings.extend(data["strings"])
        sources.update(data["sources"])
    return strings, sources


@lru_cache(maxsize=1)
def index() -> Index:
    """The packaged strings (`data/cms_strings.json` and the files beside it in `DATA_FILES`), indexed once per
    process."""
    _lookup.memo.clear()  # type: ignore[attr-defined]
    strings, sources = _load()
    exact: dict[str, Known] = {}
    first: dict[str, list] = {}
    last: dict[str, list] = {}
    spans: dict[str, set[int]] = {}
    named: set[str] = set()
    for entry in strings:
        for text, locales in entry["texts"].items():
            slot = entry.get("slot")
            if slot in _SLOTS and _SLOT.search(text):
                # Normalised with the placeholders in, then cut at them: the literal pieces are compared as they are.
                pieces = _SLOT.split(normalise(text))
                literal = [p for p in pieces if p.strip()]
                if not pieces[0].strip() and (slot != "num" or not pieces[-1].strip()):
                    # A string that starts with a name ("%s としてログイン中。", "Logged in as" in Japanese) is
                    # printed to a logged-in user or after a click, never on a scraped page; one that starts with a
                    # count ("12 Comments") is indexed by its last word.
                    continue
                pattern = re.compile(_SLOTS[slot].join(re.escape(p) for p in pieces))
                if slot != "num":
                    named.add(pattern.pattern)
                norm = " ".join(literal)
                known = Known(entry["msgid"], entry["source"], entry["kind"],
                              _may_go_alone(entry["alone"], norm), tuple(locales))
                if pieces[0].strip():
                    first.setdefault(pieces[0].split()[0], []).append((pattern, known))
                    width = len(norm.split())
                    extra = _NAME_WORDS if slot == "name" else 1
                    spans.setdefault(pieces[0].split()[0], set()).update(range(width, width + extra + 1))
                else:
                    last.setdefault(pieces[-1].split()[-1], []).append((pattern, known))
                continue
            norm = normalise(text)
            if not norm:
                continue
            known = Known(entry["msgid"], entry["source"], entry["kind"], _may_go_alone(entry["alone"], norm),
                          tuple(locales))
            held = exact.get(norm)
            # The same text under two msgids: the cautious reading wins (a word that is "Comments" somewhere).
            if held is None or (held.alone and not known.alone):
                exact[norm] = known
            words = norm.split()
            spans.setdefault(words[0], set()).add(len(words))
    # The quick test reads a line's first word as `_key` does (marks after it stripped: "Klick," is "klick").
    firsts = frozenset(_key(word) for word in set(spans) | set(first))
    return Index(exact, first, last, {w: tuple(sorted(n)) for w, n in spans.items()}, sources, frozenset(named), firsts,
                 frozenset(_key(word) for word in last))


def _one(norm: str, idx: Index, named: bool = True) -> Known | None:
    """The known string a normalised piece of text is, exactly or through a placeholder pattern (with `named`
    false, not through one with a name or a word in it)."""
    found = idx.exact.get(norm)
    if found is not None or not norm:
        return found
    words = norm.split(" ")
    for pattern, known in idx.first.get(words[0], ()):
        if (named or pattern.pattern not in idx.named) and pattern.fullmatch(norm):
            return known
    for pattern, known in idx.last.get(words[-1], ()):
        if pattern.fullmatch(norm):
            return known
    return None


def _sequence(norm: str, idx: Index) -> tuple[Known, ...] | None:
    """The known strings a normalised piece of text is made of, one after another with nothing between them, or
    None: a form's title and its cancel link ("Leave a Reply Cancel reply"), two notes a theme prints with no full
    stop between them. Each part starts where the last ended, with a word that starts a known string, and is as long
    as a string that starts with that word may be (`Index.spans`): a few dict lookups per part, never a scan."""
    words = norm.split(" ")
    n = len(words)
    if not 2 <= n <= MAX_SEQUENCE_WORDS:
        return None
    # reached[i]: the fewest parts that make words[:i], found left to right.
    reached: list[tuple[Known, ...] | None] = [None] * (n + 1)
    reached[0] = ()
    for i in range(n):
        done = reached[i]
        if done is None or len(done) >= MAX_PARTS:
            continue
        for width in idx.spans.get(words[i], ()):
            j = i + width
            if j > n or (i == 0 and j == n):  # (the whole piece as one string was looked up already)
                continue
            if reached[j] is not None and len(reached[j]) <= len(done) + 1:  # type: ignore[arg-type]
                continue
            # A name or a word slot takes any word: only the last part may have one ("Click to share on the" and
            # "web" are no two strings).
            found = _one(" ".join(words[i:j]).rstrip(_TAIL), idx, named=j == n)
            if found is not None:
                reached[j] = (*done, found)
    return reached[n] or None


def lookup(text: str) -> tuple[Known, ...] | None:
    """The known strings a whole line is made of, or None: the line is one ("Leave a Reply"), or each of its
    sentences (or pieces between separator bars) is one or a few run together ("Your email address will not be
    published. Required fields are marked *", "Leave a Reply Cancel reply"). A line with a word that is no part of
    a known string is none.

    Three stages ask it of the same lines (the comment markers of the zones, this stage's lines, the share runs):
    the answers are kept per line (text.remembered), for the index they were found in."""
    if len(text) > MAX_CHARS:
        return None
    index()  # an index built anew (other data files) empties the answers kept from the old one
    return _lookup(text)


@remembered
def _lookup(text: str) -> tuple[Known, ...] | None:
    idx = index()
    head = text.lstrip(_LEAD).split(None, 1)
    if not head:
        return None
    if _key(head[0]) not in idx.firsts and not (head[0][:1].isdigit() and _key(text.rsplit(None, 1)[-1]) in idx.lasts):
        return None
    norm = normalise(text)
    found = _one(norm, idx)
    if found is not None:
        return (found,)
    if not norm:
        return None
    pieces = [normalise(p) for p in _SENTENCES.split(text)]
    pieces = [p for p in pieces if p]
    if len(pieces) <= 1:
        return _sequence(norm, idx)
    parts: list[Known] = []
    for piece in pieces:
        one = _one(piece, idx)
        if one is not None:
            parts.append(one)
            continue
        more = _sequence(piece, idx)
        if more is None:
            return None
        parts.extend(more)
    return tuple(parts) if len(parts) <= MAX_PARTS else None


def _alone(found: tuple[Known, ...]) -> bool:
    """A line that may go by itself: it holds a string that may (two words of a form glued together, "Name
    Website", are still two words)."""
    return any(k.alone for k in found)


def _pick(matches: list[tuple[Known, ...] | None]) -> list[str | None]:
    """For each item of a sequence (None: not a CMS string), why it goes, or None: a string that may go alone goes;
    one that may not goes in a run of matched items that holds one that may."""
    why: list[str | None] = [None] * len(matches)
    i = 0
    while i < len(matches):
        if matches[i] is None:
            i += 1
            continue
        j = i
        while j < len(matches) and matches[j] is not None:
            j += 1
        strong = [k for k in range(i, j) if _alone(matches[k])]  # type: ignore[arg-type]
        for k in range(i, j):
            if k in strong:
                why[k] = "a whole line"
            elif strong:
                why[k] = f"in a run of {j - i} CMS strings with one that goes alone"
        i = j
    return why


def _evidence(found: tuple[Known, ...], why: str) -> tuple[str, ...]:
    return (*(k.evidence() for k in found), why)


def mark_lines(doc: Document, level: str) -> int:
    """Mark the lines of a text document that are CMS strings; return how many. HTML documents and level "off"
    are left alone."""
    if level == "off" or doc.source != "text":
        return 0
    blocks = [b for b in doc.blocks if b.kind != BLANK and b.text.strip()]
    # Lines a rule already took stand in the run (their text may be a CMS string that makes a neighbour go).
    matches = [lookup(b.text) if len(b.text) <= MAX_CHARS else None for b in blocks]
    if not any(matches):
        return 0
    why = _pick(matches)
    picked = [(b, m, w) for b, m, w in zip(blocks, matches, why, strict=True) if w is not None and b.is_live]
    # A document made only of such lines is nothing to judge against (a test page, a lone form): none is taken.
    if not picked or len(picked) >= sum(1 for b in blocks if b.removal is None):
        return 0
    for block, found, reason in picked:
        block.removal = _removal(block, found, reason)  # type: ignore[arg-type]
    return len(picked)


def _removal(block: Block, found: tuple[Known, ...], why: str) -> Removal:
    return Removal.whole_line(RULE, PLUGIN, block, evidence=_evidence(found, why))


# --- HTML -------------------------------------------------------------------------------------------------------

HTML_RULE = Rule(id="cms-string", plugin=HTML_PLUGIN, kind="html", priority=GENERIC_PRIORITY,
                 description="a block whose whole text is a string a CMS template prints (data/cms_strings.json)")

_LINES = frozenset({"p", "li", "label", "button", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "legend",
                    "span", "a", "small", "strong", "b", "em", "i", "th", "caption"})
_BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "aside", "ul", "ol", "li", "table", "tr",
                     "figure", "figcaption", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "dl",
                     "dd", "dt", "form", "nav", "main", "label", "button", "legend", "fieldset", "pre"})
_INLINE = frozenset({"span", "a", "small", "strong", "b", "em", "i"})

Judge = Callable[[Rule, list[str]], "str | None"]


def _lines_of(article, placeholder: str, idx: Index) -> list[tuple[object, tuple[Known, ...] | None]]:
    """The container's pieces of text in document order, each with the CMS strings it is, or None.

    One pass over the tree. Every element whose own first text has a letter or digit is a piece (a run of CMS
    strings is broken by any text between them). It is looked up only when it is a line (a paragraph, label, button,
    list item or heading with no block inside, or an inline element standing as a line of its own) and its first word
    starts a known string or is a number: most pieces of an article cost a word's normalising and a set lookup, and
    only those few a walk of their text."""
    out: list = []
    skip: set = set()
    for el in article.iterdescendants():
        if el in skip or not isinstance(el.tag, str) or el.tag == placeholder:
            continue
        if el.tag in ("pre", "code", "table", "script", "style"):
            skip.update(el.iterdescendants())
            out.append((el, None))
            continue
        own = (el.text or "").lstrip(_LEAD + "\t\n\r\xa0")
        if not own or not any(c.isalnum() for c in own[:40]):
            continue
        found = None
        if el.tag in _LINES:
            first = _key(own.split(None, 1)[0])
            if (first in idx.firsts or first[:1].isdigit()) and (el.tag not in _INLINE or _own_line(el)) and not any(
                isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()
            ):
                text = _short_text(el)
                found = lookup(text) if text else None
                if found is not None:
                    skip.update(el.iterdescendants())
        out.append((el, found))
    return out


def _short_text(el) -> str | None:
    """The element's text, whitespace collapsed, or None when it is longer than any line looked up (read only as far
    as needed)."""
    parts: list[str] = []
    n = 0
    for piece in el.itertext():
        n += len(piece)
        if n > 2 * MAX_CHARS:  # (whitespace counts here; the collapsed text is measured by `lookup`)
            return None
        parts.append(piece)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _own_line(el) -> bool:
    """An inline element with nothing but whitespace and blocks beside it in its parent."""
    parent = el.getparent()
    if parent is None or (el.tail or "").strip():
        return False
    prev = el.getprevious()
    if prev is None:
        if (parent.text or "").strip():
            return False
    elif (prev.tail or "").strip() or not isinstance(prev.tag, str) or prev.tag not in _BLOCKS:
        return False
    nxt = el.getnext()
    return nxt is None or (isinstance(nxt.tag, str) and nxt.tag in _BLOCKS)


def strip_html(article, removals: list[Removal], judge: Judge | None) -> int:
    """Remove the container's lines that are CMS strings, each judged first (`judge`, the guard's check for
    generic HTML removals), leaving a placeholder that indexes its removal in `removals`. Returns how many went."""
    pieces = _lines_of(article, PLACEHOLDER, index())
    matches = [found for _, found in pieces]
    if not any(matches):
        return 0
    why = _pick(matches)
    done = 0
    for (el, found), reason in zip(pieces, why, strict=True):
        if reason is None or el.getparent() is None:
            continue
        text = _SPACES.sub(" ", el.text_content()).strip()
        removal = Removal(rule=HTML_RULE.qualified, plugin=HTML_PLUGIN, text=text, kind="html",
                          evidence=_evidence(found, reason))  # type: ignore[arg-type]
        removals.append(removal)
        if judge is not None:
            removal.refused = judge(HTML_RULE, paragraph_texts(el))
            if removal.refused is not None:
                continue
        replace_with_placeholder(el, len(removals) - 1)
        done += 1
    return done
