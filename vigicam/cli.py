"""The `vigicam` command: parses arguments and delegates; behaviour lives in the packages."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click
from sqlite_utils import Database

from extractors.figure import Metric
from storage import StorageError, open_database
from storage.errors import storage_problem
from storage.sources import Source, add_source, list_sources, remove_source, slash_twin_source
from storage.vocab import SOURCE_KINDS
from vigicam import __version__
from vigicam.config import (
    ConfigError,
    check_kind,
    default_sources,
    format_duration,
    load_sources_file,
    sources_to_toml,
)
from vigicam.params import DATE, DURATION, PLACE, URL
from vigicam.reporters import REPORTERS, stated, write_report


class NetworkType(click.ParamType):
    name = "network"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        from crawler.addresses import parse_networks

        try:
            return str(parse_networks([value])[0])
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Domain errors become `Error: …` on one line and exit code 1, never a traceback; so does a
    database another program holds locked past the busy timeout, one SQLite cannot write or finds
    damaged, and an output the disk cannot take."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (StorageError, ConfigError) as exc:
            raise click.ClickException(str(exc)) from exc
        except KeyboardInterrupt as exc:  # Ctrl-C: one line, and the shell's 128 + SIGINT
            click.echo(f"Interrupted: {exc}" if str(exc) else "Interrupted.", err=True)
            raise click.exceptions.Exit(130) from exc
        except sqlite3.Error as exc:  # locked, read-only or immutable, damaged, full: one line each
            raise click.ClickException(storage_problem(exc, click.get_current_context().obj["db"])) from exc
        except OSError as exc:  # a full disk under `report > file`; a closed pipe is click's to end quietly
            if isinstance(exc, BrokenPipeError):
                raise
            silence_stdout()
            where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc

    return wrapper


def silence_stdout() -> None:
    """Point standard output at /dev/null: what it still buffers cannot fail again, with a traceback, at exit."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # not a file (a test's capture): nothing is flushed to a disk at exit
        pass


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def db_path(ctx: click.Context) -> Path:
    return Path(ctx.obj["db"])


def open_db(ctx: click.Context):
    """The database, created if missing: for the commands that fill it (sources add/import, crawl)."""
    return open_database(db_path(ctx))


def existing_db(ctx: click.Context):
    """The database, which must exist: a mistyped --db or VIGICAM_DB must not answer from an empty one."""
    if not db_path(ctx).exists():
        raise click.ClickException(f"no database at {db_path(ctx)}: check --db or VIGICAM_DB "
                                   "(`vigicam sources add` or `vigicam crawl` creates one)")
    return open_database(db_path(ctx))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vigicam")
@click.option("--db", default="vigicam.db", envvar="VIGICAM_DB", show_default=True,
              type=click.Path(dir_okay=False), help="The SQLite database (or set VIGICAM_DB).")
@click.option("--config", default="vigicam.toml", envvar="VIGICAM_CONFIG", show_default=True,
              type=click.Path(dir_okay=False), help="Notification settings (or set VIGICAM_CONFIG); optional.")
@click.pass_context
def cli(ctx: click.Context, db: str, config: str) -> None:
    """Watch what French cities publish about their video-surveillance cameras."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["config"] = Path(config)
    ctx.obj["db_given"] = ctx.get_parameter_source("db") is not click.core.ParameterSource.DEFAULT


@cli.group()
def sources() -> None:
    """Register, list and remove the pages to watch."""


@sources.command("add")
@click.argument("url", type=URL)
@click.option("--place", required=True, type=PLACE, help="The place the page speaks for, e.g. 'Chartres'.")
@click.option("--kind", type=click.Choice(SOURCE_KINDS), default="commune", show_default=True)
@click.option("--every", type=DURATION, default="1d", show_default=True, help="Crawl interval: 6h, 1d, 2w…")
@click.option("--follow", is_flag=True, help="Explore the site from this page, not just the page.")
@click.pass_context
@user_errors
def sources_add(ctx: click.Context, url: str, place: str, kind: str, every: int, follow: bool) -> None:
    """Register a page to watch."""
    from vigicam.place_identity import canonical_source

    wanted = canonical_source(Source(url=url, place=place, kind=check_kind(kind), every=every, follow=follow))
    db = open_db(ctx)
    source = add_source(db, wanted)
    click.echo(f"added source {source.id}: {source.url} ({source.place}, every {format_duration(every)})")
    warn_slash_twin(db, source.url)


def warn_slash_twin(db: Database, url: str) -> None:
    """/x and /x/ may be one page or two (servers differ): kept apart, and said once."""
    if twin := slash_twin_source(db, url):
        click.echo(f"warning: {url} and source {twin.id} {twin.url} differ only by a trailing slash; both are kept "
                   "(`vigicam sources remove` one of them if they are the same page)", err=True)


@sources.command("list")
@json_option
@click.pass_context
@user_errors
def sources_list(ctx: click.Context, as_json: bool) -> None:
    """List the registered pages."""
    rows = list_sources(existing_db(ctx))
    if as_json:
        print_json([{**s.__dict__, "every": s.every} for s in rows])
        return
    for s in rows:
        flags = ("" if s.enabled else " [disabled]") + (" [follow]" if s.follow else "")
        click.echo(f"{s.id:>4}  {s.place:<24} {s.kind:<16} every {format_duration(s.every):<4} {s.url}{flags}")


@sources.command("remove")
@click.argument("url")
@click.pass_context
@user_errors
def sources_remove(ctx: click.Context, url: str) -> None:
    """Stop watching a page (its history is kept)."""
    remove_source(existing_db(ctx), url)
    click.echo(f"removed {url} (its history is kept)")


@sources.command("import")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--default", "use_default", is_flag=True, help="Import the sources shipped with vigicam.")
@click.pass_context
@user_errors
def sources_import(ctx: click.Context, file: Path | None, use_default: bool) -> None:
    """Add or update sources from a TOML file (what `sources export` prints)."""
    if bool(file) == use_default:
        raise click.UsageError("give either a FILE or --default")
    from vigicam.place_identity import canonical_source

    entries = [canonical_source(entry) for entry in (default_sources() if use_default else load_sources_file(file))]
    db = open_db(ctx)
    with db.atomic():
        for entry in entries:
            add_source(db, entry, replace=True)
    for entry in entries:
        warn_slash_twin(db, entry.url)
    click.echo(f"imported {len(entries)} sources")


@sources.command("export")
@click.pass_context
@user_errors
def sources_export(ctx: click.Context) -> None:
    """Print the sources as TOML, ready for `sources import`."""
    click.echo(sources_to_toml(list_sources(existing_db(ctx))), nl=False)


@cli.command()
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


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read JSON lines with id and text; print one JSON line of figures per record.")
@click.option("--place", help="The place the text speaks for (resolves 'la ville', 'l'agglomération').")
@click.option("--published", type=DATE, help="The text's publication date (YYYY-MM-DD), for 'cette année', "
                                               "'cet automne'…")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--explain", is_flag=True, help="Under each figure, the rule that decided each attribute "
                                              "(jsonl always carries them as 'why').")
@user_errors
def extract(files: tuple[Path, ...], corpus: Path | None, place: str | None, published: str | None,
            fmt: str, explain: bool) -> None:
    """Print the figures stated in HTML, text or PDF files (- for standard input)."""
    from vigicam.extract_cli import extract_corpus, extract_files

    if corpus and files:
        raise click.UsageError("give FILE… or --corpus, not both")
    if corpus:
        extract_corpus(corpus, click.echo)
    elif files:
        extract_files(files, place, published[:10] if published else None, fmt, click.echo, explain)
    else:
        raise click.UsageError("give FILE… or --corpus IN.jsonl")


@cli.command("eval")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--errors", is_flag=True, help="Also list each miss, false alarm and wrong attribute.")
@json_option
@user_errors
def eval_command(corpus: Path, errors: bool, as_json: bool) -> None:
    """Score the extractors on an annotated corpus: precision, recall, F1 and attribute accuracy."""
    from extractors.evaluate import evaluate, format_table

    try:
        table, mistakes = evaluate(corpus)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        print_json(table)
    else:
        click.echo(format_table(table))
    if errors:
        for line in mistakes:
            click.echo(line, err=as_json)


def matching_places(db, name: str, events: bool = False) -> list[str]:
    """The place names stored in figures (and with `events`, in events) that `name` designates: the same
    name whatever its accents, case or hyphens, its districts, and every spelling of the same place
    (vigicam/place_identity.py)."""
    from storage.queries import place_names
    from vigicam.place_identity import stored_names_for

    return stored_names_for(name, place_names(db, events=events))


def place_suggestions(db, name: str) -> str:
    """'; did you mean Chartres?' from the database's place names and the gazetteer's, or ''."""
    from storage.queries import place_names
    from vigicam.suggest import did_you_mean, suggestions

    return did_you_mean(suggestions(name, place_names(db)))


def report_places(db, name: str) -> list[str]:
    """The stored place names a report's --place means. A name no figure and no French place bears is
    a mistake (exit 1, with suggestions); a real place with nothing stored yet is said on stderr."""
    from extractors.gazetteer import load_gazetteer

    names = matching_places(db, name, events=True)
    if not names and not load_gazetteer().lookup(name):
        raise click.ClickException(f"no place called {name!r} in the figures or the gazetteer"
                                   f"{place_suggestions(db, name)}")
    if not names:
        click.echo(f"warning: no figure stored for {name!r} yet", err=True)
    return names


@cli.command("schedule")
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


@cli.command("notify")
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


@cli.command()
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


class PlacesGroup(click.Group):
    """`vigicam places NAME` looks a name up; `vigicam places load-populations FILE` is a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["lookup", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=PlacesGroup)
def places() -> None:
    """What a place name resolves to (vigicam places NAME [--json]); population updates."""


@places.command("load-populations")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=int, required=True, help="The vintage of these populations, e.g. 2022.")
@click.pass_context
@user_errors
def places_load_populations(ctx: click.Context, file: Path, year: int) -> None:
    """Replace communes' populations from an INSEE CSV (a COM/CODGEO column and a PMUN/PTOT column)."""
    from vigicam.places_cli import ensure_places, load_populations

    db = existing_db(ctx)
    ensure_places(db)
    updated = load_populations(db, file, year)
    click.echo(f"updated {updated} communes to {year} populations; intercommunalités, départements and régions "
               "recomputed")


@places.command("lookup", hidden=True)
@click.argument("name")
@json_option
@user_errors
def places_lookup(name: str, as_json: bool) -> None:
    """What a place name resolves to: communes, intercommunalités, départements, régions."""
    from vigicam.places_cli import candidates
    from vigicam.suggest import did_you_mean, suggestions

    rows = candidates(name)
    if as_json:
        print_json(rows)
        return
    if not rows:
        raise click.ClickException(f"no French place is called {name!r}{did_you_mean(suggestions(name))}")
    for r in rows:
        click.echo(f"{r['confidence']:>5.2f}  {r['kind']:<16} {r['code']:<10} {r['name']:<40} "
                   f"pop. {r['population']:>9,} (≈{r['population_year']})".replace(",", " "))
    if others := [s for s in suggestions(name, close=False) if s not in {r["name"] for r in rows}]:
        click.echo(f"also: {', '.join(others)}")


@cli.command()
@click.option("--since", type=DATE, help="Only events detected on or after this date (YYYY-MM-DD).")
@click.option("--last-run", is_flag=True, help="Only the events of the last crawl.")
@click.option("--place", help="Only this place (and its districts).")
@click.option("--format", "fmt", type=click.Choice(list(REPORTERS)), default="text", show_default=True)
@click.option("--all", "everything", is_flag=True, help="Also the quiet text_changed events: a paragraph on "
                                                       "cameras, the CSU or vidéoprotection changed, no figure did.")
@click.pass_context
@user_errors
def report(ctx: click.Context, since: str | None, last_run: bool, place: str | None, fmt: str,
           everything: bool) -> None:
    """The changes of published figures: old → new, with the sentences that state them."""
    from vigicam.report_data import ReportData

    db = existing_db(ctx)
    places = report_places(db, place) if place else None
    write_report(fmt, ReportData(db, since=since, last_run=last_run, places=places, text=everything),
                 lambda piece: click.echo(piece, nl=False))  # piece by piece, as the events are read


@cli.command()
@click.argument("place")
@click.option("--metric", type=click.Choice([m.value for m in Metric]), help="Only this metric.")
@json_option
@click.pass_context
@user_errors
def history(ctx: click.Context, place: str, metric: str | None, as_json: bool) -> None:
    """One place's figures over time, from all sources; flags sources that disagree."""
    from storage.queries import place_history
    from vigicam.history import disagreements, restated_note

    db = existing_db(ctx)
    names = matching_places(db, place)
    if not names:
        raise click.ClickException(f"no figure stored for {place!r}{place_suggestions(db, place)}")
    rows = place_history(db, names, metric)
    flagged = disagreements(rows)
    if as_json:
        print_json([{**r, "disagrees": (r["metric"], r["date"], r["place"]) in flagged} for r in rows])
        return
    click.echo(f"{'first seen':<10}  {'place':<28} {'metric':<17} {'value':>14}  {'date':<10} source")
    for r in rows:
        mark = "  ≠ sources disagree" if (r["metric"], r["date"], r["place"]) in flagged else ""
        click.echo(f"{r['first_seen'][:10]}  {r['place']:<28} {r['metric']:<17} "
                   f"{stated(r['value'], r['qualifier']):>14}  {r['date'] or '-':<10} {r['source_url']}{mark}"
                   f"{restated_note(r)}")


@cli.command()
@click.pass_context
@user_errors
def reextract(ctx: click.Context) -> None:
    """Re-run the current extractors over stored documents; differences go to `revisions`."""
    from vigicam.reextract import reextract as run

    summary = run(existing_db(ctx))
    click.echo(f"re-extracted {summary.documents} documents: {summary.figures} figures, "
               f"{summary.revisions} revisions" + (f"; {summary.failed} could not be read (recorded in "
                                                   "extraction_failures, skipped)" if summary.failed else ""))


@cli.command()
@click.argument("sql")
@click.option("--json", "fmt", flag_value="json", help="A JSON array of objects.")
@click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
@click.option("--table", "fmt", flag_value="table", default=True, help="An aligned table (the default).")
@click.pass_context
@user_errors
def query(ctx: click.Context, sql: str, fmt: str) -> None:
    """Run read-only SQL against the database."""
    import csv as csv_module
    import sqlite3

    existing_db(ctx).close()  # bring an older schema up to date first
    db = open_database(db_path(ctx), read_only=True)
    try:
        cursor = db.execute(sql)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc) or "query_only" in str(exc):
            raise click.ClickException("vigicam query is read-only: the history is append-only") from exc
        raise click.ClickException(f"SQL error: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"SQL error: {exc}") from exc
    columns = [d[0] for d in cursor.description or []]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    if fmt == "json":
        print_json(rows)
    elif fmt == "csv":
        writer = csv_module.DictWriter(sys.stdout, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        widths = {c: max([len(c)] + [len(str(r[c])) for r in rows]) for c in columns}
        click.echo("  ".join(c.ljust(widths[c]) for c in columns))
        click.echo("  ".join("-" * widths[c] for c in columns))
        for r in rows:
            click.echo("  ".join(str(r[c]).ljust(widths[c]) for c in columns))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (local only by default).")
@click.option("--port", default=8001, show_default=True, type=int)
@click.pass_context
@user_errors
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the database with Datasette: tables, views, canned queries, charts and a map (read-only)."""
    from vigicam.places_cli import ensure_places
    from vigicam.serve import serve as run

    db = existing_db(ctx)  # migrates, so Datasette sees the full schema
    ensure_places(db)
    db.close()
    run(db_path(ctx), host, port)


@cli.command()
@click.option("--keep", is_flag=True, help="Also keep the copy of the sample site (the database is always kept).")
@click.pass_context
@user_errors
def demo(ctx: click.Context, keep: bool) -> None:
    """Offline tour: serve a sample site, crawl it, change a page, crawl again, show the results."""
    from vigicam.demo import run_demo

    run_demo(Path(ctx.obj["db"]) if ctx.obj["db_given"] else None, keep=keep, echo=click.echo)


from vigicam.discover_cli import discover_command  # noqa: E402 - it uses this module's helpers

sources.add_command(discover_command)
from vigicam.observatory_cli import observatory_command  # noqa: E402 - it uses this module's helpers

cli.add_command(observatory_command)
from vigicam.distributed_cli import add_redis_option, ingest_command, worker_command  # noqa: E402 - as above

cli.add_command(worker_command)
cli.add_command(ingest_command)
add_redis_option(schedule_command)


def main() -> None:  # pragma: no cover
    cli(obj={}, prog_name="vigicam")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
