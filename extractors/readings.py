"""What a number counts, read from the words that follow it (its unit or noun).

"148 caméras" → cameras; "30 %" → percent; "2 millions d'euros" → money; "20 000 habitants" →
population; "370 caméras pour 100 000 habitants" → a density; "4 vidéo-opérateurs" → other.
A number with no unit here may still be a figure through anaphora (see `extractors.anaphora`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.lexicon_fr import (
    AID_TERMS,
    CAMERA_NOT_SURVEILLANCE_RE,
    CAMERA_NOUNS,
    CAMERA_OTHER_RE,
    CAMERA_WORDS,
    CENTRE_TERMS,
    IMAGES_PRONOUN,
    MONEY_CONTEXT,
    NOUN_ADJECTIVES,
    OFFENCE_NOUNS,
    OTHER_NOUNS,
    POPULATION_NOUNS,
    STAND_IN_NOUNS,
    THERE_PRONOUN,
)
from extractors.numbers import Mention
from extractors.segments import BULLET

CAMERAS, DENSITY, POPULATION, MONEY, PERCENT, OFFENCES, OTHER = (
    "cameras", "density", "population", "money", "percent", "offences", "other")

ADJ = "|".join(NOUN_ADJECTIVES)
OPEN_QUOTE = r"[«\"“]?\s*"


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


OF_TOTAL = r"(?:des|de ses|de leurs|sur les|sur ses)"  # "80 des 270 lycées", "35 de ses 80 collèges"
NOUN_LEAD = rf"^\s*(?:de\s+|d')?(?:(?:{ADJ})\s+){{0,3}}{OPEN_QUOTE}"
CAMERA_RE = re.compile(rf"{NOUN_LEAD}(?:{_alternation(CAMERA_NOUNS)})(?![\w])(?:\s+numériques)?")
# "huit des 64 caméras": a part of the cameras, counted in cameras
CAMERA_PART_RE = re.compile(rf"{NOUN_LEAD}{OF_TOTAL}\s+\d[\d  .]*\s+(?:(?:{ADJ})\s+){{0,2}}"
                            rf"(?:{_alternation(CAMERA_NOUNS)})(?![\w])")
CAMERA_OTHER_AFTER_RE = re.compile(rf"{NOUN_LEAD}{CAMERA_OTHER_RE}")
CAMERA_NOT_SURVEILLANCE_AFTER_RE = re.compile(rf"{NOUN_LEAD}{CAMERA_NOT_SURVEILLANCE_RE}")
DENSITY_RE = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:pour|par)\s+(\d{1,3}(?:[  .\u202f]\d{3})+|\d+)\s+"
                        r"(?:habitants|hab\b|citoyens|résidents)")
PERCENT_RE = re.compile(r"^\s?(?:%|pour\s?cent\b|pour-cent\b)")
MONEY_RE = re.compile(r"^\s?(?:€|euros?\b|eur\b|d'euros\b|de\s+€|hors taxes|ht\b)")
MONEY_AFTER_SCALE_RE = re.compile(r"^\s*(?:d'euros\b|de\s+euros\b|€|euros\b)")
OTHER_NOUN_AFTER_SCALE_RE = re.compile(r"^\s*d[e']\s*\w+")
POPULATION_RE = re.compile(rf"^\s*(?:{_alternation(POPULATION_NOUNS)})(?![\w])")
OFFENCE_RE = re.compile(rf"{NOUN_LEAD}(?:{_alternation(OFFENCE_NOUNS)})(?![\w])(?:\s+constatés)?")
OTHER_RE = re.compile(
    rf"{NOUN_LEAD}(?:{OF_TOTAL}\s+\d[\d  .]*\s+)?({_alternation(list(OTHER_NOUNS))})(?![\w])"
    rf"(?:\s+(?:scolaires|municipaux|municipales|et interurbains|ou haltes))*"
)
NEW_LINE_RE = re.compile(rf"\n(?=[ \t]*(?:[A-ZÉÈÊÀÂÎÔÛÇ]|{BULLET}\s))")  # a line that starts anew
VOTES_RE = re.compile(r"^\s*(?:des|de)\s+(?:voix|suffrages|votants|exprimés)")
WORKSTATION_RE = re.compile(r"^\s*(?:d'opérateurs?\b|de travail|de visionnage|informatiques?|d'observation)")
FINED_RE = re.compile(r"^(\s*(?:de\s+|d')?[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:ont été|sont|seront|ont)\s+(?:été\s+)?"
                      r"verbalisée?s\b")
MERGED_BEFORE_RE = re.compile(r"\b(?:fusion|regroupement|réunion)\s+(?:des|de)\s*$")
FORCE_BEFORE_RE = re.compile(r"\bpolice (?:municipale|nationale)\b[^.;]{0,25}\b(?:compte|comptait|compte désormais|"
                             r"dispose de|regroupe|emploie|de)\s*$")
STAND_IN_RE = re.compile(rf"{NOUN_LEAD}(?:{_alternation(STAND_IN_NOUNS)})(?![\w])")
CAMERA_TOPIC_RE = re.compile(CAMERA_WORDS)
CAMERA_OTHER_TOPIC_RE = re.compile(CAMERA_OTHER_RE)
NOT_FILMING_AFTER_RE = re.compile(r"^\s*(?:de\s+)?cam[ée]ras?\b[^.;]{0,60}?\bqui ne (?:filment|surveillent|couvrent|"
                                  r"visent)\s+(?:pas|jamais|aucun)")
# the cameras or their footage, and a verb of using them, in one sentence
FOOTAGE_USED_RE = re.compile(r"(?:cam[ée]ras?|images|vid[ée]os?|enregistrements)[^.;]{0,80}?(?:servi|consult|visionn|"
                             r"requis|extrai|extrait|demand|sollicit|exploit|utilis)"
                             r"|(?:servi|consult|visionn|requis|extrai|demand|sollicit|exploit|utilis)\w*[^.;]{0,60}?"
                             r"(?:cam[ée]ras?|images|vid[ée]os?|enregistrements)")
NEGATED_AFTER_RE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?n(?:'|e\s+)\s*(?:ont|sont|disposent|possèdent|comptent|"
                              r"ont\s+été)\b[^.;]{0,30}?\b(?:aucune?|pas|jamais|plus)\b")
# "… un service commun de vidéoprotection. Le service emploiera 3 agents": the video service's staff
SERVICE_SUBJECT_RE = re.compile(r"\s*(?:le|ce) service\b")
VIDEO_SERVICE_RE = re.compile(r"\bservice\b[^.]{0,40}\bvid[ée]o")
KM2_RE = re.compile(r"^\s*(?:caméras?\s+)?(?:au|par)\s+km")
SUPERLATIVE_RE = re.compile(r"^\s+(?:les|la|le)\s+(?:plus|moins)\b")


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


def norm(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").lower()


def is_rate_base(value: float) -> bool:
    """ "pour 100 000 habitants" states a rate; "150 caméras pour 72 000 habitants" states a count and a
    population, the town's own."""
    return value in (10, 100, 1_000, 10_000, 100_000, 1_000_000)


def _density(right: str, after_noun: int, offset: int) -> tuple[float | None, tuple[int, int] | None]:
    if m := DENSITY_RE.match(right[after_noun:]):
        per = float(re.sub(r"[  .\u202f]", "", m.group(1)))
        span = (offset + after_noun + m.start(1), offset + after_noun + m.end(1))
        return (per, span) if is_rate_base(per) else (None, None)
    return None, None


def read_unit(text: str, mention: Mention, sentence_text: str, context_text: str | None = None) -> Reading | None:
    """The unit or noun right after `mention`, or None when nothing follows that vigicam counts."""
    raw = text[mention.end : mention.end + 160]
    if new_line := NEW_LINE_RE.search(raw):  # "312⏎Opérateurs : 16": the next item's noun is not this one's
        raw = raw[: new_line.start()]
    right = norm(raw)
    end = mention.end
    if m := PERCENT_RE.match(right):
        if VOTES_RE.match(right[m.end() :]):
            return None  # "38 % des voix": an election, not surveillance
        return Reading(PERCENT, end + m.end())
    if mention.unit_money:
        return Reading(MONEY, end)
    if m := MONEY_RE.match(right):
        return Reading(MONEY, end + m.end())
    if mention.scaled:
        if m := MONEY_AFTER_SCALE_RE.match(right):
            return Reading(MONEY, end + m.end())
        if OTHER_NOUN_AFTER_SCALE_RE.match(right):
            return None  # "10 millions de visiteurs"
        if re.search(MONEY_CONTEXT, norm(sentence_text)):
            return Reading(MONEY, end)
        return None
    if CAMERA_NOT_SURVEILLANCE_AFTER_RE.match(right) or NOT_FILMING_AFTER_RE.match(right):
        return None  # "une quinzaine de caméras de chasse", "… caméras privées, qui ne filment pas la rue"
    if m := CAMERA_OTHER_AFTER_RE.match(right):
        return Reading(OTHER, end + m.end(), "caméras piétons")
    if KM2_RE.match(right):
        return Reading(OTHER, end + KM2_RE.match(right).end() + 2, "km²")
    if m := CAMERA_RE.match(right):
        per, span = _density(right, m.end(), end)
        if per:
            return Reading(DENSITY, span[1] + len(" habitants"), "caméras", per, span)
        return Reading(CAMERAS, end + m.end(), "caméras")
    if m := CAMERA_PART_RE.match(right):
        return Reading(CAMERAS, end + m.end(), "caméras")
    if (m := STAND_IN_RE.match(right)) and CAMERA_TOPIC_RE.search(topic := norm(context_text or sentence_text)):
        if CAMERA_OTHER_TOPIC_RE.search(topic) and not CAMERA_TOPIC_RE.search(
                CAMERA_OTHER_TOPIC_RE.sub(" ", norm(sentence_text))):
            return Reading(OTHER, end + m.end(), "caméras piétons")  # "portent une caméra-piéton. Les 6 appareils"
        return Reading(CAMERAS, end + m.end(), "caméras")  # "43 appareils", "10 unités" where cameras are the topic
    if m := POPULATION_RE.match(right):
        return Reading(POPULATION, end + m.end(), "habitants")
    if m := FINED_RE.match(right):
        return Reading(OFFENCES, end + m.end(1))
    if m := OFFENCE_RE.match(right):
        if DENSITY_RE.match(right[m.end() :]):
            return None  # a crime rate ("95 faits pour 1 000 habitants") is not annotated
        return Reading(OFFENCES, end + m.end())
    if m := OTHER_RE.match(right):
        noun = m.group(1)
        if SUPERLATIVE_RE.match(right[m.end(1) :]):
            return None
        need = OTHER_NOUNS[noun]
        if need in ("aid", "equipped") and NEGATED_AFTER_RE.match(right[m.end(1) :]):
            return None  # "trois villes n'ont encore aucune caméra": neither equipped nor aided
        # the centre named with the noun, not in a share after it: "la police compte 70 agents, dont 9 au CSU"
        lowered = norm(_sentence_but_share(sentence_text, text[mention.start : end + m.end()]))
        if need == "centre" and not re.search(CENTRE_TERMS, lowered) and not (
                re.search(f"{THERE_PRONOUN}|{IMAGES_PRONOUN}", lowered)
                and re.search(CENTRE_TERMS, norm(context_text or ""))) and not (
                SERVICE_SUBJECT_RE.match(lowered) and VIDEO_SERVICE_RE.search(norm(context_text or ""))) and not (
                _answers_about_the_centre(sentence_text, mention, context_text)):
            return None
        if need == "centre" and FORCE_BEFORE_RE.search(norm(text[max(0, mention.start - 40) : mention.start])):
            return None  # "La police municipale, qui compte 5 agents, pourra consulter les images": the force's
        if need == "jobs" and (WORKSTATION_RE.match(right[m.end(1) :]) or not re.search(
                CENTRE_TERMS, norm(context_text or sentence_text))):
            return None  # a workstation is no job; jobs at the centre, named in this sentence or the two before
        if need == "aid" and MERGED_BEFORE_RE.search(norm(text[max(0, mention.start - 30) : mention.start])):
            return None  # "la fusion des trois communes": a merger's, not an aid's or a network's
        if need == "aid" and not re.search(AID_TERMS, norm(context_text or sentence_text)):
            return None
        if need == "equipped" and not re.search(r"équip|cam[ée]ra|vid[ée]o", norm(sentence_text)):
            return None
        if need == "equipped" and CAPACITY_BEFORE_RE.search(norm(text[max(0, mention.start - 30) : mention.start])):
            return None  # "un parking de 300 véhicules", "qui peut accueillir 300 véhicules": its size
        if need == "caught" and not (CAUGHT_RE.search(norm(sentence_text)) and THANKS_TO_FOOTAGE_RE.search(
                norm(sentence_text))):
            return None
        if need == "joined" and not re.search(r"raccord|reli[ée]|connect|équipé", norm(sentence_text)):
            return None  # shops are counted when they join the network, not as the town's trade
        if need == "use" and not FOOTAGE_USED_RE.search(norm(sentence_text)):
            return None  # "à trois reprises, le conseil…": occasions, not uses of the cameras
        return Reading(OTHER, end + m.end(), noun)
    return None


CAUGHT_RE = re.compile(r"\b(?:interpell|arrêt|identifi|confondu|appréhend|placé\w* en garde à vue)")
THANKS_TO_FOOTAGE_RE = re.compile(r"\b(?:grâce (?:à|aux?)|à l'aide des?|par les?|sur les?)\s+(?:\w+\s+)?"
                                  r"(?:images|cam[ée]ras?|vid[ée]os?|enregistrements|vidéoprotection)")
CAPACITY_BEFORE_RE = re.compile(r"\b(?:parking|parc de stationnement|aire|capacité)\s+(?:de|d')\s*$"
                                r"|\b(?:accueillir|recevoir|contenir|stationner)\s+(?:jusqu'à\s+)?$")


def _answers_about_the_centre(sentence: str, mention: Mention, context: str | None) -> bool:
    """ "— Qui regarde les images ? — Deux agents, au poste de police": a count that opens the answer to a
    question about the images or the centre."""
    questions = re.findall(r"[^?.!\n]*\?", context or "")
    return bool(questions) and bool(re.search(CENTRE_TERMS, norm(questions[-1]))) and norm(
        sentence).lstrip(" —–-:").startswith(norm(mention.raw))


def _sentence_but_share(sentence: str, counted: str) -> str:
    """The sentence, without the share that follows the counted words in it (", dont …")."""
    at = sentence.find(counted)
    share = sentence.find(", dont", at) if at >= 0 else -1
    return sentence[:share] if share >= 0 else sentence


def family_from_noun(noun: str) -> str:
    return CAMERAS if noun == "caméras" else OTHER
