"""Reports over 100,000 stored events, each format, timed in-process (no interpreter start-up).

    python bench/bench_queries.py   # builds /tmp/vigicam-bench.db (1,000,000 figures, 100,000 events)
    python bench/bench_report.py [--db /tmp/vigicam-bench.db]
"""

from __future__ import annotations

import argparse
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
    for name, reporter in REPORTERS.items():
        started = time.perf_counter()
        size = len(reporter(ReportData(db)))
        print(f"{name:<9} {time.perf_counter() - started:6.2f}s  ({size / 1e6:.1f} MB, events read included)")

if __name__ == "__main__":
    main()
