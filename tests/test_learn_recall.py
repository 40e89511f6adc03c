"""Template lines that learning used to keep out, learned from how they recur (`learn/evidence.py`), and the
recurring content beside them kept.

The archive is written for the test: an English site whose pages carry, besides the article, a "most popular" box
of long summaries below it (the template's own prose, longer than many articles), an image credit between the
article's paragraphs at the same place in every page, a letterless copyright line and a comment counter. Its
recurring content: a long series lede in a fifth of the documents and a section heading in half of them, at
varying places.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cleanser import Cleaner
from cleanser.learn import learn, write_plugins
from cleanser.learn.dedup import Duplicates, template_prose
from cleanser.learn.mine import normalise
from cleanser.learn.settings import LearnSettings
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.settings import Settings
from cleanser.write.report_learned import learned_html

NOUNS = ["council", "harbour", "ferry", "school", "bakery", "museum", "orchard", "bridge", "library", "market",
         "lighthouse", "station", "garden", "theatre", "clinic", "quay"]
VERBS = ["approved", "delayed", "questioned", "funded", "praised", "reopened", "inspected", "closed", "expanded"]
ADJECTIVES = ["new", "old", "northern", "disputed", "popular", "costly", "quiet", "busy", "historic", "small"]

SUMMARIES = [  # the "most popular" box: the same long summaries under every article
    "Residents of the northern quarter gathered on Saturday to discuss the future of the old ferry terminal, which "
    "has stood empty since the operator moved its boats to the deeper water of the southern basin.",
    "The harbour master said the dredging work would continue through the winter months, with the channel closed "
    "to larger vessels on weekdays and open again to all traffic on Sundays and public holidays.",
    "A local bakery that has supplied bread to the island's schools for three generations will close its doors at "
    "the end of the month, its owners said, citing rising costs and the lack of a successor.",
    "Volunteers planted more than four hundred trees along the coastal path last weekend, part of a plan to protect "
    "the dunes from erosion and to give migrating birds a place to rest on their way south.",
    "The museum's new wing, built to house the maritime collection, opened to visitors on Thursday after a delay "
    "of almost two years caused by flooding in the basement and a dispute with the builders.",
    "Council members voted to extend the late bus service to the outer villages for another year, after a survey "
    "showed that most riders were shift workers at the hospital and the container port.",
    "Fishermen say the autumn catch has been the best in a decade, though prices at the morning market have fallen "
    "as buyers from the mainland wait for the storms that usually close the harbour in November.",
    "The lighthouse keeper's cottage, restored by a trust of local families, will be let to visitors from next "
    "spring, with the income going to the upkeep of the lighthouse and the lifeboat station.",
]
CREDIT = "Photograph: Gazette archive"
COUNTER = "{n} / 24"  # no letter at all: a gallery counter
HEADING = "What happens next"  # a section heading of half the articles, wherever the story puts it
SERIES_LEDE = (
    "This article is part of our series on the harbour towns of the north coast, where fishing, ferries and tourism "
    "have shaped daily life for generations and are changing again now."
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS), "the", rng.choice(ADJECTIVES),
             rng.choice(NOUNS), "after", "a", "meeting", "on", rng.choice(["Monday", "Tuesday", "Friday"]), "with",
             str(rng.randint(2, 90)), rng.choice(NOUNS), "workers"]
    return "The " + " ".join(words) + "."


def page(rng: random.Random, n: int, summaries: int, sentences: int) -> tuple[list[str], list[str]]:
    """(lines, article lines): the template (a letterless gallery counter first) around a short article of its own."""
    body = [sentence(rng) for _ in range(sentences + rng.randint(0, 2))]
    article = list(body)
    if rng.random() < 0.5:
        article.insert(rng.randint(1, len(article) - 1), HEADING)
    if n % 5 == 0:
        article.insert(0, SERIES_LEDE)
    lines = [COUNTER.format(n=rng.randint(1, 24)), "Harbour Gazette", "News | Sport | Opinion | Weather", *article]
    lines.insert(3 + len(article) // 2, CREDIT)  # halfway down the article, every time
    lines += [f"Comments ({rng.randint(1, 400)})", "Most popular", *SUMMARIES[:summaries]]
    return lines, article


def archive(
    count: int = 60, seed: int = 11, summaries: int = 2, sentences: int = 6
) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """The site's documents, and each one's article lines. With two summaries and six sentences or more an article
    has more words than the template (the loss guard refuses removals of more than half of a document's words)."""
    rng = random.Random(seed)
    docs, articles = [], []
    for n in range(count):
        lines, article = page(rng, n, summaries, sentences)
        docs.append((f"https://www.harbourgazette.example/news/{n}", "\n".join(lines)))
        articles.append(article)
    return docs, articles


@pytest.fixture(scope="module")
def base():
    return load_plugins([], entry_points=False).rulesets()


@pytest.fixture(scope="module")
def learned(base):
    docs, articles = archive()
    return learn(docs, base=base), docs, articles


def test_the_template_prose_does_not_make_every_page_a_near_duplicate():
    docs, _ = archive(20, summaries=8, sentences=4)
    pages = [text.split("\n") for _, text in docs]
    # Compared whole, the long shared box makes each page a near duplicate of the first.
    whole = Duplicates(0.7)
    assert sum(whole.seen(lines) for lines in pages) >= 15
    common = template_prose(pages)
    assert {normalise(s) for s in SUMMARIES} == common  # the article's prose is in no three pages
    apart = Duplicates(0.7, common=common)
    assert not any(apart.seen(lines) for lines in pages)


def test_long_inline_and_letterless_template_lines_are_learned(learned):
    learning, docs, _ = learned
    model = learning.sites[0]
    assert model.near_duplicates == 0 and model.duplicates == 0
    assert model.used + model.held.documents == len(docs)
    templates = {c.template: c for c in model.rules}
    assert CREDIT in templates and "inline" in templates[CREDIT].why
    # Digits are slots, whether they vary or not; the slash is what the rule must find literally.
    assert templates["{number} / {number}"].where == "top"
    assert "Comments ({number})" in templates
    # The summaries are long prose, but in every page and below the article: the template's.
    assert all(any(t.startswith(s[:60]) for t in templates) for s in SUMMARIES[:2])


def test_recurring_content_beside_them_is_kept(learned, base, tmp_path: Path):
    learning, docs, articles = learned
    model = learning.sites[0]
    rule_patterns = [c.template for c in model.rules]
    assert HEADING not in rule_patterns and SERIES_LEDE not in rule_patterns
    kept_out = {c.template: c.reason for c in model.review}
    assert "position varies" in kept_out.get(HEADING, "position varies")

    write_plugins(learning, tmp_path, LearnSettings())
    plugins = load_plugins([str(tmp_path)], entry_points=False)
    cleaner = Cleaner(Plugins.from_rulesets(*base, *plugins.rulesets()), settings=Settings())
    for (url, text), article in zip(docs, articles, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert [line for line in out if line in article] == article  # every article line, in order
        assert CREDIT not in out and not any(re.fullmatch(r"\d+ / 24", line) for line in out)
        assert not set(SUMMARIES) & set(out) and "Most popular" not in out


def test_an_inline_line_needs_the_template_share_and_the_same_place(base):
    docs, _ = archive()
    # In four documents in five (below the template share), the credit is judged as any inline line: no cue.
    fewer = [(url, text.replace(CREDIT + "\n", "") if n % 5 == 1 else text) for n, (url, text) in enumerate(docs)]
    sometimes = learn(fewer, base=base).sites[0]
    assert CREDIT not in {c.template for c in sometimes.rules}
    assert "no structural cue" in {c.template: c.reason for c in sometimes.review}[CREDIT]
    # The same line, at a different place in each page: not the template's.
    rng = random.Random(4)
    moved = []
    for url, text in docs:
        lines = [line for line in text.split("\n") if line != CREDIT]
        lines.insert(rng.randint(3, 3 + 4), CREDIT)
        moved.append((url, "\n".join(lines)))
    wandering = learn(moved, base=base).sites[0]
    assert CREDIT not in {c.template for c in wandering.rules}


def test_the_html_report_shows_what_was_learned():
    section = {
        "hosts": {
            "www.harbourgazette.example": {
                "status": "learned", "plugin": "harbourgazette", "records": 60, "used": 51, "removed": 240,
                "rules": [{"id": "credit", "match": CREDIT, "support": 51, "where": "any", "glued": "none",
                           "removed": 60}],
                "review": [{"template": HEADING, "support": 26, "reason": "its position varies"}],
                "review_count": 1, "held_back": {"documents": 9, "boilerplate_staying": 0},
            },
            "tiny.example": {"status": "too few documents", "records": 3, "sampled": 3},
        },
        "learned": ["www.harbourgazette.example"], "no_rules": [], "too_few": {"tiny.example": 3},
        "rules": 1, "removed": 240, "first_pass_seconds": 1.5, "reused": False, "plugins_dir": "learned/",
    }
    html = learned_html(section)
    assert 'id="learned-hosts"' in html and "tiny.example" in html and "too few documents" in html
    assert "Photograph: Gazette archive" in html and "What happens next" in html and "its position varies" in html
    assert "<code>learned/</code>" in html
    assert learned_html(None) == ""


def test_a_short_line_of_a_minority_against_the_article_is_kept(base):
    """A standfirst of five words, no sentence end and no byline beside it, above the first paragraph of a quarter
    of the articles; and a short kicker glued before the first sentence of a fifth of them: content that recurs,
    however short. A campaign banner of a quarter of the pages, among the template's lines, is still learned."""
    standfirst, kicker = "Servers are refusing connections", "Tracking annoys"
    banner = "Harbour Days festival guide"
    docs, articles = archive()
    edited, kept = [], []
    for n, ((url, text), article) in enumerate(zip(docs, articles, strict=True)):
        lines = text.split("\n")
        first = lines.index(article[0])
        article = list(article)
        if n % 4 == 1:
            lines.insert(first, standfirst)
            article.insert(0, standfirst)
            first += 1
        if n % 5 == 2:
            lines[first] = f"{kicker}. {lines[first]}"
            article[article.index(lines[first].split(". ", 1)[1])] = lines[first]
        if n % 4 == 3:
            lines.insert(1, banner)  # between the site's name and its menu
        edited.append((url, "\n".join(lines)))
        kept.append(article)
    model = learn(edited, base=base).sites[0]
    rules = {c.template for c in model.rules}
    assert standfirst not in rules and kicker not in rules and not any(kicker in r for r in rules)
    review = {c.template: c.reason for c in model.review}
    assert "against the article" in review[standfirst]
    assert banner in rules


def test_clean_learn_report_html_has_the_learned_section(tmp_path: Path):
    from conftest import run_cli
    from test_archive import write_jsonl

    docs, _ = archive(40)
    dump = write_jsonl(tmp_path / "dump.jsonl", [{"url": url, "text": text} for url, text in docs])
    page = tmp_path / "report.html"
    proc = run_cli("clean", str(dump), "--learn", "-o", str(tmp_path / "out.jsonl"), "--report-html", str(page), "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    html = page.read_text(encoding="utf-8")
    assert 'id="learned-hosts"' in html and "harbourgazette.example" in html
    assert CREDIT in html  # the rule learned for the image credit, with what it removed
