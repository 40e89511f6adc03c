"""Build `src/cleanser/data/widget_strings.json`: the fixed, translated strings that widely used front-end widgets
print around an article (share buttons, cookie-consent banners and their ad-blocker notices, newsletter signup
forms), in every language their public translation files give.

A site that embeds such a widget prints its strings word for word: a naive scraper that keeps the text of a page
keeps "Bei Facebook teilen", "Diese Webseite verwendet 'Cookies' um Inhalte und Anzeigen zu personalisieren ...",
"Click to share on Facebook (Opens in new window)" or "* indicates required" as lines of the article. A whole line
that equals such a string is page furniture, never article text; `stages/cms_strings.py` reads this file beside
`cms_strings.json` and takes such lines out (the same format, the same matching). The share-bar stage
(`stages/share_runs.py`) reads its `share` section: the names of the share targets and the share verbs.

The keys below were picked by hand: only strings a reader sees on the page, never a setting's label or an admin
string. The texts are read from the packages' own translation files, as the npm registry serves them:

- `shariff` (heise's share buttons, common on German-language sites): each service's button title ("Share on
  Facebook", "Bei Facebook teilen", in 25 languages) and its button text ("teilen", "partager": one word, so only
  next to a string that may go alone), from `src/js/services/*.js`;
- `tarteaucitronjs` (a cookie-consent manager common on French-language sites): the banner's and the panel's
  sentences and buttons, and its ad-blocker notice, from `lang/tarteaucitron.LL.js` (50 languages);
- `klaro` (a consent manager): the notice's and the modal's texts and buttons, from `src/translations/LL.yml`;
- `cookieconsent` (Osano's banner, 3.x): its English default texts, from `src/cookieconsent.js`.

Strings of widgets that no registry package ships are listed with the public source they were read from (read
through a code search index, not fetched by this script): Jetpack's sharing buttons, likes block and cookie banner
widget, the default banners of two WordPress cookie plugins (Cookie Notice, with its translations from the plugin's
own .po files; GDPR Cookie Consent), OneTrust's default English banner and Mailchimp's embedded signup form (`SEEN`,
`SEEN_PO`).

Each entry keeps its source (package, version, key). Placeholders become `%s` with `slot: "name"` (a name, a few
words: klaro's "{purposes}", Jetpack's service name).

Rerun (no network needed once the packages are downloaded):

    mkdir -p /tmp/widgets && cd /tmp/widgets
    for p in shariff@3.3.0 tarteaucitronjs@1.34.0 klaro@0.7.22 cookieconsent@3.1.1; do npm pack "$p"; done
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python bench/widget_strings.py /tmp/widgets            # writes src/cleanser/data/widget_strings.json
    python bench/widget_strings.py /tmp/widgets --check    # fails if the file would change

Needs PyYAML for klaro's files (a dependency of the bench extra's packages).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cleanser" / "data" / "widget_strings.json"
sys.path.insert(0, str(ROOT / "bench"))

from cms_strings import usable, visible, write_data  # noqa: E402

PACKAGES = {
    "shariff": "shariff-3.3.0",
    "tarteaucitron": "tarteaucitronjs-1.34.0",
    "klaro": "klaro-0.7.22",
    "cookieconsent": "cookieconsent-3.1.1",
}

# shariff's services whose title and text are a share button's (its "info" button links to the project's page).
SHARIFF_SKIP = {"info"}

# tarteaucitron's keys (key, kind, alone). Its one-word buttons ("Allow", "Deny", "Personalize") go only next to
# one of its sentences; its fragments ("By continuing to scroll,", "is disabled.") are parts of a sentence the
# script assembles and never stand as a line.
TARTEAUCITRON = [
    ("adblock", "adblock", True),
    ("adblock_call", "adblock", True),
    ("alertBigPrivacy", "consent", True),
    ("alertSmall", "consent", True),
    ("personalize", "consent", False),
    ("acceptAll", "consent", True),
    ("closeBanner", "consent", True),
    ("all", "consent", True),
    ("info", "consent", False),
    ("disclaimer", "consent", True),
    ("allow", "consent", False),
    ("deny", "consent", False),
    ("noCookie", "consent", True),
    ("useNoCookie", "consent", True),
    ("credit", "consent", True),
    ("noServices", "consent", True),
    ("toggleInfoBox", "consent", True),
    ("title", "consent", True),
    ("allowAll", "consent", True),
    ("denyAll", "consent", True),
    ("mandatoryTitle", "consent", False),
    ("mandatoryText", "consent", True),
    ("ourpartners", "consent", False),
]

# klaro's keys (dotted path, kind, alone).
KLARO = [
    ("consentNotice.title", "consent", False),
    ("consentNotice.description", "consent", True),
    ("consentNotice.changeDescription", "consent", True),
    ("consentNotice.learnMore", "consent", False),
    ("consentModal.title", "consent", True),
    ("consentModal.description", "consent", True),
    ("contextualConsent.description", "consent", True),
    ("acceptAll", "consent", False),
    ("acceptSelected", "consent", True),
    ("decline", "consent", False),
    ("ok", "consent", False),
    ("poweredBy", "consent", True),
    ("privacyPolicy.text", "consent", True),
    ("service.disableAll.title", "consent", True),
    ("service.disableAll.description", "consent", True),
]

# cookieconsent's default content (key, kind, alone).
COOKIECONSENT = [
    ("header", "consent", True),
    ("message", "consent", True),
    ("dismiss", "consent", False),
    ("allow", "consent", True),
    ("deny", "consent", False),
    ("link", "consent", False),
    ("policy", "consent", False),
]

# Strings of widgets no registry package ships, each with where it was read: (msgid, kind, alone, slot).
SEEN = {
    "jetpack-sharing": (
        "Automattic/jetpack projects/plugins/jetpack/modules/sharedaddy/sharing-sources.php and sharing-service.php "
        "(read at commit 02fd8a09452ba42255685ed9a724f4299cebeb81 through a code search index): the default label "
        "and each button's accessible name, to which ' (Opens in new window)' is added",
        [
            ("Share this:", "share", True, None),
            ("Click to share on %s", "share", True, "word"),
            ("Click to share on %s (Opens in new window)", "share", True, "word"),
            ("Click to print", "share", True, None),
            ("Click to print (Opens in new window)", "share", True, None),
            ("Click to email a link to a friend", "share", True, None),
            ("Click to email a link to a friend (Opens in new window)", "share", True, None),
            ("(Opens in new window)", "share", False, None),
        ],
    ),
    "jetpack-likes": (
        "Automattic/jetpack projects/plugins/jetpack/modules/likes.php (read through a code search index): the likes "
        "block under the share buttons, its heading, button and loading text",
        [
            ("Like this:", "share", False, None),
            ("Like", "share", False, None),
            ("Loading...", "share", False, None),
            ("Like Loading...", "share", True, None),
        ],
    ),
    "jetpack-eu-cookie-law": (
        "Automattic/jetpack modules/widgets/eu-cookie-law.php (read through a code search index): the cookie "
        "banner widget's default text, policy link and button, in its older and newer wordings",
        [
            ("Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use.",
             "consent", True, None),
            ("To find out more, including how to control cookies, see here:", "consent", True, None),
            ("To find out more, including how to control cookies, see here: Cookie Policy", "consent", True, None),
            ("Privacy & Cookies: This site uses cookies.", "consent", True, None),
            ("Close and accept", "consent", True, None),
            ("Our Cookie Policy", "consent", False, None),
        ],
    ),
    "onetrust": (
        "OneTrust's cookie banner (#onetrust-policy-text and its buttons), its default English text as saved pages "
        "and site tests in public code show it (a code search index)",
        [
            ("By clicking \u201cAccept All Cookies\u201d, you agree to the storing of cookies on your device to "
             "enhance site navigation, analyze site usage, and assist in our marketing efforts.", "consent", True,
             None),
            ("By clicking \u201cAccept All\u201d, you agree to the storing of cookies on your device to enhance site "
             "navigation, analyze site usage, and assist in our marketing efforts.", "consent", True, None),
            ("Accept All Cookies", "consent", True, None),
            ("Cookies Settings", "consent", False, None),
            ("Reject All", "consent", False, None),
        ],
    ),
    "cookie-law-info": (
        "GDPR Cookie Consent (CookieLawInfo, a WordPress plugin): its default banner, seen verbatim in "
        "#cookie-law-info-bar on saved pages and in the plugin's scripts in public code (a code search index)",
        [
            ("This website uses cookies to improve your experience. We'll assume you're ok with this, but you can "
             "opt-out if you wish.", "consent", True, None),
            ("Cookie settings", "consent", False, None),
            ("Privacy & Cookies Policy", "consent", True, None),
            ("Privacy Overview", "consent", False, None),
        ],
    ),
    "mailchimp-embed": (
        "Mailchimp's embedded signup form (#mc_embed_signup), as site templates in public code carry it (e.g. "
        "Carawebs/wp-custom-widgets src/partials/forms/mailchimp.php: the field labels and the button)",
        [
            ("* indicates required", "newsletter", True, None),
            ("Email Address *", "newsletter", False, None),
            ("First Name", "newsletter", False, None),
            ("Last Name", "newsletter", False, None),
            ("Subscribe", "newsletter", False, None),
        ],
    ),
}

# Translations of a widget no registry package ships, read from the plugin's own .po files in its public repository
# (through a code search index; this script does not fetch them again): msgid -> (kind, alone, {locale: text}).
COOKIE_NOTICE_MESSAGE = ("We use cookies to ensure that we give you the best experience on our website. If you "
                         "continue to use this site we will assume that you are happy with it.")
SEEN_PO = {
    "cookie-notice": (
        "Cookie Notice (dFactory's WordPress plugin), dfactoryplugins/cookie-notice languages/cookie-notice-LOCALE.po "
        "(de_DE, es_ES, nl_NL at commit 78ae8e1aac402a0619d0ec71e4f933fa956eec59, fr_FR at 11662616312f, it_IT at "
        "463c72c2c3e3): its default banner",
        {
            COOKIE_NOTICE_MESSAGE: ("consent", True, {
                "en": COOKIE_NOTICE_MESSAGE,
                "de_DE": "Diese Website benutzen Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der "
                         "Verwendung von Cookies zu.",
                "fr_FR": "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site. Si "
                         "vous continuez à utiliser ce dernier, nous considérerons que vous acceptez l'utilisation "
                         "des cookies.",
                "es_ES": "Utilizamos cookies para asegurar que damos la mejor experiencia al usuario en nuestro "
                         "sitio web. Si continúa utilizando este sitio asumiremos que está de acuerdo.",
                "it_IT": "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul "
                         "nostro sito. Se continui ad utilizzare questo sito noi assumiamo che tu ne sia felice.",
                "nl_NL": "We gebruiken cookies om er zeker van te zijn dat je onze website zo goed mogelijk "
                         "beleeft. Als je deze website blijft gebruiken gaan we ervan uit dat je dat goed vindt.",
            }),
            "Ok": ("consent", False, {"en": "Ok", "de_DE": "Akzeptieren", "es_ES": "Estoy de acuerdo"}),
            "Read more": ("consent", False, {"en": "Read more", "de_DE": "Erfahren Sie mehr", "fr_FR": "En savoir plus",
                                             "es_ES": "Leer más", "it_IT": "Leggi di più", "nl_NL": "Lees meer"}),
        },
    ),
}

# Share targets no package above names as a button, each seen on share bars of news pages; and the words for
# e-mail in the languages shariff's titles use, which sites print as a button's text.
# The targets that are a button's action rather than a network an article may list ("Facebook", "Instagram" are
# both): e-mail, print, copy; with shariff's button words, they tell a share bar from a list of networks.
ACTIONS = ["Email", "E-mail", "E-Mail", "Mail", "Print", "Copy link", "Copy Link", "Link kopieren", "Copier le lien",
           "Copiar enlace", "Copia link", "Link kopiëren", "Kopiuj link"]

MORE_TARGETS = {
    "hand": ["X", "Bluesky", "Threads", "Mastodon", "Messenger", "Facebook Messenger", "LINE", "Viber", "Skype",
             "Email", "E-mail", "E-Mail", "Mail", "Copy link", "Copy Link", "Link kopieren", "Copier le lien",
             "Copiar enlace", "Copia link", "Link kopiëren", "Kopiuj link", "Twitter", "Google+", "Instagram",
             "YouTube", "TikTok", "RSS"],
}

_OBJECT = re.compile(r"(\w+):\s*\{([^{}]*)\}", re.S)
_PAIR = re.compile(r"""(\w+):\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")""")
_NAME = re.compile(r"""\bname:\s*'([^']+)'""")


def js_objects(text: str) -> dict[str, dict[str, str]]:
    """The flat `key: {lang: 'text', ...}` objects of a shariff service module."""
    out: dict[str, dict[str, str]] = {}
    for m in _OBJECT.finditer(text):
        out[m.group(1)] = {k: (a if a is not None else b).replace("\\'", "'") for k, a, b in _PAIR.findall(m.group(2))}
    return out


def package_version(folder: Path) -> str:
    return json.loads((folder / "package" / "package.json").read_text(encoding="utf-8"))["version"]


def _dig(data: dict, path: str) -> str | None:
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data if isinstance(data, str) else None


def _slots(text: str) -> tuple[str, str | None]:
    """klaro's "{purposes}" and the like as "%s" with slot "name"."""
    text, n = re.subn(r"\{\w+\}", "%s", text)
    return text, ("name" if n else None)


def build(root: Path) -> dict:
    sources: dict[str, str] = {}
    entries: dict[tuple[str, str], dict] = {}
    targets: dict[str, set[str]] = {}
    verbs: dict[str, set[str]] = {}
    texts: dict[str, dict[str, str]] = {}

    def add(source: str, msgid: str, kind: str, alone: bool, slot: str | None, locale: str, text: str) -> None:
        text = visible(text)
        if not text or not usable(text):
            return
        entry = entries.setdefault((source, msgid), {"msgid": msgid, "source": source, "kind": kind, "alone": alone,
                                                     "slot": slot, "texts": {}})
        locales = entry["texts"].setdefault(text, [])
        if locale not in locales:
            locales.append(locale)

    # shariff: titles and button texts of every service.
    folder = root / PACKAGES["shariff"]
    version = package_version(folder)
    sources["shariff"] = f"npm shariff {version}, src/js/services/SERVICE.js (title, shareText)"
    for path in sorted((folder / "package/src/js/services").glob("*.js")):
        if path.stem == "index" or path.stem in SHARIFF_SKIP:
            continue
        objects = js_objects(path.read_text(encoding="utf-8"))
        service = _NAME.search(path.read_text(encoding="utf-8"))
        name = service.group(1) if service else path.stem
        for field, alone in (("title", True), ("shareText", False)):
            for lang, text in sorted(objects.get(field, {}).items()):
                add("shariff", f"{name}.{field}", "share", alone, None, lang, text)
        targets.setdefault(name, set()).add("shariff")
        if path.stem == "facebook":  # its button text is the verb "share" in every language shariff has
            for lang, text in objects.get("shareText", {}).items():
                verbs.setdefault(text.strip(), set()).add(f"shariff:{lang}")
        else:
            texts[name] = objects.get("shareText", {})
    actions: set[str] = set(ACTIONS)
    for by_lang in texts.values():  # "drucken", "imprimer", "tweet": a button's own word, not the verb
        for text in by_lang.values():
            if text.strip() and text.strip() not in verbs:
                targets.setdefault(text.strip(), set()).add("shariff")
                actions.add(text.strip())

    # tarteaucitron: its language files are one object literal each, JSON but for the assignment and comments.
    folder = root / PACKAGES["tarteaucitron"]
    version = package_version(folder)
    sources["tarteaucitron"] = f"npm tarteaucitronjs {version}, lang/tarteaucitron.LANG.js"
    for path in sorted((folder / "package/lang").glob("tarteaucitron.*.js")):
        if path.name.endswith(".min.js"):
            continue
        lang = path.name.split(".")[1]
        body = path.read_text(encoding="utf-8")
        body = body[body.index("{"): body.rindex("}") + 1]
        body = re.sub(r"^\s*//.*$", "", body, flags=re.M)
        body = re.sub(r",(\s*[}\]])", r"\1", body)
        body = re.sub(r'"\s*\+\s*"', "", body)  # a string written in two pieces joined with "+"
        data = json.loads(body)
        for key, kind, alone in TARTEAUCITRON:
            text = _dig(data, key)
            if text:
                add("tarteaucitron", key, kind, alone, None, lang, text)

    # klaro: YAML translation files.
    import yaml

    folder = root / PACKAGES["klaro"]
    version = package_version(folder)
    sources["klaro"] = f"npm klaro {version}, src/translations/LANG.yml"
    for path in sorted((folder / "package/src/translations").glob("*.yml")):
        if path.name.endswith(".ref.yml"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, kind, alone in KLARO:
            text = _dig(data, key)
            if text:
                text, slot = _slots(" ".join(text.split()))
                add("klaro", key, kind, alone, slot, path.stem, text)

    # cookieconsent: the `content` defaults of its source.
    folder = root / PACKAGES["cookieconsent"]
    version = package_version(folder)
    sources["cookieconsent"] = f"npm cookieconsent {version}, src/cookieconsent.js (options.content)"
    source = (folder / "package/src/cookieconsent.js").read_text(encoding="utf-8")
    block = re.search(r"content:\s*\{(.*?)\n\s*\}", source, re.S).group(1)
    content = {k: a if a is not None else b for k, a, b in _PAIR.findall(block.replace("\n          '", " '"))}
    for key, kind, alone in COOKIECONSENT:
        if not content.get(key):
            raise SystemExit(f"cookieconsent: no default for {key!r}")
        add("cookieconsent", key, kind, alone, None, "en", content[key])

    for name, (where, strings) in SEEN.items():
        sources[name] = where
        for msgid, kind, alone, slot in strings:
            add(name, msgid, kind, alone, slot, "en", msgid)

    for name, (where, strings) in SEEN_PO.items():
        sources[name] = where
        for msgid, (kind, alone, texts) in strings.items():
            for locale, text in texts.items():
                add(name, msgid, kind, alone, None, locale, text)

    for source, names in MORE_TARGETS.items():
        sources.setdefault("hand", "share targets and e-mail words seen on share bars of news pages (listed in "
                                   "bench/widget_strings.py)")
        for name in names:
            targets.setdefault(name, set()).add(source)
    for name in ("Print", "Email", "E-Mail", "Reddit", "Tumblr", "Pinterest", "Pocket", "Telegram", "WhatsApp",
                 "LinkedIn", "Nextdoor", "Mastodon", "Threads", "Bluesky", "X", "Facebook"):
        targets.setdefault(name, set()).add("jetpack-sharing")  # the names its buttons print ('share to')

    return {
        "version": 1,
        "about": "Front-end strings of share, consent and signup widgets and their translations; built by "
                 "bench/widget_strings.py",
        "sources": sources,
        "share": {
            "targets": {k: sorted(v) for k, v in sorted(targets.items(), key=lambda kv: (kv[0].casefold(), kv[0]))},
            "verbs": {k: sorted(v) for k, v in sorted(verbs.items(), key=lambda kv: (kv[0].casefold(), kv[0]))},
            "actions": sorted(actions, key=lambda a: (a.casefold(), a)),
        },
        "strings": list(entries.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the folder the npm packages were extracted into")
    parser.add_argument("--check", action="store_true", help="fail if the data file would change")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.root)
    code, text = write_data(data, args.out, args.check)
    if args.check:
        return code
    n = sum(len(e["texts"]) for e in data["strings"])
    print(f"wrote {args.out}: {len(data['strings'])} keys, {n} texts, {len(data['share']['targets'])} share targets, "
          f"{len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
