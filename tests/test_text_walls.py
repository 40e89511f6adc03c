"""Walls in plain text (stages/text_walls.py): a preview cut where the article stops, with the line a sign-in box or an
offer leaves under it, as a naive scraper saves a walled page; and the excerpt of a related teaser under a complete
article, which is no cut. Texts written for these tests."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.document import Block, Document, Removal
from cleanser.stages.text_walls import core_end
from cleanser.stages.wall_signs import ACCOUNT_PROMPT

URL = "https://zeitung.example/region/hafen"

# Each: an opening paragraph, a preview paragraph cut by the server, and the lines a saved page keeps under it (an
# author's note, the wall box's account prompt, an offer, the footer).
WALLED = {
    "de": (
        "Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, den alten Hafenkran zu erhalten und "
        "die Sanierung aus dem Kulturetat zu bezahlen.",
        "Die Kosten schätzt das Bauamt auf gut 1,2 Millionen Euro, doch in der Debatte ging es vor allem um die "
        "Frage, wer den Kran künftig betreiben soll und ob der Verein der ...",
        ["Haben Sie noch kein Konto? Registrieren Sie sich hier", "Impressum · Datenschutz"],
    ),
    "fr": (
        "Le conseil municipal a voté mardi soir, à une courte majorité, la restauration de la vieille grue du port, "
        "financée sur le budget de la culture.",
        "Le coût est estimé à 1,2 million d'euros par les services techniques, mais le débat a surtout porté sur la "
        "question de savoir qui exploitera la grue et si l'association des amis du por...",
        ["Marie Lenoir", "Journaliste au service Région", "Ou si vous avez déjà un compte, connectez-vous ici"],
    ),
    "es": (
        "El concejo municipal aprobó el martes por la noche, por una mayoría estrecha, restaurar la vieja grúa del "
        "puerto con fondos del presupuesto de cultura.",
        "Los técnicos calculan un costo de 1,2 millones de euros, pero el debate giró sobre todo en torno a quién "
        "operará la grúa y si la asociación de vecinos del puerto podrá…",
        ["¿Ya tienes cuenta? Inicia sesión", "Términos y condiciones"],
    ),
    "it": (
        "Il consiglio comunale ha approvato martedì sera, con una maggioranza risicata, il restauro della vecchia gru "
        "del porto con i fondi della cultura.",
        "I tecnici stimano un costo di 1,2 milioni di euro, ma il dibattito ha riguardato soprattutto chi gestirà la "
        "gru e se l'associazione degli amici del porto potrà ...",
        ["Hai già un account? Accedi"],
    ),
    "pt": (
        "A câmara municipal aprovou na terça-feira à noite, por uma maioria estreita, a restauração do velho "
        "guindaste do porto com verbas da cultura.",
        "Os técnicos estimam um custo de 1,2 milhão de euros, mas o debate girou sobretudo em torno de quem vai "
        "operar o guindaste e se a associação dos amigos do porto poderá...",
        ["Já tem uma conta? Faça login"],
    ),
    "en": (
        "The city council voted narrowly on Tuesday night to restore the old harbour crane and to pay for the work "
        "out of the culture budget.",
        "Engineers put the cost at 1.2 million euros, but most of the debate was about who will run the crane once "
        "it is restored and whether the harbour society can…",
        ["Already have an account? Log in", "Subscribe now"],
    ),
    "pl": (
        "Rada miejska w wtorek wieczorem niewielką większością głosów zdecydowała o renowacji starego dźwigu "
        "portowego ze środków na kulturę.",
        "Koszt inżynierowie szacują na 1,2 mln euro, ale debata dotyczyła głównie tego, kto będzie obsługiwał dźwig "
        "i czy stowarzyszenie przyjaciół portu będzie mogło...",
        ["Masz już konto? Zaloguj się"],
    ),
    "sv": (
        "Kommunfullmäktige beslutade på tisdagskvällen med knapp majoritet att renovera den gamla hamnkranen med "
        "pengar ur kulturbudgeten.",
        "Ingenjörerna uppskattar kostnaden till 1,2 miljoner euro, men debatten handlade mest om vem som ska sköta "
        "kranen och om hamnföreningen kan få…",
        ["Har du redan ett konto? Logga in"],
    ),
}


def flags(lines: list[str]) -> dict[str, str]:
    return cleanser.clean("\n".join(lines), URL).flags


@pytest.mark.parametrize("language", sorted(WALLED))
def test_a_cut_preview_with_a_sign_in_box_under_it_is_walled(language):
    opening, preview, under = WALLED[language]
    found = flags(["Hafenkran bleibt", opening, preview, *under])
    assert "log-in prompt" in found["paywalled"] or "subscription offer" in found["paywalled"], found
    assert "before the paywall" in found["truncated"], found
    assert not found["paywalled"].startswith("registration wall"), found  # a sign-in box says not which wall


@pytest.mark.parametrize("language", sorted(WALLED))
def test_a_finished_text_with_a_sign_in_box_under_it_is_free(language):
    opening, preview, under = WALLED[language]
    finished = preview.rstrip(".… ") + "."
    found = flags(["Hafenkran bleibt", opening, finished, *under])
    assert "paywalled" not in found and "truncated" not in found, found


def test_a_comment_forms_prompt_is_no_wall():
    opening, preview, _ = WALLED["en"]
    found = flags([opening, preview, "Leave a comment", "Already have an account? Log in to comment"])
    assert "paywalled" not in found, found


def test_an_article_sentence_about_accounts_is_no_prompt():
    opening, preview, _ = WALLED["en"]
    sentence = (
        "Residents who already have an account with the harbour society will be asked to confirm their membership "
        "before the vote in March, the chair said."
    )
    found = flags([opening, preview, sentence])
    assert "paywalled" not in found, found


def test_the_prompt_must_be_right_under_the_cut():
    opening, preview, _ = WALLED["de"]
    footer = ["Kontakt", "Impressum", "Datenschutz", "Mediadaten", "Noch kein Konto? Jetzt registrieren"]
    found = flags([opening, preview, *footer])
    assert "paywalled" not in found, found


@pytest.mark.parametrize(
    "prompt",
    [
        "Already have an account?",
        "Don't have an account? Sign up",
        "Noch kein Konto? Jetzt registrieren",
        "Bereits registriert? Jetzt anmelden",
        "Vous avez déjà un compte ? Connectez-vous",
        "¿No tienes cuenta? Regístrate",
        "Non hai un account? Registrati",
        "Não tem uma conta? Cadastre-se",
        "Nog geen account? Registreer",
        "Nie masz konta? Zarejestruj się",
    ],
)
def test_account_prompts(prompt):
    assert ACCOUNT_PROMPT.search(prompt)


def test_the_core_is_the_heaviest_run_of_paragraphs():
    article = [Block(t, kind="paragraph") for t in (WALLED["en"][0], WALLED["en"][1])]
    footer = [
        Block("Contact us", kind="paragraph"),
        Block("Terms", kind="paragraph"),
        Block("Privacy", kind="paragraph"),
        Block("We use cookies on this site to understand how readers use it and to improve it.", kind="paragraph"),
    ]
    doc = Document(blocks=[Block("Crane stays", kind="heading"), *article, *footer], source="text")
    assert core_end(doc.blocks) is article[-1]
    # Asked again after a removal, of the same blocks, it answers for their new state, not from its memory.
    article[-1].removal = Removal(rule="generic/x", plugin="generic", text=article[-1].text, kind="line")
    assert core_end(doc.blocks) is article[0]
    article[-1].removal = None
    assert core_end(doc.blocks) is article[-1]


# --- a related teaser's excerpt under a complete article -------------------------------------------------------

ARTICLE = [
    "Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, den alten Hafenkran zu erhalten und die "
    "Sanierung aus dem Kulturetat zu bezahlen.",
    "Die Kosten schätzt das Bauamt auf gut 1,2 Millionen Euro. Betreiben soll den Kran künftig der Verein der "
    "Hafenfreunde, der dafür einen Zuschuss von 20.000 Euro im Jahr erhält.",
]


@pytest.mark.parametrize(
    "excerpt",
    [
        "Die Bauarbeiten an der Uferpromenade dauern länger als geplant, weil im Boden alte Fundamente....",
        "Wer im Sommer mit der Fähre übersetzen will, muss sich auf neue Preise einstellen, denn der Betreiber ...",
    ],
)
def test_a_teaser_excerpt_under_its_headline_after_the_article_is_no_cut(excerpt):
    found = flags(["Hafenkran bleibt", *ARTICLE, "Mehr aus der Region", excerpt])
    assert "truncated" not in found, found


def test_the_articles_own_excerpt_still_counts():
    # A teaser page: the excerpt is the text's only paragraph, under its headline.
    excerpt = "Die Bauarbeiten an der Uferpromenade dauern länger als geplant, weil im Boden alte Fundamente...."
    found = flags(["Uferpromenade", excerpt])
    assert "truncated" in found, found
    # ... and the last paragraph that follows the article's prose directly.
    found = flags(["Hafenkran bleibt", *ARTICLE, excerpt])
    assert "truncated" in found, found


# --- sign-in walls in more languages (data/wall_wording.json), as a page shows them and as a text saves them -------

SIGN_IN_WALLS = [
    ("fr", "Créez votre compte gratuit ou connectez-vous pour lire la suite de cet article."),
    ("fr", "Connectez-vous pour lire la suite"),
    ("pt", "Faça login para continuar lendo."),
    ("it", "Accedi per continuare a leggere."),
    ("de", "Bitte melden Sie sich an, um weiterzulesen."),
    ("de", "Einloggen und weiterlesen"),
]
OPENINGS = {
    "fr": WALLED["fr"][0],
    "pt": WALLED["pt"][0],
    "it": WALLED["it"][0],
    "de": WALLED["de"][0],
}


@pytest.mark.parametrize(("language", "wall"), SIGN_IN_WALLS)
def test_sign_in_walls_in_text(language, wall):
    found = flags(["Hafenkran bleibt", OPENINGS[language], wall])
    assert found["paywalled"].startswith("registration wall: visible registration wall"), found
    assert "truncated" in found, found


@pytest.mark.parametrize(("language", "wall"), SIGN_IN_WALLS)
def test_sign_in_walls_in_html(language, wall):
    html = (
        "<html><head><title>Hafen</title></head><body><article><h1>Hafenkran</h1>"
        f"<p>{OPENINGS[language]}</p></article><div class='box'><p>{wall}</p></div></body></html>"
    )
    found = cleanser.clean(html, URL).flags
    assert found["paywalled"].startswith("registration wall: visible registration wall"), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Wer sich beim Verein anmelden will, um weiterzulesen, was im Archiv über den Kran steht, muss einen Ausweis "
        "zeigen, sagte die Vorsitzende.",
        "Les lecteurs qui se connectent pour lire la suite du feuilleton sur le site de la mairie sont de plus en plus "
        "nombreux, selon l'adjoint.",
    ],
)
def test_an_article_sentence_with_the_words_is_no_wall(sentence):
    found = flags(["Hafenkran bleibt", WALLED["de"][0], sentence])
    assert "paywalled" not in found and "truncated" not in found, found


def test_a_sign_in_box_under_a_cut_preview_on_a_page():
    opening, preview, _ = WALLED["de"]
    html = (
        "<html><head><title>Hafen</title></head><body><article><h1>Hafenkran</h1>"
        f"<p>{opening}</p><p>{preview}</p></article><div class='box'><p>Haben Sie noch kein Konto?</p>"
        "<a href='/r'>Registrieren Sie sich hier</a></div><footer><a href='/i'>Impressum</a></footer></body></html>"
    )
    found = cleanser.clean(html, URL).flags
    assert found["paywalled"].startswith("a log-in prompt follows the cut text"), found
    assert "truncated" in found, found
    # The same page with the article finished: a free article on a site with accounts.
    finished = html.replace(preview, preview.rstrip(".… ") + ".")
    assert cleanser.clean(finished, URL).flags == {}


def test_a_wall_under_the_articles_core_with_long_furniture_below():
    # A saved page: the article, its wall, then teasers and a footer whose cookie notice is a paragraph of its own.
    opening, preview, _ = WALLED["de"]
    finished = preview.rstrip(".… ") + "."
    furniture = [
        "Dieser Artikel ist exklusiv für Abonnenten.",
        "Mehr aus der Region",
        "Kontakt",
        "Impressum",
        "Wir verwenden Cookies, um zu verstehen, wie unsere Leserinnen und Leser die Seite nutzen, und um sie zu "
        "verbessern.",
    ]
    found = flags(["Hafenkran bleibt", opening, finished, *furniture])
    assert found["paywalled"].startswith("visible paywall"), found
    # Without the wall, the same text is free.
    assert flags(["Hafenkran bleibt", opening, finished, *furniture[1:]]) == {}


# --- metered walls in more languages ------------------------------------------------------------------------------

METERED = [
    ("en", "You have reached your limit of free articles. Already a subscriber? Log in"),
    ("fr", "Vous avez atteint votre limite d'articles gratuits."),
    ("es", "Has alcanzado tu límite de artículos gratuitos. Suscríbete para continuar leyendo."),
    ("it", "Hai letto i tuoi 5 articoli gratuiti del mese."),
    ("de", "Sie haben diesen Monat bereits alle 5 kostenlosen Artikel gelesen."),
]
OPENING = {"en": WALLED["en"][0], "fr": WALLED["fr"][0], "es": WALLED["es"][0], "it": WALLED["it"][0]}
OPENING["de"] = WALLED["de"][0]


@pytest.mark.parametrize(("language", "wall"), METERED)
def test_metered_walls_in_text_and_html(language, wall):
    found = flags(["Hafenkran", OPENING[language], wall])
    assert found["paywalled"].startswith("visible paywall"), found
    assert "truncated" in found, found
    html = (
        "<html><head><title>Hafen</title></head><body><article><h1>Hafenkran</h1>"
        f"<p>{OPENING[language]}</p></article><div class='meter'><p>{wall}</p></div></body></html>"
    )
    assert cleanser.clean(html, URL).flags["paywalled"].startswith("visible paywall")


@pytest.mark.parametrize(("language", "wall"), METERED)
def test_a_metered_walls_template_above_a_whole_article_is_no_wall(language, wall):
    # The page carries its metered wall hidden in the header, and the whole article under it.
    opening, preview, _ = WALLED[language]
    finished = preview.rstrip(".… ") + "."
    assert flags([wall, "Hafenkran", opening, finished, finished]) == {}


def _teasers(count: int) -> list[str]:
    lines = []
    for i in range(count):
        lines += [
            f"Aus der Region {i}",
            f"Am Wochenende {i} feiert der Ruderclub sein Jubiläum mit einer Regatta auf dem alten Hafenbecken, zu der "
            "Mannschaften aus vier Ländern erwartet werden, wie der Vorstand mitteilte.",
        ]
    return lines


def test_a_wall_under_a_short_article_with_a_long_teaser_list_below():
    # The article's words are counted down to its end, not the saved page's teasers under the wall.
    opening, preview, _ = WALLED["de"]
    finished = preview.rstrip(".… ") + "."
    text = ["Hafenkran bleibt", opening, finished, "Dieser Artikel ist exklusiv für Abonnenten.", *_teasers(30)]
    assert sum(len(line.split()) for line in text) > 800
    found = flags(text)
    assert found["paywalled"].startswith("visible paywall"), found
    assert found["truncated"].startswith("a wall follows the text after"), found


def test_a_wall_under_a_long_article_is_still_a_promo():
    opening, preview, _ = WALLED["de"]
    finished = preview.rstrip(".… ") + "."
    text = ["Hafenkran bleibt", *([opening, finished] * 20), "Dieser Artikel ist exklusiv für Abonnenten."]
    assert flags(text) == {}


def test_an_excerpts_mark_with_page_furniture_taken_under_it_is_not_judged():
    # A plain text whose saved page goes on under the last paragraph (a rule took its copyright line): the
    # paragraph's four dots may be a related teaser's as well as the article's, and say nothing.
    excerpt = "Die Bauarbeiten an der Uferpromenade dauern länger als geplant, weil im Boden alte Fundamente...."
    result = cleanser.clean(
        "\n".join(["Hafenkran bleibt", *ARTICLE, excerpt, "© 2026 Hafenzeitung. Alle Rechte vorbehalten."]), URL
    )
    assert [r.rule for r in result.removed] == ["generic/copyright"]
    assert "truncated" not in result.flags, result.flags
    # A wall under it still says the text is cut.
    found = flags(["Hafenkran bleibt", *ARTICLE, excerpt, "Dieser Artikel ist exklusiv für Abonnenten."])
    assert "truncated" in found and "paywalled" in found, found


@pytest.mark.parametrize(
    ("language", "label"),
    [("es", "PARA SUSCRIPTORES"), ("de", "Exklusiv für Abonnenten"), ("en", "Member-only story"), ("fr", "Abonnés")],
)
def test_a_premium_label_above_a_cut_preview_in_text(language, label):
    opening, preview, _ = WALLED[language]
    found = flags([label, "Hafenkran", opening, preview])
    assert found["paywalled"].startswith("premium label"), found
    assert "before the paywall" in found["truncated"], found
    # The label above a finished text longer than a teaser (a subscriber's saved copy), or a cut text with no
    # label: no wall shows. (Above a finished text of a teaser's length it does: tests/test_text_walls_open.py.)
    finished = preview.rstrip(".… ") + "."
    assert "paywalled" not in flags([label, "Hafenkran", *([opening, finished] * 3)])
    assert "paywalled" not in flags(["Hafenkran", opening, preview])


def test_a_premium_label_far_above_the_article_is_a_menus():
    opening, preview, _ = WALLED["es"]
    menu = ["PARA SUSCRIPTORES", "Política", "Economía", "Deportes", "Cultura"]
    assert "paywalled" not in flags([*menu, "Hafenkran", opening, preview])


def test_a_premium_label_above_a_cut_preview_on_a_page():
    opening, preview, _ = WALLED["es"]
    html = (
        "<html><head><title>Grúa</title></head><body><article><span class='badge'>PARA SUSCRIPTORES</span>"
        f"<h1>La grúa del puerto</h1><p>{opening}</p><p>{preview}</p></article>"
        "<footer><a href='/t'>Términos</a></footer></body></html>"
    )
    found = cleanser.clean(html, URL).flags
    assert found["paywalled"].startswith('premium label "PARA SUSCRIPTORES" above a text that trails off'), found
    assert "truncated" in found, found
    finished = html.replace(preview, preview.rstrip(".… ") + ".")
    assert "paywalled" not in cleanser.clean(finished, URL).flags
    # The label under the article marks a teaser of another: no wall on this one.
    below = html.replace("<span class='badge'>PARA SUSCRIPTORES</span>", "").replace(
        "</article>", "</article><div><span>PARA SUSCRIPTORES</span><a href='/o'>Otra nota</a></div>"
    )
    assert "paywalled" not in cleanser.clean(below, URL).flags


def test_an_article_sentence_about_subscriptions_under_a_writers_ellipsis_is_no_offer():
    opening = WALLED["en"][0]
    trailing = (
        "Asked what comes next for the crane, the chair of the harbour society only smiled and said: we will see..."
    )
    sentence = (
        "Readers can subscribe to the council's minutes online, the clerk said, and more than 400 residents already "
        "do so every month."
    )
    found = flags(["Crane stays", opening, trailing, sentence])
    assert "paywalled" not in found, found
