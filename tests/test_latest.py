"""The observatory's `latest` table, kept by the writer: real SQLite files, figures stored through the
storage functions a crawl and `reextract` use."""

from __future__ import annotations

import hashlib
import itertools

import sqlite_utils
import yaml

from storage import open_database
from storage.history import insert_document, insert_extraction, record_fetch
from storage.migrations import migrations
from storage.sources import Source, add_source
from vigicam.places_cli import ensure_places

CHARTRES = {"place": "Chartres", "place_kind": "commune", "place_code": "28085"}
DREUX = {"place": "Dreux", "place_kind": "commune", "place_code": "28134"}
CLOCK = itertools.count(1)


def fig(value, metric="cameras", qualifier="exact", date=None, where=CHARTRES):
    return {"metric": metric, "value": value, "qualifier": qualifier, "date": date, **where,
            "evidence": f"{value} caméras", "sentence": f"La ville compte {value} caméras."}


def store(db, source_id, url, figures, published=None, text=None):
    """One fetch of a page with a new text, as the crawl stores it; returns the document id."""
    text = text or f"{url} {figures!r}"
    digest = hashlib.sha256(text.encode()).hexdigest()
    with db.atomic():
        document_id = next(db.query("select id from documents where content_hash = ?", [digest]), {}).get("id")
        if document_id is None:
            document_id = insert_document(db, content_hash=digest, url=url, text=text, body=text.encode(),
                                          published=published)
        fetch_id = record_fetch(db, source_id=source_id, url=url, started_at=f"2026-01-{next(CLOCK):02d}T08:00:00Z",
                                outcome="new_content", content_hash=digest, document_id=document_id)
        if figures is not None:
            insert_extraction(db, document_id=document_id, source_id=source_id, fetch_id=fetch_id,
                              extractor_version="t1", figures=figures)
    return document_id


def latest(db, metric="cameras", code="28085"):
    return next(db.query("select * from latest where place_code = ? and metric = ?", [code, metric]), None)


def two_sources(db):
    city = add_source(db, Source(url="https://www.chartres.fr/", place="Chartres", follow=True))
    press = add_source(db, Source(url="https://press.example/chartres", place="Chartres", kind="press"))
    return city.id, press.id


def test_the_newest_statement_wins_with_its_page_date_and_qualifier(db_path):
    db = open_database(db_path)
    city, press = two_sources(db)
    store(db, city, "https://www.chartres.fr/securite", [fig(450, qualifier="approx"), fig(12, date="2014")],
          published="2024-01-10")
    row = latest(db)
    assert (row["value"], row["qualifier"], row["date"], row["as_of"], row["page_url"], row["published"]) == (
        450, "approx", None, "2024-01-10", "https://www.chartres.fr/securite", "2024-01-10")
    store(db, press, "https://press.example/chartres", [fig(12, date="2015")], published="2025-03-01")
    assert latest(db)["value"] == 450  # a count of 2015 published in 2025 is older than one stated in 2024
    store(db, press, "https://press.example/chartres", [fig(480)], published="2025-06-01")
    assert (latest(db)["value"], latest(db)["page_url"]) == (480, "https://press.example/chartres")


def test_a_withdrawn_figure_gives_way_to_what_the_other_pages_still_state(db_path):
    db = open_database(db_path)
    city, press = two_sources(db)
    store(db, city, "https://www.chartres.fr/securite", [fig(450)], published="2024-01-10")
    store(db, press, "https://press.example/chartres", [fig(500)], published="2025-01-10")
    assert latest(db)["value"] == 500
    store(db, press, "https://press.example/chartres", [], published="2025-02-10", text="no more figure")
    assert latest(db)["value"] == 450
    store(db, city, "https://www.chartres.fr/securite", [], text="nothing either")
    assert latest(db) is None
    # the old text comes back (its figures are stored already: only the fetch is written)
    store(db, city, "https://www.chartres.fr/securite", None, text=f"https://www.chartres.fr/securite {[fig(450)]!r}")
    assert latest(db)["value"] == 450


def test_sources_that_disagree_are_flagged_with_the_other_statements(db_path):
    db = open_database(db_path)
    city, press = two_sources(db)
    store(db, city, "https://www.chartres.fr/securite", [fig(450)], published="2024-01-10")
    assert (latest(db)["statements"], latest(db)["disagrees"]) == (1, 0)
    store(db, press, "https://press.example/chartres", [fig(470)], published="2023-05-01")
    row = latest(db)
    assert (row["value"], row["statements"], row["disagrees"]) == (450, 2, 1)
    assert row["other_values"] == "470.0 (https://press.example/chartres)"
    store(db, press, "https://press.example/chartres", [fig(450)], published="2023-06-01")
    assert latest(db)["disagrees"] == 0


def test_a_new_extractor_version_moves_a_figure_to_another_place(db_path):
    """`reextract` reads a stored page anew: the figure its old reading gave Chartres is Dreux's now."""
    db = open_database(db_path)
    city, _ = two_sources(db)
    document_id = store(db, city, "https://www.chartres.fr/securite", [fig(45)], published="2024-01-10")
    with db.atomic():
        insert_extraction(db, document_id=document_id, source_id=city, fetch_id=None, extractor_version="t2",
                          figures=[fig(45, where=DREUX)])
    assert latest(db) is None
    assert latest(db, code="28134")["value"] == 45


def test_districts_and_unplaced_figures_are_not_in_latest(db_path):
    db = open_database(db_path)
    city, _ = two_sources(db)
    district = {"place": "Chartres / Beaulieu", "place_kind": "commune", "place_code": "28085"}
    nowhere = {"place": None, "place_kind": None, "place_code": None}
    store(db, city, "https://www.chartres.fr/securite", [fig(8, where=district), fig(9, where=nowhere)])
    assert db.execute("select count(*) from latest").fetchone()[0] == 0


def test_density_is_computed_from_the_population_beside_the_stated_one(db_path):
    db = open_database(db_path)
    ensure_places(db)
    city, press = two_sources(db)
    store(db, city, "https://www.chartres.fr/securite", [fig(193)], published="2024-01-10")
    store(db, press, "https://press.example/chartres", [fig(300, metric="cameras_per_100k")])
    (row,) = db.query("select * from observatory")
    population = db.execute("select population from places where kind = 'commune' and code = '28085'").fetchone()[0]
    assert (row["name"], row["cameras"], row["population"]) == ("Chartres", 193, population)
    assert row["computed_per_100k"] == round(193 * 100_000 / population, 1) == 500.3
    assert (row["stated_per_100k"], row["density_disagrees"]) == (300, 1)
    assert (round(row["latitude"], 2), round(row["longitude"], 2)) == (48.44, 1.49)


def test_a_departement_is_mapped_at_its_communes_mean(db_path):
    db = open_database(db_path)
    ensure_places(db)
    city, _ = two_sources(db)
    store(db, city, "https://www.chartres.fr/", [fig(1200, where={"place": "Eure-et-Loir",
                                                                    "place_kind": "departement", "place_code": "28"})])
    (row,) = db.query("select kind, code, latitude, longitude from observatory")
    assert (row["kind"], row["code"]) == ("departement", "28")
    assert 48 < row["latitude"] < 49 and 1 < row["longitude"] < 2


def test_the_migration_fills_latest_from_the_history_already_stored(db_path):
    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before=["m017_latest_figures"])
    city, _ = two_sources(old)
    store(old, city, "https://www.chartres.fr/securite", [fig(450)], published="2024-01-10")
    assert "latest" not in old.table_names()
    old.close()
    assert latest(open_database(db_path))["value"] == 450


def plan(db, sql, params):
    return [row[3] for row in db.execute(f"explain query plan {sql}", params)]


def test_the_observatorys_canned_queries_read_latest_through_its_indexes(db_path):
    """At 200,000 sources and a million figures a canned query must not read the history: each one over
    `latest` or `observatory` finds its rows by an index (the plan says so), never by scanning."""
    db = open_database(db_path)
    ensure_places(db)
    from importlib import resources

    metadata = yaml.safe_load(resources.files("vigicam").joinpath("datasette/metadata.yaml").read_text())
    queries = {name: q["sql"] for name, q in metadata["databases"]["vigicam"]["queries"].items()
               if "latest " in q["sql"] or "observatory" in q["sql"]}
    assert {"observatory", "observatory_place", "observatory_ranking", "observatory_disagreements"} <= set(queries)
    params = {"code": "28085", "metric": "", "kind": ""}
    for name, sql in queries.items():
        steps = plan(db, sql, params)
        assert not [s for s in steps if s.startswith("SCAN") and ("latest" in s or " n" in s or " s " in s)
                    and "INDEX" not in s], (name, steps)
        assert [s for s in steps if "latest" in s or "INDEX" in s], (name, steps)
        assert not [s for s in steps if "figures" in s or "fetches" in s], (name, steps)
    # Datasette reads a canned query's first 1,001 rows: these come in index order, with no sort of them all
    for name in ("observatory", "observatory_place", "observatory_disagreements"):
        assert not [s for s in plan(db, queries[name], params) if "TEMP B-TREE" in s], name
