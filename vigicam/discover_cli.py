"""`vigicam sources discover`: parses the selection, delegates to vigicam.discovery, prints what it did."""

from __future__ import annotations

import click

from storage import open_database
from vigicam.cli_shared import db_path, open_db, user_errors
from vigicam.config import format_duration
from vigicam.discovery import Discovery, Outcome, Selection, discover
from vigicam.params import DURATION

# How each outcome reads, done and in a dry run.
WORDS = {
    "added": ("added", "would add"),
    "followed": ("already followed", "already followed"),
    "removed": ("removed by hand, left alone", "removed by hand, left alone"),
    "no_site": ("no website known", "no website known"),
    "not_a_url": ("not a web address", "not a web address"),
}
SELECTORS = ("commune", "epci", "departement", "region", "every_place")


@click.command("discover")
@click.option("--commune", help="One commune, by name or INSEE code (28085).")
@click.option("--epci", help="The communes of an intercommunalité, by SIREN (200033181).")
@click.option("--departement", help="The communes of a département, by code (28, 2A, 974).")
@click.option("--region", help="The communes of a région, by code (24).")
@click.option("--all", "every_place", is_flag=True, help="Every commune whose website the gazetteer knows.")
@click.option("--min-population", type=click.IntRange(min=0), default=0, show_default=True,
              help="Only communes with at least this many inhabitants.")
@click.option("--every", type=DURATION, default="1w", show_default=True, help="Crawl interval of the new sources.")
@click.option("--dry-run", is_flag=True, help="Say what would be registered; write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@click.pass_context
@user_errors
def discover_command(ctx: click.Context, commune: str | None, epci: str | None, departement: str | None,
                     region: str | None, every_place: bool, min_population: int, every: int, dry_run: bool,
                     quiet: bool) -> None:
    """Follow the official websites the gazetteer knows (a commune's, or those of the communes of an
    intercommunalité, département, région, or all France); idempotent."""
    given = [name for name, value in zip(SELECTORS, (commune, epci, departement, region, every_place), strict=True)
             if value not in (None, False)]
    if len(given) != 1:
        raise click.UsageError("give one of --commune, --epci, --departement, --region or --all")
    selection = Selection(commune=commune, epci=epci, departement=departement, region=region,
                          every_place=every_place, min_population=min_population)
    # a dry run on a database not made yet compares with an empty registry, and leaves no file behind
    db = open_database(":memory:") if dry_run and not db_path(ctx).exists() else open_db(ctx)
    found = discover(db, selection, every, dry_run=dry_run)
    if not quiet:
        for outcome in found.outcomes:
            click.echo(outcome_line(outcome, dry_run))
    click.echo(summary_line(found, every, dry_run))


def outcome_line(outcome: Outcome, dry_run: bool) -> str:
    """'added             28085  Chartres  https://www.chartres.fr/'."""
    place = outcome.place
    where = outcome.url or ""
    if outcome.action in ("followed", "removed") and outcome.source:
        known = outcome.source
        where += f" (source {known.id}, {known.place})" if known.id else f" (shared with {known.place})"
    return f"{WORDS[outcome.action][dry_run]:<27} {place.code:<6} {place.name:<32} {where}".rstrip()


def summary_line(found: Discovery, every: int, dry_run: bool) -> str:
    """'Eure-et-Loir (28): 366 communes, 181 added (followed every 1w), 0 already followed, …'."""
    others = "".join(f", {found.count(action)} {WORDS[action][dry_run]}" for action in WORDS
                     if action != "added" and found.count(action))
    added = f"{found.count('added')} {WORDS['added'][dry_run]} (followed every {format_duration(every)})"
    communes = f"{len(found.outcomes)} commune{'s' if len(found.outcomes) != 1 else ''}"
    return f"{found.scope}: {communes}, {added}{others}" + (" — dry run, nothing written" if dry_run else "")
