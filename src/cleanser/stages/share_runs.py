"""Share bars and follow lines in a plain text: the buttons of a share widget, saved one per line.

A scraper that keeps the text of every link or list item of a page keeps a share bar as a run of lone lines, one a
button: "Facebook", "Twitter", "WhatsApp", "E-Mail", "Drucken", "Copy link", often under a heading ("Share this
article", "Beitrag teilen:"). One such line alone is no evidence ("Facebook" is a photo credit, a heading, a word
of the article), but two or more in a row, with nothing between them but blank lines, are a share bar: no article
is written as a column of network names.

Vocabulary (`data/widget_strings.json`, section `share`, built by `bench/widget_strings.py`): the share targets are
the services of the share widgets read there (shariff's services, Jetpack's buttons, a few more seen on share bars:
"X", "Bluesky", "Copy link", "E-Mail") and their buttons' own words ("drucken", "imprimer", "tweet"); the share
verbs are shariff's word for "share" in 24 languages ("teilen", "partager", "compartir", "共有").

- A run: kept lines in a row (blank lines, and lines another stage removed as share or widget strings, do not break
  it), each a share target, a share verb, or a heading that names one (at most HEAD_WORDS words: "Share this
  article", "Diesen Artikel teilen:", "Follow us"), holding one target under a share heading, or two different
  targets of which one is a button's action (e-mail, print, copy, a share verb, a share count: "Facebook",
  "Instagram", "TikTok" alone may be an article's list of networks). Every line of it goes.
  A run in an article's own list stays: right under a line that introduces one or asks a question (it ends with ":"
  and is no share heading, or with "?", ",", ";": "The platforms that signed the code:"), or next to a line that is
  a bare name too ("Google" above "Facebook" and "Twitter").
- A follow line: a whole line that is a follow call and share targets only ("Follow us on Twitter", "Folgen Sie uns
  auf Facebook und Instagram", "Suivez-nous sur X"); a line that says more ("Follow us on Twitter to get the latest
  ...") stays. The follow calls are the imperatives of eleven languages, in `FOLLOW`.
- A lone share heading that ends with a colon and names the verb first or (in languages that put the verb last,
  "Beitrag teilen:") last, in at most three words ("Share:", "Partager :", "Teilen:"). English "share" only first:
  "Market share:" is a chart's label.

Removals are `generic/share-run` and `generic/follow-line` (plugin `generic`, kind `line`), each with its evidence,
judged by the guard as any generic rule's. Text input only, at every generic level but "off". A line is classified
by one dict lookup of its normalised form (lines over MAX_CHARS characters are never looked at).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..document import BLANK, LINE, Block, Document, Removal
from .cms_strings import _LEAD, _key, lookup, normalise

PLUGIN = "generic"
RULE = f"{PLUGIN}/share-run"
FOLLOW_RULE = f"{PLUGIN}/follow-line"
MAX_CHARS = 80  # a button's or a heading's text is short; longer lines are never classified
HEAD_WORDS = 5
MIN_TARGETS = 2  # different share targets in a run: one alone is a word like any other

# "Follow us" in the languages of the share verbs' largest sites, and the prepositions before a network's name. Common
# imperatives of each language, not any site's wording.
FOLLOW = (
    "follow us", "follow", "find us", "like us", "connect with us", "join us",
    "folgen sie uns", "folge uns", "folgt uns", "finden sie uns", "besuchen sie uns",
    "suivez-nous", "suivez nous", "retrouvez-nous", "rejoignez-nous",
    "siguenos", "síguenos", "síganos", "encuéntranos",
    "seguici", "seguiteci", "trovaci",
    "volg ons", "vind ons",
    "siga-nos", "segue-nos", "sigam-nos", "acompanhe-nos",
    "följ oss", "følg os", "følg oss",
    "obserwuj nas", "śledź nas",
    "sledujte nás",
)
_PREPS = ("on", "at", "via", "in", "auf", "bei", "über", "sur", "en", "dans", "su", "op", "no", "nas", "em", "på",
          "w", "na")
_AND = r"(?:\s*[,/&+|·•]\s*|\s+(?:and|und|et|y|e|en|og|och|i|a|or|oder|ou|o)\s+)"
# Words a share heading may hold besides its verb: what is shared and the small words around it.
_HEAD_EXTRA = frozenset((
    "this", "the", "article", "story", "post", "page", "on", "via", "with", "your", "friends", "it", "us", "now",
    "news", "artikel", "beitrag", "diesen", "dieser", "diese", "seite", "jetzt", "den", "die", "das", "auf", "mit",
    "cet", "cette", "la", "le", "sur", "avec", "ce", "esta", "este", "artículo", "noticia", "nota", "en", "el", "con",
    "questo", "articolo", "pagina", "su", "deze", "dit", "op", "met",
))
# Forms of the verb shariff's own word does not give ("Teile diesen Beitrag", "Partagez cet article").
_SHARE_FORMS = frozenset(("share", "sharing", "teile", "partagez", "comparte"))
# Share verbs too short to stand alone as a heading ("Del 2:" is a part of a Danish article).
_SHORT_VERB = 5
_COUNT = re.compile(r"\s*\(?\d[\d.,]*\s*[kKmM]?\)?$")  # a share count after a button's name: "Facebook 12"


@dataclass(frozen=True)
class Vocabulary:
    targets: frozenset[str]
    verbs: frozenset[str]
    follow: re.Pattern[str]
    bar: re.Pattern[str]  # a share bar on one line: buttons' names one after the other, after a share heading or not
    unit: re.Pattern[str]  # one button's name in it
    firsts: frozenset[str]
    actions: frozenset[str]  # targets that are a button's action (e-mail, print, copy), not a network's name


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The share targets and verbs of `data/widget_strings.json`, normalised, and the follow-line pattern."""
    data = json.loads(resources.files("cleanser").joinpath("data", "widget_strings.json").read_text(encoding="utf-8"))
    share = data["share"]
    targets = {normalise(t): tuple(s) for t, s in share["targets"].items() if normalise(t)}
    verbs = {normalise(v): tuple(s) for v, s in share["verbs"].items() if normalise(v)}
    names = sorted(targets, key=len, reverse=True)
    target = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    follow = re.compile(
        "(?:" + "|".join(re.escape(f) for f in sorted(FOLLOW, key=len, reverse=True)) + ")"
        + r"(?:\s+\S+){0,3}?"  # a name: "Follow BBC News on Twitter"
        + r"(?:\s*:\s*|\s+(?:" + "|".join(_PREPS) + r")\s+|\s+)"
        + target + "(?:" + _AND + target + ")*"
        + r"(?:\s+@\w+)?"
    )
    units = sorted({*targets, *verbs}, key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(n) for n in units) + r")(?:\s*\d[\d.,]*\s*[km]?)?"
    bar = re.compile(unit + r"(?:(?:\s+|\s*[,|/·•]\s*)" + unit + ")+")
    # The first word of every line this stage may classify (a target, a verb, a heading's word, a follow call):
    # most lines of an article start with none, and cost one set lookup.
    widgets = [normalise(t) for e in data["strings"] if e["kind"] == "share" for t in e["texts"]]
    firsts = {_first(n) for n in (*targets, *verbs, *_HEAD_EXTRA, *FOLLOW, *_SHARE_FORMS, *widgets)}
    actions = frozenset(normalise(a) for a in share["actions"]) | frozenset(verbs)
    return Vocabulary(frozenset(targets), frozenset(verbs), follow, bar, re.compile(unit), frozenset(firsts), actions)


def _first(norm: str) -> str:
    """A normalised line's first word, the marks after it stripped."""
    head = norm.split(None, 1)
    return head[0].rstrip(",;:!|/·•") if head else ""


def _target(norm: str, vocab: Vocabulary) -> str | None:
    """The share target a normalised line is (a share count after it allowed), or None."""
    if norm in vocab.targets:
        return norm
    bare = _COUNT.sub("", norm)
    return bare if bare != norm and bare in vocab.targets else None


def _words(norm: str) -> list[str]:
    return [w.strip(",;:!") for w in norm.split()]


def is_head(text: str, vocab: Vocabulary | None = None) -> bool:
    """A share or follow heading: a few words, one of them a share verb (or a follow call), the rest what is shared
    and the small words around it; not a sentence."""
    vocab = vocab or vocabulary()
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_CHARS or stripped[-1] in ".?":
        return False
    norm = normalise(stripped)
    words = _words(norm)
    if not words or len(words) > HEAD_WORDS:
        return False
    if norm in FOLLOW:
        return True
    verbs = [w for w in words if w in vocab.verbs or w in _SHARE_FORMS]
    return bool(verbs) and all(w in vocab.verbs or w in verbs or w in _HEAD_EXTRA for w in words)


def is_lone_head(text: str, vocab: Vocabulary | None = None) -> bool:
    """A share heading that may go by itself: it ends with a colon, has at most three words, and its verb stands
    first (or last, but never English "share", which is also a noun: "Market share:")."""
    vocab = vocab or vocabulary()
    stripped = text.strip()
    if not stripped.endswith(":") or not is_head(stripped, vocab):
        return False
    words = _words(normalise(stripped))
    if len(words) > 3:
        return False
    first, last = words[0], words[-1]
    if first in vocab.verbs and len(first) >= _SHORT_VERB:
        return True
    return last in vocab.verbs and last != "share" and len(last) >= _SHORT_VERB


def is_follow_line(text: str, vocab: Vocabulary | None = None) -> bool:
    """A whole line that is a follow call and share targets only."""
    vocab = vocab or vocabulary()
    if len(text) > MAX_CHARS:
        return False
    return vocab.follow.fullmatch(normalise(text)) is not None


def bar_targets(text: str, vocab: Vocabulary | None = None) -> frozenset[str]:
    """The share targets of a line that is a share bar by itself ("Facebook Twitter WhatsApp E-Mail", "Share this:
    Twitter Facebook"), or nothing: every word after an optional share heading is a button's name."""
    vocab = vocab or vocabulary()
    if len(text) > MAX_CHARS:
        return frozenset()
    norm = normalise(text)
    head, _, tail = norm.rpartition(":")
    if head and not is_head(head, vocab):  # "Market share: ..." is a chart's label, not a share heading
        return frozenset()
    tail = tail.strip()
    if vocab.bar.fullmatch(tail) is None:
        return frozenset()
    names = set()
    for m in vocab.unit.finditer(tail):
        bare = _COUNT.sub("", m.group()).strip()
        names.add(bare if bare == m.group().strip() else f"{bare} #")  # "#": a share count stood after it
    return frozenset(names)


def _kind(block: Block, vocab: Vocabulary) -> tuple[str, str] | None:
    """What a line is in a share bar: ("target", name), ("head", ""), ("widget", "") for a line another stage took
    as a share or widget string, or None."""
    text = block.text.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    if block.removal is not None:
        found = lookup(text)
        if found and any(k.kind in ("share", "follow") for k in found):
            return ("widget", "")
    if block.kind != LINE or block.protected_by is not None:
        return None
    head = text.lstrip(_LEAD).split(None, 1)
    if not head or _key(head[0]).rstrip(",;:!|/·•") not in vocab.firsts:
        return None  # the line starts with no word this stage knows: most lines, at the cost of one word's folding
    norm = normalise(text)
    name = _target(norm, vocab)
    if name is not None:
        return ("target", name if name == norm else f"{name} #")  # "#": a share count stood after it
    if norm in vocab.verbs:
        return ("target", norm)  # a button's text: shariff prints "teilen" on each
    if is_head(text, vocab) or is_follow_line(text, vocab):
        return ("head", "")
    names = bar_targets(text, vocab)
    if len(names) >= MIN_TARGETS:  # under its own share heading ("Share this: ...") or not
        return ("headed-bar" if ":" in text else "bar", "\n".join(sorted(names)))
    found = lookup(text)
    if found and any(k.kind == "share" for k in found):
        return ("head", "")  # a share widget's own string ("Like this:", "Bei Facebook teilen") stands in the bar
    return None


def _in_a_list(lines: list[Block], i: int, j: int, vocab: Vocabulary) -> bool:
    """Whether the run lines[i:j] stands in an article's own list: the line above introduces one or asks a question,
    or a line next to the run is a bare name too ("Google" above "Facebook", "Twitter": a list of companies)."""
    before = lines[i - 1].text if i > 0 else ""
    after = lines[j].text if j < len(lines) else ""
    return bool(before and _opens_list(before, vocab)) or _bare_name(before) or _bare_name(after)


def _bare_name(text: str) -> bool:
    """A line that is a name and nothing more: one to three capitalised words, no sentence mark."""
    words = text.split()
    return (0 < len(words) <= 3 and len(text) <= 40 and not any(c in text for c in ".,:;!?|")
            and all(w[:1].isupper() or w[:1].isdigit() for w in words))


def _opens_list(text: str, vocab: Vocabulary) -> bool:
    """A line under which a run of names is the article's own list: it introduces one or asks a question."""
    text = text.rstrip()
    return text[-1:] in "?,;" or (text.endswith(":") and not is_head(text, vocab))


def mark_runs(doc: Document, level: str) -> int:
    """Mark the share bars, follow lines and lone share headings of a text document; return how many lines."""
    if level == "off" or doc.source != "text":
        return 0
    vocab = vocabulary()
    lines = [b for b in doc.blocks if b.kind != BLANK and b.text.strip()]
    kinds = [_kind(b, vocab) for b in lines]
    marked = 0
    i = 0
    while i < len(lines):
        if kinds[i] is None:
            block = lines[i]
            if (block.is_live and block.kind == LINE and len(block.text) <= MAX_CHARS
                    and is_lone_head(block.text, vocab)):
                block.removal = Removal.whole_line(RULE, PLUGIN, block, evidence=(
                    "a share heading standing alone (a colon after a share verb)",))
                marked += 1
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] is not None:
            j += 1
        counted = {k[1] for k in kinds[i:j] if k and k[0] == "target"}
        counted.update(n for k in kinds[i:j] if k and k[0] in ("bar", "headed-bar") for n in k[1].split("\n"))
        names = {n.removesuffix(" #") for n in counted}
        acts = any(n.endswith(" #") or n in vocab.actions for n in counted)
        headed = any(k and k[0] in ("head", "widget", "headed-bar") for k in kinds[i:j])
        if ((len(names) >= MIN_TARGETS and acts) or (names and headed)) and not _in_a_list(lines, i, j, vocab):
            shown = ", ".join(b.text.strip() for b, k in zip(lines[i:j], kinds[i:j], strict=True)
                              if k and k[0] in ("target", "bar", "headed-bar"))[:80]
            why = f"a share bar: {len(names)} share targets in a run of {j - i} short lines" + (
                " under a share heading" if headed else "")
            for block in lines[i:j]:
                if block.is_live:
                    block.removal = Removal.whole_line(RULE, PLUGIN, block, evidence=(why, shown))
                    marked += 1
        else:
            for block, kind in zip(lines[i:j], kinds[i:j], strict=True):
                if kind and kind[0] == "head" and block.is_live and is_follow_line(block.text, vocab):
                    block.removal = Removal.whole_line(FOLLOW_RULE, PLUGIN, block, evidence=(
                        "a follow line: a follow call and share targets only",))
                    marked += 1
                elif kind and kind[0] == "head" and block.is_live and is_lone_head(block.text, vocab):
                    block.removal = Removal.whole_line(RULE, PLUGIN, block, evidence=(
                        "a share heading standing alone (a colon after a share verb)",))
                    marked += 1
        i = j
    return marked
