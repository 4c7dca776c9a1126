"""A number on its way to a figure, what the figures of one sentence share, and the words around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractors.cues import PRICED_ITEM_RE
from extractors.dates import counts_from_a_year, find_date_mentions
from extractors.figure import Figure, Qualifier
from extractors.gazetteer import Place
from extractors.numbers import Mention
from extractors.opening_subject import framing_places
from extractors.readings import Reading, norm, read_unit
from extractors.segments import Sentence, Span, clause_spans

if TYPE_CHECKING:
    from extractors.pipeline import Extractor

# "Vivaise (Aisne)": a département that says where a commune is; "dans les Ardennes, le village de Seuil"
QUALIFYING_BRACKET_RE = re.compile(r"\s*\(\s*")
# "dans le Calvados, la petite commune bocagère de Jurques"
FRAMED_COMMUNE_RE = re.compile(r"\s*,\s*(?:(?:le|la)\s+(?:(?:petite?|grande?|jolie|paisible)\s+)?"
                               r"(?:village|commune|ville|bourg)(?:\s+[a-zà-ÿ-]+)?\s+(?:de|d')\s*)?")
# "Arrancy-sur-Crusnes, dans la Meuse, en compte 17", "À Gy, en Haute-Saône, 1 100 habitants"
SITUATING_AFTER_RE = re.compile(r"\s*,\s*(?:dans|en)\s+(?:le\s+|la\s+|les\s+|l')?$")
# "Près de Bar-sur-Aube, Urville…", "La commune voisine de l'aéroport de Saint-Étienne-de-Saint-Geoirs", "à 50 kms de
# Carcassonne": a landmark that says where the place is, never the figure's place
# ("la commune voisine de Coursan" names Coursan itself; "voisine de l'aéroport de X" names a landmark)
LANDMARK_BEFORE_RE = re.compile(r"\b(?:(?:près|proche|non loin|à côté|aux portes|à deux pas|à quelques kilomètres|"
                                r"à \d+\s*(?:km|kms|kilomètres))\s+(?:de|du|des|d')\s*(?:(?:la|le|les|l')\s*)?"
                                r"(?:[\w-]+\s+(?:de|du|d')\s*)?|voisine?s?\s+(?:de|du|des|d')\s*(?:(?:la|le|les|l')\s*)?"
                                r"[\w-]+\s+(?:de|du|d')\s*)$", re.IGNORECASE)
# "le préfet de la Corrèze", "la préfète du Var", "la préfecture de Moselle": an authority, not a place
AUTHORITY_BEFORE_RE = re.compile(r"\b(?:préf[eè]te?s?|préfecture|sous-préfe\w+)\s+(?:de|du|des|d')\s*(?:la\s+|l')?$",
                                 re.IGNORECASE)


def without_frames(places: list[tuple[int, int, Place]], text: str) -> list[tuple[int, int, Place]]:
    """The places a sentence names, less a département or région that only situates the commune beside it:
    in brackets after it ("À Vivaise (Aisne), dix caméras"), set off by commas after it ("À Gy, en
    Haute-Saône, 1 100 habitants"), or right before it ("dans les Ardennes, le village de Seuil"); and less
    one that names an authority ("le préfet de la Corrèze"). The figures are the commune's."""
    kept = []
    framing = framing_places(places, text)
    for k, (start, end, place) in enumerate(places):
        if k in framing:
            continue  # "Bousies, petite commune … située entre Le Cateau-Cambrésis et Bavay, va s'équiper de…"
        before = places[k - 1] if k else None
        after = places[k + 1] if k + 1 < len(places) else None
        if AUTHORITY_BEFORE_RE.search(text[max(0, start - 30) : start]) or (
                LANDMARK_BEFORE_RE.search(text[max(0, start - 45) : start])):
            continue  # "le préfet de la Corrèze" (also the commune Corrèze's name); "Près de Bar-sur-Aube, Urville"
        territory = place.kind in ("departement", "region")
        if _situates_after(before, start, end, text) or territory and after is not None and (
                after[2].kind == "commune" and FRAMED_COMMUNE_RE.fullmatch(text, end, after[0])):
            continue
        kept.append((start, end, place))
    return kept


def _situates_after(commune: tuple[int, int, Place] | None, start: int, end: int, text: str) -> bool:
    """A département right after a commune, in brackets ("Vivaise (Aisne)") or between commas ("Gy, en
    Haute-Saône,")."""
    if commune is None or commune[2].kind != "commune":
        return False  # (the département may bear a commune's name: "Brive-la-Gaillarde, en Corrèze,")
    if QUALIFYING_BRACKET_RE.fullmatch(text, commune[1], start):
        return text[end : end + 2].lstrip()[:1] == ")"
    return bool(SITUATING_AFTER_RE.fullmatch(text, commune[1], start)) and text[end : end + 3].lstrip()[:1] == ","


@dataclass
class SentenceContext:
    """What the figures of one sentence share, computed once and only when a figure needs it."""

    extractor: Extractor
    sentence: Sentence
    numbers: list[tuple[int, int]]
    families: dict[int, str] = field(default_factory=dict)  # what each number read as counts, by its start
    respective: int = 0  # how many counts follow "respectivement" ("… comptent respectivement 20 et 14")
    _places: list | None = None
    _clauses: list[Span] | None = None
    _dates: list | None = None

    @property
    def text(self) -> str:
        return self.extractor.text[self.sentence.start : self.sentence.end]

    @property
    def places(self) -> list:
        if self._places is None:
            self._places = without_frames(self.extractor.finder.names_in(self.text), self.text)
            self.extractor.named.extend(place for _, _, place in self._places)
        return self._places

    @property
    def clauses(self) -> list[Span]:
        if self._clauses is None:
            self._clauses = clause_spans(self.extractor.text, self.sentence)
        return self._clauses

    def dates(self) -> list:
        if self._dates is None:
            s = self.sentence.start
            lowered = self.text.replace("’", "'").lower()
            later = counts_from_a_year(lowered)  # the text's years, only if asked
            self._dates = find_date_mentions(lowered, self.extractor.published,
                                             [(a - s, b - s) for a, b in self.numbers],
                                             self.extractor.year_before(s) if later else None)
        return self._dates


@dataclass
class Candidate:
    """A number on its way to becoming a figure."""

    mention: Mention
    reading: Reading
    start: int  # evidence start
    end: int  # evidence end
    qualifier: Qualifier | None = None
    qualifier_why: str | None = None  # the rule that set `qualifier` when a reading rule did ("range_bound")
    head: Candidate | None = None  # the figure it continues or refers to
    linked_by_dont: bool = False
    starting_point: bool = False  # "de 100" in "passer de 100 à 150 caméras"
    anaphoric: bool = False
    same_place: bool = False  # "six autres", "ils seront 19": the antecedent's place
    upper: Mention | None = None  # a range's low bound: its high one ("10" of "10 à 15 caméras")
    respective: int | None = None  # "A et B comptent respectivement 18 et 24 caméras": 0 for A's, 1 for B's
    site: str | None = None  # a breakdown item's own words ("parking Gabriel-Péri"), its district's name
    metric_why: str | None = None  # the metric rule (or, for cameras, the tense rule) that decided its kind
    figure: Figure | None = field(default=None, repr=False)


def word_end(text: str, position: int) -> int:
    """Evidence ends on a whole word: "seront installées", not "seront install"."""
    while position < len(text) and (text[position].isalnum() or text[position] in "-'’"):
        position += 1
    return position


def words_before(text: str, sentence: Sentence, position: int, size: int = 80) -> str:
    return norm(text[max(sentence.start, position - size) : position])


def words_after(text: str, sentence: Sentence, position: int, size: int = 120) -> str:
    return norm(text[position : min(sentence.end, position + size)])


# "Caméras en service : 312", "Nombre d'opérateurs : 16": a line whose label names what its figure counts.
LABEL_RE = re.compile(r"(?:^|\n)[ \t]*(?:[•▪◦·*–-]\s*)?(?:(?:le\s+)?nombre\s+(?:total\s+)?(?:de|d')\s*)?"
                      r"([^\W\d][^\n:;.]{1,60}?)\s*:\s*$", re.IGNORECASE)
# "Caméras : 31 (dont 4 nomades)", "Dossiers examinés : 37, dont 9 présentés par des communes"
LINE_END_RE = re.compile(r"^[ \t]*(?:\([^()\n]*\)[ \t]*)?(?:\n|$)|^,\s*dont\b")


def read_label(text: str, sentence: Sentence, m: Mention, stext: str,
               context: str) -> tuple[int, Reading] | None:
    """The reading of a number that ends its line after a label ("Opérateurs : 16"): what the label
    counts, read as if it followed the number; None for anything else."""
    if not LINE_END_RE.match(text[m.end : sentence.end]):
        return None
    label = LABEL_RE.search(text[sentence.start : m.start])
    if label is None:
        return None
    phrase = f"{m.raw} {label.group(1)}"
    reading = read_unit(phrase, Mention(0, len(m.raw), m.value, m.raw, scaled=m.scaled), stext, context)
    if reading is None:
        return None
    return sentence.start + label.start(1), Reading(reading.family, m.end, reading.noun, reading.density_per)


def bracketed_item(text: str, sentence: Sentence, start: int) -> str | None:
    """In a list of priced items ("voirie (1,5 M€), vidéoprotection (180 000 €)"), the item an amount in
    brackets prices; None for an amount not in such a list ("financés à 80 % (1,7 million d'euros)")."""
    before = text[sentence.start : start]
    if not re.search(r"\(\s*$", before) or len(PRICED_ITEM_RE.findall(text[sentence.start : sentence.end])) < 2:
        return None
    return re.split(r"[,;:]|\bet\b", before.rstrip()[:-1])[-1]  # "…, la vidéoprotection (150 000 €) et un city-stade ("


