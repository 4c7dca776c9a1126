"""Pipelines: a fetched page becomes a recorded fetch, a document when its text is new, and figures.

Every attempt gets a `fetches` row, in one transaction with whatever it adds, so a crash leaves
either the whole fetch or none of it.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from crawler.items import FetchItem
from crawler.read_budget import DEFAULT_MAX_READ_SECONDS
from crawler.readers import Reader, default_workers
from extractors.reading import Reading
from storage import open_database
from storage.checkpoints import Checkpointer
from storage.errors import storage_problem
from storage.fetch_store import FetchStore
from storage.history import last_document
from storage.sources import Source, get_source
from storage.vocab import Outcome

logger = logging.getLogger(__name__)
FATAL_STAT = "vigicam/fatal"  # set when the crawl had to stop; the CLI reports it and exits non-zero
DEFAULT_LOCKED_WAIT = 120.0  # seconds of a write lock held by another program before the crawl stops
LOCKED_RETRY_SECONDS = 0.5


class StorePipeline:
    """Records each FetchItem; reads, stores and extracts only text never seen for its source."""

    def __init__(self, db_path: str, stats: Any, run_id: int | None = None, crawler: Crawler | None = None,
                 workers: int = 0) -> None:
        self.db_path = db_path
        self.stats = stats
        self.run_id = run_id
        self.crawler = crawler
        self.db = None
        self.reader = Reader(workers)
        self.sources: dict[int, Source] = {}  # read once a crawl: nothing changes a source during it
        self.locked_wait = DEFAULT_LOCKED_WAIT
        self.locked_since: float | None = None  # when the database was first found locked, in a row

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        run_id = crawler.settings.getint("VIGICAM_RUN_ID") or None
        workers = crawler.settings.get("VIGICAM_READ_WORKERS")
        workers = default_workers() if workers is None else int(workers)
        pipeline = cls(crawler.settings.get("VIGICAM_DB"), crawler.stats, run_id, crawler, workers)
        pipeline.locked_wait = crawler.settings.getfloat("VIGICAM_DB_LOCKED_WAIT", DEFAULT_LOCKED_WAIT)
        pipeline.reader.max_seconds = crawler.settings.getfloat("VIGICAM_MAX_READ_SECONDS", DEFAULT_MAX_READ_SECONDS)
        return pipeline

    def open_spider(self, spider: Any = None) -> None:
        self.reader.open()  # forks its workers: before any thread or database connection of ours
        self.db = open_database(self.db_path)
        # a short busy wait keeps the downloads going while another program writes; store_when_free waits on
        self.db.execute(f"PRAGMA busy_timeout = {int(LOCKED_RETRY_SECONDS * 1000)}")
        self.fetch_store = FetchStore(self.db, self.run_id)
        self.checkpointer = Checkpointer(self.db, self.db_path)
        self.checkpointer.start()

    def close_spider(self, spider: Any = None) -> None:
        self.reader.close()
        if self.db is not None:
            self.checkpointer.stop()
            self.db.close()

    async def process_item(self, item: FetchItem, spider: Any = None) -> FetchItem:
        if self.stats.get_value(FATAL_STAT):
            raise DropItem(f"not stored: {self.stats.get_value(FATAL_STAT)}")
        reading = await self.read(item) if self.wants_reading(item) else None
        if self.stats.get_value(FATAL_STAT):  # the database filled up while this page was read
            raise DropItem(f"not stored: {self.stats.get_value(FATAL_STAT)}")
        outcome = await self.store_when_free(item, reading)
        self.stats.inc_value(f"vigicam/outcome/{outcome}")
        return item

    async def store_when_free(self, item: FetchItem, reading: Reading | None) -> Outcome:
        """Store the fetch. While another program holds the database's write lock, wait and try again,
        up to VIGICAM_DB_LOCKED_WAIT seconds of lock in a row; past that, or when the database is full or
        damaged, stop the crawl: every fetch stored is whole, and the pages not stored are still due."""
        while True:
            try:
                outcome = self.store(item, reading)
                self.locked_since = None
                return outcome
            except sqlite3.DatabaseError as exc:
                locked = "locked" in str(exc) or "busy" in str(exc)
                if not locked and not isinstance(exc, sqlite3.OperationalError) and "malformed" not in str(exc):
                    raise  # a bug, not the storage: Scrapy logs it and the crawl goes on
                self.locked_since = self.locked_since or time.monotonic()
                if not locked or time.monotonic() - self.locked_since >= self.locked_wait:
                    self.stop(self.stop_reason(exc, locked))
                    raise DropItem(f"not stored: {exc}") from exc
            self.stats.inc_value("vigicam/db_locked_retries")
            await asyncio.sleep(LOCKED_RETRY_SECONDS)

    def stop_reason(self, exc: sqlite3.Error, locked: bool) -> str:
        if locked:
            return (f"the database stayed locked by another program for {self.locked_wait:g} s "
                    "(VIGICAM_DB_LOCKED_WAIT); the crawl stopped: the pages read so far are recorded, the others "
                    "are still due")
        if "full" in str(exc):
            return f"the database is full ({exc}); the crawl stopped, nothing was half-written"
        return f"{storage_problem(exc, self.db_path)}; the crawl stopped, nothing was half-written"

    def stop(self, reason: str) -> None:
        """A database that cannot take another fetch (full, damaged, locked for too long): stop the crawl
        instead of failing page after page."""
        logger.error(reason)
        self.stats.set_value(FATAL_STAT, reason)
        if self.crawler is not None and self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="database_unusable"))

    def source(self, source_id: int) -> Source:
        if source_id not in self.sources:
            self.sources[source_id] = get_source(self.db, source_id)
        return self.sources[source_id]

    @staticmethod
    def wants_reading(item: FetchItem) -> bool:
        return not item.error and item.http_status != 304

    async def read(self, item: FetchItem) -> Reading:
        """Parse and extract in a worker; told the page's last text, it skips the extraction of an
        unchanged page."""
        previous = last_document(self.db, item.source_id, item.url)
        return await self.reader.read(item.body, item.headers.get("content-type"),
                                      known_hash=previous["content_hash"] if previous else None, **self.hints(item))

    def hints(self, item: FetchItem) -> dict[str, Any]:
        """What the extractors are told of a page: its address, and the source's place and kind only for
        the page the source was registered by. A page found by following is placed by its own text,
        title and host, never by the place of the source that found it."""
        source = self.source(item.source_id)
        own = item.url == source.url
        return {"place_hint": source.place if own else None, "place_kind": source.kind if own else None,
                "source_url": item.final_url or item.url}

    def store(self, item: FetchItem, reading: Reading | None) -> Outcome:
        """Record the fetch through storage's one write path (storage/fetch_store.py); count what it did."""
        stored = self.fetch_store.store(item, reading, self.hints(item))
        self.stats.inc_value("vigicam/figures", stored.figures)  # implausible values are not stored
        self.stats.inc_value("vigicam/detect_seconds", stored.detect_seconds, start=0.0)
        self.stats.inc_value("vigicam/detect_cpu_seconds", stored.detect_cpu_seconds, start=0.0)
        self.stats.inc_value("vigicam/events", stored.events)
        return stored.outcome
