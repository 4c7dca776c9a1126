"""A sentence with no word of time of its own goes on with the one before it."""

import pytest

from extractors.pipeline import extract_text

TO_COME = "La préfecture vient de donner son feu vert à plusieurs programmes d'installation de caméras. "


def test_counts_told_after_a_sentence_of_what_is_to_come_are_to_come():
    text = TO_COME + "Six caméras par exemple à Braize, quatre à Chambérat."
    figures = extract_text(text, place_hint="Allier")
    assert [(f.metric, f.value) for f in figures][:1] == [("cameras_planned", 6)]
    assert figures[0].why["metric"] == "sentence_goes_on_to_come"  # --explain names the rule


@pytest.mark.parametrize("second", [
    "Les 13 caméras du centre-ville sont toutes actives.",  # a known set
    "Le parc atteignait 77 appareils en février 2010.",  # a past of its own
    "La commune compte aujourd'hui 12 caméras.",  # now
    "Toulouse est pourvue de 17 caméras.",  # a state of having
    "La commune est équipée de 17 caméras.",
    # a main verb in the present indicative the word cues do not list: the parse tells it
    "Ce sont maintenant près de 60 caméras qui équipent la ville.",
    "Une cinquantaine de caméras sont réparties sur le territoire.",
    "Cela porte à 11 le nombre de caméras implantées dans la ville.",  # a demonstrative is no plan's stand-in
])
def test_a_sentence_with_its_own_time_or_a_known_set_keeps_it(second):
    assert [f.metric for f in extract_text(TO_COME + second, place_hint="Allier")] == ["cameras"]


@pytest.mark.parametrize(("text", "expected"), [
    # the count's own state, now, whatever the sentence before says of what is to come
    ("La ville installera de nouvelles caméras. Soixante caméras balayent déjà 24 h/24 le centre.",
     [("cameras", 60)]),
    ("La ville déploiera bientôt un nouveau réseau. Sur le département, 689 caméras installées.", [("cameras", 689)]),
])
def test_a_count_with_a_state_of_its_own(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Sannois")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_a_heading_opening_a_paragraph_heads_what_follows():
    # the heading goes with the paragraph it opens, not with the one before it
    text = ("À partir de lundi, les infractions pourront être sanctionnées grâce à ce dispositif.\n\n"
            "55 caméras dont 37 dans le centre-ville :\nElles ont été installées avec l'accord du conseil municipal.")
    figures = extract_text(text, place_hint="La Seyne-sur-Mer", second_opinion=False)
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")][:1] == [("cameras", 55)]


def test_a_pronouns_number_told_in_the_present_is_there_now():
    text = "Les caméras avaient été prévues au nombre de 11. Le conseil a révélé qu'elles sont finalement 18."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Grandchamp-des-Fontaines")] == [
        ("cameras_planned", 11), ("cameras", 18)]


@pytest.mark.parametrize(("second", "expected"), [
    # the cameras are the subject of a verb in the present: a time of their own
    ("Dans cet établissement, 400 caméras permettent de voir l'activité de l'enceinte.", ["cameras"]),
    ("Au centre-ville, 12 caméras protègent les commerces.", ["cameras"]),
    # the object of a present that tells of a project is not: it goes on with the plan before
    ("Le projet consiste à implanter, dans la zone commerciale, deux ou trois caméras.",
     ["cameras_planned", "cameras_planned"]),
])
def test_cameras_subject_of_a_present_keep_their_own_time(second, expected):
    assert [f.metric for f in extract_text(TO_COME + second, place_hint="Allier")] == expected


def test_a_place_that_claims_to_be_something_states_no_intention():
    """ "se veut à la pointe": what the place claims to be, not a will to install."""
    text = "L'établissement se veut à la pointe, avec plus de 450 caméras pour surveiller les détenus."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Saran")] == [("cameras", 450)]


@pytest.mark.parametrize("second", [
    "Le projet consiste à implanter deux ou trois caméras.",  # the present of a plan that governs an infinitive
    "Le dispositif comporte 43 caméras.",  # a plan's description
])
def test_the_present_of_a_plan_goes_on_with_what_is_to_come(second):
    assert [f.metric for f in extract_text(TO_COME + second, place_hint="Allier")][:1] == ["cameras_planned"]


@pytest.mark.parametrize("text", [
    "« Je veux couvrir la ville avec 45 caméras »",  # vouloir, at the first person
    "Notre volonté est d'arriver à six cents caméras dans la ville.",
    "Il en ressort une proposition d'implantation de 8 caméras.",
])
def test_an_intention_or_a_proposal_is_a_plan(text):
    assert [f.metric for f in extract_text(text, place_hint="Allier")][:1] == ["cameras_planned"]
