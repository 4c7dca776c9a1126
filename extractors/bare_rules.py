"""What a bare number counts: an ordered table of named rules, the first that decides stops the walk.

A number with no noun of its own ("… et 7 à Vertou", "Neuf autres seront installées", "Séné : 14") counts
what a figure before it counts, what a pronoun stands for, what a question asked, a table's column or a
list's intro. Each rule below is a name, why it holds and a function that reads the number (writing its
candidate) or leaves it out, and says so by returning True; their order is this table's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.bare_continued import continued_head, range_end
from extractors.bare_partitives import (
    bare_subject,
    of_them_counted,
    of_them_equipped,
    of_them_uncounted,
    opening_item,
    repeated_predicate,
    whole_of_another,
    whole_of_cameras,
)
from extractors.bare_question import BareQuestion
from extractors.bare_words import (
    ASIDE_BEFORE_RE,
    ASIDE_CLOSE_RE,
    BRACKET_CLOSE_RE,
    BRACKET_OPEN_RE,
    BRING_TO_BEFORE_RE,
    BRING_TOTAL_BEFORE_RE,
    KINDS_AFTER_RE,
    NETWORK_AFTER_RE,
    OTHERS_TOO_RE,
    OWN_BASE_RE,
    PASSIVE_AFTER_RE,
    PLACED_CAMERAS_RE,
    SOON_BEFORE_RE,
    VOTE_AFTER_RE,
)
from extractors.breakdown import bracketed_site, breakdown_head, item_site
from extractors.candidates import Candidate, word_end, words_before
from extractors.cues import (
    AMOUNTING_RE,
    ANAPHORA_BEFORE_RE,
    BARE_AFTER_RE,
    CAMERA_TYPE_RE,
    CAMERA_WORDS_RE,
    CHANGE_TO_RE,
    EVOLUTION_RE,
    LEVEL_BEFORE_RE,
    MASCULINE_PARTITIVE_RE,
    MEASURE_AFTER_RE,
    NUMBER_IS_BEFORE_RE,
    OTHER_COUNTED_BEFORE_RE,
    PASS_TO_BEFORE_RE,
    PRONOUN_RE,
    WORN_NAMED_AFTER_RE,
)
from extractors.numbers import Mention
from extractors.pronoun_gender import (
    cameras_named_before,
    masculine_of_cameras,
    masculine_pronoun_before,
    named_by,
)
from extractors.readings import CAMERAS, DENSITY, OTHER, Reading, is_rate_base, norm
from extractors.segments import BULLET, Sentence
from extractors.tense_words import NOW_ASIDE_AFTER_RE

if TYPE_CHECKING:
    from extractors.pipeline import Extractor

NOTE_MARKS_BELOW = 10  # "(1)", "(2)": a footnote's mark, not a count
MONEY_WORDS_RE = re.compile(r"€|\beuros?\b|\bmillions?\b|\binvesti")


def _whole_counted_against(q: BareQuestion) -> bool:
    return q.x.is_total(q.x.text, q.sentence, q.m, q.mentions[q.i - 1 : q.i])


def _breakdown(q: BareQuestion) -> bool:
    """ "17 caméras … sur six sites : cinq à la Halte routière, trois parking Gabriel-Péri, une collège Ampère, …":
    an item of a list after a colon whose numbers add up to a camera count said before it counts cameras too."""
    cameras = {c.mention.start: c for c in q.found.values() if c.reading.family == CAMERAS}
    told = breakdown_head(q.x.text, q.sentence.start, q.sentence.end, q.m, q.mentions,
                          [c.mention for c in cameras.values()])
    if told is None:
        return False
    head = cameras[told[1].start]
    return q.read(Candidate(q.m, head.reading.continued(q.m.end), q.m.start, q.m.end, head=head,
                            site=item_site(q.x.text, q.m, q.sentence.end)))


def _continuation(q: BareQuestion) -> bool:
    """ "1 129 infractions en 2021 contre 1 083 en 2020", "dont 280 dans…", "13 à Rezé et 7 à Vertou",
    "À Créteil, 180 caméras ; à Vitry-sur-Seine, 120 ; …", "41 caméras au 31 décembre (37 un an plus tôt)"."""
    continued = continued_head(q)
    if continued is None:
        return False
    head, share = continued
    text, m, left, right = q.x.text, q.m, q.left, q.right
    typed = CAMERA_TYPE_RE.match(right) if head.reading.family == CAMERAS else None
    end = m.end + (typed.end() if typed else 0)
    reading = head.reading.continued(end)
    if head.reading.family == DENSITY and (own := OWN_BASE_RE.match(text, m.end)):
        # "1 caméra pour 270 habitants, devant Meudon (1 pour 310)": its own base
        base = float(re.sub(r"[\s.\u202f]", "", own[1]))
        reading = Reading(DENSITY, own.end(), head.reading.noun, base)
        q.consumed.update(k for k, other in enumerate(q.mentions) if own.start(1) <= other.start < own.end())
    elif head.reading.family == DENSITY and head.mention.value == 1 and not is_rate_base(head.reading.density_per):
        # "Paris en a une pour 1 100, Lyon 1 700": after one camera per so many, the next base (not "1 caméra
        # pour 1 000 habitants, plus de onze dans le 1er": so many per the same round base)
        if re.search(r"\bsoit\s*$", left):  # "1 caméra pour 109 habitants – soit 690 sur le territoire"
            return q.read(Candidate(m, Reading(CAMERAS, end, "caméras"), m.start, end))
        reading = Reading(DENSITY, end, head.reading.noun, m.value)
        return q.read(Candidate(Mention(m.start, m.end, 1.0, m.raw), reading, m.start, end, head=head))
    return q.read(Candidate(m, reading, m.start, reading.end, head=head, linked_by_dont=share))


def _bracketed_item(q: BareQuestion) -> bool:
    """ "… rejoindre le centre-ville (27 caméras), le quartier de Perseigne (14), la gare (1)": a number alone in
    brackets after a site, in a sentence that gives camera counts so, counts cameras at that site."""
    text, start = q.x.text, q.sentence.start
    opening = text.rfind("(", start, q.m.start)
    if not (BRACKET_OPEN_RE.search(text, start, q.m.start) and BRACKET_CLOSE_RE.match(text, q.m.end)):
        return False
    heads = [c for c in q.previous if c.reading.family == CAMERAS]
    if heads and (re.search(r"[.;]", text[heads[-1].end : q.m.start]) or q.m.start - heads[-1].end > 300):
        return False
    # with no count before them, the sentence's cameras are what the series counts: "Les caméras seront placées
    # dans le village (5), près de la gare (2), autour des écoles (3)"
    placed = PLACED_CAMERAS_RE.search(text, start, opening) if not heads else None
    if not heads and not (placed and q.m.value.is_integer()):
        return False
    bracketed = [o for o in q.mentions if o is not q.m and BRACKET_OPEN_RE.search(text, start, o.start)]
    if not bracketed:
        return False  # one number in brackets may be anything; a series of them lists what the first one counts
    # the first site begins after the verb that places the cameras ("placées | près de la gare (2)")
    if (site := bracketed_site(text, placed.end() if placed else start, opening)) is None:
        return False
    head = heads[-1] if heads else None
    reading = head.reading.continued(q.m.end) if head else Reading(CAMERAS, q.m.end, "caméras")
    return q.read(Candidate(q.m, reading, q.m.start, q.m.end, head=head, site=site))


def _series_start(q: BareQuestion) -> bool:
    return q.x.link_from(q.sentence, q.mentions, q.found, q.i, q.left)


def _series_end(q: BareQuestion) -> bool:
    """ "Bagnols va passer de 20 caméras de vidéosurveillance à 40": where a count goes, counted as the count it
    starts from, which is the stock it starts from (read so, whatever the tense of the change)."""
    if not re.search(r"\bà\s*$", q.left):
        return False
    text = q.x.text
    starts = [c for c in q.previous if c.reading.family == CAMERAS and c.head is None and EVOLUTION_RE.search(
        norm(text[max(q.sentence.start, c.mention.start - 60) : c.mention.start]))]
    if not starts or re.search(r"[.;]", text[starts[-1].end : q.m.start]) or q.m.start - starts[-1].end > 80:
        return False
    start = starts[-1]
    if start.mention.value >= q.m.value:
        return False  # a fall is told otherwise; "de 20 à 15" is rare enough to leave
    start.starting_point = True
    return q.read(Candidate(q.m, start.reading.continued(q.m.end), q.m.start, q.m.end))


def _table_cell(q: BareQuestion) -> bool:
    """ "Caméras financées / … / Cher / 12 / 64": a table's cell, counted by its column's header."""
    reading = q.x.read_cell(q.sentence, q.m)
    return reading is not None and q.read(Candidate(q.m, reading, q.m.start, q.m.end))


def _list_line(q: BareQuestion) -> bool:
    """ "Évolution du nombre de caméras :⏎2015 : 8⏎2018 : 19", "Les caméras par commune :⏎Séné : 14"."""
    if (reading := q.x.read_list_line(q.sentence, q.m)) is None:
        return False
    line_start = max(q.sentence.start, q.x.text.rfind("\n", q.sentence.start, q.m.start) + 1)  # its line
    bullet = re.match(rf"\s*(?:{BULLET}\s*)?", q.x.text[line_start : q.m.start])
    start, opening = line_start + bullet.end(), q.x.text.rfind("(", line_start, q.m.start)
    # "– Les entrées et sorties de ville (8).": the site the bracket counts at; "- cinq au stade": the site
    # a line that opens on its count names
    line_end = q.x.text.find("\n", q.m.end, q.sentence.end)
    site = bracketed_site(q.x.text, start, opening) if opening >= 0 else (
        item_site(q.x.text, q.m, q.sentence.end if line_end < 0 else line_end) if start == q.m.start else None)
    return q.read(Candidate(q.m, reading, start, q.m.end, site=site))


def _question_asked(q: BareQuestion) -> bool:
    """ "— Combien de caméras compte la commune ? — Aujourd'hui, 37."."""
    reading = q.x.asked_before(q.sentence, q.m)
    return reading is not None and q.read(Candidate(q.m, reading, q.m.start, q.m.end))


def _amounting_to(q: BareQuestion) -> bool:
    """ "Les agents du centre de supervision, au nombre de 12, …": what the sentence named before; "le nombre de
    caméras … est de 25": what "le nombre de" names."""
    x, m, left = q.x, q.m, q.left
    level = AMOUNTING_RE.search(left) or CHANGE_TO_RE.search(left) or LEVEL_BEFORE_RE.search(left)
    if not (level and (reading := x.number_of(q.sentence, m) or x.named_before(q.sentence, m)) or (
            NUMBER_IS_BEFORE_RE.search(left) and (reading := x.number_of(q.sentence, m)))):
        return False
    amounting = AMOUNTING_RE.search(left)
    return q.read(Candidate(m, reading, m.start - (len("au nombre de ") if amounting else 0), m.end))


def _number_of_announced(q: BareQuestion) -> bool:
    """ "le nombre de vols avec violence est resté stable : 150 en 2020"."""
    return bool(q.left.rstrip().endswith(":") and (reading := q.x.number_of(q.sentence, q.m))) and q.read(
        Candidate(q.m, reading, q.m.start, q.m.end))


def _length_of_time(q: BareQuestion) -> bool:
    return bool(MEASURE_AFTER_RE.match(q.right))


def _kinds(q: BareQuestion) -> bool:
    return bool(KINDS_AFTER_RE.match(q.right))


def _vote(q: BareQuestion) -> bool:
    """ "92 sont contre, 7 sont pour": a vote's count, no camera's, whatever the question voted on."""
    if not VOTE_AFTER_RE.match(q.right):
        return False
    q.consumed.add(q.i)  # nor the start of a series
    return True


def _others_too(q: BareQuestion) -> bool:
    """ "38 sites ont déjà été équipés, soit 290 caméras, et 12 autres le seront": the others of the count
    whose predicate the ellipsis repeats."""
    x, right = q.x, q.right_on
    if not (OTHERS_TOO_RE.match(right) and (done := next((p for p in q.previous or x.in_sentence_before(q.sentence)
                                                          if PASSIVE_AFTER_RE.match(norm(x.text[p.end : p.end + 40]))),
                                                         None)) and done.reading.family != CAMERAS):
        return False
    end = word_end(x.text, q.m.end + len(re.match(r"\s*\w+", right).group(0)))
    return q.read(Candidate(q.m, done.reading.continued(end), q.m.start, end, head=done, anaphoric=True,
                            same_place=True))


def _count_aside(q: BareQuestion) -> bool:
    """ "le nombre de caméras (96) a doublé", "des caméras – 120 –": the count alone in an aside after the noun;
    not a note's mark ("des caméras (1)") nor an amount ("pour les caméras (800 000) et la fibre (200 000)")."""
    return bool(ASIDE_CLOSE_RE.match(q.right)) and q.m.value >= NOTE_MARKS_BELOW and not MONEY_WORDS_RE.search(q.left)


def _cameras_anaphora(q: BareQuestion) -> bool:
    """ "Neuf autres seront installées", "On en dénombre aujourd'hui 878", "458 — C'est le nombre de caméras"."""
    x, m, after, own_right = q.x, q.m, q.after, len(q.right)
    if MASCULINE_PARTITIVE_RE.match(q.right):  # "quatre d'entre eux": some of a masculine plural, not of cameras
        return False
    if masculine_pronoun_before(x, q.sentence.index, q.left):
        return False
    names_cameras = bool(after and CAMERA_WORDS_RE.search(after.group(0)))
    soon = SOON_BEFORE_RE.search(q.hedged_left) and BARE_AFTER_RE.match(q.right) or (
        ASIDE_BEFORE_RE.search(q.left) and (NOW_ASIDE_AFTER_RE.match(q.right) or _count_aside(q)))
    if not ((after or soon or ANAPHORA_BEFORE_RE.search(q.left) or ANAPHORA_BEFORE_RE.search(q.hedged_left)
             or _passing_to(q) or _brought_to(q)) and (
            names_cameras or x.camera_context(q.sentence.index))):
        return False
    end = m.end + (min(after.end(), own_right, 60) if after else 0)
    if after and q.following is not None and after.end() > own_right:  # "458" ⏎ "C'est le nombre…"
        end = q.following.start + after.end() - own_right - 1
    if worn := WORN_NAMED_AFTER_RE.match(q.right):
        return q.read(Candidate(m, Reading(OTHER, m.end + worn.end(), "caméras piétons"), m.start, m.end + worn.end()))
    # "80, c'est le nombre de caméras qui seront installées à …": a cleft that names its own noun and its own
    # time, no continuation of the figure before
    cleft = bool(after and re.match(r"\W*c'est\b", after.group(0)))
    head = None if cleft else next((c for c in reversed(q.previous) if c.reading.family == CAMERAS), None) or (
        x.last_candidate(q.sentence.index, CAMERAS))
    end = word_end(x.text, end)
    return q.read(Candidate(m, Reading(CAMERAS, end, "caméras"), m.start, end, head=head,
                            anaphoric=True, same_place=bool(re.match(r"\s*autres\b", q.right_on))))


def _brought_to(q: BareQuestion) -> bool:
    """ "pour porter à 28 le dispositif", "porte à 316 le nombre d'appareils", "portant le nombre total à 103": the
    total the network comes to."""
    return bool(BRING_TO_BEFORE_RE.search(q.left) and NETWORK_AFTER_RE.match(q.right)
                or BRING_TOTAL_BEFORE_RE.search(q.left))


def _passing_to(q: BareQuestion) -> bool:
    """ "On passe de 30 à 70", "passera … de 275 caméras actuellement à 315": where the network goes, unless
    what goes there is something else counted ("les agents passeront de six à sept")."""
    if not PASS_TO_BEFORE_RE.search(q.hedged_left):
        return False
    wider = words_before(q.x.text, q.sentence, q.m.start, 200)  # the subject may stand far before the verb
    m = PASS_TO_BEFORE_RE.search(wider)
    return bool(m) and not OTHER_COUNTED_BEFORE_RE.search(wider[max(0, m.start() - 100) :] + " " + q.right[:20])


def _pronoun_of_a_figure(q: BareQuestion) -> bool:
    """ "Ils seront bientôt 19", "elles n'étaient que 20"."""
    if not ((pronoun := PRONOUN_RE.search(q.left)) and (head := q.x.last_candidate(q.sentence.index, counted=True))):
        return False
    if head.reading.family == CAMERAS and masculine_of_cameras(pronoun.group(0), named_by(q.x, head)):
        return False
    start = q.m.start - (len(q.hedged_left) - pronoun.start())  # the hedge ("presque") lies between
    return q.read(Candidate(q.m, head.reading.continued(q.m.end), start, q.m.end, head=head, anaphoric=True,
                            same_place=True))


def _pronoun_of_cameras(q: BareQuestion) -> bool:
    """ "Lorsque la ville a installé ses premières caméras, elles n'étaient que 35", "… des centaines de caméras.
    Elles seront 2000 à la fin du mandat": of no count before."""
    m, left = q.m, q.left
    if not ((pronoun := PRONOUN_RE.search(left)) and (named := cameras_named_before(
            q.x, q.sentence, m.start - len(q.hedged_left) + pronoun.start()))):
        return False
    if masculine_of_cameras(pronoun.group(0), named.group(0)):
        return False
    start = m.start - (len(q.hedged_left) - pronoun.start())
    return q.read(Candidate(m, Reading(CAMERAS, m.end, "caméras"), start, m.end, anaphoric=True))


def _typed_cameras(q: BareQuestion) -> bool:
    """ "68 caméras plus 3 nomades", "30 caméras fixes + 2 mobiles", "Parmi ces caméras, dont dix mobiles": a number
    whose only word is a type of camera counts cameras of that type, in a sentence that speaks of cameras."""
    typed = CAMERA_TYPE_RE.match(q.right)
    if not typed or not CAMERA_WORDS_RE.search(q.x.text, q.sentence.start, q.m.start):
        return False
    end = q.m.end + typed.end()
    head = next((c for c in reversed(q.previous) if c.reading.family == CAMERAS), None)
    reading = head.reading.continued(end) if head else Reading(CAMERAS, end, "caméras")
    return q.read(Candidate(q.m, reading, q.m.start, end, head=head))


@dataclass(frozen=True)
class BareRule:
    name: str
    why: str
    decides: Callable[[BareQuestion], bool]  # True: the number is read (its candidate written) or left out


BARE_RULES: tuple[BareRule, ...] = (
    BareRule("whole_counted_against", "'80 des 270 lycées': the whole a count is counted against",
             _whole_counted_against),
    BareRule("vote", "'92 sont contre, 7 sont pour': votes cast, left out", _vote),
    BareRule("whole_of_cameras", "'cinq caméras … détruites, sur 97': the network a camera count is taken from",
             whole_of_cameras),
    BareRule("breakdown", "'17 caméras … : cinq à la Halte, trois parking Gabriel-Péri, …': the items of a count",
             _breakdown),
    BareRule("bracketed_item", "'le centre-ville (27 caméras), le quartier de Perseigne (14)': cameras there",
             _bracketed_item),
    BareRule("continuation", "'13 à Rezé et 7 à Vertou', 'dont 280 dans…': what the figure before counts",
             _continuation),
    BareRule("range_end", "'en installer encore 3 à 5': the upper bound of a range read", range_end),
    BareRule("series_start", "'passer de 100 à 150 caméras': the count a series starts from", _series_start),
    BareRule("series_end", "'passer de 20 caméras à 40': where the count goes", _series_end),
    BareRule("typed_cameras", "'68 caméras plus 3 nomades': a type of camera alone names the cameras counted",
             _typed_cameras),
    BareRule("table_cell", "a table's cell counts what its column's header names", _table_cell),
    BareRule("list_line", "'Évolution du nombre de caméras :⏎2018 : 19': what the list's intro names", _list_line),
    BareRule("question_asked", "'Combien de caméras … ? — 37': what the question asks", _question_asked),
    BareRule("amounting_to", "'au nombre de 12': what the sentence named before", _amounting_to),
    BareRule("number_of_announced", "'le nombre de vols … : 150 en 2020'", _number_of_announced),
    BareRule("length_of_time", "'doublé son parc en six ans': a length of time, no count", _length_of_time),
    BareRule("kinds", "'il en existe deux sortes': a number of kinds, no count", _kinds),
    BareRule("of_them_counted", "'Sept d'entre elles': of what was counted last", of_them_counted),
    BareRule("of_them_uncounted", "'dix palettes … ; cinq d'entre elles': some of a thing not counted, left out",
             of_them_uncounted),
    BareRule("whole_of_another", "'73 communes sur les 433 que compte le département': the whole of another thing",
             whole_of_another),
    BareRule("of_them_equipped", "'… dont 12 d'entre eux équipés': sites", of_them_equipped),
    BareRule("bare_subject", "'Quatre-vingt-quatre ont déjà reçu leur aide': of what the sentence before counted",
             bare_subject),
    BareRule("repeated_predicate", "'240 caméras sont en service. 340 le seront d'ici la fin de l'année': "
             "what the clause before counted", repeated_predicate),
    BareRule("opening_item", "'… une trentaine de caméras. Quatre aux abords de la mairie, huit vers la MJC'",
             opening_item),
    BareRule("others_too", "'et 12 autres le seront': the others of the count whose predicate is repeated",
             _others_too),
    BareRule("cameras_anaphora", "'Neuf autres seront installées', 'On en dénombre 878', '(1 360 actuellement)': "
             "cameras, the topic",
             _cameras_anaphora),
    BareRule("pronoun_of_a_figure", "'Ils seront bientôt 19': what the figure before counts", _pronoun_of_a_figure),
    BareRule("pronoun_of_cameras", "'… ses premières caméras, elles n'étaient que 35'", _pronoun_of_cameras),
)


def link_bare(x: Extractor, sentence: Sentence, mentions: list[Mention], found: dict[int, Candidate],
              consumed: set[int]) -> None:
    """Each bare number left unread, asked of the rules in order; then, for those still unread, where a
    series starts ("le nombre de caméras est passé de 30 à 130": the 130 read first)."""
    for i, m in enumerate(mentions):
        if i in found or i in consumed or m.year_like:
            continue
        question = BareQuestion(x, sentence, mentions, found, consumed, i)
        for rule in BARE_RULES:
            if rule.decides(question):
                break
    for i, m in enumerate(mentions):
        if i not in found and i not in consumed and not m.year_like:
            x.link_from(sentence, mentions, found, i, words_before(x.text, sentence, m.start))
