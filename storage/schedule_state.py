"""What the scheduler remembers between restarts, as `vigicam status` shows it: each source's health and
next due time (the due times are written by scheduler.py through storage/batches.py)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def health(db: Database) -> list[dict[str, Any]]:
    """Per source: last success, last failure, consecutive failures, next due time."""
    return list(db.query(
        "select h.id as source_id, h.url, h.place, h.enabled, h.last_success, h.last_failure, "
        "h.consecutive_failures, h.last_error, h.redirected_to, st.next_due_at, st.stale_reported_at "
        "from source_health h left join schedule_state st on st.source_id = h.id order by h.id"))
