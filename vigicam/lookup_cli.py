"""The commands that look things up without crawling: `extract` and `eval` (what texts state, no
database needed) and `places` (what a place name resolves to; population updates)."""

from __future__ import annotations

from pathlib import Path

import click

from vigicam.cli_shared import existing_db, json_option, print_json, user_errors
from vigicam.params import DATE


@click.command()
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


@click.command("eval")
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


@click.command("train-kind")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model (default: the one vigicam ships, extractors/data/kind_model.json).")
@user_errors
def train_kind(corpora: tuple[Path, ...], out: Path | None) -> None:
    """Train the learned second opinion on camera counts' kind from annotated corpora (needs scikit-learn)."""
    try:
        from extractors.kind_training import train, write_model
        model = train(sorted(corpora))
    except ImportError as exc:
        raise click.ClickException(f"train-kind needs scikit-learn ({exc.name}): pip install 'vigicam[dev]'") from exc
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    from extractors.kind_model import MODEL_PATH

    target = out or MODEL_PATH
    write_model(model, target)
    click.echo(f"{model['examples']} camera counts from {len(corpora)} corpora: {len(model['weights'])} weights "
               f"written to {target}")


class PlacesGroup(click.Group):
    """`vigicam places NAME` looks a name up; `vigicam places load-populations FILE` is a subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["lookup", *args]
        return super().parse_args(ctx, args)


@click.group(cls=PlacesGroup)
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
