"""A page's reading bounded in CPU time: past the bound the page is a failed reading with its reason.

Reading is linear in a page's length, but a page can still be made to cost minutes (issue 22: one sentence
of 40,000 dates took 98 s, and the 2 M-character limit allowed ~3,000 s). Under `vigicam schedule` such a page
ran until the crawl's own timeout killed it: no `fetches` row, no failure, no back-off, and every page queued
behind it waited. An interval timer on the process's CPU time (ITIMER_PROF: user and system, so a loaded
machine does not shorten it) raises in the reading thread at the bound; the reading stops there and the page
becomes a `failed` fetch, backed off like any other. Python code, spaCy and the `re` engine check signals as
they run; a single call into C that never returns to Python (none is known in the readers) would not be cut.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import Any

from extractors.reading import Reading

DEFAULT_MAX_READ_SECONDS = 20.0  # [crawl] max_read_seconds in the settings file; VIGICAM_MAX_READ_SECONDS


class ReadingTooLong(BaseException):
    """Raised by the timer in the reading thread. A BaseException, so that the readers' own `except
    Exception` (which turns a parser's error into 'unreadable page') lets it through to `read_within`."""


def too_long(max_seconds: float) -> str:
    """The reason recorded in `fetches.error`."""
    return f"reading took more than {max_seconds:g} s of CPU (max_read_seconds)"


def _expire(signum: int, frame: Any) -> None:
    raise ReadingTooLong


def read_within(function: Callable[..., Reading], max_seconds: float | None, body: bytes,
                content_type: str | None, **hints: Any) -> Reading:
    """`function(body, content_type, **hints)`, stopped after `max_seconds` of this process's CPU time (a
    page reader's, or the crawl's own with --workers 0). No bound when `max_seconds` is 0 or None, or off
    the main thread (only it can take a signal)."""
    if not max_seconds or threading.current_thread() is not threading.main_thread():
        return function(body, content_type, **hints)
    previous = signal.signal(signal.SIGPROF, _expire)
    try:
        try:
            signal.setitimer(signal.ITIMER_PROF, max_seconds)
            return function(body, content_type, **hints)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except ReadingTooLong:  # also when the bound fell between the reading's end and the timer's stop
        return Reading(page=None, error=too_long(max_seconds))
    finally:
        signal.signal(signal.SIGPROF, previous)
