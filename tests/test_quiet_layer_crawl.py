"""Issue 21 items 5 and 6 crawled for real (Scrapy, 127.0.0.1), four rounds of one local site.

Two pages keep a stale Last-Modified, and the server answers 304 to it while their text changes (as
RoutesServer does: a validator that matches is enough): the first full fetch catches the change and
distrusts the Last-Modified, and from then on each change is caught at once, the page with no ETag
fetched in full, the one whose ETag moves with its text asked with its ETag only. A paragraph on the CSU
that changes with no figure is one quiet `text_changed` event: in `report --all`, in Datasette, and
notified only with `--notify-text`. A third source, an old address that now redirects to the first page,
does not make the crawl fetch that page twice (nor report its events twice): it is a skipped fetch that
says where it redirects."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
import sqlite_utils
from click.testing import CliRunner

from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from tests.test_notify import Hook
from vigicam.cli import cli

HTML = "text/html; charset=utf-8"
STALE = "Wed, 01 Feb 2023 10:00:00 GMT"
QUIET = "Le centre de supervision urbain (CSU) est ouvert du lundi au samedi, de jour comme de nuit."


def body(cameras: int, updated: str, quiet: str = QUIET) -> bytes:
    return (f"<html><head><title>Vidéoprotection</title></head><body><nav><a href='/'>Accueil</a></nav>"
            f"<main><h1>La vidéoprotection</h1><p>Mis à jour le {updated}</p>"
            f"<p>La ville de Dreux compte aujourd'hui {cameras} caméras de vidéoprotection.</p>"
            f"<p>{quiet}</p></main></body></html>").encode()


def serve(server: RoutesServer, lm: tuple[int, str], etag: tuple[int, str, str]) -> None:
    """/lm.html: a stale Last-Modified and no ETag; /etag.html: the same stale Last-Modified, an ETag
    that moves with its text."""
    server.routes["/lm.html"] = (200, {"Content-Type": HTML, "Last-Modified": STALE}, body(*lm))
    server.routes["/etag.html"] = (200, {"Content-Type": HTML, "Last-Modified": STALE, "ETag": f'"{etag[2]}"'},
                                   body(*etag[:2]))


def crawl(db_path, server: RoutesServer, *args: str) -> dict[str, dict[str, str]]:
    """One crawl in its own process; what each page's request carried."""
    server.requests.clear()
    server.hits.clear()
    result = run_vigicam(db_path, "crawl", "--delay", "0", "--workers", "0", *args)
    assert result.returncode == 0, result.stderr
    assert sorted(h for h in server.hits if h != "/robots.txt") == ["/etag.html", "/lm.html", "/old.html"]  # once
    return dict(zip(server.hits, server.requests, strict=True))


def invoke(db_path, *args: str, config=None):
    prefix = ["--db", str(db_path)] + (["--config", str(config)] if config else [])
    result = CliRunner().invoke(cli, [*prefix, *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Four rounds: first sight; changed behind 304s; the full fetch that catches it; changed again."""
    db_path = tmp_path_factory.mktemp("quiet") / "q.db"
    server = RoutesServer({"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\n")})
    server.routes["/old.html"] = (301, {"Location": "/lm.html"}, b"")  # an old address of /lm.html
    for path in ("/lm.html", "/etag.html", "/old.html"):
        invoke(db_path, "sources", "add", f"{server.url}{path}", "--place", "Dreux")
    serve(server, (119, "02/03/2024"), (30, "02/03/2024", "e1"))
    rounds = [crawl(db_path, server)]
    serve(server, (127, "09/03/2024"), (35, "09/03/2024", "e2"))
    rounds.append(crawl(db_path, server))  # asked with the stale Last-Modified: 304 to a change
    time.sleep(1.1)  # the last full fetch must be more than the 1 s interval old, however fast the crawls run
    rounds.append(crawl(db_path, server, "--full-fetch-every", "1s"))  # its first full fetch
    serve(server, (135, "16/03/2024", QUIET.replace("du lundi au samedi", "tous les jours")),
          (40, "16/03/2024", "e3"))
    rounds.append(crawl(db_path, server))
    yield db_path, rounds
    server.close()


def test_a_lying_last_modified_hides_a_change_until_the_first_full_fetch_then_never(crawled):
    db_path, rounds = crawled
    db = sqlite_utils.Database(db_path)
    outcomes = [r["outcome"] for r in db.query("select outcome from fetches where url like '%/lm.html' order by id")]
    assert outcomes == ["new_content", "not_modified", "new_content", "new_content"]
    changed = [(r["url"].rsplit("/", 1)[1], r["old_value"], r["new_value"]) for r in db.query(
        "select source_url as url, old_value, new_value from changes where kind = 'changed' order by id")]
    assert sorted(changed) == [("etag.html", 30, 35), ("etag.html", 35, 40), ("lm.html", 119, 127),
                               ("lm.html", 127, 135)]
    assert rounds[1]["/lm.html"]["If-Modified-Since"] == STALE  # the lie: asked, and answered 304
    assert "If-Modified-Since" not in rounds[3]["/lm.html"] and "If-None-Match" not in rounds[3]["/lm.html"]
    assert rounds[3]["/etag.html"]["If-None-Match"] == '"e2"'  # the ETag that moved with the text is kept
    assert "If-Modified-Since" not in rounds[3]["/etag.html"]


def test_status_says_which_validators_lied(crawled):
    db_path, _ = crawled
    rows = {r["url"].rsplit("/", 1)[1]: r["validators"] for r in json.loads(invoke(db_path, "status", "--json"))}
    assert rows["lm.html"]["last_modified"] == "unreliable" and rows["lm.html"]["fetched"] == "in full"
    assert (rows["etag.html"]["etag"], rows["etag.html"]["last_modified"], rows["etag.html"]["fetched"]) == (
        "trusted", "unreliable", "with its ETag only")
    assert STALE in rows["lm.html"]["reason"] and "after 1 answer 304" in rows["lm.html"]["reason"]
    text = invoke(db_path, "status")
    assert text.count("validators unreliable since") == 2 and "fetched in full: Last-Modified" in text


def test_a_paragraph_change_no_figure_tells_is_one_quiet_event(crawled, tmp_path):
    db_path, _ = crawled
    db = sqlite_utils.Database(db_path)
    (event,) = db.query("select * from changes where kind = 'text_changed'")
    assert (event["place"], event["detail"], event["old_evidence"]) == ("Dreux", "changed", QUIET)
    assert event["source_url"].endswith("/lm.html") and "tous les jours" in event["new_evidence"]
    assert "paragraph on video-surveillance" not in invoke(db_path, "report")
    everything = invoke(db_path, "report", "--all")
    assert "Dreux: paragraph on video-surveillance changed (no figure changed)" in everything
    kinds = [e["kind"] for e in json.loads(invoke(db_path, "report", "--all", "--format", "json"))]
    assert kinds.count("text_changed") == 1 and kinds.count("changed") == 4
    assert datasette_rows(db_path, "text_changes")[0]["now"] == event["new_evidence"]
    hook = Hook()
    config = tmp_path / "vigicam.toml"
    config.write_text(f'[notify]\nurls = ["{hook.url}"]\n', encoding="utf-8")
    invoke(db_path, "notify", config=config)
    assert "paragraph on video-surveillance" not in json.dumps(hook.bodies, ensure_ascii=False)
    assert invoke(db_path, "notify", "--notify-text", config=config).strip() == "sent 1 events"
    assert "paragraph on video-surveillance changed" in hook.bodies[-1]["message"]


def datasette_rows(db_path, query: str) -> list[dict]:
    """A canned query of the shipped metadata, asked of Datasette in this process."""
    from datasette.app import Datasette

    from vigicam.serve import metadata_for

    async def ask() -> list[dict]:
        response = await Datasette([str(db_path)], metadata=metadata_for(db_path)).client.get(
            f"/{db_path.stem}/{query}.json?_shape=array")
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(ask())


def test_an_old_address_of_a_registered_page_does_not_fetch_it_twice(crawled):
    db_path, _ = crawled
    db = sqlite_utils.Database(db_path)
    old = [dict(r) for r in db.query("select f.outcome, f.http_status, f.final_url, f.error from fetches f "
                                     "join sources s on s.id = f.source_id where s.url like '%/old.html'")]
    assert [(r["outcome"], r["http_status"]) for r in old] == [("skipped", 301)] * 4
    assert old[0]["final_url"].endswith("/lm.html") and "registered as a source of its own" in old[0]["error"]
    assert db.execute("select count(*) from changes c join sources s on s.id = c.source_id "
                      "where s.url like '%/old.html'").fetchone()[0] == 0
    text = invoke(db_path, "status")
    assert "now redirects to" in text and "/lm.html: update the source?" in text and "robots.txt" not in text
