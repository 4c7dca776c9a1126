"""Words the bare-number rules (`extractors.bare_rules`) look for around a number with no noun of its own: another
time in brackets, a verb of its own, "bientôt", an aside on cameras, a rate's base, brackets, a partitive's
antecedent, votes cast."""

from __future__ import annotations

import re

from extractors.lexicon_fr import COUNT_IN_WORDS, PAST_PARTICIPLE
from extractors.state_words import BRING_TOTAL_BEFORE, PORTER

EARLIER_THEN_RE = re.compile(r"\s*(?:un an|deux ans|trois ans) (?:plus tôt|auparavant)\b|\s*l'(?:année|an) "
                             r"(?:précédente|d'avant|dernier)\b|\s*(?:en|fin) (?:19|20)\d\d\s*\)")
BARE_SUBJECT_VERB_RE = re.compile(r"\s*(?:ont|sont|avaient|étaient|seront|auront)\s+(?:déjà\s+|aussi\s+|également\s+)?"
                                  r"(?:reçu|bénéficié|obtenu|été|signé|rejoint|déposé)")
OTHERS_TOO_RE = re.compile(r"\s*(?:autres|derni[eè]re?s|restant(?:e|es|s))\s+l(?:e|es|')\s*"
                           r"(?:seront|sera|sont|ont été)\b")
# "340 le seront avant la fin de l'année": the verb repeats, by its pronoun "le", what the clause before said
REPEATED_PREDICATE_RE = re.compile(r"\s*l(?:e|es|')\s*(?:seront|sera|seraient|serait|sont|est|étaient|était|ont été)\b")
PASSIVE_AFTER_RE = re.compile(rf"\s*(?:ont|sont|seront)\s+(?:\w+\s+)?(?:été\s+)?{PAST_PARTICIPLE}")
# "11 caméras (bientôt 14)", "équipée de 20 caméras, et bientôt 24": the count to come of what was counted,
# when no noun of its own follows ("les cinq et bientôt six agents" counts agents)
SOON_BEFORE_RE = re.compile(r"\bbientôt(?:\s+par)?\s*$")
# "pour porter à 28 le dispositif", "cela porte à 316 le nombre d'appareils en place": the total a network is
# brought to, its noun after the number (the order of "porter le dispositif à 28" turned round)
BRING_TO_BEFORE_RE = re.compile(rf"{PORTER}\s+à\s*$")
BRING_TOTAL_BEFORE_RE = re.compile(BRING_TOTAL_BEFORE)
NETWORK_AFTER_RE = re.compile(r"\s*(?:le|son|notre|leur)\s+(?:dispositif|parc|réseau|système)\b"
                              r"|\s*le nombre (?:total )?(?:d'appareils|de dômes)\b")  # "de caméras": an anaphora's own
# "le nombre de caméras (1 360 actuellement)", "des caméras – environ 350 actuellement –": an aside on cameras
ASIDE_BEFORE_RE = re.compile(r"cam[ée]ras?(?:\s+(?:de\s+|d')?[\w-]+){0,2}\s*(?:[(–—]|\s-)\s*$")
# "le nombre de caméras (96) a doublé", "avait déjà des caméras – 120 –": the aside holds the count alone, or
# with what restates it ("des caméras – 120, soit six par kilomètre carré –")
ASIDE_CLOSE_RE = re.compile(r"\s*(?:[)–—]|-\s|,\s*soit\b)")
OWN_BASE_RE = re.compile(r"\s*pour\s+(\d{1,3}(?:[\s.\u202f]\d{3})*|\d+)(?:\s+habitants)?\b(?!\s*%)")
BRACKET_OPEN_RE = re.compile(r"\(\s*(?:×\s*)?$")
BRACKET_CLOSE_RE = re.compile(r"\s*\)")
# "dix palettes de boissons quittent un entrepôt ; cinq d'entre elles …": the number and plural noun a partitive
# pronoun points back to, when it is the nearest before it in the sentence
COUNTED_PLURAL_BEFORE_RE = re.compile(rf"\b(?:\d[\d  .]*|{COUNT_IN_WORDS})\s+([a-zà-ÿ-]{{3,}}s)\b")
# "cinq caméras … détruites, sur 97": the whole said bare, at the end of its clause
OUT_OF_BEFORE_RE = re.compile(r"(?:^|[\s,])sur\s+(?:les\s+|un total de\s+)?$")
CLAUSE_ENDS_RE = re.compile(r"^\s*(?:$|[.;,)!?])")
# "73 communes sur les 433 que compte le département", "trois bus parmi les trente-trois que compte l'agglomération":
# the whole a count is taken from, with its owner after the verb
INVERTED_HAVE_AFTER_RE = re.compile(r"\s*que (?:compte|comptent|possède|possèdent|totalise)\b")
COUNTED_NOUN_BEFORE_RE = re.compile(rf"\b(?:\d[\d  .]*|{COUNT_IN_WORDS})\s+([a-zà-ÿ-]{{2,}}[sx])\b")  # "trois bus"
# "… une trentaine de caméras. Quatre aux abords de la Maison commune, huit vers la MJC": a sentence that opens on
# a bare number and a site, then lists more, breaks down the count of the sentence before
SITE_ITEM_AFTER_RE = re.compile(r"\s*(?:aux abords d|autour d|à proximité d|près d|en face d|à l'entrée d|à|au|aux|"
                                r"sur|dans|devant|derrière|vers|place|rue|avenue|boulevard)\b")
# "92 sont contre, 7 sont pour et 6 ne se sont pas exprimées", "par 20 voix pour et 3 contre": votes cast
VOTE_AFTER_RE = re.compile(r"^\s*(?:(?:sont|étaient|ont voté|se sont prononcée?s?)\s+)?(?:contre|pour)"
                           r"(?=\s*(?:[,.;:)]|et\b|$))|^\s*(?:ne se sont pas exprimée?s|se sont abstenue?s"
                           r"|abstentions?|votes? blancs?|bulletins)\b")
# "il en existe deux sortes", "trois modèles de caméras": a number of kinds, no number of things
KINDS_AFTER_RE = re.compile(r"\s*(?:sortes|types|catégories|genres|familles|modèles|générations|formes|gammes)\b")
# "Les caméras seront placées dans le village (5), près de la gare (2)": cameras said where they stand, before a
# series of bracketed numbers
PLACED_CAMERAS_RE = re.compile(r"\bcam[ée]ras?\b[^.;()]{0,60}?\b(?:placée?s|installée?s|réparties|implantée?s|"
                               r"posée?s|déployée?s|situées|positionnée?s|se trouv\w+)\b")
# "14 appareils", "19 nouveaux dispositifs": cameras said with a masculine noun, which "ils" may stand for (not
# "caméras", nor a bare count of them: "aux 6 en service")
MASCULINE_CAMERA_NOUN_RE = re.compile(r"\W*(?:[\w-]+\s+){0,2}?(?:appareils|dispositifs|équipements|dômes|systèmes|"
                                      r"objectifs|capteurs|modules|exemplaires|matériels)\b")
# "une quinzaine de panneaux": what a noun of approximation counts follows it (not "de la préfecture", an owner)
# ("une quarantaine de nouvelles", "une dizaine d'ici à 2027", "une dizaine d'autres" have none)
OWN_NOUN_AFTER_RE = re.compile(r"\s*(?:de\s+(?!la\b|l'|nouv|plus\b|moins\b|suppl)|d'(?!ici\b|autres?\b|entre\b|ores\b))"
                               r"[a-zà-ÿ]")
