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


@pytest.mark.parametrize("text", [
    "Les contrôleurs sont désormais équipés de caméras-piétons. Seize caméras pour le moment, confiées aux chefs "
    "d'équipe.",
    "Un décret autorise les policiers municipaux à porter ces caméras. Depuis quinze jours, les patrouilles en sont "
    "équipées : 80 petites caméras ont été achetées puis distribuées.",
])
def test_cameras_worn_by_agents_the_sentences_before_speak_of_are_other(text):
    assert [f.metric for f in extract_text(text, place_hint="Montpellier")] == ["other"]


@pytest.mark.parametrize("text", [
    # a network named after the body cameras: the town's cameras
    "Les policiers portent des caméras-piétons. Les agents du centre de supervision regardent 45 caméras.",
    "Ces caméras individuelles sont un autre outil. Rien à voir avec les 70 caméras que nous avons dans l'espace "
    "public, regardées par un policier.",
])
def test_a_network_told_after_body_cameras_stays_cameras(text):
    assert [f.metric for f in extract_text(text, place_hint="Grenoble")] == ["cameras"]


def test_a_series_of_the_number_of_body_cameras_is_other():
    """ "faisant passer de 5 à 9 le nombre de caméras piétons": both ends count body cameras."""
    text = "Le préfet a donné son accord, faisant passer de 5 à 9 le nombre de caméras piétons en service."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Beauvais")] == [("other", 5), ("other", 9)]
    network = "Le conseil a voté, faisant passer de 5 à 9 le nombre de caméras en service."
    assert [f.metric.startswith("cameras") for f in extract_text(network, place_hint="Beauvais")] == [True, True]


@pytest.mark.parametrize(("text", "metric"), [
    # cameras worn ("portées"), or told carried by agents after their noun, are body cameras
    ("Ainsi, sur près de 64 500 caméras portées, seuls 2 564 enregistrements ont été déclenchés.", "other"),
    ("La police municipale dispose de 8 caméras mobiles, embarquées dans les véhicules ou portées par les agents.",
     "other"),
    # cameras fixed on the agent's vest or uniform are worn
    ("Les policiers recevront 8 caméras à fixer sur le gilet pare-balles.", "other"),
    ("Quatre caméras clipsées sur la tenue des agents ont été commandées.", "other"),
    # cameras brought to a total are no worn ones
    ("Les 40 caméras portées à 50 d'ici 2025.", "cameras_planned"),
    # cameras fixed on poles are the network's
    ("Huit caméras fixées sur les poteaux de la place seront installées.", "cameras_planned"),
])
def test_cameras_told_worn_are_other(text, metric):
    assert [f.metric for f in extract_text(text, place_hint="Beauvais")][:1] == [metric]


@pytest.mark.parametrize(("text", "expected"), [
    # one camera per crew or agent: cameras worn, not a network's
    ("La ville de Poissy a fait l'acquisition de douze caméras, soit une par équipage ou patrouille.",
     [("other", 12)]),
    ("À terme, la police municipale devrait être équipée de 15 caméras, soit une par équipage.", [("other", 15)]),
    # one per district is a network's spread
    ("La ville compte 40 caméras, soit une par quartier.", [("cameras", 40)]),
])
def test_one_camera_per_crew_is_worn(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Lognes")] == expected
