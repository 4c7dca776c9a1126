"""Reports over 100,000 stored events, each format, timed in-process (no interpreter start-up): a report
of all of them, and a report of the last week's (what a weekly cron job asks for).

    python bench/bench_queries.py   # builds /tmp/vigicam-bench.db (1,000,000 figures, 100,000 events)
    python bench/bench_report.py [--db /tmp/vigicam-bench.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from storage import open_database
from storage.queries import events
from vigicam.report_data import ReportData
from vigicam.reporters import REPORTERS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/vigicam-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():  # opening would create an empty one, which bench_queries would then trust
        raise SystemExit(f"no {args.db}: run python bench/bench_queries.py first, it builds it")
    db = open_database(args.db)
    started = time.perf_counter()
    rows = events(db)
    print(f"read {len(rows):,} events: {time.perf_counter() - started:.2f}s")
    if not rows:
        raise SystemExit(f"{args.db} holds no events")
    last = dt.datetime.fromisoformat(max(e["detected_at"] for e in rows).replace("Z", "+00:00"))
    week = (last - dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    in_week = sum(1 for e in rows if e["detected_at"] >= week)
    print(f"{'format':<9} {'all':>7} {f'--since {week[:10]} ({in_week:,} events)':>40}")
    for name, reporter in REPORTERS.items():
        timings = []
        for since in (None, week):
            started = time.perf_counter()
            size = len(reporter(ReportData(db, since=since)))
            timings.append(f"{time.perf_counter() - started:6.2f}s ({size / 1e6:4.1f} MB)")
        print(f"{name:<9} {timings[0]:>7}  {timings[1]:>30}")


if __name__ == "__main__":
    main()
