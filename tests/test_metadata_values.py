"""Metadata that never misleads: entities, dates, bylines and titles, on values written for these tests and on every
page of the two development sets (metadata only, no cleaning, so that the walk stays quick)."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime

import lxml.html
import pytest
from conftest import ROOT

from cleanser.read.metadata import read_page
from cleanser.read.metadata_values import better_title, decode, iso_date, names_site, people
from cleanser.read.page import parse
from cleanser.text import host_of

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2021-03-16T16:11:53+00:00", "2021-03-16T16:11:53+00:00"),
        ("Wed, 04 May 2022 02:41:00 GMT", "2022-05-04T02:41:00+00:00"),
        ("April 5, 2018 | 6:00 PM", "2018-04-05T18:00:00"),
        ("28. Dezember 2022", "2022-12-28T00:00:00"),
        ("Di., 25.01.2022 - 14:45", "2022-01-25T14:45:00"),
        ("4 de mayo de 2022", "2022-05-04T00:00:00"),
        ("2022-5-3T23:57:00", "2022-05-03T23:57:00"),
        ("1988", "1988"),
        ("0001-01-01T00:00:00+00:00", None),
        ("1970-01-01T01:00:00+01:00", None),
        ("2031-06-01", None),
        ("2:33 PM", None),
        ("Updated recently", None),
    ],
)
def test_dates_are_iso_or_none(raw, iso):
    assert iso_date(raw, now=NOW) == iso


def test_entities_are_decoded_even_twice_encoded():
    assert decode("&#8222;Quote&#8220; &amp;#8211; Olive &#038; Herb&nbsp;Bread") == "„Quote“ – Olive & Herb Bread"


@pytest.mark.parametrize(
    ("raw", "person"),
    [
        ("By Ana Ortiz", "Ana Ortiz"),
        ("Ana Ortiz Published 10:42 AM, 3 March 2021", "Ana Ortiz"),
        ("Ana Ortiz Print this article", "Ana Ortiz"),
        ("von Jonas Weber und Lea Brandt", "Jonas Weber, Lea Brandt"),
        ("Ana Ortiz, Ana Ortiz", "Ana Ortiz"),
        ("Ana OrtizAna Ortiz", "Ana Ortiz"),
        ("BBC News", None),
        ("Al Jazeera", None),
        ("CBS News", None),
        ("Redaktion", None),
        ("Example Gazette", None),  # the site's own name
        ("Name (required)", None),
        ("Name (erforderlich)", None),
        ("Nombre (obligatorio)", None),
        ("Peter says:", None),
    ],
)
def test_bylines_are_people(raw, person):
    assert people(raw, ("Example Gazette",)) == person


def test_an_organization_author_gives_way_to_a_person_in_the_meta_tags():
    page = lxml.html.document_fromstring(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier",'
        ' "author": {"@type": "Organization", "name": "Harbour Media"}}</script>'
        '<meta name="author" content="Tom Quay"></head><body><p>x</p></body></html>'
    )
    assert read_page(page).metadata["byline"] == "Tom Quay"


def test_a_title_that_is_the_site_name_gives_way_to_the_headline():
    assert better_title("Harbour Courier", "Harbour Courier", None, "Ferry pier to grow") == "Ferry pier to grow"
    assert better_title("Ferry pier to grow", "Harbour Courier", "Other") == "Ferry pier to grow"


@pytest.mark.parametrize(
    ("title", "site_name", "host"),
    [
        ("99% Harbour", "99harbour.co.uk", None),  # the site's name given as its domain
        ("harbour-courier", None, "www.harbour-courier.example"),  # the host's name, no site name declared
        ("Harbour Courier", None, "harbourcourier.example"),
    ],
)
def test_a_title_that_names_the_site_in_other_notations_gives_way(title, site_name, host):
    assert better_title(title, site_name, "Ferry pier to grow", host=host) == "Ferry pier to grow"
    # No headline field: the page's h1 is taken when it says more than a word.
    assert better_title(title, site_name, None, host=host, heading="Ferry pier to grow") == "Ferry pier to grow"


def test_a_greeting_or_the_sites_banner_is_no_headline():
    assert better_title("Harbour Courier", None, host="harbourcourier.example", heading="Welcome!") == "Harbour Courier"
    banner = "Jo's - Harbour Courier"
    assert better_title("Harbour Courier", "Harbour Courier", banner) == "Harbour Courier"
    # A headline with the site's name after it says more: it is taken.
    headline = "Ferry pier to grow - Harbour Courier"
    assert better_title("Harbour Courier", "Harbour Courier", headline) == headline


def test_a_title_that_names_a_thing_is_kept_on_any_host():
    assert better_title("Ferry pier to grow", None, "Other", host="harbourcourier.example") == "Ferry pier to grow"


# --- the development sets --------------------------------------------------------------------------------------

def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]{2,8});", re.IGNORECASE)
# Newsrooms, agencies and publishers as the dev sets name them; a byline that is one of these is no person.
_ORGANISATION = re.compile(
    r"^(?:.*\b(?:news|media|press|redaktion|redacción|staff|agency|agentur)\b.*|al jazeera|bbc|cnn|afp|reuters|dpa)$",
    re.IGNORECASE,
)


def test_no_placeholder_date_entity_or_organisation_byline_on_the_dev_sets():
    sys.path.insert(0, str(ROOT / "bench"))
    from devsets import all_pages

    problems = []
    pages = all_pages()
    assert len(pages) > 1000
    for page in pages:
        root = parse(page.html)
        md = read_page(root, page.url).metadata
        published = md["published"] or ""
        if published.startswith(("0001", "1970-01-01")) or (published[:4].isdigit() and int(published[:4]) < 1800):
            problems.append((page.name, "date", published))
        for key, value in md.items():
            if value and _ENTITY.search(value):
                problems.append((page.name, key, value))
        byline = md["byline"] or ""
        if byline and (_ORGANISATION.match(byline) or byline.casefold() == (md["site_name"] or "").casefold()):
            problems.append((page.name, "byline", byline))
        if re.search(r"[<>@]|^(?:post author|eingestellt von|erstellt von|recipe by)\b", byline, re.IGNORECASE):
            problems.append((page.name, "byline markup or label", byline))
        # A title that only names the site, where the page's og:title offers a headline that says more.
        title = md["title"] or ""
        og_title = root.xpath("string(//meta[@property='og:title']/@content)").strip()
        names = title and names_site(title, md["site_name"], host_of(page.url))
        if names and len(og_title.split()) >= 3 and _letters(title) not in _letters(og_title):
            problems.append((page.name, "title names the site", title))
    assert problems == []
