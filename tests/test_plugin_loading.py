"""Loading plugins from a local folder, and what happens when one is broken."""

from __future__ import annotations

import json

from conftest import run_cli

from cleanser import Cleaner
from cleanser.plugins.manager import load_plugins

RULES = """
name = "localsite"
domains = ["local.example"]
[[rule]]
id = "promo"
description = "a promo line"
match = "Get the Local Example briefing"
examples = ["Get the Local Example briefing"]
"""
PY_PLUGIN = """
from cleanser import Removal, hookimpl

@hookimpl
def cleanser_process_document(document, site):
    for block in document.blocks:
        if block.removal is None and block.text == "LOCAL HOOK PROMO":
            block.removal = Removal(rule="pyplugin/hook", plugin="pyplugin", text=block.text, kind="hook")
"""
TEXT = "\n".join(
    ["The harbour works begin in June, the port authority said on Thursday.", "Get the Local Example briefing",
     "LOCAL HOOK PROMO"]
)


def test_plugins_dir_loads_rule_files_and_python_plugins(tmp_path):
    (tmp_path / "localsite.toml").write_text(RULES, encoding="utf-8")
    (tmp_path / "pyplugin.py").write_text(PY_PLUGIN, encoding="utf-8")
    plugins = load_plugins([tmp_path], entry_points=False)
    assert plugins.errors == []
    result = Cleaner(plugins).clean(TEXT, url="https://www.local.example/news")
    assert result.text == "The harbour works begin in June, the port authority said on Thursday."
    assert [r.rule for r in result.removed] == ["localsite/promo", "pyplugin/hook"]


def test_env_variable_names_plugin_folders(tmp_path):
    (tmp_path / "localsite.toml").write_text(RULES, encoding="utf-8")
    proc = run_cli("clean", "--url", "https://local.example/x", "-", input=TEXT.encode(),
                   env={"CLEANSER_PLUGINS_DIR": str(tmp_path)})
    assert proc.returncode == 0 and b"Get the Local Example briefing" not in proc.stdout


def test_broken_plugins_are_reported_by_name_and_the_rest_keeps_working(tmp_path):
    (tmp_path / "localsite.toml").write_text(RULES, encoding="utf-8")
    (tmp_path / "syntax.py").write_text("def broken(:\n", encoding="utf-8")
    (tmp_path / "raises.py").write_text("raise RuntimeError('no config')\n", encoding="utf-8")
    (tmp_path / "typo.py").write_text(
        "from cleanser import hookimpl\n@hookimpl\ndef cleanser_proces_document(document, site):\n    pass\n",
        encoding="utf-8",
    )
    (tmp_path / "badtoml.toml").write_text('name = "bad"\n[[rule]\n', encoding="utf-8")
    (tmp_path / "badrule.toml").write_text(
        'name = "badrule"\n[[rule]]\nid = "eats"\nregex = "(\\\\w+\\\\s?)*"\n', encoding="utf-8"
    )
    (tmp_path / "dup.toml").write_text(RULES, encoding="utf-8")  # same plugin name twice
    plugins = load_plugins([tmp_path], entry_points=False)
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in plugins.errors}
    assert "SyntaxError" in reasons["syntax.py"]
    assert "RuntimeError: no config" in reasons["raises.py"]
    assert "cleanser_proces_document" in reasons["typo.py"]
    assert "invalid TOML" in reasons["badtoml.toml"]
    assert "plugin 'badrule', rule 'eats'" in reasons["badrule.toml"] and "catastrophic" in reasons["badrule.toml"]
    assert any("already loaded" in e.reason for e in plugins.errors)
    result = Cleaner(plugins).clean(TEXT, url="https://local.example/")
    assert "Get the Local Example briefing" not in result.text  # the good plugin still works

    proc = run_cli("plugins", "list", "--json", "--plugins-dir", str(tmp_path))
    assert proc.returncode == 0
    listed = json.loads(proc.stdout)
    assert "localsite" in {p["name"] for p in listed["plugins"]}
    assert len(listed["errors"]) == len(plugins.errors)
    assert b"plugin not loaded" in proc.stderr


def test_disabled_plugins_are_not_loaded(monkeypatch):
    monkeypatch.setenv("CLEANSER_DISABLE_PLUGINS", "ft")
    cleaner = Cleaner()  # the API boundary reads the environment
    assert cleaner.settings.disabled_plugins == {"ft"}
    assert "ft" not in {rs.name for rs in cleaner.plugins.rulesets()}
    assert "ft" in {rs.name for rs in load_plugins(entry_points=False).rulesets()}  # below the boundary: no env


def test_disable_variable_never_empties_a_cleaner_built_with_explicit_plugins(monkeypatch):
    from cleanser.plugins.manager import Plugins

    ft = next(rs for rs in load_plugins(entry_points=False).rulesets() if rs.name == "ft")
    monkeypatch.setenv("CLEANSER_DISABLE_PLUGINS", "ft")
    cleaner = Cleaner(Plugins.from_rulesets(ft))
    assert [rs.name for rs in cleaner.plugins.rulesets()] == ["ft"]
    seed = "Unlock the White House Watch newsletter for free\nThe vote was close.\n"
    assert cleaner.clean(seed).text == "The vote was close."


def test_result_does_not_depend_on_plugin_load_order(tmp_path):
    from cleanser import ruleset_from_dict
    from cleanser.plugins.manager import Plugins

    a = ruleset_from_dict({"name": "a", "domains": ["x.example"], "rule": [{"id": "r", "match": "Promo line"}]})
    b = ruleset_from_dict({"name": "b", "domains": ["x.example"], "rule": [{"id": "r", "match": "Promo {x}"}]})
    text = "A first paragraph that is long enough to be article prose, about the harbour.\nPromo line"
    one = Cleaner(Plugins.from_rulesets(a, b)).clean(text, url="https://x.example/")
    two = Cleaner(Plugins.from_rulesets(b, a)).clean(text, url="https://x.example/")
    assert one.to_dict() == two.to_dict()
