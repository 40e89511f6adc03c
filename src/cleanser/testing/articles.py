"""Generated test documents: an article (its blocks), boilerplate injected into it, and both rendered as plain
text and as HTML.

The article is what must come out of cleaning; the promos are what must not. Everything here is plain data with
no dependency on hypothesis, so a failing example can be rebuilt and printed from its `repr`.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass

PARAGRAPH = "paragraph"
HEADING = "heading"
QUOTE = "quote"
LIST = "list"

# Where a promo is injected.
TOP = "top"  # a line above the article
BOTTOM = "bottom"  # a line below it
INLINE = "inline"  # a line between two blocks of the article
SPLIT = "split"  # a line that cuts a paragraph in two, mid-sentence
GLUED_END = "glued-end"  # run onto the end of a paragraph's last sentence
GLUED_START = "glued-start"  # run onto the start of a paragraph's first sentence
GLUED_BETWEEN = "glued-between"  # inside a paragraph's line, between two of its sentences
POSITIONS = (TOP, BOTTOM, INLINE, SPLIT, GLUED_END, GLUED_START, GLUED_BETWEEN)
LINE_POSITIONS = (TOP, BOTTOM, INLINE, SPLIT)

_WORD = re.compile(r"[^\W_]+")
_CASE_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class Block:
    """One block of an article: a paragraph (its sentences), a heading or a quote (one text), or a list (one text
    per item)."""

    kind: str
    texts: tuple[str, ...]
    ordered: bool = False  # lists
    marked: bool = True  # text form: a heading written as "## ...", a quote as "> ..."
    sentences: tuple[str, ...] = ()  # paragraphs: texts[0] is these joined by spaces

    @classmethod
    def paragraph(cls, sentences: tuple[str, ...]) -> Block:
        return cls(PARAGRAPH, (" ".join(sentences),), sentences=sentences)


@dataclass(frozen=True)
class Article:
    blocks: tuple[Block, ...]
    layout: str = "lines"  # text form: "lines" (one block per line) or "blank" (blank-line separated)
    page: bool = False  # HTML form: a whole page rather than a fragment

    @property
    def units(self) -> list[str]:
        """The article's texts in order, one per paragraph, heading, quote and list item: what cleaning keeps."""
        return [t for b in self.blocks for t in b.texts]

    def as_text(self) -> str:
        return Sample(self).as_text()

    def as_html(self) -> str:
        return Sample(self).as_html()


@dataclass(frozen=True)
class Promo:
    """A promo string (a rule's own example) injected at `position`.

    `at` is the article block it is injected before (TOP: 0, BOTTOM: the number of blocks, INLINE: 1 to n-1) or
    into (SPLIT, GLUED_*). `cut` is, for SPLIT, the word of the paragraph the second half starts with and, for
    GLUED_BETWEEN, the sentence it stands before. `space` says whether a glued promo is set off by a space.
    """

    rule: str
    text: str
    position: str
    at: int
    cut: int = 0
    space: bool = True
    blurb: bool = False  # the rule may take short lines under the promo as its blurb
    tail: bool = False  # a tail marker: the rule takes everything under it


@dataclass(frozen=True)
class Sample:
    """An article with promos injected, ready to be cleaned in either form with `url`."""

    article: Article
    promos: tuple[Promo, ...] = ()
    url: str | None = None
    site: str | None = None  # the site plugin whose rules the promos come from (None: generic rules only)

    # -- what must come out --------------------------------------------------------------------------------

    @property
    def units(self) -> list[str]:
        return self.article.units

    # -- rendering -----------------------------------------------------------------------------------------

    def _lines(self) -> list[tuple[str, str, bool]]:
        """(kind, text, gap before) for every line of the document in order; kind is a block kind or "promo"."""
        blocks = self.article.blocks
        blank = self.article.layout == "blank"
        slots: dict[int, list[Promo]] = {}
        into: dict[int, list[Promo]] = {}
        for promo in self.promos:
            if promo.position in (TOP, BOTTOM, INLINE):
                slots.setdefault(promo.at, []).append(promo)
            else:
                into.setdefault(promo.at, []).append(promo)
        out: list[tuple[str, str, bool]] = []
        for i in range(len(blocks) + 1):
            for promo in slots.get(i, []):
                out.append(("promo", promo.text, blank))
            if i == len(blocks):
                break
            block = blocks[i]
            if block.kind == LIST:
                for n, item in enumerate(block.texts):
                    marker = f"{n + 1}. " if block.ordered else "- "
                    out.append((LIST, marker + item, blank and n == 0))
                continue
            if block.kind == HEADING:
                out.append((HEADING, ("## " if block.marked else "") + block.texts[0], blank))
                continue
            if block.kind == QUOTE:
                out.append((QUOTE, ("> " if block.marked else "") + block.texts[0], blank))
                continue
            for n, (kind, text) in enumerate(_paragraph_lines(block, into.get(i, []))):
                out.append((kind, text, blank and n == 0))
        if out:
            out[0] = (out[0][0], out[0][1], False)
        return out

    def as_text(self) -> str:
        parts: list[str] = []
        for n, (_kind, text, gap) in enumerate(self._lines()):
            if n:
                parts.append("\n\n" if gap else "\n")
            parts.append(text)
        return "".join(parts)

    def as_html(self) -> str:
        blocks = self.article.blocks
        esc = _esc
        slots: dict[int, list[Promo]] = {}
        into: dict[int, list[Promo]] = {}
        for promo in self.promos:
            (slots if promo.position in (TOP, BOTTOM, INLINE) else into).setdefault(promo.at, []).append(promo)
        out: list[str] = []
        for i in range(len(blocks) + 1):
            for n, promo in enumerate(slots.get(i, [])):
                tag = ("p", "div")[n % 2]
                out.append(f"<{tag}>{esc(promo.text)}</{tag}>")
            if i == len(blocks):
                break
            block = blocks[i]
            if block.kind == LIST:
                tag = "ol" if block.ordered else "ul"
                out.append(f"<{tag}>" + "".join(f"<li>{esc(t)}</li>" for t in block.texts) + f"</{tag}>")
            elif block.kind == HEADING:
                level = 1 if i == 0 else 2
                out.append(f"<h{level}>{esc(block.texts[0])}</h{level}>")
            elif block.kind == QUOTE:
                out.append(f"<blockquote><p>{esc(block.texts[0])}</p></blockquote>")
            else:
                for kind, text in _paragraph_lines(block, into.get(i, [])):
                    out.append(f"<p>{esc(text)}</p>" if kind == PARAGRAPH else f"<div>{esc(text)}</div>")
        body = "\n".join(out)
        if not self.article.page:
            return f"<article>\n{body}\n</article>"
        title = esc(self.article.units[0][:70]) if self.article.units else "Untitled"
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>'
            f"{title}</title></head>\n<body>\n<main>\n<article>\n{body}\n</article>\n</main>\n</body>\n</html>"
        )

    def words(self, form: str = "text") -> list[str]:
        """The words of the document in order as a reader of the given form sees them ("text" or "html": the
        HTML form has no list, heading or quote markers)."""
        lines = self._lines()
        if form == "html":
            return words(" ".join(_unmark(kind, text) for kind, text, _gap in lines))
        return words(" ".join(text for _kind, text, _gap in lines))


def _unmark(kind: str, text: str) -> str:
    if kind == LIST:
        return re.sub(r"^(?:- |\d+\. )", "", text)
    if kind in (HEADING, QUOTE):
        return re.sub(r"^(?:## |> )", "", text)
    return text


def _paragraph_lines(block: Block, promos: list[Promo]) -> list[tuple[str, str]]:
    """The lines a paragraph is written as, with the promos injected into it: ("paragraph", text) for article
    text (maybe with glued promo) and ("promo", text) for a promo line that cuts it."""
    text = block.texts[0]
    glued_end = [p for p in promos if p.position == GLUED_END]
    glued_start = [p for p in promos if p.position == GLUED_START]
    between = [p for p in promos if p.position == GLUED_BETWEEN and len(block.sentences) > 1]
    split = [p for p in promos if p.position == SPLIT]
    if between:
        by_cut = {min(max(p.cut, 1), len(block.sentences) - 1): p for p in between}
        pieces = [block.sentences[0]]
        for j, sentence in enumerate(block.sentences[1:], start=1):
            promo = by_cut.get(j)
            sep = " " if promo is None or promo.space else ""
            pieces.append(sep + (promo.text + sep if promo else "") + sentence)
        text = "".join(pieces)
    for promo in glued_end:
        text = text + (" " if promo.space else "") + promo.text
    for promo in glued_start:
        text = promo.text + (" " if promo.space else "") + text
    if not split:
        return [(PARAGRAPH, text)]
    words_ = text.split(" ")
    cut = split[0].cut
    first, second = " ".join(words_[:cut]), " ".join(words_[cut:])
    return [(PARAGRAPH, first), *(("promo", p.text) for p in split), (PARAGRAPH, second)]


def _esc(text: str) -> str:
    return _html.escape(text, quote=False)


def split_points(text: str) -> list[int]:
    """Word indices where a paragraph may be cut by a promo line and joined again by the structure stage: the
    first half has four words or more and stops mid-sentence, the second half starts with a lower-case word."""
    ws = text.split(" ")
    out = []
    for k in range(4, len(ws)):
        before, after = ws[k - 1], ws[k]
        if after[:1].islower() and before[-1:] not in ".!?…:;\"')]”’»," and before[-1:].isalnum():
            out.append(k)
    return out


def words(text: str) -> list[str]:
    """Words for comparing input and output: runs of letters and digits, also split where a lower-case letter
    runs into a capital, in any script ("hoursRead", "ContinueГородской"), and where a cased script meets one
    without case ("Continue市议会"): scraped text glues promo onto sentences."""
    out: list[str] = []
    for chunk in _WORD.findall(text):
        if chunk.isascii():
            out.extend(w for w in _CASE_BREAK.split(chunk) if w)
            continue
        start = 0
        for i in range(1, len(chunk)):
            a, b = chunk[i - 1], chunk[i]
            if (a.islower() and b.isupper()) or (a.isalpha() and b.isalpha() and _caseless(a) != _caseless(b)):
                out.append(chunk[start:i])
                start = i
        out.append(chunk[start:])
    return out


def _caseless(c: str) -> bool:
    return not (c.islower() or c.isupper())


def normalize_ws(text: str) -> str:
    return " ".join(text.split())
