"""`vigicam serve` under abuse (issue 22 item 15): each case's answer, its seconds and serve's peak memory.

    python bench/bench_serve_abuse.py [--wal-mb 200] [--readers 10]

A Host that is not serve's (DNS rebinding), a 1 GB value in one SQL call, 1,000 rows of 10 MB values, and a
writer that logs --wal-mb MB (checkpoints passive, as a crawl's) while --readers clients run overlapping
queries of a second: the log's
largest size, and its size once the writer stops.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.load_harness import start_serve  # noqa: E402
from tests.test_serve import free_port  # noqa: E402
from tests.test_serve_guard import get, peak_memory_kb  # noqa: E402


def sql_case(base: str, pid: int, name: str, sql: str) -> None:
    started = time.monotonic()
    status, body = get(f"{base}/vc.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "objects"}))
    error = body.split('"error": ', 1)[1][:60] if '"error": ' in body else body[:60]
    print(f"{name:34} {time.monotonic() - started:6.2f} s  serve peak {peak_memory_kb(pid) / 1024:5.0f} MB  "
          f"HTTP {status}: {error}", flush=True)


def wal_case(base: str, db_path: Path, megabytes: int, readers: int) -> None:
    stop = threading.Event()
    answers = [0]

    slow = urllib.parse.urlencode({"sql": "with recursive c(x) as (select 1 union all select x + 1 from c "
                                          "limit 300000) select count(*) from c, sources"})

    def read() -> None:  # queries of about a second, overlapping: some reader always holds a snapshot
        while not stop.is_set():
            answers[0] += get(f"{base}/vc.json?{slow}")[0] == 200

    threads = [threading.Thread(target=read) for _ in range(readers)]
    for thread in threads:
        thread.start()
    wal = db_path.with_name(db_path.name + "-wal")
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # as a crawl's writer: its checkpointer is passive
    writer.execute("create table if not exists filler (data blob)")
    largest = 0
    started = time.monotonic()
    for _ in range(megabytes):
        with writer:
            writer.execute("insert into filler values (randomblob(1000000))")
        writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
        largest = max(largest, wal.stat().st_size if wal.exists() else 0)
    written = time.monotonic() - started
    time.sleep(15)
    stop.set()
    for thread in threads:
        thread.join()
    final = wal.stat().st_size if wal.exists() else 0
    writer.close()
    print(f"WAL: {megabytes} MB written in {written:.0f} s under {readers} readers ({answers[0]} answers): "
          f"largest {largest / 2**20:.0f} MB, 15 s later {final / 2**20:.1f} MB "
          f"(database {db_path.stat().st_size / 2**20:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wal-mb", type=int, default=200)
    parser.add_argument("--readers", type=int, default=10)
    args = parser.parse_args()
    db_path = Path(tempfile.mkdtemp(prefix="vigicam-bench-abuse-")) / "vc.db"
    subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), "sources", "add",
                    "http://127.0.0.1:9/videoprotection.html", "--place", "Dreux"], check=True, capture_output=True)
    port = free_port()
    server = start_serve(db_path, port)
    base = f"http://127.0.0.1:{port}"
    try:
        status, body = get(base + "/-/versions.json", host="rebound.evil.example")
        print(f"{'Host: rebound.evil.example':34} HTTP {status}: {body.strip()[:90]}")
        sql_case(base, server.pid, "select length(randomblob(1e9))", "select length(randomblob(1e9))")
        sql_case(base, server.pid, "1,000 rows of randomblob(1e7)", "with recursive c(x) as (select 1 union all "
                 "select x + 1 from c limit 1000) select randomblob(1e7) from c")
        status, _ = get(base + "/-/versions.json")
        print(f"{'serve afterwards':34} HTTP {status}")
        wal_case(base, db_path, args.wal_mb, args.readers)
    finally:
        server.terminate()
        server.wait(20)


if __name__ == "__main__":
    main()
