"""One crawl per database at a time, across processes: an advisory lock on the database file itself.

The lock is a flock on the database's real file (its path resolved through symlinks), so `--db link.db`
meets the lock `--db real.db` holds, and no side file can be deleted to slip past it. The kernel releases
a flock when its process dies, SIGKILL included, so the lock is never left stuck. SQLite's own locks are
POSIX (fcntl) locks, which flocks do not touch; but closing any descriptor of the file would drop this
process's POSIX locks, so the descriptor is opened once per process and database and never closed.
`<db>.lock` only tells who holds the lock, for the message.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from storage import DatabaseLocked, StorageError

HELD_ENV = "VIGICAM_LOCK_HELD"  # set by the scheduler for the crawl it starts, which runs under its lock

_descriptors: dict[tuple[int, int], int] = {}  # (device, inode) → the descriptor flocked on that file
_held: set[tuple[int, int]] = set()


def held_marker(db_path: Path) -> str:
    """The value of HELD_ENV that lets a crawl run under a lock its parent holds on this database."""
    return str(Path(db_path).resolve())


def descriptor(real: Path) -> tuple[tuple[int, int], int]:
    info = real.stat()
    key = (info.st_dev, info.st_ino)
    if key not in _descriptors:
        _descriptors[key] = os.open(real, os.O_RDONLY | os.O_CLOEXEC)
    return key, _descriptors[key]


class CrawlLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.real = self.db_path.resolve()
        self.note = Path(f"{self.real}.lock")
        self.key: tuple[int, int] | None = None

    def acquire(self) -> CrawlLock:
        if os.environ.get(HELD_ENV) in (held_marker(self.db_path), str(Path(f"{self.db_path}.lock").resolve())):
            return self
        if not self.real.is_file():
            raise StorageError(f"no database at {self.db_path}")
        key, fd = descriptor(self.real)
        try:
            if key in _held:
                raise BlockingIOError
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise DatabaseLocked(f"another vigicam crawl or schedule is running on this database "
                                 f"({self.holder()}); try again when it ends") from exc
        _held.add(key)
        self.key = key
        try:
            self.note.write_text(f"pid {os.getpid()}", encoding="utf-8")
        except OSError:
            pass  # only informative: a read-only folder still gets the lock
        return self

    def holder(self) -> str:
        try:
            return self.note.read_text(encoding="utf-8").strip() or "another process"
        except OSError:
            return "another process"

    def release(self) -> None:
        if self.key is not None:
            fcntl.flock(_descriptors[self.key], fcntl.LOCK_UN)
            _held.discard(self.key)
            self.key = None

    def __enter__(self) -> CrawlLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
