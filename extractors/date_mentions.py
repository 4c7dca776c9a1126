"""The dates a sentence names: its written dates and years, and what it says relative to the page's date
or to a year named before ("l'an prochain", "le mois dernier", "dix ans plus tard").

`find_date_mentions` walks `DATE_STEPS`, an ordered table of named steps: a span one step took is no
other's. Which of them dates a figure is `extractors.dates.figure_date`'s question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.lexicon_fr import FUTURE_VERB_RE, MONTH_PATTERN, MONTHS, SINCE_MONTH
from extractors.numbers import URL_RE, words_to_number
from extractors.segments import BULLET
from extractors.tense_words import HAVE_DONE_RE


def valid_date(year: int, month: int, day: int) -> str | None:
    """The ISO date, or None when there is no such day."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


YEAR = r"((?:19|20)\d\d)"
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
MONTH_YEAR_RE = re.compile(rf"\b(?:(\d{{1,2}})(?:er)?\s+)?({MONTH_PATTERN})\.?\s+{YEAR}\b", re.IGNORECASE)
PERIOD_RE = re.compile(rf"\b{YEAR}\s*[-–]\s*{YEAR}\b|\bentre\s+{YEAR}\s+et\s+{YEAR}\b|\bde\s+{YEAR}\s+à\s+{YEAR}\b"
                       rf"|\ben\s+{YEAR}\s+et\s+(?:en\s+)?{YEAR}\b")
# "votée le 14 juin": a day without its year, which the publication date fixes.
DAY_MONTH_RE = re.compile(rf"\b(?:le|du|au)\s+(\d{{1,2}})(?:er)?\s+({MONTH_PATTERN})\b(?!\.?\s+(?:de l'an\s+)?\d)",
                          re.IGNORECASE)
END_OF_YEAR_RE = re.compile(rf"\bfin (?:de l'année\s+|d'année\s+|de\s+)?{YEAR}\b")  # 'fin 2023' too
YEAR_RE = re.compile(rf"(?<![\d.,])(?<!\d[\s\u00a0]){YEAR}(?![\d])")
# A year inside an identifier is no date: "délibération n° 2021-045", "arrêté 2019/114".
IDENTIFIER_YEAR_RE = re.compile(r"(?:\bn°|\bno\.?|\bnuméro)\s*$")  # not "mi-2023"
IDENTIFIER_TAIL_RE = re.compile(r"^[-/_]\d")
# A four-digit count is no year: "2047 caméras ont été installées", "1995 habitants", "2000 euros"
COUNTED_AFTER_RE = re.compile(r"[\s\u00a0]*(?:nouvelles?\s+|nouveaux\s+|autres\s+)?(?:cam[ée]ras?|communes|habitants"
                              r"|euros?|€|agents|policiers|personnes|sites|faits|infractions|appareils|dispositifs"
                              r"|procès-verbaux|interventions|réquisitions|élèves|logements|véhicules)\b")
SINCE_BEFORE_RE = re.compile(
    r"(?:depuis|à partir de|à compter de)\s+(?:le\s+|l'|(?:\d{1,2}\s+)?\w+\s+)?$"
    # "depuis son ouverture en 2017", "depuis la création du dispositif en 2021"
    r"|depuis\s+(?:son|sa|leur|la|le|l')\s*\w+(?:\s+(?:du|de la|des|de|d')\s*(?:«[^»]{1,40}»|\w+)"
    r"|\s+en\s+(?:place|service|œuvre))"
    r"{0,2}\s+(?:en\s+)?$"  # "depuis sa mise en place en 2021", "depuis le lancement du « Pacte » en 2019"
    r"|depuis qu(?:e|')[^,.;]{0,60}?\ben\s+$")  # "Depuis que la droite est revenue aux affaires en 2014"
# A year a figure is compared with is not its date: "une hausse de 12 % par rapport à 2021".
# "Comme en 2013, Nice reste la ville la plus vidéosurveillée": a year the present is likened to, not its date
BASELINE_BEFORE_RE = re.compile(r"(?:par rapport à|comparée?s? à|comparativement à|(?<!jus)qu'en|\bcomme en)"
                                r"\s+(?:l'année\s+|l'an\s+)?$")
RELATIVE = [
    # (pattern, how many years from the publication year, month or None)
    (re.compile(r"(?:d'ici(?: à)?|à|avant) la fin de l'année prochaine\b"), 1, 12),
    (re.compile(r"(?:d'ici(?: à)?|à|avant) la fin de (?:l'|cette )année(?! prochaine| suivante)|fin de cette année"
                r"|\ben fin d'année\b"), 0, 12),
    (re.compile(r"\b(?:au cours de |dès |d'ici(?: à)? la fin de )?cette année\b"), 0, None),
    (re.compile(r"\bl'année prochaine\b|\bl'an prochain\b|\bdans un an\b|\bd'année prochaine\b"), 1, None),
    (re.compile(r"\bl'an dernier\b|\bl'année dernière\b|\bl'an passé\b|\bun an plus tôt\b|\bl'année précédente\b"
                r"|\bl'année écoulée\b"), -1, None),
    (re.compile(SINCE_MONTH), 0, None),  # "depuis janvier", "depuis la fin janvier", "depuis le début de l'année"
    (re.compile(r"\bdepuis (?:cet (?:été|automne|hiver)|ce printemps)\b"), 0, None),  # as "depuis janvier"
    (re.compile(r"\b(?:d'ici(?: à)?|avant|pour|à) noël\b"), 0, 12),  # "quatre autres d'ici Noël", "d'ici à Noël"
]
# "d'ici deux ans", "dans 3 ans": years from the publication (its number counts years, not cameras).
IN_YEARS_RE = re.compile(r"\b(?:d'ici(?: à)?|dans(?: les)?|sous|(il y a)) (\d{1,2}|[a-zé]+(?:-[a-zé]+)?) ans\b")
# "seront remplacées cet automne": the season to come, where "on a posé 20 caméras cet automne" is the last
FUTURE_SENTENCE_RE = re.compile(rf"(?<![\w'])(?:seront|sera|vont|va|aura|auront|devra\w*|doi\w+|prévue?s?|"
                                rf"{FUTURE_VERB_RE})"
                                r"(?![\w])")
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
                                r"|\b(?:d'ici(?: à)?|avant)\s+(?:le |l')(printemps|été|automne|hiver)\b"
                                rf"{SEASON_YEAR_AFTER}")


@dataclass
class DateMention:
    start: int
    end: int
    value: str


def year_of(published: str | None) -> int | None:
    return int(published[:4]) if published and re.match(r"\d{4}", published) else None


def _nearest_year(year: int, published_month: int, month: int) -> int:
    """The year that puts `month` nearest the publication: in January, "le 14 décembre" was last year's."""
    return min((year - 1, year, year + 1), key=lambda y: abs((y - year) * 12 + month - published_month))


CLAUSE_MARKS = ",;:"


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The mark that opens the clause around [start, end) (-1 at the sentence's start) and the one that closes it."""
    opened = max(text.rfind(mark, 0, start) for mark in CLAUSE_MARKS)
    closed = min((at for at in (text.find(mark, end) for mark in CLAUSE_MARKS) if at >= 0), default=len(text))
    return opened, closed


def _told(text: str, season: re.Match[str]) -> str:
    """What tells the tense of a season: its own clause for "cet automne"; for "au printemps", with no
    "cet" to tie it to its clause, the sentence ("puis huit autres à l'automne")."""
    if not (season[1] or season[2]):
        return text
    opened, closed = _clause_bounds(text, season.start(), season.end())
    return text[opened + 1 : closed]


def number_of_years(word: str) -> int | None:
    """ "10" or "dix": how many (years)."""
    return int(word) if word.isdigit() else words_to_number(word)


def _months(published: str | None) -> int | None:
    return int(published[5:7]) if published and re.match(r"\d{4}-\d\d", published) else None


@dataclass
class DateScan:
    """One sentence's dates, found by the steps of `DATE_STEPS` in turn: a span one step took is no
    other's."""

    text: str
    last_year: int | None
    taken: list[tuple[int, int]]
    year: int | None  # the page's, from `published`
    month: int | None
    found: list[DateMention] = field(default_factory=list)

    def add(self, start: int, end: int, value: str) -> None:
        """A date, unless its span is taken or it starts a period ("depuis 2013") or a baseline."""
        if any(s < end and start < e for s, e in self.taken):
            return
        self.taken.append((start, end))
        before = self.text[max(0, start - 60) : start]
        if not (SINCE_BEFORE_RE.search(before) or BASELINE_BEFORE_RE.search(before)):
            self.found.append(DateMention(start, end, value))

    def count(self, m: re.Match[str], value: str) -> None:
        """A date counted from another, whose number ("dix") the skipped spans already hold."""
        self.taken.append((m.start(), m.end()))
        self.found.append(DateMention(m.start(), m.end(), value))

    def near(self, month: int) -> int:
        return _nearest_year(self.year, self.month, month)


def _numeric_dates(d: DateScan) -> None:
    for m in NUMERIC_DATE_RE.finditer(d.text):
        if value := valid_date(int(m[3]), int(m[2]), int(m[1])):
            d.add(m.start(), m.end(), value)


def _years(d: DateScan) -> None:
    for m in YEAR_RE.finditer(d.text):
        if not (IDENTIFIER_YEAR_RE.search(d.text[max(0, m.start() - 12) : m.start()]) or IDENTIFIER_TAIL_RE.match(
                d.text[m.end() : m.end() + 2]) or COUNTED_AFTER_RE.match(d.text, m.end())):
            d.add(m.start(), m.end(), m[1])


def _years_later(d: DateScan) -> None:
    for m in YEARS_LATER_RE.finditer(d.text) if d.last_year is not None else ():
        if (years := number_of_years(m[1])) and years < 100:
            d.count(m, str(d.last_year + years))


def _month_lines(d: DateScan) -> None:
    if d.last_year is None and (d.year is None or d.month is None):
        return
    for m in MONTH_LINE_RE.finditer(d.text):
        month = MONTHS[m[1].lower()]
        d.add(m.start(1), m.end(1), f"{d.last_year if d.last_year is not None else d.near(month)}-{month:02d}")


def _relative(d: DateScan) -> None:
    for pattern, shift, month in RELATIVE if d.year is not None else ():
        for m in pattern.finditer(d.text):
            d.add(m.start(), m.end(), f"{d.year + shift}" + (f"-{month:02d}" if month else ""))


def _seasons(d: DateScan) -> None:
    for m in SEASON_RE.finditer(d.text) if d.year is not None else ():
        season = next(group for group in m.groups() if group)
        season_year = d.year if (d.month or 12) >= SEASON_START[season] else d.year - 1
        if "dernier" in m[0] and d.month in SEASON_MONTHS[season]:
            season_year = d.year - 1  # "l'été dernier" said in August: the summer before this one
        if season_year < d.year and "dernier" not in m[0] and FUTURE_SENTENCE_RE.search(_told(d.text, m)):
            season_year = d.year
        d.add(m.start(), m.end(), str(season_year))


def _month_only_year(d: DateScan, m: re.Match[str]) -> int:
    """ "D'ici novembre, la ville comptera 78 caméras", "Elles devraient être 180 à la fin de l'été, 240 en
    novembre", said in April: the November to come, not the last one."""
    month = _month_of(m, 1)
    year = d.near(month)
    if (year, month) < (d.year, d.month) and "dernier" not in d.text[m.end() : m.end() + 10] and (
            m[0].startswith("d'ici") or _clause_to_come(d.text, m.start(), m.end())):
        return d.year if month >= d.month else d.year + 1
    if (year, month) > (d.year, d.month) and "prochain" not in d.text[m.end() : m.end() + 10] and (
            _clause_done(d.text, m.start(), m.end())):  # "Dix caméras ont été posées en mai", said in January
        return d.year if month <= d.month else d.year - 1
    return year


def _clause_done(text: str, start: int, end: int) -> bool:
    """Whether the clause of a date tells a thing done, in a compound past, and nothing to come."""
    opened, closed = _clause_bounds(text, start, end)
    clause = text[opened + 1 : closed]
    return bool(HAVE_DONE_RE.search(clause)) and not FUTURE_SENTENCE_RE.search(clause)


OWN_VERB_RE = re.compile(r"\b(?:a|ont|avons|avait|avaient|est|sont|était|étaient|été|eu)\b")


def _clause_to_come(text: str, start: int, end: int) -> bool:
    """Whether the clause of a date says the future, or, having no verb of its own, the clause before it does."""
    opened, closed = _clause_bounds(text, start, end)
    clause = text[opened + 1 : closed]
    if FUTURE_SENTENCE_RE.search(clause):
        return True
    if opened < 0 or OWN_VERB_RE.search(clause):
        return False
    before_opened, _ = _clause_bounds(text, opened, opened)
    return bool(FUTURE_SENTENCE_RE.search(text[before_opened + 1 : opened]))


def _in_years(d: DateScan) -> None:
    for m in IN_YEARS_RE.finditer(d.text) if d.year is not None else ():
        if (years := number_of_years(m[2])) and 1 < years < 50:
            d.count(m, str(d.year - years if m[1] else d.year + years))


def _dated(d: DateScan) -> bool:
    return d.year is not None and d.month is not None


def _each(pattern: re.Pattern[str], value: Callable[[DateScan, re.Match[str]], str],
          when: Callable[[DateScan], bool] | None = None) -> Callable[[DateScan], None]:
    """A step that adds a date for each match of `pattern`, its value from the match, when the scan allows."""
    def step(d: DateScan) -> None:
        for m in pattern.finditer(d.text) if when is None or when(d) else ():
            d.add(m.start(), m.end(), value(d, m))
    return step


def _month_of(m: re.Match[str], group: int) -> int:
    return MONTHS[m[group].lower()]


def _day(m: re.Match[str], group: int) -> str:
    return f"-{int(m[group]):02d}" if m[group] else ""


@dataclass(frozen=True)
class DateStep:
    name: str
    why: str
    find: Callable[[DateScan], None]


DATE_STEPS: tuple[DateStep, ...] = (
    DateStep("end_of_year", "'fin de l'année 2024', 'fin 2023'", _each(END_OF_YEAR_RE, lambda d, m: f"{m[1]}-12")),
    DateStep("period", "a period takes its end: '(2018-2021)', 'entre 2022 et 2026'",
             _each(PERIOD_RE, lambda d, m: m[2] or m[4] or m[6] or m[8])),
    DateStep("numeric_date", "'au 31/12/2020'", _numeric_dates),
    DateStep("month_year", "'(le 3) mars 2021'",
             _each(MONTH_YEAR_RE, lambda d, m: f"{m[3]}-{_month_of(m, 2):02d}" + _day(m, 1))),
    DateStep("year", "'2021', not a file number's", _years),
    DateStep("years_later", "'dix ans plus tard', from the last year named", _years_later),
    DateStep("next_year", "'L'année suivante, quatre autres seront posées'",
             _each(NEXT_YEAR_RE, lambda d, m: str(d.last_year + 1), lambda d: d.last_year is not None)),
    DateStep("month_line", "'Juin : mise en service …': the year the timeline told, else the nearest", _month_lines),
    DateStep("relative", "'l'an prochain', 'cette année', from the page's year", _relative),
    DateStep("season", "'cet automne', 'l'été dernier'", _seasons),
    DateStep("in_years", "'d'ici 5 ans', 'il y a 3 ans'", _in_years),
    DateStep("last_month", "'le mois dernier': the month before the page's",
             _each(LAST_MONTH_RE, lambda d, m: f"{d.year - (d.month == 1)}-{(d.month - 2) % 12 + 1:02d}", _dated)),
    DateStep("next_month", "'le mois prochain': the month after the page's",
             _each(NEXT_MONTH_RE, lambda d, m: f"{d.year + (d.month == 12)}-{d.month % 12 + 1:02d}", _dated)),
    DateStep("month_pair", "'en mai et juin': the nearest year's",
             _each(MONTH_PAIR_RE, lambda d, m: f"{d.near(_month_of(m, 2))}-{_month_of(m, 2):02d}", _dated)),
    DateStep("month_only", "'en mars', 'fin juin': the nearest year's; in a sentence of the future, the next one",
             _each(MONTH_ONLY_RE, lambda d, m: f"{_month_only_year(d, m)}-{_month_of(m, 1):02d}", _dated)),
    DateStep("day_month", "'le 14 décembre': the nearest year's",
             _each(DAY_MONTH_RE, lambda d, m: f"{d.near(_month_of(m, 2))}-{_month_of(m, 2):02d}-{int(m[1]):02d}",
                   _dated)),
    DateStep("upcoming_season", "'au printemps prochain': this year's if not begun",
             _each(UPCOMING_SEASON_RE, lambda d, m: str(d.year if d.month < SEASON_START[m[1] or m[2]] else d.year + 1),
                   _dated)),
)


def find_date_mentions(text: str, published: str | None, skip: list[tuple[int, int]],
                       last_year: int | None = None) -> list[DateMention]:
    """Dates in `text` (a sentence, lower-cased), except periods' starts ("depuis 2013") and `skip` spans.
    `last_year`: the last year the text named before this sentence, which "dix ans plus tard" counts from."""
    addresses = [m.span() for m in URL_RE.finditer(text)] if "/" in text else []  # ".../rapport-2024.pdf"
    scan = DateScan(text, last_year, list(skip) + addresses, year_of(published), _months(published))
    for step in DATE_STEPS:
        step.find(scan)
    return sorted(scan.found, key=lambda d: d.start)
