"""Learning a site plugin from an archive of the site's articles: `cleanser learn`.

A site's boilerplate recurs across its articles with small variations; article sentences do not. The modules, in
the order a site's documents go through them:

- `read`: the archive's records as (url, text) documents, grouped by site; each document's lines as the cleaner
  sees them (the `Cleaner`'s own reading: decoding, HTML rules, site configs, extraction).
- `mine`: the lines cut into units (whole lines, and the sentence pieces a promo may be glued into), each with
  keys (its normalised words, and the same words with one run of 1-4 words left open as a slot), counted by
  documents.
- `templates`: a key found in a large share of the site's documents becomes a candidate template; candidates
  are taken most supported first, each taking the units it explains; a header's blurb line; where and how the
  rule applies.
- `judge`: what keeps a candidate out because it reads as content (a byline, dateline or sign-off, a long line,
  prose, a slot that varies as content does, a line in the middle of articles without promo wording).
- `plugin`: the rules named, with examples and counter-examples, as the dicts of the rule format.
- `verify`: a fixture per rule from the archive, checked through the real cleaner (a rule without one goes to
  review), and the self-check: the archive cleaned with the learned plugin.
- `write` and `report`: the plugin file and the report. `site` runs it all: `learn` and `learn_site`.

How it works and what it does not do, with measured figures: docs/learn.md. `learn` takes (url, text) pairs and
does no I/O; `read_documents`, `write_plugins` and the CLI (`cleanser.cli`) do the files.
"""

from .judge import content_reason
from .mine import pieces
from .model import Learning, SiteModel
from .read import read_documents
from .report import format_report
from .settings import LearnSettings
from .site import learn, learn_site
from .templates import Candidate
from .write import plugin_toml, write_plugins

__all__ = [
    "Candidate",
    "LearnSettings",
    "Learning",
    "SiteModel",
    "content_reason",
    "format_report",
    "learn",
    "learn_site",
    "pieces",
    "plugin_toml",
    "read_documents",
    "write_plugins",
]
