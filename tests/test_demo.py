import sqlite_utils


def test_demo_runs_to_the_end_offline(demo_run):
    result, db_path = demo_run  # tests/conftest.py: the demo run in a fresh interpreter, shared with test_serve
    assert result.returncode == 0, result.stderr
    assert "Second crawl" in result.stdout
    db = sqlite_utils.Database(db_path)
    outcomes = [r["outcome"] for r in db.query("select outcome from fetches order by id")]
    assert outcomes[:4] == ["new_content"] * 4
    # unchanged pages: 304 from the server's Last-Modified, or the same text
    assert outcomes[4:].count("new_content") == 1
    assert set(outcomes[4:]) - {"new_content"} <= {"not_modified", "same_content"}
    changed = list(db.query("select kind, old_value, new_value from changes where kind = 'changed'"))
    assert changed == [{"kind": "changed", "old_value": 64, "new_value": 71}]
