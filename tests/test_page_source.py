"""How read/page.py reads a page's source as a browser shows it: a ruby's annotation (furigana, pinyin) is a reading
aid over the words it glosses, which stay while the annotation goes (the text is not doubled: "子こども"); a
noscript element is raw text up to its end, never markup that could swallow the page."""

from __future__ import annotations

import cleanser

BODY = (
    "<ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための"
    "<ruby>法律<rt>ほうりつ</rt></ruby>ができました。親が子どもを教育するために体罰をすることは禁止になりました。"
    "児童相談所の力も強くなり、医者や保健師が相談を聞くことになりました。"
)


def test_the_annotation_goes_and_the_words_it_glosses_stay():
    text = cleanser.clean(f"<html><body><article><h1>法律</h1><p>{BODY}</p></article></body></html>").text
    assert "子どもへの虐待をなくすための法律ができました。" in text
    assert "こども" not in text.split("\n", 1)[1].replace("子ども", "")  # no annotation doubles a word
    assert "ぎゃくたい" not in text and "(" not in text


def test_a_ruby_without_annotation_markup_is_text_like_any_other():
    text = cleanser.clean("<p><ruby>漢字</ruby>のテスト、東京で行われた。</p>").text
    assert "漢字のテスト" in text


ARTICLE = (
    "The harbour board voted on Tuesday night to close the old fish market at Kelby Quay after engineers found that "
    "the timber piles under its western half had rotted through in several places."
)
SECOND = (
    "Traders who rent stalls there will move to a temporary hall on Mill Lane from the first of next month, and the "
    "board says it will put the cost of a new market to a public meeting before the summer."
)


def test_a_wrapper_opened_in_one_noscript_and_closed_in_another_does_not_swallow_the_page():
    page = f"""<!doctype html><html><head><title>Market</title></head><body>
<noscript><div id="no-js-wrapper"></noscript>
<div id="main"><h1>Kelby fish market to close</h1><div id="text"><p>{ARTICLE}</p><p>{SECOND}</p></div></div>
<noscript></div></noscript>
<script>document.write("<noscript>");</script>
</body></html>"""
    text = cleanser.clean(page).text
    assert ARTICLE in text and SECOND in text


def test_noscript_text_is_still_junk_and_a_noscript_inside_a_script_string_hides_nothing():
    page = f"""<html><body><article><h1>Kelby fish market to close</h1>
<script>var s = "<noscript>";</script><p>{ARTICLE}</p>
<noscript><p>Please enable JavaScript to read the comments.</p></noscript><p>{SECOND}</p>
</article></body></html>"""
    text = cleanser.clean(page).text
    assert ARTICLE in text and SECOND in text
    assert "enable JavaScript" not in text
