"""What a figure counts: its metric, from its reading, its words and the sentences around it."""

from __future__ import annotations

import re

from extractors.candidates import Candidate, SentenceContext, _left, _right, bracketed_item
from extractors.cues import (
    FINE_BEFORE_RE,
    INSTALLING_RE,
    PENALTY_AFTER_RE,
    PER_YEAR_AFTER_RE,
    PRICE_RE,
    RATE_BEFORE_RE,
    RESTATED_RE,
    RESTATES_RE,
    SPENT_ON_RE,
    THAT_PURPOSE_RE,
    THE_SYSTEM_RE,
    WHOLE_OF_VIDEO_RE,
)
from extractors.figure import Metric
from extractors.lexicon_fr import BROAD_MONEY, VIDEO_TERMS
from extractors.places import FigurePlace
from extractors.readings import CAMERAS, DENSITY, MONEY, OFFENCES, OTHER, PERCENT, POPULATION, norm
from extractors.segments import Sentence, clause_at, list_intro
from extractors.tense import COMPOUND_PAST_RE, DECIDED_RE, MONEY_FOR_RE, camera_metric

GIVEN_TO_RE = re.compile(r"\b(?:le|la|l'|les)\s*([^,.;]{3,40}),\s+qui\s+(?:n'a|a|ont|n'ont|avait|n'avait)\s+"
                         r"(?:\w+\s+)?reçu\s+(?:que\s+)?$", re.IGNORECASE)


# a budget's growth or a tax rate ("la taxe foncière reste fixée à 38,5 %"), not "hors taxes"
TAX_OR_BUDGET = r"\bbudget\b|\btaxes? (?:foncière|d'habitation|locale)|\bimpôts?\b|\bfiscal\w*|\bd'imposition\b"
SIMPLE_METRICS = {DENSITY: Metric.CAMERAS_PER_100K, POPULATION: Metric.POPULATION, MONEY: Metric.MONEY_EUR,
                  PERCENT: Metric.PERCENT, OFFENCES: Metric.OFFENCES, OTHER: Metric.OTHER}


class MetricDecider:
    """The metric of a candidate (a mixin of `Extractor`)."""

    def metric(self, sentence: Sentence, c: Candidate, place: FigurePlace, context: SentenceContext) -> Metric | None:
        family = c.reading.family
        stext = norm(self.text[sentence.start : sentence.end])
        if family == CAMERAS and c.starting_point:
            return Metric.CAMERAS
        if family == CAMERAS and self.for_that_purpose(sentence, c):
            return Metric.OTHER  # "… a permis 1 850 PV. Les 5 caméras utilisées à cet effet …": vidéo-verbalisation
        if family == CAMERAS:
            clause = clause_at(context.clauses, c.mention.start)
            head_metric = Metric(c.head.figure.metric) if c.head is not None and c.head.figure else None
            said = self.text[sentence.start : sentence.end]
            before = self.sentences[sentence.index - 1] if sentence.index else None
            done = bool(before and RESTATES_RE.match(norm(said)) and COMPOUND_PAST_RE.search(
                norm(self.text[before.start : before.end])))  # "… avons accompagné 84 communes. Cela représente"
            after = self.after_number(sentence, c)
            clause_text = self.text[clause.start : clause.end]
            if cell := self.cells.get(sentence.start):  # "Caméras prévues 2024 / … / 6": its header's tense
                clause_text = said = f"{clause_text} {cell.header}"
            metric = camera_metric(
                clause_text, said, after, place_kind=place.kind,
                head=head_metric, linked_by_dont=c.linked_by_dont,
                rate=bool(RATE_BEFORE_RE.search(norm(self.text[max(0, c.mention.start - 20) : c.mention.start]))
                          or PER_YEAR_AFTER_RE.match(norm(after))),
                before_number=self.text[sentence.start : c.mention.start], done=done,
                decided=self.decided(sentence) or self.aid_granted and bool(MONEY_FOR_RE.search(norm(
                    self.text[max(sentence.start, c.mention.start - 30) : c.mention.start]))),
            )
            if metric is Metric.CAMERAS and self.intro_to_come(sentence):
                return Metric.CAMERAS_PLANNED  # "… qui pourront installer des caméras :⏎Lillers : 15 caméras"
            return metric
        if family == MONEY and re.search(BROAD_MONEY, stext) and not re.search(VIDEO_TERMS, stext) and not (
                INSTALLING_RE.search(stext)) and not self.label_under_video_heading(sentence) and not (
                THE_SYSTEM_RE.search(stext) and self.camera_context(sentence.index)) and not self.plan_of_cameras(
                sentence, stext):
            return None  # a global security plan or budget, not surveillance money
        if family == MONEY and PRICE_RE.search(stext) and not re.search(VIDEO_TERMS, stext):
            return None  # "le tarif est de 1,50 euro de l'heure": the price of something else
        if family == MONEY and (spent := SPENT_ON_RE.match(_right(self.text, sentence, c.end, 80))) and not re.search(
                VIDEO_TERMS, spent.group(0)):
            return None  # "4 millions d'euros investis dans les écoles": spent on something else
        if family == MONEY and (given := GIVEN_TO_RE.search(_left(self.text, sentence, c.mention.start, 80))) and not (
                re.search(VIDEO_TERMS, norm(given[1]))):
            return None  # "l'éclairage public, qui n'a reçu que 80 000 euros": what something else received
        if family == MONEY and WHOLE_OF_VIDEO_RE.match(_right(self.text, sentence, c.end, 100)):
            return None  # "La sécurité en représente 3,1 millions, dont 420 000 euros pour la vidéoprotection"
        if family == PERCENT and re.search(TAX_OR_BUDGET, stext) and not re.search(
                VIDEO_TERMS, stext) and not self.label_under_video_heading(sentence):
            return None  # "Le budget de la police municipale progresse de 8 %", "la taxe foncière reste à 38,5 %"
        if family == MONEY and (label := self.line_label(c)) and not re.search(VIDEO_TERMS, norm(label)):
            return None  # "Rénovation de l'école ........ 1 250 000 €": a budget's line for something else
        if family == MONEY and (FINE_BEFORE_RE.search(_left(self.text, sentence, c.mention.start, 60))
                                or PENALTY_AFTER_RE.match(self.text, c.end)):
            return None  # "1 800 amendes, pour un montant moyen de 35 euros": what a driver pays
        item = bracketed_item(self.text, sentence, c.start) if family == MONEY else None
        if item is not None and not re.search(VIDEO_TERMS, norm(item)) and not re.search(VIDEO_TERMS, norm(
                _right(self.text, sentence, c.end, 40).split(")")[0])) and not self.finder.names_in(item):
            # "rénovation de l'école (2,1 M€), …, vidéoprotection (180 000 €)": each item's own amount; not
            # "Pierrelatte (42 000 euros pour 9 caméras), Nyons (18 500 euros)": communes and their aid
            return None
        return SIMPLE_METRICS[family]

    def plan_of_cameras(self, sentence: Sentence, stext: str) -> bool:
        """ "… son plan pluriannuel : 12 caméras par an. Le plan est chiffré à 900 000 euros": the plan one of
        the two sentences before told of, among cameras, not a global security plan."""
        if sentence.index == 0 or not re.search(r"\b(?:le|ce|son|leur) plan\b", stext):
            return False
        told = " ".join(norm(self.text[s.start : s.end]) for s in self.sentences[max(0, sentence.index - 2) :
                                                                                 sentence.index])
        return bool(re.search(r"\bplan\b", told)) and self.camera_context(sentence.index)

    def for_that_purpose(self, sentence: Sentence, c: Candidate) -> bool:
        """Cameras used "à cet effet" where the sentence before tells of vidéo-verbalisation."""
        if sentence.index == 0 or not THAT_PURPOSE_RE.match(norm(self.text[c.end : c.end + 40])):
            return False
        before = self.sentences[sentence.index - 1]
        return "verbalis" in norm(self.text[before.start : before.end])

    def decided(self, sentence: Sentence) -> bool:
        """Whether the sentence's tenseless counts are of what a decision decides: the page records one (a
        deliberation), or the sentence is an item of a list a decision introduces ("La Région a attribué les
        subventions suivantes :⏎- Chagny : 9 200 € pour 3 caméras")."""
        intro = list_intro(self.sentences, self.text, sentence)
        return self.deliberation or bool(intro and DECIDED_RE.search(norm(self.text[intro.start : intro.end])))

    def restates(self, c: Candidate, metric: Metric) -> bool:
        """ "la mise en service des 55 caméras" after "55 nouvelles caméras seront installées"."""
        left = norm(self.text[max(0, c.mention.start - 12) : c.mention.start])
        if c.reading.family != CAMERAS or not RESTATED_RE.search(left):
            return False
        return any(o.figure is not None and o.figure.value == c.mention.value and o.reading.family == CAMERAS
                   for o in self.candidates)
