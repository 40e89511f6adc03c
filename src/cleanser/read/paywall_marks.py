"""Paywall markup: the class and id names by which a page's body marks a paywall, whatever its language.

Two sources of names:

- words any template uses for a wall: `paywall`, `paywalled`, `regwall`, `salewall`, `paygate`, read as words of
  the name (`isPaywall`, `paywall-template-container`, `c-paywall__box`, `steady_paywall` all have one);
- the names paywall and membership software gives the element it puts where the locked text would be, read from
  the vendors' public code and documentation: Steady's WordPress plugin (`#steady_paywall`, inserted at the cut,
  before a preview it cuts at 1,050 characters and closes with "…"), Leaky Paywall (`#leaky_paywall_message`),
  Ghost (`.gh-post-upgrade-cta`), Paid Memberships Pro (`.pmpro_content_message`), MemberPress
  (`.mepr-unauthorized-message`), Restrict Content Pro (`.rcp_restricted`), WooCommerce Memberships
  (`.wc-memberships-content-restricted...`), Poool (`#poool-widget`), Piano/Tinypass (`.tp-container`,
  `#piano-...`).

Markup alone proves little: many free pages carry it (Steady's plugin puts `steady-paywall-container` on every
post, free or not; Poool's widget slot is on every article of a site; a site-wide `paywall` class sits on
`<body>`). The flags stage (stages/wall_signs.py) counts it only together with a text that trails off where the
wall would stand. Names on `<html>`/`<body>` are a site's template, not the article's, and are not read; negated
names (`non-paywall`, `no-paywall`, `paywall-free`) are not marks.
"""

from __future__ import annotations

import re

import lxml.html

_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
WALL_WORDS = frozenset({"paywall", "paywalled", "regwall", "regwalled", "salewall", "paygate", "paywalls"})
_NEGATIONS = frozenset({"non", "no", "not", "free", "without", "off", "disabled"})
# Vendor names, matched at the start of a class or id (lower case).
VENDOR_PREFIXES = (
    "leaky_paywall",
    "gh-post-upgrade-cta",
    "pmpro_content_message",
    "mepr-unauthorized",
    "rcp_restricted",
    "rcp-restricted",
    "wc-memberships-content-restricted",
    "wc-memberships-restriction",
    "poool-widget",
    "tp-container",
    "piano-inline",
    "piano-paywall",
)
_NOT_READ = frozenset({"html", "body"})


def mark_of_name(name: str) -> bool:
    """Whether one class or id names a paywall."""
    lower = name.lower()
    if lower.startswith(VENDOR_PREFIXES):
        return True
    if "wall" not in lower and "gate" not in lower:
        return False  # the common case, decided without splitting the name
    words = {w.lower() for w in _WORDS.findall(name)}
    return bool(words & WALL_WORDS) and not words & _NEGATIONS


def paywall_mark(el: lxml.html.HtmlElement) -> str | None:
    """The paywall class (".name") or id ("#name") of a body element, or None."""
    if el.tag in _NOT_READ:
        return None
    ident = el.get("id")
    if ident and mark_of_name(ident.strip()):
        return "#" + ident.strip()
    classes = el.get("class")
    if classes:
        for name in classes.split():
            if mark_of_name(name):
                return "." + name
    return None
