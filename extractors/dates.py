"""French dates: a page's own date lines, and the date a sentence ties to a figure.

Regular expressions handle the common written forms; dateparser is called only on a short
candidate span (never `search_dates` over a page: slow, and it reads "sa" as samedi).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.date_mentions import (  # noqa: F401  (YEAR_RE, counts_from_a_year, find_date_mentions: re-exported)
    PERIOD_RE,
    YEAR_RE,
    DateMention,
    counts_from_a_year,
    find_date_mentions,
    number_of_years,
    valid_date,
    year_of,
)
from extractors.lexicon_fr import IMPERFECT, MONTH_PATTERN, MONTHS

ISO_RE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)")
NUMERIC_RE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)?\d\d)\b")
WRITTEN_RE = re.compile(
    rf"\b(\d{{1,2}})(?:er|re)?\s+({MONTH_PATTERN})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def parse_date_text(text: str) -> str | None:
    """A written date → 'YYYY-MM-DD' ("03/02/2022" is 3 February: French order is day, month, year)."""
    text = text.strip()[:80]
    if m := ISO_RE.search(text):
        return valid_date(int(m[1]), int(m[2]), int(m[3]))
    if m := WRITTEN_RE.search(text):
        return valid_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := NUMERIC_RE.search(text):
        year = int(m[3])
        year = year + 2000 if year < 100 else year
        return valid_date(year, int(m[2]), int(m[1]))
    return _dateparser_date(text)


@lru_cache(maxsize=4096)
def _dateparser_date(text: str) -> str | None:
    if not re.search(r"\d", text) or len(text) > 40:
        return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["fr"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True,
                                          "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date().isoformat() if parsed else None


# --- The date a sentence ties to a figure ---------------------------------------------------------

DATE_LEAD_RE = re.compile(r"\s*(?:en|au|à|fin|début|mi-|d'ici(?: à)?|dès|pour l'année|pour)?\s*")
# "6 caméras supplémentaires en 2024": a word or two that describe the count come between it and its date
# ("343 millions d'€ en 2020", "30 millions d'euros pour l'année 2011").
OWN_DATE_GAP_RE = re.compile(r"(?:\s+(?:[^\W\d_][\w'-]*|d'€|€))?(?:\s+[^\W\d_]+)?" + DATE_LEAD_RE.pattern)
# "En cinq ans, le nombre de caméras a triplé, passant de 12 à 36": the change began that many years ago
SPAN_OF_YEARS_RE = re.compile(r"\b(?:en|en l'espace de|depuis) (\d{1,2}|[a-zé]+(?:-[a-zé]+)?) ans\b(?! plus tard)")
PRESENT_RE = re.compile(r"\baujourd'hui\b|\bactuellement\b|\bà ce jour\b|\bdésormais\b|\bà présent\b")
ALREADY_RE = re.compile(r"\bdéjà\b")
IMPERFECT_RE = re.compile(IMPERFECT)
WHERE_CLAUSE_RE = re.compile(r"\s*où\b")
IN_WHERE_CLAUSE_RE = re.compile(r"\boù\s+(?:\w+\s+){0,3}$")  # "… un centre où se relaient 16 opérateurs"
# "Le système, qui date de 2011, …", "Un centre, ouvert en 2015 près de la gare, emploie 45 agents": an aside
# about the subject
RELATIVE_OPENING_RE = re.compile(r"\s*(?:qui|que|qu'|dont|où|lequel|laquelle"
                                 r"|ouverte?|créée?|inaugurée?|construite?|mise? en service)\b")
# A clause that is only a year, right after the figure's: it dates what comes before it.
# ("d'ici la fin du mandat, en 2026", "…, à l'horizon 2026 (voir notre article)")
APPOSITIVE_YEAR_RE = re.compile(r"^[\s,]*(?:soit |c'est-à-dire )?(?:en |fin |début |courant |à l'horizon |d'ici "
                                r"(?:à )?)?"
                                r"((?:19|20)\d\d)\s*(?:[.;()]|$)")
# "12 caméras viendront s'ajouter aux 75 existantes": the count there now, whatever its clause dates.
EXISTING_AFTER_RE = re.compile(r"^\S+(?:[\s\u00a0]\d{3})*\s+(?:cam[ée]ras?\s+)?existant\w*\b"
                               r"(?!\s+(?:en|fin|début|au)\s)")


def figure_date(
    sentence: str,
    clause: tuple[int, int],
    position: tuple[int, int],
    other_numbers: list[tuple[int, int]],
    published: str | None,
    dates: list[DateMention] | None = None,
    own_clause_only: bool = False,
) -> str | None:
    """The date the sentence ties to the number at `position` (offsets within `sentence`).

    The nearest date in the number's clause; else the nearest date before it in the sentence
    ("En février 2012, un CSU prend le relais ; la ville dispose alors de 700 caméras"). Present
    tense ("aujourd'hui", "déjà") ties the figure to no date. A date after the number does not
    count when another number stands between them ("180 d'ici l'été et 360 début 2013").
    """
    text = sentence.replace("’", "'").lower()
    if year_before := YEAR_BEFORE_BRACKET_RE.search(text[max(0, position[0] - 20) : position[0]]):
        return year_before[1]  # "par rapport à 2008 (71 %)": the figure of that year
    clause = _told_clause(text, clause, position)
    clause_text = text[clause[0] : clause[1]]
    start, end = position
    if EXISTING_AFTER_RE.match(text[start : end + 40]):
        return None
    if dates is None:
        dates = find_date_mentions(text, published, other_numbers + [position])
    else:  # found once for the sentence: drop those inside this figure's own words
        dates = [d for d in dates if d.end <= start or d.start >= end]
    in_clause = [d for d in dates if clause[0] <= d.start and d.end <= clause[1]
                 and not _blocked(d, end, other_numbers)]
    if PRESENT_RE.search(clause_text):
        # "45 caméras en 2015 contre 88 aujourd'hui": the date right after the count is its own, the present another's
        return own[0].value if (own := _own_dates(text, in_clause, end)) else None
    if in_clause:
        return _date_in_clause(text, in_clause, position)
    if ALREADY_RE.search(clause_text) and not IMPERFECT_RE.search(clause_text) or own_clause_only:
        return None  # "les 33 déjà en place": as of now, unless dated in its clause; "En 2014, sept caméras étaient
        # déjà en place": as of the date told before
    return _date_before_clause(text, clause, dates, start)


def _told_clause(text: str, clause: tuple[int, int], position: tuple[int, int]) -> tuple[int, int]:
    """The brackets around the number when they tell their own time; when they tell none, its clause."""
    if (bracket := bracket_around(text, position)) and (
            PRESENT_RE.search(text[bracket[0] : bracket[1]]) or BRACKET_YEAR_RE.search(text[bracket[0] : bracket[1]])):
        return bracket
    return clause


def _blocked(d: DateMention, end: int, other_numbers: list[tuple[int, int]]) -> bool:
    """A date after the number with another number between them is that number's ("180 d'ici l'été et 360 début
    2013")."""
    return d.start >= end and any(end <= s and e <= d.start for s, e in other_numbers)


def _date_in_clause(text: str, in_clause: list[DateMention], position: tuple[int, int]) -> str:
    """The date of the number's clause: the one right after it, a deadline after it, else the nearest."""
    start, end = position
    if own := _own_dates(text, in_clause, end):
        return own[0].value
    # "qu'une centaine de caméras seraient installées sur la voie publique d'ici 2020": a deadline after the count
    if deadline := next((d for d in in_clause if d.start >= end and DEADLINE_BEFORE_RE.search(
            text, max(0, d.start - 40), d.start)), None):
        return deadline.value
    return min(in_clause, key=lambda d: min(abs(d.start - end), abs(start - d.end))).value


def _own_dates(text: str, in_clause: list[DateMention], end: int) -> list[DateMention]:
    """ "passé de 30 en 2014 à 130 en 2022": a date the number is followed by ("130 en 2022") is its own."""
    return [d for d in in_clause if d.start >= end and OWN_DATE_GAP_RE.fullmatch(text[end : d.start])]


def _date_before_clause(text: str, clause: tuple[int, int], dates: list[DateMention], start: int) -> str | None:
    """Where the clause gives no date: a year in apposition after it, else the last date told before the number
    outside a relative clause or a closed bracket."""
    if appositive := APPOSITIVE_YEAR_RE.match(text[clause[1] :]):  # "d'ici la fin du mandat, en 2026"
        return appositive[1]
    if WHERE_CLAUSE_RE.match(text[clause[0] : clause[1]]) or IN_WHERE_CLAUSE_RE.search(
            text[max(clause[0], start - 40) : start]):
        return None  # "Le centre, ouvert en 2018, où travaillent 5 opérateurs": now
    before = [d for d in dates if d.end <= start and not in_relative_clause(text, d.start)
              and not in_closed_brackets(text, d, start)]
    return before[-1].value if before else None


BRACKET_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
DEADLINE_BEFORE_RE = re.compile(r"\b(?:d'ici(?: à)?|à l'horizon|à l'échéance)\s*(?:la fin (?:de l'année\s*|de\s*)?)?$")
YEAR_BEFORE_BRACKET_RE = re.compile(r"(?<!depuis )(?<!début )\b((?:19|20)\d\d)\s*\(\s*$")  # not "depuis 2012 (17 …)"


def bracket_around(text: str, position: tuple[int, int]) -> tuple[int, int] | None:
    """The brackets a number stands in, as a clause of their own: in "980 caméras aujourd'hui (elles étaient 150
    en 2008)" the 150 is of 2008, whatever "aujourd'hui" says outside."""
    opened = text.rfind("(", 0, position[0])
    closed = text.find(")", position[1])
    if opened < 0 or closed < 0 or text.rfind(")", 0, position[0]) > opened or "(" in text[position[1] : closed]:
        return None
    return opened + 1, closed


def in_closed_brackets(text: str, date: DateMention, position: int) -> bool:
    """ "En 2023, 14 caméras ont été posées (contre 6 en 2022), portant le parc à 58": an aside in brackets,
    closed before the number, dates what it tells only; a bracket that holds only a date labels what follows
    ("Phase 1 (2020) : 14 caméras")."""
    opened = text.rfind("(", 0, date.start)
    closed = text.find(")", date.end)
    return (opened > text.rfind(")", 0, date.start) and 0 <= closed < position
            and bool(text[opened + 1 : date.start].strip() or text[date.end : closed].strip()))


def in_relative_clause(text: str, position: int) -> bool:
    """ "Le système, qui date de 2011, compte 17 caméras": the relative clause dates the system."""
    opening = max(text.rfind(mark, 0, position) for mark in ",;(")
    return opening >= 0 and bool(RELATIVE_OPENING_RE.match(text, opening + 1))


def period_start(text: str, published: str | None = None) -> str | None:
    """The first year of the period a sentence names ("Entre 2018 et 2021" → 2018; "En cinq ans", said in
    2020 → 2015), if it names one."""
    lowered = text.lower()
    if period := PERIOD_RE.search(lowered):
        return next(year for year in period.groups() if year)
    span = SPAN_OF_YEARS_RE.search(lowered)
    year = year_of(published)
    if span and year is not None and (years := number_of_years(span[1])) and 1 < years < 50:
        return str(year - years)
    return None
