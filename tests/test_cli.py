"""The console script, run as a user runs it."""

from __future__ import annotations

import json

from conftest import CORPUS, run_cli

SEED = CORPUS / "seed" / "ft-white-house-watch.txt"
EXPECTED = (CORPUS / "seed" / "ft-white-house-watch.expected.txt").read_text(encoding="utf-8")


def test_stdin_is_the_default_input():
    proc = run_cli("clean", input=SEED.read_bytes())
    assert proc.returncode == 0 and proc.stdout.decode() == EXPECTED + "\n"


def test_output_file_and_formats(tmp_path):
    out = tmp_path / "sub" / "out.md"
    proc = run_cli("clean", str(SEED), "--format", "markdown", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == b""
    text = out.read_text(encoding="utf-8")
    assert "Unlock the" not in text and text.startswith("US and Ukrainian")
    assert list(tmp_path.joinpath("sub").iterdir()) == [out]  # no temporary file left behind
    html = run_cli("clean", str(SEED), "--format", "html").stdout.decode()
    assert html.startswith("<article>") and "<p>US and Ukrainian" in html


def test_json_contract_one_object_per_document(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>A long enough first paragraph about the harbour works, which will begin in June."
        "</p><div class='o-share'>Share on X</div><p>A second paragraph.</p></article></body></html>",
        encoding="utf-8",
    )
    proc = run_cli("clean", "--format", "json", "--url", "https://www.ft.com/content/x", str(page), str(SEED))
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 0 and len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    for doc in (first, second):
        assert {"text", "url", "site", "removed", "flags"} <= set(doc)
        assert all({"rule", "plugin", "text"} <= set(r) for r in doc["removed"])
    assert first["site"] == "ft" and first["url"] == "https://www.ft.com/content/x"
    assert first["removed"][0]["rule"] == "ft/promo-elements" and "Share on X" in first["removed"][0]["text"]


def test_bad_inputs_are_reported_and_skipped(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 owners said the r\xe8gle was unfair to small traders in the old town.".encode("latin-1"))
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><p>Unclosed <b>tags <div><p>and more text here", encoding="utf-8")
    proc = run_cli("clean", str(binary), str(empty), str(latin), str(broken), str(tmp_path / "missing.txt"))
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert f"{binary}: binary data" in err
    assert f"{tmp_path / 'missing.txt'}: No such file" in err
    assert "Traceback" not in err
    out = proc.stdout.decode()
    assert "Café owners said the règle" in out and "and more text here" in out


def test_explain_marks_each_removal_with_its_rule():
    proc = run_cli("explain", str(SEED))
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "- Unlock the White House Watch newsletter for free   [ft/newsletter-unlock; line, top]" in out
    assert "[ft/newsletter-unlock; blurb, top]" in out and "[ft/read-full-article; line, bottom]" in out
    assert "  US and Ukrainian diplomatic delegations" in out


def test_plugins_list_json():
    proc = run_cli("plugins", "list", "--json")
    data = json.loads(proc.stdout)
    ft = next(p for p in data["plugins"] if p["name"] == "ft")
    assert ft["domains"] == ["ft.com"] and ft["rules"] >= 5 and ft["version"]
    assert next(p for p in data["plugins"] if p["name"] == "generic")["generic"] is True


def test_plugins_test_reports_per_rule():
    proc = run_cli("plugins", "test", "ft", "-v")
    out = proc.stdout.decode()
    assert proc.returncode == 0, out
    assert "ok   ft:" in out and "ok         read-full-article" in out
    assert "     fixture 'seed layout: header, blurb and footer' ok" in out  # -v lists passing fixtures, as documented
    assert "fixture 'seed layout: header, blurb and footer' ok" not in run_cli("plugins", "test", "ft").stdout.decode()
    assert run_cli("plugins", "test", "no-such-plugin").returncode == 2


def test_plugins_new_scaffolds_a_failing_fixture(tmp_path):
    proc = run_cli("plugins", "new", "www.example-news.org", "--dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / "example-news.toml"
    assert path.exists()
    red = run_cli("plugins", "test", "example-news", "--plugins-dir", str(tmp_path))
    assert red.returncode == 1 and b"FAIL example-news" in red.stdout  # generate, see red ...
    text = path.read_text(encoding="utf-8")
    text = text.replace("REPLACE WITH THE SITE'S PROMO LINE", "Get the Example News briefing every morning")
    text = text.replace("Paste the real promo line here, exactly as scrapers save it",
                        "Get the Example News briefing every morning")
    text = text.replace(".replace-with-the-promo-box-class", ".promo-box").replace("paste-the-real-promo-class",
                                                                                 "promo-box")
    path.write_text(text, encoding="utf-8")
    green = run_cli("plugins", "test", "example-news", "--plugins-dir", str(tmp_path))
    assert green.returncode == 0, green.stdout.decode()  # ... fix, see green
    assert run_cli("plugins", "new", "example-news.org", "--dir", str(tmp_path)).returncode == 2  # no overwrite
