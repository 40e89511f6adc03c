"""The archive quality bench (`bench/archive_quality.py`): its generator labels what it writes consistently, and its
scoring counts removals, losses and wrong rules correctly. A tiny site of lines written here, no development sets."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import archive_quality
import archive_sites
from archive_sites import ABOVE, ARTICLE_KINDS, BELOW, BOILERPLATE_KINDS, INSIDE, SitePools, SiteTemplate

TEMPLATE = SiteTemplate(
    name="tidewater",
    host="www.tidewater-post.example",
    part="report",
    lines=(
        ("Home News Harbour Weather", ABOVE, 0.0),
        ("Posted 14 May 2019 at 8:30", ABOVE, 0.0),
        ("Continue reading below", INSIDE, 0.5),
        ("Share this story with a friend", BELOW, 1.0),
        ("Tidewater Post, 4 Quay Street", BELOW, 1.0),
    ),
)
ARTICLES = [
    [f"The ferry committee met on day {d} of the trial and heard {d * 3} witnesses describe the crossing."
     for d in range(1, 9)],
    [f"Anglers counted {n} herons on the mudflats, a figure the warden called the highest in a decade."
     for n in range(10, 19)],
    [f"Work on pier section {k} slipped again as the contractor waited for a crane from the mainland."
     for k in range(1, 8)],
    ["The library opens on Sundays from next month, after a vote that split the council evenly.",
     "Volunteers will staff the reading room, and the mobile van keeps its Tuesday round.",
     "Longer hours cost less than expected, the treasurer told members, because heating is shared.",
     "A survey of readers last winter asked for quieter study space above everything else.",
     "The children's corner moves upstairs to make room for it.",
     "Opening Sundays is a small change that residents have wanted for a long time."],
]
HEADLINES = [f"Harbour board weighs plan number {w} for the old cannery" for w in
             ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")]


@pytest.fixture(scope="module")
def docs() -> list[archive_sites.Doc]:
    return archive_sites.build_site(TEMPLATE, SitePools(ARTICLES, HEADLINES), 40, seed=3)


def test_the_same_seed_builds_the_same_archive(docs):
    again = archive_sites.build_site(TEMPLATE, SitePools(ARTICLES, HEADLINES), 40, seed=3)
    assert [d.record() for d in again] == [d.record() for d in docs]
    other = archive_sites.build_site(TEMPLATE, SitePools(ARTICLES, HEADLINES), 40, seed=4)
    assert [d.record() for d in other] != [d.record() for d in docs]
    assert len(docs) == 40
    assert all(d.url.startswith("https://www.tidewater-post.example/") for d in docs)


def test_template_lines_are_boilerplate_in_every_document(docs):
    for doc in docs:
        assert len(doc.lines) == len(doc.kinds) == len(doc.places)
        assert doc.places == sorted(doc.places, key=[ABOVE, INSIDE, BELOW].index)
        assert doc.places[doc.lines.index("Continue reading below")] == INSIDE
        assert doc.places[doc.lines.index("Share this story with a friend")] == BELOW
        kinds = dict(zip(doc.lines, doc.kinds, strict=True))
        for fixed in ("Home News Harbour Weather", "Continue reading below", "Share this story with a friend"):
            assert kinds[fixed] == "template"
        # A template line with digits is boilerplate whose digits vary per document.
        posted = [line for line, kind in zip(doc.lines, doc.kinds, strict=True) if line.startswith("Posted ")]
        assert len(posted) == 1 and kinds[posted[0]] == "varied"
        # Above-the-article lines come first, below-the-article ones last, the inside one between paragraphs.
        assert doc.lines[0] == "Home News Harbour Weather"
        inside = doc.lines.index("Continue reading below")
        assert "body" in doc.kinds[:inside] or "dateline" in doc.kinds[:inside] or "lede" in doc.kinds[:inside]
        assert doc.kinds.index("teaser") > inside
    posted = {line for doc in docs for line in doc.lines if line.startswith("Posted ")}
    assert len(posted) > 10, "the date in a template line must vary"
    # The template has no copyright line: every document gets one, its year varying.
    copyright_lines = [line for doc in docs for line in doc.lines if line.startswith("©")]
    assert len(copyright_lines) == len(docs) and len(set(copyright_lines)) > 1


def test_bodies_are_article_lines_of_the_pools(docs):
    pool = {line for run in ARTICLES for line in run}
    for doc in docs:
        for line, kind in zip(doc.lines, doc.kinds, strict=True):
            if kind == "body" and doc.copy_of is None:
                assert line in pool
            if kind == "teaser":
                assert line in HEADLINES
            if kind in ARTICLE_KINDS:
                assert line not in {text for text, _, _ in TEMPLATE.lines}
    bodies = {tuple(line for line, kind in zip(d.lines, d.kinds, strict=True) if kind == "body") for d in docs}
    assert len(bodies) > 10, "bodies must vary between documents"


def test_content_traps_recur_and_are_article(docs):
    kinds = Counter(kind for doc in docs for kind in doc.kinds)
    assert set(kinds) <= BOILERPLATE_KINDS | ARTICLE_KINDS
    for trap in ("byline", "dateline", "standfirst"):
        assert kinds[trap] >= 3, trap
    bylines = Counter(line for doc in docs for line, kind in zip(doc.lines, doc.kinds, strict=True)
                      if kind == "byline")
    assert all(re.fullmatch(r"By [A-Z][a-z]+ [A-Z][a-z]+", line) for line in bylines)
    assert len(bylines) <= 3 and max(bylines.values()) >= 5, "a small pool of authors, each recurring"
    for doc in docs:
        for line, kind in zip(doc.lines, doc.kinds, strict=True):
            if kind == "dateline":
                assert re.match(r"[A-Z]{3,}\b", line) and ("—" in line or " - " in line)
    standfirsts = {line for doc in docs for line, kind in zip(doc.lines, doc.kinds, strict=True)
                   if kind == "standfirst"}
    assert len(standfirsts) == 1, "one standfirst, repeated"


def test_duplicates_are_exact_recrawls_and_near_copies(docs):
    copies = [d for d in docs if d.copy_of is not None]
    assert len(copies) >= 8
    exact = [d for d in copies if not d.near]
    near = [d for d in copies if d.near]
    assert exact and near
    for doc in copies:
        source = docs[doc.copy_of]
        assert source.copy_of is None and docs.index(source) < docs.index(doc)
        assert doc.url.split("?")[0] == source.url and doc.kinds == source.kinds
        changed = [i for i, (a, b) in enumerate(zip(doc.lines, source.lines, strict=True)) if a != b]
        if doc.near:
            assert len(changed) == 1 and doc.kinds[changed[0]] == "body"
            assert doc.lines[changed[0]].startswith(source.lines[changed[0]])
        else:
            assert not changed
    # The hot article: re-crawled into about a fifth of the documents.
    assert Counter(d.copy_of for d in copies).most_common(1)[0][1] >= 6


def test_score_document_counts_removed_kept_and_lost():
    lines = ["Sign up for the harbour letter", "By Ines Voss", "The quay reopened on Friday after repairs.",
             "Read more: ferry times", "Share this", "© 2024 Tidewater Post"]
    kinds = ["template", "byline", "body", "teaser", "template", "slot"]
    text = "\n".join(lines)
    at = text.index

    def removal(piece: str, line: int, *, start: int | None = None) -> dict:
        begin = at(piece) if start is None else start
        return {"rule": "x/y", "plugin": "x", "text": piece, "line": line, "start": begin, "end": begin + len(piece)}

    removals = [
        removal("Sign up for the harbour letter", 1),  # a whole template line, by its offsets
        removal("Read more:", 4),  # part of a teaser: it stays
        removal("Share this", 5, start=0),  # wrong offsets: placed by its text in the line it names
        removal("after repairs", 3),  # part of an article line: lost
        removal("not in the text", 2, start=3),  # cannot be placed
    ]
    output = "By Ines Voss\nThe quay reopened on Friday.\nferry times\n© 2024 Tidewater Post"
    tally = archive_quality.score_document(lines, kinds, output, removals)
    assert tally.lines == Counter(kinds)
    assert tally.removed == Counter({"template": 2})
    assert tally.recall(("template",)) == 1.0 and tally.recall(("teaser",)) == 0.0 and tally.recall(("slot",)) == 0.0
    assert tally.lost == Counter({"body": 1}) and tally.lost_count() == 1 and tally.lost_count({"byline"}) == 0
    assert tally.unplaced == 1

    # An article line missing from the output though no removal touched it is lost too.
    tally = archive_quality.score_document(lines, kinds, "The quay reopened on Friday after repairs.", [])
    assert tally.lost == Counter({"byline": 1}) and tally.missing == Counter({"byline": 1})
    assert tally.removed == Counter()

    figures = tally.figures()
    assert figures["article_lost"] == 1 and figures["traps_lost"] == 1 and figures["recurring_recall"] == 0.0

    long_line = "Terms " * 30
    tally = archive_quality.score_document(["Share this", long_line.strip()], ["template", "template"], "", [
        {"text": "Share this", "start": 0, "end": 10, "line": 1}])
    assert tally.recall(("template",)) == 0.5 and tally.short_recall(("template",)) == 1.0

    tally = archive_quality.score_document(["Share this", "Menu"], ["template", "template"], "Menu", [
        {"text": "Share this", "start": 0, "end": 10, "line": 1}], [BELOW, ABOVE])
    assert tally.figures()["recurring_recall_by_place"] == {ABOVE: 0.0, BELOW: 1.0}

    # A line with no word character (a chart's unit sign) is judged by its visible characters: removed whole, it
    # counts as removed (it never could before), and an article's section break that a removal took is lost.
    signs = ["%", "$", "* * *", "The quay reopened on Friday after repairs."]
    text = "\n".join(signs)
    tally = archive_quality.score_document(signs, ["template", "template", "body", "body"], "$\n" + signs[3], [
        {"text": "%", "start": 0, "end": 1, "line": 1}, {"text": "* * *", "start": 4, "end": 9, "line": 3}])
    assert text[4:9] == "* * *"
    assert tally.removed == Counter({"template": 1}) and tally.lost == Counter({"body": 1})


def test_wrong_rules_are_learned_rules_matching_article_lines(tmp_path, docs):
    standfirst = next(line for d in docs for line, kind in zip(d.lines, d.kinds, strict=True) if kind == "standfirst")
    plugin = {
        "name": "tidewater-learned",
        "domains": ["tidewater-post.example"],
        "rule": [
            {"id": "share", "kind": "line", "match": "Share this story with a friend"},
            {"id": "standfirst", "kind": "line", "match": standfirst.rstrip(".")},
            {"id": "glued-herons", "kind": "line", "match": "a figure the warden called the highest in a decade",
             "glued": "end"},
        ],
    }
    lines = [f"name = {json.dumps(plugin['name'])}", f"domains = {json.dumps(plugin['domains'])}"]
    for rule in plugin["rule"]:
        lines.append("[[rule]]")
        lines.extend(f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in rule.items())
    (tmp_path / "tidewater.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rules, plugins = archive_quality.learned_rules(tmp_path)
    assert plugins == {"tidewater-learned": ("tidewater-post.example",)}
    wrong = archive_quality.wrong_by_pattern(rules, {TEMPLATE.host: docs})
    assert set(wrong) == {"tidewater-learned/standfirst", "tidewater-learned/glued-herons"}
    assert wrong["tidewater-learned/standfirst"] == standfirst
    # A site the plugin does not serve is not held against it.
    assert archive_quality.wrong_by_pattern(rules, {"www.elsewhere.example": docs}) == {}


def test_a_page_gives_its_boilerplate_lines_at_their_places_without_its_byline_and_headline():
    lines = ["Skip to content", "Council backs the new pier", "By Ines Voss", "First paragraph of the article.",
             "Advertisement", "Second paragraph of the article.", "Third paragraph.", "Most read", "© 2021 Post"]
    labels = ["boilerplate", "boilerplate", "boilerplate", "article", "boilerplate", "article", "article", None,
              "boilerplate"]
    template = archive_sites.template_lines(lines, labels, {"Council backs the new pier | The Post"})
    assert template == [("Skip to content", ABOVE, 0.0), ("Advertisement", INSIDE, 1 / 3), ("© 2021 Post", BELOW, 1.0)]


def test_the_archive_is_json_lines_of_url_and_text(tmp_path, docs):
    path = tmp_path / "site.jsonl"
    assert archive_sites.write_archive(path, docs) == len(docs)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records == [{"url": d.url, "text": "\n".join(d.lines)} for d in docs]


def test_sites_are_chosen_from_both_parts():
    templates = [SiteTemplate(f"s{i}", f"s{i}.example", "report" if i % 3 == 0 else "tune", ()) for i in range(30)]
    chosen = archive_quality.choose(templates, 8, seed=1)
    assert Counter(t.part for t in chosen) == {"report": 4, "tune": 4}
    assert chosen == archive_quality.choose(templates, 8, seed=1)
    assert archive_quality.choose(templates, None, seed=1) == templates


def test_a_removal_whose_text_lacks_the_lines_zero_width_spaces_is_placed():
    """The reader drops zero-width spaces ("twocents.\u200blifehacker.\u200bcom"): the removal's text and offsets then
    miss them, and the line is found by its visible characters."""
    lines = ["Opening line of the story.", "Read more at harbour.\u200bgazette.\u200bexample", "Closing line."]
    removed = "Read more at harbour.gazette.example"
    start = len(lines[0]) + 1
    tally = archive_quality.score_document(lines, ["body", "template", "body"], f"{lines[0]}\n{lines[2]}", [
        {"text": removed, "start": start, "end": start + len(removed), "line": 2}])
    assert tally.removed == Counter({"template": 1}) and tally.unplaced == 0 and not tally.lost


def test_a_zone_whose_text_skips_a_line_another_rule_took_is_placed_line_by_line():
    """A zone's removal text holds the lines left when it ran: a line another rule took first is not in it, so its
    text is not in the input as one piece, and each of its lines is placed in turn."""
    lines = ["The quay reopened on Friday after repairs.", "Comments (12)", "Post a comment", "Reply",
             "Mara wrote at 10:14:", "Great news for the harbour!", "Reply"]
    kinds = ["body", "template", "template", "template", "template", "template", "template"]
    text = "\n".join(lines)
    zone = "\n".join(lines[1:2] + lines[3:])
    start = text.index(lines[1])
    removals = [{"text": lines[2], "start": text.index(lines[2]), "end": text.index(lines[2]) + len(lines[2]),
                 "line": 3},
                {"text": zone, "start": start, "end": start + len(zone), "line": 2}]
    tally = archive_quality.score_document(lines, kinds, lines[0], removals)
    assert tally.removed == Counter({"template": 6}) and tally.unplaced == 0 and not tally.lost
    # A line of the zone found nowhere after its first line: the zone is not placed at all.
    tally = archive_quality.score_document(lines, kinds, lines[0], [
        {"text": zone + "\nnot in the text", "start": 0, "end": 1, "line": 2}])
    assert tally.unplaced == 1 and tally.removed == Counter()
