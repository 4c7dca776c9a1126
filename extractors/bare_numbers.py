"""Helpers of the bare-number rules (`extractors.bare_rules`): what a question, "le nombre de", a noun
before or the figures before a bare number say it counts."""

from __future__ import annotations

import re

from extractors.candidates import Candidate
from extractors.cues import (
    COUNTED_NOUN_RE,
    HOW_MANY_OF_THEM_RE,
    HOW_MANY_RE,
    NUMBER_OF_RE,
)
from extractors.numbers import Mention
from extractors.readings import CAMERAS, DENSITY, MONEY, PERCENT, Reading, norm, read_unit
from extractors.segments import Sentence

# an elliptic question that asks again what the one before asked: "— Et demain ?"
FOLLOW_UP_RE = re.compile(r"\W*et\s+(?:demain|ensuite|après|à l'avenir|à terme|plus tard|d'ici (?:là|\d{4}))\s*\?")


class BareLinker:
    """What the sentences around a bare number say it counts (a mixin of `Extractor`)."""

    def in_sentence_before(self, sentence: Sentence) -> list[Candidate]:
        """The candidates read in the sentence before this one."""
        if not sentence.index:
            return []
        before = self.sentences[sentence.index - 1]
        return [c for c in self.candidates if before.start <= c.mention.start < before.end]

    def last_counted(self, sentence: Sentence, previous: list[Candidate]) -> Candidate | None:
        """What a partitive pronoun ("d'entre elles") stands for: the last thing counted in its sentence or
        the one before."""
        counted = [c for c in previous if c.reading.family not in (PERCENT, MONEY, DENSITY) and not c.linked_by_dont]
        if counted:
            return counted[-1]
        last = self.last_candidate(sentence.index, counted=True)
        return last if last is not None and sentence.index - self._sentence_index(last) <= 1 else None

    def asked_before(self, sentence: Sentence, m: Mention) -> Reading | None:
        """The reading of the noun a question right before asks the number of ("Combien de caméras… ?"),
        for a number that opens the answer."""
        if sentence.index == 0 or len(norm(self.text[sentence.start : m.start]).strip(" —–-:,")) > 20:
            return None
        question = self.sentences[sentence.index - 1]
        asked = self.text[question.start : question.end]
        if not asked.rstrip().endswith("?"):
            return None
        if FOLLOW_UP_RE.match(norm(asked)):  # "— Combien de caméras … ? — 54. — Et demain ? — Pas loin de 70"
            question = next((s for s in reversed(self.sentences[max(0, question.index - 4) : question.index])
                             if HOW_MANY_RE.search(self.text[s.start : s.end])
                             and self.text[s.start : s.end].rstrip().endswith("?")), question)
            asked = self.text[question.start : question.end]
        if HOW_MANY_OF_THEM_RE.search(asked) and self.camera_context(question.index):
            return Reading(CAMERAS, m.end, "caméras")  # "Combien y en a-t-il à Vichy ? 58, dont 20…"
        if not (how_many := HOW_MANY_RE.search(asked)):
            return None
        # "Combien de communes sont équipées de caméras ?": the noun "combien de" asks for, not the last one
        noun = re.match(r"[\w-]+", asked[how_many.end() :])
        if noun and (reading := read_unit(f"{m.raw} {noun[0]}", Mention(0, len(m.raw), m.value, m.raw), asked)):
            return Reading(reading.family, m.end, reading.noun)
        asked_for = self.named_before(question, Mention(question.end, question.end, m.value, m.raw),
                                      nouns_from=how_many.end())
        return Reading(asked_for.family, m.end, asked_for.noun) if asked_for else None

    def number_of(self, sentence: Sentence, m: Mention) -> Reading | None:
        """ "Le nombre de communes équipées de caméras est passé de 45 à 112": what "le nombre de" names."""
        named = NUMBER_OF_RE.search(self.text[sentence.start : m.start])
        if named is None:
            return None
        phrase = f"{m.raw} {named[1]}"
        reading = read_unit(phrase, Mention(0, len(m.raw), m.value, m.raw), self.text[sentence.start : sentence.end])
        return Reading(reading.family, m.end, reading.noun) if reading else None

    def named_before(self, sentence: Sentence, m: Mention, nouns_from: int = 0) -> Reading | None:
        """The reading of the last counted noun before `m` in its sentence (from `nouns_from` on), read
        as if it followed `m`."""
        before = self.text[sentence.start : m.start]
        nouns = list(COUNTED_NOUN_RE.finditer(before, nouns_from))
        if not nouns:
            return None
        phrase = f"{m.raw} {nouns[-1].group(0)}"
        context = self.text[self.sentences[max(0, sentence.index - 2)].start : sentence.end]  # what is the topic
        reading = read_unit(phrase, Mention(0, len(m.raw), m.value, m.raw), self.text[sentence.start : sentence.end],
                            context)
        return Reading(reading.family, m.end, reading.noun) if reading else None
