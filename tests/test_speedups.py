"""Faster ways of doing the same thing give the same results: folding, the block-rule and fingerprint indexes,
readability-lxml's scoring with its costly parts replaced, remembered word counts and blocks found by identity."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from readability import readability as upstream

from cleanser import ruleset_from_dict
from cleanser import text as text_module
from cleanser.document import Block, index_of
from cleanser.read import extract as html_extract
from cleanser.read import page as html_stage
from cleanser.read.readability_fast import Readability, clean
from cleanser.read.text import _ODD_SPACE, normalize_spaces
from cleanser.rules.book import BlockFinder, RuleBook
from cleanser.sites.index import SiteIndex
from cleanser.text import FOLD, fold

PAGES = sorted((Path(__file__).parent / "pages").glob("*.html"))
WHITESPACE = [" ", " ", " ", "\t", "\n", "\r", "\xa0", "\u2003", "\x0b", "a", "b"]


@given(st.text(alphabet=[*map(chr, FOLD), "a", "Z", " ", "é", "\t", "—"], max_size=40))
def test_fold_is_the_translation(text):
    assert fold(text) == text.translate(FOLD)


@given(st.lists(st.sampled_from(WHITESPACE), max_size=80), st.integers(0, 600))
def test_readability_clean_is_upstreams(chars, run):
    text = "".join(chars)
    assert clean(text) == upstream.clean(text)
    long = f"x{' ' * run}\n{' ' * run}y{chr(9) * (run % 7)} z"
    assert clean(long) == upstream.clean(long)


def _literal(rng: random.Random) -> str:
    words = ["skip", "past", "newsletter", "promotion", "sign", "up", "x1", "x2", "the", "after"]
    return " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000))
def test_block_index_finds_what_scanning_finds(seed):
    rng = random.Random(seed)
    rules = [
        {"id": f"b{i}", "kind": "block", "start": _literal(rng), "end": "end of promotion"} for i in range(30)
    ]
    book = RuleBook((ruleset_from_dict({"name": "t", "rule": rules}),))
    indexed = book.block_finder
    scanning = BlockFinder(book.blocks)
    scanning._indexed = False
    assert indexed._indexed
    for _ in range(20):
        text = " ".join(_literal(rng) for _ in range(rng.randint(1, 8))).replace("x1", rng.choice(["x1", "ax1"]))
        assert indexed.present(text) == scanning.present(text)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_fingerprint_index_finds_what_scanning_finds(seed):
    rng = random.Random(seed)
    rulesets = []
    for i in range(30):
        phrases = [_literal(rng), _literal(rng)]
        rule = {"id": "r", "match": f"Promo number {i}"}  # a plugin with no rules claims nothing
        rulesets.append(ruleset_from_dict({"name": f"s{i}", "domains": [f"s{i}.example"], "fingerprints": phrases,
                                           "rule": [rule]}))
    index = SiteIndex(rulesets)
    assert index._fingerprint_words is not None  # 60 phrases: indexed
    plain = SiteIndex(rulesets)
    plain.__dict__["_fingerprint_words"] = None
    for _ in range(20):
        text = "\n".join(_literal(rng).upper() for _ in range(rng.randint(1, 12)))
        assert index.by_fingerprint(text) == plain.by_fingerprint(text)


def _choice(document_class, root) -> tuple:
    """Every candidate's score and the article picked, each element named by the position stamped on it."""
    doc = document_class(copy.deepcopy(root))
    doc._html(True)
    doc.remove_unlikely_candidates()
    doc.transform_misused_divs_into_paragraphs()
    candidates = doc.score_paragraphs()
    best = doc.select_best_candidate(candidates)
    scores = sorted((e.get(html_stage.STAMP) or "", round(c["content_score"], 9)) for e, c in candidates.items())
    article = doc.get_article(candidates, best, html_partial=True) if best else None
    picked = [(e.get(html_stage.STAMP), e.text_content()) for e in article.iter()] if article is not None else []
    return scores, picked


def test_readability_scores_and_picks_as_upstream_does():
    assert PAGES
    for page in PAGES:
        root = html_stage.parse(page.read_text(encoding="utf-8"))
        html_stage.strip_junk(root)
        html_extract._stamp(root)
        assert _choice(Readability, root) == _choice(upstream.Document, root), page.name


@given(st.lists(st.text(alphabet=["a", "é", " ", "\t", "\n", "\xa0", "字"], max_size=30), max_size=12))
def test_words_in_counts_as_split_does(texts):
    for text in [*texts, *texts]:  # asked twice: the second answer is the remembered one
        assert text_module.words_in(text) == len(text.split())


@pytest.mark.parametrize("name", ["words_in", "word_count", "is_prose", "fold_for_match"])
def test_remembered_answers_stay_right_when_the_memo_fills(monkeypatch, name):
    ask = getattr(text_module, name)
    plain = ask.__wrapped__
    monkeypatch.setattr(text_module, "MEMO_SIZE", 3)
    ask.memo.clear()
    texts = [f"{'word ' * n}end{'.' * (n % 2)}\u00a0" for n in range(0, 60, 6)]
    for text in texts * 2:
        assert ask(text) == plain(text)
    assert 0 < len(ask.memo) <= 3
    long = "A word of a long paragraph. " * (text_module.MEMO_CHARS // 20)
    assert ask(long) == plain(long)
    assert long not in ask.memo  # a long text is answered, not kept
    ask.memo.clear()


def test_index_of_finds_this_very_block():
    twin, block = Block(text="Advertisement"), Block(text="Advertisement")
    blocks = [Block(text="A paragraph."), twin, block]
    assert twin == block  # list.index would stop at the twin
    assert index_of(blocks, block) == 2
    assert index_of(blocks, twin) == 1
    with pytest.raises(ValueError):
        index_of(blocks, Block(text="A paragraph."))


@given(st.text(alphabet=[*map(chr, _ODD_SPACE), "a", " ", "é", "\u200d"], max_size=30))
def test_normalize_spaces_is_the_translation(text):
    assert normalize_spaces(text) == text.translate(_ODD_SPACE)
