"""The words of a report: each kind of event in one line, built by SQLite, and values printed as the
rest of vigicam prints them."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from storage import open_database
from storage.queries import number_sql
from vigicam.markup import MAX_DOTS
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
    (printed,) = db.execute(f"select {number_sql('?1')}", [value]).fetchone()
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


def charted(html: str) -> list[str]:
    """The polyline points of each chart of an HTML report."""
    return re.findall(r'<polyline[^>]* points="([^"]*)"', html)


def test_a_chart_draws_the_values_the_events_gave_the_series(db):
    db["changes"].insert_all([
        event("new", place="Dreux", metric="cameras", new_value=100.0, detected_at="2024-01-01T00:00:00Z"),
        event("changed", place="Dreux", metric="cameras", old_value=100.0, new_value=120.0,
              detected_at="2024-02-01T00:00:00Z"),
        event("withdrawn", place="Dreux", metric="cameras", old_value=120.0, detected_at="2024-03-01T00:00:00Z"),
        # read anew by `vigicam reextract` as 125 (no event), then changed by the city
        event("changed", place="Dreux", metric="cameras", old_value=125.0, new_value=110.0,
              detected_at="2024-04-01T00:00:00Z"),
        event("new", place="Dreux", metric="money_eur", new_value=5.0, detected_at="2024-04-01T00:00:00Z"),
    ], alter=False)
    (chart,) = charted(REPORTERS["html"](ReportData(db)))  # money_eur never changed: no chart
    heights = [-float(xy.split(",")[1]) for xy in chart.split()]  # SVG's y grows downwards
    # 100, 120, 125, 110: four points, in this order of height
    assert len(heights) == 4 and sorted(range(4), key=heights.__getitem__) == [0, 3, 1, 2]
    # a report of the last change alone still charts the series from its first value
    since = REPORTERS["html"](ReportData(db, since="2024-04-01T00:00:00Z"))
    assert charted(since) == charted(REPORTERS["html"](ReportData(db))) and "Dreux: cameras 125 → 110" in since


@pytest.mark.parametrize(("count", "dots"), [(MAX_DOTS, MAX_DOTS), (MAX_DOTS + 1, 0)])
def test_a_long_series_is_charted_without_a_dot_a_value(db, count, dots):
    values = [100.0 + i for i in range(count)]
    db["changes"].insert_all([event("changed", place="Dreux", metric="cameras", old_value=old, new_value=new)
                              for old, new in zip(values, values[1:], strict=False)], alter=False)
    html = REPORTERS["html"](ReportData(db))
    assert len(charted(html)[0].split()) == count and html.count("<circle") == dots
    assert ("<title>129</title>" in html) == bool(dots)  # a dot tells its value


@pytest.mark.parametrize(("sentence", "value", "shown"), [
    ("La ville compte 1 500 caméras.", 1500.0, "La ville compte <mark>1 500</mark> caméras."),
    ("La ville compte 1\u00a0500 caméras.", 1500.0, "La ville compte <mark>1\u00a0500</mark> caméras."),
    ("458 — c'est le nombre de caméras & <b>", 458.0, "<mark>458</mark> — c'est le nombre de caméras &amp; &lt;b&gt;"),
    ("458 — c'est le nombre de caméras", None, "458 — c'est le nombre de caméras"),
])
def test_evidence_is_escaped_and_its_figure_marked(db, sentence, value, shown):
    db["changes"].insert(event("withdrawn", place="Dreux", metric="cameras", old_value=value, old_evidence=sentence),
                         alter=False)
    assert f"Before: {shown}" in REPORTERS["html"](ReportData(db))
