"""Sources that disagree: for one place, metric and date, their latest statements differ."""

from __future__ import annotations

from typing import Any


def disagreements(rows: list[dict[str, Any]]) -> set[tuple[str, str | None, str]]:
    """(metric, date, place) of series where two sources' latest values differ (a city page at 148
    while a newspaper says 150)."""
    latest: dict[tuple[str, str | None, str], dict[str, float]] = {}
    for row in sorted(rows, key=lambda r: r["last_seen"]):
        key = (row["metric"], row["date"], row["place"])
        latest.setdefault(key, {})[row["source_url"]] = row["value"]
    return {key for key, by_source in latest.items() if len(set(by_source.values())) > 1}
