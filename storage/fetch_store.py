"""One fetch's reading into the history: the single write path of a local crawl and of `vigicam ingest`.

A fetch becomes a `fetches` row, a document when its text is new for the page, the figures of that text,
and the change events they make, all in one transaction: a crash leaves the whole fetch or none of it.
The crawl's pipeline and the distributed writer both call `FetchStore.store`, so a page crawled by
workers on other machines is recorded exactly as one crawled here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlite_utils import Database

from extractors import EXTRACTOR_VERSION
from extractors.reading import ExtractionFailed, Reading, figures_of_page
from storage.changes import detect_for_fetch
from storage.history import (
    document_id_for_hash,
    has_extraction,
    insert_document,
    insert_extraction,
    last_document,
    record_fetch,
)
from storage.vocab import Outcome

logger = logging.getLogger(__name__)


class FetchLike(Protocol):
    """What is stored of one fetch attempt (crawler.items.FetchItem)."""

    source_id: int
    url: str
    started_at: str
    finished_at: str
    final_url: str | None
    http_status: int | None
    body: bytes
    headers: dict[str, str]
    error: str | None
    skipped: bool


@dataclass
class Stored:
    """What storing one fetch did: its outcome, figures stored, events made and change detection's cost."""

    outcome: Outcome
    fetch_id: int | None = None
    figures: int = 0
    events: int = 0
    detect_seconds: float = 0.0
    detect_cpu_seconds: float = 0.0


class FetchStore:
    """Records fetches into `db`. `on_recorded(fetch_id)` runs inside each fetch's transaction (the
    distributed writer marks the result ingested there, so a result is never written twice)."""

    def __init__(self, db: Database, run_id: int | None = None,
                 on_recorded: Callable[[int], None] | None = None) -> None:
        self.db = db
        self.run_id = run_id
        self.on_recorded = on_recorded

    def store(self, item: FetchLike, reading: Reading | None, hints: dict[str, Any]) -> Stored:
        """Record the fetch; `reading` is the body's, for every answer but an error or a 304; `hints` are
        the extractors' (place_hint, place_kind, source_url), used when the reading skipped extraction."""
        db = self.db
        fetch = fetch_row(item)
        if item.error:
            outcome = Outcome.SKIPPED if item.skipped else Outcome.FAILED
            logger.warning("%s %s: %s", outcome, item.url, item.error)
            return self.record(Stored(outcome), fetch, error=item.error)
        if item.http_status == 304:
            return self.store_not_modified(item, fetch)
        if reading is None:
            raise ValueError("a readable answer is stored with its reading")
        if reading.page is None:
            logger.warning("failed %s: %s", item.url, reading.error)
            return self.record(Stored(Outcome.FAILED), fetch, error=reading.error)
        page, content_hash = reading.page, reading.content_hash
        # Read once, outside the transaction: storing is synchronous, nothing writes between here and there.
        previous = last_document(db, item.source_id, item.url)
        if previous is not None and previous["content_hash"] == content_hash:
            return self.record(Stored(Outcome.SAME_CONTENT), fetch, content_hash=content_hash,
                               document_id=previous["id"])
        figures = reading.figures
        if figures is None and not self.extracted(content_hash, item.source_id):
            try:  # read as the known text, which another fetch of the page has replaced since
                figures = figures_of_page(page, **hints)
            except ExtractionFailed as exc:
                return self.store(item, Reading(page=None, error=str(exc)), hints)
        return self.store_new(item, page, content_hash, figures, fetch)

    def store_new(self, item: FetchLike, page: Any, content_hash: str, figures: list | None,
                  fetch: dict[str, Any]) -> Stored:
        """A text new for this page: its document (unless another page holds it), its figures, its events."""
        db = self.db
        with db.atomic():
            document_id = document_id_for_hash(db, content_hash) or insert_document(
                db, content_hash=content_hash, url=item.final_url or item.url, text=page.text, body=item.body,
                title=page.title, published=page.published, updated=page.updated,
                content_type=item.headers.get("content-type"), encoding=page.encoding)
            fetch_id = record_fetch(db, **fetch, outcome=Outcome.NEW_CONTENT, content_hash=content_hash,
                                    document_id=document_id)
            stored = None
            if not has_extraction(db, document_id, item.source_id, EXTRACTOR_VERSION):
                if figures is None:
                    raise ValueError("a new text is stored with its figures")
                stored = insert_extraction(db, document_id=document_id, source_id=item.source_id,
                                           fetch_id=fetch_id, extractor_version=EXTRACTOR_VERSION, figures=figures)
            result = Stored(Outcome.NEW_CONTENT, fetch_id, figures=len(stored or []))
            self.finish(result, stored)
        return result

    def record(self, result: Stored, fetch: dict[str, Any], **columns: Any) -> Stored:
        """A fetch that adds no document: its row and its events, in one transaction."""
        with self.db.atomic():
            result.fetch_id = record_fetch(self.db, **fetch, outcome=result.outcome, **columns)
            self.finish(result)
        return result

    def extracted(self, content_hash: str, source_id: int) -> bool:
        """Whether this text's figures for this source are stored already, by this extractor version."""
        known = document_id_for_hash(self.db, content_hash)
        return known is not None and has_extraction(self.db, known, source_id, EXTRACTOR_VERSION)

    def store_not_modified(self, item: FetchLike, fetch: dict[str, Any]) -> Stored:
        """A 304: nothing to read or extract; the fetch points at the document the server says is current."""
        previous = last_document(self.db, item.source_id, item.url)
        if previous is None:  # a 304 to a request we made unconditional cannot be trusted
            return self.record(Stored(Outcome.FAILED), fetch, error="HTTP 304 without a stored version")
        return self.record(Stored(Outcome.NOT_MODIFIED), fetch, content_hash=previous["content_hash"],
                           document_id=previous["id"])

    def finish(self, result: Stored, stored: list[dict[str, Any]] | None = None) -> None:
        """Change detection in the fetch's own transaction: a crash never leaves a fetch without its events.
        Its cost is kept twice: wall-clock, and CPU time of this thread (the wall clock also counts the
        moments the page readers had the core)."""
        started, started_cpu = time.perf_counter(), time.thread_time()
        result.events = detect_for_fetch(self.db, result.fetch_id, self.run_id, stored)
        result.detect_seconds = time.perf_counter() - started
        result.detect_cpu_seconds = time.thread_time() - started_cpu
        if self.on_recorded is not None:
            self.on_recorded(result.fetch_id)


def fetch_row(item: FetchLike) -> dict[str, Any]:
    """The `fetches` columns an attempt fills whatever its outcome."""
    return {
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
