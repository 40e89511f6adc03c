"""Paywall software a page loads: a sign of a wall where the article's text is cut short.

A wall a script draws leaves the saved page without its wording and often without its markup: the server sends a
preview cut where the locked text begins ("... notwendig f…"), and the vendor's script, loaded from the vendor's
host, puts the wall over it in the reader's browser. The script's address stays in the page. The hosts, each seen
where it was found (public code, December 2026):

- Piano / Tinypass: `cdn.tinypass.com/api/tinypass.min.js` and `experience.piano.io` (publishers' page templates
  load them; paywall blockers' lists name `cdn.tinypass.com`, `cdn.piano.io`);
- Steady: `steadyhq.com/widget_loader/<id>` (WordPress themes and Next.js apps of Steady publishers load it; a link
  to a Steady campaign page is no wall, and is not read);
- Poool: `assets.poool.fr` (`access.min.js`, `poool.min.js`: Poool's React and Vue packages and AMP extension);
- LaterPay: `connector.laterpay.net`, `connector.uselaterpay.com` (its AMP access extension);
- Pelcro: `js.pelcro.com` (its SDK, and paywall blockers' lists of paywall scripts);
- Evolok, Qiota, Tribune's DSS: `evolok.net`, `qiota.com`, `tribdss.com` (paywall blockers' lists of paywall
  scripts);
- Subscription Genius: `paywall.subscriptiongenius.com` (its WordPress plugin adds the loader to every page);
- Unlock Protocol: `paywall.unlock-protocol.com` (its paywall script, public documentation).

Metered sites load these on every page, free articles included, so a script alone proves nothing: the flags stage
counts one only with a text that trails off like a cut preview (stages/wall_signs.py), as it counts paywall markup.
Analytics of the same vendors (`cdn.cxense.com`) are no wall and are not read.
"""

from __future__ import annotations

import re

VENDORS_KEPT = 3  # enough to name the evidence
_VENDOR = re.compile(
    r"//(?P<host>[\w.-]*(?:tinypass\.com|piano\.io|poool\.fr|laterpay\.net|uselaterpay\.com|pelcro\.com|"
    r"evolok\.net|qiota\.com|tribdss\.com|paywall\.subscriptiongenius\.com|paywall\.unlock-protocol\.com)|"
    r"(?:www\.)?steadyhq\.com(?=/widget_loader/))",
    re.IGNORECASE,
)


def paywall_vendors(source: str) -> list[str]:
    """The hosts of paywall software the page's source loads (a script's address, in a tag or a loader's code),
    a few at most, in the order first seen."""
    found: list[str] = []
    for match in _VENDOR.finditer(source):
        host = match.group("host").lower()
        if host not in found:
            found.append(host)
            if len(found) >= VENDORS_KEPT:
                break
    return found
