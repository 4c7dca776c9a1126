"""Append-only writes of the crawl history: fetches, documents, extractions and figures."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from typing import Any

from sqlite_utils import Database

from storage.bounds import bounded_figure
from storage.db import insert_row, utcnow

# A fetch of this page (two parameters: its canonical URL twice): fetches stored before URLs were
# canonical (migration m013) keep the spelling they were asked by, as history does.
SAME_PAGE_SQL = "({0} = ? or canonical_url({0}) = ?)"


def last_document(db: Database, source_id: int, url: str) -> dict[str, Any] | None:
    """The document of the most recent fetch of this page of the source that produced one."""
    return next(
        db.query(
            "select d.id, d.content_hash from fetches f join documents d on d.id = f.document_id "
            f"where f.source_id = ? and {SAME_PAGE_SQL.format('f.url')} order by f.id desc limit 1",
            [source_id, url, url],
        ),
        None,
    )


def record_fetch(db: Database, **fields: Any) -> int:
    return insert_row(db, "fetches", fields)


def document_id_for_hash(db: Database, content_hash: str) -> int | None:
    row = next(db.query("select id from documents where content_hash = ?", [content_hash]), None)
    return row["id"] if row else None


def insert_document(
    db: Database,
    *,
    content_hash: str,
    url: str,
    text: str,
    body: bytes,
    title: str | None = None,
    published: str | None = None,
    updated: str | None = None,
    content_type: str | None = None,
    encoding: str | None = None,
) -> int:
    """Store a distinct text once; the raw body is kept gzip-compressed for re-extraction and audit."""
    return insert_row(db, "documents", {
        "content_hash": content_hash,
        "url": url,
        "title": title,
        "text": text,
        "published": published,
        "updated": updated,
        "content_type": content_type,
        "encoding": encoding,
        "body_gz": gzip.compress(body, compresslevel=6),
        "fetched_at": utcnow(),
    })


def has_extraction(db: Database, document_id: int, source_id: int, extractor_version: str) -> bool:
    return bool(
        db.execute(
            "select 1 from extractions where document_id = ? and source_id = ? and extractor_version = ?",
            [document_id, source_id, extractor_version],
        ).fetchone()
    )


def figure_columns(db: Database) -> set[str]:
    """The columns of `figures` (a figure may carry fields an older schema has no column for)."""
    return {row[1] for row in db.execute("pragma table_info(figures)")}


def _figure_row(figure: Any) -> dict[str, Any]:
    if is_dataclass(figure):  # shallow: dataclasses.asdict deep-copies every value, a third of the cost
        return {f.name: getattr(figure, f.name) for f in fields(figure)}
    return dict(figure)


def insert_extraction(
    db: Database,
    *,
    document_id: int,
    source_id: int,
    fetch_id: int | None,
    extractor_version: str,
    figures: Iterable[Any],
) -> list[dict[str, Any]]:
    """Store what one extractor version read in one document for one source; returns the figures as
    stored, with their ids, in the order of the text (change detection compares them without
    reading them back). A value no figure can have (infinite, negative, out of its metric's bounds) is
    not stored: see extractors.plausibility."""
    from extractors.plausibility import plausible  # here: importing extractors costs every command 0.25 s

    rows = [bounded_figure(_figure_row(f)) for f in plausible(figures)]  # no megabyte sentence stored
    extraction_id = insert_row(db, "extractions", {
        "document_id": document_id,
        "source_id": source_id,
        "fetch_id": fetch_id,
        "extractor_version": extractor_version,
        "figure_count": len(rows),
        "extracted_at": utcnow(),
    })
    columns = figure_columns(db) if rows else set()
    stored = []
    for row in rows:
        figure = {
            **{k: v for k, v in row.items() if k in columns},
            "extraction_id": extraction_id,
            "document_id": document_id,
            "source_id": source_id,
            "extractor_version": extractor_version,
        }
        figure["id"] = insert_row(db, "figures", figure)
        stored.append(figure)
    return sorted(stored, key=lambda figure: figure.get("start") or 0)


def validators(db: Database, source_id: int, url: str) -> dict[str, Any]:
    """What to send for a conditional request: the server's own ETag and Last-Modified from the page's
    last full answer (200), and when that answer came (an unconditional fetch is due every 7 days).
    The page's own: a followed source's other pages carry other dates, and a later Last-Modified sent
    for this page would have the server answer 304 to a change."""
    row = next(db.query(
        f"select etag, last_modified, started_at from fetches where source_id = ? and {SAME_PAGE_SQL.format('url')} "
        "and http_status between 200 and 299 and outcome in ('new_content', 'same_content') order by id desc limit 1",
        [source_id, url, url]), None)
    return row or {}
