"""What `vigicam serve` adds around Datasette against abuse (issue 22 item 15): the Host header checked
against the names serve answers to, SQLite's memory and value sizes bounded, the write-ahead log kept short.

- DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1 can read a loopback
  serve from the visitor's browser, sending `Host: evil.example`. A request whose Host names neither an
  address, nor localhost, nor the address serve is bound to, nor a name in VIGICAM_SERVE_HOSTS is refused.
- `select length(randomblob(1e9))` built a 1 GB value in one call, which the 3 s time limit cannot cut:
  no SQL value may be longer than MAX_VALUE_BYTES (far above the largest stored one: a page is at most
  10 MB), SQLite's own memory is capped, and the process's data at VIGICAM_SERVE_MAX_MEMORY_MB.
- While Datasette's readers come and go without pause, a checkpoint never reaches the log's end, so the
  log never starts again and grew to 2.3 times the database. Past VIGICAM_SERVE_WAL_MB a TRUNCATE checkpoint
  waits (a second at most) for the readers of old snapshots and empties it.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import resource
import socket
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)
MAX_VALUE_BYTES = 16 * 1024 * 1024  # longest string or blob an SQL expression may make (SQLITE_LIMIT_LENGTH)
SQLITE_HEAP_BYTES = 256 * 1024 * 1024  # SQLite's own allocations in the serve process (hard_heap_limit)
DEFAULT_MAX_MEMORY_MB = 1024  # the serve process's data segment (RLIMIT_DATA): Python's objects included
DEFAULT_WAL_MB = 64  # a write-ahead log past this is checkpointed back to nothing
DEFAULT_CHECKPOINT_SECONDS = 10.0  # how often its size is looked at
WILDCARDS = {"", "0.0.0.0", "::"}
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}

Asgi = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


def allowed_hosts(bound: str, extra: str = "") -> set[str]:
    """The names a Host header may carry: the bound address, localhost, and `extra` (space- or comma-
    separated); bound to every interface, also this machine's own names."""
    names = set(LOCAL_NAMES) | {name.strip().lower().rstrip(".") for name in extra.replace(",", " ").split()}
    if bound in WILDCARDS:
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    else:
        names.add(bound.lower().strip("[]"))
    return names


def host_name(header: str) -> str:
    """'Example.org.:8001' → 'example.org', '[::1]:8001' → '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0].rstrip(".") if header.count(":") == 1 else header.rstrip(".")


def host_allowed(header: str | None, allowed: set[str]) -> bool:
    """No Host (HTTP/1.0), an address (no name to rebind) or an allowed name."""
    if not header:
        return True
    name = host_name(header)
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name in allowed


def check_host(app: Asgi, allowed: set[str]) -> Asgi:
    """An ASGI wrapper answering 400 to an HTTP request whose Host serve does not answer to."""

    async def guarded(scope: dict, receive: Any, send: Any) -> None:
        if scope.get("type") == "http":
            header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if not host_allowed(header, allowed):
                body = (f"400 Bad Request: vigicam serve does not answer to the host {host_name(header)!r} "
                        "(a DNS rebinding?); add it to VIGICAM_SERVE_HOSTS if it is yours\n").encode()
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return guarded


def bound_connection(conn: sqlite3.Connection) -> None:
    """No SQL value longer than MAX_VALUE_BYTES ('string or blob too big'), SQLite's memory capped."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.execute(f"PRAGMA hard_heap_limit = {SQLITE_HEAP_BYTES}")


def bound_memory(megabytes: int) -> None:
    """Cap this process's data segment (kept across exec): past it an allocation fails (Python's
    MemoryError, SQLite's 'out of memory') and that request fails, not the machine."""
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


class WalTrimmer:
    """Every `every` seconds, a log longer than `max_bytes` is checkpointed and truncated."""

    def __init__(self, db_path: str | Path, max_bytes: int, every: float) -> None:
        self.db_path = str(db_path)
        self.max_bytes = max_bytes
        self.every = every
        self.stopping = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._run, name="vigicam-wal-trim", daemon=True).start()

    def _run(self) -> None:
        warned = False
        while not self.stopping.wait(self.every):
            try:
                self.trim()
            except sqlite3.Error as exc:  # read-only file, full disk: serve goes on, the log stays whole
                if not warned:  # once, not every `every` seconds
                    logger.warning("cannot checkpoint the write-ahead log of %s: %s", self.db_path, exc)
                warned = True

    def trim(self) -> bool:
        """Checkpoint and truncate the log if it is too long; True when it was emptied."""
        wal = Path(self.db_path + "-wal")
        if not wal.exists() or wal.stat().st_size <= self.max_bytes:
            return False
        conn = sqlite3.connect(self.db_path, timeout=1.0)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
        return busy == 0


def env_number(name: str, default: float) -> float:
    """A positive number from the environment, else `default`."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default
