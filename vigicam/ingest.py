"""`vigicam ingest`: the one writer of a distributed crawl, from the results stream into the history.

Results travel in a Redis stream read through a consumer group (XREADGROUP, XACK), not a list: the
stream keeps the workers' order, Redis itself remembers which entries were delivered and not yet
acknowledged (the pending list), so a writer killed mid-batch finds them again when it restarts, with
no processing list of our own to scan and repair; and the append-only file keeps both across a Redis
restart. Each result is stored through storage/fetch_store.py, the local crawl's write path, with
change detection in the same transaction, and its fetch id is recorded in that transaction too
(`ingested_results`): a result delivered twice is written once. An entry is acknowledged (and deleted)
only after its transaction committed.
"""

from __future__ import annotations

import logging
import signal
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
from sqlite_utils import Database

from crawler.frontier import OUTAGE, REJECTED_KEY, RESULTS_KEY, WRITERS_GROUP
from crawler.results import BadResult, Result, decode_result
from storage import open_database
from storage.db import insert_row, utcnow
from storage.fetch_store import FetchStore
from storage.runs import finish_run, start_run
from vigicam.reextract import reextract

logger = logging.getLogger("vigicam.ingest")
BATCH = 100  # entries read at once
BLOCK_MS = 1000  # how long one read waits for new entries (and how soon a stop is noticed)


@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    figures: int = 0
    events: int = 0

    def line(self) -> str:
        counts = ", ".join(f"{n} {o.replace('_', ' ')}" for o, n in sorted(self.outcomes.items()))
        return (f"ingested {self.stored} results ({counts or 'none'}); {self.figures} figures stored, "
                f"{self.events} events; {self.duplicates} already stored, {self.rejected} rejected")


def ensure_group(client: redis.Redis) -> None:
    """The writers' consumer group, from the stream's first entry (created with the stream if need be)."""
    try:
        client.xgroup_create(RESULTS_KEY, WRITERS_GROUP, id="0", mkstream=True)
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def already_ingested(db: Database, fetch_uid: str) -> bool:
    return db.execute("select 1 from ingested_results where fetch_uid = ?", [fetch_uid]).fetchone() is not None


class Ingester:
    def __init__(self, db_path: Path, client: redis.Redis, consumer: str = "writer") -> None:
        self.db_path = db_path
        self.client = client
        self.consumer = consumer
        self.summary = IngestSummary()
        self.stopping = False
        self.db: Database | None = None

    def stop(self, signum: int = 0, frame: object = None) -> None:
        """SIGTERM or SIGINT: finish the entry in hand, then stop (the rest wait in the stream)."""
        self.stopping = True

    def run(self, once: bool = False) -> IngestSummary:
        """Ingest until stopped; with `once`, until nothing is waiting."""
        ensure_group(self.client)
        self.db = open_database(self.db_path)
        try:
            reextract(self.db)  # a new extractor version re-reads stored documents first, as a crawl does
            run_id = start_run(self.db, "ingest")  # not "crawl": `report --last-run` and a crawl tell them apart
            self.store = FetchStore(self.db, run_id)
            self.drain("0")  # what this writer was given and had not acknowledged when it was killed
            retried = OUTAGE.retried
            while not self.stopping:
                if OUTAGE.retried != retried:  # a read retried after Redis was lost: its entries, delivered
                    retried = OUTAGE.retried  # to this writer in a reply that never came, wait as pending
                    self.drain("0")
                if not self.drain(">", block=None if once else BLOCK_MS) and once:
                    break
            finish_run(self.db, run_id, self.summary.stored)
        finally:
            self.db.close()
        return self.summary

    def drain(self, start: str, block: int | None = None) -> int:
        """Read and ingest entries from `start` ('0': pending ones, '>': new ones); returns how many."""
        done = 0
        while not self.stopping:
            reply = self.client.xreadgroup(WRITERS_GROUP, self.consumer, {RESULTS_KEY: start}, count=BATCH,
                                           block=block)
            entries = reply[0][1] if reply else []
            if not entries:
                return done
            for entry_id, entry in entries:
                self.ingest(entry_id, entry)
                done += 1
            if start == ">" and block is not None:
                return done
        return done

    def ingest(self, entry_id: bytes, entry: dict[bytes, bytes]) -> None:
        try:
            result = decode_result(entry.get(b"json", b""))
        except BadResult as exc:
            self.reject(entry_id, entry, str(exc))
            return
        if already_ingested(self.db, result.fetch_uid):
            self.summary.duplicates += 1
        else:
            try:
                self.write(result)
            except sqlite3.IntegrityError as exc:  # a source unknown here: the database refuses it, always
                self.reject(entry_id, entry, f"refused by the database: {exc}")
                return
        self.acknowledge(entry_id)

    def write(self, result: Result) -> None:
        """One result, in one transaction with the mark that it was ingested."""
        def mark(fetch_id: int) -> None:
            insert_row(self.db, "ingested_results", {"fetch_uid": result.fetch_uid, "fetch_id": fetch_id,
                                                     "round": result.round, "ingested_at": utcnow()})

        self.store.on_recorded = mark
        stored = self.store.store(result.item, result.reading, result.hints)
        self.summary.stored += 1
        self.summary.outcomes[stored.outcome.value] = self.summary.outcomes.get(stored.outcome.value, 0) + 1
        self.summary.figures += stored.figures
        self.summary.events += stored.events

    def acknowledge(self, entry_id: bytes) -> None:
        with self.client.pipeline() as pipe:
            pipe.xack(RESULTS_KEY, WRITERS_GROUP, entry_id)
            pipe.xdel(RESULTS_KEY, entry_id)
            pipe.execute()

    def reject(self, entry_id: bytes, entry: dict[bytes, Any], reason: str) -> None:
        """An entry this writer cannot read is kept aside with the reason, never dropped nor retried forever."""
        logger.error("result %s rejected: %s", entry_id.decode(), reason)
        self.client.xadd(REJECTED_KEY, {**entry, b"reason": reason.encode(), b"entry": entry_id})
        self.summary.rejected += 1
        self.acknowledge(entry_id)


def install_signal_handlers(ingester: Ingester) -> None:
    signal.signal(signal.SIGTERM, ingester.stop)
    signal.signal(signal.SIGINT, ingester.stop)
