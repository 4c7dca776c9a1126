"""Crawl progress for people at a terminal; silent when output goes to a file or a pipe.

Only Scrapy's public surface is read: signals (`spider_opened`, `item_scraped`, `item_dropped`,
`item_error`, `spider_closed`) and stats (`scheduler/enqueued`, `scheduler/dequeued`, our own
`vigicam/outcome/*`), so that a Scrapy release that renames its internals cannot blank the line
(2.19 renamed the engine's private `slot`, and the old line vanished without a word).
"""

from __future__ import annotations

import signal
import sys
from typing import Any, Self

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class ProgressExtension:
    """One live line on stderr: pages done, queued, failed, and the time the crawl has taken."""

    def __init__(self, crawler: Crawler, console: Console) -> None:
        self.stats = crawler.stats
        self.done = 0  # pages whose item was stored, dropped or failed in a pipeline
        self.stopping = False  # a first Ctrl-C or SIGTERM was received
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                                 console=console, transient=False)
        self.task = self.progress.add_task(self.line(), total=None)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("VIGICAM_PROGRESS") or not sys.stderr.isatty():
            raise NotConfigured
        ext = cls(crawler, Console(stderr=True))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        for done in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(ext.page_done, signal=done)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def line(self) -> str:
        value = self.stats.get_value
        queued = max(0, value("scheduler/enqueued", 0) - value("scheduler/dequeued", 0))
        line = f"{self.done} pages done, {queued} queued, {value('vigicam/outcome/failed', 0)} failed"
        if self.stopping:
            return f"stopping after the pages in flight (Ctrl-C again to stop at once): {line}"
        return f"crawling: {line}"

    def spider_opened(self, spider: Any = None) -> None:
        self.progress.start()
        for signum in (signal.SIGINT, signal.SIGTERM):  # Scrapy's handlers are installed by now
            self.chain(signum, signal.getsignal(signum))

    def chain(self, signum: int, scrapy_handler: Any) -> None:
        """Say at once that a first Ctrl-C is heard: Scrapy then waits for the pages in flight, which a
        slow server can make last its whole timeout, and says so only in its log."""
        if not callable(scrapy_handler):
            return

        def first(number: int, frame: Any) -> None:
            self.stopping = True
            self.progress.update(self.task, description=self.line())
            scrapy_handler(number, frame)  # installs Scrapy's second handler, which stops the reactor at once
            kill = signal.getsignal(number)
            if callable(kill):
                signal.signal(number, lambda n, f: (self.progress.stop(), kill(n, f)))

        signal.signal(signum, first)

    def page_done(self, *args: Any, **kwargs: Any) -> None:
        self.done += 1
        self.progress.update(self.task, description=self.line())

    def spider_closed(self, spider: Any = None, reason: str = "") -> None:
        self.progress.update(self.task, description=self.line())
        self.progress.stop()
