"""SIGKILL a running vigicam at random moments and check what survives; shared by the short test in
tests/test_reliability.py and the long run in bench/bench_kill.py."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TABLES = ("fetches", "documents", "extractions", "figures", "changes", "notifications")
# Two rows for one transition of one figure would be a duplicated event.
DUPLICATE_EVENTS = """
select count(*) from (
  select 1 from changes
  group by source_id, kind, coalesce(metric, ''), coalesce(place, ''), coalesce(old_fetch_id, -1),
           coalesce(new_fetch_id, -1), coalesce(new_figure_id, -1), coalesce(old_figure_id, -1)
  having count(*) > 1)
"""


def snapshot(db_path: Path) -> dict[str, set[int]]:
    """The ids of every committed row of the history tables."""
    if not db_path.exists():
        return {table: set() for table in TABLES}
    conn = sqlite3.connect(db_path)
    try:
        return {table: {row[0] for row in conn.execute(f"select id from {table}")} for table in TABLES}
    finally:
        conn.close()


def check(db_path: Path, before: dict[str, set[int]]) -> list[str]:
    """What is wrong after a kill: integrity, rows lost since `before`, duplicated events."""
    problems = []
    conn = sqlite3.connect(db_path)
    try:
        if (result := conn.execute("pragma integrity_check").fetchone()[0]) != "ok":
            problems.append(f"integrity_check: {result}")
        if conn.execute("pragma foreign_key_check").fetchall():
            problems.append("foreign_key_check found dangling rows")
        if duplicates := conn.execute(DUPLICATE_EVENTS).fetchone()[0]:
            problems.append(f"{duplicates} duplicated events")
    finally:
        conn.close()
    after = snapshot(db_path)
    for table, ids in before.items():
        if lost := ids - after[table]:
            problems.append(f"{len(lost)} committed {table} rows lost")
    return problems


def session_processes(session_id: int) -> list[int]:
    """The live processes of a session (Linux /proc): what a killed command left running."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[3]) == session_id:  # state, ppid, pgrp, session
            pids.append(int(stat.parent.name))
    return pids


def leftovers(session_id: int, wait: float = 3.0) -> list[int]:
    """Processes of the killed command's session still alive after `wait` seconds (its page readers
    watch their parent twice a second)."""
    deadline = time.monotonic() + wait
    while (alive := session_processes(session_id)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def kill_at_random(command: list[str], rng: random.Random, lo: float, hi: float,
                   between: Callable[[int], None], kills: int, db_path: Path) -> tuple[int, list[str]]:
    """Start `command` until it has been SIGKILLed `kills` times (a run that ends before its random lo–hi
    seconds is not a kill; at most 3 × `kills` starts), checking the database after each.
    `between(i)` changes the world (pages, time) before each start. Returns (kills done, problems)."""
    problems: list[str] = []
    done = 0
    for i in range(3 * kills):
        if done == kills:
            break
        between(i)
        before = snapshot(db_path)
        process = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), *command],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(lo, hi))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            done += 1
        process.wait()
        if alive := leftovers(process.pid):  # a crawl child of `vigicam schedule` dies with its parent
            problems.append(f"kill {i}: processes left running: {alive}")
            for pid in alive:
                os.kill(pid, signal.SIGKILL)
        problems += [f"kill {i}: {p}" for p in check(db_path, before)]
    return done, problems
