"""Crawl batches: the sources handed to one crawl, and what the crawl really fetched of them.

The list goes through the database, never the crawl's command line (the kernel refused it beyond about
19,600 URLs). A batch remembers the last `fetches` id before it began, so a fetch row of a batch source's
registered page above that mark is proof the crawl reached it, even when the crawl was killed: only those
sources are planned again, the others stay due and, being the most overdue, come first next time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlite_utils import Database

from storage.db import insert_row, utcnow

# The due sources, most overdue first, at most `limit`: a range of the index on (next_due_at, source_id).
DUE_SQL = """
    select st.source_id, st.next_due_at as k1, st.source_id as k2
    from schedule_state st join sources s on s.id = st.source_id
    where st.next_due_at <= :now and s.enabled = 1 and s.removed_at is null
    order by st.next_due_at, st.source_id limit :limit"""
# What the planner needs of each batch source whose registered page was fetched after the mark.
FETCHED_SQL = """
    select s.id, s.url, s.every, h.consecutive_failures, h.last_success, st.stale_reported_at
    from crawl_batch_sources b join sources s on s.id = b.source_id join source_health h on h.id = b.source_id
    left join schedule_state st on st.source_id = b.source_id
    where b.batch_id = :batch
      and exists (select 1 from fetches f where f.source_id = s.id and f.url = s.url and f.id > :mark)"""
SAVE_PLAN_SQL = """
    insert into schedule_state (source_id, next_due_at, consecutive_failures, stale_reported_at, updated_at)
    values (?, ?, ?, ?, ?) on conflict (source_id) do update set next_due_at = excluded.next_due_at,
    consecutive_failures = excluded.consecutive_failures, stale_reported_at = excluded.stale_reported_at,
    updated_at = excluded.updated_at"""


class Batch(NamedTuple):
    id: int
    sources: int


class BatchSource(NamedTuple):
    id: int
    url: str
    follow: bool


def adopt_sources(db: Database, everything: bool = False) -> int:
    """A schedule row for each source that has none yet, due since it was added, so that the due sources
    are read from the schedule's index alone. Only the sources added since the newest row, unless
    `everything` (a scheduler starting): that one reads every source."""
    missing = ("not exists (select 1 from schedule_state st where st.source_id = s.id)" if everything
               else "s.id > (select coalesce(max(source_id), 0) from schedule_state)")
    now = utcnow()
    with db.atomic():
        count = db.execute(
            "insert into schedule_state (source_id, next_due_at, consecutive_failures, updated_at) "
            f"select s.id, coalesce(s.added_at, :now), 0, :now from sources s where {missing}", {"now": now}).rowcount
        if everything:  # a row with no due time would never be due
            db.execute("update schedule_state set next_due_at = coalesce(updated_at, ?) where next_due_at is null",
                       [now])
    return count


def _open(db: Database, select_sql: str, params: dict[str, Any]) -> Batch | None:
    """A batch of the source ids `select_sql` gives, ranked by its columns k1, k2; None (and no batch) when
    it gives none."""
    with db.atomic():
        mark = db.execute("select coalesce(max(id), 0) from fetches").fetchone()[0]
        batch_id = insert_row(db, "crawl_batches", {"created_at": utcnow(), "fetch_mark": mark})
        count = db.execute(
            f"insert into crawl_batch_sources (batch_id, position, source_id) "
            f"select :batch, row_number() over (order by k1, k2), source_id from ({select_sql})",
            {**params, "batch": batch_id}).rowcount
        if count == 0:
            db.execute("delete from crawl_batches where id = ?", [batch_id])
            return None
        db.execute("update crawl_batches set sources = ? where id = ?", [count, batch_id])
    return Batch(batch_id, count)


def open_due_batch(db: Database, now: str, limit: int) -> Batch | None:
    """The sources due at `now` (ISO text, UTC), most overdue first, at most `limit`, in one transaction."""
    return _open(db, DUE_SQL, {"now": now, "limit": limit})


def open_due_batch_not_handed(db: Database, now: str, limit: int) -> Batch | None:
    """As open_due_batch, leaving out the sources of batches still open: the distributed feeder hands a
    batch to the shared frontier and settles it only once its results are ingested (vigicam/feeder.py)."""
    select_sql = DUE_SQL.replace("order by", "and st.source_id not in (select b.source_id from crawl_batch_sources b "
                                 "join crawl_batches c on c.id = b.batch_id where c.finished_at is null) order by")
    return _open(db, select_sql, {"now": now, "limit": limit})


def open_batch_of(db: Database, urls: Iterable[str] = ()) -> Batch | None:
    """A crawl started by hand: the registered sources named (enabled or not), or every enabled one."""
    urls = list(urls)
    if urls:
        return _open(db, "select id as source_id, 0 as k1, id as k2 from sources where removed_at is null "
                         "and url in (select value from json_each(:urls))", {"urls": json.dumps(urls)})
    return _open(db, "select id as source_id, 0 as k1, id as k2 from sources where removed_at is null "
                     "and enabled = 1", {})


def batch_sources(db: Database, batch_id: int) -> list[BatchSource]:
    """The batch's sources in the order they are to be crawled."""
    return [BatchSource(row[0], row[1], bool(row[2])) for row in db.execute(
        "select s.id, s.url, s.follow from crawl_batch_sources b join sources s on s.id = b.source_id "
        "where b.batch_id = ? and s.removed_at is null order by b.position", [batch_id])]


def fetched_rows(db: Database, batch_id: int) -> list[dict[str, Any]]:
    """Each batch source whose registered page has a fetch row since the batch began, with its health."""
    mark = db.execute("select fetch_mark from crawl_batches where id = ?", [batch_id]).fetchone()[0]
    return list(db.query(FETCHED_SQL, {"batch": batch_id, "mark": mark}))


def settle_batch(db: Database, batch_id: int, plans: list[tuple[int, str, int, str | None]], outcome: str,
                 error: str | None = None) -> None:
    """In one transaction: the fetched sources' next due times (source id, due, failures, stale reported)
    saved, the batch closed with its outcome, and its list of sources dropped (the batch row stays)."""
    now = utcnow()
    with db.atomic():
        db.conn.executemany(SAVE_PLAN_SQL, [(*plan, now) for plan in plans])
        db.execute("update crawl_batches set finished_at = ?, fetched = ?, outcome = ?, error = ? where id = ?",
                   [now, len(plans), outcome, error, batch_id])
        db.execute("delete from crawl_batch_sources where batch_id = ?", [batch_id])


def unsettled_batches(db: Database) -> list[int]:
    """Batches a killed scheduler left open: what their crawl fetched is still to be planned."""
    return [row[0] for row in db.execute("select id from crawl_batches where finished_at is null order by id")]


def last_batch(db: Database) -> dict[str, Any] | None:
    """The newest settled batch, for `vigicam status`."""
    rows = list(db.query("select * from crawl_batches where finished_at is not null order by id desc limit 1"))
    return rows[0] if rows else None


def far_due(db: Database, now: str, jitter: float) -> list[dict[str, Any]]:
    """Schedule rows due later than their source's interval and jitter from `now`: those backed off, and
    those a clock that ran ahead wrote (the candidates for clamping). One pass over the schedule."""
    return list(db.query(
        "select st.source_id, st.next_due_at, st.consecutive_failures, s.every from schedule_state st "
        "join sources s on s.id = st.source_id where st.next_due_at > :now "
        "and julianday(st.next_due_at) - julianday(:now) > s.every * (1 + :jitter) / 86400.0",
        {"now": now, "jitter": jitter}))


def latest_due(db: Database) -> str | None:
    return db.execute("select max(next_due_at) from schedule_state").fetchone()[0]


def intervals(db: Database) -> tuple[int | None, int | None]:
    """The shortest and the longest interval of the sources."""
    return db.execute("select min(every), max(every) from sources where removed_at is null").fetchone()


def set_due(db: Database, dues: list[tuple[str, int]]) -> None:
    """(next due, source id) pairs, in one transaction."""
    with db.atomic():
        db.conn.executemany("update schedule_state set next_due_at = ?, updated_at = ? where source_id = ?",
                            [(due, utcnow(), source_id) for due, source_id in dues])
