"""A count broken down after a colon: "17 caméras sont implantées sur six sites : cinq à la Halte routière,
trois parking Gabriel-Péri, une collège Ampère, trois parking Sixte-Quenin, deux gare SNCF, trois aux abords
de l'Hôtel de Ville". Each item opens on its number and names no noun of its own: it counts what the count
before the colon counts. The items adding up to that count is what tells a breakdown from any list of
numbers (years, addresses, a timetable), and is required.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from extractors.french_model import operation_nouns
from extractors.numbers import WORD_NUMBER_ANY_CASE_RE, Mention

# "…, 3 sur Voisinlieu et enfin 6 sur Notre-Dame-du-Thil"
ITEM_SEPARATOR_RE = re.compile(r"\s*(?:[,;]|\bet\b|\bpuis\b)(?:\s+(?:enfin|encore|aussi|également)\b)?\s*")
NUMBER_OPENS_RE = re.compile(rf"\d|(?:{WORD_NUMBER_ANY_CASE_RE.pattern})|(?:un|une)\b", re.IGNORECASE)
ONE_RE = re.compile(r"(?:un|une)\b", re.IGNORECASE)  # "une collège Ampère": the article is the count here
ITEM_LEAD_RE = re.compile(r"[\s\-–•·*]*")  # a dash or bullet before an item
MIN_ITEMS = 2


def item_starts(text: str, colon: int, end: int) -> list[int]:
    """The start of each item of the list after the colon at `colon`, up to `end`."""
    body_end = len(text[:end].rstrip(" .!\n"))
    starts, at = [], colon + 1
    for separator in ITEM_SEPARATOR_RE.finditer(text, colon + 1, body_end):
        if text.count("(", at, separator.start()) > text.count(")", at, separator.start()):
            continue  # "6 sur Notre-Dame-du-Thil (quartier des Fleurs et Aquaspace)": an aside's "et"
        if separator.group(0).strip().startswith("et") and not NUMBER_OPENS_RE.match(text, separator.end()):
            continue  # "quatre rue de la Cordonnerie et du Petit Pain ; cinq …": an "et" inside a site's name
        starts.append(at)
        at = separator.end()
    starts.append(at)
    return [s + ITEM_LEAD_RE.match(text, s).end() - s for s in starts if s < body_end]


def listed_numbers(text: str, colon: int, end: int, mentions: Sequence[Mention]) -> list[Mention] | None:
    """The number each item of the list after a colon opens on (a "un"/"une" made a count of one), or None
    when an item opens on no number: then the list is no breakdown."""
    at_start = {m.start: m for m in mentions if colon < m.start < end}
    numbers = []
    for start in item_starts(text, colon, end):
        if start in at_start:
            numbers.append(at_start[start])
        elif one := ONE_RE.match(text, start):
            numbers.append(Mention(start, one.end(), 1.0, one.group(0), spelled=True))
        else:
            return None
    return numbers if len(numbers) >= MIN_ITEMS and any(not n.spelled or n.value != 1 for n in numbers) else None


COLON_RE = re.compile(r":(?=\s)")  # a colon that opens something ("sites : cinq …"), not a time's ("10:30")


def colons_of(text: str, start: int, end: int) -> list[int]:
    """The opening colons of the span [start, end) of `text`, searched within the span only: this runs for
    every sentence of a page, which must not cost a scan of the page from its start."""
    return [m.start() for m in COLON_RE.finditer(text, start, end)]


def ones_listed(text: str, start: int, end: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The "un"/"une" that open items of a breakdown list in a sentence: counts the number finder leaves out
    as articles. Only lists whose numbers add up to a number said before their colon."""
    ones = []
    for colon in colons_of(text, start, end):
        numbers = listed_numbers(text, colon, end, mentions)
        if numbers and sum(n.value for n in numbers) in {m.value for m in mentions if start <= m.start < colon}:
            ones += [n for n in numbers if n.raw.lower() in ("un", "une")]
    return ones


def breakdown_head(text: str, start: int, end: int, number: Mention, mentions: Sequence[Mention],
                   counted: Sequence[Mention]) -> tuple[int, Mention] | None:
    """The count (one of `counted`, said before a colon of the span) that a list after that colon breaks down
    and whose item `number` opens, with the colon; None when `number` opens no item of such a list."""
    for colon in colons_of(text, start, end):
        if colon > number.start:
            break
        numbers = listed_numbers(text, colon, end, mentions)
        if not numbers or number.start not in {n.start for n in numbers}:
            continue
        total = sum(n.value for n in numbers)
        heads = [m for m in counted if m.start < colon and m.value == total]
        if heads:
            return colon, max(heads, key=lambda m: m.start)
    return None


# what leads an item's site: "à la", "aux abords de l'", "sur le parking" → "parking"
SITE_LEAD_RE = re.compile(
    r"\s*(?:(?:supplémentaires?|nouvelles?|autres?|caméras?)\s+)*"
    r"(?:(?:aux abords|aux alentours|autour|près|à proximité|en face|le long|au niveau|à hauteur)\s+"
    r"(?:de la|de l['’]|du|des|de|d['’])\s*"
    r"|(?:à la|à l['’]|au|aux|à|sur la|sur le|sur l['’]|sur les|sur|dans la|dans le|dans l['’]|dans les|dans"
    r"|devant la|devant le|devant l['’]|devant|en)(?:\s+|(?<=['’])))?"  # "sur l'esplanade": no space after "l'"
    # "dans le quartier Croix-Rouge" is "Croix-Rouge", as districts are named
    r"(?:(?:quartier|secteur|zone commerciale|zone d'activités?)\s+(?-i:de la |de l['’]|du |des |de |d['’])?)?",
    re.IGNORECASE)
SITE_END_RE = re.compile(r"\s*(?:[,;(]|\bet\b|\bpuis\b|\bpour\b|\bafin\b|\bqui\b|$)")
MAX_SITE_WORDS = 6
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def item_site(text: str, number: Mention, end: int) -> str | None:
    """The site an item of a breakdown names after its number ("trois aux abords de l'Hôtel de Ville" →
    "Hôtel de Ville"), or None when it names none or says more than a site's name."""
    lead = SITE_LEAD_RE.match(text, number.end, end)
    stop = SITE_END_RE.search(text, lead.end(), end)
    site = text[lead.end() : stop.start() if stop else end].strip(" .")
    return site if site and len(site.split()) <= MAX_SITE_WORDS and not site[0].isdigit() else None


# what leads a bracketed item's name: "le quartier de Perseigne (14)", "près de la gare (2)", "différents axes (11)"
BRACKET_ITEM_LEAD_RE = re.compile(
    r"\s*(?:(?:et|puis|ou)\s+)?(?:encore\s+)?(?:(?:dans|près|autour|le long|à proximité|aux abords|en face)\s+)?"
    r"(?:de la |de l['’]|du |des |de |d['’]|à la |à l['’]|au |aux |à )?"
    r"(?:(?:la |le |les |l['’])(?-i:(?=[a-zéèêàâîôûç])))?"  # "la gare" is "gare"; "le Tricot" keeps its article
    r"(?:(?:différents|différentes|divers|diverses|plusieurs|certains|certaines)\s+)?"
    r"(?:(?:quartier|secteur)\s+(?:de la |de l['’]|du |des |de |d['’])?)?", re.IGNORECASE)
ITEM_BREAK_RE = re.compile(r"[,;:()]|\bet\b|\bou\b")


def bracketed_site(text: str, start: int, opening: int) -> str | None:
    """The site a bracketed count is of: the words after the last comma before its bracket, less their lead
    ("…, le quartier de Perseigne (14)" → "Perseigne"); None when they say more than a site's name, or when
    what stands before the bracket is no name (a date's note mark: "du 26/06/24 (2)")."""
    words = text[start:opening]
    cut = max((m.end() for m in ITEM_BREAK_RE.finditer(words)), default=0)
    lead = BRACKET_ITEM_LEAD_RE.match(words, cut)
    site = words[lead.end() :].strip(" .")
    if not site or not site[-1].isalpha():  # "le conseil municipal du 26/06/24 (2)": a note's mark
        return None
    site = first_dashed_name(site)
    # words, not the dashes that join a street to its district ("Avenue de Lodève - rue Draparnaud")
    return site if len(WORD_RE.findall(site)) <= MAX_SITE_WORDS and not site[0].isdigit() else None


# a dash with a space on one side at least: "Port Marianne - avenue T. De Méricourt", "équipement -Cévennes"
# (not the hyphen of "Saint-Jean")
DASH_RE = re.compile(r"\s+[-–—]\s*|\s*[-–—]\s+|^[-–—]\s*")


def first_dashed_name(site: str) -> str:
    """ "Avenue de Lodève - rue Draparnaud (1 caméra)", "Petit Bard - place des Pruneliers (1 caméra)": a
    list's item names its site first, then the streets that detail it (in lower case); an opening word of works
    ("Renforcement d'équipements - Petit Bard - …") names no site. Names joined by a dash are one name
    ("Ronceray - Glonnières"), unless too long for one: then the first."""
    parts = [part.strip() for part in DASH_RE.split(site) if part.strip()]
    named = [part for part in parts if part.split()[0].lower() not in operation_nouns()]
    if not named:
        return site
    names = list(itertools.takewhile(lambda part: not part[0].islower(), named)) or named[:1]
    joined = " - ".join(names)
    return names[0] if len(WORD_RE.findall(joined)) > MAX_SITE_WORDS else joined
