r"""readability-lxml's scoring with the same choices at less cost, for the HTML path (see docs/performance.md).

Profiled on the development set, most of a page's time went to readability-lxml, and in it to things that do not
change which container it picks, given the tree cleanser hands it:

- `_parse` runs lxml's HTML Cleaner over the tree, which copies the whole tree once more and then removes
  scripts, styles, `<link>`s, comments and processing instructions and javascript attributes; cleanser's parser
  and strip_junk have removed all of those already, and attributes play no part in the scoring. It also resolves
  `<base href>` in every link, and links' targets play no part either. Kept: its removal of `hidden` and
  `display:none` elements, exactly as readability-lxml does it.
- `remove_unlikely_candidates` searches two regular expressions in every element's "class id" label; pages
  repeat their labels, so each distinct label is searched once.
- Link density measures the text of every link under a candidate and of the candidate itself, for every
  candidate: a link under nested candidates is measured once per candidate. The lengths are kept while scoring
  (the tree does not change then).
- Measuring a text normalises its whitespace first, and the first of the three substitutions that do it,
  `\s{255,}`, is tried at every whitespace character, scanning the rest of the run each time: quadratic in an
  indented page's runs of spaces. `clean` below makes the same three substitutions, the first one only where a
  run starts (a match can start nowhere else), so in linear time; a property test checks it against
  readability-lxml's own `clean`.

Everything else is readability-lxml's own code; the HTML tests and the snapshot of the development set's outputs
check that the choices are the same.
"""

from __future__ import annotations

import re

from readability import readability as _readability

# readability-lxml's three substitutions, `\s{255,}` -> 255 spaces, `\s*\n\s*` -> newline, `\t|[ \t]{2,}` -> space,
# each replace a maximal run of whitespace as a whole or act inside it only, so they can be made in one pass over the
# runs that can change (two characters or more, or a tab): a run of 255 or more ends as one space (its 255 spaces
# become one), a run holding a newline as a newline, any other as the third substitution leaves it. One scan of the
# text instead of three (each tried at every character), and linear: a run is matched once, from its start.
_RUN = re.compile(r"\s{2,}|\t")
_SPACE_RUN = re.compile(r"\t|[ \t]{2,}")


def _run(match: re.Match) -> str:
    run = match.group()
    if len(run) >= 255:
        return " "
    if "\n" in run:
        return "\n"
    return _SPACE_RUN.sub(" ", run)


def clean(text: str) -> str:
    """readability-lxml's `clean` (whitespace normalised), in linear time."""
    return _RUN.sub(_run, text).strip()


_UNLIKELY: dict[str, bool] = {}


def _unlikely(label: str) -> bool:
    """readability-lxml's verdict on a class-and-id label: an unlikely candidate's name, and no likely one's."""
    found = _UNLIKELY.get(label)
    if found is None:
        if len(_UNLIKELY) > 50_000:
            _UNLIKELY.clear()
        regexes = _readability.REGEXES
        found = bool(regexes["unlikelyCandidatesRe"].search(label)) and not regexes["okMaybeItsACandidateRe"].search(
            label
        )
        _UNLIKELY[label] = found
    return found


def text_length(elem) -> int:
    """readability-lxml's `text_length`."""
    return len(clean(elem.text_content() or ""))


class Readability(_readability.Document):
    """readability-lxml's Document, given a tree that cleanser has parsed and stripped of junk (never a string)."""

    _lengths: dict | None = None

    def _parse(self, input):
        doc = input
        self.encoding = "utf-8"
        for elem in doc.xpath("//*[@hidden]"):
            elem.drop_tree()
        display_none = _readability.REGEXES["displayNoneRe"]
        for elem in doc.xpath("//*[@style]"):
            if display_none.search(elem.get("style")):
                elem.drop_tree()
        return doc

    def remove_unlikely_candidates(self):
        # readability-lxml's test of each element's "class id" label, with the two regex searches per label made
        # once per distinct label (pages repeat their class names: a few hundred labels, tens distinct), and put
        # only to elements with a class or an id (any other's label is a lone space, which the test skips).
        # Same elements in the same order, same test, same removals.
        for elem in self.html.xpath(".//*[@class or @id]"):
            label = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
            if len(label) < 2 or not _unlikely(label) or elem.tag in ("html", "body"):
                continue
            if elem.xpath("ancestor-or-self::pre | ancestor-or-self::code"):
                continue
            if elem.xpath("descendant-or-self::main | descendant-or-self::article | descendant-or-self::math"):
                continue
            elem.drop_tree()

    def score_paragraphs(self):
        self._lengths = {}
        # Its paragraphs are measured by readability-lxml's module-level `clean`: the same function in linear time
        # stands in for it while scoring (the results are the same, so another thread calling it meanwhile gets
        # what it would have got).
        original = _readability.clean
        _readability.clean = clean
        try:
            return super().score_paragraphs()
        finally:
            _readability.clean = original
            self._lengths = None  # get_article moves elements around: measure afresh after scoring

    def select_best_candidate(self, candidates):
        # readability-lxml's choice, made without its set of every descendant of the best candidate (a Python object
        # per element: 40 bytes per input byte of a page of empty elements), which it only asks whether a candidate
        # <article> lies inside the best one: the article's ancestors say as much.
        if not candidates:
            return None
        sorted_candidates = sorted(candidates.values(), key=lambda x: x["content_score"], reverse=True)
        best_candidate = sorted_candidates[0]
        article_body_candidates = [
            candidate
            for candidate in sorted_candidates
            if "articleBody" in (candidate["elem"].get("itemprop") or "").split()
            and self.get_link_density(candidate["elem"]) <= 0.1
        ]
        if article_body_candidates:
            best_candidate = article_body_candidates[0]
        best = best_candidate["elem"]
        nested_articles = [
            candidate
            for candidate in sorted_candidates
            if candidate["elem"].tag == "article"
            and any(a is best for a in candidate["elem"].iterancestors())
            and _readability.text_length(candidate["elem"]) >= 250
            and candidate["content_score"] >= best_candidate["content_score"] * 0.25
        ]
        if nested_articles:
            best_candidate = nested_articles[0]
        return best_candidate

    def get_link_density(self, elem):
        lengths = self._lengths
        if lengths is None:
            lengths = {}  # after scoring, elements move: measure afresh each time
        link_length = 0
        for link in elem.findall(".//a"):
            link_length += self._text_length(link, lengths)
        return float(link_length) / max(self._text_length(elem, lengths), 1)

    @staticmethod
    def _text_length(elem, lengths: dict) -> int:
        found = lengths.get(elem)
        if found is None:
            found = lengths[elem] = text_length(elem)
        return found
