"""The tense rules' questions that take more than one pattern: whether a count is of damaged cameras, what a
"+" or a total makes of it, whether it was just added, what a part keeps of its whole, whether cameras were
renewed, and whether what was done was an addition. Each takes the `TenseQuestion` of extractors.tense."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.count_scope import up_to_joined_clause
from extractors.figure import Metric
from extractors.state_words import (
    NEW_PART_RE,
    TOTAL_AFTER_RE,
    TOTAL_BEFORE_RE,
)
from extractors.tense_checks import change_target, says_future
from extractors.tense_words import (
    ADDS_SOME_BEFORE_RE,
    BOUNDED_RE,
    DAMAGE_NOUN_BEFORE_RE,
    DAMAGED_APPOSITION_RE,
    DAMAGED_RE,
    DATED_PARTICIPLE_RE,
    FIRST_PHASE_RE,
    FUTURE_RE,
    INCREMENT_RE,
    MORE_TO_COME_RE,
    NEW_ONES_RE,
    NEWLY_RE,
    OPENING_PERIOD_RE,
    PART_AFTER_RE,
    PART_DATED_AFTER_RE,
    PAST_RE,
    PHASE_RE,
    RENEWING_BEFORE_RE,
    SINCE_MONTH_RE,
    WHOLE_OF_PART_RE,
    YEARS_SPAN_RE,
)

if TYPE_CHECKING:
    from extractors.tense import TenseQuestion


def damaged_kind(q: TenseQuestion) -> Metric | None:
    """Damaged cameras are counted apart; not a whole whose part only is damaged ("16 caméras - dont 5 en panne")."""
    part = PART_AFTER_RE.search(q.after)
    clause = q.clause if part is None else _before_part(q.clause, q.after[part.start() :])
    if (DAMAGED_RE.search(clause) or DAMAGED_APPOSITION_RE.match(q.after) or DAMAGE_NOUN_BEFORE_RE.search(
            q.before[-60:])) and not WHOLE_OF_PART_RE.search(q.before):
        return Metric.OTHER
    return None


def _before_part(clause: str, part: str) -> str:
    at = clause.find(part[:25])
    return clause if at < 0 else clause[:at]


def plus_sign_kind(q: TenseQuestion) -> Metric | None:
    if q.before_number.rstrip().endswith("+"):
        return Metric.CAMERAS_PLANNED if FUTURE_RE.search(q.clause) else Metric.CAMERAS_ADDED
    return None


def total_kind(q: TenseQuestion) -> Metric | None:
    """What a total comes to ("portant le total à 76"); a target under an infinitive ("pour passer de 50 à 100")."""
    if TOTAL_BEFORE_RE.search(q.before) and not q.new_sum:
        # the sentence but for a clause joined after the total: "est passé de 50 à 300, et atteindra bientôt 450"
        # says the 450's future, not the 300's
        said = up_to_joined_clause(q.sentence, q.before)
        return Metric.CAMERAS_PLANNED if says_future(said) or change_target(q.before) else Metric.CAMERAS
    return None


def newly_added(q: TenseQuestion) -> bool:
    future, _, now = q.said_tense
    return (now and not future and bool(NEWLY_RE.search(q.clause)) and bool(NEW_ONES_RE.search(
        q.before[-20:] + " " + q.after[:30])) and not q.linked_by_dont) or bool(ADDS_SOME_BEFORE_RE.search(q.before))


def part_kind(q: TenseQuestion) -> Metric | None:
    """A part ("dont 11 …") keeps the kind of the count it is part of, but for what was done of it."""
    if not q.linked_by_dont or q.head is None or NEW_PART_RE.match(q.after):
        return None  # "116 caméras sont en place et 43 petites nouvelles devraient…": more, not a part
    _, past, now = q.said_tense
    if q.head is Metric.CAMERAS_PLANNED and (past or now):
        return Metric.CAMERAS_ADDED
    if q.head is Metric.CAMERAS and (BOUNDED_RE.search(q.clause) and PAST_RE.search(q.sentence)
                                     or PART_DATED_AFTER_RE.match(q.after)):
        return Metric.CAMERAS_ADDED  # "45 caméras ont été installées depuis 2014, dont 11 l'an dernier"
    return q.head


def renewed(q: TenseQuestion) -> bool:
    """ "remplacer 10 caméras", not "remplacer la cinquantaine de caméras" (a set told, by its article)."""
    return bool(RENEWING_BEFORE_RE.search(q.before)) and not re.match(
        r"(?:la|sa|leur|cette)\s", q.sentence[len(q.before) :] if q.sentence.startswith(q.before) else "")


def incremental(q: TenseQuestion) -> bool:
    """Whether what was done is what was added then, not the network: "a investi entre 2015 et 2020 pour
    installer 74 caméras" (not "les 26 caméras de la ville, installées entre 2015 et 2018"); "une deuxième
    phase … a permis de raccorder 65 caméras"; "a installé 8 caméras, portant le total à 57"."""
    # "Au cours de cette première phase, sept caméras ont été installées": the first is no addition to anything
    clause, sentence, after = FIRST_PHASE_RE.sub(" ", q.clause), FIRST_PHASE_RE.sub(" ", q.sentence), q.after
    between_years = YEARS_SPAN_RE.search(clause) and not re.search(r"\b(?:les|ses|leurs)\s*$", q.before)
    return bool(between_years or INCREMENT_RE.search(clause) or q.new_sum or q.operation_done or BOUNDED_RE.search(
        clause) or MORE_TO_COME_RE.search(sentence) or OPENING_PERIOD_RE.search(sentence) or SINCE_MONTH_RE.search(
        sentence) or PHASE_RE.search(sentence) or TOTAL_AFTER_RE.match(q.rest) or DATED_PARTICIPLE_RE.match(after))
