"""The silver line labels `bench/fit_generic.py` trains the line scorer on (`bench/silver_lines.py`): which lines of a
page its markup marks as furniture, and which elements it must not take for furniture. On a page of our own."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from silver_lines import block_lines, furniture_lines

PARAGRAPH = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later "
    "than planned, after a dispute with the builder over the cost of the steel frame."
)

PAGE = f"""<html><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li></ul></nav>
<article class="article-body">
  <h1>Ferry terminal delayed again</h1>
  <p>{PARAGRAPH}</p>
  <aside><p>Fact box: the terminal in figures</p></aside>
  <div class="share-bar"><a href="#">Teilen</a><span>Auf Facebook teilen</span></div>
  <p>{PARAGRAPH}</p>
</article>
<div class="comment-respond"><h3>Kommentar schreiben</h3><label>Name *</label><button>Senden</button>
  <select><option>Deutschland</option><option>Österreich</option></select></div>
<footer><p>© 2024 Harbour Gazette</p><a href="/impressum">Impressum</a></footer>
</body></html>"""


def test_furniture_lines_are_the_short_lines_of_marked_elements_one_per_block():
    found = furniture_lines(PAGE)
    lines = [line for line, *_ in found]
    assert lines == [
        "Startseite", "Politik",  # <nav>
        "Teilen Auf Facebook teilen",  # class "share-bar": a link and a span, one block
        "Kommentar schreiben", "Name *", "Senden",  # a comment form: its controls, not its country list
        "© 2024 Harbour Gazette", "Impressum",  # <footer>
    ]
    kinds = {line: (kind, link) for line, _, kind, link in found}
    # Menu items are links of a list (their words name the site's sections); a footer's and a share bar's speak to
    # the reader.
    assert kinds["Politik"] == ("list", True) and kinds["Impressum"] == ("ui", True)
    assert kinds["Teilen Auf Facebook teilen"] == ("ui", False)


def test_an_aside_inside_the_article_and_the_article_itself_are_no_furniture():
    lines = {line for line, *_ in furniture_lines(PAGE)}
    assert "Fact box: the terminal in figures" not in lines
    assert "Ferry terminal delayed again" not in lines and PARAGRAPH not in lines


def test_a_form_wrapping_the_whole_page_is_no_furniture():
    page = f"<html><body><form id='aspnetForm'><div><h1>Ferry terminal delayed</h1><p>{PARAGRAPH}</p>" \
           f"<p>{PARAGRAPH}</p></div></form></body></html>"
    assert furniture_lines(page) == []


def test_block_lines_split_at_blocks_and_keep_inline_text_together():
    import lxml.html

    el = lxml.html.fromstring("<div><p>Folgen Sie <b>uns</b>:</p><ul><li>Facebook</li><li>X</li></ul>Ende</div>")
    assert block_lines(el) == ["Folgen Sie uns:", "Facebook", "X", "Ende"]
