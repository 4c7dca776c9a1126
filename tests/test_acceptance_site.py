"""Issue 21's acceptance site: items 1, 2, 3, 5 and 6 all happen on one local site (tests/data/acceptance_site),
crawled four rounds with real Scrapy on 127.0.0.1, and after each round the events are exactly the true
ones: nothing more, nothing less.

The sources: Dreux's followed index (added first), Dreux's video-protection page (registered, and linked
from the index as `…#contenu`: item 3), the Agglo's followed news index, and Chartres' police page, whose server keeps a
stale Last-Modified and answers 304 to it while the text changes (item 5). The indexes lead to two pages
of other places: the Région's aid (its money and its rate are the Région's, not Dreux's) and a press
article on Vernouillet (item 2), which moves from one index to the other and back (item 3 again: a page
is one page whichever source reaches it).
  round 1  first sight: every figure is new.
  round 2  Dreux's "Mis à jour le" line moves and a banner appears, nothing else (item 1: the undated
           "à l'origine, 20 caméras" takes the page's date); Vernouillet 12 → 15; Chartres 119 → 127 and
           its CSU's hours, behind a 304 (hidden).
  round 3  with --full-fetch-every 1s: Chartres' first full fetch catches 119 → 127 and its hours (a
           text_changed: items 5 and 6 at once); Dreux 64 → 71, its
           date line moves again and its CSU paragraph changes with no figure (item 6: text_changed);
           the Vernouillet article leaves Dreux's index for the Agglo's and says 18.
  round 4  Chartres 127 → 135, caught at once (the Last-Modified is no longer sent); the Région's paragraph
           on its instruction delay changes with no figure (text_changed, the Région's); Dreux's date line
           and typography move (nothing); the Vernouillet article, unchanged, is back on Dreux's index only.
One crawl per round serves every assertion."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import sqlite_utils
from click.testing import CliRunner

from tests.conftest import run_vigicam
from tests.http_fixtures import RoutesServer
from vigicam.cli import cli

SITE = Path(__file__).parent / "data" / "acceptance_site"
HTML = {"Content-Type": "text/html; charset=utf-8"}
STALE = "Wed, 01 Feb 2023 10:00:00 GMT"
INDEX, DREUX, REGION = "/index.html", "/ville/videoprotection.html", "/region/aides-videoprotection.html"
VERNOUILLET, CHARTRES = "/presse/vernouillet-cameras.html", "/chartres/police-municipale.html"
AGGLO = "/agglo/actualites.html"
PAGES = [INDEX, DREUX, REGION, VERNOUILLET, CHARTRES, AGGLO]
CSU_BEFORE, CSU_AFTER = "du lundi au samedi", "tous les jours de la semaine"
DELAY_BEFORE, DELAY_AFTER = "avant la fin du trimestre", "dans un délai de deux mois"
HOURS_BEFORE, HOURS_AFTER = "du lundi au vendredi, de 8 heures à 20 heures", "tous les jours, de 7 heures à minuit"
BANNER = '<main id="contenu"><p class="banner">Travaux rue de la gare jusqu\'à la fin du mois.</p>'
LINK = '<li><a href="{}">{}</a></li>'
LINK_DREUX = LINK.format(VERNOUILLET, "Vernouillet étend sa vidéoprotection (revue de presse)")
LINK_AGGLO = LINK.format(VERNOUILLET, "Vernouillet : de nouvelles caméras")
WASTE = LINK.format("/agglo/dechets.html", "Collecte des déchets : les nouveaux horaires")
CVL, VERNOUILLET_28 = "Centre-Val de Loire", "Vernouillet (Eure-et-Loir)"  # as the extractors name them

# Each round: its edits to the pages as served (cumulative: page → [(old words, new words)]), the crawl's
# options, and its true events: (kind, place, metric, old value, new value, the page it is on).
ROUNDS: list[tuple[dict[str, list[tuple[str, str]]], list[str], list[tuple]]] = [
    ({}, [],
     [("new", "Dreux", "cameras", None, 64, DREUX), ("new", "Dreux / centre-ville", "cameras", None, 20, DREUX),
      ("new", CVL, "percent", None, 40, REGION), ("new", CVL, "money_eur", None, 1_500_000, REGION),
      ("new", VERNOUILLET_28, "cameras", None, 12, VERNOUILLET), ("new", "Chartres", "cameras", None, 119, CHARTRES)]),
    ({DREUX: [("12/03/2024", "02/09/2025"), ('<main id="contenu">', BANNER)],
      VERNOUILLET: [("12 caméras", "15 caméras")],
      CHARTRES: [("119 caméras", "127 caméras"), (HOURS_BEFORE, HOURS_AFTER)]}, [],
     [("changed", VERNOUILLET_28, "cameras", 12, 15, VERNOUILLET)]),
    ({DREUX: [("02/09/2025", "10/10/2025"), ("64 caméras", "71 caméras"), (CSU_BEFORE, CSU_AFTER)],
      INDEX: [(LINK_DREUX, "")], AGGLO: [(WASTE, LINK_AGGLO)], VERNOUILLET: [("15 caméras", "18 caméras")]},
     ["--full-fetch-every", "1s"],
     [("changed", "Chartres", "cameras", 119, 127, CHARTRES), ("text_changed", "Chartres", None, None, None, CHARTRES),
      ("changed", "Dreux", "cameras", 64, 71, DREUX),
      ("text_changed", "Dreux", None, None, None, DREUX), ("changed", VERNOUILLET_28, "cameras", 15, 18, VERNOUILLET)]),
    ({DREUX: [("10/10/2025", "15/11/2025"), ("aujourd'hui", "aujourd’hui")], REGION: [(DELAY_BEFORE, DELAY_AFTER)],
      CHARTRES: [("127 caméras", "135 caméras")], INDEX: [("</ul>", LINK_DREUX + "</ul>")],
      AGGLO: [(LINK_AGGLO, WASTE)]}, [],
     [("changed", "Chartres", "cameras", 127, 135, CHARTRES), ("text_changed", CVL, None, None, None, REGION)]),
]


def serve(server: RoutesServer, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        headers = {**HTML, "Last-Modified": STALE} if path == CHARTRES else HTML  # the lie: it never moves
        server.routes[path] = (200, headers, text.encode())


def invoke(db_path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def events_after(db_path: Path, seen: int, url: str) -> list[tuple]:
    db = sqlite_utils.Database(db_path)
    return [(r["kind"], r["place"], r["metric"], r["old_value"], r["new_value"], r["source_url"].removeprefix(url))
            for r in db.query("select * from changes where id > ? order by id", [seen])]


def crawl_rounds(db_path: Path, server: RoutesServer) -> list[dict]:
    """The sources, then the four rounds; per round: its events, the paths the server was asked, each page's
    request headers."""
    pages = {path: (SITE / path.lstrip("/")).read_text(encoding="utf-8") for path in PAGES}
    invoke(db_path, "sources", "add", server.url + INDEX, "--place", "Dreux", "--follow")
    invoke(db_path, "sources", "add", server.url + DREUX, "--place", "Dreux")
    invoke(db_path, "sources", "add", server.url + AGGLO, "--place", "Agglo du Pays de Dreux", "--kind",
           "intercommunalite", "--follow")
    invoke(db_path, "sources", "add", server.url + CHARTRES, "--place", "Chartres")
    rounds = []
    for edits, options, _true in ROUNDS:
        for path, changes in edits.items():
            for old, new in changes:
                assert old in pages[path], (path, old)
                pages[path] = pages[path].replace(old, new)
        serve(server, pages)
        server.hits.clear()
        server.requests.clear()
        seen = sqlite_utils.Database(db_path).execute("select coalesce(max(id), 0) from changes").fetchone()[0]
        if "--full-fetch-every" in options:
            time.sleep(1.1)  # the last full fetch must be older than the 1 s interval, however fast the crawls
        result = run_vigicam(db_path, "crawl", "--delay", "0", "--workers", "0", *options)
        assert result.returncode == 0, result.stderr
        rounds.append({"events": events_after(db_path, seen, server.url), "hits": list(server.hits),
                       "requests": dict(zip(server.hits, server.requests, strict=True))})
    return rounds


def test_four_rounds_make_exactly_the_true_events(db_path):
    """One test, so that pytest-xdist never splits it and crawls the site twice: the events of each round
    first (all four rounds in one comparison), then what each item leaves in the database."""
    server = RoutesServer({"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /admin/\n")})
    try:
        rounds = crawl_rounds(db_path, server)
    finally:
        server.close()
    assert [Counter(one["events"]) for one in rounds] == [Counter(true) for _edits, _options, true in ROUNDS]
    each_page_is_fetched_once_a_round_by_its_own_source(db_path, rounds)
    a_moved_date_line_is_recorded_never_reported(db_path)
    found_pages_figures_are_their_own_places(db_path)
    the_lying_last_modified_is_sent_once_then_never(db_path, rounds)
    the_quiet_paragraph_changes_are_stored_and_shown_only_with_all(db_path)


def each_page_is_fetched_once_a_round_by_its_own_source(db_path: Path, rounds: list[dict]) -> None:
    """Item 3: the Dreux page, registered and linked from the followed index, is asked once a round and its
    events are its own source's (source 2), never the index's; the article is asked once a round by the
    index that links to it."""
    for one in rounds:
        asked = sorted(hit for hit in one["hits"] if hit.endswith(".html"))
        assert asked == sorted(PAGES), one["hits"]
    db = sqlite_utils.Database(db_path)
    fetched = [(r["source_id"], r["url"].rsplit("/", 1)[1]) for r in db.query(
        "select source_id, url from fetches where url like '%/ville/videoprotection.html'")]
    assert fetched == [(2, "videoprotection.html")] * 4
    article = [r["source_id"] for r in db.query("select source_id from fetches where url like ? order by id",
                                                 ["%" + VERNOUILLET])]
    assert article == [1, 1, 3, 1]  # the article went from Dreux's index to the Agglo's and back
    assert {r["source_id"] for r in db.query("select source_id from changes where source_url like ?",
                                              ["%" + DREUX])} == {2}


def a_moved_date_line_is_recorded_never_reported(db_path: Path) -> None:
    """Item 1: the undated past count took the page's date, which moved three times; its value did not."""
    moved = [(r["metric"], r["value"], r["moved"], r["old_date"], r["new_date"]) for r in sqlite_utils.Database(
        db_path).query("select * from restatements order by id")]
    assert moved == [("cameras", 20, "date", "2024", "2025")]  # 2025 → 2025 in rounds 3 and 4: nothing moved
    rows = json.loads(invoke(db_path, "history", "Dreux", "--json"))  # one statement: one row, its latest date
    assert [(r["value"], r["date"], [was["date"] for was in r["restated"]]) for r in rows if r["value"] == 20] == [
        (20, "2025", ["2024"])]


def found_pages_figures_are_their_own_places(db_path: Path) -> None:
    """Item 2: nothing the index found is Dreux's, and the history of Dreux names only Dreux's page."""
    db = sqlite_utils.Database(db_path)
    found = {(r["place"], r["metric"]) for r in db.query(
        "select distinct place, metric from figures where document_id in (select document_id from fetches "
        "where url like '%/region/%' or url like '%/presse/%')")}
    assert found == {(CVL, "percent"), (CVL, "money_eur"), (VERNOUILLET_28, "cameras")}
    history = invoke(db_path, "history", "Dreux")
    assert DREUX in history and REGION not in history and VERNOUILLET not in history and INDEX not in history
    rows = json.loads(invoke(db_path, "history", "Vernouillet", "--json"))  # one page, whichever index led to it
    assert [(r["value"], r["source_url"].endswith(VERNOUILLET)) for r in rows] == [(12, True), (15, True), (18, True)]


def the_lying_last_modified_is_sent_once_then_never(db_path: Path, rounds: list[dict]) -> None:
    """Item 5: asked with the stale date in round 2 (304 to a change), in full from round 3 on; status says so."""
    sent = [one["requests"][CHARTRES].get("If-Modified-Since") for one in rounds]
    assert sent == [None, STALE, None, None]
    outcomes = [r["outcome"] for r in sqlite_utils.Database(db_path).query(
        "select outcome from fetches where url like ? order by id", ["%" + CHARTRES])]
    assert outcomes == ["new_content", "not_modified", "new_content", "new_content"]
    status = {"/" + r["url"].split("/", 3)[3]: r["validators"] for r in json.loads(invoke(db_path, "status", "--json"))}
    assert status[CHARTRES]["last_modified"] == "unreliable" and status[CHARTRES]["fetched"] == "in full"
    assert [status[path] for path in (INDEX, DREUX, AGGLO)] == [None, None, None]


def the_quiet_paragraph_changes_are_stored_and_shown_only_with_all(db_path: Path) -> None:
    """Item 6: each paragraph change no figure tells is one text_changed event with both paragraphs, left
    out of `report`, shown by `report --all`."""
    quiet = [(r["place"], r["detail"], r["old_evidence"], r["new_evidence"]) for r in sqlite_utils.Database(
        db_path).query("select * from changes where kind = 'text_changed' order by id")]
    said = {place: (old, new) for place, detail, old, new in quiet if detail == "changed"}
    assert sorted(place for place, *_ in quiet) == sorted(said) == sorted(["Dreux", "Chartres", CVL])
    for place, before, after in [("Dreux", CSU_BEFORE, CSU_AFTER), ("Chartres", HOURS_BEFORE, HOURS_AFTER),
                                 (CVL, DELAY_BEFORE, DELAY_AFTER)]:
        assert before in said[place][0] and after in said[place][1], said[place]
    assert "paragraph on video-surveillance" not in invoke(db_path, "report")
    everything = invoke(db_path, "report", "--all")
    assert everything.count("paragraph on video-surveillance changed (no figure changed)") == 3
