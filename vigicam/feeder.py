"""`vigicam schedule --redis`: the scheduler hands due sources to the shared frontier instead of crawling.

Each tick, the due sources not already handed out become a batch (a round, storage/batches.py) whose
requests are pushed to the frontier the workers share (scrapy-redis's queue, JSON); a batch is settled,
and its sources planned one interval later, only when the writer has ingested their registered pages'
results, or after --crawl-timeout (the sources not reached then stay due and are handed out again).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import redis
from scrapy.settings import Settings
from scrapy_redis.queue import PriorityQueue

from crawler import redis_json
from crawler import settings as default_settings
from crawler.frontier import REGISTERED_KEY, REQUESTS_KEY, ROUNDS_KEY
from crawler.remote import RemotePagesSpider
from scheduler import Scheduler, iso, parse_iso
from storage import open_database
from storage.batches import Batch, adopt_sources, fetched_rows, open_due_batch_not_handed, unsettled_batches
from storage.sources import get_source, list_sources

logger = logging.getLogger("vigicam.schedule")


def hand_out(db_path: Path, client: redis.Redis, batch_id: int, full_fetch_every: int | None = None) -> int:
    """Push the batch's requests to the frontier, in its order, and the registered pages for the workers'
    link filter; returns how many requests."""
    spider = RemotePagesSpider()
    spider.settings = Settings()
    spider.settings.setmodule(default_settings)
    spider.settings.setdict({"VIGICAM_DB": str(db_path), "VIGICAM_BATCH": batch_id})
    if full_fetch_every:  # the settings file's [crawl] full_fetch_every, as a local crawl reads it
        spider.settings.set("VIGICAM_UNCONDITIONAL_EVERY", full_fetch_every)
    queue = PriorityQueue(server=client, spider=spider, key=REQUESTS_KEY, serializer=redis_json)
    db = open_database(db_path)
    try:
        registered = [source.url for source in list_sources(db, enabled_only=True)]
        pushed = 0
        for position, (source_id, url, headers, follow) in enumerate(spider.sources()):
            source = get_source(db, source_id)
            meta = {"round": str(batch_id), "place_hint": source.place, "place_kind": source.kind}
            for request in spider.source_requests(position, source_id, url, headers, follow, meta):
                queue.push(request)
                pushed += 1
    finally:
        db.close()
    with client.pipeline() as pipe:  # one transaction: a worker never sees the set half-written
        pipe.delete(REGISTERED_KEY)
        if registered:
            pipe.sadd(REGISTERED_KEY, *registered)
        pipe.hset(ROUNDS_KEY, str(batch_id), iso(dt.datetime.now(dt.UTC)))
        pipe.execute()
    return pushed


class FrontierScheduler(Scheduler):
    """The scheduler's loop and planning; its 'crawl' is a hand-out to the frontier (see module doc)."""

    client: redis.Redis | None = None
    full_fetch_every: int | None = None

    def job(self) -> None:
        """One tick; never raises (an exception escaping a job would stop the loop). A Redis lost is waited
        for inside the calls (the client is crawler.frontier.lasting_client): the tick ends once it is back."""
        try:
            self.settle_ingested()
            if self.stopping or (batch := self.next_batch()) is None:
                return
            pushed = hand_out(self.options.db_path, self.client, batch.id, self.full_fetch_every)
            self.runs += 1
            logger.info("%d sources handed to the frontier (round %d, %d requests)", batch.sources, batch.id, pushed)
        except Exception:  # noqa: BLE001 - the loop must survive anything one job does
            logger.exception("scheduled job failed; the loop goes on")

    def hand_out_again(self, handed: set[int]) -> None:
        """A batch read from the database and still open, but not among the rounds handed out: its hand-out
        was cut short (the scheduler stopped or killed while it waited for Redis, or Redis lost its data).
        Its sources would never be due again (they belong to an open batch): handed out now, same round."""
        db = open_database(self.options.db_path)
        try:
            cut_short = [batch_id for batch_id in unsettled_batches(db) if batch_id not in handed]
        finally:
            db.close()
        for batch_id in cut_short:
            pushed = hand_out(self.options.db_path, self.client, batch_id, self.full_fetch_every)
            logger.info("round %d, open but not in the frontier (its hand-out cut short, or Redis restarted "
                        "without its data), handed out again (%d requests)", batch_id, pushed)

    def next_batch(self) -> Batch | None:
        db = open_database(self.options.db_path)
        try:
            adopt_sources(db, everything=not self.adopted)
            self.adopted = True
            return open_due_batch_not_handed(db, iso(self.now()), self.options.batch_size)
        finally:
            db.close()

    def settle_ingested(self) -> None:
        """Settle each round whose registered pages are all ingested, or that is older than the limit."""
        handed = self.client.hgetall(ROUNDS_KEY)
        self.hand_out_again({int(key) for key in handed})
        db = open_database(self.options.db_path)
        try:
            rounds = {}
            for key, handed_at in handed.items():
                row = db.execute("select sources, finished_at from crawl_batches where id = ?", [int(key)]).fetchone()
                if row is not None and row[1] is None:
                    rounds[int(key)] = (row[0], len(fetched_rows(db, int(key))), parse_iso(handed_at.decode()))
                else:
                    self.client.hdel(ROUNDS_KEY, key)
        finally:
            db.close()
        for batch_id, (sources, ingested, handed_at) in rounds.items():
            late = (self.now() - handed_at).total_seconds() > self.options.crawl_timeout
            if ingested >= sources or late:
                self.settle(batch_id, "ok" if ingested >= sources else "killed",
                            None if ingested >= sources else "results not all ingested within --crawl-timeout")
                self.client.hdel(ROUNDS_KEY, str(batch_id))
                logger.info("round %d: %d of %d sources ingested and planned", batch_id, ingested, sources)
