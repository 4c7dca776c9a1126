"""`vigicam history` is a figure's record: a figure restated with only its date (the page's "Mis à jour
le" moved), its place's spelling or its qualifier's wording changed is one row, not a second statement
of a new figure (issue 21). Stored as a crawl stores it, in a real SQLite file; the append-only tables
are left as they are."""

from __future__ import annotations

import hashlib
import json

from storage import open_database
from storage.changes import detect_for_fetch
from storage.db import utcnow
from storage.history import insert_document, insert_extraction, record_fetch
from storage.sources import Source, add_source
from vigicam.cli import cli

URL = "http://127.0.0.1:1/videoprotection.html"
PAST = "À l'origine, 43 caméras avaient été posées."


def fig(value, date=None, sentence=None, start=0, qualifier="exact", place="Dreux"):
    return {"metric": "cameras", "value": value, "qualifier": qualifier, "place": place, "place_kind": "commune",
            "date": date, "evidence": f"{value} caméras", "sentence": sentence or f"La ville compte {value} caméras.",
            "start": start}


def store_version(db, source_id, figures):
    """A new version of the page with these figures, stored and compared with the last as a crawl does."""
    digest = hashlib.sha256(json.dumps(figures).encode()).hexdigest()
    text = f"Version {digest}"  # no watched paragraph: only figure events here
    with db.atomic():
        document_id = insert_document(db, content_hash=digest, url=URL, text=text, body=text.encode())
        fetch_id = record_fetch(db, source_id=source_id, url=URL, started_at=utcnow(), outcome="new_content",
                                content_hash=digest, document_id=document_id)
        stored = insert_extraction(db, document_id=document_id, source_id=source_id, fetch_id=fetch_id,
                                   extractor_version="test", figures=figures)
        return detect_for_fetch(db, fetch_id, None, stored)


def history(runner, db_path, *args):
    result = runner.invoke(cli, ["--db", str(db_path), "history", "Dreux", *args])
    assert result.exit_code == 0, result.output
    return result


def test_a_date_only_restatement_is_one_row_with_its_latest_date(runner, db_path):
    db = open_database(db_path)
    source = add_source(db, Source(url=URL, place="Dreux"))
    assert store_version(db, source.id, [fig(450), fig(43, "2024", PAST, start=60)]) == 2
    assert store_version(db, source.id, [fig(450), fig(43, "2025", PAST, start=60)]) == 0  # the date line moved
    assert store_version(db, source.id, [fig(450), fig(43, "2026", PAST, start=60)]) == 0  # and again
    assert db.execute("select count(*) from restatements").fetchone()[0] == 2
    rows = json.loads(history(runner, db_path, "--json").output)
    assert [(r["value"], r["date"]) for r in rows] == [(43, "2026"), (450, None)]
    assert [r["date"] for r in rows[0]["restated"]] == ["2024", "2025"] and rows[1]["restated"] == []
    lines = history(runner, db_path).output.splitlines()
    assert len(lines) == 3  # the header, 43 once, 450 once
    assert " 43  2026 " in lines[1] and lines[1].endswith("restated (before: date 2024, 2025)")
    assert db.execute("select count(*) from figures where value = 43").fetchone()[0] == 3  # nothing rewritten


def test_a_wording_or_spelling_restatement_is_one_row_too(runner, db_path):
    db = open_database(db_path)
    source = add_source(db, Source(url=URL, place="Dreux"))
    store_version(db, source.id, [fig(450, qualifier="at_least", sentence="Plus de 450 caméras.")])
    store_version(db, source.id, [fig(450, qualifier="approx", sentence="Près de 450 caméras.")])
    (row,) = json.loads(history(runner, db_path, "--json").output)
    assert (row["value"], row["qualifier"], [r["qualifier"] for r in row["restated"]]) == (450, "approx",
                                                                                          ["at_least"])


def test_figures_that_are_not_restatements_keep_their_rows(runner, db_path):
    """A changed value, and the same value said of another year beside the first, are statements."""
    db = open_database(db_path)
    source = add_source(db, Source(url=URL, place="Dreux"))
    store_version(db, source.id, [fig(43), fig(120, "2022", "En 2022 : 120 caméras", start=60)])
    store_version(db, source.id, [fig(47), fig(120, "2022", "En 2022 : 120 caméras", start=60),
                                  fig(120, "2023", "En 2023 : 120 caméras", start=90)])
    rows = json.loads(history(runner, db_path, "--json").output)
    assert sorted((r["value"], r["date"]) for r in rows) == [(43, None), (47, None), (120, "2022"), (120, "2023")]
    assert all(r["restated"] == [] for r in rows)
