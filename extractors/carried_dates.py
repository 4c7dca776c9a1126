"""Dates that one statement lends another: what a decision or an operation costs takes its date.

"Le conseil a voté une enveloppe de 600 000 euros pour équiper la ville de 40 caméras d'ici 2024": the
amount pays for the cameras, so it is dated like them. "Quinze caméras seront déployées cet automne.
Coût de l'opération : 210 000 euros": the second sentence speaks of the first one's operation. "Le
conseil municipal s'est réuni le 7 novembre 2022. Il a voté l'achat de 15 caméras": the pronoun goes
on with the meeting, whose date is the announcement's.

Only figures of what is decided, paid or announced borrow a date: a stock stated in the present ("Elle
en compte 80") is as of publication, whatever the sentence before it dated. The items of a list are the
exception: they break down the statement that introduces it ("Au 1er janvier 2024, le parc compte 41
caméras :"), and hold for its date.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.cues import PER_CAMERA_AFTER_RE
from extractors.dates import in_relative_clause
from extractors.figure import Figure, Metric
from extractors.lexicon_fr import PAST_PARTICIPLE
from extractors.readings import norm
from extractors.segments import Sentence, list_intro

BORROWERS = (Metric.MONEY_EUR.value, Metric.PERCENT.value, Metric.CAMERAS_PLANNED.value)
LENDERS = (Metric.CAMERAS_PLANNED.value, Metric.CAMERAS_ADDED.value, Metric.MONEY_EUR.value)
PAID_FOR = (Metric.MONEY_EUR.value, Metric.PERCENT.value)
# A budget's title: its year dates what it pays for and plans ("Budget primitif 2024", "Rapport
# d'orientation budgétaire 2024").
BUDGET_TITLE_RE = re.compile(r"\b(?:budget|budgétaire|compte administratif)\b[^\n.]{0,40}?\b((?:19|20)\d\d)\b")
# A section headed by a period ("Bilan 2022", "L'année 2023 en chiffres", "Chiffres clés 2021"): its year
# dates what the section counts. The page's title is no section; a meeting's heading ("Séance du 12 mars
# 2024") dates the meeting, not the counts.
PERIOD_HEADING_RE = re.compile(r"^\s*(?:(?:le |l')?bilan|(?:les )?chiffres(?: clés)?|l'année|(?:le )?rapport|"
                               r"(?:l')?activité)\b[^\n\d]{0,30}?\b((?:19|20)\d\d)\b[^\n\d]{0,15}$")
# A page that reports a period's activity ("Police municipale : les chiffres de l'été 2020", "le bilan 2018 de la
# délinquance"): its year dates the page's undated counts of offences, not its stocks nor its staff.
REPORT_TITLE_RE = re.compile(r"\b(?:bilan|chiffres|statistiques|rapport d'activité|rapport annuel)\b[^\n.]{0,30}?"
                             r"\b((?:19|20)\d\d)\b")
REPORTED = (Metric.OFFENCES.value,)
SINCE_YEAR_RE = re.compile(r"\bdepuis (?:19|20)\d\d\b")
SUBJECT_PRONOUN_RE = re.compile(r"^\s*(?:il|elle|ils|elles)\b")
MEETING_RE = re.compile(r"\b(?:s'est|se sont) réunie?s?\b|\bréunie?s?\s+(?:le|en séance)\b|\blors de sa séance\b"
                        r"|\ba présidé\b[^.;]*\b(?:commission|conseil|séance|réunion)\b")
PASSIVE_PAST_RE = re.compile(rf"\b(?:ont|a) été {PAST_PARTICIPLE}")  # "27 dossiers ont été examinés"
UNIT_PRICE_RE = re.compile(r"\b(?:chaque|par|une|la) caméra\b|\bl'unité\b|\bpièce\b")
OCCASION_RE = re.compile(r"\bà cette occasion\b|\blors de ces travaux\b|\bpar la même occasion\b")
# A sentence that goes on with the one before: a subject pronoun, or the operation, sum or meeting it told of.
GOES_ON_RE = re.compile(
    r"^\s*(?:il|elle|ils|elles|celui-ci|celle-ci|(?:le\s+)?coût\s+(?:de\s+l'opération|du\s+projet|total)|"
    r"(?:sur\s+)?(?:ce|cet|cette)\s+(?:montant|somme|enveloppe|opération|projet|investissement|budget|"
    r"séance|réunion|occasion|décision|délibération|chantier)|(?:le|ce)\s+chantier|(?:les|ces)\s+travaux|"
    r"lors\s+de\s+cette\s+(?:séance|réunion)|à\s+cette\s+occasion"
    r"|[^.;]{0,25}?\bd'entre (?:elles|eux))"  # "À peine 9 % d'entre elles": a share of what was just counted
    r"\b")


def carry_dates(figures: list[tuple[Figure, Sentence]], sentences: list[Sentence], text: str,
                dates_of: Callable[[Sentence], list[str]], title: str | None = None) -> None:
    """Date, in place, the undated figures of what is decided, paid or announced from the statement
    they belong to, or from the budget the page is ("Budget 2024"). `dates_of` gives the dates a
    sentence states; `title` is the page's title or first heading."""
    _from_statements(figures, sentences, text, dates_of)
    _from_meetings(figures, sentences, text, dates_of)
    _from_list_intros(figures, sentences, text, dates_of)
    _from_period_headings(figures, sentences, text)
    if report := REPORT_TITLE_RE.search(norm(title or "")):
        for figure, _ in figures:
            if figure.date is None and figure.metric in REPORTED:
                figure.date = report[1]
    if budget := BUDGET_TITLE_RE.search(norm(title or "")):
        for figure, _ in figures:
            # "l'investissement total depuis 2016 s'élève à 0,31 M€": a sum over years, not the budget's
            if figure.date is None and figure.metric in BORROWERS and not SINCE_YEAR_RE.search(
                    norm(figure.sentence or "")):
                figure.date = budget[1]


def _from_statements(figures: list[tuple[Figure, Sentence]], sentences: list[Sentence], text: str,
                     dates_of: Callable[[Sentence], list[str]]) -> None:
    by_sentence: dict[int, list[Figure]] = {}
    for figure, sentence in figures:
        by_sentence.setdefault(sentence.index, []).append(figure)
    for index, own in by_sentence.items():
        said = norm(text[sentences[index].start : sentences[index].end])
        # "Huit caméras nouvelles ont été ajoutées à cette occasion": the occasion's date, whatever was counted
        borrowers = BORROWERS + (Metric.CAMERAS_ADDED.value,) if OCCASION_RE.search(said) else BORROWERS
        undated = [f for f in own if f.date is None and f.metric in borrowers]
        if not undated:
            continue
        lent = _one_date(f.date for f in own if f.date and f.metric in LENDERS)
        for figure in undated:
            if lent and figure.metric in PAID_FOR and not _unit_price(figure):  # the operation's amount
                figure.date = lent
        sentence = sentences[index]
        if index == 0 or not (GOES_ON_RE.match(said) or OCCASION_RE.search(said)):
            continue
        previous = sentences[index - 1]
        if previous.block != sentence.block and not previous.heading:
            continue  # a new paragraph goes on with its own matter ("Le coût total du projet…")
        earlier = by_sentence.get(index - 1)
        # what the sentence before dated, or the one date it gives ("Le conseil s'est réuni le 7 novembre 2022.")
        before = _one_date(f.date for f in earlier or [] if f.date and f.metric in LENDERS
                           and not _told_in_relative_clause(f)) or _one_date(dates_of(previous))
        for figure in undated:
            if figure.date is None and before:
                figure.date = before


def _from_meetings(figures: list[tuple[Figure, Sentence]], sentences: list[Sentence], text: str,
                   dates_of: Callable[[Sentence], list[str]]) -> None:
    """ "La commission s'est réunie le 9 février. Elle a examiné 37 dossiers"; "Le préfet a présidé le 5 mars
    la commission. 27 dossiers ont été examinés. Au total, 212 caméras ont été autorisées": what a meeting
    did, told right after it (by a pronoun, or in the passive), holds for its date."""
    for figure, sentence in figures:
        if figure.date is not None or figure.metric not in BORROWERS + (Metric.OTHER.value,):
            continue
        said = norm(text[sentence.start : sentence.end])
        if not (SUBJECT_PRONOUN_RE.match(said) or PASSIVE_PAST_RE.search(said)):
            continue
        for before in reversed(sentences[max(0, sentence.index - 2) : sentence.index]):
            if before.block != sentence.block:
                break
            if MEETING_RE.search(norm(text[before.start : before.end])):
                figure.date = _one_date(dates_of(before))
                break


def _from_list_intros(figures: list[tuple[Figure, Sentence]], sentences: list[Sentence], text: str,
                      dates_of: Callable[[Sentence], list[str]]) -> None:
    """ "Au 1er janvier 2024, le parc compte 41 caméras :⏎• Bressuire : 24 caméras⏎• Cerizay : 9 caméras":
    the items of a list break down the statement that introduces it, and hold for its date."""
    for figure, sentence in figures:
        if figure.date is not None or (intro := list_intro(sentences, text, sentence)) is None:
            continue
        lent = _one_date(f.date for f, s in figures if s.index == intro.index and f.date) or _one_date(
            dates_of(intro))
        figure.date = lent


def _from_period_headings(figures: list[tuple[Figure, Sentence]], sentences: list[Sentence], text: str) -> None:
    """ "Bilan 2022⏎⏎14 communes aidées, pour 61 caméras financées": the section's year, for its undated figures."""
    last_heading: list[Sentence | None] = []  # the last heading before each sentence, after the first
    current = None
    for s in sentences:
        last_heading.append(current)
        if s.heading and s.index >= 1:
            current = s
    for figure, sentence in figures:
        if figure.date is not None:
            continue
        heading = last_heading[sentence.index] if sentence.index < len(last_heading) else None
        if heading is not None and (period := PERIOD_HEADING_RE.match(norm(text[heading.start : heading.end]))):
            figure.date = period[1]


def _told_in_relative_clause(figure: Figure) -> bool:
    """ "Après la première phase, qui a permis d'installer 35 caméras en 2019, la deuxième démarre. Elle
    prévoit 22 caméras": the pronoun goes on with the main clause, not with what a relative clause told."""
    sentence = norm(figure.sentence or "")
    at = sentence.find(norm(figure.evidence))
    return at >= 0 and in_relative_clause(sentence, at)


def _unit_price(figure: Figure) -> bool:
    """ "chaque caméra coûte 9 000 €": the price of one camera, of no date but the page's."""
    sentence = norm(figure.sentence or "")
    evidence = norm(figure.evidence)
    at = sentence.find(evidence)
    if at >= 0 and PER_CAMERA_AFTER_RE.match(sentence, at + len(evidence)):
        return True  # "soit 26 000 euros par caméra"
    return bool(UNIT_PRICE_RE.search(sentence[max(0, at - 40) : at] if at >= 0 else sentence))


def _one_date(dates) -> str | None:
    """The date when the statement gives one, None when it gives none or several."""
    distinct = set(dates)
    return distinct.pop() if len(distinct) == 1 else None
