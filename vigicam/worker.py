"""`vigicam worker`: one crawl worker on the shared Redis frontier (scrapy-redis), no database.

Any number of workers, on any machines that reach the Redis server, share the frontier: each request
is fetched by one of them, each host gets one request at a time from all of them together
(crawler/host_lease.py), and each worker reads its pages and extracts their figures itself before it
pushes the results for the writer (`vigicam ingest`).
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from scrapy.core.engine import ExecutionEngine
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler.frontier import DUPEFILTER_KEY, REQUESTS_KEY, lasting_params, registered_in
from vigicam.crawl import crawl_settings

# An idle worker looks for new requests at Scrapy's engine heartbeat, every 5 s by default: a link found
# by another worker would wait that long. Half a second costs an idle worker nothing worth counting.
WORKER_HEARTBEAT_SECONDS = 0.5


@dataclass
class WorkerSummary:
    results: int
    seconds: float
    taken_back: int = 0

    def line(self) -> str:
        back = f" ({self.taken_back} requests taken back from stopped workers)" if self.taken_back else ""
        return f"worker stopped: {self.results} results sent in {self.seconds:.1f}s{back}"


def silence_scrapy_redis_warnings() -> None:
    """scrapy-redis 0.9.1 calls APIs Scrapy 2.13+ deprecates (Spider.log, the `spider` argument of
    StatsCollector.inc_value): their warnings say nothing a user can act on. Only those raised from
    scrapy_redis's own modules are silenced."""
    from scrapy.exceptions import ScrapyDeprecationWarning

    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module=r"scrapy_redis\.")


def frontier_overrides(redis_url: str, registered: list[str], idle_exit: float,
                       inflight_timeout: float) -> dict[str, object]:
    """What makes a crawl a worker: scrapy-redis's scheduler and duplicate filter, JSON requests, the host
    lease and the result pipeline instead of the database (`vigicam worker` and the Scrapyd spider alike)."""
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_PERSIST": True,  # the frontier belongs to all the workers: one stopping keeps it
        "SCHEDULER_QUEUE_KEY": REQUESTS_KEY,
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER_KEY,
        "SCHEDULER_QUEUE_CLASS": "crawler.reliable_queue.ReliableQueue",
        "DUPEFILTER_CLASS": "crawler.remote.RoundDupeFilter",
        "SCHEDULER_SERIALIZER": "crawler.redis_json",  # never pickle
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": lasting_params(redis_url),  # the frontier's client waits out an outage too
        "ITEM_PIPELINES": {"crawler.remote.ResultPipeline": 500},
        "DOWNLOADER_MIDDLEWARES": {**default_settings.DOWNLOADER_MIDDLEWARES,
                                   "crawler.host_lease.HostLeaseMiddleware": 950},
        "EXTENSIONS": {},
        "VIGICAM_REMOTE": True,  # no database: crawler/resolver.py takes the registered pages below
        "VIGICAM_REGISTERED_URLS": registered,
        "VIGICAM_IDLE_EXIT": idle_exit,
        "VIGICAM_INFLIGHT_TIMEOUT": inflight_timeout,
    }


def worker_settings(redis_url: str, delay: float | None, timeout: float | None, read_workers: int,
                    idle_exit: float, registered: list[str], inflight_timeout: float = 120.0) -> Settings:
    """The local crawl's settings made a worker's (frontier_overrides), its log left to the caller."""
    settings = crawl_settings(Path("no-database"), [], delay, timeout=timeout, workers=read_workers)
    settings.setdict({**frontier_overrides(redis_url, registered, idle_exit, inflight_timeout),
                      "LOG_INSTALL_ROOT_HANDLER": False}, priority="cmdline")
    return settings


def registered_pages(redis_url: str, say=print) -> list[str]:  # noqa: ANN001 - a print-like callable
    """The pages the feeder registered, read once Redis answers; and the process made a worker's:
    scrapy-redis's noise silenced, the engine's heartbeat shortened."""
    silence_scrapy_redis_warnings()
    ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = WORKER_HEARTBEAT_SECONDS  # noqa: SLF001 - no setting for it
    return registered_in(redis_url, say)


def run_worker(redis_url: str, *, delay: float | None = None, timeout: float | None = None, read_workers: int = 0,
               idle_exit: float = 0.0, inflight_timeout: float = 120.0, networks: list[str] | None = None,
               say=print, extra_settings: dict | None = None) -> WorkerSummary:  # noqa: ANN001 - a print-like callable
    """Crawl from the frontier until stopped (SIGTERM, Ctrl-C) or, with `idle_exit`, idle that long;
    `extra_settings` (tests, benchmarks) go over the worker's own, as run_crawl's over a crawl's."""
    registered = registered_pages(redis_url, say)
    settings = worker_settings(redis_url, delay, timeout, read_workers, idle_exit, registered, inflight_timeout)
    if networks:
        settings.set("VIGICAM_ALLOWED_NETWORKS", networks, priority="cmdline")
    settings.setdict(extra_settings or {}, priority="cmdline")
    process = CrawlerProcess(settings)
    from crawler.remote import RemotePagesSpider  # here: it loads the extractors, which the settings need not

    crawler = process.create_crawler(RemotePagesSpider)
    started = time.monotonic()
    process.crawl(crawler)
    process.start()
    return WorkerSummary(crawler.stats.get_value("vigicam/results_sent", 0), time.monotonic() - started,
                         crawler.stats.get_value("vigicam/taken_back", 0))
