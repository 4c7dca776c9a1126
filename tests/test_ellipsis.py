"""An ellipsis of a past installation ("dont 17 l'ont été en 2023") counts what was added then, as "15 le
seront" counts what is to come (extractors/tense.py)."""

import pytest

from extractors import extract_text


def test_those_that_have_been_were_added() -> None:
    text = "La ville compte 71 caméras, dont 17 l'ont été durant l'année 2023."
    figures = {(f.metric, f.value) for f in extract_text(text, place_hint="Saint-Dizier")}
    assert {("cameras", 71), ("cameras_added", 17)} <= figures


@pytest.mark.parametrize(("text", "expected"), [
    # some of a thing vigicam does not count, named right before, are not cameras whatever the page is about
    ("La ville compte 30 caméras. Le 31 août, dix palettes de boissons quittent un entrepôt ; cinq d'entre elles ont "
     "été chargées en douce.", [("cameras", 30)]),
    # some of the cameras just counted are cameras
    ("La ville compte 30 caméras. Sept d'entre elles sont mobiles.", [("cameras", 30), ("cameras", 7)]),
])
def test_a_partitive_points_back_to_the_nearest_count(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Aulnay-sous-Bois")] == expected
