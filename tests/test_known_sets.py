"""Cameras told as a set already there, in a sentence about the future: the whole of a set ("la totalité des 454
caméras"), and a set named first as what others join ("Aux 42 caméras …, la municipalité a choisi d'ajouter …")."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "number", "metric"), [
    ("La vidéoverbalisation passera par la totalité des 454 caméras du territoire communal.", "454", "cameras"),
    ("Les images de l'ensemble des 130 caméras seront transmises au commissariat.", "130", "cameras"),
    # what is still to be put up, though said of a whole
    ("La ville financera l'installation de l'ensemble des 20 caméras.", "20", "cameras_planned"),
    ("Aux 42 caméras qui parsèment les quartiers, la municipalité a choisi d'ajouter six caméras.", "42",
     "cameras"),
    ("Aux 160 caméras fixes viendront s'ajouter 6 caméras nomades.", "160", "cameras"),
    # a count first in the sentence with no joining verb after it keeps its own reading
    ("Aux 20 caméras prévues, il faudra un centre de supervision.", "20", "cameras_planned"),
    # joined by a participle, in a sentence of equipping: the ones there, "en fonction"
    ("La ville s'équipe de 12 nouvelles caméras s'ajoutant aux 73 déjà en fonction.", "73", "cameras"),
    ("Ces nouvelles caméras s'ajouteront aux 1144 déjà en fonction.", "1144", "cameras"),
])
def test_a_known_set(text: str, number: str, metric: str) -> None:
    at = text.index(number)
    figure, = [f for f in extract_text(text, place_hint="Vichy") if f.start <= at < f.end]
    assert figure.metric == metric


@pytest.mark.parametrize(("text", "metric"), [
    # a count whose own words say it is new, with a verb of having and no tense of installing: what was added
    ("Depuis aujourd'hui, la commune compte dix nouvelles caméras de vidéo-surveillance en service.",
     "cameras_added"),
    ("Si on prend 2020, il y a eu 400 nouvelles caméras en quelques semaines.", "cameras_added"),
    ("Ici, il y a deux caméras en plus, rajoutées exprès pour l'événement.", "cameras_added"),
    # "supplémentaires" is said of a stock as well
    ("Sur les parkings, nous disposons de 40 caméras supplémentaires.", "cameras"),
])
def test_new_ones_had(text: str, metric: str) -> None:
    figure, = [f for f in extract_text(text, place_hint="Vichy") if f.metric.startswith("cameras")]
    assert figure.metric == metric


@pytest.mark.parametrize(("text", "expected"), [
    # a rounded restatement of an exact figure: the most precise is kept (guidelines 2.7)
    ("Près de 25 000 euros pour la vidéoprotection\nLa Région a voté une aide de 24 439 € pour les caméras.",
     [("money_eur", 24439)]),
    ("La ville compte près de 400 caméras. Le dernier bilan en recense 394.", [("cameras", 394)]),
    # two statements that differ more than a rounding: both
    ("La ville compte désormais une cinquantaine de caméras. Le maire a parlé de « 48 caméras opérationnelles ».",
     [("cameras", 50), ("cameras", 48)]),
])
def test_a_rounded_restatement(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Vichy")
    assert [(f.metric, f.value) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a set linked to a centre is there already, whatever the decision to link it says of time
    ("Le conseil a voté le raccordement des 19 caméras de Rocquencourt au centre de supervision.", [("cameras", 19)]),
    # so is a set a centre to come will watch
    ("Le futur centre de supervision des 110 caméras de vidéoprotection de la ville permettra aux policiers d'agir "
     "plus vite.", [("cameras", 110)]),
    # the latest of a network, told without their noun: what was added last
    ("Le Puy compte 97 caméras. S'y ajoutent les caméras des parkings. « Les six dernières ont été posées il y a "
     "trois mois », indique le maire.", [("cameras", 97), ("cameras_added", 6)]),
    # and in the recent past
    ("Toulouse dispose désormais de 350 caméras. Les 15 dernières caméras viennent d'être installées ; elles achèvent "
     "le dispositif.", [("cameras", 350), ("cameras_added", 15)]),
])
def test_a_set_linked_or_the_last_ones(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Vichy")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_soon_opening_a_heading_is_the_counts_own_time() -> None:
    """ "Bientôt 80 caméras" at a line's start is to come, whatever "déjà" the run-on line after it says; and the
    capital "Le" of that next line names no district."""
    text = ("VIDÉOSURVEILLANCE\nBientôt 80 caméras\npour encore plus d'efficacité\nLe programme pluriannuel est déjà "
            "dépassé en nombre de caméras.")
    figure, = extract_text(text, place_hint="Montpellier")
    assert (figure.metric, figure.value, figure.place) == ("cameras_planned", 80, "Montpellier")
