"""A bare count whose verb repeats, by its pronoun "le", the predicate of the clause before: "340 le seront"."""

import pytest

from extractors.pipeline import extract_text


@pytest.mark.parametrize(("text", "expected"), [
    ("240 caméras sont déjà en service. 340 le seront avant la fin de l'année.",
     [("cameras", 240), ("cameras_planned", 340)]),
    ("Quinze caméras sont déjà installées ; 23 le seront dans quelques semaines.",
     [("cameras", 15), ("cameras_planned", 23)]),
])
def test_a_count_that_repeats_the_predicate_before_counts_the_same_thing(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Marseille")] == expected


def test_a_count_that_repeats_a_predicate_of_other_things_is_no_camera_count():
    text = "Douze écoles ont été rénovées cette année. 8 le seront en 2026."
    assert not [f for f in extract_text(text, place_hint="Marseille") if f.metric.startswith("cameras")]
