"""Notifications go to a real local HTTP endpoint and a real local SMTP server, each event once."""

import contextlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils
from aiosmtpd.controller import Controller

from tests.conftest import copy_of_crawl, crawled_site, run_vigicam

HTML = {"Content-Type": "text/html; charset=utf-8"}


class Hook:
    """A webhook receiver: records the JSON bodies Apprise posts."""

    def __init__(self, status: int = 200) -> None:
        self.bodies: list[dict] = []
        self.status = status
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                owner.bodies.append(json.loads(self.rfile.read(length) or b"{}"))
                self.send_response(owner.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"json://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802, ANN001, ANN201
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@contextlib.contextmanager
def smtp_server():
    """A real SMTP server on a free port of 127.0.0.1: its mailbox and the mailto URL that reaches it."""
    mailbox = Mailbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, f"mailto://127.0.0.1:{port}?from=vigicam@example.org&to=team@example.org&mode=insecure"
    finally:
        controller.stop()


AFTER = (200, HTML, "<p>La ville compte 458 caméras.</p>".encode())


@pytest.fixture(scope="module")
def crawled_once(tmp_path_factory):
    """Two real crawls, 'plus de 450' then 458 cameras: two events. Done once; each test gets a copy."""
    def make(db_path, site):
        assert run_vigicam(db_path, "sources", "add", f"{site.url}/v.html", "--place", "Dreux").returncode == 0
        assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
        site.routes["/v.html"] = AFTER
        assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0

    before = (200, HTML, "<p>La ville compte plus de 450 caméras.</p>".encode())
    with crawled_site(tmp_path_factory, "notify", {"/v.html": before}, make) as crawled:
        yield crawled


@pytest.fixture
def crawled_db(crawled_once, db_path):
    """A copy of the crawled database, and its site as the crawls left it."""
    with copy_of_crawl(crawled_once, db_path, "/v.html", AFTER) as site:
        yield db_path, site


def test_webhook_gets_one_message_and_each_event_once(crawled_db, tmp_path):
    db_path, _ = crawled_db
    hook = Hook()
    config = tmp_path / "vigicam.toml"
    config.write_text(f'[notify]\nurls = ["{hook.url}"]\n', encoding="utf-8")
    first = run_vigicam(db_path, "--config", str(config), "notify")
    assert first.returncode == 0 and "sent 2 events" in first.stdout, first.stderr
    assert len(hook.bodies) == 1 and "plus de 450 → 458" in hook.bodies[0]["message"]
    ids = [row["id"] for row in sqlite_utils.Database(db_path).query("select id from changes order by id")]
    events = [line for line in hook.bodies[0]["message"].splitlines() if not line.startswith("    ")]
    assert [line.split(" ", 1)[0] for line in events] == [f"#{i}" for i in ids]  # receivers can drop repeats
    again = run_vigicam(db_path, "--config", str(config), "notify")
    assert "sent 0 events" in again.stdout and len(hook.bodies) == 1
    db = sqlite_utils.Database(db_path)
    assert db["notifications"].count == 2
    assert "127.0.0.1" not in json.dumps(list(db["notifications"].rows))  # no address in the database


def test_a_failed_send_is_retried_later(crawled_db, tmp_path):
    db_path, _ = crawled_db
    hook = Hook(status=500)
    config = tmp_path / "vigicam.toml"
    config.write_text(f'[notify]\nurls = ["{hook.url}"]\n', encoding="utf-8")
    failed = run_vigicam(db_path, "--config", str(config), "notify")
    assert failed.returncode == 1 and failed.stdout == "sent 0 events\n"
    assert failed.stderr == "Error: delivery failed on events: 2 events pending; they go at the next try\n"
    hook.status = 200
    assert "sent 2 events" in run_vigicam(db_path, "--config", str(config), "notify").stdout


def test_an_unreachable_webhook_exits_non_zero_with_the_events_pending(crawled_db, tmp_path):
    import socket

    db_path, _ = crawled_db
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "vigicam.toml"
    config.write_text(f'[notify]\nurls = ["json://127.0.0.1:{port}/hook"]\n', encoding="utf-8")
    result = run_vigicam(db_path, "--config", str(config), "notify")
    assert result.returncode == 1
    assert "2 events pending; they go at the next try" in result.stderr and "Traceback" not in result.stderr
    assert sqlite_utils.Database(db_path)["notifications"].count == 0


def test_email_and_separate_failure_channel(crawled_db, tmp_path):
    db_path, site = crawled_db
    with smtp_server() as (mailbox, mailto):
        hook = Hook()
        config = tmp_path / "vigicam.toml"
        config.write_text(f'[notify]\nurls = ["{mailto}"]\nfailure_urls = ["{hook.url}"]\n', encoding="utf-8")
        site.routes["/v.html"] = (500, HTML, b"down")
        assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
        result = run_vigicam(db_path, "--config", str(config), "notify")
        assert "sent 3 events" in result.stdout, result.stdout + result.stderr
        assert len(mailbox.messages) == 1 and "458" in mailbox.messages[0]
        assert len(hook.bodies) == 1 and "source failing" in hook.bodies[0]["message"]
