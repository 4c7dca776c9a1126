"""Global concurrency scaled to the number of hosts a crawl visits.

Politeness is per host (CONCURRENT_REQUESTS_PER_DOMAIN = 1 and the host's delay); the global limit
(CONCURRENT_REQUESTS) only says how many hosts are served at once. With Scrapy's 8 and 200 hosts, the 8
slots sat waiting out each new host's robots.txt and delay (issue 23: 34-38 pages/s). A crawl of many
hosts now serves one request at a time to as many of them as VIGICAM_MAX_CONCURRENT_REQUESTS allows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit


def distinct_hosts(urls: Iterable[str]) -> int:
    """How many hosts (name and port) the URLs are on; a malformed URL counts as its own."""
    hosts = set()
    for url in urls:
        try:
            hosts.add(urlsplit(url).netloc.lower())
        except ValueError:
            hosts.add(url)
    return len(hosts)


def scaled_concurrency(hosts: int, configured: int, cap: int) -> int:
    """One request slot per host, never fewer than CONCURRENT_REQUESTS nor more than the cap (0: no
    scaling, CONCURRENT_REQUESTS as it is)."""
    if cap <= 0:
        return configured
    return max(configured, min(hosts, cap))


def scale_to_hosts(crawler: Any, urls: Iterable[str]) -> int:
    """Set the running downloader's global limit from the crawl's sources (read once the spider has
    them, before the first request is scheduled); recorded in the stats."""
    settings = crawler.settings
    total = scaled_concurrency(distinct_hosts(urls), settings.getint("CONCURRENT_REQUESTS"),
                               settings.getint("VIGICAM_MAX_CONCURRENT_REQUESTS"))
    crawler.engine.downloader.total_concurrency = total
    crawler.stats.set_value("vigicam/concurrent_requests", total)
    return total
