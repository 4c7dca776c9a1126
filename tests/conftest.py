"""Shared fixtures: real SQLite files, the CLI in-process, real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import json
import locale
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from vigicam.localsite import LocalSite

ROOT = Path(__file__).resolve().parent.parent


# The modules holding the suite's longest tests (`pytest --durations`, 2026-12: a crawl, a schedule loop, a
# whole corpus read), longest first. They run first so that the suite ends on short tests, which the two xdist
# workers share out (`--dist load`, pyproject.toml): a 50 s test started last kept one worker busy
# alone. Only the order changes; a module missing here runs after these, in its usual order.
LONG_FIRST = ("test_extract_real", "test_schedule", "test_distributed", "test_acceptance_site", "test_changes",
              "test_serve", "test_demo", "test_quiet_layer_crawl", "test_read_budget", "test_locked_db",
              "test_reliability", "test_crawl_honesty", "test_extract_invented", "test_hostile_round2",
              "test_bad_storage", "test_many_hosts", "test_crawl", "test_hostile_crawl", "test_notify",
              "test_pages_once", "test_kept_robots")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long modules first (LONG_FIRST), each module's tests kept together and in their order (the sort is
    stable): every xdist worker collects the same order, as xdist requires."""
    rank = {name: n for n, name in enumerate(LONG_FIRST)}
    items.sort(key=lambda item: rank.get(Path(item.nodeid.split("::")[0]).stem, len(rank)))


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


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """`vigicam demo` run once (per xdist worker) in a fresh interpreter, as a user runs it: what it printed
    and the database it made. Its two crawls cost 15 s; test_demo reads this run, test_serve serves a copy."""
    db_path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), "demo"], capture_output=True,
                            text=True, timeout=300)
    return result, db_path


def copy_database(source: Path, target: Path) -> None:
    """A copy of a real SQLite file (SQLite's online backup), for tests that share one crawl's database."""
    with closing(sqlite3.connect(source)) as done, closing(sqlite3.connect(target)) as copy:
        done.backup(copy)


@contextmanager
def crawled_site(tmp_path_factory: pytest.TempPathFactory, name: str, routes: dict,
                 make: Callable[[Path, Any], None]) -> Iterator[tuple[Path, Any]]:
    """A database that real commands (`make`) built once against a local site of `routes`, and the site:
    a module's shared crawl, which its tests copy rather than crawl again."""
    from tests.http_fixtures import RoutesServer

    site = RoutesServer(routes)
    db_path = tmp_path_factory.mktemp(name) / f"{name}.db"
    try:
        make(db_path, site)
        yield db_path, site
    finally:
        site.close()


@contextmanager
def copy_of_crawl(crawled: tuple[Path, Any], db_path: Path, page: str, route: tuple) -> Iterator[Any]:
    """This test's own copy of a shared crawl's database, and the site; `page` is served as `route` again
    after the test, whatever it changed."""
    source, site = crawled
    copy_database(source, db_path)
    try:
        yield site
    finally:
        site.routes[page] = route


def run_vigicam(db_path: Path, *args: str, timeout: float = 120,
                fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real command in a child process (Scrapy needs a new process per crawl): forked from this
    worker's warm parent (tests/warm_child.py), or, with `fresh` or VIGICAM_TESTS_FRESH=1, a new interpreter
    as cron starts one, for what happens at a process's start."""
    command = [sys.executable, "-m", "vigicam", "--db", str(db_path), *args]
    if not fresh and os.environ.get("VIGICAM_TESTS_FRESH") != "1" and WarmParent.fits():
        parent = WarmParent.get()
        if parent.busy.acquire(blocking=False):  # a command another thread runs meanwhile goes fresh
            try:
                return parent.run(command, timeout)
            finally:
                parent.busy.release()
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def as_text(output: bytes) -> str:
    """What subprocess.run(text=True) makes of a child's output: the locale's encoding, universal newlines."""
    return output.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


class WarmParent:
    """One process per pytest worker that imported vigicam and loaded the French model, and forks a
    child for each command; started at the first command, ended with the session."""

    started: WarmParent | None = None

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="vigicam-warm-"))
        self.cwd, self.busy = os.getcwd(), threading.Lock()
        self.process = subprocess.Popen([sys.executable, "-m", "tests.warm_child"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=(self.folder / "parent.err").open("w"),
                                        text=True)
        self.answer()  # ready

    @classmethod
    def fits(cls) -> bool:
        """A command run from the folder the parent was started in (sys.path[0] of `python -m`)."""
        if cls.started is None:
            return os.getcwd() == str(ROOT)
        return cls.started.cwd == os.getcwd()

    @classmethod
    def get(cls) -> WarmParent:
        if cls.started is None or cls.started.process.poll() is not None:
            cls.started = WarmParent()
        return cls.started

    def answer(self) -> dict:
        line = self.process.stdout.readline() if self.process.stdout else ""
        if not line:
            raise RuntimeError(f"the warm parent ended: {(self.folder / 'parent.err').read_text()}")
        return json.loads(line)

    def run(self, command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
        out, err = self.folder / "out", self.folder / "err"
        assert self.process.stdin
        self.process.stdin.write(json.dumps({"args": command[3:], "env": dict(os.environ),
                                              "out": str(out), "err": str(err)}) + "\n")
        self.process.stdin.flush()
        pid, killed = self.answer()["pid"], threading.Event()

        def kill() -> None:  # what subprocess.run does at its timeout
            killed.set()
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            code = self.answer()["code"]
        finally:
            timer.cancel()
        stdout, stderr = (as_text(path.read_bytes()) for path in (out, err))
        if killed.is_set():
            raise subprocess.TimeoutExpired(command, timeout, stdout, stderr)
        return subprocess.CompletedProcess(command, code, stdout, stderr)

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(30)
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def warm_parent_ends():
    yield
    if WarmParent.started is not None:
        WarmParent.started.close()
