"""Bare numbers that count a part or the whole of something named before them: "Sept d'entre elles" (of the
communes counted last), "cinq d'entre elles" (of palettes: left out), "73 communes sur les 433 que compte le
département" (the whole of another thing: left out), "dont 12 d'entre eux équipés" (sites); and bare numbers that
open a sentence and go on with the count of the sentence before ("Quatre-vingt-quatre ont déjà reçu leur aide",
"Quatre aux abords de la mairie, huit vers la MJC", "340 le seront avant la fin de l'année"). Rules of
`extractors.bare_rules.BARE_RULES`, kept apart so that each module reads in one sitting."""

from __future__ import annotations

from extractors.bare_question import BareQuestion
from extractors.bare_words import (
    BARE_SUBJECT_VERB_RE,
    CLAUSE_ENDS_RE,
    COUNTED_NOUN_BEFORE_RE,
    COUNTED_PLURAL_BEFORE_RE,
    INVERTED_HAVE_AFTER_RE,
    OUT_OF_BEFORE_RE,
    REPEATED_PREDICATE_RE,
    SITE_ITEM_AFTER_RE,
)
from extractors.candidates import Candidate, word_end
from extractors.cues import CAMERA_WORDS_RE, PARTITIVE_EQUIPPED_RE, PARTITIVE_RE
from extractors.readings import CAMERAS, OTHER, Reading, norm
from extractors.state_words import PLANNED_PARTICIPLE_AFTER_RE


def of_them_counted(q: BareQuestion) -> bool:
    """ "Les 43 communes pourront se raccorder. Sept d'entre elles ont signé": of what was counted last."""
    if not (q.after and PARTITIVE_RE.match(q.right_on) and (counted := q.last_counted()) and (
            counted.reading.family != CAMERAS)):
        return False
    end = word_end(q.x.text, q.m.end + min(q.after.end(), len(q.right)))
    return q.read(Candidate(q.m, counted.reading.continued(end), q.m.start, end, head=counted, anaphoric=True,
                            same_place=True))


def of_them_uncounted(q: BareQuestion) -> bool:
    """ "dix palettes quittent l'entrepôt ; cinq d'entre elles …": some of a thing vigicam does not count, named
    right before in the sentence, are not cameras whatever the page is about: the number is left out."""
    if not (q.after and PARTITIVE_RE.match(q.right_on)):
        return False
    nouns = list(COUNTED_PLURAL_BEFORE_RE.finditer(norm(q.x.text[q.sentence.start : q.m.start])))
    if not nouns or CAMERA_WORDS_RE.search(nouns[-1].group(0)) or q.previous:
        return False  # a count read before it in the sentence is the nearer antecedent
    q.consumed.add(q.i)
    return True


def whole_of_another(q: BareQuestion) -> bool:
    """ "73 communes sur les 433 que compte le département": the whole of a thing named before, not cameras (not
    "dix caméras, sur les quarante-sept que compte Bordeaux"): the number is left out."""
    if not INVERTED_HAVE_AFTER_RE.match(q.right):
        return False
    # the nearest thing counted before it: a count read ("une dizaine de caméras sur les 89 …") or a number and
    # its plural noun ("… de neuf centres de secours, sur les 41 que compte le département")
    before = q.x.text[q.sentence.start : q.m.start]
    nouns = list(COUNTED_NOUN_BEFORE_RE.finditer(norm(before)))
    read = q.previous[-1] if q.previous else None
    if nouns and (read is None or q.sentence.start + nouns[-1].start() > read.start):
        if CAMERA_WORDS_RE.search(nouns[-1].group(0)):
            return False
    elif read is None or read.reading.family == CAMERAS:
        return False
    q.consumed.add(q.i)
    return True


def whole_of_cameras(q: BareQuestion) -> bool:
    """ "cinq caméras ont été détruites à Nantes, sur 97": the whole a camera count is taken from, said bare
    after "sur" at the end of its clause, counts the network; "48 caméras sur 60 initialement prévues", the plan."""
    head = q.previous[-1] if q.previous else None
    if not (head and head.reading.family == CAMERAS and head.mention.value < q.m.value and OUT_OF_BEFORE_RE.search(
            q.left) and (CLAUSE_ENDS_RE.match(q.right) or PLANNED_PARTICIPLE_AFTER_RE.match(norm(q.right)))):
        return False
    return q.read(Candidate(q.m, Reading(CAMERAS, q.m.end, "caméras"), q.m.start, q.m.end))


def of_them_equipped(q: BareQuestion) -> bool:
    if not (q.after and (equipped := PARTITIVE_EQUIPPED_RE.match(q.right_on)) and equipped.end() <= len(q.right)):
        return False
    end = word_end(q.x.text, q.m.end + q.after.end())
    return q.read(Candidate(q.m, Reading(OTHER, end, "sites"), q.m.start, end))


def bare_subject(q: BareQuestion) -> bool:
    """ "180 communes en bénéficieront. Quatre-vingt-quatre ont déjà reçu leur aide": a bare count opening
    its sentence, of what the sentence before counted."""
    if not (not q.left.strip(" «\"—–-") and BARE_SUBJECT_VERB_RE.match(q.right_on) and (
            counted := q.last_counted()) and counted.reading.family == OTHER):
        return False
    end = word_end(q.x.text, q.m.end)
    return q.read(Candidate(q.m, counted.reading.continued(end), q.m.start, end, head=counted, anaphoric=True,
                            same_place=True))


def repeated_predicate(q: BareQuestion) -> bool:
    """ "240 caméras sont déjà en service. 340 le seront avant la fin de l'année", "15 caméras sont installées ;
    23 le seront dans quelques semaines": a bare count opening its clause whose verb repeats by "le" the
    predicate of the clause before counts what that clause counted; its own verb tells its time."""
    own_clause_left = q.left.rsplit(";", 1)[-1]
    if own_clause_left.strip(" «\"—–-") or not REPEATED_PREDICATE_RE.match(q.right):
        return False
    if (counted := q.last_counted()) is None:
        return False
    end = word_end(q.x.text, q.m.end)
    return q.read(Candidate(q.m, counted.reading.continued(end), q.m.start, end, head=counted, anaphoric=True))


def opening_item(q: BareQuestion) -> bool:
    """ "… une trentaine de caméras qui filment. Quatre aux abords de la Maison commune, huit vers la MJC": a bare
    number and a site opening a sentence that lists more breaks down the cameras the sentence before counted."""
    if q.left.strip(" «\"—–-") or not SITE_ITEM_AFTER_RE.match(q.right) or len(q.mentions) < 2 or q.previous:
        return False
    head = q.x.last_candidate(q.sentence.index, CAMERAS)
    if head is None or q.x.sentences[q.sentence.index - 1].end < head.start:
        return False  # of the sentence right before, or nothing
    end = word_end(q.x.text, q.m.end)
    return q.read(Candidate(q.m, head.reading.continued(end), q.m.start, end, head=head, anaphoric=True))
