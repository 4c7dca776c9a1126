"""Downloader middlewares vigicam adds to or fixes in Scrapy's."""

from __future__ import annotations

import datetime as dt
import logging
import re
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS_RE = re.compile(r"[0-9]+")  # ASCII digits only: str.isdigit() accepts "²"


def host_slot(crawler, request: Request):  # noqa: ANN001, ANN201 - Scrapy's internal Slot type
    """The downloader slot of a request's host, created if needed."""
    downloader = crawler.engine.downloader
    key, slot = downloader._get_slot(request)  # noqa: SLF001 - no public way to make one
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


def retry_after_seconds(value: str, now: dt.datetime | None = None) -> float | None:
    """Retry-After's seconds, or its HTTP date as seconds from now; None for anything else ('²', '-1',
    a broken date), which the caller replaces by a default: a bad header never loses the answer."""
    value = value.strip()
    if RETRY_AFTER_SECONDS_RE.fullmatch(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class RetryAfterMiddleware:
    """429 and 503 slow the host down: its slot waits what Retry-After asks (capped), or doubles.

    What a host's slowing down costs a crawl is bounded too (VIGICAM_MAX_WAIT_PER_HOST): each answer
    from a slowed host counts the wait it cost. When the next would pass the bound, the crawl gives the
    host up: no more retries (the answer is recorded with its status), its queued pages go at the normal
    pace, and those not yet asked are recorded as failed with the reason, to be asked at the next crawl."""

    def __init__(self, crawler) -> None:  # noqa: ANN001
        self.crawler = crawler
        self.cap = crawler.settings.getfloat("VIGICAM_MAX_CRAWL_DELAY")
        self.budget = crawler.settings.getfloat("VIGICAM_MAX_WAIT_PER_HOST")
        self.delays: dict[str, float] = {}  # host → the wait a Retry-After set on its slot
        self.waited: dict[str, float] = {}  # host → seconds its answers waited because of it
        self.given_up: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):  # noqa: ANN001, ANN206
        return cls(crawler)

    def process_request(self, request: Request, spider=None) -> None:  # noqa: ANN001
        host = urlparse_cached(request).hostname or ""
        if host in self.given_up:
            raise IgnoreRequest(f"{host} asked to slow down (Retry-After) and made this crawl wait "
                                f"{self.waited[host]:.0f} s, the most one host may ({self.budget:.0f} s): "
                                "asked again at the next crawl")

    def process_response(self, request: Request, response, spider=None):  # noqa: ANN001, ANN201
        host = urlparse_cached(request).hostname or ""
        if host in self.delays:
            self.waited[host] = self.waited.get(host, 0.0) + self.delays[host]
        if response.status in (429, 503):
            self.slow_down(host, request, response.headers.get(b"Retry-After", b"").decode("latin-1"))
        if host in self.given_up:
            request.meta["dont_retry"] = True
        elif host in self.delays and self.waited.get(host, 0.0) + self.delays[host] > self.budget:
            self.give_up(host, request)
        return response

    def slow_down(self, host: str, request: Request, retry_after: str) -> None:
        slot = host_slot(self.crawler, request)
        asked = retry_after_seconds(retry_after)
        wait = min(asked if asked is not None else max(1.0, slot.delay * 2), self.cap)
        if host not in self.given_up:
            slot.delay = max(slot.delay, wait)
            slot.jitter = 0  # what the server asked, not half of it
            self.delays[host] = slot.delay
        request.meta["autothrottle_dont_adjust_delay"] = True
        self.crawler.stats.inc_value("vigicam/slowed_down")

    def give_up(self, host: str, request: Request) -> None:
        """The host has cost its share of the crawl: what is queued for it goes now, nothing more is asked."""
        self.given_up.add(host)
        self.delays.pop(host, None)  # what is queued goes now: it waits no more
        request.meta["dont_retry"] = True
        host_slot(self.crawler, request).delay = self.crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.crawler.stats.inc_value("vigicam/hosts_given_up")
        logger.warning("%s: Retry-After waits reached %.0f s this crawl; its other pages wait for the next",
                       host, self.waited.get(host, 0.0))


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
