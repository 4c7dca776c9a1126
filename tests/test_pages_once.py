"""A page is a page whatever door it is reached by (issue 21 items 2 and 3): fetched once a crawl, its
events reported once, and a page found by following placed by its own text, title and host, never by
the place of the source that found it. One real crawl of the sample site serves every assertion."""

import os
import time

import sqlite_utils

from tests.conftest import run_vigicam
from vigicam.cli import cli

REGION = "/region/aides/videoprotection.html"
VILLE = "/ville/police-municipale.html"


def test_a_page_reached_twice_is_fetched_once_and_a_found_page_has_its_own_place(runner, db_path, site, site_root):
    police = site_root / VILLE.lstrip("/")
    police.write_text(police.read_text(encoding="utf-8").replace(
        "<h2>La vidéoprotection</h2>", "<h2>La vidéoprotection</h2><p>À l'origine, 20 caméras avaient été posées.</p>"),
        encoding="utf-8")  # an undated past count, which takes the page's date

    def add(path, *options):
        result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", site.url + path, *options])
        assert result.exit_code == 0, result.output

    add(VILLE, "--place", "Dreux")  # registered directly, and linked from the index
    add("/index.html", "--place", "Dreux", "--follow")
    result = run_vigicam(db_path, "crawl", "--delay", "0")
    assert result.returncode == 0, result.stderr
    db = sqlite_utils.Database(db_path)
    fetched = [r["url"].removeprefix(site.url) for r in db.query("select url from fetches order by id")]
    assert sorted(fetched) == sorted(["/index.html", VILLE, REGION, "/agglo/actualites/videoprotection.html",
                                      "/presse/dreux-cameras.html"])  # the police page once, not twice
    ville = list(db.query("select source_id, kind, metric, new_value from changes where source_url = ?",
                          [site.url + VILLE]))
    assert ville and {r["source_id"] for r in ville} == {1}  # reported once, by the page's own source
    region = list(db.query("select place, metric, new_value from changes where source_url = ?",
                           [site.url + REGION]))
    assert {(r["metric"], r["new_value"]) for r in region} >= {("money_eur", 1_500_000)}
    assert "Dreux" not in {r["place"] for r in region}  # the Région's money is not Dreux's
    history = runner.invoke(cli, ["--db", str(db_path), "history", "Dreux", "--metric", "cameras"]).output
    assert site.url + "/presse/dreux-cameras.html" in history  # the page the figure is on, not the index
    assert site.url + "/index.html" not in history
    # Next round: the police page's "Mis à jour le" line moves, the press article's count goes up
    police.write_text(police.read_text(encoding="utf-8").replace("12/03/2024", "02/09/2025"), encoding="utf-8")
    press = site_root / "presse/dreux-cameras.html"
    press.write_text(press.read_text(encoding="utf-8").replace("64 caméras", "71 caméras"), encoding="utf-8")
    # the edits come later than the first fetch, as a city's do: a Last-Modified of the same second as that fetch
    # would rightly answer 304 to its If-Modified-Since (HTTP dates count whole seconds)
    later = time.time() + 5
    for edited in (police, press):
        os.utime(edited, (later, later))
    seen = db.execute("select max(id) from changes").fetchone()[0]
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    events = [(r["kind"], r["metric"], r["old_value"], r["new_value"], r["source_url"].removeprefix(site.url))
              for r in db.query("select * from changes where id > ?", [seen])]
    assert events == [("changed", "cameras", 64, 71, "/presse/dreux-cameras.html")]
    moved = [(r["value"], r["moved"]) for r in db.query("select * from restatements")]
    assert moved == [(20, "date")]  # recorded, not reported


def test_reextract_places_a_found_page_by_its_own_text(db_path):
    """`vigicam reextract` reads a page a followed source found as the crawl did: without its source's place."""
    from pathlib import Path

    from storage import open_database
    from storage.db import utcnow
    from storage.history import insert_document, record_fetch
    from storage.sources import Source, add_source
    from vigicam.reextract import reextract

    text = Path(__file__).parent.parent.joinpath("vigicam/sample_site" + REGION).read_text(encoding="utf-8")
    text = text.split("<main>")[1].split("</main>")[0].replace("<p>", "").replace("</p>", "\n")
    db = open_database(db_path)
    source = add_source(db, Source(url="http://127.0.0.1:1/index.html", place="Dreux", follow=True))
    with db.atomic():
        document_id = insert_document(db, content_hash="r", url="http://127.0.0.1:1" + REGION, text=text,
                                      body=text.encode(), title="Vidéoprotection : la Région aide les communes")
        record_fetch(db, source_id=source.id, url="http://127.0.0.1:1" + REGION, started_at=utcnow(),
                     outcome="new_content", content_hash="r", document_id=document_id)
    assert reextract(db).documents == 1
    places = {r["place"] for r in db.query("select place from figures where metric = 'money_eur'")}
    assert places and "Dreux" not in places
