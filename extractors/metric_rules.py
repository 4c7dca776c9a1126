"""What a figure counts: an ordered table of named rules over its reading, the first that applies decides.

A camera count's kind (stock, added, planned) comes from the words of its clause (`extractors.tense`);
money and rates are dropped when the sentence spends them on something other than surveillance. Each
rule below is a name, why it holds, the readings it judges, when it applies and what it decides; their
order is this table's. A reading no rule decides keeps its unit's metric (`SIMPLE_METRICS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from extractors.candidates import Candidate, SentenceContext, bracketed_item, words_after, words_before
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
from extractors.dates import YEAR_RE
from extractors.figure import Metric
from extractors.lexicon_fr import BROAD_MONEY, IMPERFECT, VIDEO_TERMS
from extractors.places import FigurePlace
from extractors.readings import CAMERAS, DENSITY, MONEY, OFFENCES, OTHER, PERCENT, POPULATION, norm
from extractors.segments import Sentence, clause_at, list_intro
from extractors.state_words import DEFINITE_BEFORE_RE
from extractors.syntax import counted_noun, number_token
from extractors.tense import camera_metric
from extractors.tense_words import (
    COMPOUND_PAST_RE,
    DECIDED_RE,
    FUTURE_RE,
    INCREMENT_RE,
    INSTALL_INFINITIVE_BEFORE_RE,
    MONEY_FOR_RE,
    NOMINAL_INSTALL_RE,
    NOW_RE,
    OWN_STATE_AFTER_RE,
    PAST_RE,
    PRESENT_HAVE_RE,
)

if TYPE_CHECKING:
    from extractors.pipeline import Extractor

GIVEN_TO_RE = re.compile(r"\b(?:le|la|l'|les)\s*([^,.;]{3,40}),\s+qui\s+(?:n'a|a|ont|n'ont|avait|n'avait)\s+"
                         r"(?:\w+\s+)?reçu\s+(?:que\s+)?$", re.IGNORECASE)
# a budget's growth or a tax rate ("la taxe foncière reste fixée à 38,5 %"), not "hors taxes"
TAX_OR_BUDGET = r"\bbudget\b|\btaxes? (?:foncière|d'habitation|locale)|\bimpôts?\b|\bfiscal\w*|\bd'imposition\b"
IMPERFECT_RE = re.compile(IMPERFECT)  # "atteignait 77 appareils": a past of its own
# "le parc existant (22 caméras)", "déjà en place"; not "la mise en place de 21 caméras", an operation
THERE_NOW_RE = re.compile(r"\bexistant\w*|\bactuel\w*"
                          r"|(?<!mettre )(?<!mise )(?<!mis )(?<!mises )\ben (?:place|service)\b")
SIMPLE_METRICS = {DENSITY: Metric.CAMERAS_PER_100K, POPULATION: Metric.POPULATION, MONEY: Metric.MONEY_EUR,
                  PERCENT: Metric.PERCENT, OFFENCES: Metric.OFFENCES, OTHER: Metric.OTHER}


@dataclass
class MetricQuestion:
    """One candidate's metric asked of the rules: what they share, each part computed once, when asked."""

    x: Extractor
    sentence: Sentence
    c: Candidate
    place: FigurePlace
    context: SentenceContext

    @cached_property
    def stext(self) -> str:
        return norm(self.x.text[self.sentence.start : self.sentence.end])

    def left(self, size: int) -> str:
        return words_before(self.x.text, self.sentence, self.c.mention.start, size)

    def right(self, size: int) -> str:
        return words_after(self.x.text, self.sentence, self.c.end, size)

    def says_video(self, text: str) -> bool:
        return bool(re.search(VIDEO_TERMS, text))


# "Pour les systèmes comportant 8 caméras et plus, un plan de masse…", "Systèmes comprenant moins de 8 caméras :": a
# size that sorts the systems a procedure asks about, no count of cameras anywhere
SYSTEM_SIZE_BEFORE_RE = re.compile(r"\b(?:systèmes?|installations?|dispositifs?)\b[^.;:]{0,40}?"
                                   r"(?:(?:\bde|d'|comprenant|comportant|comporte|comprend|comptant|compte)\s*"
                                   r"(?P<bound>moins de|au moins|au maximum|au plus"
                                   # "comporte 7 caméras au plus ou 8 caméras et plus": the other class
                                   r"|\d+\s+caméras?\s+(?:au plus|ou plus|et plus|ou moins)\s+(?:ou|et))?"
                                   r"|(?P<from>à partir de))\s*$")
SIZE_BOUND_AFTER_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:ou plus|et plus|au plus|ou moins|au maximum|au minimum)\b")
PROCEDURE_RE = re.compile(r"\b(?:dossiers?|pièces?|cerfa|formulaires?|demande d'autorisation|rapport de présentation"
                          r"|plan de masse|autorisation préfectorale)\b")


def _size_of_a_class(q: MetricQuestion) -> bool:
    x, c, start = q.x, q.c, q.sentence.start
    size = SYSTEM_SIZE_BEFORE_RE.search(norm(x.text[max(start, c.mention.start - 70) : c.mention.start]))
    if not size or not (size["bound"] or size["from"] or SIZE_BOUND_AFTER_RE.match(norm(x.text[c.end : c.end + 30]))):
        return False
    return bool(PROCEDURE_RE.search(norm(x.text[max(0, start - 300) : q.sentence.end + 300])))


def _starting_point(q: MetricQuestion) -> bool:
    return q.c.starting_point


def _for_that_purpose(q: MetricQuestion) -> bool:
    """Cameras used "à cet effet" where the sentence before tells of vidéo-verbalisation."""
    x, c, index = q.x, q.c, q.sentence.index
    if index == 0 or not THAT_PURPOSE_RE.match(norm(x.text[c.end : c.end + 40])):
        return False
    before = x.sentences[index - 1]
    return "verbalis" in norm(x.text[before.start : before.end])


def _always(q: MetricQuestion) -> bool:
    return True


def _camera_tense(q: MetricQuestion) -> Metric | None:
    """The word rules' reading of a camera count's kind, from its clause, its sentence and what follows."""
    x, sentence, c = q.x, q.sentence, q.c
    clause = clause_at(q.context.clauses, c.mention.start)
    head_metric = Metric(c.head.figure.metric) if c.head is not None and c.head.figure else None
    said = x.text[sentence.start : sentence.end]
    before = x.sentences[sentence.index - 1] if sentence.index else None
    done = bool(before and RESTATES_RE.match(norm(said)) and COMPOUND_PAST_RE.search(
        norm(x.text[before.start : before.end])))  # "… avons accompagné 84 communes. Cela représente"
    after = x.after_number(sentence, c)
    clause_text = x.text[clause.start : clause.end]
    if cell := x.cells.get(sentence.start):  # "Caméras prévues 2024 / … / 6": its header's tense
        clause_text = said = f"{clause_text} {cell.header}"
    metric, rule = camera_metric(
        clause_text, said, after, place_kind=q.place.kind,
        head=head_metric, linked_by_dont=c.linked_by_dont,
        rate=bool(RATE_BEFORE_RE.search(norm(x.text[max(0, c.mention.start - 20) : c.mention.start]))
                  or PER_YEAR_AFTER_RE.match(norm(after))),
        before_number=x.text[sentence.start : c.mention.start], done=done,
        decided=decided(x, sentence) or x.aid_granted and bool(MONEY_FOR_RE.search(norm(
            x.text[max(sentence.start, c.mention.start - 30) : c.mention.start]))),
    )
    if metric is Metric.CAMERAS and x.intro_to_come(sentence):
        c.metric_why = "list_intro_to_come"  # "… qui pourront installer des caméras :⏎Lillers : 15 caméras"
        return Metric.CAMERAS_PLANNED
    if metric is Metric.CAMERAS and not OWN_STATE_AFTER_RE.match(norm(after)) and _goes_on_to_come(
            x, sentence, said, x.text[max(sentence.start, c.mention.start - 12) : c.mention.start]) and not (
            _own_present(x, sentence, c)):
        c.metric_why = "sentence_goes_on_to_come"
        return Metric.CAMERAS_PLANNED
    c.metric_why = f"tense.{rule}"
    return metric


def _own_present(x: Extractor, sentence: Sentence, c: Candidate) -> bool:
    """ "Dans cet établissement, 400 caméras permettent de voir l'activité": the cameras counted are the subject
    of a verb in the present indicative, which tells their time whatever the words' cues miss; the parse finds
    it. Not a count that is the object of a present ("Le projet consiste à implanter deux ou trois caméras")."""
    doc = x.parsed(sentence)
    number = number_token(doc, c.mention.start - sentence.start, c.mention.end - sentence.start) if doc else None
    noun = counted_noun(number) if number is not None else None
    if noun is None or not noun.dep_.startswith("nsubj") or noun.head.pos_ != "VERB":
        return False
    verb = noun.head
    return verb.morph.get("Mood") == ["Ind"] and verb.morph.get("Tense") == ["Pres"] and not any(
        a.dep_.startswith("aux") for a in verb.children)


def _goes_on_to_come(x: Extractor, sentence: Sentence, said: str, just_before: str) -> bool:
    """ "La préfecture a donné son feu vert à plusieurs programmes. Six caméras par exemple à Braize, quatre à
    Chambérat.": a sentence with no word of time of its own (no tense, no "aujourd'hui", no verb of having)
    goes on with the one before it; when that one speaks of what is to come, so does it. A definite count
    ("les 13 caméras", "ses 107 caméras") is of a set known already."""
    if sentence.index == 0 or DEFINITE_BEFORE_RE.search(just_before):
        return False
    own = norm(said)
    if any(cue.search(own) for cue in (FUTURE_RE, PAST_RE, NOW_RE, PRESENT_HAVE_RE, COMPOUND_PAST_RE, IMPERFECT_RE,
                                       THERE_NOW_RE)):
        return False
    if x.published and any(year < x.published[:4] for year in YEAR_RE.findall(own)):
        return False  # "1re phase (2021) : 10 caméras" on a page of 2023: dated before the page, done
    before = x.sentences[sentence.index - 1]
    if "\n\n" in x.text[before.end : sentence.start] and said.rstrip().endswith(":"):
        return False  # a heading opening a paragraph ("55 caméras dont 37 dans le centre ville :") heads what follows
    return bool(FUTURE_RE.search(norm(x.text[before.start : before.end]))) and not _main_verb_present(x, sentence)


def _main_verb_present(x: Extractor, sentence: Sentence) -> bool:
    """ "Ce sont maintenant près de 60 caméras qui équipent la ville", "Une cinquantaine de caméras sont réparties
    sur le territoire": a main verb in the present indicative, which the word cues do not list, tells the
    sentence's own time; the parse finds it. Not a plan's present ("Le projet consiste à implanter deux ou trois
    caméras", "Il comporte 43 caméras"): a verb whose subject is a plan or stands for one, or that governs an
    infinitive, describes what is to come."""
    doc = x.parsed(sentence)
    return doc is not None and any(_present_of_its_own(t) for t in doc if t.dep_ == "ROOT")


def _present_of_its_own(verb: Any) -> bool:
    """Whether a sentence's root is in the present indicative, by itself, its copula or its auxiliary être."""
    present = ["Ind"], ["Pres"]
    if any(c.dep_ == "cop" and (c.morph.get("Mood"), c.morph.get("Tense")) == present for c in verb.children):
        return True  # "Ce sont maintenant près de 60 caméras qui équipent la ville"
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "xcomp" or c.dep_.startswith("nsubj") and (
            c.lemma_.lower() in PLAN_SUBJECTS) for c in verb.children):
        return False
    if (verb.morph.get("Mood"), verb.morph.get("Tense")) == present:
        return not any(a.dep_.startswith("aux") and a.morph.get("Tense") != ["Pres"] for a in verb.children)
    return any(a.dep_.startswith("aux") and a.lemma_ == "être"
               and (a.morph.get("Mood"), a.morph.get("Tense")) == present
               for a in verb.children)  # "sont réparties", "sont installées"


# the subjects whose present describes a plan: a plan's nouns, and the personal pronouns that stand for one ("Il
# comporte 43 caméras"), not a demonstrative ("Cela porte à 11 le nombre de caméras")
PLAN_SUBJECTS = frozenset({"projet", "dispositif", "délibération", "programme", "plan", "système", "chantier",
                           "il", "elle", "ils", "elles"})


def _broad_money(q: MetricQuestion) -> bool:
    x, sentence, stext = q.x, q.sentence, q.stext
    return bool(re.search(BROAD_MONEY, stext)) and not q.says_video(stext) and not (
        INSTALLING_RE.search(stext)) and not x.label_under_video_heading(sentence) and not (
        THE_SYSTEM_RE.search(stext) and x.camera_context(sentence.index)) and not plan_of_cameras(
        x, sentence, stext)


def _price_of_other(q: MetricQuestion) -> bool:
    return bool(PRICE_RE.search(q.stext)) and not q.says_video(q.stext)


def _spent_on_other(q: MetricQuestion) -> bool:
    return bool(spent := SPENT_ON_RE.match(q.right(80))) and not q.says_video(spent.group(0))


def _given_to_other(q: MetricQuestion) -> bool:
    return bool(given := GIVEN_TO_RE.search(q.left(80))) and not q.says_video(norm(given[1]))


def _part_of_video(q: MetricQuestion) -> bool:
    return bool(WHOLE_OF_VIDEO_RE.match(q.right(100)))


def _tax_or_budget(q: MetricQuestion) -> bool:
    return bool(re.search(TAX_OR_BUDGET, q.stext)) and not q.says_video(q.stext) and not (
        q.x.label_under_video_heading(q.sentence))


def _budget_line_other(q: MetricQuestion) -> bool:
    return bool(label := q.x.line_label(q.c)) and not q.says_video(norm(label))


def _fine_or_penalty(q: MetricQuestion) -> bool:
    return bool(FINE_BEFORE_RE.search(q.left(60)) or PENALTY_AFTER_RE.match(q.x.text, q.c.end))


def _priced_item_other(q: MetricQuestion) -> bool:
    item = bracketed_item(q.x.text, q.sentence, q.c.start)
    return item is not None and not q.says_video(norm(item)) and not q.says_video(norm(
        q.right(40).split(")")[0])) and not q.x.finder.names_in(item)


def _cameras(q: MetricQuestion) -> Metric:
    return Metric.CAMERAS


def _other(q: MetricQuestion) -> Metric:
    return Metric.OTHER


def _no_figure(q: MetricQuestion) -> None:
    return None


@dataclass(frozen=True)
class MetricRule:
    name: str
    why: str
    families: frozenset[str]  # the readings the rule judges
    applies: Callable[[MetricQuestion], bool]
    decides: Callable[[MetricQuestion], Metric | None]  # None: no figure at all


ONLY_CAMERAS, ONLY_MONEY, ONLY_PERCENT = frozenset({CAMERAS}), frozenset({MONEY}), frozenset({PERCENT})
METRIC_RULES: tuple[MetricRule, ...] = (
    MetricRule("series_start", "'passer de 100 à 150 caméras': where a series starts is a stock",
               ONLY_CAMERAS, _starting_point, _cameras),
    MetricRule("for_that_purpose", "'… 1 850 PV. Les 5 caméras utilisées à cet effet': vidéo-verbalisation",
               ONLY_CAMERAS, _for_that_purpose, _other),
    MetricRule("size_of_a_class", "'Pour les systèmes comportant 8 caméras et plus, un plan de masse…': a size "
               "that sorts the systems a procedure asks about, no count", ONLY_CAMERAS, _size_of_a_class, _no_figure),
    MetricRule("camera_tense", "a camera count's kind is its clause's tense (extractors.tense)",
               ONLY_CAMERAS, _always, _camera_tense),
    MetricRule("broad_money", "a global security plan or budget is not surveillance money",
               ONLY_MONEY, _broad_money, _no_figure),
    MetricRule("price_of_other", "'le tarif est de 1,50 euro de l'heure': the price of something else",
               ONLY_MONEY, _price_of_other, _no_figure),
    MetricRule("spent_on_other", "'4 millions d'euros investis dans les écoles': spent on something else",
               ONLY_MONEY, _spent_on_other, _no_figure),
    MetricRule("given_to_other", "'l'éclairage public, qui n'a reçu que 80 000 euros': what something else got",
               ONLY_MONEY, _given_to_other, _no_figure),
    MetricRule("whole_of_video", "'La sécurité en représente 3,1 millions, dont 420 000 euros pour la "
               "vidéoprotection': the whole, of which video is a part", ONLY_MONEY, _part_of_video, _no_figure),
    MetricRule("tax_or_budget", "'Le budget de la police progresse de 8 %', 'la taxe foncière reste à 38,5 %'",
               ONLY_PERCENT, _tax_or_budget, _no_figure),
    MetricRule("budget_line_other", "'Rénovation de l'école ........ 1 250 000 €': a budget's line for something "
               "else", ONLY_MONEY, _budget_line_other, _no_figure),
    MetricRule("fine_or_penalty", "'1 800 amendes, pour un montant moyen de 35 euros': what a driver pays",
               ONLY_MONEY, _fine_or_penalty, _no_figure),
    MetricRule("priced_item_other", "'rénovation de l'école (2,1 M€), …, vidéoprotection (180 000 €)': each "
               "item's own amount, unless the items are communes and their aid", ONLY_MONEY, _priced_item_other,
               _no_figure),
)


def metric_of(x: Extractor, sentence: Sentence, c: Candidate, place: FigurePlace,
              context: SentenceContext) -> Metric | None:
    """The candidate's metric, or None when it is no figure of surveillance."""
    question = MetricQuestion(x, sentence, c, place, context)
    family = c.reading.family
    for rule in METRIC_RULES:
        if family in rule.families and rule.applies(question):
            metric = rule.decides(question)
            c.metric_why = c.metric_why or rule.name  # camera_tense names its own rule of tense
            return metric
    return SIMPLE_METRICS[family]


def plan_of_cameras(x: Extractor, sentence: Sentence, stext: str) -> bool:
    """ "… son plan pluriannuel : 12 caméras par an. Le plan est chiffré à 900 000 euros": the plan one of
    the two sentences before told of, among cameras, not a global security plan."""
    if sentence.index == 0 or not re.search(r"\b(?:le|ce|son|leur) plan\b", stext):
        return False
    told = " ".join(norm(x.text[s.start : s.end]) for s in x.sentences[max(0, sentence.index - 2) : sentence.index])
    return bool(re.search(r"\bplan\b", told)) and x.camera_context(sentence.index)


def decided(x: Extractor, sentence: Sentence) -> bool:
    """Whether the sentence's tenseless counts are of what a decision decides: the page records one (a
    deliberation), or the sentence is an item of a list a decision introduces ("La Région a attribué les
    subventions suivantes :⏎- Chagny : 9 200 € pour 3 caméras")."""
    intro = list_intro(x.sentences, x.text, sentence)
    return x.deliberation or bool(intro and DECIDED_RE.search(norm(x.text[intro.start : intro.end])))


def restated(x: Extractor, c: Candidate) -> list[Candidate]:
    """The counts read before that a definite count says again ("la mise en service des 55 caméras" after "55
    nouvelles caméras seront installées"): the definite count is no figure of its own."""
    left = norm(x.text[max(0, c.mention.start - 12) : c.mention.start])
    if c.reading.family != CAMERAS or not RESTATED_RE.search(left):
        return []
    return [o for o in x.candidates
            if o.figure is not None and o.figure.value == c.mention.value and o.reading.family == CAMERAS]


# The word rules that tell a count is there now by its own words ("déjà existantes", "sont en place") …
SAID_THERE_RULES = ("tense.already_there", "tense.state_now", "tense.installed_set")
# … and those that only guessed a plan from the time of its sentence or of the one before
GUESSED_PLAN_RULES = ("tense.future", "sentence_goes_on_to_come")


def told_again_as_there(x: Extractor, c: Candidate, metric: Metric, told_before: list[Candidate]) -> None:
    """ "1037 caméras serviront à verbaliser. … la préfecture utilisera les 1 037 caméras déjà existantes": the
    count told again in words that say it is there was there when first told, whatever the future of the
    first telling's sentence; its kind, guessed from that future, becomes a stock. Not new ones or ones to put
    up when first told ("vingt-quatre caméras supplémentaires vont être installées", "l'installation de dix
    caméras"), or a plan dated: those were to come then, and are there since."""
    if metric is not Metric.CAMERAS or c.metric_why not in SAID_THERE_RULES:
        return
    for told in told_before:
        start = told.mention.start
        before = norm(x.text[max(0, start - 40) : start])
        if (told.figure.metric == Metric.CAMERAS_PLANNED.value and told.figure.why.get("metric") in GUESSED_PLAN_RULES
                and told.figure.date is None  # "voté le 25 avril 2003 : 40 caméras": a plan of its day
                and not INCREMENT_RE.search(norm(x.text[start : start + 50]))
                and not (INSTALL_INFINITIVE_BEFORE_RE.search(before) or NOMINAL_INSTALL_RE.search(before))):
            told.figure.metric = Metric.CAMERAS.value
            told.figure.why["metric"] = "told_again_as_there"
