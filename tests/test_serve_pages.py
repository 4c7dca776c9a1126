"""The pages people open on `vigicam serve` (issue 22 item 15): what Datasette asks SQLite for them. Their
speed under 50 clients is bench/bench_serve_pages.py's; here, that the counts and facets behind them read
an index, never every event with its sentences."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from datasette.app import Datasette

from storage import open_database
from tests.test_bad_storage import fill

# A facet of each column visitors filter `changes` by, and a filter on each (its page counts its rows).
PAGES = ("changes.json?_facet=kind&_facet=place&_facet=metric", "changes.json?kind=new",
         "changes.json?place=Dreux", "changes.json?metric=cameras")


def traced_sql(db_path: Path, page: str) -> list[tuple[str, dict]]:
    """The SQL Datasette ran on the events for `page` (its trace), with the parameters."""

    async def ask() -> list[tuple[str, dict]]:
        datasette = Datasette([str(db_path)], settings={"trace_debug": True, "suggest_facets": False})
        response = await datasette.client.get(f"/{db_path.stem}/{page}&_trace=1")
        assert response.status_code == 200, response.text
        traces = response.json()["_trace"]["traces"]
        return [(t["sql"], t["params"] or {}) for t in traces if "changes" in (t.get("sql") or "")]

    return asyncio.run(ask())


@pytest.mark.parametrize("page", PAGES)
def test_counts_and_facets_of_changes_read_an_index(db_path: Path, page: str) -> None:
    fill(db_path, 50)
    counts = [(sql, params) for sql, params in traced_sql(db_path, page) if "count(*)" in sql]
    assert counts, "no count or facet was traced"
    db = open_database(db_path)
    for sql, params in counts:
        plan = [row[3] for row in db.execute(f"explain query plan {sql}", params)]
        assert not [step for step in plan if step.startswith("SCAN changes") and "COVERING INDEX" not in step], (
            sql, plan)
