"""A clause joined after a count says its own time: "a déployé 14 400 caméras et s'est fixé un objectif de
25 000", "est passé de 50 à 300, et atteindra bientôt 450" (extractors.segments.CLAUSE_SPLIT_RE,
extractors.count_scope.CLAUSE_BREAK_RE, before_soon_another, up_to_joined_clause)."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "expected"), [
    # a reflexive verb after "et" is a second verb of the same subject, with a tense of its own
    ("La SNCF a déployé 14 400 caméras et s'est fixé un objectif de 25 000 caméras pour les trois prochaines "
     "années.", [("cameras", 14400), ("cameras_planned", 25000)]),
    # a bracket that goes on with "et", and the verb before "bientôt", are the next count's
    ("Sous ce mandat, le nombre de caméras est passé de 50 à plus de 300 (et atteindra bientôt 450).",
     [("cameras", 50), ("cameras", 300), ("cameras_planned", 450)]),
    # what a total comes to is said by the sentence but for the clause joined after it
    ("Le nombre de caméras est passé de 42 à 64, et le maire souhaite en installer bientôt une centaine.",
     [("cameras", 42), ("cameras", 64), ("cameras_planned", 100)]),
    # not a total whose own sentence is to come
    ("Vingt caméras seront installées, portant le total à 76.", [("cameras_planned", 20), ("cameras_planned", 76)]),
    ("La ville compte 52 caméras et bientôt une soixantaine.", [("cameras", 52), ("cameras_planned", 60)]),
])
def test_a_joined_clause_keeps_its_own_time(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Roubaix")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected
