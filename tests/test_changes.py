"""A local site whose page changes step by step, crawled for real: the exact events after each step."""

import pytest
import sqlite_utils

from storage.changes import compare_figures
from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from vigicam.cli import cli

HTML = {"Content-Type": "text/html; charset=utf-8"}


def page(body: str, date: str = "01/02/2023", banner: str = "Fermeture exceptionnelle lundi") -> bytes:
    return (f"<html><body><div class='alert'><p>{banner}</p></div><p>Publié le {date}</p>{body}"
            "</body></html>").encode()


STEPS = [
    # (what the page becomes, the events expected after the crawl)
    ("first version", page("<p>La ville compte plus de 450 caméras.</p><p>Six opérateurs travaillent au CSU.</p>"),
     [("new", "cameras", None, 450), ("new", "other", None, 6)]),
    ("only the date line changes", page("<p>La ville compte plus de 450 caméras.</p><p>Six opérateurs travaillent "
                                        "au CSU.</p>", date="15/03/2023"), []),
    ("banner changes and paragraphs swap", page("<p>Six opérateurs travaillent au CSU.</p><p>La ville compte plus "
                                                "de 450 caméras.</p>", banner="Élections : bureaux de vote"), []),
    ("the count goes up", page("<p>458 — c'est le nombre de caméras installées.</p><p>Six opérateurs travaillent "
                               "au CSU.</p>"), [("changed", "cameras", 450, 458)]),
    ("the site breaks", (500, HTML, b"boom"), [("source_failing", None, None, None)]),
    ("it is still broken", (500, HTML, b"boom"), []),
    ("it comes back as it was", page("<p>458 — c'est le nombre de caméras installées.</p><p>Six opérateurs "
                                     "travaillent au CSU.</p>"), [("source_recovered", None, None, None)]),
    ("a figure is removed", page("<p>458 — c'est le nombre de caméras installées.</p>"),
     [("withdrawn", "other", 6, None)]),
    ("the page disappears", (404, HTML, b"gone"), [("source_failing", None, None, None)]),
    ("it moves to a new address, with a redirect", {
        "/video.html": (301, {"Location": "/securite/videoprotection.html"}, b""),
        "/securite/videoprotection.html": (200, HTML, page("<p>458 — c'est le nombre de caméras installées.</p>")),
    }, [("source_recovered", None, None, None)]),  # the series goes on: same source, same figures
    ("the count goes down and gains 'plus de'", {
        "/securite/videoprotection.html": (200, HTML, page("<p>La ville compte plus de 440 caméras.</p>")),
    }, [("changed", "cameras", 458, 440)]),
]


@pytest.fixture
def server():
    s = RoutesServer({})
    yield s
    s.close()


def test_events_step_by_step(runner, db_path, server):
    url = f"{server.url}/video.html"
    assert runner.invoke(cli, ["--db", str(db_path), "sources", "add", url, "--place", "Dreux"]).exit_code == 0
    seen = 0
    for name, response, expected in STEPS:
        if isinstance(response, dict):
            server.routes.update(response)
        else:
            server.routes["/video.html"] = response if isinstance(response, tuple) else (200, HTML, response)
        result = run_vigicam(db_path, "crawl", "--delay", "0")
        assert result.returncode == 0, result.stderr
        rows = list(sqlite_utils.Database(db_path).query("select * from changes where id > ? order by id", [seen]))
        seen += len(rows)
        got = [(r["kind"], r["metric"], r["old_value"], r["new_value"]) for r in rows]
        assert got == expected, name
    db = sqlite_utils.Database(db_path)
    lower = list(db.query("select * from changes where kind = 'changed' order by id"))[-1]
    assert (lower["old_qualifier"], lower["new_qualifier"], lower["delta"]) == ("exact", "at_least", -18)
    assert lower["source_url"].endswith("/securite/videoprotection.html")  # where the figure now is
    changed = next(db.query("select * from changes where kind = 'changed'"))
    assert (changed["old_qualifier"], changed["new_qualifier"], changed["delta"]) == ("at_least", "exact", 8)
    assert "plus de 450" in changed["old_evidence"] and "458" in changed["new_evidence"]
    assert changed["old_fetch_id"] and changed["new_fetch_id"] and changed["place"] == "Dreux"


def test_report_formats(runner, db_path, server):
    server.routes["/v.html"] = (200, HTML, page("<p>La ville compte plus de 450 caméras.</p>"))
    runner.invoke(cli, ["--db", str(db_path), "sources", "add", f"{server.url}/v.html", "--place", "Dreux"])
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0
    server.routes["/v.html"] = (200, HTML, page("<p><script>alert(1)</script>&lt;script&gt;alert(2)&lt;/script&gt; "
                                                "La ville compte 458 caméras.</p>"))
    assert run_vigicam(db_path, "crawl", "--delay", "0").returncode == 0

    def report(*args):
        result = runner.invoke(cli, ["--db", str(db_path), "report", "--last-run", *args])
        assert result.exit_code == 0, result.output
        return result.stdout  # a warning goes to stderr

    assert "Dreux: cameras plus de 450 → 458 (+8)" in report()
    import json

    (event,) = json.loads(report("--format", "json"))
    assert {"kind", "place", "metric", "old_value", "new_value", "old_qualifier", "new_qualifier", "source_url",
            "detected_at", "old_evidence", "new_evidence"} <= set(event)
    html = report("--format", "html")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<mark>458</mark>" in html
    import xml.etree.ElementTree as ET

    feed = ET.fromstring(report("--format", "atom"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert feed.find("a:id", ns).text and feed.find("a:updated", ns).text
    titles = [e.find("a:title", ns).text for e in feed.findall("a:entry", ns)]
    assert titles == ["Dreux: cameras plus de 450 → 458 (+8)"]
    assert "alert(1)" not in html  # the page's own script never reaches the text
    assert report("--format", "csv").splitlines()[0].startswith("id,kind,place,metric")
    assert "Dreux" in report("--format", "markdown")
    assert report("--place", "Chartres") == "No change.\n"


def fig(value, qualifier="exact", metric="cameras", place="Dreux", date=None):
    return {"value": value, "qualifier": qualifier, "metric": metric, "place": place, "date": date}


def test_compare_figures_restated_and_dated_series():
    old = [fig(12, date="2014"), fig(106), fig(450, "at_least")]
    new = [fig(12, date="2014"), fig(110), fig(450, "at_least")]
    assert [(k.value, (o or {}).get("value"), (n or {}).get("value")) for k, o, n in compare_figures(old, new)] == [
        ("changed", 106, 110)]
