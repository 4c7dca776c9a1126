import sqlite3

import pytest
import sqlite_utils

from storage import open_database
from storage.changes import health_state
from storage.history import last_document, validators
from storage.migrations import migrations
from storage.page_past import previous_version


def test_open_sets_wal_and_foreign_keys(db_path):
    db = open_database(db_path)
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert {"sources", "fetches", "documents", "figures", "changes", "places"} <= set(db.table_names())


def test_history_tables_are_append_only(db_path):
    db = open_database(db_path)
    db["sources"].insert({"url": "https://a.example/", "place": "X", "kind": "commune", "every": 60,
                          "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"})
    db["fetches"].insert({"source_id": 1, "url": "https://a.example/", "started_at": "t", "outcome": "failed"})
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("update fetches set outcome = 'new_content'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("delete from fetches")


def test_database_made_by_first_schema_upgrades_and_keeps_rows(db_path):
    first = migrations._migrations[0].name
    later = [m.name for m in migrations._migrations[1:]]
    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before=later or None)
    assert [m.name for m in migrations.applied(old)] == [first]
    old["sources"].insert({"url": "https://a.example/", "place": "Chartres", "kind": "commune", "every": 60,
                           "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"})
    old.close()
    db = open_database(db_path)
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]
    assert [r["place"] for r in db["sources"].rows] == ["Chartres"]


def test_garbage_file_is_a_clear_error(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite" * 100)
    from storage import StorageError

    with pytest.raises(StorageError, match="not a vigicam database"):
        open_database(path)


def test_events_as_json_from_sqlite_read_like_events_encoded_in_python(db_path):
    """`report --format json` lets SQLite build each event's JSON: same values as Python's encoder, for
    accents, quotes, backslashes, control characters and floats, and the same place filter."""
    import json

    from storage.queries import events, events_json
    from vigicam.report_data import ReportData
    from vigicam.reporters import JSON_KEYS, json_report

    db = open_database(db_path)
    db["sources"].insert({"url": "https://a.example/", "place": "Évreux", "kind": "commune", "every": 60,
                          "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"})
    tricky = 'La ville « compte » 1\u202f450 caméras,\nun "réseau" \\ et\x01 plus.'
    for place, new in (("Évreux", 1450.0), ("Dreux", 12.5)):
        db["changes"].insert({"source_id": 1, "kind": "changed", "place": place, "metric": "cameras",
                              "old_value": 1400.0, "new_value": new, "delta": new - 1400.0,
                              "new_qualifier": "at_least", "new_evidence": tricky, "source_url": "https://a.example/",
                              "detected_at": "2024-05-01T00:00:00Z"})
    from_sqlite = json.loads(json_report(ReportData(db)))
    from_python = json.loads(json.dumps([{key: e[key] for key in JSON_KEYS} for e in events(db)]))
    assert from_sqlite == from_python
    assert from_sqlite[0]["new_evidence"] == tricky and from_sqlite[1]["new_value"] == 12.5
    assert [json.loads(line)["place"] for line in events_json(db, JSON_KEYS, places=["Dreux"])] == ["Dreux"]
    assert [e["place"] for e in json.loads(json_report(ReportData.of(db, from_python[1:])))] == ["Dreux"]
    with pytest.raises(ValueError, match="not columns"):
        events_json(db, ("id", "1); drop table changes; --"))


def test_checkpointer_copies_the_log_off_the_writers_commits(db_path):
    """During a crawl the writer's commits never checkpoint; the checkpointer's thread copies the
    write-ahead log into the database, and stopping hands checkpoints back to the writer."""
    import time

    from storage.checkpoints import DEFAULT_AUTOCHECKPOINT, Checkpointer

    db = open_database(db_path)
    checkpointer = Checkpointer(db, db_path, every=0.05)
    checkpointer.start()
    assert db.execute("pragma wal_autocheckpoint").fetchone()[0] == 0
    with db.atomic():
        db["sources"].insert_all({"url": f"https://a.example/{n}", "place": "X", "kind": "commune", "every": 60,
                                  "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"} for n in range(500))
    committed_size = db_path.stat().st_size  # the new pages are in the log only: nobody copied them yet
    deadline = time.monotonic() + 5
    while db_path.stat().st_size == committed_size and time.monotonic() < deadline:
        time.sleep(0.05)
    assert db_path.stat().st_size > committed_size  # the thread copied them into the database
    checkpointer.stop()
    assert db.execute("pragma wal_autocheckpoint").fetchone()[0] == DEFAULT_AUTOCHECKPOINT
    assert sqlite3.connect(db_path).execute("select count(*) from sources").fetchone()[0] == 500


def test_a_pages_history_lookups_stay_seeks_as_history_grows(db_path):
    """What each stored page asks of the history (its last document, its last fetch with content, its
    validators, its source's health) must read the newest rows by index, not every fetch or event the
    source has had: a crawl that runs for months would slow down with each one."""
    db = open_database(db_path)
    for url, follow in (("https://a.example/", 0), ("https://a.example/actualites", 1)):  # one follows its host
        db["sources"].insert({"url": url, "place": "X", "kind": "commune", "every": 60, "follow": follow,
                              "enabled": 1, "added_at": "2024-01-01T00:00:00Z"})
    db["fetches"].insert_all({"source_id": 1 + i % 2, "url": "https://a.example/", "started_at": f"t{i}",
                              "outcome": "failed"} for i in range(50))
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)  # the SQL as run, its parameters written in
    assert last_document(db, 1, "https://a.example/") is None
    assert previous_version(db, 1, "https://a.example/", 50) is None  # its own past, the follower's
    assert validators(db, 1, "https://a.example/") == {}
    assert health_state(db, 1) is None
    db.conn.set_trace_callback(None)
    selects = [sql for sql in statements if sql.lower().startswith("select")]  # not sqlite-utils' savepoints
    assert len(selects) == 7  # previous_version: its own, the sources of its host (http, https), the follower's
    for sql in selects:
        plan = " / ".join(row[3] for row in db.execute("explain query plan " + sql))
        assert "USING" in plan and "SCAN" not in plan and "TEMP B-TREE" not in plan, (sql, plan)


def test_validators_are_the_pages_own(db_path):
    """A followed source has several pages; each conditional request carries its own page's dates."""
    db = open_database(db_path)
    db["sources"].insert({"url": "https://a.example/", "place": "X", "kind": "commune", "every": 60,
                          "follow": 1, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"})
    for url, modified in (("https://a.example/", "Wed, 01 Feb 2023 10:00:00 GMT"),
                          ("https://a.example/cameras.html", "Thu, 01 Jun 2023 10:00:00 GMT")):
        db["fetches"].insert({"source_id": 1, "url": url, "started_at": "2024-01-02T00:00:00Z", "http_status": 200,
                              "outcome": "new_content", "last_modified": modified})
    assert validators(db, 1, "https://a.example/")["last_modified"] == "Wed, 01 Feb 2023 10:00:00 GMT"


def test_figures_as_stored_are_the_figures_read_back(db_path):
    """Change detection compares the figures an extraction returns as stored with the next page's,
    read back from the database: both must compare equal, in the same order."""
    from extractors.figure import Figure
    from storage.changes import FIGURE_COLUMNS, figures_of
    from storage.history import insert_document, insert_extraction, record_fetch

    db = open_database(db_path)
    db["sources"].insert({"url": "https://a.example/", "place": "Dreux", "kind": "commune", "every": 60,
                          "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"})
    with db.atomic():
        document_id = insert_document(db, content_hash="h", url="https://a.example/", text="t", body=b"t")
        fetch_id = record_fetch(db, source_id=1, url="https://a.example/", started_at="t", outcome="new_content",
                                document_id=document_id)
        figures = [Figure("cameras", 148, "exact", "Dreux", "commune", None, "148 caméras", 40, 51, "s2"),
                   Figure("cameras_added", 12.5, "approx", None, None, "2023", "12,5", 3, 7, "s1")]
        stored = insert_extraction(db, document_id=document_id, source_id=1, fetch_id=fetch_id,
                                   extractor_version="v", figures=figures)
    names = [name.strip() for name in FIGURE_COLUMNS.split(",")]
    read = figures_of(db, document_id, 1)
    assert [{k: f[k] for k in names} for f in stored] == read
    assert [f["start"] for f in stored] == [3, 40]  # the order of the text, as read back
