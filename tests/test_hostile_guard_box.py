"""Issue 17, item 8 (the guard's part): a box rule, trusted or not, never takes a sentence of article prose between
its markers that its own text and examples do not account for."""

from __future__ import annotations

from conftest import make_cleaner

URL = "https://box.example/story"
SENTENCE = "The council said the new ferry timetable would start in the spring and cut waiting times by half."
BEFORE = "Ferry passengers have waited for hours at the harbour on most weekends this summer, residents said."
AFTER = "Residents are invited to comment on the plan at the town hall until the end of the month."


def cleaner(regex: str, example: str, trusted: bool = True):
    return make_cleaner({"name": "box", "domains": ["box.example"], "rule": [
        {"id": "support", "regex": regex, "trusted": trusted, "examples": [example]}]})


def test_a_trusted_support_box_does_not_swallow_the_article_sentence_between_its_markers():
    regex = r"support box news\..{0,400}?already contributed\? log in to hide these messages\.?"
    example = "Support Box News. Already contributed? Log in to hide these messages."
    line = f"Support Box News. {SENTENCE} Already contributed? Log in to hide these messages."
    result = cleaner(regex, example).clean(f"{BEFORE}\n{line}\n{AFTER}", url=URL)
    assert SENTENCE in result.text
    assert "between its markers" in result.flags["guard"]


def test_the_box_still_goes_when_its_lines_are_its_own():
    regex = r"support box news\..{0,400}?already contributed\? log in to hide these messages\.?"
    pitch = "Our reporting is free for every reader, and it is paid for by readers like you every single month."
    example = f"Support Box News. {pitch} Already contributed? Log in to hide these messages."
    result = cleaner(regex, example).clean(f"{BEFORE}\n{example}\n{AFTER}", url=URL)
    assert result.text == f"{BEFORE}\n{AFTER}"


def test_a_wildcard_tail_after_a_marker_does_not_take_the_next_sentence():
    regex = r"box plus members get ad-free podcasts\..{0,200}"
    example = "Box Plus members get ad-free podcasts. Join now."
    line = f"Box Plus members get ad-free podcasts. {SENTENCE} {AFTER}"
    result = cleaner(regex, example).clean(f"{BEFORE}\n{line}", url=URL)
    assert SENTENCE in result.text
