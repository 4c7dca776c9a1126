"""Real crawls that must say what happened: progress at a terminal, Ctrl-C, a page robots.txt blocks,
the next due time after a crawl by hand, a stored page the extractors raise on (issue 21, items 11–13)."""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils

from extractors import EXTRACTOR_VERSION
from storage import open_database
from storage.history import insert_document, record_fetch
from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from vigicam.cli import cli

HTML = {"Content-Type": "text/html; charset=utf-8"}


def page(count: int) -> bytes:
    return f"<html><body><p>La ville compte {count} caméras.</p></body></html>".encode()


@pytest.fixture
def server():
    site = RoutesServer({
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /prive/\n"),
        "/a.html": (200, HTML, page(40)),
        "/b.html": (200, HTML, page(50)),
        "/prive/c.html": (200, HTML, page(60)),
        "/slow.html": (200, {**HTML, "X-Test-Sleep": "60"}, page(70)),
    })
    yield site
    site.close()


def add(runner, db_path, url, *options):
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, "--place", "Dreux", *options])
    assert result.exit_code == 0, result.output


def parse(moment: str) -> dt.datetime:
    return dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))


# -- item 13 ----------------------------------------------------------------------------------------

def test_status_after_a_crawl_by_hand(runner, db_path, server):
    add(runner, db_path, f"{server.url}/a.html", "--every", "6h")
    add(runner, db_path, f"{server.url}/prive/c.html", "--every", "1d")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert "pages done" not in result.stderr  # no progress line when stderr is not a terminal

    rows = {r["url"].rsplit("/", 1)[-1]: r for r in json.loads(run_vigicam(db_path, "status", "--json").stdout)}
    # due one interval (and up to 10 % jitter) after the crawl, not "now"
    due = parse(rows["a.html"]["next_due_at"]) - before
    assert dt.timedelta(hours=6) <= due <= dt.timedelta(hours=6.6, minutes=5)
    assert rows["c.html"]["last_outcome"] == "skipped" and rows["a.html"]["last_outcome"] == "new_content"

    lines = run_vigicam(db_path, "status").stdout.splitlines()
    assert lines[0].split() == ["id", "place", "last", "success", "last", "failure", "fails", "next", "due", "url"]
    assert "now" not in lines[1].split()
    assert lines[3] == "      blocked by robots.txt: vigicam does not fetch it (ask the site, or remove the source)"
    assert lines[2].endswith("/prive/c.html")


# -- item 11 ----------------------------------------------------------------------------------------

def store_page(db_path, url: str, title: object, count: int = 30) -> None:
    """A page stored by an older vigicam, never read by this extractor version. With its title stored as
    the page's raw bytes (a BLOB in SQLite), the extractors raise on it."""
    db = open_database(db_path)
    source_id = db.execute("select id from sources where url = ?", [url]).fetchone()[0]
    text = f"La ville compte {count} caméras."
    with db.atomic():
        document_id = insert_document(db, content_hash=f"older {url}", url=url, text=text, body=text.encode(),
                                      title=title)
        record_fetch(db, source_id=source_id, url=url, started_at="2024-01-01T00:00:00Z", http_status=200,
                     outcome="new_content", content_hash=f"older {url}", document_id=document_id)
    db.close()


def test_reextract_records_counts_and_skips_a_page_it_cannot_read(runner, db_path, server):
    add(runner, db_path, f"{server.url}/a.html")
    add(runner, db_path, f"{server.url}/b.html")
    store_page(db_path, f"{server.url}/a.html", title=b"Vid\xe9oprotection")
    store_page(db_path, f"{server.url}/b.html", title="Vidéoprotection")

    result = runner.invoke(cli, ["--db", str(db_path), "reextract"])
    assert result.exit_code == 0, result.output
    assert result.output == ("re-extracted 1 documents: 1 figures, 1 revisions; 1 could not be read "
                             "(recorded in extraction_failures, skipped)\n")
    db = sqlite_utils.Database(db_path)
    assert [(f["source_id"], f["extractor_version"], f["error"].split(":")[0])
            for f in db["extraction_failures"].rows] == [(1, EXTRACTOR_VERSION, "TypeError")]
    assert [(r["source_id"], r["value"]) for r in db.query("select source_id, value from figures")] == [(2, 30)]
    again = runner.invoke(cli, ["--db", str(db_path), "reextract"])
    assert again.output == "re-extracted 0 documents: 0 figures, 0 revisions\n"  # skipped, not retried


def test_a_crawl_after_an_upgrade_goes_on_past_an_unreadable_page(runner, db_path, server):
    add(runner, db_path, f"{server.url}/a.html")
    store_page(db_path, f"{server.url}/a.html", title=b"Vid\xe9oprotection")
    server.routes["/a.html"] = (200, HTML, page(41))
    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert "crawled 1 pages" in result.stdout and "1 new content" in result.stdout
    assert f"extractor {EXTRACTOR_VERSION}: 0 revisions, 1 failed (see extraction_failures)" in result.stdout
    db = sqlite_utils.Database(db_path)
    assert db["extraction_failures"].count == 1
    assert [r["value"] for r in db.query("select value from figures")] == [41]


# -- item 12: progress at a terminal, Ctrl-C ----------------------------------------------------------

class Terminal:
    """A child process on a pseudo-terminal, as a person runs it: what it writes, as it writes it."""

    def __init__(self, args: list[str]) -> None:
        master, slave = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.master = master
        self.output = b""

    def read_until(self, wanted: bytes, limit: float = 120) -> bool:
        """Read until `wanted` appears or the child ends (`limit` only guards against a hang)."""
        deadline = time.monotonic() + limit
        while wanted not in self.output and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the child closed the terminal
                    return wanted in self.output
                if not chunk:
                    return wanted in self.output
                self.output += chunk
            elif self.proc.poll() is not None:
                return wanted in self.output
        return wanted in self.output

    def close(self) -> int:
        self.read_until(b"\x00never", limit=60)
        os.close(self.master)
        return self.proc.wait(60)


def vigicam(db_path, *args: str) -> list[str]:
    return [sys.executable, "-m", "vigicam", "--db", str(db_path), *args]


def test_progress_shows_at_a_terminal(runner, db_path, server):
    add(runner, db_path, f"{server.url}/a.html")
    add(runner, db_path, f"{server.url}/b.html")
    terminal = Terminal(vigicam(db_path, "crawl", "--delay", "0"))
    assert terminal.read_until(b"crawled 2 pages"), terminal.output.decode(errors="replace")
    assert terminal.close() == 0
    text = terminal.output.decode(errors="replace")
    assert "crawling: 2 pages done, 0 queued, 0 failed" in text
    assert text.index("crawling: 2 pages done") < text.index("crawled 2 pages")


def test_ctrl_c_says_the_crawl_was_interrupted_and_exits_130(runner, db_path, server):
    # the slow page by another name of the same server: another host to Scrapy, so a.html is not queued
    # behind it (it was, for the 30 s of the slow page's timeout)
    add(runner, db_path, f"{server.url.replace('127.0.0.1', 'localhost')}/slow.html")
    add(runner, db_path, f"{server.url}/a.html")
    terminal = Terminal(vigicam(db_path, "crawl", "--delay", "0"))
    assert terminal.read_until(b"1 pages done"), terminal.output.decode(errors="replace")
    while "/slow.html" not in server.hits and terminal.proc.poll() is None:  # the slow page is in flight
        terminal.read_until(b"\x00never", limit=0.2)
    terminal.proc.send_signal(signal.SIGINT)
    assert terminal.read_until(b"Ctrl-C again to stop at once"), terminal.output.decode(errors="replace")
    terminal.proc.send_signal(signal.SIGINT)  # the slow page would hold a graceful stop for a minute
    assert terminal.close() == 130
    text = terminal.output.decode(errors="replace")
    assert "Interrupted: the crawl was interrupted; crawled 1 pages" in text
    assert "Traceback" not in text
    db = sqlite_utils.Database(db_path)
    assert [r["url"].rsplit("/", 1)[-1] for r in db.query("select url from fetches")] == ["a.html"]
