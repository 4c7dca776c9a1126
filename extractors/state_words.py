"""Words that tell a camera count is of cameras there now, or a part of a set told before: read by the tense
rules (`extractors.tense`) before the future of another clause can make it a plan."""

from __future__ import annotations

import re

from extractors.lexicon_fr import PAST_PARTICIPLE, SET_HEDGE, TO_COME_AFTER

# "116 caméras sont en place", "15 215 caméras qui sont autorisées": the count's own verb, a state now; in the
# imperfect ("En 2014, sept caméras étaient en place"), the state then: a stock either way
STATE_NOW_AFTER_RE = re.compile(
    r"^\s*(?:cam[ée]ras?\s+)?(?:[^\W\d][\w'-]*\s+){0,3}?(?:qui\s+)?(?:sont|est|étaient|était)\s+"
    r"(?:(?:aujourd'hui|actuellement|désormais|déjà|ainsi|bien|toutes|tous)\s+)?"
    r"(?:en place|en service|en fonctionnement|opérationnel\w*|fonctionnel\w*|actives?"
    r"|install\w+|implant\w+|déploy\w+|autoris\w+|pos[ée]\w*|raccord\w+)\b"
    + TO_COME_AFTER)
# "Les 14 caméras installées en novembre 2021 dans toute la commune sont opérationnelles depuis mars" (read from
# the number on): a set told, then its state now, whatever its participle dates
SET_IN_SERVICE_AFTER_RE = re.compile(r"^[^.;:!?]{0,20}?\bcam[ée]ras?\b[^.;:!?]{0,80}?\b(?:sont|est)\s+"
                                     r"(?:(?:aujourd'hui|désormais|déjà|toutes|bien)\s+)?"
                                     r"(?:opérationnel\w*|en service|en fonctionnement|fonctionnel\w*|actives?)\b"
                                     + TO_COME_AFTER)
# the words between a count and its own verb: adjectives and complements, not an auxiliary
NOT_AUXILIARY = (r"(?!(?:seront|sera|serait|seraient|sont|est|ont|a|vont|va|doivent|doit|devraient|devrait|pourront"
                 r"|pourra|pourraient|pourrait|peuvent|vont|viendront|viennent|bientôt|prochainement|encore)\b)")
# "les 130 caméras fixes déployées en ville", "des soixante caméras mises en place": a known set, put up
INSTALLED_SET_AFTER_RE = re.compile(
    rf"^\s*(?:cam[ée]ras?\s+)?(?:{NOT_AUXILIARY}[^\W\d][\w'-]*\s+){{0,3}}?(?:déjà\s+)?(?:install|implant|déploy"
    r"|mis\w* en place|pos[ée]|en place|autoris|raccord"
    # run by someone: "les 18 caméras gérées par la ville", "des 40 caméras exploitées par l'agglomération"
    r"|(?:gérée?s?|exploitée?s?|pilotée?s?|supervisée?s?|visionnée?s?)\s+(?:par|depuis))\w*\b" + TO_COME_AFTER)
# "Sur les 624 caméras qui seront en service fin 2010, 520 sont installées…": a part of a set told before
PART_OF_SET_OPENING_RE = re.compile(r"\s*(?:sur|parmi) (?:les|ses|leurs|ces) \d")
# "les 85 caméras", "ses 105 caméras", "des quelque 40 caméras": a known set
DEFINITE_BEFORE_RE = re.compile(rf"\b(?:les|des|aux|ses|leurs|ces|nos|vos)\s+(?:{SET_HEDGE}\s+)?$", re.IGNORECASE)
# "la ville a décidé de redéployer ses 32 caméras", "le CSU épaulera la commune pour ses 18 caméras": a
# possessive presupposes the cameras, there now whatever the sentence's tense; not when the verb before it
# puts them up or has them to come ("est en train de déployer ses 41 caméras", "aura bien ses 25 caméras")
# "ses 32 caméras", and the whole of a set: "la totalité des 454 caméras", "l'ensemble des 130 caméras"
OWNED_SET = r"(?:ses|leurs|nos|vos|la totalité des|l'ensemble des)"
POSSESSED_BEFORE_RE = re.compile(rf"\b{OWNED_SET}\s+(?:quelque\s+)?$", re.IGNORECASE)
# "ils bouchent la vue aux 50 caméras de vidéosurveillance de la ville": a definite set with its owner, there now
OWNER_AFTER_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:de\s+(?:vidéo[\w-]*|surveillance)\s+)?"
                            r"(?:de\s+la\s+(?:ville|commune|métropole|cité|collectivité)|du\s+(?:village|centre-ville))\b"
                            r"(?!\s+(?:en\s+(?:déploiement|cours|projet)|seront|sera|vont|va|prévues|à venir))")
GETTING_BEFORE_RE = re.compile(r"\b(?:install|pos|déploy|implant|équip|aur|disposer|obtiendr|recevr|verr|finan|"
                               r"subventionn|achet|acqu[ié]r|command|installation|pose|déploiement|acquisition)\w*"
                               rf"\s+(?:\w+\s+)?{OWNED_SET}\s+(?:quelque\s+)?$", re.IGNORECASE)
# "116 caméras sont en place et 43 petites nouvelles devraient…": more, not a part of the count before
NEW_PART_RE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:nouvelles?|nouveaux|supplémentaires?)\b")
# "huit ont été installées : trois au carrefour…", "10 caméras ont été installées dans l'établissement": the
# count's own verb, a compound past, whatever future another clause of the sentence tells
DONE_AFTER_RE = re.compile(
    rf"^\s*(?:cam[ée]ras?\s+)?(?:{NOT_AUXILIARY}[^\W\d][\w'-]*\s+){{0,3}}?(?:qui\s+)?(?:ont|a|avaient|avait)\s+"
    r"(?:(?:déjà|ainsi|aussi|également|bien|récemment|toutes|tous)\s+)?été\s+"
    r"(?:install|pos[ée]|déploy|implant|mis\w* en (?:place|service)|placé|raccord|ajout)\w*")
# "Près de 170 caméras sont prévues à ce jour", "12 caméras restent programmées": the count's own verb says it
# is planned, whatever "aujourd'hui" dates the plan
PLANNED_AFTER_RE = re.compile(
    rf"^\s*(?:cam[ée]ras?\s+)?(?:{NOT_AUXILIARY}[^\W\d][\w'-]*\s+){{0,3}}?(?:qui\s+)?"
    r"(?:sont|est|restent|reste|demeurent|seront|sera)\s+"
    r"(?:(?:aussi|également|encore|déjà|désormais|d'ores et déjà|actuellement|aujourd'hui)\s+)?"
    r"(?:prévue?s?|programmée?s?|envisagée?s?|projetée?s?|budgétée?s?|commandée?s?|à l'étude|en projet)\b"
    # "On en a une ou deux en projet", "trois caméras à l'étude": the state told right after the count
    r"|^\s*(?:cam[ée]ras?\s+)?(?:en projet|à l'étude|en commande|en cours de commande|en cours d'achat"
    r"|en cours d'acquisition)\b")
# "Les vingt-cinq caméras prévues sont pour la plupart déjà en place", "des 24 caméras annoncées en 2012": a
# participle of intent right on the counted noun tells the plan, whatever state the sentence then gives part of
# it (not "28 caméras prévues pour fonctionner dès mai", made for a purpose; not "… prévues ont été installées")
PLANNED_PARTICIPLE_AFTER_RE = re.compile(
    r"^\s*(?:(?:nouvelles|autres|prochaines|futures)\s+)?(?:cam[ée]ras?(?:\s+(?:de\s+)?(?:vidéo[\w-]*|surveillance"
    r"|supplémentaires|fixes|mobiles|nomades|nouvelles))*\s+)?(?:(?:initialement|déjà|officiellement)\s+)?"
    r"(?:prévue?s|programmée?s|envisagée?s|projetée?s|annoncée?s|promises)\b"
    r"(?!\s+pour\s+(?:\w+\s+)?[\w']+(?:er|ir|re)\b)")
# "Les 30 caméras prévues ont été installées", "Les vingt-six caméras annoncées par le maire sont en service":
# the clause goes on to tell the plan done
PLAN_DONE_LATER_RE = re.compile(
    r"^[^.;]{0,100}?\b(?:(?:ont|a|avaient)\s+(?:déjà\s+)?été\s+(?:install|pos|mis)"
    r"|(?:sont|est)\s+(?:(?:désormais|maintenant|enfin|bien|toutes)\s+)?"
    r"(?:en service|en place|opérationnelles?|installées?|en fonction))")
# "les 29 caméras de la Part-Dieu qui seront disposées dans ce quartier", "les images des 642 caméras qui
# surveilleront la ville": the count's own relative clause, to come (a passive, or a verb in the future)
OWN_FUTURE_AFTER_RE = re.compile(
    rf"^\s*(?:cam[ée]ras?\s+)?(?:{NOT_AUXILIARY}[^\W\d][\w'-]*\s+){{0,4}}?qui\s+(?:(?:seront|vont être|devraient être"
    rf"|doivent être|pourraient être|seraient)\s+(?:\w+\s+)?{PAST_PARTICIPLE}|(?:y\s+|les\s+|nous\s+)?"
    r"[a-zéèêàâîôûç]+ront\b)")
# "plus de 2 500 caméras à ajouter aux 1 200 installées", "il y a encore 12 caméras à poser": still to put up
LEFT_TO_INSTALL_AFTER_RE = re.compile(
    rf"^\s*(?:cam[ée]ras?\s+)?(?:{NOT_AUXILIARY}[^\W\d][\w'-]*\s+){{0,2}}?(?:de plus\s+|encore\s+)?à\s+"
    r"(?:(?:install|pos|ajout|déploy|implant|achet|raccord)er|acquérir|mettre en (?:place|service))\b")
# "plus de 600 caméras d'ici la fin de l'année", "300 caméras à l'horizon 2030": the count's own time, ahead
TIME_AHEAD_AFTER_RE = re.compile(
    rf"^\s*(?:cam[ée]ras?\s+)?(?:{NOT_AUXILIARY}[^\W\d][\w'-]*\s+){{0,3}}?"
    r"(?:d'ici|à l'horizon|à l'échéance|avant la fin|dans les (?:prochains|prochaines|années|mois) |prochainement\b"
    r"|sous peu\b|à venir\b)")

# A count's place among others: joined to those there, or added to reach a total
# "20 caméras nomades s'ajoutent aux 110 caméras fixes", "7 nouvelles caméras de vidéoprotection complètent le
# dispositif": the 20, the 7, joining now (not "25 caméras temporaires complètent les 80 permanentes": part of it);
# or joined just before: "160 caméras HD se sont ajoutées au réseau", "deux caméras mobiles sont venues compléter"
JOINING_NOW_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:(?:[\w-]+\s+){0,2}?s'ajout(?:e|ent)"
                            r"|(?:nouvelles?|nouveaux|supplémentaires?)\s+(?:[\w-]+\s+){0,3}?(?:complètent|renforcent)"
                            r"|(?:[\w«»-]+\s+){0,3}?(?:se sont|s'est)\s+(?:[\w']+\s+)?ajoutée?s?"
                            r"|(?:[\w«»-]+\s+){0,3}?(?:sont|est)\s+(?:\w+\s+)?venue?s?\s+(?:compléter|renforcer"
                            r"|s'ajouter|étoffer|enrichir|grossir))\b")
HAVE_BEEN_TOO_RE = re.compile(r"\s*l'(?:ont|a)\s+(?:déjà\s+|aussi\s+|également\s+)?été\b")  # "dont 17 l'ont été"
WILL_BE_TOO_RE = re.compile(r"\s*l(?:e|es|')\s*(?:seront|sera)\b")  # "… et 15 le seront d'ici juin"
# "portant le total à 76", "soit un total de 90": the count a total comes to is a stock, whatever was
# added to reach it; a plan when what reaches it is to come ("24 seront installées, portant le total à 118").
# "portant le nombre total à 103", "pour porter le parc à 28", "portant à terme leur nombre à 2 201": the total the
# network is brought to, its noun before the number
PORTER = r"\bport(?:er|e|ent|ant|era|eront|erait|eraient|ait|é|ée)"  # the forms of porter a total is brought with
BRING_TOTAL_BEFORE = (rf"{PORTER}\s+(?:ainsi\s+|à terme\s+|alors\s+)?"
                      r"(?:le|son|leur|notre)\s+(?:nombre(?:\s+total)?(?:\s+de\s+caméras)?|total|parc|dispositif|réseau|"
                      r"système)\s+à\s*$")
TOTAL_BEFORE_RE = re.compile(rf"{BRING_TOTAL_BEFORE}"
                             r"|\b(?:le|un|au) total\s+(?:de|d'|à|atteint|s'élève à|est de|sera de)\s*$"
                             r"|\ble nombre (?:total )?de caméras\b[^.;]{0,50}?\bà\s*$"  # "est resté stable, à 25"
                             # "portant à 31 le nombre de caméras"
                             r"|\b(?:portant|porte|portera|porteront|porter) à\s*$")
# "8 caméras, portant le nombre total à 57": what was added to reach a total
# "… installées au marché, portant à 31 le nombre de caméras", "soit un total de 57": the count brings a total
TOTAL_AFTER_RE = re.compile(r"^[^.;]{0,90}?\b(?:portant|ce qui porte|pour porter|soit)\s+(?:ainsi\s+)?"
                            r"(?:à\s+\d[\d\s\u202f]*\s+)?(?:le|un|à un)\s+(?:total|nombre|parc)\b")
JOINED_BEFORE_RE = re.compile(r"\b(?:renforcer|renforceront|renforcera|renforcent|renforçant|compléter|compléteront"
                              r"|complétera|complètent|complétant|rejoindre|rejoindront|rejoindra|rejoignent|rejoignant"
                              r"|s'ajouter|s'ajouteront|s'ajoutera|s'ajoutent|s'ajoutant)\s+(?:les|aux|ses|leurs)\s*"
                              rf"(?:{SET_HEDGE}\s+)?$"  # "aux plus de 280 caméras de Reims"
                              r"|\b(?:en plus des|outre les|à côté des)\s*$"  # "4 caméras temporaires, en plus des 11"
                              r"|\b(?:ajouter|ajoutée?s?|ajoutés)\s+aux\s*$"  # "2 500 caméras à ajouter aux 1 200"
                              # "Sept agents s'y relaieront pour surveiller les 87 caméras de la ville": those there
                              r"|\b(?:surveiller|visionner|gérer|piloter|exploiter|superviser|regarder) les\s*$")
# "Aux 42 caméras qui parsèment les quartiers, la municipalité a choisi d'ajouter …": what is added to, put first
JOINED_FRONTED_BEFORE_RE = re.compile(r"^\W*(?:et\s+)?aux\s*$")
JOINED_FRONTED_AFTER_RE = re.compile(r"\b(?:ajout\w*|s'ajout\w*|compl[eéè]t\w*|renforc\w*|viendront s'ajouter)\b")
# "compléter son dispositif, composé de 17 caméras, par 8 caméras": the system as it stands
EXISTING_SYSTEM_BEFORE_RE = re.compile(r"\b(?:son|leur|notre|le|ce|un) (?:dispositif|réseau|parc|système)"
                                       r"(?: actuel| existant)?,?\s+(?:composé|constitué|fort|riche)\s+(?:de|d')\s*$"
                                       # "la maintenance du parc existant (22 caméras)"
                                       r"|\b(?:dispositif|réseau|parc|système) (?:actuel|existant)\s*\(\s*$"
                                       # "remplaceront le dispositif actuel, limité à cinq caméras"
                                       r"|\b(?:dispositif|réseau|parc|système|maillage) (?:actuel|existant),?\s+"
                                       r"(?:limité|réduit|composé|constitué)\s+(?:à|de|d')\s*$"
                                       # "doubler le parc actuel de 710 caméras": the system as it stands, named so
                                       r"|\b(?:dispositif|réseau|parc|système|maillage) (?:actuel|existant)\s+"
                                       rf"(?:de|d')\s*(?:{SET_HEDGE}\s+)?$"
                                       # "Doté de 11 caméras, celui-ci sera bientôt élargi": the system as it stands
                                       r"|^\s*(?:doté|équipé|composé|constitué|fort)e?s?\s+(?:de|d')\s*$")
