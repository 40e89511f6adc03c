"""The template budget: how the loss guard judges the removals of rules that learning verified on a host's own
documents (`Rule.verified`, written by `cleanser learn` and `clean --learn`; learn/trust.py says when).

The budget (guard check 4) refuses every untrusted removal of a document once together they take more than half of
its words: a rule that eats most of an article is broken. That holds a single rule to account, but a host's
template can outweigh its articles (a comment section, an author box, a list of teasers' summaries, a chart): there
every removal was refused, and the template stayed whole. A verified rule is one learning saw recur across the
host's documents and then take, in documents held back from learning, only lines of the template it was built from
(never a line that reads as the host's content, never text that varies as article text does). Its whole-line
removals are the document's template, and are judged as such:

- the other untrusted removals must fit the budget of what is left once the template is set aside (its share of the
  document's words without the template's words): the template does not make room for anyone else;
- what no removal touches must still hold the article: at least `MIN_PROSE_WORDS` words in lines that read as
  sentences (`guard.reads_as_sentence`). A document that would be left with no prose is left as it was.

Before it is asked, the generic layer's guesses (the line scorer's and the zones' removals) that take a line reading
as a sentence give way: with the template set aside the rest is the article, and a zone tail whose boundary was a
template line standing between its paragraphs would take the paragraphs under it for readers' comments.

When either fails, the ordinary budget decides, as for any rule. A rule that is not verified never uses this
budget: one unverified rule still cannot take more than half of a document.

A verified rule's line that the rule names literally (`literal_line`) is also exempt from the 600-character limit of
guard check 3: it is the template's own text, recurring word for word across the host (a long author box).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..document import BLANK, Block, Document, Removal
from ..rules.model import Rule
from ..rules.regex import anchored_chars
from ..settings import GuardSettings
from ..text import word_count

MIN_PROSE_WORDS = 50  # words of sentences a document must keep for its template to go past the ordinary budget
LITERAL_SHARE = 0.9  # share of a long line the rule must name literally to take it past check 3

Entry = tuple[Removal, list[Block]]
NO_TEMPLATE = "no whole line taken by a verified rule"


def is_template(removal: Removal, verified: frozenset[str]) -> bool:
    """A whole line taken by a verified rule (its blurb lines and glued pieces are judged as every rule's)."""
    return removal.refused is None and removal.kind == "line" and removal.rule in verified


def guesses_with_sentences(
    entries: Sequence[Entry], verified: frozenset[str], trusted: frozenset[str], sentence: Callable[[str], bool]
) -> list[Entry]:
    """The generic layer's guesses (removals with a score: the line scorer's, the zones') that take a line reading
    as a sentence, in a document with a verified template: they give way before the template budget is asked. Set
    beside the template, the document is its article; a zone whose boundary was a template line between the
    article's paragraphs would take the paragraphs under it as readers' comments."""
    if not any(is_template(r, verified) for r, _ in entries):
        return []
    return [
        (r, b)
        for r, b in entries
        if r.score is not None
        and r.refused is None
        and r.rule not in trusted
        and any(sentence(line) for line in r.text.split("\n") if line.strip())
    ]


def fits(total: int, template: int, rest: int, kept_prose: int, settings: GuardSettings) -> bool:
    """Whether removals of `template` words by verified rules and `rest` words by other untrusted rules pass, in a
    document of `total` words that keeps `kept_prose` words of sentences (see the module docstring). Learning's
    fixtures ask the same question of a window before they try it."""
    if total < max(settings.min_words, 1) or template + rest <= settings.budget * total:
        return True  # the ordinary budget lets them through
    if not template or kept_prose < MIN_PROSE_WORDS:
        return False
    return rest <= settings.budget * (total - template)


def kept_prose_words(doc: Document, sentence: Callable[[str], bool]) -> int:
    """Words in the lines no removal touches that read as sentences."""
    return sum(
        word_count(b.text) for b in doc.blocks if b.removal is None and b.kind != BLANK and sentence(b.text)
    )


def check_template_budget(
    entries: Sequence[Entry],
    doc: Document,
    settings: GuardSettings,
    verified: frozenset[str],
    trusted: frozenset[str],
    sentence: Callable[[str], bool],
) -> str | None:
    """None when the untrusted removals of `entries` pass as a verified template and the rest (see the module
    docstring); else why not. The removals that pass as template get the evidence in the audit."""
    template = [r for r, _ in entries if is_template(r, verified)]
    if not template:
        return NO_TEMPLATE
    total = doc.word_count()
    taken = sum(word_count(r.text) for r in template)
    rest = sum(
        word_count(r.text)
        for r, _ in entries
        if r.refused is None and r.rule not in trusted and not is_template(r, verified)
    )
    prose = kept_prose_words(doc, sentence)
    if fits(total, taken, rest, prose, settings):
        note = (
            f"template budget: a rule verified on held-back documents of the host; with the template's {taken} of "
            f"{total} words set aside, other removals take {rest}, and {prose} words of sentences stay"
        )
        for r in template:
            r.evidence = (*(r.evidence or ()), note)
        return None
    if prose < MIN_PROSE_WORDS:
        return f"without the template, {prose} words of sentences would stay (at least {MIN_PROSE_WORDS} must)"
    return f"other removals would take {rest} of the {total - taken} words left beside the template"


def literal_line(removal: Removal, rule: Rule | None) -> bool:
    """A verified rule's whole line that the rule names literally: at least `LITERAL_SHARE` of its characters other
    than digits (the template's `{number}` and `{year}` stand for those: counters, dates, identifiers)."""
    if rule is None or not rule.verified or removal.kind != "line":
        return False
    text = removal.text.strip()
    return anchored_chars(rule, text) >= LITERAL_SHARE * sum(not c.isdigit() for c in text)
