"""The `cleanser` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .files import atomic_write
from .fixtures import test_plugin
from .pipeline import Cleaner
from .plugins import load_plugins
from .reader import InputError
from .result import Result

FORMATS = ("text", "markdown", "html", "json")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plugins-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="load every *.toml rule file and *.py plugin in DIR (repeatable; also $CLEANSER_PLUGINS_DIR)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanser", description="Clean scraped news articles of promos, paywall notices and boilerplate."
    )
    parser.add_argument("--version", action="version", version=f"cleanser {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="clean articles (files or stdin) and write the result")
    p.add_argument("inputs", nargs="*", default=["-"], metavar="INPUT", help="a file, or - for stdin (default)")
    p.add_argument("--url", help="the source page's URL (selects the site's rules)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="PATH", help="write to PATH (atomically) instead of stdout")
    p.add_argument("--no-guard", action="store_true", help="apply every removal, even those the guard refuses")
    p.add_argument(
        "--budget",
        type=float,
        default=None,
        metavar="SHARE",
        help="largest share of a document's words rules may remove (default 0.5)",
    )
    _common(p)
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("explain", help="show the input with every removal marked and the rule that made it")
    p.add_argument("input", metavar="INPUT", help="a file, or - for stdin")
    p.add_argument("--url", help="the source page's URL")
    _common(p)
    p.set_defaults(func=cmd_explain)

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
    q.set_defaults(func=cmd_plugins_new)
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


def _report_load_errors(plugins) -> None:
    for error in plugins.errors:
        reason = error.reason if error.reason.startswith(error.source) else f"{error.source}: {error.reason}"
        print(f"cleanser: plugin not loaded: {reason}", file=sys.stderr)


def _cleaner(args: argparse.Namespace) -> Cleaner:
    from .guard import GuardSettings

    plugins = load_plugins(args.plugins_dir)
    _report_load_errors(plugins)
    settings = GuardSettings(
        enabled=not getattr(args, "no_guard", False),
        **({"budget": args.budget} if getattr(args, "budget", None) is not None else {}),
    )
    return Cleaner(plugins, guard=settings)


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def render(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False)
    return {"text": result.text, "markdown": result.markdown, "html": result.html}[fmt]


def cmd_clean(args: argparse.Namespace) -> int:
    cleaner = _cleaner(args)
    outputs: list[str] = []
    failed = 0
    for source in args.inputs:
        name = "<stdin>" if source == "-" else source
        try:
            result = cleaner.clean(_read(source), url=args.url, name=name)
        except (OSError, InputError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"cleanser: {name}: {reason}", file=sys.stderr)
            failed += 1
            continue
        outputs.append(render(result, args.format))
    joiner = "\n" if args.format == "json" else "\n\n"
    data = joiner.join(outputs) + ("\n" if outputs else "")
    if args.output:
        atomic_write(args.output, data)
    else:
        sys.stdout.write(data)
    return 1 if failed else 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import explain

    cleaner = _cleaner(args)
    name = "<stdin>" if args.input == "-" else args.input
    try:
        data = _read(args.input)
        result = cleaner.clean(data, url=args.url, name=name)
    except (OSError, InputError) as exc:
        print(f"cleanser: {name}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(explain(result, color=sys.stdout.isatty()))
    return 0


def cmd_plugins_list(args: argparse.Namespace) -> int:
    plugins = load_plugins(args.plugins_dir)
    _report_load_errors(plugins)
    rows = plugins.describe()
    if args.json:
        print(json.dumps({"plugins": rows, "errors": [e.__dict__ for e in plugins.errors]}, indent=2))
        return 0
    width = max((len(r["name"]) for r in rows), default=4)
    for r in rows:
        domains = ", ".join(r["domains"]) or ("(every site)" if r["generic"] else "-")
        print(f"{r['name']:<{width}}  {r['version']:<12} {r['rules']:>3} rules  {domains}")
    print(f"{len(rows)} plugins, {sum(r['rules'] for r in rows)} rules", file=sys.stderr)
    return 0


def cmd_plugins_test(args: argparse.Namespace) -> int:
    plugins = load_plugins(args.plugins_dir)
    _report_load_errors(plugins)
    cleaner = Cleaner(plugins)
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
            if not outcome.ok:
                print(f"     fixture {outcome.fixture!r} failed:")
                for problem in outcome.problems:
                    print("       " + problem.replace("\n", "\n       "))
    errors = len(plugins.errors)
    print(f"{len(rulesets) - failed} of {len(rulesets)} plugins pass" + (f"; {errors} not loaded" if errors else ""))
    return 1 if failed or errors else 0


def cmd_plugins_new(args: argparse.Namespace) -> int:
    from .scaffold import scaffold

    folder = Path(args.dir)
    try:
        path = scaffold(args.domain, folder, force=args.force)
    except (ValueError, FileExistsError) as exc:
        print(f"cleanser: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {path}")
    print(f"next: put a real promo line from {args.domain} in the fixture and the rule, then run")
    print(f"      cleanser plugins test {path.stem} --plugins-dir {path.parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
