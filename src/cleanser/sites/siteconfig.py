"""FiveFilters site configs: the per-host extraction rules of Full-Text RSS and wallabag, used for hosts that have
no cleanser plugin.

The public-domain collection (github.com/fivefilters/ftr-site-config, about 2,000 files) holds one text file per
host, `directive: value` per line, `#` for comments; a directive may repeat, each value a fallback or an addition.
File names follow the FiveFilters convention: `example.com.txt` serves example.com and www.example.com;
`.example.com.txt` serves every subdomain (news.example.com) but not example.com itself; `news.example.com.txt`
serves that subdomain only. A more specific file wins, and of several folders the first that has a file wins.

What cleanser applies, and how:

- `find_string` / `replace_string` (or `replace_string(find): replace`): plain string replacements on the raw HTML
  before it is parsed, applied only when the two lists have the same length, as Full-Text RSS does;
- `strip: XPATH`, `strip_id_or_class: NAME` (class or id containing NAME), `strip_image_src: PART`: html rules
  of the host's rule set, run before the article is extracted, with every stripped element in the audit;
- `body: XPATH`: the article's container instead of readability's choice, the first expression that matches an
  element with text (several matches are joined in document order); readability decides when none matches;
- `title`, `author`, `date`: XPath expressions evaluated on the page, results in the result's metadata (fields
  `title`, `byline` (every author, joined with ", ") and `published`);
- `test_url` / `test_contains`: kept on the config (`SiteConfig.tests`); checking them needs the live page, which
  cleanser never fetches.

- `prune` (yes unless the file says no, as in Full-Text RSS): inside the `body` container, forms, buttons,
  navigation and comment sections are html rules of the set (`prune`), so a container that holds the comment form
  does not bring it along; each removal is in the audit;
- empty values are kept where Full-Text RSS keeps them: `replace_string:` and `replace_string(find):` with nothing
  after the colon delete the found string; `strip_attr` is read as `strip`;
- metadata from `title`, `author`, `date` is normalised like the page's own (read.metadata_values): ISO 8601
  dates, people-only bylines with each name once, entities decoded.

`tidy` and `autodetect_on_failure` are read but change nothing: cleanser always falls back to readability. Other
directives (`next_page_link`, `http_header(...)`, `login_*`, ...) are kept in `SiteConfig.other` and ignored.

Start-up stays cheap with the whole collection: a folder is indexed by file name only, and a host's file is read
and compiled the first time a document from that host arrives.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lxml import etree

from ..read.metadata_values import decode, iso_date, people
from ..rules.model import SITE_PRIORITY, Rule, RuleSet
from ..text import host_of
from .limits import MAX_CONFIG_BYTES, MAX_EXPRESSIONS, too_costly

log = logging.getLogger(__name__)
_LISTS = ("body", "strip", "strip_id_or_class", "strip_image_src", "title", "author", "date")
_FLAGS = ("prune", "tidy", "autodetect_on_failure")
_HOST_FILE = re.compile(r"^\.?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$")
# What `prune` takes out of a body container: form furniture, navigation and comment sections (never prose).
_PRUNE = (
    "//*[self::form or self::button or self::textarea or self::select or self::input or self::nav or self::aside"
    " or @id='comments' or @id='respond' or @id='disqus_thread' or contains(@class, 'comment-form')"
    " or contains(@class, 'comment-list') or contains(@class, 'commentlist') or contains(@class, 'comments-area')"
    " or contains(@class, 'comment-respond')]"
)
_PAREN = re.compile(r"^([a-z0-9_]+)\((.*)\)$", re.IGNORECASE)


@dataclass
class SiteConfig:
    """One host's file, parsed. `rules()` turns it into a cleanser rule set."""

    host: str  # the file's name without ".txt": "example.com", or ".example.com" for every subdomain
    source: str = ""
    body: list[str] = field(default_factory=list)
    strip: list[str] = field(default_factory=list)
    strip_id_or_class: list[str] = field(default_factory=list)
    strip_image_src: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    author: list[str] = field(default_factory=list)
    date: list[str] = field(default_factory=list)
    find_string: list[str] = field(default_factory=list)
    replace_string: list[str] = field(default_factory=list)
    prune: bool | None = None
    tidy: bool | None = None
    autodetect_on_failure: bool | None = None
    tests: list[tuple[str, list[str]]] = field(default_factory=list)  # (test_url, its test_contains strings)
    other: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # what could not be used, with the line number

    @property
    def name(self) -> str:
        return f"siteconfig:{self.host}"

    def rewrite(self, html: str) -> str:
        """The raw HTML with the config's find/replace pairs applied (none when the lists differ in length)."""
        if not self.find_string or len(self.find_string) != len(self.replace_string):
            return html
        for find, replace in zip(self.find_string, self.replace_string, strict=True):
            if find:  # an empty find string changes nothing (PHP's str_replace), never inserts everywhere
                html = html.replace(find, replace)
        return html

    @cached_property
    def ruleset(self) -> RuleSet:
        """The config's html rules as a site rule set, named `siteconfig:<file name>`."""
        rules = []
        groups = (
            ("strip", "XPath expressions from the site config's strip lines", self.strip),
            (
                "strip-id-or-class",
                "Elements whose class or id contains a strip_id_or_class name",
                [f"//*[contains(@class, '{n}') or contains(@id, '{n}')]" for n in self.strip_id_or_class],
            ),
            (
                "strip-image-src",
                "Images whose src contains a strip_image_src string",
                [f"//img[contains(@src, '{s}')]" for s in self.strip_image_src],
            ),
        )
        if self.prune is not False:
            groups += (
                (
                    "prune",
                    "Forms, buttons, navigation and comment sections inside the config's body container (prune: yes, "
                    "Full-Text RSS's default)",
                    [f"({x}){_PRUNE}" for x in self.container_xpath],
                ),
            )
        for rule_id, description, expressions in groups:
            valid = tuple(x for x in expressions if _compiles(x))
            if valid:
                rules.append(
                    Rule(id=rule_id, plugin=self.name, kind="html", description=description, xpath=valid,
                         priority=SITE_PRIORITY)
                )
        return RuleSet(
            name=self.name,
            title=f"FiveFilters site config {self.host}.txt",
            description="HTML rules imported from a FiveFilters site config",
            domains=(self.host.lstrip("."),),
            rules=tuple(rules),
            source=self.source,
            extra={"site_config": self},
        )

    @cached_property
    def container_xpath(self) -> tuple[str, ...]:
        """The `body` expressions that compile, in the file's order."""
        return tuple(x for x in self.body if _compiles(x))

    def metadata(self, root: Any) -> dict[str, str]:
        """Title, byline (every author, joined) and publication date found on the page by the config's expressions,
        under the result's metadata field names; for each, the first expression that matches wins."""
        out: dict[str, str] = {}
        for key, expressions in (("title", self.title), ("byline", self.author), ("published", self.date)):
            for expression in expressions:
                values = _evaluate(root, expression)
                # Normalised like any metadata: a raw "April 5, 2018 | 6:00 PM" becomes ISO 8601, a byline lists
                # each person once; a value that normalises to nothing leaves the page's own.
                value = (
                    people(", ".join(values)) if key == "byline"
                    else iso_date(values[0]) if key == "published" and values
                    else decode(values[0]) if values
                    else None
                )
                if value:
                    out[key] = value
                    break
        return out


def _compiles(expression: str) -> bool:
    try:
        etree.XPath(expression)
    except etree.XPathError:
        return False
    return True


def _evaluate(root: Any, expression: str) -> list[str]:
    """Text values of an XPath on the page: strings as they are, elements and attributes by their text."""
    try:
        found = root.xpath(expression)
    except (etree.XPathError, TypeError, ValueError):
        return []
    items = found if isinstance(found, list) else [found]
    values = []
    for item in items:
        if isinstance(item, etree._Element):
            text = item.text_content() if hasattr(item, "text_content") else "".join(item.itertext())
        else:
            text = str(item)
        text = " ".join(text.split())
        if text:
            values.append(text)
    return values


def parse_site_config(text: str, host: str, source: str = "") -> SiteConfig:
    """Parse a site config file's text. Unknown directives are kept in `other`; lines without a colon are skipped,
    as Full-Text RSS skips them."""
    config = SiteConfig(host=host, source=source)
    expressions = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        command, colon, value = line.partition(":")
        command, value = command.strip(), value.strip()
        # As Full-Text RSS reads it: a value may be empty ("replace_string:" deletes what its find_string finds).
        if not colon or not command:
            continue
        paren = _PAREN.match(command)
        if paren and paren.group(1).lower() == "replace_string":
            config.find_string.append(paren.group(2))
            config.replace_string.append(value)
            continue
        key = command.lower()
        if key == "strip_attr":
            key = "strip"  # Full-Text RSS 3.8 alias
        if not value and key not in ("find_string", "replace_string"):
            continue  # an empty XPath or flag says nothing
        if key in _LISTS:
            if key in ("strip_id_or_class", "strip_image_src"):
                value = value.replace("'", "").replace('"', "")  # as Full-Text RSS does, so it fits in the XPath
            elif not _compiles(value):
                config.problems.append(f"{source or host}:{number}: invalid XPath in {key}: {value}")
                continue
            elif why := too_costly(value):
                config.problems.append(f"{source or host}:{number}: XPath in {key} not used: {why}")
                continue
            if expressions >= MAX_EXPRESSIONS:
                config.problems.append(f"{source or host}:{number}: more than {MAX_EXPRESSIONS} expressions: the "
                                       "rest are not used")
                break
            expressions += 1
            getattr(config, key).append(value)
        elif key in ("find_string", "replace_string"):
            getattr(config, key).append(value)
        elif key in _FLAGS:
            setattr(config, key, value.lower() in ("yes", "true"))
        elif key == "test_url":
            config.tests.append((value, []))
        elif key == "test_contains":
            if config.tests:
                config.tests[-1][1].append(value)
        else:
            config.other.setdefault(command, []).append(value)
    if len(config.find_string) != len(config.replace_string):
        config.problems.append(
            f"{source or host}: {len(config.find_string)} find_string but {len(config.replace_string)} "
            "replace_string lines: no replacement is made"
        )
    return config


def host_candidates(host: str) -> list[str]:
    """File names (without .txt) that may serve `host`, most specific first: the host (without "www."), then
    `.parent` for each parent domain of two labels or more."""
    host = host.lower().rstrip(".").removeprefix("www.")
    if not host:
        return []
    out = [host]
    labels = host.split(".")
    out.extend("." + ".".join(labels[i:]) for i in range(1, len(labels) - 1))
    return out


class SiteConfigs:
    """Site config folders, indexed by file name; files are parsed on first use and cached."""

    def __init__(self, folders: Iterable[str | Path]):
        self.folders = [Path(f) for f in folders]
        self.files: dict[str, Path] = {}
        self.errors: list[str] = []
        self._parsed: dict[str, SiteConfig | None] = {}
        for folder in self.folders:
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        stem = entry.name[:-4].lower() if entry.name.lower().endswith(".txt") else ""
                        if _HOST_FILE.match(stem) and entry.is_file():
                            self.files.setdefault(stem, Path(entry.path))
            except OSError as exc:
                self._problem(f"site config folder {folder}: {exc.strerror or exc}")

    def __len__(self) -> int:
        return len(self.files)

    def get(self, name: str) -> SiteConfig | None:
        """The parsed config of one file name (without .txt), or None."""
        if name not in self._parsed:
            path = self.files.get(name)
            config = None
            if path is not None:
                try:
                    size = path.stat().st_size
                    text = "" if size > MAX_CONFIG_BYTES else path.read_text(encoding="utf-8", errors="replace")
                except OSError as exc:
                    self._problem(f"{path}: cannot read: {exc.strerror or exc}")
                else:
                    if size > MAX_CONFIG_BYTES:
                        self._problem(f"{path}: {size:,} bytes, over the {MAX_CONFIG_BYTES // 1024} KB a site config "
                                      "may have: not used")
                        self._parsed[name] = None
                        return None
                    config = parse_site_config(text, name, str(path))
                    for problem in config.problems:
                        self._problem(problem)
            self._parsed[name] = config
        return self._parsed[name]

    def _problem(self, message: str) -> None:
        # Problems show up lazily, when a host's file is first read, so they go to the log as they are met (with
        # no logging set up, Python prints warnings to stderr) and stay listed in `errors`.
        self.errors.append(message)
        log.warning("cleanser: %s", message)

    def for_host(self, host: str) -> SiteConfig | None:
        for name in host_candidates(host):
            if name in self.files:
                return self.get(name)
        return None

    def for_url(self, url: str | None) -> SiteConfig | None:
        host = host_of(url)
        return self.for_host(host) if host else None

def open_site_configs(spec: SiteConfigs | str | Path | Iterable[str | Path] | None) -> SiteConfigs | None:
    """Site configs from a folder or several folders; None for none."""
    if isinstance(spec, SiteConfigs):
        return spec
    if spec is None:
        return None
    if isinstance(spec, str | Path):
        folders = [spec]
    else:
        folders = list(spec)
    return SiteConfigs(folders) if folders else None

