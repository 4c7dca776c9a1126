"""The commands that read the history and report on it: `report`, `history` and `reextract`, and what a
place name given to them designates among the stored ones."""

from __future__ import annotations

import click

from extractors.figure import Metric
from vigicam.cli_shared import existing_db, json_option, print_json, user_errors
from vigicam.params import DATE
from vigicam.reporters import REPORTERS, stated, write_report


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


@click.command()
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


@click.command()
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


@click.command()
@click.pass_context
@user_errors
def reextract(ctx: click.Context) -> None:
    """Re-run the current extractors over stored documents; differences go to `revisions`."""
    from vigicam.reextract import reextract as run

    summary = run(existing_db(ctx))
    click.echo(f"re-extracted {summary.documents} documents: {summary.figures} figures, "
               f"{summary.revisions} revisions" + (f"; {summary.failed} could not be read (recorded in "
                                                   "extraction_failures, skipped)" if summary.failed else ""))
