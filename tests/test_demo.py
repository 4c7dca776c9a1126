import subprocess
import sys

import sqlite_utils


def test_demo_runs_to_the_end_offline(tmp_path):
    db_path = tmp_path / "demo.db"
    result = subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), "demo"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Second crawl" in result.stdout
    db = sqlite_utils.Database(db_path)
    outcomes = [r["outcome"] for r in db.query("select outcome from fetches order by id")]
    assert outcomes[:4] == ["new_content"] * 4
    assert sorted(outcomes[4:]) == ["new_content", "same_content", "same_content", "same_content"]
