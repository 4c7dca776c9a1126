"""Counts of sites watched and of the centre's staff (guidelines 2.5, `other`), by the nouns that say so."""

import pytest

from extractors import extract_text

CASES = [
    ("La ville compte 40 caméras réparties sur 7 points de surveillance stratégique.", 7),
    ("Le réseau de caméras couvre cinq points névralgiques de la commune.", 5),
    ("La commune a installé 21 mâts de vidéoprotection équipés de caméras.", 21),
    ("Le centre de supervision des caméras a créé 30 nouveaux emplois.", 30),
    ("Les caméras offrent 26 vues de lieux stratégiques de la ville.", 26),
    ("Le centre a traité 47 demandes de visionnage des images des caméras.", 47),
    ("Les caméras de vidéoprotection surveillent 19 ensembles d'habitation.", 19),
    ("La France compte 768 centres de supervision urbains reliés à des caméras.", 768),
    # who may see the footage, and the agents who watch it
    ("Les images des caméras sont conservées quinze jours ; seules trois personnes y ont accès.", 3),
    ("Pour les caméras, quatre personnes à la mairie sont habilitées.", 4),
    ("Le réseau compte 40 caméras. Cinq agents se relaient sept jours sur sept.", 5),
    # the uses of the footage, where the images are told of
    ("Côté réquisitions d'officiers de police judiciaire, on compte 46 réquisitions en 2015.", 46),
    ("Les images ont servi : 37 réquisitions et 14 identifications de véhicules suspects.", 14),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_sites_and_staff_are_other(text: str, value: int) -> None:
    assert ("other", value) in [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]


@pytest.mark.parametrize("text", [
    "Le nouveau central de supervision a une capacité de 167 caméras.",
    "Le centre est dimensionné pour accueillir 2 000 caméras du territoire.",
    "Le nouveau centre peut traiter jusqu'à 600 caméras.",
    "Le CSU a été conçu pour évoluer et pourra recevoir les images de deux cents caméras.",
    # a stand-in noun whose complement names something else than video
    "Le mur d'images des caméras tourne sur 7 ordinateurs et 2 unités de stockage.",
    "Côté matériel, les caméras se sont généralisées, et 11 unités de police sont dédiées au transport.",
])
def test_what_a_centre_can_take_is_no_count_of_cameras(text):
    assert [f for f in extract_text(text, place_hint="Sens") if f.metric.startswith("cameras")] == []


def test_a_capacity_beside_a_count_leaves_the_count():
    text = "Le centre peut traiter jusqu'à 600 caméras ; la ville en compte 350."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Sens")] == [("cameras", 350)]


@pytest.mark.parametrize("text", [
    "La commune va s'équiper d'ici mars 2025 de caméras de vidéoprotection.",
    "La commune s'est équipée en 2012 de dômes motorisés.",
])
def test_a_year_before_the_noun_of_what_is_installed_is_no_count(text):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Sens")] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Au centre de supervision, dix personnes se relaient jour et nuit devant les écrans des caméras.", 10),
    ("Seules 10 personnes sont habilitées à visionner les images des caméras.", 10),
    ("Huit personnes assermentées visionnent les images de la vidéoprotection.", 8),
])
def test_the_people_who_watch_the_footage_are_counted(text, value):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Rignac")
            if f.metric == "other"] == [("other", value)]


def test_people_who_neither_watch_nor_were_caught_are_not_counted():
    text = "Une réunion publique sur les caméras a réuni 80 personnes à la salle des fêtes."
    assert [f for f in extract_text(text, place_hint="Rignac") if f.metric == "other"] == []


@pytest.mark.parametrize("text", [
    # what an intercommunality is made of is no count of towns equipped or aided
    "La communauté d'agglomération Val-et-Forêt (6 communes, 84 796 hab.) installera 90 caméras.",
    "Cet EPCI, qui réunit huit communes, projette de doter son territoire de 96 caméras.",
    # the towns just named
    "Franconville et Sannois partagent 60 caméras : les deux communes ont retenu un centre commun.",
])
def test_a_body_s_members_and_the_towns_just_named_are_no_count(text):
    assert [f for f in extract_text(text, place_hint="Franconville") if f.metric == "other"] == []


@pytest.mark.parametrize(("text", "expected"), [
    # cameras renewed, the object of the renewing, are no count of the network (GUIDELINES: not area surveillance
    # added or held, like damaged ones)
    ("Il est prévu d'étendre le dispositif à 20 caméras supplémentaires et de remplacer 10 caméras de nouvelle "
     "technologie.", [("cameras_planned", 20), ("other", 10)]),
    ("Le budget couvre le remplacement de 4 caméras et l'installation de 7 nouvelles caméras.",
     [("other", 4), ("cameras_planned", 7)]),
    # a set told by its article is the network's
    ("La commune a lancé un appel d'offres pour remplacer la cinquantaine de caméras obsolètes.", [("cameras", 50)]),
    ("Les 21 caméras seront remplacées l'an prochain.", [("cameras", 21)]),
])
def test_cameras_renewed_are_other(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # cameras burnt, set on fire or sabotaged are damaged ones, no count of the network
    ("Dans la nuit, deux caméras ont été incendiées dans la cité du Nord.", [("other", 2)]),
    ("La cuisine centrale, brûlée. 50 caméras de vidéoprotection, brûlées.", [("other", 50)]),
    # sawn off, stolen, taken down or out of order
    ("Dans la nuit de samedi, trois caméras ont été sciées.", [("other", 3)]),
    ("Deux semaines plus tôt, 12 caméras avaient déjà été retirées.", [("other", 12)]),
    ("Le rapport relève que 10 caméras sur 11 dysfonctionnent.", [("other", 10)]),
])
def test_burnt_cameras_are_damaged(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Aulnay-sous-Bois")
    assert [(f.metric, f.value) for f in figures] == expected
