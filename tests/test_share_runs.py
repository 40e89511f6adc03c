"""Share bars saved one button per line, follow lines and lone share headings (`stages/share_runs.py`), and the
widget strings (`data/widget_strings.json`, read by `stages/cms_strings.py`): they go with their evidence; a lone
network name, an article's list of networks and a sentence that names them stay."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanser import Cleaner
from cleanser.read.text import read_text
from cleanser.stages import cms_strings
from cleanser.stages.cms_strings import RULE as CMS_RULE
from cleanser.stages.cms_strings import lookup
from cleanser.stages.guard import GENERIC_MAX_WORDS
from cleanser.stages.share_runs import FOLLOW_RULE, RULE, bar_targets, is_follow_line, is_head, is_lone_head
from cleanser.testing.strategies import paragraphs

# Our own article: invented prose.
PROSE = [
    "The harbour board said on Thursday that the north pier would close for repairs in March, after divers found "
    "that winter storms had cracked two of its concrete piles.",
    "Fishing boats that moor at the pier will be moved to the south basin while the work goes on, the board said, "
    "and the ferry to the island will run from its usual berth.",
    "The repairs are expected to cost about two million and to take five months, most of it paid from a fund for "
    "coastal works that the county set up last year.",
]

CLEANERS = {level: Cleaner(generic=level) for level in ("off", "safe", "aggressive")}


def taken(result, *rules: str) -> list[str]:
    return [r.text for r in result.removed if r.rule in rules and r.refused is None]


def clean(*lines: str, level: str = "safe"):
    return CLEANERS[level].clean("\n".join(lines))


def test_a_share_bar_of_lone_network_lines_goes_with_its_evidence():
    result = clean(PROSE[0], "", "Facebook", "Twitter", "WhatsApp", "E-Mail", "", PROSE[1], PROSE[2])
    assert taken(result, RULE) == ["Facebook", "Twitter", "WhatsApp", "E-Mail"]
    removal = next(r for r in result.removed if r.rule == RULE)
    assert removal.plugin == "generic" and removal.kind == "line"
    assert "4 share targets" in removal.evidence[0]
    for paragraph in PROSE:
        assert paragraph in result.text


def test_a_share_bar_under_its_heading_goes_whole_blank_lines_between_buttons_too():
    result = clean(PROSE[0], "", "Diesen Artikel teilen:", "", "Facebook", "", "X", "", "Drucken", "", PROSE[1])
    # "Drucken" is also a print button's line on its own (`generic/print-permalink`), which may take it first.
    assert taken(result, RULE, "generic/print-permalink")[-3:] == ["Facebook", "X", "Drucken"]
    assert result.text.split() == (PROSE[0] + " " + PROSE[1]).split()  # the heading goes too (here or scored)


def test_one_button_under_a_share_heading_goes_with_it():
    result = clean(PROSE[0], "Share this:", "Facebook", PROSE[1], "Facebook", PROSE[2])
    assert taken(result, RULE, "generic/share-bar", CMS_RULE) == ["Share this:", "Facebook"]
    assert result.text.splitlines() == [PROSE[0], PROSE[1], "Facebook", PROSE[2]]


def test_jetpacks_share_and_like_blocks_go_whole():
    lines = [PROSE[0], PROSE[1], "Share this:", "Twitter", "Facebook", "Like this:", "Like Loading...", PROSE[2]]
    result = clean(*lines)
    assert result.text.splitlines() == [PROSE[0], PROSE[1], PROSE[2]]
    # "Like this:" alone, under prose, is an article's words.
    lines = [PROSE[0], "Like this:", PROSE[1]]
    assert clean(*lines).text.splitlines() == lines


def test_share_counts_and_shariff_button_words_are_share_targets():
    result = clean(PROSE[0], "Facebook 12", "Twitter 3", "teilen", PROSE[1])
    assert taken(result, RULE) == ["Facebook 12", "Twitter 3", "teilen"]


@pytest.mark.parametrize("line", [
    "Share this: Twitter Twitter Facebook Facebook", "Facebook Twitter WhatsApp E-Mail", "Teilen: Facebook | Drucken",
    "Facebook 12 Twitter 3",
])
def test_a_share_bar_on_one_line_goes(line):
    assert len(bar_targets(line)) >= 2
    result = clean(PROSE[0], PROSE[1], line, PROSE[2])
    assert line not in result.text and PROSE[2] in result.text


@pytest.mark.parametrize("line", [
    "Market share: Facebook Twitter", "The platforms: Facebook, Twitter", "Facebook and Twitter", "Facebook",
    "Facebook Twitter Google+ Mobile RSS",
])
def test_a_line_of_names_with_more_is_no_share_bar(line):
    assert len(bar_targets(line)) < 2


@pytest.mark.parametrize("line", ["Facebook", "Twitter", "Email", "Print"])
def test_a_lone_network_name_stays(line):
    result = clean(PROSE[0], line, PROSE[1])
    assert line in result.text.splitlines()
    assert not taken(result, RULE, FOLLOW_RULE)


def test_lines_of_marks_only_and_odd_lines_are_read_without_error():
    lines = [PROSE[0], "* * *", "—", "•", "|", ":", "Facebook", "© 2022", PROSE[1]]
    assert clean(*lines).text.splitlines()[0] == PROSE[0]


def test_lone_names_between_prose_stay():
    lines = [PROSE[0], "Facebook", PROSE[1], "Twitter", PROSE[2]]  # a credit or a heading under each paragraph
    result = clean(*lines)
    assert result.text.splitlines() == lines


def test_a_list_of_networks_or_of_names_with_networks_among_them_stays():
    lines = [PROSE[0], "Facebook", "Instagram", "TikTok", PROSE[1]]  # networks, no button's action among them
    assert clean(*lines).text.splitlines() == lines
    lines = [PROSE[0], "Google", "Facebook", "Twitter", "Amazon", PROSE[1]]
    assert clean(*lines).text.splitlines() == lines
    lines = [PROSE[0], "Signal", "WhatsApp", "Telegram", PROSE[1]]
    assert clean(*lines).text.splitlines() == lines


def test_an_articles_own_list_of_networks_stays():
    lines = [PROSE[0], "The platforms that signed the code:", "Facebook", "Twitter", "TikTok", PROSE[1]]
    assert clean(*lines).text.splitlines() == lines
    lines = [PROSE[0], "Which of these do you use most?", "Facebook", "WhatsApp", PROSE[1]]
    assert clean(*lines).text.splitlines() == lines


@pytest.mark.parametrize("sentence", [
    "The company said Facebook and Twitter had both removed the videos within an hour of being told about them.",
    "Follow us on Twitter, the mayor joked, and you will know about the road closures before anyone else does.",
    "Residents can follow the council on Facebook or read the notices in the library window.",
])
def test_a_sentence_that_names_networks_stays(sentence):
    lines = [PROSE[0], sentence, PROSE[1]]
    assert clean(*lines).text.splitlines() == lines


@pytest.mark.parametrize("line", [
    "Follow us on Twitter", "Follow us on Facebook, Twitter and Instagram", "Folgen Sie uns auf Facebook!",
    "Suivez-nous sur X", "Síguenos en Instagram", "Seguici su Facebook", "Volg ons op LinkedIn",
])
def test_follow_lines_go_whole(line):
    assert is_follow_line(line)
    result = clean(PROSE[0], PROSE[1], line, PROSE[2])
    assert line not in result.text
    assert any(r.text == line and r.refused is None for r in result.removed)
    assert PROSE[2] in result.text


@pytest.mark.parametrize("line", [
    "Follow us on Twitter to get the latest on the world's hidden wonders.",
    "Follow the money",
    "Folgen Sie uns",
])
def test_a_line_that_says_more_than_a_follow_call_is_no_follow_line(line):
    assert not is_follow_line(line)


@pytest.mark.parametrize(("line", "lone"), [
    ("Beitrag teilen:", True), ("Share:", True), ("Partager :", True), ("Share this:", True),
    ("Market share:", False), ("Del 2:", False), ("Del:", False), ("Share this article", False),
])
def test_lone_share_headings(line, lone):
    assert is_lone_head(line) is lone


def test_a_share_heading_is_short_and_no_sentence():
    assert is_head("Share this article")
    assert is_head("Diesen Artikel teilen")
    assert not is_head("Share this article with your friends and family today.")
    assert not is_head("Shares in the company fell")


@pytest.mark.parametrize(("line", "source"), [
    ("Share on Tumblr", "shariff"), ("Bei Facebook teilen", "shariff"), ("Partager sur Facebook", "shariff"),
    ("Compartir en Facebook", "shariff"), ("Per E-Mail versenden", "shariff"),
    ("Click to share on Facebook (Opens in new window)", "jetpack-sharing"),
    ("Ce site utilise des cookies et vous donne le contrôle sur ceux que vous souhaitez activer", "tarteaucitron"),
    ("Questo sito fa uso di cookies e ti consente di decidere se accettarli o rifiutarli", "tarteaucitron"),
    ("Diese Webseite verwendet 'Cookies' um Inhalte und Anzeigen zu personalisieren und zu analysieren. Bestimmen "
     "Sie, welche Dienste benutzt werden dürfen", "tarteaucitron"),
    ("Merci de désactiver votre adblocker pour commencer la personnalisation.", "tarteaucitron"),
    ("Möchten Sie von YouTube bereitgestellte externe Inhalte laden?", "klaro"),
    ("Realized with Klaro!", "klaro"),
    ("* indicates required", "mailchimp-embed"),
    ("Diese Website benutzen Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der Verwendung von Cookies zu.",
     "cookie-notice"),
    ("Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
     "jetpack-eu-cookie-law"),
    ("By clicking \u201cAccept All Cookies\u201d, you agree to the storing of cookies on your device to enhance site "
     "navigation, analyze site usage, and assist in our marketing efforts.", "onetrust"),
    ("Utilizamos cookies para asegurar que damos la mejor experiencia al usuario en nuestro sitio web. Si continúa "
     "utilizando este sitio asumiremos que está de acuerdo.", "cookie-notice"),
])
def test_widget_strings_go_as_whole_lines_with_their_source(line, source):
    found = lookup(line)
    assert found and found[0].source == source
    result = clean(PROSE[0], PROSE[1], line, PROSE[2])
    if len(line.split()) <= GENERIC_MAX_WORDS:
        assert line not in result.text
    else:  # the guard's first check: no generic removal takes a prose line of more words, a known string's neither
        assert line in result.text
        assert any(r.text == line and "words of prose" in (r.refused or "") for r in result.document.removals)
    # The CMS-string stage alone takes it, with its source as evidence (in the pipeline, a rule or the line scorer
    # that runs before it may take it first).
    doc = read_text("\n".join([PROSE[0], PROSE[1], line, PROSE[2]]), None)
    assert cms_strings.mark_lines(doc, "safe") == 1
    removal = next(b.removal for b in doc.blocks if b.removal is not None)
    assert removal.text == line and removal.rule == CMS_RULE and source in removal.evidence[0]


@pytest.mark.parametrize(("line", "source"), [
    ("This site uses cookies and gives you control over what you want to activate", "tarteaucitron"),
    ("Please disable your adblocker to start customizing.", "tarteaucitron"),
    ("This website uses cookies to ensure you get the best experience on our website.", "cookieconsent"),
    ("Share on Facebook", "shariff"),
])
def test_english_widget_strings_are_known_though_a_generic_rule_may_take_them_first(line, source):
    found = lookup(line)
    assert found and found[0].source == source
    assert line not in clean(PROSE[0], PROSE[1], line, PROSE[2]).text


def test_a_line_that_holds_a_widget_string_and_more_stays():
    line = "Readers were asked to share on Facebook what they remembered of the flood."
    lines = [PROSE[0], line, PROSE[1]]
    assert clean(*lines).text.splitlines() == lines


def test_level_off_takes_nothing():
    lines = [PROSE[0], "Facebook", "Twitter", "Folgen Sie uns auf Instagram", "Bei Facebook teilen", PROSE[1]]
    assert CLEANERS["off"].clean("\n".join(lines)).text.splitlines() == lines


def test_the_widget_data_names_its_sources_and_targets():
    raw = resources.files("cleanser").joinpath("data", "widget_strings.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert len(raw.encode()) < 300_000
    for entry in data["strings"]:
        assert entry["source"] in data["sources"] and entry["texts"], entry["msgid"]
    for name in ("shariff", "tarteaucitron", "klaro", "cookieconsent"):
        assert "npm" in data["sources"][name] and any(c.isdigit() for c in data["sources"][name])
    targets = {t.casefold() for t in data["share"]["targets"]}
    assert {"facebook", "whatsapp", "email", "drucken", "copy link"} <= targets
    assert {"teilen", "partager", "compartir", "share"} <= set(data["share"]["verbs"])


_INJECTED = [
    ["Facebook", "Twitter", "WhatsApp"], ["Share this article", "Facebook", "X", "Email"],
    ["Beitrag teilen:", "Facebook", "Drucken"], ["Follow us on Twitter"], ["Click to share on X (Opens in new window)"],
    ["Facebook"], ["Share on LinkedIn", "Share on Reddit"], ["Facebook Twitter WhatsApp"],
]


@settings(max_examples=60, database=None, derandomize=True, deadline=None)
@given(
    st.lists(paragraphs(min_sentences=1, max_sentences=4), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(min_value=0, max_value=20), st.sampled_from(_INJECTED)), max_size=6),
)
def test_prose_with_share_runs_injected_loses_none_of_its_prose(blocks, injected):
    prose = [" ".join(b.sentences) for b in blocks]
    lines = list(prose)
    for at, run in injected:
        at = min(at, len(lines))
        lines[at:at] = run
    result = CLEANERS["safe"].clean("\n".join(lines))
    for paragraph in prose:
        assert paragraph in result.text
    injected_lines = {line for _, run in injected for line in run}
    for removal in result.removed:
        if removal.rule in (RULE, FOLLOW_RULE) and removal.refused is None:
            assert removal.text in injected_lines


@settings(max_examples=80, database=None, derandomize=True, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*"ab Xx:*•|-—©,.!?@#12", "Facebook", "teilen", "Share", " "]),
                         max_size=12), max_size=12))
def test_any_short_lines_around_prose_are_read_and_the_prose_stays(odd):
    result = CLEANERS["safe"].clean("\n".join([PROSE[0], *("".join(line) for line in odd), PROSE[1]]))
    assert PROSE[0] in result.text and PROSE[1] in result.text
