"""Datasette plugin loaded by `vigicam serve` (--plugins-dir): the guards of vigicam/serve_guard.py and the
page cache of vigicam/serve_cache.py."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from datasette import hookimpl

from vigicam.serve_cache import PageCache, cache_bytes, cache_pages, data_versions
from vigicam.serve_guard import (
    DEFAULT_CHECKPOINT_SECONDS,
    DEFAULT_WAL_MB,
    WalTrimmer,
    allowed_hosts,
    bound_connection,
    check_host,
    env_number,
)


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    allowed = allowed_hosts(os.environ.get("VIGICAM_SERVE_BOUND", "127.0.0.1"),
                            os.environ.get("VIGICAM_SERVE_HOSTS", ""))
    max_bytes = cache_bytes(dict(os.environ))
    paths = [db.path for db in datasette.databases.values() if db.path and not db.is_memory]
    if not max_bytes or not paths:
        return lambda app: check_host(app, allowed)
    cache = PageCache(max_bytes, data_versions(paths))
    return lambda app: check_host(cache_pages(app, cache), allowed)


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    bound_connection(conn)


@hookimpl
def startup(datasette: Any) -> None:
    max_bytes = int(env_number("VIGICAM_SERVE_WAL_MB", DEFAULT_WAL_MB) * 1024 * 1024)
    every = env_number("VIGICAM_SERVE_CHECKPOINT_SECONDS", DEFAULT_CHECKPOINT_SECONDS)
    for database in datasette.databases.values():
        if database.path and not database.is_memory:
            WalTrimmer(database.path, max_bytes, every).start()
