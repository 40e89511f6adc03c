"""Tools to test cleanser and its plugins for loss of article text.

- `cleanser.testing.articles`: generated articles and documents with boilerplate injected, in text and HTML form.
- `cleanser.testing.boilerplate`: the promo strings the registered rules declare (their `examples`) and where
  each may be injected.
- `cleanser.testing.checks`: the content-loss properties as plain assertions (no loss, boilerplate gone, ...).
- `cleanser.testing.strategies`: Hypothesis strategies for all of the above (imports hypothesis).
- `cleanser.testing.profiles`: the Hypothesis profiles `cleanser-ci` and `cleanser-long`.
- `cleanser.testing.pytest_plugin`: fixtures and profile selection, installed as the pytest plugin `cleanser`.

Only `strategies` and `profiles` import hypothesis; the rest needs nothing beyond cleanser itself.
"""
