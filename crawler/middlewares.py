"""Downloader middlewares vigicam adds to or fixes in Scrapy's."""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


def host_slot(crawler, request: Request):  # noqa: ANN001, ANN201 - Scrapy's internal Slot type
    """The downloader slot of a request's host, created if needed."""
    downloader = crawler.engine.downloader
    key, slot = downloader._get_slot(request, crawler.spider)  # noqa: SLF001 - no public way to make one
    return slot


class CrawlDelayMixin:
    """Honour robots.txt's Crawl-delay (Scrapy reads it but does not apply it): the host's slot waits
    at least that long between requests, and AutoThrottle is told not to shorten it."""

    def apply_crawl_delay(self, rp: RobotParser, request: Request, useragent: str | bytes) -> None:
        delay = rp.crawl_delay(useragent)
        if not delay:
            return
        delay = min(float(delay), self.crawler.settings.getfloat("VIGICAM_MAX_CRAWL_DELAY"))
        request.meta["autothrottle_dont_adjust_delay"] = True
        slot = host_slot(self.crawler, request)
        slot.jitter = 0  # Scrapy would wait 0.5× to 1.5× the delay: a floor must be a floor
        if slot.delay < delay:
            slot.delay = delay
            self.crawler.stats.set_value(f"vigicam/crawl_delay/{urlparse_cached(request).hostname}", delay)


class RetryAfterMiddleware:
    """429 and 503 slow the host down: its slot waits what Retry-After asks (capped), or doubles."""

    def __init__(self, crawler) -> None:  # noqa: ANN001
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("VIGICAM_MAX_CRAWL_DELAY")

    @classmethod
    def from_crawler(cls, crawler):  # noqa: ANN001, ANN206
        return cls(crawler)

    def process_response(self, request: Request, response, spider=None):  # noqa: ANN001, ANN201
        if response.status in (429, 503):
            header = response.headers.get(b"Retry-After", b"").decode("latin-1").strip()
            slot = host_slot(self.crawler, request)
            wait = float(header) if header.isdigit() else max(1.0, slot.delay * 2)
            slot.delay = max(slot.delay, min(wait, self.cap))
            slot.jitter = 0  # what the server asked, not half of it
            request.meta["autothrottle_dont_adjust_delay"] = True
            self.crawler.stats.inc_value("vigicam/slowed_down")
        return response


class SharedRobotsTxtMiddleware(CrawlDelayMixin, RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, fixed for requests that wait on the same robots.txt.

    Scrapy 2.13+ lets every request to a host await one Deferred; the first awaiting callback
    returns None down the chain, so the second and later requests get no parser and are let
    through (found by tests/test_crawl.py: a disallowed page was fetched when it was not the first
    request to its host). Here a waiter that got None reads the parser the middleware stored.
    """

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        super().process_request_2(rp, request)  # raises IgnoreRequest when disallowed
        if rp is not None:
            agent = self._robotstxt_useragent or request.headers.get(b"User-Agent", self._default_useragent)
            self.apply_crawl_delay(rp, request, agent)

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            parser = None if isinstance(stored, Deferred) else stored
        return parser
