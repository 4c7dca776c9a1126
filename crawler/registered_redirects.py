"""A redirect to another registered page is not followed: that page is fetched once a crawl, as its own source.

A registered source that now redirects to a page registered as another source (an old address kept
beside its new one) made the crawl fetch that page twice, and report its events twice: once under each
source. Here the redirect is not followed: the source's fetch is recorded as skipped, with where it
redirects (`final_url`, so `vigicam status` says "now redirects to …: update the source?"), and the page
is fetched and reported once, by its own source, on its own schedule.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from w3lib.url import safe_url_string

from storage.urls import canonical_url

REDIRECT_STATUSES = (301, 302, 303, 307, 308)


class RedirectsToRegisteredPage(IgnoreRequest):
    """The request redirects to another registered page: a skipped fetch (not a failure), whose
    `response` carries the status and the page it redirects to."""

    def __init__(self, target: str, response: Response) -> None:
        super().__init__(f"redirects to {target}, registered as a source of its own: fetched once a crawl, "
                         "as that source")
        self.response = response.replace(url=target)


class RegisteredRedirectMiddleware:
    """Before Scrapy's RedirectMiddleware (600) sees a redirect, stop those that lead to another
    registered page (the spider's `registered_pages()`, canonical URLs of the enabled sources)."""

    def __init__(self, crawler) -> None:  # noqa: ANN001
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):  # noqa: ANN001, ANN206
        return cls(crawler)

    def process_response(self, request: Request, response: Response, spider=None) -> Response:  # noqa: ANN001
        location = response.headers.get(b"Location")
        registered = getattr(self.crawler.spider, "registered_pages", None)
        if response.status not in REDIRECT_STATUSES or not location or registered is None or (
                "source_url" not in request.meta):
            return response
        target = canonical_url(urljoin(request.url, safe_url_string(location.decode("latin-1"))))
        if target != canonical_url(request.meta["source_url"]) and target in registered():
            self.crawler.stats.inc_value("vigicam/redirects_to_registered_pages")
            raise RedirectsToRegisteredPage(target, response)
        return response
