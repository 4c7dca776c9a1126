"""A page's last version, whichever source fetched it: what its new version is compared with.

A page is one page whatever door it is reached by (issue 21 item 3). A press article on a town's news
index this week may be on its agglomeration's next week; a page a followed index found may later be
registered on its own, or a registered page removed and then reached by an index. Compared only with
the past of the source that fetched it now, such a page made its figures "new" again at the switch,
and "changed" a second time when it went back to a source that had seen an older version.

The sources that can have fetched a page are few and found by index: the one registered at its URL,
and the followed sources of its host (a followed source reaches only pages of its own host).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from storage.history import SAME_PAGE_SQL
from storage.urls import canonical_url

LAST_CHAR = "\U0010ffff"  # closes a range of `sources.url` by prefix, read from its unique index


def sources_reaching(db: Database, url: str) -> set[int]:
    """Every source, removed ones too, that is registered at this page or follows its host."""
    page, host = canonical_url(url), urlsplit(url).hostname
    found = set()
    for scheme in ("http", "https"):
        prefix = f"{scheme}://{host}"
        for source_id, source_url, follow in db.execute(
                "select id, url, follow from sources where url >= ? and url < ?", [prefix, prefix + LAST_CHAR]):
            if urlsplit(source_url).hostname == host and (follow or canonical_url(source_url) == page):
                found.add(source_id)
    return found


def previous_version(db: Database, source_id: int, url: str, before_fetch_id: int) -> dict[str, Any] | None:
    """The last fetch of this page before `before_fetch_id` that brought a document, by this source (any
    spelling of the page) or another (its canonical URL, as followed pages are stored): id, document_id,
    source_id."""
    own = next(db.query(
        f"select id, document_id, source_id from fetches where source_id = ? and {SAME_PAGE_SQL.format('url')} "
        "and id < ? and document_id is not null order by id desc limit 1", [source_id, url, url, before_fetch_id]),
        None)
    page = canonical_url(url)
    for other in sources_reaching(db, url) - {source_id}:
        row = next(db.query(
            "select id, document_id, source_id from fetches where source_id = ? and url = ? and id < ? "
            "and document_id is not null order by id desc limit 1", [other, page, before_fetch_id]), None)
        if row and (own is None or row["id"] > own["id"]):
            own = row
    return own
