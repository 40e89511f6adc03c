"""The per-record time limit: worker processes say when they start and finish each record; the parent kills a worker
whose record runs past the limit, and the pool's recovery reports that record as failed and goes on.

A stuck record may be inside C code that no signal interrupts (lxml's parser and XPath; Python's `re` does check for
signals, which `rules/clock.py` relies on), so the limit cannot be enforced inside the worker; killing the process is
the one sure way. Each worker owns one slot of a shared array: its process
id and the monotonic time its current record started (0 when idle). CLOCK_MONOTONIC is system-wide on Linux, so
the parent reads the workers' times directly.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any

SLOTS = 1024  # workers ever started in one run (restarts included) share these, round robin

_slot: tuple[Any, int] | None = None  # (the shared array, this worker's slot), in worker processes only


class Watch:
    """The parent's side: the shared slots, and which workers it stopped."""

    def __init__(self, context, limit: float):
        self.limit = limit
        self.slots = context.Array("d", 2 * SLOTS, lock=False)  # pid, start time; a torn read only delays a kill
        self.counter = context.Value("i", 0)
        self.killed: set[int] = set()

    def initargs(self) -> tuple:
        return (self.slots, self.counter)

    def overdue(self) -> list[int]:
        """Kill the workers whose record has run past the limit; their process ids."""
        now = time.monotonic()
        found = []
        for i in range(SLOTS):
            started = self.slots[2 * i + 1]
            if started and now - started > self.limit:
                pid = int(self.slots[2 * i])
                self.slots[2 * i + 1] = 0.0
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    continue
                self.killed.add(pid)
                found.append(pid)
        return found

    def clear(self) -> None:
        for i in range(2 * SLOTS):
            self.slots[i] = 0.0


def join(slots, counter) -> None:
    """In a new worker process: take a slot."""
    global _slot
    with counter.get_lock():
        index = counter.value % SLOTS
        counter.value += 1
    slots[2 * index] = float(os.getpid())
    slots[2 * index + 1] = 0.0
    _slot = (slots, index)


def record_started() -> None:
    if _slot is not None:
        slots, index = _slot
        slots[2 * index + 1] = time.monotonic()


def record_done() -> None:
    if _slot is not None:
        slots, index = _slot
        slots[2 * index + 1] = 0.0


def in_process() -> None:
    """Forget an inherited slot (a forked process that is not a worker)."""
    global _slot
    _slot = None
