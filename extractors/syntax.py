"""What spaCy's French parser says of a number: the noun it counts, the verb that governs it, that verb's
tense and mood, and the verb of intention an infinitive hangs on ("s'apprête à installer 25 caméras").

Regex windows guess these from the words near a number; the dependency parse knows which verb is the
number's own ("Les agents qui seront recrutés surveilleront les 85 caméras": the future is the agents').
Only sentences that hold a camera count are parsed, each once, and a sentence
longer than `MAX_PARSED_CHARS` is not parsed at all: its reading falls back on the regex rules, so a
hostile page costs bounded time. The model is loaded once per process, when a page first needs it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from extractors.french_model import aim_nouns, operation_nouns, verb_lemma, verb_meanings
from extractors.verb_time import Time, aim_over, finite_time, purpose_over

logger = logging.getLogger(__name__)

COUNTED_DEPS = frozenset({"nummod", "det", "fixed", "flat", "compound"})  # a number on its noun
CLIMB = 5  # how many heads a number may climb to find its verb


@dataclass(frozen=True)
class NumberSyntax:
    """The parse around one number; `finite` is the verb whose form carries the time (the number's own
    verb, or the one its infinitive hangs on)."""

    noun: str | None  # lemma of the noun it counts ("caméra")
    verb: str | None  # lemma of its governing verb ("installer")
    time: Time
    intention: str | None  # lemma of the verb of intention over the infinitive ("apprêter")
    definite: bool  # "les 85 caméras", "ses 85 caméras": a known set, not a count being made
    finite: str | None  # lemma of the verb that carries the time ("aller" of "vont porter")
    compared: bool = False  # "25 caméras, contre 11 aujourd'hui": the 11 is a point of comparison
    operation: str | None = None  # "l'installation de 40 caméras", "aidés pour installer 40 caméras"
    partitive: bool = False  # "en" on the verb: "en avait implanté six", some more of them
    existential: bool = False  # "il y en a 105": "y" on the verb, what there is
    new: bool = False  # "7 nouvelles caméras", "13 unités complémentaires": an adjective of increment
    to_come: bool = False  # "l'installation future de 25 caméras", "la phase d'installation … est en cours"
    joined: bool = False  # "aux 15 existantes", "en plus des 11": what the count is added to or set beside
    active: bool = False  # the verb's own form, active: "la commune installe", not "sont installées"
    per_period: bool = False  # "10 à 15 nouvelles caméras par an": a rate of installing, not one operation
    past_told: bool = False  # "Il installe à l'époque …": a present that tells of the past
    stated_aim: bool = False  # "Objectif : 400 caméras à l'été 2019": a count set as an aim
    already: bool = False  # "sept caméras déjà en place", "existantes": said to be there now


def number_token(doc: Any, start: int, end: int) -> Any | None:
    """The token of the number written at [start, end) of the sentence: its last numeric token ("200" of
    "1 200"), or its last token ("vingtaine" of "une vingtaine")."""
    tokens = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if tokens and tokens[-1].pos_ == "NOUN" and not tokens[-1].like_num:  # "une vingtaine", "un millier"
        return tokens[-1]
    numeric = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    return (numeric or tokens or [None])[-1]


def _finite_verb_right_before(number: Any, verb: Any | None) -> Any | None:
    """ "Les agents qui seront recrutés surveilleront les 85 caméras": the small model hangs the count on the
    verb of the relative clause before it and makes its own verb a copula. A finite verb right before the
    count's determiner, where the parse's verb is a relative clause's, is the count's own verb."""
    if verb is None or verb.dep_ != "acl:relcl":
        return verb
    i = number.i - 1
    while i >= 0 and number.doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    before = number.doc[i] if i >= 0 else None
    if before is not None and before.i > verb.i and before.pos_ in ("VERB", "AUX") and "Fin" in before.morph.get(
            "VerbForm"):
        return before
    return verb


def governing_verb(token: Any) -> tuple[Any | None, list[Any]]:
    """The verb a number's phrase depends on, climbing at most CLIMB heads, and the tokens passed."""
    path = []
    for _ in range(CLIMB):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            return token, path
        if token.head is token:
            return None, path
        path.append(token)
        token = token.head
    return None, path


def hung_on(number: Any) -> Any:
    """The word a number hangs on, past an adverb the parser took for its noun: in "Elles sont au nombre de 67
    actuellement" the model makes 67 the numeral of "actuellement", whose head is "nombre"."""
    head = number.head
    return head.head if head.pos_ == "ADV" and number.dep_ == "nummod" else head


def counted_noun(number: Any) -> Any | None:
    """The noun a number counts: its head when it is the noun's numeral ("25 caméras"), or the noun
    after "de" when the number is a noun itself ("une vingtaine de caméras")."""
    if number.dep_ in COUNTED_DEPS and number.head.pos_ in ("NOUN", "PROPN"):
        between = number.doc[min(number.i, number.head.i) + 1 : max(number.i, number.head.i)]
        if any(t.pos_ in ("AUX", "VERB") for t in between):
            return None  # "Onze seront fixes": the model's noun is an attribute past a verb
        return number.head
    if not noun_word(number):
        return None  # "23 dans son espace public": a place after a bare number is not what it counts
    nested = [c for c in number.children if c.dep_.startswith("nmod") and c.pos_ == "NOUN"]
    return nested[0] if nested else None


def time_carrier(verb: Any) -> tuple[Any | None, Any]:
    """The verb whose form carries a number's time, and the verb of intention on the way, if any. An
    infinitive takes the time of the verb it hangs on ("s'apprête à installer", "vont porter", "est sur
    le point de déployer", "avaient été aidés pour installer"); a participle with no auxiliary, that of
    the verb its noun depends on ("une aide destinée à l'implantation", "des projets permettant
    l'installation")."""
    intentions = verb_meanings()["prospective"]
    intention, token = None, verb
    for _ in range(4):
        form = token.morph.get("VerbForm")
        bare_participle = "Part" in form and token.dep_.startswith(("acl", "advcl")) and not any(
            c.dep_.startswith("aux") for c in token.children)
        if token.head is token or not ("Inf" in form or bare_participle):
            break
        upper = _outside_incise(token, token.head)
        if "Inf" in form and upper.lemma_ == "point":  # "être sur le point de déployer"
            return upper, upper.head
        if "Inf" in form and upper.pos_ in ("VERB", "AUX") and upper.lemma_ in intentions and intention is None:
            intention = upper
        above, _ = governing_verb(upper)
        if above is None:
            break
        token = above
    return intention, token


def _bracketed_apart(number: Any, verb: Any) -> bool:
    """ "Carbonne, qui possède 11 caméras (bientôt 14)": words in brackets are a clause of their own; a
    number inside them does not take the tense of a verb outside them."""
    opened = next((t.i for t in reversed(number.doc[: number.i]) if t.text in "()"), None)
    if opened is None or number.doc[opened].text != "(":
        return False
    closed = next((t.i for t in number.doc[number.i + 1 :] if t.text == ")"), len(number.doc))
    return not opened < verb.i < closed


def _outside_incise(infinitive: Any, upper: Any) -> Any:
    """ "autorisant cette commune, qui ne disposait pas de caméras, à en installer 23": a relative clause
    closed by a comma is an incise; what follows depends on the verb its antecedent depends on."""
    relative = next((c for c in upper.children if c.dep_.startswith("nsubj") and "Rel" in c.morph.get("PronType")),
                    None)
    if relative is None or not any(t.text == "," for t in infinitive.doc[upper.i + 1 : infinitive.i]):
        return upper
    antecedent = next((t for t in reversed(infinitive.doc[: relative.i]) if t.pos_ in ("NOUN", "PROPN")), None)
    above, _ = governing_verb(antecedent) if antecedent is not None else (None, [])
    return above if above is not None else upper


def number_syntax(doc: Any, start: int, end: int) -> NumberSyntax | None:
    """The parse around the number at [start, end) of the parsed sentence."""
    number = number_token(doc, start, end)
    if number is None:
        return None
    noun = counted_noun(number)
    phrase = noun if noun is not None else number
    # "1 226 contre environ 330 aujourd'hui": read from the words too, wherever the parser hung "contre"
    compared = any(c.lemma_ == "contre" for c in (*number.children, *phrase.children)) or any(
        t.lower_ == "contre" for t in doc[max(0, number.i - 3) : number.i]) or _starting_point(number)
    verb, path = governing_verb(phrase)
    verb = _finite_verb_right_before(number, verb)
    if verb is not None and _bracketed_apart(number, verb):
        verb = None
    noun_lemma = noun.lemma_ if noun is not None else None
    if counted_by := _counted_by_compte(number):
        return NumberSyntax(noun_lemma, "compter", Time.PRESENT, None, _definite(number), "compter", compared,
                            partitive=counted_by.lower_ in ("en", "n'en"))
    if verb is None:
        return NumberSyntax(noun_lemma, None, Time.NONE, None, _definite(number), None, compared,
                            to_come=_operation_to_come(number), stated_aim=_stated_aim(number))
    intention, carrier = time_carrier(verb)
    intention = intention if intention is not None else aim_over(verb)
    time, _ = finite_time(carrier)
    if intention is None and time is not Time.PAST and not _per_period(number):
        intention = purpose_over(verb)
    if intention is not None:
        time = Time.PROSPECTIVE
    return NumberSyntax(noun_lemma, verb_lemma(_modals_verb(verb)), time,
                        intention.lemma_ if intention is not None else None,
                        _definite(number), verb_lemma(carrier), compared, _operation(number, verb, carrier, path),
                        any(c.lower_ == "en" and c.pos_ == "PRON" for c in verb.children),
                        _existential(number), _new(noun), _operation_to_come(number), _joined(number),
                        carrier is verb and _active(verb), _per_period(number), _past_told(number.doc),
                        _stated_aim(number), _already_there(phrase))


MODALS = frozenset({"pouvoir"})


def _modals_verb(verb: Any) -> Any:
    """ "les 117 caméras pourront dorénavant être suivies en direct": the small model hangs the subject on the
    modal and the modal on the verb it helps; what the count undergoes is that verb's meaning (its time stays
    the modal's)."""
    head = verb.head
    if verb.lemma_ in MODALS and head is not verb and head.pos_ == "VERB" and head.i > verb.i and not any(
            t.pos_ == "VERB" for t in verb.doc[verb.i + 1 : head.i]):
        return head
    return verb


def _starting_point(number: Any) -> bool:
    """ "passera de 48 à 52 caméras", "passe de 140 à 180": the count after "de" that "à" follows is where
    the network starts from, compared with where it goes."""
    doc = number.doc
    before = doc[number.i - 1].lower_ if number.i else ""
    return before in ("de", "d'") and any(t.lower_ == "à" for t in doc[number.i + 1 : number.i + 4])


def _operation(number: Any, verb: Any, carrier: Any, path: list[Any]) -> str | None:
    """The operation that puts the counted cameras up, if the count is told as one: a noun between it
    and its verb ("l'installation de 40 caméras", not a time's "depuis le déploiement de 7 caméras"),
    or an infinitive of installing under another verb ("aidés pour installer 26 614 caméras")."""
    for token in path:
        if token.lemma_ in operation_nouns() and token.dep_ != "obl:mod" and not _clause_apart(token, number) and not (
                any(c.lower_ == "avec" for c in token.children)):  # "lancé en 2004 avec l'installation de"
            return token.lemma_
    if carrier is not verb and verb_lemma(verb) in verb_meanings()["install"]:
        return verb_lemma(verb)
    return None


def _clause_apart(token: Any, number: Any) -> bool:
    """Whether a single comma stands between them: the small model hangs a next clause on the noun before it
    ("Lancé avec l'installation de 14 caméras sur La Butte, le dispositif compte aujourd'hui 88 caméras", where
    it reads "compte" as a noun), so the operation is another clause's; a pair of commas is an aside."""
    low, high = sorted((token.i, number.i))
    return sum(t.text == "," for t in token.doc[low:high]) % 2 == 1


def noun_word(number: Any) -> bool:
    """A number that is a noun ("vingtaine", "millier"), not digits or a numeral the model tags as one."""
    return number.pos_ == "NOUN" and not number.like_num


INCREMENT_ADJECTIVES = frozenset({"nouveau", "nouvelle", "supplémentaire", "complémentaire", "additionnel",
                                  "additionnelle", "neuf"})


# adjectives that put an operation ahead: "l'installation future", "le déploiement prochain", "prévu"
TO_COME_ADJECTIVES = frozenset({"futur", "future", "prochain", "prochaine", "prévu", "programmé", "envisagé",
                                "projeté"})
STAGE_NOUNS = frozenset({"phase", "tranche", "étape", "travaux"})  # "une première phase d'installation"


def _operation_to_come(number: Any) -> bool:
    """Whether the operation a count hangs on is told as ahead or under way: an adjective of the future on
    it ("l'installation future de 25 caméras", "à venir"), or "en cours" said of it ("Une première phase
    d'installation d'une dizaine de caméras est actuellement en cours"), whatever tense the sentence's
    main verb has."""
    token = number
    for _ in range(CLIMB + 1):
        if token.lemma_ in operation_nouns() or token.lemma_ in STAGE_NOUNS:
            if any(c.dep_ == "amod" and c.lower_ in TO_COME_ADJECTIVES for c in token.children) or any(
                    c.lemma_ == "venir" for c in token.children):
                return True
            head = token.head
            if head.lemma_ == "cours" and any(c.lower_ == "en" for c in head.children):
                return True
        if token.head is token:
            return False
        token = token.head
    return False


def _new(noun: Any | None) -> bool:
    """Whether the counted noun carries an adjective of increment ("7 nouvelles caméras")."""
    return noun is not None and any(
        c.dep_ == "amod" and (c.lemma_ in INCREMENT_ADJECTIVES or c.lower_.startswith("flambant"))
        for c in noun.children)


def _existential(number: Any) -> bool:
    """ "il y en a 105": "y" and "en" before a form of "avoir" right before the number, wherever the parser
    hung them (it often makes the number the verb's head)."""
    before = [t.lower_ for t in number.doc[max(0, number.i - 6) : number.i]]
    return "y" in before and any(w in before for w in ("a", "avait", "aura", "aurait", "eut", "ait"))


# what may stand between "en compte" and its count: "en compte aujourd'hui 114", "en compte déjà plus de 120"
BETWEEN_VERB_AND_COUNT = frozenset({"aujourd'hui", "actuellement", "déjà", "désormais", "environ", "près", "plus",
                                    "moins", "de", "d'", "quelque", "à", "ce", "jour", "alors", "encore", "autour"})


def _counted_by_compte(number: Any) -> Any | None:
    """ "La ville en compte aujourd'hui 114", "Mennecy compte autour de 160 caméras": the small model reads
    "compte" as a noun (as in "prendre en compte", or a name's attribute) and hangs the count elsewhere;
    after "en" or a noun and before a count, it is the verb compter in the present. Returns the word
    before it ("en" stands for what is counted), or None."""
    doc, i = number.doc, number.i - 1
    while i >= 0 and number.i - i <= 5 and doc[i].lower_ in BETWEEN_VERB_AND_COUNT:
        i -= 1
    if i < 1 or doc[i].lower_ not in ("compte", "comptent") or doc[i].pos_ != "NOUN":
        return None
    before = doc[i - 1]
    return before if before.lower_ in ("en", "n'en") or before.pos_ in ("PROPN", "NOUN") else None


PER_PERIOD_RE = re.compile(r"\b(?:par|chaque)\s+(?:an|année|mois|semaine|jour)\b")


def _per_period(number: Any) -> bool:
    """ "10 à 15 nouvelles caméras par an", "une à trois caméras chaque jour": the words after the count."""
    after = number.doc[number.i + 1 : number.i + 8].text.lower()
    return bool(PER_PERIOD_RE.search(after))


def _stated_aim(number: Any) -> bool:
    """ "Objectif : 400 à l'été 2019", "Notre but : 100 caméras en 2030": a noun of aim, then a colon, before
    the count in its sentence."""
    doc = number.doc
    colons = [t.i for t in doc[: number.i] if t.text == ":"]
    aim = doc[colons[-1] - 1] if colons and colons[-1] > 0 else None
    # a heading's "Objectif" is often tagged a proper noun, its lemma left capitalised
    return aim is not None and (aim.lemma_.lower() in aim_nouns() or aim.lower_ in aim_nouns())


PAST_WORDS = frozenset({"époque", "autrefois", "jadis", "naguère"})


def _past_told(doc: Any) -> bool:
    """A sentence that sets its present in the past: "Il installe à l'époque une quarantaine de caméras",
    "À la fin des années 1990, la ville pose ses premières caméras" (the historical present)."""
    return any(t.lower_ in PAST_WORDS or (t.like_num and len(t.text) == 4 and t.text.startswith("19"))
               for t in doc)


def _active(verb: Any) -> bool:
    """A finite verb in the active voice: no passive auxiliary, not a participle ("installe", "déploient")."""
    return "Fin" in verb.morph.get("VerbForm") and not any(c.dep_ in ("aux:pass", "aux:tense") for c in
                                                            verb.children)


def _joined(number: Any) -> bool:
    """ "ajouter 9 caméras aux 15 existantes", "en plus des 11 caméras fixes": a count after "aux" or "des"
    is the known set the others join, never a count being made."""
    before = number.doc[number.i - 1] if number.i else None
    while before is not None and before.like_num and before.i:
        before = number.doc[before.i - 1]
    return before is not None and before.lower_ in ("des", "aux")


def _already_there(phrase: Any) -> bool:
    """ "sept caméras déjà en place seront reliées": the words right after the count say they are there now."""
    for token in phrase.doc[phrase.i + 1 : phrase.i + 4]:
        if token.lower_ == "déjà":
            return True
        if token.pos_ in ("NUM", "ADP", "PUNCT"):  # "22 exemplaires aux 52 déjà mis en place": the 52's
            return False
    return False


HEDGE_WORDS = ("plus", "près", "moins", "quelque", "environ")  # the words of lexicon_fr.SET_HEDGE and "moins de"


def _definite(number: Any) -> bool:
    """Whether a definite or possessive determiner stands right before the number ("les 85", "ses 85"), or
    before its hedge ("aux plus de 280 caméras de Reims", "les quelque 500")."""
    before = number.doc[number.i - 1] if number.i else None
    while before is not None and before.i and (before.like_num or before.lower_ in HEDGE_WORDS or (
            before.lower_ == "de" and number.doc[before.i - 1].lower_ in HEDGE_WORDS[:3])):
        before = number.doc[before.i - 1]  # "les 1 200": the "1" of the number; "aux plus de": the hedge
    if before is not None and before.lower_ in ("des", "aux"):
        return True  # before a numeral "des" and "aux" are "de les", "à les": never the indefinite article
    if before is None or before.pos_ not in ("DET", "ADP"):
        return False
    return "Def" in before.morph.get("Definite") or "Yes" in before.morph.get("Poss")
