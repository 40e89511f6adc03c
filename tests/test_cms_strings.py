"""Whole lines a CMS template prints (`stages/cms_strings.py`, data in `data/cms_strings.json`): they go in text and
inside the HTML container, in any language the data holds, with their evidence; a line that holds one and more
stays; a word or two that templates print ("Reply", "Archives") goes only next to a line that may go alone."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanser import Cleaner
from cleanser.read.text import read_text
from cleanser.stages.cms_strings import HTML_RULE, RULE, index, lookup, mark_lines, normalise
from cleanser.testing.strategies import paragraphs

# Our own article: three paragraphs of invented prose.
PROSE = [
    "The river authority said on Monday that the old weir would be rebuilt next year, after engineers found that "
    "floods had worn away much of its stone base during the last two winters.",
    "Anglers who use the stretch below the weir said they welcomed the work, though some asked the authority to "
    "keep the banks open to the public while the builders are on site.",
    "The rebuilding is expected to take eight months and to cost about four million, most of it from a national "
    "fund for flood defences that the town applied to in the spring.",
]

CLEANERS = {level: Cleaner(generic=level) for level in ("off", "safe", "aggressive")}


def cms_removals(result, rule: str = RULE):
    return [r for r in result.removed if r.rule == rule and r.refused is None]


def stage(text: str, level: str = "safe"):
    """What this stage alone marks in a text (in a whole cleaning, a generic line rule may take a line first)."""
    doc = read_text(text)
    mark_lines(doc, level)
    return [b.removal for b in doc.blocks if b.removal is not None]


def data() -> dict:
    return json.loads(resources.files("cleanser").joinpath("data", "cms_strings.json").read_text(encoding="utf-8"))


def test_the_data_file_loads_is_small_and_every_entry_has_its_source():
    raw = resources.files("cleanser").joinpath("data", "cms_strings.json").read_bytes()
    assert len(raw) < 300_000
    d = data()
    assert d["strings"]
    for entry in d["strings"]:
        assert entry["msgid"] and entry["texts"], entry
        source = d["sources"][entry["source"]]  # a known source: a package and its version, or a file at a commit
        assert ("Debian" in source or "commit" in source) and any(c.isdigit() for c in source), source
        for text, locales in entry["texts"].items():
            assert text.strip() and locales, (entry["msgid"], text)
    # WordPress's comment form in several languages, as its catalogues give it.
    texts = {t for e in d["strings"] if e["msgid"] == "Leave a Reply" for t in e["texts"]}
    assert {"Leave a Reply", "Hinterlasse eine Antwort", "Laisser un commentaire", "Deja un comentario"} <= texts


def test_normalise_strips_the_marks_around_a_label_and_folds_case_and_quotes():
    assert normalise("  Name *") == "name"
    assert normalise("Search for:") == "search for"
    assert normalise("« Older posts") == "older posts"
    assert normalise("Reply ↓") == "reply"
    assert normalise("Comments are  closed.") == "comments are closed"
    assert normalise("Don’t miss…") == normalise("Don't miss...")


@pytest.mark.parametrize(
    "line, msgid, locale",
    [
        ("Leave a Reply", "Leave a Reply", "en"),
        ("Hinterlasse eine Antwort", "Leave a Reply", "de_DE"),
        ("Laisser un commentaire", "Leave a Reply", "fr_FR"),
        ("Deja un comentario", "Leave a Reply", "es_ES"),
        ("Deine E-Mail-Adresse wird nicht veröffentlicht.", "Your email address will not be published.", "de_DE"),
        ("Les commentaires sont fermés.", "Comments are closed.", "fr_FR"),
        ("Leave a Reply to Jane Doe", "Leave a Reply to %s", "en"),
    ],
)
def test_whole_lines_in_several_languages_go_with_their_evidence(line, msgid, locale):
    found = lookup(line)
    assert found is not None and found[0].msgid == msgid and locale in found[0].locales
    # (between paragraphs: under the last one, the zone stage takes a comment form's line with what follows it)
    text = "\n".join([*PROSE[:2], line, PROSE[2]])
    removed = stage(text)
    assert [r.text for r in removed] == [line]
    evidence = " ".join(removed[0].evidence)
    assert msgid in evidence and "wp-core" in evidence and locale in evidence
    assert removed[0].plugin == "generic" and removed[0].kind == "line"
    result = CLEANERS["safe"].clean(text)
    assert line not in result.text and all(p in result.text for p in PROSE)


def test_two_strings_on_one_line_go_as_one():
    for line in ("Your email address will not be published. Required fields are marked *",
                 "Leave a Reply Cancel reply"):
        result = CLEANERS["safe"].clean("\n".join([*PROSE[:2], line, PROSE[2]]))
        assert [r.text for r in cms_removals(result)] == [line]


def test_a_line_made_of_several_strings_goes_with_each_part_in_its_evidence():
    # A theme that prints the form's title, its cancel link and both notes on one line, with no full stop between
    # the notes; and a Jetpack subscription box's count and title run together.
    for line, msgids in [
        ("Leave a Reply Cancel reply Your email address will not be published Required fields are marked *",
         ["Leave a Reply", "Cancel reply", "Your email address will not be published.",
          "Required fields are marked %s"]),
        ("Join 5 other subscribers Subscribe to Blog via Email", ["Join %s other subscribers",
                                                                  "Subscribe to Blog via Email"]),
    ]:
        assert [k.msgid for k in lookup(line)] == msgids
        result = CLEANERS["safe"].clean("\n".join([*PROSE[:2], line, PROSE[2]]))
        assert line not in result.text and all(p in result.text for p in PROSE)
        # The stage itself (in a whole cleaning, the line scorer may take such a line first): every part in evidence.
        removed = stage("\n".join([*PROSE[:2], line, PROSE[2]]))
        assert [r.text for r in removed] == [line] and removed[0].rule == RULE
        assert all(any(repr(m) in e for e in removed[0].evidence) for m in msgids)


@pytest.mark.parametrize(
    "line",
    [
        # A name or word slot takes any word, so it ends a sequence only: "the" is no network, "web" no string here.
        "Click to share on the web",
        "Leave a Reply Cancel reply and tell us what you think",
        "Your email address will not be published, the clerk told the court. Required fields are marked *",
    ],
)
def test_a_sequence_with_a_word_of_its_own_stays(line):
    assert lookup(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Readers were asked to leave a reply.",
        "Leave a reply, the mayor told the residents who had written to her.",
        "Comments are closed. The council will decide on the plan in March.",
        "Powered by WordPress and a small team, the site grew quickly.",
        "Older posts were moved to the archive in 2019.",
    ],
)
def test_a_line_that_holds_a_string_and_more_stays(line):
    assert lookup(line) is None
    result = CLEANERS["safe"].clean("\n".join([PROSE[0], line, *PROSE[1:]]))
    assert not cms_removals(result)
    assert line in result.text


def test_a_word_templates_print_stays_alone_and_goes_next_to_a_form_string():
    # "Archives" or "Reply" as a heading of an article is the article's.
    for word in ("Archives", "Reply", "Comments", "Search"):
        text = "\n".join([PROSE[0], word, PROSE[1], PROSE[2]])
        assert not stage(text) and not cms_removals(CLEANERS["safe"].clean(text)), word
    # Under a comment form's title they are the form's.
    text = "\n".join([*PROSE, "Leave a Reply", "Name *", "Email *", "Website", "Post Comment"])
    gone = {r.text: r for r in stage(text)}
    assert set(gone) == {"Leave a Reply", "Name *", "Email *", "Website", "Post Comment"}
    assert "in a run of" in gone["Name *"].evidence[-1]


def test_level_off_takes_nothing_and_aggressive_takes_them_too():
    text = "\n".join([PROSE[0], "Leave a Reply", "Cancel reply", *PROSE[1:]])
    kept = CLEANERS["off"].clean(text)
    assert not cms_removals(kept) and "Cancel reply" in kept.text
    assert len(stage(text)) == 2 and not stage(text, "off")
    assert "Leave a Reply" not in CLEANERS["aggressive"].clean(text).text


def test_a_document_of_cms_strings_only_is_left_alone():
    result = CLEANERS["safe"].clean("Leave a Reply\nCancel reply\nPost Comment")
    assert not cms_removals(result)


def test_html_blocks_whose_whole_text_is_a_cms_string_go_inside_the_container():
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    page = (
        "<html><head><title>Weir</title></head><body><article><h1>The old weir will be rebuilt</h1>"
        f"{body}<h3>Schreibe einen Kommentar</h3><p>Deine E-Mail-Adresse wird nicht veröffentlicht.</p>"
        "<p>Hinterlasse eine Antwort</p><p>Readers were asked to leave a reply.</p></article></body></html>"
    )
    result = CLEANERS["safe"].clean(page)
    gone = [r for r in cms_removals(result, HTML_RULE.qualified)]
    assert {r.text for r in gone} == {"Deine E-Mail-Adresse wird nicht veröffentlicht.", "Hinterlasse eine Antwort"}
    assert all(r.plugin == "generic-html" and "de_DE" in " ".join(r.evidence) for r in gone)
    assert "Readers were asked to leave a reply." in result.text
    assert all(p in result.text for p in PROSE)
    assert not cms_removals(CLEANERS["off"].clean(page), HTML_RULE.qualified)


def test_placeholder_patterns_are_bounded():
    assert lookup("12 Comments") is not None
    assert lookup("Leave a Reply to " + "x" * 100) is None  # a name, not a paragraph
    assert lookup("Continue reading the report. It was long.") is None  # a slot never spans sentences
    assert index().exact and index().first


_CMS_LINES = [
    "Leave a Reply", "Cancel reply", "Hinterlasse eine Antwort", "Antworten abbrechen", "Post Comment",
    "Your email address will not be published. Required fields are marked *", "Name *", "Email *", "Website",
    "Comments are closed.", "Reply", "« Older posts", "Laisser un commentaire", "Powered by WordPress",
]


@settings(max_examples=60, database=None, derandomize=True, deadline=None)
@given(
    st.lists(paragraphs(min_sentences=1, max_sentences=4), min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(min_value=0, max_value=20), st.sampled_from(_CMS_LINES)), max_size=8),
)
def test_prose_with_cms_lines_injected_loses_none_of_its_prose(blocks, injected):
    prose = [" ".join(b.sentences) for b in blocks]
    lines = list(prose)
    for at, cms in injected:
        lines.insert(min(at, len(lines)), cms)
    result = CLEANERS["safe"].clean("\n".join(lines))
    kept = result.text
    for paragraph in prose:
        assert paragraph in kept
    for removal in cms_removals(result):
        assert removal.text in _CMS_LINES


# Strings of plugins and of newer catalogues, read from public files at a commit (bench/cms_strings_seen.py).
@pytest.mark.parametrize(
    "line, msgid, source, locale",
    [
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.",
         "This site uses Akismet to reduce spam.", "akismet", "en"),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten "
         "verarbeitet werden.", "This site uses Akismet to reduce spam.", "akismet", "de_DE"),
        ("Questo sito usa Akismet per ridurre lo spam. Scopri come i tuoi dati vengono elaborati.",
         "This site uses Akismet to reduce spam.", "akismet", "it_IT"),
        ("Esse site utiliza o Akismet para reduzir spam. Aprenda como seus dados de comentários são processados.",
         "This site uses Akismet to reduce spam.", "akismet", "pt_BR"),
        ("Schreibe einen Kommentar", "Leave a Reply", "wp-core-6.4", "de_DE"),
        ("Guarda mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.",
         "Save my name, email, and website", "wp-core-6.2", "es_ES"),
        ("Mijn naam, e-mail en site bewaren in deze browser voor de volgende keer wanneer ik een reactie plaats.",
         "Save my name, email, and website", "wp-core-6.2", "nl_NL"),
        ("Click to share on Twitter (Opens in new window)", "Click to share on %s (Opens in new window)",
         "jetpack-sharing", "en"),
        ("Klick, um über Twitter zu teilen (Wird in neuem Fenster geöffnet)",
         "Click to share on %s (Opens in new window)", "jetpack-sharing-de", "de_DE"),
        ("Gib deine E-Mail-Adresse an, um diesen Blog zu abonnieren und Benachrichtigungen über neue Beiträge via "
         "E-Mail zu erhalten.", "Enter your email address to subscribe", "jetpack-subscriptions-de", "de_DE"),
        ("Notify me of followup comments via e-mail. You can also subscribe without commenting.",
         "Notify me of followup comments", "subscribe-to-comments-reloaded", "en"),
        # WordPress 5.2's catalogues: the comment form's wording of 2019 to 2022.
        ("Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.",
         "Save my name, email, and website", "wp-core-5.2", "de_DE"),
        ("Guardar mi nombre, correo electrónico y sitio web en este navegador para la próxima vez que haga un "
         "comentario.", "Save my name, email, and website", "wp-core-5.2", "es_ES"),
        ("Lo siento, debes estar conectado para publicar un comentario.", "You must be", "wp-core-5.2", "es_ES"),
        ("Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.",
         "Save my name, email, and website", "wp-core-5.2", "ru_RU"),
        ("Mijn naam, e-mailadres en site bewaren in deze browser voor de volgende keer wanneer ik een reactie plaats.",
         "Save my name, email, and website", "wp-core-5.x-nl", "nl_NL"),
        # Drupal's comment section for a reader who is not logged in: the links' text, the tags gone.
        ("Log in or register to post comments", "<a href=\"@login\">Log in</a> or", "drupal-comment", "en"),
        ("Log in to post comments", "<a href=\"@login\">Log in</a> to post comments", "drupal-comment", "en"),
    ],
)
def test_plugin_and_newer_catalogue_lines_go_with_their_evidence(line, msgid, source, locale):
    found = lookup(line)
    assert found is not None and found[0].msgid.startswith(msgid) and locale in found[0].locales
    text = "\n".join([*PROSE[:2], line, PROSE[2]])
    removed = stage(text)
    assert [r.text for r in removed] == [line]
    evidence = " ".join(removed[0].evidence)
    assert msgid in evidence and f"({source};" in evidence and locale in evidence
    result = CLEANERS["safe"].clean(text)
    assert line not in result.text and all(p in result.text for p in PROSE)
    assert source in data()["sources"] and "commit" in data()["sources"][source]


def test_disqus_noscript_line_is_known_and_goes():
    line = "Please enable JavaScript to view the comments powered by Disqus."
    found = lookup(line)
    assert found is not None and found[0].source == "disqus"
    # (the media-chrome detector may take it first: either way it goes, with its evidence)
    result = CLEANERS["safe"].clean("\n".join([*PROSE[:2], line, PROSE[2]]))
    assert line not in result.text and all(p in result.text for p in PROSE)


@pytest.mark.parametrize(
    "line",
    [
        "Click to share on the web what you think about the plan, the council said.",
        "Click to share on the web",  # a share button names one network, in one word
        "Diese Website verwendet Akismet, um Spam zu reduzieren, sagte der Betreiber.",
        "Like this: the council voted, and the weir will be rebuilt.",
        "Schreibe einen Kommentar zum neuen Haushalt, bat der Bürgermeister.",
        "Meinen Namen, E-Mail und Website in diesem Browser speichern? Das wollte kaum jemand.",
        "Guardar mi nombre en este navegador, pidió el lector.",
        "Добавить комментарий к статье можно ниже.",
        "Readers had to log in or register to post comments, the editor said.",
        "Log in to post comments about the weir on the council's own site.",
    ],
)
def test_a_line_that_holds_a_plugin_string_and_more_stays(line):
    assert lookup(line) is None
    result = CLEANERS["safe"].clean("\n".join([PROSE[0], line, *PROSE[1:]]))
    assert not cms_removals(result) and line in result.text


def test_jetpack_likes_heading_goes_only_with_its_placeholder():
    # "Like this:" ends a tutorial's sentence as a line of its own; under an article, with the likes placeholder
    # under it, it is Jetpack's heading.
    alone = CLEANERS["safe"].clean("\n".join([PROSE[0], "Like this:", *PROSE[1:]]))
    assert not cms_removals(alone) and "Like this:" in alone.text.split("\n")
    text = "\n".join([PROSE[0], PROSE[1], "Share this:", "Like this:", "Like Loading...", PROSE[2]])
    result = CLEANERS["safe"].clean(text)
    assert {"Like this:", "Like Loading..."} <= {r.text for r in cms_removals(result)}
    assert result.text.split("\n") == PROSE  # ("Share this:" may go by the line scorer first)


def test_a_second_data_file_of_the_same_format_is_read(monkeypatch, tmp_path):
    from cleanser.stages import cms_strings

    extra = {"version": 1, "sources": {"test-widgets": "a widget's file at commit 0123abcd"},
             "strings": [{"msgid": "Zap this widget line", "source": "test-widgets", "kind": "share", "alone": True,
                          "slot": None, "texts": {"Zap this widget line": ["en"]}}]}
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "cms_strings.json").write_text(json.dumps(data()), encoding="utf-8")
    (folder / "extra_strings.json").write_text(json.dumps(extra), encoding="utf-8")
    monkeypatch.setattr(cms_strings, "DATA_FILES", ("cms_strings.json", "extra_strings.json", "missing.json"))
    monkeypatch.setattr(cms_strings.resources, "files", lambda _package: tmp_path)
    cms_strings.index.cache_clear()
    try:
        found = cms_strings.lookup("Zap this widget line")
        assert found is not None and found[0].source == "test-widgets"
        assert cms_strings.lookup("Leave a Reply") is not None  # the CMS file is read as before
        assert cms_strings.index().sources["test-widgets"].startswith("a widget's file")
    finally:
        cms_strings.index.cache_clear()
