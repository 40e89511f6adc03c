"""Runs of the template inside the article: a chart's labels, an embedded box's lines.

A chart a naive scraper kept is a run of short lines between the article's paragraphs: tick labels (`’23`, `$458`,
`19.3%`), units (`%`), a legend (`RECESSIONS`, `PROJECTED`) and a title (`Public debt as a share of gross domestic
product`), often drawn twice (a small and a large version). When the chart is the site's (in nearly every page), each
of those lines recurs across the host's documents as a *shape*: its digits may change from page to page, its place
in the article may change, and a label may stand in several places a page (one per version of the chart). So the
tests that take a line inside the article (the same text at the same place, `evidence.letterless_reason` and
`evidence.inline_cue`) keep it out, although the run it stands in recurs in every page.

A run is the evidence here: a line between the article's paragraphs is the template's when it is in
`template_share` of the distinct documents (the bar of every template evidence) and most of its occurrences
(`RUN_SHARE`) stand in a run of `RUN_LINES` lines or more in a row, each of them a line of the template too (a
line a rule takes, or a line of another candidate in `template_share` of the documents that is short and no
sentence, or letterless), of at least two different candidates. An article's content does not come that way: a
recurring subheading or standfirst stands alone, among the article's own sentences, and a one-off number line is
no candidate at all.

Only lines that the place alone kept out are taken so (every content test still applies), and never:

- a line that reads as a sentence, ends in a colon (it introduces what follows), or has more than `MAX_WORDS`
  words (a chart's title) or `MAX_CHARS` characters;
- a separator (`* * *`, `—`, `◆`: the article's own section break), or a line of nothing but numbers (a rule
  `{number}` would take any number): lone numbers count towards a run, and are never a rule;
- a rule the host's held-back documents do not verify (`trust.py`): a run line is kept only when the documents
  learning never saw show it again, and only as what it was built from (`demote_unverified`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..text import word_count
from .evidence import INLINE_SPREAD, MAX_VERIFIED_CHARS, has_letters, in_template, separator, spread
from .mine import INLINE
from .settings import LearnSettings
from .templates import Candidate
from .wandering import wandering_paragraph

RUN_LINES = 3  # lines in a row, the candidate's own included
RUN_SHARE = 0.8  # of a candidate's line occurrences, in such runs
MAX_WORDS = 12  # a chart's title: more than a short line at one place (evidence.INLINE_WORDS), never a paragraph
MAX_CHARS = 80

# The reasons that keep a line out for its place alone (evidence.letterless_reason, judge.position_reason).
PLACE_REASONS = ("has no letter: taken at the top or the bottom", "its position varies")
NUMBERS_ONLY = "has no letter and nothing but numbers"
LONG_INLINE = "long, and between the article's paragraphs"  # judge.position_reason
NOT_VERIFIED = (
    "inside the article in runs of the template's lines, but the held-back documents do not verify it (a line "
    "taken for its run must be)"
)


def _short_label(text: str, colon: bool = False) -> bool:
    from .judge import sentence_shaped

    text = text.strip()
    return (
        word_count(text) <= MAX_WORDS
        and len(text) <= MAX_CHARS
        and not sentence_shaped(text)
        and (colon or not text.endswith(":"))
    )


def liftable(cand: Candidate, settings: LearnSettings, colon: bool = False) -> bool:
    """Whether `cand` was kept out for its place alone and may be the template's by its runs (with `colon`, also a
    line ending in a colon, which `lift_runs` takes only when the template follows it)."""
    if cand.reason is None or not in_template(cand.share, settings) or not cand.reason.startswith(PLACE_REASONS):
        return False
    examples = [e.strip() for e in cand.examples[:3]]
    if any(separator(e) for e in examples):
        return False
    return all(_short_label(e, colon) for e in examples) if any(has_letters(e) for e in examples) else True


def _member(cand: Candidate, settings: LearnSettings) -> bool:
    """A line that may make a run: a rule's, a liftable candidate's, or a lone number of the template's."""
    if cand.is_rule:
        return True
    if not in_template(cand.share, settings):
        return False
    return liftable(cand, settings) or (cand.reason or "").startswith(NUMBERS_ONLY)


def lift_runs(candidates: Sequence[Candidate], settings: LearnSettings) -> list[Candidate]:
    """Take the candidates kept out for their place whose occurrences stand in runs of the template's lines (see the
    module docstring), and the template's paragraphs inside the article (`long_at_one_place`, `wandering.py`): their
    reason is cleared and their `why` says so. Returns them (the caller shapes them into rules, and demotes those the
    held-back documents do not verify). A line ending in a colon introduces what follows: it is taken only when what
    follows it is the template's (`introduces_template`), as a comment's "Ana wrote on March 3 at 10:45:" is."""
    members: dict[tuple[int, int], int] = {}

    def add(n: int, cand: Candidate) -> None:
        for u in cand.units:
            if not u.piece:
                members.setdefault((u.doc, u.line), n)
        for doc, line, _ in cand.blurbs:  # the short line under it, which its rule takes along
            members.setdefault((doc, line), n)

    for n, cand in enumerate(candidates):
        if _member(cand, settings):
            add(n, cand)
    lifted = []
    for colon in (False, True):  # lines that introduce what follows once the template's paragraphs are known
        for n, cand in enumerate(candidates):
            if cand.reason is None or _introduces(cand) != colon:
                continue
            why = long_at_one_place(cand, settings) or wandering_paragraph(
                cand, settings, introduces_template=colon and introduces_template(cand, members)
            )
            if why:
                cand.reason, cand.why = None, why
                lifted.append(cand)
                add(n, cand)
    if not members:
        return lifted
    # Each member line's run: its length and how many different candidates it holds.
    run_of: dict[tuple[int, int], tuple[int, int]] = {}
    for doc, line in sorted(members):
        if (doc, line) in run_of:
            continue
        end = line
        while (doc, end + 1) in members:
            end += 1
        found = (end - line + 1, len({members[doc, i] for i in range(line, end + 1)}))
        for i in range(line, end + 1):
            run_of[doc, i] = found
    for cand in list(candidates):
        colon_ok = liftable(cand, settings, colon=True) and introduces_template(cand, members)
        if not liftable(cand, settings) and not colon_ok:
            continue
        lines = [u for u in cand.units if not u.piece]
        in_runs = sum(1 for u in lines if run_of[u.doc, u.line][0] >= RUN_LINES and run_of[u.doc, u.line][1] >= 2)
        if not lines or in_runs < RUN_SHARE * len(lines):
            continue
        why = (
            f"inside the article in runs of the template's lines (a chart's labels, a box): in {cand.share:.0%} of "
            f"the documents, {in_runs} of its {len(lines)} occurrences in a run of {RUN_LINES} lines or more that "
            "recur as it does"
        )
        for taken in _exact_texts(cand, candidates, settings):
            taken.reason = None
            taken.why = why
            lifted.append(taken)
    return lifted


def _introduces(cand: Candidate) -> bool:
    return any(e.strip().endswith(":") for e in cand.examples[:3])


def introduces_template(cand: Candidate, members: dict[tuple[int, int], int]) -> bool:
    """Whether the line under `cand` is a line of the template (a rule's, a run member's, a lifted paragraph's) in
    `RUN_SHARE` of its line occurrences: a line ending in a colon then introduces the template, not the article."""
    lines = [u for u in cand.units if not u.piece]
    under = sum(1 for u in lines if (u.doc, u.line + 1) in members)
    return bool(lines) and under >= RUN_SHARE * len(lines)


def long_at_one_place(cand: Candidate, settings: LearnSettings) -> str | None:
    """Why a long line between the article's paragraphs is the template's, or None: the same text in
    `template_share` of the documents, at the same place in the article (`evidence.inline_cue`'s test: the middle
    80% of its places within `INLINE_SPREAD` of the article's length), and at most `MAX_VERIFIED_CHARS` long. A
    newsletter box's or a notice's paragraph stands so; content that recurs (a series lede, a syndicated paragraph)
    is in a minority of the documents. Kept only when the held-back documents verify it (`demote_unverified`)."""
    if cand.reason is None or not cand.reason.startswith(LONG_INLINE) or not in_template(cand.share, settings):
        return None
    if len({e.strip() for e in cand.examples}) != 1 or len(cand.examples[0]) > MAX_VERIFIED_CHARS:
        return None
    if any(u.piece for u in cand.units):
        return None
    places = [u.at for u in cand.units if u.where == INLINE]
    if not places or spread(places) > INLINE_SPREAD:
        return None
    return (
        f"long, the same text in {cand.share:.0%} of the documents, at the same place in the article (the middle of "
        f"its places within {spread(places):.0%} of the article's length)"
    )


def _exact_texts(cand: Candidate, candidates: list[Candidate], settings: LearnSettings) -> list[Candidate]:
    """The candidate as the rules to make of it. A letterless line whose digits do not vary is learned as its text,
    digits and all (`’24`, not `’{number}`, which takes any year's label): when each of its texts is in
    `template_share` of the documents (a chart's fixed labels), each becomes a candidate of its own, in its place in
    `candidates`. The shape is the rule only when the values change from page to page."""
    if has_letters(cand.examples[0]):
        return [cand]
    texts: dict[str, list] = {}
    for u in cand.units:
        texts.setdefault(u.text.strip(), []).append(u)
    if len(texts) == 1:
        cand.template = cand.examples[0].strip()  # the same text every time: the rule is that text
        return [cand]
    n = round(cand.docs / cand.share)
    split = [(t, us, len({u.doc for u in us})) for t, us in texts.items()]
    if not all(in_template(docs / n, settings) for _, _, docs in split):
        return [cand]
    at = candidates.index(cand)
    made = []
    for t, us, docs in split:
        lines = {(u.doc, u.line + 1) for u in us}
        blurbs = [b for b in cand.blurbs if (b[0], b[1]) in lines]  # the blurb lines under this text's lines
        made.append(
            replace(
                cand,
                template=t,
                units=us,
                docs=docs,
                share=docs / n,
                positions=Counter(u.where for u in us),
                examples=[t],
                variants=1,
                notes=list(cand.notes),
                blurbs=blurbs,
                blurb=cand.blurb if blurbs else 0,
            )
        )
    candidates[at : at + 1] = made
    return made


def demote_unverified(lifted: Sequence[Candidate]) -> None:
    """A line taken for its runs stays a rule only when the held-back documents verified it."""
    for cand in lifted:
        if cand.is_rule and not cand.verified:
            cand.reason = NOT_VERIFIED
