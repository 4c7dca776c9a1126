"""One crawl per database at a time, across processes: an advisory lock on `<db>.lock`.

The kernel releases a flock when its process dies, SIGKILL included, so the lock is never left stuck.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from storage import DatabaseLocked

HELD_ENV = "VIGICAM_LOCK_HELD"  # set by the scheduler for the crawl it starts, which runs under its lock


class CrawlLock:
    def __init__(self, db_path: Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self.handle = None

    def acquire(self) -> CrawlLock:
        if os.environ.get(HELD_ENV) == str(self.path.resolve()):
            return self
        self.handle = open(self.path, "a+")  # noqa: SIM115 - held for the life of the lock
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "another process"
            self.handle.close()
            self.handle = None
            raise DatabaseLocked(f"another vigicam crawl or schedule is running on this database ({holder}); "
                                 f"try again when it ends") from exc
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"pid {os.getpid()}")
        self.handle.flush()
        return self

    def release(self) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None

    def __enter__(self) -> CrawlLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
