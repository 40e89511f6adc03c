"""The pytest plugin `cleanser` (entry point group `pytest11`), for cleanser's own tests and for plugin authors.

It selects a Hypothesis profile and offers fixtures. Installed with cleanser, it costs nothing in other projects:
nothing is imported, and no profile loaded, unless asked for.

Profile: `CLEANSER_HYPOTHESIS_PROFILE=ci|long|dev` in the environment, else the ini option
`cleanser_hypothesis_profile` (cleanser's own pyproject.toml sets `ci`); an explicit `--hypothesis-profile` wins
over both. See `cleanser.testing.profiles`.

Fixtures (session-scoped, so they work with `@given`):

- `cleanser_cleaner`: a `cleanser.Cleaner` with every installed plugin (built-in, bundled, entry points, and
  `$CLEANSER_PLUGINS_DIR`).
- `cleanser_catalog`: the boilerplate that cleaner's rules declare (`cleanser.testing.boilerplate.Catalog`), to
  pass to `cleanser.testing.strategies.samples`.
- `cleanser_checks`: the module `cleanser.testing.checks` (`assert_no_loss`, `assert_boilerplate_gone`, ...).
"""

from __future__ import annotations

import os

import pytest

ENV = "CLEANSER_HYPOTHESIS_PROFILE"
INI = "cleanser_hypothesis_profile"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(INI, help="Hypothesis profile for cleanser property tests: ci, long or dev", default="")


def pytest_configure(config: pytest.Config) -> None:
    if _explicit_hypothesis_profile(config):
        return
    name = os.environ.get(ENV) or config.getini(INI)
    if not name:
        return
    try:
        from .profiles import load
    except ImportError as exc:  # hypothesis is not installed
        raise pytest.UsageError(f"{ENV}/{INI} is set to {name!r} but hypothesis cannot be imported: {exc}") from exc
    try:
        config.stash[_PROFILE] = load(name)
    except Exception as exc:  # an unknown profile name
        raise pytest.UsageError(f"{ENV}/{INI}: {exc}") from exc


_PROFILE = pytest.StashKey[str]()


def _explicit_hypothesis_profile(config: pytest.Config) -> bool:
    try:
        return bool(config.getoption("hypothesis_profile"))
    except ValueError:  # hypothesis's own plugin is not active
        return False


def pytest_report_header(config: pytest.Config) -> str | None:
    profile = config.stash.get(_PROFILE, None)
    return f"cleanser: hypothesis profile {profile}" if profile else None


@pytest.fixture(scope="session")
def cleanser_cleaner():
    from cleanser import Cleaner

    return Cleaner()


@pytest.fixture(scope="session")
def cleanser_catalog(cleanser_cleaner):
    from .boilerplate import Catalog

    return Catalog.from_cleaner(cleanser_cleaner)


@pytest.fixture(scope="session")
def cleanser_checks():
    from ..testing import checks

    return checks
