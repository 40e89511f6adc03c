"""Build `src/cleanser/data/cms_strings.json`: what CMS templates print to the readers of an article page, in every
language their translation catalogues give.

Millions of news sites and blogs run on WordPress, and its templates print fixed, translated text under and around
every article: the comment form ("Leave a Reply", "Your email address will not be published."), the comment list
("Reply", "Comments are closed."), post navigation ("Older posts", "Next Post"), meta lines, footer credits
("Powered by WordPress"), search boxes and skip links. A whole line that equals such a string is page furniture,
never article text (`stages/cms_strings.py` takes it out).

The English msgids below were picked by hand: only strings a reader sees on the front end of an article page, never
an admin string. Their translations are read from the public catalogues of Debian's packages:

- `wordpress-l10n` (WordPress core's `wp-content/languages/LOCALE.mo`, 62 front-end catalogues; the translations
  Debian ships are of older WordPress releases, so strings added since, like the comment form's "Save my name,
  email, and website in this browser for the next time I comment.", are not there: docs/quality.md says what that
  leaves);
- `wordpress-theme-twentytwentyone`: the bundled theme's templates, read for the English front-end strings that
  only themes print ("Older posts", "Proudly powered by %s."), checked to stand literally in its PHP files;
- `wordpress`: core's own templates, for the English strings newer than those catalogues (checked the same way).

A few English strings of Jetpack (its comment subscription checkboxes and subscription widget), which no Debian
package ships, are listed with the public source file and commit they were read from (`SEEN`).

Each entry keeps its source (package, version, msgid). Placeholders stay in the texts ("%s", "%1$s", "%d", and "%"
for WordPress's comment count); `slot` says what the stage may match there: `mark` (WordPress passes "*", the
required-field mark, so "*" is written in), `num` (a number), `name` (a name or a title, a few words).

Rerun (no network needed once the packages are downloaded):

    mkdir -p /tmp/wp && cd /tmp/wp && apt-get download wordpress wordpress-l10n wordpress-theme-twentytwentyone
    for f in *.deb; do dpkg-deb -x "$f" root; done
    python bench/cms_strings.py /tmp/wp/root            # writes src/cleanser/data/cms_strings.json
    python bench/cms_strings.py /tmp/wp/root --check    # fails if the file would change

More catalogues (a newer WordPress language pack, a plugin's) can be read too: `--catalog FILE.mo` (or `.po`),
repeatable; their strings are added for the same msgids, with the file's name as their source.
"""

from __future__ import annotations

import argparse
import gettext
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cleanser" / "data" / "cms_strings.json"
sys.path.insert(0, str(ROOT / "src"))

from cleanser.stages.cms_strings import normalise  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import cms_strings_seen  # noqa: E402

L10N = ("wordpress-l10n", "usr/share/wordpress/wp-content/languages")
THEME = ("wordpress-theme-twentytwentyone", "usr/share/wordpress/wp-content/themes/twentytwentyone")

# (msgid, kind, alone, slot). `alone`: the string may go as a line by itself; otherwise (a word or two that are
# also common words of headings: "Reply", "Search", "Archives") only next to a line that may go alone. A
# translation of one word is never alone, whatever its msgid (Finnish "Vastaa" for "Leave a Reply").
CORE = [
    # The comment form (wp-includes/comment-template.php, comment_form()).
    ("Leave a Reply", "comments", True, None),
    ("Leave a Reply to %s", "comments", True, "name"),
    ("Leave a Comment", "comments", True, None),
    ("Leave a comment", "comments", True, None),
    ("Cancel reply", "comments", True, None),
    ("Click here to cancel reply.", "comments", True, None),
    ("Your email address will not be published.", "comments", True, None),
    ("Required fields are marked %s", "comments", True, "mark"),
    ("Mail (will not be published)", "comments", True, None),
    ("Post Comment", "comments", True, None),
    ("Comment", "comments", False, None),
    ("noun\x04Comment", "comments", False, None),
    ("Name", "comments", False, None),
    ("Email", "comments", False, None),
    ("E-mail", "comments", False, None),
    ("Website", "comments", False, None),
    ("(required)", "comments", False, None),
    ("Logged in as %s.", "comments", True, "name"),
    ("Logged in as <a href=\"%1$s\">%2$s</a>.", "comments", True, "name"),
    ("Log out &raquo;", "comments", False, None),
    ("Log out of this account", "comments", True, None),
    ("Comments are closed.", "comments", True, None),
    ("Your comment is awaiting moderation.", "comments", True, None),
    ("Protected Comments: Please enter your password to view comments.", "comments", True, None),
    # The comment list.
    ("Reply", "comments", False, None),
    ("Log in to Reply", "comments", True, None),
    ("Log in to leave a Comment", "comments", True, None),
    ("No Comments", "comments", False, None),
    ("1 Comment", "comments", False, None),
    ("% Comments", "comments", False, "num"),
    ("Comments Off", "comments", False, None),
    ("Comments", "comments", False, None),
    ("&laquo; Older Comments", "navigation", True, None),
    ("Newer Comments &raquo;", "navigation", True, None),
    ("Comments navigation", "navigation", True, None),
    ("Pingback:", "comments", False, None),
    # Post navigation and pagination.
    ("Next Post", "navigation", False, None),
    ("Previous Post", "navigation", False, None),
    ("&laquo; Older Posts", "navigation", True, None),
    ("Older Posts &raquo;", "navigation", True, None),
    ("Newer Posts &raquo;", "navigation", True, None),
    ("Older posts", "navigation", True, None),
    ("Newer posts", "navigation", True, None),
    ("&laquo; Previous Entries", "navigation", True, None),
    ("Next Entries &raquo;", "navigation", True, None),
    ("&laquo; Previous Page", "navigation", False, None),
    ("Next Page &raquo;", "navigation", False, None),
    ("&laquo; Previous", "navigation", False, None),
    ("Next &raquo;", "navigation", False, None),
    ("Pages:", "navigation", False, None),
    ("(more&hellip;)", "navigation", True, None),
    ("(more...)", "navigation", True, None),
    ("Continue reading %s", "navigation", True, "name"),
    # Meta lines and sidebars of the default widgets.
    ("Edit", "meta", False, None),
    ("Edit This", "meta", False, None),
    ("Filed under:", "meta", False, None),
    ("Archives", "widgets", False, None),
    ("Categories", "widgets", False, None),
    ("Meta", "widgets", False, None),
    ("Recent Posts", "widgets", False, None),
    ("Recent Comments", "widgets", False, None),
    ("Log in", "widgets", False, None),
    ("Entries <abbr title=\"Really Simple Syndication\">RSS</abbr>", "widgets", True, None),
    ("Comments <abbr title=\"Really Simple Syndication\">RSS</abbr>", "widgets", True, None),
    ("Entries (RSS)", "widgets", True, None),
    ("Comments (RSS)", "widgets", True, None),
    # The login form that a login widget, a members' page or a comment form's "log in" link prints (wp_login_form(),
    # wp-login.php): its labels are words of any page, so they wait for a neighbour; the comment form's line for a
    # reader who is not logged in may go alone.
    ("You must be <a href=\"%s\">logged in</a> to post a comment.", "comments", True, None),
    ("Username", "login", False, None),
    ("Password", "login", False, None),
    ("Remember Me", "login", False, None),
    ("Log In", "login", False, None),
    ("Lost your password?", "login", False, None),
    ("Register", "login", False, None),
    ("Log out", "login", False, None),
    ("Search", "search", False, None),
    ("label\x04Search for:", "search", False, None),
    ("Search for:", "search", False, None),
    ("Search Results", "search", False, None),
    # Footer credits.
    ("Powered by WordPress", "credits", True, None),
    ("%1$s is proudly powered by %2$s", "credits", True, "name"),
    ("Skip to toolbar", "navigation", True, None),
]

# English strings of the bundled theme's templates (no translation catalogue ships with it).
THEME_STRINGS = [
    ("Leave a comment", "comments", True, None),
    ("Comments are closed.", "comments", True, None),
    ("Older comments", "navigation", True, None),
    ("Newer comments", "navigation", True, None),
    ("Next post", "navigation", False, None),
    ("Previous post", "navigation", False, None),
    ("Older <span class=\"nav-short\">posts</span>", "navigation", True, None),
    ("Newer <span class=\"nav-short\">posts</span>", "navigation", True, None),
    ("Continue reading %s", "navigation", True, "name"),
    ("Published in %s", "meta", True, "name"),
    ("Categorized as %s", "meta", True, "name"),
    ("Tagged %s", "meta", False, "name"),
    ("Proudly powered by %s.", "credits", True, "name"),
    ("Skip to content", "navigation", True, None),
    ("1 comment", "comments", False, None),
    ("%s comments", "comments", False, "num"),
    ("Primary menu", "navigation", False, None),
]

# English strings of WordPress core's templates that the translation catalogues of `wordpress-l10n` predate, checked
# to stand literally in the `wordpress` package's wp-includes/*.php (comment_form() since WordPress 4.9.6).
CORE_PHP = [
    ("Save my name, email, and website in this browser for the next time I comment.", "comments", True, None),
]

# Strings of a plugin that no Debian package ships, seen in the plugin's own public source (read through a code
# search index; this script does not fetch them again): Jetpack's subscription form under the comment form and
# its subscription widget.
SEEN = {
    "jetpack": (
        "Automattic/jetpack modules/subscriptions.php at commit 0525cebdc45d8659a1adbcb79cc0e60a12ad5a9e",
        [
            ("Notify me of follow-up comments by email.", "subscribe", True, None),
            ("Notify me of new posts by email.", "subscribe", True, None),
            ("Subscribe to Blog via Email", "subscribe", True, None),
            ("Enter your email address to subscribe to this blog and receive notifications of new posts by email.",
             "subscribe", True, None),
            ("Click to subscribe to this blog and receive notifications of new posts by email.", "subscribe", True,
             None),
            ("Join %s other subscribers", "subscribe", True, "num"),
            ("Email Address:", "subscribe", False, None),
        ],
    ),
}

_TAGS = re.compile(r"<[^>]+>")
_WS = re.compile(r"\s+")


def visible(text: str) -> str:
    """What a reader sees of a template string: tags dropped, entities decoded, whitespace collapsed."""
    return _WS.sub(" ", html.unescape(_TAGS.sub("", text))).strip()


def with_slot(text: str, slot: str | None) -> str:
    """The required-field mark is a "*" WordPress passes in: written in, so that the string is a plain one."""
    return re.sub(r"%(?:\d\$)?s", "*", text) if slot == "mark" else text


def read_catalog(path: Path) -> dict[str, str]:
    """msgid (with its context, "ctx\\x04msgid") -> msgstr of a .mo or .po file; plural forms give their first."""
    if path.suffix == ".mo":
        with path.open("rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog  # the parsed catalogue; gettext has no public accessor
        out: dict[str, str] = {}
        for key, value in catalog.items():
            if isinstance(key, tuple):
                if key[1] == 0:
                    out.setdefault(key[0], value)
            elif key:
                out[key] = value
        return out
    return read_po(path)


def read_po(path: Path) -> dict[str, str]:
    """A plain .po reader: msgctxt, msgid and msgstr (or msgstr[0]) with their continuation lines."""
    out: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = None

    def flush() -> None:
        if entry.get("msgid") and entry.get("msgstr"):
            key = entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
            out[key] = entry["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            if not line:
                flush()
                entry, field = {}, None
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr\[\d+\]|msgstr)\s+"(.*)"$', line)
        if m:
            name = "msgstr" if m.group(1) == "msgstr[0]" else m.group(1)
            if name in ("msgctxt", "msgid") and "msgstr" in entry:  # the next entry, with no blank line between
                flush()
                entry = {}
            field = name if name in ("msgctxt", "msgid", "msgstr") else None
            if field:
                entry[field] = _unquote(m.group(2))
        elif line.startswith('"') and field:
            entry[field] += _unquote(line[1:-1])
    flush()
    return out


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(s: str) -> str:
    return re.sub(r'\\(.)', lambda m: _ESCAPES.get(m.group(1), m.group(1)), s)


def package_version(root: Path, package: str) -> str:
    """The version of a package extracted under `root`, from its Debian changelog's first line."""
    import gzip

    changelog = root / "usr/share/doc" / package / "changelog.Debian.gz"
    with gzip.open(changelog, "rt", encoding="utf-8") as f:
        first = f.readline()
    return re.search(r"\(([^)]+)\)", first).group(1)


def usable(text: str) -> bool:
    """A translation the stage can match: some letters left once normalised."""
    norm = normalise(re.sub(r"%(?:\d\$)?[sd]|%", "", text))
    return any(c.isalpha() for c in norm)


def build(root: Path, extra: list[Path]) -> dict:
    sources: dict[str, str] = {}
    entries: dict[tuple[str, str], dict] = {}

    def add(source: str, msgid: str, kind: str, alone: bool, slot: str | None, locale: str, text: str) -> None:
        text = visible(with_slot(text, slot))
        if not text or not usable(text):
            return
        key = (source, msgid)
        entry = entries.setdefault(key, {"msgid": msgid.split("\x04")[-1], "source": source, "kind": kind,
                                         "alone": alone, "slot": slot, "texts": {}})
        entry["texts"].setdefault(text, [])
        if locale not in entry["texts"][text]:
            entry["texts"][text].append(locale)

    package, folder = L10N
    version = package_version(root, package)
    sources["wp-core"] = f"Debian {package} {version}, {folder}/LOCALE.mo"
    for msgid, kind, alone, slot in CORE:
        add("wp-core", msgid, kind, alone, slot, "en", msgid.split("\x04")[-1])
    for mo in sorted((root / folder).glob("*.mo")):
        if mo.name.startswith(("admin-", "continents-cities-")):
            continue
        catalog = read_catalog(mo)
        for msgid, kind, alone, slot in CORE:
            text = catalog.get(msgid)
            if text:
                add("wp-core", msgid, kind, alone, slot, mo.stem, text)

    package, folder = THEME
    version = package_version(root, package)
    sources["wp-theme-2021"] = f"Debian {package} {version}, {folder}/**/*.php"
    php = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / folder).rglob("*.php")))
    for msgid, kind, alone, slot in THEME_STRINGS:
        if f"'{msgid}'" not in php and f'"{msgid}"' not in php:
            raise SystemExit(f"not in {package}'s templates: {msgid!r}")
        add("wp-theme-2021", msgid, kind, alone, slot, "en", msgid)

    package, folder = "wordpress", "usr/share/wordpress/wp-includes"
    version = package_version(root, package)
    sources["wp-core-php"] = f"Debian {package} {version}, {folder}/*.php"
    php = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted((root / folder).glob("*.php")))
    for msgid, kind, alone, slot in CORE_PHP:
        if f"'{msgid}'" not in php:
            raise SystemExit(f"not in {package}'s {folder}: {msgid!r}")
        add("wp-core-php", msgid, kind, alone, slot, "en", msgid)

    for name, (where, strings) in SEEN.items():
        sources[name] = where
        for msgid, kind, alone, slot in strings:
            add(name, msgid, kind, alone, slot, "en", msgid)

    for name, (where, seen) in cms_strings_seen.SOURCES.items():
        sources[name] = where
        for msgid, kind, alone, slot, translations in seen:
            if name.startswith("wp-core") and msgid not in {m for m, *_ in CORE + THEME_STRINGS + CORE_PHP}:
                raise SystemExit(f"{name}: not a msgid listed above: {msgid!r}")
            if not name.startswith("wp-core"):  # a core msgid's English text is wp-core's already
                add(name, msgid, kind, alone, slot, "en", msgid)
            for locale, texts in translations.items():
                for text in [texts] if isinstance(texts, str) else texts:
                    add(name, msgid, kind, alone, slot, locale, text)

    for path in extra:
        source = f"catalog:{path.name}"
        sources[source] = f"{path.name} (given with --catalog)"
        catalog = read_catalog(path)
        for msgid, kind, alone, slot in CORE:
            if catalog.get(msgid):
                add(source, msgid, kind, alone, slot, path.stem, catalog[msgid])

    missing = [m for m, *_ in CORE if ("wp-core", m.split("\x04")[-1]) not in
               {(s, e["msgid"]) for (s, _), e in entries.items()}]
    if missing:
        raise SystemExit(f"msgids in no catalogue: {missing}")
    return {
        "version": 1,
        "about": "Front-end strings of CMS templates and their translations; built by bench/cms_strings.py",
        "sources": sources,
        "strings": list(entries.values()),
    }


def dump(data: dict) -> str:
    """The catalogue as its data file holds it: one entry a line, so that diffs can be reviewed."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n"
    return text.replace('},{"msgid"', '},\n{"msgid"')


def write_data(data: dict, out: Path, check: bool) -> tuple[int, str]:
    """Write `data` to `out`; with `check`, write nothing and say whether the file would change (exit code 1 if it
    would). Returns the exit code and the file's text. The three catalogue builders share it."""
    text = dump(data)
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("unchanged" if same else f"{out} would change")
        return (0 if same else 1), text
    out.write_text(text, encoding="utf-8")
    return 0, text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the folder the Debian packages were extracted into")
    parser.add_argument("--catalog", type=Path, action="append", default=[], help="another .mo or .po to read")
    parser.add_argument("--check", action="store_true", help="fail if the data file would change")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.root, args.catalog)
    code, text = write_data(data, args.out, args.check)
    if args.check:
        return code
    n = sum(len(e["texts"]) for e in data["strings"])
    print(f"wrote {args.out}: {len(data['strings'])} msgids, {n} texts, {len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
