"""The generic line scorer (`cleanser.generic_lines`): what it takes from a text, the evidence it gives, what it must
never take, and that `generic="off"` leaves the rules' output as it was."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS

import cleanser.pipeline
from cleanser import Cleaner
from cleanser.document import LINE, Block, Document, Removal
from cleanser.read.text import read_text
from cleanser.rules.book import RuleBook
from cleanser.settings import GuardSettings
from cleanser.stages.generic_lines import RULE, document_lines, line_features, model
from cleanser.stages.guard import guard

# Our own article: three paragraphs of invented prose.
PROSE = [
    "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later "
    "than planned, after a dispute with the builder over the cost of the steel frame.",
    "Residents who had campaigned for the terminal said they were relieved, though several told the council "
    "meeting that the delays had already cost the town a summer of visitors and trade.",
    "The authority's chief executive said the final bill would be about a fifth higher than the first estimate, "
    "and that the difference would be met from reserves rather than from higher fees.",
]

CLEANERS = {level: Cleaner(generic=level) for level in ("off", "safe", "aggressive")}


def scored(result) -> list[Removal]:
    return [r for r in result.removed if r.rule == RULE]


def test_a_share_line_under_the_article_goes_with_its_score_and_evidence():
    line = "Share this story with your friends on WhatsApp"
    text = "\n".join([*PROSE, line])
    for level in ("safe", "aggressive"):
        result = CLEANERS[level].clean(text)
        (removal,) = scored(result)
        assert removal.text == line and removal.where == "bottom"
        assert removal.plugin == "generic" and removal.kind == "line" and removal.line == 4
        assert removal.score is not None and removal.score >= model()["thresholds"][level]
        # The evidence names the words that gave the line away, strongest first, with their weights.
        assert removal.evidence and removal.evidence[0].startswith(("w:", "b:"))
        assert any(e.startswith(("w:share", "w:whatsapp", "b:share this")) for e in removal.evidence[:3])
        d = removal.to_dict()
        assert d["score"] == removal.score and d["evidence"] == list(removal.evidence)
        assert result.text == "\n".join(PROSE)


def test_the_aggressive_level_takes_what_the_safe_level_leaves():
    """A "click to share" line whose words say less: kept at safe, taken at aggressive."""
    line = "Click to share on WhatsApp"
    text = "\n".join([*PROSE, line])
    assert scored(CLEANERS["safe"].clean(text)) == []
    (removal,) = scored(CLEANERS["aggressive"].clean(text))
    assert removal.text == line and removal.evidence[0].startswith(("w:click", "w:share", "w:whatsapp"))


def test_a_footer_of_legal_links_goes_at_the_aggressive_level():
    footer = "Terms of Use | Privacy Policy"  # three items or more are a rule's (`legal-links`)
    result = CLEANERS["aggressive"].clean("\n".join([*PROSE, footer]))
    (removal,) = scored(result)
    assert removal.text == footer
    assert any(e.startswith(("w:privacy", "w:policy", "b:privacy policy")) for e in removal.evidence)


@pytest.mark.parametrize("level", ["safe", "aggressive"])
def test_prose_that_mentions_newsletters_stays(level):
    lines = [
        PROSE[0],
        "Our newsletter readers heard about the terminal first, the editor wrote in a note to subscribers.",
        PROSE[1],
        "Sign-ups to the newsletter doubled.",
        PROSE[2],
    ]
    text = "\n".join(lines)
    result = CLEANERS[level].clean(text)
    assert scored(result) == [] and result.text == text


def test_the_safe_level_never_takes_a_sentence_however_promo_its_words():
    """A short sentence made of calls to action, under the article: the safe level keeps it (the aggressive level
    may take it: that is the risk it trades for recall, measured in docs/quality.md)."""
    text = "\n".join([*PROSE, "Subscribe, share, follow: the ferry firm tried them all."])
    result = CLEANERS["safe"].clean(text)
    assert scored(result) == [] and result.text == text


def test_a_title_and_standfirst_above_the_first_paragraph_are_never_scored():
    title = "Subscribe to the ferry plan, campaigners urge readers"
    standfirst = "Share your views with the harbour board online"
    doc = read_text("\n".join([title, standfirst, *PROSE]))
    _, states = document_lines(doc)
    assert states[:2] == ["other", "other"] and states[2:] == ["prose"] * 3
    assert scored(CLEANERS["aggressive"].clean("\n".join([title, standfirst, *PROSE]))) == []


def test_a_line_a_rule_removed_counts_as_a_boilerplate_neighbour():
    doc = read_text("\n".join([*PROSE, "Sign up for our newsletter", "Send us a tip"]))
    apply_generic = Cleaner(generic="off")
    result = apply_generic.clean("\n".join([*PROSE, "Sign up for our newsletter"]))
    assert [r.rule for r in result.removed] == ["generic/newsletter-signup"]
    doc.blocks[3].removal = result.removed[0]
    _, states = document_lines(doc)
    assert states == ["prose", "prose", "prose", "ruled", "short"]


def test_shape_features_name_what_a_line_holds():
    feats = set(line_features("© 2024 Harbour Gazette Ltd | Contact: desk@harbourgazette.example | @hgazette"))
    assert {"s:copyright", "s:year", "s:email", "s:separators"} <= feats
    assert "w:gazette" in feats and "b:harbour gazette" in feats
    assert "s:ends-sentence" in set(line_features("The ferry will run every hour."))
    assert "s:all-caps" in set(line_features("MOST READ IN SPORT"))


def test_html_input_is_left_to_the_html_stage():
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PROSE)
    page += "<p>Click to share on WhatsApp</p></article></body></html>"
    assert scored(CLEANERS["aggressive"].clean(page)) == []


def test_off_reproduces_the_rules_only_output(monkeypatch):
    """With generic="off" the scorer never runs: the output is what the rules and the guard alone make, exactly as
    before the scorer existed (checked by running the pipeline with the scorer and the zone stage taken out)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("articles/*.input.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("negative/*.txt"))]
    texts += ["\n".join([*PROSE, "Click to share on WhatsApp", "Terms of Use | Privacy Policy | Cookie Settings"])]
    off = [CLEANERS["off"].clean(t).to_dict() for t in texts]
    assert not any("score" in r for d in off for r in d["removed"])
    monkeypatch.setattr(cleanser.pipeline, "mark_lines", lambda doc, level: 0)
    monkeypatch.setattr(cleanser.pipeline, "mark_zones", lambda doc, level: 0)  # the other generic text stages
    monkeypatch.setattr(cleanser.pipeline.cms_strings, "mark_lines", lambda doc, level: 0)
    monkeypatch.setattr(cleanser.pipeline.share_runs, "mark_runs", lambda doc, level: 0)
    without_scorer = Cleaner(generic="aggressive")
    assert [without_scorer.clean(t).to_dict() for t in texts] == off


def test_the_guard_budget_takes_back_the_scorers_least_sure_removals_first():
    words = " ".join(["word"] * 40)
    blocks = [Block(text=f"{words} {i}.", kind=LINE, line=i + 1) for i in range(4)]  # 4 x 41 words
    ruled = Removal(rule="site/promo", plugin="site", text=blocks[0].text, kind="line")
    sure = Removal(rule=RULE, plugin="generic", text=blocks[1].text, kind="line", score=0.99, evidence=("w:x +1",))
    unsure = Removal(rule=RULE, plugin="generic", text=blocks[2].text, kind="line", score=0.7, evidence=("w:y +1",))
    for block, removal in zip(blocks, (ruled, sure, unsure), strict=False):
        block.removal = removal
    doc = Document(blocks, source="text")
    # 123 of 164 words marked, over half: the least sure scored removal gives way, then the budget is met.
    guard(doc, RuleBook(()), GuardSettings(budget=0.5, min_words=120), set())
    assert unsure.refused and "least sure" in unsure.refused
    assert ruled.refused is None and sure.refused is None
    assert blocks[0].removal is ruled and blocks[2].removal is None


def test_a_removal_without_a_score_keeps_its_json_fields():
    d = Removal(rule="a/b", plugin="a", text="x", kind="line").to_dict()
    assert list(d) == ["rule", "plugin", "text", "kind", "where", "line", "start", "end"]


def test_the_model_file_is_versioned_and_complete():
    m = model()
    assert m["version"] >= 1 and {"safe", "aggressive"} <= set(m["thresholds"])
    safe, aggressive = m["floors"]["safe"], m["floors"]["aggressive"]
    # The safe level asks more of a line than the aggressive one, and of a sentence far more than of any line: the
    # words of a sentence it takes must be boilerplate's through and through.
    assert safe["words"] >= aggressive["words"] and safe["line"] >= aggressive["line"]
    assert safe["sentences"] is None or safe["sentences"] >= max(2 * safe["words"], aggressive["sentences"] or 0)
    assert m["line"] and m["context"] and all(isinstance(v, float) for v in m["line"].values())
    json.dumps(m)  # plain data


def test_the_scorer_never_empties_a_document():
    # A file holding only a URL (or one short line) was emptied at the default level: with nothing around it, a
    # line is no boilerplate the scorer can judge.
    from cleanser import Cleaner

    cleaner = Cleaner(generic="safe")
    for text in ("https://www.reuters.com/markets/commodities/french-wheat-exports-set-decade-low-2024-05-06/\n",
                 "Share this story with your friends on WhatsApp\n"):
        assert cleaner.clean(text).text == text  # nothing removed: the file as it was


def test_a_short_line_is_also_known_by_its_whole_text():
    """"Teilen" alone on a line is a share button, though "teilen" is a common word of German prose: a line of a few
    words is a feature of its own, whose weight the fit learns from the furniture of many sites."""
    assert "l:teilen" in line_features("Teilen")
    assert "l:nach oben" in line_features("Nach oben")
    assert not any(f.startswith("l:") for f in line_features("Die Gemeinde will die Kosten mit dem Land teilen"))


def test_a_run_of_german_furniture_under_the_article_goes_at_the_aggressive_level():
    """Footer and share lines learned from German pages' markup (the silver labels of bench/silver_lines.py): no rule
    names them. (The safe level's floors ask more of a line than one or two such words give: docs/quality.md.)"""
    furniture = ["Teilen", "Impressum", "Datenschutz", "Kontakt", "Nach oben"]
    result = CLEANERS["aggressive"].clean("\n".join([*PROSE, *furniture]))
    taken = {r.text for r in scored(result)}
    assert len(taken) >= 4 and taken <= set(furniture)
    assert result.text.startswith("\n".join(PROSE))
