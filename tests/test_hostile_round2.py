"""Hostile pages and faults, round two (issue 22): no connection to internal addresses, every reading
failure recorded with its reason, bounded waits, no infinite values. Crawled for real from 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import sqlite_utils
from click.testing import CliRunner

from tests.conftest import copy_of_crawl, crawled_site, run_vigicam
from tests.http_fixtures import RoutesServer
from tests.pdf_fixtures import flate_bomb_pdf, scanned_pdf, text_pdf
from tests.test_crawl import add, fetches
from vigicam.cli import cli

HTML = "text/html; charset=utf-8"
GOOD = "<html><body><p>La ville compte 148 caméras de vidéoprotection.</p></body></html>".encode()
GOOD_ROUTE = (200, {"Content-Type": HTML}, GOOD)
SECRET = "<html><body><p>Le service interne compte 999 caméras.</p></body></html>".encode()


@pytest.fixture
def internal():
    """Another service on this machine, which no page may lead the crawl to."""
    server = RoutesServer({"/secret.html": (200, {"Content-Type": HTML}, SECRET),
                           "/videoprotection.html": (200, {"Content-Type": HTML}, SECRET),
                           "/sitemap.xml": (200, {"Content-Type": "application/xml"}, b"<urlset/>")})
    yield server
    server.close()


@pytest.fixture
def site(internal):
    port = internal.url.rsplit(":", 1)[1]
    sitemap = (f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>"
               f"http://127.0.0.1:{port}/sitemap.xml</loc></sitemap></sitemapindex>").encode()
    server = RoutesServer({
        "/good.html": (200, {"Content-Type": HTML}, GOOD),
        # to a page of the source's own server that is not registered (one that is, is fetched as its source)
        "/moved.html": (302, {"Location": "/new-home.html"}, b""),
        "/new-home.html": (200, {"Content-Type": HTML}, GOOD),
        "/to-port.html": (302, {"Location": f"http://127.0.0.1:{port}/secret.html"}, b""),
        "/to-decimal.html": (302, {"Location": f"http://2130706433:{port}/secret.html"}, b""),
        "/to-localhost.html": (302, {"Location": f"http://localhost:{port}/secret.html"}, b""),
        "/links.html": (200, {"Content-Type": HTML}, (
            f"<p>La ville compte 148 caméras.</p><a href='http://127.0.0.1:{port}/videoprotection.html'>"
            "vidéoprotection</a>").encode()),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"}, sitemap),
    })
    yield server
    server.close()


@pytest.fixture(scope="module")
def good_crawled(tmp_path_factory):
    """A database whose one source, a page of 148 cameras, was crawled once for real; made once."""
    def make(db_path, server):
        add(CliRunner(), db_path, f"{server.url}/good.html")
        assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0

    with crawled_site(tmp_path_factory, "good", {"/good.html": GOOD_ROUTE}, make) as crawled:
        yield crawled


@pytest.fixture
def after_good_crawl(good_crawled, db_path):
    """A copy of that database, and its server with the page as the crawl found it."""
    with copy_of_crawl(good_crawled, db_path, "/good.html", GOOD_ROUTE) as server:
        yield server


def test_pages_cannot_lead_the_crawl_to_another_local_service(runner, db_path, site, internal):
    """The source's own server is trusted (it was registered on 127.0.0.1); another port, another spelling
    of the address or another name is not, whether reached by a redirect, a followed link or a sitemap."""
    for page in ("good.html", "moved.html", "to-port.html", "to-decimal.html", "to-localhost.html"):
        add(runner, db_path, f"{site.url}/{page}")
    result = runner.invoke(cli, [
        "--db", str(db_path), "sources", "add", f"{site.url}/links.html", "--place", "Dreux", "--follow"])
    assert result.exit_code == 0, result.output
    result = run_vigicam(db_path, "crawl", "--delay", "0", "--timeout", "5")
    assert result.returncode == 0, result.stderr
    assert internal.hits == []  # never connected to
    rows = fetches(db_path)
    assert rows["good.html"]["outcome"] == "new_content" and rows["moved.html"]["outcome"] == "new_content"
    for page in ("to-port.html", "to-decimal.html", "to-localhost.html"):
        assert rows[page]["outcome"] == "failed", page
        assert "refused before connecting" in rows[page]["error"] and "loopback" in rows[page]["error"], page
    assert rows["videoprotection.html"]["outcome"] == "failed"
    db = sqlite_utils.Database(db_path)
    assert not list(db.query("select id from documents where text like '%999%'"))


def test_a_redirect_to_cloud_metadata_or_a_private_address_is_refused_before_connecting(runner, db_path):
    server = RoutesServer({
        "/metadata.html": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
        "/decimal.html": (302, {"Location": "http://2852039166/latest/meta-data/"}, b""),
        "/private.html": (302, {"Location": "http://10.0.0.1/admin"}, b""),
        "/mapped.html": (302, {"Location": "http://[::ffff:169.254.169.254]/"}, b""),
    })
    try:
        for page in ("metadata.html", "decimal.html", "private.html", "mapped.html"):
            add(runner, db_path, f"{server.url}/{page}")
        result = run_vigicam(db_path, "crawl", "--delay", "0", "--timeout", "2")
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    rows = fetches(db_path)
    assert "connecting: 169.254.169.254 is a link-local address" in rows["metadata.html"]["error"]
    # w3lib 2.6 spells the decimal host "169.254.169.254" already when it follows the redirect (WHATWG URL
    # parsing), earlier versions leave "2852039166" to the resolver: either way the link-local address is refused
    decimal = rows["decimal.html"]["error"]
    assert "refused before connecting" in decimal and "169.254.169.254" in decimal and "link-local" in decimal
    assert "10.0.0.1 is a private address" in rows["private.html"]["error"]
    assert "::ffff:169.254.169.254 is 169.254.169.254, a link-local address" in rows["mapped.html"]["error"]
    assert {row["outcome"] for row in rows.values()} == {"failed"}


def test_a_range_the_user_allows_is_crawled(runner, db_path, site, internal):
    add(runner, db_path, f"{site.url}/to-port.html")
    result = run_vigicam(db_path, "crawl", "--delay", "0", "--allow-network", "127.0.0.0/8")
    assert result.returncode == 0, result.stderr
    assert fetches(db_path)["to-port.html"]["outcome"] == "new_content"
    assert internal.hits == ["/robots.txt", "/secret.html"]


def test_an_allowed_range_that_is_not_one_is_one_line(runner, db_path):
    result = run_vigicam(db_path, "crawl", "--allow-network", "10.0.0.0/33")
    assert result.returncode == 2
    assert "not an address or a network: '10.0.0.0/33'" in result.stderr and "Traceback" not in result.stderr


PDF = {"Content-Type": "application/pdf"}


def events(db_path) -> list[tuple[str, str | None]]:
    db = sqlite_utils.Database(db_path)
    return [(r["kind"], r["url"].rsplit("/", 1)[-1]) for r in db.query(
        "select changes.kind, sources.url from changes join sources on sources.id = changes.source_id")]


def test_pdfs_that_break_or_empty_the_reader_are_recorded_failures(runner, db_path):
    """A Flate bomb (pypdf's LimitReachedError) escaped the reader: no fetch, no event. A scanned PDF read
    as an empty page withdrew every figure; it is a failed reading, and the figures stay."""
    server = RoutesServer({"/bomb.pdf": (200, PDF, flate_bomb_pdf()),
                           "/plan.pdf": (200, PDF, text_pdf("La ville compte 148 caméras de vidéoprotection."))})
    try:
        add(runner, db_path, f"{server.url}/bomb.pdf")
        add(runner, db_path, f"{server.url}/plan.pdf")
        first = run_vigicam(db_path, "crawl", "--delay", "0")
        server.routes["/plan.pdf"] = (200, PDF, scanned_pdf())
        second = run_vigicam(db_path, "crawl", "--delay", "0")
    finally:
        server.close()
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    db = sqlite_utils.Database(db_path)
    fetched = list(db.query("select url, outcome, error from fetches order by id"))
    bomb, plan = ([(r["outcome"], r["error"]) for r in fetched if r["url"].endswith(name)]
                  for name in ("bomb.pdf", "plan.pdf"))
    assert [outcome for outcome, _ in bomb] == ["failed", "failed"]
    assert bomb[0][1].startswith("unreadable PDF: LimitReachedError: ")
    assert plan == [("new_content", None), ("failed", "no text on the page (scanned or empty PDF)")]
    assert sorted(events(db_path)) == [("new", "plan.pdf"), ("source_failing", "bomb.pdf"),
                                       ("source_failing", "plan.pdf")]
    assert [r["value"] for r in db.query("select value from latest_figures where metric = 'cameras'")] == [148]


def test_extract_says_why_a_pdf_is_unreadable_in_one_line(runner, tmp_path):
    (tmp_path / "bomb.pdf").write_bytes(flate_bomb_pdf())
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    for name, reason in (("bomb.pdf", "unreadable PDF: LimitReachedError: "), ("scan.pdf", "no text on the page")):
        result = runner.invoke(cli, ["extract", str(tmp_path / name)])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
        assert result.output.startswith(f"Error: {tmp_path / name}: {reason}"), result.output
        assert len(result.output.strip().splitlines()) == 1


def crawl_with(db_path, **settings) -> subprocess.CompletedProcess[str]:
    """A real crawl in a child process, with Scrapy settings the command line does not offer."""
    script = ("import sys, json; from pathlib import Path; from vigicam.crawl import run_crawl; "
              "print(run_crawl(Path(sys.argv[1]), delay=0, extra_settings=json.loads(sys.argv[2])).line())")
    return subprocess.run([sys.executable, "-c", script, str(db_path), json.dumps(settings)],
                          capture_output=True, text=True, timeout=120)


def test_a_retry_after_that_is_not_a_number_keeps_the_answer(runner, db_path):
    """'²' passed str.isdigit() and broke float(): the 429 was lost, recorded as a ValueError."""
    server = RoutesServer({"/busy.html": (429, {"Content-Type": HTML, "Retry-After": "²"}, b"slow down")})
    try:
        add(runner, db_path, f"{server.url}/busy.html")
        result = run_vigicam(db_path, "crawl", "--delay", "0")
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    assert server.hits.count("/busy.html") == 3  # retried after the default wait
    row = fetches(db_path)["busy.html"]
    assert (row["outcome"], row["http_status"], row["error"]) == ("failed", 429, "HTTP 429")


def test_the_waits_one_host_asks_for_are_bounded_per_crawl(runner, db_path):
    """Retry-After: 999999999 on every page: each wait is capped, and so is their sum for the host."""
    busy = (429, {"Content-Type": HTML, "Retry-After": "999999999"}, b"slow down")
    server = RoutesServer({f"/p{i}.html": busy for i in range(12)})
    try:
        for i in range(12):
            add(runner, db_path, f"{server.url}/p{i}.html")
        result = crawl_with(db_path, VIGICAM_MAX_CRAWL_DELAY=1, VIGICAM_MAX_WAIT_PER_HOST=2)
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    pages = [hit for hit in server.hits if hit != "/robots.txt"]
    assert len(pages) <= 12 + 2  # each page once at most, and the retries the 2 s allowed (36 without the bound)
    rows = fetches(db_path)
    assert len(rows) == 12 and {row["outcome"] for row in rows.values()} == {"failed"}
    refused = [row["error"] for row in rows.values() if row["http_status"] is None]
    assert refused and all("(Retry-After) and made this crawl wait" in error for error in refused)
    assert all("the most one host may (2 s): asked again at the next crawl" in error for error in refused)


def test_serve_leaves_no_temporary_file(runner, db_path, tmp_path):
    """`serve` replaces itself with Datasette: a named metadata file had no one left to delete it."""
    add(runner, db_path, "http://127.0.0.1:9/page.html")
    temp = tmp_path / "tmp"
    temp.mkdir()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), "serve", "--port", str(port)],
                               env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/{db_path.stem}/latest_figures_for_place.json?place=Dreux"
        for _ in range(150):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200  # the canned query: the metadata was read
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        else:
            pytest.fail(f"serve did not answer: {process.stderr.read1().decode() if process.stderr else ''}")
    finally:
        process.terminate()
        process.wait(20)
    assert list(temp.iterdir()) == []


def test_a_run_a_killed_crawl_left_open_is_closed_by_the_next(db_path, after_good_crawl):
    from storage import open_database
    from storage.runs import last_run_id, start_run

    db = open_database(db_path)
    killed = start_run(db)  # what a crawl killed with kill -9 leaves: a run that never finished
    db.close()
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    db = sqlite_utils.Database(db_path)
    runs = {row["id"]: row for row in db.query("select * from runs")}
    assert len(runs) == 3 and all(row["finished_at"] for row in runs.values())
    assert (runs[killed]["pages"], runs[killed]["events"]) == (None, 0)
    assert runs[killed]["finished_at"] == runs[killed]["started_at"]
    assert last_run_id(db) == max(runs)


def no_constants(name: str) -> None:
    raise AssertionError(f"{name} in JSON")


@pytest.mark.parametrize("absurd", ["1" * 400, "1 000 000 000 000 000 000 000 000 000 000 000", "2 000 000"],
                         ids=["400 digits", "a decillion", "two million cameras in one commune"])
def test_an_absurd_value_is_no_figure(db_path, after_good_crawl, absurd):
    """good → hostile → good gave 148 → inf → 148 events, and a report that JSON parsers refuse."""
    site = after_good_crawl
    site.routes["/good.html"] = (200, {"Content-Type": HTML}, (
        f"<html><body><p>La ville compte {absurd} caméras de vidéoprotection.</p></body></html>").encode())
    hostile = run_vigicam(db_path, "crawl", "--delay", "0")
    assert hostile.returncode == 0 and "1 new content" in hostile.stdout and "0 figures stored" in hostile.stdout
    site.routes["/good.html"] = (200, {"Content-Type": HTML}, GOOD)
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    db = sqlite_utils.Database(db_path)
    assert [r["value"] for r in db.query("select value from figures order by id")] == [148]
    events = [(r["kind"], r["old_value"], r["new_value"]) for r in db.query("select * from changes order by id")]
    assert events == [("new", None, 148), ("withdrawn", 148, None), ("new", None, 148)]
    report = run_vigicam(db_path, "report", "--format", "json")
    assert report.returncode == 0, report.stderr
    assert len(json.loads(report.stdout, parse_constant=no_constants)) == 3


def test_extract_prints_no_infinite_value(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(f"<p>La ville compte {'1' * 400} caméras, et 148 caméras à Dreux.</p>", encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--format", "jsonl", str(page)])
    assert result.exit_code == 0, result.output
    values = [json.loads(line, parse_constant=no_constants)["value"] for line in result.output.splitlines()]
    assert values == [148]


def test_a_report_of_an_older_database_holding_inf_is_still_json(db_path, after_good_crawl):
    """Values stored before the bounds existed: the JSON report gives null rather than Inf."""
    db = sqlite_utils.Database(db_path)
    with db.conn:  # as an older vigicam stored it: changes are append-only since
        db.execute("drop trigger changes_no_update")
        db.execute("update changes set new_value = 1e999, delta = -1e999")
    report = run_vigicam(db_path, "report", "--format", "json")
    assert report.returncode == 0, report.stderr
    events = json.loads(report.stdout, parse_constant=no_constants)
    assert [(e["new_value"], e["delta"]) for e in events] == [(None, None)]


@pytest.mark.parametrize(("metric", "value", "place_kind", "sentence", "kept"), [
    ("cameras", 148, "commune", "", True),
    ("cameras", 2_000_000, "commune", "", False),
    ("cameras", 200_000_000, "other", "la Chine compte 200 millions de caméras", True),
    ("cameras", float("inf"), None, "", False),
    ("cameras", float("nan"), None, "", False),
    ("money_eur", -5, None, "", False),
    ("percent", 80, None, "financés à 80 % par l'État", True),
    ("percent", 180, None, "financés à 180 % par l'État", False),
    ("percent", 300, None, "le nombre de caméras a augmenté de 300 %", True),
    ("cameras_per_100k", 370, "commune", "", True),
    ("population", 1e12, None, "", False),
], ids=lambda case: str(case))
def test_plausibility_bounds(metric, value, place_kind, sentence, kept):
    from extractors.plausibility import implausible

    figure = {"metric": metric, "value": value, "place_kind": place_kind, "sentence": sentence}
    assert (implausible(figure) is None) is kept, implausible(figure)


@pytest.mark.parametrize(("header", "seconds"), [
    ("120", 120.0), (" 2 ", 2.0), ("²", None), ("-1", None), ("1.5", None), ("", None), ("soon", None),
    ("Sat, 05 Dec 2026 12:01:00 GMT", 60.0), ("Sat, 05 Dec 2026 11:00:00 GMT", 0.0),
    ("Mon, 99 Foo 9999 99:99:99 GMT", None),
])
def test_retry_after_values(header, seconds):
    import datetime as dt

    from crawler.middlewares import retry_after_seconds

    assert retry_after_seconds(header, now=dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)) == seconds
