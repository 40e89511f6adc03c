"""The cleaning pipeline, top to bottom: read, find the site, strip HTML, apply rules, guard, restore, write.

Each stage is its own module; this one only says in which order they run.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import NamedTuple

from .document import Document, Removal
from .plugins.manager import Plugins, plugins_for
from .read.blocks import to_blocks
from .read.extract import extract
from .read.metadata import PageInfo, empty_metadata, read_page
from .read.page import LIMIT_ATTR, is_full_page, parse, strip_junk
from .read.text import decode, looks_like_html, read_text
from .result import Result
from .rules.book import RuleBook
from .rules.clock import RuleClock, RuleTimeout, Ticking, Watch
from .rules.model import Rule, RuleSet
from .settings import GuardSettings, Settings
from .sites.index import SiteIndex
from .sites.siteconfig import SiteConfigs, open_site_configs
from .stages import cms_strings, generic_html, second_opinion, share_runs
from .stages.apply import apply_rules, second_chance, walk_removals
from .stages.flags import set_flags
from .stages.generic_lines import PLUGIN as SCORER_PLUGIN
from .stages.generic_lines import mark_lines
from .stages.generic_zones import mark_zones
from .stages.guard import guard, refuse_html
from .stages.html_budget import enforce_budget
from .stages.html_rules import apply_html_rules, paragraph_texts, place_removals
from .stages.positions import mark_where
from .stages.structure import restore
from .stages.wall_lines import PLUGIN as WALL_PLUGIN
from .stages.wall_lines import mark_wall_lines
from .text import word_count


class Reading(NamedTuple):
    """A document read (stage 1), with the site found for it and the rules that apply."""

    doc: Document
    site: RuleSet | None
    active: tuple[RuleSet, ...]  # the rule sets that apply: generic ones, the site's, syndicated sources
    book: RuleBook
    page: PageInfo | None  # what the HTML page says about itself (None for text)
    html_removals: list[Removal]  # the HTML rules' removals, refused ones included


class Cleaner:
    """Plugins loaded and rules compiled once; `clean` many documents with it."""

    def __init__(
        self,
        plugins: Plugins | None = None,
        *,
        settings: Settings | None = None,
        plugins_dirs: Iterable[str | Path] = (),
        guard: GuardSettings | None = None,
        site_configs: SiteConfigs | str | Path | Iterable[str | Path] | None = None,
        links: bool | None = None,
        generic: str | None = None,
        second_opinion: bool | None = None,
    ):
        """`settings` says everything; without it, the keywords given are completed from the environment
        (`Settings.from_env`). Plugins given explicitly are used as they are (no variable disables any of them)."""
        given_configs = site_configs if isinstance(site_configs, SiteConfigs) else None
        if given_configs is not None:
            site_configs = [str(f) for f in given_configs.folders]
        if settings is None:
            settings = Settings.from_env(
                plugins_dirs=plugins_dirs,
                site_configs=site_configs,
                guard=guard,
                links=links,
                generic=generic,
                second_opinion=second_opinion,
            )
        else:
            settings = settings.but(guard=guard, links=links, generic=generic, second_opinion=second_opinion)
        self.settings = settings
        self.plugins = plugins if plugins is not None else plugins_for(settings)
        self.links = settings.links  # keep links (http, https, mailto, relative) in Markdown and HTML output
        self.guard_settings = settings.guard
        self.generic = settings.generic
        # FiveFilters site configs for hosts with no plugin.
        self.site_configs = given_configs or open_site_configs(settings.site_configs or None)
        self.sites = SiteIndex(self.plugins.rulesets(), self.site_configs)
        self._books: dict[tuple[str, ...], RuleBook] = {}
        self._clock = RuleClock(settings.rule_time_limit)
        # The line scorer's removals are judged as a generic rule's, even with the generic rule file disabled.
        self._generic = {rs.name for rs in self.sites.generic} | {SCORER_PLUGIN}

    def _judge_html(self, rule: Rule, element) -> str | None:
        """The guard's word on an element an HTML rule would drop (the guard proper runs after extraction). Only a
        generic, untrusted rule is judged: its element's paragraphs are read for that one alone."""
        if not self.guard_settings.enabled or rule.trusted or rule.plugin not in self._generic:
            return None
        return refuse_html(rule, paragraph_texts(element), generic=True)

    def _judge_generic(self, rule: Rule, paragraphs: list[str]) -> str | None:
        """The guard's word on an element the generic HTML detector would drop: never a paragraph of prose."""
        return refuse_html(rule, paragraphs, generic=True) if self.guard_settings.enabled else None

    @property
    def slow_rules(self) -> dict[str, str]:
        """Rules disabled in this Cleaner for matching too slowly (qualified name: why); see rules/clock.py."""
        return self._clock.disabled

    def book(self, rulesets: tuple[RuleSet, ...]) -> RuleBook:
        key = tuple(rs.name for rs in rulesets)
        found = self._books.get(key)
        if found is None:
            found = self._books[key] = RuleBook(rulesets, frozenset(self._clock.disabled))
        return found

    def read(
        self,
        data: str | bytes,
        url: str | None = None,
        *,
        name: str = "<input>",
        links: bool = False,
        encoding: str | None = None,
    ) -> Reading:
        """Stage 1 alone: the document as the rules will see it, and the site's rules. `learn` mines these lines, so
        that it learns from what the cleaner cleans (HTML rules applied, site config used, article extracted).
        Bytes are decoded with `encoding` (the charset the transport declared) before the page's own declaration."""
        text = decode(data, name, encoding) if isinstance(data, bytes) else data
        encoding_note = getattr(text, "note", None)
        page: PageInfo | None = None

        # 1. Read, and find the site: by URL, else by fingerprints in the text.
        html_removals = []
        if looks_like_html(text):
            config = self.sites.site_config(url)  # a FiveFilters site config, when no plugin serves the host
            if config is not None:
                text = config.rewrite(text)
            root = parse(text)
            limit = root.attrib.pop(LIMIT_ATTR, None)
            page = read_page(root, url)  # before stripping: JSON-LD and the canonical link are junk to the article
            page.source = text  # a reference, read only when the text trails off like a cut (stages/wall_signs.py)
            strip_junk(root)
            # A saved page names its own address: with no URL given, its canonical link or og:url picks the site.
            site_url = url or page.site_url
            page.visible_text = root.text_content()  # where a wall after the article shows (stages.walls)
            site, active = self.sites.find(site_url, "" if site_url else page.visible_text, config)
            metadata = config.metadata(root) if config is not None else {}
            book = self.book(active)
            # 2. HTML rules strip promo elements before the article is extracted and before text rules run.
            dropped: list = []
            # The page's words before HTML rules: the text read just above (the tree has not changed since).
            page_words = word_count(page.visible_text) if book.html and self.guard_settings.enabled else 0
            html_removals = apply_html_rules(root, book.html, self._judge_html, dropped)
            if dropped:
                enforce_budget(root, dropped, page_words, self.guard_settings)
            if self.plugins.has_html_hooks():
                self.plugins.prepare_html(root, url, site.name if site else None)
            article = extract(
                root,
                is_full_page(text),
                container_xpath=config.container_xpath if config is not None else (),
                not_article=generic_html.not_article if self.generic != "off" else None,
                widen=generic_html.widen_to_prose if self.generic != "off" else None,
            )
            if self.generic != "off":  # boilerplate no rule names, inside the container (generic_html.py)
                generic_html.strip_boilerplate(
                    article,
                    self.generic,
                    html_removals,
                    self._judge_generic,
                    title=page.metadata.get("title"),
                    second_opinion=second_opinion.extract(text, url) if self.settings.second_opinion else None,
                )
                # ... and the lines a CMS template prints, whole (cms_strings.py, data/cms_strings.json).
                cms_strings.strip_html(article, html_removals, self._judge_generic)
            place_removals(root, article, html_removals)
            blocks = to_blocks(article, links=links, removals=html_removals)
            doc = Document(blocks, source="html", url=url, layout="html", metadata=page.metadata)
            if limit:
                doc.flags["parse_limit"] = limit
            for key, value in metadata.items():
                doc.metadata[key] = value  # a site config's own expressions know the site better
        else:
            doc = read_text(text, url)
            doc.metadata = empty_metadata()
            site, active = self.sites.find(url, text)
            book = self.book(active)
        if encoding_note:
            doc.flags["encoding"] = encoding_note  # the bytes did not agree with what was declared (charset.py)
        return Reading(doc, site, active, book, page, html_removals)

    def clean(
        self,
        data: str | bytes,
        url: str | None = None,
        *,
        name: str = "<input>",
        links: bool | None = None,
        encoding: str | None = None,
    ) -> Result:
        """Clean one document. Bytes are decoded with `encoding` (the charset the transport declared, e.g. an HTTP
        Content-Type's) before the page's own declaration; `flags["encoding"]` says when the bytes disagreed."""
        links = self.links if links is None else links
        known = len(self._clock.disabled)
        watch = self._clock.watch(len(data))
        rounds = 0
        with Ticking() if watch is not None else nullcontext():
            while True:
                try:
                    result = self._clean(data, url, name, links, encoding, watch)
                    break
                except RuleTimeout:
                    # The rules ran past their time on this document: find the slow ones, disable them, clean it
                    # again without them.
                    rounds += 1
                    reading = self.read(data, url, name=name, links=links, encoding=encoding)
                    watch = self._clock.found_slow(reading.book, reading.doc, rounds)
                    self._books.clear()
        if len(self._clock.disabled) > known:
            found = list(self._clock.disabled.items())[known:]
            result.flags["slow_rules"] = "; ".join(f"{rule}: {why}, disabled for the run" for rule, why in found)
        return result

    def _clean(self, data: str | bytes, url: str | None, name: str, links: bool, encoding: str | None,
               watch: Watch | None) -> Result:
        doc, site, active, book, page, html_removals = self.read(data, url, name=name, links=links, encoding=encoding)
        timed = watch if watch is not None else nullcontext()

        # 3. Text rules, then any plugin code, mark removals on the blocks.
        with timed:
            apply_rules(doc, book)
        if self.plugins.has_document_hooks():
            self.plugins.process_document(doc, site.name if site else None)
        # A paywall's or registration wall's own lines, read by the wording that flags a wall (text and HTML; part
        # of the generic plugin, so on whenever its rules are).
        if any(rs.name == WALL_PLUGIN for rs in active):
            mark_wall_lines(doc)
        # The generic line scorer takes the boilerplate no rule named (text input; `generic` says how boldly).
        mark_lines(doc, self.generic)
        # ... and the zones around the article: a tail of page furniture below it (generic_zones.py).
        mark_zones(doc, self.generic)
        # ... and what is left of the whole lines a CMS template prints ("Leave a Reply"), in any language
        # (cms_strings.py; after the zones, which read such a line as the boundary of a comment section).
        cms_strings.mark_lines(doc, self.generic)
        # ... and share bars saved one button per line, follow lines (share_runs.py, data/widget_strings.json).
        share_runs.mark_runs(doc, self.generic)

        # 4. The guard takes back removals that look like article text or exceed the budget.
        with timed:
            guard(doc, book, self.guard_settings, self._generic, html_removals, retry=partial(second_chance, book))

        # 5. Restore structure: rejoin cut paragraphs, unwrap, recognise headings, lists and quotes.
        restore(doc)
        entries: list = []
        walk_removals(doc, lambda removal, blocks: entries.append((removal, blocks)))
        mark_where(doc, entries)

        # 6. Flags: paywalled (the page says so, or a rule removed a wall) and truncated (the text stops early).
        set_flags(doc, page, book.flags, html_removals)
        return Result(
            links=links,
            document=doc,
            url=url,
            site=site.name if site else None,
            rulesets=tuple(rs.name for rs in active),
            html_removals=html_removals,
        )


_default: Cleaner | None = None


def default_cleaner() -> Cleaner:
    global _default
    if _default is None:
        _default = Cleaner()
    return _default


def clean(data: str | bytes, url: str | None = None, *, links: bool = False, encoding: str | None = None) -> Result:
    """Clean one article (plain text, an HTML fragment or a whole page) with every installed plugin.

    `links=True` keeps the article's links (http, https, mailto and relative ones) in `markdown` and `html`.
    `encoding` is the charset the page was served with (its HTTP Content-Type's), for bytes."""
    return default_cleaner().clean(data, url, links=links, encoding=encoding)
