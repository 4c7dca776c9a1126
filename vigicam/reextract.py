"""`vigicam reextract`: run the current extractors over stored documents.

What a new extractor version reads differently is recorded in `revisions`, never in `changes`: an
improvement of vigicam is not a city's update. A stored page the extractors raise on is recorded in
`extraction_failures`, counted and skipped: the other pages are read all the same, and a crawl that
starts by this catch-up still fetches.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from extractors import EXTRACTOR_VERSION, Figure, extract_text
from storage.alignment import align, moved
from storage.changes import figures_of
from storage.db import utcnow
from storage.history import insert_extraction
from storage.reextraction import pending_pairs, record_extraction_failure, record_revisions
from storage.urls import canonical_url

logger = logging.getLogger(__name__)


@dataclass
class ReextractSummary:
    documents: int = 0
    figures: int = 0
    revisions: int = 0
    failed: int = 0  # stored pages the extractors raised on: recorded in extraction_failures, skipped


def read_again(document: dict[str, Any], source: dict[str, Any], registered_page: bool) -> list[Figure]:
    """A page's figures read again; the source's place is a hint for its registered page only (a page it
    found by following is placed by its own text, title and host, as the crawl placed it)."""
    return extract_text(document["text"], title=document["title"], published=document["published"],
                        place_hint=source["place"] if registered_page else None,
                        place_kind=source["kind"] if registered_page else None, source_url=document["url"])


def is_registered_page(db: Database, fetch_id: int, source: dict[str, Any]) -> bool:
    url = db.execute("select url from fetches where id = ?", [fetch_id]).fetchone()[0]
    return canonical_url(url) == source["url"]


def revision_rows(document_id: int, source_id: int, old: list[dict], new: list[dict]) -> list[dict[str, Any]]:
    """One row per figure the new version reads otherwise (value, qualifier, date, place or words): the
    two versions' figures are matched one to one, as a page's two texts are."""
    old_version = old[0]["extractor_version"] if old else None
    return [{
        "document_id": document_id, "source_id": source_id,
        "place": (before or after)["place"], "metric": (before or after)["metric"],
        "old_extractor_version": old_version, "new_extractor_version": EXTRACTOR_VERSION,
        "old_value": (before or {}).get("value"), "new_value": (after or {}).get("value"),
        "old_qualifier": (before or {}).get("qualifier"), "new_qualifier": (after or {}).get("qualifier"),
        "old_evidence": (before or {}).get("evidence"), "new_evidence": (after or {}).get("evidence"),
        "revised_at": utcnow(),
    } for before, after in align(old, new) if before is None or after is None or before["value"] != after["value"]
        or moved(before, after)]


def reextract(db: Database) -> ReextractSummary:
    summary = ReextractSummary()
    for pair in pending_pairs(db, EXTRACTOR_VERSION):
        document = db["documents"].get(pair["document_id"])
        source = db["sources"].get(pair["source_id"])
        try:
            figures = read_again(document, source, is_registered_page(db, pair["fetch_id"], source))
        except Exception as exc:  # noqa: BLE001 - any extractor bug: this page is recorded and skipped
            logger.warning("re-reading document %s (%s) failed: %s: %s", document["id"], document["url"],
                           type(exc).__name__, exc)
            with db.atomic():
                record_extraction_failure(db, document["id"], source["id"], EXTRACTOR_VERSION,
                                          f"{type(exc).__name__}: {exc}")
            summary.failed += 1
            continue
        with db.atomic():
            old = figures_of(db, document["id"], source["id"])
            insert_extraction(db, document_id=document["id"], source_id=source["id"], fetch_id=pair["fetch_id"],
                              extractor_version=EXTRACTOR_VERSION, figures=figures)
            rows = revision_rows(document["id"], source["id"], old, figures_of(db, document["id"], source["id"]))
            record_revisions(db, rows)
        summary.documents += 1
        summary.figures += len(figures)
        summary.revisions += len(rows)
    return summary
