"""Build `src/cleanser/data/form_strings.json`: the fixed, translated strings that platforms and plugins print in the
forms and boxes around an article (a comment section's notes, a login box, document actions, a recipe card's
buttons), in every language their public translation files give.

`data/cms_strings.json` holds WordPress core's templates; `data/widget_strings.json` the share, consent and signup
widgets. This file holds the rest of what a reader sees around an article on sites that run another CMS or a
plugin with a box of its own, in the same format (`stages/cms_strings.py` reads all three, with the same matching):

- Plone (`plone.app.locales` on PyPI): the document actions ("Send this page to somebody", "Print this page"), the
  comment section's notes ("Comments are moderated.", "You can add a comment by filling out the form below. Plain
  text formatting.", "Log in to add comments"), the colophon ("Powered by Plone"), the batch navigation ("Next 20
  items"), from each locale's `LC_MESSAGES/plone.po` (English: the catalogue's "Default:" comments);
- strings of plugins that no registry package ships, each read from a public file at a commit through a code search
  index (not fetched by this script) and listed in `SEEN` with that source: WP Recipe Maker's recipe-card buttons
  ("Jump to Recipe", "Print Recipe", "Pin Recipe"); wpDiscuz 7's comment section (its headings, "Be the First to
  Comment!", "Join the discussion", its subscription bar "Notify of" / "new follow-up comments" / "new replies to my
  comments", its consent checkbox, its sort tabs), in English and German.

The msgids are picked by hand: only what a reader sees on an article page, never an admin string. `alone` means what
it means in `bench/cms_strings.py`: a string that may go as a line by itself; otherwise (a word or two that are also
words of headings: "Document Actions", "Add comment") only in a run of such lines with one that may. Plone's
`${number}` placeholders become `%s` with `slot: "num"`.

Rerun (no network needed once the wheel is downloaded):

    mkdir -p /tmp/plone && cd /tmp/plone && pip download --no-deps plone.app.locales==7.0.4 && unzip -q *.whl -d x
    python bench/form_strings.py /tmp/plone/x            # writes src/cleanser/data/form_strings.json
    python bench/form_strings.py /tmp/plone/x --check    # fails if the file would change
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "cleanser" / "data" / "form_strings.json"
sys.path.insert(0, str(ROOT / "src"))

from cleanser.stages.cms_strings import normalise  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cms_strings import visible, write_data  # noqa: E402

PLONE = "plone/app/locales/locales"

# (msgid, kind, alone, slot) of Plone's `plone` domain.
PLONE_STRINGS = [
    # Document actions under an article (portal_actions; plone.app.layout's document_actions viewlet).
    ("Send this page to somebody", "actions", True, None),
    ("heading_send_page_to", "actions", True, None),
    ("Print this page", "actions", False, None),  # (also an instruction an article may give on a line by itself)
    ("heading_document_actions", "actions", False, None),
    # The comment section (plone.app.discussion).
    ("label_login_to_add_comments", "comments", True, None),
    ("label_commenting_disabled", "comments", True, None),
    ("comment_description_moderation_enabled", "comments", True, None),
    ("comment_description_plain_text", "comments", True, None),
    ("label_add_comment", "comments", False, None),
    ("no_comments", "comments", False, None),
    # The colophon and the batch navigation of a listing.
    ("label_powered_by_plone", "credits", True, None),
    ("batch_next_x_items", "navigation", False, "num"),
    ("batch_previous_x_items", "navigation", False, "num"),
]

# Strings of plugins that no registry package ships, read at a commit: source name -> (where, strings as (msgid,
# kind, alone, slot, translations by locale; the English msgid is always added as "en")).
SEEN: dict[str, tuple[str, list[tuple[str, str, bool, str | None, dict[str, str]]]]] = {
    "wp-recipe-maker": (
        "WordPressBugBounty/plugins-wp-recipe-maker (a mirror of the plugin's releases) "
        "wp-recipe-maker/includes/class-wprm-i18n.php at commit 26679a88 (maybe_translate: the recipe card's "
        "default button labels)",
        [
            # The buttons of a recipe card and the snippet above it: no article line is only one of them.
            ("Jump to Recipe", "recipe", True, None, {}),
            ("Jump to Video", "recipe", True, None, {}),
            ("Print Recipe", "recipe", True, None, {}),
            ("Pin Recipe", "recipe", True, None, {}),
            ("Rate this Recipe", "recipe", True, None, {}),
        ],
    ),
    # wpDiscuz 7 renders its comment section into the page (not an iframe): a scraper keeps its headings, its
    # subscription bar and its sort tabs as lines.
    "wpdiscuz": (
        "WordpressPluginDirectory/wpdiscuz (a mirror of the plugin's releases) wpdiscuz/options/"
        "class.WpdiscuzOptions.php at commit 22214a3a (initPhrases(): the default phrases) and "
        "wpdiscuz/forms/wpdFormAttr/Field (the consent checkboxes); German from "
        "wpdiscuz/languages/wpdiscuz-de_DE.l10n.php at commit b333cf75",
        [
            ("Be the First to Comment!", "comments", True, None, {"de_DE": "Hinterlassen Sie den ersten Kommentar!"}),
            ("Start the discussion", "comments", True, None, {"de_DE": "Starte die Diskussion"}),
            ("Join the discussion", "comments", True, None, {"de_DE": "An Diskussion beteiligen"}),
            ("Most reacted comment", "comments", True, None,
             {"de_DE": "Kommentar, auf das am meisten reagiert wurde"}),
            ("Hottest comment thread", "comments", True, None, {"de_DE": "Beliebtestes Kommentar Thema"}),
            ("Inline Feedbacks", "comments", True, None, {}),
            ("View all comments", "comments", True, None, {"de_DE": "Alle Kommentare anzeigen"}),
            ("Load More Comments", "comments", True, None, {"de_DE": "Weitere Kommentare anzeigen"}),
            ("Load Rest of Comments", "comments", True, None, {"de_DE": "Lade alle weiteren Kommentare"}),
            ("Please login to comment", "comments", True, None,
             {"de_DE": "Bitte logge dich ein, um zu kommentieren"}),
            ("Would love your thoughts, please comment.", "comments", True, None,
             {"de_DE": "Über ein Kommentar würden wir uns freuen."}),
            # The subscription bar: "Notify of" and a drop-down of two options, often saved as one line.
            ("Notify of", "subscribe", False, None, {"de_DE": "Benachrichtige mich bei"}),
            ("new follow-up comments", "subscribe", True, None, {"de_DE": "allen neuen Kommentare"}),
            ("new replies to my comments", "subscribe", True, None,
             {"de_DE": "nur Antworten zu meinen Kommentar/en"}),
            ("Notify of new replies to this comment", "subscribe", True, None,
             {"de_DE": "Benachrichtige mich falls jemand meinen Eintrag kommentiert"}),
            ("I allow to use my email address and send notification about new comments and replies (you can "
             "unsubscribe at any time).", "subscribe", True, None,
             {"de_DE": "Ich erlaube, meine E-Mail Adresse zu verwenden und Benachrichtigungen über neue Kommentare "
                       "und Antworten zu senden (Sie können sich jederzeit wieder abmelden)."}),
            ("Save my data for the next time I comment", "comments", True, None,
             {"de_DE": "Meine Daten für das nächste Mal speichern"}),
            # Sort tabs and buttons: words of any page, so only next to a line that goes alone.
            ("Newest", "comments", False, None, {"de_DE": "Neueste"}),
            ("Oldest", "comments", False, None, {"de_DE": "Älteste"}),
            ("Most Voted", "comments", False, None, {"de_DE": "Meist bewertet"}),
            ("Hide Replies", "comments", False, None, {"de_DE": "Antworten verbergen"}),
            ("View Replies", "comments", False, None, {"de_DE": "Antworten anzeigen"}),
            ("Inline Comments", "comments", False, None, {"de_DE": "Inline Kommentare"}),
            ("Guest", "comments", False, None, {"de_DE": "Gast"}),
        ],
    ),
}

_DEFAULT = re.compile(r'^#\. Default: "(.*)"$')
_PLACEHOLDER = re.compile(r"\$\{\w+\}")


def pot_defaults(path: Path) -> dict[str, str]:
    """A Plone template's msgids and their English "Default:" texts (a msgid that is English itself has none)."""
    defaults: dict[str, str] = {}
    default = None
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _DEFAULT.match(line)
        if found:
            default = found.group(1).replace('\\"', '"')
        elif line.startswith('msgid "'):
            msgid = line[7:-1]
            if msgid:
                defaults[msgid] = default if default is not None else msgid
            default = None
    return defaults


def plone_version(root: Path) -> str:
    for meta in root.glob("plone_app_locales-*.dist-info/METADATA"):
        for line in meta.read_text(encoding="utf-8").splitlines():
            if line.startswith("Version: "):
                return line.split(": ", 1)[1]
    raise SystemExit(f"no plone.app.locales wheel extracted in {root}")


def build(root: Path) -> dict:
    sources: dict[str, str] = {}
    entries: dict[tuple[str, str], dict] = {}

    def add(source: str, msgid: str, kind: str, alone: bool, slot: str | None, locale: str, text: str) -> None:
        text = visible(text)
        if slot == "num":
            text = _PLACEHOLDER.sub("%s", text)
        if not text or "${" in text or not normalise(text):
            return
        entry = entries.setdefault((source, msgid), {"msgid": msgid, "source": source, "kind": kind, "alone": alone,
                                                     "slot": slot, "texts": {}})
        locales = entry["texts"].setdefault(text, [])
        if locale not in locales:
            locales.append(locale)

    folder = root / PLONE
    sources["plone"] = f"PyPI plone.app.locales {plone_version(root)}, {PLONE}/LOCALE/LC_MESSAGES/plone.po"
    defaults = pot_defaults(folder / "plone.pot")
    catalogs = {}
    for mo in sorted(folder.glob("*/LC_MESSAGES/plone.mo")):
        with mo.open("rb") as handle:
            catalogs[mo.parent.parent.name] = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for msgid, kind, alone, slot in PLONE_STRINGS:
        english = defaults[msgid]
        add("plone", english, kind, alone, slot, "en", english)
        for locale, catalog in catalogs.items():
            text = catalog.get(msgid)
            if isinstance(text, str) and text and text != msgid:
                add("plone", english, kind, alone, slot, locale, text)

    for name, (where, strings) in SEEN.items():
        sources[name] = where
        for msgid, kind, alone, slot, translations in strings:
            add(name, msgid, kind, alone, slot, "en", msgid)
            for locale, text in translations.items():
                add(name, msgid, kind, alone, slot, locale, text)

    return {
        "version": 1,
        "about": "Front-end strings of forms and boxes that other CMSs and plugins print around an article; built by "
                 "bench/form_strings.py",
        "sources": sources,
        "strings": list(entries.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="the folder the plone.app.locales wheel was extracted into")
    parser.add_argument("--check", action="store_true", help="fail if the data file would change")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    data = build(args.root)
    code, text = write_data(data, args.out, args.check)
    if args.check:
        return code
    n = sum(len(e["texts"]) for e in data["strings"])
    print(f"wrote {args.out}: {len(data['strings'])} msgids, {n} texts, {len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
