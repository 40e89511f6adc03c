"""The site's pitch to its reader in a plain text (`cleanser.stages.generic_zone_pitches`): a sentence that asks the
reader to follow or subscribe to the site's own channel goes as a tail below the article, with what follows it when
that reads as furniture; an article's own sentences about newsletters, apps and social networks stay, and so does a
pitch between the article's paragraphs. Every text here is our own."""

from __future__ import annotations

import pytest

from cleanser import Cleaner
from cleanser.stages.generic_zone_pitches import reader_pitch
from cleanser.stages.generic_zones import TAIL_RULE

ARTICLE = [
    "The county's library service will keep all eleven branches open next year, the council said on Monday, after "
    "a review that had looked at closing the three smallest ones to save money.",
    "Opening hours at four branches will be cut by a day a week instead, and the mobile library that serves the "
    "villages in the hills will run every fortnight rather than every week.",
    "Librarians said the review had been a worrying time, and that the branches were used far more than the "
    "figures suggested, as most visitors came to study or to use the computers rather than to borrow books.",
    "The council's cabinet member for culture said the savings would come from the book budget and from sharing "
    "a building with the registry office in the market town, which the staff had suggested themselves.",
]

PITCHES = [
    ["Follow us on Twitter to get the latest on the county's libraries and archives."],
    [
        "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen über neue Beiträge "
        "zu erhalten.",
        "Folgen",
    ],
    ["Bleiben Sie auf dem Laufenden mit unserem kostenlosen Newsletter, jeden Freitag in Ihrem Postfach!"],
    ["Suivez-nous sur les réseaux sociaux et recevez notre newsletter chaque matin."],
    ["¿Te gustó? Suscríbete a nuestro boletín y recibe las noticias en tu correo."],
]


def _clean(lines: list[str], level: str = "safe"):
    return Cleaner(generic=level).clean("\n".join(lines))


@pytest.mark.parametrize("pitch", PITCHES)
def test_a_pitch_under_the_article_goes_as_a_tail(pitch: list[str]):
    for level in ("safe", "aggressive"):
        result = _clean([*ARTICLE, *pitch], level)
        assert result.text == "\n".join(ARTICLE), level
        removed = "\n".join(r.text for r in result.removed)
        assert all(line in removed for line in pitch)
        zone = next(r for r in result.removed if r.kind == "zone")
        assert zone.rule == TAIL_RULE and zone.text.split("\n")[0] == pitch[0]
        assert "a pitch to the reader" in " ".join(zone.evidence)


def test_a_pitch_under_a_quote_s_attribution_goes_and_what_follows_it_if_it_is_furniture():
    """The article may end on a line with no full stop (a quote's attribution): nothing under the pitch reads as the
    article, so the pitch and the form's labels go."""
    last = "Reading is to the mind what exercise is to the body (Richard Steele)"
    pitch = "Enter your email address to follow this blog and receive notifications of our new posts by email."
    form = ["Email Address", "Follow"]
    result = _clean([*ARTICLE, last, pitch, *form])
    assert result.text == "\n".join([*ARTICLE, last])


@pytest.mark.parametrize(
    "last",
    [
        # A service line of the article: no word of the site's own.
        "You can sign up for flood alerts by e-mail on the council's website, or call the library in the town hall.",
        # The site's content, not a channel.
        "We would love it if you listened to our podcasts and told your friends about them.",
        # An article's sentence about a newsletter, with no call to the reader.
        "Sign-ups to the council's newsletter doubled after the review was announced, the cabinet member said.",
    ],
)
def test_an_article_s_last_line_about_channels_stays(last: str):
    result = _clean([*ARTICLE, last])
    assert result.text == "\n".join([*ARTICLE, last])
    assert not [r for r in result.removed if r.kind == "zone"]


def test_a_pitch_between_the_article_s_paragraphs_stays():
    """A pitch stands alone between paragraphs only in the article's own text (a campaign's call quoted): the
    article goes on under it, so it is no tail's boundary."""
    quoted = "Follow us on Facebook and join our newsletter to save your branch."
    lines = [*ARTICLE[:2], quoted, *ARTICLE[2:]]
    result = _clean(lines)
    assert result.text == "\n".join(lines)


def test_a_pitch_followed_by_the_article_s_last_paragraph_stays():
    """Under a pitch, a paragraph of the article (the article going on) keeps both."""
    pitch = "Follow us on Instagram too, where we keep you up to date with the library's new books."
    lines = [*ARTICLE, pitch, ARTICLE[0].replace("eleven", "twelve")]
    assert reader_pitch(pitch)
    result = _clean(lines)
    assert result.text == "\n".join(lines)


def test_the_shape():
    assert reader_pitch("Like us on Facebook to see more stories like this")
    assert reader_pitch("Melde dich jetzt zu unserem Newsletter an!")
    assert not reader_pitch("Sie folgte ihm seit Jahren auf Twitter, sagte die Polizei.")  # no word of the site's
    assert not reader_pitch("Follow the money, the lawyer told the jury on Tuesday.")  # no channel
    assert not reader_pitch("We followed the council's newsletter for a year.")  # no reader
    long = "Follow us on Twitter " + "and read more about the county's libraries " * 4
    assert not reader_pitch(long)  # past a widget's length
