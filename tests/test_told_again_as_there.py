"""A count told again in words that say it is there ("les 1 037 caméras déjà existantes") was there when first
told: its first telling's kind, guessed from the future of its sentence, becomes a stock."""

import pytest

from extractors.pipeline import extract_text


def camera_kinds(text: str, place: str) -> list[tuple[str, float]]:
    return [(f.metric, f.value) for f in extract_text(text, place_hint=place) if f.metric.startswith("cameras")]


@pytest.mark.parametrize(("text", "place", "expected"), [
    # a future of use, then the set said to be there already
    ("1037 caméras de vidéosurveillance serviront à verbaliser sur 13 axes parisiens.\n\n"
     "Pour repérer les conducteurs fautifs, la préfecture utilisera les 1 037 caméras déjà existantes : un agent "
     "constatera l'infraction à l'écran.", "Paris", [("cameras", 1037)]),
    # a heading that went on with the future of the paragraph above, then its text
    ("Le dispositif sera déployé là où les infractions sont nombreuses.\n\n"
     "45 caméras de vidéo-protection mobilisées contre le stationnement\n\n"
     "À terme, grâce aux 45 caméras de vidéo-protection déjà installées sur le territoire, il deviendra possible "
     "de verbaliser à distance.", "Nanterre", [("cameras", 45)]),
])
def test_the_count_said_to_be_there_was_there_when_first_told(text: str, place: str,
                                                               expected: list[tuple[str, float]]) -> None:
    assert camera_kinds(text, place) == expected
    assert extract_text(text, place_hint=place)[0].why["metric"] == "told_again_as_there"  # --explain names it


@pytest.mark.parametrize("text", [
    # new ones, to come when first told: there since
    "D'ici novembre, vingt-quatre caméras supplémentaires vont être installées. La mise en service des 24 caméras "
    "installées sera fêtée en décembre.",
    # ones to put up when first told
    "Les habitants voteront sur l'installation de dix caméras. Les dix caméras installées filmeront la place.",
    # a plan dated: the plan of its day
    "Le conseil du 25 avril 2003 votera un dispositif de 40 caméras. Les 40 caméras installées seront reliées au "
    "commissariat.",
])
def test_a_plan_told_as_such_stays_a_plan(text: str) -> None:
    assert [kind for kind, _ in camera_kinds(text, "Nouméa")][:1] == ["cameras_planned"]
