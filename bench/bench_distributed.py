"""Distributed crawl (issue 24): pages/s with 1, 2 and 3 workers on one simulated site, CPU per page, and
the writer's ceiling.

The site is HOSTS hosts on 127.0.0.0/8 (127.0.0.20, .21, …), each serving PAGES realistic municipal pages
(bench_extract.make_page, about 20 kB with figure sentences) at once; the politeness delay is 0, so the
only limit per host is the lease (one request in flight per host across all workers); `--latency` makes
each answer take that long, as a real town hall's server does (then the hosts served at once count, not
only the CPU: a worker's global limit scaled to its hosts, crawler/host_scaling.py). For each worker
count, on a fresh database and an empty Redis: the sources are handed to the frontier, the workers crawl
until every result is in the stream (pages/s; the workers' CPU from wait4, per page), then `ingest --once`
writes them alone (the writer's ceiling, results/s).

    python bench/bench_distributed.py [--hosts 6] [--pages 40] [--latency 0]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).parent))
from bench_extract import make_page  # noqa: E402

PASSWORD = "bench-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class InFlight:
    """A host's requests being answered, and the most at once (politeness, seen from the server)."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self.lock = threading.Lock()

    def add(self, step: int) -> None:
        with self.lock:
            self.now += step
            self.most = max(self.most, self.now)


def serve(address: str, pages: dict[str, bytes], latency: float = 0.0) -> tuple[ThreadingHTTPServer, InFlight]:
    in_flight = InFlight()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            in_flight.add(1)
            try:
                time.sleep(latency)
                body = pages.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")
            finally:
                in_flight.add(-1)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((address, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, in_flight


def vigicam(log: Path, *args: str) -> subprocess.Popen:
    with log.open("w") as err:
        return subprocess.Popen([sys.executable, "-m", "vigicam", *args], stdout=subprocess.DEVNULL, stderr=err)


def one_run(workers: int, folder: Path, urls: list[str], url: str, client: redis.Redis) -> dict[str, float]:
    client.flushall()
    db = folder / f"bench-{workers}.db"
    toml = folder / "sources.toml"
    toml.write_text("".join(f'[[sources]]\nurl = "{u}"\nplace = "Dreux"\n' for u in urls))
    for args in (("sources", "import", str(toml)), ("schedule", "--redis", url, "--max-runs", "1", "--tick", "1s")):
        subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db), *args], check=True, capture_output=True)
    started = time.monotonic()
    procs = [vigicam(folder / f"worker-{workers}-{i}.log", "worker", "--redis", url, "--delay", "0", "--idle-exit",
                     "30s") for i in range(workers)]
    while client.xlen("vigicam:results") < len(urls):
        if all(proc.poll() is not None for proc in procs):
            logs = "".join((folder / f"worker-{workers}-{i}.log").read_text()[-2000:] for i in range(workers))
            raise SystemExit(f"the workers stopped with {client.xlen('vigicam:results')} results of {len(urls)}:\n"
                             f"{logs}")
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    cpu = 0.0
    for proc in procs:
        proc.terminate()
        _pid, _status, usage = os.wait4(proc.pid, 0)
        proc.returncode = 0
        cpu += usage.ru_utime + usage.ru_stime
    from vigicam.ingest import Ingester  # in this process: the writer's own time, not a process start's

    ingester = Ingester(db, client)
    before = time.monotonic()
    summary = ingester.run(once=True)
    ingest = time.monotonic() - before
    assert summary.stored == len(urls), summary.line()
    return {"pages_per_s": len(urls) / elapsed, "seconds": elapsed, "cpu_ms_per_page": 1000 * cpu / len(urls),
            "writer_results_per_s": len(urls) / ingest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=6)
    parser.add_argument("--pages", type=int, default=40, help="pages per host")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds each answer takes")
    options = parser.parse_args()
    rng = random.Random(24)
    servers, counters, urls = [], [], []
    for h in range(options.hosts):
        pages = {f"/p{i}.html": make_page(rng) for i in range(options.pages)}
        server, in_flight = serve(f"127.0.0.{20 + h}", pages, options.latency)
        servers.append(server)
        counters.append(in_flight)
        urls += [f"http://127.0.0.{20 + h}:{server.server_address[1]}{path}" for path in pages]
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        redis_server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--requirepass",
                                         PASSWORD, "--save", "", "--appendonly", "no", "--dir", tmp],
                                        stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        url = f"redis://:{PASSWORD}@127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url)
        try:
            print(f"{len(urls)} pages on {options.hosts} hosts, answers in {options.latency:g}s, "
                  f"{os.cpu_count()} cores")
            for workers in (1, 2, 3):
                for counter in counters:
                    counter.most = 0
                r = one_run(workers, Path(tmp), urls, url, client)
                print(f"{workers} worker(s): {r['pages_per_s']:.1f} pages/s ({r['seconds']:.1f}s), "
                      f"{r['cpu_ms_per_page']:.1f} ms CPU a page in the workers; "
                      f"writer alone: {r['writer_results_per_s']:.0f} results/s; "
                      f"most requests at once on one host: {max(c.most for c in counters)}")
        finally:
            redis_server.terminate()
            redis_server.wait()
            for server in servers:
                server.shutdown()


if __name__ == "__main__":
    main()
