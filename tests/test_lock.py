"""One crawl per database: the lock is on the database's real file, so neither a symlink to it nor
deleting a side file lets a second crawl or scheduler in (issue 22, item 12)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storage import DatabaseLocked, open_database
from vigicam.cli import cli
from vigicam.lock import CrawlLock

HOLD = """
import sys, time
from pathlib import Path
from vigicam.lock import CrawlLock
CrawlLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(tmp_path: Path):
    """Another process holding the lock through the database's real path; `real.db.lock` beside it."""
    real = tmp_path / "real.db"
    open_database(real).close()
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(real)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    yield real
    process.kill()
    process.wait()


def test_a_symlink_to_the_database_meets_its_lock(holder, tmp_path, runner):
    link = tmp_path / "link.db"
    link.symlink_to(holder)
    with pytest.raises(DatabaseLocked, match="another vigicam crawl or schedule is running"):
        CrawlLock(link).acquire()
    result = runner.invoke(cli, ["--db", str(link), "crawl", "--source", "http://127.0.0.1:9/"])
    assert result.exit_code == 1 and "another vigicam crawl or schedule is running" in result.output
    assert "Traceback" not in result.output


def test_deleting_the_lock_file_does_not_release_the_lock(holder):
    for side in holder.parent.glob("real.db.lock"):
        side.unlink()
    with pytest.raises(DatabaseLocked):
        CrawlLock(holder).acquire()


def test_the_lock_is_free_again_once_its_holder_is_gone(tmp_path):
    real = tmp_path / "real.db"
    open_database(real).close()
    with CrawlLock(real):
        with pytest.raises(DatabaseLocked):
            CrawlLock(real).acquire()  # twice in one process is refused too
    with CrawlLock(real):
        pass
