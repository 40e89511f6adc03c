"""Generic line rules in the languages of the web (`generic.toml`): copyright footers (`copyright`, with the guard's
reading of a line that opens with a copyright sign and a year as a notice), "read also" links (`read-also`, and what
they say of the page: the article may go on under them), newsletter sign-up prompts (`newsletter-signup-languages`),
tag and category lines (`tag-line`), photo credit lines (`photo-credit-line`), and the page's furniture: ad labels
and ad scripts, JavaScript notices, form states, back-to-top links, market-data notices and company-register
footers."""

from __future__ import annotations

import pytest

import cleanser
from cleanser.stages.guard import reads_as_sentence

PARAGRAPHS = [
    "The harbour board met on Tuesday to decide the future of the old ferry terminal, closed since the spring floods.",
    "Engineers told the board that the pier could be repaired for a fraction of the cost of a new one, if work began "
    "before the winter storms.",
    "Several fishermen spoke against the plan, saying the repairs would block the inner basin for most of the season.",
    "The board chair said a decision would be taken at the next meeting, after a survey of the seabed.",
]
BODY = [PARAGRAPHS[0], PARAGRAPHS[2]]
COUNCIL = [
    "The council voted on Tuesday to approve the new budget after a long debate that ran late into the night.",
    "Members of the public were invited to speak, and several did, raising concerns about the cost of the scheme.",
]


def assert_goes(article: list[str], at: int, line: str, rule: str) -> None:
    """`line` put at index `at` of the article's lines is removed, by `rule` alone, and the article comes back."""
    result = cleanser.clean("\n".join([*article[:at], line, *article[at:]]))
    assert result.text == "\n".join(article)
    assert [removal.rule for removal in result.removed] == [rule]


def assert_stays(article: list[str], at: int, line: str) -> None:
    """`line` put at index `at` of the article's lines is the article's: nothing is removed."""
    text = "\n".join([*article[:at], line, *article[at:]])
    assert cleanser.clean(text).text == text


@pytest.mark.parametrize(
    "footer",
    [
        "© 1999-2017 Harbour Group Ltd.",
        "©2021 Derechos Reservados. Puerto Noticias es una marca registrada de Puerto Medios S.A.",
        "2023 - Todos los derechos reservados.",
        "Copyright Gazeta do Porto. Todos os direitos reservados.",
        "© 2022 Hafen Verlag GmbH - Alle Rechte vorbehalten",
        "© 2020 Le Petit Port. Tous droits réservés.",
        "© 2019 Porto Editore. Tutti i diritti riservati.",
        "© 2024 Havenblad B.V. Alle rechten voorbehouden.",
    ],
)
def test_a_copyright_footer_goes_in_its_language(footer: str) -> None:
    assert_goes(COUNCIL, 2, footer, "generic/copyright")


@pytest.mark.parametrize(
    "sentence",
    [
        "Todos los derechos reservados a los socios fueron anulados por el tribunal el viernes pasado.",
        "2024 brachte dem Verlag einen Rekord, alle Rechte vorbehalten blieben beim Autor, sagte er.",
        "Copyright law has not kept up with artificial intelligence, the judge wrote in her ruling.",
    ],
)
def test_an_article_sentence_with_the_words_stays(sentence: str) -> None:
    assert_stays(COUNCIL, 2, sentence)


def test_a_line_opening_with_a_copyright_sign_and_a_year_is_no_sentence() -> None:
    assert not reads_as_sentence("© 1999-2017 Harbour Group Ltd.")
    assert not reads_as_sentence("©2021 Derechos Reservados. Puerto Noticias es una marca registrada.")
    # The sign alone, or a year without it, says nothing: these are read as any line is.
    assert reads_as_sentence("© The photographers kept every right to the pictures they took that day.")
    assert reads_as_sentence("1999 was the year the harbour froze over for the last time.")


@pytest.mark.parametrize(
    "line",
    [
        "Lesen Sie auch: Hafen bekommt neue Fähre",
        "Lire aussi : Le port va accueillir un nouveau ferry",
        "VEA TAMBIÉN: El puerto tendrá un nuevo ferry",
        "Leia também: Porto terá nova balsa",
        "Leggi anche: Il porto avrà un nuovo traghetto",
        "Czytaj też: Czy port dostanie nowy prom?",
        "Läs också: Hamnen får en ny färja",
        "Читайте также: В порту появится новый паром",
    ],
)
def test_a_read_also_link_between_paragraphs_goes(line: str) -> None:
    assert_goes(PARAGRAPHS, 2, line, "generic/read-also")


@pytest.mark.parametrize(
    "sentence",
    [
        "Lesen Sie auch die Stellungnahme des Bürgermeisters, riet der Sprecher am Montag.",
        "Lire aussi les conclusions du rapport, a conseillé la ministre devant les députés.",
    ],
)
def test_the_words_of_a_read_also_link_in_a_sentence_stay(sentence: str) -> None:
    assert_stays(PARAGRAPHS, 2, sentence)


def test_the_article_goes_on_under_a_read_also_link() -> None:
    """A removed read-also line is no boundary of the page's furniture: the paragraphs under a run of them (and a
    teaser headline) are the article's, even with the comment counter, other furniture and the footer below them.
    As a boundary, a link of the run started a zone tail that took the article's last paragraphs (the shape of a
    site's template around an article in bench/archive_quality.py)."""
    links = [
        f"Czytaj też: {title}"
        for title in (
            "Rybacy protestują w porcie",
            "Czy port dostanie nowy prom?",
            "Nowe nabrzeże. Kto za nie zapłaci?",
            "Sztorm zniszczył molo",
            "Port w liczbach",
            "Latarnia do remontu",
        )
    ]
    first = [
        "When the old ferry terminal closed after the spring floods, few in the town expected it to stay shut "
        "for long, and fewer still expected the argument over its future to last the whole summer.",
        "That is exactly how the harbour board felt after a survey of the pier on Monday, which found the damage "
        "worse than any of the engineers had feared when the water first went down.",
        "The pier's deck rests on timber piles driven into the seabed more than a century ago, and a third of them "
        "have rotted through at the waterline, the survey found.",
    ]
    middle = [
        "After walking the length of the pier with the surveyors, the board's chair said the choice was now between a "
        "costly repair and a new terminal on the other side of the basin.",
        "The most striking part of the survey was a set of photographs taken by divers, which showed piles that had "
        "split from top to bottom under the weight of the deck.",
        "Several fishermen spoke against a new terminal, saying the building works would block the inner basin for "
        "most of the season and cost them their summer catch.",
    ]
    last = [
        "A second engineer, who surveyed the pier last year, said the worst of the damage was below the waterline "
        "and that it had been visible for years.",
        "There is plenty about the repairs that remains to be settled, not least who will pay for the divers and "
        "how long the basin will have to stay closed.",
        "It is easiest to judge the plan on what it leaves unchanged",
    ]
    text = "\n".join(
        [
            "Das Molo und die Stadt",
            "By Lena Halloran",
            *first,
            links[0],
            *middle,
            *links[1:5],
            "Były kapitan portu: molo jest groźne",
            *last,
            "350 comments",
            "Alle Partner von Hafenblatt auf einem Blick",
            "Gedanken über Häfen und Schiffe",
            links[5],
            "starszy analityk ds. portów",
            "© 2025 Harbour Weekly. All rights reserved.",
        ]
    )
    out = cleanser.clean(text).text.split("\n")
    for paragraph in [*first, *middle, *last]:
        assert paragraph in out
    assert not any(link in out for link in links)


@pytest.mark.parametrize(
    "line",
    [
        "Jetzt kostenlosen Newsletter abonnieren",
        "Melden Sie sich jetzt für unseren Newsletter an!",
        "Inscrivez-vous à notre newsletter",
        "Suscríbete a nuestro boletín: las noticias del puerto cada mañana",
        "Assine nossa newsletter",
        "Iscriviti alla nostra newsletter",
        "Schrijf je in voor onze nieuwsbrief",
        "Zapisz się do newslettera",
        "Prenumerera på vårt nyhetsbrev",
    ],
)
def test_a_sign_up_prompt_goes_in_its_language(line: str) -> None:
    assert_goes(BODY, 1, line, "generic/newsletter-signup-languages")


@pytest.mark.parametrize(
    "sentence",
    [
        "Newsletter abonnieren inzwischen mehr als vierzigtausend Leser, sagte die Verlegerin am Montag.",
        "Suscríbete a nuestro boletín fue el lema de la campaña. Nadie lo recuerda hoy, dijo el director.",
        "Die Leser, die den Newsletter abonnieren, bekommen die Nachrichten aus dem Hafen zuerst.",
    ],
)
def test_a_sentence_about_a_newsletter_stays(sentence: str) -> None:
    assert_stays(BODY, 1, sentence)


@pytest.mark.parametrize(
    "line",
    [
        "Tags: Hafen, Fähre, Stadtrat",
        "Schlagwörter: Hafen, Verkehr",
        "Filed Under: Local, Transport",
        "Étiquettes : port",
    ],
)
def test_a_tag_line_under_the_article_goes(line: str) -> None:
    assert_goes(BODY, 2, line, "generic/tag-line")


def test_a_tag_line_inside_the_article_stays() -> None:
    """Between paragraphs a "Themen: ..." line may be the article's own list: the rule takes the edges only."""
    assert_stays(BODY, 1, "Themen: Hafen, Fähre, Stadtrat")


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Hafenblatt",
        "Bild: Hafen Media",
        "Photo: Getty Images",
        "Crédit photo : KB / Port Blog",
        "Foto: J. Doe [CC BY-SA 3.0], via Wikimedia Commons",
        "Foto: www.hafen-archiv.de",
    ],
)
def test_a_photo_credit_line_goes(line: str) -> None:
    assert_goes(BODY, 1, line, "generic/photo-credit-line")


def test_a_caption_written_as_sentences_stays() -> None:
    assert_stays(BODY, 1, "Photo: the harbour in 1902, before the fire. It burned for three days.")


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Anzeige", "generic/ad-label-languages"),
        ("- Anzeige -", "generic/ad-label-languages"),
        ("Publicidad", "generic/ad-label-languages"),
        ("(adsbygoogle = window.adsbygoogle || []).push({});", "generic/ad-code"),
        ('<!-- google_ad_client = "pub-1"; google_ad_slot = "2"; //-->', "generic/ad-code"),
        ("Please enable JavaScript to view the comments.", "generic/javascript-notice"),
        ("Bitte aktivieren Sie JavaScript in Ihrem Browser.", "generic/javascript-notice"),
        ("You need to enable JavaScript to run this app.", "generic/javascript-notice"),
        ("Please wait...", "generic/form-state"),
        ("Oops! Something went wrong. Please try again later.", "generic/form-state"),
        ("2000 characters left", "generic/form-state"),
        ("Passwort vergessen?", "generic/form-state"),
        ("Angemeldet bleiben", "generic/form-state"),
        ("Se ha producido un error. Inténtalo de nuevo más tarde.", "generic/form-state"),
        ("Nach oben", "generic/back-to-top"),
        ("↑ Back to top", "generic/back-to-top"),
        ("Quotes delayed at least 15 minutes.", "generic/market-data-notice"),
    ],
)
def test_page_furniture_between_paragraphs_goes(line: str, rule: str) -> None:
    assert_goes(COUNCIL, 1, line, rule)


@pytest.mark.parametrize(
    "footer",
    [
        "Harbour Media Ltd is registered in England and Wales with company number 01234567. Registered office: 1 Quay "
        "Street, Portsmouth.",
        "Sitz der Gesellschaft: Hafenstadt, Registergericht: Amtsgericht Hafenstadt, HRB 12345",
        "USt-IdNr.: DE123456789",
    ],
)
def test_a_company_register_footer_goes(footer: str) -> None:
    assert_goes(COUNCIL, 2, footer, "generic/company-register")


@pytest.mark.parametrize(
    "sentence",
    [
        "Anzeige gegen Unbekannt erstattete die Polizei am Montag.",
        "Something went wrong in the second half, the coach admitted after the defeat.",
        "Loading the ship took three days, the harbour master said.",
        "Remember me to your mother, she wrote at the end of the letter.",
        "JavaScript is required knowledge for most web jobs, the survey of recruiters found.",
        "Google's ad business, which runs the AdSense and DoubleClick brands, grew 12 per cent.",
        "Back to top form after an injury, the striker scored twice.",
        "Nach oben korrigierte die Bank ihre Prognose am Montag.",
        "Quotes from the minister were delayed by the translation, reporters said.",
        "The firm, registered in England with company number 01234567, owed suppliers more than two million pounds.",
    ],
)
def test_an_article_sentence_with_furniture_words_stays(sentence: str) -> None:
    assert_stays(COUNCIL, 1, sentence)
    assert_stays(COUNCIL, 2, sentence)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Log out Sign in", "generic/account-links"),
        ("Einloggen | Registrieren", "generic/account-links"),
        ("Se connecter / S'inscrire", "generic/account-links"),
        ("Comments (12 posted)", "generic/comment-prompt"),
        ("3 Kommentare", "generic/comment-prompt"),
        ("Hinterlasse einen Kommentar", "generic/comment-prompt"),
        ("You must be logged in to post a comment.", "generic/comment-prompt"),
        ("Nur angemeldete Benutzer können kommentieren und bewerten.", "generic/comment-prompt"),
        ("« Vorige | Nächste »", "generic/prev-next"),
        ("Article suivant", "generic/prev-next"),
        ("Version zum Drucken", "generic/print-permalink"),
        ("Permalink: https://example.org/-123", "generic/print-permalink"),
        ("Aa", "generic/page-controls"),
        ("Index : A B C D E F G H I J K L M N O P Q R S T U V W X Y Z", "generic/page-controls"),
    ],
)
def test_navigation_and_comment_chrome_between_paragraphs_goes(line: str, rule: str) -> None:
    assert_goes(COUNCIL, 1, line, rule)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Os comentários não representam a opinião do jornal; a responsabilidade é do autor da mensagem.",
         "generic/comment-policy"),
        ("The views expressed in this column are those of the author and do not necessarily reflect the views of "
         "Harbour News.", "generic/comment-policy"),
        ("© 2024 Hafenchor | Impressum | Datenschutz | Kontakt", "generic/legal-links"),
        ("Privacy | Terms | Careers | Advertise", "generic/legal-links"),
    ],
)
def test_a_comment_policy_or_legal_links_under_the_article_goes(line: str, rule: str) -> None:
    assert_goes(COUNCIL, 2, line, rule)


@pytest.mark.parametrize(
    "sentence",
    [
        "Responses",
        "Reactions",
        "Comments from the minister angered the union, which called a strike for Monday.",
        "Kommentieren wollte der Konzern die Zahlen am Montag nicht.",
        "Log in to the portal was impossible for three days, users said.",
        "Anmelden können sich Interessierte bis Freitag im Rathaus.",
        "Next week the council will vote on the plan.",
        "Search parties found the climbers on Sunday.",
        "Views expressed by the minister do not reflect the views of the government, a spokesman said.",
        "We have always been respectful of the court, he said.",
    ],
)
def test_an_article_line_with_navigation_or_comment_words_stays(sentence: str) -> None:
    assert_stays(COUNCIL, 1, sentence)
    assert_stays(COUNCIL, 2, sentence)


@pytest.mark.parametrize(
    ("line", "rule", "at"),
    [
        ("Lesezeit: 4 Minuten", "generic/reading-time", 0),
        ("5 minutes de lecture", "generic/reading-time", 0),
        ("Dieser Artikel enthält Affiliate-Links.", "generic/sponsor-disclosure", 0),
        ("Last update on 2024-05-01 / Affiliate links / Images from Amazon Product Advertising API",
         "generic/sponsor-disclosure", 1),
        ("Get the latest harbour news delivered to your inbox.", "generic/inbox-pitch", 1),
        ("Recevez l'essentiel de l'actualité dans votre boîte mail", "generic/inbox-pitch", 2),
        ("Texte auf dieser Webseite stehen unter einer Creative Commons Namensnennung 4.0 Lizenz.",
         "generic/licence-notice", 2),
    ],
)
def test_disclosures_pitches_and_licences_go(line: str, rule: str, at: int) -> None:
    assert_goes(COUNCIL, at, line, rule)


@pytest.mark.parametrize(
    "sentence",
    [
        "Scam emails delivered to your inbox often look real.",
        "The dataset is licensed under a Creative Commons licence, the authors said.",
        "This post contains references to products that the regulator has since banned, the lawyer said.",
        "Dieser Beitrag enthält Fehler, räumte die Redaktion am Montag ein.",
        "Lesezeit ist Lebenszeit, sagt die Bibliothekarin.",
    ],
)
def test_an_article_sentence_about_mail_licences_or_ads_stays(sentence: str) -> None:
    assert_stays(COUNCIL, 1, sentence)
    assert_stays(COUNCIL, 2, sentence)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Name (erforderlich)", "generic/form-label"),
        ("Email (will not be published)", "generic/form-label"),
        ("Ja, ich möchte den wöchentlichen Newsletter bekommen.", "generic/form-label"),
        ("Harbour News would like to send you push notifications.", "generic/push-prompt"),
        ("© Hafenblatt | Jan Beispiel", "generic/credit-line-sign"),
        ("(© Harbour Agency/Jane Example)", "generic/credit-line-sign"),
        ("Meistgelesen", "generic/related-heading-languages"),
        ("Les plus lus", "generic/related-heading-languages"),
        ("Most read in Politics", "generic/related-heading-languages"),
        ("Abonnez-vous 1€ le premier mois", "generic/subscription-offer-languages"),
        ("Kommentare geschlossen", "generic/comment-prompt"),
    ],
)
def test_forms_credits_list_headings_and_offers_go(line: str, rule: str) -> None:
    assert_goes(COUNCIL, 1, line, rule)


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) any other person named in the order",
        "Ich möchte den Newsletter bekommen, sagte die Leserin, aber nicht jeden Tag.",
        "Mehr Beiträge als im Vorjahr zahlten die Mitglieder, sagte der Kassenwart.",
        "Most read the report before the meeting, the chair said.",
        "Apps that send you push notifications at night are the worst, the survey found.",
    ],
)
def test_a_legal_list_item_or_sentence_with_those_words_stays(sentence: str) -> None:
    assert_stays(COUNCIL, 1, sentence)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Image 3 of 12", "generic/gallery-ui"),
        ("Bild 2 von 8", "generic/gallery-ui"),
        ("Zur Bildergalerie", "generic/gallery-ui"),
        ("Schließen", "generic/gallery-ui"),
        ("Written by", "generic/byline-label"),
    ],
)
def test_gallery_controls_and_a_lone_byline_label_go(line: str, rule: str) -> None:
    assert_goes(COUNCIL, 1, line, rule)


def test_the_name_under_a_byline_label_stays() -> None:
    result = cleanser.clean("\n".join(["Written by", "Jane Example", *COUNCIL]))
    assert result.text == "\n".join(["Jane Example", *COUNCIL])


@pytest.mark.parametrize(
    "sentence",
    ["Close to 300 people attended the vigil on Sunday.", "Written by hand, the letters survived the fire."],
)
def test_a_sentence_opening_with_a_control_word_stays(sentence: str) -> None:
    assert_stays(COUNCIL, 1, sentence)
