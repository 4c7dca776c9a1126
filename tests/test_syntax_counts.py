"""Counts a pronoun or "en" stands for, found through the parse (extractors/syntax.py bare_count), read
through the whole extractor."""

import pytest

from extractors import extract_text

COUNTED = [
    ("Les caméras se sont multipliées. Au nombre de 980 aujourd'hui, elles couvrent la ville.", 980, "cameras"),
    ("La ville a misé sur les caméras : elles étaient 150 en 2008.", 150, "cameras"),
    ("Déjà équipée de 28 caméras, la municipalité envisage de la porter à 35.", 35, "cameras_planned"),
    ("Les caméras arrivent : un arrêté autorise la commune à en installer 23.", 23, "cameras_planned"),
    # the model hangs 67 on the adverb after it ("actuellement"), not on "nombre": syntax.hung_on climbs past it
    ("La ville a déployé de nouvelles caméras. Elles sont au nombre de 67 actuellement.", 67, "cameras"),
    # a four-digit attribute of "elles" is a count, not a year
    ("La mairie a fait poser des centaines de caméras. Elles seront 2000 à la fin du mandat.", 2000,
     "cameras_planned"),
    # a decade after the cameras ("des années 1970") is no plural the pronoun could stand for
    ("La préfecture a inventé les caméras de rue à la fin des années 1970. Elles étaient alors une centaine.", 100,
     "cameras"),
]
NOT_COUNTED = [
    ("La vidéoprotection du parc : les entreprises du site, au nombre de 2 500, seront consultées.", 2500),
    ("La ville a installé 10 caméras. « Nous aurions préféré en avoir 15 », reconnaît le maire.", 15),
    # a plural noun after the cameras is what the pronoun stands for
    ("La préfecture a relié les caméras de rue aux écrans des policiers. Elles étaient alors une centaine.", 100),
]


@pytest.mark.parametrize(("text", "value", "metric"), COUNTED)
def test_a_pronoun_count_is_read(text: str, value: int, metric: str) -> None:
    figures = [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]
    assert (metric, value) in figures


@pytest.mark.parametrize(("text", "value"), NOT_COUNTED)
def test_what_is_not_a_camera_count(text: str, value: int) -> None:
    assert value not in [f.value for f in extract_text(text, place_hint="Lens")]


PARTS = [
    ("La ville dispose de 4 500 caméras. Trois cents appartiennent à des bailleurs, 1 200 sont sur la voie publique.",
     1200, "cameras"),
    ("Le réseau compte 52 caméras, dont 40 fixes et 12 dites nomades.", 12, "cameras"),
    ("Le projet prévoit 14 caméras : 12 simples et 2 multidirectionnelles.", 12, "cameras_planned"),
    ("La commune installera 15 caméras. Onze seront fixes.", 11, "cameras_planned"),
]
NOT_PARTS = [
    ("La ville compte 40 caméras, qui filment 24 heures sur 24 et 7 j/7.", 7),
    ("La ville compte 40 caméras. Elle en voudrait 60 de plus.", 60),  # larger than the total: no part of it
]


@pytest.mark.parametrize(("text", "value", "metric"), PARTS)
def test_a_part_of_a_total_takes_its_kind(text: str, value: int, metric: str) -> None:
    assert (metric, value) in [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]


@pytest.mark.parametrize(("text", "value"), NOT_PARTS)
def test_what_is_no_part_of_a_total(text: str, value: int) -> None:
    assert ("cameras", value) not in [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]


def test_a_multiplier_is_no_count() -> None:
    text = "En 2001, Lyon comptait 150 caméras. On en dénombre près de quatre fois plus aujourd'hui."
    assert 4 not in [f.value for f in extract_text(text, place_hint="Lyon")]


@pytest.mark.parametrize(("text", "value", "counted"), [
    ("Le nombre de caméras (96) a doublé depuis 2015.", 96, True),
    ("La ville avait déjà des caméras – 120, soit six par kilomètre carré – et n'en veut pas d'autres.", 120, True),
    ("Les caméras de voie publique (397) sont reliées au centre de supervision.", 397, True),
    # a note's mark, and an amount in brackets, are no counts
    ("Le maire croit en la dissuasion par les caméras de surveillance (1).", 1, False),
    ("Un investissement d'un million d'euros pour les caméras (800 000) et la fibre (200 000).", 800000, False),
])
def test_a_count_alone_in_an_aside_after_the_cameras(text: str, value: int, counted: bool) -> None:
    figures = [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]
    assert (("cameras", value) in figures) is counted
