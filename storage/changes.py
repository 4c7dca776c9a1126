"""Change detection: compare a source's figures with its previous ones and append events.

The figures of a page's two versions are matched one to one (storage.alignment): a changed value is
an event; a figure whose value stayed is none, even when its date, its place's spelling or its
qualifier's wording moved (that is kept in `restatements`). "12 caméras en 2014" and "106 caméras
aujourd'hui" are two series, never a change of one another. A new date line, banner or paragraph order
changes the page's hash but not its figures, so it reports nothing. A failing source makes
one `source_failing` event when it starts failing and one `source_recovered` when it comes back;
its figures are never read as withdrawn while it fails.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage.alignment import Pair, align, moved
from storage.db import insert_rows, utcnow
from storage.page_past import previous_version
from storage.text_changes import page_place, text_change_rows
from storage.validators import judge_validators
from storage.vocab import HEALTH_KINDS_SQL, EventKind, Outcome

# What comparing and events need of a figure (`select *` builds every column of every figure's dict).
FIGURE_COLUMNS = "id, place, metric, date, value, qualifier, sentence, evidence, document_id, extractor_version"


def figures_of(db: Database, document_id: int, source_id: int) -> list[dict[str, Any]]:
    """The figures the newest extraction of a document (for a source) found."""
    return list(db.query(
        f"select {FIGURE_COLUMNS} from figures where extraction_id = (select id from extractions "
        "where document_id = ? and source_id = ? order by id desc limit 1) order by start", [document_id, source_id]))


NO_FIGURE: dict[str, Any] = {}  # the missing side of a new or withdrawn figure; only ever read


def _event(kind: EventKind, source: dict[str, Any], fetch: dict[str, Any], run_id: int | None,
           old: dict[str, Any] | None = None, new: dict[str, Any] | None = None,
           old_fetch_id: int | None = None, published: str | None = None, detail: str | None = None,
           detected_at: str | None = None) -> dict[str, Any]:
    was, now = old or NO_FIGURE, new or NO_FIGURE
    base = old or now
    old_value, new_value = was.get("value"), now.get("value")
    return {
        "source_id": source["id"], "kind": kind.value, "run_id": run_id,
        "place": base.get("place", source["place"]), "metric": base.get("metric"),
        "old_value": old_value, "new_value": new_value,
        "delta": new_value - old_value if old_value is not None and new_value is not None else None,
        "old_qualifier": was.get("qualifier"), "new_qualifier": now.get("qualifier"),
        "old_evidence": was.get("sentence") or was.get("evidence"),
        "new_evidence": now.get("sentence") or now.get("evidence"),
        "old_date": was.get("date"), "new_date": now.get("date"),
        "old_figure_id": was.get("id"), "new_figure_id": now.get("id"),
        "old_document_id": was.get("document_id"), "new_document_id": now.get("document_id"),
        "old_fetch_id": old_fetch_id, "new_fetch_id": fetch["id"],
        "source_url": fetch.get("final_url") or fetch["url"], "published": published, "detail": detail,
        "detected_at": detected_at or utcnow(),
    }


def figure_events(pairs: list[Pair]) -> list[tuple[EventKind, dict | None, dict | None]]:
    """(kind, old figure, new figure) for each aligned pair whose value differs, or that is new or
    withdrawn; a figure restated with the same value gives nothing (see `restatement_rows`)."""
    events: list[tuple[EventKind, dict | None, dict | None]] = []
    for before, after in pairs:
        if before is None:
            events.append((EventKind.NEW, None, after))
        elif after is None:
            events.append((EventKind.WITHDRAWN, before, None))
        elif before["value"] != after["value"]:
            events.append((EventKind.CHANGED, before, after))
    return events


def compare_figures(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[tuple[EventKind, dict | None,
                                                                                            dict | None]]:
    """The events between two versions' figures, matched one to one (storage.alignment)."""
    return figure_events(align(old, new))


def restatement_rows(pairs: list[Pair], source_id: int, fetch_id: int, old_fetch_id: int | None,
                     run_id: int | None, now: str) -> list[dict[str, Any]]:
    """A figure whose value stayed but whose date, place's spelling, qualifier or words moved: kept in
    `restatements` (what changed and from what), never an event."""
    rows = []
    for before, after in pairs:
        if before is None or after is None or before["value"] != after["value"]:
            continue
        if what := moved(before, after):
            rows.append({
                "source_id": source_id, "run_id": run_id, "metric": after["metric"], "value": after["value"],
                "moved": ", ".join(what), "old_place": before.get("place"), "new_place": after.get("place"),
                "old_date": before.get("date"), "new_date": after.get("date"),
                "old_qualifier": before.get("qualifier"), "new_qualifier": after.get("qualifier"),
                "old_figure_id": before.get("id"), "new_figure_id": after.get("id"),
                "old_fetch_id": old_fetch_id, "new_fetch_id": fetch_id, "detected_at": now,
            })
    return rows


def health_state(db: Database, source_id: int) -> str | None:
    """The source's last health event, by the partial index on them (not a walk through all its events)."""
    row = next(db.query(
        f"select kind from changes where source_id = ? and kind in {HEALTH_KINDS_SQL} order by id desc limit 1",
        [source_id]), None)
    return row["kind"] if row else None


def detect_for_fetch(db: Database, fetch_id: int, run_id: int | None = None,
                     stored: list[dict[str, Any]] | None = None) -> int:
    """Append the events one stored fetch causes; returns how many. Call inside the fetch's transaction.
    `stored`: the figures its extraction has just stored, if it made one (they are not read back)."""
    # One query for the fetch, its source's id and place, and its document's date of publication
    fetch = next(db.query(
        "select f.id, f.source_id, f.url, f.final_url, f.outcome, f.error, f.document_id, s.place, d.published, "
        "s.url as registered_url from fetches f join sources s on s.id = f.source_id "
        "left join documents d on d.id = f.document_id where f.id = ?", [fetch_id]))
    source = {"id": fetch["source_id"], "place": fetch["place"]}
    rows: list[dict[str, Any]] = []
    # A source's health is its registered page's: a dead link among the pages a followed source finds
    # is a failed fetch of its own, not a failing source (it would fail and recover at every crawl).
    registered = fetch["url"] == fetch["registered_url"]
    failing = registered and health_state(db, source["id"]) == EventKind.SOURCE_FAILING.value
    if fetch["outcome"] == Outcome.FAILED.value:
        if registered and not failing:
            rows.append(_event(EventKind.SOURCE_FAILING, source, fetch, run_id, detail=fetch["error"]))
    elif fetch["outcome"] in (Outcome.NEW_CONTENT.value, Outcome.SAME_CONTENT.value, Outcome.NOT_MODIFIED.value):
        if failing:
            rows.append(_event(EventKind.SOURCE_RECOVERED, source, fetch, run_id))
        if fetch["outcome"] == Outcome.NEW_CONTENT.value:
            judge_validators(db, fetch_id)  # new text behind 304s: the validator that hid it is not sent again
            rows += content_events(db, fetch, source, run_id, stored, registered)
    return insert_rows(db, "changes", rows)


def content_events(db: Database, fetch: dict[str, Any], source: dict[str, Any], run_id: int | None,
                   stored: list[dict[str, Any]] | None, registered: bool) -> list[dict[str, Any]]:
    """The events of a page's new version: its figures matched with its last version's, whichever source
    fetched that (storage/page_past.py; restatements
    recorded, never reported), then the quiet `text_changed` events of the watched paragraphs no figure
    event tells (storage/text_changes.py)."""
    previous = previous_version(db, source["id"], fetch["url"], fetch["id"])  # whichever source fetched it
    old = figures_of(db, previous["document_id"], previous["source_id"]) if previous else []
    new = stored if stored is not None else figures_of(db, fetch["document_id"], source["id"])
    now, old_fetch_id = utcnow(), previous["id"] if previous else None
    pairs = align(old, new)
    told = figure_events(pairs)
    rows = [_event(kind, source, fetch, run_id, before, after, old_fetch_id, fetch["published"], detected_at=now)
            for kind, before, after in told]
    insert_rows(db, "restatements", restatement_rows(pairs, source["id"], fetch["id"], old_fetch_id, run_id, now))
    if previous:
        rows += text_change_rows(
            db, previous["document_id"], fetch["document_id"], told, page_place(registered, source["place"], new),
            lambda was, now_said, detail: _event(EventKind.TEXT_CHANGED, source, fetch, run_id, was, now_said,
                                                 old_fetch_id, fetch["published"], detail, now))
    return rows
