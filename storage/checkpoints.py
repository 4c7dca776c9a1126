"""WAL checkpoints on a thread of their own, for a long stream of small write transactions.

SQLite copies the write-ahead log into the database in whichever commit takes the log past
`wal_autocheckpoint` pages, and that commit waits for the copy and its fsync. A crawl commits once a
page; its commits should cost the page's rows only. A `Checkpointer` turns the automatic checkpoint
off on the writer's connection and runs a passive one every `every` seconds from its own connection:
passive checkpoints never block the writer or readers, and a crash at any moment leaves the same
consistent database (committed pages are in the log until copied).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from sqlite_utils import Database

logger = logging.getLogger(__name__)
DEFAULT_AUTOCHECKPOINT = 1000  # SQLite's own default, restored when the checkpointer stops


class Checkpointer:
    def __init__(self, db: Database, path: str | Path, every: float = 1.0) -> None:
        self.db = db
        self.path = str(path)
        self.every = every
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="vigicam-checkpoint", daemon=True)

    def start(self) -> None:
        self.db.execute("PRAGMA wal_autocheckpoint = 0")
        self.thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=10)
        failed = False
        try:
            while not self.stopping.wait(self.every):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error as exc:  # a full disk: the log stays whole, copied once space returns
                    if not failed:
                        logger.warning("WAL checkpoint failed, will retry: %s", exc)
                    failed = True
        finally:
            conn.close()

    def stop(self) -> None:
        """Stop the thread and give checkpoints back to the writer's connection."""
        self.stopping.set()
        self.thread.join()
        self.db.execute(f"PRAGMA wal_autocheckpoint = {DEFAULT_AUTOCHECKPOINT}")
