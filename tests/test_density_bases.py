"""Densities whose base is told in other words than "N habitants", or whose count has words after it."""

import pytest

from extractors.pipeline import extract_text


def test_a_demonym_is_the_base_of_a_density():
    text = "À Nice, le ratio est d'une caméra pour 272 Niçois."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Bapaume")] == [("cameras_per_100k", 367.65)]


def test_a_place_phrase_between_the_count_and_its_base_keeps_the_density():
    text = "Besançon compte 189 caméras sur la voie publique pour 100 000 habitants."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Besançon")] == [("cameras_per_100k", 189)]


def test_a_hedge_on_the_base_bounds_the_density_the_other_way():
    """Fewer inhabitants per camera is more cameras per inhabitant: "pour moins de 300" is at least 333."""
    cases = {
        "La commune compte une caméra pour moins de 300 habitants.": (333.33, "at_least"),
        "La ville compte une caméra pour un peu plus de 1.500 habitants.": (66.67, "at_most"),
        "Le bourg aura une caméra pour près de 100 habitants.": (1000, "approx"),
    }
    for text, (value, qualifier) in cases.items():
        figures = extract_text(text, place_hint="Bapaume")
        assert [(f.metric, f.value, f.qualifier) for f in figures] == [("cameras_per_100k", value, qualifier)], text


@pytest.mark.parametrize("text", ["La commune compte une caméra pour à peine 85 habitants.",
                                  "La commune compte une caméra pour… 85 habitants."])
def test_a_word_that_hedges_nothing_before_the_base_keeps_the_density_exact(text):
    figures = extract_text(text, place_hint="Bapaume")
    assert [(f.metric, f.value, f.qualifier) for f in figures] == [("cameras_per_100k", 1176.47, "exact")]


def test_a_slash_before_the_base_is_a_rate():
    text = "À Londres, on compte 68,4 caméras/1.000 habitants."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Bapaume")] == [("cameras_per_100k", 6840)]


def test_one_camera_named_with_its_complement_per_so_many_inhabitants_is_a_density():
    text = "Une caméra de vidéosurveillance\npour 140 habitants, c'est le ratio de la ville."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Cannes")] == [("cameras_per_100k", 714.29)]


@pytest.mark.parametrize(("text", "value"), [
    # one camera named by a stand-in noun, or as each one's: the same rate
    ("Le village est équipé de 12 caméras, soit un appareil pour 274 habitants.", 364.96),
    ("La ville compte 40 caméras de vidéoprotection. Cela fait un objectif pour 160 habitants.", 625.0),
    ("L'opposition ironise : à chacun sa caméra pour 209 habitants.", 478.47),
])
def test_one_stand_in_or_each_ones_camera_per_so_many_inhabitants_is_a_density(text, value):
    figures = extract_text(text, place_hint="Lognes")
    assert [(f.metric, f.value) for f in figures if f.metric == "cameras_per_100k"] == [("cameras_per_100k", value)]
    assert not [f for f in figures if f.metric == "population"]


@pytest.mark.parametrize(("text", "expected"), [
    # a base whose noun a rate said just before leaves out
    ("Nice compte une caméra pour 330 habitants, contre une caméra pour 4 212 à Bordeaux.",
     [("cameras_per_100k", 303.03), ("cameras_per_100k", 23.74)]),
    ("Avec une caméra pour 20 habitants, les villages sont les mieux équipés : Aspremont (une pour 48).",
     [("cameras_per_100k", 5000.0), ("cameras_per_100k", 2083.33)]),
    # after one camera per so many, the next number is the next place's base …
    ("La ville a une caméra pour 340 habitants, là où Paris en a une pour 1 100, Lyon 1 700.",
     [("cameras_per_100k", 294.12), ("cameras_per_100k", 90.91), ("cameras_per_100k", 58.82)]),
    # … unless it restates the count
    ("Le réseau, avec 1 caméra pour 109 habitants – soit 690 sur le territoire –, est le plus dense.",
     [("cameras_per_100k", 917.43), ("cameras", 690)]),
    # a price is no base
    ("Avec une caméra pour 90 habitants, la commune a installé une caméra pour 3 000 euros.",
     [("cameras_per_100k", 1111.11), ("money_eur", 3000)]),
])
def test_a_base_left_unsaid(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Cannes")
    assert [(f.metric, round(f.value, 2)) for f in figures] == expected


@pytest.mark.parametrize(("text", "value"), [
    ("Cinquante caméras d'ici la fin de l'année, soit un ratio de deux caméras pour mille habitants.", 200),
    ("Le quartier compterait 370 caméras pour cent mille habitants.", 370),
    ("La ville vise 12 caméras pour dix mille habitants.", 120),
])
def test_a_base_written_in_words_is_a_rate_base(text, value):
    figures = extract_text(text, place_hint="Roissy-en-Brie")
    assert ("cameras_per_100k", value) in [(f.metric, f.value) for f in figures]


@pytest.mark.parametrize(("text", "value"), [
    # pages typed without accents write "camera": the same rate, either way round
    ("Le maire vise une moyenne de 1 camera pour 50 habitants.", 2000),
    ("La commune compte 560 habitants par camera.", 178.57),
])
def test_an_unaccented_camera_per_so_many_inhabitants_is_a_density(text, value):
    figures = extract_text(text, place_hint="Lognes")
    assert [(f.metric, f.value) for f in figures] == [("cameras_per_100k", value)]
