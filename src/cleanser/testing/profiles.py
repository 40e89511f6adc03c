"""Hypothesis profiles for the content-loss properties.

- `cleanser-ci` (CI and everyday runs): a fixed number of examples, derandomized so that every run tries the same
  examples and a red CI run is red again on a laptop; no example database; no deadline (an example's time depends
  on the machine, and hangs are caught by a watchdog instead).
- `cleanser-long` (deeper runs, before a release or after changing a stage): 10,000 examples per property,
  random, with the example database on so that a failure found once is tried first next time.
- `cleanser-dev`: 500 random examples, for a quick local look.

Select one with `CLEANSER_HYPOTHESIS_PROFILE=long` (or `ci`, `dev`), or the pytest ini option
`cleanser_hypothesis_profile`; Hypothesis's own `--hypothesis-profile cleanser-long` works too.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

ENV = "CLEANSER_HYPOTHESIS_PROFILE"
CI_EXAMPLES = 200
LONG_EXAMPLES = 10_000
DEV_EXAMPLES = 500

# Generating an article with boilerplate draws many choices and cleaning it takes milliseconds, far more than
# Hypothesis expects of a test: too_slow and data_too_large would fail the long runs for the generator's size, not
# for a bug. Nothing else is suppressed.
_SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large]

PROFILES = {
    "cleanser-ci": settings(
        max_examples=CI_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=_SUPPRESSED,
    ),
    "cleanser-long": settings(
        max_examples=LONG_EXAMPLES,
        deadline=None,
        print_blob=True,
        suppress_health_check=_SUPPRESSED,
    ),
    "cleanser-dev": settings(
        max_examples=DEV_EXAMPLES,
        deadline=None,
        print_blob=True,
        suppress_health_check=_SUPPRESSED,
    ),
}


def register() -> None:
    for name, profile in PROFILES.items():
        settings.register_profile(name, profile)


def resolve(name: str) -> str:
    """A profile name as given ("long", "cleanser-long") to the registered name."""
    name = name.strip()
    if name in PROFILES:
        return name
    if f"cleanser-{name}" in PROFILES:
        return f"cleanser-{name}"
    return name  # one of the user's own profiles


def load(name: str | None = None) -> str:
    """Register the profiles and load `name`, else $CLEANSER_HYPOTHESIS_PROFILE, else `cleanser-ci`."""
    register()
    chosen = resolve(name or os.environ.get(ENV) or "ci")
    settings.load_profile(chosen)
    return chosen
