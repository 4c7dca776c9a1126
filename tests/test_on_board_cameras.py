"""Cameras on board vehicles watch the vehicle, not a public space of the town: `other`, not `cameras`."""

import pytest

from extractors.pipeline import extract_text


@pytest.mark.parametrize(("text", "value"), [
    ("Le réseau de transport a installé quatre caméras dans chacun des véhicules.", 4),
    ("La RATP compte 1 500 caméras dans ses bus et cars.", 1500),
    ("La préfecture autorise jusqu'à quarante caméras installées sur des aéronefs.", 40),
    # the vehicle told first, equipped with the cameras, or the cameras on its roof
    ("La ville inaugure la scan-car : une voiture électrique dotée de quatre petites caméras.", 4),
    ("Muni de deux caméras sur son toit, le véhicule lit les plaques.", 2),
    ("Le système consiste en quatre caméras, placées sur le toit de la voiture.", 4),
])
def test_cameras_on_board_vehicles_are_other(text, value):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Beauvais")] == [("other", value)]


@pytest.mark.parametrize("text", [
    "La ville a installé quatre caméras sur le parking des bus.",
    "Plus de mille caméras vont être installées dans le métro.",
    "La commune a installé 12 caméras sur le toit de la mairie.",
    "Les voitures de la police passent devant les 12 caméras installées sur le toit du marché.",
])
def test_cameras_near_vehicles_or_in_stations_still_watch_a_place(text):
    assert [f.metric for f in extract_text(text, place_hint="Beauvais")] in (["cameras"], ["cameras_planned"])
