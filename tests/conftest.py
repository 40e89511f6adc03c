from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def cleanser_cmd() -> list[str]:
    """The installed console script, beside the interpreter running the tests."""
    script = Path(sys.executable).with_name("cleanser")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cleanser"]


def run_cli(*args: str, input: bytes | None = None, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*cleanser_cmd(), *args], input=input, capture_output=True, env=full_env, cwd=cwd, timeout=120
    )


@pytest.fixture(scope="session")
def cleaner():
    from cleanser import Cleaner

    return Cleaner()


def make_cleaner(*rule_dicts: dict, generic: bool = False, level: str = "off", **kwargs):
    """A cleaner with only the given rule sets (dicts in the rule-file format); the generic line scorer is off
    unless `level` says otherwise, so that a test sees what its rules do."""
    from cleanser import Cleaner, ruleset_from_dict
    from cleanser.plugins.manager import Plugins

    rulesets = (ruleset_from_dict(d, generic=generic) for d in rule_dicts)
    return Cleaner(Plugins.from_rulesets(*rulesets), generic=level, **kwargs)
