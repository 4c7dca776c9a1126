"""What the scheduler remembers between restarts: each source's next due time and its failures."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage.db import utcnow


def states(db: Database) -> dict[int, dict[str, Any]]:
    return {row["source_id"]: row for row in db["schedule_state"].rows}


def save_state(db: Database, source_id: int, **values: Any) -> None:
    db["schedule_state"].upsert({"source_id": source_id, **values, "updated_at": utcnow()}, pk="source_id")


def health(db: Database) -> list[dict[str, Any]]:
    """Per source: last success, last failure, consecutive failures, next due time."""
    return list(db.query(
        "select h.id as source_id, h.url, h.place, h.enabled, h.last_success, h.last_failure, "
        "h.consecutive_failures, h.last_error, h.redirected_to, st.next_due_at, st.stale_reported_at "
        "from source_health h left join schedule_state st on st.source_id = h.id order by h.id"))
