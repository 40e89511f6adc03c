"""Issue 17, smaller items: a flood of <br> or of blank lines costs memory in proportion to the input, a small
multiple of it (it cost about 250 bytes per input byte: a block, a Python proxy per element, a set of them all).

Growth is measured between two sizes (what one more input byte costs), so the fixed costs of a first page (lazy
imports, compiled expressions) do not count."""

from __future__ import annotations

import tracemalloc

import pytest

from cleanser import Cleaner
from cleanser.read.page import MAX_BREAK_RUN, collapse_breaks
from cleanser.read.text import MAX_BLANK_RUN, read_text

MAX_BYTES_PER_BYTE = 6  # peak Python memory per extra input byte: about 1 now; 12 to 330 before the fix


def br_page(size: int) -> str:
    flood = "<br>" * (size // 4)
    return f"<html><body><p>The council met on Monday to vote.</p>{flood}<p>It passed.</p></body></html>"


def br_fragment(size: int) -> str:
    return "<p>The council met on Monday to vote." + "<br>\n" * (size // 5) + "It passed.</p>"


def blank_lines(size: int) -> str:
    return "The council met on Monday to vote.\n" + "\n" * size + "It passed.\n"


def spaced_blank_lines(size: int) -> str:
    return "The council met on Monday to vote.\n" + " \r\n" * (size // 3) + "It passed.\n"


def peak(cleaner: Cleaner, data: str) -> int:
    tracemalloc.start()
    try:
        result = cleaner.clean(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        assert "It passed." in result.text and "The council met" in result.text


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    cleaner = Cleaner()
    for warm in (br_page(400), br_fragment(400), blank_lines(400)):
        cleaner.clean(warm)
    return cleaner


@pytest.mark.parametrize("flood", [br_page, br_fragment, blank_lines, spaced_blank_lines])
def test_a_flood_costs_a_small_multiple_of_its_size(cleaner, flood):
    small, large = flood(50_000), flood(200_000)
    growth = (peak(cleaner, large) - peak(cleaner, small)) / (len(large) - len(small))
    assert growth < MAX_BYTES_PER_BYTE, f"{flood.__name__}: {growth:.0f} bytes per input byte"


def test_blank_line_runs_are_kept_short_and_offsets_stay_exact():
    text = "One.\n\n\n\n\nTwo.\n\nThree.\n"
    doc = read_text(text)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["line"] + ["blank"] * MAX_BLANK_RUN + ["line", "blank", "line"]
    for block in doc.blocks:
        if block.text:
            assert text[block.start : block.start + len(block.text)] == block.text
    assert [b.line for b in doc.blocks if b.text] == [1, 6, 8]


def test_break_runs_are_shortened_but_text_between_breaks_stays():
    import lxml.html

    root = lxml.html.fromstring("<div>a<br><br> <br>\n<br>b<br>c<br><br><span>d</span><br><br><br></div>")
    collapse_breaks(root)
    html = lxml.html.tostring(root, encoding="unicode")
    assert html.count("<br>") == MAX_BREAK_RUN + 1 + 2 + MAX_BREAK_RUN
    assert root.text_content() == "abcd"
