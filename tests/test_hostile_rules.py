"""Issue 17, items 12 and 13: patterns that would run for minutes are refused at load, as are rules that match any
text; a plugin that calls sys.exit, an unreadable plugins folder or one that is a file never end cleanser."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import run_cli

from cleanser.plugins import load_plugins
from cleanser.rules.model import RuleError, ruleset_from_bytes
from cleanser.rules.regex import check_backtracking


@pytest.mark.parametrize("pattern", [r"(?:a{1,1000}){1,1000}b", r".*.*.*.*.*=x", r"(.*)(.*)(.*)(.*) ends here"])
def test_bounded_nested_repeats_and_chained_wildcards_are_refused(pattern):
    assert check_backtracking(pattern) is not None
    with pytest.raises(RuleError, match=r"nested|wildcards"):
        ruleset_from_bytes(f'name = "slow"\n[[rule]]\nid = "slow"\nregex = \'{pattern}\'\n'.encode(), "slow.toml")


def test_the_refused_shapes_really_grow_fast():
    import time

    def cost(n: int) -> float:
        start = time.perf_counter()
        re.search(r".*.*.*.*.*=x", "y" * n)
        return time.perf_counter() - start

    small, double = cost(24), cost(48)
    assert double > 8 * small  # n^5: doubling the line makes it about 32 times slower


@pytest.mark.parametrize("pattern", [r"sign up .* newsletter", r"(?:\w{1,20}\s){1,10}more", r"[^<]*<[^>]*>.*",
                                     r"\S+ \S+ \S+ said", r"listen to article(?: \(\d+ min(?:utes)?\))?"])
def test_ordinary_rule_shapes_still_load(pattern):
    assert check_backtracking(pattern) is None


def test_a_rule_with_a_global_flag_is_refused_at_load_not_on_every_page():
    # '(?s).*' loaded, then broke the combined expression of its site's rules on every page.
    with pytest.raises(RuleError, match="scoped to a group"):
        ruleset_from_bytes(b'name = "eatall"\n[[rule]]\nid = "all"\nregex = "(?s).*"\n', "eatall.toml")


def test_a_plugin_calling_sys_exit_is_a_failed_plugin(tmp_path):
    (tmp_path / "quits.py").write_text("import sys\nsys.exit(3)\n")
    plugins = load_plugins([tmp_path], entry_points=False)
    assert any("SystemExit" in e.reason for e in plugins.errors)
    proc = run_cli("clean", "--plugins-dir", str(tmp_path), "-", input=b"The vote was close.\n")
    assert proc.returncode == 0 and proc.stdout.strip() == b"The vote was close."
    assert b"plugin not loaded" in proc.stderr and b"SystemExit" in proc.stderr


def test_plugins_folder_that_is_a_file_or_unreadable(tmp_path, monkeypatch):
    afile = tmp_path / "plugins.toml"
    afile.write_text("")
    plugins = load_plugins([afile], entry_points=False)
    assert [e.reason for e in plugins.errors] == ["plugins folder is not a folder"]
    proc = run_cli("clean", "--plugins-dir", str(afile), "-", input=b"The vote was close.\n")
    assert proc.returncode == 2 and b"is not a folder" in proc.stderr

    real_iterdir = Path.iterdir

    def denied(self):
        if self == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real_iterdir(self)

    monkeypatch.setattr("pathlib.Path.iterdir", denied)  # root reads any folder, so the refusal is simulated
    plugins = load_plugins([tmp_path], entry_points=False)
    assert [e.reason for e in plugins.errors] == ["plugins folder cannot be read: Permission denied"]
    assert os.path.isdir(tmp_path)
