"""Rule and parser safety: patterns that can backtrack catastrophically are refused at load time, matching cannot
hang on hostile input, HTML parsing never touches the network or expands entities, and loading a rule file never
runs code."""

from __future__ import annotations

import http.server
import sys
import threading
import urllib.request
from typing import ClassVar

import pytest

from cleanser import Cleaner, RuleError, load_ruleset, ruleset_from_dict
from cleanser.plugins.manager import load_plugins
from cleanser.rules.regex import check_backtracking
from cleanser.testing.watchdog import watchdog

PLUGINS = load_plugins(entry_points=False)
CLEANER = Cleaner(PLUGINS)
P1 = "The council approved the new budget on Monday after a debate that lasted more than four hours."


# --- catastrophic backtracking ---------------------------------------------------------------------------------

CATASTROPHIC = [
    r"(a+)+",
    r"(a*)*b",
    r"(?:\w+\s?)*$",
    r"([a-z]+)*x",
    r"(.*)*",
    r"(?:x+x+)+y",
    r"^(\d+)*$",
    r"(?:.*a){25}",
    r"(a|aa)+",
    r"(?:a|ab)*c",
    r"(?:\d|\d\d)+x",
    r"(?:sign up|sign)+ now",
    r"(?:(?:a+)b)+",
    r"(?=(a+)+)b",
]
SAFE = [
    r"\d{4}",
    r"(?:a|b|cd)*",
    r".*x.*y",
    r"sign up (?:for|to) (?: ?[\w'-]{1,30}){0,5} newsletter",
    r"(?:foo|bar)+ baz",
    r"[a-z]+ [a-z]+",
    r"(?:ab){3}",
    r"(?:read more|related)(?: ?[:>»|-] ?.{0,160})?",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_recognised(pattern):
    assert check_backtracking(pattern), pattern


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_are_allowed(pattern):
    assert check_backtracking(pattern) is None


@pytest.mark.parametrize("pattern", CATASTROPHIC[:5])
@pytest.mark.parametrize("kind", ["line", "tail", "keep"])
def test_a_catastrophic_rule_is_refused_naming_its_file_plugin_and_rule(tmp_path, pattern, kind):
    path = tmp_path / "badsite.toml"
    escaped = pattern.replace("'", "")
    path.write_text(f"name = \"badsite\"\n[[rule]]\nid = \"greedy-box\"\nkind = \"{kind}\"\nregex = '{escaped}'\n")
    with pytest.raises(RuleError) as err:
        load_ruleset(path)
    message = str(err.value)
    assert str(path) in message and "'badsite'" in message and "'greedy-box'" in message
    assert "catastrophic" in message


def test_a_refused_plugin_is_skipped_and_the_others_still_work(tmp_path):
    (tmp_path / "badsite.toml").write_text("name = \"badsite\"\n[[rule]]\nid = \"r\"\nregex = '(a+)+'\n")
    (tmp_path / "goodsite.toml").write_text(
        'name = "goodsite"\ndomains = ["good.example"]\n[[rule]]\nid = "r"\nmatch = "Good promo line"\n'
    )
    plugins = load_plugins([tmp_path], entry_points=False)
    assert [e.source for e in plugins.errors] == [str(tmp_path / "badsite.toml")]
    assert "catastrophic" in plugins.errors[0].reason
    result = Cleaner(plugins).clean(f"{P1}\nGood promo line", url="https://good.example/")
    assert result.text == P1


def test_back_references_are_refused():
    with pytest.raises(RuleError, match="back-references"):
        ruleset_from_dict({"name": "x", "rule": [{"id": "r", "regex": r"(?P<a>x+)(?P=a)"}]})


def _near_misses(example: str) -> list[str]:
    """Lines built to make a pattern work hard: its example repeated, cut short, padded, run together."""
    cut = example[:-1] or example
    return [
        example * 40,
        (cut + " ") * 60,
        example + " x" * 2000,
        cut + "!" * 3000,
        " ".join([example] * 8),
        example.replace(" ", "  " * 20),
        "a" * 20000,
        "a " * 10000,
        "-" * 5000,
    ]


def test_matching_cannot_hang_on_hostile_lines():
    """Every bundled rule's examples, bent into hostile lines, cleaned with the rule's site active."""
    for ruleset in PLUGINS.rulesets():
        url = f"https://www.{ruleset.domains[0]}/" if ruleset.domains else None
        lines = [line for rule in ruleset.rules for ex in rule.examples[:2] for line in _near_misses(ex)]
        with watchdog(what=f"cleaning hostile lines for {ruleset.name}"):
            CLEANER.clean("\n".join(lines), url=url)
            CLEANER.clean("".join(lines[:40]), url=url)  # one giant line


def test_a_huge_document_is_cleaned_without_hanging():
    text = "\n".join([P1, "Advertisement", "Share this article"] * 3000)
    with watchdog(what="cleaning 9,000 lines"):
        result = CLEANER.clean(text)
    assert result.text == "\n".join([P1] * 3000)


# --- HTML and XML parsing ----------------------------------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self):
        _Recorder.requests.append(self.path)
        body = b'<!ENTITY leak "LEAKED-OVER-HTTP">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with urllib.request.urlopen(f"{base}/sanity", timeout=10) as response:  # the recorder works
        assert response.status == 200 and _Recorder.requests == ["/sanity"]
    _Recorder.requests = []
    yield base
    server.shutdown()
    server.server_close()


def test_external_entities_are_never_fetched_or_expanded(tmp_path, http_server):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT", encoding="utf-8")
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "{http_server}/page.dtd" [
  <!ENTITY file SYSTEM "file://{secret}">
  <!ENTITY net SYSTEM "{http_server}/entity">
  <!ENTITY % remote SYSTEM "{http_server}/params.dtd"> %remote;
]>
<?xml-stylesheet href="{http_server}/style.xsl"?>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><link rel="stylesheet" href="{http_server}/a.css">
<script src="{http_server}/a.js"></script></head>
<body><article><h1>Harbour works delayed</h1>
<p>{P1} &file; &net; &leak;</p><xi:include href="{http_server}/include.xml"/>
<img src="{http_server}/a.png"><iframe src="{http_server}/frame"></iframe>
<p>The harbour master said the dredging would now begin in the spring, weather permitting.</p>
</article></body></html>"""
    with watchdog(what="cleaning an XXE page"):
        for data in (page, page.encode("utf-8")):
            result = CLEANER.clean(data, url="https://www.example.org/harbour")
            assert result.document.source == "html"
            assert "SECRET-FILE-CONTENT" not in result.text and "LEAKED" not in result.text
            assert P1 in result.text and "dredging" in result.text
            assert "]>" not in result.text  # the internal subset is a declaration, not text of the page
            for fmt in (result.markdown, result.html, str(result.to_dict())):
                assert "SECRET-FILE-CONTENT" not in fmt
    assert _Recorder.requests == []


def _billion_laughs(root: str) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n' + "\n".join(entities) + "\n]>\n"
        f"<{root}><body><article><p>&lol9;</p><p>{P1}</p></article></body></{root}>"
    )


@pytest.mark.parametrize("root", ["html", "lolz"])
def test_a_billion_laughs_document_is_not_expanded(root):
    with watchdog(what="cleaning a billion-laughs document"):
        result = CLEANER.clean(_billion_laughs(root))
    assert P1 in result.text
    assert result.text.count("lol") < 200 and len(result.text) < 5000
    assert "]>" not in result.text and "ENTITY" not in result.text


def test_a_doctype_internal_subset_is_not_text_of_the_page():
    """libxml2's HTML parser ends a DOCTYPE at its first ">", which would leave the rest of the subset as text."""
    page = f'<!DOCTYPE html [<!ENTITY x "y"> <!ENTITY z "&x;&x;">]><html><body><p>{P1}</p></body></html>'
    for data in (page, "\n" + page.lower().replace(P1.lower(), P1)):
        result = CLEANER.clean(data)
        assert result.text == P1


# --- rule files are data -------------------------------------------------------------------------------------------


def test_loading_a_rule_file_never_runs_code(tmp_path, monkeypatch):
    """Values that name modules or hold code are text: nothing is imported, evaluated or run."""
    probe = tmp_path / "mods"
    probe.mkdir()
    ran = tmp_path / "ran"
    (probe / "cleanser_probe_module.py").write_text(f"open({str(ran)!r}, 'w').write('imported')\n")
    monkeypatch.syspath_prepend(str(probe))
    plugins_dir = tmp_path / "plugins"
    plugins_dir.mkdir()
    code = f"__import__('os').system('touch {ran}')"
    (plugins_dir / "datasite.toml").write_text(
        f"""name = "cleanser_probe_module"
title = "{code}"
domains = ["data.example"]
module = "cleanser_probe_module"
hookimpl = "cleanser_probe_module:run"
entry_point = "cleanser_probe_module"
python = "{code}"

[[rule]]
id = "r"
match = "{{name}} promo"
description = "{code}"
examples = ["Harbour promo"]
hook = "os:system"
""",
        encoding="utf-8",
    )
    before = set(sys.modules)
    plugins = load_plugins([plugins_dir], entry_points=False)
    Cleaner(plugins).clean(f"{P1}\nHarbour promo", url="https://data.example/")
    # Keys that name code are not rule keys: the file is refused, naming them, and nothing ran.
    (error,) = plugins.errors
    assert "unknown keys 'module' (did you mean 'rule'?), 'hookimpl', 'entry_point', 'python'" in error.reason
    assert not ran.exists()
    assert "cleanser_probe_module" not in set(sys.modules) - before
