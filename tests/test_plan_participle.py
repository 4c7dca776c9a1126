"""A participle of intent right on the counted noun ("les 48 caméras prévues", "des 24 caméras annoncées") tells
a plan, whatever state the sentence gives part of it; unless the clause goes on to tell the plan done."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "value", "metric"), [
    ("Les vingt-cinq caméras prévues sont pour la plupart déjà en place dans les quatre zones.", 25,
     "cameras_planned"),
    ("Cinq des 48 caméras prévues dans le dispositif sont déjà posées, près de la gare.", 48, "cameras_planned"),
    ("On est bien loin des 24 caméras annoncées en 2012 par l'ancienne équipe.", 24, "cameras_planned"),
    # no noun: a feminine participle of intent after a bare number, even after what joins a set
    ("Le CSU est prêt. En plus des 43 prévues, il recevra les images des caméras des parkings.", 43,
     "cameras_planned"),
    ("Vingt mille caméras en France actuellement, soixante mille prévues d'ici à la fin de l'année prochaine.",
     60000, "cameras_planned"),
    # the clause tells the plan done
    ("Les vingt-six caméras de vidéo-surveillance annoncées par le maire sont en service.", 26,
     "cameras"),
    ("Les 30 caméras prévues ont été installées en mai dans le centre.", 30, "cameras_added"),
])
def test_a_planned_participle(text: str, value: float, metric: str) -> None:
    figure, = [f for f in extract_text(text, place_hint="Vichy") if f.value == value]
    assert figure.metric == metric
