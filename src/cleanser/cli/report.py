"""`cleanser report RUN.json -o report.html`, and the HTML report of `clean --report-html` and `explain --html`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..files import atomic_write
from ..plugins.manager import Plugins
from ..write.report_html import render_document, render_report, rule_catalogue


def add_report_parser(sub, common) -> None:
    p = sub.add_parser(
        "report",
        help="turn a run's --report JSON into the review report, one HTML file to open in a browser",
        description="Write the review report of a run (removals per rule and per site, flagged documents, sample "
        "removals in context, refusals, rules that never fired) from its `cleanser clean --report` JSON. The "
        "loaded plugins (--plugins-dir as in the run) say which rules never fired and which were learned.",
    )
    p.add_argument("run", metavar="RUN.json", help="the JSON that `cleanser clean --report` wrote")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    common(p)
    p.set_defaults(func=cmd_report)


def read_report(path: str | Path) -> dict[str, Any]:
    """A `--report` file, whatever cleanser version wrote it: only a JSON object is required."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a cleanser report (a JSON object was expected)")
    return data


def write_report_html(report: dict[str, Any], output: str | Path, plugins: Plugins | None) -> None:
    rules = rule_catalogue(plugins.rulesets()) if plugins is not None else None
    atomic_write(output, render_report(report, rules))


def cmd_report(args: argparse.Namespace) -> int:
    from .commands import _plugins, _settings

    try:
        report = read_report(args.run)
    except (OSError, ValueError) as exc:
        print(f"cleanser: {args.run}: {exc}", file=sys.stderr)
        return 1
    write_report_html(report, args.output, _plugins(_settings(args)))
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def html_from_run(report_path: str, output: str, plugins: Plugins) -> int:
    """After `clean --report-html`: the report the run just wrote, as HTML."""
    try:
        write_report_html(read_report(report_path), output, plugins)
    except (OSError, ValueError) as exc:
        print(f"cleanser: --report-html: {exc}", file=sys.stderr)
        return 1
    return 0


def explain_html(result, name: str, plugins: Plugins) -> str:
    return render_document(result, name, rule_catalogue(plugins.rulesets()))
