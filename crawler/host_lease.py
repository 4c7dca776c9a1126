"""Politeness across machines: one request in flight per host, whichever worker sends it.

Scrapy's per-host slot (CONCURRENT_REQUESTS_PER_DOMAIN = 1, DOWNLOAD_DELAY) holds inside one process
only; two workers would each send one. Before a request leaves, its worker takes the host's lease in
Redis (SET NX with an expiry, so a killed worker's lease lapses); when the answer (or the error) comes
back, the lease is kept for the host's delay and then lapses, so the next request, from any worker,
waits that delay too.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

from crawler.frontier import LEASE_KEY, lasting_client
from crawler.middlewares import host_slot
from storage.db import utcnow

POLL_SECONDS = 0.02
LEASE_MARGIN_SECONDS = 2.0  # a lease outlives the download timeout by this much (a killed worker's lapses then)
# Keep the lease for the host's delay (or drop it), only if it is still ours. KEYS: lease; ARGV: token, ms.
RELEASE_SCRIPT = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) else redis.call('DEL', KEYS[1]) end
return 1
"""
# Take the lease if free, or if it is ours already (taken when Redis died before answering, and retried).
# KEYS: lease; ARGV: token, ms.
TAKE_SCRIPT = """
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return 1 end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
"""


class HostLeaseMiddleware:
    """Downloader middleware, last before the download: take the host's lease, hand it back after."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.redis = lasting_client(crawler.settings.get("REDIS_URL"))
        self.release_script = self.redis.register_script(RELEASE_SCRIPT)
        self.take_script = self.redis.register_script(TAKE_SCRIPT)
        self.ttl_ms = int((crawler.settings.getfloat("DOWNLOAD_TIMEOUT") + LEASE_MARGIN_SECONDS) * 1000)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        key = LEASE_KEY.format(host=urlparse_cached(request).hostname or "")
        token = uuid.uuid4().hex
        waited = False
        while not self.take_script(keys=[key], args=[token, self.ttl_ms]):
            waited = True
            await asyncio.sleep(POLL_SECONDS)
        if waited:
            self.crawler.stats.inc_value("vigicam/lease_waits")
        request.meta["vigicam_lease"] = [key, token]
        if "source_id" in request.meta:  # the attempt starts now, not when the request was queued
            request.meta["started_at"] = utcnow()

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        self.release(request)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        self.release(request)

    def release(self, request: Request) -> None:
        lease = request.meta.pop("vigicam_lease", None)
        if lease is not None:
            delay_ms = int(host_slot(self.crawler, request).delay * 1000)
            self.release_script(keys=[lease[0]], args=[lease[1], delay_ms])
