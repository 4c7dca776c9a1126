"""A host that keeps timing out is given up as a whole for the crawl.

Each timeout costs DOWNLOAD_TIMEOUT seconds and Scrapy retries it twice: a dead commune server with 30
pages queued would hold the crawl for 30 × 3 × 30 s. After VIGICAM_HOST_TIMEOUTS timeouts in one crawl
(robots.txt included), on at least two of its addresses, no more of the host's requests are sent or
retried: those queued and those still to come are failed fetches with the reason, asked again at the
next crawl. One slow page, however often it is retried, does not condemn its host's other pages.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import TCPTimedOutError
from twisted.internet.error import TimeoutError as ConnectTimeoutError
from twisted.python.failure import Failure

logger = logging.getLogger(__name__)
TIMEOUTS = (DownloadTimeoutError, ConnectTimeoutError, TCPTimedOutError)


class HostTimeoutsMiddleware:
    """Counts timeouts per host; past the limit, drops the host's queued and later requests."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.limit = crawler.settings.getint("VIGICAM_HOST_TIMEOUTS")
        self.timeouts: dict[str, int] = {}
        self.timed_out_urls: dict[str, set[str]] = {}  # host → the addresses that timed out
        self.given_up: dict[str, int] = {}  # host → its timeouts when it was given up

    @classmethod
    def from_crawler(cls, crawler: Any) -> HostTimeoutsMiddleware:
        return cls(crawler)

    def reason(self, host: str) -> str:
        return (f"{host} timed out {self.given_up[host]} times this crawl (the most one host may, "
                "VIGICAM_HOST_TIMEOUTS): given up, asked again at the next crawl")

    def process_request(self, request: Request, spider: Any = None) -> None:
        host = urlparse_cached(request).hostname or ""
        if host in self.given_up:
            raise IgnoreRequest(self.reason(host))

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        """Before RetryMiddleware (a higher number): the timeout that reaches the limit is not retried."""
        if self.limit <= 0 or not isinstance(exception, TIMEOUTS):
            return
        host = urlparse_cached(request).hostname or ""
        self.timeouts[host] = self.timeouts.get(host, 0) + 1
        self.timed_out_urls.setdefault(host, set()).add(request.url)
        if host in self.given_up or self.timeouts[host] < self.limit or len(self.timed_out_urls[host]) < 2:
            return
        self.give_up(host, request)
        raise IgnoreRequest(f"{exception.__class__.__name__}: {exception}; {self.reason(host)}")

    def give_up(self, host: str, request: Request) -> None:
        """The host's requests already waiting in its download slot fail now, with the reason."""
        self.given_up[host] = self.timeouts[host]
        self.crawler.stats.inc_value("vigicam/hosts_timed_out")
        logger.warning("%s: %d timeouts this crawl; its other pages wait for the next", host, self.timeouts[host])
        downloader = self.crawler.engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        while slot is not None and slot.queue:
            _, waiting = slot.queue.popleft()
            waiting.errback(Failure(IgnoreRequest(self.reason(host))))
