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


def restated_note(row: dict[str, Any]) -> str:
    """'  restated (before: date 2024, 2025)': what a figure said before that only its date, place's
    spelling or qualifier moved from (storage/restated.py); '' for a figure never restated. A history row
    is then the one statement it is, not one row per date the page gave it."""
    before: dict[str, list[str]] = {}
    for earlier in row.get("restated") or []:
        for key in ("date", "place", "qualifier"):
            if earlier[key] != row[key]:
                before.setdefault(key, []).append(earlier[key] or "-")
    said = "; ".join(f"{key} {', '.join(dict.fromkeys(values))}" for key, values in before.items())
    return f"  restated (before: {said})" if said else ""
