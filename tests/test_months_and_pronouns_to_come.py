"""A count told ahead with a pronoun and a modal ("Elles devraient être 180"), and a month with no year in a
clause of the future, which is the month to come, not the nearest one (extractors.date_mentions)."""

import pytest

from extractors import extract_text


def test_a_pronoun_with_a_modal_restates_the_cameras_ahead() -> None:
    text = ("À ce jour 53 caméras sont opérationnelles sur les 108 caméras déjà installées. Elles devraient être "
            "180 à la fin de l'été, 240 en novembre et 360 début 2013.")
    figures = extract_text(text, place_hint="Marseille", published="2012-04-12")
    assert [(f.metric, f.value, f.date) for f in figures if f.metric == "cameras_planned"] == [
        ("cameras_planned", 180, None), ("cameras_planned", 240, "2012-11"), ("cameras_planned", 360, "2013")]


@pytest.mark.parametrize(("text", "date"), [
    ("D'ici novembre, la ville comptera au total 78 caméras.", "2017-11"),
    ("La ville compte 50 caméras ; elle en aura 78 en novembre.", "2017-11"),
    # said of the past, or of the last one: the nearest November
    ("La ville a installé 78 caméras en novembre.", "2016-11"),
    ("La convention signée en novembre dernier couvre 78 caméras.", "2016-11"),
])
def test_a_month_with_no_year(text: str, date: str) -> None:
    figure, = [f for f in extract_text(text, place_hint="Nouméa", published="2017-03-29") if f.value == 78]
    assert figure.date == date


@pytest.mark.parametrize(("text", "metric"), [
    # "s'équiper" in the present: the equipping is under way, the cameras are to come
    ("Le village s'équipe de neuf caméras placées à des endroits stratégiques.", "cameras_planned"),
    ("La commune s'équipe cette année de huit caméras de vidéoprotection.", "cameras_planned"),
    # done: the network there
    ("En 2019, la commune s'est équipée de huit caméras de vidéoprotection.", "cameras"),
])
def test_a_town_equipping_itself(text: str, metric: str) -> None:
    figure, = [f for f in extract_text(text, place_hint="Aubord") if f.metric.startswith("cameras")]
    assert figure.metric == metric


@pytest.mark.parametrize(("text", "value", "date"), [
    # brackets are a clause of their own: "aujourd'hui" outside does not make their count undated
    ("Au nombre de 980 aujourd'hui (elles étaient 150 en 2008), les caméras auraient permis 1 900 "
     "interpellations.", 150, "2008"),
    ("Selon l'étude, 81 % des villes sont désormais équipées de caméras (contre 73 % en 2015).", 73, "2015"),
    # brackets that tell no time take the sentence's
    ("Marseille va recevoir 330 caméras (1 M€) en 2022.", 1000000, "2022"),
])
def test_a_count_in_brackets_takes_their_time(text: str, value: float, date: str) -> None:
    figure, = [f for f in extract_text(text, place_hint="Nice", published="2014-03-17") if f.value == value]
    assert figure.date == date


@pytest.mark.parametrize(("text", "expected"), [
    # a deadline with its year is a time to come
    ("Chiffres :\n- 77 caméras aujourd'hui, 118 avant fin 2011", [("cameras", 77), ("cameras_planned", 118)]),
    # "avant" after a compared count tells when that count was
    ("Actuellement, on est autour de 380 caméras contre 310 avant notre mandat.", [("cameras", 380), ("cameras", 310)]),
])
def test_before_a_deadline_and_before_a_mandate(text: str, expected: list) -> None:
    figures = extract_text(text, place_hint="Nîmes", published="2010-06-01")
    assert [(f.metric, f.value) for f in figures] == expected
