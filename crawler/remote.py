"""The distributed crawl's worker side: the `pages_remote` spider, its duplicate filter and its pipeline.

A worker takes requests from the shared frontier (scrapy-redis), fetches and reads them as a local crawl
does (the `pages` spider's code, the same readers and extractors), and pushes each fetch's result to
the results stream instead of the database: it never opens SQLite. The writer (`vigicam ingest`)
records the results with the code path of a local crawl.
"""

from __future__ import annotations

import logging
import time
from dataclasses import fields
from typing import Any, Self

import redis
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy_redis.dupefilter import RFPDupeFilter
from twisted.python.failure import Failure

from crawler.frontier import FOUND_COUNT_KEY, FOUND_KEY, REGISTERED_KEY, REQUESTS_KEY, RESULTS_KEY, ROUND_TTL
from crawler.items import FetchItem
from crawler.readers import Reader
from crawler.results import encode_result
from crawler.spiders.pages import PagesSpider
from extractors.reading import Reading

logger = logging.getLogger(__name__)
REGISTERED_CACHE_SECONDS = 60.0
# Claim a found page for a source, for every worker at once: each page once a round, at most ARGV[3] per
# source. KEYS: the round's found set and count hash; ARGV: page, source id, most, ttl.
CLAIM_SCRIPT = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
if tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0') >= tonumber(ARGV[3]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
"""


class RemotePagesSpider(PagesSpider):
    """The `pages` spider fed by the frontier: no database, requests from Redis, idle until told to stop."""

    name = "pages_remote"
    inherited_meta = ("round",)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.redis = redis.Redis.from_url(crawler.settings.get("REDIS_URL"))
        spider.claim_script = spider.redis.register_script(CLAIM_SCRIPT)
        spider.idle_since = None
        spider.registered_at = 0.0
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> Any:
        return
        yield  # the frontier is fed by `vigicam schedule --redis`, never by the worker

    def on_idle(self) -> None:
        """Wait for work; with VIGICAM_IDLE_EXIT > 0, stop after that many seconds with the frontier empty."""
        limit = self.settings.getfloat("VIGICAM_IDLE_EXIT")
        if self.redis.zcard(REQUESTS_KEY):
            self.idle_since = None
        else:
            self.idle_since = self.idle_since or time.monotonic()
            if limit > 0 and time.monotonic() - self.idle_since >= limit:
                return
        raise DontCloseSpider

    def registered_pages(self) -> set[str]:
        """Every registered page, as the feeder last wrote them (re-read each minute: a worker lives long)."""
        if self.registered is None or time.monotonic() - self.registered_at > REGISTERED_CACHE_SECONDS:
            self.registered = {url.decode() for url in self.redis.smembers(REGISTERED_KEY)}
            self.registered_at = time.monotonic()
        return self.registered

    def claim(self, source_id: int, href: str, parent: dict[str, Any]) -> bool:
        round_id = parent.get("round") or "none"
        keys = [FOUND_KEY.format(round=round_id), FOUND_COUNT_KEY.format(round=round_id)]
        most = self.settings.getint("VIGICAM_FOLLOW_MAX_PAGES")
        return bool(self.claim_script(keys=keys, args=[href, source_id, most, ROUND_TTL]))

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

    @classmethod
    def of(cls, item: FetchItem, meta: dict[str, Any]) -> RemoteFetch:
        remote = cls(**{f.name: getattr(item, f.name) for f in fields(FetchItem)})
        remote.round = meta.get("round")
        remote.place_hint, remote.place_kind = meta.get("place_hint"), meta.get("place_kind")
        return remote


class RoundDupeFilter(RFPDupeFilter):
    """scrapy-redis's filter, per round: a page is fetched once a round, and again the next round."""

    def request_fingerprint(self, request: Any) -> str:
        return f"{request.meta.get('round', '')}:{super().request_fingerprint(request)}"


class ResultPipeline:
    """Reads each fetched page here (the CPU-heavy part, on the worker) and pushes the result to Redis."""

    def __init__(self, redis_url: str, stats: Any, workers: int) -> None:
        self.redis = redis.Redis.from_url(redis_url)
        self.stats = stats
        self.reader = Reader(workers)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.settings.get("REDIS_URL"), crawler.stats,
                   crawler.settings.getint("VIGICAM_READ_WORKERS"))

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
        self.redis.xadd(RESULTS_KEY, {"json": encode_result(item, reading, hints, item.round)})
        self.stats.inc_value("vigicam/results_sent")
        return item
