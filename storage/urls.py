"""One spelling per page: the URL a source is registered, found and compared by.

`HTTPS://Example.ORG/Y`, `https://example.org/Y` and `https://example.org/Y#top` are one page; w3lib's
canonical form (Scrapy's own: scheme and host lower-cased, fragment dropped, percent-encoding and
query order normalised) names it. `/x` and `/x/` may be two pages on some servers: they are kept
apart, and a user who registers both is warned.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url


def canonical_url(url: str) -> str:
    return canonicalize_url(url.strip())


def slash_twin(url: str) -> str | None:
    """The same URL with its path's trailing slash added or removed (none for a site's root)."""
    parts = urlsplit(url)
    if parts.path in ("", "/"):
        return None
    path = parts.path[:-1] if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit(parts._replace(path=path))
