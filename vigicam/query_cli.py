"""The commands that open the database to readers: `query` (read-only SQL) and `serve` (Datasette)."""

from __future__ import annotations

import sys

import click

from storage import open_database
from vigicam.cli_shared import db_path, existing_db, print_json, user_errors


@click.command()
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


@click.command()
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
