"""The `places` table: the gazetteer's communes, intercommunalités, départements and régions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database


def places_loaded(db: Database) -> bool:
    return db.execute("select exists(select 1 from places)").fetchone()[0] == 1


def load_places(db: Database, rows: Iterable[dict[str, Any]]) -> int:
    """Insert or replace places (keyed by kind and code); returns how many."""
    rows = list(rows)
    with db.atomic():
        db["places"].upsert_all(rows, pk=("kind", "code"), batch_size=2000)
    return len(rows)
