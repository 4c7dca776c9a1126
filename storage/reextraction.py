"""What `vigicam reextract` reads and writes: the stored pages a new extractor version has not read yet,
the revisions it finds, and the pages it could not read (recorded and skipped, never retried by the
same version)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage.db import insert_row, insert_rows, utcnow


def pending_pairs(db: Database, extractor_version: str) -> list[dict[str, Any]]:
    """(document, source, its latest fetch) pairs with no extraction by this version and no failed try."""
    return list(db.query(
        "select distinct fe.document_id, fe.source_id, max(fe.id) as fetch_id from fetches fe "
        "where fe.document_id is not null and not exists (select 1 from extractions e where "
        "e.document_id = fe.document_id and e.source_id = fe.source_id and e.extractor_version = :v) "
        "and not exists (select 1 from extraction_failures x where x.document_id = fe.document_id "
        "and x.source_id = fe.source_id and x.extractor_version = :v) "
        "group by fe.document_id, fe.source_id order by fe.document_id", {"v": extractor_version}))


def record_extraction_failure(db: Database, document_id: int, source_id: int, extractor_version: str,
                              error: str) -> int:
    return insert_row(db, "extraction_failures", {
        "document_id": document_id, "source_id": source_id, "extractor_version": extractor_version,
        "error": error[:500], "failed_at": utcnow()})


def record_revisions(db: Database, rows: list[dict[str, Any]]) -> int:
    """Differences a new extractor version reads in a stored page (never a city's change)."""
    return insert_rows(db, "revisions", rows)
