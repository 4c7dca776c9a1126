"""The time a verb's form tells, read from spaCy's morphology, and what makes an infinitive a time to
come: a verb of intention ("s'apprête à installer"), a noun of aim ("son projet d'installer") or a mark of
purpose ("pour se doter de 100 caméras"). `extractors.syntax` climbs from a number to the verb these read.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from extractors.french_model import aim_nouns


class Time(StrEnum):
    FUTURE = "future"  # "seront installées", "disposera de"
    CONDITIONAL = "conditional"  # "devraient être posées", "seraient installées"
    PROSPECTIVE = "prospective"  # an infinitive under a verb of intention: "s'apprête à installer"
    PAST = "past"  # "ont été implantées", "avait installé"
    PRESENT = "present"  # "compte", "sont installées"
    NONE = "none"  # no finite verb found (a title, a bullet, a participle alone)


def finite_time(verb: Any) -> tuple[Time, Any]:
    """The time a verb's finite form says, with its auxiliaries: "seront installées" future, "ont été
    implantées" past, "sont installées" present, "devraient être posées" conditional."""
    auxiliaries = sorted((c for c in verb.children if c.dep_.startswith("aux")), key=lambda t: t.i)
    finite = auxiliaries[0] if auxiliaries else verb
    mood, tense = finite.morph.get("Mood"), finite.morph.get("Tense")
    if ("Cnd" in mood or "Fut" in tense) and _imperfect_of_er_verb(finite):
        return Time.PAST, finite
    if "Pres" in tense and (told := _er_future_read_as_present(finite)):
        return told, finite
    if "Cnd" in mood:
        return Time.CONDITIONAL, finite
    if "Fut" in tense:
        return Time.FUTURE, finite
    if finite is verb and ("Past" in tense or "Imp" in tense) and _ambiguous_present(finite):
        return Time.PRESENT, finite
    if "Imp" in tense or "Past" in tense and (finite is not verb or "Fin" in finite.morph.get("VerbForm")):
        return Time.PAST, finite
    if any(a.dep_ == "aux:tense" for a in auxiliaries):
        return Time.PAST, finite  # passé composé: "ont installé", "ont été implantées"
    if "Pres" in tense:
        return Time.PRESENT, finite
    if _subject_of_bare_participle(verb, auxiliaries):
        return Time.PRESENT, finite
    return Time.NONE, finite


# the future and conditional of a verb in -er keep its "er" ("dénombrera", "achèterait", "paiera"); its
# imperfect does not ("dénombrait", "montrait"), though the small model tags some of those as a future
ER_FUTURE_ENDING_RE = re.compile(r"[eè]r(?:ai|a|as|ons|ez|ont|ais|ait|ions|iez|aient)$")
IRREGULAR_ER_FUTURES = frozenset({"aller", "envoyer", "renvoyer"})  # "ira", "enverra"


def _imperfect_of_er_verb(verb: Any) -> bool:
    """ "on dénombrait, en 2018, 88 caméras": an imperfect the small model read as a future."""
    lemma, word = verb.lemma_.lower(), verb.lower_
    return (lemma.endswith("er") and lemma not in IRREGULAR_ER_FUTURES and word.endswith(("ait", "aient", "ais"))
            and not ER_FUTURE_ENDING_RE.search(word))


ER_CONDITIONAL_ENDING_RE = re.compile(r"[eè]r(?:ais|ait|ions|iez|aient)$")


def _er_future_read_as_present(verb: Any) -> Time | None:
    """ "65 caméras scruteront la ville", "50 caméras surveilleraient": the small model tags some futures and
    conditionals of verbs in -er as presents; the ending after the "er" the stem keeps says which they are."""
    lemma, word = verb.lemma_.lower(), verb.lower_
    if not (lemma.endswith("er") and word[:3] == lemma[:3] and ER_FUTURE_ENDING_RE.search(word)):
        return None
    return Time.CONDITIONAL if ER_CONDITIONAL_ENDING_RE.search(word) else Time.FUTURE


def _subject_of_bare_participle(verb: Any, auxiliaries: list[Any]) -> bool:
    """ "Le marché porte sur la fourniture de 50 caméras": the small model tags some present forms as past
    participles; a participle with a subject of its own and no auxiliary is none, it is a present."""
    return ("Part" in verb.morph.get("VerbForm") and not auxiliaries and verb.lower_.endswith("e")
            and any(c.dep_ == "nsubj" for c in verb.children))


def _ambiguous_present(verb: Any) -> bool:
    """ "investit", "choisit", "établit" are a present or a passé simple, and the small model tags some of
    them as past (even imparfait): in the prose of towns the present is far more often meant."""
    word = verb.lower_
    return word.endswith("it") and not word.endswith(("ait", "rait")) and "Fin" in verb.morph.get("VerbForm")


# what stands between a noun of aim and its infinitive: "projet d'installer", "but : installer", "objectif
# est d'en installer", "objectif sera de porter"
AIM_LINK_WORDS = frozenset({"de", "d'", "d", ":", "est", "sera", "serait", "était", "en", "y", "à"})


def aim_over(verb: Any) -> Any | None:
    """The noun of aim an infinitive completes, read from the words before it: the small model hangs
    "son projet d'installer" on the verb before the noun, "en train d'installer" on the noun, and "Le but :
    installer" as the noun's clause, but the words are the same."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return None
    i = verb.i - 1
    while i >= 0 and verb.i - i <= 4 and verb.doc[i].lower_ in AIM_LINK_WORDS:
        i -= 1
    return verb.doc[i] if i >= 0 and i < verb.i - 1 and verb.doc[i].lemma_ in aim_nouns() else None


# the words that open an infinitive of purpose: "pour installer", "afin d'équiper"
PURPOSE_MARKS = frozenset({"pour", "afin"})


def purpose_over(verb: Any) -> Any | None:
    """The mark of purpose an infinitive hangs on ("recrute pour se doter de 100 caméras"): what a town
    does in order to put cameras up is still to come, unless the verb it does it with is told in the past."""
    if "Inf" not in verb.morph.get("VerbForm"):
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in PURPOSE_MARKS), None)
    # "la Ville a dépensé 12 000 euros pour équiper la place de deux caméras": wherever the parser hangs
    # the infinitive, a verb told in the past before it says the work was done
    told_past = mark is not None and any(
        finite_time(t)[0] is Time.PAST and (t.pos_ in ("VERB", "AUX") or any(c.dep_ == "aux:tense" for c in t.children))
        for t in verb.doc[: mark.i])
    return None if told_past else mark
