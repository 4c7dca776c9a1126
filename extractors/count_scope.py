"""Which words of a sentence are a count's own, when the sentence tells of several counts: the tense
rules read a count's time in them, not in another count's ("Vertou : 35 caméras, 10 de plus d'ici 2023")."""

from __future__ import annotations

import re

from extractors.numbers import find_mentions
from extractors.state_words import PLANNED_PARTICIPLE_AFTER_RE

SOON_RE = re.compile(r"\bbientôt\s+(?:(?:par|à|de|d')\s*)?")


LEAD_TO_ANOTHER_RE = re.compile(r"\s*[,(]?\s*\bet\b")

# "48 caméras sur 60 initialement prévues", "229 caméras installées dans les rues sur un total de 350
# programmées": the plan's word is the whole's; the part is what is up of it
OUT_OF_WHOLE_AFTER_RE = re.compile(
    r"^\s*(?:cam[ée]ras?\b(?:\s+[^\W\d]+){0,5})?\s*,?\s*(?P<sur>sur)\s+(?:les\s+|un\s+total\s+de\s+)?"
    r"(?:\d[\d\s\u00a0.]*|[^\W\d]+)")


def before_whole_planned(text: str, after_number: str) -> str:
    """ "Treize caméras sur seize prévues": the text of the part ends before the planned whole it is counted in.
    `after_number` may begin with the number itself."""
    if " sur " not in after_number[:120]:  # most counts are no part of a whole: no parse of their number
        return text
    mentions = find_mentions(after_number[:40])
    after_number = after_number[mentions[0].end:] if mentions and mentions[0].start == 0 else after_number
    whole = OUT_OF_WHOLE_AFTER_RE.match(after_number)
    if whole is None or not PLANNED_PARTICIPLE_AFTER_RE.match(after_number[whole.end() :]):
        return text
    at = text.find(after_number[: whole.start("sur")])
    return text[: at + whole.start("sur")] if at >= 0 else text


def before_soon_another(text: str, after_number: str) -> str:
    """ "52 caméras et bientôt une soixantaine": a "bientôt" right before another count is that count's; the
    text of the first one ends before it ("52 caméras seront bientôt installées" keeps its own)."""
    soon = SOON_RE.search(after_number)
    if soon is None or not any(m.start == soon.end() for m in find_mentions(after_number)):
        return text
    at = text.find(after_number[: soon.end()])
    if at < 0:
        return text
    # and from the "et" that leads to it: "plus de 300 (et atteindra bientôt 450)", the verb is the 450's
    lead = [m.start() for m in LEAD_TO_ANOTHER_RE.finditer(text, at, at + soon.start())]
    return text[: lead[-1] if lead else at + soon.start()]


# "Une cinquantaine de caméras, chacune à quatre têtes, entreront en service": a number in an aside that
# distributes over the count is no count of its own, and the verb after it is still the count's
DISTRIBUTIVE_BEFORE_RE = re.compile(r",\s*(?:chacune?|chacun)\s+(?:[^\W\d]+\s+){0,2}?(?:à|de|d'|avec)\s*$")
# "est passé de 42 à 64, et …", "plus de 300 (et atteindra bientôt 450)": what leads to the next count
CLAUSE_BREAK_RE = re.compile(r"[,(]\s*(?:et|mais|puis|alors que|tandis que)\b|;")
# where a count's own clause may begin after another count: "… que 18 caméras sont déjà en service et qu'en tout
# 33 caméras devraient être posées" (a new subordinate clause, with or without a comma)
CLAUSE_START_RE = re.compile(r"(?:,\s*|\s)(?:et|mais|puis)\s+qu(?:e\b|['’])|,\s*(?:et|mais|puis)\b|;"
                             r"|\b(?:alors|tandis)\s+qu(?:e\b|['’])")


def from_previous_count(before_number: str) -> int:
    """Where a count's own words begin in its sentence: after the clause break that follows the count before it,
    if any ("18 caméras sont déjà en service et qu'en tout 33 caméras devraient être posées": the "déjà" is the
    18's). Returns an offset into `before_number`; 0 when no other count precedes it in a clause of its own."""
    mentions = [m for m in find_mentions(before_number) if not m.year_like]
    if not mentions:
        return 0
    breaks = [b.end() for b in CLAUSE_START_RE.finditer(before_number, mentions[-1].end)]
    return breaks[-1] if breaks else 0


def own_words_before(before_number: str) -> str:
    """A count's own words before it, when they can be told apart: none when another count comes earlier in
    the same clause ("Alors que l'appel d'offre avait été lancé pour 4 caméras, l'arrêté parle de 11")."""
    start = from_previous_count(before_number)
    if start or not any(not m.year_like for m in find_mentions(before_number)):
        return before_number[start:]
    return ""


def up_to_joined_clause(sentence: str, before_number: str) -> str:
    """The sentence up to a clause joined after the count ("…, et", "(et", "; …"): what is said of it."""
    if not sentence.startswith(before_number) or not (joined := CLAUSE_BREAK_RE.search(sentence, len(before_number))):
        return sentence
    return sentence[: joined.start()]


def up_to_next_count(sentence: str, before_number: str) -> str:
    """The sentence up to the count after this one, and before the clause that leads to it: in "Vertou : 35
    caméras, 10 de plus d'ici 2023", the "d'ici" is the 10's, not the 35's."""
    if not sentence.startswith(before_number):
        return sentence
    at = len(before_number)
    # the next count, digits or words ("sont opérationnelles et il y en aura une centaine d'ici la fin de l'année")
    mentions = find_mentions(sentence[at:])
    own_end = mentions[0].end if mentions and mentions[0].start == 0 else 0
    following = next((m for m in mentions if m.start >= max(own_end, 1) and not m.year_like
                      and not DISTRIBUTIVE_BEFORE_RE.search(sentence, max(0, at + m.start - 40), at + m.start)), None)
    own = sentence[: at + following.start] if following else sentence
    # and up to the clause that leads to it: "est passé de 42 à 64, et le maire souhaite installer près de 100"
    lead = [b.start() for b in CLAUSE_BREAK_RE.finditer(own, at + own_end)] if following else []
    return own[: lead[-1]] if lead else own
