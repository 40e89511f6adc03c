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


XHTML = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html
     PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
     "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>Market</title>
<style>.menu {{ float: left; }} .x {{ color: red; }}</style>
{"".join(f'<link rel="stylesheet" type="text/css" href="/static/css/part-{i}.css" media="all" />' for i in range(80))}
</head>
<body><ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>
<div id="main"><h1>Kelby fish market to close</h1><p>{ARTICLE}</p><p>{SECOND}</p></div></body></html>"""


def test_an_xhtml_page_that_opens_with_an_xml_declaration_is_read_as_a_page():
    # Read as text, the page came out whole: its markup, its style sheet and its menu as lines of text.
    result = cleanser.clean(XHTML)
    assert ARTICLE in result.text and SECOND in result.text
    assert "<" not in result.text and "float: left" not in result.text


def test_a_page_saved_without_its_html_and_head_tags_that_opens_with_a_script_is_read_as_a_page():
    page = (
        '<script src="/cdn/app.js"></script><style>.header {float: left; margin: 0 20px 0 0;}</style>'
        + "\n".join(f"<style>.c{i} {{ color: #333; }}</style>" for i in range(200))
        + f"<div id='main'><h1>Kelby fish market to close</h1><p>{ARTICLE}</p><p>{SECOND}</p></div>"
    )
    text = cleanser.clean(page).text
    assert ARTICLE in text and SECOND in text
    assert "float: left" not in text and "color: #333" not in text


def test_text_that_mentions_a_tag_is_still_text():
    text = "Use <script> tags sparingly.\nThe market closes on Friday."
    assert cleanser.clean(text).text == text
