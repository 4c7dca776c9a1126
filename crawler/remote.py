"""The distributed crawl's worker side: the `pages_remote` spider, its duplicate filter and its pipeline.

A worker takes requests from the shared frontier (scrapy-redis), fetches and reads them as a local crawl
does (the `pages` spider's code, the same readers and extractors), and pushes each fetch's result to
the results stream instead of the database: it never opens SQLite. The writer (`vigicam ingest`)
records the results with the code path of a local crawl.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from dataclasses import fields
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy_redis.dupefilter import RFPDupeFilter
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from crawler.frontier import (
    FOUND_COUNT_KEY,
    FOUND_KEY,
    INFLIGHT_KEY,
    REGISTERED_KEY,
    REQUESTS_KEY,
    RESULTS_KEY,
    ROUND_TTL,
    lasting_client,
)
from crawler.host_scaling import scale_to_hosts
from crawler.items import FetchItem
from crawler.readers import Reader
from crawler.reliable_queue import INFLIGHT_META, RETAKEN_META
from crawler.results import encode_result
from crawler.spiders.pages import PagesSpider
from extractors.reading import Reading

logger = logging.getLogger(__name__)
REGISTERED_CACHE_SECONDS = 60.0
# Claim a found page for a source, for every worker at once: each page once a round, at most ARGV[3] per
# source. The page's claim holds a token: a claim Redis made and could not answer (it died) is ours when
# retried. KEYS: the round's found hash and count hash; ARGV: page, source id, most, ttl, token.
CLAIM_SCRIPT = """
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if holder then return holder == ARGV[5] and 1 or 0 end
if tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0') >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[5])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
"""
# A request's fingerprint, seen once a round, with a token as above. KEYS: the round's hash; ARGV: fp, token, ttl.
SEEN_SCRIPT = """
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if holder then return holder == ARGV[2] and 0 or 1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 0
"""


class RemotePagesSpider(PagesSpider):
    """The `pages` spider fed by the frontier: no database, requests from Redis, idle until told to stop."""

    name = "pages_remote"
    inherited_meta = ("round",)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.redis = lasting_client(crawler.settings.get("REDIS_URL"))
        spider.claim_script = spider.redis.register_script(CLAIM_SCRIPT)
        spider.idle_since = None
        spider.registered_at = 0.0
        spider.frontier_queue = None  # set by crawler.reliable_queue.ReliableQueue when the scheduler opens
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.start_refresh, signal=signals.spider_opened)
        return spider

    def start_refresh(self) -> None:
        """While this worker lives, the requests it holds keep their place; those a dead one held come back."""
        period = max(0.2, self.settings.getfloat("VIGICAM_INFLIGHT_TIMEOUT") / 3)
        self.refresher = LoopingCall(self.refresh)
        self.refresher.start(period, now=False)

    def refresh(self) -> None:
        self.registered_pages()  # each minute: the feeder may have registered pages on other hosts
        if self.frontier_queue is not None:
            self.frontier_queue.refresh()
            self.take_back()

    def take_back(self) -> None:
        """Requests a stopped worker held go back to the frontier (counted: the worker's summary says it)."""
        if self.frontier_queue is not None and (returned := self.frontier_queue.reap()):
            self.crawler.stats.inc_value("vigicam/taken_back", returned)
            self.logger.warning("%d requests held by a stopped worker are back in the frontier", returned)

    async def start(self) -> Any:
        self.registered_pages()  # the global limit scaled to their hosts, before the first request
        return
        yield  # the frontier is fed by `vigicam schedule --redis`, never by the worker

    def on_idle(self) -> None:
        """Wait for work; with VIGICAM_IDLE_EXIT > 0, stop after that many seconds with the frontier empty."""
        limit = self.settings.getfloat("VIGICAM_IDLE_EXIT")
        self.refresh()  # its own first: after a Redis outage this worker's deadlines may have passed
        # requests another worker holds may yet bring links: not idle while there are any
        if self.redis.zcard(REQUESTS_KEY) or self.redis.zcard(INFLIGHT_KEY):
            self.idle_since = None
        else:
            self.idle_since = self.idle_since or time.monotonic()
            if limit > 0 and time.monotonic() - self.idle_since >= limit:
                return
        raise DontCloseSpider

    def registered_pages(self) -> set[str]:
        """Every registered page, as the feeder last wrote them (re-read each minute: a worker lives long).
        The worker's global limit follows their number of hosts, as a local crawl's follows its sources'
        (crawler/host_scaling.py): with Scrapy's 8 slots, 8 requests to one host left the others waiting."""
        if self.registered is None or time.monotonic() - self.registered_at > REGISTERED_CACHE_SECONDS:
            self.registered = {url.decode() for url in self.redis.smembers(REGISTERED_KEY)}
            self.registered_at = time.monotonic()
            scale_to_hosts(self.crawler, self.registered)
        return self.registered

    def claim(self, source_id: int, href: str, parent: dict[str, Any]) -> bool:
        if parent.get(RETAKEN_META):  # see crawler/reliable_queue.py
            return True
        round_id = parent.get("round") or "none"
        keys = [FOUND_KEY.format(round=round_id), FOUND_COUNT_KEY.format(round=round_id)]
        most = self.settings.getint("VIGICAM_FOLLOW_MAX_PAGES")
        return bool(self.claim_script(keys=keys, args=[href, source_id, most, ROUND_TTL, uuid.uuid4().hex]))

    def parse_page(self, response: Response) -> Iterator[FetchItem | Any]:
        """The page's links first, then its result: sending the result lets go of the request (ResultPipeline
        below), so a worker killed in between leaves the request to be taken back, links and all."""
        outputs = list(super().parse_page(response))
        yield from (output for output in outputs if not isinstance(output, FetchItem))
        yield from (output for output in outputs if isinstance(output, FetchItem))

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        yield from super().parse_sitemap(response)
        self.finished(response.meta)

    def sitemap_missing(self, failure: Failure) -> None:
        super().sitemap_missing(failure)
        self.finished(failure.request.meta)  # type: ignore[attr-defined]

    def finished(self, meta: dict[str, Any]) -> None:
        """A request that sends no result (a sitemap) is done once read: no longer held in flight."""
        if (token := meta.pop(INFLIGHT_META, None)) is not None:
            self.redis.zrem(INFLIGHT_KEY, token)
            self.release(token)

    def release(self, token: bytes | None) -> None:
        if self.frontier_queue is not None:
            self.frontier_queue.release(token)

    def fetch_item(self, response: Response) -> FetchItem:
        return RemoteFetch.of(super().fetch_item(response), response.meta)

    def on_error(self, failure: Failure) -> Any:
        meta = failure.request.meta  # type: ignore[attr-defined]
        for item in super().on_error(failure):
            yield RemoteFetch.of(item, meta)


class RemoteFetch(FetchItem):
    """A FetchItem with what the worker must know without a database: the round and the place hints."""

    round: str | None = None
    place_hint: str | None = None
    place_kind: str | None = None
    inflight: bytes | None = None  # the frontier's hold on the request (crawler/reliable_queue.py)

    @classmethod
    def of(cls, item: FetchItem, meta: dict[str, Any]) -> RemoteFetch:
        remote = cls(**{f.name: getattr(item, f.name) for f in fields(FetchItem)})
        remote.round = meta.get("round")
        remote.place_hint, remote.place_kind = meta.get("place_hint"), meta.get("place_kind")
        remote.inflight = meta.get(INFLIGHT_META)
        return remote


class RoundDupeFilter(RFPDupeFilter):
    """scrapy-redis's filter, per round: a page is fetched once a round, and again the next round. Each
    round's fingerprints are a set of their own, dropped a week after the round's last request."""

    def request_seen(self, request: Any) -> bool:
        if not hasattr(self, "seen_script"):
            self.seen_script = self.server.register_script(SEEN_SCRIPT)
        key = f"{self.key}:{request.meta.get('round', '')}"
        return bool(self.seen_script(keys=[key], args=[self.request_fingerprint(request), uuid.uuid4().hex,
                                                       ROUND_TTL]))


class ResultPipeline:
    """Reads each fetched page here (the CPU-heavy part, on the worker) and pushes the result to Redis."""

    def __init__(self, redis_url: str, stats: Any, workers: int, crawler: Crawler | None = None) -> None:
        self.redis = lasting_client(redis_url)
        self.stats = stats
        self.reader = Reader(workers)
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.settings.get("REDIS_URL"), crawler.stats,
                   crawler.settings.getint("VIGICAM_READ_WORKERS"), crawler)

    def open_spider(self, spider: Any = None) -> None:
        self.reader.open()

    def close_spider(self, spider: Any = None) -> None:
        self.reader.close()

    async def process_item(self, item: RemoteFetch, spider: Any = None) -> RemoteFetch:
        hints = {"place_hint": item.place_hint, "place_kind": item.place_kind,
                 "source_url": item.final_url or item.url}
        reading: Reading | None = None
        if not item.error and item.http_status != 304:
            reading = await self.reader.read(item.body, item.headers.get("content-type"), **hints)
        with self.redis.pipeline() as pipe:  # the result is sent and the request let go, or neither
            pipe.xadd(RESULTS_KEY, {"json": encode_result(item, reading, hints, item.round)})
            if item.inflight is not None:
                pipe.zrem(INFLIGHT_KEY, item.inflight)
            pipe.execute()
        if self.crawler is not None and isinstance(self.crawler.spider, RemotePagesSpider):
            self.crawler.spider.release(item.inflight)  # sent: this worker no longer holds it
        self.stats.inc_value("vigicam/results_sent")
        return item
