"""exact, approx, at_least or at_most: read from the words right around the number.

"plus de 450 caméras" → at_least; "près de 500" → approx; "jusqu'à 30 %" → at_most;
"plus d'une centaine" → at_least (the hedge wins over the approximate word); "80 % au maximum" → at_most.
"""

from __future__ import annotations

import re

from extractors.figure import Qualifier
from extractors.lexicon_fr import HEADER_AT_LEAST, HEADER_AT_MOST, QUALIFIERS_AFTER, QUALIFIERS_BEFORE


def _normalise(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").lower()


def _phrase_re(phrases: list[str], *, before: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if before:
        return re.compile(rf"(?:^|[\s(«\"',;:])(?:{alternatives})\s*$")
    # after the unit's complement too: "2200 caméras de surveillance environ"
    # not "250 caméras et plus de 600": a hedge that goes on with "de" is the next count's
    # and after a rate's unit: "5 000 € par caméra minimum"
    return re.compile(rf"^\s*(?:(?:de\s+|d'|par\s+|pour\s+(?:une?\s+|chaque\s+)?)[^\W\d][\w-]*\s+)?(?:{alternatives})"
                      r"(?![\w])(?!\s*(?:d'|de\s|du\s|des\s))")


BEFORE = [(Qualifier(q), _phrase_re(p, before=True)) for q, p in QUALIFIERS_BEFORE.items()] + [
    # "plafonne son soutien à 25 000 euros": a cap with its object between; "Plafond de l'aide : 40 000 €",
    # "Montant maximal : 20 000 €": a cap's label
    (Qualifier.AT_MOST, re.compile(r"(?:^|\s)(?:plafonn\w*\s+(?:[\w']+\s+){1,3}à"
                                   r"|(?:plafond|montant maximal|montant maximum)\b[^:\d]{0,30}:)\s*$")),
]
AFTER = [(Qualifier(q), _phrase_re(p, before=False)) for q, p in QUALIFIERS_AFTER.items()]
# "un peu plus de", "légèrement supérieure à", "bien plus de": all at_least.
HEDGE_PREFIX_RE = re.compile(r"(?:un peu|légèrement|bien|nettement|très légèrement)\s+$")


# An adverb between a verb of bounding and the count: "dépasse tout de même les 300 000 euros", "approche
# désormais les 70 unités" read as "dépasse les", "approche les".
INSERTED_ADVERB_RE = re.compile(r"\s(?:tout de même|désormais|aujourd'hui|déjà|largement|maintenant|actuellement"
                                r"|même|encore|pourtant|ainsi|alors|facilement|aisément)(?=\s+(?:les|la|le|l')?\s*$)")


def qualifier_before(left: str) -> tuple[Qualifier | None, int]:
    """The qualifier ending `left`, and how many characters of `left` state it."""
    said = _normalise(left[-60:])
    left = INSERTED_ADVERB_RE.sub("", said)
    best: tuple[Qualifier | None, int] = (None, 0)
    for qualifier, pattern in BEFORE:
        if m := pattern.search(left):
            phrase_start = m.start() + (1 if left[m.start() : m.start() + 1] in " («\"',;:" else 0)
            length = len(said) - phrase_start  # an adverb taken out stood inside the phrase
            if hedge := HEDGE_PREFIX_RE.search(left[:phrase_start]):
                length += phrase_start - hedge.start()
            if length > best[1]:  # the longest phrase wins: "pas moins de" over "moins de"
                best = (qualifier, length)
    return best


def qualifier_after(right: str) -> Qualifier | None:
    right = _normalise(right[:30])
    for qualifier, pattern in AFTER:
        if pattern.search(right):
            return qualifier
    return None


def qualifier_from_header(header_text: str) -> Qualifier | None:
    """Bare table cells take the bound their header states ("Taux maximal de financement")."""
    text = _normalise(header_text)
    if any(word in text for word in HEADER_AT_MOST):
        return Qualifier.AT_MOST
    if any(word in text for word in HEADER_AT_LEAST):
        return Qualifier.AT_LEAST
    return None


# A hedge on a rate's base bounds the rate the other way: "une caméra pour moins de 300 habitants" is at
# least 333 cameras per 100,000 inhabitants; "pour un peu plus de 1 500 habitants" at most 67.
INVERTED = {Qualifier.AT_LEAST: Qualifier.AT_MOST, Qualifier.AT_MOST: Qualifier.AT_LEAST,
            Qualifier.APPROX: Qualifier.APPROX}
BASE_HEDGE_AFTER_FOR_RE = re.compile(r"\bpour\s+$")


def base_hedge(left: str) -> tuple[Qualifier | None, int]:
    """The qualifier a hedge between "pour" and a rate's base gives the rate, and how many characters of
    `left` the hedge takes ("une caméra pour un peu moins de |1 400 habitants")."""
    qualifier, length = qualifier_before(left)
    if qualifier is None or not BASE_HEDGE_AFTER_FOR_RE.search(left[: len(left) - length]):
        return None, 0
    return INVERTED.get(qualifier), length
