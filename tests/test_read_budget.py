"""A page's reading is bounded in CPU time (issue 22 item 1): past [crawl] max_read_seconds the page is a
failed fetch with the reason, backed off, and the other pages are read; and [crawl] max_wait_per_host bounds
what one host's Retry-After answers cost a crawl (item 16). Crawled for real from 127.0.0.1."""

from __future__ import annotations

import signal

import pytest
import sqlite_utils

from crawler.read_budget import read_within
from extractors.reading import Reading, warm_up
from extractors.safe_read import read_and_extract_safely
from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from tests.test_crawl import add, fetches
from vigicam.config import ConfigError, crawl_limits

HTML = {"Content-Type": "text/html; charset=utf-8"}
GOOD = "<html><body><p>La ville compte 148 caméras de vidéoprotection.</p></body></html>".encode()
# About 6 s of CPU to read on this project's VM (60,000 short paragraphs of counts), 1.2 MB: under the 10 MB
# download limit and the 2 M-character text limit.
SLOW = b"<html><body>" + b"<p>12 cam\xc3\xa9ras.</p>" * 60_000 + b"</body></html>"


def spin(body: bytes, content_type: str | None, **hints: object) -> Reading:
    """A reading that never ends by itself."""
    while True:
        pass


def test_a_reading_past_its_cpu_bound_is_a_failed_reading_and_the_timer_is_restored():
    before = signal.getsignal(signal.SIGPROF)
    reading = read_within(spin, 0.2, b"<p>x</p>", "text/html")
    assert reading.page is None and reading.error == "reading took more than 0.2 s of CPU (max_read_seconds)"
    assert signal.getsignal(signal.SIGPROF) is before and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    warm_up()  # the French model loads once, outside any page's bound
    reading = read_within(read_and_extract_safely, 5, GOOD, HTML["Content-Type"])
    assert reading.error is None and [f.value for f in reading.figures] == [148]


def test_the_crawl_limits_are_read_from_the_settings_file(tmp_path):
    path = tmp_path / "vigicam.toml"
    assert crawl_limits(path) == {"VIGICAM_MAX_READ_SECONDS": 20, "VIGICAM_MAX_WAIT_PER_HOST": 600}
    path.write_text('[crawl]\nmax_read_seconds = 1.5\nmax_wait_per_host = "2m"\n', encoding="utf-8")
    assert crawl_limits(path) == {"VIGICAM_MAX_READ_SECONDS": 1.5, "VIGICAM_MAX_WAIT_PER_HOST": 120}
    path.write_text('[crawl]\nmax_read_seconds = "20s"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="max_read_seconds must be a number of seconds"):
        crawl_limits(path)
    path.write_text("[crawl]\nmax_wait_per_host = 600\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="max_wait_per_host must be a duration"):
        crawl_limits(path)


@pytest.mark.parametrize("workers", ["1", "0"], ids=["in a page reader", "in the crawl's process"])
def test_a_page_slow_to_read_fails_with_its_reason_and_the_others_go_on(runner, db_path, tmp_path, workers):
    """With --workers 0 the French model loads at the first page read: outside that page's bound, or the first
    page of every crawl would fail."""
    server = RoutesServer({"/slow.html": (200, HTML, SLOW), "/good.html": (200, HTML, GOOD)})
    # another host (localhost, not 127.0.0.1) that answers 429 'come back in 31 years' to every page
    busy = RoutesServer({f"/busy{i}.html": (429, {**HTML, "Retry-After": "999999999"}, b"") for i in range(3)})
    config = tmp_path / "vigicam.toml"
    config.write_text('[crawl]\nmax_read_seconds = 0.5\nmax_wait_per_host = "1s"\n', encoding="utf-8")
    try:
        add(runner, db_path, f"{server.url}/slow.html")
        add(runner, db_path, f"{server.url}/good.html")
        for i in range(3):
            add(runner, db_path, f"{busy.url.replace('127.0.0.1', 'localhost')}/busy{i}.html")
        # a fresh interpreter: the model must not be loaded yet when the first page is read
        result = run_vigicam(db_path, "--config", str(config), "crawl", "--delay", "0", "--workers", workers,
                             fresh=True)
    finally:
        server.close()
        busy.close()
    assert result.returncode == 0, result.stderr
    rows = fetches(db_path)
    assert rows["slow.html"]["outcome"] == "failed"
    assert rows["slow.html"]["error"] == "reading took more than 0.5 s of CPU (max_read_seconds)"
    assert rows["good.html"]["outcome"] == "new_content"
    db = sqlite_utils.Database(db_path)
    failures = {r["url"].rsplit("/", 1)[-1]: r["consecutive_failures"] for r in db.query(
        "select sources.url, consecutive_failures from schedule_state join sources on sources.id = source_id")}
    assert failures["slow.html"] == 1 and failures["good.html"] == 0  # backed off like any failure
    assert [r["kind"] for r in db.query("select kind from changes where source_id = 1")] == ["source_failing"]
    # the first 429 asked 300 s (each wait's cap), past the host's 1 s: the host is given up, its pages go
    # at once and are not retried (600 s by default: the crawl would wait 300 s, then 300 more)
    assert sorted(hit for hit in busy.hits if hit != "/robots.txt") == ["/busy0.html", "/busy1.html", "/busy2.html"]
    assert {(rows[f"busy{i}.html"]["outcome"], rows[f"busy{i}.html"]["error"]) for i in range(3)} == {
        ("failed", "HTTP 429")}
