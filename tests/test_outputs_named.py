"""Mirrored outputs are named for what they hold, and the progress bar is there when asked for (issue 14, Also)."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from conftest import run_cli

from cleanser.batch import runner
from cleanser.batch.work import Options

PAGE = ("<html><head><title>T</title></head><body><article><p>The council approved the new budget on Tuesday after "
        "three weeks of debate.</p></article></body></html>")
TEXT = "The mayor opened the new library on Saturday morning.\n"


def _tree(tmp_path: Path) -> Path:
    tree = tmp_path / "scrape"
    (tree / "news").mkdir(parents=True)
    (tree / "news" / "page.html").write_text(PAGE, encoding="utf-8")
    (tree / "story.txt").write_text(TEXT, encoding="utf-8")
    (tree / "a.html").write_text(PAGE, encoding="utf-8")  # a.txt beside it: a.html's text must not overwrite it
    (tree / "a.txt").write_text(TEXT, encoding="utf-8")
    (tree / "notes").write_text(TEXT, encoding="utf-8")  # no suffix to say what it is: kept
    return tree


def _written(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())


def test_a_mirror_names_each_output_for_what_it_holds(tmp_path):
    tree = _tree(tmp_path)
    assert run_cli("clean", str(tree), "-o", str(tmp_path / "text"), "-q").returncode == 0
    assert _written(tmp_path / "text") == ["a.html.txt", "a.txt", "news/page.txt", "notes", "story.txt"]
    assert (tmp_path / "text" / "news" / "page.txt").read_text(encoding="utf-8").startswith("The council approved")
    assert run_cli("clean", str(tree), "-o", str(tmp_path / "md"), "--format", "markdown", "-q").returncode == 0
    assert _written(tmp_path / "md") == ["a.html.md", "a.txt.md", "news/page.md", "notes", "story.md"]
    assert run_cli("clean", str(tree), "-o", str(tmp_path / "html"), "--format", "html", "-q").returncode == 0
    assert _written(tmp_path / "html") == ["a.html", "a.txt.html", "news/page.html", "notes", "story.html"]


def test_progress_is_a_core_dependency_and_shows(tmp_path):
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(dep.startswith("tqdm") for dep in project["project"]["dependencies"])
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    proc = run_cli("clean", str(story), "-o", str(tmp_path / "out.txt"), "--progress")
    assert "cleaning" in proc.stderr.decode() and "docs/s" in proc.stderr.decode()


def test_progress_asked_for_without_tqdm_says_so(tmp_path, monkeypatch, capsys):
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "tqdm", None)  # as if it were not installed
    plan = runner.Plan(inputs=[str(story)], output=str(tmp_path / "out.txt"), options=Options(format=None),
                       progress=True, jobs=1)
    assert runner.run(plan) == 0
    assert "--progress needs tqdm, which is not installed" in capsys.readouterr().err
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == TEXT
