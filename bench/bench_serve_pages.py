"""The pages people open on `vigicam serve` (a table, its facets, CSV, a canned query), asked by 50 clients at
once over a database of 100,000 events: answers per second and latency percentiles (issue 22 item 15).

    python bench/bench_serve_pages.py [--clients 50] [--seconds 30] [--events 100000] [--distinct]
                                      [--commits-per-second R]

`--distinct` makes every URL one never asked before (an ignored `_asked=N` argument), so no answer can come
from serve's page cache: the cost of rendering every page (VIGICAM_SERVE_CACHE_MB=0 turns the cache off).
`--commits-per-second` has another connection add an event that often, each its own commit, as a crawl's
store commits once a page: every commit makes the cache's answers old.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from storage import open_database  # noqa: E402
from tests.load_harness import start_serve  # noqa: E402
from tests.test_bad_storage import fill  # noqa: E402
from tests.test_report_words import event  # noqa: E402
from tests.test_serve import free_port  # noqa: E402
from tests.test_serve_guard import peak_memory_kb  # noqa: E402

PAGES = ("/vc/changes", "/vc/changes?_facet=place&_facet=metric", "/vc/changes.csv", "/vc/changes.json",
         "/vc/changes?kind=new&_sort_desc=id", "/vc/latest_figures", "/vc/source_health")


def load(base: str, clients: int, seconds: float, distinct: bool = False) -> tuple[dict[str, list[float]], list[str]]:
    """Each client asks the pages in turn until the time is up: every answer's seconds by page, and the
    failures."""
    latencies: dict[str, list[float]] = {path: [] for path in PAGES}
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        i = offset
        while time.monotonic() < deadline:
            path = PAGES[i % len(PAGES)]
            i += 1
            started = time.monotonic()
            try:
                unique = ("&" if "?" in path else "?") + f"_asked={offset}-{i}" if distinct else ""
                with urllib.request.urlopen(base + path + unique, timeout=120) as response:
                    response.read()
                latencies[path].append(time.monotonic() - started)
            except (urllib.error.URLError, OSError) as exc:
                errors.append(f"{path}: {exc}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--distinct", action="store_true", help="every URL a new one: nothing from the cache")
    parser.add_argument("--commits-per-second", type=float, default=0.0)
    args = parser.parse_args()
    db_path = Path(tempfile.mkdtemp(prefix="vigicam-bench-pages-")) / "vc.db"
    fill(db_path, args.events)
    port = free_port()
    server = start_serve(db_path, port)
    stop = threading.Event()
    writer = threading.Thread(target=write_meanwhile, args=(db_path, args.commits_per_second, stop))
    try:
        cpu_before = cpu_seconds(server.pid)
        writer.start()
        by_page, errors = load(f"http://127.0.0.1:{port}", args.clients, args.seconds, args.distinct)
        cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        stop.set()
        writer.join()
        peak = peak_memory_kb(server.pid) / 1024
        server.terminate()
        server.wait(20)
    latencies = [seconds for page in by_page.values() for seconds in page]
    cuts = percentiles(latencies)
    print(f"{args.clients} clients for {args.seconds:.0f} s on {args.events:,} events: {len(latencies)} answers "
          f"({len(latencies) / args.seconds:.1f}/s), p50 {cuts[49]:.2f} s, p99 {cuts[98]:.2f} s, "
          f"max {max(latencies, default=0):.2f} s, {len(errors)} errors; serve peak {peak:.0f} MB"
          + (f"; {args.commits_per_second:g} commits/s meanwhile" if args.commits_per_second else ""))
    print(f"serve used {cpu:.1f} s of CPU: {1000 * cpu / max(len(latencies), 1):.0f} ms an answer "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
    for error in errors[:5]:
        print("  ", error)
    for path, page in by_page.items():
        page_cuts = percentiles(page)
        print(f"  {path:<45} {len(page):>5} answers, p50 {page_cuts[49]:.2f} s, p99 {page_cuts[98]:.2f} s")


def write_meanwhile(db_path: Path, per_second: float, stop: threading.Event) -> None:
    """A new event every 1/per_second seconds, each in its own commit, until `stop` (none if 0)."""
    if per_second <= 0:
        return
    db = open_database(db_path)
    while not stop.wait(1 / per_second):
        db["changes"].insert(event("new", place="Chartres", metric="cameras", new_value=1.0))
    db.close()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (the serve process's, whatever else the machine runs)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentiles(latencies: list[float]) -> list[float]:
    return statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [max(latencies, default=0.0)] * 99


if __name__ == "__main__":
    main()
