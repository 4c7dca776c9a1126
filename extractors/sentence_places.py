"""Where a sentence's words put a figure: an ordered table of named rules, the first that answers decides.

A place named right after the figure ("22 seront installées à Saint-Herblain"), a district ("34 en
centre-ville", "le quartier de la Duranne"), a relative word after it ("plus de 400 pour
l'agglomération"), a place named before it in its sentence, a relative word elsewhere in the sentence.
`PlaceFinder.place_for` asks this table; `extractors.place_rules` falls back on the page's place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extractors.gazetteer import Place
from extractors.place_words import (
    ALSO_ELSEWHERE_RE,
    ARRONDISSEMENT_BEFORE_RE,
    ARRONDISSEMENTS_RE,
    BARE_ARRONDISSEMENT_RE,
    CAMERA_RE,
    CENTRE_BEFORE_WHERE_RE,
    CENTRE_RE,
    CENTRE_SUBJECT_RE,
    COMMUNES_OF_ARRONDISSEMENTS,
    DISTRICT_CUE_RE,
    EQUIPPED_SITE_BEFORE_RE,
    HAVING_COMMUNE_RE,
    LANDMARK_COLON_RE,
    LANDMARK_RE,
    LOCATED_AT_RE,
    NEXT_NUMBER_NOT_YEAR_RE,
    ONE_ARRONDISSEMENT_RE,
    ORDINAL_LISTS,
    OTHER_SITE_NEXT_RE,
    PER_SITE_RE,
    RELATIVE_WORDS,
    SEVERAL_COMMUNES_RE,
    SITE_AFTER_VERB_RE,
    SPREAD_RE,
    FigurePlace,
    as_named,
    not_funder,
)
from extractors.sentence_names import (
    commune_named_later,
    funder_of,
    group_named,
    named_after,
    subject_after_opening,
)

if TYPE_CHECKING:
    from extractors.places import PlaceFinder


@dataclass
class WhereQuestion:
    """One figure's place asked of the sentence's words: offsets within `sentence`, each part computed once."""

    f: PlaceFinder
    sentence: str
    number_start: int
    evidence_end: int
    clause_end: int
    places: list[tuple[int, int, Place]]  # the places the sentence names

    @cached_property
    def after(self) -> str:
        return self.sentence[self.evidence_end : self.clause_end].replace("’", "'")

    @cached_property
    def after_evidence(self) -> str:
        """The clause after the evidence, up to the next number ("8 caméras en 2025 dans le quartier du…")."""
        after_evidence = self.sentence[self.evidence_end : self.clause_end]
        if other := NEXT_NUMBER_NOT_YEAR_RE.search(after_evidence):
            after_evidence = after_evidence[: other.start()]
        return after_evidence

    @cached_property
    def clause_before(self) -> str:
        return self.sentence[max(0, self.number_start - 120) : self.number_start]


def _bracketed_amount(q: WhereQuestion) -> FigurePlace | None:
    if re.search(r"\(\s*$", q.sentence[: q.number_start]):
        before = [(s, e, p) for s, e, p in q.places if e <= q.number_start]
        if before and not q.sentence[before[-1][1] : q.number_start].strip(" ("):
            return as_named(before[-1], q.sentence)
    return None


def _named_after(q: WhereQuestion) -> FigurePlace | None:
    return named_after(q.f, q.sentence, q.evidence_end, q.clause_end, q.places)


def _arrondissement(number: str) -> str:
    return f"{number}{'er' if number == '1' else 'e'} arrondissement"


def _arrondissements(q: WhereQuestion) -> FigurePlace | None:
    m = ARRONDISSEMENTS_RE.search(q.after[:80])
    return q.f.district(f"{ORDINAL_LISTS[m.group(1)]} arrondissements") if m else None


def _one_arrondissement(q: WhereQuestion) -> FigurePlace | None:
    m = ONE_ARRONDISSEMENT_RE.match(q.after) or (
        q.f.commune is not None and q.f.commune.name in COMMUNES_OF_ARRONDISSEMENTS and BARE_ARRONDISSEMENT_RE.match(
            q.after))
    return q.f.district(_arrondissement(m.group(1))) if m else None


def _arrondissement_before(q: WhereQuestion) -> FigurePlace | None:
    s, n = q.sentence, q.number_start
    if q.f.commune and "arrondissement" in s[:n] and (m := ARRONDISSEMENT_BEFORE_RE.search(
            s, max(s.rfind(mark, 0, n) for mark in ";:.") + 1, n)):
        return q.f.district(_arrondissement(m.group(1)))
    return None


def _centre(q: WhereQuestion) -> FigurePlace | None:
    window = q.sentence[q.number_start : q.evidence_end + 40]
    if other := re.search(r"\d", window[q.evidence_end - q.number_start :]):  # "90 caméras, dont 40 en centre-ville"
        window = window[: q.evidence_end - q.number_start + other.start()]
    if not (m := CENTRE_RE.search(window)) or SPREAD_RE.search(window[: m.start()]):
        return None
    if ALSO_ELSEWHERE_RE.match(q.sentence, q.number_start + m.end()) and (place := q.f.relative("commune")):
        return place  # "en centre-ville et aux entrées de la commune": spread, the commune's
    return q.f.district(m.group(1).lower())


def _per_site(q: WhereQuestion) -> FigurePlace | None:
    if q.f.commune and (m := PER_SITE_RE.match(q.sentence, q.evidence_end)) and CAMERA_RE.search(
            q.sentence, q.number_start, q.evidence_end):
        return q.f.district(f"chaque {m.group(1).lower()}")
    return None


def _centre_before_where(q: WhereQuestion) -> FigurePlace | None:
    before = q.sentence[: q.number_start]
    if q.f.commune and "où" in before and (m := CENTRE_BEFORE_WHERE_RE.search(before)):
        return q.f.district(m.group(1).lower())
    return None


def _centre_subject(q: WhereQuestion) -> FigurePlace | None:
    if (m := CENTRE_SUBJECT_RE.match(q.sentence)) and not re.search(  # an apposition between commas aside
            r"\d|\b(?:ville|commune)\b", re.sub(r",[^,]*,", " ", q.sentence[m.end() : q.number_start])):
        return q.f.district(m.group(1).lower())
    return None


def _district_after(q: WhereQuestion) -> FigurePlace | None:
    if q.f.commune and (m := DISTRICT_CUE_RE.search(q.after_evidence)):
        return q.f.district_or_spread(m, q.after_evidence)
    return None


def _landmark_after(q: WhereQuestion) -> FigurePlace | None:
    return q.f.district(m.group(1)) if q.f.commune and (m := LANDMARK_RE.match(q.after_evidence)) else None


def _site_after_verb(q: WhereQuestion) -> FigurePlace | None:
    if not q.f.commune or not (m := SITE_AFTER_VERB_RE.match(q.after_evidence)):
        return None
    if OTHER_SITE_NEXT_RE.match(q.after_evidence, m.end()):
        return q.f.relative("commune")
    commune = q.f.own_place(q.f.commune).name  # "autour de la gare de Bondy", in Bondy: the gare
    return q.f.district(re.sub(rf"\s+(?:de|d['’])\s*{re.escape(commune)}$", "", m.group(1)))


def _equipped_site(q: WhereQuestion) -> FigurePlace | None:
    if q.f.commune and (m := EQUIPPED_SITE_BEFORE_RE.search(q.clause_before)):
        return q.f.district(m.group(1))
    return None


def _landmark_colon(q: WhereQuestion) -> FigurePlace | None:
    if q.f.commune and (m := LANDMARK_COLON_RE.search(q.clause_before)):
        return q.f.district(m.group(1).lower())
    return None


def _district_before(q: WhereQuestion) -> FigurePlace | None:
    if q.f.commune and (m := DISTRICT_CUE_RE.search(q.clause_before)) and not re.search(
            r"\d\s+(?:dans|sur|à|au|en)\s+(?:le\s+|la\s+|l')?$", q.clause_before[: m.start()]):
        return q.f.district_or_spread(m, q.clause_before)
    return None


def _having_commune(q: WhereQuestion) -> FigurePlace | None:
    if HAVING_COMMUNE_RE.search(q.sentence[max(0, q.number_start - 60) : q.number_start]):
        return q.f.relative("commune")
    return None


def _relative_word(q: WhereQuestion, said: str) -> FigurePlace | None:
    for pattern, kind in RELATIVE_WORDS:
        if not_funder(pattern, said, q.sentence) and (place := q.f.relative(kind)):
            return place
    return None


# what the figure's own words end on: a bracket or a relative clause says something else ("(deuxième réseau de
# la Métropole)", "dont l'efficience est reconnue dans l'agglomération")
AFTER_FIGURE_END_RE = re.compile(r"[()]|\b(?:dont|où)\b")


def _relative_word_near(q: WhereQuestion) -> FigurePlace | None:
    # its 60 characters, and on to 110 while no other count begins ("… supplémentaires posées depuis 2014
    # s'ajoutent aux plus de 280 caméras de l'agglomération": the agglomération is the 280's)
    own = q.after[:60] + q.after_evidence[60:110]
    said_after = AFTER_FIGURE_END_RE.split(own.replace("’", "'"), maxsplit=1)[0]
    return _relative_word(q, q.sentence[q.number_start : q.evidence_end].replace("’", "'") + said_after)


def _several_communes(q: WhereQuestion) -> FigurePlace | None:
    return q.f.relative("intercommunalite") if SEVERAL_COMMUNES_RE.search(q.after[:60]) else None


# "Ploërmel dans le Morbihan", "Agde, dans l'Hérault", "Lunel en Occitanie": what locates the town named before it
LOCATING_BETWEEN_RE = re.compile(r"^,?\s*(?:dans\s+(?:le|la|les|l['’])|en)\s*$")


def _locates(town: tuple[int, int, Place], named: tuple[int, int, Place], sentence: str) -> bool:
    """Whether `named` is the département or région that locates `town`, right after it."""
    place, where = named[2], town[2]
    return where.kind == "commune" and (place.kind == "departement" and where.departement == place.code
                                        or place.kind == "region" and where.region == place.code) \
        and bool(LOCATING_BETWEEN_RE.match(sentence[town[1] : named[0]]))


def _named_before(q: WhereQuestion) -> FigurePlace | None:
    """The nearest place named before the number; not a département or région named only to locate the town
    before it ("le maire de Ploërmel dans le Morbihan, commune où l'on recense 50 caméras": Ploërmel's)."""
    f, sentence, n = q.f, q.sentence, q.number_start
    ordered = sorted(q.places, key=lambda named: named[0])  # a locator follows its town: pairs in turn, linear
    located = {named[0] for town, named in zip(ordered, ordered[1:], strict=False) if _locates(town, named, sentence)}
    named_before = [named for named in q.places if named[1] <= n and not funder_of(f, sentence, named, n)
                    and named[0] not in located
                    and not (f.hint and f.hint.kind != "commune"  # "Le centre, installé à Autun, …"
                             and LOCATED_AT_RE.search(sentence[max(0, named[0] - 30) : named[0]]))]
    if named_before:
        return group_named(f, named_before, sentence) or as_named(named_before[-1], sentence)
    return None


def _subject_after_opening(q: WhereQuestion) -> FigurePlace | None:
    return subject_after_opening(q.sentence, q.number_start, q.evidence_end, q.places)


def _commune_named_later(q: WhereQuestion) -> FigurePlace | None:
    return commune_named_later(q.sentence, q.evidence_end, q.clause_end, q.places)


def _relative_word_before(q: WhereQuestion) -> FigurePlace | None:
    return _relative_word(q, q.sentence[: q.number_start])


@dataclass(frozen=True)
class WhereRule:
    name: str
    why: str
    answer: Callable[[WhereQuestion], FigurePlace | None]


WHERE_RULES: tuple[WhereRule, ...] = (
    WhereRule("bracketed_amount", "'Heyrieux (28 860 euros)': an amount in brackets is the name's before them",
              _bracketed_amount),
    WhereRule("named_after", "'22 seront installées à Saint-Herblain', 'au Jas de Bouffan'", _named_after),
    WhereRule("arrondissements", "'dans les trois premiers arrondissements'", _arrondissements),
    WhereRule("one_arrondissement", "'une centaine dans le 7e arrondissement', in Paris 'dans le 20e'",
              _one_arrondissement),
    WhereRule("arrondissement_before", "'Dans le 18e arrondissement, 60 caméras …'", _arrondissement_before),
    WhereRule("centre", "'90 caméras, dont 40 en centre-ville' (not 'principalement en centre-ville')", _centre),
    WhereRule("per_site", "'20 caméras supplémentaires par quartier': a rate per site", _per_site),
    WhereRule("centre_before_where", "'… en centre-ville, où le réseau a été ramené de 24 à 19 caméras'",
              _centre_before_where),
    WhereRule("centre_subject", "'La cité médiévale, classée par l'UNESCO, en concentre 11'", _centre_subject),
    WhereRule("district_after", "'Huit caméras ont été installées dans le quartier de la Source'", _district_after),
    WhereRule("landmark_after", "'dont 6 autour de la gare'", _landmark_after),
    WhereRule("site_after_verb", "'Cinq caméras ont été installées autour de la gare', 'posées rue Carnot'",
              _site_after_verb),
    WhereRule("equipped_site", "'la MJC est équipée de sept caméras': the site said equipped", _equipped_site),
    WhereRule("landmark_colon", "'l'équipement de la gare : 42 caméras'", _landmark_colon),
    WhereRule("district_before", "a district named before, not another number's ('dont 9 dans le quartier des "
              "Lozaits et 6 …')", _district_before),
    WhereRule("having_commune", "'la commune dispose de 29 caméras reliées au centre intercommunal'",
              _having_commune),
    WhereRule("relative_word_near", "'plus de 400 pour l'agglomération', 'Quatre agents intercommunaux'",
              _relative_word_near),
    WhereRule("several_communes", "'une centaine de caméras réparties dans neuf communes': no one commune's",
              _several_communes),
    WhereRule("named_before", "the nearest place named before the number, or the group it ends", _named_before),
    WhereRule("subject_after_opening", "'Avec une caméra pour 150 habitants, Levallois-Perret reste…'",
              _subject_after_opening),
    WhereRule("commune_named_later", "'… pour le compte de la police municipale d'Arpajon'", _commune_named_later),
    WhereRule("relative_word_before", "a relative word anywhere before the number ('la ville', 'la région')",
              _relative_word_before),
)


def place_in_sentence(f: PlaceFinder, sentence: str, number_start: int, evidence_end: int, clause_end: int,
                      places: list[tuple[int, int, Place]]) -> FigurePlace | None:
    """The place the sentence's words give a figure, by the first rule of `WHERE_RULES` that answers; None
    when the sentence says nothing and the caller should fall back."""
    if re.match(r"\s*\)", sentence[evidence_end:]):  # "son réseau (52 caméras) au quartier des Serres"
        clause_end = evidence_end  # what follows the bracket is said of the phrase around it
    question = WhereQuestion(f, sentence, number_start, evidence_end, clause_end, places)
    for rule in WHERE_RULES:
        if (answer := rule.answer(question)) is not None:
            return answer
    return None
