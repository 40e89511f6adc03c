"""Text input: layouts detected and paragraphs rebuilt, hyphens joined only when the word is evident, headings,
lists and quotes recognised, glued and inline promo taken out with the sentence made whole, odd spaces normalised;
and nothing else about a text input's text changes."""

from __future__ import annotations

import pytest
from conftest import make_cleaner
from markdown_it import MarkdownIt

import cleanser
from cleanser.document import BLANK, LINE, Block
from cleanser.stages.structure import detect_layout
from cleanser.text import continues

WRAPPED = """Flood barrier plan approved

The city council approved plans on Tuesday for a flood barrier across
the mouth of the river, after three years of consultation with resid-
ents and businesses along the waterfront. The barrier will protect
about 4,000 homes from tidal surges and is expected to cost £80m, most
of it from a national fund for well-
known flood risks.

Work on the barrier will begin next spring. The residents who had
objected to the plan said they were disappointed but would not appeal
the decision, which they described as a foregone conclusion, and said
they would now concentrate on the design of the riverside path.
"""


def blocks_of(result):
    return [(b["kind"], b["text"]) for b in result.blocks]


def test_wrapped_text_is_unwrapped_and_hyphens_joined_only_when_evident():
    result = cleanser.clean(WRAPPED)
    assert result.document.layout == "wrapped"
    assert blocks_of(result) == [
        ("heading", "Flood barrier plan approved"),
        (
            "paragraph",
            "The city council approved plans on Tuesday for a flood barrier across the mouth of the river, after "
            "three years of consultation with residents and businesses along the waterfront. The barrier will "
            "protect about 4,000 homes from tidal surges and is expected to cost £80m, most of it from a national "
            "fund for well-known flood risks.",  # "residents" is used elsewhere; "wellknown" is not
        ),
        (
            "paragraph",
            "Work on the barrier will begin next spring. The residents who had objected to the plan said they were "
            "disappointed but would not appeal the decision, which they described as a foregone conclusion, and "
            "said they would now concentrate on the design of the riverside path.",
        ),
    ]
    assert result.text.split("\n\n")[1].startswith("The city council approved plans on Tuesday for a flood barrier")


def lines(*texts: str) -> list[Block]:
    return [Block(text=t, kind=BLANK if not t else LINE) for t in texts]


def test_layout_detection():
    long = "A full line of article text that runs on for a good while, as paragraphs do in articles."
    assert detect_layout(lines(long, long, long, long)) == "lines"
    assert detect_layout(lines(long, "", long, "", long, "", long)) == "blank"
    wrapped = [
        "The port authority said on Monday that the new crane would be",
        "delivered in March and would double the number of containers the",
        "terminal can handle in a day, a change it has sought for years.",
        "The crane was built abroad and will arrive by sea in two parts,",
        "which will be joined on the quay over three weeks before testing",
        "begins, the authority said in a statement to shipping companies.",
    ]
    assert detect_layout(lines(*wrapped)) == "wrapped"


def test_one_paragraph_per_line_keeps_short_lines_as_paragraphs():
    text = (
        "The mayor said the bridge would reopen in June, three months later than planned, after engineers found "
        "more corrosion than expected.\n"
        "It will not.\n"
        "Residents said they had heard the same promise twice before, and that the closure had doubled the time "
        "it takes to drive to the hospital.\n"
        "The council meets on Thursday."
    )
    result = cleanser.clean(text)
    assert result.text == text  # a text input's text is never rewritten beyond what the issue asks
    assert [b["kind"] for b in result.blocks] == ["paragraph"] * 4


def test_headings_lists_and_quotes_in_text():
    text = (
        "## What happens next\n"
        "The inquiry will sit for six weeks from September and will hear from:\n"
        "1. residents of the estate\n"
        "2. the housing association\n"
        "3. the fire service\n"
        "> We want answers, not another report.\n"
        "- said one tenant, who asked not to be named\n"
        "The report is due next spring."
    )
    result = cleanser.clean(text)
    assert result.text == text
    assert blocks_of(result) == [
        ("heading", "What happens next"),
        ("paragraph", "The inquiry will sit for six weeks from September and will hear from:"),
        ("list_item", "residents of the estate"),
        ("list_item", "the housing association"),
        ("list_item", "the fire service"),
        ("quote", "We want answers, not another report."),
        ("paragraph", "- said one tenant, who asked not to be named"),  # one marked line alone is not a list
        ("paragraph", "The report is due next spring."),
    ]
    md = result.markdown
    tokens = [t.type for t in MarkdownIt("commonmark").parse(md)]
    assert tokens.count("heading_open") == 1 and tokens.count("list_item_open") == 3
    assert tokens.count("blockquote_open") == 1 and "\\- said one tenant" in md


def test_glued_promo_is_split_off_the_sentence():
    rules = {"name": "t", "domains": ["t.example"],
             "rule": [{"id": "read", "match": "Read the full article here", "glued": "end"}]}
    text = (
        "Officials said all the drones were shot down by air defences.Read the full article here\n"
        "The attack came hours before talks were due to begin."
    )
    result = make_cleaner(rules).clean(text, url="https://t.example/x")
    assert result.text == (
        "Officials said all the drones were shot down by air defences.\n"
        "The attack came hours before talks were due to begin."
    )
    assert [(r.text, r.where) for r in result.removed] == [("Read the full article here", "glued")]


def test_paragraph_cut_by_an_inline_promo_line_is_joined():
    text = (
        "Council tax to rise\n"
        "The council said the increase, the largest in a decade, would pay for\n"
        "Sign up for our newsletter\n"
        "social care and road repairs over the next two years.\n"
        "It will be voted on next week."
    )
    result = cleanser.clean(text)
    assert result.text == (
        "Council tax to rise\n"
        "The council said the increase, the largest in a decade, would pay for social care and road repairs over "
        "the next two years.\n"
        "It will be voted on next week."
    )
    assert [r.where for r in result.removed] == ["inline"]


def test_paragraphs_are_not_joined_without_evidence():
    text = (
        "Council tax to rise\n"
        "The council said the increase would pay for social care.\n"
        "Sign up for our newsletter\n"
        "roads will get a smaller share, officials said.\n"
        "Bus fares\n"
        "Sign up for our newsletter\n"
        "fares will be frozen for a year."
    )
    out = cleanser.clean(text).text.split("\n")
    assert out == [
        "Council tax to rise",
        "The council said the increase would pay for social care.",  # ends a sentence: not cut
        "roads will get a smaller share, officials said.",
        "Bus fares",  # a short label, not a cut sentence
        "fares will be frozen for a year.",
    ]


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("The minister said the scheme would be", "extended to rural areas next year.", True),
        ("The minister said the scheme would be", ", in effect, extended to rural areas.", True),
        ("The minister said the scheme worked.", "extended to rural areas next year.", False),
        ("The minister said the scheme would be", "Extended coverage begins in May.", False),
        ("Rural areas", "extended to rural areas next year.", False),
    ],
)
def test_continues(first, second, joined):
    assert continues(first, second) is joined


def test_odd_whitespace_is_read_as_spaces_and_written_as_it_was():
    text = "Prices\u00a0rose by 4\u200b per cent in\u2009March, the\u202foffice for national statistics said."
    result = cleanser.clean(text)
    assert result.text == text  # the text output gives a text input back as written
    plain = "Prices rose by 4 per cent in March, the office for national statistics said."
    assert result.markdown.strip() == plain and [b["text"] for b in result.blocks] == [plain]
    # Rules read the odd spaces as spaces: the promo goes, and the article line around it keeps its own.
    promo = "Read\u00a0the full\u2009article here"
    cut = cleanser.clean(f"{text}\n{promo}", url="https://www.ft.com/content/0000")
    assert [r.rule for r in cut.removed] == ["ft/read-full-article"] and cut.text == text


def test_blank_line_layout_round_trips_through_markdown():
    text = (
        "Storm closes coast road\n\n"
        "The coast road between the two villages was closed on Sunday after a landslip.\n\n"
        "Diversions:\n\n"
        "- via the moor road\n"
        "- via the ferry, which will run every hour\n\n"
        "Engineers will inspect the slope on Monday."
    )
    result = cleanser.clean(text)
    assert result.text == text and result.document.layout == "blank"
    tokens = MarkdownIt("commonmark").parse(result.markdown)
    texts = [t.content for t in tokens if t.type == "inline"]
    assert texts == [b["text"] for b in result.blocks]


def test_lines_ending_in_cjk_full_stops_are_terminated_and_never_unwrapped():
    # Before one sentence vocabulary (cleanser.text), the structure stage did not know "。": seven Chinese sentence
    # lines read as a hard-wrapped paragraph and were joined into one line, with spaces put between them.
    from cleanser import clean

    lines = [
        "市议会周一批准了新的公交线路计划。",
        "市长表示这条线路将连接港口和新的住宅区。",
        "反对者则认为费用过高，要求重新审议。",
        "工程预计明年春天开始，耗时两年完成。",
        "港口管理局表示欢迎这一决定的通过。",
        "居民将在下个月的公开会议上提出意见。",
        "交通部门会在网站上公布详细的路线图。",
    ]
    assert clean("\n".join(lines) + "\n").text == "\n".join(lines) + "\n"
