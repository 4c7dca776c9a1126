"""What a report reads from the database, read only when a format asks for it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from storage.queries import changed_series_values, event_rows, events_json


class ReportData:
    """The events of one `vigicam report` (filtered by date, last run, places or ids), as rows of chosen
    columns or as JSON built by SQLite, and their series' points for charts."""

    def __init__(self, db: Database, *, since: str | None = None, last_run: bool = False,
                 places: list[str] | None = None, ids: list[int] | None = None, text: bool = False) -> None:
        self.db = db
        # `text`: with the quiet `text_changed` events (report --all), which are left out otherwise
        self.filters: dict[str, Any] = {"since": since, "last_run": last_run, "places": places, "ids": ids,
                                        "text": text}
        self.charts: dict[tuple, list[float]] | None = None

    @property
    def unfiltered(self) -> bool:
        """Whether the report holds every event that gives a series a value (and so all of each series)."""
        return not any(value for key, value in self.filters.items() if key != "text")

    @classmethod
    def of(cls, db: Database, events: list[dict[str, Any]]) -> ReportData:
        """A report of events already chosen (the unsent ones of a notification), whatever their kind."""
        return cls(db, ids=[e["id"] for e in events], text=True)

    def rows(self, columns: tuple[str, ...], expressions: dict[str, str] | None = None) -> sqlite3.Cursor:
        """The events as tuples of `columns`, 'headline' and 'trailer' or one of a format's `expressions`
        among them, read as they are used."""
        return event_rows(self.db, columns, expressions=expressions, **self.filters)

    def json_lines(self, keys: tuple[str, ...]) -> Iterator[str]:
        """One JSON object an event, built by SQLite, read as they are used."""
        return events_json(self.db, keys, **self.filters)

    def values(self, source_id: int, place: str | None, metric: str) -> list[float]:
        """The values of a series with a `changed` event in the report, oldest first, from all its events
        (all read at the first call)."""
        if self.charts is None:
            self.charts = changed_series_values(self.db, **self.filters)
        return self.charts.get((source_id, place, metric), [])
