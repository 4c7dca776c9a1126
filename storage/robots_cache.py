"""robots.txt kept between crawls: the `robots_txt` table, one row per host, with when it expires.

A crawl of 21,000 hosts asked each one's robots.txt again every time, and every host's first page waited
for it; a robots.txt read less than a day ago (or less than its Cache-Control max-age) is used as it is.
Only answers that say something are kept (2xx: the rules; 4xx: no rules); a 5xx or a network error is
asked again next crawl. Mutable state, like `schedule_state`: not history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from storage.db import utcnow


@dataclass(frozen=True)
class RobotsAnswer:
    netloc: str
    status: int
    body: bytes
    fetched_at: str
    expires_at: str


def create_robots_cache(db: Database) -> None:
    """Migration m018_robots_txt_cache's table."""
    db.execute("""create table robots_txt (
        netloc text primary key, status integer not null, body blob not null, fetched_at text not null,
        expires_at text not null)""")


def fresh_robots(db: Database, netloc: str, now: str | None = None) -> bytes | None:
    """The body of this host's robots.txt if one is kept and not expired, else None."""
    row = db.execute("select body from robots_txt where netloc = ? and expires_at > ?",
                     [netloc, now or utcnow()]).fetchone()
    return bytes(row[0]) if row else None


def keep_robots(db: Database, answers: list[RobotsAnswer]) -> int:
    """Store (or replace) these hosts' answers in one transaction; returns how many."""
    with db.atomic():
        db.conn.executemany(
            "insert or replace into robots_txt (netloc, status, body, fetched_at, expires_at) values (?, ?, ?, ?, ?)",
            [(a.netloc, a.status, a.body, a.fetched_at, a.expires_at) for a in answers])
    return len(answers)


def expiry(fetched_at: dt.datetime, cache_control: str | None, default_seconds: float) -> dt.datetime:
    """When a robots.txt fetched at `fetched_at` expires: its Cache-Control max-age, at most
    `default_seconds` (a day, as Google keeps them); no-store, no-cache or max-age=0: at once."""
    seconds = default_seconds
    for directive in (part.strip().lower() for part in (cache_control or "").split(",")):
        if directive in ("no-store", "no-cache"):
            seconds = 0
        elif directive.startswith("max-age=") and directive[8:].isascii() and directive[8:].isdigit():
            seconds = min(seconds, int(directive[8:]))
    return fetched_at + dt.timedelta(seconds=seconds)
