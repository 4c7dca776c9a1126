"""Text → figures: numbers, what they count, stock or plan, qualifier, place and date, assembled.

    >>> [(f.metric, f.value, f.qualifier) for f in extract_text("Aix compte plus de 450 caméras.")]
    [('cameras', 450.0, 'at_least')]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from extractors.carried_dates import UNIT_PRICE_RE, carry_dates
from extractors.cues import (
    AMOUNTING_RE,
    ANAPHORA_AFTER_RE,
    ANAPHORA_BEFORE_RE,
    BARE_AFTER_RE,
    BEARS_ON_RE,
    BOUND_SUBJECT_RE,
    CAMERA_TYPE_RE,
    CAMERA_WORDS_RE,
    CAMERAS_NEXT_RE,
    CENTRE_NAMED_RE,
    CHANGE_BEFORE_RE,
    CHANGE_TO_RE,
    CONTINUATION_RE,
    COUNTED_NOUN_RE,
    DAY_RE,
    DELIBERATION_RE,
    DENOMINATOR_RE,
    DOT_LEADER_RE,
    EVOLUTION_RE,
    FINE_BEFORE_RE,
    FRACTION_AFTER_RE,
    FROM_RE,
    FUTURE_INSTALL_RE,
    HOW_MANY_OF_THEM_RE,
    HOW_MANY_RE,
    INSTALLING_RE,
    LEVEL_BEFORE_RE,
    LIST_LINE_RE,
    MEASURE_AFTER_RE,
    NAMED_CONTINUATION_RE,
    NATIONAL_RE,
    NUMBER_OF_RE,
    OF_TOTAL_RE,
    ONE_CAMERA_PER_RE,
    ORIGIN_RE,
    OWN_RELATIVE_RE,
    PAGE_FURNITURE_RE,
    PARTITIVE_EQUIPPED_RE,
    PARTITIVE_RE,
    PENALTY_AFTER_RE,
    PER_CAMERA_AFTER_RE,
    PER_CAMERA_DENSITY_RE,
    PER_YEAR_AFTER_RE,
    PERSON_APPOSITION_RE,
    PERSON_OPENING_RE,
    POLLED_AFTER_RE,
    POLLED_BEFORE_RE,
    PRICE_RE,
    PRICED_ITEM_RE,
    PRONOUN_RE,
    RANGE_ANCHOR_RE,
    RANGE_BETWEEN_RE,
    RATE_BEFORE_RE,
    RATE_RE,
    RESTATED_RE,
    RESTATES_RE,
    SEMICOLON_ITEM_RE,
    SPENT_ON_RE,
    STAFF_EACH_RE,
    STAFF_PER_RE,
    THAT_PURPOSE_RE,
    THE_SYSTEM_RE,
    WHOLE_OF_VIDEO_RE,
)
from extractors.dates import YEAR_RE, counts_from_a_year, figure_date, find_date_mentions, period_start
from extractors.deduplicate import deduplicate
from extractors.figure import Figure, Metric, Qualifier
from extractors.gazetteer import Gazetteer, Place, load_gazetteer
from extractors.lexicon_fr import (
    BROAD_MONEY,
    MONTH_PATTERN,
    OTHER_NOUNS,
    PAST_PARTICIPLE,
    VIDEO_TERMS,
)
from extractors.numbers import Mention, find_mentions, words_to_number
from extractors.page import Page
from extractors.place_rules import place_of
from extractors.places import AID_WORDS_RE, FigurePlace, PlaceFinder, as_named, display_name
from extractors.qualifiers import qualifier_after, qualifier_before, qualifier_from_header
from extractors.readings import (
    CAMERAS,
    DENSITY,
    MONEY,
    OFFENCES,
    OTHER,
    PERCENT,
    POPULATION,
    Reading,
    is_rate_base,
    norm,
    read_unit,
)
from extractors.review import review_metric
from extractors.segments import (
    BULLET,
    BULLET_ITEM_RE,
    Sentence,
    Span,
    clause_at,
    clause_spans,
    list_intro,
    split_sentences,
)
from extractors.syntax import MAX_PARSES_PER_PAGE, NumberSyntax, bare_count, number_syntax, parse_sentence, sub_count
from extractors.tables import table_cells
from extractors.tense import (
    COMPOUND_PAST_RE,
    DECIDED_RE,
    FUTURE_RE,
    INCREMENT_RE,
    LINKED_TO_COME_RE,
    MONEY_FOR_RE,
    NOW_RE,
    PAST_RE,
    PHASE_RE,
    REPLACED_RE,
    camera_metric,
)

EARLIER_THEN_RE = re.compile(r"\s*(?:un an|deux ans|trois ans) (?:plus tôt|auparavant)\b|\s*l'(?:année|an) "
                             r"(?:précédente|d'avant|dernier)\b|\s*(?:en|fin) (?:19|20)\d\d\s*\)")
AID_GRANTED_RE = re.compile(r"\b(?:a|ont)\s+(?:voté|attribué|accordé|alloué|octroyé)\b[^.]{0,80}"
                            r"\b(?:aides?|subventions?)\b|\b(?:aides?|subventions?)\s+(?:attribuées?|accordées?|allouées?|octroyées?|votées?)\b",
                            re.IGNORECASE)
BARE_SUBJECT_VERB_RE = re.compile(r"\s*(?:ont|sont|avaient|étaient|seront|auront)\s+(?:déjà\s+|aussi\s+|également\s+)?"
                                  r"(?:reçu|bénéficié|obtenu|été|signé|rejoint|déposé)")
OTHERS_TOO_RE = re.compile(r"\s*(?:autres|derni[eè]re?s|restant(?:e|es|s))\s+l(?:e|es|')\s*"
                           r"(?:seront|sera|sont|ont été)\b")
PASSIVE_AFTER_RE = re.compile(rf"\s*(?:ont|sont|seront)\s+(?:\w+\s+)?(?:été\s+)?{PAST_PARTICIPLE}")
SITES_NEXT_RE = re.compile(r"\s*(?:sites|lieux|emplacements|points|secteurs|carrefours|communes)\b")
GIVEN_TO_RE = re.compile(r"\b(?:le|la|l'|les)\s*([^,.;]{3,40}),\s+qui\s+(?:n'a|a|ont|n'ont|avait|n'avait)\s+"
                         r"(?:\w+\s+)?reçu\s+(?:que\s+)?$", re.IGNORECASE)
TO_REPLACE_RE = re.compile(r"\bpour (?:en |les )?(?:remplacer|renouveler|moderniser)\b")  # "pour en remplacer 24"
OWN_BASE_RE = re.compile(r"\s*pour\s+(\d{1,3}(?:[\s.\u202f]\d{3})*|\d+)(?:\s+habitants)?\b(?!\s*%)")
# "les images des 24 caméras", "couverts par les 38 caméras", "renforcer les 35 caméras fixes"
IN_PASSING_RE = re.compile(r"\b(?:images|enregistrements|réseau|parc) des\s*$|\b(?:par|sur|grâce aux|avec) les\s*$"
                           r"|\b(?:renforcer|compléter|rejoindre|remplacer) les\s*$|\b(?:en plus des|outre les)\s*$")
# a budget's growth or a tax rate ("la taxe foncière reste fixée à 38,5 %"), not "hors taxes"
TAX_OR_BUDGET = r"\bbudget\b|\btaxes? (?:foncière|d'habitation|locale)|\bimpôts?\b|\bfiscal\w*|\bd'imposition\b"
SIMPLE_METRICS = {DENSITY: Metric.CAMERAS_PER_100K, POPULATION: Metric.POPULATION, MONEY: Metric.MONEY_EUR,
                  PERCENT: Metric.PERCENT, OFFENCES: Metric.OFFENCES, OTHER: Metric.OTHER}
DEFAULT_GAZETTEER = object()
MAX_NUMBERS_PER_SENTENCE = 300
# a stock that results from what the sentence before told: "Le parc passe ainsi de 35 à 55 caméras"; or
# that holds at the time it told: "… nous en installerons 8 l'an prochain. La commune en comptera alors 40"
RESULT_RE = re.compile(r"\b(?:pass|port|atteint|s'élève|s'établit|compt)\w*\s+ainsi\b|\bainsi\s+(?:port|pass)\w*"
                       r"|\b(?:compt|dispos|atteind|totalis)\w*\s+alors\b")  # "Notre commune en comptera alors 40"
SITE_NOUNS = frozenset({"bâtiments", "sites", "quartiers", "secteurs", "écoles", "établissements", "parkings"})
BARE_AMOUNT_RE = re.compile(r"\s*[\d\s\u00a0\u202f.,]+\s*(?:€|euros?|k€|M€)(?:\s*(?:HT|TTC))?\s*")
USED_FOR_RE = re.compile(r"[^.;]{0,40}?\b(?:ont|avaient|auront) (?:permis|contribué|servi|aidé)\b")
# what a page about surveillance names somewhere: cameras, video, footage, or the security they serve
SURVEILLANCE_PAGE_RE = re.compile(rf"{VIDEO_TERMS}|film(?:é|ée|és|ées|er)\b|images|visionn|sécurité|délinquance|"
                                  r"tranquillité|cambriol|infractions?|amendes|verbalis|plaintes|police|gendarmerie",
                                  re.IGNORECASE)
# an elliptic question that asks again what the one before asked: "— Et demain ?"
FOLLOW_UP_RE = re.compile(r"\W*et\s+(?:demain|ensuite|après|à l'avenir|à terme|plus tard|d'ici (?:là|\d{4}))\s*\?")
DECIDED_VERB_RE = re.compile(r"\b(?:voté|adopté|approuvé|attribué|accordé|alloué|débloqué|inscrit|engagé)e?s?\b")
SHARE_BEFORE_RE = re.compile(r"\bdont\s*$")
FOOTAGE_OF_BEFORE_RE = re.compile(r"\b(?:images|enregistrements|vidéos)\s+(?:de|d')\s*$", re.IGNORECASE)
OF_WHOLE_AFTER_RE = re.compile(r"\s+des\s+\d")
COUNT_OF_RE = re.compile(r"^\s*(?:le\s+)?nombre\s+(?:total\s+)?(?:de|d')\s*", re.IGNORECASE)
# what stands between two coordinated counts: a place or a complement, then "et" ("à Saint-Marc et")
COORDINATED_RE = re.compile(r"[^.;,\d]{0,60}\bet\s*")
# a time said between them, even one no date resolves ("180 d'ici à la fin de l'été et 360 début 2013")
TIME_SAID_RE = re.compile(rf"\b(?:d'ici|fin|début|mi-|depuis|avant|après|jusqu|été|hiver|printemps|automne|mois|"
                          rf"année|semaine|{MONTH_PATTERN})\b", re.IGNORECASE)
# Numbers read per page: a real page states a few dozen; past this it is a data dump or an attack, and
# reading all of it would cost seconds per page (each number weighs ~0.1 ms with its context).
MAX_NUMBERS_PER_PAGE = 5_000
logger = logging.getLogger(__name__)


# "Vivaise (Aisne)": a département that says where a commune is; "dans les Ardennes, le village de Seuil"
QUALIFYING_BRACKET_RE = re.compile(r"\s*\(\s*")
FRAMED_COMMUNE_RE = re.compile(r"\s*,\s*(?:(?:le village|la commune|la ville|le bourg)\s+(?:de|d')\s*)?")


def without_frames(places: list[tuple[int, int, Place]], text: str) -> list[tuple[int, int, Place]]:
    """The places a sentence names, less a département or région that only situates the commune beside it:
    in brackets after it ("À Vivaise (Aisne), dix caméras"), or right before it ("dans les Ardennes, le
    village de Seuil"). The figures are the commune's."""
    kept = []
    for k, (start, end, place) in enumerate(places):
        before = places[k - 1] if k else None
        after = places[k + 1] if k + 1 < len(places) else None
        if place.kind in ("departement", "region") and (
                before is not None and before[2].kind == "commune"
                and QUALIFYING_BRACKET_RE.fullmatch(text, before[1], start) and text[end : end + 2].lstrip()[:1] == ")"
                or after is not None and after[2].kind == "commune" and FRAMED_COMMUNE_RE.fullmatch(
                    text, end, after[0])):
            continue
        kept.append((start, end, place))
    return kept


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
    head: Candidate | None = None  # the figure it continues or refers to
    linked_by_dont: bool = False
    starting_point: bool = False  # "de 100" in "passer de 100 à 150 caméras"
    anaphoric: bool = False
    same_place: bool = False  # "six autres", "ils seront 19": the antecedent's place
    upper: Mention | None = None  # a range's low bound: its high one ("10" of "10 à 15 caméras")
    respective: int | None = None  # "A et B comptent respectivement 18 et 24 caméras": 0 for A's, 1 for B's
    figure: Figure | None = field(default=None, repr=False)


def _word_end(text: str, position: int) -> int:
    """Evidence ends on a whole word: "seront installées", not "seront install"."""
    while position < len(text) and (text[position].isalnum() or text[position] in "-'’"):
        position += 1
    return position


def _left(text: str, sentence: Sentence, position: int, size: int = 80) -> str:
    return norm(text[max(sentence.start, position - size) : position])


def _right(text: str, sentence: Sentence, position: int, size: int = 120) -> str:
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


class Extractor:
    """Extraction over one text; holds what sentences share (places, previous figures)."""

    def __init__(self, text: str, *, title: str | None, published: str | None, place_hint: str | None,
                 place_kind: str | None, gazetteer: Gazetteer | None, source_url: str | None = None) -> None:
        self.text = text
        self.title = title
        self.published = published
        self.place_kind = place_kind
        self.finder = PlaceFinder(gazetteer, place_hint, place_kind, text, source_url)
        self.sentences = split_sentences(text)
        self.cells = table_cells(text, self.sentences)
        self.aid_document = bool(AID_WORDS_RE.search(text))
        self.deliberation = bool(DELIBERATION_RE.search(text[:400]))
        # "Le Département a voté 312 000 euros d'aides … Montélimar reçoit 60 000 euros pour 14 caméras"
        self.aid_granted = bool(AID_GRANTED_RE.search(text[:600]))  # "La phase 2 concerne 45 caméras": to do
        self.national = bool(NATIONAL_RE.search(text[:1500]))  # a page of no place that speaks for the country
        self.candidates: list[Candidate] = []
        self._years: list[tuple[int, int]] | None = None  # (position, year) of the years the text names
        self._centre_places: list[Place] | None = None  # named in the sentences about the supervision centre
        self.named: list[Place] = []  # the places named in the sentences read so far
        self._block_openings: dict[int, int] | None = None
        self._list_runs: dict[int, tuple[int, int]] | None = None
        self.memo: dict[str, dict] = {}  # what rules of other modules keep once a page
        self._parsed: dict[int, object] = {}  # sentence index → its spaCy parse (None: not parsed)

    # -- reading ----------------------------------------------------------------------------------
    def years_before(self, position: int) -> list[int]:
        """The years the text names before `position`, in their order (found once a page)."""
        if self._years is None:
            self._years = [(m.start(), int(m[1])) for m in YEAR_RE.finditer(self.text)]
        return [year for at, year in self._years if at < position]

    def year_before(self, position: int) -> int | None:
        """The last year the text names before `position` ("En 2008, … Dix ans plus tard, …")."""
        years = self.years_before(position)
        return years[-1] if years else None

    def camera_context(self, index: int) -> bool:
        """Cameras are the topic: named in this sentence or the two before, or counted in the three before."""
        for s in self.sentences[max(0, index - 2) : index + 1]:
            if CAMERA_WORDS_RE.search(self.text[s.start : s.end]):
                return True
        last = self.last_candidate(index, CAMERAS)
        return last is not None and last.mention.start >= self.sentences[max(0, index - 3)].start

    def last_candidate(self, before_sentence: int, family: str | None = None,
                       counted: bool = False) -> Candidate | None:
        """The last figure read before a sentence, within two sentences; `counted`: of things a pronoun
        can stand for ("elles n'étaient que 19": communes, not the percentage said last)."""
        for c in reversed(self.candidates):
            if c.linked_by_dont:  # a part ("dont 280 dans…") is no antecedent for the whole
                continue
            if counted and c.reading.family in (PERCENT, MONEY, DENSITY):
                continue
            if c.mention.start < self.sentences[before_sentence].start and (
                family is None or c.reading.family == family
            ):
                if before_sentence - self._sentence_index(c) <= 2:
                    return c
                return None
        return None

    def _sentence_index(self, candidate: Candidate) -> int:
        for s in self.sentences:
            if s.start <= candidate.mention.start < s.end:
                return s.index
        return 0

    def read_sentence(self, sentence: Sentence, mentions: list[Mention]) -> list[Candidate]:
        text = self.text
        stext = text[sentence.start : sentence.end]
        found: dict[int, Candidate] = {}
        # "près de quatre fois plus", "deux fois moins": a multiplier, never a count (guidelines 2.2)
        consumed: set[int] = {i for i, m in enumerate(mentions) if MULTIPLIER_AFTER_RE.match(text, m.end)}
        context = text[self.sentences[max(0, sentence.index - 2)].start : sentence.end]
        for i, m in enumerate(mentions):
            if i in consumed:
                continue
            left = _left(text, sentence, m.start)
            if self.is_total(text, sentence, m, mentions[i - 1 : i]):
                continue
            reading = read_unit(text, m, stext, context)
            if reading is not None and reading.family == CAMERAS and (STAFF_PER_RE.search(left)
                                                                     or STAFF_EACH_RE.search(left)):
                continue  # "un agent du CSU pour 8 caméras": a ratio, not a count
            if reading is None and (labelled := read_label(text, sentence, m, stext, context)):
                label_start, reading = labelled
                found[i] = Candidate(m, reading, label_start, m.end)
                continue
            if reading is None or self.is_fraction(m, reading):
                continue
            if reading.family == CAMERAS and FOOTAGE_OF_BEFORE_RE.search(left) and OF_WHOLE_AFTER_RE.match(
                    text, m.end):
                continue  # "les images de deux des 38 caméras ont permis…": an incident's cameras, not a count
            if reading.family == OTHER and re.search(r"\bces\s*$", left, re.IGNORECASE):
                continue  # "Ces trois villes totalisent…": the places just listed, not a count of their own
            # "Deauville en compte 1 pour 95 habitants": a rate of the cameras the text is about
            one_per = ONE_CAMERA_PER_RE.search(left) and (CAMERA_WORDS_RE.search(stext)
                                                          or self.camera_context(sentence.index))
            if reading.family == POPULATION and RATE_RE.search(left) and (is_rate_base(m.value) or one_per):
                if one_per and m.value:
                    start = m.start - (len(left) - ONE_CAMERA_PER_RE.search(left).start())
                    density = Reading(DENSITY, reading.end, "caméras", density_per=m.value)
                    for k in [k for k, c in found.items() if c.mention.start >= start]:
                        del found[k]  # "1 caméra pour 560 habitants": the 1 is the rate's, not a count
                    consumed |= {j for j, o in enumerate(mentions) if start <= o.start < m.start}
                    found[i] = Candidate(Mention(start, m.end, 1.0, "une"), density, start, reading.end)
                continue
            if reading.family == POPULATION and m.value and (per := PER_CAMERA_DENSITY_RE.match(text, reading.end)):
                # "450 habitants par caméra": one camera for 450 inhabitants
                found[i] = Candidate(Mention(m.start, m.end, 1.0, m.raw),
                                     Reading(DENSITY, per.end(), "caméras", density_per=m.value), m.start, per.end())
                continue
            if reading.family == POPULATION and (POLLED_BEFORE_RE.search(left) or POLLED_AFTER_RE.match(
                    text, reading.end)):
                continue  # "un sondage réalisé auprès de 800 habitants": who answered, not who lives there
            if reading.family == DENSITY and reading.density_span:
                consumed |= {j for j, o in enumerate(mentions) if o.start == reading.density_span[0]}
            found[i] = Candidate(m, reading, m.start, reading.end)
        self._link_ranges(sentence, mentions, found)
        self._link_bare(sentence, mentions, found, consumed)
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
                    _left(self.text, sentence, c.mention.start, 12)):
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
            between = norm(self.text[low.end : high.start])
            if re.search(r"\brespectivement\s*$", _left(self.text, sentence, low.start, 20)) and re.match(
                    r"\s*et\s*$", between):  # "comptent respectivement 64 et 15 caméras": two counts, not a range
                found[i] = Candidate(low, found[i + 1].reading.continued(low.end), low.start, low.end)
                continue
            if not RANGE_BETWEEN_RE.match(between) or low.value >= high.value * (1 if not high.scaled else 1e9):
                continue
            if EVOLUTION_RE.search(_left(self.text, sentence, low.start, 40)):
                continue  # "passer de 100 à 150 caméras": where a count starts and where it goes
            left = _left(self.text, sentence, low.start, 20)
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
        """A number alone after a year or a label on its line ("2018 : 19", "Séné : 14"), in a list of such
        lines whose intro ("Évolution du nombre de caméras :", "Les caméras par commune :") names what they
        count."""
        if not LIST_LINE_RE.fullmatch(self.text[sentence.start : sentence.end].strip()) or m.year_like:
            return None
        intro = next((s for s in reversed(self.sentences[: sentence.index])
                      if not LIST_LINE_RE.fullmatch(self.text[s.start : s.end].strip())), None)
        said = self.text[intro.start : intro.end].rstrip() if intro else ""
        if not (said.endswith(":") or intro and intro.heading) or not (noun := COUNTED_NOUN_RE.search(said)):
            return None
        phrase = f"{m.raw} {noun.group(0)}"
        reading = read_unit(phrase, Mention(0, len(m.raw), m.value, m.raw), said)
        return Reading(reading.family, m.end, reading.noun) if reading else None

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

    def _link_from(self, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate], i: int,
                   left: str) -> bool:
        """ "De 12 en 2014, le parc est monté à 106 caméras", "passer de 100 à 150 caméras": the count a
        series starts from, read as the count it goes to; a stock, whatever the tense of the change."""
        later = [(k, found[k]) for k in sorted(found) if k > i]
        up_to_later = norm(self.text[sentence.start : later[0][1].mention.start]) if later else ""
        if not (later and FROM_RE.search(left) and re.search(r"\bà\s*$", up_to_later)):
            return False
        m, head = mentions[i], later[0][1]
        if m.value == 0:
            return True  # "passé de zéro à 80 caméras": where there were none is no count of them
        found[i] = Candidate(m, head.reading.continued(m.end), m.start, m.end, head=head, starting_point=True)
        return True

    def is_fraction(self, m: Mention, reading: Reading) -> bool:
        """ "Deux caméras sur trois sont en centre-ville": a proportion (guidelines 2.5), not a count."""
        over = FRACTION_AFTER_RE.match(norm(self.text[reading.end : reading.end + 25]))
        return bool(over) and m.value < (words_to_number(over[1]) or 0) <= 10

    @staticmethod
    def is_total(text: str, sentence: Sentence, m: Mention, before: list[Mention]) -> bool:
        """ "80 des 270 lycées", "une centaine de gares sur 400", "131e place sur 371 villes": the
        second number is the whole the first is counted against, not a figure."""
        left = _left(text, sentence, m.start, 60)
        if OF_TOTAL_RE.search(left):  # "8 des 64 caméras": the city's cameras are a count of their own
            return not CAMERAS_NEXT_RE.match(norm(text[m.end : m.end + 30]))
        if not DENOMINATOR_RE.search(left) or re.search(r"[;:]", left[-45:]):
            return False
        if BEARS_ON_RE.search(left) and CAMERAS_NEXT_RE.match(norm(text[m.end : m.end + 30])):
            return False  # "la 4e tranche porte sur 18 caméras": what a programme is about
        if re.search(r"\bcam[ée]ras\s+sur\s*$", left) and SITES_NEXT_RE.match(norm(text[m.end : m.end + 30])):
            return False  # "l'implantation de 12 caméras sur 8 sites": where they go, not of how many
        near = DAY_RE.sub(" ", left[-45:])  # "votée le 14 juin, porte sur 18 caméras": a day counts nothing
        return bool(re.search(r"\d", near[:-5])) or bool(before and m.start - before[-1].end < 45)

    # -- deciding ---------------------------------------------------------------------------------
    def qualify(self, sentence: Sentence, c: Candidate) -> tuple[Qualifier, str]:
        """The qualifier, and the name of the rule that gave it (for --explain)."""
        if c.qualifier is not None:
            return c.qualifier, "range_bound"
        m = c.mention
        left = self.text[max(sentence.start, m.start - 60) : m.start]
        if m.approx and m.raw.lower().startswith(("d'", "d’")):
            left += "d'"
        qualifier, length = qualifier_before(left)
        if qualifier is not None:
            c.start = min(c.start, m.start - length + (2 if left.endswith("d'") and m.approx else 0))
            c.start = max(c.start, sentence.start)
            return (qualifier if not (m.approx and qualifier is Qualifier.APPROX) else Qualifier.APPROX,
                    "hedge_before")
        if after := qualifier_after(self.text[c.reading.end : c.reading.end + 30]):
            return after, "hedge_after"
        if bound := BOUND_SUBJECT_RE.search(norm(self.text[max(sentence.start, m.start - 80) : m.start])):
            # "Le taux maximal de financement est de 30 %": the bound is the subject's
            return Qualifier.AT_MOST if bound.group(1).startswith("max") else Qualifier.AT_LEAST, "bounded_subject"
        if m.approx:
            return Qualifier.APPROX, "approximate_noun"
        if header := self.header_qualifier(sentence, c):
            return header, "table_header"
        return Qualifier.EXACT, "no_hedge"

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

    def plan_of_cameras(self, sentence: Sentence, stext: str) -> bool:
        """ "… son plan pluriannuel : 12 caméras par an. Le plan est chiffré à 900 000 euros": the plan one of
        the two sentences before told of, among cameras, not a global security plan."""
        if sentence.index == 0 or not re.search(r"\b(?:le|ce|son|leur) plan\b", stext):
            return False
        told = " ".join(norm(self.text[s.start : s.end]) for s in self.sentences[max(0, sentence.index - 2) :
                                                                                 sentence.index])
        return bool(re.search(r"\bplan\b", told)) and self.camera_context(sentence.index)

    def line_label(self, c: Candidate) -> str | None:
        """The label of a line that leads to its amount with dots ("Éclairage public ........ 410 000 €")."""
        label = self.text[self.text.rfind("\n", 0, c.mention.start) + 1 : c.mention.start]
        return label if DOT_LEADER_RE.search(label) else None

    def for_that_purpose(self, sentence: Sentence, c: Candidate) -> bool:
        """Cameras used "à cet effet" where the sentence before tells of vidéo-verbalisation."""
        if sentence.index == 0 or not THAT_PURPOSE_RE.match(norm(self.text[c.end : c.end + 40])):
            return False
        before = self.sentences[sentence.index - 1]
        return "verbalis" in norm(self.text[before.start : before.end])

    def after_number(self, sentence: Sentence, c: Candidate) -> str:
        """What follows a number: in a table's cell, its column's header ("Caméras financées"); for a
        range's low bound, what follows the high one ("10 à 15 nouvelles caméras par an")."""
        cell = self.cells.get(sentence.start)
        end = c.upper.end if c.upper is not None else c.mention.end
        # within its sentence: a list's next item ("• Gueugnon : renouvellement …") is another's
        return cell.header if cell is not None else self.text[end : min(end + 60, max(sentence.end, end))]

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

    def placed_before_in_block(self, sentence: Sentence) -> FigurePlace | None:
        """The one place of the paragraph's figures so far: on a page of no place, what it goes on about. A
        paragraph of several ("À Arles, 90 caméras ; à Tarascon, 40. Ces villes en totalisent 130") has none."""
        opening = self.block_openings().get(sentence.block, sentence.start)
        block = []
        for c in reversed(self.candidates):  # the paragraph's are the last ones read: stop at its opening
            if c.mention.start < opening:
                break
            if c.figure is not None and c.figure.place and c.figure.place_kind not in (None, "other") and (
                    c.mention.start < sentence.start):
                block.append(c.figure)
        block.reverse()
        if not block or len({f.place for f in block}) > 1:
            return None
        return FigurePlace(block[-1].place, block[-1].place_kind, block[-1].place_code)

    def block_openings(self) -> dict[int, int]:
        """Where each paragraph opens, found once a page."""
        if self._block_openings is None:
            self._block_openings = {}
            for s in self.sentences:
                self._block_openings.setdefault(s.block, s.start)
        return self._block_openings

    def respective_place(self, sentence: Sentence, c: Candidate, context: SentenceContext) -> FigurePlace | None:
        """ "Tomblaine et Essey-lès-Nancy comptent respectivement 18 et 24 caméras": the places named before
        "respectivement", in their order, one a count."""
        at = norm(context.text).find("respectivement")
        named = [p for p in context.places if p[1] <= at]
        if at < 0 or len(named) != context.respective or c.respective is None:
            return None
        return as_named(named[c.respective], context.text)

    def of_shared_centre(self, c: Candidate, sentence: str) -> bool:
        """A figure of the supervision centre (its staff, or said of it) on a page where it serves several
        communes of the intercommunalité: the intercommunalité's, not the page's commune's."""
        staff = c.reading.family == OTHER and OTHER_NOUNS.get(c.reading.noun) in ("any", "centre")
        if not (staff or CENTRE_NAMED_RE.search(sentence)):
            return False
        if self._centre_places is None:  # what the centre serves is named where the centre is
            said = [self.text[s.start : s.end] for s in self.sentences if CENTRE_NAMED_RE.search(norm(
                self.text[s.start : s.end]))]
            self._centre_places = [place for text in said for _, _, place in self.finder.names_in(text)]
        # … or where cameras are counted, in the sentences read so far ("22 seront installées à Saint-Herblain")
        return bool(self._centre_places or CENTRE_NAMED_RE.search(sentence)) and self.finder.shares_epci(
            self._centre_places + self.named)

    def first_figure(self, sentence_index: int) -> Figure | None:
        """The first figure of a sentence: its subject's, which a pronoun of the next one points back to."""
        if sentence_index < 0:
            return None
        sentence = self.sentences[sentence_index]
        return next((c.figure for c in self.candidates
                     if c.figure is not None and sentence.start <= c.mention.start < sentence.end), None)

    def restates(self, c: Candidate, metric: Metric) -> bool:
        """ "la mise en service des 55 caméras" after "55 nouvelles caméras seront installées"."""
        left = norm(self.text[max(0, c.mention.start - 12) : c.mention.start])
        if c.reading.family != CAMERAS or not RESTATED_RE.search(left):
            return False
        return any(o.figure is not None and o.figure.value == c.mention.value and o.reading.family == CAMERAS
                   for o in self.candidates)

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

    def build(self, sentence: Sentence, c: Candidate, context: SentenceContext) -> Figure | None:
        place, place_rule = place_of(self, sentence, c, context)
        metric = self.metric(sentence, c, place, context)
        if metric is None or self.restates(c, metric):
            return None
        metric, metric_rule = review_metric(metric, norm(self.text[sentence.start : sentence.end]),
                                            lambda: self.syntax_at(sentence, c.mention))
        value = c.mention.value
        if metric is Metric.CAMERAS_PER_100K:
            value = round(value * 100_000 / c.reading.density_per, 2)
        qualifier, qualifier_rule = self.qualify(sentence, c)
        date, date_rule = self.date(sentence, c, context)
        if metric is Metric.CAMERAS and date and (self.to_be_replaced(sentence) or not self.before_publication(
                date) and TO_REPLACE_RE.search(norm(self.text[sentence.start : sentence.end]))):
            # "les 18 caméras seront remplacées cet automne", "inscrit au budget 2024 pour en remplacer 24": the
            # stock is now's, the date the works'; "a investi en 2022 pour remplacer 40 caméras": done then
            date = None
        if metric is Metric.CAMERAS and date and self.named_in_passing(sentence, c, date, context):
            date = None  # "les images des 24 caméras de la ville ont contribué en 2022 à…": the network as it is
        if metric is Metric.POPULATION and place.kind == "other":
            date = None  # "les communes de moins de 5 000 habitants": a rule's threshold, of no date
        if metric is Metric.POPULATION and date and not self.dated_right_after(c, date):
            date = None  # "la commune de 9 000 habitants va en installer 16 d'ici la fin de l'année": the plan's
        if self.after_publication(date) and (metric is Metric.CAMERAS_ADDED or (
                metric is Metric.CAMERAS and (INCREMENT_RE.search(norm(self.text[c.start : c.end + 20]))
                                              or PHASE_RE.search(norm(self.text[sentence.start : c.start]))))):
            metric = Metric.CAMERAS_PLANNED  # "en installer 25 de plus en 2023 et 2024", "Phase 3 (2024) : 8 caméras"
        if metric is Metric.CAMERAS and self.before_publication(date) and PHASE_RE.search(
                norm(self.text[sentence.start : c.start])):
            metric = Metric.CAMERAS_ADDED  # "1re phase (2021) : 10 caméras", told in 2023: what that phase added
        if metric is Metric.CAMERAS_PLANNED and self.before_publication(date) and INCREMENT_RE.search(
                norm(self.text[c.start : c.end + 50])) and not self.future_or_decided(sentence):
            metric = Metric.CAMERAS_ADDED  # "le bilan de 2023 : … 12 caméras supplémentaires", published in 2024
        return Figure(
            metric=metric.value, value=value, qualifier=qualifier.value, place=place.name, place_kind=place.kind,
            date=date, evidence=self.text[c.start : c.end].strip(), start=c.start,
            end=c.end, sentence=self.text[sentence.start : sentence.end].strip(),
            confidence=0.6 if c.anaphoric else 0.85, place_code=place.code,
            why={"metric": metric_rule or self.metric_rule(c), "qualifier": qualifier_rule,
                 "place": place_rule, "date": date_rule},
        )

    def parsed(self, sentence: Sentence) -> object | None:
        """The sentence's parse, made once, when a rule first asks for it."""
        if sentence.index not in self._parsed:
            if len(self._parsed) >= MAX_PARSES_PER_PAGE:
                return None  # past the page's budget: the word rules alone
            self._parsed[sentence.index] = parse_sentence(self.text[sentence.start : sentence.end])
        return self._parsed[sentence.index]

    @staticmethod
    def metric_rule(c: Candidate) -> str:
        """Which word rules read a figure's kind, when no syntax review rule changed it."""
        if c.linked_by_dont:
            return "part_of_total"
        if c.anaphoric:
            return "anaphora"
        return "tense.camera_metric" if c.reading.family == CAMERAS else f"unit_{c.reading.family}"

    def syntax_at(self, sentence: Sentence, mention: Mention) -> NumberSyntax | None:
        """The parse around a camera count."""
        doc = self.parsed(sentence)
        if doc is None:
            return None
        return number_syntax(doc, mention.start - sentence.start, mention.end - sentence.start)

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

    def decided(self, sentence: Sentence) -> bool:
        """Whether the sentence's tenseless counts are of what a decision decides: the page records one (a
        deliberation), or the sentence is an item of a list a decision introduces ("La Région a attribué les
        subventions suivantes :⏎- Chagny : 9 200 € pour 3 caméras")."""
        intro = list_intro(self.sentences, self.text, sentence)
        return self.deliberation or bool(intro and DECIDED_RE.search(norm(self.text[intro.start : intro.end])))

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

    def run(self) -> list[Figure]:
        if not SURVEILLANCE_PAGE_RE.search(self.text) and not SURVEILLANCE_PAGE_RE.search(self.title or ""):
            return []  # a page that never speaks of cameras or security: its euros and rates are not surveillance's
        mentions = find_mentions(self.text)
        if len(mentions) > MAX_NUMBERS_PER_PAGE:
            logger.warning("%d numbers on one page: only the first %d read", len(mentions), MAX_NUMBERS_PER_PAGE)
            mentions = mentions[:MAX_NUMBERS_PER_PAGE]
        figures: list[tuple[Figure, Sentence]] = []
        position = 0
        for sentence in self.sentences:
            own = []
            while position < len(mentions) and mentions[position].start < sentence.end:
                if mentions[position].start >= sentence.start:
                    own.append(mentions[position])
                position += 1
            if not own or len(own) > MAX_NUMBERS_PER_SENTENCE:
                continue  # a dump of numbers (a table flattened into one line) states no figure in prose
            if PAGE_FURNITURE_RE.match(self.text, sentence.start):
                continue  # "Lire aussi : … 3 interpellations …", "Abonnez-vous à partir de 1 €": another page's
            context = SentenceContext(self, sentence, [(m.start, m.end) for m in own if not m.year_like])
            candidates = self.read_sentence(sentence, own)
            context.families = {c.mention.start: c.reading.family for c in candidates}
            context.respective = sum(1 for c in candidates if c.respective is not None)
            for c in candidates:
                c.figure = self.build(sentence, c, context)
                self.candidates.append(c)
                if c.figure is not None:
                    figures.append((c.figure, sentence))
            self.share_coordinated_date(candidates)
        first = self.sentences[0] if self.sentences else None
        heading = self.text[first.start : first.end] if first is not None and first.heading else None
        carry_dates(figures, self.sentences, self.text, self.sentence_dates, self.title or heading)
        self.one_name_a_place([figure for figure, _ in figures])
        return deduplicate(figures)

    def share_coordinated_date(self, candidates: list[Candidate]) -> None:
        """Two counts coordinated by "et", the second without a verb of its own, share the date said after
        the second: "Neuf caméras seront posées à Saint-Marc et six à la gare d'ici la fin de l'année 2023"."""
        for c in candidates:
            head = c.head
            if (head is None or c.anaphoric or c.linked_by_dont or c.starting_point or c.respective is not None
                    or c.figure is None or head.figure is None or c.figure.date is None or head.figure.date
                    or c.figure.metric != head.figure.metric):
                continue
            between = norm(self.text[head.end : c.mention.start])
            if COORDINATED_RE.fullmatch(between) and not TIME_SAID_RE.search(between):
                head.figure.date = c.figure.date

    def one_name_a_place(self, figures: list[Figure]) -> None:
        """An intercommunalité goes by one name on a page: the one the text gives it ("la communauté de
        communes Cœur de Savoie"), also for its figures placed without naming it (a sum of its communes)."""
        gazetteer = self.finder.gazetteer
        said: dict[str, str] = {}
        for figure in figures:
            code = figure.place_code
            if gazetteer is None or figure.place_kind != "intercommunalite" or not code or code in said:
                continue
            official = gazetteer.get("intercommunalite", code)
            if official is not None and figure.place and figure.place != display_name(official):
                said[code] = figure.place
        for figure in figures:
            if figure.place_kind == "intercommunalite" and figure.place_code in said:
                figure.place = said[figure.place_code]

    def sentence_dates(self, sentence: Sentence) -> list[str]:
        text = self.text[sentence.start : sentence.end].replace("’", "'").lower()
        return [d.value for d in find_date_mentions(text, self.published, [])]


def extract_text(text: str, *, title: str | None = None, published: str | None = None,
                 place_hint: str | None = None, place_kind: str | None = None, source_url: str | None = None,
                 gazetteer: Gazetteer | None | object = DEFAULT_GAZETTEER) -> list[Figure]:
    """Figures stated in a French text. `place_hint` is the place the page speaks for; `source_url`,
    its address, tells homonyms apart by the town hall's domain."""
    if gazetteer is DEFAULT_GAZETTEER:
        gazetteer = load_gazetteer()
    joined, origin = join_broken_words(text)
    figures = Extractor(joined, title=title, published=published, place_hint=place_hint, place_kind=place_kind,
                        gazetteer=gazetteer, source_url=source_url).run()  # type: ignore[arg-type]
    for figure in figures if origin else []:  # offsets and evidence in the text as given
        figure.start, figure.end = origin[figure.start], origin[figure.end - 1] + 1
        figure.evidence = text[figure.start : figure.end].strip()
    return figures


MULTIPLIER_AFTER_RE = re.compile(r"\s*fois\s+(?:plus|moins|supérieure?s?|inférieure?s?|davantage)\b", re.IGNORECASE)
BARE_BRACKET_RE = re.compile(r"\s*\)")
OPEN_BRACKET_BEFORE_RE = re.compile(r"\(\s*$")  # "Montsalvy (5)": nothing but the count in the brackets
# a list's line: a label, a colon or a bracket, and a count ("Lillers : 15 caméras pour 6 497 euros")
LIST_ITEM_LINE_RE = re.compile(r"\s*[A-ZÀ-Ý][^:\n\d()]{1,60}?(?:\s*:\s*|\s*\(\s*)\d")
# a pronoun or "en" that a bare number may count for ("elles étaient 150", "en installer 23", "au nombre de")
ANAPHORA_CUE_RE = re.compile(r"\b(?:en|elles|ils|nombre|la|le|les|l')\b")

# "16 ca-\nméras", "vidéo-\nprotection": a word a PDF or a narrow column cut at the end of a line.
BROKEN_WORD_RE = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")


def join_broken_words(text: str) -> tuple[str, list[int] | None]:
    """The text with words cut at a line's end joined again, and where each of its characters was in
    `text` (None when nothing was cut)."""
    cuts = [m.start() for m in BROKEN_WORD_RE.finditer(text)]
    if not cuts:
        return text, None
    parts, origin, at = [], [], 0
    for cut in cuts:
        parts.append(text[at:cut])
        origin.extend(range(at, cut))
        at = cut + 2
    parts.append(text[at:])
    origin.extend(range(at, len(text)))
    return "".join(parts), origin


def extract_figures(page: Page, *, place_hint: str | None = None, place_kind: str | None = None,
                    source_url: str | None = None) -> list[Figure]:
    """Figures of a page read by `extractors.page.read_page`."""
    return extract_text(page.text, title=page.title, published=page.published, place_hint=place_hint,
                        place_kind=place_kind, source_url=source_url)
