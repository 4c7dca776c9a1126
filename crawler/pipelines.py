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
from crawler.readers import Reader, default_workers
from extractors import EXTRACTOR_VERSION
from extractors.reading import ExtractionFailed, Reading, figures_of_page
from storage import open_database
from storage.changes import detect_for_fetch
from storage.checkpoints import Checkpointer
from storage.errors import storage_problem
from storage.history import (
    document_id_for_hash,
    has_extraction,
    insert_document,
    insert_extraction,
    last_document,
    record_fetch,
)
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
        return pipeline

    def open_spider(self, spider: Any = None) -> None:
        self.reader.open()  # forks its workers: before any thread or database connection of ours
        self.db = open_database(self.db_path)
        # a short busy wait keeps the downloads going while another program writes; store_when_free waits on
        self.db.execute(f"PRAGMA busy_timeout = {int(LOCKED_RETRY_SECONDS * 1000)}")
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
        """Record the fetch; `reading` is the body's, for every answer but an error or a 304."""
        db = self.db
        fetch = {
            "source_id": item.source_id,
            "url": item.url,
            "final_url": item.final_url if item.final_url != item.url else None,  # set only after a redirect
            "started_at": item.started_at,
            "finished_at": item.finished_at,
            "http_status": item.http_status,
            "bytes": len(item.body),
            "etag": item.headers.get("etag"),
            "last_modified": item.headers.get("last-modified"),
        }
        if item.error:
            outcome = Outcome.SKIPPED if item.skipped else Outcome.FAILED
            with db.atomic():
                fetch_id = record_fetch(db, **fetch, outcome=outcome, error=item.error)
                self.detect(fetch_id)
            logger.warning("%s %s: %s", outcome, item.url, item.error)
            return outcome
        if item.http_status == 304:
            return self.store_not_modified(item, fetch)
        content_type = item.headers.get("content-type")
        if reading is None:
            raise ValueError("a readable answer is stored with its reading")
        if reading.page is None:
            with db.atomic():
                fetch_id = record_fetch(db, **fetch, outcome=Outcome.FAILED, error=reading.error)
                self.detect(fetch_id)
            logger.warning("failed %s: %s", item.url, reading.error)
            return Outcome.FAILED
        page, content_hash = reading.page, reading.content_hash
        # Read once, outside the transaction: storing is synchronous, nothing writes between here and there.
        previous = last_document(db, item.source_id, item.url)
        same_text = previous is not None and previous["content_hash"] == content_hash
        figures = reading.figures
        if figures is None and not same_text and not self.extracted(content_hash, item.source_id):
            try:  # read as the known text, which another fetch of the page has replaced since
                figures = figures_of_page(page, **self.hints(item))
            except ExtractionFailed as exc:
                return self.store(item, Reading(page=None, error=str(exc)))
        with db.atomic():
            if same_text:
                fetch_id = record_fetch(db, **fetch, outcome=Outcome.SAME_CONTENT, content_hash=content_hash,
                                        document_id=previous["id"])
                self.detect(fetch_id)
                return Outcome.SAME_CONTENT
            document_id = document_id_for_hash(db, content_hash) or insert_document(
                db,
                content_hash=content_hash,
                url=item.final_url or item.url,
                text=page.text,
                body=item.body,
                title=page.title,
                published=page.published,
                updated=page.updated,
                content_type=content_type,
                encoding=page.encoding,
            )
            fetch_id = record_fetch(db, **fetch, outcome=Outcome.NEW_CONTENT, content_hash=content_hash,
                                    document_id=document_id)
            stored = None
            if not has_extraction(db, document_id, item.source_id, EXTRACTOR_VERSION):
                if figures is None:
                    raise ValueError("a new text is stored with its figures")
                stored = insert_extraction(db, document_id=document_id, source_id=item.source_id,
                                           fetch_id=fetch_id, extractor_version=EXTRACTOR_VERSION, figures=figures)
                self.stats.inc_value("vigicam/figures", len(stored))  # implausible values are not stored
            self.detect(fetch_id, stored)
        return Outcome.NEW_CONTENT

    def extracted(self, content_hash: str, source_id: int) -> bool:
        """Whether this text's figures for this source are stored already, by this extractor version."""
        known = document_id_for_hash(self.db, content_hash)
        return known is not None and has_extraction(self.db, known, source_id, EXTRACTOR_VERSION)

    def store_not_modified(self, item: FetchItem, fetch: dict[str, Any]) -> Outcome:
        """A 304: nothing to read or extract; the fetch points at the document the server says is current."""
        with self.db.atomic():
            previous = last_document(self.db, item.source_id, item.url)
            if previous is None:  # a 304 to a request we made unconditional cannot be trusted
                fetch_id = record_fetch(self.db, **fetch, outcome=Outcome.FAILED,
                                        error="HTTP 304 without a stored version")
            else:
                fetch_id = record_fetch(self.db, **fetch, outcome=Outcome.NOT_MODIFIED,
                                        content_hash=previous["content_hash"], document_id=previous["id"])
            self.detect(fetch_id)
        return Outcome.NOT_MODIFIED if previous is not None else Outcome.FAILED

    def detect(self, fetch_id: int, stored: list[dict[str, Any]] | None = None) -> None:
        """Change detection in the fetch's own transaction: a crash never leaves a fetch without its events.
        Its cost is kept twice: wall-clock, and CPU time of this thread (the wall clock also counts the
        moments the page readers had the core)."""
        started, started_cpu = time.perf_counter(), time.thread_time()
        count = detect_for_fetch(self.db, fetch_id, self.run_id, stored)
        self.stats.inc_value("vigicam/detect_seconds", time.perf_counter() - started, start=0.0)
        self.stats.inc_value("vigicam/detect_cpu_seconds", time.thread_time() - started_cpu, start=0.0)
        self.stats.inc_value("vigicam/events", count)
