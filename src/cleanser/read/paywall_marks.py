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
post, free or not, and that name is not read at all; Poool's widget slot is on every article of a site; a
site-wide `paywall` class sits on `<body>`). The flags stage (stages/wall_signs.py) counts it only together with a
text that trails off where the wall would stand. Names on `<html>`/`<body>` are a site's template, not the
article's, and are not read, nor are names in scripts, styles and templates; negated names (`non-paywall`,
`no-paywall`, `paywall-free`) are not marks.
"""

from __future__ import annotations

import bisect
import re

from .code import code_spans

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
# Names a vendor puts on every article, walled or not: Steady's plugin adds `steady-paywall-container` to every
# post of a site that connects it, also where Steady only takes memberships and no post is ever walled.
EVERY_PAGE = frozenset({"steady-paywall-container"})
# Tags whose class or id is no paywall the reader meets: the page's frame (a site-wide class on <body>) and the
# head's or scripts' elements (a stylesheet's id such as "wc-memberships-frontend-css" is on every page of a site).
_NOT_READ = frozenset({"html", "body", "head", "link", "meta", "script", "style", "noscript", "template", "title"})
MARKS_KEPT = 3  # enough to name the evidence
_BODY = re.compile(r"<body\b", re.I)
_TAG = re.compile(r"<([a-zA-Z][\w:-]*)(\s[^<>]*)>")
_ATTRIBUTE = re.compile(r"""(?:^|\s)(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_TAG_REACH = 3000  # characters from a tag's "<" to a name in its class or id
# What the source is searched for (lower-cased; str.find is many times faster here than one regex of them all).
_NEEDLES = ("wall", "paygate", *(p for p in VENDOR_PREFIXES if "wall" not in p))


def _positions(text: str, needle: str, start: int) -> list[int]:
    found = []
    at = text.find(needle, start)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found



def mark_of_name(name: str) -> bool:
    """Whether one class or id names a paywall."""
    lower = name.lower()
    if lower in EVERY_PAGE:
        return False
    if lower.startswith(VENDOR_PREFIXES):
        return True
    if "wall" not in lower and "gate" not in lower:
        return False  # the common case, decided without splitting the name
    words = {w.lower() for w in _WORDS.findall(name)}
    return bool(words & WALL_WORDS) and not words & _NEGATIONS


def paywall_marks(html: str) -> list[str]:
    """The paywall classes (".name") and ids ("#name") of the elements in the page's body, a few at most.

    Read from the page's source, not its tree: it is asked only for the rare page whose text trails off like a cut
    preview (stages/wall_signs.py), and a walk of every element of every page would cost more than it finds. The
    source is searched for the names' letters first; a hit counts when it stands in a class or id attribute of a
    body element's tag, outside scripts, styles and templates (a class named in code is no element on the page)."""
    at = _BODY.search(html)
    begin = at.start() if at else 0
    lower = html.lower()
    hits = sorted(i for needle in _NEEDLES for i in _positions(lower, needle, begin))
    found: list[str] = []
    code: list[tuple[int, int]] = code_spans(html, begin) if hits else []
    done = begin  # hits before this are in a tag already read or in code
    for hit in hits:
        if hit < done:
            continue
        inside = bisect.bisect_right(code, (hit, len(html))) - 1
        if inside >= 0 and code[inside][1] > hit:
            done = code[inside][1]  # in a script, style or template
            continue
        # The hit's tag starts at the last "<" before it, within a tag's reach.
        opening = html.rfind("<", max(0, hit - _TAG_REACH), hit)
        if opening < 0 or ">" in html[opening:hit]:
            continue
        tag = _TAG.match(html, opening)
        if tag is None:
            continue
        done = tag.end()
        if tag.group(1).lower() in _NOT_READ:
            continue
        for attribute in _ATTRIBUTE.finditer(tag.group(2)):
            is_id = attribute.group(1).lower() == "id"
            value = attribute.group(2) or attribute.group(3) or attribute.group(4) or ""
            for word in [value.strip()] if is_id else value.split():
                mark = ("#" if is_id else ".") + word
                if word and mark not in found and mark_of_name(word):
                    found.append(mark)
                    if len(found) >= MARKS_KEPT:
                        return found
    return found
    return found
