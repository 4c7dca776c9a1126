"""Counts of offences under the names people give them (extractors/lexicon_fr.py OFFENCE_NOUNS)."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "value"), [
    ("Le quartier a connu 23 homicides l'an dernier, et la ville installe des caméras.", 23),
    ("Les caméras ont permis de dresser près de 30 p.-v. en un mois.", 30),
    ("Grâce aux caméras, la police a dressé 35 procès verbaux en 2020.", 35),
    ("Les caméras nomades ont repéré une trentaine de dépôts sauvages depuis janvier.", 30),
    ("Le commerce a subi pas moins de douze braquages avant l'installation des caméras.", 12),
])
def test_an_offence_named_as_people_write_it_is_counted(text, value):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Istres")] == [("offences", value)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Avant les caméras, six villas cambriolées en un mois inquiétaient le quartier.", [6]),
    ("Quatre magasins ont été cambriolés en 2019, avant la pose des caméras.", [4]),
    ("Trois voitures avaient été brûlées sur le parking que filment désormais les caméras.", [3]),
    # a weight, things found again, or damaged cameras are no count of offences
    ("Grâce aux caméras, 600 véhicules volés ont été retrouvés.", []),
    ("Les caméras ont filmé le vol de 250 kilos de nourriture volés aux Restos du cœur.", []),
    ("Deux caméras vandalisées seront remplacées.", []),
    ("Cinq des sept caméras installées ont été vandalisées avant la réception des travaux.", []),
    # a longer noun phrase, an adverb in the auxiliary, a victim
    ("Avant les caméras, trois commerces du centre-ville de La Flèche ont été cambriolés.", [3]),
    ("Pour la mairie, qui veut des caméras, cinq églises ont en effet été dégradées.", [5]),
    ("Sans caméras, trois commerces ont été victimes d'un vol le mois dernier.", [3]),
    # how often a thing was harmed
    ("La boutique, que ne filme aucune caméra, a été cambriolée trois fois en 2016.", [3]),
    ("Les caméras n'y ont rien fait : le local a été vandalisé une dizaine de fois.", [10]),
])
def test_what_befell_people_or_things_is_an_offence_count(text, expected):
    assert [f.value for f in extract_text(text, place_hint="Istres") if f.metric == "offences"] == expected
