"""Opening the database: pragmas that keep it safe, then pending migrations."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.errors import StorageError, storage_problem
from storage.migrations import migrations
from storage.urls import canonical_url

BUSY_TIMEOUT_MS = 10_000


class DatabaseLocked(StorageError):
    pass


def utcnow() -> str:
    """Current time as ISO 8601 text in UTC, the format of every timestamp in the database."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def insert_row(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    """One plain INSERT, returning the new id. sqlite-utils' insert re-reads the table's schema on
    every call, which was most of the cost of storing a page's fetch, figures and events."""
    sql = f"insert into {table} ({', '.join(row)}) values ({', '.join('?' for _ in row)})"
    return db.execute(sql, list(row.values())).lastrowid


def insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict[str, Any]]) -> int:
    """Rows with the same keys in one executemany; returns how many."""
    if not rows:
        return 0
    columns = list(rows[0])
    sql = f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' for _ in columns)})"
    db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])
    return len(rows)


def open_database(path: str | Path, *, read_only: bool = False) -> sqlite_utils.Database:
    """Open (or create) a vigicam database and bring its schema up to date.

    WAL lets Datasette read while a crawl writes; `synchronous=NORMAL` under WAL stays
    consistent after a crash or `kill -9` (a committed transaction may be lost on power
    failure, never half-written).
    """
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise StorageError(f"no database at {path}")
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            db = sqlite_utils.Database(conn)
            conn.create_function("canonical_url", 1, canonical_url, deterministic=True)
            db.execute("PRAGMA query_only = ON")
            return db
        if path.parent and not path.parent.exists():
            raise StorageError(f"folder {path.parent} does not exist")
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        # a page's past fetches are found by its canonical URL, however they were spelt (storage.urls)
        conn.create_function("canonical_url", 1, canonical_url, deterministic=True)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        if max_pages := os.environ.get("VIGICAM_MAX_DB_PAGES"):  # a size cap (pages of 4 KiB), for quotas and tests
            db.execute(f"PRAGMA max_page_count = {int(max_pages)}")
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseLocked(f"database {path} is locked by another process") from exc
        raise StorageError(storage_problem(exc, path, otherwise=f"cannot open database {path}: {exc}")) from exc
    except sqlite3.DatabaseError as exc:
        raise StorageError(storage_problem(exc, path)) from exc
    return db
