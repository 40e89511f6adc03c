"""Several plugins for one site: their rules combine with explicit priorities, `replaces` stands one in for others,
a plugin with no rules claims nothing, and conflicts are said out loud (issue 14 item 8)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from cleanser import Cleaner
from cleanser.settings import Settings

ARTICLE = "The council approved the new budget on Tuesday after three weeks of debate.\n\n"
OWN_PROMO = "Follow our house news channel for more"
BUNDLED_PROMO = "Send your story ideas to southeasttoday@bbc.co.uk."  # only the bundled bbc plugin takes it


def _plugin(folder: Path, name: str, extra: str = "", rule: bool = True) -> None:
    folder.mkdir(exist_ok=True)
    body = f'name = "{name}"\ndomains = ["bbc.com"]\n{extra}\n'
    if rule:
        body += f'[[rule]]\nid = "house"\nkind = "line"\nmatch = "{OWN_PROMO}"\nexamples = ["{OWN_PROMO}"]\n'
    (folder / f"{name}.toml").write_text(body, encoding="utf-8")


def _clean(folder: Path):
    cleaner = Cleaner(settings=Settings(plugins_dirs=(str(folder),), entry_points=False))
    return cleaner.clean(f"{ARTICLE}{OWN_PROMO}\n\n{BUNDLED_PROMO}", url="https://www.bbc.com/news/articles/x")


def test_a_local_plugin_for_a_bundled_domain_combines_with_it(tmp_path):
    _plugin(tmp_path / "p", "mybbc")
    result = _clean(tmp_path / "p")
    assert result.site == "bbc"  # the same priority: the first by name names the site
    assert {"bbc", "mybbc"} <= set(result.rulesets)
    assert result.text == ARTICLE.strip()  # both plugins' promos went
    assert {r.plugin for r in result.removed} == {"bbc", "mybbc"}


def test_priority_decides_which_plugin_names_the_site(tmp_path):
    _plugin(tmp_path / "p", "mybbc", "priority = 300")
    result = _clean(tmp_path / "p")
    assert result.site == "mybbc" and "bbc" in result.rulesets


def test_replaces_stands_in_for_the_bundled_plugin(tmp_path):
    _plugin(tmp_path / "p", "mybbc", 'replaces = ["bbc"]')
    result = _clean(tmp_path / "p")
    assert result.site == "mybbc" and "bbc" not in result.rulesets
    assert BUNDLED_PROMO in result.text and OWN_PROMO not in result.text


def test_a_plugin_with_no_rules_never_claims_a_domain(tmp_path):
    _plugin(tmp_path / "p", "aaa-learned", rule=False)  # sorts before "bbc": it used to take the domain
    result = _clean(tmp_path / "p")
    assert result.site == "bbc" and "aaa-learned" not in result.rulesets
    assert BUNDLED_PROMO not in result.text


def test_plugins_list_shows_the_model_and_warns(tmp_path):
    _plugin(tmp_path / "p", "mybbc")
    _plugin(tmp_path / "p", "aaa-learned", rule=False)
    proc = run_cli("plugins", "list", "--plugins-dir", str(tmp_path / "p"))
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert "bbc.com shared with mybbc" in out and "no rules: serves no domain" in out
    assert "warning: bbc.com: served by 2 plugins (bbc, mybbc), whose rules combine" in err
    assert "warning: plugin 'aaa-learned' has no rules: it serves no domain (bbc.com)" in err
    listed = json.loads(run_cli("plugins", "list", "--json", "--plugins-dir", str(tmp_path / "p")).stdout)
    rows = {r["name"]: r for r in listed["plugins"]}
    assert rows["mybbc"]["serves"] == {"bbc.com": ["bbc"]} and rows["aaa-learned"]["serves"] == {}
    _plugin(tmp_path / "q", "mybbc", 'replaces = ["bbc"]')
    proc = run_cli("plugins", "list", "--plugins-dir", str(tmp_path / "q"))
    assert "replaced by mybbc: not used" in proc.stdout.decode() and "warning" not in proc.stderr.decode()


def test_bundled_plugins_have_no_conflicts():
    proc = run_cli("plugins", "list")
    assert "warning" not in proc.stderr.decode()


def test_plugins_new_says_a_plugin_already_serves_the_domain(tmp_path):
    proc = run_cli("plugins", "new", "bbc.com", "--dir", str(tmp_path))
    err = proc.stderr.decode()
    assert "a plugin named 'bbc' is already loaded (bundled)" in err
    assert "bbc.com is already served by 'bbc' (bundled)" in err


def test_a_code_plugin_with_hooks_and_no_rules_still_serves_its_site():
    from cleanser import Cleaner, hookimpl, ruleset_from_dict
    from cleanser.plugins.manager import Plugins

    class HookOnly:
        @hookimpl
        def cleanser_register_rulesets(self, register):
            register(ruleset_from_dict({"name": "hookonly", "domains": ["hook.example"]}))

        @hookimpl
        def cleanser_process_document(self, document, site):
            pass

    plugins = Plugins.from_rulesets()
    plugins.add_module(HookOnly(), "hookonly", "given")
    assert Cleaner(plugins).clean("Some text.", url="https://hook.example/a").site == "hookonly"
    assert plugins.warnings() == []
