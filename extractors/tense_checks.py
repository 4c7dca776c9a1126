"""Questions the tense rules ask of a count's words, apart from the rule table (extractors.tense): whether a
text speaks of what is to come, whether a count is of cameras replaced, there already, and what a part says
of itself."""

from __future__ import annotations

import re

from extractors.tense_words import (
    AID_RE,
    BELITTLED_REPORT_RE,
    CHANGE_INFINITIVE_BEFORE_RE,
    DONE_GOVERNOR_BEFORE_RE,
    DONE_OPERATION_RE,
    FUTURE_RE,
    HEARSAY_AHEAD_RE,
    INCREMENT_RE,
    MORE_NEXT_RE,
    MORE_SINCE_YEAR_AFTER_RE,
    REGIONAL_KINDS,
    REPLACED_RE,
    REPLACER_AFTER_RE,
    REPORTED_RE,
    SINCE_MONTH_RE,
    SINCE_RE,
    SOURCE_RE,
    SUPPORTED_INSTALL_RE,
    WHOLE_AFTER_PART_RE,
)


def says_future(text: str) -> bool:
    """Whether `text` speaks of what is to come; "l'installation de" is no plan once paid for or done ("la
    Région a financé l'installation de", "a achevé l'installation de", "a suivi de près l'installation de")."""
    return bool(FUTURE_RE.search(DONE_OPERATION_RE.sub(" ", SUPPORTED_INSTALL_RE.sub(" ", text))))


def hearsay(clause: str, sentence: str) -> bool:
    """Whether a conditional of having reports what there is rather than a plan: said after a source ("le
    département compterait plus de 2 000 caméras, selon la préfecture"), belittled ("ne posséderait que 5
    caméras"), or told with no time ahead, no new cameras and no year ("La France compterait environ 400 000
    caméras"). Its verb then reads as "compte"."""
    return bool(SOURCE_RE.search(sentence) or BELITTLED_REPORT_RE.search(sentence) or (
        REPORTED_RE.search(clause) and not HEARSAY_AHEAD_RE.search(sentence)))


def added_since(sentence: str, clause: str, after: str) -> bool:
    """ "le quartier accueille depuis octobre 14 nouvelles caméras", "les 96 caméras supplémentaires … depuis
    2014": new ones, put up since a month of this year or a year gone."""
    return bool(SINCE_MONTH_RE.search(sentence) and (INCREMENT_RE.search(clause) or MORE_NEXT_RE.match(after))
                or MORE_SINCE_YEAR_AFTER_RE.match(after))


def replaced(clause: str, own_before: str, after: str = "") -> bool:
    """Whether the count is of cameras replaced or upgraded, there already. The word nearest before the
    number decides ("financera le remplacement de 20 caméras … et l'ajout de 6 caméras": the 20 are
    there, the 6 are new); without one in its clause, the clause ("les 21 caméras seront remplacées")."""
    before = re.split(r"[,;:]", own_before[-80:])[-1]  # within the count's own clause (`own_before`: normalized)
    replaced = max((m.end() for m in REPLACED_RE.finditer(before)), default=-1)
    added = max((m.end() for m in INCREMENT_RE.finditer(before)), default=-1)
    if replaced >= 0 or added >= 0:
        return replaced > added
    # "Ces vingt-deux caméras remplaceront le dispositif actuel": the count replaces, it is not replaced
    return bool(REPLACED_RE.search(clause) and not INCREMENT_RE.search(clause) and not REPLACER_AFTER_RE.match(after))


def regional(place_kind: str | None, sentence: str) -> bool:
    """ "Depuis 2016, 6 000 caméras ont été déployées", "Ces aides ont permis l'installation de 2 600 caméras":
    a région or département has no network of its own, only what its aid put up."""
    return place_kind in REGIONAL_KINDS and bool(SINCE_RE.search(sentence) or AID_RE.search(sentence)
                                                 or SUPPORTED_INSTALL_RE.search(sentence))


def part_own_words(after: str) -> str:
    """What follows a part's whole ("Cinq| des 48 caméras prévues sont déjà posées"): the part's own words."""
    return after[m.end() :] if (m := WHOLE_AFTER_PART_RE.match(after)) else ""


# "la majorité a fait passer le nombre de caméras de 8 à 41", "a pu porter": the change is told as done
PAST_GOVERNOR_RE = re.compile(r"\b(?:a|ont|avait|avaient|avons|avez)\s+(?:\w+\s+)?(?:fait|pu|su)\s*$")


def change_target(before: str) -> bool:
    """Whether a total is where an infinitive of change is to lead ("entend doubler le nombre de caméras pour passer
    de 50 à 100"), not where a past verb over it led ("a fait passer … de 8 à 41", "a permis de passer")."""
    change = CHANGE_INFINITIVE_BEFORE_RE.search(before)
    return bool(change) and not PAST_GOVERNOR_RE.search(before[max(0, change.start() - 40) : change.start()]) and not (
        DONE_GOVERNOR_BEFORE_RE.search(before[-160:]))
