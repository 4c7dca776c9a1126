"""Counts that carry no noun of their own, read from the parse: what a pronoun stands for ("elles étaient
150", "à en installer 23", "Au nombre de 980") and the parts of a total ("Trois cents appartiennent au domaine
privé, 1 200 sont sur la voie publique"). BARE_COUNT_RULES is their ordered table."""

from __future__ import annotations

import re
from typing import Any

from extractors.french_model import verb_lemma, verb_meanings
from extractors.syntax import COUNTED_DEPS, counted_noun, governing_verb, hung_on, noun_word, number_token


def bare_count(doc: Any, start: int, end: int) -> bool:
    """Whether a number with no noun of its own counts what a pronoun stands for. The rules of
    BARE_COUNT_RULES are asked in order; the first that has an answer gives it."""
    number = number_token(doc, start, end)
    if number is None or counted_noun(number) is not None or noun_word(number):
        return False
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if following is not None and following.pos_ == "NOUN" and following.head is number:
        return False  # a noun of its own that vigicam does not count ("23 bancs")
    for _name, rule in BARE_COUNT_RULES:
        if (answer := rule(number)) is not None:
            return answer
    return False


def _numbered(number: Any) -> bool | None:
    """ "Au nombre de 980 aujourd'hui": a count of what it is the number of, the noun it follows or the
    subject of the verb it hangs on ("Les entreprises du site, au nombre de 2 500": not cameras)."""
    head = hung_on(number)
    if head.lemma_ != "nombre" or not any(c.lower_ in ("au", "aux") for c in head.children):
        return None
    counted = [head.head] if head.head.pos_ == "NOUN" else [
        c for c in head.head.children if c.dep_.startswith("nsubj") and c.pos_ == "NOUN"]
    # "Au nombre de 90 en 2020, le total de caméras devrait avoisiner les 180": the total of what it names
    counted = [next((n for n in c.children if n.dep_.startswith("nmod") and n.pos_ == "NOUN"), c)
               if c.lemma_ in ("total", "nombre", "parc") else c for c in counted]
    return all(c.lemma_ == "caméra" for c in counted)


def _pronoun_attribute(number: Any) -> bool | None:
    """ "elles étaient 150 en 2008": the attribute of "elles" or "ils", in the parse or, where the parser
    hung the number elsewhere, in the words."""
    children = list(number.children)
    if any(c.dep_ == "cop" for c in children) and any(
            c.dep_.startswith("nsubj") and c.lower_ in ("elles", "ils") for c in children):
        return True
    if number.i > 1 and number.doc[number.i - 2].lower_ in ("elles", "ils") and (
            number.doc[number.i - 1].lemma_ == "être"):
        return True
    return None


def _not_so(number: Any) -> bool | None:
    """ "nous aurions préféré en avoir 15": a past conditional tells what was not."""
    return False if _counterfactual(number) else None


def _partitive(number: Any) -> bool | None:
    """ "elle en aura 1 200", "à en installer 23", "on en compte 60": "en" on a verb of having or installing."""
    verb, _ = governing_verb(number)
    meanings = verb_meanings()
    if verb is not None and verb_lemma(verb) in meanings["install"] | meanings["have"] and _clitic_en_before(number):
        return True
    return None


def _total_reached(number: Any) -> bool | None:
    """ "la porter à 35": the total a pronoun (the network) is brought to."""
    verb, _ = governing_verb(number)
    if verb is not None and verb_lemma(verb) in verb_meanings()["total"] and any(
            c.lower_ == "à" for c in number.children) and any(
            c.pos_ == "PRON" and c.lower_ in ("la", "le", "les", "l'") for c in verb.children):
        return True
    return None


BARE_COUNT_RULES = (
    ("numbered", _numbered),
    ("pronoun_attribute", _pronoun_attribute),
    ("not_so", _not_so),
    ("partitive", _partitive),
    ("total_reached", _total_reached),
)


PART_CASES = frozenset({"sur", "dans", "en", "au", "aux", "à", "par", "pour", "chez", "devant", "autour"})


NOT_A_PART_AFTER_RE = re.compile(r"\s*(?:[/:°x%)-]|h\b|j\b|j/|g\b|e\b|ème\b|ou\b|fois\b)", re.IGNORECASE)


NOT_A_PART_BEFORE = frozenset({"sur", "/", "n°", "le", "du", "au", "x", "-", "ou", "("})


PART_ROLES = ("conj", "nsubj", "nsubj:pass", "appos", "ROOT", "parataxis")


def sub_count(doc: Any, start: int, end: int) -> bool:
    """Whether a number with no noun of its own is a part of a total told just before: a subject or a
    conjunct ("Trois cents appartiennent au domaine privé, 1 200 sont sur la voie publique", "dont 40 fixes
    et 12 dites nomades", "Onze seront fixes"), or a number that a place or a participle qualifies ("18
    implantées en centre-ville", "16 sur les plages"). The caller checks the total and that the part is
    smaller."""
    number = number_token(doc, start, end)
    if number is None or counted_noun(number) is not None or noun_word(number) or len(doc) <= 3:
        return False  # a line that is a list's numbering ("3.") breaks nothing down
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if following is not None and following.pos_ in ("NOUN", "PROPN") and following.i == number.head.i:
        return False  # "12 agents": a noun of its own
    if NOT_A_PART_AFTER_RE.match(doc.text, end) or number.i and (
            doc[number.i - 1].lower_ in NOT_A_PART_BEFORE):
        return False  # "24 heures sur 24", "7 j/7", "le 12/09/2024", "4 ou 5 G", "douze fois plus", "(2)"
    qualified = any(c.dep_ in ("acl", "amod") or c.dep_.startswith(("nmod", "obl")) and any(
        k.dep_ == "case" and k.lower_ in PART_CASES for k in c.children) for c in number.children)
    # a numeral the model hung on an attribute past a verb ("Onze seront fixes") is the subject
    return qualified or number.dep_ in PART_ROLES or number.dep_ in COUNTED_DEPS


def _counterfactual(number: Any) -> bool:
    """A past conditional before the number ("nous aurions préféré en avoir 15", "aurait pu en compter"):
    the auxiliary is read from its form, which the small model often tags as a present."""
    window = number.doc[max(0, number.i - 8) : number.i]
    for auxiliary, following in zip(window, window[1:], strict=False):
        if auxiliary.lower_.endswith(("rais", "rait", "raient", "rions", "riez")) and auxiliary.lemma_ in (
                "avoir", "être") and "Part" in following.morph.get("VerbForm"):
            return True
    return False


def _clitic_en_before(number: Any) -> bool:
    """ "en" as a pronoun among the five words before the number ("on en compte aujourd'hui 95")."""
    return any(t.lower_ == "en" and t.pos_ == "PRON" for t in number.doc[max(0, number.i - 5) : number.i])
