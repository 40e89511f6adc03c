"""The `cleanser` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..pipeline import Cleaner
from ..plugins.fixtures import test_plugin
from ..plugins.manager import Plugins, plugins_for
from ..read.text import InputError
from ..rules.model import SITE_PRIORITY
from ..settings import GENERIC_LEVELS, GuardSettings, Settings

FORMATS = ("text", "markdown", "html", "json")


def _share(value: str) -> float:
    """A share of a document's words, 0 to 1 (the guard's budget)."""
    try:
        share = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a share between 0 and 1, got {value}")
    return share


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plugins-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="load every *.toml rule file and *.py plugin in DIR (repeatable; also $CLEANSER_PLUGINS_DIR)",
    )
    parser.add_argument(
        "--site-config",
        action="append",
        default=[],
        metavar="DIR",
        help="FiveFilters site config folder, used for hosts no plugin serves (repeatable; also "
        "$CLEANSER_SITE_CONFIG)",
    )


def build_parser() -> argparse.ArgumentParser:
    from ..batch.records import add_input_options

    parser = argparse.ArgumentParser(
        prog="cleanser", description="Clean scraped news articles of promos, paywall notices and boilerplate."
    )
    parser.add_argument("--version", action="version", version=f"cleanser {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "clean",
        help="clean articles (files, folders, JSON Lines, WARC or stdin) and write the result",
        description="Clean documents: files, folders (recursive), JSON Lines and WARC archives (gzipped or not), or "
        "stdin. Output goes to stdout, to -o FILE (one stream; JSON Lines when FILE ends in .jsonl), to -o FOLDER "
        "(a mirror of the input tree), or back into the inputs with --in-place. See docs/archives.md.",
    )
    p.add_argument("inputs", nargs="*", default=["-"], metavar="INPUT",
                   help="a file, a folder, or - for stdin (default)")
    p.add_argument("--url", help="the source page's URL (selects the site's rules) for records that have none")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: text; json for JSON Lines or WARC inputs and .jsonl outputs)")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write to PATH (atomically) instead of stdout; a folder (or a folder input) mirrors the tree")
    p.add_argument("--in-place", action="store_true", help="clean the input files themselves, keeping a backup (.orig)")
    p.add_argument("--no-guard", action="store_true", help="apply every removal, even those the guard refuses")
    p.add_argument("--generic", choices=GENERIC_LEVELS, default=None,
                   help="generic boilerplate detection for sites with no rule: off, safe (default, no article loss "
                   "measured on real pages) or aggressive")
    p.add_argument("--links", action="store_true", default=None,
                   help="keep the article's links (http, https, mailto, relative) in Markdown, HTML and JSON blocks")
    p.add_argument("--second-opinion", action="store_true", default=None,
                   help="HTML pages: also drop the container's short non-prose lines outside the article's paragraphs "
                   "that trafilatura's extraction leaves out (needs cleanser[trafilatura]; about doubles the time)")
    p.add_argument(
        "--budget",
        type=_share,
        default=None,
        metavar="SHARE",
        help="largest share of a document's words rules may remove (default 0.5)",
    )
    g = p.add_argument_group("archives")
    add_input_options(g)  # the same reading options as `learn`
    g.add_argument("--meta-field", default="cleanser", metavar="NAME",
                   help="the field of a JSON record that holds cleanser's results (default: cleanser); every other "
                   "field is written as it came, the text field holding the cleaned text")
    g.add_argument("--no-meta", action="store_true",
                   help="write records with the cleaned text only, without cleanser's results")
    g.add_argument("--blocks", action="store_true",
                   help="include the per-block data (kind, text, level...) in a record's results")
    g.add_argument("--dry-run", action="store_true", help="report what would be removed; write nothing")
    g.add_argument("--diff", action="store_true", help="show what would be removed as a unified diff; write nothing")
    g.add_argument("-j", "--jobs", type=int, default=0, metavar="N", help="worker processes (default: the cores)")
    g.add_argument("--record-timeout", type=float, default=None, metavar="SECONDS",
                   help="stop a record that takes longer than this, report it as failed and go on (default: 60; "
                   "0: no limit)")
    g.add_argument("--rule-time-limit", type=float, default=None, metavar="SECONDS",
                   help="disable for the run a rule whose matching takes longer than this on one document, and "
                   "report it (default: 2, more for documents over 100 KB; 0: no limit)")
    g.add_argument("--resume", action="store_true", help="finish an interrupted run of the same command")
    g.add_argument("--errors", metavar="FILE",
                   help="where records that fail are listed (default: OUTPUT.errors.jsonl, with -o or --in-place)")
    g.add_argument("--report", metavar="FILE", help="write the summary (documents, bytes, removals per rule) as JSON")
    g.add_argument("--report-html", metavar="FILE",
                   help="write the review report: one HTML file to open in a browser (also: cleanser report)")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    g.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="clean JSON Lines or WARC inputs on a Dask cluster (tcp://host:8786, or 'local'); needs -o DIR")
    g = p.add_argument_group("learning (see docs/learn.md)")
    g.add_argument("--learn", action="store_true",
                   help="first learn each host's recurring boilerplate from the inputs, then clean with the learned "
                   "rules too (below site plugins, guarded like every rule)")
    g.add_argument("--learned-dir", metavar="DIR",
                   help="with --learn: write the learned plugins to DIR, for review and for --plugins-dir")
    g.add_argument("--learn-docs", type=int, default=None, metavar="N",
                   help="with --learn: distinct documents per host learned from (default 300)")
    _common(p)
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("explain", help="show the input with every removal marked and the rule that made it")
    p.add_argument("input", metavar="INPUT", help="a file, or - for stdin")
    p.add_argument("--url", help="the source page's URL")
    p.add_argument("--generic", choices=GENERIC_LEVELS, default=None, help="generic detection level (default: safe)")
    p.add_argument("--second-opinion", action="store_true", default=None,
                   help="HTML pages: trafilatura's extraction as a second opinion (needs cleanser[trafilatura])")
    p.add_argument("--html", action="store_true", help="write the document as an HTML page, removals highlighted")
    _common(p)
    p.set_defaults(func=cmd_explain)

    from .report import add_report_parser

    add_report_parser(sub, _common)

    p = sub.add_parser("plugins", help="list, test and create plugins")
    psub = p.add_subparsers(dest="plugins_command", required=True)
    q = psub.add_parser("list", help="every loaded plugin with its version, domains and rule count")
    q.add_argument("--json", action="store_true", help="print JSON")
    _common(q)
    q.set_defaults(func=cmd_plugins_list)
    q = psub.add_parser("test", help="run plugins' fixtures and report per rule")
    q.add_argument("names", nargs="*", metavar="NAME", help="plugin names (default: all)")
    q.add_argument("-v", "--verbose", action="store_true", help="show every fixture")
    _common(q)
    q.set_defaults(func=cmd_plugins_test)
    q = psub.add_parser("new", help="scaffold a site plugin with a failing fixture to fill in")
    q.add_argument("domain", help="the site's domain, e.g. example.com")
    q.add_argument("--dir", default=".", help="folder to write it to (default: the current folder)")
    q.add_argument("--force", action="store_true", help="overwrite an existing file")
    _common(q)
    q.set_defaults(func=cmd_plugins_new)

    from .learn import add_learn_parser

    add_learn_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("cleanser: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`cleanser clean x | head`); nothing is wrong with the input.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _report_load_errors(plugins, *, warnings: bool = True) -> None:
    for error in plugins.errors:
        reason = error.reason if error.reason.startswith(error.source) else f"{error.source}: {error.reason}"
        print(f"cleanser: plugin not loaded: {reason}", file=sys.stderr)
    if warnings:
        for warning in plugins.warnings():
            print(f"cleanser: warning: {warning}", file=sys.stderr)


def _check_plugin_dirs(folders) -> None:
    """A plugins folder named on the command line that cannot be used is a usage error, not a warning."""
    for folder in folders:
        path = Path(folder)
        why = None
        if not path.exists():
            why = "does not exist"
        elif not path.is_dir():
            why = "is not a folder"
        else:
            try:
                next(os.scandir(path), None)
            except OSError as exc:
                why = f"cannot be read: {exc.strerror or exc}"
        if why:
            print(f"cleanser: --plugins-dir {folder} {why}", file=sys.stderr)
            raise SystemExit(2)


def _settings(args: argparse.Namespace) -> Settings:
    """The one place the CLI turns options and the environment into settings."""
    _check_plugin_dirs(getattr(args, "plugins_dir", None) or ())
    budget = getattr(args, "budget", None)
    budgeted = {"budget": budget} if budget is not None else {}  # --budget 0 is a budget, not "none given"
    guard = GuardSettings(enabled=not getattr(args, "no_guard", False), **budgeted)
    return Settings.from_env(
        plugins_dirs=args.plugins_dir,
        site_configs=args.site_config or None,
        guard=guard,
        links=getattr(args, "links", None),
        record_timeout=getattr(args, "record_timeout", None),
        rule_time_limit=getattr(args, "rule_time_limit", None),
        generic=getattr(args, "generic", None),
        second_opinion=getattr(args, "second_opinion", None),
    )


def _plugins(settings: Settings) -> Plugins:
    plugins = plugins_for(settings)
    _report_load_errors(plugins)
    return plugins


def _cleaner(args: argparse.Namespace) -> Cleaner:
    settings = _settings(args)
    return Cleaner(_plugins(settings), settings=settings)


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def cmd_clean(args: argparse.Namespace) -> int:
    from ..batch import runner as batch
    from ..batch.records import FieldNames
    from ..batch.work import Options, start_worker

    if args.dry_run and args.diff:
        print("cleanser: --dry-run and --diff are exclusive", file=sys.stderr)
        return 2
    options = Options(
        format=args.format,
        mode="dry-run" if args.dry_run else "diff" if args.diff else "clean",
        url=args.url,
        names=FieldNames(args.text_field, args.html_field, args.url_field, args.id_field),
        settings=_settings(args),
        meta_field=None if args.no_meta else args.meta_field,
        blocks=args.blocks,
        review=bool(args.report or args.report_html),
    )
    # Plugins are loaded once, here; worker processes inherit them.
    plugins = start_worker(options, process=False).cleaner.plugins
    _report_load_errors(plugins, warnings=not args.quiet)
    plan = batch.Plan(
        inputs=list(args.inputs),
        options=options,
        output=args.output,
        in_place=args.in_place,
        include=args.include,
        exclude=args.exclude,
        input_format=args.input_format,
        jobs=args.jobs,
        resume=args.resume,
        errors=args.errors,
        report=args.report or _temporary_report(args.report_html),
        progress=args.progress,
        quiet=args.quiet,
    )
    learned = None
    try:
        if args.learn or args.learned_dir or args.learn_docs is not None:
            learned = _learn_first(args, plan)
        if args.scheduler:
            from ..batch.dask import run_plan

            status = run_plan(plan, args.scheduler)
        else:
            status = batch.run(plan)
        if learned is not None:
            from ..batch import learned as learning

            if plan.report and status != 130:
                learning.add_to_report(plan.report, learned, args.learned_dir)
            learning.finish(learned, keep=status == 130)
        if args.report_html and status != 130:
            from .report import html_from_run

            status = max(status, html_from_run(plan.report, args.report_html, plugins))
        return status
    except batch.UsageError as exc:
        print(f"cleanser: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        # Writing failed (a full disk, a folder we may not write to); what was committed can be resumed.
        print(f"cleanser: {exc}", file=sys.stderr)
        return 1


def _learn_first(args: argparse.Namespace, plan):
    """`clean --learn`: the first pass; the plan's options then load the learned plugins."""
    from ..batch import learned as learning
    from ..batch.plan import UsageError
    from ..learn.archive import DEFAULT_SAMPLE

    if not args.learn:
        raise UsageError("--learned-dir and --learn-docs go with --learn")
    sample = DEFAULT_SAMPLE if args.learn_docs is None else args.learn_docs
    if sample < 2:
        raise UsageError(f"--learn-docs must be at least 2, got {sample}")
    learned = learning.learn_first(plan, sample=sample, scheduler=args.scheduler)
    plan.options = learning.with_learned(plan.options, learned.folder)
    if args.learned_dir:
        learning.copy_plugins(learned, args.learned_dir)
    if not args.quiet:
        print("cleanser: " + learning.summary_line(learned), file=sys.stderr)
    return learned


def cmd_explain(args: argparse.Namespace) -> int:
    from ..write.explain import explain

    cleaner = _cleaner(args)
    name = "<stdin>" if args.input == "-" else args.input
    try:
        data = _read(args.input)
        result = cleaner.clean(data, url=args.url, name=name)
    except (OSError, InputError) as exc:
        print(f"cleanser: {name}: {exc}", file=sys.stderr)
        return 1
    if args.html:
        from .report import explain_html

        sys.stdout.write(explain_html(result, name, cleaner.plugins))
        return 0
    sys.stdout.write(explain(result, color=sys.stdout.isatty()))
    return 0


def _temporary_report(report_html: str | None) -> str | None:
    """Where the JSON summary goes when only --report-html was asked for (it is rendered from that file)."""
    if not report_html:
        return None
    import atexit
    import tempfile

    fd, path = tempfile.mkstemp(prefix="cleanser-report-", suffix=".json")
    os.close(fd)
    atexit.register(lambda: Path(path).unlink(missing_ok=True))
    return path


def cmd_plugins_list(args: argparse.Namespace) -> int:
    plugins = _plugins(_settings(args))
    rows = plugins.describe()
    if args.json:
        print(json.dumps({"plugins": rows, "errors": [e.__dict__ for e in plugins.errors]}, indent=2))
        return 0
    width = max((len(r["name"]) for r in rows), default=4)
    for r in rows:
        domains = ", ".join(r["domains"]) or ("(every site)" if r["generic"] else "-")
        notes = []
        if r["replaced_by"]:
            notes.append(f"replaced by {r['replaced_by']}: not used")
        elif r["domains"] and not r["generic"] and not r["serves"]:
            notes.append("no rules: serves no domain")
        if r["replaces"]:
            notes.append(f"replaces {', '.join(r['replaces'])}")
        for domain, others in r["serves"].items():
            if others:
                notes.append(f"{domain} shared with {', '.join(others)}")
        if r["priority"] is not None and not r["generic"] and r["priority"] != SITE_PRIORITY:
            notes.append(f"priority {r['priority']}")
        note = f"  [{'; '.join(notes)}]" if notes else ""
        print(f"{r['name']:<{width}}  {r['version']:<12} {r['rules']:>3} rules  {domains}{note}")
    print(f"{len(rows)} plugins, {sum(r['rules'] for r in rows)} rules", file=sys.stderr)
    return 0


def cmd_plugins_test(args: argparse.Namespace) -> int:
    settings = _settings(args)
    plugins = _plugins(settings)
    cleaner = Cleaner(plugins, settings=settings)
    rulesets = plugins.rulesets()
    if args.names:
        unknown = set(args.names) - {rs.name for rs in rulesets}
        if unknown:
            print(f"cleanser: no such plugin: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        rulesets = [rs for rs in rulesets if rs.name in args.names]
    failed = 0
    for rs in rulesets:
        report = test_plugin(cleaner, rs)
        failed += not report.ok
        print(f"{'ok  ' if report.ok else 'FAIL'} {rs.name}: {len(rs.rules)} rules, {len(rs.fixtures)} fixtures")
        for rule_id, status, n in report.rule_status():
            if status != "ok" or args.verbose:
                print(f"     {status:<10} {rule_id} ({n} fixtures)")
        for outcome in report.outcomes:
            if outcome.ok and args.verbose:
                print(f"     fixture {outcome.fixture!r} ok")
            elif not outcome.ok:
                print(f"     fixture {outcome.fixture!r} failed:")
                for problem in outcome.problems:
                    print("       " + problem.replace("\n", "\n       "))
    errors = len(plugins.errors)
    print(f"{len(rulesets) - failed} of {len(rulesets)} plugins pass" + (f"; {errors} not loaded" if errors else ""))
    return 1 if failed or errors else 0


def cmd_plugins_new(args: argparse.Namespace) -> int:
    from ..plugins.scaffold import scaffold

    folder = Path(args.dir)
    _say_who_serves(args.domain, _plugins(_settings(args)))
    try:
        path = scaffold(args.domain, folder, force=args.force)
    except (ValueError, FileExistsError) as exc:
        print(f"cleanser: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    print(f"next: put a real promo line from {args.domain} in the fixture and the rule, then run")
    print(f"      cleanser plugins test {path.stem} --plugins-dir {path.parent}")
    return 0


def _say_who_serves(domain: str, plugins) -> None:
    """Before scaffolding: a plugin of the same name would keep the new one from loading; plugins that already
    serve the domain will combine with it."""
    from ..plugins.scaffold import plugin_name
    from ..sites.index import SiteIndex

    try:
        name, host = plugin_name(domain)
    except ValueError:
        return  # scaffold says why
    origins = plugins.origins
    if name in origins:
        print(f"cleanser: note: a plugin named {name!r} is already loaded ({origins[name]}); one of the same name "
              "would not load: rename yours (its `name`), or improve that one", file=sys.stderr)
    serving = [rs.name for rs in SiteIndex(plugins.rulesets()).serving(f"https://{host}/")]
    if serving:
        who = ", ".join(f"{n!r} ({origins.get(n, 'given')})" for n in serving)
        print(f"cleanser: note: {host} is already served by {who}; a new plugin's rules combine with theirs "
              f"(add replaces = [{', '.join(repr(n) for n in serving)}] to use yours alone)", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
