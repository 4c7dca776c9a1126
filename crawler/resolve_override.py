"""Host names answered by the user, like curl's `--resolve host:port:address`.

A simulated France (bench/bench_national.py, tests) serves each commune's site on its own 127.0.0.x address
and reaches it by the gazetteer's real host name: the crawl then sees the URLs `sources discover`
registered, and no packet leaves the machine. An address named here is the user's choice, so the address
policy's refusal of loopback and private ranges does not apply to that host and port.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable

from twisted.internet._resolver import HostResolution
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostResolution, IResolutionReceiver

Overrides = dict[tuple[str, int], str]
ENV = "VIGICAM_RESOLVE"  # "host:port:address host:port:address", as the scheduler's crawls inherit it


def parse_overrides(entries: Iterable[str]) -> Overrides:
    """'www.chartres.fr:80:127.0.0.5' → {('www.chartres.fr', 80): '127.0.0.5'}; ValueError names a bad entry."""
    overrides: Overrides = {}
    for entry in entries:
        host, sep, rest = entry.strip().partition(":")
        port, sep2, address = rest.partition(":")
        try:
            if not (host and sep and sep2 and port.isdigit()):
                raise ValueError
            ipaddress.ip_address(address.strip("[]"))
        except ValueError:
            raise ValueError(f"not host:port:address: {entry!r} (e.g. www.chartres.fr:80:127.0.0.5)") from None
        overrides[(host.lower(), int(port))] = address.strip("[]")
    return overrides


def overrides_from(settings_entries: Iterable[str]) -> Overrides:
    """The crawl's setting (VIGICAM_RESOLVE), then the environment's, which a scheduler's crawls inherit."""
    return parse_overrides([*settings_entries, *os.environ.get(ENV, "").split()])


def answer(receiver: IResolutionReceiver, host: str, address: str, port: int) -> IHostResolution:
    """Tell `receiver` the address, as a resolver would, without asking any DNS."""
    resolution = HostResolution(host)
    receiver.resolutionBegan(resolution)
    receiver.addressResolved(IPv4Address("TCP", address, port) if ipaddress.ip_address(address).version == 4
                             else IPv6Address("TCP", address, port, 0, 0))
    receiver.resolutionComplete()
    return resolution
