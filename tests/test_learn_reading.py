"""`cleanser learn` reads documents as the cleaner reads them, learns from any host it can name a plugin for, and
takes every setting as an option.

The pages are a fictional town paper's, made here from a small grammar: every page has a promo box that the site's
HTML rule (or its FiveFilters site config) removes, and a newsletter line that only a text rule could remove.
"""

from __future__ import annotations

import random
import tomllib

from cleanser import Cleaner, Settings, ruleset_from_dict
from cleanser.learn import LearnSettings, format_report, learn, plugin_toml
from cleanser.plugins.manager import Plugins, load_plugins

BOX = "Get the Tideway app for iPhone and Android"
NEWSLETTER = "Sign up for the Tideway Morning newsletter"
BASE = load_plugins([], entry_points=False).rulesets()

_WHO = ["The harbour board", "The ferry company", "Two councillors", "The lifeboat crew", "Local traders", "A parent"]
_DID = ["asked for a review of", "voted to delay", "raised concerns about", "welcomed", "objected to", "paid for"]
_WHAT = ["the new sea wall", "the winter timetable", "the market move", "the school merger", "the night bus"]
_WHEN = ["on Monday", "this spring", "after a long meeting", "before the regatta", "in a letter to residents"]


def _paragraph(rng: random.Random) -> str:
    return " ".join(
        f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHAT)} {rng.choice(_WHEN)}, {n} people said."
        for n in rng.sample(range(10, 99), 2)
    )


def _pages(host: str, n: int = 12, *, html: bool = True) -> list[tuple[str, str]]:
    rng = random.Random(4)
    docs = []
    for i in range(n):
        paragraphs = [_paragraph(rng) for _ in range(4)]
        if html:
            body = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
            # A class that says nothing to generic HTML detection ("promo-box" would): only the site's rule knows it.
            body += f'<div class="app-panel"><p>{BOX}</p></div><p>{NEWSLETTER}</p>'
            body += "".join(f"<p>{p}</p>" for p in paragraphs[2:])
            text = f"<!doctype html><html><head><title>t{i}</title></head><body><article>{body}</article></body></html>"
        else:
            text = "\n".join([NEWSLETTER, *paragraphs])
        docs.append((f"https://www.{host}/news/{i}", text))
    return docs


def _texts(model) -> set[str]:
    """Every text the site's candidates (rules, review, below the threshold) were made from."""
    return {e for c in model.candidates + model.below for e in c.examples}


def test_a_line_a_site_html_rule_removes_is_not_learned():
    site = ruleset_from_dict(
        {
            "name": "tideway",
            "domains": ["tideway.example"],
            "rule": [{"id": "promo-box", "kind": "html", "selectors": [".app-panel"]}],
        }
    )
    model = learn(_pages("tideway.example"), base=[*BASE, site]).sites[0]
    assert BOX not in _texts(model)  # the cleaner never shows it to the text rules
    assert [c.template for c in model.rules] == [NEWSLETTER]
    # Without the site's HTML rule the box is a line of the article like any other, and recurs as one.
    assert BOX in _texts(learn(_pages("tideway.example"), base=BASE).sites[0])


def test_a_line_a_site_config_strips_is_not_learned(tmp_path):
    (tmp_path / "tideway.example.txt").write_text("strip_id_or_class: app-panel\n", encoding="utf-8")
    cleaner = Cleaner(Plugins.from_rulesets(*BASE), settings=Settings(site_configs=(str(tmp_path),)))
    model = learn(_pages("tideway.example"), base=BASE, cleaner=cleaner).sites[0]
    assert BOX not in _texts(model)
    assert [c.template for c in model.rules] == [NEWSLETTER]


def test_a_host_with_an_underscore_is_learned():
    learning = learn(_pages("tide_way.example", html=False), base=BASE)
    [model] = learning.sites
    assert (model.domain, model.name) == ("tide_way.example", "tide_way")
    assert [c.template for c in model.rules] == [NEWSLETTER] and model.check.removed == model.check.occurrences
    plugin = ruleset_from_dict(tomllib.loads(plugin_toml(model, LearnSettings())))
    url, text = _pages("tide_way.example", html=False)[0]
    result = Cleaner(Plugins.from_rulesets(*BASE, plugin), settings=Settings()).clean(text, url=url)
    assert NEWSLETTER not in result.text and result.site == "tide_way"


def test_a_host_no_plugin_can_be_named_for_is_reported_not_a_crash():
    docs = [
        (f"{scheme}{host}/news/{i}", text)
        for scheme, host in (("http://", "localhost"), ("http://", "[::1]:8080"))
        for i, (_, text) in enumerate(_pages("x.example", 6, html=False))
    ]
    learning = learn(docs + _pages("tideway.example", html=False), base=None)
    assert [m.domain for m in learning.sites] == ["tideway.example"]
    assert learning.unnamed == {"localhost": 6, "::1": 6}
    assert "localhost: 6 documents not learned from: not a domain name" in format_report(learning)


def test_every_setting_is_an_option():
    from dataclasses import fields

    from cleanser.cli import build_parser

    args = build_parser().parse_args(
        ["learn", "a.jsonl", "--max-chars", "99", "--max-slot-words", "2", "--check-docs", "0"]
    )
    assert {f.name for f in fields(LearnSettings)} <= set(vars(args))
    assert (args.max_chars, args.max_slot_words, args.check_docs, args.min_share) == (99, 2, 0, 0.2)
