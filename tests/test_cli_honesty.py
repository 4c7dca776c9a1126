"""The command line tells the truth: a missing database, a date that does not exist, a mistyped place,
a locked database or a bad input line each get one line and a non-zero exit, never a silent empty
answer or a traceback (issue 21, items 8–10 and 13)."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from extractors.figure import Figure
from storage import open_database
from storage.history import insert_document, insert_extraction, record_fetch
from vigicam.cli import cli

SOURCE = {"url": "https://ville.example/securite", "place": "Dreux", "kind": "commune", "every": 86400,
          "follow": 0, "enabled": 1, "added_at": "2024-01-01T00:00:00Z"}


def invoke(runner, db_path, *args):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def event(kind, **fields):
    return {"source_id": 1, "kind": kind, "source_url": SOURCE["url"], "detected_at": "2024-05-02T08:00:00Z",
            **fields}


@pytest.fixture
def events_db(db_path):
    """A database with a source and two events, a month apart."""
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    db["changes"].insert_all([
        event("new", place="Dreux", metric="cameras", new_value=64.0, new_qualifier="exact",
              detected_at="2024-04-01T08:00:00Z"),
        event("changed", place="Dreux", metric="cameras", old_value=64.0, new_value=71.0, delta=7.0,
              old_qualifier="exact", new_qualifier="exact", detected_at="2024-05-02T08:00:00Z"),
    ], alter=False)
    db.close()
    return db_path


def store_figure(db_path, place):
    """A source whose page, fetched once, states 64 cameras in `place`."""
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    with db.atomic():
        document_id = insert_document(db, content_hash="h", url=SOURCE["url"], text="64 caméras.", body=b"x")
        fetch_id = record_fetch(db, source_id=1, url=SOURCE["url"], started_at="2024-01-01T00:00:00Z",
                                outcome="new_content", document_id=document_id, content_hash="h")
        insert_extraction(db, document_id=document_id, source_id=1, fetch_id=fetch_id, extractor_version="x",
                          figures=[Figure("cameras", 64, "exact", place, "commune", None, "64 caméras", 0, 10,
                                          "64 caméras.")])
    db.close()


# -- item 8: commands that only read refuse a missing database ----------------------------------------

READERS = [("report",), ("status",), ("history", "Dreux"), ("query", "select 1"), ("serve",),
           ("sources", "list"), ("sources", "export"), ("sources", "remove", "https://a.example/"),
           ("reextract",), ("schedule", "--max-runs", "1")]


@pytest.mark.parametrize("args", READERS, ids=[" ".join(a[:2]) for a in READERS])
def test_a_command_that_reads_refuses_a_missing_database(runner, tmp_path, args):
    missing = tmp_path / "mistyped.db"
    result = invoke(runner, missing, *args)
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [
        f"Error: no database at {missing}: check --db or VIGICAM_DB (`vigicam sources add` or `vigicam crawl` "
        "creates one)"]
    assert not missing.exists()


def test_notify_and_populations_refuse_a_missing_database(runner, tmp_path):
    missing = tmp_path / "mistyped.db"
    config = tmp_path / "vigicam.toml"
    config.write_text('[notify]\nurls = ["json://127.0.0.1:9/hook"]\n', encoding="utf-8")
    populations = tmp_path / "pop.csv"
    populations.write_text("COM;PMUN\n28085;38000\n", encoding="utf-8")
    for args in (("--config", str(config), "notify"),
                 ("places", "load-populations", str(populations), "--year", "2022")):
        result = runner.invoke(cli, ["--db", str(missing), *args])
        assert result.exit_code == 1 and "no database at" in result.output, result.output
    assert not missing.exists()


def test_the_commands_that_fill_a_database_create_it(runner, tmp_path):
    db_path = tmp_path / "new.db"
    assert invoke(runner, db_path, "sources", "add", "https://a.example/x", "--place", "Dreux").exit_code == 0
    assert db_path.exists()


# -- item 9: dates, flags and places -----------------------------------------------------------------

@pytest.mark.parametrize("since", ["2026-02-30", "2026-13-45", "yesterday", "2024-5-2"])
def test_report_refuses_a_date_that_does_not_exist(runner, events_db, since):
    result = invoke(runner, events_db, "report", "--since", since)
    assert result.exit_code == 2
    assert f"Error: Invalid value for '--since': invalid date '{since}'" in result.output
    assert "No change" not in result.output


def test_report_since_a_date_or_a_time_filters(runner, events_db):
    assert [e["kind"] for e in json.loads(invoke(runner, events_db, "report", "--since", "2024-04-15",
                                                 "--format", "json").output)] == ["changed"]
    # a time with its offset is compared in UTC, as the database writes it: 10:00+02:00 is 08:00Z
    assert [e["kind"] for e in json.loads(invoke(runner, events_db, "report", "--since", "2024-05-02T10:00:00+02:00",
                                                 "--format", "json").output)] == ["changed"]
    assert json.loads(invoke(runner, events_db, "report", "--since", "2024-05-02T10:00:01+02:00",
                             "--format", "json").output) == []


def test_extract_refuses_a_publication_date_that_does_not_exist(runner, tmp_path):
    text = tmp_path / "page.txt"
    text.write_text("La ville compte 12 caméras.", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(text), "--published", "2023-13-45"])
    assert result.exit_code == 2 and "invalid date '2023-13-45'" in result.output
    assert runner.invoke(cli, ["extract", str(text), "--published", "2023-12-15"]).exit_code == 0


@pytest.mark.parametrize("line,key", [('enabled = "no"', "enabled"), ("follow = 1", "follow"),
                                      ('enabled = "false"', "enabled")])
def test_a_sources_file_flag_must_be_true_or_false(runner, db_path, tmp_path, line, key):
    path = tmp_path / "s.toml"
    path.write_text(f'[[sources]]\nurl = "https://a.example/"\nplace = "X"\n{line}\n', encoding="utf-8")
    result = invoke(runner, db_path, "sources", "import", str(path))
    assert result.exit_code == 1
    assert f"Error: '{key}' must be true or false" in result.output
    assert not db_path.exists() or sqlite_utils.Database(db_path)["sources"].count == 0


@pytest.mark.parametrize("place", ["", "   ", "Dreux\n- **injected**"])
def test_sources_add_refuses_an_empty_or_multiline_place(runner, db_path, place):
    result = invoke(runner, db_path, "sources", "add", "https://a.example/", "--place", place)
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--place'" in result.output
    assert not db_path.exists() or sqlite_utils.Database(db_path)["sources"].count == 0


def test_report_names_no_such_place_and_offers_the_close_ones(runner, events_db):
    result = invoke(runner, events_db, "report", "--place", "Chartre")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no place called 'Chartre' in the figures or the gazetteer; "
                                    "did you mean Chartres")
    close = invoke(runner, events_db, "report", "--place", "Dreu")
    assert close.exit_code == 1 and "did you mean Dreux" in close.output


def test_report_on_a_real_place_with_nothing_stored_says_so(runner, events_db):
    result = invoke(runner, events_db, "report", "--place", "Chartres")
    assert result.exit_code == 0
    assert result.stdout == "No change.\n"
    assert "no figure stored for 'Chartres' yet" in result.stderr


def test_history_offers_close_place_names(runner, db_path):
    store_figure(db_path, "Agglo du Pays de Dreux")
    result = invoke(runner, db_path, "history", "Agglo du pays de Drux")
    assert result.exit_code == 1
    assert "did you mean Agglo du Pays de Dreux" in result.output


def test_places_offers_longer_names_and_corrects_typos(runner):
    aix = runner.invoke(cli, ["places", "Aix"])
    assert aix.exit_code == 0
    assert aix.output.splitlines()[-1] == "also: Aix-en-Provence, Aix-les-Bains, Aix-Noulette"  # no typo guesses
    typo = runner.invoke(cli, ["places", "Chartre"])
    assert typo.exit_code == 1
    assert typo.output.startswith("Error: no French place is called 'Chartre'; did you mean Chartres")


# -- item 10: no tracebacks ---------------------------------------------------------------------------

def test_a_locked_database_is_one_line(runner, db_path, tmp_path, monkeypatch):
    import storage.db

    monkeypatch.setattr(storage.db, "BUSY_TIMEOUT_MS", 200)  # the real wait is 10 s
    assert invoke(runner, db_path, "sources", "add", "https://a.example/x", "--place", "Dreux").exit_code == 0
    toml = tmp_path / "s.toml"
    toml.write_text('[[sources]]\nurl = "https://b.example/"\nplace = "X"\n', encoding="utf-8")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("begin immediate")  # another program writing
    try:
        for args in (("sources", "add", "https://a.example/y", "--place", "Dreux"),
                     ("sources", "remove", "https://a.example/x"), ("sources", "import", str(toml))):
            result = invoke(runner, db_path, *args)
            assert result.exit_code == 1, result.output
            assert result.output.startswith("Error: the database is locked by another program"), result.output
            assert "Traceback" not in result.output and len(result.output.splitlines()) == 1
    finally:
        holder.execute("rollback")
        holder.close()
    assert [s["url"] for s in json.loads(invoke(runner, db_path, "sources", "list", "--json").output)] == [
        "https://a.example/x"]


@pytest.mark.parametrize("text,message", [
    ("sources = 3\n", "'sources' must be a list of [[sources]] tables, not 3"),
    ('sources = ["https://a.example/"]\n', "each [[sources]] entry must be a table"),
    ("defaults = 3\n", "'defaults' must be a table"),
    ('[[sources]]\nurl = "https://a.example/"\nplace = 3\n', "a source needs a 'place' (text)"),
    ('[[sources]]\nurl = "https://a.example/"\nplace = "X"\nevery = 3600\n', "a source needs a 'every' (text)"),
], ids=["sources-int", "sources-strings", "defaults-int", "place-int", "every-int"])
def test_a_malformed_sources_file_is_one_line(runner, db_path, tmp_path, text, message):
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    result = invoke(runner, db_path, "sources", "import", str(path))
    assert result.exit_code == 1
    assert message in result.output and len(result.output.splitlines()) == 1, result.output


@pytest.mark.parametrize("lines,message", [
    (['{"id": 1, "text": "12 caméras"}', "not json"], "corpus.jsonl:2: not JSON"),
    (['{"id": 1, "text": "12 caméras"}', "", '{"id": 2, "txt": "x"}'], "corpus.jsonl:3: a record needs"),
    (['{"id": 7, "text": 12}'], "record 7: 'text' must be a string"),
], ids=["not-json", "no-text", "text-not-a-string"])
def test_a_bad_corpus_line_is_named(runner, tmp_path, lines, message):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", "--corpus", str(corpus)])
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1


def test_a_corpus_that_is_not_utf8_is_one_line(runner, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes('{"id": 1, "text": "caméras"}\n'.encode("cp1252"))
    result = runner.invoke(cli, ["extract", "--corpus", str(corpus)])
    assert result.exit_code == 1 and "not UTF-8 text" in result.stderr


# -- item 13 and the demo's wording -------------------------------------------------------------------

def test_history_has_a_header_row(runner, db_path):
    store_figure(db_path, "Dreux")
    lines = invoke(runner, db_path, "history", "Dreux").output.splitlines()
    assert lines[0].split() == ["first", "seen", "place", "metric", "value", "date", "source"]
    assert lines[1].split()[:4] == ["2024-01-01", "Dreux", "cameras", "64"]


def test_demo_help_says_the_database_is_always_kept(runner):
    text = " ".join(runner.invoke(cli, ["demo", "--help"]).output.split())
    assert "the database is always kept" in text
    assert "Leave the demo database in place" not in text
