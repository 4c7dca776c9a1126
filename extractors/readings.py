"""What a number counts, read from the words that follow it (its unit or noun).

"148 caméras" → cameras; "30 %" → percent; "2 millions d'euros" → money; "20 000 habitants" →
population; "370 caméras pour 100 000 habitants" → a density; "4 vidéo-opérateurs" → other.
A number with no unit here may still be a figure through anaphora (see `extractors.anaphora`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from extractors.lexicon_fr import (
    CAMERA_NOT_SURVEILLANCE_RE,
    CAMERA_NOUNS,
    CAMERA_OTHER_RE,
    CAMERA_WORDS,
    MONEY_CONTEXT,
    OFFENCE_NOUNS,
    OTHER_NOUNS,
    POPULATION_NOUNS,
    STAND_IN_NOUNS,
)
from extractors.normal_text import norm
from extractors.noun_checks import NOUN_CHECKS
from extractors.noun_cues import CAMERA_CAPACITY_BEFORE_RE
from extractors.noun_phrases import ADJ, NOUN_LEAD, OF_TOTAL
from extractors.noun_phrases import alternation as _alternation
from extractors.noun_phrases import plural_nouns as _plural_nouns
from extractors.numbers import Mention
from extractors.offence_words import FINED_RE, HARMED_BEFORE_TIMES_RE, HARMED_RE, TIMES_RE
from extractors.segments import BULLET
from extractors.vehicle_words import (
    BEACON_AFTER_RE,
    ON_BOARD_AFTER_RE,
    ROOF_AFTER_RE,
    VEHICLE_EQUIPPED_BEFORE_RE,
    VEHICLE_RE,
)

CAMERAS, DENSITY, POPULATION, MONEY, PERCENT, OFFENCES, OTHER = (
    "cameras", "density", "population", "money", "percent", "offences", "other")

# "dix de ces caméras fonctionnent déjà", "une quinzaine de ses caméras": a part of cameras named before
CAMERA_RE = re.compile(rf"{NOUN_LEAD}(?:(?:ces|ses|leurs|nos|vos)\s+)?(?:{_alternation(CAMERA_NOUNS)})(?![\w])"
                       r"(?:\s+numériques)?")
# "huit des 64 caméras": a part of the cameras, counted in cameras
CAMERA_PART_RE = re.compile(rf"{NOUN_LEAD}{OF_TOTAL}\s+\d[\d  .]*\s+(?:(?:{ADJ})\s+){{0,2}}"
                            rf"(?:{_alternation(CAMERA_NOUNS)})(?![\w])")
CAMERA_OTHER_AFTER_RE = re.compile(rf"{NOUN_LEAD}{CAMERA_OTHER_RE}")
WEARERS = r"agents?|policiers?|patrouilles?|équipages?|contrôleurs?|gendarmes?|pompiers?"  # who wear cameras
# "64 500 caméras portées", "8 caméras mobiles, embarquées dans les véhicules ou portées par les agents", "douze
# caméras, soit une par équipage": worn ones (not "caméras portées à 50", brought to a total)
WORN_AFTER_RE = re.compile(rf"{NOUN_LEAD}(?:{_alternation(CAMERA_NOUNS)})(?![\w])(?:\s+portée?s\b(?!\s+à\b)|"
                           rf"[^.;]{{0,60}}?\bportée?s\s+par\s+(?:les|des|nos|leurs|ses)\s+(?:{WEARERS})\b|"
                           rf"[^.;]{{0,40}}?\bune\s+(?:caméra\s+)?(?:par|pour chaque)\s+(?:{WEARERS})\b|"
                           # "8 caméras à fixer sur le gilet pare-balles": worn on the agent's body or clothes
                           r"[^.;]{0,20}?\b(?:à fixer|fixée?s|accrochée?s|clipsée?s|attachée?s)\s+sur\s+"
                           r"(?:le|la|les|leur|leurs|son|sa|ses)\s+(?:gilets?|uniformes?|tenues?|torses?|épaules?"
                           r"|poitrines?)\b)")
CAMERA_NOT_SURVEILLANCE_AFTER_RE = re.compile(rf"{NOUN_LEAD}{CAMERA_NOT_SURVEILLANCE_RE}")
# "12 caméras sont placées sur les points hauts pour repérer les départs de feu": cameras that watch for fires
FIRE_WATCH_RE = re.compile(r"\b(?:feux? de (?:forêts?|végétation|broussailles|espaces naturels)|départs? de feux?"
                           r"|incendies? de (?:forêts?|végétation)|détection (?:précoce )?(?:des |d')?(?:incendies|feux"
                           r"|fumées))\b")
# "Les contrôleurs sont équipés de caméras-piétons. Seize caméras pour le moment": the body cameras the sentences
# before speak of, or that agents wear ("un seul policier porte la caméra"), in a sentence that names no network
BODY_TOPIC_RE = re.compile(rf"{CAMERA_OTHER_RE}|\bport(?:er|ent|era|eront|ant|ée?s?)\s+"
                           r"(?:la|les|ces|une|des|leur|leurs|sa)\s+(?:[\w-]+\s+)?cam[ée]ras?\b")
WORN_BY_RE = re.compile(rf"\b(?:confiée?s|distribuée?s|portée?s|dotée?s|équipée?s|{WEARERS})\b")
NETWORK_WORDS_RE = re.compile(r"vidéo-?protection|vidéo-?surveillance|voie publique|supervision|\bcsu\b|\bréseau\b"
                              r"|\bparc\b|\bdispositif\b|\brues?\b|\bquartiers?\b|\bsites?\b|\bespaces? publics?\b")
# "trois caméras chacun", "deux caméras chacune": each item's equipment, not a count of the network
EACH_ONE_AFTER_RE = re.compile(rf"{NOUN_LEAD}(?:{_alternation(CAMERA_NOUNS)})(?![\w])\s+(?:chacun|chacune)\b")
# a rate's base in words: "deux caméras pour mille habitants"
BASE_WORDS = {"mille": 1_000, "dix mille": 10_000, "cent mille": 100_000}
DENSITY_RE = re.compile(r"^\s*(?:[^\W\d]\w*\s+){0,5}?(?:(?:pour|par)\s+|/\s*)(\d{1,3}(?:[  .\u202f]\d{3})+|\d+"
                        r"|(?:dix |cent )?mille)\s+"
                        rf"(?:{_plural_nouns(('habitants', 'citoyens', 'résidents'))}|hab\b)")
PERCENT_RE = re.compile(r"^\s?(?:%|pour\s?cent\b|pour-cent\b)")
MONEY_RE = re.compile(r"^\s?(?:€|euros?\b|eur\b|d'euros\b|de\s+€|hors taxes|ht\b)")
MONEY_AFTER_SCALE_RE = re.compile(r"^\s*(?:d'euros\b|de\s+euros\b|€|euros\b)")
OTHER_NOUN_AFTER_SCALE_RE = re.compile(r"^\s*d[e']\s*\w+")
POPULATION_RE = re.compile(rf"^\s*(?:{_plural_nouns(POPULATION_NOUNS)})(?![\w])")
OFFENCE_RE = re.compile(rf"{NOUN_LEAD}(?:{_alternation(OFFENCE_NOUNS)})(?![\w])(?:\s+constatés)?")
OTHER_RE = re.compile(
    rf"{NOUN_LEAD}(?:{OF_TOTAL}\s+\d[\d  .]*\s+)?({_alternation(list(OTHER_NOUNS))})(?![\w])"
    rf"(?:\s+(?:scolaires|municipaux|municipales|et interurbains|ou haltes))*"
)
NEW_LINE_RE = re.compile(rf"\n(?=[ \t]*(?:[A-ZÉÈÊÀÂÎÔÛÇ]|{BULLET}\s|\n))")  # a line that starts anew, a blank one
VOTES_RE = re.compile(r"^\s*(?:des|de)\s+(?:voix|suffrages|votants|exprimés)")
# "2 unités de stockage", "3 unités de gendarmerie", "3 appareils photo": a stand-in noun whose complement names
# something else than video ("4 appareils de vidéoprotection", "de nouvelle génération", "d'ici 2025" keep it);
# a part of those named before as one: "250 de ces appareils sont en service"
STAND_IN_RE = re.compile(rf"{NOUN_LEAD}(?:(?:ces|ses|leurs|nos|vos)\s+)?(?:{_alternation(STAND_IN_NOUNS)})(?![\w])"
                         r"(?!\s+(?:de\s+|d')(?!vid[ée]o|surveillance|protection|nouvelle|dernière|haute|ici\b|la\b"
                         r"|l')[a-zà-ÿ])(?!\s+(?:photo|sportives|électriques|techniques|industrielles|portuaires)\b)")
# "4 000 objectifs dernier cri", "ses 600 objectifs braqués sur …": the lens for the camera, where cameras are the
# topic; fewer than ten are goals ("poursuit 3 objectifs :") or one camera's lenses ("4 objectifs par boîtier"),
# and "25 caméras (soit 56 objectifs)", "treize caméras dotées de vingt-cinq objectifs" count counted cameras' lenses
LENS_RE = re.compile(rf"{NOUN_LEAD}objectifs(?![\w])(?!\s*:)(?!\s+(?:par|pour chaque|fixes)\b)")
LENS_FLOOR = 10
FEW_INSTALLATIONS = 5  # "17 nouvelles installations" are cameras put up; a few are sites or works
CAMERAS_JUST_BEFORE_RE = re.compile(r"\bcam[ée]ras?\b[^.;\d]{0,25}$")
CAMERA_TOPIC_RE = re.compile(CAMERA_WORDS)
CAMERA_OTHER_TOPIC_RE = re.compile(CAMERA_OTHER_RE)
NOT_FILMING_AFTER_RE = re.compile(r"^\s*(?:de\s+)?cam[ée]ras?\b[^.;]{0,60}?\bqui ne (?:filment|surveillent|couvrent|"
                                  r"visent)\s+(?:pas|jamais|aucun)")
# "34 caméras au km2", "quatorze au kilomètre carré": a rate per surface, no count
KM2_RE = re.compile(r"^\s*(?:(?:caméras?|unités|appareils)\s+)?(?:au|par)\s+(?:km\s?[²2]?|kilomètres?\s+carrés?)")


@dataclass
class Reading:
    family: str
    end: int  # where the evidence's noun phrase ends
    noun: str = ""
    density_per: float | None = None  # "pour 10 000 habitants" → 10000
    density_span: tuple[int, int] | None = None

    def continued(self, end: int) -> Reading:
        """The reading of a bare number that goes on from this one ("48 caméras pour 100 000 habitants,
        contre 100 ailleurs"): same family and noun, and the same "pour N habitants"."""
        return Reading(self.family, end, self.noun, self.density_per)


def is_rate_base(value: float) -> bool:
    """ "pour 100 000 habitants" states a rate; "150 caméras pour 72 000 habitants" states a count and a
    population, the town's own."""
    return value in (10, 100, 1_000, 10_000, 100_000, 1_000_000)


def _density(right: str, after_noun: int, offset: int) -> tuple[float | None, tuple[int, int] | None]:
    if m := DENSITY_RE.match(right[after_noun:]):
        per = BASE_WORDS.get(m.group(1)) or float(re.sub(r"[  .\u202f]", "", m.group(1)))
        span = (offset + after_noun + m.start(1), offset + after_noun + m.end(1))
        return (per, span) if is_rate_base(per) else (None, None)
    return None, None


@dataclass
class UnitQuestion:
    """One number's unit asked of the reading rules: what they share, each part computed once, when asked."""

    text: str
    mention: Mention
    sentence_text: str
    context_text: str | None

    @property
    def end(self) -> int:
        return self.mention.end

    @cached_property
    def right(self) -> str:
        """The words after the number, up to a line that starts anew ("312⏎Opérateurs : 16": the next
        item's noun is not this one's)."""
        raw = self.text[self.end : self.end + 160]
        if new_line := NEW_LINE_RE.search(raw):
            raw = raw[: new_line.start()]
        return norm(raw)

    @cached_property
    def said(self) -> str:
        return norm(self.sentence_text)

    @cached_property
    def topic(self) -> str:
        """What the number is said among: the sentence and the two before it, or the sentence alone."""
        return norm(self.context_text or self.sentence_text)

    @cached_property
    def context(self) -> str:
        return norm(self.context_text or "")

    def before(self, size: int) -> str:
        return norm(self.text[max(0, self.mention.start - size) : self.mention.start])

    @cached_property
    def camera(self) -> re.Match[str] | None:
        return CAMERA_RE.match(self.right)

    @cached_property
    def other(self) -> re.Match[str] | None:
        return OTHER_RE.match(self.right)


UNCOUNTED = Reading("uncounted", 0)  # a rule's answer that the number counts nothing vigicam counts


def _percent(q: UnitQuestion) -> Reading | None:
    if m := PERCENT_RE.match(q.right):
        return UNCOUNTED if VOTES_RE.match(q.right[m.end() :]) else Reading(PERCENT, q.end + m.end())
    return None


def _money_unit(q: UnitQuestion) -> Reading | None:
    return Reading(MONEY, q.end) if q.mention.unit_money else None


def _money_word(q: UnitQuestion) -> Reading | None:
    return Reading(MONEY, q.end + m.end()) if (m := MONEY_RE.match(q.right)) else None


def _scaled(q: UnitQuestion) -> Reading | None:
    if not q.mention.scaled:
        return None
    if m := MONEY_AFTER_SCALE_RE.match(q.right):
        return Reading(MONEY, q.end + m.end())
    if q.camera:
        return None  # "1,85 million de caméras": a country's count, which the camera rules read
    if OTHER_NOUN_AFTER_SCALE_RE.match(q.right):
        return UNCOUNTED  # "10 millions de visiteurs"
    return Reading(MONEY, q.end) if re.search(MONEY_CONTEXT, q.said) else UNCOUNTED


def _camera_not_surveillance(q: UnitQuestion) -> Reading | None:
    if CAMERA_NOT_SURVEILLANCE_AFTER_RE.match(q.right) or NOT_FILMING_AFTER_RE.match(q.right):
        return UNCOUNTED
    if q.camera and CAMERA_CAPACITY_BEFORE_RE.search(q.before(60)):
        return UNCOUNTED  # "d'une capacité de 167 caméras": what a centre can take
    return None


def _body_camera(q: UnitQuestion) -> Reading | None:
    if m := CAMERA_OTHER_AFTER_RE.match(q.right):
        return Reading(OTHER, q.end + m.end(), "caméras piétons")
    if q.camera and WORN_AFTER_RE.match(q.right):
        return Reading(OTHER, q.end + q.camera.end(), "caméras piétons")
    # asked of every number: the camera's own sentence first, the sentences before only then
    if not (q.camera and WORN_BY_RE.search(q.said)) or BODY_TOPIC_RE.search(q.said) or NETWORK_WORDS_RE.search(q.said):
        return None
    if BODY_TOPIC_RE.search(q.topic.replace(q.said, " ")):
        return Reading(OTHER, q.end + q.camera.end(), "caméras piétons")
    return None


def _watch_apart(q: UnitQuestion) -> Reading | None:
    """Cameras kept for another watch than the town's streets: fire lookouts, each item's own equipment."""
    if q.camera and FIRE_WATCH_RE.search(q.said):
        return Reading(OTHER, q.end + q.camera.end(), "caméras de détection des feux")
    return Reading(OTHER, q.end + m.end(), "caméras chacun") if (m := EACH_ONE_AFTER_RE.match(q.right)) else None


def _on_board(q: UnitQuestion) -> Reading | None:
    if m := ON_BOARD_AFTER_RE.match(q.right):
        return Reading(OTHER, q.end + m.end(), "caméras embarquées")
    if q.camera and (VEHICLE_EQUIPPED_BEFORE_RE.search(q.before(80))
                     or ROOF_AFTER_RE.match(q.right) and VEHICLE_RE.search(q.topic) or BEACON_AFTER_RE.match(q.right)):
        return Reading(OTHER, q.end + q.camera.end(), "caméras embarquées")
    return None


def _per_km2(q: UnitQuestion) -> Reading | None:
    return Reading(OTHER, q.end + m.end(), "km²") if (m := KM2_RE.match(q.right)) else None


def _camera_density(q: UnitQuestion) -> Reading | None:
    if q.camera is None:
        return None
    per, span = _density(q.right, q.camera.end(), q.end)
    return Reading(DENSITY, span[1] + len(" habitants"), "caméras", per, span) if per else None


def _cameras(q: UnitQuestion) -> Reading | None:
    m = q.camera or CAMERA_PART_RE.match(q.right)
    return Reading(CAMERAS, q.end + m.end(), "caméras") if m else None


def _stand_in(q: UnitQuestion) -> Reading | None:
    if not (m := STAND_IN_RE.match(q.right)) or not CAMERA_TOPIC_RE.search(q.topic):
        return None
    if m.group(0).endswith("installations") and q.mention.value < FEW_INSTALLATIONS:
        return None  # "deux installations importantes", "pour quatre installations": sites or works
    if CAMERA_OTHER_TOPIC_RE.search(q.topic) and not CAMERA_TOPIC_RE.search(CAMERA_OTHER_TOPIC_RE.sub(" ", q.said)):
        return Reading(OTHER, q.end + m.end(), "caméras piétons")  # "portent une caméra-piéton. Les 6 appareils"
    return Reading(CAMERAS, q.end + m.end(), "caméras")


def _lens(q: UnitQuestion) -> Reading | None:
    if (q.mention.value < LENS_FLOOR or not (m := LENS_RE.match(q.right)) or not CAMERA_TOPIC_RE.search(q.topic)
            or CAMERAS_JUST_BEFORE_RE.search(q.before(40))):
        return None
    return Reading(CAMERAS, q.end + m.end(), "caméras")


def _bare_density(q: UnitQuestion) -> Reading | None:
    """ "411 caméras et 267 pour 100 000 habitants": a bare number right before a rate's base, in a sentence
    of cameras, is a density."""
    if not CAMERA_TOPIC_RE.search(q.said):
        return None
    per, span = _density(q.right, 0, q.end)
    return Reading(DENSITY, span[1] + len(" habitants"), "caméras", per, span) if per and q.right[:1] == " " and (
        q.right.lstrip()[:4] in ("pour", "par ")) else None


ONE_FOR_BEFORE_RE = re.compile(r"\b(?:une|1)\s+(?:caméra\s+(?:[a-zéèê-]+\s+)?)?pour\s*$")
PEOPLE_RE = re.compile(r"^\s*(?:personnes|citadins|individus)\b")
# a base whose noun is left out: nothing after it but a stop, a bracket, a place or the next item
ELIDED_BASE_AFTER_RE = re.compile(r"^\s*(?:$|[,.;:)]|à\s+\w|en\s+\w|contre\b|et\b|dans\b)")
RATE_SAID_RE = re.compile(r"\b(?:une|1)\s+(?:caméra\s+)?pour\s+[\d  .]+\s*(?:habitants|hab\b)|\bpar habitant|"
                          r"\bhabitants? par caméra")
# "une caméra pour 272 Niçois": the inhabitants of a place, named by their demonym (read in the raw text)
DEMONYM_RE = re.compile(r"\s*[A-ZÉ][a-zéèêëîïôûç-]+(?:ois|ais|ains|iens|ens|ins)\b")


def _people_as_base(q: UnitQuestion) -> Reading | None:
    """ "une caméra pour 40 personnes": people counted as a rate's base are its inhabitants; so is a base whose
    noun a rate said just before leaves out ("une caméra pour 330 habitants, contre une pour 4 212 à Bordeaux",
    "Aspremont (une pour 48)")."""
    if not ONE_FOR_BEFORE_RE.search(q.before(40)):
        return None
    if m := PEOPLE_RE.match(q.right):
        return Reading(POPULATION, q.end + m.end(), "habitants")
    if m := DEMONYM_RE.match(q.text, q.end):
        return Reading(POPULATION, m.end(), "habitants")
    if ELIDED_BASE_AFTER_RE.match(q.right) and RATE_SAID_RE.search(q.topic):
        return Reading(POPULATION, q.end, "habitants")
    return None


def _population(q: UnitQuestion) -> Reading | None:
    return Reading(POPULATION, q.end + m.end(), "habitants") if (m := POPULATION_RE.match(q.right)) else None


def _befallen(q: UnitQuestion) -> Reading | None:
    if HARMED_BEFORE_TIMES_RE.search(q.before(40)) and (times := TIMES_RE.match(q.right)):
        return Reading(OFFENCES, q.end + times.end())  # "la boutique a été cambriolée trois fois en 2016"
    m = FINED_RE.match(q.right) or HARMED_RE.match(q.right)
    return Reading(OFFENCES, q.end + m.end(1)) if m else None


def _offences(q: UnitQuestion) -> Reading | None:
    if not (m := OFFENCE_RE.match(q.right)):
        return None
    return UNCOUNTED if DENSITY_RE.match(q.right[m.end() :]) else Reading(OFFENCES, q.end + m.end())


def _other_noun(q: UnitQuestion) -> Reading | None:
    if (m := q.other) is None:
        return None
    need = OTHER_NOUNS[m.group(1)]
    if any(check.refuses(q) for check in NOUN_CHECKS if not check.needs or need in check.needs):
        return UNCOUNTED
    return Reading(OTHER, q.end + m.end(), m.group(1))


@dataclass(frozen=True)
class ReadingRule:
    name: str
    why: str
    answer: Callable[[UnitQuestion], Reading | None]  # None: the rule does not apply; UNCOUNTED: no reading


READING_RULES: tuple[ReadingRule, ...] = (
    ReadingRule("percent", "'30 %' is a rate; '38 % des voix' an election's, no reading", _percent),
    ReadingRule("money_unit", "the number was written with its currency ('2 M€')", _money_unit),
    ReadingRule("money_word", "'euros', '€', 'HT' after the number", _money_word),
    ReadingRule("scaled", "'2 millions' is money when euros follow or the sentence speaks of money, else nothing",
                _scaled),
    ReadingRule("camera_not_surveillance", "'caméras de chasse', 'caméras privées, qui ne filment pas la rue'",
                _camera_not_surveillance),
    ReadingRule("body_camera", "'4 caméras-piétons' are the agents' equipment, not the network", _body_camera),
    ReadingRule("on_board", "'1 500 caméras dans ses bus', 'une voiture dotée de quatre caméras' watch from a "
                "vehicle, not the town", _on_board),
    ReadingRule("watch_apart", "'12 caméras … pour repérer les départs de feu', 'trois caméras chacun'", _watch_apart),
    ReadingRule("per_km2", "'caméras au km²' is a surface rate", _per_km2),
    ReadingRule("camera_density", "'370 caméras pour 100 000 habitants' is a density", _camera_density),
    ReadingRule("cameras", "'148 caméras', 'huit des 64 caméras'", _cameras),
    ReadingRule("stand_in", "'43 appareils', '10 unités' where cameras are the topic", _stand_in),
    ReadingRule("lens", "'4 000 objectifs' where cameras are the topic; not '3 objectifs :', goals", _lens),
    ReadingRule("bare_density", "'… et 267 pour 100 000 habitants': a bare number before a rate's base",
                _bare_density),
    ReadingRule("people_as_base", "'une caméra pour 40 personnes': the rate's base", _people_as_base),
    ReadingRule("population", "'20 000 habitants'", _population),
    ReadingRule("befallen", "'120 conducteurs ont été verbalisés', 'six villas cambriolées'", _befallen),
    ReadingRule("offences", "'95 délits'; a crime rate ('95 faits pour 1 000 habitants') is not annotated",
                _offences),
    ReadingRule("other_noun", "'4 vidéo-opérateurs', '12 communes', when the noun's condition holds", _other_noun),
)


def read_unit(text: str, mention: Mention, sentence_text: str, context_text: str | None = None) -> Reading | None:
    """The unit or noun right after `mention`, or None when nothing follows that vigicam counts: the first
    rule of `READING_RULES` that answers decides."""
    question = UnitQuestion(text, mention, sentence_text, context_text)
    for rule in READING_RULES:
        if (answer := rule.answer(question)) is not None:
            return None if answer is UNCOUNTED else answer
    return None
