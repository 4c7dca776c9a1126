"""The crawl's name resolver: Scrapy's, with every answer checked by the AddressPolicy before Twisted
connects to it.

Every connection Scrapy makes (pages, redirects, followed links, sitemaps, robots.txt, PDFs) asks the
reactor's name resolver for addresses, IP literals included, and connects to what it answers. Dropping a
refused address there means it is never connected to, whatever spelling or DNS trick led to it. Twisted
then fails the request with a DNSLookupError; `refusal_for` gives the spider the real reason to record.
"""

from __future__ import annotations

from typing import Any, Self
from urllib.parse import urlsplit

from scrapy.resolver import CachingThreadedResolver
from scrapy.settings import BaseSettings
from twisted.internet.interfaces import IAddress, IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer

from crawler.addresses import AddressPolicy
from crawler.frontier import registered_in, stderr_line
from crawler.resolve_override import Overrides, answer, overrides_from
from storage import open_database
from storage.sources import list_sources


def registered_urls(db_path: str) -> list[str]:
    """Every registered source's URL: a local one is reachable as registered."""
    db = open_database(db_path)
    try:
        return [source.url for source in list_sources(db)]
    finally:
        db.close()


def registered_sources(settings: BaseSettings) -> list[str]:
    """The registered pages, reachable whatever their address. A distributed worker has no database: the
    feeder hands it the registered pages (vigicam/worker.py); a worker Scrapyd starts knows only its
    frontier here, as its spider makes its settings a worker's later (crawler/spiders/shared_frontier.py)."""
    if settings.getbool("VIGICAM_REMOTE"):
        return settings.getlist("VIGICAM_REGISTERED_URLS")
    if settings.get("VIGICAM_REDIS"):
        return registered_in(settings.get("VIGICAM_REDIS"), stderr_line)
    return registered_urls(settings.get("VIGICAM_DB"))


@implementer(IHostnameResolver)
class GuardedResolver:
    """Installed through TWISTED_DNS_RESOLVER; wraps the resolver Scrapy would have installed."""

    def __init__(self, reactor: Any, inner: CachingThreadedResolver, policy: AddressPolicy,
                 overrides: Overrides | None = None) -> None:
        self.reactor = reactor
        self.inner = inner  # Scrapy's, which caches answers (DNSCACHE_ENABLED, DNSCACHE_SIZE)
        self.policy = policy
        self.overrides = overrides or {}  # (host, port) → the address the user named (VIGICAM_RESOLVE)
        self.wrapped: IHostnameResolver | None = None
        self.refusals: dict[tuple[str, int], str] = {}  # (host, port) → why, for the failed fetch's error

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> Self:
        """`crawler` is the CrawlerProcess here (Scrapy builds resolvers before any crawler): settings only."""
        settings = crawler.settings
        policy = AddressPolicy.for_sources(registered_sources(settings), settings.getlist("VIGICAM_ALLOWED_NETWORKS"))
        return cls(reactor, CachingThreadedResolver.from_crawler(crawler, reactor), policy,
                   overrides_from(settings.getlist("VIGICAM_RESOLVE")))

    def install_on_reactor(self) -> None:
        self.inner.install_on_reactor()
        self.wrapped = self.reactor.nameResolver
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver: IResolutionReceiver, hostName: str,  # noqa: N802, N803
                        portNumber: int = 0, addressTypes: Any = None,  # noqa: N803
                        transportSemantics: str = "TCP") -> IHostResolution:  # noqa: N803
        named = self.overrides.get(endpoint_key(hostName, portNumber))
        if named is not None:  # the user's own answer (curl's --resolve): no DNS, no policy
            return answer(resolutionReceiver, hostName, named, portNumber)
        checked = CheckedReceiver(resolutionReceiver, self, hostName, portNumber)
        assert self.wrapped is not None, "install_on_reactor first"
        return self.wrapped.resolveHostName(checked, hostName, portNumber, addressTypes, transportSemantics)


@implementer(IResolutionReceiver)
class CheckedReceiver:
    """Passes on the addresses the policy accepts; remembers why the others were refused."""

    def __init__(self, receiver: IResolutionReceiver, guard: GuardedResolver, host: str, port: int) -> None:
        self.receiver, self.guard, self.host, self.port = receiver, guard, host, port
        self.accepted = 0
        self.refused: str | None = None

    def resolutionBegan(self, resolutionInProgress: IHostResolution) -> None:  # noqa: N802, N803
        self.receiver.resolutionBegan(resolutionInProgress)

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802
        reason = self.guard.policy.refusal(self.host, self.port, address.host)  # type: ignore[attr-defined]
        if reason is None:
            self.accepted += 1
            self.receiver.addressResolved(address)
        else:
            self.refused = reason

    def resolutionComplete(self) -> None:  # noqa: N802
        if self.refused and not self.accepted:
            self.guard.refusals[endpoint_key(self.host, self.port)] = self.refused
        self.receiver.resolutionComplete()


def endpoint_key(host: str, port: int) -> tuple[str, int]:
    return host.strip("[]").lower(), port


def refusal_for(url: str) -> str | None:
    """Why the crawl's resolver refused to connect to the URL's host, if it did."""
    from twisted.internet import reactor

    guard = reactor.nameResolver  # type: ignore[attr-defined]
    try:
        parts = urlsplit(url)
        key = endpoint_key(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
    except ValueError:
        return None
    return guard.refusals.get(key) if isinstance(guard, GuardedResolver) else None
