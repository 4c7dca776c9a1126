"""The places a sentence names around a figure, read for `extractors.sentence_places.WHERE_RULES`: a place named
right after it ("22 seront installées à Saint-Herblain"), a territory after "en", a commune named later in its
clause, a funder named before an amount, the subject after an opening phrase, communes named together."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.gazetteer import Place
from extractors.place_words import (
    CENTRE_SEAT_RE,
    CONTRIBUTED_RE,
    EN_TERRITORY_RE,
    FUNDER_RE,
    FUNDING_LIST_RE,
    FUNDS_BEFORE_RE,
    GENITIVE_RE,
    INSTITUTION_WORDS,
    LOCATIVE_RE,
    NAME_RE,
    NEXT_COUNT_RE,
    NEXT_NUMBER_RE,
    NOT_PLACES_RE,
    OPENING_END_RE,
    REQUESTED_RE,
    THEIR_COMMUNES_RE,
    FigurePlace,
    as_named,
    to_figure_place,
)

if TYPE_CHECKING:
    from extractors.places import PlaceFinder

# "4 opérateurs au Centre de supervision urbain": a centre of something is a body, not the district "Centre"
CENTRE_OF_RE = re.compile(r"Centre\s+(?:de\s+|d['’]|du\s+|des\s+)?[a-zà-ÿ]")


def named_after(f: PlaceFinder, sentence: str, evidence_end: int, clause_end: int,
                all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
    """A place named right after the figure, up to the next number: "22 seront installées à Saint-Herblain",
    "les 370 caméras pour 100 000 habitants de Nice", "au Jas de Bouffan" (a district of the page's commune)."""
    window = sentence[evidence_end : min(clause_end, evidence_end + 110)]
    window = NEXT_NUMBER_RE.split(window, maxsplit=1)[0]  # up to the next number: its place is its own
    if genitive := GENITIVE_RE.match(window):
        at = evidence_end + genitive.end()
        if known := next(((s, e, p) for s, e, p in all_sentence_places if s == at), None):
            return as_named(known, sentence)
        # "les 5 de Roullours": a former commune
        if f.merged and not genitive.group("article") and (name := NAME_RE.match(sentence, at)):
            return f.district(name.group(0))
    if territory := territory_after_en(window, evidence_end, all_sentence_places):
        return as_named(territory, sentence)
    for m in LOCATIVE_RE.finditer(window):
        at = evidence_end + m.end()
        for named in all_sentence_places:
            if named[0] == at:
                return as_named(named, sentence)
        name = NAME_RE.match(sentence, at)
        if not name or NOT_PLACES_RE.search(sentence[:at]) or name.group(0).split()[0].isupper() or (
                name.group(0).split()[0] in INSTITUTION_WORDS) or CENTRE_OF_RE.match(sentence, at):
            continue  # "au CSU de Redon": an acronym names a body, not a district; "au Code de la route" a text
        if f.commune and f.is_short_for_commune(name.group(0)):
            return to_figure_place(f.commune)
        following = NEXT_COUNT_RE.split(sentence[name.end() : clause_end], maxsplit=1)[0]
        if f.commune and not re.search(r"\b(?:à|au)\s+[A-ZÀ-Ý]", following):
            # "à la Grette": the article that "à" keeps is the district's own ("La Grette")
            article = re.search(r"\bà\s+(la |l['’])$", m.group(0))
            return f.district((article.group(1).replace("’", "'").capitalize() if article else "") + name.group(0))
        # "… Les Mées au Jas de Bouffan et l'Étoile à Puyricard": spread over several, the commune's
        return f.relative("commune")
    return None


def territory_after_en(window: str, at: int, places: list[tuple[int, int, Place]]) -> tuple[int, int, Place] | None:
    """ "vingt mille caméras en France", "1232 caméras en Moselle": a département, a région or the country
    that "en" names a few words after the figure (`window` starts at offset `at` of the sentence)."""
    stripped = window.lstrip()
    if not (m := EN_TERRITORY_RE.match(stripped)):
        return None
    start = at + len(window) - len(stripped) + m.end()
    return next(((s, e, p) for s, e, p in places if s == start and p.kind in ("departement", "region", "other")), None)


def commune_named_later(sentence: str, evidence_end: int, clause_end: int,
                        all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
    """ "… à 312 reprises pour le compte de la police municipale d'Arpajon": a commune named later in the
    figure's clause, unless it pays ("par la commune de …") or is where a centre sits ("au CSU de Redon")."""
    for start, end, place in all_sentence_places:
        before = sentence[max(0, start - 60) : start]
        if evidence_end <= start < clause_end and place.kind == "commune" and not FUNDER_RE.search(
                before) and not CENTRE_SEAT_RE.search(before):
            return as_named((start, end, place), sentence)
    return None


def funder_of(f: PlaceFinder, sentence: str, named: tuple[int, int, Place], number_start: int) -> bool:
    """ "Subventions : État 360 k€ ; Région Grand Est 150 k€": a région or département named right
    before an amount, in a list of who pays, is the funder, not where the money goes."""
    start, end, place = named
    if f.hint is None or not (place.kind in ("region", "departement") and f.hint.kind in (
            "commune", "intercommunalite") or place.kind == "intercommunalite" and f.hint.kind == "commune"):
        return False
    between = sentence[end:number_start]
    if FUNDS_BEFORE_RE.search(between) and not THEIR_COMMUNES_RE.search(sentence):
        return True  # "La Métropole de Lyon … : la Métropole prend en charge 50 % du coût"
    # "La Région a été sollicitée à hauteur de 30 000 €": the project's request to its funder
    return (not between.strip(" :(") and bool(FUNDING_LIST_RE.search(sentence[:start]))) or bool(
        REQUESTED_RE.search(between)) or bool(CONTRIBUTED_RE.match(between))


SUBJECT_LEAD_RE = re.compile(r"(?:(?:la|cette) (?:commune|ville|municipalité) d(?:e |['’])"
                             r"|(?:le|ce) (?:village|bourg) d(?:e |['’]))?")


def subject_after_opening(sentence: str, number_start: int, evidence_end: int,
                          all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
    """ "Avec une caméra pour 150 habitants, Levallois-Perret reste…": a figure in the phrase that opens
    the sentence is said of the place that follows it, the sentence's subject."""
    if "," in sentence[:number_start] or not (comma := OPENING_END_RE.match(sentence, evidence_end)):
        return None
    lead = SUBJECT_LEAD_RE.match(sentence, comma.end())  # "…, la commune de Cazilhac est passée…"
    subject = next((named for named in all_sentence_places if named[0] == lead.end()), None)
    return as_named(subject, sentence) if subject else None


def group_named(f: PlaceFinder, named: list[tuple[int, int, Place]], sentence: str) -> FigurePlace | None:
    """ "Montmélian, Saint-Pierre-d'Albigny et La Rochette totalisent 45 caméras": communes named
    together, one after the other, count together for their intercommunalité."""
    chain = [named[-1]]
    for previous in reversed(named[:-1]):
        if not re.fullmatch(r"\s*(?:,|et|,\s*et)\s*", sentence[previous[1] : chain[-1][0]]):
            break
        chain.append(previous)
    epcis = {place.epci for _, _, place in chain if place.kind == "commune"}
    if len(chain) < 2 or any(place.kind != "commune" for _, _, place in chain) or len(epcis) != 1 or not (
            code := epcis.pop()) or f.gazetteer is None:
        return None
    epci = f.gazetteer.get("intercommunalite", code)
    return to_figure_place(epci) if epci else None
