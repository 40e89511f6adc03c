"""Zones told by their shape (`cleanser.stages.generic_zone_shapes`): a tail of short furniture lines with no boundary
line, and a head of furniture lines above the article at the default level; and the article's own short lines
(a Q&A's last answers, a match report's line-ups, a changelog, a title, an ingredient list) that look like them and
stay. Every text here is our own."""

from __future__ import annotations

from test_generic_zones import ARTICLE

from cleanser import Cleaner
from cleanser.stages.generic_zones import HEAD_RULE, TAIL_RULE

CLEANER = Cleaner()  # the default level, `safe`


def zone_removals(text: str, cleaner: Cleaner = CLEANER):
    result = cleaner.clean(text)
    return result, [r for r in result.removed if r.kind == "zone"]


def test_a_sign_in_box_under_the_article_goes_with_no_boundary_line():
    """No line of the box is a boundary (no copyright, no learned header), but together they are furniture: short,
    no sentence that reads as the article's, half of them with the line scorer's words."""
    # (A lone "Sign in" or "Forgot password?" is a line rule's now: these lines are none.)
    box = ["Sign in to your account", "Reset your password", "Terms of Service Privacy Policy",
           "Don't have an account? Sign up"]
    result, zones = zone_removals("\n".join([*ARTICLE, *box]))
    (zone,) = zones
    assert zone.rule == TAIL_RULE and zone.text.split("\n") == box
    assert "furniture run of 4 short lines" in zone.evidence[0]
    assert result.text == "\n".join(ARTICLE)


def test_a_long_closing_list_with_two_furniture_words_in_it_stays():
    """Two items with a word of the line scorer's among many items with none: the article's list, not furniture."""
    items = ["Harbour Street", "Quay Road", "Terms of Service Privacy Policy", "Mill Lane", "Sign in to your account",
             "Church Walk", "Station Approach", "Ferry Lane"]
    result, zones = zone_removals("\n".join([*ARTICLE, *items]))
    assert zones == [] and result.text.split("\n")[-len(items):] == items


def test_a_repeated_comment_header_is_a_widget_s():
    """The same short line with a date in it, again and again: a comment list's headers, furniture whatever its
    words; the zone runs from the first to the end."""
    comments = [f"Dana Reyes 0{d}/03/2024 {h}:12 Reply" for d, h in ((4, 10), (4, 11), (5, 9), (6, 18))]
    result, zones = zone_removals("\n".join([*ARTICLE, *comments]))
    (zone,) = zones
    assert zone.text.split("\n") == comments
    assert result.text == "\n".join(ARTICLE)


def test_a_q_and_a_ending_in_short_answers_keeps_them():
    """A sentence with a button's words ("Read more") is no sign of furniture: short answers end a Q&A."""
    qa = ["Any advice?", "Read more than you write. Then write anyway.", "What next?", "Sleep, I hope."]
    result, zones = zone_removals("\n".join([*ARTICLE, *qa]))
    assert zones == [] and result.text.split("\n")[-4:] == qa


def test_repeated_headings_of_a_line_up_are_no_widget():
    """A word that comes back with no number or furniture word in it ("Substitutes") is an article's own heading;
    the share line under the list goes alone."""
    lineups = ["Substitutes", "A. Brown", "C. Dale", "Substitutes", "E. Ford", "G. Hale", "Substitutes", "I. Innes"]
    result, zones = zone_removals("\n".join([*ARTICLE, *lineups, "Share this"]))
    assert zones == []
    assert result.text.split("\n")[-len(lineups):] == lineups


def test_a_short_line_and_a_sign_off_above_a_furniture_run_stay():
    """The run goes up from its first line with furniture words only over lines that end no sentence and credit
    no one: an article's short closing line and a sign-off stay."""
    for last in ("More to come. Watch this space!", "Reporting by Jo Vance"):
        box = [last, "Terms of Service Privacy Policy", "Sign in to your account", "Go to the home page »"]
        result, zones = zone_removals("\n".join([*ARTICLE, *box]))
        assert last in result.text.split("\n")
        assert [z.text.split("\n") for z in zones] == [box[1:]]


def test_the_article_s_last_subhead_above_a_furniture_run_stays():
    """A line of some length with no furniture words right under the article is its own (a last subhead, a closing
    line with no full stop), though nothing in it stops a run; the furniture under it still goes."""
    last = "Why the ferry timetable matters more than the new pier"
    box = ["Terms of Service Privacy Policy", "Sign in to your account", "Go to the home page »"]
    result, zones = zone_removals("\n".join([*ARTICLE, last, *box]))
    assert last in result.text.split("\n")
    assert [z.text.split("\n") for z in zones] == [box]


def test_a_menu_above_the_article_goes_at_safe_when_its_words_say_so_and_the_title_stays():
    menu = ["Home", "Local", "Sport", "Weather"]
    # A short title, even one with a menu's word in it, stays.
    for title in ("Pier reopens", "Home sweet home"):
        result, zones = zone_removals("\n".join([*menu, title, *ARTICLE]))
        (zone,) = zones
        assert zone.rule == HEAD_RULE and zone.text.split("\n") == menu and "above the article" in zone.evidence[0]
        assert result.text == "\n".join([title, *ARTICLE])


def test_a_head_of_words_no_furniture_word_vouches_for_stays_at_safe():
    """Section names the line scorer has no words for, an ingredient list, and a kicker of four words or more
    with one word of the line scorer's: the article's, or not known to be furniture."""
    for top in (
        ["Harbour", "Ferries", "Tides", "Lighthouses", "Ferry terminal opens late"],
        ["Flour", "400 g", "Butter", "Sugar", "Eggs"],
        ["Search", "Menu", "No timetable from the operator yet", "Ferry terminal opens late"],
    ):
        result, zones = zone_removals("\n".join([*top, *ARTICLE]))
        assert all("Ferry terminal" not in z.text and "400 g" not in z.text for z in zones)
        assert result.text.endswith("\n".join([top[-1], *ARTICLE]))
        assert [z for z in zones if z.rule == HEAD_RULE and top[-2] in z.text.split("\n")] == []


def test_a_list_the_article_introduces_stays_whatever_its_items_say():
    """A line ending with a colon introduces the article's list: its items stay though one holds a boundary's word
    ("Newsletter") and the lines around it look like a menu."""
    items = ["Search in comments", "Share sheets for groups", "Newsletter archive in the app", "Sign in with a passkey"]
    result, zones = zone_removals("\n".join([*ARTICLE, "The new version adds:", *items]))
    assert zones == [] and result.text.split("\n")[-4:] == items
