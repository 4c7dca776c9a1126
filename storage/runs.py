"""Crawl runs: when each `vigicam crawl` started and ended, so reports can say "since the last run"."""

from __future__ import annotations

from sqlite_utils import Database

from storage.db import utcnow


def start_run(db: Database, kind: str = "crawl") -> int:
    return db["runs"].insert({"kind": kind, "started_at": utcnow()}).last_pk


def finish_run(db: Database, run_id: int, pages: int) -> None:
    events = db.execute("select count(*) from changes where run_id = ?", [run_id]).fetchone()[0]
    db["runs"].update(run_id, {"finished_at": utcnow(), "pages": pages, "events": events})


def last_run_id(db: Database) -> int | None:
    row = db.execute("select max(id) from runs where finished_at is not null").fetchone()
    return row[0] if row else None
