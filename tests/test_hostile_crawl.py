"""Bad and hostile input, crawled for real from a local server: each page ends as a recorded fetch with
a reason, the crawl goes on with the other sources, and nothing already stored changes."""

import gzip

import pytest
import sqlite_utils

from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from tests.test_crawl import add, fetches

HTML = "text/html; charset=utf-8"
GOOD = "<html><body><p>La ville compte 148 caméras de vidéoprotection.</p></body></html>".encode()


def html(text: str) -> bytes:
    return f"<html><head><title>Vidéoprotection</title></head><body>{text}</body></html>".encode()


@pytest.fixture
def server():
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MiB once inflated, 64 KiB on the wire
    server = RoutesServer({
        "/good.html": (200, {"Content-Type": HTML}, GOOD),
        "/gone.html": (410, {"Content-Type": HTML}, b"gone"),
        "/slow.html": (200, {"Content-Type": HTML, "X-Test-Sleep": "3"}, GOOD),
        "/loop.html": (302, {"Location": "/loop2.html"}, b""),
        "/loop2.html": (302, {"Location": "/loop.html"}, b""),
        "/huge.html": (200, {"Content-Type": HTML}, b"<p>" + b"x" * (10 * 1024 * 1024 + 1) + b"</p>"),
        "/bomb.html": (200, {"Content-Type": HTML, "Content-Encoding": "gzip"}, bomb),
        "/to-file.html": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-data.html": (302, {"Location": "data:text/html,<p>148 cam%C3%A9ras</p>"}, b""),
        "/banner.html": (200, {"Content-Type": HTML}, html(
            '<div id="tarteaucitronRoot"><p>Ce site utilise des cookies. 3 partenaires.</p>'
            "<button>Accepter</button></div>")),
    })
    yield server
    server.close()


def test_bad_pages_are_recorded_and_the_crawl_goes_on(runner, db_path, server):
    pages = ["good.html", "gone.html", "slow.html", "loop.html", "huge.html", "bomb.html", "to-file.html",
             "to-data.html", "banner.html"]
    for page in pages:
        add(runner, db_path, f"{server.url}/{page}")
    result = run_vigicam(db_path, "crawl", "--delay", "0", "--timeout", "1")
    assert result.returncode == 0, result.stderr
    rows = fetches(db_path)
    assert rows["good.html"]["outcome"] == "new_content"
    reasons = {page: (rows[page]["outcome"], (rows[page]["error"] or "").lower()) for page in pages[1:]}
    assert reasons["gone.html"][0] == "failed" and rows["gone.html"]["http_status"] == 410
    assert "took longer than" in reasons["slow.html"][1]
    assert "redirect" in reasons["loop.html"][1]
    assert "size" in reasons["huge.html"][1]
    assert "size" in reasons["bomb.html"][1]
    assert "redirect refused" in reasons["to-file.html"][1] and "redirect refused" in reasons["to-data.html"][1]
    assert reasons["banner.html"] == ("failed", "no text on the page")
    for page in pages[1:]:  # skipped is kept for robots.txt: these are the server's doing
        assert rows[page]["outcome"] == "failed" and rows[page]["error"], page
    db = sqlite_utils.Database(db_path)
    assert db["documents"].count == 1
    assert not list(db.query("select * from figures where value = 0"))


def test_a_hostile_page_later_changes_nothing_already_stored(runner, db_path, server):
    add(runner, db_path, f"{server.url}/good.html")
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    db = sqlite_utils.Database(db_path)
    before = {t: db[t].count for t in ("documents", "figures", "extractions")}
    for body in (b"\0" * 5000, b"", b"<html><body></body></html>"):
        server.routes["/good.html"] = (200, {"Content-Type": HTML}, body)
        assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    assert {t: db[t].count for t in before} == before
    events = [r["kind"] for r in db.query("select kind from changes order by id")]
    assert events == ["new", "source_failing"]  # the figure is not withdrawn: the site is broken
    latest = list(db.query("select value from latest_figures where metric = 'cameras'"))
    assert [r["value"] for r in latest] == [148]
    outcomes = [r["outcome"] for r in db.query("select outcome from fetches order by id")]
    assert outcomes == ["new_content"] + ["failed"] * 3


def test_hostile_content_is_bounded_and_read(runner, db_path, server):
    mixed = ("<p>La ville compte 148 caméras.</p>".encode()
             + "<p>Vingt caméras sont prévues en 2025.</p>".encode("cp1252"))
    server.routes.update({
        "/numbers.html": (200, {"Content-Type": HTML}, html(" ".join(f"<span>{i}</span>" for i in range(100_000)))),
        "/line.html": (200, {"Content-Type": HTML}, html("<p>" + "la ville a 12 caméras " * 400_000 + "</p>")),
        "/deep.html": (200, {"Content-Type": HTML}, html("<div>" * 10_000 + "<p>La ville compte 148 caméras.</p>"
                                                         + "</div>" * 10_000)),
        "/nul.html": (200, {"Content-Type": HTML}, GOOD.replace(b"<p>", b"<p>\0") + b"\n" * 200),
        "/mixed.html": (200, {"Content-Type": "text/html"}, b"<html><body>" + mixed + b"</body></html>"),
    })
    pages = ["numbers.html", "line.html", "deep.html", "nul.html", "mixed.html", "good.html"]
    for page in pages:
        add(runner, db_path, f"{server.url}/{page}")
    result = run_vigicam(db_path, "crawl", "--delay", "0", timeout=180)
    assert result.returncode == 0, result.stderr
    rows = fetches(db_path)
    assert {p: rows[p]["outcome"] for p in pages} == dict.fromkeys(pages, "new_content")
    db = sqlite_utils.Database(db_path)
    by_url = {}
    for row in db.query("select f.url, g.metric, g.value from figures g join extractions e on e.id = g.extraction_id "
                        "join fetches f on f.id = e.fetch_id"):
        by_url.setdefault(row["url"].rsplit("/", 1)[-1], set()).add((row["metric"], row["value"]))
    assert ("cameras", 148) in by_url["deep.html"]
    assert ("cameras", 148) in by_url["nul.html"]
    assert by_url["mixed.html"] >= {("cameras", 148), ("cameras_planned", 20)}  # the windows-1252 part too
    assert "numbers.html" not in by_url  # bare numbers state no figure
    text = next(db.query("select d.text from fetches f join documents d on d.id = f.document_id "
                         "where f.url like '%nul.html'"))["text"]  # the same text as good.html: one document
    assert "\0" not in text
