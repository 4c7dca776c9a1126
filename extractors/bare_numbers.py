"""Bare numbers, with no noun of their own: what they count, from a figure before them, a pronoun, a
question, a label, a table's column or a list's intro."""

from __future__ import annotations

import re

from extractors.candidates import Candidate, _left, _right, _word_end
from extractors.cues import (
    AMOUNTING_RE,
    ANAPHORA_AFTER_RE,
    ANAPHORA_BEFORE_RE,
    BARE_AFTER_RE,
    CAMERA_TYPE_RE,
    CAMERA_WORDS_RE,
    CHANGE_TO_RE,
    CONTINUATION_RE,
    COUNTED_NOUN_RE,
    HOW_MANY_OF_THEM_RE,
    HOW_MANY_RE,
    LEVEL_BEFORE_RE,
    MEASURE_AFTER_RE,
    NAMED_CONTINUATION_RE,
    NUMBER_OF_RE,
    PARTITIVE_EQUIPPED_RE,
    PARTITIVE_RE,
    PRONOUN_RE,
    SEMICOLON_ITEM_RE,
)
from extractors.lexicon_fr import PAST_PARTICIPLE
from extractors.numbers import Mention
from extractors.qualifiers import qualifier_before
from extractors.readings import CAMERAS, DENSITY, MONEY, OTHER, PERCENT, Reading, norm, read_unit
from extractors.segments import BULLET, Sentence

EARLIER_THEN_RE = re.compile(r"\s*(?:un an|deux ans|trois ans) (?:plus tôt|auparavant)\b|\s*l'(?:année|an) "
                             r"(?:précédente|d'avant|dernier)\b|\s*(?:en|fin) (?:19|20)\d\d\s*\)")


BARE_SUBJECT_VERB_RE = re.compile(r"\s*(?:ont|sont|avaient|étaient|seront|auront)\s+(?:déjà\s+|aussi\s+|également\s+)?"
                                  r"(?:reçu|bénéficié|obtenu|été|signé|rejoint|déposé)")


OTHERS_TOO_RE = re.compile(r"\s*(?:autres|derni[eè]re?s|restant(?:e|es|s))\s+l(?:e|es|')\s*"
                           r"(?:seront|sera|sont|ont été)\b")


PASSIVE_AFTER_RE = re.compile(rf"\s*(?:ont|sont|seront)\s+(?:\w+\s+)?(?:été\s+)?{PAST_PARTICIPLE}")
OWN_BASE_RE = re.compile(r"\s*pour\s+(\d{1,3}(?:[\s.\u202f]\d{3})*|\d+)(?:\s+habitants)?\b(?!\s*%)")
# an elliptic question that asks again what the one before asked: "— Et demain ?"
FOLLOW_UP_RE = re.compile(r"\W*et\s+(?:demain|ensuite|après|à l'avenir|à terme|plus tard|d'ici (?:là|\d{4}))\s*\?")


class BareLinker:
    """Bare numbers linked to what they count (a mixin of `Extractor`)."""

    def _link_bare(self, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate],
                   consumed: set[int]) -> None:
        text = self.text
        for i, m in enumerate(mentions):
            if i in found or i in consumed or m.year_like:
                continue
            left, right = _left(text, sentence, m.start), _right(text, sentence, m.end)
            if self.is_total(text, sentence, m, mentions[i - 1 : i]):
                continue
            elided = m.approx and m.raw.lower().startswith(("d'", "d’"))  # "près d'une centaine": "d'" is the number's
            _, hedge = qualifier_before(left + "d'" if elided else left)
            hedged_left = left  # "a franchi le cap des 50": the hedge may be what tells a count
            left = left[: len(left) - hedge + (2 if elided else 0)] if hedge else left
            previous = [found[k] for k in sorted(found) if k < i]
            # "1 129 infractions en 2021 contre 1 083 en 2020", "dont 280 dans…", "13 à Rezé et 7 à Vertou",
            # "Rezé disposera de 15 caméras et Saint-Herblain de 22"
            named_next = NAMED_CONTINUATION_RE.search(text[max(sentence.start, m.start - 60) : m.start])
            # "À Créteil, 180 caméras ; à Vitry-sur-Seine, 120 ; …": items of a list parted by semicolons
            item = SEMICOLON_ITEM_RE.search(text[max(sentence.start, m.start - 60) : m.start])
            named_next = named_next or item
            # "41 caméras au 31 décembre (37 un an plus tôt)": the same count at another time, in brackets
            then = bool(re.search(r"\(\s*$", left)) and bool(EARLIER_THEN_RE.match(right))
            if previous and (CONTINUATION_RE.search(left) or named_next or then) and (
                    BARE_AFTER_RE.match(right) or then):
                share = bool(re.search(r"\bdont\s*$", left))
                head = previous[-1]
                if share and m.value > head.mention.value:  # "64 caméras couvrent les 14 communes, dont 28 à
                    head = next((p for p in reversed(previous) if p.mention.value >= m.value), head)  # Amboise"
                between = norm(text[head.end : m.start])
                if len(between) < (160 if share else 80) and not re.search(r"[.;]" if not item else r"\.", between):
                    typed = CAMERA_TYPE_RE.match(right) if head.reading.family == CAMERAS else None
                    end = m.end + (typed.end() if typed else 0)
                    reading = head.reading.continued(end)
                    if head.reading.family == DENSITY and (own := OWN_BASE_RE.match(text, m.end)):
                        # "1 caméra pour 270 habitants, devant Meudon (1 pour 310)": its own base
                        base = float(re.sub(r"[\s.\u202f]", "", own[1]))
                        reading = Reading(DENSITY, own.end(), head.reading.noun, base)
                        consumed.update(k for k, other in enumerate(mentions)
                                        if own.start(1) <= other.start < own.end())
                    found[i] = Candidate(m, reading, m.start, reading.end, head=head, linked_by_dont=share)
                    continue
            if self._link_from(sentence, mentions, found, i, left):
                continue
            # "Caméras financées / … / Cher / 12 / 64": a table's cell, counted by its column's header
            if (reading := self.read_cell(sentence, m)) is not None:
                found[i] = Candidate(m, reading, m.start, m.end)
                continue
            # "Évolution du nombre de caméras :⏎2015 : 8⏎2018 : 19", "Les caméras par commune :⏎Séné : 14": a
            # list's line, counted by the list's intro
            if (reading := self.read_list_line(sentence, m)) is not None:
                bullet = re.match(rf"\s*(?:{BULLET}\s*)?", text[sentence.start : m.start])
                found[i] = Candidate(m, reading, sentence.start + bullet.end(), m.end)
                continue
            # "— Combien de caméras compte la commune ? — Aujourd'hui, 37.": what the question asks
            if (reading := self.asked_before(sentence, m)) is not None:
                found[i] = Candidate(m, reading, m.start, m.end)
                continue
            # "Les agents du centre de supervision, au nombre de 12, …": what the sentence named before
            if (AMOUNTING_RE.search(left) or CHANGE_TO_RE.search(left) or LEVEL_BEFORE_RE.search(left)) and (
                    reading := self.number_of(sentence, m) or self.named_before(sentence, m)):
                amounting = AMOUNTING_RE.search(left)
                found[i] = Candidate(m, reading, m.start - (len("au nombre de ") if amounting else 0), m.end)
                continue
            # "le nombre de vols avec violence est resté stable : 150 en 2020": what "le nombre de" announced
            if left.rstrip().endswith(":") and (reading := self.number_of(sentence, m)):
                found[i] = Candidate(m, reading, m.start, m.end)
                continue
            if MEASURE_AFTER_RE.match(right):
                continue  # "doublé son parc en six ans": a length of time
            # "Neuf autres seront installées", "On en dénombre aujourd'hui 878", "458 — C'est le nombre de caméras"
            own_right = len(right)
            following = None
            if not right.strip() and sentence.index + 1 < len(self.sentences):
                following = self.sentences[sentence.index + 1]
                right = right + "\n" + norm(text[following.start : following.start + 80])
            after = ANAPHORA_AFTER_RE.match(right)
            names_cameras = bool(after and CAMERA_WORDS_RE.search(after.group(0)))
            # "Les 43 communes pourront se raccorder. Sept d'entre elles ont signé": of what was counted last
            if after and PARTITIVE_RE.match(right) and (counted := self.last_counted(sentence, previous)) and (
                    counted.reading.family != CAMERAS):
                end = _word_end(text, m.end + min(after.end(), own_right))
                found[i] = Candidate(m, counted.reading.continued(end), m.start, end, head=counted, anaphoric=True,
                                     same_place=True)
                continue
            if after and (equipped := PARTITIVE_EQUIPPED_RE.match(right)) and equipped.end() <= own_right:
                end = _word_end(text, m.end + after.end())
                found[i] = Candidate(m, Reading(OTHER, end, "sites"), m.start, end)
                continue
            # "180 communes en bénéficieront. Quatre-vingt-quatre ont déjà reçu leur aide": a bare count opening
            # its sentence, of what the sentence before counted
            if not left.strip(" «\"—–-") and BARE_SUBJECT_VERB_RE.match(right) and (
                    counted := self.last_counted(sentence, previous)) and counted.reading.family == OTHER:
                end = _word_end(text, m.end)
                found[i] = Candidate(m, counted.reading.continued(end), m.start, end, head=counted, anaphoric=True,
                                     same_place=True)
                continue
            # "38 sites ont déjà été équipés, soit 290 caméras, et 12 autres le seront": the others of the
            # count whose predicate the ellipsis repeats
            if OTHERS_TOO_RE.match(right) and (done := next((p for p in previous or self.in_sentence_before(sentence)
                                                             if PASSIVE_AFTER_RE.match(norm(text[p.end : p.end + 40]))),
                                                            None)) and done.reading.family != CAMERAS:
                end = _word_end(text, m.end + len(re.match(r"\s*\w+", right).group(0)))
                found[i] = Candidate(m, done.reading.continued(end), m.start, end, head=done, anaphoric=True,
                                     same_place=True)
                continue
            if (after or ANAPHORA_BEFORE_RE.search(left) or ANAPHORA_BEFORE_RE.search(hedged_left)) and (
                    names_cameras or self.camera_context(sentence.index)):
                end = m.end + (min(after.end(), own_right, 60) if after else 0)
                if after and following is not None and after.end() > own_right:  # "458" ⏎ "C'est le nombre…"
                    end = following.start + after.end() - own_right - 1
                head = next((c for c in reversed(previous) if c.reading.family == CAMERAS), None) or (
                    self.last_candidate(sentence.index, CAMERAS))
                end = _word_end(text, end)
                found[i] = Candidate(m, Reading(CAMERAS, end, "caméras"), m.start, end, head=head,
                                     anaphoric=True, same_place=bool(re.match(r"\s*autres\b", right)))
                continue
            # "Ils seront bientôt 19", "elles n'étaient que 20"
            if (pronoun := PRONOUN_RE.search(left)) and (head := self.last_candidate(sentence.index, counted=True)):
                start = m.start - (len(left) - pronoun.start())
                found[i] = Candidate(m, head.reading.continued(m.end), start, m.end,
                                     head=head, anaphoric=True, same_place=True)
            elif pronoun and CAMERA_WORDS_RE.search(text[sentence.start : m.start - len(left) + pronoun.start()]):
                # "Lorsque la ville a installé ses premières caméras, elles n'étaient que 35": of no count before
                start = m.start - (len(left) - pronoun.start())
                found[i] = Candidate(m, Reading(CAMERAS, m.end, "caméras"), start, m.end, anaphoric=True)
        for i, m in enumerate(mentions):  # "le nombre de caméras est passé de 30 à 130": the 130 first
            if i not in found and i not in consumed and not m.year_like:
                self._link_from(sentence, mentions, found, i, _left(text, sentence, m.start))

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
