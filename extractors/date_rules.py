"""When a figure holds: its date, from its table, its clause, its sentence or the figures around it."""

from __future__ import annotations

import re

from extractors.candidates import Candidate, SentenceContext, _left
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
from extractors.readings import CAMERAS, MONEY, PERCENT, norm
from extractors.segments import Sentence, Span, clause_at
from extractors.tense import FUTURE_RE

# a stock that results from what the sentence before told: "Le parc passe ainsi de 35 à 55 caméras"; or
# that holds at the time it told: "… nous en installerons 8 l'an prochain. La commune en comptera alors 40"
RESULT_RE = re.compile(r"\b(?:pass|port|atteint|s'élève|s'établit|compt)\w*\s+ainsi\b|\bainsi\s+(?:port|pass)\w*"
                       r"|\b(?:compt|dispos|atteind|totalis)\w*\s+alors\b")  # "Notre commune en comptera alors 40"


BARE_AMOUNT_RE = re.compile(r"\s*[\d\s\u00a0\u202f.,]+\s*(?:€|euros?|k€|M€)(?:\s*(?:HT|TTC))?\s*")
DECIDED_VERB_RE = re.compile(r"\b(?:voté|adopté|approuvé|attribué|accordé|alloué|débloqué|inscrit|engagé)e?s?\b")


class DateDecider:
    """The date of a candidate (a mixin of `Extractor`)."""

    def date(self, sentence: Sentence, c: Candidate, context: SentenceContext) -> tuple[str | None, str]:
        """The figure's date, and the name of the rule that gave it (for --explain)."""
        if (cell := self.cells.get(sentence.start)) and cell.year:
            # "Nombre de caméras / 2021 / 2022 / Voie publique / 34 / 41": the column's year
            return cell.year, "column_year"
        if cell and (year := YEAR_RE.search(cell.header)):
            # "Caméras prévues 2024": its header's year
            return year[1], "header_year"
        clause = self.with_apposition(clause_at(context.clauses, c.mention.start), context.clauses)
        s = sentence.start
        # A number that counts something else does not keep a date after it from this one: "70 caméras
        # dans les 20 communes d'ici 2022" (but "180 d'ici l'été et 360 début 2013" does).
        family = c.reading.family
        others = [(a - s, b - s) for a, b in context.numbers
                  if not (a <= c.mention.start < b) and context.families.get(a, family) == family]
        # "chaque caméra coûte 9 000 €": a unit price holds for no date its sentence gives elsewhere
        unit_price = family == MONEY and bool(UNIT_PRICE_RE.search(norm(self.text[max(0, c.mention.start - 40) :
                                                                                   c.mention.start]))
                                              or PER_CAMERA_AFTER_RE.match(self.text, c.mention.end))  # "… par caméra"
        if c.starting_point and c.head is not None:  # "passera de 140 à 165 caméras d'ici l'été": 140 is now
            between = [d for d in context.dates() if c.end - s <= d.start and d.end <= c.head.mention.start - s]
            # "De 12 en 2014, le parc est monté à 106"; "Entre 2018 et 2021, … passé de 9 à 27": 9 in 2018
            # "En six ans, … fait passer de 8 à 41": six years ago; "prévoit de passer de 100 à 150 en trois ans": now
            past = not FUTURE_RE.search(norm(context.text))
            start = between[0].value if between else period_start(context.text, self.published if past else None)
            return start, "period_start"
        date = figure_date(context.text, (clause.start - s, clause.end - s), (c.mention.start - s, c.end - s),
                           others, self.published, context.dates(), own_clause_only=unit_price)
        if date is not None and self.a_persons_date(date, context):
            date = None
        relative = OWN_RELATIVE_RE.match(self.text, c.end)
        # "un budget voté en décembre pour 30 caméras, qui seront posées d'ici l'été": when they will be there
        to_come = relative is not None and bool(FUTURE_INSTALL_RE.search(norm(relative.group(0))))
        if relative and (date is None or to_come):
            inside = {d.value for d in context.dates() if c.end - s <= d.start < relative.end() - s}
            if len(inside) == 1:  # "quinze caméras, qui porteront le réseau à 45 au printemps 2023"
                return inside.pop(), "own_relative"
        if date is None and c.head is not None and c.head.figure is not None and re.search(
                r"\bsoit\s*$", _left(self.text, sentence, c.mention.start, 12)):
            # "D'ici 2027, la ville vise 40 caméras, soit 13 de plus": the same time
            return c.head.figure.date, "head_figure"
        if date is None and family == CAMERAS and RESULT_RE.search(norm(context.text)) and (
                done := self.operation_before(sentence)):
            # "Vingt caméras ont été posées cet été. Le parc passe ainsi de 35 à 55": after it
            return done.date, "operation_before"
        if date is None and ORIGIN_RE.match(said := norm(context.text)) and not FUTURE_RE.search(said) and (
                first := self.first_year_before(s)):
            # "D'abord testées en 2003 … Au départ, cinq caméras seulement": the start's year
            return str(first), "first_year"
        if family == PERCENT and CHANGE_BEFORE_RE.search(_left(self.text, sentence, c.mention.start, 40)):
            years = sorted({d.value for d in context.dates() if len(d.value) == 4})  # years, not "15/01/2022"
            if len(years) >= 2:  # "1 129 infractions en 2021 contre 1 083 en 2020, soit une hausse de 4,2 %"
                # a change between two years is the later one's
                return years[-1], "later_year"
        return date, "figure_date"

    def with_apposition(self, clause: Span, clauses: list[Span]) -> Span:
        """A figure in apposition ("Le budget de réparation, 12 000 €, a été voté le 28 mars") is dated by the
        decision the clause that follows it tells: the two as one."""
        text = self.text
        if not BARE_AMOUNT_RE.fullmatch(text[clause.start : clause.end]) or not text[: clause.start].rstrip(
                ).endswith(",") or not text[clause.end :].lstrip().startswith(","):
            return clause
        following = next((c for c in clauses if c.start >= clause.end), None)
        if following is None or not DECIDED_VERB_RE.search(norm(text[following.start : following.end])):
            return clause  # "Le coût, 96 000 euros, dépasse les capacités cette année": not the amount's date
        return Span(clause.start, following.end)

    def operation_before(self, sentence: Sentence) -> Figure | None:
        """The dated cameras added or planned that the sentence before told of: the operation a result
        ("Le parc passe ainsi à 55") follows from."""
        if not sentence.index:
            return None
        before = self.sentences[sentence.index - 1]
        told = [c.figure for c in self.candidates if c.figure is not None and c.figure.date
                and before.start <= c.mention.start < before.end
                and c.figure.metric in (Metric.CAMERAS_ADDED.value, Metric.CAMERAS_PLANNED.value)]
        return told[-1] if told else None

    @staticmethod
    def a_persons_date(date: str, context: SentenceContext) -> bool:
        """Whether the sentence gives `date` only as a person's: an opening phrase ("Élue en 2020 sur …, la
        maire a fait démonter cinq caméras") or an apposition ("Le nouveau maire, élu en juin, a suspendu le
        marché de 95 000 euros")."""
        said = norm(context.text)
        stated = [d for d in context.dates() if d.value == date]
        opening = PERSON_OPENING_RE.match(said)
        return bool(stated) and all(
            (opening and d.start < opening.end()) or PERSON_APPOSITION_RE.search(said[: d.start]) for d in stated)

    def first_year_before(self, position: int) -> int | None:
        """The earliest year the text names before `position`: when its story started."""
        years = self.years_before(position)
        return min(years) if years else None
