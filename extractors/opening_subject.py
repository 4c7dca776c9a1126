"""A commune that opens its sentence as the subject ("Bousies, petite commune du Nord située entre Le
Cateau-Cambrésis et Bavay, va s'équiper de 27 caméras"; "Meaux s'est offert le plus grand centre après celui de
Nice, avec 220 caméras"): the places named in its apposition, or named as what it is compared with, only situate or
measure it. They are frames, not places of the sentence's figures (`extractors.candidates.without_frames`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractors.gazetteer import Place

# what may stand before the opening commune: nothing, "À", or a short opening phrase ("En 2020, Nîmes …", "Pour y
# répondre, Meaux …")
OPENING_BEFORE_RE = re.compile(r"^[\W\d]*(?:[^,;:.]{1,40},\s*)?(?:à\s+)?$", re.IGNORECASE)
# how an apposition to a commune begins: what it is ("petite commune rurale du Nord", "ville d'à peine 3 500
# habitants"), where it lies ("située entre …", "dans la Somme près de Ham", "sur la route de Mons")
APPOSITION_OPENER_RE = re.compile(
    r"\s*(?:(?:la|une|cette)\s+)?(?:(?:petite?s?|grande?s?|paisible|jolie|modeste|ancienne?)\s+)?"
    r"(?:commune|ville|village|bourg|cité|station|chef-lieu|sous-préfecture|préfecture|capitale)\b"
    r"|\s*(?:située?|nichée?|blottie?|perchée?|implantée?)\b"
    r"|\s*(?:dans|en|près|non loin|aux portes|au (?:nord|sud|cœur|centre)|à l'(?:est|ouest)|entre|sur la route"
    r"|à \d+\s*(?:km|kilomètres))\b", re.IGNORECASE)
APPOSITION_END_RE = re.compile(r"[,:;]")
OWN_COUNT_AFTER_RE = re.compile(r"\s*\(\s*(?:\d|[\w-]+\s+(?:pour|caméras?)\b)")  # "(385)", "(une pour 70 habitants)"
# what a commune is compared with: "juste derrière Nice", "après celui de Nice", "plus de caméras que Nice" (not
# a subject beside it: "tandis que Marseille va recevoir", "tout comme Fontenay-Trésigny")
COMPARED_COMMUNE_BEFORE_RE = re.compile(
    r"\b(?:(?:derrière|devant|après)\s*(?:(?:celui|celle|ceux|celles)\s+(?:de|d'|du)\s*)?"
    r"|(?:plus|moins|autant|davantage|mieux)\s+(?:[\w'-]+\s+){0,3}?qu(?:e\s+|'\s*))$", re.IGNORECASE)

Named = tuple[int, int, "Place"]


def framing_places(places: list[Named], text: str) -> set[int]:
    """The indexes, in `places`, of the places that only frame the commune opening `text`."""
    if not places or places[0][2].kind != "commune" or not OPENING_BEFORE_RE.match(text[: places[0][0]]):
        return set()
    return _in_apposition(places, text) | _compared(places, text)


def _in_apposition(places: list[Named], text: str) -> set[int]:
    """Places inside the apposition that follows the opening commune between commas."""
    at = places[0][1]
    if not text[at:].lstrip().startswith(","):
        return set()
    at = text.index(",", at) + 1
    end = at
    while APPOSITION_OPENER_RE.match(text, end):  # chunk after chunk, as long as each is an apposition's
        stop = APPOSITION_END_RE.search(text, end)
        if stop is None:
            return set()  # no verb after it: the whole sentence is the apposition, nothing to frame
        end = stop.end()
    return {k for k, (start, _, _) in enumerate(places) if k and at <= start < end}


def _compared(places: list[Named], text: str) -> set[int]:
    """Communes named as what the opening commune is compared with, unless with a count of their own ("devant
    Beausoleil (385)")."""
    return {k for k, (start, end, place) in enumerate(places)
            if k and place.kind == "commune" and COMPARED_COMMUNE_BEFORE_RE.search(text[max(0, start - 40) : start])
            and not OWN_COUNT_AFTER_RE.match(text, end)}
