"""The content-loss properties as plain checks: each raises AssertionError with a readable report, or returns.

`form` is "text" or "html": the form of the sample that was cleaned.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence

from ..result import Result
from .articles import Article, Sample, normalize_ws, words


def render(sample: Sample, form: str) -> str:
    return sample.as_html() if form == "html" else sample.as_text()


def clean(cleaner, sample: Sample, form: str) -> Result:
    return cleaner.clean(render(sample, form), url=sample.url)


def block_texts(result: Result) -> list[str]:
    return [normalize_ws(b["text"]) for b in result.blocks]


def _report(title: str, sample: Sample | Article | None, result: Result | None, form: str, extra: str = "") -> str:
    parts = [title]
    if extra:
        parts.append(extra)
    if isinstance(sample, Article):
        sample = Sample(sample)
    if sample is not None:
        parts.append(f"--- {form} input (url={sample.url!r}):\n{render(sample, form)}")
        if sample.promos:
            promos = (f"{p.position:>13} @{p.at}: {p.rule}: {p.text!r}" for p in sample.promos)
            parts.append("--- promos:\n" + "\n".join(promos))
    if result is not None:
        parts.append(f"--- output:\n{result.text}")
        if result.removed:
            parts.append("--- removed:\n" + "\n".join(f"{r.rule} ({r.kind}): {r.text!r}" for r in result.removed))
        if result.refused:
            parts.append("--- refused:\n" + "\n".join(f"{r.rule}: {r.text!r}: {r.refused}" for r in result.refused))
    return "\n".join(parts)


def _diff(want: Sequence[str], got: Sequence[str]) -> str:
    return "\n".join(difflib.unified_diff(list(want), list(got), "article", "output", lineterm="", n=1))


def _find(haystack: str, needle: str, start: int) -> int:
    """Index of `needle` in `haystack` from `start`, not inside a longer word, or -1."""
    pos = haystack.find(needle, start)
    while pos >= 0:
        before = haystack[pos - 1] if pos else " "
        end = pos + len(needle)
        after = haystack[end] if end < len(haystack) else " "
        if not (needle[0].isalnum() and before.isalnum()) and not (needle[-1].isalnum() and after.isalnum()):
            return pos
        pos = haystack.find(needle, pos + 1)
    return -1


def assert_no_loss(sample: Sample, result: Result, form: str) -> None:
    """Every paragraph, heading, quote and list item of the article is in the output text, in order, unchanged
    but for whitespace."""
    out = normalize_ws(result.text)
    pos = 0
    for unit in sample.units:
        wanted = normalize_ws(unit)
        found = _find(out, wanted, pos)
        if found < 0:
            raise AssertionError(_report(f"lost or changed article text: {unit!r}", sample, result, form))
        pos = found + len(wanted)


def assert_words_kept(sample: Sample, result: Result, form: str) -> None:
    """Every word of the article is in the output, in order (boilerplate may be left between them): the weaker
    promise the guard keeps when it refuses a removal."""
    got, want = words(" ".join(block_texts(result))), words(" ".join(sample.units))
    if not is_subsequence(want, got):
        missing = [w for w in want if w not in set(got)]
        raise AssertionError(_report(f"article words lost: {missing[:10]}", sample, result, form))


def assert_boilerplate_gone(sample: Sample, result: Result, form: str) -> None:
    """The output's words are the article's words, exactly: every injected promo went, nothing else did. Every
    promo is accounted for in the audit (`result.removed`), with its rule."""
    got, want = words(" ".join(block_texts(result))), words(" ".join(sample.units))
    if got != want:
        raise AssertionError(_report("the output is not the article", sample, result, form, _diff(want, got)))
    removed = [normalize_ws(r.text) for r in result.removed]
    for promo in sample.promos:
        text = normalize_ws(promo.text)
        if not any(text in r for r in removed):
            raise AssertionError(_report(f"promo missing from the audit: {promo.text!r}", sample, result, form))


def assert_structure_kept(sample: Sample, result: Result, form: str) -> None:
    """The output has one block per paragraph, heading, quote and list item of the article, with its text: a
    paragraph a promo cut in two is whole again, and nothing is split or merged."""
    got, want = block_texts(result), [normalize_ws(u) for u in sample.units]
    if got != want:
        raise AssertionError(_report("the article's blocks changed", sample, result, form, _diff(want, got)))


def is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def assert_removal_only(sample: Sample, result: Result, form: str) -> None:
    """The output invents no word: its words are a subsequence of the input's."""
    got = words(" ".join(block_texts(result)) if form == "html" else result.text)
    source = sample.words(form)
    if not is_subsequence(got, source):
        extra = [w for w in got if w not in set(source)]
        raise AssertionError(_report(f"the output has words the input does not: {extra[:10]}", sample, result, form))


def assert_idempotent(cleaner, sample: Sample, result: Result, form: str) -> None:
    """Cleaning the output again changes nothing: the text output as text, the HTML output as HTML."""
    again = cleaner.clean(result.text, url=sample.url)
    if again.text != result.text:
        raise AssertionError(
            _report("cleaning the text output again changed it", sample, result, form,
                    _diff(result.text.split("\n"), again.text.split("\n")))
        )
    again_html = cleaner.clean(result.html, url=sample.url)
    if block_texts(again_html) != block_texts(result):
        raise AssertionError(
            _report("cleaning the HTML output again changed it", sample, result, form,
                    _diff(block_texts(result), block_texts(again_html)))
        )


def assert_unchanged(article: Article | Sample, result: Result, form: str) -> None:
    """A clean article comes out unchanged: no removal, none refused, the text form byte for byte."""
    sample = article if isinstance(article, Sample) else Sample(article)
    if result.removed or result.refused:
        raise AssertionError(_report("a rule fired on a clean article", sample, result, form))
    if form == "text":
        if result.text != sample.as_text():
            raise AssertionError(
                _report("a clean article changed", sample, result, form,
                        _diff(sample.as_text().split("\n"), result.text.split("\n")))
            )
    else:
        assert_structure_kept(sample, result, form)


def assert_same_text(sample: Sample, text_result: Result, html_result: Result) -> None:
    """The text and HTML forms of one document give the same blocks of text."""
    a, b = block_texts(text_result), block_texts(html_result)
    if a != b:
        raise AssertionError(
            _report("text and HTML forms differ", sample, html_result, "html", _diff(a, b))
            + f"\n--- text form output:\n{text_result.text}"
        )


def fingerprint(result: Result) -> str:
    """Everything a result says, as one string, for comparing two runs."""
    return json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False)
