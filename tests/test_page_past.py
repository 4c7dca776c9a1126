"""A page is compared with its own last version whichever source fetched it (issue 21 item 3): a press
article that moves from a town's followed index to its agglomeration's and back, or a found page later
registered on its own, keeps one history. Stored through the crawl's own path (read_and_extract, then
FetchStore.store, on a real SQLite file); the crawl is in tests/test_acceptance_site.py."""

import sqlite_utils

from crawler.items import FetchItem
from extractors.reading import read_and_extract
from storage import open_database, utcnow
from storage.fetch_store import FetchStore
from storage.page_past import sources_reaching
from storage.queries import place_history
from storage.sources import Source, add_source

SITE = "http://127.0.0.1:1"
ARTICLE = SITE + "/presse/vernouillet-cameras.html"
SAID = "La commune de Vernouillet compte désormais {} caméras de vidéoprotection, installées près de la gare."


def store_version(db, source, cameras: int) -> int:
    """The article fetched by `source` as a crawl fetches and stores it; its events."""
    body = f"<html><body><main><p>{SAID.format(cameras)}</p></main></body></html>".encode()
    own = source.url == ARTICLE  # placed by the source only when registered at it (crawler/pipelines.py)
    hints = {"place_hint": source.place if own else None, "place_kind": source.kind if own else None,
             "source_url": ARTICLE}
    item = FetchItem(source_id=source.id, url=ARTICLE, started_at=utcnow(), finished_at=utcnow(), http_status=200,
                     body=body, headers={"content-type": "text/html; charset=utf-8"})
    return FetchStore(db).store(item, read_and_extract(body, "text/html", **hints), hints).events


def events(db_path):
    return [(r["source_id"], r["kind"], r["old_value"], r["new_value"])
            for r in sqlite_utils.Database(db_path).query("select * from changes order by id")]


def test_a_page_that_moves_from_one_followed_source_to_another_keeps_one_history(db_path):
    db = open_database(db_path)
    town = add_source(db, Source(url=SITE + "/index.html", place="Dreux", follow=True))
    agglo = add_source(db, Source(url=SITE + "/agglo/actualites.html", place="Dreux", follow=True))
    assert store_version(db, town, 12) == 1  # new 12, found by the town
    assert store_version(db, agglo, 18) == 1  # on the agglo's index now
    assert store_version(db, town, 18) == 0  # back, unchanged
    assert events(db_path) == [(town.id, "new", None, 12), (agglo.id, "changed", 12, 18)]
    history = place_history(db, ["Vernouillet (Eure-et-Loir)"])
    assert [(r["value"], r["source_url"]) for r in history] == [(12, ARTICLE), (18, ARTICLE)]  # 18 once


def test_a_found_page_registered_on_its_own_is_no_new_page(db_path):
    db = open_database(db_path)
    town = add_source(db, Source(url=SITE + "/index.html", place="Dreux", follow=True))
    assert store_version(db, town, 12) == 1
    own = add_source(db, Source(url=ARTICLE + "#top", place="Vernouillet"))
    assert store_version(db, own, 12) == 0
    assert store_version(db, own, 15) == 1
    assert events(db_path)[1:] == [(own.id, "changed", 12, 15)]


def test_only_the_pages_own_source_and_its_hosts_followers_can_have_fetched_it(db_path):
    db = open_database(db_path)
    ids = [add_source(db, Source(url=url, place="Dreux", follow=follow)).id for url, follow in [
        (SITE + "/index.html", True), (ARTICLE, False), (SITE + "/autre.html", False),  # not followed
        ("https://127.0.0.1:2/actualites.html", True),  # the same host by https and another port
        ("http://127.0.0.10/index.html", True), ("http://example.org/index.html", True)]]  # other hosts
    assert sources_reaching(db, ARTICLE) == {ids[0], ids[1], ids[3]}
