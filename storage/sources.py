"""The registry of watched pages: the `sources` table."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlite_utils import Database

from storage.db import utcnow
from storage.errors import SourceExists, SourceNotFound
from storage.urls import canonical_url, slash_twin


@dataclass
class Source:
    url: str
    place: str
    kind: str = "commune"
    every: int = 86_400
    follow: bool = False
    enabled: bool = True
    place_code: str | None = None
    id: int | None = None
    added_at: str | None = None


def _from_row(row: dict[str, Any]) -> Source:
    return Source(
        id=row["id"],
        url=row["url"],
        place=row["place"],
        place_code=row["place_code"],
        kind=row["kind"],
        every=row["every"],
        follow=bool(row["follow"]),
        enabled=bool(row["enabled"]),
        added_at=row["added_at"],
    )


def add_source(db: Database, source: Source, *, replace: bool = False) -> Source:
    """Register a page. A removed source comes back with its history; an active one is
    an error unless `replace` (used by imports, which are idempotent). Its URL is stored in its
    canonical form (storage.urls): two spellings of one page are one source."""
    source.url = canonical_url(source.url)
    row = _row_for_url(db, source.url)
    values = asdict(source)
    values.pop("id")
    values["follow"] = int(source.follow)
    values["enabled"] = int(source.enabled)
    if row is None:
        values["added_at"] = source.added_at or utcnow()
        source_id = db["sources"].insert(values).last_pk
    else:
        if row["removed_at"] is None and not replace:
            raise SourceExists(f"source already registered: {source.url}")
        values["added_at"] = row["added_at"]
        values["removed_at"] = None
        db["sources"].update(row["id"], values)
        source_id = row["id"]
    return get_source(db, source_id)


def get_source(db: Database, source_id: int) -> Source:
    # db.query, not table.get: .get re-reads the table's schema on every call (a crawl calls this per page)
    row = next(db.query("select * from sources where id = ?", [source_id]), None)
    if row is None:
        raise SourceNotFound(f"no source with id {source_id}")
    return _from_row(row)


def _row_for_url(db: Database, url: str) -> dict[str, Any] | None:
    return next(db["sources"].rows_where("url = ?", [canonical_url(url)]), None)


def slash_twin_source(db: Database, url: str) -> Source | None:
    """An active source whose URL is this one with or without its path's trailing slash: perhaps the
    same page, perhaps not (servers differ), so never merged, only pointed out."""
    twin = slash_twin(canonical_url(url))
    row = _row_for_url(db, twin) if twin else None
    return _from_row(row) if row is not None and row["removed_at"] is None else None


def find_source(db: Database, url: str) -> Source:
    row = _row_for_url(db, url)
    if row is None or row["removed_at"] is not None:
        raise SourceNotFound(f"no source with URL {url}")
    return _from_row(row)


def list_sources(db: Database, *, enabled_only: bool = False) -> list[Source]:
    where = "removed_at is null" + (" and enabled = 1" if enabled_only else "")
    return [_from_row(r) for r in db["sources"].rows_where(where, order_by="id")]


def remove_source(db: Database, url: str) -> None:
    """Stop watching a page. Its fetches, documents and figures stay: history is never erased."""
    source = find_source(db, url)
    db["sources"].update(source.id, {"enabled": 0, "removed_at": utcnow()})
