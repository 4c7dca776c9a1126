"""What a report reads from the database, read only when a format asks for it."""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

from sqlite_utils import Database

from storage.queries import events, events_json, series_points
from vigicam.reporters import JSON_KEYS


class ReportData:
    """The events of one `vigicam report` (filtered by date, last run or places), their series' points
    for charts, and the same events as JSON built by SQLite."""

    def __init__(self, db: Database, *, since: str | None = None, last_run: bool = False,
                 places: list[str] | None = None, given: list[dict[str, Any]] | None = None) -> None:
        self.db = db
        self.filters: dict[str, Any] = {"since": since, "last_run": last_run, "places": places}
        self.charts: dict[tuple, list[dict[str, Any]]] = {}
        self.given = given  # events already chosen (the unsent ones of a notification), or None

    @classmethod
    def of(cls, db: Database, events: list[dict[str, Any]]) -> ReportData:
        return cls(db, given=events)

    @cached_property
    def events(self) -> list[dict[str, Any]]:
        if self.given is not None:
            return self.given
        return events(self.db, **self.filters, columns=JSON_KEYS)  # the columns every format shows

    def points(self, event: dict[str, Any]) -> list[dict[str, Any]]:
        """The points of the event's series (source, place, metric), one query per series."""
        key = (event["source_id"], event["place"], event["metric"])
        if key not in self.charts:
            self.charts[key] = series_points(self.db, *key)
        return self.charts[key]

    def json_lines(self, keys: tuple[str, ...]) -> list[str]:
        """One JSON object a line: built by SQLite from the filters, or here for events given."""
        if self.given is not None:
            return [json.dumps({k: e.get(k) for k in keys}, ensure_ascii=False) for e in self.events]
        return events_json(self.db, keys, **self.filters)
