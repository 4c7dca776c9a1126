"""Words before a count that tell it is no count of what its noun names: a capacity ("un centre d'une
capacité de 167 caméras", "parking de 300 places"), people caught thanks to the footage."""

from __future__ import annotations

import re

CAUGHT_RE = re.compile(r"\b(?:interpell|arrêt|identifi|confondu|appréhend|placé\w* en garde à vue)")
THANKS_TO_FOOTAGE_RE = re.compile(r"\b(?:grâce (?:à|aux?)|à l'aide des?|par les?|sur les?)\s+(?:\w+\s+)?"
                                  r"(?:images|cam[ée]ras?|vid[ée]os?|enregistrements|vidéoprotection)")
# "dix personnes se relaient devant les écrans", "huit personnes assermentées": the people who watch the footage
# "seules trois personnes y ont accès", "quatre personnes à la mairie sont habilitées": who may see it
WATCHERS_AFTER_RE = re.compile(r"\s*(?:[\w']+\s+){0,3}?(?:se relaient|(?:sont\s+)?habilitée?s|(?:sont\s+)?assermentée?s"
                               r"|(?:y\s+)?ont accès|(?:y\s+)?accèdent"
                               r"|(?:sont\s+)?autorisée?s à (?:visionner|consulter|regarder|accéder)"
                               r"|dédiée?s (?:au|à la) (?:visionnage|surveillance|vidéo)"
                               r"|chargée?s de (?:visionner|regarder)"
                               r"|visionnent|visualisent|(?:peuvent|pourront) (?:visionner|consulter|accéder))")
CAPACITY_BEFORE_RE = re.compile(r"\b(?:parking|parc de stationnement|aire|capacité)\s+(?:de|d')\s*$"
                                r"|\b(?:accueillir|recevoir|contenir|stationner)\s+(?:jusqu'à\s+)?$")
# "un centre d'une capacité de 167 caméras", "dimensionné pour accueillir 2 000 caméras", "peut traiter jusqu'à
# 600 caméras", "pourra recevoir les images de deux cents caméras": what a centre can take, not cameras there or
# to come
CAMERA_CAPACITY_BEFORE_RE = re.compile(
    r"\b(?:capacité|dimensionnée?s?\s+pour(?:\s+(?:accueillir|recevoir|gérer|traiter))?"
    r"|(?:peut|peuvent|pourra|pourront|pouvant|capable de)\s+(?:traiter|accueillir|gérer|recevoir|piloter|supporter"
    r"|afficher|visionner|intégrer))\s+(?:(?:les images|le flux|les flux)\s+(?:de|des|d')\s*)?"
    r"(?:de\s+|d'\s*|jusqu'à\s+|plus de\s+|près de\s+)?$")


def caught_or_watching(said: str, after_noun: str, topic: str) -> bool:
    """Whether people are counted for the footage: caught thanks to it ("12 personnes interpellées grâce aux
    images"), or watching it ("dix personnes se relaient devant les écrans", where cameras are the topic)."""
    caught = CAUGHT_RE.search(said) and THANKS_TO_FOOTAGE_RE.search(said)
    return bool(caught or WATCHERS_AFTER_RE.match(after_noun) and re.search(r"cam[ée]ra|vid[ée]o|csu|écran", topic))
