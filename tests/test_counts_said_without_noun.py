"""Counts whose noun stands elsewhere or is left out, as French says them: an inverted relative ("les 47 que compte
Bordeaux"), a modal after "de plus" ("Dix de plus doivent être installées"), "en" with "rajouter", a state of
purchase ("350 en cours d'achat"), an adjective of time between number and noun ("407 prochaines caméras"), and a
future in the past ("allaient être installées")."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "expected"), [
    ("Dix caméras ont été posées dans le quartier, sur les quarante-sept que compte Bordeaux.",
     [("cameras", 10), ("cameras", 47)]),
    ("La police de l'environnement dispose de sept caméras mobiles. Dix de plus doivent être installées cette année.",
     [("cameras", 7), ("cameras_planned", 10)]),
    ("La ville compte 40 caméras. Une trentaine en plus seront posées en 2025.",
     [("cameras", 40), ("cameras_planned", 30)]),
    ("La commune installera des caméras. « Combien ? », dit-il. Il devrait y en avoir une trentaine.",
     [("cameras_planned", 30)]),
    # "en avoir" alone is no count of cameras: "d'en avoir 34 opérationnels" is of the sites named before
    ("Sur les 64 sites retenus pour les caméras, l'objectif est d'en avoir 34 opérationnels avant les Jeux.", []),
    ("En 2026, Villeurbanne comptera 410 dispositifs de vidéosurveillance, contre 208 aujourd'hui.",
     [("cameras_planned", 410), ("cameras", 208)]),
    ("La ville compte 553 caméras, et la mairie, qui a pour objectif d'en placer 600, passe à la vidéoverbalisation.",
     [("cameras", 553), ("cameras_planned", 600)]),
    ("« 325, c'est le nombre de caméras actuellement installées sur le territoire de la ville. »",
     [("cameras", 325)]),
    # "mis en place 18 ensembles": "en place" is no pronoun of cameras
    ("La municipalité a mis en place 18 ensembles de caméras.", []),
    # a count linked now to the supervision centre is there now, whatever the clause after plans
    ("Dans notre ville, 104 caméras sont reliées au CSU et nous en prévoyons 22 nouvelles pour cette année.",
     [("cameras", 104), ("cameras_planned", 22)]),
    ("La commune compte 12 caméras ; il faudrait en rajouter cinq.", [("cameras", 12), ("cameras_planned", 5)]),
    ("Vous voulez augmenter le nombre de caméras (350 en cours d'achat) à Toulouse.", [("cameras_planned", 350)]),
    ("La ville a 200 caméras. Il en faudrait trois ou quatre de plus.",
     [("cameras", 200), ("cameras_planned", 3), ("cameras_planned", 4)]),
    # not a measure after a count ("3 à 180 degrés": three cameras that turn 180 degrees)
    ("Le dispositif comptera 13 caméras : 2 caméras à 360 degrés, 3 à 180 degrés, 3 modulables et 5 fixes.",
     [("cameras_planned", 13), ("cameras_planned", 2), ("cameras_planned", 3), ("cameras_planned", 3),
      ("cameras_planned", 5)]),
    # "en prévision": counted ahead, as a plan
    ("Les agents suivent sur leurs écrans les images d'une centaine de caméras (200 en prévision).",
     [("cameras", 100), ("cameras_planned", 200)]),
    ("La ville va lancer l'appel d'offres pour les 407 prochaines caméras prévues.", [("cameras_planned", 407)]),
    ("Le maire a déclaré qu'il y en avait actuellement 22 caméras et que 55 nouvelles allaient être installées.",
     [("cameras", 22), ("cameras_planned", 55)]),
    # the network a camera count is taken from, said bare after "sur" at the end of its clause
    ("Pas moins de cinq caméras municipales ont été détruites à Nantes, sur 97.", [("cameras", 97)]),
    ("La ville a installé 12 caméras sur 3 sites.", [("cameras", 12)]),
    # a type of camera alone names the cameras counted: "plus 3 nomades", "+ 2 mobiles"
    ("La vidéoprotection de la ville compte 68 caméras plus 3 nomades.", [("cameras", 68), ("cameras", 3)]),
    ("Aujourd'hui, Lyon compte 571 caméras, auxquelles on peut rajouter 12 nomades.",
     [("cameras", 571), ("cameras", 12)]),
    ("La ville a acheté 3 mobiles pour ses agents.", []),
    # the part of a planned whole that is up: the plan's participle is the whole's, not the part's
    ("En avril 2015, le dispositif atteignait 48 caméras sur 60 initialement prévues.",
     [("cameras", 48), ("cameras_planned", 60)]),
    ("Avec 229 caméras installées dans les rues sur un total de 350 programmées pour la fin 2017, les deux tiers du "
     "programme sont réalisés.", [("cameras", 229), ("cameras_planned", 350)]),
    # one part in brackets, where it stands
    ("En effet 24 caméras vont être installées sur le territoire communal (10 sur le centre-ville) pour 100 000 "
     "euros.", [("cameras_planned", 24), ("cameras_planned", 10)]),
    # a list of parts goes on past a relative clause of one of them
    ("Quinze caméras vont être installées en centre-ville, ainsi que quatre au stade, sept dans une ZAC, où des chefs "
     "d'entreprise avaient relevé des zones d'insécurité, et dix dans le quartier Croix-Rouge.",
     [("cameras_planned", 15), ("cameras_planned", 4), ("cameras_planned", 7), ("cameras_planned", 10)]),
    # the whole of another thing named before: no camera count
    ("Entre 450 et 650 caméras sont présentes dans 73 communes sur les 433 que compte le département.",
     [("cameras", 450), ("cameras", 650)]),
    ("Vingt-six caméras dites piétons équipent les pompiers de neuf centres de secours, sur les 41 que compte le "
     "département.", []),
])
def test_a_count_said_without_its_noun(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Vichy")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_a_bracketed_line_of_a_list_counts_at_its_site() -> None:
    """ "– Les entrées et sorties de ville (8)." under an intro that names cameras and what is to come: the count of
    cameras planned there, though each line ends with a stop."""
    text = ("La ville veut développer son dispositif de vidéoprotection, qui compte 32 caméras, et le prolonger vers"
            " des secteurs encore sans contrôle :\n– Les entrées et sorties de ville (8).\n– Le parking du marché (1)."
            "\n– Le port de plaisance (4).")
    figures = extract_text(text, place_hint="Agde")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == [
        ("cameras", 32), ("cameras_planned", 8), ("cameras_planned", 1), ("cameras_planned", 4)]
    assert [f.place for f in figures][-1] == "Agde / port de plaisance"


def test_a_bare_count_up_now_by_its_feminine_participle() -> None:
    """ "sur les 1037 actuellement déployées": a feminine participle of being up, now, makes the count cameras."""
    text = "Le dispositif s'appuiera sur 50 caméras sur les 1037 actuellement déployées dans Paris."
    figures = extract_text(text, place_hint="Paris")
    assert [(f.metric, f.value) for f in figures] == [("cameras_planned", 50), ("cameras", 1037)]


@pytest.mark.parametrize(("text", "expected"), [
    # a collective noun agrees in the singular: "Une dizaine serait prévue", "Une vingtaine sera installée"
    ("La municipalité veut poser des caméras en milieu ouvert. Une dizaine serait prévue place Saint-Roch.",
     [("cameras_planned", 10)]),
    ("La ville compte 40 caméras. Une vingtaine sera installée l'an prochain.",
     [("cameras", 40), ("cameras_planned", 20)]),
    # "nouvelles" alone, its predicate repeated by "le": "Vingt-sept nouvelles le seront cette année"
    ("Le réseau compte déjà 38 caméras, dont une partie a été posée l'an dernier. Vingt-sept nouvelles le seront "
     "cette année.", [("cameras", 38), ("cameras_planned", 27)]),
    # a singular present or past of being is another thing's: "Europe 1 était sur place", "le 88 est en service"
    ("La ville compte 40 caméras. Europe 1 était sur place mercredi pour le coup d'envoi.", [("cameras", 40)]),
])
def test_a_collective_singular_or_a_repeated_predicate_of_new_ones_counts_cameras_to_come(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Lognes")] == expected


def test_a_cleft_count_names_its_own_noun_and_time_and_web_addresses_date_nothing():
    """ "80, c'est le nombre de caméras qui seront installées": no continuation of the 80 before it."""
    text = ("Actuellement 1 000 caméras filment l'espace public, dont 80 appartiennent à la Ville de Grenoble. "
            "80, c'est le nombre de caméras qui seront installées à Pont-de-Claix !\n"
            "Le détail : www.ville.fr/cameras-2024.pdf")
    figures = [(f.metric, f.value, f.date) for f in extract_text(text, place_hint="Grenoble")]
    assert figures == [("cameras", 1000, None), ("cameras", 80, None), ("cameras_planned", 80, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # "leur nombre est de 51": the number of the cameras the sentence before asks about; "Il semblerait" is hearsay
    ("Reste à savoir combien de caméras compte la commune. Il semblerait que leur nombre est de 51.",
     [("cameras", 51)]),
    # "Au nombre de 90 …, le total de caméras": the total of what it names; "avoisiner les 180" bounds the 180
    ("Au nombre de 90 au début du mandat en 2020, le total de caméras devrait avoisiner les 180 en 2026.",
     [("cameras", 90), ("cameras_planned", 180)]),
    # "le nombre de ces caméras": a demonstrative before the noun of the total
    ("La municipalité entendait élargir son dispositif et porter de 21 à 40 le nombre de ces caméras.",
     [("cameras", 21), ("cameras_planned", 40)]),
])
def test_a_count_named_by_the_number_or_total_of_cameras(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Lognes")] == expected


def test_the_upper_bound_of_a_range_of_bare_numbers_is_read_as_its_lower_bound() -> None:
    text = ("La ville compte 245 caméras. La municipalité compte pourtant en installer encore 3 à 5 cette année, pour "
            "atteindre 250 caméras d'ici la fin du mandat.")
    figures = [(f.value, f.qualifier) for f in extract_text(text, place_hint="Cannes", published="2009-04-05")
               if f.metric.startswith("cameras")]
    assert figures == [(245, "exact"), (3, "at_least"), (5, "at_most"), (250, "exact")]
