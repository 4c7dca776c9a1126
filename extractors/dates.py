"""French dates: a page's own date lines, and the date a sentence ties to a figure.

Regular expressions handle the common written forms; dateparser is called only on a short
candidate span (never `search_dates` over a page: slow, and it reads "sa" as samedi).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.lexicon_fr import FUTURE_VERB_RE, MONTH_PATTERN, MONTHS, SINCE_MONTH
from extractors.numbers import words_to_number
from extractors.segments import BULLET

ISO_RE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)")
NUMERIC_RE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)?\d\d)\b")
WRITTEN_RE = re.compile(
    rf"\b(\d{{1,2}})(?:er|re)?\s+({MONTH_PATTERN})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date_text(text: str) -> str | None:
    """A written date → 'YYYY-MM-DD' ("03/02/2022" is 3 February: French order is day, month, year)."""
    text = text.strip()[:80]
    if m := ISO_RE.search(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := WRITTEN_RE.search(text):
        return _valid(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    if m := NUMERIC_RE.search(text):
        year = int(m[3])
        year = year + 2000 if year < 100 else year
        return _valid(year, int(m[2]), int(m[1]))
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

YEAR = r"((?:19|20)\d\d)"
DATE_LEAD_RE = re.compile(r"\s*(?:en|au|à|fin|début|mi-|d'ici(?: à)?|dès)?\s*")
# "6 caméras supplémentaires en 2024": a word or two that describe the count come between it and its date.
OWN_DATE_GAP_RE = re.compile(r"(?:\s+[^\W\d_]+){0,2}" + DATE_LEAD_RE.pattern)
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
MONTH_YEAR_RE = re.compile(rf"\b(?:(\d{{1,2}})(?:er)?\s+)?({MONTH_PATTERN})\.?\s+{YEAR}\b", re.IGNORECASE)
PERIOD_RE = re.compile(rf"\b{YEAR}\s*[-–]\s*{YEAR}\b|\bentre\s+{YEAR}\s+et\s+{YEAR}\b|\bde\s+{YEAR}\s+à\s+{YEAR}\b"
                       rf"|\ben\s+{YEAR}\s+et\s+(?:en\s+)?{YEAR}\b")
# "votée le 14 juin": a day without its year, which the publication date fixes.
DAY_MONTH_RE = re.compile(rf"\b(?:le|du|au)\s+(\d{{1,2}})(?:er)?\s+({MONTH_PATTERN})\b(?!\.?\s+(?:de l'an\s+)?\d)",
                          re.IGNORECASE)
END_OF_YEAR_RE = re.compile(rf"\bfin (?:de l'année|d'année)\s+{YEAR}\b")
YEAR_RE = re.compile(rf"(?<![\d.,])(?<!\d[\s\u00a0]){YEAR}(?![\d])")
# A year inside an identifier is no date: "délibération n° 2021-045", "arrêté 2019/114".
IDENTIFIER_YEAR_RE = re.compile(r"(?:\bn°|\bno\.?|\bnuméro)\s*$")  # not "mi-2023"
IDENTIFIER_TAIL_RE = re.compile(r"^[-/_]\d")
SINCE_BEFORE_RE = re.compile(
    r"(?:depuis|dès|à partir de|à compter de)\s+(?:le\s+|l'|(?:\d{1,2}\s+)?\w+\s+)?$"
    # "depuis son ouverture en 2017", "depuis la création du dispositif en 2021"
    r"|depuis\s+(?:son|sa|leur|la|le|l')\s*\w+(?:\s+(?:du|de la|des|de|d')\s*(?:«[^»]{1,40}»|\w+)"
    r"|\s+en\s+(?:place|service|œuvre))"
    r"{0,2}\s+(?:en\s+)?$")  # "depuis sa mise en place en 2021", "depuis le lancement du « Pacte » en 2019"
# A year a figure is compared with is not its date: "une hausse de 12 % par rapport à 2021".
BASELINE_BEFORE_RE = re.compile(r"(?:par rapport à|comparée?s? à|comparativement à|(?<!jus)qu'en)"  # not "jusqu'en"
                                r"\s+(?:l'année\s+|l'an\s+)?$")
RELATIVE = [
    # (pattern, how many years from the publication year, month or None)
    (re.compile(r"(?:d'ici|à|avant) la fin de l'année prochaine\b"), 1, 12),
    (re.compile(r"(?:d'ici|à|avant) la fin de (?:l'|cette )année(?! prochaine| suivante)|fin de cette année"
                r"|\ben fin d'année\b"), 0, 12),
    (re.compile(r"\b(?:au cours de |dès |d'ici la fin de )?cette année\b"), 0, None),
    (re.compile(r"\bl'année prochaine\b|\bl'an prochain\b|\bdans un an\b|\bd'année prochaine\b"), 1, None),
    (re.compile(r"\bl'an dernier\b|\bl'année dernière\b|\bl'an passé\b|\bun an plus tôt\b|\bl'année précédente\b"
                r"|\bl'année écoulée\b"), -1, None),
    (re.compile(SINCE_MONTH), 0, None),  # "depuis janvier", "depuis la fin janvier", "depuis le début de l'année"
    (re.compile(r"\bdepuis (?:cet (?:été|automne|hiver)|ce printemps)\b"), 0, None),  # as "depuis janvier"
    (re.compile(r"\b(?:d'ici|avant|pour|à) noël\b"), 0, 12),  # "quatre autres d'ici Noël"
]
# "d'ici deux ans", "dans 3 ans": years from the publication (its number counts years, not cameras).
IN_YEARS_RE = re.compile(r"\b(?:d'ici|dans(?: les)?|sous|(il y a)) (\d{1,2}|[a-zé]+(?:-[a-zé]+)?) ans\b")
# "seront remplacées cet automne": the season to come, where "on a posé 20 caméras cet automne" is the last
FUTURE_SENTENCE_RE = re.compile(rf"(?<![\w'])(?:seront|sera|vont|va|devra\w*|doi\w+|prévue?s?|{FUTURE_VERB_RE})"
                                r"(?![\w])")
# "En cinq ans, le nombre de caméras a triplé, passant de 12 à 36": the change began that many years ago
SPAN_OF_YEARS_RE = re.compile(r"\b(?:en|en l'espace de|depuis) (\d{1,2}|[a-zé]+(?:-[a-zé]+)?) ans\b(?! plus tard)")
NEXT_YEAR_RE = re.compile(r"\bl'(?:année|an) (?:suivante?|d'après)\b")


def counts_from_a_year(text: str) -> bool:
    """Whether the lowered text counts years from one named before ("dix ans plus tard", "l'année
    suivante") or is a timeline's month line ("juin : …"): only then are the text's earlier years looked up."""
    return bool(YEARS_LATER_RE.search(text) or NEXT_YEAR_RE.search(text) or MONTH_LINE_RE.search(text))


YEARS_LATER_RE = re.compile(r"\b(\d{1,2}|[a-zé]+(?:-[a-zé]+)?) ans (?:plus tard|après)\b")
# A season with its year ("au printemps 2019", "d'ici l'été 2024") is that year's, which YEAR_RE finds.
SEASON_YEAR_AFTER = r"(?![\s\u00a0]+(?:de l'année\s+)?(?:19|20)\d\d)"
SEASON_RE = re.compile(rf"(?:\bcet (automne|été|hiver)\b|\bce (printemps)\b"
                       r"|\b(?:au |à l')(printemps|automne)\b(?! prochain)"  # "puis huit autres à l'automne"
                       rf"|\bl'(été|hiver|automne) dernier\b|\ble (printemps) dernier\b"
                       rf"|\bpendant l'(été|hiver|automne)\b){SEASON_YEAR_AFTER}")  # "installées pendant l'été"
# "en juin", "début décembre", "d'ici juillet", a month without its year: the one nearest the publication
MONTH_ONLY_RE = re.compile(rf"\b(?:en|début|fin|mi-|d'ici(?: à)?|avant)\s*"
                           rf"({MONTH_PATTERN})\b(?!\.?\s+(?:de l'an\s+)?\d)", re.IGNORECASE)
SEASON_START = {"printemps": 3, "été": 6, "automne": 9, "hiver": 12}
SEASON_MONTHS = {"printemps": (3, 4, 5), "été": (6, 7, 8), "automne": (9, 10, 11), "hiver": (12, 1, 2)}
# a timeline's line that opens on a month: "Juin : mise en service des 14 premières caméras"
MONTH_LINE_RE = re.compile(rf"^\s*(?:{BULLET}\s*)?({MONTH_PATTERN})\s*:", re.IGNORECASE | re.MULTILINE)
LAST_MONTH_RE = re.compile(r"\ble mois (?:dernier|passé)\b")
NEXT_MONTH_RE = re.compile(r"\ble mois (?:prochain|suivant)\b|\bdans un mois\b")
# "en juillet et août": a period of two months, which takes its end
MONTH_PAIR_RE = re.compile(rf"\ben ({MONTH_PATTERN}) et ({MONTH_PATTERN})\b(?!\.?\s+\d)", re.IGNORECASE)
# The season to come: "au printemps prochain", "d'ici l'été", "avant l'hiver".
UPCOMING_SEASON_RE = re.compile(r"\b(?:au|à l'|l')\s*(printemps|été|automne|hiver) prochain\b"
                                rf"|\b(?:d'ici|avant)\s+(?:le |l')(printemps|été|automne|hiver)\b{SEASON_YEAR_AFTER}")
PRESENT_RE = re.compile(r"\baujourd'hui\b|\bactuellement\b|\bà ce jour\b|\bdésormais\b|\bà présent\b")
ALREADY_RE = re.compile(r"\bdéjà\b")
WHERE_CLAUSE_RE = re.compile(r"\s*où\b")
IN_WHERE_CLAUSE_RE = re.compile(r"\boù\s+(?:\w+\s+){0,3}$")  # "… un centre où se relaient 16 opérateurs"
# "Le système, qui date de 2011, …", "Un centre, ouvert en 2015 près de la gare, emploie 45 agents": an aside
# about the subject
RELATIVE_OPENING_RE = re.compile(r"\s*(?:qui|que|qu'|dont|où|lequel|laquelle"
                                 r"|ouverte?|créée?|inaugurée?|construite?|mise? en service)\b")
# A clause that is only a year, right after the figure's: it dates what comes before it.
APPOSITIVE_YEAR_RE = re.compile(r"^[\s,]*(?:soit |c'est-à-dire )?(?:en |fin |début |courant )?((?:19|20)\d\d)"
                                r"\s*(?:[.;)]|$)")
# "12 caméras viendront s'ajouter aux 75 existantes": the count there now, whatever its clause dates.
EXISTING_AFTER_RE = re.compile(r"^\S+(?:[\s\u00a0]\d{3})*\s+(?:cam[ée]ras?\s+)?existant\w*\b"
                               r"(?!\s+(?:en|fin|début|au)\s)")


@dataclass
class DateMention:
    start: int
    end: int
    value: str


def _year_of(published: str | None) -> int | None:
    return int(published[:4]) if published and re.match(r"\d{4}", published) else None


def _nearest_year(year: int, published_month: int, month: int) -> int:
    """The year that puts `month` nearest the publication: in January, "le 14 décembre" was last year's."""
    return min((year - 1, year, year + 1), key=lambda y: abs((y - year) * 12 + month - published_month))


def _told(text: str, season: re.Match[str]) -> str:
    """What tells the tense of a season: its own clause for "cet automne"; for "au printemps", with no
    "cet" to tie it to its clause, the sentence ("puis huit autres à l'automne")."""
    if not (season[1] or season[2]):
        return text
    clause_start = max(text.rfind(mark, 0, season.start()) for mark in ",;:")
    clause_end = min((at for at in (text.find(mark, season.end()) for mark in ",;:") if at >= 0), default=len(text))
    return text[clause_start + 1 : clause_end]


def _count(word: str) -> int | None:
    """ "10" or "dix": how many (years)."""
    return int(word) if word.isdigit() else words_to_number(word)


def _months(published: str | None) -> int | None:
    return int(published[5:7]) if published and re.match(r"\d{4}-\d\d", published) else None


def find_date_mentions(text: str, published: str | None, skip: list[tuple[int, int]],
                       last_year: int | None = None) -> list[DateMention]:
    """Dates in `text` (a sentence, lower-cased), except periods' starts ("depuis 2013") and `skip` spans.
    `last_year`: the last year the text named before this sentence, which "dix ans plus tard" counts from."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = list(skip)

    def add(start: int, end: int, value: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        before = text[max(0, start - 60) : start]
        if SINCE_BEFORE_RE.search(before) or BASELINE_BEFORE_RE.search(before):
            taken.append((start, end))
            return
        taken.append((start, end))
        found.append(DateMention(start, end, value))

    for m in END_OF_YEAR_RE.finditer(text):
        add(m.start(), m.end(), f"{m[1]}-12")
    for m in PERIOD_RE.finditer(text):  # a period takes its end: "(2018-2021)", "entre 2022 et 2026"
        add(m.start(), m.end(), m[2] or m[4] or m[6] or m[8])
    for m in NUMERIC_DATE_RE.finditer(text):  # "au 31/12/2020"
        if value := _valid(int(m[3]), int(m[2]), int(m[1])):
            add(m.start(), m.end(), value)
    for m in MONTH_YEAR_RE.finditer(text):
        month = MONTHS[m[2].lower()]
        value = f"{m[3]}-{month:02d}" + (f"-{int(m[1]):02d}" if m[1] else "")
        add(m.start(), m.end(), value)
    for m in YEAR_RE.finditer(text):
        if IDENTIFIER_YEAR_RE.search(text[max(0, m.start() - 12) : m.start()]) or IDENTIFIER_TAIL_RE.match(
                text[m.end() : m.end() + 2]):
            continue
        add(m.start(), m.end(), m[1])
    if last_year is not None:  # its number ("dix") is among the skipped ones: it counts years, not cameras
        for m in YEARS_LATER_RE.finditer(text):
            if (years := _count(m[1])) and years < 100:
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), str(last_year + years)))
        for m in NEXT_YEAR_RE.finditer(text):  # "L'année suivante, quatre autres seront posées"
            add(m.start(), m.end(), str(last_year + 1))
    year, published_month = _year_of(published), _months(published)
    for m in MONTH_LINE_RE.finditer(text):  # "Juin : mise en service …": the year the timeline told, else the nearest
        month = MONTHS[m[1].lower()]
        if last_year is not None or (year is not None and published_month is not None):
            line_year = last_year if last_year is not None else _nearest_year(year, published_month, month)
            add(m.start(1), m.end(1), f"{line_year}-{month:02d}")
    if year is not None:
        for pattern, shift, month in RELATIVE:
            for m in pattern.finditer(text):
                add(m.start(), m.end(), f"{year + shift}" + (f"-{month:02d}" if month else ""))
        for m in SEASON_RE.finditer(text):
            season = next(group for group in m.groups() if group)
            season_year = year if (published_month or 12) >= SEASON_START[season] else year - 1
            if "dernier" in m[0] and published_month in SEASON_MONTHS[season]:
                season_year = year - 1  # "l'été dernier" said in August: the summer before this one
            if season_year < year and "dernier" not in m[0] and FUTURE_SENTENCE_RE.search(_told(text, m)):
                season_year = year
            add(m.start(), m.end(), str(season_year))
        for m in IN_YEARS_RE.finditer(text):
            if (years := _count(m[2])) and 1 < years < 50:
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), str(year - years if m[1] else year + years)))
        if published_month is not None:
            for m in LAST_MONTH_RE.finditer(text):  # "le mois dernier": the month before the page's
                month = (published_month - 2) % 12 + 1
                add(m.start(), m.end(), f"{year - (published_month == 1)}-{month:02d}")
            for m in NEXT_MONTH_RE.finditer(text):  # "le mois prochain": the month after the page's
                add(m.start(), m.end(), f"{year + (published_month == 12)}-{published_month % 12 + 1:02d}")
            for m in MONTH_PAIR_RE.finditer(text):
                month = MONTHS[m[2].lower()]
                add(m.start(), m.end(), f"{_nearest_year(year, published_month, month)}-{month:02d}")
            for m in MONTH_ONLY_RE.finditer(text):
                month = MONTHS[m[1].lower()]
                add(m.start(), m.end(), f"{_nearest_year(year, published_month, month)}-{month:02d}")
            for m in DAY_MONTH_RE.finditer(text):
                month = MONTHS[m[2].lower()]
                add(m.start(), m.end(), f"{_nearest_year(year, published_month, month)}-{month:02d}-{int(m[1]):02d}")
            for m in UPCOMING_SEASON_RE.finditer(text):  # the season to come: this year's if not begun
                season = m[1] or m[2]
                add(m.start(), m.end(), str(year if published_month < SEASON_START[season] else year + 1))
    return sorted(found, key=lambda d: d.start)


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
    clause_text = text[clause[0] : clause[1]]
    if PRESENT_RE.search(clause_text):
        return None
    start, end = position
    if EXISTING_AFTER_RE.match(text[start : end + 40]):
        return None
    if dates is None:
        dates = find_date_mentions(text, published, other_numbers + [position])
    else:  # found once for the sentence: drop those inside this figure's own words
        dates = [d for d in dates if d.end <= start or d.start >= end]

    def blocked(d: DateMention) -> bool:
        return d.start >= end and any(end <= s and e <= d.start for s, e in other_numbers)

    in_clause = [d for d in dates if clause[0] <= d.start and d.end <= clause[1] and not blocked(d)]
    # "passé de 30 en 2014 à 130 en 2022": a date the number is followed by ("130 en 2022") is its own
    own = [d for d in in_clause if d.start >= end and OWN_DATE_GAP_RE.fullmatch(text[end : d.start])]
    if own:
        return own[0].value
    if in_clause:
        return min(in_clause, key=lambda d: min(abs(d.start - end), abs(start - d.end))).value
    if ALREADY_RE.search(clause_text) or own_clause_only:  # "les 33 déjà en place": as of now, unless dated in
        return None                                       # its clause
    if appositive := APPOSITIVE_YEAR_RE.match(text[clause[1] :]):  # "d'ici la fin du mandat, en 2026"
        return appositive[1]
    if WHERE_CLAUSE_RE.match(clause_text) or IN_WHERE_CLAUSE_RE.search(text[max(clause[0], start - 40) : start]):
        return None  # "Le centre, ouvert en 2018, où travaillent 5 opérateurs": now
    before = [d for d in dates if d.end <= start and not in_relative_clause(text, d.start)
              and not in_closed_brackets(text, d, start)]
    return before[-1].value if before else None


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
    year = _year_of(published)
    if span and year is not None and (years := _count(span[1])) and 1 < years < 50:
        return str(year - years)
    return None
