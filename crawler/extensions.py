"""Crawl progress for people at a terminal; silent when output goes to a file or a pipe."""

from __future__ import annotations

import sys
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class ProgressExtension:
    """One refreshed line on stderr: pages done, queued, failed."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("VIGICAM_PROGRESS") or not sys.stderr.isatty():
            raise NotConfigured
        ext = cls(crawler)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        done = self.stats.get_value("item_scraped_count", 0)
        failed = self.stats.get_value("vigicam/outcome/failed", 0)
        engine = self.crawler.engine
        queued = len(engine.slot.scheduler) if engine and engine.slot and engine.slot.scheduler else 0
        sys.stderr.write(f"\rpages done {done}, queued {queued}, failed {failed}   ")
        sys.stderr.flush()

    def spider_closed(self, spider: Any = None) -> None:
        sys.stderr.write("\n")
