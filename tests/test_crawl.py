"""Real Scrapy crawls of real local HTTP servers into real SQLite files."""

import socket

import pytest
import sqlite_utils
from click.testing import CliRunner

from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from vigicam.cli import cli

HTML = "text/html; charset=utf-8"
CP1252_PAGE = (
    "<html><head><title>Vidéoprotection</title></head><body><p>La commune a installé douze caméras "
    "près de l'école Jean-Jaurès.</p></body></html>"
).encode("cp1252")


@pytest.fixture
def routes_server():
    server = RoutesServer(
        {
            "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /prive/\n"),
            "/ok.html": (200, {"Content-Type": HTML}, "<html><body><p>148 caméras.</p></body></html>".encode()),
            "/cp1252.html": (200, {"Content-Type": "text/html"}, CP1252_PAGE),
            "/binary.html": (200, {"Content-Type": "text/html"}, bytes(range(256)) * 64),
            "/empty.html": (200, {"Content-Type": HTML}, b""),
            "/error.html": (500, {"Content-Type": HTML}, b"boom"),
            "/prive/page.html": (200, {"Content-Type": HTML}, b"<p>secret</p>"),
        }
    )
    yield server
    server.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add(runner, db_path, url, place="Dreux"):
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, "--place", place])
    assert result.exit_code == 0, result.output


def fetches(db_path):
    db = sqlite_utils.Database(db_path)
    return {row["url"].rsplit("/", 1)[-1]: row for row in db.query("select * from fetches order by id")}


def test_crawl_records_every_attempt_truthfully(runner, db_path, routes_server):
    pages = ["ok.html", "cp1252.html", "binary.html", "empty.html", "error.html", "missing.html", "page.html"]
    for page in pages[:-1]:
        add(runner, db_path, f"{routes_server.url}/{page}")
    add(runner, db_path, f"{routes_server.url}/prive/page.html")
    add(runner, db_path, f"http://127.0.0.1:{free_port()}/refused.html")

    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert "crawled 8 pages" in result.stdout

    rows = fetches(db_path)
    assert rows["ok.html"]["outcome"] == "new_content"
    assert rows["cp1252.html"]["outcome"] == "new_content"
    assert rows["binary.html"]["outcome"] == "failed" and "binary" in rows["binary.html"]["error"]
    assert rows["empty.html"]["outcome"] == "failed" and "empty" in rows["empty.html"]["error"]
    assert rows["error.html"]["outcome"] == "failed" and rows["error.html"]["http_status"] == 500
    assert rows["missing.html"]["outcome"] == "failed" and rows["missing.html"]["http_status"] == 404
    assert rows["page.html"]["outcome"] == "skipped" and "robots" in rows["page.html"]["error"].lower()
    assert rows["refused.html"]["outcome"] == "failed" and "refused" in rows["refused.html"]["error"].lower()

    db = sqlite_utils.Database(db_path)
    texts = [r["text"] for r in db.query("select text from documents")]
    assert any("installé douze caméras près de l'école" in t for t in texts), texts
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


STALE = "Wed, 01 Feb 2023 10:00:00 GMT"


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory):
    """One database, two real crawls of four pages, one per test below: unchanged; a 404 the second time;
    ETag and Last-Modified, answered 304; an ETag, then 503. Each page says something of its own (no
    document is shared) and each test reads its own page's rows."""
    server = RoutesServer({
        "/same.html": (200, {"Content-Type": HTML}, "<p>La ville compte 10 caméras.</p>".encode()),
        "/gone-later.html": (200, {"Content-Type": HTML}, "<p>La ville compte 20 caméras.</p>".encode()),
        "/etag.html": (200, {"Content-Type": HTML, "ETag": '"v1"', "Last-Modified": STALE},
                       "<html><body><p>La ville compte 148 caméras.</p></body></html>".encode()),
        "/outage.html": (200, {"Content-Type": HTML, "ETag": '"o1"'}, "<p>La ville compte 40 caméras.</p>".encode()),
    })
    db_path = tmp_path_factory.mktemp("two_crawls") / "test.db"
    for path in ("/same.html", "/gone-later.html", "/etag.html", "/outage.html"):
        add(CliRunner(), db_path, f"{server.url}{path}")
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    server.routes["/gone-later.html"] = (404, {}, b"gone")
    server.routes["/outage.html"] = (503, server.routes["/outage.html"][1], b"down")
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    yield sqlite_utils.Database(db_path), server
    server.close()


def page_rows(db, page: str, columns: str = "outcome") -> list[dict]:
    return list(db.query(f"select {columns} from fetches where url like ? order by id", [f"%/{page}"]))


def documents_of(db, page: str) -> int:
    """Documents stored for the page (the texts are distinct: none is another page's)."""
    return db.execute("select count(*) from documents where url like ?", [f"%/{page}"]).fetchone()[0]


def test_recrawl_of_unchanged_page_stores_no_new_document(two_crawls):
    db, _ = two_crawls
    assert [r["outcome"] for r in page_rows(db, "same.html")] == ["new_content", "same_content"]
    assert documents_of(db, "same.html") == 1


def test_failure_after_success_keeps_history(two_crawls):
    db, _ = two_crawls
    assert [r["outcome"] for r in page_rows(db, "gone-later.html")] == ["new_content", "failed"]
    assert documents_of(db, "gone-later.html") == 1


def test_conditional_requests_and_304(two_crawls):
    db, server = two_crawls
    sent = [r for r in server.requests if "If-Modified-Since" in r]  # only /etag.html has a Last-Modified
    assert sent and sent[-1]["If-None-Match"] == '"v1"'
    assert sent[-1]["If-Modified-Since"] == STALE  # the server's value, not our clock
    rows = page_rows(db, "etag.html", "outcome, http_status, document_id")
    assert [(r["outcome"], r["http_status"]) for r in rows] == [("new_content", 200), ("not_modified", 304)]
    assert rows[1]["document_id"] == rows[0]["document_id"]
    extractions = db.execute("select count(*) from extractions where document_id = ?", [rows[0]["document_id"]])
    assert extractions.fetchone()[0] == 1  # a 304 costs no parsing or extraction


def test_a_followed_sources_page_is_asked_in_full_and_its_found_pages_again(runner, db_path, routes_server):
    """A 304 carries no links: asked conditionally, a followed source's page would stop the crawl there."""
    home = '<html><body><p>148 caméras.</p><a href="/videoprotection.html">Vidéoprotection</a></body></html>'
    routes_server.routes["/home.html"] = (
        200, {"Content-Type": HTML, "Last-Modified": "Wed, 01 Feb 2023 10:00:00 GMT"}, home.encode())
    routes_server.routes["/videoprotection.html"] = (
        200, {"Content-Type": HTML}, b"<html><body><p>Le centre de supervision urbain.</p></body></html>")
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", f"{routes_server.url}/home.html",
                                 "--place", "Dreux", "--follow"])
    assert result.exit_code == 0, result.output
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    routes_server.requests.clear()
    routes_server.hits.clear()
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    asked = dict(zip(routes_server.hits, routes_server.requests, strict=True))
    assert "If-Modified-Since" not in asked["/home.html"]
    assert "/videoprotection.html" in asked


def test_a_dead_link_on_a_followed_site_is_not_a_failing_source(runner, db_path, routes_server):
    """A followed source is failing when its registered page is: one dead link among the pages found
    would otherwise make a failing and a recovered event at every crawl."""
    home = ('<html><body><p>La ville compte 148 caméras.</p><a href="/videoprotection-2019.html">Archives '
            "vidéoprotection</a></body></html>")
    routes_server.routes["/home.html"] = (200, {"Content-Type": HTML}, home.encode())
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", f"{routes_server.url}/home.html",
                                 "--place", "Dreux", "--follow"])
    assert result.exit_code == 0, result.output
    for _ in range(2):
        assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    db = sqlite_utils.Database(db_path)
    outcomes = {(r["url"].rsplit("/", 1)[-1], r["outcome"]) for r in db.query("select url, outcome from fetches")}
    assert outcomes == {("home.html", "new_content"), ("home.html", "same_content"),
                        ("videoprotection-2019.html", "failed")}  # recorded, with its reason
    assert [r["kind"] for r in db.query("select kind from changes order by id")] == ["new"]
    health = next(db.query("select consecutive_failures, last_failure, last_error from source_health"))
    assert health == {"consecutive_failures": 0, "last_failure": None, "last_error": None}
    routes_server.routes["/home.html"] = (503, {"Content-Type": HTML}, b"down")
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    assert [r["kind"] for r in db.query("select kind from changes order by id")] == ["new", "source_failing"]


def test_an_outage_is_never_not_modified(two_crawls):
    db, _ = two_crawls
    assert [r["outcome"] for r in page_rows(db, "outage.html")] == ["new_content", "failed"]


def test_a_page_that_now_redirects_is_flagged(runner, db_path, routes_server):
    routes_server.routes["/old.html"] = (301, {"Location": f"{routes_server.url}/ok.html"}, b"")
    add(runner, db_path, f"{routes_server.url}/old.html")
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    fetch = next(sqlite_utils.Database(db_path).query("select * from fetches"))
    assert fetch["outcome"] == "new_content" and fetch["final_url"].endswith("/ok.html")
    status = run_vigicam(db_path, "status")
    assert "now redirects to" in status.stdout and "/ok.html" in status.stdout


def test_follow_explores_same_site_surveillance_links(runner, db_path, site, site_root):
    index = site_root / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</ul></nav>", '<li><a href="/agenda.html">Agenda</a></li><li><a href="https://example.org/videoprotection">'
        "Ailleurs</a></li></ul></nav>"), encoding="utf-8")
    (site_root / "agenda.html").write_text("<p>Marché de Noël</p>", encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", site.url + "/index.html", "--place", "Dreux",
                                 "--follow"])
    assert result.exit_code == 0, result.output
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    db = sqlite_utils.Database(db_path)
    urls = {r["url"].replace(site.url, "") for r in db.query("select url from fetches")}
    assert urls == {"/index.html", "/ville/police-municipale.html", "/agglo/actualites/videoprotection.html",
                    "/region/aides/videoprotection.html", "/presse/dreux-cameras.html"}  # not the agenda, not off-site
    assert db.execute("select count(*) from figures where metric = 'cameras'").fetchone()[0] >= 2
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    outcomes = [r["outcome"] for r in db.query("select outcome from fetches where id > 5")]
    assert len(outcomes) == 5 and set(outcomes) == {"same_content"}  # each page compared with its own past


def test_robots_crawl_delay_is_honoured(runner, db_path, routes_server):
    routes_server.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nCrawl-delay: 2\n")
    routes_server.routes["/a.html"] = (200, {"Content-Type": HTML}, b"<p>La ville compte 10 cam\xc3\xa9ras.</p>")
    routes_server.routes["/b.html"] = (200, {"Content-Type": HTML}, b"<p>La ville compte 12 cam\xc3\xa9ras.</p>")
    add(runner, db_path, f"{routes_server.url}/a.html")
    add(runner, db_path, f"{routes_server.url}/b.html")
    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    pages = [t for path, t in routes_server.times if path in ("/a.html", "/b.html")]
    assert len(pages) == 2 and pages[1] - pages[0] >= 1.95  # Crawl-delay: 2


def test_retry_after_slows_the_host(runner, db_path, routes_server):
    routes_server.routes["/busy.html"] = (429, {"Content-Type": HTML, "Retry-After": "2"}, b"slow down")
    add(runner, db_path, f"{routes_server.url}/busy.html")
    started = __import__("time").monotonic()
    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert __import__("time").monotonic() - started >= 4  # two retries, each after the 2 s asked
    assert routes_server.hits.count("/busy.html") == 3
    row = next(sqlite_utils.Database(db_path).query("select outcome, http_status from fetches"))
    assert (row["outcome"], row["http_status"]) == ("failed", 429)


def test_follow_reads_the_sitemap_and_council_minutes(runner, db_path, routes_server):
    base = routes_server.url
    xml = {"Content-Type": "application/xml"}
    routes_server.routes.update({
        "/accueil.html": (200, {"Content-Type": HTML}, (
            b'<p>Bienvenue.</p><a href="/docs/cr-conseil-municipal-2024-03.pdf">Compte rendu du conseil municipal</a>'
            b'<a href="/docs/menu-cantine.pdf">Menus</a>')),
        "/sitemap.xml": (200, xml, (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap></sitemapindex>").encode()),
        "/sitemap-pages.xml": (200, xml, (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/actualites/videoprotection-2024.html</loc></url>"
            f"<url><loc>{base}/agenda.html</loc></url>"
            "<url><loc>https://example.org/videoprotection.html</loc></url></urlset>").encode()),
        "/actualites/videoprotection-2024.html": (200, {"Content-Type": HTML},
                                                  "<p>La ville compte 35 caméras.</p>".encode()),
        "/docs/cr-conseil-municipal-2024-03.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 broken"),
    })
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", f"{base}/accueil.html", "--place", "Dreux",
                                 "--follow"])
    assert result.exit_code == 0, result.output
    crawl = run_vigicam(db_path, "crawl", "--delay", "0")
    assert crawl.returncode == 0, crawl.stderr
    rows = fetches(db_path)
    assert set(rows) == {"accueil.html", "videoprotection-2024.html", "cr-conseil-municipal-2024-03.pdf"}
    assert rows["cr-conseil-municipal-2024-03.pdf"]["outcome"] == "failed"  # fetched, and its error recorded
    assert "/agenda.html" not in routes_server.hits and "/docs/menu-cantine.pdf" not in routes_server.hits
    values = [r["value"] for r in sqlite_utils.Database(db_path).query("select value from figures")]
    assert values == [35]


def test_a_followed_page_is_not_taken_for_a_redirect_of_the_source(runner, db_path, site):
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", site.url + "/index.html", "--place", "Dreux",
                                 "--follow"])
    assert result.exit_code == 0, result.output
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    status = run_vigicam(db_path, "status")
    assert status.returncode == 0 and "redirects" not in status.stdout


def test_a_new_extractor_version_rereads_stored_pages_before_comparing(runner, db_path, routes_server):
    """After an upgrade, a page's new version is compared with what its last version says under the same
    rules: what the new extractors read differently is a revision, never a city's change."""
    from extractors import EXTRACTOR_VERSION
    from extractors.figure import Figure
    from storage import open_database
    from storage.history import insert_document, insert_extraction, record_fetch

    url = f"{routes_server.url}/plan.html"
    add(runner, db_path, url)
    first, second = "La ville compte 40 caméras.", "Douze caméras seront posées d'ici l'été 2024."
    text = f"{first}\n\n{second}"
    db = open_database(db_path)
    source_id = db.execute("select id from sources").fetchone()[0]
    with db.atomic():  # what an older vigicam stored: the twelve cameras to come read as a stock
        document_id = insert_document(db, content_hash="older", url=url, text=text, body=text.encode())
        fetch_id = record_fetch(db, source_id=source_id, url=url, started_at="2024-01-01T00:00:00Z",
                                finished_at="2024-01-01T00:00:01Z", http_status=200, bytes=len(text),
                                outcome="new_content", content_hash="older", document_id=document_id)
        insert_extraction(db, document_id=document_id, source_id=source_id, fetch_id=fetch_id,
                          extractor_version="0.0.1", figures=[
                              Figure("cameras", 40, "exact", "Dreux", "commune", None, "40 caméras", 16, 26, first),
                              Figure("cameras", 12, "exact", "Dreux", "commune", None, "Douze caméras",
                                     len(first) + 2, len(first) + 15, second)])
    db.close()
    page = f"<html><body><p>{first.replace('40', '45')}</p><p>{second}</p></body></html>"
    routes_server.routes["/plan.html"] = (200, {"Content-Type": HTML}, page.encode())

    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    assert f"first re-read 1 stored documents with extractor {EXTRACTOR_VERSION}: 2 revisions" in result.stdout

    db = sqlite_utils.Database(db_path)
    assert [(r["kind"], r["metric"], r["old_value"], r["new_value"]) for r in db.query(
        "select * from changes order by id")] == [("changed", "cameras", 40, 45)]
    assert sorted((r["metric"], r["old_value"], r["new_value"]) for r in db["revisions"].rows) == [
        ("cameras", 12, None), ("cameras_planned", None, 12)]
    assert run_vigicam(db_path, "crawl", "--delay", "0").stdout.count("first re-read") == 0
