"""Reading and extraction off the reactor: worker processes parse pages while Scrapy keeps downloading.

Parsing and extracting a page costs several milliseconds of pure Python; run in the crawl's own
process it stops every download while it lasts. The pipeline awaits a `Reader`; storage stays in the
crawl's process (SQLite has one writer), so a page's fetch and figures are still written in one
transaction.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from crawler.read_budget import DEFAULT_MAX_READ_SECONDS, read_within
from extractors.reading import Reading, warm_up
from extractors.safe_read import read_and_extract_safely

logger = logging.getLogger(__name__)


def default_workers() -> int:
    """One core is the downloader's and the database's; the others read pages (four at most). Where
    processes cannot be forked (Windows), pages are read in the crawl's process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def exit_with_parent(parent_pid: int) -> None:
    """In a worker: exit once the crawl's process is gone. A crawl killed with kill -9 cannot shut its
    pool down, and a worker waiting for pages would otherwise wait for ever."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="vigicam-parent-watch", daemon=True).start()


class Reader:
    """Runs `read_and_extract_safely` (or `function`) in worker processes, or in this process when
    `workers` is 0, each page within `max_seconds` of CPU time (crawler/read_budget.py; 0: no bound)."""

    def __init__(self, workers: int, function: Callable[..., Reading] = read_and_extract_safely,
                 max_seconds: float | None = DEFAULT_MAX_READ_SECONDS) -> None:
        self.workers = workers
        self.function = function
        self.max_seconds = max_seconds
        self.warm = False
        self.pool: ProcessPoolExecutor | None = None

    def open(self) -> None:
        """Start the workers now, before the crawl starts threads. Forked, they start at once with the
        extractors and the gazetteer already loaded, and never run the caller's main module again
        (forkserver and spawn do, which re-runs any script without a __main__ guard)."""
        if self.workers > 0:
            warm_up()
            self.pool = self._new_pool()

    def _new_pool(self, workers: int | None = None) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(workers or self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=exit_with_parent, initargs=(os.getpid(),))
        pool.submit(int).result()  # a fork-context pool forks all its workers at the first call
        return pool

    async def read(self, body: bytes, content_type: str | None, **hints: Any) -> Reading:
        """The page's reading. A worker that dies (a parser crash) takes every page in the pool with it;
        each of those is read again alone, so only the page that kills a worker of its own fails."""
        pool = self.pool
        if pool is None:
            if not self.warm:  # the French model loads at the first page, outside that page's CPU bound
                warm_up()
                self.warm = True
            return read_within(self.function, self.max_seconds, body, content_type, **hints)
        try:
            return await asyncio.wrap_future(pool.submit(read_within, self.function, self.max_seconds, body,
                                                         content_type, **hints))
        except BrokenProcessPool:
            if self.pool is pool:  # the first page to notice replaces the workers
                logger.error("a page reader died; reading goes on with new workers")
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()
            return await self.read_alone(body, content_type, **hints)

    async def read_alone(self, body: bytes, content_type: str | None, **hints: Any) -> Reading:
        """Read a page in a process of its own: if that process dies, this page killed it."""
        pool = self._new_pool(workers=1)
        try:
            return await asyncio.wrap_future(pool.submit(read_within, self.function, self.max_seconds, body,
                                                         content_type, **hints))
        except BrokenProcessPool:
            logger.error("the page reader died on %s", hints.get("source_url") or "a page")
            return Reading(page=None, error="the page reader died on this page (a parser crash)")
        finally:
            pool.shutdown(wait=False)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
