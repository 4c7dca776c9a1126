"""Downloader middlewares vigicam adds to or fixes in Scrapy's."""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, fixed for requests that wait on the same robots.txt.

    Scrapy 2.13+ lets every request to a host await one Deferred; the first awaiting callback
    returns None down the chain, so the second and later requests get no parser and are let
    through (found by tests/test_crawl.py: a disallowed page was fetched when it was not the first
    request to its host). Here a waiter that got None reads the parser the middleware stored.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            parser = None if isinstance(stored, Deferred) else stored
        return parser
