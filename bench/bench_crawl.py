"""A crawl of N local pages with extraction and SQLite writes against a bare Scrapy crawl of the same
pages (no pipeline), then a re-crawl of the unchanged pages. Politeness limits are lifted for the local
host in both (16 concurrent requests, no delay, no AutoThrottle, no robots.txt).

    python bench/bench_crawl.py [--pages 5000]

Each crawl runs in its own process (Scrapy's reactor cannot restart); peak RSS is the child's.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_extract import make_page  # noqa: E402

CAMERA_COUNT = re.compile(rb"(\d+)( cam\xc3\xa9ras)")  # "148 caméras" in UTF-8
FAST = {"CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": False, "VIGICAM_PROGRESS": False}

CHILD_VIGICAM = """
import json, resource, sys, time
from pathlib import Path
from vigicam.crawl import run_crawl
started = time.perf_counter()
summary = run_crawl(Path(sys.argv[1]), extra_settings=json.loads(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - started, "pages": summary.pages, "outcomes": summary.outcomes,
                  "detect_seconds": summary.detect_seconds, "detect_cpu_seconds": summary.detect_cpu_seconds,
                  "events": summary.events,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

CHILD_BARE = """
import json, resource, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess
urls = json.loads(open(sys.argv[1]).read())
class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for url in urls:
            yield scrapy.Request(url, dont_filter=True)
    def parse(self, response):
        yield {"url": response.url, "size": len(response.body)}
settings = dict(json.loads(sys.argv[2]), LOG_LEVEL="WARNING", TELNETCONSOLE_ENABLED=False)
process = CrawlerProcess(settings)
started = time.perf_counter()
process.crawl(Bare)
process.start()
print(json.dumps({"seconds": time.perf_counter() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"no server on port {port}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vigicam-bench-crawl-"))
    site = work / "site"
    site.mkdir()
    rng = random.Random(1)
    for i in range(args.pages):
        (site / f"p{i}.html").write_bytes(make_page(rng))
    port = free_port()
    # Its access log goes to /dev/null: a pipe nobody reads fills up and stalls the server.
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port)
    urls = [f"http://127.0.0.1:{port}/p{i}.html" for i in range(args.pages)]
    (work / "urls.json").write_text(json.dumps(urls))
    try:
        from storage import open_database

        db_path = work / "bench.db"
        db = open_database(db_path)
        with db.atomic():
            db["sources"].insert_all({"url": u, "place": "Dreux", "kind": "commune", "every": 86400, "follow": 0,
                                      "enabled": 1, "added_at": "2024-01-01T00:00:00Z"} for u in urls)
        db.close()
        bare = child(CHILD_BARE, str(work / "urls.json"), json.dumps(FAST))
        print(f"bare Scrapy:     {args.pages / bare['seconds']:.0f} pages/s, peak RSS {bare['rss_mb']:.0f} MB")
        first = child(CHILD_VIGICAM, str(db_path), json.dumps(FAST))
        print(f"vigicam crawl:   {args.pages / first['seconds']:.0f} pages/s "
              f"({100 * bare['seconds'] / first['seconds']:.0f} % of bare Scrapy), peak RSS {first['rss_mb']:.0f} MB "
              f"(+ {first['workers_rss_mb']:.0f} MB the largest page reader),"
              f" outcomes {first['outcomes']}")
        print(f"change detection: {first['detect_seconds']:.2f} s wall-clock, {first['detect_cpu_seconds']:.2f} s CPU, "
              f"in all for {args.pages} pages (as each is stored), {first['events']} events (every figure new)")
        import sqlite3

        conn = sqlite3.connect(db_path)
        conn.execute("pragma wal_checkpoint(TRUNCATE)")
        size_before = db_path.stat().st_size
        extractions_before = conn.execute("select count(*) from extractions").fetchone()[0]
        conn.close()
        again = child(CHILD_VIGICAM, str(db_path), json.dumps({**FAST, "VIGICAM_UNCONDITIONAL_EVERY": 0}))
        conn = sqlite3.connect(db_path)
        conn.execute("pragma wal_checkpoint(TRUNCATE)")
        size_after = db_path.stat().st_size
        extractions_after = conn.execute("select count(*) from extractions").fetchone()[0]
        print(f"re-crawl:        {args.pages / again['seconds']:.0f} pages/s, outcomes {again['outcomes']}, "
              f"{extractions_after - extractions_before} extractions, "
              f"database +{(size_after - size_before) / args.pages:.0f} bytes per fetch (after checkpoint)")
        for path in site.glob("*.html"):  # each city changes its camera counts: old and new figures compared
            path.write_bytes(CAMERA_COUNT.sub(lambda m: b"%d%s" % (int(m[1]) + 1, m[2]), path.read_bytes()))
        changed = child(CHILD_VIGICAM, str(db_path), json.dumps({**FAST, "VIGICAM_UNCONDITIONAL_EVERY": 0}))
        print(f"changed counts:  {args.pages / changed['seconds']:.0f} pages/s, {changed['events']} events; change "
              f"detection: {changed['detect_seconds']:.2f} s wall-clock, {changed['detect_cpu_seconds']:.2f} s CPU")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
