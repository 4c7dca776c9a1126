"""robots.txt kept between crawls with its expiry: real crawls of real local servers that count the
robots.txt requests, and the expiry rules on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from storage import open_database
from storage.robots_cache import RobotsAnswer, expiry, fresh_robots, keep_robots
from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from vigicam.cli import cli

HTML = {"Content-Type": "text/html; charset=utf-8"}
NOON = dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize("cache_control, seconds", [
    (None, 86_400),
    ("max-age=600", 600),
    ("public, max-age=604800", 86_400),  # never longer than a day
    ("no-store", 0),
    ("no-cache, max-age=600", 0),
    ("max-age=0", 0),
    ("max-age=²", 86_400),  # not a number: the default
])
def test_expiry(cache_control, seconds):
    assert expiry(NOON, cache_control, 86_400) == NOON + dt.timedelta(seconds=seconds)


def test_an_expired_robots_txt_is_not_used(db_path):
    db = open_database(db_path)
    keep_robots(db, [RobotsAnswer("a.example", 200, b"User-agent: *\nDisallow: /\n", "2026-06-01T12:00:00Z",
                                  "2026-06-02T12:00:00Z")])
    assert fresh_robots(db, "a.example", "2026-06-02T11:59:59Z") == b"User-agent: *\nDisallow: /\n"
    assert fresh_robots(db, "a.example", "2026-06-02T12:00:00Z") is None
    assert fresh_robots(db, "b.example", "2026-06-01T13:00:00Z") is None


def test_a_second_crawl_does_not_ask_robots_txt_again_and_still_obeys_it(runner, db_path):
    kept = RoutesServer({
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /prive/\n"),
        "/a.html": (200, HTML, "<p>La ville compte 12 caméras.</p>".encode()),
        "/prive/b.html": (200, HTML, b"<p>secret</p>"),
    })
    asked = RoutesServer({
        "/robots.txt": (200, {"Content-Type": "text/plain", "Cache-Control": "no-store"}, b"User-agent: *\n"),
        "/c.html": (200, HTML, "<p>La ville compte 14 caméras.</p>".encode()),
    })
    try:
        for url in (f"{kept.url}/a.html", f"{kept.url}/prive/b.html", f"{asked.url}/c.html"):
            assert runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, "--place", "Dreux"]).exit_code == 0
        for _ in range(2):
            result = run_vigicam(db_path, "crawl", "--delay", "0")
            assert result.returncode == 0, result.stderr
    finally:
        kept.close()
        asked.close()
    assert kept.hits.count("/robots.txt") == 1  # the second crawl read it from the database
    assert asked.hits.count("/robots.txt") == 2  # no-store: asked each crawl
    assert "/prive/b.html" not in kept.hits  # the kept rules still apply
    db = sqlite_utils.Database(db_path)
    outcomes = [row[0] for row in db.execute("select outcome from fetches where url like '%/prive/b.html'")]
    assert outcomes == ["skipped", "skipped"]
    (row,) = db.query("select netloc, status, expires_at from robots_txt")
    assert row["netloc"] == kept.url.removeprefix("http://") and row["status"] == 200


def test_a_worker_without_a_database_makes_none(tmp_path, monkeypatch):
    """A distributed worker's settings name no database ('no-database', VIGICAM_REMOTE): the middleware
    asks every host and leaves no SQLite file behind in the worker's folder."""
    from scrapy.utils.test import get_crawler

    from crawler import settings as crawl_settings
    from crawler.kept_robots import KeptRobotsTxtMiddleware

    monkeypatch.chdir(tmp_path)
    values = {k: getattr(crawl_settings, k) for k in dir(crawl_settings) if k.isupper()}
    crawler = get_crawler(settings_dict={**values, "VIGICAM_DB": "no-database", "VIGICAM_REMOTE": True})
    assert KeptRobotsTxtMiddleware.from_crawler(crawler).db is None
    assert list(tmp_path.iterdir()) == []
