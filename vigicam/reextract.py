"""`vigicam reextract`: run the current extractors over stored documents.

What a new extractor version reads differently is recorded in `revisions`, never in `changes`: an
improvement of vigicam is not a city's update.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from extractors import EXTRACTOR_VERSION, extract_text
from storage.changes import compare_figures, figures_of
from storage.db import utcnow
from storage.history import insert_extraction


@dataclass
class ReextractSummary:
    documents: int = 0
    figures: int = 0
    revisions: int = 0


def pending_pairs(db: Database) -> list[dict]:
    return list(db.query(
        "select distinct fe.document_id, fe.source_id, max(fe.id) as fetch_id from fetches fe "
        "where fe.document_id is not null and not exists (select 1 from extractions e where "
        "e.document_id = fe.document_id and e.source_id = fe.source_id and e.extractor_version = ?) "
        "group by fe.document_id, fe.source_id order by fe.document_id", [EXTRACTOR_VERSION]))


def reextract(db: Database) -> ReextractSummary:
    summary = ReextractSummary()
    for pair in pending_pairs(db):
        document = db["documents"].get(pair["document_id"])
        source = db["sources"].get(pair["source_id"])
        with db.atomic():
            old = figures_of(db, document["id"], source["id"])
            old_version = old[0]["extractor_version"] if old else None
            figures = extract_text(document["text"], title=document["title"], published=document["published"],
                                   place_hint=source["place"], place_kind=source["kind"], source_url=document["url"])
            insert_extraction(db, document_id=document["id"], source_id=source["id"], fetch_id=pair["fetch_id"],
                              extractor_version=EXTRACTOR_VERSION, figures=figures)
            new = figures_of(db, document["id"], source["id"])
            rows = [{
                "document_id": document["id"], "source_id": source["id"],
                "place": (before or after)["place"], "metric": (before or after)["metric"],
                "old_extractor_version": old_version, "new_extractor_version": EXTRACTOR_VERSION,
                "old_value": (before or {}).get("value"), "new_value": (after or {}).get("value"),
                "old_qualifier": (before or {}).get("qualifier"), "new_qualifier": (after or {}).get("qualifier"),
                "old_evidence": (before or {}).get("evidence"), "new_evidence": (after or {}).get("evidence"),
                "revised_at": utcnow(),
            } for _kind, before, after in compare_figures(old, new)]
            if rows:
                db["revisions"].insert_all(rows)
        summary.documents += 1
        summary.figures += len(figures)
        summary.revisions += len(rows)
    return summary
