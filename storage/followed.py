"""Many sources at once: what `sources discover` needs to know of the registry, and one insert for all.

Registering 21,000 communes' sites one `add_source` at a time reads the registry 21,000 times; here it is
read once, and the new rows go in with one executemany in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from storage.db import insert_rows, utcnow
from storage.sources import Source


@dataclass(frozen=True)
class Registered:
    """A row of `sources` as discovery compares with it."""

    id: int
    url: str
    place: str
    follow: bool
    removed_at: str | None


def registered_sources(db: Database) -> list[Registered]:
    """Every source ever registered, removed ones too (a site a user removed is not added back)."""
    return [Registered(row[0], row[1], row[2], bool(row[3]), row[4])
            for row in db.execute("select id, url, place, follow, removed_at from sources order by id")]


def insert_sources(db: Database, sources: list[Source]) -> int:
    """New sources (their URLs already canonical and not registered); returns how many."""
    now = utcnow()
    return insert_rows(db, "sources", [
        {"url": s.url, "place": s.place, "place_code": s.place_code, "kind": s.kind, "every": s.every,
         "follow": int(s.follow), "enabled": int(s.enabled), "added_at": s.added_at or now}
        for s in sources])
