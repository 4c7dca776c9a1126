"""Counts French writes with a definite article on an approximation ("le millier de caméras", "la bonne
cinquantaine de caméras") or with a time said in several words between "en" + verb and the number ("on en
compte à ce jour 80")."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Nous approchons le millier de caméras réparties dans tous les arrondissements.", 1000, "approx"),
    ("Les opérateurs épluchent les images que renvoie la bonne cinquantaine de caméras.", 50, "approx"),
    ("La ville a investi dans les caméras. On en compte à ce jour 80.", 80, "exact"),
    ("La ville a investi dans les caméras. Elle en possède à l'heure actuelle 80.", 80, "exact"),
    ("La ville a investi dans les caméras. Elle en exploite pour l'instant 35.", 35, "exact"),
])
def test_the_count_is_read(text: str, value: float, qualifier: str) -> None:
    cameras = [(f.value, f.qualifier) for f in extract_text(text, place_hint="Arras") if f.metric == "cameras"]
    assert cameras == [(value, qualifier)]


@pytest.mark.parametrize("text", [
    "Le maire en avait fait l'un des douze engagements de sa campagne pour les caméras.",
    "Des caméras ? On en a assez de payer deux fois.",
])
def test_words_after_en_that_are_no_count_of_cameras(text: str) -> None:
    assert [f for f in extract_text(text, place_hint="Arras") if f.metric.startswith("cameras")] == []


@pytest.mark.parametrize("text", [
    "Le maire veut multiplier par quatre le nombre de caméras.",
    "Le candidat entend aussi multiplier par 3,5 le nombre de caméras de vidéosurveillance.",
    "Le nombre de caméras sera divisé par deux.",
])
def test_a_factor_is_no_count(text: str) -> None:
    """Guidelines 2.2: multipliers are not annotated ("multiplié par trois")."""
    assert [f for f in extract_text(text, place_hint="Arras") if f.metric.startswith("cameras")] == []


def test_one_device_per_so_many_inhabitants_is_a_density() -> None:
    """ "soit 1 appareil pour 112 habitants", as "un appareil pour": a density, not a population of 112."""
    figures = extract_text("Le maire compte installer 25 caméras, soit 1 appareil pour 112 habitants.",
                           place_hint="Saint-Martin-de-Londres")
    assert [(f.metric, f.value) for f in figures] == [("cameras_planned", 25), ("cameras_per_100k", 892.86)]
