"""Lists, tables and headings: what a line, a cell or a heading tells the figures under it."""

from __future__ import annotations

import re

from extractors.candidates import Candidate
from extractors.cues import CAMERA_WORDS_RE, COUNT_FIRST_LINE_RE, COUNTED_NOUN_RE, DOT_LEADER_RE, LIST_LINE_RE
from extractors.figure import Qualifier
from extractors.lexicon_fr import VIDEO_TERMS
from extractors.numbers import Mention
from extractors.qualifiers import qualifier_from_header
from extractors.readings import Reading, norm, read_unit
from extractors.segments import BULLET_ITEM_RE, Sentence
from extractors.tense_words import FUTURE_RE, NOW_RE, PAST_RE

LIST_FOLLOWS_RE = re.compile(r"\bsuivant(?:e|s|es)?\s*[.:]?$")
SITE_NOUNS = frozenset({"bâtiments", "sites", "quartiers", "secteurs", "écoles", "établissements", "parkings"})
# "On en trouve entre autres :", "il y en a :", "en voici la liste :": an intro whose clitic "en" stands for what
# its lines count, the topic of the sentences before
CLITIC_INTRO_RE = re.compile(r"\b(?:en\s+(?:\w+\s+)?(?:trouv|compt|dénombr|recens|install|pos|plac|implant|déploi"
                             r"|déploy|ajout|voici|a\b|avons|ont\b)|y en a)[^:.;!?]{0,40}:\s*$", re.IGNORECASE)
COUNT_OF_RE = re.compile(r"^\s*(?:le\s+)?nombre\s+(?:total\s+)?(?:de|d')\s*", re.IGNORECASE)
# a list's line: a label, a colon or a bracket, and a count ("Lillers : 15 caméras pour 6 497 euros")
LIST_ITEM_LINE_RE = re.compile(r"\s*[A-ZÀ-Ý][^:\n\d()]{1,60}?(?:\s*:\s*|\s*\(\s*)\d")


class ListReader:
    """Lines of lists, cells of tables and the headings above them (a mixin of `Extractor`)."""

    def read_cell(self, sentence: Sentence, m: Mention) -> Reading | None:
        """A bare number alone in a table's cell, read as if its column's header followed it."""
        cell = self.cells.get(sentence.start)
        if cell is None or m.value == 0:
            return None  # "Caméras prévues / 0": none is no count
        readings = []
        for label in (cell.row_label, cell.header) if cell.year else (cell.header,):
            phrase = f"{m.raw} {COUNT_OF_RE.sub('', label)}"  # "Nombre de caméras": "34 caméras"
            if reading := read_unit(phrase, Mention(0, len(m.raw), m.value, m.raw), phrase, self.text[:2000]):
                readings.append(Reading(reading.family, m.end, reading.noun))
        # "Nombre de caméras / 2022 / Bâtiments communaux / 12": the sites a row names are where they are
        if len(readings) == 2 and readings[0].noun in SITE_NOUNS:
            return readings[1]
        return readings[0] if readings else None

    def read_list_line(self, sentence: Sentence, m: Mention) -> Reading | None:
        """A number alone after a year or a label on its line ("2018 : 19", "Séné : 14"), or opening a line
        that says where ("• 27 dans le secteur du centre-ville"), in a list of such lines whose intro
        ("Évolution du nombre de caméras :", "Les nouvelles caméras quartier par quartier :") names what they
        count. Lines are read as lines, whether or not the page's sentences break at them."""
        line_start = max(sentence.start, self.text.rfind("\n", sentence.start, m.start) + 1)
        line_end = self.text.find("\n", m.end, sentence.end)
        line = self.text[line_start : sentence.end if line_end < 0 else line_end]
        if m.year_like or not self._item_opened_by(line, line_start, m):
            return None
        said, heading = self._intro_of(sentence, line_start)
        # "… sont en cours de montage dans les quartiers suivants⏎4 à Sesquières": an intro may end on "suivants"
        if not (said.endswith(":") or heading or LIST_FOLLOWS_RE.search(said)):
            return None
        if noun := COUNTED_NOUN_RE.search(said):
            phrase = f"{m.raw} {noun.group(0)}"
        elif CLITIC_INTRO_RE.search(said) and CAMERA_WORDS_RE.search(self.text, max(0, line_start - 600), line_start):
            phrase = f"{m.raw} caméras"  # "On en trouve :⏎- cinq au stade": "en", the cameras spoken of
        else:
            return None
        reading = read_unit(phrase, Mention(0, len(m.raw), m.value, m.raw), said)
        return Reading(reading.family, m.end, reading.noun) if reading else None

    @staticmethod
    def _item_opened_by(line: str, line_start: int, m: Mention) -> bool:
        """Whether the line is a list's item that gives `m` as its count."""
        stripped = line.strip()
        if LIST_LINE_RE.fullmatch(stripped):
            return True
        if not (count_first := COUNT_FIRST_LINE_RE.fullmatch(stripped)):
            return False
        group = "count" if count_first.group("count") else "digits"
        return line_start + line.index(stripped) + count_first.start(group) == m.start

    def _intro_of(self, sentence: Sentence, line_start: int) -> tuple[str, bool]:
        """The line that introduces a list's item at `line_start` (the nearest before it that is no item), and
        whether it is a heading: within the item's own sentence first, then before it."""
        for earlier in reversed(self.text[sentence.start : line_start].split("\n")):
            if earlier.strip() and not self._item_line(earlier.strip()):
                return earlier.rstrip(), False
        intro = next((s for s in reversed(self.sentences[: sentence.index])
                      if not self._item_line(self.text[s.start : s.end].strip())), None)
        return (self.text[intro.start : intro.end].rstrip(), intro.heading) if intro else ("", False)

    @staticmethod
    def _item_line(line: str) -> bool:
        return bool(LIST_LINE_RE.fullmatch(line) or COUNT_FIRST_LINE_RE.fullmatch(line))

    def intro_to_come(self, sentence: Sentence) -> bool:
        """Whether a tenseless line of a list ("Lillers : 15 caméras pour 6 497 euros", "• Séné (14)") is
        introduced, in the two sentences before the run of lines, by what is still to come ("Voici les
        communes qui pourront installer des caméras")."""
        line = norm(self.text[sentence.start : sentence.end])
        if not self.is_list_line(sentence) or FUTURE_RE.search(line) or PAST_RE.search(line) or NOW_RE.search(line):
            return False
        first, last = self.list_runs()[sentence.index]
        if last == first:
            return False  # one line ("Objectif : 150 caméras fin 2025") is no list
        intro = " ".join(norm(self.text[s.start : s.end]) for s in self.sentences[max(0, first - 2) : first])
        return bool(FUTURE_RE.search(intro))

    def list_runs(self) -> dict[int, tuple[int, int]]:
        """For each sentence that is a list's line, the first and last line of its run, found once a page."""
        if self._list_runs is None:
            lines = [self.is_list_line(s) for s in self.sentences]
            firsts: dict[int, int] = {}
            for index, line in enumerate(lines):
                if line:
                    firsts[index] = firsts.get(index - 1, index)
            self._list_runs, last = {}, -1
            for index in range(len(lines) - 1, -1, -1):  # one pass back gives each line its run's last
                if lines[index]:
                    last = last if index + 1 in firsts else index
                    self._list_runs[index] = (firsts[index], last)
        return self._list_runs

    def is_list_line(self, sentence: Sentence) -> bool:
        line = self.text[sentence.start : sentence.end]
        return bool(BULLET_ITEM_RE.match(line) or LIST_ITEM_LINE_RE.match(line))

    def label_under_video_heading(self, sentence: Sentence) -> bool:
        """ "Budget annuel de maintenance : 45 000 €", a line of a list headed "La vidéoprotection en
        chiffres": the heading says what the budget is for."""
        line = self.text[sentence.start : sentence.end]
        if ":" not in line or len(line) > 80:
            return False
        heading = next((s for s in reversed(self.sentences[: sentence.index])
                        if s.heading and s.block != sentence.block), None)
        if heading is None:  # "La vidéoprotection en bref⏎Nombre de caméras : 64⏎Budget annuel : 120 000 €": the
            # list's title line, in its own block
            heading = next((s for s in self.sentences[: sentence.index] if s.block == sentence.block), None)
            if heading is None or re.search(r"[:\d]", self.text[heading.start : heading.end]):
                return False
        return bool(re.search(VIDEO_TERMS, norm(self.text[heading.start : heading.end])))

    def line_label(self, c: Candidate) -> str | None:
        """The label of a line that leads to its amount with dots ("Éclairage public ........ 410 000 €")."""
        label = self.text[self.text.rfind("\n", 0, c.mention.start) + 1 : c.mention.start]
        return label if DOT_LEADER_RE.search(label) else None

    def header_qualifier(self, sentence: Sentence, c: Candidate) -> Qualifier | None:
        """A bare table cell ("40%") takes the bound of the header above it ("Taux maximal")."""
        cell = self.text[sentence.start : sentence.end].strip()
        if len(cell) > len(self.text[c.start : c.end]) + 3:
            return None
        if grid := self.cells.get(sentence.start):  # in a grid, its own column's header: "Taux" is no "Plafond"
            return qualifier_from_header(grid.header)
        for previous in reversed(self.sentences[max(0, sentence.index - 8) : sentence.index]):
            if previous.block == sentence.block:
                continue
            header = self.text[previous.start : previous.end]
            if q := qualifier_from_header(header):
                return q
        return None

    def after_number(self, sentence: Sentence, c: Candidate) -> str:
        """What follows a number: in a table's cell, its column's header ("Caméras financées"); for a
        range's low bound, what follows the high one ("10 à 15 nouvelles caméras par an")."""
        cell = self.cells.get(sentence.start)
        end = c.upper.end if c.upper is not None else c.mention.end
        # within its sentence: a list's next item ("• Gueugnon : renouvellement …") is another's
        return cell.header if cell is not None else self.text[end : min(end + 60, max(sentence.end, end))]
