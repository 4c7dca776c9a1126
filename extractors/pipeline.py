"""Text → figures: numbers, what they count, stock or plan, qualifier, place and date, assembled.

    >>> [(f.metric, f.value, f.qualifier) for f in extract_text("Aix compte plus de 450 caméras.")]
    [('cameras', 450.0, 'at_least')]


"""

from __future__ import annotations

import logging
import re

from extractors.bare_numbers import BareLinker
from extractors.breakdown import ones_listed
from extractors.candidates import Candidate, SentenceContext
from extractors.carried_dates import carry_dates
from extractors.corrections import Draft, correct
from extractors.cues import (
    BOUND_SUBJECT_RE,
    CAMERA_WORDS_RE,
    CENTRE_NAMED_RE,
    DELIBERATION_RE,
    NATIONAL_RE,
    PAGE_FURNITURE_RE,
)
from extractors.date_rules import date_of
from extractors.dates import YEAR_RE, find_date_mentions
from extractors.deduplicate import deduplicate
from extractors.department_codes import without_department_codes
from extractors.figure import Figure, Metric, Qualifier
from extractors.french_model import MAX_PARSES_PER_PAGE, parse_sentence, reading_zone
from extractors.gazetteer import Gazetteer, Place, load_gazetteer
from extractors.kind_model import KindModel
from extractors.kind_model import second_opinion as kind_second_opinion
from extractors.lexicon_fr import MONTH_PATTERN, OTHER_NOUNS, VIDEO_TERMS
from extractors.lists import ListReader
from extractors.metric_rules import metric_of, restated, told_again_as_there
from extractors.numbers import Mention, find_mentions
from extractors.page import Page
from extractors.place_rules import place_of
from extractors.places import AID_WORDS_RE, FigurePlace, PlaceFinder, as_named, display_name
from extractors.qualifiers import qualifier_after, qualifier_before
from extractors.range_kinds import bounds_share_kind
from extractors.readings import CAMERAS, DENSITY, MONEY, OTHER, PERCENT, norm
from extractors.review import review_metric
from extractors.segments import Sentence, split_sentences
from extractors.sentence_reader import SentenceReader
from extractors.syntax import NumberSyntax, number_syntax
from extractors.tables import table_cells

AID_GRANTED_RE = re.compile(r"\b(?:a|ont)\s+(?:voté|attribué|accordé|alloué|octroyé)\b[^.]{0,80}"
                            r"\b(?:aides?|subventions?)\b|\b(?:aides?|subventions?)\s+(?:attribuées?|accordées?|allouées?|octroyées?|votées?)\b",
                            re.IGNORECASE)
DEFAULT_GAZETTEER = object()
MAX_NUMBERS_PER_SENTENCE = 300
# what a page about surveillance names somewhere: cameras, video, footage, or the security they serve
SURVEILLANCE_PAGE_RE = re.compile(rf"{VIDEO_TERMS}|film(?:é|ée|és|ées|er)\b|images|visionn|sécurité|délinquance|"
                                  r"tranquillité|cambriol|infractions?|amendes|verbalis|plaintes|police|gendarmerie",
                                  re.IGNORECASE)
# what stands between two coordinated counts: a place or a complement, then "et" ("à Saint-Marc et")
COORDINATED_RE = re.compile(r"[^.;,\d]{0,60}\bet\s*")
# a time said between them, even one no date resolves ("180 d'ici à la fin de l'été et 360 début 2013")
TIME_SAID_RE = re.compile(rf"\b(?:d'ici|fin|début|mi-|depuis|avant|après|jusqu|été|hiver|printemps|automne|mois|"
                          rf"année|semaine|{MONTH_PATTERN})\b", re.IGNORECASE)
# Numbers read per page: a real page states a few dozen; past this it is a data dump or an attack, and
# reading all of it would cost seconds per page (each number weighs ~0.1 ms with its context).
MAX_NUMBERS_PER_PAGE = 5_000
logger = logging.getLogger(__name__)


class Extractor(SentenceReader, BareLinker, ListReader):
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

    # -- deciding ---------------------------------------------------------------------------------
    def qualify(self, sentence: Sentence, c: Candidate) -> tuple[Qualifier, str]:
        """The qualifier, and the name of the rule that gave it (for --explain)."""
        if c.qualifier is not None:
            return c.qualifier, c.qualifier_why or "range_bound"
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

    def build(self, sentence: Sentence, c: Candidate, context: SentenceContext) -> Figure | None:
        place, place_rule = place_of(self, sentence, c, context)
        metric = metric_of(self, sentence, c, place, context)
        if metric is None:
            return None
        if told_before := restated(self, c):
            told_again_as_there(self, c, metric, told_before)
            return None
        metric, metric_rule = review_metric(metric, norm(self.text[sentence.start : sentence.end]),
                                            lambda: self.syntax_at(sentence, c.mention), c.metric_why)
        value = c.mention.value
        if metric is Metric.CAMERAS_PER_100K:
            value = round(value * 100_000 / c.reading.density_per, 2)
        qualifier, qualifier_rule = self.qualify(sentence, c)
        date, date_rule = date_of(self, sentence, c, context)
        draft = Draft(self, sentence, c, context, place, metric, date)
        # a correction that cleared the date is what --explain names for it (one that changed the metric is
        # not named: the learned second opinion reads the rule that decided the metric as a feature)
        date_rule = correct(draft).get("date", date_rule)
        metric, date = draft.metric, draft.date
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
        if c.metric_why:
            return c.metric_why
        if c.linked_by_dont:
            return "part_of_total"
        if c.anaphoric:
            return "anaphora"
        return f"unit_{c.reading.family}"

    def syntax_at(self, sentence: Sentence, mention: Mention) -> NumberSyntax | None:
        """The parse around a camera count."""
        doc = self.parsed(sentence)
        if doc is None:
            return None
        return number_syntax(doc, mention.start - sentence.start, mention.end - sentence.start)

    def run(self) -> list[Figure]:
        if not SURVEILLANCE_PAGE_RE.search(self.text) and not SURVEILLANCE_PAGE_RE.search(self.title or ""):
            return []  # a page that never speaks of cameras or security: its euros and rates are not surveillance's
        mentions = without_department_codes(self.text, find_mentions(self.text), self.finder.gazetteer)
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
            if own and (ones := ones_listed(self.text, sentence.start, sentence.end, own)):
                own = sorted(own + ones, key=lambda m: m.start)  # "… : cinq à la gare, une au stade"
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
        return deduplicate(figures, self.finder.gazetteer)

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
                 gazetteer: Gazetteer | None | object = DEFAULT_GAZETTEER, second_opinion: bool = True) -> list[Figure]:
    """Figures stated in a French text. `place_hint` is the place the page speaks for; `source_url`,
    its address, tells homonyms apart by the town hall's domain; `second_opinion`, whether the learned model
    may override the rules' kind of a camera count (off to train it)."""
    if gazetteer is DEFAULT_GAZETTEER:
        gazetteer = load_gazetteer()
    joined, origin = join_broken_words(text)
    with reading_zone():  # the page's parses, and the strings they taught the parser, end with it
        figures = Extractor(joined, title=title, published=published, place_hint=place_hint, place_kind=place_kind,
                            gazetteer=gazetteer, source_url=source_url).run()  # type: ignore[arg-type]
    for figure in figures if origin else []:  # offsets and evidence in the text as given
        figure.start, figure.end = origin[figure.start], origin[figure.end - 1] + 1
        figure.evidence = text[figure.start : figure.end].strip()
    return learned_kinds(figures, text, published) if second_opinion else bounds_share_kind(figures)


def learned_kinds(figures: list[Figure], text: str, published: str | None,
                  model: KindModel | None = None) -> list[Figure]:
    """The rules' figures with the learned second opinion on kinds (the shipped model, or `model`), then each
    range's bounds given one kind: in this order, whoever scores a model (bench/kind_model_cv.py)."""
    return bounds_share_kind(kind_second_opinion(figures, text, published, model))



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
