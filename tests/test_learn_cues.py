"""Template lines that stand anywhere between the article's paragraphs: picture credits and "read also" links,
taken by their wording (`learn/cues.py`), and paragraphs of the template whose place moves with the article's
length (`learn/wandering.py`); and the recurring content beside them kept.

The archives are `test_learn_recall`'s Harbour Gazette, with lines inserted at places drawn for every page.
"""

from __future__ import annotations

import random

import pytest
from test_learn_recall import archive

from cleanser import Cleaner
from cleanser.learn import learn
from cleanser.learn.cues import cue_wording, picture_credit, read_also_label
from cleanser.learn.plugin import plugin_dict
from cleanser.learn.runs import NOT_VERIFIED
from cleanser.learn.settings import LearnSettings
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.rules.model import ruleset_from_dict
from cleanser.settings import Settings

CREDITS = ["Getty Images", "AP", "AFP/Getty Images"]
# The site's other stories, linked under a Spanish "read also" label (headlines written for the test).
HEADLINES = [
    "El puerto tendrá un nuevo ferry antes del verano", "Cierra la panadería más antigua del barrio",
    "¿Quién pagará la reforma del muelle?", "Los pescadores celebran la mejor campaña en diez años",
    "El museo marítimo abre su nueva sala", "Vuelve el autobús nocturno a los pueblos del norte",
    "La biblioteca amplía su horario en invierno", "Plantan cuatrocientos árboles junto a la costa",
    "El faro se convierte en casa rural", "Obras en el puente hasta diciembre",
    "Récord de visitantes en el mercado de los sábados", "La escuela del puerto cumple cien años",
]
PHOTOGRAPHERS = ["Ana Ruiz", "Tom Reed", "Mara Quist", "Jon Peel", "Ines Vidal", "Olek Nowak", "Sara Lind",
                 "Paul Weir", "Nina Roth", "Ed Lowe", "Kim Tan", "Luca Neri", "Rosa Gil", "Ivo Marx"]
NOTICE = (
    "Harbour Gazette is funded by its readers. Every article on this site is free to read, and stays free because "
    "people like you chip in."
)
LEDE = "The ferry dispute has divided the island's families for three years now."  # content of a third of the pages
HEADING = "Background"  # a short subheading of every article, wherever the story puts it


def insert_between(rng: random.Random, lines: list[str], article: list[str], text: str) -> None:
    """`text` above one of the article's lines after its first, drawn for this page."""
    lines.insert(lines.index(rng.choice(article[1:])), text)


def cue_archive(count: int = 60) -> tuple[list[tuple[str, str]], list[list[str]]]:
    rng = random.Random(23)
    docs, articles = archive(count, seed=29)
    out, keep = [], []
    for (url, text), article in zip(docs, articles, strict=True):
        lines = text.split("\n")
        if rng.random() < 0.7:  # the pictures' credits, one to three a page, wherever the pictures are
            for credit in rng.sample(CREDITS, rng.randint(1, 3)):
                insert_between(rng, lines, article, credit)
        if rng.random() < 0.6:
            insert_between(rng, lines, article, f"Lea más: {rng.choice(HEADLINES)}")
        if rng.random() < 0.5:  # a credit naming the photographer: a different one in most pages
            insert_between(rng, lines, article, f"{rng.choice(PHOTOGRAPHERS)}/AFP via Getty Images")
        out.append((url, "\n".join(lines)))
        keep.append(article)
    return out, keep


def wandering_archive(count: int = 60) -> tuple[list[tuple[str, str]], list[list[str]]]:
    rng = random.Random(31)
    docs, articles = archive(count, seed=37)
    out, keep = [], []
    for n, ((url, text), article) in enumerate(zip(docs, articles, strict=True)):
        lines = text.split("\n")
        article = list(article)
        insert_between(rng, lines, article, NOTICE)  # after the second, third, ... paragraph: wherever
        for line in ([LEDE] if n % 3 == 0 else []) + [HEADING]:  # the article's own, at varying places too
            at = lines.index(rng.choice(article[1:]))
            lines.insert(at, line)
            article.insert(article.index(lines[at + 1]), line)
        out.append((url, "\n".join(lines)))
        keep.append(article)
    return out, keep


@pytest.fixture(scope="module")
def base():
    return load_plugins([], entry_points=False).rulesets()


def learned_cleaner(base, docs, settings: LearnSettings | None = None):
    model = learn(docs, base=base, settings=settings).sites[0]
    plugins = Plugins.from_rulesets(*base, ruleset_from_dict(plugin_dict(model), source="<learned>"))
    return model, Cleaner(plugins, settings=Settings())


def test_picture_credits_are_credit_words_only():
    for text in ("Getty Images", "AP", "AFP/Getty Images", "Photo: Reuters", "© 2021 EPA-EFE", "Rex/Shutterstock",
                 "{name}/AFP via Getty Images", "Foto: dpa", "Jane Doe/AP", "Photograph: Ana Ruiz/Getty Images",
                 "Tom Reed via Getty Images"):
        assert picture_credit(text), text
    # A name needs a slash or a credit word to end it; a sentence, or a label with no agency, is no credit.
    for text in ("Photo: Gazette archive", "The AP reported the vote.", "Reuters said on Monday", "Photo and video",
                 "Images", "{name}", "Getty Images shows the harbour at night", "London Reuters", "Barack Obama and AP",
                 "Reuters Chief Executive Officer", "Photo: Jane Doe", "Ana Maria Luisa Ruiz Vidal/AP"):
        assert not picture_credit(text), text


def test_read_also_labels_in_the_languages_of_the_web():
    assert read_also_label("Lea más: El puerto tendrá un nuevo ferry") == "Lea más:"
    assert read_also_label("Lea: Cierra la panadería") == "Lea:"
    assert read_also_label("Czytaj też: Czy port dostanie nowy prom?") == "Czytaj też:"
    assert read_also_label("Les også: Havna får ny ferje") == "Les også:"
    assert read_also_label("Lesen Sie auch") == "Lesen Sie auch"
    # Prose after a label, a bare verb that is also a name saying a sentence, a word outside the formula: none.
    assert read_also_label("Lea: Welcome back to the show.") is None
    assert read_also_label("Lee: I think the ferry will come.") is None
    assert read_also_label("Les enfants : ils sont partis.") is None
    assert read_also_label("Read the report in full, she said.") is None
    assert cue_wording("AP") == "AP" and cue_wording("The ferry sailed.") is None


@pytest.fixture(scope="module")
def cued(base):
    docs, keep = cue_archive()
    model, cleaner = learned_cleaner(base, docs)
    return docs, keep, model, cleaner


def test_credits_and_read_also_links_anywhere_in_the_article_are_learned(cued):
    _, _, model, _ = cued
    rules = {c.template: c for c in model.rules}
    for credit in CREDITS:
        assert credit in rules and "a picture credit" in rules[credit].why, credit
    assert "Lea más: {title}" in rules and "a 'read also' label" in rules["Lea más: {title}"].why
    named = [c for c in model.rules if c.template.endswith("via Getty Images") and "{name}" in c.template]
    assert named and "a picture credit" in named[0].why


def test_credits_and_read_also_links_go_and_the_article_stays(cued):
    docs, keep, _, cleaner = cued
    for (url, text), article in zip(docs, keep, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert [line for line in out if line in article] == article
        assert not set(CREDITS) & set(out)
        assert not any(line.startswith("Lea más:") or line.endswith("via Getty Images") for line in out)


@pytest.fixture(scope="module")
def wandered(base):
    docs, keep = wandering_archive()
    model, cleaner = learned_cleaner(base, docs)
    return docs, keep, model, cleaner


def test_a_template_paragraph_at_varying_places_is_learned_and_verified(wandered):
    _, _, model, _ = wandered
    rules = {c.template: c for c in model.rules}
    notice = NOTICE.rstrip(".")  # a template leaves out the final punctuation, as the matcher folds it
    assert notice in rules and rules[notice].verified
    assert "a paragraph of the template" in rules[notice].why
    # The article's own recurring lines stay out: a lede of a third of the pages, a short subheading of every one.
    assert LEDE not in rules and HEADING not in rules


def test_the_wandering_paragraph_goes_and_the_article_stays(wandered):
    docs, keep, _, cleaner = wandered
    for (url, text), article in zip(docs, keep, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert [line for line in out if line in article] == article
        assert NOTICE not in out


def test_a_wandering_paragraph_the_held_back_documents_do_not_verify_goes_to_review(base):
    docs, _ = wandering_archive()
    model = learn(docs, base=base, settings=LearnSettings(hold_back=0)).sites[0]
    assert {c.template: c.reason for c in model.review}[NOTICE.rstrip(".")] == NOT_VERIFIED


STYLE = "img#gazette-logo {{ display: initial; margin-left: {px}px; }} © {year} Harbour Gazette Media"


def test_a_template_line_with_a_scrapers_css_braces_is_learned(base):
    """Style text a scraper kept beside the footer has literal braces; only a name in braces (`{title}`) would read
    as a slot, so only such a line is kept out."""
    rng = random.Random(41)
    docs, articles = archive(40, seed=43)
    edited = []
    for url, text in docs:
        edited.append((url, text + "\n" + STYLE.format(px=rng.randint(10, 30), year=rng.randint(2010, 2024))))
    model, cleaner = learned_cleaner(base, edited)
    rules = [c for c in model.rules if c.template.startswith("img#gazette-logo {")]
    assert rules and "{number}px; }" in rules[0].template and "{year}" in rules[0].template
    for (url, text), article in zip(edited, articles, strict=True):
        out = cleaner.clean(text, url=url).text
        assert "gazette-logo" not in out and all(line in out.split("\n") for line in article)


COMMENT = "Great to see the ferry back, we waited far too long for this one."
INTRO = "Here is what we know so far:"  # the article's: it introduces the article's next paragraph


def comment_archive(count: int = 60) -> tuple[list[tuple[str, str]], list[list[str]]]:
    """A reader's comment box between the article's paragraphs, wherever the page put it: its header ends in a
    colon and introduces the comment (the template's); the article's own line ending in a colon introduces the
    article's next paragraph."""
    rng = random.Random(47)
    docs, articles = archive(count, seed=53)
    out, keep = [], []
    for (url, text), article in zip(docs, articles, strict=True):
        lines = text.split("\n")
        article = list(article)
        header = f"Ana Ruiz wrote on March {rng.randint(1, 28)}, {rng.randint(2015, 2024)} at {rng.randint(1, 12)}:45:"
        at = lines.index(rng.choice(article[1:]))
        lines[at:at] = [header, COMMENT, "Reply"]
        after = rng.choice(article[1:])
        lines.insert(lines.index(after), INTRO)
        article.insert(article.index(after), INTRO)
        out.append((url, "\n".join(lines)))
        keep.append(article)
    return out, keep


def test_a_comment_box_inside_the_article_goes_with_its_header_and_a_line_introducing_the_article_stays(base):
    docs, keep = comment_archive()
    model, cleaner = learned_cleaner(base, docs)
    rules = {c.template: c for c in model.rules}
    headers = [c for c in model.rules if c.template.startswith("Ana Ruiz wrote on")]
    assert headers and COMMENT.rstrip(".") in rules
    assert INTRO not in rules and INTRO.rstrip(":") not in rules
    for (url, text), article in zip(docs, keep, strict=True):
        out = cleaner.clean(text, url=url).text.split("\n")
        assert [line for line in out if line in article] == article
        assert COMMENT not in out and not any(line.startswith("Ana Ruiz wrote") for line in out)
