"""A text input comes out character for character, apart from what was cleaned: its line breaks (CRLF, CR, blank
runs), indentation, no-break spaces and the joiners that are part of words stay as they were written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from cleanser import Cleaner, clean
from cleanser.testing import strategies as cst

SEED_HEAD = "Unlock the White House Watch newsletter for free"
FT = "https://www.ft.com/content/0000"


@given(cst.hostile_text())
def test_a_text_with_nothing_removed_comes_out_as_it_went_in(text):
    result = Cleaner().clean(text)
    # Unwrapping a hard-wrapped text is restructuring the user asked for; every other text is given back.
    assume(not result.removed and not result.refused and result.document.layout != "wrapped")
    assert result.text == text


@given(
    st.lists(cst.sentences(), min_size=2, max_size=6),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["", " ", "\u00a0", "\t"]),
)
def test_around_a_removed_promo_the_rest_keeps_its_line_breaks_and_spaces(paragraphs, newline, indent):
    paragraphs = [p.replace(" ", "\u00a0", 1) for p in paragraphs]  # a no-break space in every paragraph
    text = newline.join([SEED_HEAD, *(indent + p for p in paragraphs), "Read the full article here"])
    result = clean(text, url=FT)
    assert [r.text for r in result.removed] == [SEED_HEAD, "Read the full article here"]
    assert result.text == newline.join(indent + p for p in paragraphs).lstrip()


def test_joiners_that_are_part_of_words_stay():
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0627\u06cc\u0646 \u0631\u0627 " + (
        "\u0628\u06af\u0648\u06cc\u0645.")
    family = "They arrived: \U0001f468\u200d\U0001f469\u200d\U0001f467 at noon."
    for line in (persian, family):
        assert clean(f"{line}\nA second line of the article.").text.startswith(line)
        page = f"<html><body><article><p>{line}</p><p>A second paragraph of the article.</p></article></body></html>"
        html = clean(page)
        assert line in html.text


def test_a_promo_cut_out_of_a_crlf_text_leaves_crlf_line_breaks():
    text = f"{SEED_HEAD}\r\nFirst paragraph of the story.\r\n\r\nSecond\u00a0paragraph.\r\n"
    text += "Read the full article here\r\n"
    assert clean(text, url=FT).text == "First paragraph of the story.\r\n\r\nSecond\u00a0paragraph."


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cleanser", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_in_place_leaves_a_crlf_file_with_nothing_to_clean_alone(tmp_path):
    clean_file = tmp_path / "clean.txt"
    clean_file.write_bytes("First line of the story.\r\n\r\nSecond\u00a0line.\r\n".encode())
    promo_file = tmp_path / "promo.txt"
    promo_file.write_bytes(f"{SEED_HEAD}\r\nFirst line of the story.\r\nSecond line.\r\n".encode())
    done = _cli("clean", "--in-place", "--url", FT, "-q", "clean.txt", "promo.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "clean.txt.orig").exists()  # nothing removed: no rewrite, no backup
    assert clean_file.read_bytes() == "First line of the story.\r\n\r\nSecond\u00a0line.\r\n".encode()
    assert promo_file.read_bytes() == b"First line of the story.\r\nSecond line.\r\n"
    assert (tmp_path / "promo.txt.orig").read_bytes().startswith(SEED_HEAD.encode())


def test_a_jsonl_text_field_with_nothing_to_clean_comes_back_unchanged(tmp_path):
    texts = ["Line one of it.\r\nLine two.\r\n", "  Indented\u00a0start.\n\n\n\nEnd.\n", "No break at all."]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    done = _cli("clean", "in.jsonl", "-o", "out.jsonl", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [o["text"] for o in out] == texts
