"""How French writes the noun after a count: inclusive writing, a scale word before "de caméras", the lens
for the camera, a rate per km²; and eval scoring the figures users get."""

import json
from pathlib import Path

import pytest

from extractors.evaluate import evaluate
from extractors.pipeline import extract_text


def _read(text: str) -> list[tuple[str, float]]:
    return [(f.metric, f.value) for f in extract_text(text, place_hint="Bapaume")]


@pytest.mark.parametrize("base", ["habitant·e·s", "habitant-e-s", "habitant.e.s", "habitant(e)s"])
def test_inclusive_writing_is_the_base_of_a_density(base):
    assert _read(f"Soit 1 caméra pour 158 {base}.") == [("cameras_per_100k", 632.91)]


def test_inclusive_writing_counts_a_population_but_women_are_not_one():
    assert _read("Ce bourg de 4 500 habitant·e·s a posé 12 caméras.")[0] == ("population", 4500)
    assert ("population", 2) not in _read("Deux habitantes ont porté plainte ; 12 caméras sont en place.")


@pytest.mark.parametrize(("text", "value"), [
    ("Une autre enquête a dénombré 1,85 million de caméras au Royaume-Uni.", 1_850_000),
    ("Les auteurs estimaient à 4,2 millions caméras au Royaume-Uni.", 4_200_000),
])
def test_a_scale_word_before_cameras_is_a_count_not_money(text, value):
    assert _read(text) == [("cameras", value)]


def test_a_scale_word_before_euros_stays_money():
    assert _read("La ville a dépensé 2 millions d'euros en caméras.") == [("money_eur", 2_000_000)]


@pytest.mark.parametrize("text", ["La vidéoprotection s'étend : sur les quelque 500 objectifs que compte la commune, "
                                  "la moitié filment le centre.",
                                  "Avec quelques 3.370 objectifs déployés, la vidéoprotection couvre la ville."])
def test_the_lens_stands_for_the_camera_where_cameras_are_the_topic(text):
    assert [m for m, _ in _read(text)] == ["cameras"]


@pytest.mark.parametrize(("text", "not_a_count"), [
    ("La vidéoprotection poursuit 3 objectifs : dissuader, élucider, rassurer.", 3),
    ("La vidéoprotection poursuit 12 objectifs : dissuader, élucider, rassurer.", 12),
    ("La pose de treize caméras dotées de vingt-cinq objectifs est terminée.", 25),
    ("Au total, 25 caméras (soit 56 objectifs) sont installées.", 56),
])
def test_goals_and_the_lenses_of_counted_cameras_are_no_camera_count(text, not_a_count):
    assert not_a_count not in [v for m, v in _read(text) if m.startswith("cameras")]


@pytest.mark.parametrize(("text", "value"), [("D'après lui, dix de ces caméras fonctionnent déjà.", 10),
                                            ("La ville a posé des caméras. Une quinzaine de ces caméras filment le "
                                             "centre.", 15)])
def test_a_part_of_cameras_named_before_is_a_count_of_cameras(text, value):
    assert _read(text) == [("cameras", value)]


def test_eval_scores_the_figures_users_get_not_implausible_ones(tmp_path: Path):
    """ "3 000 000 000 000 caméras", more than the world holds, is no count `vigicam extract` prints or storage
    keeps."""
    record = {"id": "x-001", "text": "Chongqing est observée par 3 000 000 000 000 caméras.", "title": None,
              "published": None, "place_hint": None, "source": "https://example.org/a", "figures": []}
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    table, _ = evaluate(corpus)
    assert table["camera_metrics"]["fp"] == 0


@pytest.mark.parametrize(("text", "value"), [
    ("La ville compte 780 caméras, soit quatorze au kilomètre carré.", 14),
    ("La ville a des caméras : elle en a six par kilomètre carré, davantage que ses voisines.", 6),
    ("Cela représente environ 12 caméras au km², un record.", 12),
])
def test_a_rate_per_square_kilometre_is_no_count(text: str, value: float) -> None:
    """A count per km² (in figures or in words) is a surface rate: `other`, with its words as its evidence."""
    figures = [f for f in extract_text(text, place_hint="Lyon") if f.value == value]
    assert [f.metric for f in figures] == ["other"]
    assert "carré" in figures[0].evidence or "km²" in figures[0].evidence
