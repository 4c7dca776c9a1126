"""Words of time and of change that the tense rules (`extractors.tense`) read around a camera count: futures and
plans, pasts and installations, increments, bounded periods, damage and replacement, decisions and phases."""

from __future__ import annotations

import re

from extractors.anaphora_fr import (
    RELATIVE_HAVE,
)
from extractors.lexicon_fr import (
    BOUNDED_PERIOD,
    DAMAGED,
    DONE_OPERATION,
    FUTURE_PASSIVE,
    FUTURE_TERMS,
    FUTURE_VERB_RE,
    IMPERFECT,
    INCREMENT_TERMS,
    INSTALL,
    MONTH_NAMES,
    NOW_WORDS,
    OPENING_PERIOD,
    PAST_INSTALL,
    REPLACED,
    SET_HEDGE,
    SINCE_MONTH,
    STOCK_NOW,
    SUPPORTED_INSTALL,
    TO_COME_AFTER,
)
from extractors.numbers import WORD_NUMBER_RE

FUTURE_RE = re.compile(rf"(?<![\w'])(?:{FUTURE_TERMS}|{FUTURE_VERB_RE})(?![\w])"
                       rf"|(?<=\b[sn]')(?:{FUTURE_VERB_RE})(?![\w])"  # "s'ajouteront", "s'étendra", "n'irons pas"
                       rf"|(?:(?<=\bd')|(?<=\bqu'))(?:{FUTURE_TERMS})(?![\w])"  # "d'un plan de 50", "qu'un projet de"
                       r"|(?<=\bl')objectif\b")  # "L'objectif est de 200 caméras en 2026"
PAST_RE = re.compile(PAST_INSTALL)
INCREMENT_RE = re.compile(rf"(?<![\w'])(?:{INCREMENT_TERMS})(?![\w])")
BOUNDED_RE = re.compile(BOUNDED_PERIOD)
OPENING_PERIOD_RE = re.compile(OPENING_PERIOD)
SINCE_MONTH_RE = re.compile(SINCE_MONTH)
NOMINAL_INSTALL_RE = re.compile(r"\b(?:l'installation|la pose|la mise en service|la mise en place|le déploiement)\b")
PAST_MARKER_RE = re.compile(r"\b(?:la semaine|le mois|l'an|l'année|le week-end) (?:dernier|dernière|passé|passée)\b"
                            r"|\bhier\b")
# a month or a season of the year gone: "en août dernier", "l'été dernier" (set apart after an operation, its date;
# before it, often another verb's: "le plan conclu en octobre dernier, avec l'installation de 50 caméras")
SEASON_GONE_RE = re.compile(rf"\b(?:l'été|l'automne|l'hiver|le printemps|(?:en|au mois d[e'])\s*(?:{MONTH_NAMES})) "
                            r"(?:dernier|passé)\b")
# the words of a count's noun phrase, then what commas set apart after it ("deux caméras, en août dernier,")
INCISE_AFTER_RE = re.compile(r"[^,.;]{0,50}(?:,[^,.;]{0,40},)?")
NOW_RE = re.compile(rf"(?<![\w])(?:{STOCK_NOW})(?![\w])")
DAMAGED_RE = re.compile(DAMAGED)
REPLACED_RE = re.compile(REPLACED)
REPLACER_AFTER_RE = re.compile(r"^[^.;,]{0,40}?(?<!\bne )\bremplac(?:eront|era|ent|e)\b")  # the count is the subject
# "70 caméras de plus", "12 nouvelles caméras": more cameras, not how many there are
MORE_NEXT_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+(?:[\w-]+\s+){0,2}?)?(?:nouvelles?|nouveaux|supplémentaires?|autres"
                          r"|de plus|en plus|additionnel\w*)\b")
# "six caméras tournées vers les commerces et trois autres installées dans la zone": the rest of a split, no more
# "96 caméras supplémentaires de vidéosurveillance depuis 2014": more of them since a year gone, put up since
MORE_SINCE_YEAR_AFTER_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:[\w-]+\s+){0,2}?(?:nouvelles?|nouveaux"
                                      r"|supplémentaires?|de plus|en plus)\s+(?:[\w'-]+\s+){0,3}?"
                                      r"depuis\s+(?:19|20)\d\d\b")
# "contre 310 avant notre mandat", "contre onze auparavant", "contre 56 en 2019": the count a comparison sets
# against, at a time gone or now
COMPARED_BEFORE_RE = re.compile(rf"\bcontre\s+(?:(?:{SET_HEDGE}|seulement|à peine|moins de)\s+)?$")
EARLIER_AFTER_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:auparavant|précédemment|avant\b|jusqu'(?:ici|alors|à présent)"
                              r"|autrefois|il y a\b|en (?:19|20)\d\d|l'an dernier|l'année dernière|l'an passé"
                              rf"|{NOW_WORDS})")
# "De 11 caméras installées en 2002 …, le dispositif est monté à 105": where a series starts, the rest of its
# sentence telling where it went or goes
SERIES_FROM_BEFORE_RE = re.compile(r"(?:^|[,;:(]|\bet)\s*de\s*$")
SERIES_TO_REST_RE = re.compile(r"\b(?:mont|pass|grimp|arriv|port)(?:é|ée|és|ées|er|era|eront)\s+(?:\w+\s+){0,2}?à\s"
                               r"|\b(?:atteint|atteindra|atteindre)\s")
OTHERS_OF_SPLIT_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?autres\b")
# "un nombre de nouvelles caméras compris entre 30 et 50": new ones, told by the number they come to
NEW_NUMBER_OF_BEFORE_RE = re.compile(r"\bnombre (?:total )?de (?:nouvelles|futures) caméras\b[^.;]{0,40}$")
# Any verb in the passé composé ("nous avons accompagné 84 communes"): what it tells of is done.
# "a beaucoup changé", "ont progressivement été installées": adverbs between the auxiliary and its participle
PARTICIPLE_AFTER_AUX = (r"\s+(?:(?:déjà|ainsi|aussi|bien|encore|été|beaucoup|enfin|[a-zé]{3,}ment)\s+){0,2}"
                        r"[a-zéèêàçî]+(?:é|ée|és|ées|i|is|it|u|us)\b")
HAVE_AUX = r"avons|avez|ont|a|avions|aviez|avaient|avait"
# "Le dispositif initial comportait 12 caméras": an imperfect right before the count tells its own past
IMPERFECT_BEFORE_RE = re.compile(rf"{IMPERFECT}(?:\s+[^\W\d]+'?){{0,3}}\s*$")
COMPOUND_PAST_RE = re.compile(rf"\b(?:{HAVE_AUX}|sommes|sont|est){PARTICIPLE_AFTER_AUX}")
# with "avoir" only: "ont été posées", "a installé" (not "sont installées", which may tell a state now)
HAVE_DONE_RE = re.compile(rf"\b(?:{HAVE_AUX}){PARTICIPLE_AFTER_AUX}")
FIRST_ONES_RE = re.compile(r"^\s*premi[eè]r(?:e|es|s)\s+cam[ée]ras?\b")
ALREADY = (r"(?:d'ores et )?déjà (?:en place|en service|en fonctionnement|en fonction\b(?! d)|install\w*|"
           r"implant\w*|déploy\w*|pos[ée]\w*"
           r"|opérationnel\w*)|existant\w*"
           r"|à (?:son|leur|notre) actif")  # "Avec plus d'une centaine de caméras à son actif, Libourne espère…"
# "caméras déjà en place", "que nous avons": there now (words, not another number: not "aux 15 existantes")
ALREADY_THERE_RE = re.compile(rf"^\s*(?:caméras?\s+)?(?:(?:[^\W\d]+\s+){{0,2}}?(?:{ALREADY})|{RELATIVE_HAVE})")
# "Quimper, qui comptait 15 caméras et qui en ajoute 7": some more, added now (the present of adding)
ADDS_SOME_BEFORE_RE = re.compile(r"\ben\s+r?ajout(?:e|ent|ons)\s*$")
# "Cinq des 48 caméras prévues dans le dispositif sont déjà posées": the whole the count is part of, up to the
# part's own verb (what is said of the 48 is not said of the five)
WHOLE_AFTER_PART_RE = re.compile(r"^\s*(?:des|de ses|de leurs|sur les|d'entre les)\s+\d[\d\s\u00a0]*\s*cam[ée]ras?\b"
                                 r"[^,.;:\d]{0,60}?(?=\s(?:sont|est|ont|étaient)\b)")
# "« 48 caméras opérationnelles » et 10 autres qui seront posées": in service now, unless dated to come.
OPERATING_RE = re.compile(r"^\s*(?:caméras?\s+)?(?:opérationnel\w*|en service|en fonctionnement|en état de marche|"
                          r"en état de fonctionnement|fonctionnelles?)\b" + TO_COME_AFTER)
# "454 caméras fixes, installées depuis 2014": up since a year gone and still there, whatever the sentence says is
# to come (not "depuis janvier", nor "depuis 10 ans", a span: what was put up within it was added)
UP_SINCE_AFTER_RE = re.compile(r"^\s*cam[ée]ras?(?:\s+(?!nouvelles|supplémentaires)[^\W\d][\w'-]*){0,3}?,?\s+"
                               r"(?:install|pos|positionn|déploy|implant|plac)ées?\s+depuis\s+"
                               r"(?:(?:19|20)\d\d\b|longtemps\b|des années\b)")
# "treize caméras filment les rues du centre-ville depuis juillet": the count's own present verb of watching
WATCHING_VERBS = r"filment|surveillent|couvrent|quadrillent|scrutent|fonctionnent|veillent|balayent"
OWN_WATCHING_AFTER_RE = re.compile(r"^\s*(?:cam[ée]ras?|appareils|dômes)"
                                   r"(?:\s+(?!supplémentaires|nouvelles)[\w'-]+){0,2}?"
                                   rf"\s+(?:{WATCHING_VERBS})\b"
                                   r"(?!\s+(?:désormais|maintenant|dorénavant)\b)")
# "Soixante caméras balayent 24 h/24", "689 caméras installées", "300 caméras actives": the count's own state, now,
# which a sentence before that tells of what is to come does not carry into its future
OWN_STATE_AFTER_RE = re.compile(r"^\s*(?:cam[ée]ras?|appareils|dômes)(?:\s+(?!de plus|supplémentaires|nouvelles)"
                                r"[\w'-]+){0,3}?\s+(?:installées|posées|actives|branchées|opérationnelles|en service"
                                rf"|{WATCHING_VERBS})\b")
# "15 nouvelles caméras installées autour de la gare", "10 caméras nouvelles installées": new ones and a bare past
# participle of putting up, no auxiliary and no time ahead: what was added
NEW_INSTALLED_AFTER_RE = re.compile(
    r"^\s*(?:(?:nouvelles|supplémentaires)\s+cam[ée]ras?|cam[ée]ras?\s+(?:nouvelles|supplémentaires))"
    r"(?:\s+(?:de\s+)?(?:vidéo[\w-]*|surveillance|fixes|mobiles|nomades))*\s+(?:récemment\s+)?"
    r"(?:installées|posées|mises en (?:service|place)|déployées|implantées|ajoutées)\b"
    r"(?![^.;]{0,40}\b(?:d'ici|prochaine?s?|bientôt|à venir|dès)\b)")
# "180 caméras qui occupent des points stratégiques", "300 caméras qui nous épient": the count's own relative clause
# in the present (or imperfect) indicative, not a modal, a conditional ("qui seraient") or "viennent compléter"
OWN_RELATIVE_NOW_AFTER_RE = re.compile(
    r"^\s*(?:cam[ée]ras?|appareils|dômes)"
    r"(?:\s+(?!(?:de plus|supplémentaires|nouvelles|sur|dans|des|de|du|à|au|aux|en|pour|par)\b)[^\W\d][\w'-]*){0,2}?"
    r"\s+qui\s+(?:(?:nous|vous|y|les|la|le|l'|en|se|s')\s*)?"
    r"(?!(?:doivent|peuvent|vont|viennent|devaient|pouvaient|allaient|venaient|ajoutent|complètent|renforcent"
    r"|rejoignent|étoffent|remplacent)\b)[a-zéèêàâîôû]+ent\b(?<!raient)")
# either: the count's own verb says it is there now
OWN_NOW_AFTER_RE = re.compile(f"{OWN_WATCHING_AFTER_RE.pattern}|{OWN_RELATIVE_NOW_AFTER_RE.pattern}")
# "le réseau, lancé en 2004 avec 15 caméras": what a system started with, there then
STARTED_WITH_BEFORE_RE = re.compile(r"\b(?:lancée?s?|démarrée?s?|inaugurée?s?|créée?s?|née?s?|installée?s?"
                                    r"|mise?s? en (?:place|service)"
                                    # "la ville s'est dotée d'un système de vidéosurveillance en 2010 avec"
                                    r"|(?:s'est|se sont|s'était|s'étaient) (?:dotée?s?|équipée?s?) d'une?\s+[\w-]+"
                                    r"(?:\s+d(?:e\s+|')[\w-]+)?)"
                                    # "Installé en janvier 2009 avec 26 caméras, le CSU …"
                                    rf"\s+(?:en\s+(?:(?:{MONTH_NAMES})\s+)?(?:19|20)\d\d\s+|il y a \w+ ans\s+)?"
                                    # "lancé en 2004 avec l'installation de 14 caméras"
                                    r"avec(?:\s+(?:l'installation|la pose|la mise en (?:place|service)|le déploiement"
                                    r"|l'implantation)\s+d(?:e|'))?\s*$")
WHOLE_OF_PART_RE = re.compile(r"\b(?!ensemble|totalité|plupart)(?:\d+|[a-zé-]+)\s+"
                              r"(?:des|de ses|sur les|sur ses)\s*$")
SINCE_RE = re.compile(r"\bdepuis\b")
# "Nous avons installé 12 caméras et nous en installerons 8 l'an prochain": a pace, not the whole network
MORE_TO_COME_RE = re.compile(r"\ben\s+(?:install|pos|ajout|déploi|implant)\w*(?:rons|ra|ront)\b")
NEW_SUM_BEFORE_RE = re.compile(r"\b(?:nouveaux|nouvelles|supplémentaires)\b[^.;]{0,60}\bau total de\s*$")
AID_RE = re.compile(r"\baides?\b|\bsubvention|\bfinanc|\bsoutien|\bsoutenu")
# "La liste compte par ailleurs installer 120 caméras", "nous comptons en poser 20": counting on doing, an intent
INTENDS_AFTER = (r"(?!\s+(?:[\w']+\s+){0,2}?(?:(?:install|pos|déploy|implant|ajout|rajout|achet|financ|lou|dot|équip"
                 r"|port|doubl|tripl|multipli|renforc|développ)er|acquérir|mettre|atteindre|étendre)\b)")
# "les élus ont accepté le principe de 3 caméras", "l'appel d'offres avait été lancé pour 4 caméras": an auxiliary,
# not a verb of having
AUXILIARY_AFTER = r"(?!\s+(?:[\w']+\s+)?(?:été|[a-zéèêàâîôûç]{3,}(?:é|ée|és|ées))\b)"
PRESENT_HAVE_RE = re.compile(rf"\b(?:(?:compte|comptent|comptons|comptait|comptaient|comptions){INTENDS_AFTER}"
                             r"|dispose|disposent|disposons|possède|possèdent|possédons|"
                             rf"(?:avons|ont|avait|avaient|avions|aviez|avez){AUXILIARY_AFTER}|"
                             r"totalise|totalisent|pilote|pilotent|gère|gèrent|regroupe|regroupent|relie|"
                             r"surveille|surveillent|était|étaient|disposait|disposaient|possédait|"
                             r"disposions|possédions|y en a|y a|en a|"
                             r"conserve|conservent|"
                             # a state of having: "Toulouse est pourvue de 17 caméras", "la ville est équipée de"
                             r"(?:est|sont) (?:aujourd'hui |déjà |actuellement )?(?:pourvue?s?|dotée?s?|équipée?s?"
                             r"|munie?s?) d(?:e\b|')"
                             # a pronoun's number now: "le conseil a révélé qu'elles sont finalement 18"
                             r"|(?:elles|ils) (?:ne )?sont (?:\w+ )?(?=\d)"
                             # a verb of reaching, in the present: "le bilan au 1er décembre atteint 16 400 caméras"
                             r"|atteint|atteignent|s'élève|s'élèvent|recense|recensent|dénombre|dénombrent)\b")
SUPPORTED_INSTALL_RE = re.compile(SUPPORTED_INSTALL)
DONE_OPERATION_RE = re.compile(DONE_OPERATION)
# "27 caméras au total, installées pendant l'été": installed within a period, however many they are
DATED_PARTICIPLE_RE = re.compile(rf"^(?:(?!\bdont\b)[^.;]){{0,30}}?\b(?:{INSTALL})\w*\s+"
                                 rf"(?:{BOUNDED_PERIOD})")  # not "Dix-huit, dont six installées l'an dernier"
FUNDED_NEXT_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:financ|subventionn|cofinanc|aidé)\w*")
# Words of "now" that do not date the count: "il en promettait déjà 50", "13 de plus qu'aujourd'hui".
PROMISED_ALREADY_RE = re.compile(r"\b(?:promet\w*|promis\w*|annon\w*|prév\w*|envisag\w*)\s+déjà\b"
                                 r"|\bdéjà\s+(?:arrêté|décidé|voté|adopté|validé|programmé|prévu|annoncé|promis)\b"
                                 r"|\bqu'(?:aujourd'hui|actuellement|à ce jour)"
                                 r"|\b(?:désormais|aujourd'hui|déjà) autorisée?s?\b")  # allowed now, not yet up
# "la commune va désormais en compter 1 050": from now on, in a future: the time the future starts from, no state
FUTURE_FROM_NOW_RE = re.compile(r"\b(?:va|vont|allons|allez|devra|devront|pourra|pourront)\s+"
                                r"(?:désormais|dorénavant|maintenant|à présent|aujourd'hui)\b")
# "passer de 70 actuellement à plus de 200": the now of where a series starts, not of where it goes
START_NOW_BEFORE_RE = re.compile(rf"\bde\s+(?:\d[\d  .]*|[a-zéè-]+)\s+(?:cam[ée]ras?\s+)?{NOW_WORDS}\s+à\s+"
                                 rf"(?:{SET_HEDGE}\s+)?$")
# what will be done with cameras there already: watched, linked, run from elsewhere
LINKED_TO_COME_RE = re.compile(rf"\b(?:{FUTURE_PASSIVE})\s+(?:\w+\s+)?"
                               r"(?:visionn|reli|raccord|connect|exploit|gér|consult|transf|supervis|basculé"
                               r"|complét|renforc|rejoint|étoff)\w*")  # "les 35 caméras seront complétées par …"
# "la proposition de raccordement des 19 caméras de Rocquencourt au CSU", "raccorder ses 40 caméras au centre":
# a set linked to a centre is there already, whatever the decision to link it says of time
LINKING_SET_BEFORE_RE = re.compile(r"\b(?:(?:raccord|connect|rattach|reli)\w*\s+(?:de\s+|à\s+)?"
                                   # the watching of a set: "le futur centre de supervision des 110 caméras"
                                   r"|(?:supervision|visionnage|exploitation|images|enregistrements)\s+)"
                                   r"(?:des|ses|leurs|les|aux)\s*$")
# "Les six dernières ont été posées il y a trois mois": the latest of a network, what was added last
LAST_ONES_AFTER_RE = re.compile(r"^\s*(?:derni[eè]res|derniers)\b(?:\s+cam[ée]ras)?\s+(?:\w+\s+)?"
                                # "Les 15 dernières caméras viennent d'être installées": the recent past too
                                r"(?:(?:ont|sont)\s+(?:été\s+)?|(?:viennent|venaient) d'être\s+)"
                                r"(?:install|pos|mis\w* en|implant|déploy|ajout|raccord)")
MOVED_RE = re.compile(rf"\b(?:{FUTURE_PASSIVE})\s+(?:\w+\s+)?(?:déplac|redéploy|réorient)\w*")
PHASE_RE = re.compile(r"\b(?:phase|tranche|étape)\b")
DONE_RE = re.compile(r"\b(?:réalisée?s?|achevée?s?|terminée?s?)\b")
IN_PROGRESS_RE = re.compile(r"\ben cours\b(?! de validité)")
# "après la destruction de six caméras", "le vol de deux caméras": the noun of the harm done to the cameras counted
DAMAGE_NOUN_BEFORE_RE = re.compile(r"\b(?:destruction|dégradation|détérioration|vandalisme|vol|saccage|sabotage"
                                   r"|incendie|arrachage|caillassage)s?\s+(?:de|d')\s*(?:[\w-]+\s+){0,2}$",
                                   re.IGNORECASE)
# "une dizaine d'appareils, vandalisés lors des émeutes, doivent être remplacés": damaged, said in apposition
# "huit caméras, endommagées", "50 caméras de vidéoprotection, brûlées": the state in apposition, its noun's
# complement ("de vidéoprotection") between
DAMAGED_APPOSITION_RE = re.compile(rf"^\s*(?:(?:de|d')\s*)?[\w-]+(?:\s+(?:de|d')\s*[\w-]+)?\s*,\s*(?:{DAMAGED})")
# "aucune caméra supplémentaire n'est prévue": a plan denied
NO_PLAN_RE = re.compile(r"\b(?:n'(?:est|était|a été)|ne sont|n'ont été)\s+(?:pas\s+|plus\s+|encore\s+)?"
                        r"(?:prévue?s?|programmée?s?|envisagée?s?|annoncée?s?)")
# the conditional of a figure reported from a source, not of a plan
SOURCE_RE = re.compile(r"\bselon\b|\bd'après\b|\bà en croire\b|\bde source\b")
REPORTED_HAVING = r"compterai(?:t|ent)|disposerai(?:t|ent)|poss[éè]derai(?:t|ent)|y aurait|totaliserai(?:t|ent)"
REPORTED_RE = re.compile(rf"\b(?:{REPORTED_HAVING})\b")
# "la commune possèderait seulement 5 caméras", "ne disposerait que de 12 caméras": a conditional of having that
# belittles the count reports what there is, as a source would
BELITTLED_REPORT_RE = re.compile(rf"\b(?:{REPORTED_HAVING})\s+(?:seulement|que|qu'|à peine|tout juste|uniquement)\b")
# "La France compterait environ 400 000 caméras": the conditional of having told with no time ahead and no new
# cameras is hearsay of what there is; "Nice disposerait bientôt de 624 caméras", "d'ici quelques mois, le centre
# compterait six nouvelles caméras" stay plans, and so does a count its sentence dates (the year may be ahead)
HEARSAY_AHEAD_RE = re.compile(r"\b(?:bientôt|prochainement|d'ici|à terme|à l'horizon|désormais|dès|si|nouvelles?"
                              r"|supplémentaires?|installée?s|prévue?s|attendue?s"
                              r"|(?:19|20)\d\d)\b")  # "En 2030, la commune disposerait de 40 caméras"
YEARS_SPAN_RE = re.compile(r"\bentre (?:19|20)\d\d et (?:19|20)\d\d\b")  # a span of years bounds an installation
# "60 000 euros pour 14 caméras": money for cameras, which on a page of aid granted pays for cameras to come
MONEY_FOR_RE = re.compile(r"(?:€|euros?)\s*(?:ht|ttc)?\s+pour\s*$")
# "huit caméras supplémentaires surveillent désormais le parc": new ones, now at work
NEWLY_RE = re.compile(r"\bdésormais\b|\bdepuis peu\b")
NEW_ONES_RE = re.compile(r"\b(?:supplémentaires?|nouvelles|nouveaux|additionnelles)\b")
# the count's own words say it is new: "dix nouvelles caméras", "deux caméras en plus" (not "supplémentaires",
# said of a stock as well: "sur les parkings, nous disposons de 40 caméras supplémentaires")
NEW_COUNT_AFTER_RE = re.compile(r"^\s*(?:petites\s+)?(?:nouvelles|nouveaux)\b|^\s*[\w-]+\s+en plus\b")
# decided, or granted: an aid granted for cameras pays for cameras to be installed
DECIDED_RE = re.compile(r"\b(?:votée?s?|approuvée?s?|adoptée?s?|décidée?s?|actée?s?|validée?s?"
                        # not "accorder une place à part à la sécurité": an importance given, no grant
                        r"|accordée?s?(?!\s+(?:une\s+|la\s+|beaucoup\s+d'|de\s+l')?(?:place|importance|priorité"
                        r"|attention|intérêt|confiance|crédit)\b)|attribuée?s?|allouée?s?|octroyée?s?"
                        # "le conseil approuve …", "a fait voter un plan": a decision in the present or the infinitive
                        r"|approuve|approuvent|adopte|adoptent|décide|décident|valide|valident|vote|votent|voter)\b")
REGIONAL_KINDS = ("region", "departement")
# "bientôt" or "prochainement" right before the number, after another count: this count's own future
# … or open the sentence ("Bientôt 80 caméras⏎pour encore plus d'efficacité⏎Le programme … est déjà dépassé")
SOON_OF_ITS_OWN_RE = re.compile(r"(?:(?:\bet|,|\bpuis)\s+|(?:^|\n)[ \t]*)(?:bientôt|prochainement|à terme)\s+"
                                r"(?:(?:par|à|de|d')\s*)?$")
# "le plan « 1 000 caméras pour Paris »", "le projet 1000 caméras", "Plan « 100 caméras »": a count that names a plan
NAMED_PLAN_BEFORE_RE = re.compile(r"\b(?:plan|projet|programme)\s*[«\"“]?\s*$", re.IGNORECASE)
# "le choix d'installer une batterie de six caméras", "Le chantier consiste à installer trois caméras", "a proposé de
# poser 2 200 caméras": a count an infinitive of putting up governs is not up yet
INSTALL_INFINITIVE_BEFORE_RE = re.compile(
    r"\b(?:(?:install|pos|déploy|implant|ajout|rajout|achet|financ|lou)er|acquérir|mettre en (?:place|service))\s+"
    r"(?:(?:au moins|près de|plus de|environ|quelque|jusqu'à|pas moins de|une batterie de|un total de|un parc de"
    r"|un réseau de|un dispositif de)\s+)?(?:les\s+|des\s+|ses\s+|leurs\s+|de\s+)?$")
# "la commune a investi 3 millions d'euros pour installer 130 caméras", "ce qui a permis d'installer", "auxquels il
# faut ajouter six caméras": the infinitive told of what was done, or of what is there
DONE_GOVERNOR_BEFORE_RE = re.compile(
    # "Nîmes a vu s'installer plus de 600 caméras depuis 2001": what the town saw put up
    r"\b(?:(?:a|ont|avait|avaient|avons|eu|été)\s+(?:\w+\s+){0,2}?(?:pu|permis|réussi|servi|aidée?s?|investi|dépensé|vu"
    r"|consacré|mobilisé|financé)\b[^.;:]{0,80}|\bil (?:faut|fallait)\s+)"
    r"(?:(?:de|d'|à|pour)\s*)?(?:en\s+)?\S+\s+(?:\S+\s+){0,4}$"
    r"|\b(?:fait|font)\s+\S+\s+(?:\S+\s+){0,4}$")  # "le maire fait poser 17 caméras", "a fait installer": done
# "pour passer de 50 à 100", "Faire augmenter le nombre de caméras de 120 à 150": an infinitive of change
CHANGE_INFINITIVE_BEFORE_RE = re.compile(r"\b(?:passer|porter|augmenter|monter|atteindre|doubler|tripler)\b"
                                         r"[^.;:]{0,70}$")
# "(350 actuellement, installées depuis 2014)", "– environ 350 actuellement –": the count there now, told aside
NOW_ASIDE_AFTER_RE = re.compile(rf"\s*(?:cam[ée]ras?\s+)?{NOW_WORDS}\s*(?:[)–—,]|-\s|$)")
FIRST_PHASE_RE = re.compile(r"\bpremi[eè]re (?:phase|tranche|étape|vague)\b")
# "le réseau de vidéoprotection le plus dense de France, fort de 884 caméras": what it has now
STRONG_OF_BEFORE_RE = re.compile(rf"\b(?:fort|forte|forts|fortes|riche|riches)\s+(?:de|d')\s*"
                                 rf"(?:(?:{SET_HEDGE}|pas moins de)\s+)?$")
# "Doté d'une centaine de caméras, le centre … devrait être relié au CSD": a participle of having that opens the
# sentence tells what its subject has, whatever the main verb says is to come
FRONTED_HAVING_BEFORE_RE = re.compile(rf"^\W*(?:dotée?s?|équipée?s?|pourvue?s?|munie?s?)(?:\s+(?:de|d'))?\s*"
                                      rf"(?:(?:{SET_HEDGE}|pas moins de)\s+)?$")  # "d'une centaine": the count's
# "16 caméras - dont 5 en panne": what is said after a part ("dont" and a count) is said of the part
PART_AFTER_RE = re.compile(rf"\bdont\s+(?:\d|une?\b|{WORD_NUMBER_RE.pattern}|la moitié|le tiers|le quart)")
# "25 caméras, dont 14 cette année", "dont 6 en 2023": a part dated by its own words, put up then
PART_DATED_AFTER_RE = re.compile(rf"^\s*(?:cam[ée]ras?\s+)?(?:{BOUNDED_PERIOD})")
# "le remplacement de 26 anciennes caméras", "remplacer 10 caméras", "la modernisation de 12 autres": cameras
# renewed, the object of the renewing, not told as a set ("remplacer les 50 caméras", "la cinquantaine de caméras")
RENEWING_BEFORE_RE = re.compile(r"\b(?:remplac\w*|renouvel\w*|moderni\w*|rénov\w*|mise à niveau)\s+"
                                r"(?:immédiate?s?\s+|progressive?s?\s+)?(?:(?:de|d')\s*)?(?:au rythme de\s+)?$")
# "riche d'une quarantaine de caméras au début du mandat, en 2020, la nouvelle équipe entend…", "Au nombre de 90
# au début du mandat": a count said of an earlier time, set apart before the clause that tells what comes next
EARLIER_TIME_AFTER_RE = re.compile(r"^\s*(?:(?:de\s+)?cam[ée]ras?\s+)?(?:au début (?:du|de (?:son|notre|leur)) mandat"
                                   r"|à l'origine|au départ|à l'époque)\s*(?:,|en (?:19|20)\d\d\s*,)")
