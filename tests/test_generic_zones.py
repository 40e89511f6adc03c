"""The zone stage (`cleanser.stages.generic_zones`): the tail of page furniture below a plain-text article goes from
its boundary to the end, with its evidence in the audit; an article that goes on below a boundary-like word, or ends
with a list, keeps every line; and the guard's exception for a tail zone holds only for a tail that runs to the end.
Every text here is our own."""

from __future__ import annotations

from cleanser import Cleaner
from cleanser.document import LINE, Block, Document, Removal
from cleanser.rules.book import RuleBook
from cleanser.settings import GuardSettings
from cleanser.stages.generic_zones import TAIL_RULE, boundary_score, vocabulary
from cleanser.stages.guard import guard

ARTICLE = [
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later "
    "than planned, after a dispute with the builder over the cost of the steel frame.",
    "Residents who had campaigned for the terminal said they were relieved, though several told the council "
    "meeting that the delays had already cost the town a summer of visitors and trade.",
    "The authority's chief executive said the final bill would be about a fifth higher than the first estimate, "
    "and that the difference would be met from reserves rather than from higher fees.",
    "Work on the passenger hall is due to start next month, once the last of the old warehouses on the quay has "
    "been cleared and the contractor has moved its cranes from the north pier.",
    "The ferry company said its timetable would not change while the work went on, and that passengers would "
    "board from a temporary pontoon beside the lifeboat station until the hall opened.",
    "A public meeting on the plans for the car park and the new bus stop will be held at the town hall on the "
    "first Thursday of next month, the council said.",
]

COMMENTS = [
    "2 Comments",
    "Maria Keller",
    "March 4, 2024 at 9:12 am",
    "I took that ferry every week for ten years and the old terminal was falling apart long before anyone admitted "
    "it, so I am glad something is finally happening, even if it is late and over budget and nobody will say why.",
    "Reply",
    "Tom Ashby",
    "March 4, 2024 at 11:40 am",
    "Two years late is generous.",
    "Reply",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comment *",
    "Name *",
    "Email *",
    "Website",
]

RELATED = [
    "More from the Gazette",
    "Council approves new harbour wall",
    "Ferry operator names new chief executive",
    "Fishing fleet returns to the old quay",
    "Newsletter",
    "Privacy policy",
    "Terms of use",
]

CLEANER = Cleaner()


def zones(result) -> list[Removal]:
    return [r for r in result.removed if r.rule == TAIL_RULE]


def test_a_comments_tail_goes_from_its_header_to_the_end_with_its_evidence():
    result = CLEANER.clean("\n".join(ARTICLE + COMMENTS))
    assert result.text == "\n".join(ARTICLE)
    (zone,) = zones(result)
    # The header went to a rule ("2 Comments"); the zone takes every kept line under it, the long comment too (the
    # guard's exception to check 1), in one removal with its score and its evidence.
    assert zone.plugin == "generic" and zone.kind == "zone" and zone.refused is None
    # Lines a rule knows ("Leave a Reply", a form's labels) went to their rules first.
    ruled = {removal.text for removal in result.removed if removal.kind == "line"}
    assert {"2 Comments", "Leave a Reply"} <= ruled
    assert zone.text.split("\n") == [line for line in COMMENTS[1:] if line not in ruled]
    assert zone.score is not None and zone.evidence
    assert zone.evidence[0].startswith("boundary removed by ")
    assert zone.to_dict()["evidence"] == list(zone.evidence)
    assert not result.refused


def test_a_related_list_tail_goes_from_its_marker():
    result = CLEANER.clean("\n".join(ARTICLE + RELATED))
    assert result.text == "\n".join(ARTICLE)
    (zone,) = zones(result)
    assert zone.text.split("\n") == RELATED[1:]  # the marker went to its own rule, the zone took the list under it


def test_a_german_comment_form_is_a_boundary_by_the_learned_vocabulary():
    form = [
        "Schreibe einen Kommentar",
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Kommentar",
        "Name *",
        "E-Mail *",
    ]
    result = CLEANER.clean("\n".join(ARTICLE + form))
    # The form's heading and its notes are lines rules know now; what they leave goes as a zone, and the form's
    # note, alone, would still be a boundary by the learned vocabulary.
    assert zones(result) and result.text == "\n".join(ARTICLE)
    score, found = boundary_score(form[1], vocabulary()["boundary"])
    assert score >= 2 * vocabulary()["threshold"] and found


def test_an_article_that_goes_on_after_a_related_heading_keeps_every_line():
    """A heading with a boundary's word, then more of the article: the first line under it reads as prose."""
    text = "\n".join(
        [
            *ARTICLE[:4],
            "Related developments",
            "In a related move, the council said it would ask the ferry company to pay for a new footpath from the "
            "station to the quay, which residents have asked for since the old one was closed.",
            ARTICLE[4],
            "More from the Gazette",
            ARTICLE[5],
        ]
    )
    result = CLEANER.clean(text)
    assert zones(result) == []
    for line in (*ARTICLE, "Related developments"):
        assert line in result.text


def test_an_article_ending_with_a_list_of_dates_keeps_it():
    """A list introduced by a colon, a share line in it, a sentence after it: all the article's."""
    dates = [
        "The remaining sailings of the old ferry are:",
        "Saturday 4 May, 10:00 and 14:00",
        "Share this article",
        "Sunday 5 May, 11:00",
        "Saturday 11 May, 10:00",
        "© 2024 Harbour Gazette",
    ]
    result = CLEANER.clean("\n".join(ARTICLE + dates))
    assert zones(result) == []
    for line in (*ARTICLE, *dates[:2], *dates[3:5]):
        assert line in result.text
    # A paragraph after a share line, with nothing but removed lines under it, is the article going on.
    text = "\n".join([*ARTICLE[:5], "Follow us on Twitter", ARTICLE[5], "Sign up for our newsletter"])
    result = CLEANER.clean(text)
    assert zones(result) == [] and ARTICLE[5] in result.text


def test_off_and_html_leave_zones_alone():
    text = "\n".join(ARTICLE + RELATED)
    assert zones(Cleaner(generic="off").clean(text)) == []
    html = "<article>" + "".join(f"<p>{p}</p>" for p in ARTICLE + RELATED) + "</article>"
    assert zones(CLEANER.clean(html)) == []


def _doc(texts: list[str]) -> Document:
    return Document([Block(t, LINE, line=i + 1) for i, t in enumerate(texts)], source="text")


def test_the_guard_lets_a_tail_zone_take_prose_only_when_it_runs_to_the_end():
    long_comment = COMMENTS[3]
    assert len(long_comment.split()) > 25
    # To the end: allowed. The header and the comment with an article line left under them: refused.
    for tail, end, refused in (([long_comment, "Reply"], None, False), ([long_comment, ARTICLE[5]], 7, True)):
        doc = _doc([*ARTICLE[:5], "Leave a Reply", *tail])
        taken = doc.blocks[5:end]
        zone = Removal(TAIL_RULE, "generic", "\n".join(b.text for b in taken), "zone", score=0.9, evidence=("x",))
        for block in taken:
            block.removal = zone
        guard(doc, RuleBook([]), GuardSettings(), {"generic"})
        assert (zone.refused is not None) is refused
        if refused:
            assert "words of prose" in zone.refused


def test_the_head_zone_takes_a_menu_above_the_article_at_aggressive_only():
    # Section names the line scorer has no words for (it takes "Home", "News", "Sport" itself at aggressive).
    menu = ["Harbour", "Ferries", "Tides", "Lighthouses", "Ferry terminal opens late"]
    text = "\n".join(menu + ARTICLE)
    assert [r for r in CLEANER.clean(text).removed if r.kind == "zone"] == []
    result = Cleaner(generic="aggressive").clean(text)
    (head,) = [r for r in result.removed if r.rule.endswith("zone-head")]
    # The run's last line may be a short title: it stays, and so does every line of the article.
    assert head.text.split("\n") == menu[:4] and head.kind == "zone" and head.evidence
    assert result.text == "\n".join(menu[4:] + ARTICLE)
    # An ingredient list at the top is no menu: a line with a digit ends the run.
    recipe = ["Flour", "400 g", "Butter", "Sugar", "Eggs"]
    assert not [r for r in Cleaner(generic="aggressive").clean("\n".join(recipe + ARTICLE)).removed if r.kind == "zone"]


def test_a_lone_sentence_under_a_removed_promo_line_is_the_article_s():
    """An inline promo line a rule removes, then the article's last lines: a short closing sentence, a sign-off."""
    for last in (
        ["Jo Vance covers transport for the Gazette and can be reached by email."],
        ["The council did not respond to a request for comment.Reporting by Jo Vance; Editing by Sam Lee"],
    ):
        text = "\n".join([*ARTICLE, "Sign up for our newsletter", *last, "© 2024 Harbour Gazette"])
        result = CLEANER.clean(text)
        assert zones(result) == [] and last[0] in result.text


def test_an_article_s_closing_list_above_a_removed_footer_stays():
    """A rule takes the footer and nothing is kept under it: the short items above it are the article's list (a
    changelog, the features of a release), whatever words they hold; the zone takes nothing there."""
    items = ["Shared folders", "Link expiry dates", "Fixed the missing avatar on mobile", "Faster search for teams"]
    text = "\n".join([*ARTICLE, *items, "© 2024 Harbour Gazette Media. All rights reserved."])
    result = Cleaner(generic="safe").clean(text)
    assert [r.kind for r in result.removed if "©" in r.text] == ["line"]  # the footer went by a rule
    assert not [r for r in result.removed if r.kind == "zone"]
    assert result.text.split("\n")[-4:] == items


def test_the_article_s_last_line_above_a_comment_form_stays_though_it_has_no_full_stop():
    """The line right above a comment form's boundary goes with the form only on a boundary's evidence: an
    article's last line that ends in an emoji and holds a button's words ("gefällt mir") is the article's."""
    last = "Nach dem Lauf fühlt man sich stark, und das gefällt mir 😉"
    form = [
        "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
        "Kommentar",
        "Name *",
        "E-Mail *",
        "Website",
    ]
    result = Cleaner(generic="safe").clean("\n".join([*ARTICLE, last, *form]))
    assert last in result.text.split("\n")
    assert "Erforderliche Felder" not in result.text  # the form still goes


def test_a_legal_footer_written_as_prose_is_no_article_line():
    """A long copyright footer at the end reads as prose by its shape; its sign and words say it is the page's, so the
    document does not end on the article, and the footer goes as a tail."""
    footer = (
        "© 2024 Harbour Media LLC. Nothing on these pages may be printed again without the permission of the "
        "editors; see the Impressum for the publisher, its address and the names of the editors."
    )
    result = Cleaner(generic="safe").clean("\n".join([*ARTICLE, footer]))
    assert result.text == "\n".join(ARTICLE)
    (zone,) = result.removed
    assert zone.rule == "generic/zone-tail" and "a legal footer" in zone.evidence[0]


def test_an_article_paragraph_about_copyright_stays_article():
    """The word "copyright" and a rights vocabulary in a paragraph are the article's: only the sign with the words of
    a legal footer make a line the page's."""
    last = (
        "The photographer said all rights reserved by the agency had been ignored, and that her copyright in the "
        "pictures of the harbour was worth more than the council had offered to pay for them."
    )
    result = Cleaner(generic="safe").clean("\n".join([*ARTICLE, last]))
    assert result.text == "\n".join([*ARTICLE, last]) and result.removed == []
