"""The review report: what a run removed, shown in one self-contained HTML file a person opens in a browser.

`cleanser clean ... --report-html FILE` and `cleanser report RUN.json -o FILE` write it from a run's `--report`
summary; `cleanser explain --html INPUT` writes one document the same way. The file needs nothing else: CSS and the
SVG charts are inline, there is no CDN, no font and no request of any kind, so it opens offline and can be mailed.

A run collects what the report shows in a `Review` per chunk of records (in worker processes), merged in the parent
and written under "review" in the `--report` JSON: removals per site, flagged documents per flag, a few sample
removals per rule with the lines around them, and every refused removal with the guard's reason (up to a bound, so
that memory stays flat on any archive). The renderer reads a report defensively: a report without "review" (an older
run, or one written by another tool) still gives the per-rule chart and the rules that never fired.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..document import BLANK
from ..result import Result
from ..text import host_of
from .report_learned import learned_html

SAMPLES_PER_RULE = 3  # sample removals kept per rule
CONTEXT_LINES = 2  # kept lines shown before and after a sample
FLAGGED_PER_FLAG = 50  # documents listed per flag (all are counted)
MAX_REFUSED = 1000  # refusals listed (all are counted)
CHART_BARS = 30  # bars per chart; the rest are listed in a table under it
_LINE_CHARS = 400  # a context line longer than this is shortened


@dataclass
class Review:
    """What a run's review report shows, summed over documents; small whatever the archive's size."""

    documents_per_site: Counter = field(default_factory=Counter)
    removals_per_site: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    flagged: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # flag -> [{document, reason}]
    samples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # rule -> [sample]
    refused: list[dict[str, Any]] = field(default_factory=list)
    refused_total: int = 0

    def add(self, name: str, result: Result) -> None:
        site = result.site or host_of(result.url) or "(no site)"
        self.documents_per_site[site] += 1
        removed = result.removed
        self.removals_per_site[site] += len(removed)
        for flag, reason in result.flags.items():
            self.flags[flag] += 1
            listed = self.flagged.setdefault(flag, [])
            if len(listed) < FLAGGED_PER_FLAG:
                listed.append({"document": name, "reason": _short(reason, 300)})
        wanted = {r.rule for r in removed if len(self.samples.get(r.rule, ())) < SAMPLES_PER_RULE}
        if wanted:  # context is only worked out for the rules that still need samples
            for sample in document_samples(result, wanted):
                rule_samples = self.samples.setdefault(sample["rule"], [])
                if len(rule_samples) < SAMPLES_PER_RULE:
                    rule_samples.append({**sample, "document": name})
        for r in result.refused:
            self.refused_total += 1
            if len(self.refused) < MAX_REFUSED:
                self.refused.append({"document": name, "rule": r.rule, "text": _short(r.text, 600),
                                     "reason": r.refused})

    def merge(self, other: Review) -> None:
        self.documents_per_site.update(other.documents_per_site)
        self.removals_per_site.update(other.removals_per_site)
        self.flags.update(other.flags)
        for flag, listed in other.flagged.items():
            mine = self.flagged.setdefault(flag, [])
            mine.extend(listed[: FLAGGED_PER_FLAG - len(mine)])
        for rule, samples in other.samples.items():
            mine = self.samples.setdefault(rule, [])
            mine.extend(samples[: SAMPLES_PER_RULE - len(mine)])
        self.refused.extend(other.refused[: MAX_REFUSED - len(self.refused)])
        self.refused_total += other.refused_total

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents_per_site": dict(self.documents_per_site.most_common()),
            "removals_per_site": dict(self.removals_per_site.most_common()),
            "flags": dict(self.flags.most_common()),
            "flagged": self.flagged,
            "samples": self.samples,
            "refused": self.refused,
            "refused_total": self.refused_total,
        }


def document_samples(result: Result, rules: set[str] | None = None) -> Iterable[dict[str, Any]]:
    """Each removal of `result` (by the given rules) with the kept lines before and after it, in document order."""
    blocks = [b for b in result.document.blocks if b.kind != BLANK]
    seen: set[int] = set()
    for r in result.html_removals:
        if r.refused is None and (rules is None or r.rule in rules):
            seen.add(id(r))
            yield {"rule": r.rule, "kind": r.kind, "where": r.where, "text": _short(r.text, 1200),
                   "before": [], "after": [], "note": "removed from the page's HTML before the article was read"}
    for i, block in enumerate(blocks):
        r = block.removal
        if r is None or id(r) in seen or (rules is not None and r.rule not in rules):
            continue
        seen.add(id(r))
        before = [_short(b.prefix + b.text, _LINE_CHARS) for b in blocks[:i] if b.removal is None][-CONTEXT_LINES:]
        after = [_short(b.prefix + b.text, _LINE_CHARS) for b in blocks[i + 1 :] if b.removal is None]
        yield {"rule": r.rule, "kind": r.kind, "where": r.where, "text": _short(r.text, 1200),
               "before": before, "after": after[:CONTEXT_LINES]}


def rule_catalogue(rulesets: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Every loaded rule by its qualified id, with whether `cleanser learn` wrote it (for the report's review)."""
    out: dict[str, dict[str, Any]] = {}
    for rs in rulesets:
        learned = "learned" in getattr(rs, "extra", {})
        for rule in rs.rules:
            out[rule.qualified] = {"kind": rule.kind, "description": rule.description, "learned": learned}
    return out


# --- rendering -----------------------------------------------------------------------------------------------------

_CSS = """
:root{--fg:#1d2330;--muted:#5b6477;--line:#d9dde5;--bar:#3b6fd8;--site:#2f9e77;--flag:#d9822b;--cut:#fde2e1;
--cut-fg:#8a1c17;--bg:#fff;--panel:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:24px 28px 64px}h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:36px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:22px 0 6px}
.muted{color:var(--muted)}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:16px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:20px}.grid{display:grid;grid-template-columns:1fr 1fr;gap:24px}
@media (max-width:900px){.grid{grid-template-columns:1fr}}svg.chart{max-width:100%;height:auto;display:block}
svg.chart text{font-size:12px;fill:var(--fg)}svg.chart .n{fill:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid var(--line);padding:4px 6px;
text-align:left;vertical-align:top}th{background:var(--panel)}td.n{text-align:right;white-space:nowrap}
.sample{border:1px solid var(--line);border-radius:6px;margin:8px 0;overflow:hidden}
.sample .meta{background:var(--panel);padding:3px 10px;font-size:12px;color:var(--muted)}
.sample .body{padding:6px 10px;font-size:13.5px}.ctx{color:var(--muted);margin:2px 0}
mark.cut{display:block;background:var(--cut);color:var(--cut-fg);text-decoration:line-through;
text-decoration-color:rgba(138,28,23,.35);padding:2px 6px;border-left:3px solid var(--cut-fg);margin:2px 0}
.badge{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;background:#efe3ff;color:#5a2d91;
margin-left:6px;vertical-align:1px}.refused{background:#fff6e5}code{font-size:12.5px}
details summary{cursor:pointer;color:var(--muted)}input#filter{font:inherit;padding:4px 8px;width:320px;
border:1px solid var(--line);border-radius:4px}.doc p{margin:4px 0}.doc .label{font-size:11px;color:var(--cut-fg);
float:right;margin-left:12px}.kept-refused{background:#fff6e5;border-left:3px solid var(--flag);padding:2px 6px}
"""

# Filtering the rule sections as one types; the only script, and it touches nothing outside the page.
_JS = """
(function(){var box=document.getElementById('filter');if(!box)return;box.addEventListener('input',function(){
var q=box.value.toLowerCase();document.querySelectorAll('section.rule').forEach(function(s){
s.style.display=s.dataset.rule.toLowerCase().indexOf(q)<0?'none':'';});});})();
"""


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head>\n<body><main>\n{body}\n</main>"
        f"<script>{_JS}</script></body></html>\n"
    )


def bar_chart(counts: Mapping[str, int], *, color: str = "var(--bar)", label: str = "") -> str:
    """A horizontal bar chart as inline SVG (the largest CHART_BARS values), with a table for the rest."""
    items = sorted(((str(k), int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    shown, rest = items[:CHART_BARS], items[CHART_BARS:]
    if not shown:
        return '<p class="muted">none</p>'
    top = max(v for _, v in shown) or 1
    row, name_w, bar_w = 20, 230, 240
    height = row * len(shown) + 6
    parts = [f'<svg class="chart" role="img" aria-label="{_esc(label)}" viewBox="0 0 {name_w + bar_w + 60} {height}"'
             f' width="{name_w + bar_w + 60}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (name, value) in enumerate(shown):
        y = i * row + 3
        w = max(1.0, bar_w * value / top)
        parts.append(
            f'<g class="bar" data-name="{_esc(name)}" data-value="{value}"><title>{_esc(name)}: {value:,}</title>'
            f'<text x="{name_w - 6}" y="{y + 13}" text-anchor="end">{_esc(_short(name, 34))}</text>'
            f'<rect x="{name_w}" y="{y}" width="{w:.1f}" height="{row - 6}" rx="2" fill="{color}"/>'
            f'<text class="n" x="{name_w + w + 5:.1f}" y="{y + 13}">{value:,}</text></g>'
        )
    parts.append("</svg>")
    if rest:
        rows = "".join(f'<tr><td>{_esc(k)}</td><td class="n">{v:,}</td></tr>' for k, v in rest)
        parts.append(f"<details><summary>{len(rest)} more</summary><table>{rows}</table></details>")
    return "".join(parts)


def _sample_html(sample: Mapping[str, Any]) -> str:
    where = ", ".join(str(x) for x in (sample.get("kind"), sample.get("where")) if x)
    meta = " · ".join(x for x in (_esc(sample.get("document", "")), _esc(where), _esc(sample.get("note", ""))) if x)
    before = "".join(f'<p class="ctx">{_esc(line)}</p>' for line in sample.get("before") or [])
    after = "".join(f'<p class="ctx">{_esc(line)}</p>' for line in sample.get("after") or [])
    return (f'<div class="sample"><div class="meta">{meta}</div><div class="body">{before}'
            f'<mark class="cut">{_esc(sample.get("text", ""))}</mark>{after}</div></div>')


def render_report(report: Mapping[str, Any], rules: Mapping[str, Mapping[str, Any]] | None = None, *,
                  title: str = "cleanser review report") -> str:
    """The review report of a run, from its `--report` JSON (`rules`: the loaded rules, from `rule_catalogue`)."""
    review: Mapping[str, Any] = report.get("review") or {}
    per_rule: dict[str, int] = dict(report.get("removals_per_rule") or {})
    rules = dict(rules or {})
    samples: Mapping[str, list] = review.get("samples") or {}
    out: list[str] = [f"<h1>{_esc(title)}</h1>"]
    where = [f"{k}: {report[k]}" for k in ("output", "mode", "scheduler") if report.get(k)]
    if where:
        out.append(f'<p class="muted">{_esc("; ".join(where))}</p>')
    cards = [("documents", report.get("documents")), ("removals", report.get("removals")),
             ("refused by the guard", report.get("refused")), ("flagged", report.get("flagged")),
             ("failed", report.get("failed")), ("documents / s", report.get("documents_per_second"))]
    out.append('<div class="cards">' + "".join(
        f'<div class="card" data-card="{_esc(name)}"><b>{value:,}</b>{_esc(name)}</div>'
        for name, value in cards if isinstance(value, int | float)) + "</div>")
    if report.get("interrupted"):
        out.append('<p class="refused">This run was interrupted: the figures cover what was done.</p>')

    out.append('<div class="grid"><section id="per-rule"><h2>Removals per rule</h2>'
               + bar_chart(per_rule, label="removals per rule") + "</section>")
    per_site = review.get("removals_per_site")
    out.append('<section id="per-site"><h2>Removals per site</h2>' + (
        bar_chart(per_site, color="var(--site)", label="removals per site") if per_site is not None
        else '<p class="muted">not in this report (written by an older cleanser)</p>') + "</section></div>")

    flags: Mapping[str, int] = review.get("flags") or {}
    out.append('<section id="flagged"><h2>Flagged documents</h2>')
    if flags:
        out.append(bar_chart(flags, color="var(--flag)", label="flagged documents per flag"))
        for flag, listed in (review.get("flagged") or {}).items():
            rows = "".join(f'<tr><td>{_esc(d.get("document", ""))}</td><td>{_esc(d.get("reason", ""))}</td></tr>'
                           for d in listed)
            more = flags.get(flag, len(listed)) - len(listed)
            out.append(f"<details><summary>{_esc(flag)}: {flags.get(flag, len(listed)):,} documents"
                       f"{f' ({more:,} not listed)' if more > 0 else ''}</summary>"
                       f"<table><tr><th>document</th><th>reason</th></tr>{rows}</table></details>")
    else:
        out.append('<p class="muted">none</p>' if review else '<p class="muted">not in this report</p>')
    out.append("</section>")

    out.append('<section id="samples"><h2>Sample removals per rule</h2>'
               '<p><input id="filter" type="search" placeholder="filter rules by name" aria-label="filter rules">'
               "</p>")
    for rule, count in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        badge = '<span class="badge">learned: review</span>' if rules.get(rule, {}).get("learned") else ""
        desc = rules.get(rule, {}).get("description")
        out.append(f'<section class="rule" data-rule="{_esc(rule)}"><h3><code>{_esc(rule)}</code>{badge} '
                   f'<span class="muted">{count:,} removals</span></h3>'
                   + (f'<p class="muted">{_esc(desc)}</p>' if desc else "")
                   + "".join(_sample_html(s) for s in samples.get(rule, []))
                   + "</section>")
    out.append("</section>")

    refused = review.get("refused") or []
    total = review.get("refused_total", len(refused))
    out.append(f'<section id="refused"><h2>Refused removals <span class="muted">({total:,})</span></h2>')
    if refused:
        rows = "".join(
            f'<tr class="refused-row"><td><code>{_esc(r.get("rule", ""))}</code></td><td>{_esc(r.get("document", ""))}'
            f'</td><td>{_esc(r.get("text", ""))}</td><td>{_esc(r.get("reason", ""))}</td></tr>' for r in refused)
        out.append(f"<table><tr><th>rule</th><th>document</th><th>text kept</th><th>the guard's reason</th></tr>"
                   f"{rows}</table>")
        if total > len(refused):
            out.append(f'<p class="muted">{total - len(refused):,} more not listed</p>')
    else:
        out.append('<p class="muted">none</p>' if review else '<p class="muted">not in this report</p>')
    out.append("</section>")

    out.append(learned_html(report.get("learned")))

    if rules:
        silent = sorted(r for r in rules if r not in per_rule)
        items = "".join(f'<li><code>{_esc(r)}</code>'
                        + ('<span class="badge">learned: review</span>' if rules[r].get("learned") else "")
                        + "</li>" for r in silent)
        out.append(f'<section id="never-fired"><h2>Rules that never fired <span class="muted">({len(silent):,} of '
                   f'{len(rules):,})</span></h2><details><summary>show them</summary><ul>{items}</ul></details>'
                   "</section>")
        learned = sorted(r for r, info in rules.items() if info.get("learned"))
        if learned:
            items = "".join(f'<li><code>{_esc(r)}</code> <span class="muted">{per_rule.get(r, 0):,} removals'
                            f"</span></li>" for r in learned)
            out.append(f'<section id="learned"><h2>Learned rules to review <span class="muted">({len(learned)})'
                       f"</span></h2><p>Written by <code>cleanser learn</code>: check their samples above before "
                       f"trusting them.</p><ul>{items}</ul></section>")
    return _page(title, "\n".join(out))


def render_document(result: Result, name: str, rules: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """One document, whole, with every removal highlighted and labelled with its rule (`cleanser explain --html`)."""
    rules = dict(rules or {})
    out = [f"<h1>{_esc(name)}</h1>",
           f'<p class="muted">site: {_esc(result.site or "none")}; rule sets: {_esc(", ".join(result.rulesets))}</p>']
    removed, refused = result.removed, result.refused
    out.append('<div class="cards">'
               f'<div class="card" data-card="removals"><b>{len(removed)}</b>removals</div>'
               f'<div class="card" data-card="words"><b>{sum(len(r.text.split()) for r in removed)}</b>words removed'
               f'</div><div class="card" data-card="refused"><b>{len(refused)}</b>refused by the guard</div></div>')
    for flag, reason in result.flags.items():
        out.append(f'<p class="refused"><b>{_esc(flag)}</b>: {_esc(reason)}</p>')

    def label(r) -> str:
        where = ", ".join(x for x in (r.kind, r.where) if x)
        badge = " (learned)" if rules.get(r.rule, {}).get("learned") else ""
        return f'<span class="label">{_esc(r.rule)}{badge}; {_esc(where)}</span>'

    out.append('<article class="doc">')
    for r in result.html_removals:
        if r.refused is None:
            out.append(f'<mark class="cut" data-rule="{_esc(r.rule)}">{label(r)}{_esc(r.text)}</mark>')
    refused_ids = {id(r) for r in refused}
    for block in result.document.blocks:
        if block.kind == BLANK:
            continue
        text = _esc(block.prefix + block.text)
        r = block.removal
        if r is None:
            out.append(f"<p>{text}</p>")
        elif id(r) in refused_ids:
            out.append(f'<p class="kept-refused">{text}</p>')
        else:
            out.append(f'<mark class="cut" data-rule="{_esc(r.rule)}">{label(r)}{text}</mark>')
    out.append("</article>")
    if refused:
        rows = "".join(f'<tr><td><code>{_esc(r.rule)}</code></td><td>{_esc(r.text)}</td><td>{_esc(r.refused)}</td>'
                       "</tr>" for r in refused)
        out.append('<section id="refused"><h2>Refused removals (the text was kept)</h2><table><tr><th>rule</th>'
                   f"<th>text</th><th>the guard's reason</th></tr>{rows}</table></section>")
    return _page(f"cleanser explain: {name}", "\n".join(out))
