"""The word counts of `cleanser.text` that the stages' limits read."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleanser.text import at_most_words, word_count

PIECES = st.sampled_from(["a", "word", " ", "  ", "\n", "\t", "中", "文字", "é", "\u00a0", "—"])


@given(st.lists(PIECES, max_size=40).map("".join), st.integers(0, 12))
def test_at_most_words_agrees_with_the_word_count(text, limit):
    assert at_most_words(text, limit) == (word_count(text) <= limit)


def test_wide_characters_count_as_words_in_the_limit():
    # One piece between spaces, and a word for each two wide characters in it.
    assert word_count("中文中文中文") == 4
    assert not at_most_words("中文中文中文", 3) and at_most_words("中文中文中文", 4)
