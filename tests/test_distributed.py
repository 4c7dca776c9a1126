"""The distributed crawl (issue 24): workers on a real Redis frontier, one writer, the same history.

A real `redis-server` is started on 127.0.0.1 with a password; the site is several hosts on 127.0.0.0/8
(127.0.0.2, .3, …), each serving slowly enough that two requests in flight at once would show in its log.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from crawler import redis_json
from tests.conftest import run_vigicam
from tests.http_fixtures import QuietServer

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
PASSWORD = "test-secret-24"
pytestmark = pytest.mark.skipif(not os.path.exists(REDIS_SERVER),
                                reason="redis-server is not installed (Debian: apt-get install redis-server)")
HOSTS = ["127.0.0.2", "127.0.0.3", "127.0.0.4"]
PAGE_SECONDS = 0.05  # each answer takes this long: two requests at once to one host would overlap


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_outside_ephemeral_range() -> int:
    """A free port below the kernel's ephemeral range. A Redis stopped and started again on its port must find
    it free: a port the kernel hands out (`free_port`, or the local end of any outgoing connection of a test
    running beside this one) may be taken while Redis is down, and Redis then cannot listen on it again."""
    low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(10_000, max(10_001, low))
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return free_port()


class RedisServer:
    """A real Redis on loopback with a password, its append-only file in `folder`: stopped, killed and
    started again on the same port, it comes back with what it held."""

    def __init__(self, folder: Path) -> None:
        self.port = port_outside_ephemeral_range()
        self.folder = folder
        self.url = f"redis://:{PASSWORD}@127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        """Starts Redis and waits until it answers; fails with its log when it does not (it could not listen,
        or could not load its file), rather than letting a test wait on a server that is not there."""
        log = self.folder / "redis.log"
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--requirepass", PASSWORD, "--save",
                 "", "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.folder)],
                stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"redis-server did not start on port {self.port}: {log.read_text()[-2000:]}")

    def stop(self, kill: bool = False) -> None:
        """SIGTERM (Redis shuts down, its file written) or SIGKILL."""
        assert self.process is not None
        self.process.kill() if kill else self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    return redis_server.url


class HostSite:
    """One host of the simulated site: pages with figures, a 404, a robots.txt; a log of each answer's
    start and end (the end is logged before the last byte is sent, so a client can only start its next
    request after it)."""

    def __init__(self, address: str, number: int, seconds: float = PAGE_SECONDS) -> None:
        self.log: list[tuple[str, float, float]] = []
        self.lock = threading.Lock()
        self.routes = site_routes(number)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                started = time.monotonic()
                status, body = owner.routes.get(self.path, (404, b"not found"))
                time.sleep(seconds)
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if self.path.endswith(".txt") else
                                 "application/xml" if self.path.endswith(".xml") else "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with owner.lock:
                    owner.log.append((self.path, started, time.monotonic()))
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = QuietServer((address, 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://{address}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def overlaps(self) -> list[tuple[str, str]]:
        spans = sorted(self.log, key=lambda span: span[1])
        return [(a[0], b[0]) for a, b in zip(spans, spans[1:], strict=False) if b[1] < a[2]]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def page(title: str, sentence: str, links: str = "") -> bytes:
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{sentence}</p>{links}"
            "</body></html>").encode()


def site_routes(n: int) -> dict[str, tuple[int, bytes]]:
    """Host n: three registered pages, an index followed to two found pages, a page robots.txt forbids."""
    routes = {
        "/robots.txt": (200, b"User-agent: *\nDisallow: /prive/\n"),
        "/prive/page.html": (200, page("Priv\u00e9", f"Rien \u00e0 Ville{n}.")),
        # each host's texts its own: a text two pages share is stored once, under the URL fetched first
        "/index.html": (200, page("Accueil", f"Bienvenue \u00e0 Ville{n}.",
                                  '<a href="/securite/cameras.html">Vid\u00e9oprotection</a>'
                                  '<a href="/securite/csu.html">Cam\u00e9ras</a><a href="/autre.html">Autre</a>')),
        "/securite/cameras.html": (200, page("Cam\u00e9ras", f"La ville compte {40 + n} cam\u00e9ras.")),
        "/securite/csu.html": (200, page("CSU", f"Le centre de supervision urbain emploie {n + 3} op\u00e9rateurs.")),
        "/autre.html": (200, page("Autre", f"Rien \u00e0 voir \u00e0 Ville{n}.")),
    }
    for i in range(3):
        routes[f"/page{i}.html"] = (200, page(f"Page {i}", f"En 2023, la commune a install\u00e9 {10 * n + i} "
                                                           "nouvelles cam\u00e9ras de vid\u00e9oprotection."))
    return routes


def host_sites() -> Iterator[list[HostSite]]:
    """The simulated site's hosts, closed when done (this module's fixture and tests/test_scrapyd.py's)."""
    sites = [HostSite(address, n) for n, address in enumerate(HOSTS, start=1)]
    yield sites
    for site in sites:
        site.close()


@pytest.fixture(scope="module")
def hosts() -> Iterator[list[HostSite]]:
    yield from host_sites()


@pytest.fixture(scope="module")
def single_crawl(hosts: list[HostSite], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Counter]]:
    """`vigicam crawl` of the site in one process (once for the 2- and 3-worker runs): its database, and
    each host's requests."""
    single = tmp_path_factory.mktemp("single") / "single.db"
    register(single, hosts)
    local = run_vigicam(single, "crawl", "--delay", "0", "--workers", "0")
    assert local.returncode == 0, local.stderr
    local_hits = [Counter(path for path, _s, _e in site.log) for site in hosts]
    return single, local_hits


def register(db_path: Path, sites: list[HostSite]) -> None:
    """Six sources a host: three pages, a 404, a page robots.txt forbids, a followed index."""
    from storage import open_database
    from storage.sources import Source, add_source

    db = open_database(db_path)
    for n, site in enumerate(sites, start=1):
        for path in ("/page0.html", "/page1.html", "/page2.html", "/missing.html", "/prive/page.html", "/index.html"):
            add_source(db, Source(url=site.url + path, place=f"Ville{n}", follow=path == "/index.html"))
    db.close()


def ingest_the_rest(db_path: Path, redis_url: str) -> int:
    """What a stopped writer left in the stream, by a new writer (this process); returns how many stored."""
    import redis

    from vigicam.ingest import Ingester

    return Ingester(db_path, redis.Redis.from_url(redis_url)).run(once=True).stored


TABLES = {
    "fetches": "select source_id, url, final_url, http_status, outcome, error, bytes, content_hash from fetches",
    "documents": "select content_hash, url, title, text, published, updated, content_type, encoding from documents",
    "figures": "select d.content_hash, f.source_id, f.metric, f.value, f.qualifier, f.place, f.place_code, f.date, "
               "f.evidence, f.sentence, f.extractor_version from figures f join documents d on d.id = f.document_id",
    "changes": "select kind, place, metric, old_value, new_value, old_qualifier, new_qualifier, source_id from changes",
}


def table_rows(db: Path) -> dict[str, Counter]:
    """Each table's rows without ids and timestamps, as a multiset (workers store in another order)."""
    conn = sqlite3.connect(db)
    try:
        return {name: Counter(tuple(row) for row in conn.execute(sql)) for name, sql in TABLES.items()}
    finally:
        conn.close()


STARTED: list[subprocess.Popen] = []


def vigicam_process(db: Path | None, *args: str) -> subprocess.Popen:
    prefix = ["--db", str(db)] if db else []
    process = subprocess.Popen([sys.executable, "-m", "vigicam", *prefix, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    STARTED.append(process)
    return process


@pytest.fixture(autouse=True)
def no_process_left() -> Iterator[None]:
    """A test that fails leaves no worker or writer behind, waiting for its Redis for ever."""
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("count", [2, 3])
def test_workers_and_a_writer_store_what_one_crawl_stores(tmp_path: Path, redis_url: str, hosts: list[HostSite],
                                                          single_crawl: tuple[Path, list[Counter]], count: int) -> None:
    """Two, then three workers and one writer: each URL fetched once, one request at a time per host, and
    the same rows as a crawl in one process."""
    single, local_hits = single_crawl
    shared = tmp_path / "shared.db"
    register(shared, hosts)
    for site in hosts:
        site.log.clear()

    fed = run_vigicam(shared, "schedule", "--redis", redis_url, "--max-runs", "1", "--tick", "1s")
    assert fed.returncode == 0, fed.stderr
    assert "18 sources handed to the frontier" in fed.stderr
    writer = vigicam_process(shared, "ingest", "--redis", redis_url)
    workers = [vigicam_process(None, "worker", "--redis", redis_url, "--delay", "0", "--idle-exit", "1s")
               for _ in range(count)]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0] * count, outputs
    sent = [int(out.split()[2]) for out, _err in outputs]
    # the pages were shared (a third worker that loads last may find the frontier empty on a loaded machine)
    assert sum(sent) == 24 and sum(n > 0 for n in sent) >= 2, f"results sent by each worker: {sent}"
    writer.send_signal(signal.SIGTERM)  # stops after the result in hand; what is left waits in the stream
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert out.startswith("ingested ")
    ingest_the_rest(shared, redis_url)

    # no URL fetched twice (robots.txt aside: each worker reads a host's robots.txt once, as a crawl does)
    for site, before in zip(hosts, local_hits, strict=True):
        hits = Counter(path for path, _s, _e in site.log)
        assert {path: n for path, n in hits.items() if n > 1 and path != "/robots.txt"} == {}
        assert hits - Counter({"/robots.txt": count}) == before - Counter({"/robots.txt": 1})
        assert site.overlaps() == [], f"two requests in flight at once on {site.url}"
    distributed, alone = table_rows(shared), table_rows(single)
    assert {name: (distributed[name] - alone[name], alone[name] - distributed[name]) for name in TABLES
            if distributed[name] != alone[name]} == {}
    outcomes = dict(Counter(row[4] for row in table_rows(shared)["fetches"].elements()))
    assert outcomes == {"new_content": 18, "failed": 3, "skipped": 3}
    conn = sqlite3.connect(shared)
    assert conn.execute("select count(*) from ingested_results").fetchone()[0] == 24
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"


def stored(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("select count(*) from fetches").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def test_requests_travel_as_json_never_pickle() -> None:
    """The frontier's serializer carries data only: bytes and bytes-keyed headers survive, an object is refused."""
    request = {"url": "http://127.0.0.2/x", "headers": {b"If-None-Match": [b'"abc"']}, "body": b"",
               "meta": {"source_id": 3, "round": "7", "follow": True}, "priority": -2}
    text = redis_json.dumps(request)
    assert redis_json.loads(text) == request
    assert b"\x80" not in text.encode()  # no pickle opcode
    with pytest.raises(TypeError, match="JSON only"):
        redis_json.dumps({"meta": {"x": object()}})
    with pytest.raises(ValueError):
        redis_json.loads(b"\x80\x04\x95 pickled")


def failed_fetch(source_id: int, url: str) -> str:
    from crawler.items import FetchItem
    from crawler.results import encode_result

    item = FetchItem(source_id=source_id, url=url, started_at="2026-12-05T10:00:00Z",
                     finished_at="2026-12-05T10:00:01Z", error="HTTP 503", http_status=503)
    return encode_result(item, None, {}, "1")


def test_the_writer_stores_a_result_once_and_resumes_what_a_killed_writer_held(tmp_path: Path, redis_url: str) -> None:
    """A writer killed after its commit but before its acknowledgement, or after reading entries it never
    stored: the next writer stores each result exactly once, and sets aside an unreadable entry."""
    import redis

    from crawler.frontier import REJECTED_KEY, RESULTS_KEY, WRITERS_GROUP
    from crawler.results import decode_result
    from storage import open_database
    from storage.sources import Source, add_source
    from vigicam.ingest import Ingester, ensure_group

    db_path = tmp_path / "w.db"
    db = open_database(db_path)
    add_source(db, Source(url="http://127.0.0.2:8000/a.html", place="Dreux"))
    db.close()
    client = redis.Redis.from_url(redis_url)
    ensure_group(client)
    first, second = failed_fetch(1, "http://127.0.0.2:8000/a.html"), failed_fetch(1, "http://127.0.0.2:8000/a.html")
    unknown = failed_fetch(99, "http://127.0.0.2:8000/b.html")  # a source this database does not have
    for entry in (first, second, "{not json", first, unknown):  # the first result delivered twice
        client.xadd(RESULTS_KEY, {"json": entry})
    # a writer that read all four and was killed having committed the first only, acknowledging none
    client.xreadgroup(WRITERS_GROUP, "writer", {RESULTS_KEY: ">"}, count=10)
    killed = Ingester(db_path, client)
    killed.db = open_database(db_path)
    from storage.fetch_store import FetchStore

    killed.store = FetchStore(killed.db, None)
    killed.write(decode_result(first))
    killed.db.close()

    summary = Ingester(db_path, client).run(once=True)
    assert (summary.stored, summary.duplicates, summary.rejected) == (1, 2, 2), summary.line()
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*), count(distinct started_at) from fetches").fetchone() == (2, 1)
    assert conn.execute("select count(*) from ingested_results").fetchone()[0] == 2
    assert client.xlen(RESULTS_KEY) == 0 and client.xpending(RESULTS_KEY, WRITERS_GROUP)["pending"] == 0
    rejected = client.xrange(REJECTED_KEY)
    assert [entry[b"reason"].split(b":")[0] for _id, entry in rejected] == [b"unreadable result",
                                                                             b"refused by the database"]


def test_a_wrong_redis_password_is_one_line(redis_url: str) -> None:
    from click.testing import CliRunner

    from vigicam.cli import cli

    wrong = redis_url.replace(PASSWORD, "not-the-password")
    result = CliRunner().invoke(cli, ["worker", "--redis", wrong])
    assert result.exit_code == 1
    assert result.output.startswith("Error: Redis refused the password") and len(result.output.splitlines()) == 1
    assert "not-the-password" not in result.output


def test_a_worker_and_the_writer_killed_mid_crawl_lose_nothing(tmp_path: Path, redis_url: str) -> None:
    """SIGKILL of a worker holding requests: they come back to the frontier once it stops saying it is
    alive (--inflight-timeout), the other worker fetches them. SIGKILL of the writer: a new one takes
    what it held. Every page ends with its fetch, each result stored once."""
    import redis

    from storage import open_database
    from storage.batches import open_batch_of
    from vigicam.feeder import hand_out
    from vigicam.ingest import ensure_group

    sites = [HostSite(address, n, seconds=0.3) for n, address in enumerate(HOSTS, start=1)]
    client = redis.Redis.from_url(redis_url)
    try:
        shared = tmp_path / "shared.db"
        register(shared, sites)
        db = open_database(shared)
        batch = open_batch_of(db)
        db.close()
        hand_out(shared, client, batch.id)
        worker = ["worker", "--redis", redis_url, "--delay", "0", "--timeout", "2", "--inflight-timeout", "2s"]
        doomed = vigicam_process(None, *worker)
        survivor = vigicam_process(None, *worker, "--idle-exit", "1s")
        writer = vigicam_process(shared, "ingest", "--redis", redis_url)
        deadline = time.monotonic() + 60
        ensure_group(client)  # the stream exists from now on; entries-added counts results sent, ingested or not
        while client.xinfo_stream("vigicam:results")["entries-added"] < 4:
            assert time.monotonic() < deadline and doomed.poll() is None, "the workers never got going"
            time.sleep(0.02)
        doomed.kill()
        doomed.wait()
        while stored(shared) < 2:  # the writer has committed some results, maybe not acknowledged them
            assert time.monotonic() < deadline and writer.poll() is None, "the writer never got going"
            time.sleep(0.02)
        writer.kill()
        writer.wait()
        out, err = survivor.communicate(timeout=120)
        assert survivor.returncode == 0, err
        assert "requests taken back from stopped workers" in out, out
        ingest_the_rest(shared, redis_url)
    finally:
        for site in sites:
            site.close()
    conn = sqlite3.connect(shared)
    # each page's first fetch (a page the killed worker had fetched but not sent is fetched again: same_content)
    first = list(conn.execute("select source_id, url, outcome from fetches where id in "
                              "(select min(id) from fetches group by source_id, url)"))
    assert len(first) == 24, "every registered and found page was fetched"  # as in the test above
    assert Counter(outcome for _s, _u, outcome in first) == {"new_content": 18, "failed": 3, "skipped": 3}
    assert {outcome for (outcome,) in conn.execute("select outcome from fetches where id not in "
                                                  "(select min(id) from fetches group by source_id, url)")} <= {
        "same_content", "failed", "skipped"}
    assert conn.execute("select count(*) from (select 1 from extractions group by document_id, source_id "
                        "having count(*) > 1)").fetchone()[0] == 0
    assert conn.execute("select count(*) from fetches").fetchone() == conn.execute(
        "select count(*) from ingested_results").fetchone()
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert client.zcard("vigicam:requests") == 0 and client.zcard("vigicam:inflight") == 0


def results_sent(client: object) -> int:
    """Results the workers have sent, ingested or not (the stream's entries-added)."""
    return client.xinfo_stream("vigicam:results")["entries-added"]  # type: ignore[attr-defined]


def wait_until(condition: object, what: str, *alive: subprocess.Popen, seconds: float = 90,
               about: object = None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting until {what}: {about() if about else ''}"
        for proc in alive:
            assert proc.poll() is None, f"stopped while waiting until {what}: {proc.communicate()}"
        time.sleep(0.02)


class Watched:
    """A vigicam process whose stderr is read as it comes (a test waits for a line)."""

    def __init__(self, db: Path | None, *args: str) -> None:
        self.process = vigicam_process(db, *args)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self) -> None:
        for line in self.process.stderr:  # type: ignore[union-attr]
            self.lines.append(line.rstrip("\n"))

    def outages(self) -> int:
        return sum("Redis unreachable" in line for line in list(self.lines))

    def err(self) -> str:
        return "\n".join(self.lines)

    def finish(self, signal: int | None, seconds: float = 120) -> int:
        """The process's exit code once it stops (told to by `signal`, or by itself): bounded, so that a process
        that never stops fails the test with what it said instead of hanging the suite."""
        if signal is not None:
            self.process.send_signal(signal)
        try:
            code = self.process.wait(seconds)
        except subprocess.TimeoutExpired as late:
            self.process.kill()
            self.process.wait(10)
            raise AssertionError(f"still running {seconds:.0f} s after it should have stopped: {self.err()[-3000:]}"
                                 ) from late
        self.process.stdout.read()  # type: ignore[union-attr]
        self.reader.join(10)
        return code


def test_a_worker_and_the_writer_wait_out_redis_stopped_and_killed(tmp_path: Path, redis_server: RedisServer) -> None:
    """Redis stopped (SIGTERM: it writes its append-only file) and started again while a worker and the
    writer run; the writer SIGKILLed and started again; Redis SIGKILLed and started again. Each process
    says once per outage, in one line, that Redis is unreachable, and carries on: the crawl completes,
    each page fetched once, each result stored once."""
    import redis

    from storage import open_database
    from storage.batches import open_batch_of
    from vigicam.feeder import hand_out
    from vigicam.ingest import ensure_group

    sites = [HostSite(address, n, seconds=0.3) for n, address in enumerate(HOSTS, start=1)]
    client = redis.Redis.from_url(redis_server.url)
    shared = tmp_path / "shared.db"
    try:
        register(shared, sites)
        db = open_database(shared)
        batch = open_batch_of(db)
        db.close()
        hand_out(shared, client, batch.id)
        ensure_group(client)
        worker = Watched(None, "worker", "--redis", redis_server.url, "--delay", "0", "--idle-exit", "2s",
                         "--inflight-timeout", "30s")
        writer = Watched(shared, "ingest", "--redis", redis_server.url)
        wait_until(lambda: results_sent(client) >= 3, "the worker sends results", worker.process, writer.process)
        redis_server.stop()
        wait_until(lambda: worker.outages() == writer.outages() == 1, "both say Redis is unreachable")
        redis_server.start()
        wait_until(lambda: stored(shared) >= 8, "the writer stores results after the outage", worker.process,
                   writer.process)
        writer.process.kill()
        writer = Watched(shared, "ingest", "--redis", redis_server.url)
        wait_until(lambda: results_sent(client) >= 14, "the worker sends more results",
                   worker.process, writer.process)
        redis_server.stop(kill=True)
        wait_until(lambda: worker.outages() == 2 and writer.outages() == 1, "both say Redis is unreachable again",
                   about=lambda: (worker.err()[-3000:], writer.err()[-3000:]))
        redis_server.start()
        assert worker.finish(signal=None) == 0, worker.err()
        assert writer.finish(signal=signal.SIGTERM) == 0, writer.err()
        ingest_the_rest(shared, redis_server.url)
    finally:
        for site in sites:
            site.close()
    for watched in (worker, writer):
        assert "Traceback" not in watched.err() and PASSWORD not in watched.err(), watched.err()
        assert all(f"redis://…@127.0.0.1:{redis_server.port}/0" in line
                   for line in watched.lines if "Redis unreachable" in line), watched.err()
    for site in sites:
        hits = Counter(path for path, _s, _e in site.log if path != "/robots.txt")
        assert {path: n for path, n in hits.items() if n > 1} == {}, f"fetched twice on {site.url}"
    conn = sqlite3.connect(shared)
    outcomes = Counter(outcome for (outcome,) in conn.execute("select outcome from fetches"))
    assert outcomes == {"new_content": 18, "failed": 3, "skipped": 3}
    assert conn.execute("select count(*) from ingested_results").fetchone()[0] == 24
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert client.zcard("vigicam:requests") == 0 and client.zcard("vigicam:inflight") == 0


def test_a_process_waiting_for_redis_stops_on_sigterm() -> None:
    """A worker or the writer waiting out an outage is blocked in the wait (the loop that would stop it
    gracefully waits too): SIGTERM stops it at once, in one line, where it used to be ignored."""
    port = free_port()  # nothing listens there
    code = f"from crawler.frontier import lasting_client; lasting_client('redis://:x@127.0.0.1:{port}/0').ping()"
    waiting = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    first = waiting.stderr.readline()  # type: ignore[union-attr]
    assert first.startswith(f"Redis unreachable at redis://…@127.0.0.1:{port}/0 ("), first
    waiting.send_signal(signal.SIGTERM)
    rest = waiting.stderr.read()  # type: ignore[union-attr]
    assert waiting.wait(10) == 0
    assert rest == "stopped by SIGTERM while Redis was unreachable\n"


def add_page(db_path: Path, url: str) -> None:
    from storage import open_database
    from storage.sources import Source, add_source

    db = open_database(db_path)
    add_source(db, Source(url=url, place="Dreux"))
    db.close()


def frontier_urls(client: object) -> set[str]:
    """The URLs of the requests waiting in the frontier."""
    return {redis_json.loads(data)["url"] for data in client.zrange("vigicam:requests", 0, -1)}  # type: ignore[attr-defined]


def test_schedule_waits_out_redis_killed_and_goes_on(tmp_path: Path, redis_server: RedisServer) -> None:
    """`schedule --redis` with Redis SIGKILLed after its first hand-out: one line says Redis is unreachable
    (no traceback each tick), the loop waits for it, and once Redis is back (its append-only file read) the
    round handed out before is still there, still open, and the source added meanwhile is handed out."""
    import redis

    shared = tmp_path / "s.db"
    add_page(shared, "http://127.0.0.2:9/a.html")
    client = redis.Redis.from_url(redis_server.url)
    schedule = Watched(shared, "schedule", "--redis", redis_server.url, "--tick", "1s", "--max-runs", "2")
    wait_until(lambda: client.hlen("vigicam:rounds") == 1, "the first hand-out", schedule.process)
    redis_server.stop(kill=True)
    wait_until(lambda: schedule.outages() == 1, "it says Redis is unreachable", schedule.process, seconds=30,
               about=lambda: schedule.err()[-3000:])
    add_page(shared, "http://127.0.0.2:9/b.html")
    redis_server.start()
    assert schedule.finish(signal=None) == 0, schedule.err()
    assert schedule.outages() == 1 and "Traceback" not in schedule.err(), schedule.err()
    assert PASSWORD not in schedule.err() and schedule.lines[-1] == "schedule stopped after 2 hand-outs to the frontier"
    assert frontier_urls(client) == {"http://127.0.0.2:9/a.html", "http://127.0.0.2:9/b.html"}
    assert set(client.hkeys("vigicam:rounds")) == {b"1", b"2"}
    conn = sqlite3.connect(shared)
    assert conn.execute("select count(*) from crawl_batches where finished_at is null").fetchone()[0] == 2


def test_a_batch_read_but_never_handed_out_is_handed_out_next_tick(tmp_path: Path, redis_url: str) -> None:
    """A scheduler stopped between reading a batch from the database and handing it to the frontier (SIGTERM
    while it waited for Redis) left the batch open: its sources belonged to no round and were never due
    again. The next scheduler hands the batch out, same round."""
    import redis

    from scheduler import SchedulerOptions
    from vigicam.feeder import FrontierScheduler

    shared = tmp_path / "s.db"
    for name in ("a", "b"):
        add_page(shared, f"http://127.0.0.2:9/{name}.html")
    stopped = FrontierScheduler(SchedulerOptions(shared))
    batch = stopped.next_batch()
    assert batch is not None and batch.sources == 2
    restarted = FrontierScheduler(SchedulerOptions(shared))
    restarted.client = redis.Redis.from_url(redis_url)
    restarted.job()
    assert frontier_urls(restarted.client) == {"http://127.0.0.2:9/a.html", "http://127.0.0.2:9/b.html"}
    assert restarted.client.hkeys("vigicam:rounds") == [str(batch.id).encode()]
    restarted.job()  # handed out once: the next tick finds it among the rounds
    assert restarted.client.zcard("vigicam:requests") == 2


WORKER = """
import json, sys
from vigicam.worker import run_worker
print(run_worker(sys.argv[1], delay=0, idle_exit=1.0, extra_settings=json.loads(sys.argv[2])).line())
"""


def test_a_worker_serves_its_hosts_at_once_one_request_each(tmp_path: Path, redis_url: str) -> None:
    """A worker's global limit grows to the registered pages' hosts, as a local crawl's (issue 23): with a
    global limit of 1 before scaling, requests to different hosts overlap, never two to one host."""
    import redis

    from storage import open_database
    from storage.batches import open_batch_of
    from vigicam.feeder import hand_out

    sites = [HostSite(address, n, seconds=0.2) for n, address in enumerate(HOSTS, start=1)]
    try:
        shared = tmp_path / "s.db"
        for i in range(2):  # the hosts in turn: a worker with one slot per host takes one page of each
            for site in sites:
                add_page(shared, f"{site.url}/missing{i}.html")  # a 404: nothing to read, no model to load
        db = open_database(shared)
        batch = open_batch_of(db)
        db.close()
        hand_out(shared, redis.Redis.from_url(redis_url), batch.id)
        settings = {"CONCURRENT_REQUESTS": 1, "VIGICAM_MAX_CONCURRENT_REQUESTS": 64}
        done = subprocess.run([sys.executable, "-c", WORKER, redis_url, json.dumps(settings)], capture_output=True,
                              text=True, timeout=120)
    finally:
        for site in sites:
            site.close()
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("worker stopped: 6 results sent"), done.stdout
    assert [site.overlaps() for site in sites] == [[], [], []]
    spans = sorted((start, end) for site in sites for _path, start, end in site.log)
    assert any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:], strict=False)), \
        "the hosts were served one after the other"


def test_a_request_let_go_is_not_held_again_when_redis_brings_it_back(redis_url: str) -> None:
    """A Redis restarted from its append-only file may hold a finished request in flight again (the last
    writes before a SIGKILL are lost). A worker that kept refreshing it would keep the frontier busy, and
    itself up past `--idle-exit`, for ever; a request let go is never refreshed, so its deadline passes and
    it goes back to the queue like any other."""
    import redis
    from scrapy import Request, Spider
    from scrapy.settings import Settings

    from crawler.frontier import INFLIGHT_KEY
    from crawler.reliable_queue import INFLIGHT_META, ReliableQueue

    client = redis.Redis.from_url(redis_url)
    spider = Spider(name="letgo")
    spider.settings = Settings({"VIGICAM_INFLIGHT_TIMEOUT": 1})
    queue = ReliableQueue(client, spider, "letgo:requests", serializer=redis_json)
    queue.push(Request("http://127.0.0.1/a"))
    token = queue.pop().meta[INFLIGHT_META]
    client.zrem(INFLIGHT_KEY, token)  # the result sent, the hold removed …
    queue.release(token)
    client.zadd(INFLIGHT_KEY, {token: time.time() + 1})  # … and brought back by the restarted Redis
    time.sleep(1.2)
    queue.refresh()
    assert client.zscore(INFLIGHT_KEY, token) < time.time()  # not held again
    assert queue.reap() == 1
    assert client.zcard(INFLIGHT_KEY) == 0 and client.zcard("letgo:requests") == 1
