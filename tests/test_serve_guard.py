"""`vigicam serve` against abuse (issue 22 item 15), over real HTTP: the Host header checked (DNS rebinding),
no SQL value that swells serve's memory, the write-ahead log checkpointed back while serve runs."""

from __future__ import annotations

import json
import os
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.conftest import run_vigicam
from tests.load_harness import start_serve
from tests.test_serve import free_port
from vigicam.serve_guard import allowed_hosts, host_allowed

WAL_BOUND_MB = 1


@pytest.fixture(scope="module")
def serving(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("guard") / "vc.db"
    added = run_vigicam(db_path, "sources", "add", "http://127.0.0.1:9/videoprotection.html", "--place", "Dreux")
    assert added.returncode == 0, added.stderr
    port = free_port()
    os.environ.update(VIGICAM_SERVE_HOSTS="vigicam.example", VIGICAM_SERVE_WAL_MB=str(WAL_BOUND_MB),
                      VIGICAM_SERVE_CHECKPOINT_SECONDS="0.5")
    try:
        process = start_serve(db_path, port)
    finally:
        for name in ("VIGICAM_SERVE_HOSTS", "VIGICAM_SERVE_WAL_MB", "VIGICAM_SERVE_CHECKPOINT_SECONDS"):
            del os.environ[name]
    yield f"http://127.0.0.1:{port}", db_path, process
    process.terminate()
    process.wait(20)


def get(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def peak_memory_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def test_host_names_serve_answers_to():
    allowed = allowed_hosts("127.0.0.1", "vigicam.example, stats.example")
    for header in ("127.0.0.1:8001", "localhost:8001", "LOCALHOST.", "[::1]:8001", "vigicam.example",
                   "stats.example:80", "192.0.2.7:8001", None):
        assert host_allowed(header, allowed), header
    for header in ("evil.example:8001", "localhost.evil.example", "127.0.0.1.evil.example:8001"):
        assert not host_allowed(header, allowed), header
    assert "myserver.lan" in allowed_hosts("myserver.lan")


def test_a_host_serve_does_not_answer_to_is_refused(serving):
    base, _, _ = serving
    status, body = get(base + "/-/versions.json", host="rebound.evil.example:8001")
    assert status == 400 and "does not answer to the host 'rebound.evil.example'" in body
    for host in (None, "localhost", "vigicam.example:8001"):
        assert get(base + "/-/versions.json", host=host)[0] == 200, host


def test_a_giant_value_is_refused_without_growing_serve(serving):
    base, _, process = serving
    query = urllib.parse.urlencode({"sql": "select length(randomblob(1e9))", "_shape": "objects"})
    status, body = get(f"{base}/vc.json?{query}")
    assert status == 400 and "string or blob too big" in body
    assert peak_memory_kb(process.pid) < 400_000  # Datasette alone holds ~70 MB; the blob alone was 1 GB


def test_the_write_ahead_log_is_checkpointed_back_while_serve_runs(serving):
    base, db_path, _ = serving
    assert get(base + "/vc/sources.json")[0] == 200  # serve's readers are open on the database
    writer = sqlite3.connect(db_path)  # a crawl's connection: it leaves checkpoints to another
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("create table if not exists filler (data blob)")
    for _ in range(8):
        with writer:
            writer.execute("insert into filler values (randomblob(1000000))")
    wal = db_path.with_name(db_path.name + "-wal")
    deadline = time.monotonic() + 60
    while wal.exists() and wal.stat().st_size > WAL_BOUND_MB * 1024 * 1024 and time.monotonic() < deadline:
        time.sleep(0.25)
    size = wal.stat().st_size if wal.exists() else 0
    writer.close()
    assert size <= WAL_BOUND_MB * 1024 * 1024
    assert get(base + "/vc/sources.json")[0] == 200


def test_no_facets_are_suggested(serving):
    """Suggesting facets tried every column of a table: 2.7 s a page of 100,000 events, the most of what made
    50 clients wait (bench/bench_serve_pages.py); a visitor still facets by a column from its menu."""
    base, _, _ = serving
    status, body = get(base + "/-/settings.json")
    assert status == 200 and json.loads(body)["suggest_facets"] is False
