"""The words around a number that tell the pipeline how to read it, as compiled patterns: what
continues an enumeration, what makes a bare number a camera count, what marks a ratio, a total, a bound.
Each pattern is French grammar or usage, shown by the example beside it.
"""

from __future__ import annotations

import re

from extractors.anaphora_fr import (
    ADDED_CONTINUATION,
    CAMERA_ANAPHORA_AFTER,
    CAMERA_ANAPHORA_BEFORE,
    CONTINUATION_BEFORE,
    OTHER_COUNTED_BEFORE,
    PASS_TO_BEFORE,
    PRONOUN_COUNT_BEFORE,
)
from extractors.lexicon_fr import (
    CAMERA_OTHER_RE,
    CAMERA_WORDS,
    FUTURE_PASSIVE,
    INSTALL,
    MONTH_PATTERN,
    OFFENCE_NOUNS,
    THERE_PRONOUN,
)
from extractors.noun_phrases import OF_TOTAL
from extractors.segments import BULLET

CAMERA_WORDS_RE = re.compile(CAMERA_WORDS, re.IGNORECASE)
# "faisant passer de 5 à 9 le nombre de caméras piétons": the series counts body cameras, not the network's
WORN_NAMED_AFTER_RE = re.compile(rf"\s*le nombre (?:total )?de {CAMERA_OTHER_RE}", re.IGNORECASE)
ANAPHORA_AFTER_RE = re.compile(
    rf"^\s*(?:{CAMERA_ANAPHORA_AFTER})|^\s*[—–:.,-]?\s*\n?\s*c'est (?:le nombre|le total) de cam[ée]ras")
ANAPHORA_BEFORE_RE = re.compile(CAMERA_ANAPHORA_BEFORE)
PASS_TO_BEFORE_RE = re.compile(PASS_TO_BEFORE)
OTHER_COUNTED_BEFORE_RE = re.compile(OTHER_COUNTED_BEFORE)
PRONOUN_RE = re.compile(PRONOUN_COUNT_BEFORE)
# "doublé son parc en six ans", "pendant 15 jours": a length of time or space, not a count
MEASURE_AFTER_RE = re.compile(r"^\s*(?:ans|années|mois|semaines|jours|heures|minutes|mètres|kilomètres|km|degrés)\b")
PARTITIVE_RE = re.compile(r"^\s*d'entre (?:elles|eux)\b")  # "Sept d'entre elles": some of what was counted
# "un groupe de 7 individus … permet d'identifier quatre d'entre eux": a masculine plural, so not of "caméras"
MASCULINE_PARTITIVE_RE = re.compile(r"^\s*d'entre eux\b")
# "Trente-huit d'entre eux sont désormais équipés": cameras are installed, not equipped; what is equipped is a site
PARTITIVE_EQUIPPED_RE = re.compile(r"^\s*d'entre (?:elles|eux)\s+(?:[^\W\d_]+\s+){0,3}?équipé")
CONTINUATION_RE = re.compile(CONTINUATION_BEFORE)
ADDED_CONTINUATION_RE = re.compile(rf"(?:{ADDED_CONTINUATION})\s*$")
# "entre 20 % et 50 %"; "trois, voire quatre caméras", "cinq ou six amendes": a range in other words
RANGE_BETWEEN_RE = re.compile(r"^\s*(?:€|euros?|%)?\s*(?:à|et|-|–|ou|,?\s*voire|,\s*sinon|,\s*peut-être)\s*$")
# the words of an alternative: a range only between close bounds ("cinq ou six", not "25 % ou 100 %")
ALTERNATIVE_RE = re.compile(r"\b(?:ou|voire|sinon|peut-être)\b")
RANGE_ANCHOR_RE = re.compile(r"(?:\bentre|\bde|\bd')\s*$", re.IGNORECASE)
DAY_RE = re.compile(rf"\d{{1,2}}(?:er)?\s+(?:{MONTH_PATTERN})\b", re.IGNORECASE)
BEARS_ON_RE = re.compile(r"\bport(?:e|ent|ait|aient|ant|era|eront)\s+sur\s*$")
CAMERAS_NEXT_RE = re.compile(r"\s*(?:(?:nouvelles|autres)\s+)?cam[ée]ras?\b")
# "80 sur 270", not "112 caméras réparties sur 57 sites": where they are, not of how many
DENOMINATOR_RE = re.compile(r"(?<!ies )(?<!ées )(?<!és )\bsur\s*$|\bsur un total de\s*$")
RATE_BEFORE_RE = re.compile(r"(?:au rythme|à raison)\s*(?:de\s*|d')?$")  # "à raison d'une quinzaine par an"
OF_TOTAL_RE = re.compile(rf"\d\s+{OF_TOTAL}\s*$")
# What may follow a bare number that continues an enumeration: "contre 1 083 en 2020", "puis 180 d'ici…".
CAMERA_TYPE = (r"(?:nomade|fixe|mobile|déplaçable|amovible|dôme|panoramique|motorisée|thermique|modulable|rotative"
               r"|extérieure|intérieure|infrarouge)s?\b")
BARE_AFTER_RE = re.compile(
    r"^\s*(?:$|[,.;:)\-–]|à\b|au\b|aux\b|en\b|dans\b|d'ici|début|fin\b|mi-|pour\b|sur\b|et\b|ou\b|par\b|il y a\b|"
    rf"entre (?:fin |début |mi-)?(?:20\d\d|{MONTH_PATTERN})\b|"  # "une nouvelle trentaine entre fin 2025 et …": when
    r"vers\b|"  # "huit vers la MJC, neuf devant la gare": where each of a list stands ("devant" below)
    r"étaient|sont|seront|ont\b|sera\b|était|restent|fonctionnent|déjà|aujourd'hui|actuellement|(?:19|20)\d\d"
    rf"|de la\b|du\b|des\b|de l'|intra-muros|hors\b|{CAMERA_TYPE}"  # "dont 1 500 de la préfecture": by owner
    r"|autour\b|près\b|aux abords|devant\b|le long\b"  # "dont 6 autour de la gare"
    r"|fois\b(?!\s+(?:plus|moins))"  # "412 reprises, contre 380 fois en 2022", not "douze fois plus"
    r"|appartien\w*|relèv\w*|dépend\w*"  # "40 appartiennent à l'intercommunalité", "dont 250 relèvent de…"
    r"|l(?:e|es|')\s*(?:seront|sera|sont|ont été)\b"  # "30 sont en service et 15 le seront d'ici juin"
    r"|de plus\b"  # "40 caméras, soit 13 de plus qu'aujourd'hui"
    r"|exactement\b|précisément\b|pile\b"  # "Une bonne cinquantaine, 54 exactement"
    # "les 56 caméras, dont 8 nouvelles implantées en juillet" (not "3 nouvelles classes": another noun)
    r"|(?:nouvelles?|nouveaux|supplémentaires?)(?=\s*(?:[,.;:)]|$|\s+(?:caméras?|mises?|[a-zé]+(?:ée?s?|ie?s|ue?s))\b))"
    # "les 95 de Montélimar et 45 …", "les 5 de Roullours seront reliées": a place's share
    r"|de [a-zà-ÿ'-]+\s*(?:et\b|,|\.|$|(?:sont|seront|ont|étaient|restent)\b)"
    r"|avant\b"  # "autour de 380 caméras contre 310 avant notre mandat": the earlier count, then
    r"|auparavant\b|précédemment\b|jusqu'(?:ici|alors|à présent)|autrefois\b"  # "12 caméras, contre onze auparavant"
    r"|l'an\b|l'année\b|cette année|ce mois|cet? (?:été|automne|hiver|printemps)|le mois\b|la semaine\b"
    r"|l'(?:été|automne|hiver) dernier|le printemps dernier"  # "27 interpellations, contre 18 l'été dernier"
    r"|la nuit\b|le jour\b|en journée|le soir\b|le week-end"  # "Cinq opérateurs en journée, trois la nuit"
    # "dont 19 déposés par des communes", "45 réparties dans…": the noun left out before its participle
    r"|[a-zé]{3,}(?:é|ée|és|ées)\b|[a-zé]{3,}ies\b)"
)  # "… depuis 2014, dont 11 l'an dernier": a part by when
# "45 caméras fixes et 6 nomades": a split by type, the noun left out before its adjective (the evidence)
CAMERA_TYPE_RE = re.compile(rf"^\s*{CAMERA_TYPE}")
# "les 55 caméras" after "55 nouvelles caméras": the definite article restates a known count.
RESTATED_RE = re.compile(r"\b(?:les|des|aux|ces|ses)\s*$")
# "soit une pour 140 habitants", "une caméra publique pour 1000 habitants"
# "une caméra pour 300", "une caméra de vidéosurveillance pour 140": one camera per so many inhabitants
# "un appareil pour 274 habitants", "sa caméra pour 209 habitants": the same rate; "1 camera pour 50": unaccented
ONE_CAMERA_PER_RE = re.compile(r"\b(?:(?:une|1)\s+(?:cam[ée]ra\s+(?:(?:de|d')\s*)?(?:[a-zéèê-]+\s+)?)?pour"
                               r"|(?:sa|chaque)\s+cam[ée]ra\s+(?:[a-zéèê-]+\s+)?pour"
                               r"|(?:un|1)\s+(?:appareil|objectif|dôme)\s+(?:[a-zéèê-]+\s+)?pour)\s*$")
# "450 habitants par caméra", "25 850 habitants surveillés par caméra": a density told the other way round
PER_CAMERA_DENSITY_RE = re.compile(r"\s*(?:[a-zéèê]+\s+)?(?:par|pour une|pour chaque) cam[ée]ra\b")
RATE_RE = re.compile(r"\bpour\s*$")
# "et Saint-Herblain de 22", ", Pantin 45 et Bobigny 50": the next place's share of the same count
NAMED_CONTINUATION_RE = re.compile(
    r"(?:\bet|,|\bdevant|\bderrière|\bsuivie?s? de|\bpuis|\bavant)"
    r"\s+(?:(?:de la|de|du|des|à|au|aux)\s+|(?:de l|d|l)['’]\s*)?"  # "… et du Relecq-Kerhuon (12)"
    r"[A-ZÀ-Ý][\w'’-]*?[a-zà-ÿ][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*){0,2}"
    r"(?:\s+(?:(?:de|d['’])\s*|\(\s*)?|,\s*avec\s+)$")  # not "RN 12"; "… et Longuenesse, avec 31"
# "Marseille (1 800 caméras) et Toulouse (1 100)": each name's count in its brackets; a ranking's
# "devant Menton (385)" too
SEMICOLON_ITEM_RE = re.compile(r";\s*(?:à|au|en|pour)\s+[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*){0,3}\s*[,:]\s*$")
AMOUNTING_RE = re.compile(r"\bau nombre de\s*$")
BOUND_SUBJECT_RE = re.compile(r"\b(?:taux|montant|aide|subvention|plafond|financement|participation)\s+"
                              r"(max\w*|min\w*)\b[^.;:]{0,40}?\b(?:est|sera|était|s'élève|atteint)\s+(?:de|à|d')?\s*$")
# "le budget annuel de fonctionnement du système": the video system the text is about
# "Les cambriolages sont passés de 96 à 71": the count a change comes to, named by the subject
CHANGE_TO_RE = re.compile(r"\b(?:pass|mont|descend|tomb|baiss|chut)\w*\s+de\s+[\d  .]+"
                          r"(?:\s+(?:en|fin|début)\s+(?:19|20)\d\d)?\s+à\s*$")  # "passé de 45 en 2015 à 112 en 2023"
THE_SYSTEM_RE = re.compile(r"\b(?:du|le|ce|de ce) (?:système|dispositif|réseau)\b"
                           # "Le budget sera de 400 000 euros": the budget of what was just told
                           # "Sur la même période, le budget annuel de fonctionnement est passé de 30 000 à …"
                           r"|^\s*(?:[^,.;]{0,40},\s*)?(?:le|ce|son|leur) (?:budget|coût)(?:\s+[\w']+){0,4}?\s+"
                           r"(?:sera|est|serait|s'élève|s'élèvera|atteint|atteindra|passe|a été)\b"
                           # "Le budget de réparation, 12 000 €, a été voté": the upkeep of what was just told
                           r"|^\s*(?:le|ce|son|leur) (?:budget|coût|montant) (?:de |d')(?:la )?"
                           r"(?:réparation|maintenance|entretien|remise en (?:état|service))")
HOW_MANY_RE = re.compile(r"\bcombien\s+(?:de|d['’])\s*", re.IGNORECASE)
HOW_MANY_OF_THEM_RE = re.compile(r"\bcombien\s+(?:y\s+)?en\b", re.IGNORECASE)
COUNTED_NOUN_RE = re.compile(r"\b(?:caméras?|opérateurs?|agents|policiers|vidéo-opérateurs?|écoles|communes|"
                             r"interpellations|réquisitions|extractions|interventions|dossiers|"
                             + "|".join(re.escape(noun) for noun in OFFENCE_NOUNS) + r")\b", re.IGNORECASE)
# "Les réquisitions se sont élevées à 176": the level a subject named before reached
LEVEL_BEFORE_RE = re.compile(r"\b(?:s'élèvent|s'élève|se sont élevée?s|s'est élevée?|s'élevaient|atteignent|atteint|"
                             r"ont atteint|a atteint|atteignait|atteignaient|avoisine|avoisinait)\s+(?:à\s+)?$")
YEAR_LINE_RE = re.compile(rf"(?:{BULLET}\s*)?(?:en\s+|fin\s+)?(?:19|20)\d\d\s*[:–-]\s*\d[\d\s\u00a0]*")  # "2018 : 19"
# a list's line that gives a label and a bare number: "2018 : 19", "Séné : 14", "• Séné (14)", "Séné⇥14"
LIST_LINE_LABEL = rf"(?:{BULLET}\s*)?[A-ZÀ-Ý][^:\n\d()\t]{{1,60}}?"
# "– Les entrées et sorties de ville (8).": a site and its count in brackets, the line ended by a stop
BRACKET_LINE_LABEL = rf"(?:{BULLET}\s*)?[A-ZÀ-Ý][^:\n\d()\t]{{1,120}}?"
LIST_LINE_RE = re.compile(rf"{YEAR_LINE_RE.pattern}|{LIST_LINE_LABEL}(?:\s*:\s*|\t+)\d[\d \u00a0]*"
                          rf"|{BRACKET_LINE_LABEL}\s*\(\s*\d[\d \u00a0]*\)\s*[.;,]?")
# a bulleted line that opens with its count and says where: "• 27 dans le secteur du centre-ville", "• huit quartier
# Doulon-Bottière", "• une nouvelle dans le secteur de la Beaujoire"; a line of digits needs no bullet ("4 à
# Sesquières", under "… dans les quartiers suivants")
COUNT_FIRST_LINE_RE = re.compile(rf"\s*(?:{BULLET}\s*(?P<count>\d[\d \u00a0]*|[a-zà-ÿ-]+)"
                                 r"|(?P<digits>\d[\d \u00a0]*))\s+(?:nouvelles?\s+|autres\s+)?"
                                 r"(?:dans|sur|à|au|aux|en|devant|près|autour|aux abords"
                                 r"|(?i:quartier|secteur|place|rue|avenue|boulevard|chemin|route))\b[^\n\d]*")
# "voirie (650 000 €)", "vidéoprotection (95 000 € pour 6 caméras)": an item of a list and its price
PRICED_ITEM_RE = re.compile(r"\(\s*[\d][\d\s.,\u00a0\u202f]*(?:M€|k€|€|euros?|millions? d'euros)[^()]*\)")
INSTALLING_RE = re.compile(rf"\bpour (?:en )?(?:{INSTALL}|acqu)\w*")
STAFF_PER_RE = re.compile(r"\b(?:un|une|1)\s+(?:agent|opérateur|opératrice|policier|vidéo-opérateur|écran|poste)s?\b"
                          r"[^.;:]{0,30}\bpour\s*$")
# "Chaque opérateur du CSU surveille en moyenne 17 caméras": a ratio too
STAFF_EACH_RE = re.compile(r"\b(?:chaque|un|une|1)\s+(?:agent|opérateur|opératrice|policier|vidéo-opérateur)\b"
                           r"(?!\s+de plus)[^.;:,]{0,50}$")  # "Un agent du CSU surveille en moyenne 30 caméras"
FINE_BEFORE_RE = re.compile(r"\b(?:amendes?|contraventions?|procès-verbaux|pv|verbalisée?s?)\b[^.;]{0,50}$",
                            re.IGNORECASE)  # "7 contrevenants, verbalisés 135 euros chacun": what each paid
# "puni de 3 ans d'emprisonnement et de 45 000 euros d'amende": a penalty the law sets, not money spent
PENALTY_AFTER_RE = re.compile(r"\s*(?:€|euros?)?\s*d['’]amende\b", re.IGNORECASE)
PRICE_RE = re.compile(r"\btarifs?\b|\bprix\b|de l'heure|par heure|\babonnement|\bticket|\bloyer")
FROM_RE = re.compile(r"(?:^|\s)de\s*$", re.IGNORECASE)
EVOLUTION_OBJECT = (r"(?:(?:ainsi|donc|désormais|alors)\s+)?"  # "Le parc passe ainsi de 35 à 55 caméras"
                    r"(?:(?:le|la|les|son|sa|ses|leur|notre|nos)\s+\w+(?:\s+(?:de|d')\s*\w+)?\s+)?")
EVOLUTION_RE = re.compile(  # "passer de 100 à 150", "porter le parc de 180 à 250", "augmenter le nombre de caméras de"
    # "qui passerait de 32 caméras à 40": the conditional too
    r"\b(?:(?:pass|mont)(?:er|é|ée|és|ées|era|eront|erait|eraient|e|ent|ait|aient)|passant"  # not "des montants de"
    rf"|port(?:er|é|ée|és|ées|era|eront|erait|eraient|e|ent|ait|aient|ant))\s+{EVOLUTION_OBJECT}de\s*$"
    rf"|\b(?:grimp|augment|évolu|progress)\w*\s+{EVOLUTION_OBJECT}de\s*$")

THERE_PRONOUN_RE = re.compile(THERE_PRONOUN)
CHANGE_BEFORE_RE = re.compile(r"\b(?:hausse|baisse|augmentation|diminution|progression|recul|évolution)\s+de\s*$"
                              r"|\((?:\s*[+-])?\s*$")  # "(-5 %)"
OWN_SITES_RE = re.compile(r"\b(?:sur|dans)\s+(?:ses|leurs|ces|des|plusieurs)\b")
ELECTED = r"[ée]lue?s?|r[ée][ée]lue?s?|nommée?s?"  # "Elu" too: capitals lose their accents
# An opening phrase about a person ("Élue en 2020, la maire …"): its dates are that person's.
PERSON_OPENING_RE = re.compile(rf"^\s*(?:{ELECTED}|arrivée?s?|devenue?s?)\b[^,;]{{0,80}},")
# An apposition about a person ("Le nouveau maire, élu en juin, a suspendu…"): its date is the person's.
PERSON_APPOSITION_RE = re.compile(rf"\b(?:{ELECTED})\s+(?:(?:en|le|au|depuis)\s+)?$")
# "deux caméras sur trois", "8 sur 10": the denominator of a proportion, a bare small number
FRACTION_AFTER_RE = re.compile(r"\s*sur\s+(\d{1,2}|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
                               r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:sont|ont|étaient|seront|restent|ne|n'|se|s'|y|en)\b)")
# "deux caméras y ont été posées": placed where the sentence before named
PLACED_THERE_RE = re.compile(r"^\s*(?:cam[ée]ras?\s+)?(?:supplémentaires\s+|nouvelles\s+)?"
                             rf"y\s+(?:ont|sont|seront|a|est|sera)\s+(?:été\s+|déjà\s+)?"
                             rf"(?:{INSTALL}|plac|ajout|mis\w* en (?:service|place))\w*")
# "qui seront posées", "qui seront installées": cameras to come, in the words of a relative clause
FUTURE_INSTALL_RE = re.compile(rf"\bqui\s+(?:{FUTURE_PASSIVE})\s+(?:\w+\s+)?(?:{INSTALL}|mis\w* en)\w*")
# a relative clause or a participle right after: "…, qui porteront le réseau à 45 au printemps 2023",
# "27 caméras au total, installées cet été", "12 caméras, mises en service en mars"
OWN_RELATIVE_RE = re.compile(rf"[ \t]*(?:supplémentaires\s*|au total\s*)?,\s*(?:qui\b|(?:{INSTALL})"
                             r"(?:é|ée|és|ées)\b|mise?s? en (?:service|place)\b)[^.;]*")
NATIONAL_RE = re.compile(r"\bministère de l['’]intérieur\b|\bministre de l['’]intérieur\b|\bfonds interministériel\b"
                         r"|\bFIPD\b|\bcour des comptes\b|\bamendement\b|\bprojet de loi\b|\bproposition de loi\b"
                         r"|\bassemblée nationale\b|\bsénat\b|\bparc national\b"
                         r"|\bjuridictions financières\b"
                         r"|\bau niveau national\b|\bà l['’]échelle nationale\b|\ben france\b", re.IGNORECASE)
THAT_PURPOSE_RE = re.compile(r"^\s*(?:(?:sont|seront|étaient)\s+)?"
                             r"(?:utilisée?s?|dédiée?s?|affectée?s?|servant|employée?s?)\s+(?:à cet (?:effet|usage)"
                             r"|à cette (?:fin|mission))")
ORIGIN_RE = re.compile(r"^\s*(?:au départ|à l'origine|au début|à ses débuts|dans un premier temps)\b")
CENTRE_NAMED_RE = re.compile(r"\bcentres? de (?:supervision|surveillance|vidéo)|\bcsu\b|\bcpu\b")
PAGE_FURNITURE_RE = re.compile(r"\s*(?:(?:à\s+)?lire (?:aussi|également)|voir aussi|sur le même sujet|"
                               r"abonnez-vous|partager sur)\b", re.IGNORECASE)
RESTATES_RE = re.compile(r"^\s*(?:cela|ceci|ce qui|ça)\s+(?:représente|fait|correspond)")
WHOLE_OF_VIDEO_RE = re.compile(r"^[^.;]{0,20}?,?\s*dont\s+[\d  .,]+\s*(?:€|euros?|millions?|m€|k€)[^.;]{0,40}?"
                               r"\b(?:vidéo|caméra)")
NUMBER_OF_RE = re.compile(r"\ble nombre\s+(?:(?:total|moyen|global)\s+)?(?:de|d['’])\s*([\w-]+)", re.IGNORECASE)
# "le nombre moyen de caméras installées dans la ville est de 25": what "le nombre de" names comes to
NUMBER_IS_BEFORE_RE = re.compile(r"\b(?:est|était|sera|serait|reste|restait|demeure)\s+(?:aujourd'hui\s+|désormais\s+"
                                 r"|actuellement\s+|donc\s+)?(?:de|d['’])\s*$")
PER_YEAR_AFTER_RE = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:par an|par année|chaque année|tous les ans)\b")
# a council's deliberation or a prefect's authorisation: its tenseless counts are of what it decides
# a decision, whose tenseless counts are of what it decides; a budget decides what it will pay for
DELIBERATION_RE = re.compile(r"\bdélibérations?\b|\baprès en avoir délibéré\b|\bportant autorisation\b"
                             r"|\bavis favorables?\b|\bcommission départementale de vidéoprotection\b"
                             r"|\bbudget (?:primitif|prévisionnel)\b|\borientation budgétaire\b", re.IGNORECASE)
PER_CAMERA_AFTER_RE = re.compile(r"\s*(?:€|euros?)?\s*(?:HT|TTC)?\s*(?:par|chaque) caméra\b", re.IGNORECASE)
# "4 millions d'euros investis dans les écoles": what an amount was spent on
# What security money is spent on besides surveillance: fire safety, the police's gear, lighting, roads
OTHER_PURPOSES = (r"sécurité incendie|défense incendie|incendie|pompiers|sdis|gilets|armes?|armement|"
                  r"éclairage|voirie|radars?|défibrillateurs?|équipement des policiers|véhicules?")
SPENT_ON_RE = re.compile(r"\s*(?:(?:investis?|consacrée?s?|dépensée?s?|alloués?|affectée?s?)\s+(?:dans|à|pour|au|aux)\b"
                         r"|(?:€|euros?|HT|TTC|\s)*pour\s+(?:la|le|l')\s*(?:rénovation|construction|réfection|"
                         r"création|restauration|aménagement|entretien|achat)\b"  # "… € pour la rénovation du gymnase"
                         # "… € pour la sécurité incendie", "… pour les gilets pare-balles de la police municipale"
                         rf"|(?:€|euros?|HT|TTC|\s)*pour\s+(?:la|le|l'|les|des|du)\s*(?:{OTHER_PURPOSES})\b)"
                         r"[^,;.\d]*")  # up to the next number: "… écoles et 10 caméras"
POLLED_BEFORE_RE = re.compile(r"\bauprès d(?:e|')\s*(?:un échantillon de\s*)?$|\binterrogée?s?\s*$")
# "1 250 habitants y ont répondu": who answered a consultation, not who lives there
POLLED_AFTER_RE = re.compile(r"\s*(?:y\s+)?(?:ont|avaient)\s+(?:répondu|participé|voté)\b")
DOT_LEADER_RE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*$")
