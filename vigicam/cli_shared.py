"""What every command module shares: the one place domain errors become `Error: …`, the --json flag,
and the database that --db (or VIGICAM_DB) names."""

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

from storage import StorageError, open_database
from storage.errors import storage_problem
from vigicam.config import ConfigError


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
