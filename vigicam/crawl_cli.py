"""The commands that crawl and schedule: `crawl` (once, now), `schedule` (the unattended loop), `notify`
and `status`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from storage.sources import add_source
from vigicam.cli_shared import NetworkType, db_path, existing_db, json_option, open_db, print_json, user_errors
from vigicam.config import default_sources
from vigicam.params import DURATION, URL


@click.command()
@click.option("--source", "source_urls", multiple=True, type=URL, help="Crawl only this URL (repeatable).")
@click.option("--delay", type=float, default=None,
              help="Seconds between requests to one host (default 1, adapted by AutoThrottle).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="Seconds to wait for one page before recording it as failed (default 30).")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Processes that read pages and extract figures beside the downloader "
                   "(default: one per core but one, at most 4; 0: none, read in the crawl's process).")
@click.option("--allow-network", "networks", multiple=True, type=NetworkType(), envvar="VIGICAM_ALLOW_NETWORKS",
              help="Let pages lead to this private range, e.g. 10.0.0.0/8 (repeatable; or set "
                   "VIGICAM_ALLOW_NETWORKS). By default only public addresses and a source's own are fetched.")
@click.option("--batch", type=click.IntRange(min=1), default=None, hidden=True,
              help="Crawl the sources of this crawl_batches row (how the scheduler hands them over).")
@click.option("--full-fetch-every", type=DURATION, default=None,
              help="Fetch a page in full, without its ETag and Last-Modified, at least this often (default: "
                   "full_fetch_every in the settings file's [crawl] table, else 7d).")
@click.pass_context
@user_errors
def crawl(ctx: click.Context, source_urls: tuple[str, ...], delay: float | None, timeout: float | None,
          workers: int | None, networks: tuple[str, ...], batch: int | None, full_fetch_every: int | None) -> None:
    """Crawl all enabled sources (or the ones named) once, now."""
    from vigicam.config import crawl_limits, crawl_settings_file
    from vigicam.crawl import CrawlInterrupted, batch_of, plan_after_crawl, run_crawl

    overrides: dict[str, Any] = {"VIGICAM_UNCONDITIONAL_EVERY": full_fetch_every
                                 or crawl_settings_file(ctx.obj["config"])["full_fetch_every"],
                                 **crawl_limits(ctx.obj["config"])}
    if networks:
        overrides["VIGICAM_ALLOWED_NETWORKS"] = list(networks)

    db = open_db(ctx)
    if not batch and not source_urls and not db.execute("select exists (select 1 from sources)").fetchone()[0]:
        with db.atomic():
            for entry in default_sources():
                add_source(db, entry, replace=True)
        click.echo("empty database: imported the default sources", err=True)
    from vigicam.lock import CrawlLock
    from vigicam.places_cli import ensure_places

    ensure_places(db)
    db.close()
    with CrawlLock(db_path(ctx)):
        # the scheduler's batch is planned by the scheduler; a crawl by hand makes and plans its own
        own_batch = None if batch else batch_of(db_path(ctx), list(source_urls))
        try:
            summary = run_crawl(db_path(ctx), list(source_urls), delay, timeout=timeout, workers=workers,
                                extra_settings=overrides,
                                batch_id=batch or own_batch)
        except CrawlInterrupted:
            plan_after_crawl(db_path(ctx), own_batch, "interrupted")
            raise
        plan_after_crawl(db_path(ctx), own_batch)
    click.echo(summary.line())


@click.command("schedule")
@click.option("--for", "run_for", type=DURATION, help="Stop after this long (30s, 15m, 6h, 1d, 2w).")
@click.option("--max-runs", type=click.IntRange(min=1), help="Stop after this many crawls.")
@click.option("--tick", type=DURATION, default="5s", show_default=True, help="How often to look for due sources.")
@click.option("--crawl-timeout", type=DURATION, default="30m", show_default=True,
              help="Wall-clock limit of one crawl; a crawl that hangs is killed.")
@click.option("--stale-after", type=DURATION, default="2w", show_default=True,
              help="Flag a source whose last success is older than this.")
@click.option("--delay", type=float, default=None, help="Politeness delay passed to each crawl (seconds).")
@click.option("--batch-size", type=click.IntRange(min=1), default=5000, show_default=True,
              help="At most this many due sources a crawl, the most overdue first; the rest stay due.")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also log to this file (rotated at 1 MB, 5 kept).")
@click.pass_context
@user_errors
def schedule_command(ctx: click.Context, run_for: int | None, max_runs: int | None, tick: int, crawl_timeout: int,
                     stale_after: int, delay: float | None, batch_size: int, log_file: Path | None) -> None:
    """The unattended loop: crawl each source at its own interval until stopped (SIGTERM/SIGINT → exit 0)."""
    import logging
    from logging.handlers import RotatingFileHandler

    from scheduler import Scheduler, SchedulerOptions, install_signal_handlers
    from vigicam.lock import CrawlLock

    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file:
        handlers.append(RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s",
                        handlers=handlers, force=True)
    existing_db(ctx).close()
    with CrawlLock(db_path(ctx)):
        scheduler = Scheduler(SchedulerOptions(db_path(ctx), run_for=run_for, max_runs=max_runs, tick=tick,
                                               crawl_timeout=crawl_timeout, stale_after=stale_after, delay=delay,
                                               config_path=ctx.obj["config"], batch_size=batch_size))
        install_signal_handlers(scheduler)
        runs = scheduler.run()
    click.echo(f"schedule stopped after {runs} crawls", err=True)


@click.command("notify")
@click.option("--notify-text", is_flag=True, help="Also send the text_changed events (a watched paragraph "
                                                  "changed and no figure event tells it); quiet by default.")
@click.pass_context
@user_errors
def notify_command(ctx: click.Context, notify_text: bool) -> None:
    """Send the events not sent yet to the Apprise URLs of the configuration (the scheduler does it itself)."""
    from vigicam.notify import deliver, load_config

    config = load_config(ctx.obj["config"])
    config.text = config.text or notify_text
    if not config.urls and not config.failure_urls:
        raise click.ClickException(f"no [notify] urls in {ctx.obj['config']}")
    delivery = deliver(existing_db(ctx), config)
    click.echo(f"sent {delivery.sent} events")
    if delivery.pending:
        raise click.ClickException(f"delivery failed on {', '.join(delivery.failed)}: {delivery.pending} events "
                                   "pending; they go at the next try")


@click.command()
@json_option
@click.pass_context
@user_errors
def status(ctx: click.Context, as_json: bool) -> None:
    """Per source: last success, last failure, consecutive failures, next due time."""
    from storage.batches import last_batch
    from storage.queries import status_rows

    db = existing_db(ctx)
    rows = status_rows(db)
    problem = batch_problem(last_batch(db))
    if as_json:
        print_json([{**row, "last_crawl_problem": problem} for row in rows])
        return
    if problem:
        click.echo(f"last crawl: {problem}")
    click.echo(f"{'id':>4}  {'place':<22}  {'last success':<20}  {'last failure':<20}  fails  {'next due':<20}  url")
    for r in rows:
        click.echo(f"{r['source_id']:>4}  {r['place']:<22}  {r['last_success'] or 'never':<20}  "
                   f"{r['last_failure'] or '-':<20}  {r['consecutive_failures']:>5}  {r['next_due_at'] or 'now':<20}  "
                   f"{r['url']}")
        if r["last_outcome"] == "skipped" and "robots.txt" in (r["last_error"] or ""):
            click.echo("      blocked by robots.txt: vigicam does not fetch it (ask the site, or remove the source)")
        if r["redirected_to"]:
            click.echo(f"      now redirects to {r['redirected_to']}: update the source?")
        if judged := r["validators"]:
            click.echo(f"      validators unreliable since {judged['since']}, fetched {judged['fetched']}: "
                       f"{judged['reason']}")


def batch_problem(batch: dict | None) -> str | None:
    """What went wrong with the last crawl (a child that failed, a crawl killed at its limit), or None."""
    if not batch or batch["outcome"] == "ok":
        return None
    left = (batch["sources"] or 0) - (batch["fetched"] or 0)
    return (f"{batch['outcome']} at {batch['finished_at']}: {batch['error'] or 'no error recorded'} "
            f"({left} of {batch['sources']} sources not reached: still due)")
