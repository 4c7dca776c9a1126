"""A count that names a plan ("le plan « 1 000 caméras pour Paris »", "le projet 1000 caméras") is the plan's
count: planned, whatever its sentence tells of the plan (launched, debated, renewed)."""

import pytest

from extractors.pipeline import extract_text


@pytest.mark.parametrize("text", [
    "Paris : le plan 1 000 Caméras est lancé depuis le commissariat du XXe.",
    "Le collectif a manifesté contre le projet 1000 caméras, présenté au conseil.",
    "La deuxième phase du plan 100 caméras a de nouveau opposé la majorité et l'opposition, qui a voté "
    "contre le remplacement des anciens modèles.",
    "Le préfet est venu présenter le plan « 1 000 caméras » aux élus.",
])
def test_the_count_of_a_named_plan_is_planned(text: str) -> None:
    figures = [f for f in extract_text(text, place_hint="Paris") if f.metric.startswith("cameras")]
    assert [(f.metric, f.why["metric"]) for f in figures] == [("cameras_planned", "tense.named_plan")]


def test_a_plan_of_cameras_is_not_a_named_one() -> None:
    # "un plan de 40 caméras": a plan's size, read by the sentence's own time
    figures = extract_text("La ville a réalisé un plan de 40 caméras, toutes installées en 2019.", place_hint="Dreux")
    assert [f.why["metric"] for f in figures if f.metric.startswith("cameras")] != ["tense.named_plan"]
