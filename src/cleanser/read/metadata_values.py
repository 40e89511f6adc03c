"""Metadata values that never mislead: entities decoded, dates in ISO 8601 or none, bylines that name people.

Applied to whatever a page's metadata gave (JSON-LD, meta tags, elements) and to what a FiveFilters site config's
expressions found, so that both end the same way:

- text: HTML entities decoded (also twice-encoded ones, "&amp;#8211;"), spaces normalised;
- `published`: parsed with python-dateutil and written as ISO 8601; a placeholder (0001-01-01, the Unix epoch
  1970-01-01), a date before 1800 or after the crawl (more than a day after now), or a value that is no date at
  all gives None: a wrong date is worse than none. A bare year stays a year ("1988");
- `byline`: people only. Organisations go (schema.org `Organization` authors are dropped where they are read; here
  a name equal to the site or publisher, or worded like a newsroom: "BBC News", "Redaktion", "Staff"), and so do
  "By"-prefixes, dates and times, UI words ("Published", "Print this article", "Follow"), repeated names and
  comment-form labels ("Name (required)");
- `title`: a title that is only the site's name gives way to the page's headline.
"""

from __future__ import annotations

import html
import re
import warnings
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from dateutil import parser as date_parser
from dateutil.parser import isoparse

_WS = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(1[89]\d\d|20\d\d)\s*$")
_FUTURE_SLACK = timedelta(days=1)
_EARLIEST = 1800

_BY = re.compile(
    r"^\s*(?:post author\s*:?\s*)?(?:(?:posted|written|published|geschrieben|artikel|beitrag|verfasst|veröffentlicht|"
    r"publicado|escrito|publié|écrit|eingestellt|erstellt|recipe|scritto|pubblicato|geplaatst|gepubliceerd)\s+"
    r"(?:by|von|por|par|da|door)|by|von|vom|por|par|door|di|autor(?:in)?|author|text|texto)(?:\s*[:\s]\s*|(?=[A-Z]))",
    re.IGNORECASE,
)
# Markup a JSON-LD author sometimes holds ("<a href=...>Jane Doe</a>"), and a social handle after a name.
_TAG = re.compile(r"<[^<>]*>")
_HANDLE = re.compile(r"\s*@[\w.]+")
_PARENTHESISED_ADDRESS = re.compile(r"\s*\([^)]*(?:https?:|www\.|@|\.[a-z]{2,3}\b)[^)]*\)", re.IGNORECASE)
# What a date or time cut off leaves behind: "Jane Doe at", "Jane Doe am", "Jane Doe Fr".
_TRAILING = re.compile(r"\s+(?:at|am|um|on|le|el|à|Mo|Di|Mi|Do|Fr|Sa|So)$")
_NOT_NAMES = frozenset({"von", "by", "por", "par", "unknown", "admin", "administrator", "autor", "author", "anonymous",
                        "anonym", "gast", "guest", "redaktion", "editor"})
_COMMENTER = re.compile(r"\s(?:sagt|says|dice|dit|schreibt|writes)\s*:?\s*$", re.IGNORECASE)
_DATE_TZ = {name: offset * 3600 for name, offset in (
    ("UTC", 0), ("GMT", 0), ("CET", 1), ("MEZ", 1), ("CEST", 2), ("MESZ", 2), ("BST", 1), ("EST", -5), ("EDT", -4),
    ("CST", -6), ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7),
)}
# Where UI text or a date starts inside a byline, the name has ended.
_UI = re.compile(
    r"\s*(?:\||•|·|—|–|\s-\s)?\s*\b(?:last updated|zuletzt|edited by|photos? by|fotos? von|"
    r"published|updated|posted|print(?: this article)?|share|follow|e-?mail|twitter|"
    r"facebook|comments?|read more|more from|more by|view all|all posts|posts by|articles by|veröffentlicht|"
    r"aktualisiert|erschienen|mitglied der|kommentare?|publicado|actualizado|publié|mis à jour|pubblicato|"
    r"aggiornato|stand:|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"am\s+\d|on\s+\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d\d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|"
    r"mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?\s+\d{4}).*$",
    re.IGNORECASE,
)
# "&" joins two names, or is part of one ("Mac & i"): it splits only between names of two words or more.
_SPLIT = re.compile(
    r"\s*(?:,|;|\||\sand\s|\sund\s|\sy\s|\set\s|\se\s|\savec\s|\smit\s)\s*",
    re.IGNORECASE,
)
_COMMENT_FORM = re.compile(
    r"^(?:your )?(?:name|nombre|nom|nome|naam|imię|e-?mail|website)\s*(?:\*|\((?:required|erforderlich|pflichtfeld|"
    r"obligatorio|requerido|obligatoire|obbligatorio|verplicht|wymagane)\)|:)?\s*\*?$",
    re.IGNORECASE,
)
# Newsroom words: a byline worded like this is an organisation's, not a person's.
_ORGANISATION = re.compile(
    r"\b(?:news|nachrichten|noticias|notícias|nouvelles|media|medien|press|presse|prensa|agency|agentur|agencia|"
    r"agence|redaktion|redacci[oó]n|rédaction|redazione|redactie|redakcja|staff|team|editorial|editors|desk|"
    r"newsroom|newsdesk|contributeurs?|verlag|zeitung|gmbh|ltd|inc|llc|e\.v\.|reuters|afp|dpa|apa|associated press|"
    r"al jazeera|bbc|cnn|"
    r"cbs|nbc|abc|sda|efe|ansa|online|departement|department|ministerium|ministry|ministerio|ministère|amt|"
    r"bundesamt|universität|university|universidad|université|institut|institute|instituto|verband|verein|"
    r"stiftung|foundation|fundación|association|gruppe|group|grupo|contributors|support)\b|"
    r"(?:ministerium|anstalt|verband|verein|gesellschaft|stiftung|agentur|redaktion|zeitung|verlag|institut)\b|\.(?:com|de|org|net|at|ch|fr|es|co\.uk)\b",
    re.IGNORECASE,
)


class _Names(date_parser.parserinfo):
    """Month and weekday names of the languages the pages come in, so "28. Dezember 2022" parses too."""

    MONTHS: ClassVar[list[tuple[str, ...]]] = [
        ("Jan", "January", "Januar", "Jänner", "enero", "janvier", "gennaio", "janeiro", "januari", "ene", "janv"),
        ("Feb", "February", "Februar", "febrero", "février", "febbraio", "fevereiro", "februari", "févr", "fev"),
        ("Mar", "March", "März", "Mär", "marzo", "mars", "março", "maart", "mrz"),
        ("Apr", "April", "abril", "avril", "aprile", "avr", "abr"),
        ("May", "Mai", "mayo", "maggio", "maio", "mei", "may"),
        ("Jun", "June", "Juni", "junio", "juin", "giugno", "junho"),
        ("Jul", "July", "Juli", "julio", "juillet", "luglio", "julho", "juil"),
        ("Aug", "August", "agosto", "août", "augustus", "ago"),
        ("Sep", "Sept", "September", "septiembre", "setiembre", "septembre", "settembre", "setembro", "set"),
        ("Oct", "October", "Oktober", "Okt", "octubre", "octobre", "ottobre", "outubro", "oktober", "out"),
        ("Nov", "November", "noviembre", "novembre", "novembro"),
        ("Dec", "December", "Dezember", "Dez", "diciembre", "décembre", "dicembre", "dezembro", "dic", "déc"),
    ]
    WEEKDAYS: ClassVar[list[tuple[str, ...]]] = [
        ("Mon", "Monday", "Montag", "Mo", "lunes", "lundi", "lunedì"),
        ("Tue", "Tuesday", "Tues", "Dienstag", "Di", "martes", "mardi", "martedì"),
        ("Wed", "Wednesday", "Mittwoch", "Mi", "miércoles", "mercredi", "mercoledì"),
        ("Thu", "Thursday", "Thurs", "Donnerstag", "Do", "jueves", "jeudi", "giovedì"),
        ("Fri", "Friday", "Freitag", "Fr", "viernes", "vendredi", "venerdì"),
        ("Sat", "Saturday", "Samstag", "Sa", "sábado", "samedi", "sabato"),
        ("Sun", "Sunday", "Sonntag", "So", "domingo", "dimanche", "domenica"),
    ]
    JUMP: ClassVar[list[str]] = [*date_parser.parserinfo.JUMP, "um", "Uhr", "de", "del", "le", "à", "h"]


_PARSER_INFO = _Names()
_DAY_FIRST = re.compile(r"\b\d{1,2}\.\s*(?:\d{1,2}\.|[^\W\d_])")  # "25.01.2022", "28. Dezember"


def decode(value: str | None) -> str | None:
    """Entities decoded (twice-encoded ones too) and whitespace collapsed; None for nothing left."""
    if not value:
        return None
    for _ in range(3):
        if not _ENTITY.search(value):
            break
        value = html.unescape(value)
    value = _WS.sub(" ", value.replace("\u00a0", " ")).strip()
    return value or None


def iso_date(value: str | None, now: datetime | None = None) -> str | None:
    """The value as an ISO 8601 date or date-time, or None when it is no date or an impossible one."""
    value = decode(value)
    if not value:
        return None
    if _YEAR.match(value):
        return value.strip()
    try:
        parsed = isoparse(value)
    except (ValueError, OverflowError):
        try:
            with warnings.catch_warnings():
                # Year 1 is a sentinel (no year in the value), never kept; an unknown zone name prints nothing.
                warnings.simplefilter("ignore")
                parsed = date_parser.parse(
                    re.sub(r"\s[|·•—–-]\s", " ", value),
                    _PARSER_INFO,
                    default=datetime(1, 1, 1),
                    tzinfos=_DATE_TZ,
                    dayfirst=bool(_DAY_FIRST.search(value)),
                    fuzzy=False,
                )
        except (ValueError, OverflowError, TypeError, date_parser.ParserError):
            return None
        if parsed.year == 1:
            return None  # no year in the value: a date we cannot place
    if parsed.year < _EARLIEST or (parsed.year == 1970 and parsed.month == 1 and parsed.day == 1):
        return None
    now = now or datetime.now(UTC)
    compare = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if compare > now + _FUTURE_SLACK:
        return None
    return parsed.isoformat()  # a date alone reads as midnight, as cleanser has always written it


def people(byline: str | None, not_people: tuple[str | None, ...] = ()) -> str | None:
    """The byline's people as "A, B": organisations, labels, dates, UI words and repeats dropped."""
    byline = decode(byline)
    if byline and "<" in byline:
        byline = decode(_TAG.sub(" ", byline))
    if not byline or _COMMENT_FORM.match(byline):
        return None
    if _COMMENTER.search(byline):
        return None  # "B.A. says:": a comment's author
    byline = _HANDLE.sub("", _PARENTHESISED_ADDRESS.sub("", byline))
    halves = byline.split(" & ")
    if len(halves) > 1 and all(len(h.split()) >= 2 for h in halves):
        byline = ", ".join(halves)
    others = {_fold(n) for n in not_people if n}
    names: list[str] = []
    for index, part in enumerate(_SPLIT.split(byline)):
        if index == 0 and _ORGANISATION.search(part):
            return None  # "Example GmbH, Munich, Germany": an organisation and its address
        name = _name(part)
        if not name or _fold(name) in others or _ORGANISATION.search(name) or _COMMENT_FORM.match(name):
            continue
        if _fold(name) not in {_fold(n) for n in names}:
            names.append(name)
    return ", ".join(names) or None


def better_title(
    title: str | None,
    site_name: str | None,
    *headlines: str | None,
    host: str | None = None,
    heading: str | None = None,
) -> str | None:
    """The title, unless it only names the site (the site's name, that name as a domain, or the page's host): then
    the first headline that says more (`headlines`: declared ones such as og:title; then the page's `heading`, its
    h1, of two words or more: a one-word h1 above a page titled with the site's name is a greeting or a logo). A
    headline that is the site's name and a word ("Jo's - Harbour Courier") is its banner, not a headline."""
    title = decode(title)
    if not title or not names_site(title, site_name, host):
        return title
    for headline in (*headlines, heading if heading and len(heading.split()) >= 2 else None):
        headline = decode(headline)
        if not headline or _fold(headline) == _fold(title):
            continue
        if _letters(title) in _letters(headline) and _words(headline) - _words(title) < 2:
            continue  # the site's name with a word or two: its banner
        return headline
    return title


_TLD = re.compile(r"(?:\.[a-z]{2,10}){1,2}$", re.IGNORECASE)


def names_site(title: str, site_name: str | None, host: str | None = None) -> bool:
    """Whether `title` is only the site's name: equal to `site_name` (also with its domain ending dropped,
    "99harbour.co.uk"), or to the host's name ("www.harbour-courier.example" is "harbour-courier"), letters and digits
    compared."""
    letters = _letters(title)
    if not letters:
        return False
    names = []
    if site_name:
        site_name = decode(site_name) or ""
        names += [site_name, _TLD.sub("", site_name.strip())]
    if host:
        bare = host.lower().removeprefix("www.")
        names += [bare, _TLD.sub("", bare)]
    return any(letters == _letters(name) for name in names if name)


def _words(text: str) -> int:
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _name(part: str) -> str | None:
    part = _BY.sub("", part.strip())
    part = _UI.sub("", part).strip(" :-–—|•·,")
    part = _TRAILING.sub("", part)
    if part.casefold() in _NOT_NAMES:
        return None
    half = len(part) // 2
    if len(part) > 3 and len(part) % 2 == 0 and part[:half] == part[half:]:
        part = part[:half]  # "Jane DoeJane Doe": a name printed twice in one element
    words = part.split()
    if not words or len(words) > 6 or not any(ch.isalpha() for ch in part) or part.islower():
        return None
    if any(ch.isdigit() for ch in part) or not re.search(r"[^\W\d_]{2,}", part):
        return None  # a date, a user name with digits, or a lone initial
    if part[0].isalpha() and part[0].islower():
        return None  # a name starts with a capital; "so Artikel empfehlen" is a button
    return part


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()
