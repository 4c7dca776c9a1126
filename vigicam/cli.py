"""The `vigicam` command: parses arguments and delegates; behaviour lives in the packages. The group is
here; its commands live in one module per job (sources_cli, crawl_cli, lookup_cli, report_cli, query_cli,
and the discover, observatory and distributed ones), and are attached below."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vigicam import __version__
from vigicam.cli_shared import user_errors
from vigicam.crawl_cli import crawl, notify_command, schedule_command, status
from vigicam.distributed_cli import add_redis_option, ingest_command, worker_command
from vigicam.lookup_cli import eval_command, extract, places, train_kind
from vigicam.observatory_cli import observatory_command
from vigicam.query_cli import query, serve
from vigicam.report_cli import history, reextract, report
from vigicam.sources_cli import sources


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


@click.command()
@click.option("--keep", is_flag=True, help="Also keep the copy of the sample site (the database is always kept).")
@click.pass_context
@user_errors
def demo(ctx: click.Context, keep: bool) -> None:
    """Offline tour: serve a sample site, crawl it, change a page, crawl again, show the results."""
    from vigicam.demo import run_demo

    run_demo(Path(ctx.obj["db"]) if ctx.obj["db_given"] else None, keep=keep, echo=click.echo)


for command in (sources, crawl, extract, eval_command, schedule_command, notify_command, status, places, report,
                history, reextract, query, serve, demo, observatory_command, worker_command, ingest_command,
                train_kind):
    cli.add_command(command)
add_redis_option(schedule_command)


def main() -> None:  # pragma: no cover
    cli(obj={}, prog_name="vigicam")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
