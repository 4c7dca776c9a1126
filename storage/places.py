"""The `places` table: the gazetteer's communes, intercommunalités, départements and régions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database


def places_loaded(db: Database) -> bool:
    return db.execute("select exists(select 1 from places)").fetchone()[0] == 1


def load_places(db: Database, rows: Iterable[dict[str, Any]]) -> int:
    """Insert or replace places (keyed by kind and code); returns how many. One prepared statement for all
    rows: a new database's first crawl loads the whole gazetteer (36,377 places), which sqlite_utils'
    upsert_all took 1.1 s to build statements for; this takes about 0.15 s."""
    rows = list(rows)
    if not rows:
        return 0
    columns = list(rows[0])
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c not in ("kind", "code"))
    sql = (f"insert into places ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))}) "
           f"on conflict (kind, code) do update set {updates}")
    with db.atomic():
        db.conn.executemany(sql, ([row[c] for c in columns] for row in rows))
    return len(rows)
