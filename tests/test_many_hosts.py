"""Many hosts at once, still polite (issue 23 item 3): the global limit scaled to the crawl's hosts, one
request at a time per host, a host that keeps timing out given up as a whole, host names answered by a
resolve override, DNS answers cached. The crawl reaches real servers on several 127.0.0.x addresses, each
logging when each answer started and ended."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
import sqlite_utils

from crawler.host_scaling import distinct_hosts, scaled_concurrency
from crawler.resolve_override import parse_overrides
from storage import open_database
from storage.sources import Source, add_source
from tests.http_fixtures import QuietServer
from vigicam.cli import cli

ANSWER_SECONDS = 0.3  # each answer takes this long: two requests to one host at once would overlap


class InFlight:
    """Requests being answered right now, and the most there ever were at once."""

    def __init__(self) -> None:
        self.now = self.most = 0
        self.lock = threading.Lock()

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


class LoggedHost:
    """A host on its own address: pages naming cameras, an empty robots.txt, the paths asked as they arrive
    and the most requests it had in flight at once (counted until the last byte is sent)."""

    def __init__(self, address: str, seconds: float, together: InFlight) -> None:
        self.arrived: list[str] = []
        self.in_flight = InFlight()
        self.together = together  # shared by several hosts: more than 1 means they were served at once
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                owner.arrived.append(self.path)
                owner.in_flight.enter()
                owner.together.enter()
                try:
                    time.sleep(0.01 if self.path == "/robots.txt" else seconds)
                    body = b"User-agent: *\n" if self.path == "/robots.txt" else \
                        f"<p>La ville de {address} compte {len(self.path)} cam\u00e9ras.</p>".encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                finally:  # before the body: the client cannot ask again before the count went down
                    owner.together.leave()
                    owner.in_flight.leave()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = QuietServer((address, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def pages(self) -> list[str]:
        return [path for path in self.arrived if path != "/robots.txt"]


@pytest.fixture
def hosts() -> Iterator[list[LoggedHost]]:
    """Three hosts that answer in 0.3 s and one (the last) that answers in 5 s, past the crawl's timeout."""
    fast = InFlight()
    started = [LoggedHost(f"127.0.0.{n}", ANSWER_SECONDS, fast) for n in (31, 32, 33)] + [
        LoggedHost("127.0.0.34", 5, InFlight())]
    yield started
    for host in started:
        host.server.shutdown()
        host.server.server_close()


def test_scaled_concurrency():
    assert scaled_concurrency(hosts=200, configured=8, cap=64) == 64
    assert scaled_concurrency(hosts=20, configured=8, cap=64) == 20
    assert scaled_concurrency(hosts=3, configured=8, cap=64) == 8  # never fewer than CONCURRENT_REQUESTS
    assert scaled_concurrency(hosts=200, configured=8, cap=0) == 8  # 0: no scaling
    assert distinct_hosts(["http://a.fr/x", "http://A.fr/y", "http://a.fr:8080/", "https://b.fr/"]) == 3


def test_resolve_override_entries():
    assert parse_overrides(["www.Chartres.fr:80:127.0.0.5", "dreux.com:443:[::1]"]) == {
        ("www.chartres.fr", 80): "127.0.0.5", ("dreux.com", 443): "::1"}
    for bad in ("www.chartres.fr:127.0.0.5", "www.chartres.fr:80:chartres", ":80:127.0.0.1"):
        with pytest.raises(ValueError, match="not host:port:address"):
            parse_overrides([bad])


def test_a_mistyped_override_is_one_line(runner, db_path):
    add = runner.invoke(cli, ["--db", str(db_path), "sources", "add", "http://ville.test/a.html", "--place", "Dreux"])
    assert add.exit_code == 0
    result = runner.invoke(cli, ["--db", str(db_path), "crawl"], env={"VIGICAM_RESOLVE": "ville.test:80"})
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: VIGICAM_RESOLVE: not host:port:address: 'ville.test:80' (e.g. www.chartres.fr:80:127.0.0.5)"]


def test_dns_answers_are_cached_for_a_national_crawl(db_path):
    from scrapy import resolver
    from scrapy.utils.test import get_crawler

    from crawler import settings as crawl_settings
    from crawler.resolver import GuardedResolver

    open_database(db_path).close()
    values = {k: getattr(crawl_settings, k) for k in dir(crawl_settings) if k.isupper()}
    guard = GuardedResolver.from_crawler(get_crawler(settings_dict={**values, "VIGICAM_DB": str(db_path)}),
                                     reactor=object())  # built, never installed: no reactor in this process
    assert isinstance(guard.inner, resolver.CachingThreadedResolver)
    assert resolver.dnscache.limit >= 21_466  # every commune's host, not Scrapy's 10,000


CRAWL = """
import json, sys
from pathlib import Path
from vigicam.crawl import run_crawl
summary = run_crawl(Path(sys.argv[1]), delay=0, timeout=1, workers=0, extra_settings=json.loads(sys.argv[2]))
print(json.dumps(summary.outcomes))
"""


def test_many_hosts_one_request_each_and_a_host_that_times_out_given_up(db_path: Path, hosts: list[LoggedHost]):
    """Global limit 1 before scaling: requests to different hosts overlap only because it grew to the
    number of hosts; none to one host overlap; the 5 s host is given up after 3 timeouts, not 6 × 3."""
    names = [f"ville{n}.test" for n in range(len(hosts))]
    db = open_database(db_path)
    for name, host in zip(names, hosts, strict=True):
        for page in range(6):
            add_source(db, Source(url=f"http://{name}:{host.port}/p{page}.html", place="Dreux"))
    db.close()
    settings = {"CONCURRENT_REQUESTS": 1, "VIGICAM_MAX_CONCURRENT_REQUESTS": 64, "VIGICAM_HOST_TIMEOUTS": 3,
                "VIGICAM_PROGRESS": False,
                "VIGICAM_RESOLVE": [f"{name}:{host.port}:{host.server.server_address[0]}"
                                    for name, host in zip(names, hosts, strict=True)]}
    done = subprocess.run([sys.executable, "-c", CRAWL, str(db_path), json.dumps(settings)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    fast, slow = hosts[:3], hosts[3]
    # every page of each fast host was fetched (a busy machine may let one fast answer outlast the 1 s
    # timeout, and its retry asks for the page again: what must never happen is two at once, below)
    assert [sorted(set(host.pages())) for host in fast] == [[f"/p{n}.html" for n in range(6)]] * 3
    assert [host.in_flight.most for host in fast] == [1, 1, 1]  # the slow one sleeps on after the client left
    assert fast[0].together.most > 1  # the fast hosts were served at once
    # given up at the 3rd timeout; Scrapy hands the slot's next request to the network as a request ends,
    # before the middleware hears of the timeout: one more may have left. Not 6 pages × 3 attempts.
    assert 3 <= len(slow.pages()) <= 4, slow.pages()
    rows = sqlite_utils.Database(db_path).query(
        "select url, outcome, error from fetches where url like 'http://ville3.test%' order by id")
    errors = [(row["outcome"], row["error"]) for row in rows]
    assert len(errors) == 6 and all(outcome == "failed" for outcome, _ in errors)
    assert all("ville3.test timed out 3 times this crawl" in error for _, error in errors), errors
    assert json.loads(done.stdout.splitlines()[-1])["new_content"] == 18
