"""Crawl runs: when each `vigicam crawl` started and ended, so reports can say "since the last run"."""

from __future__ import annotations

from sqlite_utils import Database

from storage.db import utcnow


def start_run(db: Database, kind: str = "crawl") -> int:
    close_interrupted_runs(db, kind)
    return db["runs"].insert({"kind": kind, "started_at": utcnow()}).last_pk


def close_interrupted_runs(db: Database, kind: str) -> None:
    """Close the runs a killed crawl left open. Crawls of a database take its lock one at a time, so a run
    still open when another starts is a dead one: it ends at its last event (or its start), with its events
    counted and its pages unknown (null). Left open, it was never any report's last run."""
    with db.atomic():
        db.execute(
            "update runs set finished_at = coalesce((select max(detected_at) from changes where run_id = runs.id),"
            " started_at), events = (select count(*) from changes where run_id = runs.id)"
            " where finished_at is null and kind = ?", [kind])


def finish_run(db: Database, run_id: int, pages: int) -> None:
    events = db.execute("select count(*) from changes where run_id = ?", [run_id]).fetchone()[0]
    db["runs"].update(run_id, {"finished_at": utcnow(), "pages": pages, "events": events})


def last_run_id(db: Database) -> int | None:
    row = db.execute("select max(id) from runs where finished_at is not null").fetchone()
    return row[0] if row else None
