import json

import pytest
import sqlite_utils

from vigicam.cli import cli


def invoke(runner, db_path, *args):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def test_add_list_remove(runner, db_path):
    result = invoke(runner, db_path, "sources", "add", "https://www.chartres.fr/police-municipale",
                    "--place", "Chartres", "--every", "6h")
    assert result.exit_code == 0, result.output
    listed = json.loads(invoke(runner, db_path, "sources", "list", "--json").output)
    assert [(s["url"], s["place"], s["every"], s["kind"]) for s in listed] == [
        ("https://www.chartres.fr/police-municipale", "Chartres", 21600, "commune")
    ]
    assert invoke(runner, db_path, "sources", "remove", "https://www.chartres.fr/police-municipale").exit_code == 0
    assert json.loads(invoke(runner, db_path, "sources", "list", "--json").output) == []
    # the row stays, disabled: history is never erased
    row = next(sqlite_utils.Database(db_path)["sources"].rows)
    assert row["enabled"] == 0 and row["removed_at"]


def test_add_twice_is_an_error(runner, db_path):
    args = ("sources", "add", "https://example.org/a", "--place", "Dreux")
    assert invoke(runner, db_path, *args).exit_code == 0
    result = invoke(runner, db_path, *args)
    assert result.exit_code == 1
    assert "already registered" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("file:///etc/passwd", "--place", "X"),
        ("ftp://example.org/x", "--place", "X"),
        ("http://", "--place", "X"),
        ("not a url", "--place", "X"),
        ("https://example.org/", "--place", "X", "--every", "3 days"),
        ("https://example.org/", "--place", "X", "--kind", "village"),
        ("https://example.org/", "--place", "X", "--bogus"),
        ("https://example.org/",),
    ],
    ids=["file", "ftp", "no-host", "spaces", "bad-duration", "bad-kind", "unknown-option", "no-place"],
)
def test_bad_add_arguments_exit_2_and_write_nothing(runner, db_path, args):
    result = invoke(runner, db_path, "sources", "add", *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not db_path.exists() or sqlite_utils.Database(db_path)["sources"].count == 0


def test_export_then_import_round_trips(runner, db_path, tmp_path):
    invoke(runner, db_path, "sources", "add", "https://a.example/x", "--place", "Aix-en-Provence", "--every", "2w")
    invoke(runner, db_path, "sources", "add", "https://b.example/y", "--place", "Nantes Métropole",
           "--kind", "intercommunalite", "--follow")
    exported = invoke(runner, db_path, "sources", "export").output
    (tmp_path / "s.toml").write_text(exported, encoding="utf-8")
    other = tmp_path / "other.db"
    assert invoke(runner, other, "sources", "import", str(tmp_path / "s.toml")).exit_code == 0
    first = json.loads(invoke(runner, db_path, "sources", "list", "--json").output)
    second = json.loads(invoke(runner, other, "sources", "list", "--json").output)
    keys = ("url", "place", "kind", "every", "follow", "enabled")
    assert [{k: s[k] for k in keys} for s in first] == [{k: s[k] for k in keys} for s in second]


def test_import_rejects_unknown_key_naming_it(runner, db_path, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[[sources]]\nurl = "https://a.example/"\nplace = "X"\nevry = "1d"\n', encoding="utf-8")
    result = invoke(runner, db_path, "sources", "import", str(path))
    assert result.exit_code == 1
    assert "'evry'" in result.output


def test_import_refuses_file_urls(runner, db_path, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[[sources]]\nurl = "file:///etc/passwd"\nplace = "X"\n', encoding="utf-8")
    result = invoke(runner, db_path, "sources", "import", str(path))
    assert result.exit_code == 1
    assert "not an http(s) URL" in result.output


def test_import_default_sources(runner, db_path):
    assert invoke(runner, db_path, "sources", "import", "--default").exit_code == 0
    urls = [s["url"] for s in json.loads(invoke(runner, db_path, "sources", "list", "--json").output)]
    assert "https://www.chartres.fr/police-municipale" in urls
    assert len(urls) == 4
