"""The unattended loop behind `vigicam schedule`.

`schedule` decides when to look; the database says what is due (so a restart keeps the rhythm);
each crawl runs in a child process (Scrapy's reactor cannot restart) with a wall-clock limit. The loop
survives anything a job raises, a crawl that hangs (killed at its limit) and a crawl that crashes.
SIGTERM or SIGINT stops the crawl in flight, saves state and exits 0.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import schedule

from storage import open_database
from storage.schedule_state import save_state, states
from storage.sources import list_sources

logger = logging.getLogger("vigicam.schedule")
MAX_BACKOFF = 7 * 86_400


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass
class SchedulerOptions:
    db_path: Path
    run_for: float | None = None  # seconds
    max_runs: int | None = None
    tick: float = 5.0
    crawl_timeout: float = 1800.0
    stale_after: float = 14 * 86_400
    jitter: float = 0.1  # up to 10 % of the interval, so sources do not all fall due together
    delay: float | None = None  # politeness delay passed to each crawl
    config_path: Path | None = None  # notification URLs (vigicam.toml)


@dataclass
class Scheduler:
    options: SchedulerOptions
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], None] = time.sleep
    runs: int = 0
    stopping: bool = False
    child: subprocess.Popen | None = field(default=None, repr=False)

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock(), dt.UTC)

    # -- what is due ------------------------------------------------------------------------------
    def due_sources(self) -> list[tuple[int, str, int]]:
        db = open_database(self.options.db_path)
        try:
            saved = states(db)
            now = self.now()
            due = []
            for source in list_sources(db, enabled_only=True):
                state = saved.get(source.id)
                if state is None or not state["next_due_at"] or parse_iso(state["next_due_at"]) <= now:
                    due.append((source.id, source.url, source.every))
            return due
        finally:
            db.close()

    def plan_next(self, crawled: list[tuple[int, str, int]]) -> None:
        """After a crawl: the next due time of each source, backed off exponentially while it fails."""
        db = open_database(self.options.db_path)
        try:
            now = self.now()
            health = {row["id"]: row for row in db.query("select * from source_health")}
            for source_id, url, every in crawled:
                row = health.get(source_id, {})
                failures = row.get("consecutive_failures") or 0
                wait = every if failures == 0 else min(every * 2 ** (failures - 1), max(MAX_BACKOFF, every))
                wait += random.uniform(0, wait * self.options.jitter)
                stale_reported = states(db).get(source_id, {}).get("stale_reported_at")
                last_success = row.get("last_success")
                stale = not last_success or (now - parse_iso(last_success)).total_seconds() > self.options.stale_after
                if stale and failures and not stale_reported:
                    logger.warning("source %s is stale: no successful fetch since %s", url, last_success or "ever")
                    stale_reported = iso(now)
                elif not stale:
                    stale_reported = None
                save_state(db, source_id, next_due_at=iso(now + dt.timedelta(seconds=wait)),
                           consecutive_failures=failures, stale_reported_at=stale_reported)
        finally:
            db.close()

    # -- one crawl --------------------------------------------------------------------------------
    def crawl(self, sources: list[tuple[int, str, int]]) -> None:
        command = [sys.executable, "-m", "vigicam", "--db", str(self.options.db_path), "crawl"]
        for _, url, _ in sources:
            command += ["--source", url]
        if self.options.delay is not None:
            command += ["--delay", str(self.options.delay)]
        env = {**os.environ, "VIGICAM_LOCK_HELD": str(Path(f"{self.options.db_path}.lock").resolve())}
        started = time.monotonic()
        self.child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      start_new_session=True, preexec_fn=die_with_parent)
        try:
            out, err = self.child.communicate(timeout=self.options.crawl_timeout)
            outcome = out.strip().splitlines()[-1] if out.strip() else f"crawl exited {self.child.returncode}"
            if self.child.returncode != 0:
                outcome = f"crawl failed (exit {self.child.returncode}): {err.strip().splitlines()[-1:] or ''}"
        except subprocess.TimeoutExpired:
            self.kill_child()
            outcome = f"crawl killed after {self.options.crawl_timeout:g}s (wall-clock limit)"
        finally:
            self.child = None
        logger.info("%d sources: %s (%.1fs)", len(sources), outcome, time.monotonic() - started)

    def send_notifications(self) -> None:
        from vigicam.notify import load_config, notify

        config = load_config(self.options.config_path)
        if not (config.urls or config.failure_urls):
            return
        db = open_database(self.options.db_path)
        try:
            sent = notify(db, config)
            if sent:
                logger.info("notified %d events", sent)
        finally:
            db.close()

    def kill_child(self, grace: float = 5.0) -> None:
        child = self.child
        if child is None or child.poll() is not None:
            return
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()

    def job(self) -> None:
        """One `schedule` job; never raises (an exception escaping a job would stop the loop)."""
        try:
            due = self.due_sources()
            if not due or self.stopping:
                return
            self.crawl(due)
            self.runs += 1
            self.plan_next(due)
            self.send_notifications()
        except Exception:  # noqa: BLE001 - the loop must survive anything one job does
            logger.exception("scheduled job failed; the loop goes on")

    # -- the loop ---------------------------------------------------------------------------------
    def stop(self, signum: int = 0, frame: object = None) -> None:
        self.stopping = True
        self.kill_child()

    def finished(self, started: float) -> bool:
        if self.stopping:
            return True
        if self.options.max_runs is not None and self.runs >= self.options.max_runs:
            return True
        return self.options.run_for is not None and self.clock() - started >= self.options.run_for

    def run(self) -> int:
        jobs = schedule.Scheduler()
        jobs.every(self.options.tick).seconds.do(self.job)
        started = self.clock()
        self.job()  # what is overdue after downtime runs once, now
        while not self.finished(started):
            jobs.run_pending()
            if self.finished(started):
                break
            self.sleep(max(0.05, min(jobs.idle_seconds or self.options.tick, self.options.tick, 1.0)))
        return self.runs


def die_with_parent() -> None:
    """In the child crawl, before exec: if the scheduler is SIGKILLed, the kernel kills the crawl too,
    so no orphan goes on writing outside the scheduler's lock (Linux; elsewhere, nothing)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def install_signal_handlers(scheduler: Scheduler) -> None:
    signal.signal(signal.SIGTERM, scheduler.stop)
    signal.signal(signal.SIGINT, scheduler.stop)
