"""When a figure holds: an ordered table of named rules, the first that answers decides.

A figure's date is said by its table (a column's year, a header's), by the clause around it
(`extractors.dates.figure_date`), or by what it hangs on: where a series starts, the figure it restates,
the operation a result follows from, the year a story starts. Each rule below is a name, why it holds and
the function that answers (or not); their order is this table's. `vigicam extract --explain` prints the
rule that dated each figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from extractors.candidates import Candidate, SentenceContext, words_before
from extractors.carried_dates import UNIT_PRICE_RE
from extractors.cues import (
    CHANGE_BEFORE_RE,
    FUTURE_INSTALL_RE,
    ORIGIN_RE,
    OWN_RELATIVE_RE,
    PER_CAMERA_AFTER_RE,
    PERSON_APPOSITION_RE,
    PERSON_OPENING_RE,
)
from extractors.dates import YEAR_RE, figure_date, period_start
from extractors.figure import Figure, Metric
from extractors.lexicon_fr import MONTH_PATTERN
from extractors.readings import CAMERAS, MONEY, PERCENT, norm
from extractors.segments import Sentence, Span, clause_at
from extractors.tense_words import FUTURE_RE

if TYPE_CHECKING:
    from extractors.pipeline import Extractor
    from extractors.tables import Cell

# a stock that results from what the sentence before told: "Le parc passe ainsi de 35 à 55 caméras"; or
# that holds at the time it told: "… nous en installerons 8 l'an prochain. La commune en comptera alors 40"
RESULT_RE = re.compile(r"\b(?:pass|port|atteint|s'élève|s'établit|compt)\w*\s+ainsi\b|\bainsi\s+(?:port|pass)\w*"
                       r"|\b(?:compt|dispos|atteind|totalis)\w*\s+alors\b")  # "Notre commune en comptera alors 40"
BARE_AMOUNT_RE = re.compile(r"\s*[\d\s\u00a0\u202f.,]+\s*(?:€|euros?|k€|M€)(?:\s*(?:HT|TTC))?\s*")
DECIDED_VERB_RE = re.compile(r"\b(?:voté|adopté|approuvé|attribué|accordé|alloué|débloqué|inscrit|engagé)e?s?\b")


class Dated(NamedTuple):
    """A rule's answer: the date, which may be None ("no date") and still decide."""

    value: str | None


@dataclass
class DateQuestion:
    """One figure's date asked of the rules: what they share, each part computed once, when asked."""

    x: Extractor
    sentence: Sentence
    c: Candidate
    context: SentenceContext

    @cached_property
    def cell(self) -> Cell | None:
        return self.x.cells.get(self.sentence.start)

    @cached_property
    def said(self) -> str:
        return norm(self.context.text)

    @cached_property
    def stated(self) -> str | None:
        """The date the figure's clause and sentence give it (`figure_date`), unless only a person's."""
        x, c, context, s = self.x, self.c, self.context, self.sentence.start
        clause = with_apposition(x, clause_at(context.clauses, c.mention.start), context.clauses)
        # A number that counts something else does not keep a date after it from this one: "70 caméras
        # dans les 20 communes d'ici 2022" (but "180 d'ici l'été et 360 début 2013" does).
        family = c.reading.family
        others = [(a - s, b - s) for a, b in context.numbers
                  if not (a <= c.mention.start < b) and context.families.get(a, family) == family]
        # "chaque caméra coûte 9 000 €": a unit price holds for no date its sentence gives elsewhere
        unit_price = family == MONEY and bool(UNIT_PRICE_RE.search(norm(x.text[max(0, c.mention.start - 40) :
                                                                                c.mention.start]))
                                              or PER_CAMERA_AFTER_RE.match(x.text, c.mention.end))  # "… par caméra"
        date = figure_date(context.text, (clause.start - s, clause.end - s), (c.mention.start - s, c.end - s),
                           others, x.published, context.dates(), own_clause_only=unit_price)
        if date is not None and a_persons_date(date, context):
            return None
        return date


def _column_year(q: DateQuestion) -> Dated | None:
    return Dated(q.cell.year) if q.cell and q.cell.year else None


def _header_year(q: DateQuestion) -> Dated | None:
    return Dated(year[1]) if q.cell and (year := YEAR_RE.search(q.cell.header)) else None


def _period_start(q: DateQuestion) -> Dated | None:
    c, s = q.c, q.sentence.start
    if not (c.starting_point and c.head is not None):
        return None
    between = [d for d in q.context.dates() if c.end - s <= d.start and d.end <= c.head.mention.start - s]
    # "De 12 en 2014, le parc est monté à 106"; "Entre 2018 et 2021, … passé de 9 à 27": 9 in 2018
    # "En six ans, … fait passer de 8 à 41": six years ago; "prévoit de passer de 100 à 150 en trois ans": now
    past = not FUTURE_RE.search(q.said)
    return Dated(between[0].value if between else period_start(q.context.text, q.x.published if past else None))


def _own_relative(q: DateQuestion) -> Dated | None:
    c, s = q.c, q.sentence.start
    relative = OWN_RELATIVE_RE.match(q.x.text, c.end)
    if relative is None:
        return None
    # "un budget voté en décembre pour 30 caméras, qui seront posées d'ici l'été": when they will be there
    to_come = bool(FUTURE_INSTALL_RE.search(norm(relative.group(0))))
    if q.stated is not None and not to_come:
        return None
    inside = {d.value for d in q.context.dates() if c.end - s <= d.start < relative.end() - s}
    return Dated(inside.pop()) if len(inside) == 1 else None


def _head_figure(q: DateQuestion) -> Dated | None:
    c = q.c
    if q.stated is None and c.head is not None and c.head.figure is not None and re.search(
            r"\bsoit\s*$", words_before(q.x.text, q.sentence, c.mention.start, 12)):
        return Dated(c.head.figure.date)
    return None


def _operation_before(q: DateQuestion) -> Dated | None:
    if q.stated is None and q.c.reading.family == CAMERAS and RESULT_RE.search(q.said) and (
            done := operation_before(q.x, q.sentence)):
        return Dated(done.date)
    return None


def _first_year(q: DateQuestion) -> Dated | None:
    if q.stated is None and ORIGIN_RE.match(q.said) and not FUTURE_RE.search(q.said) and (
            first := first_year_before(q.x, q.sentence.start)):
        return Dated(str(first))
    return None


def _later_year(q: DateQuestion) -> Dated | None:
    if q.c.reading.family != PERCENT or not CHANGE_BEFORE_RE.search(words_before(q.x.text, q.sentence,
                                                                           q.c.mention.start, 40)):
        return None
    years = sorted({d.value for d in q.context.dates() if len(d.value) == 4})  # years, not "15/01/2022"
    return Dated(years[-1]) if len(years) >= 2 else None


def _figure_date(q: DateQuestion) -> Dated:
    return Dated(q.stated)


@dataclass(frozen=True)
class DateRule:
    name: str
    why: str
    answer: Callable[[DateQuestion], Dated | None]


DATE_RULES: tuple[DateRule, ...] = (
    DateRule("column_year", "'Nombre de caméras / 2021 / 2022 / Voie publique / 34 / 41': the column's year",
             _column_year),
    DateRule("header_year", "'Caméras prévues 2024': its table header's year", _header_year),
    DateRule("period_start", "'passera de 140 à 165 caméras d'ici l'été': where a series starts is now, or the "
             "date between its two counts", _period_start),
    DateRule("own_relative", "'quinze caméras, qui porteront le réseau à 45 au printemps 2023': the one date of "
             "its own relative clause", _own_relative),
    DateRule("head_figure", "'D'ici 2027, la ville vise 40 caméras, soit 13 de plus': the same time",
             _head_figure),
    DateRule("operation_before", "'Vingt caméras ont été posées cet été. Le parc passe ainsi de 35 à 55': after "
             "the operation told before", _operation_before),
    DateRule("first_year", "'D'abord testées en 2003 … Au départ, cinq caméras seulement': the start's year",
             _first_year),
    DateRule("later_year", "'1 129 infractions en 2021 contre 1 083 en 2020, soit une hausse de 4,2 %': a "
             "change between two years is the later one's", _later_year),
    DateRule("figure_date", "the date the figure's clause and sentence give it", _figure_date),
)


def date_of(x: Extractor, sentence: Sentence, c: Candidate, context: SentenceContext) -> tuple[str | None, str]:
    """The figure's date, and the name of the rule that gave it (for --explain)."""
    question = DateQuestion(x, sentence, c, context)
    for rule in DATE_RULES:
        if (answer := rule.answer(question)) is not None:
            return answer.value, rule.name
    raise AssertionError("figure_date answers every figure")


# a clause that is nothing but a deadline or a time: ", d'ici 2020.", ", à l'horizon 2025", ", au second
# semestre 2015", ", en mars 2016"
DEADLINE_ONLY_RE = re.compile(r"\s*,\s*(?:d'ici|à l'horizon|à (?:l')?échéance|avant|en|fin|début|courant|au cours de"
                              r"|au (?:premier|second|deuxième|troisième|quatrième|\d(?:er|e|nd))"
                              r"\s+(?:semestre|trimestre))"
                              rf"\s+(?:à\s+)?(?:la fin\s+(?:de\s+)?)?(?:l'année\s+)?(?:(?:{MONTH_PATTERN})\s+)?"
                              r"(?:19|20)\d\d\s*[.;]?\s*$")


def with_apposition(x: Extractor, clause: Span, clauses: list[Span]) -> Span:
    """A figure in apposition ("Le budget de réparation, 12 000 €, a été voté le 28 mars") is dated by the
    decision the clause that follows it tells, and a count by a deadline set apart after it: the two as one."""
    text = x.text
    following = next((c for c in clauses if c.start >= clause.end), None)
    if following is not None and DEADLINE_ONLY_RE.match(norm(text[clause.end : following.end])):
        return Span(clause.start, following.end)  # "l'objectif est de 100, d'ici 2020": its deadline, set apart
    if not BARE_AMOUNT_RE.fullmatch(text[clause.start : clause.end]) or not text[: clause.start].rstrip(
            ).endswith(",") or not text[clause.end :].lstrip().startswith(","):
        return clause
    following = next((c for c in clauses if c.start >= clause.end), None)
    if following is None or not DECIDED_VERB_RE.search(norm(text[following.start : following.end])):
        return clause  # "Le coût, 96 000 euros, dépasse les capacités cette année": not the amount's date
    return Span(clause.start, following.end)


def operation_before(x: Extractor, sentence: Sentence) -> Figure | None:
    """The dated cameras added or planned that the sentence before told of: the operation a result
    ("Le parc passe ainsi à 55") follows from."""
    if not sentence.index:
        return None
    before = x.sentences[sentence.index - 1]
    told = [c.figure for c in x.candidates if c.figure is not None and c.figure.date
            and before.start <= c.mention.start < before.end
            and c.figure.metric in (Metric.CAMERAS_ADDED.value, Metric.CAMERAS_PLANNED.value)]
    return told[-1] if told else None


def a_persons_date(date: str, context: SentenceContext) -> bool:
    """Whether the sentence gives `date` only as a person's: an opening phrase ("Élue en 2020 sur …, la
    maire a fait démonter cinq caméras") or an apposition ("Le nouveau maire, élu en juin, a suspendu le
    marché de 95 000 euros")."""
    said = norm(context.text)
    stated = [d for d in context.dates() if d.value == date]
    opening = PERSON_OPENING_RE.match(said)
    return bool(stated) and all(
        (opening and d.start < opening.end()) or PERSON_APPOSITION_RE.search(said[: d.start]) for d in stated)


def first_year_before(x: Extractor, position: int) -> int | None:
    """The earliest year the text names before `position`: when its story started."""
    years = x.years_before(position)
    return min(years) if years else None
