"""`vigicam ingest` records its runs as its own kind, apart from local crawls (issue 22 leftovers)."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis
import sqlite_utils

from storage import open_database
from storage.runs import start_run
from tests.test_distributed import REDIS_SERVER, RedisServer
from vigicam.ingest import Ingester

pytestmark = pytest.mark.skipif(not Path(REDIS_SERVER).exists(), reason="redis-server is not installed")


def test_an_ingest_run_is_kind_ingest_and_a_crawl_leaves_it_open(tmp_path: Path, db_path: Path) -> None:
    """A writer's run says 'ingest' (it said 'crawl'); a local crawl starting meanwhile closes only the dead
    runs of crawls, not the run of the writer still at work."""
    server = RedisServer(tmp_path)
    try:
        Ingester(db_path, redis.Redis.from_url(server.url)).run(once=True)
    finally:
        server.stop()
    open_run = start_run(open_database(db_path), "ingest")  # a writer at work: its run open
    start_run(open_database(db_path))  # what `vigicam crawl` does first
    rows = list(sqlite_utils.Database(db_path).query("select id, kind, finished_at from runs order by id"))
    assert [(row["kind"], row["finished_at"] is None) for row in rows] == [
        ("ingest", False), ("ingest", True), ("crawl", True)]
    assert rows[1]["id"] == open_run
