"""Cameras on board vehicles, as the words after a count tell it: they watch the vehicle or film from it,
not a public space of the town ("1 500 caméras dans ses bus", "une voiture dotée de quatre caméras")."""

from __future__ import annotations

import re

from extractors.lexicon_fr import CAMERA_NOUNS
from extractors.noun_phrases import NOUN_LEAD
from extractors.noun_phrases import alternation as _alternation

# the count's noun: "1 500 caméras", "quatre petites caméras"
CAMERAS_AFTER = rf"{NOUN_LEAD}(?:{_alternation(CAMERA_NOUNS)})(?![\w])"
VEHICLES = (r"(?:véhicules?|voitures?|scan-?cars?|automobiles?|drones?|hélicoptères?|aéronefs?|motos?|bus|autobus"
            r"|trams?|tramways?|rames?|trains?|navettes?)")
# "1 500 caméras dans ses bus", "quatre caméras dans chacun des véhicules", "quarante caméras installées sur des
# aéronefs": cameras on board vehicles watch the vehicle, not a public space of the town
ON_BOARD_AFTER_RE = re.compile(rf"{CAMERAS_AFTER}(?:\s+[\w-]+){{0,3}}?\s+(?:à bord (?:de|des|du|d')|dans|sur|équipant)"
                               r"\s+(?:les |des |ses |leurs |chaque |chacun des |chacune des |le |la |l'|un |une "
                               rf"|nos )?(?:[\w-]+\s+)?(?:{VEHICLES}|cars?|autocars?|ter|wagons?)\b")
# "une voiture électrique dotée de quatre petites caméras", "une Zoé électrique Lapi à quatre caméras": a vehicle's
# own equipment, told before the count
VEHICLE_EQUIPPED_BEFORE_RE = re.compile(rf"\b{VEHICLES}\b(?:\s+[\w'-]+){{0,3}}?,?\s+(?:(?:est|sont|désormais)\s+)*"
                                        r"(?:(?:équipée?s?|dotée?s?|munie?s?|pourvue?s?)\s+(?:de\s+|d')|à\s+)$")
# "Muni de deux caméras sur son toit, le véhicule …", "quatre caméras, placées sur le toit de la voiture"
ROOF_AFTER_RE = re.compile(rf"{CAMERAS_AFTER}[^.;]{{0,30}}?"
                           rf"\bsur (?:(?:son|leur) toit\b|le toit (?:du|de la|de l'|des|de sa)\s*{VEHICLES}\b)")
# "huit caméras ont été intégrées à la rampe lumineuse", "les 2 caméras situées sur le gyrophare": a car's, whatever
# the topic
BEACON_AFTER_RE = re.compile(rf"{CAMERAS_AFTER}[^.;]{{0,30}}?"
                             r"\b(?:sur|dans|à) (?:la |le |les )?(?:rampe (?:lumineuse|de gyrophares?)|gyrophares?)\b")
VEHICLE_RE = re.compile(rf"\b{VEHICLES}\b")
