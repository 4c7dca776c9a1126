"""Shared fixtures: real SQLite files, the CLI in-process, real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigicam.localsite import LocalSite


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """A writable copy of the sample site, so a test can change a page between two crawls."""
    with resources.as_file(resources.files("vigicam").joinpath("sample_site")) as folder:
        return Path(shutil.copytree(folder, tmp_path / "site"))


@pytest.fixture
def site(site_root: Path):
    with LocalSite(site_root) as served:
        yield served


def run_vigicam(db_path: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real command in a child process, as cron would (Scrapy needs a fresh process per crawl)."""
    return subprocess.run(
        [sys.executable, "-m", "vigicam", "--db", str(db_path), *args],
        capture_output=True, text=True, timeout=timeout,
    )
