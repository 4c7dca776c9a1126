"""One page, one source: URLs are stored in their canonical form (storage.urls); /x and /x/ are kept
apart with a warning; a database from before (migration m013) is brought to the same state."""

import json

import sqlite_utils

from storage import open_database
from storage.history import last_document
from storage.migrations import migrations
from vigicam.cli import cli


def invoke(runner, db_path, *args):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def listed(runner, db_path):
    return [s["url"] for s in json.loads(invoke(runner, db_path, "sources", "list", "--json").output)]


def test_spellings_of_one_page_are_one_source(runner, db_path, tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text("".join(f'[[sources]]\nurl = "{url}"\nplace = "Dreux"\n\n' for url in (
        "https://www.dreux.fr/police-municipale", "https://www.dreux.fr/police-municipale#top",
        "HTTPS://Example.ORG/Y", "https://example.org/Y")), encoding="utf-8")
    assert invoke(runner, db_path, "sources", "import", str(path)).exit_code == 0
    assert listed(runner, db_path) == ["https://www.dreux.fr/police-municipale", "https://example.org/Y"]
    again = invoke(runner, db_path, "sources", "add", "https://WWW.Dreux.fr/police-municipale#haut", "--place", "D")
    assert again.exit_code == 1 and "already registered: https://www.dreux.fr/police-municipale" in again.output
    assert invoke(runner, db_path, "sources", "remove", "HTTPS://example.org/Y#x").exit_code == 0
    assert listed(runner, db_path) == ["https://www.dreux.fr/police-municipale"]


def test_a_trailing_slash_is_another_page_with_a_warning(runner, db_path):
    assert invoke(runner, db_path, "sources", "add", "https://example.org/x", "--place", "Dreux").exit_code == 0
    result = invoke(runner, db_path, "sources", "add", "https://example.org/x/", "--place", "Dreux")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: https://example.org/x/ and source 1 https://example.org/x differ only by a trailing slash; both "
        "are kept (`vigicam sources remove` one of them if they are the same page)"]
    assert listed(runner, db_path) == ["https://example.org/x", "https://example.org/x/"]


def test_an_older_database_gets_canonical_urls_and_keeps_its_history(db_path):
    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before="m013_canonical_source_urls")
    for source_id, url in ((1, "HTTPS://Example.ORG/Y#top"), (2, "https://example.org/Y"), (3, "http://a.example/p#x")):
        old["sources"].insert({"id": source_id, "url": url, "place": "Dreux", "kind": "commune", "every": 86400,
                               "follow": 0, "enabled": 1, "added_at": "2026-01-01T00:00:00Z"})
    old["documents"].insert({"id": 1, "content_hash": "h", "url": "http://a.example/p", "text": "t",
                             "fetched_at": "2026-01-01T00:00:00Z"})
    old["fetches"].insert({"source_id": 3, "url": "http://a.example/p#x", "started_at": "2026-01-01T00:00:00Z",
                           "outcome": "new_content", "content_hash": "h", "document_id": 1})
    old.close()
    db = open_database(db_path)
    rows = [(r["id"], r["url"], r["removed_at"] is None) for r in db.query("select * from sources order by id")]
    assert rows == [(1, "HTTPS://Example.ORG/Y#top", False), (2, "https://example.org/Y", True),
                    (3, "http://a.example/p", True)]
    assert last_document(db, 3, "http://a.example/p")["content_hash"] == "h"  # its past is still its own
