"""French dates: a page's own date lines, and the date a sentence ties to a figure.

Regular expressions handle the common written forms; dateparser is called only on a short
candidate span (never `search_dates` over a page: slow, and it reads "sa" as samedi).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from extractors.lexicon_fr import MONTH_PATTERN, MONTHS

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
