"""A count told of a place and again of a place within it is one fact (GUIDELINES §2.7): the figure of the
smaller place stays; counts of two places side by side stay two."""

from extractors.deduplicate import nests
from extractors.gazetteer import load_gazetteer
from extractors.pipeline import extract_text


def test_a_count_of_a_departement_told_again_of_its_commune_is_one_figure():
    text = "Landes : 100 caméras pour la station\n\nÀ Soorts-Hossegor, la commune compte désormais 100 caméras."
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint="Landes")] == [
        ("cameras", 100, "Soorts-Hossegor")]


def test_two_communes_of_one_count_each_stay_two_figures():
    text = "Dans le Cantal, Talizat compte 2 caméras. Valuéjols en compte 2."
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Cantal")] == [(2, "Talizat"), (2, "Valuéjols")]


def test_places_nest_by_the_gazetteer_and_by_district():
    gazetteer = load_gazetteer()
    assert nests("Landes", "Soorts-Hossegor", gazetteer)
    assert nests("Quimper", "Quimper / Braden", gazetteer)
    assert not nests("Soorts-Hossegor", "Landes", gazetteer)
    assert not nests("Cantal", "Soorts-Hossegor", gazetteer)


def test_bare_parts_of_a_total_in_two_sentences_stay_two_figures():
    """ "Trois … à Saint-Eutrope. … et trois seront placées …": two parts of the eight, not one fact twice."""
    text = ("Huit autres caméras seront installées d’ici la fin de l’année. Trois viendront s’ajouter à celle "
            "inaugurée en janvier dans le quartier de Saint-Eutrope.\nDeux seront installées dans la résidence Les "
            "Marsouins et trois seront placées par le bailleur sur ses résidences.")
    figures = extract_text(text, place_hint="Aix-en-Provence")
    assert [(f.value, f.place) for f in figures if f.value == 3] == [
        (3, "Aix-en-Provence / Saint-Eutrope"), (3, "Aix-en-Provence")]


def test_a_heading_dropped_for_its_text_leaves_it_its_date():
    """The text tells the kind ("disposera"), the heading the year: one figure, planned, of 2020."""
    text = ("La vidéosurveillance continuera de se déployer.\n\nAu total, 650 caméras en 2020\n\nLe centre de "
            "supervision disposera de 650 caméras pour traquer la délinquance.")
    told = [(f.metric, f.date) for f in extract_text(text, place_hint="Montpellier") if f.value == 650]
    assert told == [("cameras_planned", "2020")]
