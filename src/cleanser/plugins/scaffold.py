"""`cleanser plugins new DOMAIN`: a plugin file with a failing fixture to fill in (generate, see red, fix)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..text import host_of

TEMPLATE = """\
# Site plugin for {domain}. Fill in the fixture with a real article layout from the site (in your own words)
# and its real promo line, then make the rule match it: `cleanser plugins test {name} --plugins-dir {folder}`.
# The format is described in docs/plugin-guide.md.
name = "{name}"
title = "{domain}"
version = "{version}"
domains = ["{domain}"]
fingerprints = []
description = "Boilerplate of {domain} articles."

[[rule]]
id = "newsletter-promo"
description = "TODO: what this promo is and where the site puts it"
kind = "line"
match = "REPLACE WITH THE SITE'S PROMO LINE"
where = "any"
examples = ["REPLACE WITH THE SITE'S PROMO LINE"]
counter_examples = ["A sentence of article prose that mentions the same words must not match."]

[[rule]]
id = "promo-elements"
description = "TODO: promo boxes in the page's HTML"
kind = "html"
selectors = [".replace-with-the-promo-box-class"]

[[fixture]]
name = "promo between paragraphs"
rules = ["newsletter-promo"]
url = "https://www.{domain}/news/example"
input = '''The first paragraph of an article, written by you in the site's style.
Paste the real promo line here, exactly as scrapers save it
The second paragraph of the article continues the story.'''
expected = '''The first paragraph of an article, written by you in the site's style.
The second paragraph of the article continues the story.'''

[[fixture]]
name = "html promo box"
rules = ["promo-elements"]
url = "https://www.{domain}/news/example"
input = '''<html><body><article><p>The first paragraph of the article.</p>
<div class="paste-the-real-promo-class">Sign up for our newsletter</div>
<p>The second paragraph of the article.</p></article></body></html>'''
expected = '''The first paragraph of the article.
The second paragraph of the article.'''
"""


def plugin_name(domain: str) -> tuple[str, str]:
    """(plugin name, domain) for a site given by its domain or a URL on it: `www.example.co.uk` gives
    ("example-co", "example.co.uk"); ValueError when it is not a domain name."""
    host = host_of(domain.strip()).removeprefix("www.")  # a URL, or a host name as it is
    # "_" is not allowed in a DNS host name, yet real hosts have it (my_blog.example.net): URLs carry it, and a
    # plugin name may hold it (not first: a plugin name starts with a letter or digit).
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)+", host):
        raise ValueError(f"not a domain name: {domain!r}")
    return host.rsplit(".", 1)[0].replace(".", "-"), host


def scaffold(domain: str, folder: Path, *, force: bool = False) -> Path:
    name, host = plugin_name(domain)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists (use --force to overwrite)")
    path.write_text(
        TEMPLATE.format(domain=host, name=name, folder=folder, version=date.today().strftime("%Y.%m.0")),
        encoding="utf-8",
    )
    return path
