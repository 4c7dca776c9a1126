"""Conditions an other-noun's count must meet before it is a figure ("12 communes" is one only where an aid
is told, "4 agents" only at the centre that watches the images). `extractors.readings` asks them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.lexicon_fr import AID_TERMS, CENTRE_TERMS, IMAGES_PRONOUN, THERE_PRONOUN
from extractors.normal_text import norm
from extractors.noun_cues import CAPACITY_BEFORE_RE, caught_or_watching

if TYPE_CHECKING:
    from extractors.numbers import Mention
    from extractors.readings import UnitQuestion

WORKSTATION_RE = re.compile(r"^\s*(?:d'opérateurs?\b|de travail|de visionnage|informatiques?|d'observation)")
MERGED_BEFORE_RE = re.compile(r"\b(?:fusion|regroupement|réunion)\s+(?:des|de)\s*$")
FORCE_BEFORE_RE = re.compile(r"\bpolice (?:municipale|nationale)\b[^.;]{0,25}\b(?:compte|comptait|compte désormais|"
                             r"dispose de|regroupe|emploie|de)\s*$")
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
MEMBERS_BEFORE_RE = re.compile(r"\b(?:qui (?:réunit|regroupe|compte|rassemble|fédère)|regroupant|réunissant"
                               r"|rassemblant|fédérant|composée? de|formée? de)\s*$")
MEMBERS_AFTER_RE = re.compile(r"\s*(?:,|et|pour)\s*(?:près de\s+|plus de\s+)?\d[\d  .\u202f]*\s*(?:hab\b|habitants)")
SUPERLATIVE_RE = re.compile(r"^\s+(?:les|la|le)\s+(?:plus|moins)\b")

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


def _towns(q: UnitQuestion) -> bool:
    return q.other.group(1) in ("communes", "villes", "municipalités", "collectivités")


def _after_noun(q: UnitQuestion) -> str:
    return q.right[q.other.end(1) :]


def _centre_unnamed(q: UnitQuestion) -> bool:
    """The centre named with the noun, not in a share after it: "la police compte 70 agents, dont 9 au CSU"."""
    said = norm(_sentence_but_share(q.sentence_text, q.text[q.mention.start : q.end + q.other.end()]))
    return not re.search(CENTRE_TERMS, said) and not (
        re.search(f"{THERE_PRONOUN}|{IMAGES_PRONOUN}", said) and re.search(CENTRE_TERMS, q.context)) and not (
        SERVICE_SUBJECT_RE.match(said) and VIDEO_SERVICE_RE.search(q.context)) and not (
        _answers_about_the_centre(q.sentence_text, q.mention, q.context_text)) and not (
        # "cinq agents se relaient devant les écrans", "deux agents visualisent les caméras": the footage's watchers
        caught_or_watching("", _after_noun(q), q.topic))


@dataclass(frozen=True)
class NounCheck:
    """A condition an other-noun's count must meet: `refuses` it for the needs named (all when none)."""

    name: str
    needs: frozenset[str]
    refuses: Callable[[UnitQuestion], bool]


NOUN_CHECKS: tuple[NounCheck, ...] = (
    NounCheck("superlative", frozenset(), lambda q: bool(SUPERLATIVE_RE.match(_after_noun(q)))),
    # "trois villes n'ont encore aucune caméra": neither equipped nor aided
    NounCheck("negated", frozenset({"aid", "equipped"}), lambda q: bool(NEGATED_AFTER_RE.match(_after_noun(q)))),
    NounCheck("centre_unnamed", frozenset({"centre"}), _centre_unnamed),
    # "La police municipale, qui compte 5 agents, pourra consulter les images": the force's
    NounCheck("force_staff", frozenset({"centre"}), lambda q: bool(FORCE_BEFORE_RE.search(q.before(40)))),
    # a workstation is no job; jobs at the centre, named in this sentence or the two before
    NounCheck("not_centre_jobs", frozenset({"jobs"}), lambda q: bool(
        WORKSTATION_RE.match(_after_noun(q)) or not re.search(CENTRE_TERMS, q.topic))),
    # "la fusion des trois communes": a merger's, not an aid's or a network's
    NounCheck("merger", frozenset({"aid"}), lambda q: bool(MERGED_BEFORE_RE.search(q.before(30)))),
    NounCheck("no_aid_words", frozenset({"aid"}), lambda q: not re.search(AID_TERMS, q.topic)),
    # "la communauté de communes (6 communes, 84 796 hab.)", "qui regroupe 8 villes": what a body is made of
    NounCheck("members_of_a_body", frozenset({"aid"}), lambda q: _towns(q) and bool(
        MEMBERS_BEFORE_RE.search(q.before(40)) or MEMBERS_AFTER_RE.match(_after_noun(q)))),
    # "les deux communes ont retenu …": the towns just named, not a count
    NounCheck("the_two_named", frozenset({"aid"}), lambda q: _towns(q) and q.mention.value <= 2 and bool(
        re.search(r"\b(?:les|ces|aux|des)\s*$", q.before(8)))),
    NounCheck("not_equipping", frozenset({"equipped"}), lambda q: not re.search(r"équip|cam[ée]ra|vid[ée]o", q.said)),
    # "un parking de 300 véhicules", "qui peut accueillir 300 véhicules": its size
    NounCheck("capacity", frozenset({"equipped"}), lambda q: bool(CAPACITY_BEFORE_RE.search(q.before(30)))),
    NounCheck("not_caught_on_footage", frozenset({"caught"}),
              lambda q: not caught_or_watching(q.said, _after_noun(q), q.topic)),
    # shops are counted when they join the network, not as the town's trade
    NounCheck("not_joined", frozenset({"joined"}), lambda q: not re.search(r"raccord|reli[ée]|connect|équipé", q.said)),
    # "à trois reprises, le conseil…": occasions, not uses of the cameras
    NounCheck("footage_not_used", frozenset({"use"}), lambda q: not FOOTAGE_USED_RE.search(q.said)),
)

