"""The `learned` section of the HTML report of `clean --learn --report-html`: per host what the first pass learned
(its status, its rules and what each removed, the lines it kept out and why), as `--report` has it in JSON
(`batch.learned.report_section`)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

SHOWN_HOSTS = 200  # hosts listed in full; the rest are counted


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _rules_table(rules: list[Mapping[str, Any]]) -> str:
    rows = "".join(
        f'<tr><td><code>{_esc(r.get("id", ""))}</code></td><td>{_esc(r.get("match", ""))}</td>'
        f'<td>{_esc(r.get("where", ""))}{"" if r.get("glued") in (None, "none") else ", glued " + _esc(r["glued"])}'
        f'</td><td>{r.get("support", 0):,}</td><td>{r.get("removed", 0):,}</td></tr>'
        for r in rules
    )
    return (
        "<table><tr><th>rule</th><th>template</th><th>where</th><th>documents learned from</th>"
        f"<th>removed in this run</th></tr>{rows}</table>"
    )


def _review_list(entry: Mapping[str, Any]) -> str:
    review = entry.get("review") or []
    if not review:
        return ""
    items = "".join(
        f'<li><code>{_esc(r.get("template", ""))}</code> <span class="muted">in {r.get("support", 0):,} documents: '
        f'{_esc(r.get("reason", ""))}</span></li>'
        for r in review
    )
    more = entry.get("review_count", len(review)) - len(review)
    return (
        f"<p>Kept out ({entry.get('review_count', len(review)):,}"
        f"{f', {more:,} not listed' if more > 0 else ''}):</p><ul>{items}</ul>"
    )


def learned_html(section: Mapping[str, Any] | None) -> str:
    """The section, or "" for a run without `--learn`."""
    if not section:
        return ""
    hosts: Mapping[str, Mapping[str, Any]] = section.get("hosts") or {}
    how = "reused from the interrupted run" if section.get("reused") else (
        f"first pass {section.get('first_pass_seconds', 0):,.1f} s")
    out = [
        f'<section id="learned-hosts"><h2>Learned from this archive <span class="muted">({len(hosts):,} hosts)'
        "</span></h2>",
        f"<p>{len(section.get('learned') or []):,} hosts with rules ({section.get('rules', 0):,} rules, "
        f"{section.get('removed', 0):,} removals), {len(section.get('no_rules') or []):,} with none, "
        f"{len(section.get('too_few') or {}):,} with too few documents; {_esc(how)}"
        + (f"; plugins kept in <code>{_esc(section['plugins_dir'])}</code>" if section.get("plugins_dir") else "")
        + ".</p>",
        "<table><tr><th>host</th><th>status</th><th>records</th><th>duplicates</th><th>learned from</th>"
        "<th>rules</th><th>removed</th></tr>",
    ]
    ordered = sorted(hosts.items(), key=lambda kv: (-int(kv[1].get("removed", 0) or 0), kv[0]))
    for host, e in ordered[:SHOWN_HOSTS]:
        out.append(
            f'<tr data-host="{_esc(host)}"><td>{_esc(host)}</td><td>{_esc(e.get("status", ""))}</td>'
            f'<td>{e.get("records", 0):,}</td><td>{e.get("duplicates", 0):,}</td><td>{e.get("used", 0):,}</td>'
            f'<td>{len(e.get("rules") or []):,}</td><td>{e.get("removed", 0):,}</td></tr>'
        )
    out.append("</table>")
    if len(ordered) > SHOWN_HOSTS:
        out.append(f'<p class="muted">{len(ordered) - SHOWN_HOSTS:,} more hosts not listed</p>')
    for host, e in ordered[:SHOWN_HOSTS]:
        if not e.get("rules") and not e.get("review"):
            continue
        held = e.get("held_back") or {}
        staying = (
            f'<p class="muted">Held back and cleaned to check: {held.get("documents", 0):,} documents, '
            f'{held.get("boilerplate_staying", 0):,} recurring boilerplate lines still in them.</p>'
            if held else ""
        )
        notes = "".join(f"<li>{_esc(n)}</li>" for n in e.get("notes") or [])
        out.append(
            f'<details class="learned-host"><summary><code>{_esc(e.get("plugin") or host)}</code> '
            f'<span class="muted">{_esc(host)}: {len(e.get("rules") or []):,} rules</span></summary>'
            + (_rules_table(e["rules"]) if e.get("rules") else "")
            + _review_list(e) + staying + (f"<ul>{notes}</ul>" if notes else "") + "</details>"
        )
    out.append("</section>")
    return "\n".join(out)
