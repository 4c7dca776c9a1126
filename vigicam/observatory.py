"""`vigicam observatory`: the `observatory` view as CSV, GeoJSON or one self-contained HTML page.

The HTML page needs nothing from the network when it is opened: its style, its sort script and its map
are inline. The map is an SVG drawn from the gazetteer itself (a grid of town halls outlines
metropolitan France and Corsica; each watched place a dot sized by its cameras, coloured by its density);
overseas places are in the table and in the GeoJSON, not on this map.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from storage.latest import OBSERVATORY_COLUMNS, commune_cells, observatory_rows
from vigicam.markup import html_attribute, html_text
from vigicam.reporters import csv_cell, number, stated

EXPORTERS: dict[str, Callable[[Database], str]] = {}


def exporter(name: str) -> Callable[[Callable[[Database], str]], Callable[[Database], str]]:
    def register(func: Callable[[Database], str]) -> Callable[[Database], str]:
        EXPORTERS[name] = func
        return func

    return register


def plain(value: Any) -> Any:
    """180.0 → 180: a count reads as one (SQLite's REAL columns give floats)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


@exporter("csv")
def csv_export(db: Database) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(OBSERVATORY_COLUMNS)
    for row in observatory_rows(db):
        writer.writerow([csv_cell(plain(row[column])) for column in OBSERVATORY_COLUMNS])
    return buffer.getvalue()


@exporter("geojson")
def geojson_export(db: Database) -> str:
    """One Feature per place: a Point at its town hall (a group of communes at their mean), or no geometry
    when the gazetteer has no coordinates for it (France itself)."""
    features = [{
        "type": "Feature",
        "geometry": ({"type": "Point", "coordinates": [round(row["longitude"], 5), round(row["latitude"], 5)]}
                     if row["latitude"] is not None and row["longitude"] is not None else None),
        "properties": {k: plain(v) for k, v in row.items() if k not in ("latitude", "longitude")},
    } for row in observatory_rows(db)]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"


# The map's frame: metropolitan France and Corsica, in degrees, drawn with longitudes shrunk by the
# cosine of the middle latitude (an equirectangular projection, true enough at this scale).
WEST, EAST, SOUTH, NORTH = -5.3, 10.0, 41.2, 51.2
MAP_WIDTH = 560
SHRINK = math.cos(math.radians((SOUTH + NORTH) / 2))
SCALE = MAP_WIDTH / ((EAST - WEST) * SHRINK)
MAP_HEIGHT = round((NORTH - SOUTH) * SCALE)
GRID_STEP = 0.1  # degrees: the outline's cells, about 11 km by 7
DENSITY_COLOURS = ((0, "#fde68a"), (100, "#f59e0b"), (300, "#dc2626"), (1000, "#7f1d1d"))  # per 100,000


def _xy(latitude: float, longitude: float) -> tuple[float, float]:
    return (longitude - WEST) * SHRINK * SCALE, (NORTH - latitude) * SCALE


def _on_map(row: dict[str, Any]) -> bool:
    return (row["latitude"] is not None and row["longitude"] is not None
            and SOUTH <= row["latitude"] <= NORTH and WEST <= row["longitude"] <= EAST)


def _colour(per_100k: float | None) -> str:
    if per_100k is None:
        return "#9ca3af"
    return [colour for floor, colour in DENSITY_COLOURS if per_100k >= floor][-1]


def svg_map(db: Database, rows: list[dict[str, Any]]) -> str:
    cell = GRID_STEP * SCALE
    outline = "".join(f"M{x - cell / 2:.0f} {y - cell / 2:.0f}h{cell:.0f}v{cell:.0f}h-{cell:.0f}z"
                      for x, y in (_xy(lat, lon) for lat, lon in commune_cells(db, GRID_STEP)))
    largest = max((row["cameras"] or 0 for row in rows), default=0) or 1
    dots = []
    for row in sorted((r for r in rows if _on_map(r)), key=lambda r: -(r["cameras"] or 0)):  # small ones on top
        x, y = _xy(row["latitude"], row["longitude"])
        radius = 2 + 14 * math.sqrt((row["cameras"] or 0) / largest)
        stroke = ' stroke="#111" stroke-width="1.5"' if row["disagrees"] or row["density_disagrees"] else ""
        density = row["computed_per_100k"]
        tip = (f"{row['name']}: {stated(row['cameras'], row['qualifier'])} cameras"
               + ("" if density is None else f", {number(density)} per 100,000"))
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{_colour(row["computed_per_100k"])}"'
                    f' fill-opacity="0.85"{stroke}><title>{html_text(tip)}</title></circle>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" width="{MAP_WIDTH}" '
            f'height="{MAP_HEIGHT}" role="img" aria-label="map of the watched places">'
            f'<path fill="#e5e7eb" d="{outline}"/>{"".join(dots)}</svg>')


STYLE = """body{font:14px system-ui,sans-serif;margin:1.5em;color:#111}table{border-collapse:collapse}
th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}th{cursor:pointer;
background:#f3f4f6;position:sticky;top:0}td.n{text-align:right}.warn{color:#b91c1c}figure{margin:0 0 1.5em}"""
SORT_SCRIPT = """document.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{
const body=th.closest('table').tBodies[0],up=th.dataset.dir!=='asc';th.dataset.dir=up?'asc':'desc';
const key=r=>{const c=r.cells[i];return c.dataset.v!==undefined?(c.dataset.v===''?null:+c.dataset.v):c.textContent};
[...body.rows].sort((a,b)=>{const x=key(a),y=key(b);if(x===y)return 0;if(x===null)return 1;if(y===null)return -1;
return (x<y?-1:1)*(up?1:-1)}).forEach(r=>body.appendChild(r))}))"""
# (heading, column, numeric): the table's columns
TABLE = (("Place", "name", False), ("Kind", "kind", False), ("Code", "code", False), ("Cameras", "cameras", True),
         ("Date", "as_of", False), ("Population", "population", True), ("Per 100,000", "computed_per_100k", True),
         ("Stated per 100,000", "stated_per_100k", True), ("Pages", "statements", True), ("Source", "page_url", False))


def _cell(row: dict[str, Any], column: str, numeric: bool) -> str:
    value = row[column]
    if column == "page_url" and value:
        return f'<td><a href="{html_attribute(value)}">{html_text(value)}</a></td>'
    if column == "cameras":
        text = stated(value, row["qualifier"]) if value is not None else "—"
        warn = f' <span class="warn" title="{html_attribute(row["other_values"] or "")}">≠</span>' \
            if row["disagrees"] else ""
        return f'<td class="n" data-v="{"" if value is None else value}">{html_text(text)}{warn}</td>'
    if numeric:
        warn = ' <span class="warn" title="more than 10 % from the computed density">≠</span>' \
            if column == "stated_per_100k" and row["density_disagrees"] else ""
        return f'<td class="n" data-v="{"" if value is None else value}">{number(value)}{warn}</td>'
    return f"<td>{html_text(str(value if value is not None else ''))}</td>"


@exporter("html")
def html_export(db: Database) -> str:
    rows = observatory_rows(db)
    head = "".join(f"<th>{heading}</th>" for heading, _column, _numeric in TABLE)
    body = "".join("<tr>" + "".join(_cell(row, column, numeric) for _heading, column, numeric in TABLE) + "</tr>\n"
                   for row in rows)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>vigicam observatory</title>'
            f"<style>{STYLE}</style></head><body><h1>Video-surveillance cameras: the latest figure per place</h1>"
            f"<p>{len(rows)} places. Figures as the pages state them, not checked; density per 100,000 "
            "inhabitants computed from the population; ≠ marks pages that disagree (hover for theirs). "
            "Click a heading to sort.</p>"
            f"<figure>{svg_map(db, rows)}<figcaption>Metropolitan France and Corsica: a dot per place, its size "
            "the cameras, its colour the density (light under 100, orange under 300, red under 1,000 per 100,000); "
            "overseas places are in the table.</figcaption></figure>"
            f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>"
            f"<script>{SORT_SCRIPT}</script></body></html>\n")
