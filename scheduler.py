"""The unattended loop behind `vigicam schedule`.

`schedule` decides when to look; the database says what is due (so a restart keeps the rhythm) and
hands the due sources to the crawl as a batch (storage/batches.py), never on its command line; each crawl
runs in a child process (Scrapy's reactor cannot restart) with a wall-clock limit, and only the sources
it really fetched are planned again: a crawl cut short leaves the rest due, first in line. The loop
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import schedule
from sqlite_utils import Database

from storage import open_database
from storage.batches import (
    Batch,
    adopt_sources,
    far_due,
    fetched_rows,
    intervals,
    latest_due,
    open_due_batch,
    set_due,
    settle_batch,
    unsettled_batches,
)
from vigicam.child import vigicam_command

logger = logging.getLogger("vigicam.schedule")
MAX_BACKOFF = 7 * 86_400
BATCH_SIZE = 5_000  # sources handed to one crawl; the rest stay due for the next
JITTER = 0.1  # up to 10 % of the interval, so sources do not all fall due together
STALE_AFTER = 14 * 86_400
ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"  # the database's timestamps (storage.db.utcnow)
CLOCK_JUMP = 60.0  # seconds the wall clock may drift from the monotonic one before due times are all checked


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def backoff_wait(every: int, failures: int) -> float:
    """A source's wait before its next crawl: its interval, doubled for each failure after the first,
    capped at a week (or at its interval, when that is longer)."""
    if failures <= 0:
        return float(every)
    return float(min(every * 2 ** min(failures - 1, 40), max(MAX_BACKOFF, every)))


def plan_rows(rows: list[dict], now: dt.datetime, jitter: float = JITTER,
              stale_after: float = STALE_AFTER) -> list[tuple[int, str, int, str | None]]:
    """One pass over the fetched sources' health: (source id, next due, failures, stale reported at)."""
    plans, start = [], now.timestamp()
    for row in rows:
        failures = row["consecutive_failures"] or 0
        wait = backoff_wait(row["every"], failures)
        wait += random.uniform(0, wait * jitter)
        stale_reported = row["stale_reported_at"]
        if failures or stale_reported:  # else nothing to report, nor to clear
            stale_reported = stale_report(row, stale_reported, failures, now, stale_after)
        plans.append((row["id"], time.strftime(ISO_FORMAT, time.gmtime(start + wait)), failures, stale_reported))
    return plans


def stale_report(row: dict, reported: str | None, failures: int, now: dt.datetime,
                 stale_after: float) -> str | None:
    """When a failing source with no success for `stale_after` was said to be stale (said once, in the
    log), None again once it succeeds."""
    last_success = row["last_success"]
    stale = not last_success or (now - parse_iso(last_success)).total_seconds() > stale_after
    if stale and failures and not reported:
        logger.warning("source %s is stale: no successful fetch since %s", row["url"], last_success or "ever")
        return iso(now)
    return reported if stale else None


def plan_batch(db_path: Path, batch_id: int, outcome: str, error: str | None = None, *,
               now: dt.datetime | None = None, jitter: float = JITTER, stale_after: float = STALE_AFTER) -> int:
    """After a crawl, whole or cut short: each batch source whose page was fetched is next due one interval
    later (backed off while it fails); the others keep their due time, so they stay due and come first.
    Returns how many were planned."""
    db = open_database(db_path)
    try:
        plans = plan_rows(fetched_rows(db, batch_id), now or dt.datetime.now(dt.UTC), jitter, stale_after)
        settle_batch(db, batch_id, plans, outcome, error)
        return len(plans)
    finally:
        db.close()


def clamp_due(db: Database, now: dt.datetime, jitter: float = JITTER, every_row: bool = True) -> int:
    """A due time further than a source's longest wait (its backed-off interval and jitter) was written
    under a clock that ran ahead: brought back to now + that wait, or the source would not be crawled
    until the wrong date came round. Each row is checked when `every_row` (a scheduler starting, a clock
    that jumped); otherwise the newest due time (the index) says in a glance whether any lies beyond the
    longest wait of all."""
    if not every_row:
        latest = latest_due(db)
        if latest is None or parse_iso(latest) <= now + dt.timedelta(seconds=MAX_BACKOFF * (1 + jitter)):
            return 0
        longest = intervals(db)[1] or 0
        if parse_iso(latest) <= now + dt.timedelta(seconds=max(MAX_BACKOFF, longest) * (1 + jitter)):
            return 0
    dues = []
    for row in far_due(db, iso(now), jitter):
        wait = backoff_wait(row["every"], row["consecutive_failures"] or 0)
        if parse_iso(row["next_due_at"]) > now + dt.timedelta(seconds=wait * (1 + jitter)):
            dues.append((iso(now + dt.timedelta(seconds=wait)), row["source_id"]))
    set_due(db, dues)
    if dues:
        logger.warning("%d due times lay beyond their source's interval (a clock that ran ahead?): brought back",
                       len(dues))
    return len(dues)


@dataclass
class SchedulerOptions:
    db_path: Path
    run_for: float | None = None  # seconds, on the monotonic clock
    max_runs: int | None = None
    tick: float = 5.0
    crawl_timeout: float = 1800.0
    stale_after: float = STALE_AFTER
    jitter: float = JITTER
    delay: float | None = None  # politeness delay passed to each crawl
    config_path: Path | None = None  # notification URLs (vigicam.toml)
    batch_size: int = BATCH_SIZE


@dataclass
class Scheduler:
    options: SchedulerOptions
    clock: Callable[[], float] = time.time  # due times (wall clock)
    monotonic: Callable[[], float] = time.monotonic  # durations (--for): a clock jump cannot end them
    sleep: Callable[[float], None] = time.sleep
    runs: int = 0
    stopping: bool = False
    adopted: bool = False  # every source has a schedule row (checked once, at the first tick)
    clock_offset: float | None = field(default=None, repr=False)  # wall clock minus monotonic clock
    child: subprocess.Popen | None = field(default=None, repr=False)

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock(), dt.UTC)

    # -- what is due ------------------------------------------------------------------------------
    def clock_jumped(self) -> bool:
        """True at the first tick, and when the wall clock moved against the monotonic one (set right)."""
        offset = self.clock() - self.monotonic()
        jumped = self.clock_offset is None or abs(offset - self.clock_offset) > CLOCK_JUMP
        self.clock_offset = offset
        return jumped

    def next_batch(self) -> Batch | None:
        """The sources due now, most overdue first, at most --batch-size, handed over in the database."""
        db = open_database(self.options.db_path)
        try:
            now = self.now()
            adopt_sources(db, everything=not self.adopted)
            self.adopted = True
            clamp_due(db, now, self.options.jitter, every_row=self.clock_jumped())
            return open_due_batch(db, iso(now), self.options.batch_size)
        finally:
            db.close()

    def settle(self, batch_id: int, outcome: str, error: str | None = None) -> int:
        """Plan what the batch's crawl fetched; returns how many."""
        return plan_batch(self.options.db_path, batch_id, outcome, error, now=self.now(),
                          jitter=self.options.jitter, stale_after=self.options.stale_after)

    def settle_unsettled(self) -> None:
        """A batch a killed scheduler (or crawl by hand) left open: plan what its crawl fetched before."""
        db = open_database(self.options.db_path)
        try:
            open_ids = unsettled_batches(db)
        finally:
            db.close()
        for batch_id in open_ids:
            planned = self.settle(batch_id, "killed", "left open: its crawl, or the scheduler, was killed")
            logger.info("batch %d, left open by a killed crawl: %d sources fetched and planned", batch_id, planned)

    # -- one crawl --------------------------------------------------------------------------------
    def crawl(self, batch: Batch) -> tuple[str, str | None]:
        """One crawl of the batch in a child process: (outcome, error), outcome ok, failed, killed or stopped."""
        command = vigicam_command(self.options.db_path, "crawl", "--batch", str(batch.id))
        if self.options.delay is not None:
            command += ["--delay", str(self.options.delay)]
        env = {**os.environ, "VIGICAM_LOCK_HELD": str(Path(f"{self.options.db_path}.lock").resolve())}
        if self.options.config_path:  # the crawl reads its [crawl] settings from the scheduler's file
            env["VIGICAM_CONFIG"] = str(Path(self.options.config_path).resolve())
        started = self.monotonic()
        self.child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      start_new_session=True, preexec_fn=die_with_parent)
        outcome, error = "ok", None
        try:
            out, err = self.child.communicate(timeout=self.options.crawl_timeout)
            line = out.strip().splitlines()[-1] if out.strip() else f"crawl exited {self.child.returncode}"
            if self.child.returncode != 0 and not self.stopping:
                outcome, error = "failed", last_line(err) or f"exit {self.child.returncode}"
                line = f"crawl failed (exit {self.child.returncode}): {error}"
            elif self.child.returncode != 0:
                outcome, error = "stopped", "stopped by SIGTERM or SIGINT"
        except subprocess.TimeoutExpired:
            self.kill_child()
            outcome = "killed"
            error = line = f"crawl killed after {self.options.crawl_timeout:g}s (wall-clock limit)"
        finally:
            self.child = None
        logger.info("%d sources: %s (%.1fs)", batch.sources, line, self.monotonic() - started)
        return outcome, error

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
            self.settle_unsettled()
            if self.stopping or (batch := self.next_batch()) is None:
                return
            outcome, error = self.crawl(batch)
            self.runs += 1
            planned = self.settle(batch.id, outcome, error)
            if planned < batch.sources:
                logger.info("%d of %d sources not reached: still due, first next time", batch.sources - planned,
                            batch.sources)
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
        return self.options.run_for is not None and self.monotonic() - started >= self.options.run_for

    def run(self) -> int:
        jobs = schedule.Scheduler()
        jobs.every(self.options.tick).seconds.do(self.job)
        started = self.monotonic()
        self.job()  # what is overdue after downtime runs once, now
        while not self.finished(started):
            jobs.run_pending()
            if self.finished(started):
                break
            self.sleep(max(0.05, min(jobs.idle_seconds or self.options.tick, self.options.tick, 1.0)))
        return self.runs


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1][:500] if lines else ""


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
