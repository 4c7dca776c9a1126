"""`vigicam extract`: files or a corpus in, figures out (no database)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from extractors import extract_figures, extract_text
from extractors.evaluate import extract_record, read_corpus
from extractors.page import UnreadablePage
from extractors.plausibility import plausible
from extractors.safe_read import read_page_safely
from vigicam.config import ConfigError

MAX_FILE_BYTES = 50 * 1024 * 1024


def read_input(path: Path) -> bytes:
    if str(path) == "-":
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc


def content_type_for(path: Path, body: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf" or body.startswith(b"%PDF"):
        return "application/pdf"
    if suffix in (".txt", ".text", ".md"):
        return "text/plain"
    return "text/html" if suffix in (".html", ".htm", ".xhtml") else ""


def extract_files(files: tuple[Path, ...], place: str | None, published: str | None, fmt: str,
                  echo: Callable[[str], None], explain: bool = False) -> None:
    for path in files:
        body = read_input(path)
        if len(body) > MAX_FILE_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        try:
            page = read_page_safely(body, content_type_for(path, body) or None)
        except UnreadablePage as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        if published:
            page.published = published
        figures = plausible(extract_figures(page, place_hint=place))
        for figure in figures:
            data = {"file": str(path), **figure.to_dict()}
            if fmt == "jsonl":
                echo(json.dumps(data, ensure_ascii=False))
            else:
                value = f"{data['value']:g}" if isinstance(data["value"], float) else str(data["value"])
                echo(f"{figure.metric:<17} {value:>10} {figure.qualifier:<9} {figure.place or '-':<28} "
                     f"{figure.date or '-':<10} {figure.evidence!r}")
                if explain:
                    echo("    " + "; ".join(f"{attribute} by {rule}" for attribute, rule in figure.why.items()))


def extract_corpus(corpus: Path, echo: Callable[[str], None]) -> None:
    """One JSON line of figures per record; a bad line stops the run with one line naming it (the
    records before it are printed already)."""
    try:
        for record in read_corpus(corpus):
            if not isinstance(record["text"], str):
                raise ConfigError(f"{corpus}: record {record.get('id')!r}: 'text' must be a string")
            echo(json.dumps({"id": record.get("id"), "figures": extract_record(record)}, ensure_ascii=False))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{corpus}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except ValueError as exc:  # read_corpus's 'FILE:LINE: not JSON' or 'needs id and text'
        raise ConfigError(str(exc).splitlines()[0]) from exc


__all__ = ["extract_corpus", "extract_files", "extract_text"]
