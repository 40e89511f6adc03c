"""The corpus: our articles with boilerplate and their expected outputs, and the negative set."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from cleanser.read.text import normalize_spaces

ARTICLES = sorted(CORPUS.glob("articles/*.input.txt"))
NEGATIVE_TXT = sorted(CORPUS.glob("negative/*.txt"))
NEGATIVE_HTML = sorted(CORPUS.glob("negative/*.html"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name.removesuffix(".input.txt"))
def test_article(cleaner, path):
    stem = path.name.removesuffix(".input.txt")
    url = (path.parent / f"{stem}.url").read_text(encoding="utf-8").strip()
    expected = (path.parent / f"{stem}.expected.txt").read_text(encoding="utf-8")
    result = cleaner.clean(path.read_text(encoding="utf-8"), url=url)
    assert result.text == expected
    assert result.removed, "every corpus article has boilerplate"


def test_corpus_is_not_empty():
    assert len(ARTICLES) >= 10 and len(NEGATIVE_TXT) >= 30 and len(NEGATIVE_HTML) == len(NEGATIVE_TXT)


@pytest.mark.parametrize("path", NEGATIVE_TXT, ids=lambda p: p.stem)
def test_negative_text_unchanged(cleaner, path):
    text = path.read_text(encoding="utf-8")
    result = cleaner.clean(text)
    assert result.removed == []
    assert result.text == text  # character for character: its no-break spaces too


@pytest.mark.parametrize("path", NEGATIVE_HTML, ids=lambda p: p.stem)
def test_negative_html_keeps_every_line(cleaner, path):
    text_form = normalize_spaces(path.with_suffix(".txt").read_text(encoding="utf-8"))
    result = cleaner.clean(path.read_text(encoding="utf-8"))
    assert result.removed == []
    kept = [b["text"] for b in result.blocks]
    for line in text_form.split("\n"):
        assert any(line.lstrip("-•* ") in k or k in line for k in kept), line
