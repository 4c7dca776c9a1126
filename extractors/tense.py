"""Stock, plan or increment: what tense, modality and increment words say of a camera count.

"la ville dispose de 148 caméras" → cameras (stock); "Neuf autres seront installées" → cameras_planned;
"Au 1er semestre 2023, 44 nouvelles caméras ont été implantées" → cameras_added.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from extractors.count_scope import (
    before_soon_another,
    before_whole_planned,
    from_previous_count,
    own_words_before,
    up_to_next_count,
)
from extractors.figure import Metric
from extractors.normal_text import norm
from extractors.state_words import (
    DEFINITE_BEFORE_RE,
    DONE_AFTER_RE,
    EXISTING_SYSTEM_BEFORE_RE,
    GETTING_BEFORE_RE,
    HAVE_BEEN_TOO_RE,
    INSTALLED_SET_AFTER_RE,
    JOINED_BEFORE_RE,
    JOINED_FRONTED_AFTER_RE,
    JOINED_FRONTED_BEFORE_RE,
    JOINING_NOW_RE,
    LEFT_TO_INSTALL_AFTER_RE,
    OWN_FUTURE_AFTER_RE,
    OWNER_AFTER_RE,
    PART_OF_SET_OPENING_RE,
    PLAN_DONE_LATER_RE,
    PLANNED_AFTER_RE,
    PLANNED_PARTICIPLE_AFTER_RE,
    POSSESSED_BEFORE_RE,
    SET_IN_SERVICE_AFTER_RE,
    STATE_NOW_AFTER_RE,
    TIME_AHEAD_AFTER_RE,
    WILL_BE_TOO_RE,
)
from extractors.tense_checks import added_since, hearsay, part_own_words, regional, replaced, says_future
from extractors.tense_parts import (
    damaged_kind,
    incremental,
    newly_added,
    part_kind,
    plus_sign_kind,
    renewed,
    total_kind,
)
from extractors.tense_words import (
    ALREADY_THERE_RE,
    COMPARED_BEFORE_RE,
    COMPOUND_PAST_RE,
    DATED_PARTICIPLE_RE,
    DECIDED_RE,
    DONE_GOVERNOR_BEFORE_RE,
    DONE_RE,
    EARLIER_AFTER_RE,
    EARLIER_TIME_AFTER_RE,
    FIRST_ONES_RE,
    FRONTED_HAVING_BEFORE_RE,
    FUNDED_NEXT_RE,
    FUTURE_FROM_NOW_RE,
    FUTURE_RE,
    IMPERFECT_BEFORE_RE,
    IN_PROGRESS_RE,
    INCISE_AFTER_RE,
    INCREMENT_RE,
    INSTALL_INFINITIVE_BEFORE_RE,
    LAST_ONES_AFTER_RE,
    LINKED_TO_COME_RE,
    LINKING_SET_BEFORE_RE,
    MORE_NEXT_RE,
    MOVED_RE,
    NAMED_PLAN_BEFORE_RE,
    NEW_COUNT_AFTER_RE,
    NEW_INSTALLED_AFTER_RE,
    NEW_NUMBER_OF_BEFORE_RE,
    NEW_SUM_BEFORE_RE,
    NO_PLAN_RE,
    NOMINAL_INSTALL_RE,
    NOW_ASIDE_AFTER_RE,
    NOW_RE,
    OPERATING_RE,
    OTHERS_OF_SPLIT_RE,
    OWN_NOW_AFTER_RE,
    PAST_MARKER_RE,
    PAST_RE,
    PRESENT_HAVE_RE,
    PROMISED_ALREADY_RE,
    REGIONAL_KINDS,
    REPLACED_RE,
    REPORTED_RE,
    SEASON_GONE_RE,
    SERIES_FROM_BEFORE_RE,
    SERIES_TO_REST_RE,
    SOON_OF_ITS_OWN_RE,
    START_NOW_BEFORE_RE,
    STARTED_WITH_BEFORE_RE,
    STRONG_OF_BEFORE_RE,
    UP_SINCE_AFTER_RE,
)


class Tense(NamedTuple):
    future: bool
    past: bool
    now: bool


@dataclass
class TenseQuestion:
    """One camera count's kind asked of the tense rules: its words, normalized, and each part computed
    once, when asked. `head` is the metric of the figure this one continues, if any; `before_number` the
    sentence up to the number; `decided`, whether the page records a decision (a council's deliberation),
    whose tenseless counts are of what it decides; `done`, whether the count restates what a sentence before
    told as done ("Nous avons accompagné 84 communes. Cela représente 1 100 caméras supplémentaires")."""

    clause: str
    sentence: str
    after: str
    before_number: str
    before: str  # before_number, normalized
    place_kind: str | None
    head: Metric | None
    linked_by_dont: bool
    rate: bool
    decided: bool
    done: bool

    @cached_property
    def new_sum(self) -> bool:
        """ "12 nouveaux points, équipés au total de 19 caméras": the sum of what is new, not the network's total."""
        return bool(NEW_SUM_BEFORE_RE.search(self.before))

    @cached_property
    def operation_done(self) -> bool:
        lead = self.before[-60:]  # "Avec la mise en service, le mois dernier, de 4 caméras"
        # "L'installation de deux caméras, en août dernier, n'a pas résisté": the date set apart after them
        return bool(NOMINAL_INSTALL_RE.search(lead) and (PAST_MARKER_RE.search(lead) or SEASON_GONE_RE.search(
            INCISE_AFTER_RE.match(self.after).group(0))))

    @cached_property
    def said_tense(self) -> Tense:
        """What the clause's words say of time."""
        clause = self.clause
        future, past = says_future(clause), bool(PAST_RE.search(clause)) or self.done
        if (PAST_MARKER_RE.search(clause) and future or self.operation_done) and not FUTURE_RE.search(
                NOMINAL_INSTALL_RE.sub(" ", clause)):
            future, past = False, True  # "l'installation de 6 caméras la semaine dernière": done
        past = past or not future and added_since(self.sentence, clause, self.after)
        # "au rythme de 30 par an": "aujourd'hui" is another's; "il en promettait déjà 50": already promised;
        # "passer de 70 actuellement à 200": the 70's
        now = bool(NOW_RE.search(PROMISED_ALREADY_RE.sub(" ", FUTURE_FROM_NOW_RE.sub(" ", self.own_clause)))) and not (
            self.rate or START_NOW_BEFORE_RE.search(self.before))
        return Tense(future, past, now)

    @cached_property
    def own_clause(self) -> str:
        """The clause up to the count after this one: in "7 caméras viendront élargir le panorama des 59 déjà
        installées", the "déjà" is the 59's, not the 7's."""
        at = self.sentence.find(self.clause)
        own = up_to_next_count(self.sentence, self.before)
        clause = self.clause[: max(0, len(own) - at)] if at >= 0 and len(own) < at + len(self.clause) else self.clause
        start = self.own_start - at if at >= 0 else 0  # and from the clause after the count before
        return clause[start:] if 0 < start < len(clause) else clause

    @cached_property
    def own_start(self) -> int:
        """Where the count's own words begin in `before`: after the clause that follows the count before it."""
        return from_previous_count(self.before)

    @cached_property
    def rest(self) -> str:
        """The rest of the sentence after the number (its 60 characters when the sentence is a table's cell)."""
        return self.sentence[len(self.before):] if self.sentence.startswith(self.before) else self.after

    @cached_property
    def tenseless(self) -> bool:
        return not any(self.said_tense)

    @cached_property
    def tense(self) -> Tense:
        """The clause's tense; when it says none, the tense of the count's own words up to the next count."""
        if not self.tenseless:
            return self.said_tense
        own = up_to_next_count(self.sentence, self.before)
        # "Phase 1 (2020) : 14 caméras, réalisée." / "Phase 2 : 10 caméras, en cours.": a programme's line
        future = says_future(own) or bool(IN_PROGRESS_RE.search(own))
        past = bool(PAST_RE.search(own) or DONE_RE.search(own))
        now = bool(NOW_RE.search(PROMISED_ALREADY_RE.sub(" ", own))) and not self.rate
        # "la 4e tranche, votée le 14 juin, porte sur 18 caméras": no tense but a decision's, to be carried out;
        # not a count whose own clause is told in the past ("s'est lancée … avec une première salve de 21 caméras")
        own_before = own_words_before(self.before)  # "Le dispositif initial comportait 12 caméras": a past
        decided = self.decided and not (COMPOUND_PAST_RE.search(own_before) or IMPERFECT_BEFORE_RE.search(own_before))
        future = future or not (past or now) and (decided or bool(DECIDED_RE.search(self.sentence)))
        return Tense(future, past, now)


@dataclass(frozen=True)
class TenseRule:
    name: str
    why: str
    applies: Callable[[TenseQuestion], object]  # a true value when the rule decides
    metric: Metric | None = None  # what it decides; None: what `applies` returned


STOCK, ADDED, PLANNED = Metric.CAMERAS, Metric.CAMERAS_ADDED, Metric.CAMERAS_PLANNED
NO_TENSE_RULE = "no_tense_rule"  # what `camera_metric` names when no rule answered: a stock, by default
TENSE_RULES: tuple[TenseRule, ...] = (
    TenseRule("damaged", "'huit des 64 caméras servent à verbaliser', damaged ones: the eight, not the 64",
              damaged_kind),
    TenseRule("plus_sign", "'+15 caméras en 2020': what was added, or is to be", plus_sign_kind),
    TenseRule("named_plan", "'le plan « 1 000 caméras pour Paris »', 'le projet 1000 caméras': the plan's count, "
              "whatever the sentence tells of it", lambda q: NAMED_PLAN_BEFORE_RE.search(q.before), PLANNED),
    TenseRule("now_aside", "'50 caméras de plus (350 actuellement, installées depuis 2014)': the 350 are there",
              lambda q: NOW_ASIDE_AFTER_RE.match(q.after), STOCK),
    TenseRule("earlier_compared", "'passer à 400 caméras, contre 310 avant notre mandat', '65 à terme, contre onze "
              "auparavant': what a comparison sets against, then or now, was there (not the earlier of two "
              "additions: '14 nouvelles caméras (contre 6 en 2022)')",
              lambda q: COMPARED_BEFORE_RE.search(q.before) and EARLIER_AFTER_RE.match(q.after)
              and q.head is not ADDED, STOCK),
    TenseRule("of_an_earlier_time", "'riche d'une quarantaine de caméras au début du mandat, la nouvelle équipe "
              "entend…': a count set apart with a time gone, whatever the clause after it plans",
              lambda q: EARLIER_TIME_AFTER_RE.match(q.after), STOCK),
    TenseRule("series_from", "'De 11 caméras installées en 2002 …, le dispositif est monté à 105': where a series "
              "starts was there", lambda q: SERIES_FROM_BEFORE_RE.search(q.before) and SERIES_TO_REST_RE.search(q.rest)
              and not MORE_NEXT_RE.match(q.after), STOCK),
    TenseRule("strong_of", "'ils s'ajouteront au réseau, fort de 884 caméras', 'Doté de 11 caméras, celui-ci sera "
              "bientôt élargi': the network's, now",
              lambda q: STRONG_OF_BEFORE_RE.search(q.before) or FRONTED_HAVING_BEFORE_RE.search(q.before), STOCK),
    TenseRule("planned_participle", "'Les vingt-cinq caméras prévues sont pour la plupart déjà en place', 'en plus "
              "des 43 prévues': the plan",
              lambda q: PLANNED_PARTICIPLE_AFTER_RE.match(q.after) and not PLAN_DONE_LATER_RE.match(q.rest), PLANNED),
    TenseRule("joined_existing", "'6 caméras nomades viendront renforcer les 35 caméras fixes': those there",
              lambda q: JOINED_BEFORE_RE.search(q.before) or EXISTING_SYSTEM_BEFORE_RE.search(q.before)
              or JOINED_FRONTED_BEFORE_RE.search(q.before) and JOINED_FRONTED_AFTER_RE.search(q.rest), STOCK),
    TenseRule("total", "'portant le total à 76': the count a total comes to is a stock, or a plan", total_kind),
    TenseRule("soon_own", "'Il y en a quatre pour le moment et bientôt six': the six are to come",
              lambda q: SOON_OF_ITS_OWN_RE.search(q.before), PLANNED),
    TenseRule("will_be_too", "'30 sont déjà en service et 15 le seront d'ici juin': to come",
              lambda q: WILL_BE_TOO_RE.match(q.after), PLANNED),
    TenseRule("planned_own_verb", "'Près de 170 caméras sont prévues à ce jour': planned, whenever said",
              lambda q: PLANNED_AFTER_RE.match(q.after) or OWN_FUTURE_AFTER_RE.match(q.after), PLANNED),
    TenseRule("left_to_install", "'plus de 2 500 caméras à ajouter', 'encore 12 caméras à poser': still to put up",
              lambda q: LEFT_TO_INSTALL_AFTER_RE.match(q.after), PLANNED),
    TenseRule("own_time_ahead", "'piloter 250 caméras et plus de 600 caméras d'ici la fin de l'année': to come",
              lambda q: TIME_AHEAD_AFTER_RE.match(q.after), PLANNED),
    TenseRule("have_been_too", "'71 caméras, dont 17 l'ont été durant l'année 2023': put up then",
              lambda q: HAVE_BEEN_TOO_RE.match(q.after), ADDED),
    TenseRule("already_there", "'caméras déjà en place', 'opérationnelles', 'treize caméras filment les rues': there "
              "now", lambda q: (ALREADY_THERE_RE.match(q.after) or OPERATING_RE.match(q.after)
                                or OWN_NOW_AFTER_RE.match(q.after) or ALREADY_THERE_RE.match(part_own_words(q.after))
                                or UP_SINCE_AFTER_RE.match(q.after))
              and not q.linked_by_dont, STOCK),
    TenseRule("started_with", "'le réseau, lancé en 2004 avec 15 caméras': what it started with, there then",
              lambda q: STARTED_WITH_BEFORE_RE.search(q.before), STOCK),
    TenseRule("replaced", "'le remplacement de 26 anciennes caméras': cameras renewed are no count of the network; "
              "'les 21 caméras seront remplacées': the set told is there already",
              lambda q: replaced(q.own_clause, q.before[q.own_start :], q.after)
              and (Metric.OTHER if renewed(q) else STOCK)),
    TenseRule("linked_to_come", "'les 18 caméras de Couëron seront visionnées depuis le centre': there already",
              lambda q: re.search(r"\b(?:les|ses|leurs)\s*$", q.before) and LINKED_TO_COME_RE.search(q.clause),
              STOCK),
    TenseRule("linking_set", "'le raccordement des 19 caméras de Rocquencourt au CSU': a set that is there",
              lambda q: LINKING_SET_BEFORE_RE.search(q.before) and not MORE_NEXT_RE.match(q.after), STOCK),
    TenseRule("possessed_set", "'la ville a décidé de redéployer ses 32 caméras': its own, there now",
              lambda q: (POSSESSED_BEFORE_RE.search(q.before) or DEFINITE_BEFORE_RE.search(q.before)
                         and OWNER_AFTER_RE.match(q.after)) and not GETTING_BEFORE_RE.search(q.before)
              and not MORE_NEXT_RE.match(q.after) and not PLANNED_AFTER_RE.match(q.after), STOCK),
    TenseRule("moved", "'Deux caméras nomades seront déplacées au gré des événements': they exist",
              lambda q: MOVED_RE.search(q.clause) and not INCREMENT_RE.search(q.clause), STOCK),
    TenseRule("first_ones", "'la ville a posé ses douze premières caméras': the whole system then",
              lambda q: FIRST_ONES_RE.match(q.after) and not FUTURE_RE.search(q.clause), STOCK),
    TenseRule("newly_added", "'huit caméras supplémentaires surveillent désormais le parc', 'qui en ajoute 7': "
              "just added", newly_added, ADDED),
    TenseRule("last_ones", "'Les six dernières ont été posées il y a trois mois': the latest, added",
              lambda q: LAST_ONES_AFTER_RE.match(q.after), ADDED),
    TenseRule("part_of", "a part ('dont …') takes the kind of the count it is part of", part_kind),
    TenseRule("tenseless_replaced", "'La moitié des 16 caméras, installées en 2010, seront remplacées'",
              lambda q: q.tenseless and REPLACED_RE.search(q.after) and not INCREMENT_RE.search(q.after), STOCK),
    TenseRule("new_ones_had", "'Nogent compte depuis aujourd'hui dix nouvelles caméras', 'il y a eu 400 nouvelles "
              "caméras en quelques semaines': what was added",
              lambda q: q.tenseless and PRESENT_HAVE_RE.search(q.clause) and NEW_COUNT_AFTER_RE.match(q.after)
              and not q.linked_by_dont, ADDED),
    TenseRule("tenseless_have", "'nous en avons 52 et la ville en prévoit dix': its own tense",
              lambda q: q.tenseless and PRESENT_HAVE_RE.search(q.clause), STOCK),
    TenseRule("tenseless_more", "'La ville compte 27 caméras, soit 3 de plus qu'en 2021': added since (not "
              "'trois caméras sont fixes, huit autres de type dôme': the others of a split)",
              lambda q: q.tenseless and q.head is Metric.CAMERAS and MORE_NEXT_RE.match(q.after)
              and not OTHERS_OF_SPLIT_RE.match(q.after), ADDED),
    TenseRule("tenseless_head", "a count of no tense continues the figure it hangs on",
              lambda q: q.head if q.tenseless else None),
    TenseRule("state_now", "'116 caméras sont en place et 43 devraient être installées': the 116 are there",
              lambda q: (STATE_NOW_AFTER_RE.match(q.after) or DEFINITE_BEFORE_RE.search(q.before)
                         and SET_IN_SERVICE_AFTER_RE.match(q.rest)) and not MORE_NEXT_RE.match(q.after)
              and not PROMISED_ALREADY_RE.search(q.after[:60])  # "sont désormais autorisées": not yet up
              and not INCREMENT_RE.search(q.before[-20:]) and not PART_OF_SET_OPENING_RE.match(q.before), STOCK),
    TenseRule("new_ones_up_now", "'25 nouvelles caméras sont installées': new ones, up now: added",
              lambda q: STATE_NOW_AFTER_RE.match(q.after) and MORE_NEXT_RE.match(q.after)
              and not re.search(r"\bautoris", q.after[:80]) and not PART_OF_SET_OPENING_RE.match(q.before), ADDED),
    TenseRule("installed_set", "'la police pourra voir les images des 60 caméras mises en place': a known set, up",
              lambda q: DEFINITE_BEFORE_RE.search(q.before) and INSTALLED_SET_AFTER_RE.match(q.after)
              and not MORE_NEXT_RE.match(q.after) and not DATED_PARTICIPLE_RE.match(q.after), STOCK),
    TenseRule("done_own_verb", "'En 2015, huit ont été installées ; une vingtaine devraient suivre': done",
              lambda q: DONE_AFTER_RE.match(q.after) and not MORE_NEXT_RE.match(q.after)
              and (ADDED if incremental(q) or regional(q.place_kind, q.sentence) else STOCK)),
    TenseRule("new_installed", "'15 nouvelles caméras installées autour de la gare': new ones, put up: added",
              lambda q: NEW_INSTALLED_AFTER_RE.match(q.after) and not FUTURE_RE.search(q.rest), ADDED),
    TenseRule("future", "what is to come, unless said of what is there now",
              lambda q: q.tense.future and not (q.tense.now and not INCREMENT_RE.search(q.clause)), PLANNED),
    TenseRule("to_install", "'le chantier consiste à installer trois caméras': an infinitive's object, not up yet",
              lambda q: INSTALL_INFINITIVE_BEFORE_RE.search(q.before) and not (q.tense.past or q.tense.now)
              and not DONE_GOVERNOR_BEFORE_RE.search(q.before[-160:]), PLANNED),
    TenseRule("regional_funded", "'71 communes aidées, pour 420 caméras financées': what the aid installed",
              lambda q: q.place_kind in REGIONAL_KINDS and FUNDED_NEXT_RE.match(q.after), ADDED),
    TenseRule("rate", "'au rythme de 12 par an': what it adds, year after year", lambda q: q.rate, ADDED),
    TenseRule("joining_now", "'20 caméras nomades s'ajoutent aux 110 caméras fixes': the 20",
              lambda q: JOINING_NOW_RE.match(q.after), ADDED),
    TenseRule("past_increment", "done within a period, or by a région's aid: added",
              lambda q: q.tense.past and (incremental(q) or regional(q.place_kind, q.sentence)), ADDED),
    TenseRule("past_stock", "done, of the whole network: the stock", lambda q: q.tense.past, STOCK),
    TenseRule("head", "a count said of no present continues the figure it hangs on",
              lambda q: q.head if q.head is not None and not q.tense.now else None),
    TenseRule("increment_to_come", "new ones, in a sentence that speaks of the future",
              lambda q: INCREMENT_RE.search(q.clause) and not q.tense.now and FUTURE_RE.search(q.sentence),
              PLANNED),
    TenseRule("more_of_no_past", "'« Soixante-dix caméras de plus, c'est trop »', 'un nombre de nouvelles caméras "
              "compris entre 30 et 50': more, said of no past",
              lambda q: (MORE_NEXT_RE.match(q.after) or NEW_NUMBER_OF_BEFORE_RE.search(q.before))
              and not (q.tense.now or q.tense.past)
              and not OTHERS_OF_SPLIT_RE.match(q.after), PLANNED),
)


def camera_metric(
    clause: str,
    sentence: str,
    after_number: str,
    *,
    place_kind: str | None = None,
    head: Metric | None = None,
    linked_by_dont: bool = False,
    rate: bool = False,
    before_number: str = "",
    decided: bool = False,
    done: bool = False,
) -> tuple[Metric, str]:
    """Decide the camera metric from the clause around the number (the sentence when the clause
    says nothing of time): the first rule of `TENSE_RULES` that answers decides; a stock when none does.
    The arguments are `TenseQuestion`'s. Returns the metric and the deciding rule's name (for --explain)."""
    clause, sentence = norm(clause), norm(sentence)
    # "aucune caméra supplémentaire n'est prévue": a plan denied tells no plan
    clause, sentence = NO_PLAN_RE.sub(" ", clause), NO_PLAN_RE.sub(" ", sentence)
    clause, sentence = (before_soon_another(text, norm(after_number)) for text in (clause, sentence))
    before = norm(before_number)
    rest = sentence[len(before):] if before and sentence.startswith(before) else norm(after_number)
    clause, sentence = (before_whole_planned(text, rest) for text in (clause, sentence))
    if hearsay(clause, sentence):
        clause, sentence = REPORTED_RE.sub(" compte ", clause), REPORTED_RE.sub(" compte ", sentence)
    question = TenseQuestion(clause, sentence, norm(after_number), before_number, norm(before_number), place_kind,
                             head, linked_by_dont, rate, decided, done)
    for rule in TENSE_RULES:
        if said := rule.applies(question):
            return rule.metric or said, rule.name
    return Metric.CAMERAS, NO_TENSE_RULE

