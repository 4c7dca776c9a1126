"""French words vigicam reads, as data. Adding a phrase means editing a table here, not a function."""

from __future__ import annotations

# Month names and their common abbreviations → month number.
MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12,
    "déc": 12,
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
