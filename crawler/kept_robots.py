"""robots.txt kept between crawls (storage/robots_cache.py): a host whose robots.txt was read less than
VIGICAM_ROBOTSTXT_KEEP_SECONDS ago (a day; less if its Cache-Control says so) is not asked again, and its
first page does not wait for it. New answers are written once, when the crawl closes: a crawl's reactor
never waits on the database for them (a crawl killed before loses them, and asks again next time)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler

from crawler.middlewares import SharedRobotsTxtMiddleware
from crawler.robots import ROBOTSTXT_MAX_BYTES, robots_head
from storage import open_database
from storage.robots_cache import RobotsAnswer, expiry, fresh_robots, keep_robots

logger = logging.getLogger(__name__)
KEEP_SECONDS = 86_400.0  # Google keeps a robots.txt up to a day


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


class KeptRobotsTxtMiddleware(SharedRobotsTxtMiddleware):
    """SharedRobotsTxtMiddleware that reads a host's robots.txt from the database while it is fresh."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.keep_seconds = crawler.settings.getfloat("VIGICAM_ROBOTSTXT_KEEP_SECONDS", KEEP_SECONDS)
        self.limit = crawler.settings.getint("VIGICAM_ROBOTSTXT_MAX_BYTES", ROBOTSTXT_MAX_BYTES)
        path = crawler.settings.get("VIGICAM_DB")
        # a distributed worker has no database (VIGICAM_REMOTE): it asks every host, as crawls used to
        local = path and Path(path).is_file() and not crawler.settings.getbool("VIGICAM_REMOTE")
        self.db = open_database(path) if local and self.keep_seconds > 0 else None
        self.answers: dict[str, RobotsAnswer] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers and self.db is not None:
            body = fresh_robots(self.db, netloc)
            if body is not None:
                self._parsers[netloc] = build_from_crawler(self._parserimpl, self.crawler, body)
                self._stats.inc_value("vigicam/robotstxt_kept")
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status < 500:  # a server error says nothing of the rules: asked again next crawl
            now = dt.datetime.now(dt.UTC)
            header = response.headers.get(b"Cache-Control")
            until = expiry(now, header.decode("latin-1") if header else None, self.keep_seconds)
            if until > now:
                self.answers[netloc] = RobotsAnswer(netloc, response.status, robots_head(response.body, self.limit),
                                                    _iso(now), _iso(until))
        await super()._parse_robots(response, netloc, request)

    def spider_closed(self) -> None:
        if self.db is None:
            return
        try:
            if self.answers:
                keep_robots(self.db, list(self.answers.values()))
        except Exception as exc:  # noqa: BLE001 - a cache: losing it costs requests, never the crawl
            logger.warning("robots.txt answers not kept for the next crawl: %s", exc)
        finally:
            self.db.close()
