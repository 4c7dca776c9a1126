"""`vigicam observatory`: the latest figure per place, exported as CSV, GeoJSON or a static HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from vigicam.cli_shared import existing_db, user_errors
from vigicam.observatory import EXPORTERS


@click.command("observatory")
@click.option("--format", "fmt", type=click.Choice(list(EXPORTERS)), default="csv", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_context
@user_errors
def observatory_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """The latest camera count of each watched place, per 100,000 inhabitants, with its page and date."""
    from vigicam.places_cli import ensure_places

    db = existing_db(ctx)
    ensure_places(db)  # the populations and coordinates the export joins
    text = EXPORTERS[fmt](db)
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output} ({fmt}, {text.count(chr(10)) if fmt == 'csv' else len(text):,} "
               f"{'lines' if fmt == 'csv' else 'characters'})", err=True)
