"""`cleanser learn`: its options (one for every `LearnSettings` field) and the command. The learning itself is
`cleanser.learn`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..batch.records import add_input_options
from ..learn import LearnSettings, format_report, learn, read_documents, write_plugins
from ..plugins.scaffold import plugin_name
from .commands import _cleaner

# The options that set `LearnSettings`, one per field: (field, type, metavar, help).
THRESHOLDS = (
    ("min_share", float, "SHARE", "least share of a site's documents a line must recur in"),
    ("min_docs", int, "N", "least number of documents a line must recur in"),
    ("max_words", int, "N", "longer lines read as content"),
    ("max_chars", int, "N", "so do lines of more characters"),
    ("max_slot_words", int, "N", "the most words one slot of a template stands for"),
    ("prose_share", float, "SHARE", "share of documents a line that reads as a sentence must be in to be a rule"),
    (
        "template_share",
        float,
        "SHARE",
        "share of documents that makes a long, letterless or inline line the template's (at the same place)",
    ),
    (
        "edge_share",
        float,
        "SHARE",
        "share of occurrences at the top, bottom or glued that lets a line without promo wording be a rule",
    ),
    ("max_docs", int, "N", "documents per site to learn from"),
    ("check_docs", int, "N", "documents per site cleaned with the plugin for the self-check"),
    ("hold_back", float, "SHARE", "share of a site's documents held back from learning and cleaned to see what stays"),
    ("near_duplicate", float, "SIMILARITY", "documents this similar count once (1: exact duplicates only)"),
)


def add_learn_parser(sub) -> None:
    """The `learn` command's options: one each for every `LearnSettings` field, and how archives are read."""
    defaults = LearnSettings()
    p = sub.add_parser(
        "learn",
        help="learn a site plugin from an archive of the site's articles",
        description="Find the lines that recur across a site's articles, propose them as rules, and write a "
        "plugin with its evidence, fixtures from the archive and a review section. See docs/learn.md.",
    )
    p.add_argument(
        "archives",
        nargs="+",
        metavar="ARCHIVE",
        help="files, folders, JSON Lines or WARC files (gzipped or not), or - for stdin",
    )
    g = p.add_argument_group("archives (as for clean)")
    add_input_options(g)
    p.add_argument("--site", metavar="DOMAIN", help="treat every document as from DOMAIN (default: its URL's)")
    p.add_argument("-o", "--output", metavar="DIR", help="write one plugin per site to DIR (use it with --plugins-dir)")
    p.add_argument("--report", action="store_true", help="print what was found and why, for review")
    p.add_argument("--force", action="store_true", help="replace an existing plugin file (a backup is kept)")
    t = p.add_argument_group("thresholds")
    for name, kind, metavar, text in THRESHOLDS:
        default = getattr(defaults, name)
        t.add_argument(
            "--" + name.replace("_", "-"),
            type=kind,
            default=default,
            metavar=metavar,
            help=f"{text} (default {default})",
        )
    p.add_argument(
        "--plugins-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="plugins the learned one will run beside: documents are read with their HTML rules, and the fixtures "
        "and the self-check are made with them (repeatable; also $CLEANSER_PLUGINS_DIR)",
    )
    p.add_argument(
        "--site-config",
        action="append",
        default=[],
        metavar="DIR",
        help="FiveFilters site config folder: pages of hosts no plugin serves are read with it, as clean reads "
        "them (repeatable; also $CLEANSER_SITE_CONFIG)",
    )
    p.set_defaults(func=cmd_learn)


def cmd_learn(args: argparse.Namespace) -> int:
    if not args.output and not args.report:
        print("cleanser learn: give -o DIR to write the plugin, or --report to print what was found", file=sys.stderr)
        return 2
    try:
        settings = LearnSettings(**{name: getattr(args, name) for name, *_ in THRESHOLDS})
    except ValueError as exc:
        print(f"cleanser learn: {exc}", file=sys.stderr)
        return 2
    if args.site:
        try:
            plugin_name(args.site)
        except ValueError as exc:
            print(f"cleanser learn: --site: {exc}", file=sys.stderr)
            return 2
    cleaner = _cleaner(args)  # the documents are read as this cleaner reads them
    errors: list[str] = []
    options = {
        "include": args.include,
        "exclude": args.exclude,
        "input_format": args.input_format,
        "text_field": args.text_field,
        "html_field": args.html_field,
        "url_field": args.url_field,
    }
    documents = read_documents(args.archives, errors, **options)
    learning = learn(documents, site=args.site, settings=settings, base=cleaner.plugins.rulesets(), cleaner=cleaner)
    learning.errors = errors
    for error in errors:
        print(f"cleanser: {error}", file=sys.stderr)
    if args.report:
        sys.stdout.write(format_report(learning))
    if not learning.sites:
        print("cleanser learn: no site with enough documents to learn from", file=sys.stderr)
        return 1
    if args.output:
        try:
            written = write_plugins(learning, Path(args.output), settings, force=args.force)
        except (FileExistsError, OSError) as exc:
            print(f"cleanser learn: {exc}", file=sys.stderr)
            return 2
        stream = sys.stderr if args.report else sys.stdout
        for model in learning.sites:
            if not model.rules:
                print(f"not written: {model.domain}: no rules learned ({len(model.review)} for review)", file=stream)
        for path, model in zip(written, [m for m in learning.sites if m.rules], strict=True):
            print(
                f"wrote {path}: {len(model.rules)} rules, {len(model.review)} for review "
                f"({model.used} documents of {model.domain})",
                file=stream,
            )
            print(f"next: cleanser plugins test {model.name} --plugins-dir {path.parent}", file=stream)
    return 1 if errors else 0
