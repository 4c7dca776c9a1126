"""Running one crawl: real Scrapy, in this process (Twisted's reactor cannot restart, so one crawl
per process; the demo and the scheduler start a child process for each)."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler.pipelines import FATAL_STAT
from extractors import EXTRACTOR_VERSION
from storage import open_database
from storage.batches import open_batch_of
from storage.errors import StorageError
from storage.runs import finish_run, start_run
from storage.vocab import Outcome
from vigicam.reextract import ReextractSummary, reextract


class CrawlStopped(StorageError):
    """The crawl could not go on (the database is full): what was stored before stays, whole."""


class CrawlInterrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) or SIGTERM stopped the crawl: Scrapy closed it gracefully, the pages read so far are
    recorded and the rest stay due. A KeyboardInterrupt, so the CLI says it as it says any Ctrl-C."""

    def __init__(self, summary: CrawlSummary) -> None:
        super().__init__(f"the crawl was interrupted; {summary.line()}")
        self.summary = summary


@dataclass
class CrawlSummary:
    pages: int
    outcomes: dict[str, int]
    figures: int
    events: int
    seconds: float
    detect_seconds: float = 0.0  # change detection's share of the crawl (it runs as each page is stored)
    detect_cpu_seconds: float = 0.0  # the same, in CPU time of the thread that stores pages
    caught_up: ReextractSummary | None = None  # stored documents re-read by a new extractor version first

    def line(self) -> str:
        counts = ", ".join(f"{self.outcomes.get(o, 0)} {o.replace('_', ' ')}" for o in Outcome)
        line = (f"crawled {self.pages} pages in {self.seconds:.1f}s: {counts}; {self.figures} figures stored, "
                f"{self.events} events")
        if self.caught_up is not None and (self.caught_up.documents or self.caught_up.failed):
            failed = f", {self.caught_up.failed} failed (see extraction_failures)" if self.caught_up.failed else ""
            line += (f" (first re-read {self.caught_up.documents} stored documents with extractor "
                     f"{EXTRACTOR_VERSION}: {self.caught_up.revisions} revisions{failed})")
        return line


def batch_of(db_path: Path, source_urls: list[str]) -> int | None:
    """A crawl started by hand hands itself its sources as the scheduler does: a batch in the database.
    A batch a killed crawl left open is planned first (what it fetched), as a scheduler would."""
    from scheduler import Scheduler, SchedulerOptions

    Scheduler(SchedulerOptions(db_path)).settle_unsettled()
    db = open_database(db_path)
    try:
        batch = open_batch_of(db, source_urls)
        return batch.id if batch else None
    finally:
        db.close()


def plan_after_crawl(db_path: Path, batch_id: int | None, outcome: str = "ok") -> None:
    """After a crawl started by hand, each source it fetched is next due one interval later (backed off
    while it fails), as after a scheduled one: `vigicam status` and a scheduler started later both see it;
    a source the crawl did not reach (Ctrl-C) stays due. A scheduled crawl is planned by its scheduler."""
    from scheduler import plan_batch

    if batch_id is not None:
        plan_batch(db_path, batch_id, outcome)


MIN_HOST_DELAY = 0.001  # seconds: `--delay 0` for local sites, still one request at a time per host


def delay_settings(delay: float) -> dict[str, float | bool]:
    """Scrapy's settings for a politeness delay of `delay` seconds between two requests to a host."""
    # Scrapy 2.19 hands a slot's whole queue to the network at once when its delay is 0 (the slot counts
    # a request as transferring only once its task runs): a millisecond keeps one request per host.
    settings: dict[str, float | bool] = {"DOWNLOAD_DELAY": max(delay, MIN_HOST_DELAY),
                                         "AUTOTHROTTLE_START_DELAY": max(delay, 0.01)}
    if delay == 0:
        settings["AUTOTHROTTLE_ENABLED"] = False
    return settings


def crawl_settings(
    db_path: Path, source_urls: list[str], delay: float | None, run_id: int = 0, timeout: float | None = None,
    workers: int | None = None, batch_id: int | None = None,
) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("VIGICAM_DB", str(db_path))
    settings.set("VIGICAM_SOURCE_URLS", list(source_urls))
    settings.set("VIGICAM_RUN_ID", run_id)
    settings.set("VIGICAM_BATCH", batch_id or 0)
    if delay is not None:
        settings.setdict(delay_settings(delay), priority="project")
    if timeout is not None:
        settings.set("DOWNLOAD_TIMEOUT", timeout)
    if workers is not None:
        settings.set("VIGICAM_READ_WORKERS", workers)
    return settings


def check_overrides(settings: Settings) -> None:
    """A mistyped VIGICAM_RESOLVE is one line before the crawl starts, not a traceback inside it."""
    from crawler.resolve_override import overrides_from
    from vigicam.config import ConfigError

    try:
        overrides_from(settings.getlist("VIGICAM_RESOLVE"))
    except ValueError as exc:
        raise ConfigError(f"VIGICAM_RESOLVE: {exc}") from None


def run_crawl(db_path: Path, source_urls: list[str] | None = None, delay: float | None = None,
              extra_settings: dict | None = None, timeout: float | None = None,
              workers: int | None = None, batch_id: int | None = None) -> CrawlSummary:
    """One crawl, of the batch's sources when one is given (see storage/batches.py), else of `source_urls`
    or every enabled source; `extra_settings` override Scrapy's (benchmarks lift the per-host limits with it).

    Stored documents are first brought to the current extractor version (`vigicam reextract`): a page's
    new version is compared with the figures its last version gives under the same rules, so that what a
    new vigicam reads differently goes to `revisions`, never to a city's changes."""
    db = open_database(db_path)
    try:
        caught_up = reextract(db)
        run_id = start_run(db)
    except sqlite3.OperationalError as exc:
        raise CrawlStopped(f"cannot start a crawl: {exc}") from exc
    finally:
        db.close()
    settings = crawl_settings(db_path, source_urls or [], delay, run_id, timeout, workers, batch_id)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False)
    for key, value in (extra_settings or {}).items():
        settings.set(key, value, priority="cmdline")
    check_overrides(settings)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("pages")
    started = time.monotonic()
    process.crawl(crawler)
    process.start()
    elapsed = time.monotonic() - started
    stats = crawler.stats.get_stats()
    outcomes = {o.value: stats.get(f"vigicam/outcome/{o.value}", 0) for o in Outcome}
    summary = CrawlSummary(
        pages=sum(outcomes.values()),
        outcomes=outcomes,
        figures=stats.get("vigicam/figures", 0),
        events=stats.get("vigicam/events", 0),
        seconds=float(elapsed),
        detect_seconds=float(stats.get("vigicam/detect_seconds", 0.0)),
        detect_cpu_seconds=float(stats.get("vigicam/detect_cpu_seconds", 0.0)),
        caught_up=caught_up,
    )
    fatal = stats.get(FATAL_STAT)
    try:
        db = open_database(db_path)
        finish_run(db, run_id, summary.pages)
        db.close()
    except sqlite3.OperationalError as exc:
        if not fatal:
            raise StorageError(f"cannot record the end of the crawl: {exc}") from exc
    if fatal:
        raise CrawlStopped(f"{fatal}; {summary.line()}")
    # Scrapy's reason when a signal stopped the engine; none when a second Ctrl-C stopped it at once
    if stats.get("finish_reason", "shutdown") == "shutdown":
        raise CrawlInterrupted(summary)
    return summary
