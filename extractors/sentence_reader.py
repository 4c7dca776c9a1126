"""Reading one sentence's numbers into candidates: what each counts, and how they hang together
(ranges, parts of a total, a series' start, counts the parse or a list of places tells)."""

from __future__ import annotations

import re

from extractors.bare_counts import bare_count, sub_count
from extractors.bare_rules import link_bare
from extractors.candidates import Candidate, read_label, words_before
from extractors.cues import (
    ALTERNATIVE_RE,
    BEARS_ON_RE,
    CAMERA_WORDS_RE,
    CAMERAS_NEXT_RE,
    DAY_RE,
    DENOMINATOR_RE,
    EVOLUTION_RE,
    FRACTION_AFTER_RE,
    FROM_RE,
    OF_TOTAL_RE,
    ONE_CAMERA_PER_RE,
    OTHER_COUNTED_BEFORE_RE,
    PER_CAMERA_DENSITY_RE,
    POLLED_AFTER_RE,
    POLLED_BEFORE_RE,
    RANGE_ANCHOR_RE,
    RANGE_BETWEEN_RE,
    RATE_RE,
    STAFF_EACH_RE,
    STAFF_PER_RE,
)
from extractors.figure import Qualifier
from extractors.lexicon_fr import MONTH_NAMES, NOW_WORDS
from extractors.numbers import Mention, words_to_number
from extractors.pronoun_gender import masculine_pronoun_before
from extractors.qualifiers import base_hedge, qualifier_before
from extractors.readings import CAMERAS, DENSITY, OTHER, POPULATION, Reading, is_rate_base, norm, read_unit
from extractors.segments import Sentence
from extractors.state_words import PLANNED_PARTICIPLE_AFTER_RE

MULTIPLIER_AFTER_RE = re.compile(r"\s*fois\s+(?:plus|moins|supérieure?s?|inférieure?s?|davantage)\b", re.IGNORECASE)
# "multiplier par quatre le nombre de caméras", "a été multiplié par 3,5", "divisé par deux": a factor
MULTIPLIER_BEFORE_RE = re.compile(r"\b(?:multipli|divis)\w*\s+(?:(?:presque|près de|environ|plus de)\s+)?par\s*$",
                                  re.IGNORECASE)
YEAR_LEAD_RE = re.compile(rf"\b(?:en|d'ici|dès|depuis|fin|début|courant|horizon|{MONTH_NAMES})\s*$")
BARE_BRACKET_RE = re.compile(r"\s*\)")
OPEN_BRACKET_BEFORE_RE = re.compile(r"\(\s*$")  # "Montsalvy (5)": nothing but the count in the brackets
# a pronoun or "en" that a bare number may count for ("elles étaient 150", "en installer 23", "au nombre de")
ANAPHORA_CUE_RE = re.compile(r"\b(?:en|elles|ils|nombre|la|le|les|l')\b")
SITES_NEXT_RE = re.compile(r"\s*(?:sites|lieux|emplacements|points|secteurs|carrefours|communes)\b")
SHARE_BEFORE_RE = re.compile(r"\bdont\s*$")
FOOTAGE_OF_BEFORE_RE = re.compile(r"\b(?:images|enregistrements|vidéos)\s+(?:de|d')\s*$", re.IGNORECASE)
OF_WHOLE_AFTER_RE = re.compile(r"\s+des\s+\d")
# between where a series starts and where it goes: "de 70 à", "de 70 actuellement à", "de 12 en 2014 à"
SERIES_TO_RE = re.compile(rf"\s*(?:cam[ée]ras?\s+)?(?:(?:{NOW_WORDS}|en (?:19|20)\d\d)\s*,?\s*)?à\s*")
PLAIN_BEFORE_BASE_RE = re.compile(r"(?<=pour)(?:\s*…|\s+(?:à peine|seulement|tout juste|uniquement))\s*$")


# "en 2008", "fin 2020", "mi-2021": the words that make a number a year
YEAR_OF_BEFORE_RE = re.compile(r"\b(?:en|fin|début|mi)\s*-?\s*$")


class SentenceReader:
    """What a sentence's numbers count, read before any figure is decided (a mixin of `Extractor`)."""

    def read_sentence(self, sentence: Sentence, mentions: list[Mention]) -> list[Candidate]:
        """The candidates of a sentence's numbers: first each number with a noun of its own, then the links
        that give the others what they count, in this order."""
        text = self.text
        found: dict[int, Candidate] = {}
        # "près de quatre fois plus", "deux fois moins": a multiplier, never a count (guidelines 2.2)
        consumed: set[int] = {i for i, m in enumerate(mentions) if MULTIPLIER_AFTER_RE.match(text, m.end)
                              or MULTIPLIER_BEFORE_RE.search(text, max(0, m.start - 40), m.start)}
        stext = text[sentence.start : sentence.end]
        context = text[self.sentences[max(0, sentence.index - 2)].start : sentence.end]
        for i in range(len(mentions)):
            if i not in consumed:  # a rate's "1" or a density's base, read with the number after it
                self._read_number(sentence, mentions, i, found, consumed, stext, context)
        self._link_ranges(sentence, mentions, found)
        link_bare(self, sentence, mentions, found, consumed)
        self._link_by_syntax(sentence, mentions, found, consumed)
        self._link_named_brackets(sentence, mentions, found, consumed)
        self._link_ranges(sentence, mentions, found)  # "elle en ajoutera entre 10 et 15": bare bounds, now read
        read = [found[i] for i in sorted(found)]
        self._link_named_shares(sentence, read)
        if (at := norm(text[sentence.start : sentence.end]).find("respectivement")) >= 0:
            # "A et B en comptent respectivement 20 et 14": the counts after the word, one a place, in order
            after = [c for c in read if c.mention.start >= sentence.start + at]
            for index, c in enumerate(after):
                c.respective = index
        return read

    def _read_number(self, sentence: Sentence, mentions: list[Mention], i: int, found: dict[int, Candidate],
                     consumed: set[int], stext: str, context: str) -> None:
        """A number read with the noun that follows it ("450 caméras") or the label before it ("Opérateurs :
        16"), unless it counts nothing: a whole, a ratio, a fraction, an incident's cameras, a poll."""
        text, m = self.text, mentions[i]
        left = words_before(text, sentence, m.start)
        if self.is_total(text, sentence, m, mentions[i - 1 : i]) or m.year_like and YEAR_LEAD_RE.search(left):
            return  # "va s'équiper d'ici mars 2025 de caméras": a year, whatever noun follows
        reading = read_unit(text, m, stext, context)
        if reading is not None and reading.family == CAMERAS and (STAFF_PER_RE.search(left)
                                                                 or STAFF_EACH_RE.search(left)):
            return  # "un agent du CSU pour 8 caméras": a ratio, not a count
        if reading is None and (labelled := read_label(text, sentence, m, stext, context)):
            label_start, reading = labelled
            found[i] = Candidate(m, reading, label_start, m.end)
            return
        if reading is None or self.is_fraction(m, reading) or self._names_no_count(m, reading, left):
            return
        if reading.family == POPULATION and self._read_rate(sentence, mentions, i, reading, left, found, consumed,
                                                            stext):
            return
        if reading.family == DENSITY and reading.density_span:
            consumed |= {j for j, o in enumerate(mentions) if o.start == reading.density_span[0]}
        found[i] = Candidate(m, reading, m.start, reading.end)

    def _names_no_count(self, m: Mention, reading: Reading, left: str) -> bool:
        if reading.family == CAMERAS and FOOTAGE_OF_BEFORE_RE.search(left) and OF_WHOLE_AFTER_RE.match(
                self.text, m.end):
            return True  # "les images de deux des 38 caméras ont permis…": an incident's cameras, not a count
        # "Ces trois villes totalisent…": the places just listed, not a count of their own
        return reading.family == OTHER and bool(re.search(r"\bces\s*$", left, re.IGNORECASE))

    def _read_rate(self, sentence: Sentence, mentions: list[Mention], i: int, reading: Reading, left: str,
                   found: dict[int, Candidate], consumed: set[int], stext: str) -> bool:
        """A count of inhabitants that is a rate's base ("1 caméra pour 560 habitants", "450 habitants par
        caméra"), read as a density, or who answered a poll: True when the number is done with."""
        text, m = self.text, mentions[i]
        hedge, hedge_length = base_hedge(left)
        # "une caméra pour à peine 85 habitants", "pour… 314 habitants": words that hedge nothing (GUIDELINES: exact)
        plain = PLAIN_BEFORE_BASE_RE.search(left[: len(left) - hedge_length]) if not hedge_length else None
        hedge_length += len(plain.group(0)) if plain else 0
        left = left[: len(left) - hedge_length]
        # "Deauville en compte 1 pour 95 habitants": a rate of the cameras the text is about
        one_per = ONE_CAMERA_PER_RE.search(left) and (CAMERA_WORDS_RE.search(stext)
                                                      or self.camera_context(sentence.index))
        if RATE_RE.search(left) and (is_rate_base(m.value) or one_per):
            if one_per and m.value:
                start = m.start - hedge_length - (len(left) - ONE_CAMERA_PER_RE.search(left).start())
                density = Reading(DENSITY, reading.end, "caméras", density_per=m.value)
                for k in [k for k, c in found.items() if c.mention.start >= start]:
                    del found[k]  # "1 caméra pour 560 habitants": the 1 is the rate's, not a count
                consumed |= {j for j, o in enumerate(mentions) if start <= o.start < m.start}
                found[i] = Candidate(Mention(start, m.end, 1.0, "une"), density, start, reading.end,
                                     qualifier=hedge, qualifier_why="hedged_base" if hedge else None)
            return True
        if m.value and (per := PER_CAMERA_DENSITY_RE.match(text, reading.end)):
            # "450 habitants par caméra": one camera for 450 inhabitants
            found[i] = Candidate(Mention(m.start, m.end, 1.0, m.raw),
                                 Reading(DENSITY, per.end(), "caméras", density_per=m.value), m.start, per.end())
            return True
        # "un sondage réalisé auprès de 800 habitants": who answered, not who lives there
        return bool(POLLED_BEFORE_RE.search(left) or POLLED_AFTER_RE.match(text, reading.end))

    def _link_by_syntax(self, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate],
                        consumed: set[int]) -> None:
        """Numbers left unread that the parse shows to count cameras, where they are the topic: what a
        pronoun stands for ("elles étaient 150 en 2008", "à en installer 23", "Au nombre de 980"), and the
        parts of a total told just before ("… 4 500 caméras. Trois cents appartiennent au domaine privé,
        1 200 sont sur la voie publique"), which take its kind."""
        unread = [i for i, m in enumerate(mentions) if i not in found and i not in consumed and not m.year_like]
        if not unread or not self.camera_context(sentence.index):
            return
        cued = bool(ANAPHORA_CUE_RE.search(norm(self.text[sentence.start : sentence.end])))
        totals = {i: self.total_before(sentence, found, mentions[i]) for i in unread}
        if not cued and not any(totals.values()):
            return  # no pronoun to stand for a count, no total to break down: nothing worth a parse
        doc = self.parsed(sentence)
        for i in unread if doc is not None else ():
            m, at = mentions[i], mentions[i].start - sentence.start
            before = norm(self.text[sentence.start : m.start])
            if masculine_pronoun_before(self, sentence.index, before):
                continue  # "les effectifs de la police, ils sont actuellement sept"
            if OTHER_COUNTED_BEFORE_RE.search(before[-80:]) and not CAMERA_WORDS_RE.search(before[-80:]):
                continue  # "… 225 caméras. Les agents passeront de six à huit": the agents' count
            if cued and bare_count(doc, at, m.end - sentence.start):
                found[i] = Candidate(m, Reading(CAMERAS, m.end, "caméras"), m.start, m.end, anaphoric=True)
            elif (total := totals[i]) is not None and sub_count(doc, at, m.end - sentence.start):
                found[i] = Candidate(m, total.reading.continued(m.end), m.start, m.end, head=total,
                                     linked_by_dont=True)

    def _link_named_brackets(self, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate],
                             consumed: set[int]) -> None:
        """A list of places and bare counts in brackets, where cameras are the topic ("plusieurs bourgs sont
        équipés : Saint-Cernin (2), Montsalvy (5), Massiac (14)"): each count is its place's cameras, of the
        kind of the camera count before it in the sentence, if any."""
        items = [i for i, m in enumerate(mentions) if i not in found and i not in consumed and not m.year_like
                 and BARE_BRACKET_RE.match(self.text, m.end) and OPEN_BRACKET_BEFORE_RE.search(
                     self.text, max(sentence.start, m.start - 4), m.start)]
        if len(items) < 2 or not self.camera_context(sentence.index):
            return
        named = self.finder.names_in(self.text[sentence.start : sentence.end])
        ends = {sentence.start + end for _, end, _ in named}
        head = max((c for c in found.values() if c.reading.family == CAMERAS), key=lambda c: c.mention.start,
                   default=None)
        for i in items:
            m = mentions[i]
            opening = self.text.rfind("(", sentence.start, m.start)
            name_end = opening
            while name_end > sentence.start and self.text[name_end - 1].isspace():
                name_end -= 1
            if name_end in ends:
                found[i] = Candidate(m, Reading(CAMERAS, m.end, "caméras"), m.start, m.end,
                                     head=head, linked_by_dont=head is not None)

    def total_before(self, sentence: Sentence, found: dict[int, Candidate], m: Mention) -> Candidate | None:
        """The camera count a part may break down: the last one before it in its sentence, else the last
        of the sentence before in its paragraph, when it is larger than the part."""
        here = [c for c in found.values() if c.mention.start < m.start and not c.linked_by_dont]
        total = max(here, key=lambda c: c.mention.start) if here else None
        if total is None and sentence.index:
            total = self.last_candidate(sentence.index, CAMERAS)
            before = self.sentences[sentence.index - 1]
            if total is not None and (self._sentence_index(total) != before.index or before.block != sentence.block):
                total = None
        if total is None or total.reading.family != CAMERAS or not 1 <= m.value < total.mention.value:
            return None
        return total

    def _link_named_shares(self, sentence: Sentence, read: list[Candidate]) -> None:
        """ "19 caméras, dont 4 caméras LAPI": a share that names its noun is still a part of the count before
        it, whose kind (added, planned) it takes when its own clause tells no time."""
        for index, c in enumerate(read):
            if c.head is not None or c.reading.family != CAMERAS or not SHARE_BEFORE_RE.search(
                    words_before(self.text, sentence, c.mention.start, 12)):
                continue
            whole = next((o for o in reversed(read[:index]) if o.reading.family == CAMERAS
                          and o.mention.value > c.mention.value and not o.linked_by_dont), None)
            if whole is not None:
                c.head, c.linked_by_dont = whole, True

    def _link_ranges(self, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate]) -> None:
        """ "entre 2 000 et 3 000 euros", "de 20 à 25 000 €", "300 à 400 caméras": two figures, bounds."""
        for i in range(len(mentions) - 1):
            low, high = mentions[i], mentions[i + 1]
            if i + 1 not in found or (i in found and found[i].reading.family != found[i + 1].reading.family):
                continue
            if i in found and (found[i].upper is not None or found[i + 1].qualifier is not None
                               or found[i].starting_point):
                continue  # a range already, or where a change starts
            if low.year_like and YEAR_OF_BEFORE_RE.search(self.text[max(0, low.start - 8) : low.start]):
                continue  # "passer de 20 000 caméras en 2008 à 60 000": a year, the date of the count before
            between = norm(self.text[low.end : high.start])
            if re.search(r"\brespectivement\s*$", words_before(self.text, sentence, low.start, 20)) and re.match(
                    r"\s*et\s*$", between):  # "comptent respectivement 64 et 15 caméras": two counts, not a range
                found[i] = Candidate(low, found[i + 1].reading.continued(low.end), low.start, low.end)
                continue
            if not RANGE_BETWEEN_RE.match(between) or low.value >= high.value * (1 if not high.scaled else 1e9):
                continue
            if ALTERNATIVE_RE.search(between) and high.value > 2 * low.value:
                continue  # "selon que l'on équipe 25 % ou 100 % des gares": two cases, not a range
            if EVOLUTION_RE.search(words_before(self.text, sentence, low.start, 40)):
                continue  # "passer de 100 à 150 caméras": where a count starts and where it goes
            left = words_before(self.text, sentence, low.start, 20)
            upper = found[i + 1]
            if high.scaled and not low.scaled and low.value < high.value:
                scale = 1_000_000_000 if high.value >= 1_000_000_000 else 1_000_000
                if low.value * scale <= high.value * 10:
                    low.value *= scale
            elif high.value >= 1000 and low.value < 1000 and low.value * 1000 <= high.value < low.value * 10_000:
                low.value *= 1000
            if low.value >= high.value:
                continue
            anchor = RANGE_ANCHOR_RE.search(left)
            start = low.start - (len(left) - anchor.start()) if anchor else low.start
            found[i] = Candidate(low, upper.reading, start, upper.end, Qualifier.AT_LEAST, upper=upper.mention)
            upper.start, upper.qualifier = start, Qualifier.AT_MOST

    def link_from(self, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate], i: int,
                   left: str) -> bool:
        """ "De 12 en 2014, le parc est monté à 106 caméras", "passer de 100 à 150 caméras": the count a
        series starts from, read as the count it goes to; a stock, whatever the tense of the change."""
        later = [(k, found[k]) for k in sorted(found) if k > i]
        up_to_later = norm(self.text[sentence.start : later[0][1].mention.start]) if later else ""
        if not (later and FROM_RE.search(left) and (re.search(r"\bà\s*$", up_to_later) or self._to_hedged(
                mentions[i], later[0][1]))):
            return False
        m, head = mentions[i], later[0][1]
        if m.value == 0:
            return True  # "passé de zéro à 80 caméras": where there were none is no count of them
        found[i] = Candidate(m, head.reading.continued(m.end), m.start, m.end, head=head, starting_point=True)
        return True

    def _to_hedged(self, start: Mention, to: Candidate) -> bool:
        """ "passer de 330 à plus de 1 200": a hedge on where the series goes, right after where it starts (and
        the time of the start: "passer de 70 actuellement à plus de 200")."""
        between = norm(self.text[start.end : to.mention.start])
        _, hedge = qualifier_before(between)
        return bool(hedge) and SERIES_TO_RE.fullmatch(between[: len(between) - hedge]) is not None

    def is_fraction(self, m: Mention, reading: Reading) -> bool:
        """ "Deux caméras sur trois sont en centre-ville": a proportion (guidelines 2.5), not a count."""
        over = FRACTION_AFTER_RE.match(norm(self.text[reading.end : reading.end + 25]))
        return bool(over) and m.value < (words_to_number(over[1]) or 0) <= 10

    @staticmethod
    def is_total(text: str, sentence: Sentence, m: Mention, before: list[Mention]) -> bool:
        """ "80 des 270 lycées", "une centaine de gares sur 400", "131e place sur 371 villes": the
        second number is the whole the first is counted against, not a figure."""
        left = words_before(text, sentence, m.start, 60)
        if OF_TOTAL_RE.search(left):  # "8 des 64 caméras": the city's cameras are a count of their own
            return not CAMERAS_NEXT_RE.match(norm(text[m.end : m.end + 30]))
        if not DENOMINATOR_RE.search(left) or re.search(r"[;:]", left[-45:]):
            return False
        if BEARS_ON_RE.search(left) and CAMERAS_NEXT_RE.match(norm(text[m.end : m.end + 30])):
            return False  # "la 4e tranche porte sur 18 caméras": what a programme is about
        if re.search(r"\bcam[ée]ras\s+sur\s*$", left) and SITES_NEXT_RE.match(norm(text[m.end : m.end + 30])):
            return False  # "l'implantation de 12 caméras sur 8 sites": where they go, not of how many
        if re.search(r"\bcam[ée]ras\s+sur\s+(?:les\s+)?$", left) and PLANNED_PARTICIPLE_AFTER_RE.match(
                norm(text[m.end : m.end + 60])):
            return False  # "48 caméras sur 60 initialement prévues": the plan, a count of its own
        near = DAY_RE.sub(" ", left[-45:])  # "votée le 14 juin, porte sur 18 caméras": a day counts nothing
        return bool(re.search(r"\d", near[:-5])) or bool(before and m.start - before[-1].end < 45)
