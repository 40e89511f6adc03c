"""The forms and boxes of other CMSs and plugins (`data/form_strings.json`, built by `bench/form_strings.py`) and
WordPress's login form (`data/cms_strings.json`): their lines go, in the languages their catalogues give, with their
evidence, through `stages/cms_strings.py`; a line that holds one of them and words of its own stays, and so does a
word or two of a form by itself."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from cleanser import Cleaner
from cleanser.read.text import read_text
from cleanser.stages.cms_strings import DATA_FILES, RULE, lookup, mark_lines

# Our own article: three paragraphs of invented prose.
PROSE = [
    "The harbour board said on Tuesday that the old ferry pier would close for repairs in the spring, after divers "
    "found that storms had loosened many of the timber piles that hold it up.",
    "Fishermen who moor beside the pier said they understood the decision, though several asked the board to keep "
    "the slipway open for small boats while the work goes on.",
    "The repairs are expected to last five months and to cost about two million, most of it from a regional fund "
    "for coastal works that the board applied to last year.",
]

CLEANER = Cleaner(generic="safe")


def gone(lines: list[str]) -> dict[str, tuple[str, ...]]:
    """The lines among `lines` that the stage marks between the paragraphs of the article, with their evidence; and
    a whole cleaning takes them all and keeps the article (there the line scorer may take one first)."""
    text = "\n".join([*PROSE[:2], *lines, PROSE[2]])
    result = CLEANER.clean(text)
    assert all(p in result.text for p in PROSE) and not set(lines) & set(result.text.split("\n"))
    doc = read_text(text)
    mark_lines(doc, "safe")
    return {b.removal.text: b.removal.evidence for b in doc.blocks if b.removal is not None}


def form_data() -> dict:
    return json.loads(resources.files("cleanser").joinpath("data", "form_strings.json").read_text(encoding="utf-8"))


def test_the_form_file_is_small_has_its_sources_and_is_read_with_the_others():
    assert "form_strings.json" in DATA_FILES
    folder = resources.files("cleanser").joinpath("data")
    sizes = [len(folder.joinpath(name).read_bytes()) for name in DATA_FILES]
    assert sizes[-1] < 100_000 and sum(sizes) < 800_000
    d = form_data()
    for entry in d["strings"]:
        source = d["sources"][entry["source"]]
        assert ("commit" in source or "PyPI" in source) and any(c.isdigit() for c in source), source
        assert entry["texts"] and all(locales for locales in entry["texts"].values())


@pytest.mark.parametrize(
    "line, msgid, source, locale",
    [
        # Plone's document actions and comment notes, from plone.app.locales.
        ("Send this page to somebody", "Send this page to somebody", "plone", "en"),
        ("Diese Seite an jemanden versenden.", "Send this page to somebody", "plone", "de"),
        ("Enviar esta página a alguien", "Send this page to somebody", "plone", "es"),
        ("Kommentare werden moderiert.", "Comments are moderated.", "plone", "de"),
        ("Les commentaires ont été désactivés.", "Commenting has been disabled.", "plone", "fr"),
        ("Powered by Plone", "Powered by Plone", "plone", "en"),
        # wpDiscuz's comment section, English and German.
        ("Be the First to Comment!", "Be the First to Comment!", "wpdiscuz", "en"),
        ("Hinterlassen Sie den ersten Kommentar!", "Be the First to Comment!", "wpdiscuz", "de_DE"),
        ("Bitte logge dich ein, um zu kommentieren", "Please login to comment", "wpdiscuz", "de_DE"),
        # A recipe card's button.
        ("Jump to Recipe", "Jump to Recipe", "wp-recipe-maker", "en"),
        # WordPress's comment form for a reader who is not logged in, from Debian's catalogues.
        ("You must be logged in to post a comment.", "You must be", "wp-core", "en"),
        ("Du musst angemeldet sein, um einen Kommentar abzugeben.", "You must be", "wp-core", "de_DE"),
        ("Vous devez être connecté pour rédiger un commentaire.", "You must be", "wp-core", "fr_FR"),
    ],
)
def test_a_line_of_each_new_source_goes_with_its_evidence(line, msgid, source, locale):
    found = lookup(line)
    assert found is not None and found[0].msgid.startswith(msgid) and locale in found[0].locales, found
    evidence = gone([line])[line]
    assert any(msgid in e and f"({source};" in e and locale in e for e in evidence), evidence


def test_a_subscription_bar_saved_as_one_line_goes_and_its_tabs_go_beside_it():
    # wpDiscuz's "Notify of" and its drop-down's two options, run together; its sort tabs under its heading.
    bar = "Notify of new follow-up comments new replies to my comments"
    assert [k.msgid for k in lookup(bar)] == ["Notify of", "new follow-up comments", "new replies to my comments"]
    taken = gone(["Join the discussion", bar, "Newest", "Oldest", "Most Voted"])
    assert set(taken) == {"Join the discussion", bar, "Newest", "Oldest", "Most Voted"}
    assert all(any("wpdiscuz" in e for e in ev) for ev in taken.values())
    german = "Benachrichtige mich bei allen neuen Kommentare nur Antworten zu meinen Kommentar/en"
    assert german in gone([german])


@pytest.mark.parametrize(
    "line",
    [
        # A form's string and words of the article's own.
        "Join the discussion about the new pier at the town hall on Thursday.",
        "Print Recipe cards were handed out to every visitor at the fair.",
        "Comments are moderated. The board will answer the questions it receives.",
        "Send this page to somebody who moors a boat at the pier, the board asked.",
        "Du musst angemeldet sein, um einen Kommentar abzugeben, sagte der Sprecher.",
        # A word or two of a form by itself: a film's title, a heading, a tab.
        "Remember Me",
        "Newest",
        "Angemeldet bleiben",
        "Lost your password?",
    ],
)
def test_a_line_with_words_of_its_own_or_a_lone_form_word_stays(line):
    text = "\n".join([PROSE[0], line, *PROSE[1:]])
    doc = read_text(text)
    assert mark_lines(doc, "safe") == 0
    result = CLEANER.clean(text)
    assert not [r for r in result.removed if r.rule == RULE and r.refused is None]
    if len(line.split()) > 3:  # (a lone form word may go by a generic line rule of its own, not by this stage)
        assert line in result.text.split("\n")


def test_a_login_box_goes_under_the_comment_notice_it_belongs_to():
    box = ["You must be logged in to post a comment.", "Username", "Password", "Remember Me", "Log In",
           "Lost your password?"]
    taken = gone(box)
    assert set(taken) == set(box)
    assert "in a run of" in taken["Remember Me"][-1]
