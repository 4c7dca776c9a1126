"""A count broken down after a colon: each item counts what the count counts, about the site it names, when
the items add up to it (extractors/breakdown.py, bare rule 'breakdown', place rule 'listed_site')."""

import pytest

from extractors import extract_text
from extractors.breakdown import item_site
from extractors.numbers import find_mentions

ARLES = ("17 caméras sont aujourd'hui implantées sur six sites : cinq à la Halte routière Clemenceau, trois parking "
         "Gabriel-Péri, une collège Ampère, trois parking Sixte-Quenin, deux gare SNCF, trois aux abords de l'Hôtel "
         "de Ville.")


def cameras(text: str, place: str = "Arles") -> list[tuple[str, float, str]]:
    return [(f.metric, f.value, f.place) for f in extract_text(text, place_hint=place) if f.metric.startswith("cam")]


def test_each_item_of_a_breakdown_is_a_count_of_its_site():
    assert cameras(ARLES) == [
        ("cameras", 17, "Arles"), ("cameras", 5, "Arles / Halte routière Clemenceau"),
        ("cameras", 3, "Arles / parking Gabriel-Péri"), ("cameras", 1, "Arles / collège Ampère"),
        ("cameras", 3, "Arles / parking Sixte-Quenin"), ("cameras", 2, "Arles / gare SNCF"),
        ("cameras", 3, "Arles / Hôtel de Ville")]


def test_the_items_take_the_kind_of_the_count_they_break_down():
    text = ("D'ici la fin de l'année, huit caméras supplémentaires vont être posées : deux sur le parking "
            "Sixte-Quenin, une gare SNCF, une Hôtel de Ville, quatre à Barriol.")
    assert [(m, v) for m, v, _ in cameras(text)] == [("cameras_planned", 8), ("cameras_planned", 2),
                                                     ("cameras_planned", 1), ("cameras_planned", 1),
                                                     ("cameras_planned", 4)]


@pytest.mark.parametrize("text", [
    # items that do not add up to the count: no breakdown (a timetable, other counts)
    "La ville compte 17 caméras. Horaires du centre : cinq jours sur sept, trois nuits par semaine.",
    "17 caméras sont implantées sur six sites : cinq à la Halte routière, trois parking Gabriel-Péri.",
    # an item that opens on no number: no list of counts
    "17 caméras sont en place : cinq à la gare, les autres au centre.",
])
def test_a_list_is_a_breakdown_only_when_its_numbers_add_up_to_the_count(text):
    assert [v for _, v, _ in cameras(text)] == [17]


def test_an_article_opens_an_item_only_in_a_list_that_adds_up():
    text = "17 caméras en ville : une mairie, une école."
    assert [v for _, v, _ in cameras(text)] == [17]


@pytest.mark.parametrize(("item", "site"), [
    ("trois aux abords de l'Hôtel de Ville.", "Hôtel de Ville"),
    ("10 dans le quartier Croix-Rouge, 7 ailleurs", "Croix-Rouge"),
    ("7 dans la zone commerciale de La Neuvillette.", "La Neuvillette"),
    ("deux gare SNCF, une mairie", "gare SNCF"),
])
def test_an_item_names_its_site_without_its_locative(item, site):
    number = find_mentions(item)[0]
    assert item_site(item, number, len(item)) == site


def test_numbers_alone_in_brackets_after_sites_count_the_cameras_of_each_site():
    text = ("Aujourd'hui le réseau couvre le centre-ville (27 caméras), le quartier de Perseigne (14), la gare (1) "
            "et différents axes de circulation (11).")
    assert cameras(text, "Alençon")[1:] == [("cameras", 14, "Alençon / Perseigne"),
        ("cameras", 1, "Alençon / gare"), ("cameras", 11, "Alençon / axes de circulation")]



def test_numbers_in_brackets_after_sites_count_the_cameras_said_placed_there_without_a_count_before():
    text = "Les caméras seront placées dans le village (5), près de la gare (2), autour des écoles (3)."
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint="Breil-sur-Roya")] == [
        ("cameras_planned", 5, "Breil-sur-Roya / village"), ("cameras_planned", 2, "Breil-sur-Roya / gare"),
        ("cameras_planned", 3, "Breil-sur-Roya / écoles")]
    # the first site begins after the verb that places the cameras, whatever word leads it
    text = "Les caméras seront placées près de la gare (2) et au port (1)."
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Breil-sur-Roya")] == [
        (2, "Breil-sur-Roya / gare"), (1, "Breil-sur-Roya / port")]
    # numbers in brackets after a word of cameras that places nothing are not counted so
    text = "Il n'y a pas que des caméras : les atteintes aux biens (262 cas) et aux personnes (172) baissent."
    assert [f for f in extract_text(text, place_hint="Nantes") if f.metric.startswith("cameras")] == []


def test_a_bracketed_site_that_is_a_commune_is_that_commune():
    text = "Les caméras sont réparties ainsi : Athis-Mons (17 caméras), Juvisy‑sur‑Orge (15) et Savigny-sur-Orge (4)."
    assert cameras(text, "Les Portes de l'Essonne")[1] == ("cameras", 15, "Juvisy-sur-Orge")


def test_note_marks_in_brackets_are_no_counts():
    text = ("Nous dénombrons une dizaine de caméras, selon le maire au conseil du 26/06/24 (2) et une vidéo du "
            "29/06/2024 (3).")
    assert [v for _, v, _ in cameras(text, "Breil-sur-Roya")] == [10]


@pytest.mark.parametrize(("text", "expected"), [
    # the first part listed in brackets after a count is a part like the others
    ("Le maire a présenté le projet d'installation de 24 caméras (10 à Bregille, 4 à Battant, 5 à La Grette et 5 à "
     "Planoise).", [24, 10, 4, 5, 5]),
    ("Ce seront ainsi 63 caméras (56 sur la voie publique, 7 au stade des Bruyères) qui seront raccordées.",
     [63, 56, 7]),
    # one number alone in brackets, or a rate's terms, lists no parts
    ("La ville compte 41 caméras (12 agents).", [41]),
])
def test_the_first_part_in_brackets_after_a_count(text, expected):
    assert [f.value for f in extract_text(text, place_hint="Besançon") if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an addition said outright carries the count's kind across a long clause
    ("Quinze caméras vont être installées en centre-ville pour épauler le travail de la police nationale et "
     "municipale, ainsi que quatre au stade Delaune.", [("cameras_planned", 15), ("cameras_planned", 4)]),
    ("La préfecture a donné son feu vert : six caméras à Braize, mais aussi onze à La Chapelaude.",
     [("cameras_planned", 6), ("cameras_planned", 11)]),
])
def test_ainsi_que_and_mais_aussi_go_on_with_the_count_before(text, expected):
    figures = extract_text(text, place_hint="Reims")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_a_sentence_of_sites_breaks_down_the_count_before() -> None:
    """ "… une trentaine de caméras. Quatre aux abords de la Maison commune, huit vers la MJC": a sentence that opens
    on a bare number and a site, and lists more, breaks down the cameras of the sentence before."""
    text = ("Les parkings se sont équipés d'une trentaine de caméras qui filment sans interruption. Quatre aux abords "
            "de la Maison commune, huit vers la MJC, neuf devant la gare.")
    figures = extract_text(text, place_hint="Lons-le-Saunier")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 30), ("cameras", 4), ("cameras", 8), ("cameras", 9)]


def test_an_aside_in_brackets_and_a_last_item_after_et_enfin():
    # an "et" inside an item's brackets separates nothing; "et enfin" opens the last item
    text = ("Les 22 caméras seront réparties entre les quartiers : 2 caméras sur le quartier de Saint-Just-des-Marais, "
            "3 sur Voisinlieu (maladrerie Saint-Lazare), 7 sur Marissel, 4 sur la ZUP Argentine et enfin 6 sur "
            "Notre-Dame-du-Thil (quartier des Fleurs et Aquaspace).")
    assert [v for _, v, _ in cameras(text, "Beauvais")] == [22, 2, 3, 7, 4, 6]


def test_an_et_inside_a_sites_name_and_a_site_after_l_apostrophe():
    # "et du Petit Pain" goes on with the street's name: the next item opens on a number
    text = ("Les caméras ont suscité le débat. 14 seront réparties sur trois sites : quatre rue de la Cordonnerie "
            "et du Petit Pain ; cinq sur le parking de l'hôtel de Ville et cinq autres à la gare.")
    assert [(v, p) for _, v, p in cameras(text, "Dinan")] == [
        (14, "Dinan"), (4, "Dinan / rue de la Cordonnerie"), (5, "Dinan / parking de l'hôtel de Ville"),
        (5, "Dinan / gare")]
    text = "Les 5 caméras sont installées : 3 sur l'esplanade Saint-Vincent et 2 dans la rue Ville Pépin."
    assert [p for _, _, p in cameras(text, "Saint-Malo")][1] == "Saint-Malo / esplanade Saint-Vincent"
