"""Corrections of a figure's metric and date once both are known (the stock now, the works' date)."""

from __future__ import annotations

import re

from extractors.candidates import Candidate, SentenceContext, _left, _right
from extractors.readings import norm
from extractors.segments import Sentence
from extractors.tense import DECIDED_RE, FUTURE_RE, LINKED_TO_COME_RE, REPLACED_RE

TO_REPLACE_RE = re.compile(r"\bpour (?:en |les )?(?:remplacer|renouveler|moderniser)\b")  # "pour en remplacer 24"
# "les images des 24 caméras", "couverts par les 38 caméras", "renforcer les 35 caméras fixes"
IN_PASSING_RE = re.compile(r"\b(?:images|enregistrements|réseau|parc) des\s*$|\b(?:par|sur|grâce aux|avec) les\s*$"
                           r"|\b(?:renforcer|compléter|rejoindre|remplacer) les\s*$|\b(?:en plus des|outre les)\s*$")


USED_FOR_RE = re.compile(r"[^.;]{0,40}?\b(?:ont|avaient|auront) (?:permis|contribué|servi|aidé)\b")


class FigureCorrector:
    """What a figure's date changes of its metric, and the reverse (a mixin of `Extractor`)."""

    def named_in_passing(self, sentence: Sentence, c: Candidate, date: str, context: SentenceContext) -> bool:
        """A stock named by a definite complement ("les images des 24 caméras de la ville", "couverts par les
        38 caméras") is the network as the reader knows it; the sentence's date is another statement's,
        unless it follows the count ("des 24 caméras en 2019")."""
        left = norm(_left(self.text, sentence, c.mention.start, 30))
        # "Les 19 caméras ont permis 27 interpellations en juillet": the subject of what they did then (but "En
        # 2019, les 52 caméras ont permis …" dates the network too)
        did = USED_FOR_RE.match(norm(_right(self.text, sentence, c.end, 60))) and not any(
            d.start < c.mention.start - sentence.start for d in context.dates())
        return bool(IN_PASSING_RE.search(left) or did) and not self.dated_right_after(c, date)

    def dated_right_after(self, c: Candidate, date: str) -> bool:
        """Whether the date's year follows the figure's words ("des 24 caméras en 2019")."""
        return date[:4] in self.text[c.end : c.end + 15]

    def to_be_replaced(self, sentence: Sentence) -> bool:
        """Cameras there now, to be replaced or linked elsewhere ("seront visionnées depuis le centre")."""
        stext = norm(self.text[sentence.start : sentence.end])
        return bool(REPLACED_RE.search(stext) and FUTURE_RE.search(stext) or LINKED_TO_COME_RE.search(stext))

    def future_or_decided(self, sentence: Sentence) -> bool:
        said = norm(self.text[sentence.start : sentence.end])
        return bool(FUTURE_RE.search(said) or DECIDED_RE.search(said))

    def before_publication(self, date: str | None) -> bool:
        """A year, or a month of the page's year, earlier than the page's own: what the page says of it is
        done ("Juillet : 6 caméras de plus" in a timeline published in September)."""
        if not (date and self.published and date[:4].isdigit() and self.published[:4].isdigit()):
            return False
        if len(date) >= 7 and len(self.published) >= 7 and date[:4] == self.published[:4]:
            return date[:7] < self.published[:7]
        return date[:4] < self.published[:4]

    def after_publication(self, date: str | None) -> bool:
        """A year later than the page's own: what the page says of it is yet to come."""
        return bool(date and self.published and date[:4].isdigit() and self.published[:4].isdigit()
                    and date[:4] > self.published[:4])
