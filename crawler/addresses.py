"""Which addresses a crawl may connect to: public ones, a registered local source's own, and ranges the
user allows.

A page can redirect or link anywhere. Without this, a `302 Location: http://169.254.169.254/…` would read
a cloud's metadata into the database, and Datasette would serve it (server-side request forgery). The
check is made on the address a name resolved to, when the connection is about to be made, so neither
another spelling of an address (`2852039166`, `[::ffff:169.254.169.254]`) nor a name that resolves
differently the second time (DNS rebinding) gets through.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Why an address is not public, in the order they are told: 169.254.169.254 is link-local before private.
KINDS = ("loopback", "link_local", "multicast", "unspecified", "private", "reserved")
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # an IPv4 address behind a NAT64 gateway
# Names that always mean this machine (RFC 6761): a source registered under one is a local site.
LOCAL_NAMES = ("localhost",)


def embedded_ipv4(address: Address) -> Address:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64), which is where it really leads."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped or address.sixtofour:
            return address.ipv4_mapped or address.sixtofour  # type: ignore[return-value]
        if address in NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def address_kind(address: Address) -> str | None:
    """Why `address` is not a public one ('loopback', 'private', 'link-local'…), or None if it is."""
    address = embedded_ipv4(address)
    for kind in KINDS:
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if address.is_global else "non-public"  # e.g. 100.64.0.0/10, carrier-grade NAT


def parse_networks(texts: Iterable[str]) -> tuple[Network, ...]:
    """'10.0.0.0/8', '192.168.1.20' → networks; ValueError names the one that is not."""
    networks = []
    for text in texts:
        try:
            networks.append(ipaddress.ip_network(text.strip(), strict=False))
        except ValueError as exc:
            raise ValueError(f"not an address or a network: {text!r} (e.g. 10.0.0.0/8)") from exc
    return tuple(networks)


def local_endpoint(url: str) -> tuple[str, int] | None:
    """(host, port) of a URL whose host is an IP address or `localhost`, i.e. a site that says where it
    is; None for a name (it could resolve anywhere tomorrow) and for a malformed URL."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").strip("[]"), parts.port
    except ValueError:
        return None
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return host, port or (443 if parts.scheme == "https" else 80)
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    return host, port or (443 if parts.scheme == "https" else 80)


@dataclass(frozen=True)
class AddressPolicy:
    """`trusted`: (host, port) of registered sources that are on a local address (the demo, tests, a
    site on one's own network), reachable as they were registered; `allowed`: ranges the user opened."""

    trusted: frozenset[tuple[str, int]] = frozenset()
    allowed: tuple[Network, ...] = ()

    @classmethod
    def for_sources(cls, urls: Iterable[str], allowed: Iterable[str] = ()) -> AddressPolicy:
        trusted = frozenset(endpoint for url in urls if (endpoint := local_endpoint(url)))
        return cls(trusted=trusted, allowed=parse_networks(allowed))

    def refusal(self, host: str, port: int, address: str) -> str | None:
        """Why connecting to `address` for `host`:`port` is refused, or None when it may go ahead."""
        ip = embedded_ipv4(ipaddress.ip_address(address.split("%", 1)[0]))  # no IPv6 scope id
        kind = address_kind(ip)
        if kind is None or (host.strip("[]").lower(), port) in self.trusted or any(ip in n for n in self.allowed):
            return None
        where = f"{address} is" if host.strip("[]") == address else f"{host} is {address},"
        return (f"refused before connecting: {where} a {kind} address (only public addresses, a registered "
                "source's own, or a range allowed with --allow-network)")
