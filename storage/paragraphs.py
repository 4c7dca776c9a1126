"""The paragraphs of a page that speak of video-surveillance, normalised, and which of them changed.

The extractors do not read every figure (14 of 37 camera figures of a site built from real pages were not
read), so a change to one they miss would be silent. This is the quiet second layer: the paragraphs
that speak of cameras, the CSU, vidéoprotection or vidéosurveillance and their funds are compared
between two versions of a page. Only prose is compared (a menu, a breadcrumb or a heading is too short
or made of separated items), and each paragraph is normalised first, so that typography (’ for ', « »,
non-breaking spaces, dashes), case, spacing, dates and paragraph order never count as a change.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# What a paragraph must name to be watched (matched on the normalised, lower-cased text).
SURVEILLANCE_RE = re.compile(
    r"\bcam[ée]ras?\b|\bcsu\b|\bcentres? de supervision\b|\bvid[ée]o-?(?:protection|surveillance|verbalisation)\b"
    r"|\bvid[ée]o-?op[ée]rat(?:eur|rice)s?\b|\bfipd\b|fonds interminist[ée]riel de pr[ée]vention|\blapi\b")
MIN_WORDS = 6  # fewer words: a heading, a menu item or a label, not a paragraph
MIN_LOWER_WORDS = 3  # prose has small words ('de', 'la', 'sont'); a menu of Capitalised Items has none
SEPARATORS_RE = re.compile(r"\s[|›>»·•/]\s")  # 'Accueil › Sécurité › Vidéoprotection', 'A | B | C'
NUMBER_RE = re.compile(r"\d(?:[\d ,.]*\d)?")  # masked when pairing paragraphs: '1 240,5' is '#'
PAIRED_RATIO = 0.5  # a removed and an added paragraph this alike are one paragraph that changed
MAX_PAIRINGS = 2500  # removed × added paragraphs compared at most; beyond, paired in the order of the text

MONTHS = (r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
          r"janv?|f[ée]vr?|avr|juil|sept?|oct|nov|d[ée]c")
DATE_RE = re.compile(
    rf"\b(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:\d{{1,2}}(?:er)?\s+)?(?:{MONTHS})\.?\s+\d{{4}}\b"
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d\d-\d\d(?:t[\d:.]+z?)?\b")
# Apostrophes are one, dashes are one, quotation marks are none (« la gare », "la gare" and la gare are one).
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "‛": "'", "′": "'", "`": "'", "´": "'", "“": None, "”": None,
                            "„": None, "«": None, "»": None, '"': None, "–": "-", "—": "-", "‐": "-", "‑": "-",
                            "‒": "-", "−": "-", "…": "...", "\u200b": None, "\u00ad": None})
SPACE_RE = re.compile(r"\s+")
SPACED_PUNCTUATION_RE = re.compile(r"\s*([:;!?,.'()\-])\s*")
THOUSANDS_SPACE_RE = re.compile(r"(?<=\d) (?=\d{3}\b)")  # '1 240' and '1240' are one number
MIN_SENTENCE_PIECE = 8  # characters of a cut sentence that must be found in a paragraph


def paragraphs(text: str) -> list[str]:
    """The page's blocks (the reader separates headings, paragraphs, list items and cells by a blank
    line), each on one line."""
    return [SPACE_RE.sub(" ", block).strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def normalise(paragraph: str) -> str:
    """What a paragraph says, without what only looks different: compatibility forms (non-breaking and
    thin spaces), apostrophes, quotation marks and dashes, case, spacing around punctuation, and its dates."""
    text = unicodedata.normalize("NFKC", paragraph).translate(TYPOGRAPHY).casefold()
    text = DATE_RE.sub("<date>", text)
    text = THOUSANDS_SPACE_RE.sub("", SPACE_RE.sub(" ", text))
    return SPACED_PUNCTUATION_RE.sub(r"\1", text).strip()


def watched(normalised: str) -> bool:
    """Prose that speaks of video-surveillance (see the module's docstring)."""
    words = normalised.split()
    return (len(words) >= MIN_WORDS and sum(w[:1].isalpha() and w[:1].islower() for w in words) >= MIN_LOWER_WORDS
            and not len(SEPARATORS_RE.findall(normalised)) >= 2 and bool(SURVEILLANCE_RE.search(normalised)))


def watched_paragraphs(text: str) -> dict[str, str]:
    """normalised → as written, for the watched paragraphs of a text, in its order."""
    found: dict[str, str] = {}
    for paragraph in paragraphs(text):
        if (key := normalise(paragraph)) not in found and watched(key):
            found[key] = paragraph
    return found


Change = tuple[str | None, str | None]  # (old paragraph, new paragraph), normalised; None for added or removed


def changed_paragraphs(old_text: str, new_text: str) -> tuple[list[Change], dict[str, str]]:
    """The watched paragraphs that changed, were added or removed, each pair once, and the text of each
    normalised paragraph as written. A paragraph that moved is the same paragraph."""
    old, new = watched_paragraphs(old_text), watched_paragraphs(new_text)
    removed, added = [k for k in old if k not in new], [k for k in new if k not in old]
    pairs = pair_up(removed, added)
    paired_old = {o for o, _n in pairs}
    paired_new = {n for _o, n in pairs}
    changes: list[Change] = [*pairs, *((o, None) for o in removed if o not in paired_old),
                             *((None, n) for n in added if n not in paired_new)]
    return changes, {**old, **new}


def pair_up(removed: list[str], added: list[str]) -> list[tuple[str, str]]:
    """Removed and added paragraphs that are one paragraph edited: the most alike first, each used once."""
    if len(removed) * len(added) > MAX_PAIRINGS:
        return list(zip(removed, added, strict=False))
    scored = sorted(((likeness(o, n), i, j) for i, o in enumerate(removed) for j, n in enumerate(added)),
                    reverse=True)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for ratio, i, j in scored:
        if ratio >= PAIRED_RATIO and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((removed[i], added[j]))
    return pairs


def said_in(sentence: str | None, paragraph: str | None) -> bool:
    """Whether a figure's sentence (as stored: perhaps cut with '…') is part of a normalised paragraph."""
    if not sentence or not paragraph:
        return False
    return any(len(piece) >= MIN_SENTENCE_PIECE and piece in paragraph for piece in normalise(sentence).split("..."))


def likeness(old: str, new: str) -> float:
    """difflib's ratio of two paragraphs' words, their numbers masked (a count of 400 digits that replaced
    '148' is the same paragraph edited); 0 when its cheap upper bounds already fall short of PAIRED_RATIO."""
    matcher = SequenceMatcher(None, NUMBER_RE.sub("#", old), NUMBER_RE.sub("#", new), autojunk=False)
    if matcher.real_quick_ratio() < PAIRED_RATIO or matcher.quick_ratio() < PAIRED_RATIO:
        return 0.0
    return matcher.ratio()
