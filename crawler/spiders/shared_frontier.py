"""`vigicam worker` as Scrapyd starts it: the spider `vigicam_worker` of the deployed project.

Scrapyd runs a project's spiders by name (`scrapy crawl NAME -s SETTING=VALUE …`), so the worker's
settings cannot come from `vigicam worker`'s options: they come from Scrapyd's `setting=` parameters
and are made a worker's here, before the crawler builds its scheduler. The crawl is the same as
`vigicam worker`'s: the shared frontier, the host lease, the results pushed for `vigicam ingest`.

Settings (`curl …/schedule.json -d project=vigicam -d spider=vigicam_worker -d setting=NAME=VALUE`):
  VIGICAM_REDIS             the frontier's Redis URL (required; `vigicam worker --redis`)
  VIGICAM_DELAY             seconds between two requests to a host (`--delay`)
  VIGICAM_IDLE_EXIT         stop after this many seconds with the frontier empty (`--idle-exit`; 0: never)
  VIGICAM_INFLIGHT_TIMEOUT  seconds before a stopped worker's requests go back (`--inflight-timeout`)
  VIGICAM_ALLOWED_NETWORKS  private ranges a page may lead to, comma-separated (`--allow-network`)
  VIGICAM_READ_WORKERS      reading processes (`--read-workers`; 0: in the crawl's process)
  DOWNLOAD_TIMEOUT          as in any Scrapy project (`--timeout`)
"""

from __future__ import annotations

import logging

from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings

from crawler.remote import RemotePagesSpider

logger = logging.getLogger(__name__)
MISSING_REDIS = ("vigicam_worker needs the frontier's Redis: schedule it with "
                 "setting=VIGICAM_REDIS=redis://HOST:6379/0")


class SharedFrontierSpider(RemotePagesSpider):
    """The `pages_remote` spider with the worker's settings made from Scrapyd's."""

    name = "vigicam_worker"

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        settings.setdict(scrapyd_worker_settings(settings), priority="spider")


def scrapyd_worker_settings(settings: BaseSettings) -> dict[str, object]:
    """A worker's settings from the job's: what `vigicam worker` sets from its options. A job's own
    setting (cmdline priority) still wins over these (spider priority)."""
    from vigicam.crawl import delay_settings
    from vigicam.worker import frontier_overrides, registered_pages

    redis_url = settings.get("VIGICAM_REDIS")
    if not redis_url:  # one line in the job's log (`scrapy crawl` logs there from its start), one on stderr
        logger.error(MISSING_REDIS)
        raise UsageError(MISSING_REDIS, print_help=False)
    worker = frontier_overrides(redis_url, registered_pages(redis_url),
                                settings.getfloat("VIGICAM_IDLE_EXIT", 0.0),
                                settings.getfloat("VIGICAM_INFLIGHT_TIMEOUT", 120.0))
    if settings.get("VIGICAM_DELAY") is not None:
        worker.update(delay_settings(settings.getfloat("VIGICAM_DELAY")))
    if settings.get("VIGICAM_READ_WORKERS") is None:
        worker["VIGICAM_READ_WORKERS"] = 0  # as `vigicam worker`: reading in the crawl's process
    return worker
