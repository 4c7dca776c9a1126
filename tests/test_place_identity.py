"""One commune, one name (issue 21): a source's --place is stored as the gazetteer names it ("Vernouillet
(Eure-et-Loir)", as the extractors name its figures), a bare homonym resolved by the page's host or
refused with its candidates in one line; `report --place` and `history` take either spelling of a place
when the database holds only one place of that name. Real SQLite files, the CLI in-process; no page is
fetched (`sources add` never fetches)."""

from __future__ import annotations

import json

from storage import open_database
from storage.changes import detect_for_fetch
from storage.db import utcnow
from storage.history import insert_document, insert_extraction, record_fetch
from vigicam.cli import cli

E_ET_L, YVELINES = "Vernouillet (Eure-et-Loir)", "Vernouillet (Yvelines)"
AMBIGUOUS = ("Error: Vernouillet is ambiguous: Vernouillet (Eure-et-Loir), Vernouillet (Yvelines); give one of "
             "them, e.g. --place 'Vernouillet (Eure-et-Loir)'\n")


def invoke(runner, db_path, *args):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def stored_sources(db_path):
    return [(r["url"], r["place"], r["place_code"]) for r in open_database(db_path).query(
        "select url, place, place_code from sources order by id")]


def test_a_bare_homonym_is_resolved_by_the_pages_host(runner, db_path):
    for url in ("http://www.vernouillet28.fr/securite", "https://www.mairie-vernouillet.fr/police",
                "https://www.chartres.fr/agglo/vernouillet"):  # its own site; another's; its département's
        assert invoke(runner, db_path, "sources", "add", url, "--place", "vernouillet").exit_code == 0
    added = invoke(runner, db_path, "sources", "add", "http://127.0.0.1:8000/v.html", "--place", "Vernouillet (28)")
    assert added.output == f"added source 4: http://127.0.0.1:8000/v.html ({E_ET_L}, every 1d)\n"
    assert invoke(runner, db_path, "sources", "add", "http://127.0.0.1:8000/c.html", "--place", "chartres",
                  ).exit_code == 0
    assert [(place, code) for _url, place, code in stored_sources(db_path)] == [
        (E_ET_L, "28404"), (YVELINES, "78643"), (E_ET_L, "28404"), (E_ET_L, "28404"), ("Chartres", "28085")]


def test_a_bare_homonym_nothing_resolves_is_refused_in_one_line(runner, db_path, tmp_path):
    result = invoke(runner, db_path, "sources", "add", "http://127.0.0.1:8000/v.html", "--place", "Vernouillet")
    assert (result.exit_code, result.output) == (1, AMBIGUOUS)
    assert not db_path.exists()  # nothing was registered, no database made
    toml = tmp_path / "sources.toml"
    toml.write_text('[[sources]]\nurl = "http://127.0.0.1:8000/a.html"\nplace = "Dreux"\n\n'
                    '[[sources]]\nurl = "http://127.0.0.1:8000/v.html"\nplace = "Vernouillet"\n', encoding="utf-8")
    result = invoke(runner, db_path, "sources", "import", str(toml))
    assert (result.exit_code, result.output) == (1, AMBIGUOUS)
    assert not db_path.exists()  # not even the first entry


def test_a_sources_own_events_carry_the_name_its_figures_carry(runner, db_path):
    """A failing page's event is placed by its source: the canonical name, not the typed one."""
    assert invoke(runner, db_path, "sources", "add", "http://www.vernouillet28.fr/securite", "--place",
                  "Vernouillet").exit_code == 0
    db = open_database(db_path)
    with db.atomic():
        fetch_id = record_fetch(db, source_id=1, url="http://www.vernouillet28.fr/securite", started_at=utcnow(),
                                outcome="failed", error="HTTP 503")
        assert detect_for_fetch(db, fetch_id) == 1
    assert [r["place"] for r in db.query("select place from changes")] == [E_ET_L]


def store_page(db, source_id, url, place, value):
    """A page of the source stating `value` cameras in `place`, stored and compared as a crawl does."""
    with db.atomic():
        document_id = insert_document(db, content_hash=url, url=url, text=f"Page {url}", body=b"x")
        fetch_id = record_fetch(db, source_id=source_id, url=url, started_at=utcnow(), outcome="new_content",
                                document_id=document_id, content_hash=url)
        stored = insert_extraction(db, document_id=document_id, source_id=source_id, fetch_id=fetch_id,
                                   extractor_version="test", figures=[{
                                       "metric": "cameras", "value": value, "qualifier": "exact", "place": place,
                                       "date": None, "evidence": f"{value} caméras", "start": 0}])
        detect_for_fetch(db, fetch_id, None, stored)


def database_of_an_older_source(db_path, *found):
    """A source registered as bare 'Vernouillet' before names were made canonical, failing once, and
    the figures of the pages it found, placed by their text (`found`: (place, value) pairs)."""
    db = open_database(db_path)
    db["sources"].insert({"url": "http://127.0.0.1:8000/index.html", "place": "Vernouillet", "kind": "commune",
                          "every": 86400, "follow": 1, "enabled": 1, "added_at": utcnow()})
    with db.atomic():
        detect_for_fetch(db, record_fetch(db, source_id=1, url="http://127.0.0.1:8000/index.html",
                                          started_at=utcnow(), outcome="failed", error="HTTP 503"))
    for n, (place, value) in enumerate(found):
        store_page(db, 1, f"http://127.0.0.1:8000/page{n}.html", place, value)
    return db


def report_places(runner, db_path, place):
    result = invoke(runner, db_path, "report", "--place", place, "--format", "json")
    assert result.exit_code == 0, result.output
    return sorted((e["kind"], e["place"]) for e in json.loads(result.stdout))


def test_report_and_history_take_either_spelling_of_the_one_place_the_database_holds(runner, db_path):
    database_of_an_older_source(db_path, (YVELINES, 12))
    both = [("new", YVELINES), ("source_failing", "Vernouillet")]
    assert report_places(runner, db_path, "Vernouillet") == both
    assert report_places(runner, db_path, "vernouillet (yvelines)") == both
    assert report_places(runner, db_path, E_ET_L) == []  # another commune: nothing of it stored
    rows = json.loads(invoke(runner, db_path, "history", "Vernouillet", "--json").stdout)
    assert [(r["place"], r["value"]) for r in rows] == [(YVELINES, 12)]


def test_a_bare_name_two_communes_of_the_database_bear_is_refused_in_one_line(runner, db_path):
    database_of_an_older_source(db_path, (YVELINES, 12), (E_ET_L, 30))
    for command in (["report", "--place", "Vernouillet"], ["history", "Vernouillet"]):
        result = invoke(runner, db_path, *command)
        assert (result.exit_code, result.output) == (1, AMBIGUOUS.replace("is ambiguous", "is ambiguous in this "
                                                                                          "database"))
    assert report_places(runner, db_path, YVELINES) == [("new", YVELINES)]  # the bare event: whose, unknown
