"""A ruby's annotation (furigana, pinyin) is a reading aid over the words it glosses (read/page.py): the words
stay, the annotation goes, so that the text reads as it is written and not doubled ("子こども")."""

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
