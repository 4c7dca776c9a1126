"""Bad storage — a damaged database, an output the disk cannot take — is one line on stderr and a
non-zero exit, never a traceback (issue 22, item 13)."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storage import open_database
from tests.conftest import run_vigicam
from tests.test_report_words import SOURCE, event
from vigicam.cli import cli


def fill(db_path: Path, events: int = 3000, sentence: str = "x" * 500) -> None:
    """A database of `events` new figures, each quoting `sentence`."""
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    db["changes"].insert_all((event("new", place="Dreux", metric="cameras", new_value=float(i),
                                    new_evidence=f"{i} caméras {sentence}") for i in range(events)),
                             alter=False, batch_size=2000)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()


def damage(db_path: Path) -> Path:
    """Random bytes over one page in seven past the schema's, through the events' table and their indexes
    alike (where each lies in the file depends on the migrations: m019's indexes fill its end)."""
    pages = db_path.stat().st_size // 4096
    noise = random.Random(22)
    with open(db_path, "r+b") as file:
        for page in range(40, pages - 10, 7):
            file.seek(page * 4096 + 8)
            file.write(noise.randbytes(4000))
    return db_path


@pytest.fixture
def damaged(db_path: Path) -> Path:
    fill(db_path)
    return damage(db_path)


@pytest.mark.parametrize("args", [["report"], ["report", "--format", "csv"], ["report", "--format", "json"]])
def test_a_damaged_database_is_one_line(damaged, runner, args):
    result = runner.invoke(cli, ["--db", str(damaged), *args])
    assert result.exit_code == 1 and not isinstance(result.exception, sqlite3.Error)
    assert result.stderr.strip() == (
        f"Error: the database {damaged} is damaged (database disk image is malformed): restore it from a "
        f"backup, or save what is left with `sqlite3 {damaged} .recover > recovered.sql`")


def test_a_crawl_on_a_damaged_database_is_one_line(damaged):
    result = run_vigicam(damaged, "crawl", "--source", SOURCE["url"])
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert f"the database {damaged} is damaged" in result.stderr


def test_an_output_the_disk_cannot_take_is_one_line(db_path, tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    fill(db_path, events=300)
    for args in (["report"], ["sources", "list"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), *args], stdout=full,
                                    stderr=subprocess.PIPE, text=True, timeout=120)
        assert result.returncode == 1
        assert result.stderr == "Error: cannot write the output: No space left on device\n"
