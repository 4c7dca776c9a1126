"""Corrections of a figure once its metric and date are both known: an ordered table of named rules.

A date can undo a kind ("Phase 3 (2024) : 8 caméras", told in 2023, is still to come) and a kind can undo a
date ("les 18 caméras seront remplacées cet automne": the stock is now's, the date the works'). Each rule
below is a name, why it holds, when it applies and what it sets: the date dropped, or another metric. All
are tried in this table's order, each on what the ones before left.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extractors.candidates import Candidate, SentenceContext, words_after, words_before
from extractors.figure import Metric
from extractors.places import FigurePlace
from extractors.readings import norm
from extractors.segments import Sentence
from extractors.tense_words import DECIDED_RE, FUTURE_RE, INCREMENT_RE, LINKED_TO_COME_RE, PHASE_RE, REPLACED_RE

if TYPE_CHECKING:
    from extractors.pipeline import Extractor

TO_REPLACE_RE = re.compile(r"\bpour (?:en |les )?(?:remplacer|renouveler|moderniser)\b")  # "pour en remplacer 24"
# "les images des 24 caméras", "couverts par les 38 caméras", "renforcer les 35 caméras fixes"
IN_PASSING_RE = re.compile(r"\b(?:images|enregistrements|réseau|parc) des\s*$|\b(?:par|sur|grâce aux|avec) les\s*$"
                           r"|\b(?:renforcer|compléter|rejoindre|remplacer) les\s*$|\b(?:en plus des|outre les)\s*$")
USED_FOR_RE = re.compile(r"[^.;]{0,40}?\b(?:ont|avaient|auront) (?:permis|contribué|servi|aidé)\b")


@dataclass
class Draft:
    """A figure's metric and date as decided so far, with what the corrections read to change them."""

    x: Extractor
    sentence: Sentence
    c: Candidate
    context: SentenceContext
    place: FigurePlace
    metric: Metric
    date: str | None

    @cached_property
    def stext(self) -> str:
        return norm(self.x.text[self.sentence.start : self.sentence.end])

    def before_publication(self) -> bool:
        return before_publication(self.x.published, self.date)

    def phase_before(self) -> bool:
        """ "Phase 3 (2024) : 8 caméras": a phase is named before the figure."""
        return bool(PHASE_RE.search(norm(self.x.text[self.sentence.start : self.c.start])))

    def increment(self, size: int) -> bool:
        """ "25 de plus", "12 caméras supplémentaires": the figure is told as an increment."""
        return bool(INCREMENT_RE.search(norm(self.x.text[self.c.start : self.c.end + size])))


def _works_date(d: Draft) -> bool:
    return d.metric is Metric.CAMERAS and bool(d.date) and (to_be_replaced(d.stext) or not d.before_publication()
                                                            and bool(TO_REPLACE_RE.search(d.stext)))


def _named_in_passing(d: Draft) -> bool:
    return d.metric is Metric.CAMERAS and bool(d.date) and named_in_passing(d)


def _threshold(d: Draft) -> bool:
    return d.metric is Metric.POPULATION and d.place.kind == "other"


def _population_of_another_statement(d: Draft) -> bool:
    return d.metric is Metric.POPULATION and bool(d.date) and not dated_right_after(d.x, d.c, d.date)


def _later_than_publication(d: Draft) -> bool:
    return after_publication(d.x.published, d.date) and (d.metric is Metric.CAMERAS_ADDED or (
        d.metric is Metric.CAMERAS and (d.increment(20) or d.phase_before())))


def _past_phase(d: Draft) -> bool:
    return d.metric is Metric.CAMERAS and d.before_publication() and d.phase_before()


def _past_increment(d: Draft) -> bool:
    return d.metric is Metric.CAMERAS_PLANNED and d.before_publication() and d.increment(50) and not (
        FUTURE_RE.search(d.stext) or DECIDED_RE.search(d.stext))


@dataclass(frozen=True)
class Correction:
    name: str
    why: str
    applies: Callable[[Draft], bool]
    metric: Metric | None  # the metric it sets; None: it drops the date


CORRECTIONS: tuple[Correction, ...] = (
    Correction("works_date", "'les 18 caméras seront remplacées cet automne', 'inscrit au budget 2024 pour en "
               "remplacer 24': the stock is now's, the date the works'", _works_date, None),
    Correction("named_in_passing", "'les images des 24 caméras de la ville ont contribué en 2022 à…': the "
               "network as it is", _named_in_passing, None),
    Correction("threshold", "'les communes de moins de 5 000 habitants': a rule's threshold, of no date",
               _threshold, None),
    Correction("population_of_another_statement", "'la commune de 9 000 habitants va en installer 16 d'ici la "
               "fin de l'année': the plan's date", _population_of_another_statement, None),
    Correction("later_than_publication", "'en installer 25 de plus en 2023 et 2024', 'Phase 3 (2024) : 8 "
               "caméras': still to come", _later_than_publication, Metric.CAMERAS_PLANNED),
    Correction("past_phase", "'1re phase (2021) : 10 caméras', told in 2023: what that phase added",
               _past_phase, Metric.CAMERAS_ADDED),
    Correction("past_increment", "'le bilan de 2023 : … 12 caméras supplémentaires', published in 2024: added",
               _past_increment, Metric.CAMERAS_ADDED),
)


def correct(draft: Draft) -> dict[str, str]:
    """Apply each correction that applies, in the table's order. Returns, for each attribute a correction
    changed ("metric", "date"), the name of the last that did, for `--explain`."""
    changed: dict[str, str] = {}
    for rule in CORRECTIONS:
        if rule.applies(draft):
            if rule.metric is None:
                draft.date = None
                changed["date"] = rule.name
            else:
                draft.metric = rule.metric
                changed["metric"] = rule.name
    return changed


def named_in_passing(d: Draft) -> bool:
    """A stock named by a definite complement ("les images des 24 caméras de la ville", "couverts par les
    38 caméras") is the network as the reader knows it; the sentence's date is another statement's,
    unless it follows the count ("des 24 caméras en 2019")."""
    x, sentence, c = d.x, d.sentence, d.c
    left = norm(words_before(x.text, sentence, c.mention.start, 30))
    # "Les 19 caméras ont permis 27 interpellations en juillet": the subject of what they did then (but "En
    # 2019, les 52 caméras ont permis …" dates the network too)
    did = USED_FOR_RE.match(norm(words_after(x.text, sentence, c.end, 60))) and not any(
        m.start < c.mention.start - sentence.start for m in d.context.dates())
    return bool(IN_PASSING_RE.search(left) or did) and not dated_right_after(x, c, d.date)


# "On est à 260 caméras cette année": a time of the page's year, told right after the count
THIS_TIME_AFTER_RE = re.compile(r"\s*(?:cette année|cette saison|ce mois-ci|cet (?:été|automne|hiver)|ce printemps)\b",
                                re.IGNORECASE)


def dated_right_after(x: Extractor, c: Candidate, date: str) -> bool:
    """Whether the date follows the figure's words: its year ("des 24 caméras en 2019") or a time of this year."""
    return date[:4] in x.text[c.end : c.end + 15] or bool(THIS_TIME_AFTER_RE.match(x.text, c.end))


def to_be_replaced(stext: str) -> bool:
    """Cameras there now, to be replaced or linked elsewhere ("seront visionnées depuis le centre")."""
    return bool(REPLACED_RE.search(stext) and FUTURE_RE.search(stext) or LINKED_TO_COME_RE.search(stext))


def before_publication(published: str | None, date: str | None) -> bool:
    """A year, or a month of the page's year, earlier than the page's own: what the page says of it is
    done ("Juillet : 6 caméras de plus" in a timeline published in September)."""
    if not (date and published and date[:4].isdigit() and published[:4].isdigit()):
        return False
    if len(date) >= 7 and len(published) >= 7 and date[:4] == published[:4]:
        return date[:7] < published[:7]
    return date[:4] < published[:4]


def after_publication(published: str | None, date: str | None) -> bool:
    """A year later than the page's own: what the page says of it is yet to come."""
    return bool(date and published and date[:4].isdigit() and published[:4].isdigit() and date[:4] > published[:4])
