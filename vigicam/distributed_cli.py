"""The distributed crawl's commands: `vigicam worker`, `vigicam ingest`, and `vigicam schedule --redis`."""

from __future__ import annotations

import functools
import logging
from typing import Any

import click

from vigicam.cli_shared import NetworkType, db_path, existing_db, user_errors
from vigicam.params import DURATION

REDIS_HELP = ("The shared Redis, redis://[:PASSWORD@]HOST:PORT/DB (or VIGICAM_REDIS); keep the password out of "
              "shell history with the variable.")


def redis_errors(func: Any) -> Any:
    """Redis unreachable or refusing us: one line and exit 1, as any user error."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from crawler.frontier import RedisUnreachable

        try:
            return func(*args, **kwargs)
        except RedisUnreachable as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def say(message: str) -> None:
    click.echo(message, err=True)


@click.command("worker")
@click.option("--redis", "redis_url", envvar="VIGICAM_REDIS", required=True, metavar="URL", help=REDIS_HELP)
@click.option("--delay", type=float, default=None, help="Politeness delay between two requests to a host (seconds).")
@click.option("--timeout", type=float, default=None, help="Download timeout (seconds; 30 by default).")
@click.option("--read-workers", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes reading pages beside the downloader (0: in the worker's own process).")
@click.option("--idle-exit", type=DURATION, default=None,
              help="Stop once the frontier has been empty this long (default: wait for work until stopped).")
@click.option("--inflight-timeout", type=DURATION, default="2m", show_default=True,
              help="A request a worker took comes back to the frontier when the worker has not said it is alive "
                   "for this long (a worker killed, a machine lost).")
@click.option("--allow-network", "networks", multiple=True, type=NetworkType(), envvar="VIGICAM_ALLOW_NETWORKS",
              help="Let pages lead to this private range, as `vigicam crawl --allow-network` (repeatable).")
@user_errors
@redis_errors
def worker_command(redis_url: str, delay: float | None, timeout: float | None, read_workers: int,
                   idle_exit: int | None, inflight_timeout: int, networks: tuple[str, ...]) -> None:
    """Crawl from the shared Redis frontier and push each page's reading for `vigicam ingest`."""
    from vigicam.worker import run_worker

    summary = run_worker(redis_url, delay=delay, timeout=timeout, read_workers=read_workers,
                         idle_exit=float(idle_exit or 0), inflight_timeout=float(inflight_timeout),
                         networks=list(networks), say=say)
    click.echo(summary.line())


@click.command("ingest")
@click.option("--redis", "redis_url", envvar="VIGICAM_REDIS", required=True, metavar="URL", help=REDIS_HELP)
@click.option("--once", is_flag=True, help="Ingest the results waiting, then exit (default: until SIGTERM).")
@click.pass_context
@user_errors
@redis_errors
def ingest_command(ctx: click.Context, redis_url: str, once: bool) -> None:
    """Write the workers' results into the database, in order, each once (the one writer)."""
    from crawler.frontier import connect, lasting_client, with_retries
    from vigicam.ingest import Ingester, install_signal_handlers

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    existing_db(ctx).close()
    with_retries(lambda: connect(redis_url), say).close()  # a wrong URL or password: one line, now
    ingester = Ingester(db_path(ctx), lasting_client(redis_url))  # then a Redis lost is waited for
    install_signal_handlers(ingester)
    click.echo(ingester.run(once=once).line())


def frontier_schedule(ctx: click.Context, redis_url: str, options: dict[str, Any]) -> None:
    """`vigicam schedule --redis`: the scheduler's loop handing due sources to the frontier."""
    from crawler.frontier import connect, lasting_client, with_retries
    from scheduler import SchedulerOptions, install_signal_handlers
    from vigicam.config import crawl_settings_file
    from vigicam.feeder import FrontierScheduler
    from vigicam.lock import CrawlLock

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s", force=True)
    existing_db(ctx).close()
    with CrawlLock(db_path(ctx)):
        scheduler = FrontierScheduler(SchedulerOptions(
            db_path(ctx), run_for=options["run_for"], max_runs=options["max_runs"], tick=options["tick"],
            crawl_timeout=options["crawl_timeout"], stale_after=options["stale_after"],
            batch_size=options["batch_size"]))
        with_retries(lambda: connect(redis_url), say).close()  # a wrong URL or password: one line, now
        scheduler.client = lasting_client(redis_url)  # then a Redis lost is waited for, as by a worker
        scheduler.full_fetch_every = crawl_settings_file(ctx.obj["config"])["full_fetch_every"]
        install_signal_handlers(scheduler)
        runs = scheduler.run()
    click.echo(f"schedule stopped after {runs} hand-outs to the frontier", err=True)


def add_redis_option(command: click.Command) -> None:
    """Give `vigicam schedule` its --redis option: with it, due sources go to the shared frontier."""
    original = command.callback
    click.option("--redis", "redis_url", envvar="VIGICAM_REDIS", metavar="URL", default=None,
                 help="Hand due sources to the shared Redis frontier (`vigicam worker`, `vigicam ingest`) "
                      "instead of crawling here; --crawl-timeout is then how long a round may take.")(command)

    @functools.wraps(original)
    @user_errors
    @redis_errors
    def callback(*args: Any, redis_url: str | None = None, **kwargs: Any) -> Any:
        if redis_url is None:
            return original(*args, **kwargs)
        return frontier_schedule(click.get_current_context(), redis_url, kwargs)

    command.callback = callback
