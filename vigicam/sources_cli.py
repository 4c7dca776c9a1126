"""`vigicam sources`: register, list, remove, import and export the pages to watch (and `discover`)."""

from __future__ import annotations

from pathlib import Path

import click
from sqlite_utils import Database

from storage.sources import Source, add_source, list_sources, remove_source, slash_twin_source
from storage.vocab import SOURCE_KINDS
from vigicam.cli_shared import existing_db, json_option, open_db, print_json, user_errors
from vigicam.config import check_kind, default_sources, format_duration, load_sources_file, sources_to_toml
from vigicam.discover_cli import discover_command
from vigicam.params import DURATION, PLACE, URL


@click.group()
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


sources.add_command(discover_command)
