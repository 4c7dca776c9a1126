"""Scheduling a million sources: handing the due ones to a crawl, planning them after it, and the cost of a
tick when nothing is due (target: planning 1,000,000 sources in ≤ 60 s; it was quadratic, 10.4 s for 4,000).

    python bench/bench_schedule.py [--sources 1000000] [--fetched 1.0]

Builds a database of N sources with one fetch row each for a share of them (the pages a crawl reached),
then times each step of the scheduler on it (storage/batches.py, scheduler.py).
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scheduler import Scheduler, SchedulerOptions, plan_batch  # noqa: E402
from storage import open_database, utcnow  # noqa: E402
from storage.batches import batch_sources  # noqa: E402


def build(db_path: Path, sources: int) -> None:
    """N sources, one a commune site, with weekly-ish intervals."""
    db = open_database(db_path)
    with db.atomic():
        db.conn.executemany(
            "insert into sources (id, url, place, kind, every, follow, enabled, added_at) "
            "values (?, ?, 'Commune', 'commune', ?, 0, 1, ?)",
            ((i, url(i), 604_800 + (i % 7) * 3600, utcnow()) for i in range(1, sources + 1)))
    db.close()


def crawl(db_path: Path, reached: int) -> None:
    """What a crawl leaves: a fetch row of the registered page of the first `reached` sources (1 in 50
    failed), the rest not reached before its limit."""
    db = open_database(db_path)
    now = utcnow()
    with db.atomic():
        db.conn.executemany(
            "insert into fetches (source_id, url, started_at, outcome, http_status) values (?, ?, ?, ?, 200)",
            ((i, url(i), now, "new_content" if i % 50 else "failed") for i in range(1, reached + 1)))
    db.close()


def url(i: int) -> str:
    return f"https://www.commune-{i}.fr/videoprotection.html"


def timed(label: str, action):  # noqa: ANN001, ANN201 - a bench helper
    started = time.perf_counter()
    result = action()
    print(f"{label:<72} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1_000_000)
    parser.add_argument("--fetched", type=float, default=1.0, help="share of the batch the crawl reached")
    args = parser.parse_args()
    logging.getLogger("vigicam.schedule").setLevel(logging.ERROR)  # no line per never-successful source
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        timed(f"build: {args.sources:,} sources", lambda: build(db_path, args.sources))
        scheduler = Scheduler(SchedulerOptions(db_path, batch_size=args.sources))
        batch = timed("hand the due sources to a crawl (schedule rows, batch)", scheduler.next_batch)
        db = open_database(db_path)
        listed = timed("the crawl reads its batch", lambda: len(batch_sources(db, batch.id)))
        db.close()
        reached = int(args.sources * args.fetched)
        timed(f"(the crawl: {reached:,} fetch rows)", lambda: crawl(db_path, reached))
        planned = timed("plan the fetched sources (one pass, one transaction)",
                        lambda: plan_batch(db_path, batch.id, "ok"))
        print(f"  {batch.sources:,} sources handed over, {listed:,} read by the crawl, {planned:,} planned, "
              f"{batch.sources - planned:,} still due")
        ticking = Scheduler(SchedulerOptions(db_path))  # the default --batch-size
        again = timed("a scheduler's first tick: every source adopted, every due time checked", ticking.next_batch)
        print(f"  {again.sources if again else 0:,} handed over (at most {ticking.options.batch_size:,}, the most "
              "overdue first)")
        if again:
            plan_batch(db_path, again.id, "killed")  # none reached: they stay due
        timed("each tick after it", ticking.next_batch)
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
