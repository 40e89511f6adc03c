"""Teasers of other stories written as sentences, under the article: a related box's or a feed's excerpts, told by
the links and bylines that mark each one, and by their words being the article's own no more.

A related-stories box, a section feed or a blog's "more posts" reaches a naive scrape as the first sentence or two
of each story, cut off and followed by a link: "... wondered why on earth you purchased certain items? As it… Read
more", "Ist das richtig so? Mehr…", "Presidente Boric visitó ... Leer más"; or each followed by its byline ("By
Jane Doe", "Par Service Etranger"). An article's last paragraphs are sentences too, and in a news roundup each is
about something else: what a teaser has and an article's paragraph has not is the mark of a link to somewhere
else. Measured on the tune part (`bench/quality.py`), topic distance alone is no evidence at `safe`: windows of six
article sentences share as little as 4-8% of their words with the article above them (Chinese portals, a
newsletter's digest, a mailing list's quotations).

`teaser_excerpts` takes the lines from the first marked teaser to the end of the document when

- a chain of teaser marks stands there, each at most MAX_GAP kept lines under the one before: a line that ends
  with a "read more" link after at least EXCERPT_WORDS words (`_READ_MORE`, in the languages of the web), a line
  that is only such a link, a byline line ("By Jane Doe", "Par Service Etranger", "portrait Par Juliette Deborde");
- the chain holds MIN_LINKED excerpts that end with a link or more; or MIN_BYLINES bylines and no sentence in it
  that reads as the article's own topic (its content words in the article above more than ON_TOPIC of the time);
- under the chain's last mark, at most MAX_AFTER_PROSE lines read as the article, each off its topic and with
  furniture words (a pitch, a legal line: the zone stage's furniture strength);
- no line of the run is a table, code, a protected or structured line (heading, list item, quote);
- the article stands above it: MIN_ARTICLE_WORDS words of lines that read as the article, and the kept line right
  above introduces nothing with a colon.

- the teasers' content words (five letters or more), taken together, stand in the article above at most MAX_SHARED
  of the time: related stories may share the article's topic, but a "further reading" of the article's own
  sources, each with its link, talks about what the article talks about.

The share is in the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..document import CODE, TABLE, Block
from ..text import WIDE, at_most_words, word_count
from .generic_lines import words

MAX_GAP = 3  # kept lines between two teaser marks (a headline, a date, an unmarked excerpt)
MIN_LINKED = 2  # excerpts that end with a "read more" link
MIN_BYLINES = 3
MAX_AFTER_PROSE = 2
MIN_ARTICLE_WORDS = 100
EXCERPT_WORDS = 4  # words before the link: an excerpt or a headline
MAX_SHARED = 0.4  # of the teasers' content words together, those the article holds: more, and they are its own
ON_TOPIC = 0.3  # of a sentence's content words, those the article above holds: the article's topic
BYLINE_WORDS = 14  # a byline of several names: "Por Steven Lee Myers, Keith Bradsher y Tariq Panja"
TAIL_CHARS = 60  # the end of a line searched for a link

# "Read more" links as excerpts end with them, in the languages of the web (the CMS catalogues' "Read more",
# "Continue reading", "(more...)" and their translations; news sites' "Mehr", "Lire la suite", "Leer más").
_FORMULA = (
    r"(?:read\s+more|read\s+the\s+full\s+(?:story|article)|continue\s+reading|keep\s+reading|more\s*»|"
    r"weiterlesen|mehr\s+lesen|zum\s+artikel|lire\s+la\s+suite|lire\s+plus|la\s+suite|leer\s+más|seguir\s+leyendo|"
    r"leia\s+mais|continue\s+lendo|continua\s+a\s+leggere|leggi\s+tutto|leggi\s+di\s+più|lees\s+verder|"
    r"lees\s+meer|czytaj\s+dalej|czytaj\s+więcej|läs\s+mer|les\s+mer|læs\s+mere|lue\s+lisää|devamını\s+oku|"
    r"подробнее|читать\s+далее|читать\s+дальше|続きを読む|阅读全文|查看全文|더\s*보기)"
)
_TRAIL = r"[\s»›→>…)\].]*"
# A formula after an ellipsis, a sentence's end or a dash, or written with a capital ("… Read more Read more",
# "Ist das richtig so? Mehr…", "Leer más"); "mehr" and "more" alone only with an ellipsis or arrow of a link.
_READ_MORE = re.compile(
    rf"(?:(?<=[\s.!?…:;,\"”’»)\]–—-])|^)(?:(?:(?i:{_FORMULA})|Mehr|More){_TRAIL})+$"
)
# The words the formulas end with, and the marks a link may trail (`_TRAIL`, whitespace included): a line that,
# stripped of those marks, ends with none of the words holds no link, and is not searched (most lines are the
# article's sentences, and the search tries every formula at each of their last TAIL_CHARS characters).
_FINAL_WORDS = (
    "more", "mehr", "story", "article", "reading", "lesen", "artikel", "suite", "plus", "más", "leyendo", "mais",
    "lendo", "leggere", "tutto", "più", "verder", "meer", "dalej", "więcej", "mer", "mere", "lisää", "oku",
    "подробнее", "далее", "дальше", "続きを読む", "阅读全文", "查看全文", "보기",
)
_TRAIL_MARKS = "»›→>…)]." + "".join(c for c in map(chr, range(0x3000 + 1)) if c.isspace())
_LINK_END = re.compile(r"(?:[…»›→]|\.\.\.)\s*$")
_BARE = re.compile(r"(?:(?<=[\s.!?…:;,\"”’»)\]–—-])|^)(?:Mehr|More|mehr|more)\s*(?:…|\.\.\.|»|›|→)\s*$")
# A byline: "By" in the languages of the web and one to four names, each a capitalised word and up to four more
# (or name particles), joined by commas, "and" or "&" in those languages ("Por Steven Lee Myers, Keith Bradsher y
# Tariq Panja").
_NAME = r"[A-ZÀ-ÖØ-ÞŁŚŻ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞŁŚŻ][\w'’.-]*|de|da|van|von|der|le|la|di|del)){0,4}"
_BYLINE = re.compile(
    r"^(?:[^\W\d_]+\s+){0,2}(?i:by|par|por|von|di|door|av|af|przez)\s+"
    rf"{_NAME}(?:(?:\s*,\s*|\s*&\s*|\s+(?:and|y|e|et|und|en|i|og|och|oraz)\s+){_NAME}){{0,3}}$"
)


def _link_at_end(text: str, cut: int) -> re.Match[str] | None:
    """`_READ_MORE` searched from `cut`, on the lines that end with a formula's last word only."""
    if not text.rstrip(_TRAIL_MARKS)[-16:].lower().endswith(_FINAL_WORDS):
        return None
    return _READ_MORE.search(text, cut)


def linked(text: str) -> str | None:
    """"excerpt" when a line ends with a "read more" link after EXCERPT_WORDS words or more ("cut" when an ellipsis
    cuts those words short of a sentence's end right before the link: "... sights, sounds,… Read more"), "link" when
    it is only such a link, "byline" when it is a byline, else None."""
    text = text.strip()
    if not text:
        return None
    # The link is at the end: only the line's last words are searched (a long paragraph is read once, not scanned).
    cut = max(0, len(text) - TAIL_CHARS)
    if cut:
        space = text.find(" ", cut)
        cut = space if space >= 0 else len(text)
    m = _link_at_end(text, cut)
    if m is not None and m.start() < len(text):
        tail = m.group()
        bare = tail.strip(" »›→>…).]").lower() in ("mehr", "more")
        if bare and not (_BARE.search(text) or _LINK_END.search(tail)):
            m = None
    if m is not None:
        head = text[: m.start()].strip()
        # After a plain word, a link's formula is written apart, with a capital ("... the doctors Leer más"); in
        # lower case it is the sentence's own ("they should read more").
        if head and head[-1].isalnum() and m.group().lstrip()[:1].islower():
            return None
        if not head:
            return "link"
        if word_count(head) >= EXCERPT_WORDS:
            before = head.rstrip(".… ")[-1:]
            return "cut" if head.endswith(("…", "...")) and (before.isalnum() or before == ",") else "excerpt"
        return None
    if _BYLINE.match(text) and at_most_words(text, BYLINE_WORDS):
        return "byline"
    return None


def link_kinds(blocks: list[Block]) -> list[str | None]:
    """`linked` of every line, read once for both stages that look for teasers."""
    return [linked(b.text) for b in blocks]


def content_words(text: str) -> set[str]:
    """The words that say what a line is about: five letters or more, or a pair of wide characters."""
    return {w for w in words(text) if len(w) >= 5 or (len(w) == 2 and WIDE.search(w) is not None)}


def _share(text: str, vocabulary: set[str]) -> float:
    own = content_words(text)
    return len(own & vocabulary) / len(own) if own else 0.0


def teaser_excerpts(
    blocks: list[Block],
    article_like: Callable[[int], bool],
    structured: Callable[[Block], bool],
    strength: Callable[[str], int],
    kinds: list[str | None] | None = None,
) -> tuple[int, list[str]] | None:
    """(first line, evidence) of a run of marked teasers that runs to the end of the document, or None; see the
    module docstring. `blocks` are the document's non-blank lines; kept lines have no removal (marks count whether a
    rule removed them or not). `article_like(i)` says whether line i reads as the article's prose; `strength(text)`
    how strongly a line's words say furniture (0 not, 1 some, 2 as a boundary's: `generic_zones._furniture_strength`).
    """
    # A link line a rule removed already ("Weiterlesen") is a mark still: it stands in the chain.
    if kinds is None:
        kinds = link_kinds(blocks)
    marks = {i: kind for i, kind in enumerate(kinds) if kind is not None}
    kept = [i for i, b in enumerate(blocks) if b.removal is None or i in marks]
    if sum(1 for k in marks.values() if k != "byline") < MIN_LINKED and len(marks) < MIN_BYLINES:
        return None
    position = {i: n for n, i in enumerate(kept)}
    chain = sorted(marks)
    start = len(chain) - 1
    while start > 0 and position[chain[start]] - position[chain[start - 1]] - 1 <= MAX_GAP:
        start -= 1
    run = chain[start:]
    first, last = run[0], run[-1]
    kinds = [marks[i] for i in run]
    excerpts = kinds.count("excerpt") + kinds.count("cut") + kinds.count("link")
    bylines = kinds.count("byline")
    if excerpts < MIN_LINKED and bylines < MIN_BYLINES:
        return None
    # A chain that opens on a byline or a bare link: the line above it is its excerpt only when other marks say so;
    # it stays (it may be the article's own last paragraph over the author's byline).
    above = kept[: position[first]]
    if not above or blocks[above[-1]].text.rstrip().endswith(":"):
        return None
    vocabulary: set[str] = set()
    article_words = 0
    for i in above:
        if article_like(i):
            vocabulary |= content_words(blocks[i].text)
            article_words += word_count(blocks[i].text)
    if article_words < MIN_ARTICLE_WORDS:
        return None
    for i in kept[position[first] :]:
        b = blocks[i]
        if b.kind in (TABLE, CODE) or b.protected_by is not None or structured(b):
            return None
    # The sentences of the run that no link marks: on the article's topic, they may be its own paragraphs.
    unmarked = [i for i in kept[position[first] : position[last] + 1] if i not in marks and article_like(i)]
    if excerpts < MIN_LINKED and any(_share(blocks[i].text, vocabulary) > ON_TOPIC for i in unmarked):
        return None
    # Under the last teaser, a line that reads as the article may be its last paragraph under a box of related
    # stories (a tenth of an article's late sentences share less than a fifth of their words with the rest): it
    # must say it is furniture (a pitch, a legal line) and be off the article's topic.
    after = [i for i in kept[position[last] + 1 :] if article_like(i)]
    if len(after) > MAX_AFTER_PROSE or any(
        _share(blocks[i].text, vocabulary) > ON_TOPIC or not strength(blocks[i].text) for i in after
    ):
        return None
    teasers = [blocks[i].text for i in run if marks[i] in ("excerpt", "cut")] + [blocks[i].text for i in unmarked]
    own = set().union(*(content_words(t) for t in teasers)) if teasers else set()
    shared = len(own & vocabulary) / len(own) if own else 0.0
    if shared > MAX_SHARED:
        return None  # the article's own reading list, its sources: they talk about what it talks about
    why = [
        f"teasers to the end: {excerpts} ending with a link, {bylines} bylines, {len(unmarked)} unmarked sentences, "
        f"{shared:.0%} of their words in the article"
    ]
    return first, why


def cut_excerpts(
    blocks: list[Block],
    article_like: Callable[[int], bool],
    kinds: list[str | None] | None = None,
) -> list[int]:
    """The kept lines, wherever they stand, that are another page's excerpt cut short by an ellipsis right before
    its "read more" link ("When you walk into a store, you're overloaded with sights, sounds,… Read more"): a
    related story's teaser set between an article's paragraphs. An article's sentence does not stop mid-clause on
    an ellipsis and a link's label; the document must hold MIN_ARTICLE_WORDS words of article prose besides (a page
    whose only text is such an excerpt, a teaser of the article itself, keeps it), and the excerpt's content words stand
    in it at most MAX_SHARED of the time (an article's own "further reading", its sources with their links, talks
    about what it talks about)."""
    if kinds is None:
        kinds = link_kinds(blocks)
    cuts = [i for i, b in enumerate(blocks) if b.removal is None and kinds[i] == "cut"]
    if not cuts:
        return []
    taken = set(cuts)
    rest = [i for i, b in enumerate(blocks) if b.removal is None and i not in taken and article_like(i)]
    if sum(word_count(blocks[i].text) for i in rest) < MIN_ARTICLE_WORDS:
        return []
    vocabulary: set[str] = set()
    for i in rest:
        vocabulary |= content_words(blocks[i].text)
    return [i for i in cuts if _share(blocks[i].text, vocabulary) <= MAX_SHARED]
