"""One statement, one history row: a figure restated with the same value is not a second figure.

`restatements` links a page's figure to the one of its next version that says the same value with only
its date, its place's spelling, its qualifier or its words moved (storage/changes.py). `history` groups
figures by what they say, so each such restatement was a row of its own ("cameras 43, 2024" then "43,
2025"), as if a new figure had been stated. Here the rows a restatement links become one, read only:
the append-only tables stay as they are.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

STATED = ("place", "qualifier", "date")  # what a restatement may move and a history row shows


def _restated_pairs(db: Database, figure_ids: list[int]) -> list[tuple[int, int]]:
    """(old figure, new figure) of the restatements whose new figure is one of these."""
    return db.execute(
        "select old_figure_id, new_figure_id from restatements where old_figure_id is not null "
        "and new_figure_id in (select value from json_each(?))", [json.dumps(figure_ids)]).fetchall()


def _roots(pairs: list[tuple[int, int]], group_of: dict[int, int]) -> dict[int, int]:
    """Each history row's first row, following restatements (a union-find over the rows)."""
    parent = {row: row for row in set(group_of.values())}

    def root(row: int) -> int:
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    for old, new in pairs:
        if old in group_of and new in group_of:
            a, b = root(group_of[old]), root(group_of[new])
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {row: root(row) for row in parent}


def _newest_figure(row: dict[str, Any]) -> int:
    return max(int(fid) for fid in str(row["figure_ids"]).split(",") if fid)


def merge_restated(db: Database, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History rows (each with `figure_ids`, a comma-separated list, and `first_seen`, `last_seen`) with
    the rows of one restated statement made one: the latest spelling, date and qualifier it was seen
    with, seen first when its first row was, and `restated`, what it said before (oldest first; [] for a
    statement never restated). `figure_ids` is dropped."""
    group_of = {int(fid): n for n, row in enumerate(rows) for fid in str(row["figure_ids"]).split(",") if fid}
    roots = _roots(_restated_pairs(db, list(group_of)), group_of) if group_of else {}
    members: dict[int, list[dict[str, Any]]] = {}
    for n, row in enumerate(rows):
        members.setdefault(roots.get(n, n), []).append(row)
    merged = []
    for group in members.values():
        group.sort(key=lambda r: (r["last_seen"], _newest_figure(r)))  # the same second: the later figure
        latest = {k: v for k, v in group[-1].items() if k != "figure_ids"}
        latest["first_seen"] = min(r["first_seen"] for r in group)
        latest["restated"] = [{k: r[k] for k in STATED} for r in group[:-1]]
        merged.append(latest)
    return sorted(merged, key=lambda r: (r["metric"], r["first_seen"]))
