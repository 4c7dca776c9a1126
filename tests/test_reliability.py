"""Faults, for real: a full database, a killed crawl, an old schema, a server under load."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from tests.conftest import run_vigicam
from tests.crash_harness import check, kill_at_random, leftovers, session_processes, snapshot
from tests.http_fixtures import RoutesServer
from vigicam.cli import cli

HTML = "text/html; charset=utf-8"


def page(n: int) -> bytes:
    text = f"<p>La ville compte {n + 10} caméras de vidéoprotection.</p>"
    return f"<html><body>{text}<p>{'Texte de remplissage. ' * 400}</p></body></html>".encode()


def add_sources(db_path, urls) -> None:
    runner = CliRunner()
    for url in urls:
        result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, "--place", "Dreux"])
        assert result.exit_code == 0, result.output


def test_a_full_database_stops_the_crawl_cleanly(tmp_path, monkeypatch):
    server = RoutesServer({f"/p{n}.html": (200, {"Content-Type": HTML}, page(n)) for n in range(40)})
    db_path = tmp_path / "full.db"
    try:
        add_sources(db_path, [f"{server.url}/p{n}.html" for n in range(40)])
        first = run_vigicam(db_path, "crawl", "--delay", "0", "--source", f"{server.url}/p0.html")
        assert first.returncode == 0, first.stderr
        pages = sqlite3.connect(db_path).execute("pragma page_count").fetchone()[0]
        monkeypatch.setenv("VIGICAM_MAX_DB_PAGES", str(pages + 12))  # the crawl's environment
        full = run_vigicam(db_path, "crawl", "--delay", "0")
    finally:
        server.close()
    assert full.returncode == 1
    assert "database is full" in full.stderr and "Traceback" not in full.stderr
    db = sqlite_utils.Database(db_path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    stored = list(db.query("select f.url, g.value from fetches f join extractions e on e.fetch_id = f.id "
                           "join figures g on g.extraction_id = e.id"))
    assert {"value": 10, "url": f"{server.url}/p0.html"} in stored  # what the first crawl stored is still there
    fetched = db.execute("select count(*) from fetches").fetchone()[0]
    assert 1 < fetched < 41  # some pages fitted, then the crawl stopped instead of failing page after page
    assert all(r["n"] == 1 for r in db.query("select count(*) as n from fetches f join extractions e on "
                                             "e.fetch_id = f.id group by f.id"))
    status = run_vigicam(db_path, "status")
    assert status.returncode == 0, status.stderr


@contextmanager
def slow_site(tmp_path: Path, count: int, sleep: float) -> Iterator[tuple[RoutesServer, dict, Path]]:
    """`count` pages that answer after `sleep` seconds, registered as the sources of a new database."""
    pages = {f"/p{n}.html": (200, {"Content-Type": HTML, "X-Test-Sleep": str(sleep)}, page(n)) for n in range(count)}
    server = RoutesServer(pages)
    db_path = tmp_path / "killed.db"
    try:
        add_sources(db_path, [f"{server.url}{path}" for path in pages])
        yield server, pages, db_path
    finally:
        server.close()


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path):
    with slow_site(tmp_path, 30, 0.15) as (server, pages, db_path):
        rounds: list[int] = []

        def new_figures(i: int) -> None:
            rounds.append(i)
            for n in range(30):
                server.routes[f"/p{n}.html"] = (200, pages[f"/p{n}.html"][1], page(n + 100 * i))

        kills, problems = kill_at_random(["crawl", "--delay", "0"], random.Random(7), 1.2, 3.5, new_figures, 3,
                                         db_path)
        assert problems == []
        assert kills == 3
        final = run_vigicam(db_path, "crawl", "--delay", "0")
        assert final.returncode == 0, final.stderr
    assert check(db_path, snapshot(db_path)) == []
    db = sqlite_utils.Database(db_path)
    latest = {r["value"] for r in db.query("select value from latest_figures where metric = 'cameras'")}
    assert latest == {n + 100 * rounds[-1] + 10 for n in range(30)}  # the last round's, each page read at last


def test_a_killed_crawl_leaves_no_page_reader_running(tmp_path):
    """Pages are read in forked worker processes; a crawl killed with kill -9 cannot stop them itself."""
    with slow_site(tmp_path, 40, 0.5) as (_server, _pages, db_path):
        crawl = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), "crawl", "--delay", "0",
                                  "--workers", "2"], stderr=subprocess.PIPE, start_new_session=True)
        for _ in range(300):  # until the readers have started
            if len(session_processes(crawl.pid)) == 3 or crawl.poll() is not None:
                break
            time.sleep(0.05)
        assert len(session_processes(crawl.pid)) == 3, crawl.stderr.read() if crawl.poll() is not None else ""
        crawl.kill()
        crawl.wait()
        alive = leftovers(crawl.pid)
        for pid in alive:  # a failing run must not leave them behind either
            os.kill(pid, signal.SIGKILL)
        assert alive == []


def test_a_database_of_the_first_schema_upgrades_and_keeps_every_row(tmp_path):
    db_path = tmp_path / "v1.db"
    old = sqlite3.connect(db_path)
    old.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text(encoding="utf-8"))
    tables = ("sources", "documents", "fetches", "extractions", "figures", "changes")
    rows_before = {t: old.execute(f"select * from {t} order by id").fetchall() for t in tables}
    old.close()
    status = run_vigicam(db_path, "status")  # opening with the latest code runs every later migration
    assert status.returncode == 0, status.stderr
    db = sqlite_utils.Database(db_path)
    for table in tables:
        width = len(rows_before[table][0])  # later migrations may add columns, never change the old ones
        assert [r[:width] for r in db.execute(f"select * from {table} order by id").fetchall()] == rows_before[table]
    assert [(r["metric"], r["value"]) for r in db.query("select * from latest_figures")] == [("cameras", 71)]
    report = run_vigicam(db_path, "report", "--since", "2000-01-01")
    assert "Dreux: cameras 64 → 71 (+7)" in report.stdout, report.stderr
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("delete from figures")
