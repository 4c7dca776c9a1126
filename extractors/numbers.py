"""French numbers in running text, with their character spans.

"20 000" with a plain, non-breaking or thin space is twenty thousand; "1.800" is one thousand eight
hundred; "4,2" is four point two; "neuf", "Cent trente-sept" and "une vingtaine" are numbers too.
Phone numbers, times, postcodes, street and article numbers, ordinals and calendar dates are not.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from extractors.lexicon_fr import APPROX_NOUNS, MONTH_PATTERN, NUMBER_WORDS, SCALES

SPACES = " \u00a0\u202f\u2009"
# Patterns start with what they match, not a lookbehind, so the regex engine can skip ahead to
# candidates; what must not stand before a number is checked in `_free_before`.
DIGITS_RE = re.compile(
    rf"(\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?![\d])|\d{{1,3}}(?:\.\d{{3}})+(?![\d,])|\d+)"
    rf"(?:,(\d+))?"
    rf"(?!(?![kKM]€)[\w/]|[.,]\d)"  # "15k€" goes on with its scale
)
# "1.2 million d'euros": a point before one or two digits and a scale is a decimal one, not a thousands' one
# a web address written out in the text ("https://…/RAA%20005%20du%205%20janvier%202026.pdf"): its digits are
# no numbers of the prose, and "%20" is an escaped space, no percent
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"|]+", re.IGNORECASE)
DOT_DECIMAL_RE = re.compile(r"(\d{1,3})\.(\d{1,2})(?=\s?(?:millions?|milliards?|M€|Md€)(?!\w))")


def _grouped_alternation(words: list[str]) -> str:
    """'cent|cinq|…' grouped by first letter: c(?:ent|inq|…) lets the regex engine reject a position
    on one character, which makes the scan of a page about 20 times faster than a flat list."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


_WORDS = _grouped_alternation(NUMBER_WORDS)
# Matched on the lower-cased text (see `find_mentions`).
# "un million deux cent mille": a scale word goes on a number, it does not open one ("3 millions" is digits')
WORD_NUMBER_RE = re.compile(rf"(?:{_WORDS})(?:(?:[\s-]+(?:et[\s-]+)?)(?:{_WORDS}|millions?|milliards?))*(?![\w-])")
WORD_NUMBER_ANY_CASE_RE = re.compile(WORD_NUMBER_RE.pattern, re.IGNORECASE)
APPROX_RE = re.compile(
    # "une vingtaine", "d'une bonne dizaine", and "la centaine de caméras", "sa cinquantaine de caméras",
    # "leur centaine de caméras" (not "dans la quinzaine")
    r"(?:(?:u|d'u|d’u)(?:ne?)\s+(?:bonne\s+|petite\s+|grosse\s+|nouvelle\s+)?"  # "une nouvelle trentaine": more
    # "le millier de caméras", "la bonne cinquantaine de caméras", "la demi-douzaine déjà présentes" (no time)
    r"|(?<![\w'’])(?:la|sa|leur|notre|votre|cette|le|son|ce)\s+(?:bonne\s+|petite\s+)?"
    r"(?=demi-douzaine\b|\w+\s+d(?:e\s|['’])))"
    r"(" + "|".join(APPROX_NOUNS) + r")\b",
    re.IGNORECASE,
)
# Every approximation noun ends so ("une vingtaine", "un millier"), and the longest phrase is far
# shorter than the window: APPROX_RE only needs to run just before these endings.
APPROX_ENDINGS = ("aine", "millier")
APPROX_WINDOW = 60
assert all(noun.endswith(APPROX_ENDINGS) for noun in APPROX_NOUNS)
SCALE_RE = re.compile(
    r"^(?:\s+(?:autres\s+|nouveaux\s+|de plus\s+)?)(millions?|milliards?|mille)\b|^\s?(M€|Md€|Mds€|k€|K€)",
    re.IGNORECASE,
)
# Spans that hold digits but no figure, each tried where a number starts (anchored, so cheap).
DIGIT_MASKS = [
    re.compile(r"0\d(?:[\s.\u00a0-]?\d{2}){4}\b|33\s?\d(?:[\s.\u00a0-]?\d{2}){4}\b"),  # phone numbers
    re.compile(r"\d{1,2}\s?h\s?\d{0,2}(?:\s?/\s?\d{1,2}h?)?\b|\d{1,2}j\s?/\s?\d{1,2}j?\b", re.I),  # 21h30, 24h/24
    re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\b(?!:)"),  # 21:30, a transcript's "00:07" before the count it times
    re.compile(r"\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b"),  # 03/02/2022
    re.compile(rf"\d{{1,2}}(?:er)?\s+(?:{MONTH_PATTERN})\b", re.I),  # le 30 janvier
    re.compile(r"\d{1,4}\s?(?:bis|ter)?,?\s+(?:rue|avenue|av\.|bd|boulevard|place|allée|chemin|route|impasse|"
               r"quai|cours|square|chaussée|rond-point|faubourg)\b", re.I),  # 16 rue Victor Hugo
    re.compile(r"\d{5}\s+(?=[A-ZÉÈÎ][\w'’-])"),  # 28100 Dreux
    re.compile(r"\d+\s?/\s?\d+\b"),  # fractions 1/8, 7/7
    re.compile(r"\d+\s?(?:km|mètres|cm|mm|min|minutes|secondes|heures|jours|mois|ans|années|"
               r"semaines)\b(?!\s*(?:de\s+)?cam)", re.I),  # lengths and durations
]
# All of them as one anchored alternation: one `match` call per number start.
DIGIT_MASK_RE = re.compile("|".join(f"(?i:{m.pattern})" if m.flags & re.IGNORECASE else f"(?:{m.pattern})"
                                    for m in DIGIT_MASKS))
# Words that make the number after them an identifier: "n° 704", "article 12", "Top 10".
IDENTIFIER_WORDS = frozenset({"n°", "no.", "numéro", "article", "art.", "alinéa", "amendement", "loi", "décret",
                              "arrêté", "page", "pages", "p.", "pp.", "articles", "top",
                              # a budget's or a plan's parts: "programme 216", "action 11", "lot 2", "axe 3"
                              "programme", "action", "lot", "axe", "chapitre", "annexe", "fiche", "tome"})
IDENTIFIER_RE = re.compile(r"\d[\d\-.]*")
# "portera à 2000 le nombre de caméras": a total, not a year, between "à" and "le nombre de"
TOTAL_TO_BEFORE_RE = re.compile(r"\b(?:port|élev|amen|fix)\w*\s+à\s$")  # not "d'ici à 2009 le nombre…"
NUMBER_OF_AFTER_RE = re.compile(r"\s+le nombre (?:total )?d[e']")
# "Elles seront 2000 à la fin du mandat": the attribute of a plural subject pronoun is a count, not a year
PRONOUN_BE_BEFORE_RE = re.compile(r"\b(?:[Ee]lles|[Ii]ls)\s+(?:seront|sont|étaient|seraient|furent)\s+"
                                  r"(?:(?:désormais|bientôt|déjà|aujourd'hui|ainsi)\s+)?$")
NUMBER_START_RE = re.compile(r"(?<!\d)\d")
LEADING_DIGITS_RE = re.compile(r"\d+")


@dataclass
class Mention:
    start: int
    end: int
    value: float
    raw: str
    approx: bool = False  # "une vingtaine"
    spelled: bool = False  # "neuf"
    scaled: bool = False  # "2 millions", "3 M€"
    year_like: bool = False  # 2014 written without separator
    unit_money: bool = False  # the scale was M€ / k€


def _free_before(text: str, start: int, *, digits: bool = False) -> bool:
    """No letter or digit glued before the number ("L251", "A4"); for digits, no '.', ',', '/' either,
    nor a word and a dash ("L251-2"), nor the hour of a time ("15:15")."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before == "_" or (not digits and before in "-'’" and start > 1 and
                                              text[start - 2].isalpha() and before == "-"):
        return False
    if digits:
        if before in ".,/" and not text.endswith("..", 0, start):  # "...10 caméras": an ellipsis ends there
            return False
        if before in "-–" and start > 1 and (text[start - 2].isalnum()):
            return False
        if before == ":" and start > 1 and text[start - 2].isdigit():
            return False  # "15:15", a time's minutes
    return True


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies in one of the sorted `spans` (binary search: pages may hold 100,000 numbers)."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    while index >= 0 and spans[index][0] <= start:
        if end <= spans[index][1]:
            return True
        if start - spans[index][0] > 200:  # masks are short; no earlier one can cover this
            break
        index -= 1
    return False


ONE_SCALE_RE = re.compile(r"\s+(?:million|milliard)\b")  # "près d'un million d'euros"
GROUPING_RE = re.compile(rf"[{SPACES}.]")  # thousands separators


def parse_digits(integer: str, decimals: str | None) -> float:
    digits = GROUPING_RE.sub("", integer)
    return float(f"{digits}.{decimals}") if decimals else float(digits)


@lru_cache(maxsize=2048)
def words_to_number(words: str) -> int | None:
    try:
        return int(text2num(words.lower().replace("-", " ").replace("  ", " ").strip(), "fr"))
    except (ValueError, TypeError):
        try:
            return int(text2num(words.lower(), "fr"))
        except (ValueError, TypeError):
            return None


HALF_SCALE_RE = re.compile(r"\b(?:un|une)\s+demi-(million|milliard)\b", re.IGNORECASE)
HALF_AFTER_RE = re.compile(r"\s+et\s+demie?\b", re.IGNORECASE)
SCALE_WORD_AT_END_RE = re.compile(r"(millions?|milliards?|mille)\s*$", re.IGNORECASE)


def _apply_half(text: str, mention: Mention) -> None:
    """ "deux millions et demi d'euros" is 2 500 000, "un million et demi" 1 500 000: half of the scale the
    number ends on, which text2num does not read."""
    scale = SCALE_WORD_AT_END_RE.search(text[mention.start : mention.end])
    half = HALF_AFTER_RE.match(text, mention.end)
    if scale and half:
        mention.value += SCALES[scale.group(1).lower()] / 2
        mention.end = half.end()


def _apply_scale(text: str, mention: Mention) -> None:
    match = SCALE_RE.match(text[mention.end : mention.end + 30])
    if not match:
        return
    word = (match.group(1) or match.group(2)).lower()
    if word == "mille" and mention.value >= 1000:
        return
    mention.value *= SCALES[word]
    mention.end += match.end()
    mention.scaled = True
    mention.unit_money = word.endswith("€")
    mention.year_like = False


def _digit_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Numbers written with digits, in one pass over where numbers start: at each start, first the
    masks (phone numbers, times, dates, street numbers, postcodes, identifiers: digits that are no
    figure), then the number itself, both as anchored matches."""
    mentions: list[Mention] = []
    masks: list[tuple[int, int]] = []
    next_free = 0
    for start in NUMBER_START_RE.finditer(text):
        position = start.start()
        if position < next_free or (position and text[position - 1].isalnum()):
            continue
        if mask := DIGIT_MASK_RE.match(text, position):
            masks.append(mask.span())
        if _identifier_before(text, position):
            masks.append(IDENTIFIER_RE.match(text, position).span())
        # a point in the next four characters ("1.2 million"), or none: most numbers need one match, not two
        m = ("." in text[position : position + 4] and DOT_DECIMAL_RE.match(text, position)) or DIGITS_RE.match(
            text, position)
        if m is None:
            continue
        next_free = m.end()
        if not _free_before(text, position, digits=True):
            if text[position - 1] == ":":  # "00:07 664 caméras": a time's minutes do not take the count after them
                next_free = position + len(LEADING_DIGITS_RE.match(text, position).group(0))
            continue
        if _inside(masks, position, m.end()) or _inside(taken, position, m.end()):
            continue
        year_like = len(m.group(0)) == 4 and m.group(0)[:2] in ("19", "20") and not (
            TOTAL_TO_BEFORE_RE.search(text, max(0, position - 30), position)
            and NUMBER_OF_AFTER_RE.match(text, m.end())) and not PRONOUN_BE_BEFORE_RE.search(
            text, max(0, position - 40), position)
        mentions.append(Mention(position, m.end(), parse_digits(m.group(1), m.group(2)), m.group(0),
                                year_like=year_like))
    return mentions


def _approx_matches(haystack: str) -> list[re.Match[str]]:
    """APPROX_RE's matches, looked for only before the nouns' endings: scanning every 'u' and 'd' of
    a page cost a quarter of finding its numbers."""
    ends = []
    for ending in APPROX_ENDINGS:
        at = haystack.find(ending)
        while at >= 0:
            ends.append(at + len(ending))
            at = haystack.find(ending, at + 1)
    matches: list[re.Match[str]] = []
    for end in sorted(ends):
        # six characters on: "la centaine" is one only with "de" after it, which a lookahead reads
        window = APPROX_RE.finditer(haystack, max(0, end - APPROX_WINDOW), min(len(haystack), end + 6))
        match = next((m for m in window if m.end() == end), None)
        if match and (not matches or match.start() >= matches[-1].end()):
            matches.append(match)
    return matches


# "pages 6 et 7", "articles 12 à 15": the second identifier of a pair, after the first
IDENTIFIER_PAIR_RE = re.compile(r"(\S+)\s+\d[\d\-.]*\s*(?:et|à|ou|,)\s*$")


def _identifier_before(text: str, position: int) -> bool:
    """Whether an identifier word, then spaces and at most one letter, end right before `position`
    ("n° 704", "article L 12", "top 10"), within the 14 characters before: `endswith`, not a regex
    search at each of those 14 places; or the pair it ends ("pages 6 et 7")."""
    before = text[max(0, position - 14) : position].lower()
    if _last_word(before) in IDENTIFIER_WORDS:
        return True
    if before.rstrip().endswith(("et", "à", "ou", ",")) and (
            pair := IDENTIFIER_PAIR_RE.search(text[max(0, position - 30) : position].lower())):
        return _last_word(pair[1]) in IDENTIFIER_WORDS
    if before and before[-1].isascii() and before[-1].isalpha():  # "article L" + "251"
        return _last_word(before[:-1]) in IDENTIFIER_WORDS
    return False


def _last_word(text: str) -> str:
    """The last word before a number, whole ("taxe" is no "axe", "emploi" no "loi"), or "n°" glued to it."""
    words = text.rstrip().split()
    word = words[-1].lstrip("(«\"'").rsplit("'", 1)[-1].rsplit("’", 1)[-1] if words else ""  # "l'action"
    return "n°" if word.endswith("n°") else word


AND_RE = re.compile(r"[\s-]+et[\s-]+", re.IGNORECASE)


def _spelled_mentions(spelled: str, start: int) -> list[Mention]:
    """One number ("cent trente-sept", "vingt et un"), or, when its words make none, the numbers that "et"
    joins: "entre six et dix caméras" is two bounds, not one word run."""
    value = words_to_number(spelled)
    if value is not None:
        return [Mention(start, start + len(spelled), float(value), spelled, spelled=True)]
    found, at = [], 0
    for part in [*AND_RE.finditer(spelled), None]:
        end = part.start() if part is not None else len(spelled)
        words = spelled[at:end]
        if words.lower() not in ("un", "une") and (number := words_to_number(words)) is not None:
            found.append(Mention(start + at, start + end, float(number), words, spelled=True))
        at = part.end() if part is not None else at
    return found


def find_mentions(text: str) -> list[Mention]:
    """Every number in `text`, in order, with the offsets of what states it."""
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    for m in _approx_matches(lowered if len(lowered) == len(text) else text):
        if not _free_before(text, m.start()):
            continue
        noun = m.group(1).lower()
        mentions.append(Mention(m.start(), m.end(), float(APPROX_NOUNS[noun]), text[m.start() : m.end()], approx=True))
        taken.append(m.span())
    for m in HALF_SCALE_RE.finditer(text):  # "un demi-million d'euros"
        if not _inside(taken, m.start(), m.end()):
            mentions.append(Mention(m.start(), m.end(), SCALES[m.group(1).lower()] / 2, m.group(0), scaled=True))
            taken.append(m.span())
    taken.sort()
    mentions += _digit_mentions(text, taken)
    words = WORD_NUMBER_RE.finditer(lowered) if len(lowered) == len(text) else WORD_NUMBER_ANY_CASE_RE.finditer(text)
    for m in words:
        if m.end() - m.start() <= 3 and lowered[m.start() : m.end()] in ("un", "une") and not (
                ONE_SCALE_RE.match(lowered, m.end())):
            continue  # an article, not a count; but "un million d'euros" is one
        if not _free_before(text, m.start()) or (m.start() and text[m.start() - 1] == "-"):
            continue
        if _inside(taken, m.start(), m.end()):
            continue
        spelled = text[m.start() : m.end()]
        if spelled.lower() in ("un", "une") and not ONE_SCALE_RE.match(lowered, m.end()):
            continue  # an article, not a count
        mentions += _spelled_mentions(spelled, m.start())
    mentions.sort(key=lambda x: x.start)
    for mention in mentions:
        if not mention.approx:
            _apply_scale(text, mention)
            _apply_half(text, mention)
    return _outside_others(_outside_addresses(text, mentions))


def _outside_addresses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions less those written inside a web address (a binary search in the addresses, which come in order
    and apart: linear in a hostile page's numbers and addresses, not their product)."""
    addresses = [m.span() for m in URL_RE.finditer(text)] if "/" in text else []
    if not addresses:
        return mentions
    starts = [start for start, _ in addresses]

    def inside(position: int) -> bool:
        k = bisect.bisect_right(starts, position) - 1
        return k >= 0 and position < addresses[k][1]

    return [m for m in mentions if not inside(m.start)]


def _outside_others(mentions: list[Mention]) -> list[Mention]:
    """Mentions sorted by start, less any a scale word made part of the one before: "12 mille euros" is
    12 000, and its "mille" no 1 000 of its own."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.start >= kept[-1].start and mention.end <= kept[-1].end:
            continue
        kept.append(mention)
    return kept
