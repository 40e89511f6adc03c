"""Issue 17, item 12, the second line of defence: a rule that the load-time analysis lets through but that runs away
on some line is stopped, found, disabled for the run and reported; the run goes on at full speed without it.

The rule here splits a word in every way into pieces of one or two letters (`(?:\\w|\\w\\w){1,40}`): a bounded repeat
of plain alternatives, which the load-time checks allow, and which takes about seven times longer for every four
more letters of a line it does not match (a Fibonacci number of splits): a second at 32 letters, hours at 60."""

from __future__ import annotations

import json
import re
import signal
import threading
import time

import pytest
from conftest import run_cli

from cleanser import Cleaner
from cleanser.plugins import load_plugins
from cleanser.rules.clock import Deadline, RuleTimeout, Ticking
from cleanser.rules.regex import check_backtracking
from cleanser.settings import Settings
from cleanser.testing.watchdog import Hang, watchdog

SLOW = r"(?:\w|\w\w){1,40} says"
RULES = f"""name = "slowsite"
domains = ["slow.example"]

[[rule]]
id = "splits"
regex = '{SLOW}'

[[rule]]
id = "promo"
match = "Sign up for the Slow Example newsletter"
"""
URL = "https://slow.example/news/1"
ARTICLE = (
    "The council met on Tuesday to discuss the budget for the coming year.\n\n"
    "Sign up for the Slow Example newsletter\n\n"
    "Members voted to approve the plan after a long debate about the roads.\n"
)


def word(letters: int) -> str:
    return ("Pneumonoultramicroscopicsilicovolcanoconiosis" * 3)[:letters]


@pytest.fixture
def plugins_dir(tmp_path):
    (tmp_path / "slowsite.toml").write_text(RULES)
    return tmp_path


def cleaner_for(plugins_dir, limit: float) -> Cleaner:
    plugins = load_plugins([plugins_dir], entry_points=False)
    assert not plugins.errors  # the load-time analysis lets the rule through
    return Cleaner(plugins, settings=Settings(rule_time_limit=limit, entry_points=False))


def test_the_rule_passes_the_load_time_analysis_and_really_runs_away():
    assert check_backtracking(SLOW) is None
    pattern = re.compile(SLOW, re.IGNORECASE)

    def cost(letters: int) -> float:
        start = time.perf_counter()
        pattern.fullmatch(word(letters) + " says it")
        return time.perf_counter() - start

    assert cost(26) > 8 * cost(18)  # 1.6 times longer for every letter more


def test_a_runaway_rule_is_stopped_disabled_and_reported(plugins_dir):
    cleaner = cleaner_for(plugins_dir, limit=0.2)
    hostile = ARTICLE + word(60) + " says it\n"  # hours of matching for that rule
    started = time.monotonic()
    with watchdog(30):
        result = cleaner.clean(hostile, URL)
    assert time.monotonic() - started < 10
    assert "slowsite/splits" in result.flags["slow_rules"] and "disabled for the run" in result.flags["slow_rules"]
    assert list(cleaner.slow_rules) == ["slowsite/splits"]
    # Nothing is lost and the other rules still work, on this document and the next.
    assert word(60) + " says it" in result.text and "Members voted" in result.text and "Sign up" not in result.text
    started = time.monotonic()
    with watchdog(30):
        again = cleaner.clean(hostile, URL)
    assert time.monotonic() - started < 1
    assert "slow_rules" not in again.flags and again.text == result.text


def test_ordinary_documents_are_not_touched(plugins_dir):
    cleaner = cleaner_for(plugins_dir, limit=0.2)
    result = cleaner.clean(ARTICLE + "Alice says\n", URL)
    assert not cleaner.slow_rules and "slow_rules" not in result.flags
    assert [r.text for r in result.removed if r.rule == "slowsite/splits"] == ["Alice says"]  # matched, quickly


def test_in_a_thread_the_overrun_is_measured_and_the_rule_disabled(plugins_dir):
    # No signal reaches a worker thread: the stage runs to its end, and its time is what tells.
    cleaner = cleaner_for(plugins_dir, limit=0.01)
    pattern = re.compile(SLOW, re.IGNORECASE)
    letters = next(n for n in range(20, 40) if _timed(pattern, word(n) + " says it") > 0.1)  # slow, but it ends
    out: dict = {}
    hostile = ARTICLE + word(letters) + " says it\n"
    thread = threading.Thread(target=lambda: out.update(result=cleaner.clean(hostile, URL)))
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert "slowsite/splits" in out["result"].flags["slow_rules"]
    assert list(cleaner.slow_rules) == ["slowsite/splits"]


def _timed(pattern: re.Pattern, text: str) -> float:
    """The CPU time of one match, as the rule clock counts it (`time.thread_time`): on a loaded machine wall time
    runs ahead of it, and a calibration by wall time picks lines too short for the clock to find slow."""
    start = time.thread_time()
    pattern.fullmatch(text)
    return time.thread_time() - start


def test_the_ticker_stops_a_deadline_and_leaves_the_watchdog_alone():
    # The ticker counts CPU time (SIGVTALRM); the test watchdog's alarm (SIGALRM, wall time) still rings inside it.
    started = time.monotonic()
    with pytest.raises(RuleTimeout), watchdog(10), Ticking() as ticking, Deadline(0.1):
        assert ticking.running
        re.fullmatch(SLOW, word(60) + " says it")
    assert time.monotonic() - started < 2
    with pytest.raises(Hang), watchdog(0.3), Ticking(), Deadline(5):
        re.fullmatch(SLOW, word(60) + " says it")
    with Ticking(), Deadline(0.05):
        time.sleep(0.2)  # wall time, but no CPU: the ticker never goes off in a sleep
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)  # stopped when the document is done


def test_a_batch_run_reports_the_disabled_rule_and_goes_on(plugins_dir, tmp_path):
    records = [{"id": i, "url": URL, "text": ARTICLE + (word(60) + " says it\n" if i == 1 else "")} for i in range(6)]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records))
    out, report = tmp_path / "out.jsonl", tmp_path / "report.json"
    proc = run_cli("clean", str(dump), "-o", str(out), "--plugins-dir", str(plugins_dir), "--jobs", "1",
                   "--rule-time-limit", "0.2", "--report", str(report))
    assert proc.returncode == 0, proc.stderr.decode()
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 6 and all("Sign up" not in r["text"] for r in lines)
    assert "slowsite/splits" in lines[1]["cleanser"]["flags"]["slow_rules"]
    assert list(json.loads(report.read_text())["slow_rules"]) == ["slowsite/splits"]
    assert b"slowsite/splits" in proc.stderr


def test_a_rule_slow_on_many_lines_but_never_past_the_limit_on_one_is_found():
    from cleanser.rules.book import RuleBook
    from cleanser.rules.clock import find_slow
    from cleanser.rules.model import ruleset_from_bytes

    book = RuleBook((ruleset_from_bytes(RULES.encode(), "slowsite.toml"),))
    pattern = re.compile(SLOW, re.IGNORECASE)
    # The fewest letters that take 20 ms at the least (the fastest of three tries: a busy machine only slows it).
    letters = next(n for n in range(16, 40) if min(_timed(pattern, word(n) + " says it") for _ in range(3)) > 0.02)
    texts = [word(letters) + " says it"] * 20 + ["The council met on Tuesday."] * 20
    # No line takes the limit alone: the rule is found by its share of the slow lines' time (0.4 s or more).
    assert list(find_slow(book, texts, budget=0.05, limit=1.0)) == ["slowsite/splits"]
    assert find_slow(book, ["The council met on Tuesday."] * 40, budget=0.05, limit=1.0) == {}
