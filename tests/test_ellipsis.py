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
    # "d'entre eux" is of a masculine plural, never of "caméras", in a page about cameras as anywhere
    ("La police encercle un groupe de 7 individus. La vidéosurveillance permet d'identifier quatre d'entre eux.", []),
    # some of the cameras just counted are cameras
    ("La ville compte 30 caméras. Sept d'entre elles sont mobiles.", [("cameras", 30), ("cameras", 7)]),
])
def test_a_partitive_points_back_to_the_nearest_count(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Aulnay-sous-Bois")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # votes cast on cameras are no cameras
    ("Sur les 109 personnes sollicitées pour ou contre l'installation de dix caméras, 92 sont contre, 7 sont pour et 6 "
     "ne se sont pas exprimées.", [("cameras_planned", 10)]),
    ("Le conseil a voté l'installation de 12 caméras par 20 voix pour et 3 contre.", [("cameras_planned", 12)]),
    # "pour" before what the count is for is no vote
    ("La ville compte 40 caméras, dont 12 pour le centre-ville.", [("cameras", 40), ("cameras", 12)]),
])
def test_votes_cast_on_cameras_are_no_cameras(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Saint-Pons")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "en" stands for the cameras after verbs of being there and of buying too
    ("La ville a renoncé à de nouvelles caméras. Il en existe déjà 13 : 8 sur la digue et 5 dans la rue Carnot.",
     [("cameras", 13), ("cameras", 8), ("cameras", 5)]),
    ("La commune mise sur les caméras : elle en utilise aujourd'hui 40 sur la voie publique.", [("cameras", 40)]),
    # a number of kinds is no count
    ("Les caméras sont arrivées. Il en existe deux sortes : les unes lisent les plaques.", []),
    ("La ville a des caméras. Elle en a installé trois modèles.", []),
])
def test_en_stands_for_the_cameras_it_counts_not_for_their_kinds(text, expected):
    figures = extract_text(text, place_hint="Wimereux")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "ils" is masculine: it stands for the agents, never for "caméras"
    ("Le CSU centralise les images des 53 caméras. Des agents les visionnent. Ils sont dix à se relayer.",
     [("cameras", 53)]),
    ("Les 19 nouvelles caméras s'ajoutent. L'ensemble des policiers, ils sont actuellement sept, a été formé.",
     [("cameras_added", 19)]),
    # nor for a bare count of cameras ("aux 6 en service")
    ("La ville prévoit plus de 20 caméras à ajouter aux 6 en service. Les agents, ils sont actuellement sept, "
     "se relaient.", [("cameras_planned", 20), ("cameras", 6)]),
    # "elles" for "caméras", "ils" for "appareils"
    ("La ville a 14 caméras. Elles seront bientôt 19.", [("cameras", 14), ("cameras_planned", 19)]),
    ("La ville a 14 appareils de vidéoprotection. Ils seront bientôt 19.", [("cameras", 14), ("cameras_planned", 19)]),
])
def test_a_subject_pronoun_stands_for_a_noun_of_its_gender(text, expected):
    figures = extract_text(text, place_hint="Rouen")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected
