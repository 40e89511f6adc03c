"""A hang detector for tests: fail an operation that runs far beyond any sane time.

This is not a speed check (those live in bench/): the limit is tens of seconds for work that takes milliseconds,
so that a catastrophic regex or an endless loop fails the test with a clear message instead of hanging CI.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

HANG_SECONDS = 30.0


class Hang(AssertionError):
    """The watched operation ran past the limit."""


@contextmanager
def watchdog(seconds: float = HANG_SECONDS, what: str = "cleaning") -> Iterator[None]:
    """Raise `Hang` in the watched block after `seconds`. Needs SIGALRM and the main thread; elsewhere (Windows,
    a worker thread) it watches nothing."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise Hang(f"{what} took more than {seconds:g} s: it hangs")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
