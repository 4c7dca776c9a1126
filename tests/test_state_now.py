"""A count whose own words say it is there now ("sont en place", "les 60 caméras mises en place") is the
stock, whatever future another clause of its sentence tells."""

import pytest

from extractors.pipeline import extract_text

CASES = [
    ("Le dispositif existe depuis 2015 : 80 caméras sont en place et 20 nouvelles devraient être installées "
     "d'ici l'été.", [("cameras", 80), ("cameras_planned", 20)]),
    ("À ce jour, 350 caméras sont autorisées dans le département et d'autres demandes seront examinées en mars.",
     [("cameras", 350)]),
    ("Les policiers pourront bientôt voir en direct les images des quarante caméras mises en place par la ville.",
     [("cameras", 40)]),
    # "quelques" before a number is the common misspelling of "quelque": the set is still a known one
    ("Qui regardera les images des quelques 400 caméras installées dans la ville ?", [("cameras", 400)]),
    # a compound past of the count's own: done, whatever future another clause tells
    ("En 2015, huit caméras ont été installées près de la gare et une vingtaine de nouvelles devraient suivre en "
     "2016.", [("cameras_added", 8)]),
    ("Le proviseur montre l'écran : 10 caméras ont été installées dans l'établissement, et la région en financera "
     "d'autres.", [("cameras", 10)]),
    # done lately, or a length of time ago: what was added then
    ("Récemment, 5 caméras ont été installées au rond-point de la route de Laval.", [("cameras_added", 5)]),
    ("Le maire est passé rue Gambetta, où 10 caméras ont été installées il y a quelques semaines.",
     [("cameras_added", 10)]),
    ("Huit caméras ont été installées au centre culturel.", [("cameras", 8)]),
    # new ones said to be up now were added
    ("Le programme continue de se déployer : 25 nouvelles caméras sont installées, comme l'avait prévu l'équipe "
     "précédente.", [("cameras_added", 25)]),
    # what is still to come keeps its kind
    ("Les huit caméras seront installées rue Haute.", [("cameras_planned", 8)]),
    ("Les 14 caméras posées en décembre ne filment toujours pas.", [("cameras_added", 14)]),
    ("Le conseil a voté l'achat des 29 caméras bientôt installées en centre-ville.", [("cameras_planned", 29)]),
    ("La ville aura 60 caméras installées d'ici la fin de l'année.", [("cameras_planned", 60)]),
    ("Sur les 300 caméras qui seront en service fin 2027, 200 sont installées sur la voie publique.",
     [("cameras_planned", 300), ("cameras_planned", 200)]),
    # the system as it stands is the stock, whatever is to come of it
    ("Doté de 11 caméras, celui-ci sera bientôt élargi.", [("cameras", 11)]),
    ("Le nouveau matériel remplacera le dispositif actuel, limité à cinq caméras.", [("cameras", 5)]),
    ("La ville sera dotée de 11 caméras d'ici l'été.", [("cameras_planned", 11)]),
    # new cameras joining the network now were added; cameras of another kind that complete it are part of it
    ("7 nouvelles caméras de vidéoprotection complètent le dispositif des 23 caméras déjà en place.",
     [("cameras_added", 7), ("cameras", 23)]),
    ("Pendant les fêtes, 25 caméras temporaires complètent les 80 caméras permanentes de la ville.",
     [("cameras", 25), ("cameras", 80)]),
    # cameras that replace are to come, cameras replaced are there
    ("Ces vingt-deux caméras remplaceront le dispositif actuel en 2015.", [("cameras_planned", 22)]),
    ("Les 21 caméras seront remplacées en 2015.", [("cameras", 21)]),
    # a possessive presupposes the cameras: its own, there now, whatever the verb will do with them
    ("La ville a décidé de redéployer ses 32 caméras et d'y ajouter 8 autres près de la gare.",
     [("cameras", 32), ("cameras_planned", 8)]),
    ("Le centre de supervision épaulera la commune pour ses 18 caméras.", [("cameras", 18)]),
    # a set run by someone is there
    ("Le centre de supervision pourra bientôt voir les images des 18 caméras gérées par la ville.",
     [("cameras", 18)]),
    # unless the verb before it puts them up, or has them to come
    ("La ville est en train de déployer ses 41 caméras.", [("cameras_planned", 41)]),
    ("La commune aura bien ses 25 caméras de vidéosurveillance.", [("cameras_planned", 25)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_count_said_to_be_there_now_is_the_stock(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Bapaume")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected



@pytest.mark.parametrize(("text", "expected"), [
    # the count's own present verb of watching: there now, whatever the rest of the sentence supposes
    ("Alors que treize caméras filment les rues depuis le 8 juillet, les images seraient inutilisables.",
     [("cameras", 13)]),
    # what a system started with: there then, whatever is to come of it
    ("Le réseau, lancé en 2004 avec 15 caméras, sera étendu aux abords des écoles.", [("cameras", 15)]),
    ("Notre ville s'est dotée d'un système de vidéosurveillance en 2010 avec l'installation de 11 caméras.",
     [("cameras", 11)]),
    # new ones that watch now are what was added
    ("Huit caméras supplémentaires surveillent désormais le parc.", [("cameras_added", 8)]),
])
def test_watching_now_or_started_with(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Vichy")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # new ones and a bare past participle of putting up, no auxiliary, no time ahead: what was added
    ("Toulouse a rempli l'objectif qu'elle s'était donné : 15 nouvelles caméras installées autour de la gare.",
     [("cameras_added", 15)]),
    ("Voici les 14 nouvelles caméras mises en service, par secteur.", [("cameras_added", 14)]),
    # a time ahead in the sentence: still to come
    ("Au total, 17 nouvelles caméras implantées autour du Palais viendront assister les agents.",
     [("cameras_planned", 17)]),
])
def test_new_ones_put_up(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Toulouse")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the count's own relative clause in the present: there now, whatever plan the sentence tells
    ("Le maire promet cent caméras à la fin de son mandat, contre 180 caméras qui occupent des points stratégiques.",
     [("cameras_planned", 100), ("cameras", 180)]),
    # not a relative of another noun, nor one that joins or completes
    ("Le plan prévoit d'installer d'ici 2026 320 caméras sur 64 sites qui en étaient jusqu'ici dépourvus.",
     [("cameras_planned", 320)]),
    ("Le réseau compte 40 caméras. Il y aura aussi 26 caméras qui s'ajoutent au dispositif d'ici l'été.",
     [("cameras", 40), ("cameras_planned", 26)]),
])
def test_a_count_told_by_its_own_present_relative(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Antibes")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_for_the_time_being_is_now():
    # "pour l'heure" says now, as "pour le moment" does, whatever "bientôt" says of the next count
    text = ("C'est la police municipale qui sera chargée de la mission : elle dispose d'un opérateur dédié au système "
            "de vidéosurveillance, composé pour l'heure de 22 caméras (et bientôt 24).")
    figures = extract_text(text, place_hint="Vitry-le-François", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == [("cameras", 22), ("cameras_planned", 24)]


def test_a_part_already_up_of_a_whole_planned():
    # what is said of the 48 planned is not said of the five of them already up
    text = "Cinq des 48 caméras prévues dans le dispositif sont déjà posées, dans le quartier de la gare."
    figures = extract_text(text, place_hint="Caen", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == [("cameras", 5), ("cameras_planned", 48)]
