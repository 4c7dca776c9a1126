"""French words that make a number with no noun of its own a camera count, or go on with the count before it:
what follows it ("Neuf autres seront installées", "les 47 que compte Bordeaux"), what precedes it ("On en dénombre
878", "On passe de 30 à 70", "Ils seront bientôt 19"), and what continues an enumeration ("ainsi que quatre au
stade"). Kept as data apart from the lexicon of what is counted (extractors.lexicon_fr)."""

from __future__ import annotations

# "aux 44 que nous avons déjà": a relative clause that says the count is there.
RELATIVE_HAVE = (r"qu[e'] ?(?:nous|la ville|la commune|l'on|on|j')\s*(?:avons|a|possédons|possède|comptons|compte)\b"
                 # "les 47 que compte Bordeaux": its owner after the verb
                 r"|que (?:compte|comptent|possède|possèdent|totalise)\s+(?!faire\b|mettre\b)"
                 # "les 7 caméras dont dispose actuellement Bezannes": the ones it has
                 r"|dont (?:nous )?(?:dispose|disposent|disposons|disposait|disposaient)\b")
# A bare number is a camera count when these follow it ("Neuf autres seront installées")…
CAMERA_ANAPHORA_AFTER = (
    # "Dix de plus doivent être installées", "Une trentaine en plus seront posées",
    # "55 nouvelles allaient être installées"
    # "Une dizaine serait prévue place Saint-Roch": a collective noun's singular, of what is to come only ("1 était
    # sur place", "88 est en service" count other things)
    r"(?:(?:autres|de plus|en plus|nouvelles|supplémentaires|dernières|premières)\s+)?(?:qui\s+)?"
    r"(?:seront|sont|ont été|étaient|viendront|sera|viendra"
    r"|vont être|devraient être|seraient|doivent être|devront être|devaient être|allaient être|pourraient être"
    r"|va être|devrait être|serait|doit être|devra être|devait être|allait être|pourrait être)\s+"
    r"(?:\w+\s+){0,2}?(?:install|pos|plac|rajout|ajout|implant|déploy|répart|en place|fonctionnel|opérationnel|"
    r"prévue|programmée|"
    r"mis\w* en|raccord|s'ajouter|en service|en fonctionnement|recensée?s?\b)"
    # "Onze fonctionnent désormais", "six filment la place": what only cameras do
    r"|(?:fonctionnent|fonctionnaient|filment|filmaient|surveillent|surveillaient)\b"
    r"|d'entre (?:elles|eux)\b"  # "Huit d'entre elles servent à la vidéo-verbalisation"
    # "Vingt-sept nouvelles le seront cette année": new ones, the predicate before repeated by "le"
    r"|(?:nouvelles|supplémentaires)\s+(?:le\s+|l')(?:seront|sera|seraient|serait|ont été|a été)\b"
    rf"|{RELATIVE_HAVE}"
    r"|(?:d')?autres\b|supplémentaires?\b|déjà en (?:place|service|fonctionnement|fonction\b)|déjà install"
    r"|déjà opérationnel"
    # "s'ajouter aux 43 déjà existantes", "aux 52 déjà mis en place"
    r"|déjà (?:existant|présent|posé|déployé|implanté|actif|active|mise?s? en (?:place|service))"
    # "sur les 1037 actuellement déployées": a feminine participle of being up, now
    r"|(?:actuellement|aujourd'hui)\s+(?:installées|déployées|posées|implantées|en place|en service|opérationnelles)"
    r"|existant\w*|au total|présentes\b"  # "en plus des 56 présentes sur la commune" (feminine: cameras)
    r"|plus (?:anciennes|récentes|vieilles)\b"  # "le remplacement des 12 plus anciennes"
    r"|restant(?:e|es|s)?\b|manquant(?:e|es|s)?\b"  # "Les 8 restantes attendront le prochain budget"
    # "Une petite dizaine tombent régulièrement en panne"
    r"|(?:tombent|sont|étaient|restent)\s+(?:\w+\s+)?(?:en panne|hors service|hors d'usage)"
    r"|en centre-ville"
    # "portant à 31 le nombre de caméras", "porter de 21 à 40 le nombre de ces caméras"
    r"|le nombre (?:total )?de (?:ces |ses |leurs |nos )?cam[ée]ras?"
    r"|en (?:service|action|activité|fonctionnement)\b"  # "soit à ce jour 152 en action"
    # "le nombre de caméras (350 en cours d'achat)", "une centaine de caméras (200 en prévision)"
    r"|en cours d['’](?:achat|acquisition)|en commande\b|en prévision\b"
    # "Vingt mille caméras en France actuellement, soixante mille prévues d'ici…": a feminine participle of intent
    r"|(?:prévues|programmées|envisagées)\b"
)
# …or precede it ("On en dénombre aujourd'hui 878", "elle devrait en compter un millier").
# "Le nombre de caméras aura doublé. Il était de 180 en 2018 ; il devrait atteindre 360": the count as subject
COUNT_SUBJECT_BEFORE = (r"\bil\s+(?:était|est|sera|serait|passera|passait)\s+(?:de|d'|à)\s*$"
                        r"|\bil\s+(?:devrait|doit|va|pourrait|devait)\s+(?:atteindre|passer à|dépasser|être de)\s*$")
CAMERA_ANAPHORA_BEFORE = (
    r"\ben\s+(?:\w+\s+){0,1}(?:dénombr\w*|compt\w*|install\w*|pos(?:er|e|ent|era|eront|erons|é|és)\b|plac(?:er|era|eront|erons|é|és|ées)\b|déploy\w*|déploi\w*|possède\w*|posséd\w*|ajout\w*|rajout\w*|avons|ont|a|av(?:ait|aient|ions)|totalis\w*|recens\w*|revendiqu\w*|comptabilis\w*|gère|gèrent|pilot\w*|surveill\w*|conserv\w*|promet\w*|apport\w*|align\w*|"
    r"aur\w*|recev\w*|reçoi\w*|accueill\w*|connect\w*|raccord\w*|exploit\w*|rest\w*|concentr\w*|prévoi\w*|prévoy\w*|envisag\w*|annonc\w*|command\w*|réclam\w*|"
    r"demand\w*|faudr\w*|faut|esp[èé]r\w*|vis\w*|souhait\w*|veu\w*|voudr\w*|remplac\w*|"
    # "il en faudrait 15", "la commune en espère 250", "elle en vise 40"
    r"exist\w*|implant\w*|acqu[ié]\w*|achet\w*|achèt\w*|utilis\w*|mobilis\w*)"
    r"(?:\s+à\s+(?:elle|lui)\s+seule?)?"  # "Auch en compte à elle seule 48"
    # "on en compte à ce jour 80", "elle en possède à l'heure actuelle 80": a time said in several words
    r"(?:\s+(?:à ce jour|à l'heure actuelle|à présent|pour l'instant|pour le moment|au total|en tout))?"
    r"(?:\s+\w+'?\w*){0,2}\s*$"
    r"|\by en avoir(?:\s+\w+'?\w*){0,2}\s*$"  # "il devrait y en avoir une trentaine": what there will be
    r"|\bparc\s*(?:de|d'|est monté à|atteint|-|–|compte)?\s*(?:\w+\s+){0,2}$"
    r"|c'est le nombre|(?:au rythme|à raison)\s*(?:de\s*|d')?$"
    r"|\ble cap des?\s*$"  # "a franchi le cap des 50"
    # "l'objectif est de 100"
    r"|\bobjectif\s+(?:est|sera|était|serait)\s+(?:de\s+|d')?(?:porter le parc à\s+|atteindre\s+)?$"
    r"|\b(?:objectifs?|cible)\s*:\s*$"  # "La ville compte 120 caméras. Objectif : 400 à l'été 2019"
    r"|\bcam[ée]ras\s+(?:ne\s+|n')?(?:étaient|sont|seront|seraient)\s+(?:alors\s+|plus\s+|encore\s+)?que\s*$"
    r"|\bparmi (?:elles|eux|celles-ci|ceux-ci)\s*,?\s*$"  # "33 caméras. Parmi elles, 5 filment l'aéroport"
    # "Ce chiffre devrait grimper à 300", "le nombre de caméras est passé de 30 à 130"
    rf"|{COUNT_SUBJECT_BEFORE}"
    r"|\b(?:ce chiffre|ce nombre|ce total|un chiffre|leur nombre|son nombre|le total|le parc|le réseau"
    r"|(?:le|un) nombre (?:total )?de (?:nouvelles |futures )?caméras?)\b"
    r"[^.;]{0,50}?"
    # "un nombre de nouvelles caméras compris entre 30 et 50"
    # "Il semblerait que leur nombre est de 51", "le total de caméras devrait avoisiner les 180 en 2026"
    r"\b(?:à|atteindre|atteindra|atteint|comprise?s? entre|(?:est|était|sera|serait|être) de"
    r"|avoisiner(?:a|ait)? les|avoisine les)\s*$"
)
# "On passe de 30 à 70", "l'objectif était de passer à 20", "passera … de 275 caméras actuellement à 315", "… et
# devait monter à 219 en 2009": where
# the network goes, from where it is (`OTHER_COUNTED_BEFORE` says when something else is what goes there)
PASS_TO_BEFORE = (r"\b(?:pass|mont|grimp)(?:er|e|ons|ent|era|eront|erait|eraient|ait|aient|ant|ée?s?)\s+"
                  r"(?:[^\W\d]+(?:'[^\W\d]+)?\s+){0,8}?"
                  r"(?:de\s+(?:\d[\d  .]*|[^\W\d]+)(?:\s+caméras)?(?:\s+[^\W\d]+){0,2}\s+)?à\s*$")
# "les agents passeront de six à sept", "le nombre d'infractions passe de quatre à onze", "un mur d'images passé
# de 50 à 130 m3", "le nombre de communes adhérentes a doublé, passant de quatre à huit", "sont passées à 1747
# événements": what else may be said to go from one number to another
OTHER_COUNTED_BEFORE = (r"\b(?:agents?|policiers?|effectifs?|police municipale|infractions?|délits?|faits|"
                        r"écrans?|opérateurs?|mur d'images|équipe|habitants|amendes?|verbalisations?|euros?|"
                        r"membres|flux|communes|villes|collectivités|événements|interventions|interpellations|"
                        r"réquisitions)\b")
# "Ils seront bientôt 19", "elles n'étaient que 20": a pronoun subject restates the last count.
PRONOUN_COUNT_BEFORE = (r"\b(?:ils|elles)\s+(?:ne\s+|n')?(?:seront|sont|étaient|seraient|furent"
                        # "Elles devraient être 180 à la fin de l'été", "elles vont être 40"
                        r"|(?:devraient|devaient|devront|doivent|vont|allaient|pourraient|pourront)\s+être)"
                        r"\s+(?:[\w']+\s+){0,2}$")
# Words that continue an enumeration of the same kind of count in one sentence.
# "… en centre-ville pour épauler la police, ainsi que quatre au stade", "mais aussi onze à La Chapelaude": an
# addition said outright, that may come after a long clause
ADDED_CONTINUATION = r"\bainsi que|\bde même que|\b(?:mais|et) (?:aussi|également)|\bsans oublier"
# "(112 caméras dôme – 11 fixes – 5 nomades)": a dash between items too
CONTINUATION_BEFORE = (rf"(?:{ADDED_CONTINUATION}|\bpuis|\bet(?:\s+(?:les|ses|leurs))?|\bcontre|\bdont|\bou|,|\s[–—]"
                       r"|\bmais"
                       r"|\bseul(?:e|s|es)?|\bsoit"  # "mais seules 14"
                       r"|\bpuis\s+à|\bun total de|\bà un total de"
                       r"|\bcam[ée]ras\s*:\s*(?:les|dont)?)\s*$")  # "140 caméras : les 95 de Montélimar et 45 …"
