"""`vigicam observatory --format csv|geojson|html`: real figures stored through the storage functions, the
CLI in-process, the exports read back."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from extractors.gazetteer import load_gazetteer
from storage import open_database
from tests.test_latest import DREUX, fig, store, two_sources
from vigicam.cli import cli

FRANCE = {"place": "France", "place_kind": "other", "place_code": "FR"}


@pytest.fixture
def filled(db_path):
    db = open_database(db_path)
    city, press = two_sources(db)
    store(db, city, "https://www.chartres.fr/securite", [fig(193, qualifier="approx"), fig(64, where=DREUX)],
          published="2024-01-10")
    store(db, press, 'https://press.example/chartres?a="<b>', [fig(180), fig(90_000, where=FRANCE)],
          published="2023-05-01")
    db.close()
    return db_path


def export(runner, db_path, fmt, *args):
    result = runner.invoke(cli, ["--db", str(db_path), "observatory", "--format", fmt, *args])
    assert result.exit_code == 0, result.output
    return result


def test_csv_has_one_row_per_place_most_cameras_first(runner, filled):
    rows = list(csv.DictReader(io.StringIO(export(runner, filled, "csv").stdout)))
    assert [(r["name"], r["cameras"], r["qualifier"]) for r in rows] == [
        ("France", "90000", "exact"), ("Chartres", "193", "approx"), ("Dreux", "64", "exact")]
    chartres = rows[1]
    assert (chartres["code"], chartres["as_of"], chartres["statements"], chartres["disagrees"]) == (
        "28085", "2024-01-10", "2", "1")
    assert chartres["other_values"] == '180.0 (https://press.example/chartres?a="<b>)'
    assert float(chartres["computed_per_100k"]) == round(193 * 100_000 / int(chartres["population"]), 1)


def test_geojson_places_each_point_at_its_town_hall(runner, filled):
    data = json.loads(export(runner, filled, "geojson").stdout)
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    town_hall = load_gazetteer().get("commune", "28085")
    assert by_name["Chartres"]["geometry"] == {"type": "Point", "coordinates": [town_hall.longitude,
                                                                                town_hall.latitude]}
    assert by_name["Chartres"]["properties"]["cameras"] == 193
    assert by_name["France"]["geometry"] is None  # no coordinates: in the data, on no map


def test_html_is_one_self_contained_page_with_a_sortable_table_and_a_map(runner, filled, tmp_path):
    out = tmp_path / "observatory.html"
    result = export(runner, filled, "html", "--output", str(out))
    assert result.stdout == "" and result.stderr.startswith(f"wrote {out} (html, ")
    page = out.read_text(encoding="utf-8")
    assert page.count("<tr>") == 4 and "<th>Per 100,000</th>" in page
    assert "addEventListener('click'" in page  # the sort
    assert page.count("<circle") == 2  # Chartres and Dreux; France is in the table only
    # nothing is fetched when the page is opened: no external script, style, image or font
    assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)=|url\(|@import""", page)
    assert '<td>Chartres</td>' in page and '<a href="https://www.chartres.fr/securite">' in page
    assert "&lt;b&gt;" in page and '"<b>' not in page  # a page's address is escaped


def test_without_a_database_it_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["--db", str(tmp_path / "none.db"), "observatory"])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: no database at ")


def test_an_empty_observatory_is_a_header(runner, db_path):
    open_database(db_path).close()
    assert export(runner, db_path, "csv").stdout.startswith("name,kind,code,cameras,")
    assert json.loads(export(runner, db_path, "geojson").stdout)["features"] == []
