"""Words that look like a cue and are not one: "démontrée" (shown) is not "démontée" (taken down), and a
relative clause in the conditional ("qui seraient") does not say the cameras are there."""

import pytest

from extractors.pipeline import extract_text


def kinds(text: str) -> list[tuple[str, float]]:
    return [(f.metric, f.value) for f in extract_text(text, place_hint="Le Puy-en-Velay")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Une étude a démontré l'intérêt de 15 caméras au centre.", [("cameras", 15)]),
    ("Une efficacité démontrée\n67. C'est le nombre de caméras que compte la ville.", [("cameras", 67)]),
    # taken down: counted apart, as other damaged cameras
    ("Trois caméras ont été démontées la semaine dernière.", [("other", 3)]),
    ("La ville a démonté 4 caméras devenues inutiles.", [("other", 4)]),
])
def test_shown_is_not_taken_down(text: str, expected: list[tuple[str, float]]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le premier adjoint évoque 23 caméras qui seraient un moyen supplémentaire d'assurer la sécurité.",
     [("cameras_planned", 23)]),
    # the present and the imperfect of the count's own relative clause: there
    ("Les 300 caméras qui surveillent la ville sont reliées au centre.", [("cameras", 300)]),
    ("Les 40 caméras qui filmaient la gare ont été remplacées.", [("cameras", 40)]),
])
def test_a_conditional_relative_is_no_present(text: str, expected: list[tuple[str, float]]) -> None:
    assert kinds(text) == expected
