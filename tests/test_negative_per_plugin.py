"""The negative corpus against every plugin: each clean article that only looks like boilerplate is cleaned with
each site plugin active (a URL of its site), in text and HTML form, and must come out unchanged with nothing
removed and nothing refused. A failure names the plugin, the rule and the article."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from cleanser import Cleaner
from cleanser.plugins.fixtures import default_url
from cleanser.plugins.manager import load_plugins
from cleanser.read.text import normalize_spaces

PLUGINS = load_plugins(entry_points=False)
CLEANER = Cleaner(PLUGINS)
SITES = [rs for rs in PLUGINS.rulesets() if not rs.generic and rs.domains]
NEGATIVE = sorted(CORPUS.glob("negative/*.txt"))


def _problems(url: str | None) -> list[str]:
    problems = []
    for path in NEGATIVE:
        text = path.read_text(encoding="utf-8")
        lines = [line.strip() for line in normalize_spaces(text).split("\n") if line.strip()]
        for form, data in (("text", text), ("html", path.with_suffix(".html").read_text(encoding="utf-8"))):
            where = f"{path.stem} ({form})"
            result = CLEANER.clean(data, url=url)
            problems += [f"{r.rule} removed from {where}: {r.text[:100]!r}" for r in result.removed]
            problems += [f"{r.rule} refused by the guard in {where}: {r.text[:100]!r}" for r in result.refused]
            if result.removed or result.refused:
                continue
            if form == "text" and result.text != text:  # character for character
                problems.append(f"{where} changed with nothing removed:\n{result.text}")
            if form == "html" and [" ".join(b["text"].split()) for b in result.blocks] != lines:
                problems.append(f"{where}: the blocks are not the text form's lines")
    return problems


def test_the_negative_corpus_is_large_enough():
    assert len(NEGATIVE) >= 30 and all(p.with_suffix(".html").exists() for p in NEGATIVE)
    assert len(SITES) >= 40


@pytest.mark.parametrize("ruleset", SITES, ids=lambda rs: rs.name)
def test_every_site_plugin_leaves_the_negative_corpus_unchanged(ruleset):
    problems = _problems(default_url(ruleset))
    assert not problems, f"plugin {ruleset.name} ({default_url(ruleset)}):\n" + "\n".join(problems)


def test_the_generic_rules_alone_leave_the_negative_corpus_unchanged():
    problems = _problems(None)
    assert not problems, "\n".join(problems)
