"""Reading: an archive's records as (url, text) documents, each document's site, and its lines as the cleaner
sees them.

The lines are read by the `Cleaner` that the learned plugin will run beside, up to the text rules (decoding, the
HTML page parsed and stripped, HTML rules applied, a site config used, the article extracted), so that `learn`
learns from the very lines that `clean` would clean: a line an HTML rule already removes is not learned again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..document import BLANK, TABLE
from ..read.text import InputError, decode
from ..text import host_of

if TYPE_CHECKING:
    from ..pipeline import Cleaner
    from ..rules.model import RuleSet


@dataclass
class SiteDocument:
    url: str | None
    text: str  # as read (text or HTML)
    lines: list[str]


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to: its host without `www.`."""
    return host_of(url).removeprefix("www.") or None


def url_on(domain: str, url: str | None) -> str | None:
    """`url` when it is on the site `domain` (with or without `www.`), else None."""
    return url if url and host_of(url) in (domain, "www." + domain) else None


def site_url(domain: str, url: str | None) -> str:
    """The URL a site's document is cleaned with: its own when it is on the site, else the site's home page, so
    that the site's rules apply to documents put under it with --site."""
    return url_on(domain, url) or f"https://www.{domain}/"


def reading_cleaner(base: Sequence[RuleSet] | None) -> Cleaner:
    """A Cleaner with the rule sets `base` (none when None) and default settings, read from no environment."""
    from ..pipeline import Cleaner
    from ..plugins.manager import Plugins
    from ..settings import Settings

    return Cleaner(Plugins.from_rulesets(*(base or ())), settings=Settings())


def document_lines(cleaner: Cleaner, text: str, url: str) -> list[str]:
    """The lines of a document as the text rules see them: a text's non-blank lines; for HTML, the blocks of the
    article the extractor finds, less what the HTML rules removed (tables, which the text rules do not read
    either, are left out)."""
    doc = cleaner.read(text, url).doc
    return [t for b in doc.blocks if b.removal is None and b.kind not in (BLANK, TABLE) and (t := b.text.strip())]


def read_documents(paths: Sequence[str], errors: list[str], **options) -> Iterator[tuple[str | None, str]]:
    """(url, text) of every record of the archives (`options` go to `archive.iter_records`: include, exclude,
    input_format, text_field, html_field, url_field); unreadable records are added to `errors` with the reason."""
    from ..batch.records import iter_records

    for record in iter_records(paths, **options):
        if record.error:
            errors.append(f"{record.where}: {record.error}")
            continue
        try:
            data = record.data if isinstance(record.data, str) else decode(record.data, record.where, record.encoding)
        except InputError as exc:
            errors.append(str(exc))
            continue
        yield record.url, data
