"""Datasette's `camera_counts_over_time` agrees with `vigicam history` (issue 21): a figure restated with
only its date, place's spelling or qualifier moved is one row (its latest date, seen first when its first
wording was), not one row per date the page gave it; every other row stays as it was. Stored as a crawl
stores it, in a real SQLite file, and read through `vigicam serve`."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
import urllib.error
from pathlib import Path
from typing import Any

import sqlite_utils

from storage import open_database
from storage.changes import detect_for_fetch
from storage.history import insert_document, insert_extraction, record_fetch
from storage.migrations import migrations
from storage.sources import Source, add_source
from storage.urls import canonical_url
from tests.test_history_restated import PAST, fig, history
from tests.test_serve import free_port, get

PAGE = "http://127.0.0.1:1/videoprotection.html"
OTHER_PAGE = "http://127.0.0.1:1/actualites.html"
FIELDS = ("place", "metric", "value", "qualifier", "date", "first_seen", "last_seen")


def stored_at(db: sqlite_utils.Database, source_id: int, url: str, started_at: str, figures: list[dict]) -> int:
    """A new version of a page fetched at `started_at`, stored and compared with its last as a crawl does."""
    digest = hashlib.sha256(json.dumps([url, started_at, figures]).encode()).hexdigest()
    text = f"Version {digest}"  # no watched paragraph: only figures here
    with db.atomic():
        document_id = insert_document(db, content_hash=digest, url=url, text=text, body=text.encode())
        fetch_id = record_fetch(db, source_id=source_id, url=url, started_at=started_at, outcome="new_content",
                                content_hash=digest, document_id=document_id)
        stored = insert_extraction(db, document_id=document_id, source_id=source_id, fetch_id=fetch_id,
                                   extractor_version="test", figures=figures)
        return detect_for_fetch(db, fetch_id, None, stored)


def view(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("select * from camera_counts_over_time order by value, date"))


def moved_date_thrice(db: sqlite_utils.Database) -> None:
    """A page whose date line moved twice: its undated past count took each new date; 450 never moved."""
    source = add_source(db, Source(url=PAGE, place="Dreux"))
    for day, year in (("01", "2024"), ("02", "2025"), ("03", "2026")):
        stored_at(db, source.id, PAGE, f"2026-01-{day}T08:00:00Z", [fig(450), fig(43, year, PAST, start=60)])


def test_a_date_only_restatement_is_one_row_with_its_latest_date_and_first_sighting(runner, db_path):
    db = open_database(db_path)
    moved_date_thrice(db)
    rows = view(db)
    assert [(r["value"], r["date"], r["first_seen"], r["last_seen"]) for r in rows] == [
        (43, "2026", "2026-01-01T08:00:00Z", "2026-01-03T08:00:00Z"),
        (450, None, "2026-01-01T08:00:00Z", "2026-01-03T08:00:00Z")]
    assert [r["date"] for r in json.loads(rows[0]["restated"])] == ["2024", "2025"]
    assert json.loads(rows[1]["restated"]) == [] and rows[0]["source_url"] == PAGE
    said = json.loads(history(runner, db_path, "--json").output)  # the same rows as `vigicam history`
    assert sorted(tuple(r[k] for k in FIELDS) for r in said) == [tuple(r[k] for k in FIELDS) for r in rows]
    assert db.execute("select count(*) from figures where value = 43").fetchone()[0] == 3  # nothing rewritten


def test_a_date_moved_back_is_still_one_row_as_in_history(runner, db_path):
    """2024, then 2025, then 2024 again, and a spelling moved in between: one group, as history merges it."""
    db = open_database(db_path)
    source = add_source(db, Source(url=PAGE, place="Dreux"))
    for day, year, place in (("01", "2024", "Dreux"), ("02", "2025", "Dreux"), ("03", "2025", "DREUX"),
                             ("04", "2024", "Dreux")):
        stored_at(db, source.id, PAGE, f"2026-01-{day}T08:00:00Z", [fig(43, year, PAST, start=60, place=place)])
    (row,) = view(db)
    assert (row["date"], row["first_seen"], row["last_seen"]) == ("2024", "2026-01-01T08:00:00Z",
                                                                  "2026-01-04T08:00:00Z")
    assert [(r["place"], r["date"]) for r in json.loads(row["restated"])] == [("Dreux", "2025"), ("DREUX", "2025")]
    (said,) = json.loads(history(runner, db_path, "--json").output)
    assert tuple(said[k] for k in FIELDS) == tuple(row[k] for k in FIELDS)
    assert said["restated"] == json.loads(row["restated"])


def test_other_rows_stay_as_they_were(db_path):
    """A changed value, the same value said of another year beside the first, and the same words on a
    page the restated one's source also found (a followed index) are statements of their own."""
    db = open_database(db_path)
    source = add_source(db, Source(url=PAGE, place="Dreux"))
    stored_at(db, source.id, PAGE, "2026-01-01T08:00:00Z",
              [fig(43), fig(120, "2022", "En 2022 : 120 caméras", start=60), fig(12, "2024", PAST, start=90)])
    stored_at(db, source.id, OTHER_PAGE, "2026-01-01T08:00:01Z", [fig(12, "2024", PAST, start=90)])
    stored_at(db, source.id, PAGE, "2026-01-02T08:00:00Z",
              [fig(47), fig(120, "2022", "En 2022 : 120 caméras", start=60),
               fig(120, "2023", "En 2023 : 120 caméras", start=75), fig(12, "2025", PAST, start=90)])
    rows = view(db)
    assert [(r["value"], r["date"], r["first_seen"], len(json.loads(r["restated"]))) for r in rows] == [
        (12, "2024", "2026-01-01T08:00:01Z", 0),  # the other page still says 2024
        (12, "2025", "2026-01-01T08:00:00Z", 1),  # this page's 2024, restated
        (43, None, "2026-01-01T08:00:00Z", 0), (47, None, "2026-01-02T08:00:00Z", 0),
        (120, "2022", "2026-01-01T08:00:00Z", 0), (120, "2023", "2026-01-02T08:00:00Z", 0)]


def test_a_database_made_before_m020_is_merged_when_opened(db_path: Path) -> None:
    """The view of an older database (m004's: one row per date) is replaced in place, its rows kept."""
    conn = sqlite3.connect(str(db_path))
    conn.create_function("canonical_url", 1, canonical_url, deterministic=True)
    older = sqlite_utils.Database(conn)
    migrations.apply(older, stop_before="m020_counts_over_time_merge_restatements")
    moved_date_thrice(older)
    assert [(r["value"], r["date"]) for r in view(older)] == [(43, "2024"), (43, "2025"), (43, "2026"),
                                                              (450, None)]
    conn.close()
    assert [(r["value"], r["date"]) for r in view(open_database(db_path))] == [(43, "2026"), (450, None)]


def test_vigicam_serve_answers_with_the_merged_rows_and_says_so(db_path: Path) -> None:
    """`vigicam serve` over real HTTP on 127.0.0.1: the view's rows, and its description in the metadata."""
    moved_date_thrice(open_database(db_path))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                status, body = get(f"{base}/{db_path.stem}/camera_counts_over_time.json?_shape=array")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            raise AssertionError("vigicam serve did not answer")
        _, described = get(f"{base}/-/metadata.json")
    finally:
        server.terminate()
        server.wait(20)
    assert status == 200
    assert sorted((r["value"], r["date"]) for r in json.loads(body)) == [(43, "2026"), (450, None)]
    view_metadata = json.loads(described)["databases"][db_path.stem]["tables"]["camera_counts_over_time"]
    assert "one row" in view_metadata["description"] and "restated" in view_metadata["columns"]
