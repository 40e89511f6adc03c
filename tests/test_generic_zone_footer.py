"""A site's legal footer in a plain text (`cleanser.stages.generic_zone_footer`): a line that opens with a copyright
notice is a tail's boundary and no article prose, and under a dated one what the page put after its footer (a
cookie banner, a "support us" box) goes with it; an article's own lines that hold a copyright sign or the word stay.
Every text here is our own."""

from __future__ import annotations

import pytest

from cleanser import Cleaner
from cleanser.stages.generic_zone_footer import dated_notice, opens_with_notice
from cleanser.stages.generic_zones import TAIL_RULE

ARTICLE = [
    "The county's library service will keep all eleven branches open next year, the council said on Monday, after "
    "a review that had looked at closing the three smallest ones to save money.",
    "Opening hours at four branches will be cut by a day a week instead, and the mobile library that serves the "
    "villages in the hills will run every fortnight rather than every week.",
    "Librarians said the review had been a worrying time, and that the branches were used far more than the "
    "figures suggested, as most visitors came to study or to use the computers rather than to borrow books.",
    "The council's cabinet member for culture said the savings would come from the book budget and from sharing "
    "a building with the registry office in the market town, which the staff had suggested themselves.",
    "Friends of the libraries, a group formed when the review began, said it would keep raising money for the "
    "branches and would ask the council to publish how often each one was used, month by month, from next year.",
    "The final decision will be taken at the full council meeting in March, when the budget for the coming year "
    "is set, but the cabinet member said she did not expect the plan to change before then.",
]

SHORT_FOOTER = "© 2023 Northfield Press Ltd. Theme: Harbour by Example Studio. Proudly powered by WordPress."
AFTER_FOOTER = [
    "We use cookies on this website to give you the most relevant experience by remembering your preferences "
    "and repeat visits, and you can change what you allow at any time.",
    "Our reporting is free to read for everyone. If you can, please chip in five pounds today.",
]


def _clean(lines: list[str], level: str = "safe"):
    return Cleaner(generic=level).clean("\n".join(lines))


@pytest.mark.parametrize(
    "line",
    [
        SHORT_FOOTER,
        "Copyright © 2020 by: northfield.example • Design by: Example Studio • Licence: Creative Commons BY-NC-SA.",
        "Northfield Local © 2022 | Built with Example CMS. Hosting by Example Host.",
        "© Northfield Evening Times. All times GMT (+01:00)",
    ],
)
def test_a_footer_line_opening_with_a_notice_goes_as_a_tail(line: str):
    """No rule names these notices (a theme's credit, a host, a time zone): the opening says what they are."""
    for level in ("safe", "aggressive"):
        result = _clean([*ARTICLE, line], level)
        assert result.text == "\n".join(ARTICLE), level
        (zone,) = [r for r in result.removed if r.kind == "zone"]
        assert zone.rule == TAIL_RULE and zone.text == line
        assert "copyright notice" in " ".join(zone.evidence)


def test_what_the_page_put_after_a_dated_notice_goes_with_it():
    """A cookie banner and a donation box under the footer read as prose: under a dated notice they go too."""
    result = _clean([*ARTICLE, SHORT_FOOTER, *AFTER_FOOTER])
    assert result.text == "\n".join(ARTICLE)
    (zone,) = [r for r in result.removed if r.kind == "zone"]
    assert zone.text.split("\n") == [SHORT_FOOTER, *AFTER_FOOTER]
    assert any("dated copyright notice" in e for e in zone.evidence)


def test_a_notice_above_most_of_the_article_takes_nothing():
    """Two articles scraped into one text, each with its footer: under the first notice stands as much article as
    above it, so it is no page's foot, and the second article stays whole."""
    second = [
        "The swimming pool on the river bank will reopen in May after its roof was repaired, the leisure trust said, "
        "and the price of a family ticket will stay the same for the whole of the summer season.",
        "Swimming clubs that had moved their training to the school pool across town said they would come back as "
        "soon as the lanes were free, and the trust said it would offer them the early morning hours first.",
        "The repair cost less than expected because the steel beams were sound, the trust's engineer said, and only "
        "the panels and the gutters had to be replaced after the storms of the winter before last.",
        "A new cafe will open beside the pool in June, run by the same family that runs the kiosk in the park, "
        "which will close when the cafe opens, the trust said in a statement.",
    ]
    result = _clean([*ARTICLE, SHORT_FOOTER, *second])
    for line in [*ARTICLE, *second]:
        assert line in result.text


@pytest.mark.parametrize(
    "last",
    [
        # A picture's credit at the end of its caption: the caption is the article's.
        "The reading room of the central library after its refurbishment last spring. © Jane Doe",
        # The word and a year open a sentence of the article.
        "Copyright lawyers said in 2021 that the council's scanning of old maps would need the publishers' consent.",
        # The sign anywhere but at the start says nothing.
        "This is no manifesto™© we just think it is worth sharing what the branches learned during the review.",
        # "(c)" without a year letters the third item of a legal list.
        "(c) The authority shall publish the accounts of each branch within six months of the year's end.",
    ],
)
def test_an_article_s_last_line_with_a_sign_or_the_word_stays(last: str):
    result = _clean([*ARTICLE, last])
    assert result.text == "\n".join([*ARTICLE, last])
    assert not result.removed


def test_a_credit_between_paragraphs_stays():
    """A dated credit line between the article's paragraphs (a photograph's) is no footer: the article goes on
    under it."""
    credit = "© 2023 Jane Doe"
    lines = [*ARTICLE[:2], credit, *ARTICLE[2:]]
    result = _clean(lines)
    for line in ARTICLE:
        assert line in result.text


def test_the_shapes():
    assert opens_with_notice("© Northfield Times") and not dated_notice("© Northfield Times")
    assert dated_notice("Copyright © 2001-2023 Northfield Media")
    assert dated_notice("Northfield Local © 2022. All rights reserved.")
    assert not opens_with_notice("Northfield Local, a paper that has © on every page since 2022")
    assert not opens_with_notice("Copyright reform was debated in 2019.")
    assert not opens_with_notice("The harbour at dusk © Jane Doe")


def test_a_notice_under_the_article_s_last_paragraph_changes_nothing_above_it():
    """A document that ends on a paragraph of the article and a notice is read as one that ends on the article: the
    notice goes alone, and a related box the article's last paragraphs stand around stays, as it would without the
    notice."""
    related = [
        "Related stories",
        "Town hall clock to be repaired after twenty years",
        "Ferry fares rise in spring for the first time",
        "New cycle path along the river opens next week",
        "Market square to close for two weekends in June",
        "School choir wins regional prize for folk songs",
        "Council names new head of its planning department",
        "Bakery on the high street closes after ninety years",
        "Rugby club looks for a new ground north of the town",
        "Lifeboat crew rescues two walkers from the cliffs",
        "Bus station roof to be replaced over the summer",
        "Allotment holders protest against higher rents",
        "Cinema shows silent films with a live organist",
        "Harbour wall repairs to start before the winter",
        "Youth orchestra plays its first concert abroad",
        "The museum's winter exhibition drew more visitors than any before it.",
        "Volunteers planted four hundred trees along the old railway line.",
    ]
    notice = "© Northfield Evening Times and its writers, who keep every right to what is printed on these pages."
    without = _clean([*ARTICLE[:4], *related, *ARTICLE[4:]])
    result = _clean([*ARTICLE[:4], *related, *ARTICLE[4:], notice])
    assert result.text == without.text
    (zone,) = [r for r in result.removed if r.kind == "zone"]
    assert zone.text == notice


def test_a_page_of_lines_under_a_dated_notice_is_no_footer_s_banner():
    """Under a page's footer stand a banner or two; a list of a dozen lines there (a shop's cart, another section)
    is not taken with it."""
    items = [f"Single origin beans from farm number {n}, washed" for n in ("one", "two", "three", "four", "five")]
    items += ["Grinder, hand-cranked", "Filter papers, a hundred", "Gift card"]
    result = _clean([*ARTICLE, SHORT_FOOTER, *items])
    for line in items:
        assert line in result.text
