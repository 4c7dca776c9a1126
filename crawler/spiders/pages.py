"""The `pages` spider: fetches exactly the registered URLs, one item per attempt."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.internet.error import DNSLookupError
from twisted.python.failure import Failure

from crawler.host_scaling import scale_to_hosts
from crawler.items import FetchItem
from crawler.registered_redirects import RedirectsToRegisteredPage
from crawler.resolver import refusal_for
from storage import open_database, utcnow
from storage.batches import batch_sources
from storage.history import validators
from storage.sources import list_sources
from storage.urls import canonical_url
from storage.validators import distrusted


def describe_failure(failure: Failure) -> str:
    """One line a user can read: the exception's class and message, no traceback."""
    exc = failure.value
    request = getattr(failure, "request", None)
    refused = isinstance(exc, (DNSLookupError, CannotResolveHostError)) and request and refusal_for(request.url)
    if refused:
        return refused
    message = str(exc).strip() or exc.__class__.__name__
    response = getattr(exc, "response", None)
    if isinstance(exc, HttpError) and response is not None and 300 <= response.status < 400:
        location = response.headers.get("Location", b"").decode("latin-1")
        return f"redirect refused (http and https only, or no Location): {location[:200]!r}"
    if isinstance(exc, IgnoreRequest):
        return f"ignored: {message}"
    return f"{exc.__class__.__name__}: {message}"[:500]


def is_skipped(failure: Failure) -> bool:
    """Skipped means we chose not to ask (robots.txt) or not to follow (a redirect to another registered
    page, fetched as its own source); a server's refusal or a bad answer is a failure."""
    return isinstance(failure.value, RedirectsToRegisteredPage) or (
        isinstance(failure.value, IgnoreRequest) and "robots.txt" in str(failure.value))


HANDLED_STATUSES = [304, *range(400, 600)]
PDF_RE = re.compile(r"\.pdf(?:$|[?#])", re.IGNORECASE)
# Where figures also appear: council minutes and municipal magazines, usually PDFs.
MINUTES_RE = re.compile(r"conseil[- _]municipal|d[ée]lib[ée]ration|compte[- _]rendu|proc[èe]s[- _]verbal|"
                        r"magazine|bulletin|journal[- _]municipal", re.IGNORECASE)
# What a followed link's address or text must speak of.
FOLLOW_RE = re.compile(r"vid[ée]o-?(?:protection|surveillance)|cam[ée]ras?|supervision|police[- _]municipale|"
                       r"s[ée]curit[ée]|tranquillit[ée]", re.IGNORECASE)


class PagesSpider(scrapy.Spider):
    name = "pages"
    # meta keys a found page's request (a link, a sitemap) keeps from the page it was found on
    inherited_meta: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.followed: set[str] = set()
        self.followed_count: dict[int, int] = {}
        self.registered: set[str] | None = None  # canonical URLs of the registered pages
        self.sitemaps_read: dict[int, int] = {}

    def sources(self) -> list[tuple[int, str, dict[str, str], bool]]:
        """The batch's sources in its order (the most overdue first), else the URLs named, else all."""
        db = open_database(self.settings.get("VIGICAM_DB"))
        try:
            wanted = set(self.settings.getlist("VIGICAM_SOURCE_URLS"))
            batch = self.settings.getint("VIGICAM_BATCH")
            listed = batch_sources(db, batch) if batch else [
                s for s in list_sources(db, enabled_only=not wanted) if not wanted or s.url in wanted]
            # A followed source's page is asked in full: a 304 has no links, and the pages found
            # from it would not be visited again.
            return [(s.id, s.url, {} if s.follow else self.conditional_headers(
                validators(db, s.id, s.url), distrusted(db, s.id)), s.follow) for s in listed]
        finally:
            db.close()

    def conditional_headers(self, last: dict, distrusted: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
        """If-None-Match / If-Modified-Since with the server's own values (never our clock), unless the
        last full answer is older than VIGICAM_UNCONDITIONAL_EVERY: servers that answer 304 wrongly
        cannot hide a change for longer than that. A validator that once hid a change (`distrusted`, see
        storage/validators.py) is not sent: with none left, the page is fetched in full."""
        last = {key: value for key, value in (last or {}).items() if key not in distrusted}
        if not (last.get("etag") or last.get("last_modified")):
            return {}
        full_at = dt.datetime.fromisoformat(last["started_at"].replace("Z", "+00:00"))
        max_age = self.settings.getint("VIGICAM_UNCONDITIONAL_EVERY")
        if (dt.datetime.now(dt.UTC) - full_at).total_seconds() > max_age:
            return {}
        headers = {}
        if last.get("etag"):
            headers["If-None-Match"] = last["etag"]
        if last.get("last_modified"):
            headers["If-Modified-Since"] = last["last_modified"]
        return headers

    async def start(self) -> Any:
        for item in self.start_requests():
            yield item

    def start_requests(self) -> Iterator[scrapy.Request]:
        sources = self.sources()
        scale_to_hosts(self.crawler, [url for _, url, _, _ in sources])
        for position, (source_id, url, headers, follow) in enumerate(sources):
            yield from self.source_requests(position, source_id, url, headers, follow)

    def source_requests(self, position: int, source_id: int, url: str, headers: dict[str, str], follow: bool,
                        meta: dict[str, Any] | None = None) -> Iterator[scrapy.Request]:
        """A registered page's request (and its site's sitemap, when followed); `meta` adds keys (the
        distributed frontier's round and place hints)."""
        meta = meta or {}
        yield scrapy.Request(
            url,
            headers=headers,
            priority=-position,  # in the batch's order: what a crawl cut short left due goes first
            callback=self.parse_page,
            errback=self.on_error,
            dont_filter=True,
            meta={**meta, "source_id": source_id, "source_url": url, "started_at": utcnow(), "follow": follow,
                  # error pages reach the spider (recorded as failures); redirects are still followed
                  "handle_httpstatus_list": HANDLED_STATUSES},
        )
        if follow:
            yield self.sitemap_request(source_id, url, parent=meta)

    def parse_page(self, response: Response) -> Iterator[FetchItem | scrapy.Request]:
        yield self.fetch_item(response)
        if response.meta.get("follow") and response.status == 200:
            yield from self.follow_links(response)

    def follow_links(self, response: Response) -> Iterator[scrapy.Request]:
        """A source added with --follow: same-site links whose address or text speaks of surveillance,
        bounded by DEPTH_LIMIT and VIGICAM_FOLLOW_MAX_PAGES per source."""
        if not isinstance(response, HtmlResponse):
            return
        source_id = response.meta["source_id"]
        host = urlsplit(response.meta["source_url"]).hostname
        for link in response.css("a[href]"):
            href = response.urljoin(link.attrib.get("href", ""))
            text = " ".join(link.css("::text").getall())
            words = FOLLOW_RE.search(f"{href} {text}") or (
                PDF_RE.search(href) and MINUTES_RE.search(f"{href} {text}"))
            if words and (request := self.follow(source_id, host, href, response.meta)):
                yield request

    def follow(self, source_id: int, host: str | None, href: str, parent: dict[str, Any]) -> scrapy.Request | None:
        """A request for a found page of a followed source: same host, http(s), at most
        VIGICAM_FOLLOW_MAX_PAGES per source and crawl, each page (by its canonical URL) once a crawl
        whichever sources find it. A registered page is never another source's found page: it is
        fetched, and its events reported, once, as its own source."""
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or parts.hostname != host:
            return None
        href = canonical_url(href)
        if href in self.registered_pages() or not self.claim(source_id, href, parent):
            return None
        return scrapy.Request(href, callback=self.parse_page, errback=self.on_error,
                              meta={**self.inherited(parent), "source_id": source_id, "source_url": href,
                                    "started_at": utcnow(), "follow": True,
                                    "handle_httpstatus_list": HANDLED_STATUSES})

    def claim(self, source_id: int, href: str, parent: dict[str, Any]) -> bool:
        """Whether this crawl fetches a found page for this source: each page once a crawl, at most
        VIGICAM_FOLLOW_MAX_PAGES per source (crawler/remote.py keeps the count in Redis, for all workers)."""
        if href in self.followed or self.followed_count.get(
                source_id, 0) >= self.settings.getint("VIGICAM_FOLLOW_MAX_PAGES"):
            return False
        self.followed.add(href)
        self.followed_count[source_id] = self.followed_count.get(source_id, 0) + 1
        return True

    def inherited(self, parent: dict[str, Any] | None) -> dict[str, Any]:
        return {key: parent[key] for key in self.inherited_meta if parent and key in parent}

    def registered_pages(self) -> set[str]:
        """The pages of all enabled sources, read once a crawl; those this crawl leaves out too, as they
        are fetched on their own schedule."""
        if self.registered is None:
            db = open_database(self.settings.get("VIGICAM_DB"))
            try:
                self.registered = {source.url for source in list_sources(db, enabled_only=True)}
            finally:
                db.close()
        return self.registered

    def sitemap_request(self, source_id: int, source_url: str, url: str | None = None,
                        parent: dict[str, Any] | None = None) -> scrapy.Request:
        parts = urlsplit(source_url)
        return scrapy.Request(url or f"{parts.scheme}://{parts.netloc}/sitemap.xml", callback=self.parse_sitemap,
                              errback=self.sitemap_missing, dont_filter=False,
                              meta={**self.inherited(parent), "source_id": source_id, "source_url": source_url})

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """sitemap.xml of a followed source: its pages that speak of surveillance join the source (an
        index's child sitemaps are read too, at most VIGICAM_SITEMAPS_MAX per source)."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            except (OSError, ValueError):
                return
        try:
            sitemap = Sitemap(body)
        except Exception:  # noqa: BLE001 - lxml raises several kinds on a broken sitemap; it is only a hint
            self.logger.info("unreadable sitemap %s", response.url)
            return
        source_id, source_url = response.meta["source_id"], response.meta["source_url"]
        host = urlsplit(source_url).hostname
        for entry in sitemap:
            loc = entry.get("loc", "")
            if sitemap.type == "sitemapindex":
                read = self.sitemaps_read.get(source_id, 0)
                if read < self.settings.getint("VIGICAM_SITEMAPS_MAX") and urlsplit(loc).hostname == host:
                    self.sitemaps_read[source_id] = read + 1
                    yield self.sitemap_request(source_id, source_url, loc, response.meta)
            elif FOLLOW_RE.search(loc) and (request := self.follow(source_id, host, loc, response.meta)):
                yield request

    def sitemap_missing(self, failure: Failure) -> None:
        """Most small sites have no sitemap: not a failure of the source, so not recorded as one."""
        self.logger.debug("no sitemap: %s", failure.value)

    def fetch_item(self, response: Response) -> FetchItem:
        meta = response.meta
        headers = {k.decode("latin-1").lower(): b", ".join(v).decode("latin-1")
                   for k, v in response.headers.items()}
        ok = 200 <= response.status < 300 or response.status == 304
        error = None if ok else f"HTTP {response.status}"
        return FetchItem(
            source_id=meta["source_id"],
            url=meta["source_url"],
            started_at=meta["started_at"],
            finished_at=utcnow(),
            final_url=response.url,
            http_status=response.status,
            body=response.body if error is None else b"",
            headers=headers,
            error=error,
        )

    def on_error(self, failure: Failure) -> Iterator[FetchItem]:
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        response = getattr(failure.value, "response", None)
        yield FetchItem(
            source_id=meta["source_id"],
            url=meta["source_url"],
            started_at=meta["started_at"],
            finished_at=utcnow(),
            final_url=response.url if response is not None else None,
            http_status=response.status if response is not None else None,
            error=describe_failure(failure),
            skipped=is_skipped(failure),
        )
