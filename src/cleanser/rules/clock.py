"""A bound on the time rules spend matching one document: a rule that runs away is found, disabled for the run and
reported, and the document is cleaned again without it.

The load-time analysis (`regex.check_backtracking`, `regex_cost.py`) refuses the known shapes of runaway matching;
this is the second line of defence, for a pattern it lets through. The fast path is untouched: the rules stage and
the guard (the two places rules match a document's lines) run under one `Watch` per document, whose budget is
`Settings.rule_time_limit` seconds of the thread's CPU time (a busy machine makes no rule look slow), more for a
document of more than 100,000 characters (in proportion); ordinary articles take milliseconds.

Python's `re` looks for signals while it matches, so a signal handler can stop a match. While a document is
cleaned in the main thread, a CPU-time interval timer (`Ticking`) calls one every TICK seconds of CPU; past the
budget it raises `RuleTimeout`. Per document that costs two system calls and a few attribute writes (about 5
microseconds). Elsewhere (a worker thread; Windows) nothing can stop a match: the time is measured when the stage
returns. Either way the document is read again and `find_slow` asks which rule is to blame: the combined
expressions are timed line by line to find the lines that cost the time, then each rule alone on those lines,
under the same kind of deadline. A rule that runs past the limit alone, or takes a quarter of those lines' time
(and a tenth of the limit), is slow. Slow rules are disabled in this Cleaner for the rest of the run (each worker
process of a batch run finds them once); the document is cleaned again without them (up to MAX_ROUNDS times, then
untimed: a document that is simply long is not refused). A stage no signal stops (inside lxml) is left to the
batch run's `--record-timeout`, which kills the worker and reports the record as failed.
"""

from __future__ import annotations

import math
import re
import signal
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..text import fold, fold_for_match
from .model import REGEX_MAX_LEN, Rule
from .regex import parse, width

if TYPE_CHECKING:
    from ..document import Document
    from .book import RuleBook

SIZE_UNIT = 100_000  # characters of a document covered by one rule_time_limit
MAX_ROUNDS = 3  # documents cleaned again after finding slow rules, before the rest is cleaned untimed
MAX_SUSPECTS = 200  # lines each rule is timed on alone
_TAIL_PUNCT = r"[.!:;,]?[ ]*"  # as the matcher anchors a glued-end rule (matcher.py)
TICK = 0.05  # seconds of CPU time between two looks at the running budget, while a document is cleaned
_CAN_TICK = hasattr(signal, "setitimer") and hasattr(signal, "SIGVTALRM")
try:  # the C function under signal.getsignal, without its conversion to an enum (10 microseconds a call)
    from _signal import getsignal as _getsignal
except ImportError:  # another Python
    _getsignal = signal.getsignal
_MAIN = threading.main_thread().ident


class RuleTimeout(BaseException):
    """Matching ran past its budget. A BaseException, so that no `except Exception` on the way swallows it."""


# Times are the calling thread's CPU time (`time.thread_time`): what a runaway match burns, whatever else the machine
# or the process's other threads are doing; a busy machine does not make a rule look slow.
_deadline = 0.0  # thread CPU time the block being timed must end by; 0: nothing is timed
_ticking = False


def _tick(signum, frame) -> None:
    # Raised at every tick until the block is left: a raise that lands where Python swallows it (a garbage
    # collector callback, a __del__) is made again a tick later.
    if _deadline and time.thread_time() >= _deadline:
        raise RuleTimeout


def clear() -> None:
    """Nothing is timed any more (after a RuleTimeout has been caught, whatever the blocks on the way did)."""
    global _deadline
    _deadline = 0.0


class Ticking:
    """While a document is cleaned: a CPU-time interval timer (ITIMER_VIRTUAL, SIGVTALRM every TICK seconds of CPU)
    whose handler stops a timed block that has run past its deadline. Only in the main thread of a POSIX process
    (`running` says whether it runs), and only if no one else uses SIGVTALRM. CPU time, not wall time: the timer
    goes off only while the process computes, so no sleeping call of any thread is woken by it, and an ordinary
    document (milliseconds of CPU) never sees it go off. Arming it costs two system calls per document; a ticker
    already running (a nested clean) is left as it is."""

    running = False

    def __enter__(self) -> Ticking:
        global _ticking
        if _ticking or not _CAN_TICK or threading.get_ident() != _MAIN:
            return self
        current = _getsignal(signal.SIGVTALRM)
        if current is not _tick:
            if current not in (signal.SIG_DFL, signal.SIG_IGN) or signal.getitimer(signal.ITIMER_VIRTUAL)[0]:
                return self  # someone else's: stand back (blocks are then only measured)
            signal.signal(signal.SIGVTALRM, _tick)  # stays: a late tick finds no deadline and does nothing
        signal.setitimer(signal.ITIMER_VIRTUAL, TICK, TICK)
        _ticking = self.running = True
        return self

    def __exit__(self, *exc) -> None:
        global _ticking, _deadline
        if self.running:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            _ticking = self.running = False
            _deadline = 0.0


class Deadline:
    """Raise RuleTimeout in the block once `seconds` have passed, where a `Ticking` runs (checked every TICK of CPU
    time); elsewhere the block runs to its end. `spent`: the block's time."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.spent = 0.0

    def __enter__(self) -> Deadline:
        global _deadline
        self._started = time.thread_time()
        self._outer = _deadline
        _deadline = self._started + self.seconds
        if self._outer and self._outer < _deadline:
            _deadline = self._outer  # inside another deadline: the sooner one holds
        return self

    def __exit__(self, *exc) -> None:
        global _deadline
        _deadline = self._outer
        self.spent = time.thread_time() - self._started


class Watch:
    """One document's budget, spent over the blocks run under it; past it, RuleTimeout: in the block where a
    `Ticking` runs, else (a worker thread) when the block ends."""

    def __init__(self, seconds: float):
        self.left = seconds

    def __enter__(self) -> Watch:
        self._deadline = Deadline(self.left).__enter__()
        return self

    def __exit__(self, kind, *exc) -> None:
        self._deadline.__exit__(kind, *exc)
        self.left -= self._deadline.spent
        if kind is None and self.left < 0:
            raise RuleTimeout  # not stopped (no ticker here): the budget was overrun all the same


class RuleClock:
    """The budget, and the rules found slow in this Cleaner (by qualified name, with the reason)."""

    def __init__(self, limit: float):
        self.limit = limit
        self.disabled: dict[str, str] = {}

    def budget(self, size: int) -> float:
        return self.limit * max(1.0, size / SIZE_UNIT)

    def watch(self, size: int) -> Watch | None:
        return Watch(self.budget(size)) if self.limit > 0 else None

    def found_slow(self, book: RuleBook, doc: Document, round_: int) -> Watch | None:
        """After a document ran past its budget: disable the slow rules; the watch to clean it again with, or
        None to clean it untimed (no rule was to blame, or enough rounds were spent)."""
        clear()
        budget = self.budget(sum(len(b.text) for b in doc.blocks))
        found = find_slow(book, [b.text for b in doc.blocks if b.text.strip()], budget, self.limit)
        self.disabled.update(found)
        if not found or round_ >= MAX_ROUNDS:
            return None
        return Watch(budget)


def find_slow(book: RuleBook, texts: list[str], budget: float, limit: float) -> dict[str, str]:
    """The rules of `book` to blame for the time matching `texts` takes, with the reason."""
    costs, total = _line_costs(book, texts, budget)
    order = sorted(range(len(texts)), key=lambda i: -costs[i])
    suspects: list[int] = []
    covered = 0.0
    for i in order[:MAX_SUSPECTS]:
        if covered >= 0.8 * total or costs[i] <= 0:
            break
        suspects.append(i)
        covered += costs[i]
    lines = [(texts[i], fold(texts[i]), fold_for_match(texts[i])) for i in suspects]
    threshold = max(limit / 10, 0.25 * covered)
    slow: dict[str, str] = {}
    for rule in book.rules:
        probes = _probes(rule, (book.tails if rule.kind == "tail" else book.lines).max_len)
        if not probes:
            continue
        started = time.thread_time()
        try:
            with Deadline(limit):
                for line in lines:
                    for probe in probes:
                        probe(line)
        except RuleTimeout:
            clear()
            slow[rule.qualified] = f"matching one document's lines took more than {limit:g} s"
            continue
        spent = time.thread_time() - started
        if spent >= limit:
            slow[rule.qualified] = f"matching one document's lines took {spent:.2g} s (limit {limit:g} s)"
        elif spent >= threshold:
            slow[rule.qualified] = f"took {spent:.2g} s of the {covered:.2g} s its document's slowest lines took"
    return slow


def _line_costs(book: RuleBook, texts: list[str], budget: float) -> tuple[list[float], float]:
    """What matching each line costs with the combined expressions, as the stages match it; a line still running
    when the budget ends costs infinitely much (and no later line is timed)."""
    costs = [0.0] * len(texts)
    blocks = book.blocks
    clock = time.thread_time
    i = 0
    try:
        with Deadline(budget):
            for i, text in enumerate(texts):
                started = clock()
                try:
                    folded = fold(text)
                    book.lines.match_text(text)
                    if book.tails.rules:
                        book.tails.match_text(text)
                    if book.lines.has_glued:
                        book.lines.match_glued_end(folded)
                        book.lines.match_glued_start(folded)
                    for _rule, _literal, start, end in blocks:
                        start.search(folded)
                        end.search(folded)
                finally:
                    costs[i] = clock() - started
    except RuleTimeout:
        clear()
        if texts:
            costs[i] = math.inf
    return costs, sum(c for c in costs if c != math.inf) + (budget if math.inf in costs else 0.0)


Probe = Callable[[tuple[str, str, str]], object]


def _probes(rule: Rule, max_len: int) -> list[Probe]:
    """The rule's own expressions, matched as the stages match them, each taking (text, folded, folded_for_match).
    `max_len`: the longest line its matcher gives any rule (matcher.py), which its group's widths narrow."""
    flags = re.IGNORECASE
    try:
        if rule.kind == "block":
            start, end = re.compile(rule.pattern, flags), re.compile(rule.end_pattern, flags)
            return [lambda line: start.search(line[1]), lambda line: end.search(line[1])]
        if rule.kind not in ("line", "keep", "tail"):
            return []
        pattern = re.compile(rule.pattern, flags)
    except re.error:
        return []
    parsed = parse(rule.pattern)
    lo, hi = width(parsed) if parsed is not None else (0, 1 << 30)
    longest = max_len or rule.max_len or REGEX_MAX_LEN

    def whole(line: tuple[str, str, str]) -> object:
        n = len(line[2])
        return pattern.fullmatch(line[2]) if lo <= n <= min(hi, longest) else None

    probes: list[Probe] = [whole]
    if rule.glued in ("end", "both"):
        ending = re.compile(f"(?:{rule.pattern}){_TAIL_PUNCT}$", flags)
        probes.append(lambda line: ending.search(line[1], max(0, len(line[1]) - longest)))
    if rule.glued in ("start", "both"):
        probes.append(lambda line: pattern.match(line[1]))
    return probes
