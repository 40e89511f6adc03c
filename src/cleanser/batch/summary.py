"""A run's summary: the lines printed on stderr, and the `--report` JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..files import atomic_write
from .work import Stats

TOP_RULES = 15  # rules listed in the summary on stderr (the report has them all)


def summary_lines(s: Stats, *, dry_run: bool = False, errors_file: Path | None = None,
                  report: str | None = None) -> list[str]:
    d = s.to_dict()
    lines = [
        f"{s.documents:,} documents ({s.bytes / 1e6:,.1f} MB) in {s.elapsed:,.1f} s: "
        f"{d['documents_per_second']:,.0f} docs/s, {d['megabytes_per_second']:,.2f} MB/s; "
        f"{s.removals:,} removals, {s.flagged:,} flagged, {s.failed:,} failed"
        + (f", {s.skipped:,} with nothing to clean" if s.skipped else "")
        + (" (dry run: nothing written)" if dry_run else "")
    ]
    if s.per_rule:
        lines.append("removals per rule:")
    for rule, n in s.per_rule.most_common(TOP_RULES):
        lines.append(f"  {n:>9,}  {rule}")
    if len(s.per_rule) > TOP_RULES:
        lines.append(f"  … and {len(s.per_rule) - TOP_RULES} more rules" + (f" (see {report})" if report else ""))
    for rule, why in s.slow_rules.items():
        lines.append(f"rule disabled for the run: {rule}: {why}")
    if errors_file:
        lines.append(f"records that failed: {errors_file}")
    return lines


def write_report(path: str | Path, stats: Stats, **extra: Any) -> None:
    """The summary as JSON (`--report`), written atomically."""
    extra = {k: str(v) if isinstance(v, Path) else v for k, v in extra.items()}
    atomic_write(path, json.dumps({**stats.to_dict(), **extra}, indent=2, ensure_ascii=False) + "\n")
