"""`vigicam sources discover`: the real gazetteer, a real SQLite file, the CLI in-process."""

from __future__ import annotations

import pytest
import sqlite_utils

from storage import open_database
from vigicam.cli import cli
from vigicam.discovery import Selection, discover, site_url


def invoke(runner, db_path, *args):
    return runner.invoke(cli, ["--db", str(db_path), "sources", *args])


def source_rows(db_path):
    return list(sqlite_utils.Database(db_path).query(
        "select url, place, place_code, kind, every, follow, enabled, removed_at from sources order by id"))


def test_a_departement_is_registered_once_with_its_codes(runner, db_path):
    first = invoke(runner, db_path, "discover", "--departement", "28", "--min-population", "15000", "--every", "2w")
    assert first.exit_code == 0, first.output
    rows = source_rows(db_path)
    assert {r["place_code"]: r["url"] for r in rows} == {
        "28085": "https://www.chartres.fr/", "28134": "https://dreux.com/", "28218": "https://www.xn--luc-dma.fr/"}
    assert {(r["kind"], r["every"], r["follow"], r["enabled"]) for r in rows} == {("commune", 1_209_600, 1, 1)}
    assert "added                       28085  Chartres" in first.output
    assert first.output.splitlines()[-1] == "Eure-et-Loir (28): 3 communes, 3 added (followed every 2w)"
    second = invoke(runner, db_path, "discover", "--departement", "28", "--min-population", "15000")
    assert second.exit_code == 0
    assert source_rows(db_path) == rows
    assert second.output.splitlines()[-1] == ("Eure-et-Loir (28): 3 communes, 0 added (followed every 1w), "
                                              "3 already followed")


def test_a_site_added_by_hand_in_another_spelling_is_not_added_again(runner, db_path):
    assert invoke(runner, db_path, "add", "HTTP://Chartres.FR", "--place", "Chartres", "--follow").exit_code == 0
    result = invoke(runner, db_path, "discover", "--commune", "Chartres")
    assert result.exit_code == 0
    assert "already followed            28085  Chartres                         https://www.chartres.fr/ (source 1, " \
           "Chartres)" in result.output
    assert [r["url"] for r in source_rows(db_path)] == ["http://chartres.fr/"]


def test_a_page_followed_by_hand_is_not_the_site(runner, db_path):
    """A followed page deep in the site does not stand for its home page: discovery adds the site."""
    invoke(runner, db_path, "add", "https://www.chartres.fr/police-municipale", "--place", "Chartres", "--follow")
    assert invoke(runner, db_path, "discover", "--commune", "28085").exit_code == 0
    assert [r["url"] for r in source_rows(db_path)] == ["https://www.chartres.fr/police-municipale",
                                                        "https://www.chartres.fr/"]


def test_a_site_the_user_removed_stays_removed(runner, db_path):
    invoke(runner, db_path, "discover", "--commune", "Chartres")
    invoke(runner, db_path, "remove", "https://www.chartres.fr/")
    result = invoke(runner, db_path, "discover", "--commune", "Chartres")
    assert "removed by hand, left alone" in result.output
    assert [r["removed_at"] is not None for r in source_rows(db_path)] == [True]


def test_two_communes_sharing_one_site_make_one_source(db_path):
    """Candé and Chazé-sur-Argos both give http://www.sic-candeen.fr: the site is followed once, for the
    most populous."""
    db = open_database(db_path)
    found = discover(db, Selection(epci="244900809"), 604_800)
    shared = [o for o in found.outcomes if o.url == "http://www.sic-candeen.fr/"]
    assert [(o.place.name, o.action) for o in shared] == [("Candé", "added"), ("Chazé-sur-Argos", "followed")]
    assert [r["place"] for r in source_rows(db_path) if r["url"] == "http://www.sic-candeen.fr/"] == ["Candé"]


def test_an_epci_is_its_communes_with_a_site(runner, db_path):
    result = invoke(runner, db_path, "discover", "--epci", "200033181", "--dry-run")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == ("Chartres Métropole (200033181): 66 communes, 54 would add (followed "
                                              "every 1w), 12 no website known — dry run, nothing written")
    assert not db_path.exists()  # a dry run leaves no database behind


def test_dry_run_on_a_database_writes_nothing(runner, db_path):
    invoke(runner, db_path, "discover", "--commune", "Dreux")
    result = invoke(runner, db_path, "discover", "--departement", "28", "--min-population", "15000", "--dry-run")
    assert "would add" in result.output and "already followed            28134  Dreux" in result.output
    assert [r["place_code"] for r in source_rows(db_path)] == ["28134"]


@pytest.mark.parametrize("args, message", [
    (("--departement", "99"), "Error: unknown département code '99' (départements are 01 to 95, 2A, 2B and 971 "
                              "to 976)"),
    (("--departement", "Eure-et-Loir"), "Error: unknown département code 'Eure-et-Loir'; did you mean 28 "
                                        "(Eure-et-Loir)?"),
    (("--region", "99"), "Error: unknown région code '99' (régions are 01 to 06 and 11 to 94, e.g. 24 for "
                         "Centre-Val de Loire)"),
    (("--epci", "123"), "Error: unknown SIREN '123': an intercommunalité's SIREN has 9 digits"),
    (("--commune", "Chartrse"), "Error: no commune is called 'Chartrse'; did you mean Chartres, La Châtre or Charre?"),
    (("--commune", "99999"), "Error: no commune has the INSEE code '99999'"),
    (("--commune", "Saint-Denis"), "Error: 4 communes are called 'Saint-Denis': give the INSEE code, e.g. 97411 "
                                   "(La Réunion), 93066 (Seine-Saint-Denis), 11339 (Aude), 30247 (Gard)"),
], ids=lambda value: " ".join(value) if isinstance(value, tuple) else "")
def test_a_users_mistake_is_one_line_and_writes_nothing(runner, db_path, args, message):
    result = invoke(runner, db_path, "discover", *args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message]
    assert result.stdout == ""
    assert not db_path.exists() or source_rows(db_path) == []


def test_one_selector_exactly(runner, db_path):
    assert invoke(runner, db_path, "discover").exit_code == 2
    assert invoke(runner, db_path, "discover", "--all", "--region", "24").exit_code == 2


def test_vernon_is_the_town_not_the_hamlets(runner, db_path):
    """A name shared with villages a tenth of its size means the town; the line shows which was taken."""
    result = invoke(runner, db_path, "discover", "--commune", "Vernon", "--dry-run")
    assert result.exit_code == 0
    assert "27681" in result.output


def test_a_former_commune_is_discovered_through_the_commune_it_joined(runner, db_path):
    """Oullins merged into Oullins-Pierre-Bénite (69149) in 2024: its site is the new commune's."""
    result = invoke(runner, db_path, "discover", "--commune", "Oullins", "--dry-run")
    assert result.exit_code == 0
    assert "Oullins-Pierre-Bénite (69149)" in result.output


@pytest.mark.parametrize("site, url", [
    ("https://www.arbent.fr/", "https://www.arbent.fr/"),
    ("http://www.ambutrix.fr", "http://www.ambutrix.fr/"),
    ("mairie-chouvigny.fr", "http://mairie-chouvigny.fr/"),
    ("mairiedesavilly@orange.fr", None),
    ("vpernot.mairie@gmail.com", None),
])
def test_the_gazetteers_site_as_a_url(site, url):
    assert site_url(site) == url
