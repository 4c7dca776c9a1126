"""Offences told by what befell people or things rather than by a noun of offence: "120 conducteurs ont été
verbalisés", "six villas cambriolées", "Trois voitures avaient été brûlées". Read by `extractors.readings`
after the camera rules, so that "deux caméras vandalisées" stay damaged cameras."""

from __future__ import annotations

import re

# the counted noun phrase (up to three words) and the verb of its fate
_COUNTED = r"^(\s*(?:de\s+|d')?[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+"
FINED_RE = re.compile(_COUNTED + r"(?:ont été|sont|seront|ont)\s+(?:été\s+)?verbalisée?s\b")
# "six villas cambriolées", "Quatre magasins ont été cambriolés en 2019", "cinquante voitures vandalisées"
# (not a weight, "250 kilos de nourriture volés"; not what was found, "600 véhicules volés ont été retrouvés")
# "trois commerces du centre-ville de La Flèche ont été cambriolés", "cinq églises ont en effet été dégradées",
# "une vingtaine de jardins ont ainsi été visités", "trois commerces ont été victimes d'un vol": the noun phrase
# may be longer, an adverb may stand in the auxiliary, and a victim tells the offence too
_WORD = r"(?!cam[ée]ras?\b|appareils?\b|dômes?\b)[\w'-]+"  # "Cinq des sept caméras … vandalisées": damaged cameras
_HARMED_COUNTED = rf"^(\s*(?:de\s+|d')?{_WORD}(?:\s+{_WORD}){{0,5}}?)\s+"
HARMED_RE = re.compile(r"(?!\s*(?:kilos?|kg|tonnes?|litres?|mètres?)\b)" + _HARMED_COUNTED
                       + r"(?:(?:ont|avaient|auraient)\s+(?:(?:ainsi|en effet|également|aussi|déjà|encore)\s+)?été\s+"
                       r"|(?:sont|étaient)\s+)?"
                       r"(?:cambriolée?s|volée?s|vandalisée?s|brûlée?s|brulée?s|incendiée?s|fracturée?s|saccagée?s"
                       r"|dégradée?s|taguée?s|forcée?s|visitée?s|victimes? d(?:'|e\s+)(?:un |une )?(?:vol|cambriolage"
                       r"|effraction|tentative|dégradation))\b"
                       r"(?!\s+(?:ou\b|(?:ont|ont été|sont|avaient été)\s+(?:retrouv|localis|identifi|récupér)))")

# "cambriolée trois fois en 2016", "vandalisé une dizaine de fois": how often a thing was harmed, a count of offences
HARMED_BEFORE_TIMES_RE = re.compile(r"\b(?:cambriol|vandalis|dégrad|saccag|tagu|incendi|braqu|fractur)\w*"
                                    r"(?:\s+(?:déjà|encore|au moins|plus de|près de))?\s*$")
TIMES_RE = re.compile(r"\s*(?:de\s+)?fois\b")
