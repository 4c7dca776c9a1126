"""A report is written piece by piece as its events are read: its memory stays far below its size
(issue 22, item 14: 100,000 events with 4 KB sentences took 3.2 GB)."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc

import pytest

from storage import open_database
from tests.test_report_words import SOURCE, event
from vigicam.report_data import ReportData
from vigicam.reporters import REPORTERS, write_report

EVENTS = 1000
SENTENCE = "La ville compte 148 caméras de vidéoprotection, " * 80  # about 4 KB


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("stream") / "report.db")
    db["sources"].insert(SOURCE)
    db["changes"].insert_all([event("changed", place="Dreux", metric="cameras", old_value=float(i),
                                    new_value=float(i + 1), delta=1.0, old_evidence=SENTENCE,
                                    new_evidence=SENTENCE) for i in range(EVENTS)], alter=False)
    return db


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "csv"])
def test_a_report_is_written_as_it_is_read(db, fmt):
    written: list[int] = []
    tracemalloc.start()
    try:
        write_report(fmt, ReportData(db), lambda piece: written.append(len(piece)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    size = sum(written)
    assert size > EVENTS * 2 * len(SENTENCE)  # each event's two sentences: about 8 MB
    assert len(written) > 100 and max(written) < 300_000  # many pieces, none of them the report
    assert peak < size / 8  # the whole report is never in memory (it was 2-3 times its size)


def test_the_pieces_make_the_same_report(db):
    for fmt in ("text", "markdown", "json", "csv", "html", "atom"):
        pieces: list[str] = []
        write_report(fmt, ReportData(db), pieces.append)
        assert "".join(pieces) == REPORTERS[fmt](ReportData(db))
    whole = REPORTERS["json"](ReportData(db))
    assert len(json.loads(whole)) == EVENTS
    assert len(list(csv.DictReader(io.StringIO(REPORTERS["csv"](ReportData(db)))))) == EVENTS
