"""The words of a report: each kind of event in one line, built by SQLite, and values printed as the
rest of vigicam prints them."""

import json
import xml.etree.ElementTree as ET

import pytest

from storage import open_database
from storage.queries import _number_sql
from vigicam.report_data import ReportData
from vigicam.reporters import REPORTERS, number, text_report

SOURCE = {"url": "https://ville.example/securite", "place": "Dreux", "kind": "commune", "every": 60,
          "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"}


@pytest.fixture
def db(db_path):
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    return db


def event(kind, **fields):
    return {"source_id": 1, "kind": kind, "source_url": SOURCE["url"], "detected_at": "2024-05-02T08:00:00Z",
            **fields}


def test_each_kind_of_event_in_words(db):
    db["changes"].insert_all([
        event("changed", place="Aix-en-Provence", metric="cameras", old_value=450.0, new_value=458.0, delta=8.0,
              old_qualifier="at_least", new_qualifier="exact", published="2023-02-01",
              old_evidence="plus de 450 caméras", new_evidence="458 caméras"),
        event("changed", place="Dreux", metric="cameras_per_100k", old_value=2.5, new_value=1.0, delta=-1.5,
              old_qualifier="exact", new_qualifier="approx"),
        event("changed", place="Dreux", metric="cameras", old_value=64.0, new_value=64.0, delta=0.0,
              old_qualifier="exact", new_qualifier="at_most"),
        event("new", place=None, metric="money_eur", new_value=1500000.0, new_qualifier="exact"),
        event("withdrawn", place="Dreux", metric="cameras_planned", old_value=9.0, old_qualifier="approx"),
        event("source_failing", place="Dreux", detail="HTTP 503"),
        event("source_failing", place="Dreux", detail=""),
        event("source_recovered", place="Dreux"),
    ], alter=False)
    lines = [line for line in text_report(ReportData(db)).splitlines() if not line.startswith("    ")]
    assert lines == [
        "Aix-en-Provence: cameras plus de 450 → 458 (+8), page https://ville.example/securite, "
        "published 2023-02-01, detected 2024-05-02T08:00:00Z",
        "Dreux: cameras_per_100k 2.5 → près de 1 (-1.5), page https://ville.example/securite, "
        "detected 2024-05-02T08:00:00Z",
        "Dreux: cameras 64 → jusqu'à 64, page https://ville.example/securite, detected 2024-05-02T08:00:00Z",
        "?: money_eur 1500000 (new), page https://ville.example/securite, detected 2024-05-02T08:00:00Z",
        "Dreux: cameras_planned près de 9 no longer stated, page https://ville.example/securite, "
        "detected 2024-05-02T08:00:00Z",
        "Dreux: source failing (HTTP 503), page https://ville.example/securite, detected 2024-05-02T08:00:00Z",
        "Dreux: source failing (error), page https://ville.example/securite, detected 2024-05-02T08:00:00Z",
        "Dreux: source recovered, page https://ville.example/securite, detected 2024-05-02T08:00:00Z",
    ]
    assert "    before: plus de 450 caméras\n    now: 458 caméras\n" in text_report(ReportData(db))


@pytest.mark.parametrize("value", [0.0, 1.0, -3.0, 458.0, 12.5, -1.5, 0.1, 1 / 3, 2 / 3 * 1e6, 1500000.0,
                                   123456789.0, 1e-7, 99999999999.0, None])
def test_sqlite_prints_a_value_as_python_does(db, value):
    """Reports print values in SQL, `vigicam history` and the demo in Python: the same text for both."""
    (printed,) = db.execute(f"select {_number_sql('?1')}", [value]).fetchone()
    assert printed == number(value)


def test_every_format_reads_only_the_events_it_is_given(db):
    db["changes"].insert_all([
        event("new", place="Dreux", metric="cameras", new_value=64.0, new_qualifier="exact"),
        event("new", place="Chartres", metric="cameras", new_value=148.0, new_qualifier="exact",
              new_evidence="<script>alert(1)</script> Chartres dispose des 148 caméras"),
    ], alter=False)
    chosen = ReportData.of(db, [{"id": 2}])
    for name, report in REPORTERS.items():
        out = report(chosen)
        assert "Chartres" in out and "Dreux" not in out, name
        if name in ("html", "atom"):  # the formats a browser or feed reader renders
            assert "<script>" not in out, name
    feed = ET.fromstring(REPORTERS["atom"](chosen))
    content = feed.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}content").text
    assert "&lt;script&gt;" in content and "<mark>148</mark>" in content  # HTML for the feed reader to show
    assert [e["place"] for e in json.loads(REPORTERS["json"](chosen))] == ["Chartres"]
