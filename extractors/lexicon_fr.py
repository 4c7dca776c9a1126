"""French words vigicam reads, as data. Adding a phrase means editing a table here, not a function."""

from __future__ import annotations

# Month names and their common abbreviations → month number.
MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12,
    "déc": 12,
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_NAMES = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"  # written out

# --- Numbers ------------------------------------------------------------------------------------
# Words text2num turns into numbers; a run of them ("cent trente-sept", "quatre-vingt-dix") is one number.
NUMBER_WORDS = (
    "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt vingts trente quarante cinquante soixante septante huitante octante nonante cent cents mille"
).split()
# "une vingtaine de caméras" → 20, approx. The plural ("des dizaines") is vague and carries no value.
APPROX_NOUNS = {
    "demi-douzaine": 6, "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}
# Scale words after a number: "2 millions", "1,5 million", "3 M€", "15 k€".
SCALES = {
    "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000,
    "m€": 1_000_000, "md€": 1_000_000_000, "mds€": 1_000_000_000, "k€": 1_000, "mille": 1_000,
}

# --- Qualifiers ---------------------------------------------------------------------------------
# Phrases that end right before the number. Checked longest first; "au plus" before "plus de".
QUALIFIERS_BEFORE = {
    "at_most": [
        "au plus", "moins de", "moins d'", "jusqu'à", "jusqu'a", "dans la limite de", "dans la limite d'",
        "plafonnée à", "plafonné à", "plafonnées à", "plafonnés à", "plafond de", "plafond d'",
        "plafonne à", "plafonnent à", "plafonnera à", "plafonne aujourd'hui à", "plafonne actuellement à",
        "au maximum", "maximum de", "maximum", "pouvant atteindre", "pourra atteindre", "peut atteindre",
        "maximale de", "maximal de", "maximale d'", "maximal d'",  # "une subvention maximale de 40 000 euros"
        "n'excédant pas", "pas au-delà de", "pas au-delà d'",
        "ne peut excéder", "ne peut dépasser", "ne pourra excéder", "ne pourra dépasser", "sans excéder",
        "ne peut être supérieur à", "ne peut être supérieure à",
        "inférieur à", "inférieure à", "inférieurs à", "inférieures à", "limitée à",
        "limité à", "tout au plus", "pas plus de", "pas plus d'", "guère plus de", "guère plus d'",
    ],
    "at_least": [
        "plus de", "plus d'", "au moins", "pas moins de", "pas moins d'", "au minimum", "minimum de",
        "supérieur à", "supérieure à", "supérieurs à", "supérieures à", "au-delà de", "au-delà d'",
        "le cap des", "le cap de", "la barre des", "la barre de", "dépasse", "dépassent", "dépasser",
        "dépasse les", "dépassent les", "dépasser les", "dépasse la", "dépassent la",  # "dépasse les 200 000 euros"
        "dépassera", "dépasseront", "dépassait", "dépassera les", "dépasseront les", "dépassait les",
        "a dépassé", "a dépassé les", "ont dépassé les", "franchira le cap des", "franchit le cap des",
        "dépasserait", "dépasseraient", "dépasserait les", "dépasseraient les",  # "dépasserait 1 million d'euros"
        "+ de", "+de", "+ d'",  # "+ de 100 caméras", a list's shorthand
        "à partir de", "à partir d'",  # "à partir de 2 500 €" (a year after it is a date, no figure)
    ],
    "approx": [
        "près de", "près d'", "pas loin de", "pas loin d'",
        "environ", "quelque", "à peu près", "approximativement", "autour de",
        "autour d'", "de l'ordre de", "de l'ordre d'", "presque", "quasiment", "aux alentours de",
        "aux alentours d'", "grosso modo", "pratiquement", "avoisinant", "avoisine", "avoisinent", "avoisinant les",
        "avoisine les", "avoisinent les", "frôle les", "frôlent les", "approche les", "~",
        "avoisinerait les", "avoisinait les", "avoisinera les", "approchant les", "approchait les", "avoisiner les",
        "proche de", "proches de", "proche d'", "proches d'",  # "nous sommes proches de 50 %"
        "approximatif de", "approximative de", "approximatif d'", "approximative d'",  # "un coût approximatif de"
        "quelques",  # "quelques 160 caméras": the plural written for "quelque"
        "env.", "env", "≈",  # "env. 25 communes équipées"
    ],
}
# Phrases right after the number and its unit: "80 % au maximum", "500 caméras environ".
QUALIFIERS_AFTER = {
    # "sollicitée à hauteur de 30 000 €, son plafond"
    "at_most": ["au maximum", "maximum", "au plus", "au grand maximum", "a maxima", "à maxima", ", son plafond",
                ", soit le plafond", ", le plafond", ", soit le maximum"],
    # "en les portant à 600 voire plus": the least of what is said
    "at_least": ["au moins", "au minimum", "et plus", "ou plus", "minimum", "a minima", "à minima", "voire plus",
                 "sinon plus", "voire davantage", "ou davantage", "et davantage"],
    "approx": ["environ", "à peu près", "ou presque"],
}
# Words in a table header or the block before it that make bare cells bounds ("Taux maximal").
HEADER_AT_MOST = ("maximal", "maximale", "maximum", "plafond", "au plus", "jusqu'à")
HEADER_AT_LEAST = ("minimal", "minimale", "minimum", "au moins")

# --- What is counted ----------------------------------------------------------------------------
# Adjectives that may stand between a number and its noun: "44 nouvelles caméras".
NOUN_ADJECTIVES = (
    "nouvelles nouveaux nouvelle nouveau autres supplémentaires supplémentaire premières premiers "
    "dernières derniers fixes mobiles nomades blindées numériques modernes petites grandes "
    "additionnelles additionnels prochaines prochains futures futurs"  # "les 407 prochaines caméras prévues"
).split()
CAMERA_NOUNS = ("caméras", "caméra", "cameras", "camera", "yeux", "dispositifs de vidéoprotection",
                "dispositifs de vidéosurveillance", "dispositifs de vidéo-protection", "visiocaméras",
                "équipements de vidéoprotection", "équipements de vidéo-protection", "équipements de vidéosurveillance",
                "capteurs d'images", "capteurs d’images", "capteurs vidéo")
# Nouns that stand for cameras where cameras are the topic: "43 appareils", "sept dômes", "1 200 exemplaires".
STAND_IN_NOUNS = ("appareils", "unités", "dômes", "boîtiers", "exemplaires", "installations")
# Cameras that are not area surveillance: counted as "other".
CAMERA_OTHER_RE = (r"cam[ée]ras?[- ](?:dites\s+)?(?:pi[ée]tons?|individuelles?|corporelles?|embarqu[ée]es?|thermiques?"
                   r"|de poitrine)")  # worn on the chest: "quatre caméras de poitrine"
# Cameras that watch no public space at all: not counted ("une quinzaine de caméras de chasse").
CAMERA_NOT_SURVEILLANCE_RE = (r"(?:cam[ée]ras?|appareils)\s+(?:de chasse|de recul|animali[èe]res?|de la faune)"
                              r"|pièges? photographiques?")
# Counted things kept as "other" (people at the video centre, sites equipped, aid beneficiaries…).
# value: which context the sentence must show for the count to be about surveillance.
OTHER_NOUNS = {
    "opérateurs": "any", "opérateur": "any", "vidéo-opérateurs": "any", "vidéo-opérateur": "any",
    "vidéo-opératrices": "any", "opératrices": "any", "opératrice": "any", "vidéo-opératrice": "any",
    "vidéopatrouilleurs": "any", "superviseurs": "any",
    "agents": "centre", "policiers": "centre", "personnels": "centre", "agent": "centre",
    "communes": "aid", "villes": "aid", "municipalités": "aid", "collectivités": "aid", "epci": "aid",
    "intercommunalités": "aid", "projets": "aid", "dossiers": "aid", "maires": "aid", "bénéficiaires": "aid",
    "lycées": "aid", "collèges": "aid", "écoles": "aid", "groupes scolaires": "aid", "crèches": "aid",
    "établissements": "aid", "parkings": "aid", "carrefours": "aid", "gares": "aid", "haltes": "aid",
    "ronds-points": "aid", "giratoires": "aid",
    # a point is a site, with one camera or several: "12 points de vidéoprotection, équipés de 19 caméras"
    "points de vidéoprotection": "aid", "points de vidéosurveillance": "aid",
    "quartiers": "aid", "secteurs": "aid", "sites": "aid", "bâtiments": "aid", "cars": "equipped",
    # "4 000 cars scolaires équipés", not towed cars
    "bus": "equipped", "véhicules": "equipped", "rames": "equipped", "autobus": "equipped", "autocars": "equipped",
    "minibus": "equipped", "tramways": "equipped",
    # the police's drones and photo traps against dumping: devices of watch, not the camera network
    "drones": "any", "pièges photographiques": "any", "pièges photo": "any",
    "interpellations": "aid", "arrestations": "aid", "enquêtes": "aid",
    "interventions": "aid", "réquisitions": "aid", "extractions": "aid", "identifications": "aid",
    "reprises": "use", "extraits": "centre",  # "visionner les images à 210 reprises", "1 000 extraits vidéo"
    "fois": "use",  # "les images ont été requises 410 fois", "les caméras ont servi à 17 reprises": uses
    # "les caméras ont permis d'élucider 150 affaires", "6 affaires élucidées" where the cameras are told of
    "affaires": "aid", "élucidations": "aid",
    # "Deux suspects ont été interpellés grâce aux images": people the footage caught
    "suspects": "caught", "individus": "caught", "auteurs": "caught", "personnes": "caught",
    "boutiques": "joined", "commerces": "joined", "magasins": "joined",  # "15 boutiques ont raccordé leurs caméras"
    "avis": "aid", "autorisations": "aid",  # "rendu 35 avis favorables", "délivré 40 autorisations" to film
    "emplacements": "aid",  # "11 emplacements de caméras sont préconisés": sites, as points of vidéoprotection
    "postes": "jobs",  # "Trois postes supplémentaires seront créés" at the centre; not "3 postes d'opérateur"
    # "7 points de surveillance stratégique", "cinq points névralgiques", "21 mâts de vidéoprotection",
    # "trois lieux sont déjà sous vidéosurveillance", "Trois zones sont concernées": sites watched
    "points": "aid", "mâts": "aid", "lieux": "aid", "zones": "aid",
    # "30 nouveaux emplois au centre de supervision", "21 fonctionnaires municipaux", "six employés surveilleront"
    "emplois": "centre", "fonctionnaires": "centre", "employés": "centre", "chefs de poste": "centre",
    # "26 vues de lieux stratégiques", "19 ensembles d'habitation", "les cinq entrées du village": what is watched;
    # "47 demandes de visionnage", "une dizaine de signalements", "huit diagnostics de vidéoprotection": uses
    "vues": "aid", "ensembles d'habitation": "aid", "entrées": "aid", "demandes": "aid", "signalements": "aid",
    "diagnostics": "aid", "visionnages": "use", "téléopérateurs": "any",
    "centres de supervision": "aid", "centres de supervision urbains": "aid",
}
OFFENCE_NOUNS = (
    "infractions", "faits", "délits", "crimes", "pv", "procès-verbaux", "verbalisations", "contraventions",
    "amendes", "cambriolages", "vols", "agressions", "incidents", "vidéo-verbalisations",
    "plaintes", "dégradations", "effractions", "rixes", "incivilités",  # "23 plaintes pour vol"
    "contrevenants",  # "elle a permis d'identifier 7 contrevenants, verbalisés": offenders fined
    "homicides", "meurtres", "braquages", "atteintes", "flagrants délits", "actes de vandalisme",
    "p.-v.", "procès verbaux",  # as people write them
    "dépôts sauvages", "dépôts illégaux", "dépôts d'ordures",  # dumping, which anti-dumping cameras catch
)
POPULATION_NOUNS = ("habitants", "hab.", "administrés", "âmes", "citoyens", "résidents")

# --- Context ------------------------------------------------------------------------------------
# Words that make cameras the topic: "caméras", "vidéoprotection", "vidéo-surveillance", "yeux numériques".
CAMERA_WORDS = r"cam[ée]ras?|vid[ée]o-?(?:protection|surveillance)|yeux numériques"
VIDEO_TERMS = r"cam[ée]ra|vid[ée]o|csu|cpu|supervision|surveillance"
CENTRE_TERMS = r"csu|cpu|\bpc\b|centre(?![- ]ville)|supervision|écrans|images|visionn|vidéo(?!protection|surveillance)"
# "Huit agents s'y relaient": a pronoun that points back at the centre the sentence before names.
THERE_PRONOUN = (r"\b(?:s'y|y)\s+(?:\w+\s+)?"
                 r"(?:travaill|relai|relay|succèd|officient|sont|seront|veill|se relai|affect)\w*")
# "Seuls deux agents peuvent les consulter": a pronoun that points back at the images the sentence before names.
IMAGES_PRONOUN = r"\bles\s+(?:consult|visionn|regard|exploit|extrai)\w*"
AID_TERMS = (r"cam[ée]ra|vid[ée]o|csu|équip|aide|subvention|bénéfici|financ|relié|raccord|dossier|profit|"
             r"sollicit|soutien|protég|dispositif|implant|install|déploi|couvr|aid"
             r"|supervision|opérateur"  # "les opérateurs du centre de supervision ont déclenché 900 interventions"
             r"|images|visionn|réquisition")  # the footage and its uses: "on compte 46 réquisitions en 2015"
MONEY_CONTEXT = r"euros?|€|budget|co[uû]t|financ|subvention|enveloppe|somme|crédits|dépens|montant|aide"
# Money that is not specific to surveillance: a global security plan or budget.
BROAD_MONEY = (r"\bplan\b(?! de financement)|(?<!\bau )\bbudget\b|sur la période|section d'investissement"
               r"|section de fonctionnement")  # not a project's plan, nor what a budget holds ("inscrite au budget")

# --- Stock, plan or increment -------------------------------------------------------------------
FUTURE_TERMS = (
    r"seront|sera|devra|devront|devrait|devraient|va(?! de pair)|vont(?! de pair)|"  # "aller de pair" goes with
    # "nous allons également tripler le nombre de caméras": the near future of the first and second persons
    r"(?:allons|allez)(?=\s+(?:(?:également|aussi|donc|encore|bientôt|ensuite|en|y|les|la|le|l')\s*)*"
    r"[a-zéè]+(?:er|ir|re)\b)|"
    # "doivent être installées", "doit équiper"; not "les 42 caméras déployées doivent répondre à la demande"
    r"(?:doit|doivent)\s+(?:encore\s+|bientôt\s+|prochainement\s+|donc\s+)?(?:être|s'|augment|install|pos|implant|déploy|"
    r"équip|ajout|renforc|compl|étendre|passer|faire|atteindre|porter|accueillir|recevoir|aboutir|conduire|mener|"
    r"permettre d'install)\w*|pourra|pourront|comptera|"
    r"compteront|disposera|disposeront|aura|auront|aurons|aurai|aurez|serons|serai|serez|apportera|apporteront|"
    r"viendront|viendra|"
    # "55 nouvelles allaient être installées": what was then to come
    r"(?:allait|allaient)\s+(?:bientôt\s+|prochainement\s+)?(?:être|install|pos|déploy|implant|ajout|équip)\w*|"
    r"prévoit|prévoient|prévoyait|prévoyons|prévoyez|prévois|prévu|prévue|prévus|prévues|promises?|promis|promet|promettent|promettai\w*|annoncée?s?|annonce|lancer|lance|lancera|"
    r"envisag\w+|programmée?s?|vise|visent|visons|visait|(?<!\bse )veu[tx]|(?<!\bse )veulent|voulons|voulait|"
    r"volonté est d|propositions? d'(?:implantation|installation)|"  # "Notre volonté est d'arriver à 600 caméras"
    r"souhaite|souhaitent|souhaitons|objectif|"
    # "entendait porter de 21 à 40 le nombre de caméras" intends; "se veut à la pointe, avec 450 caméras" claims
    r"entend(?:ent|ait|aient|ons)?\s+(?:bien\s+|aussi\s+|désormais\s+|donc\s+)?(?:install|pos|déploy|implant|porter"
    r"|passer|augment|équip|doter|étendre|renforc|développ|multipli|élargir)\w*|"
    r"espère|espèrent|espérons|reportée?s?|repoussée?s?|"  # hoped for; put off to a later date
    r"(?:sont|est)\s+(?:encore\s+)?attendue?s?\b|"  # "Neuf autres sont attendues sur l'année": expected
    r"réclam\w*|demand(?:e|ent|ait|aient|ons)\b|"  # what an opposition asks for is not there yet
    r"recommand\w*|préconis\w*|"  # "la gendarmerie avait recommandé 9 caméras": advised, not there
    # allowed by the prefect, not yet installed: "212 nouvelles caméras ont été autorisées"
    r"(?:ont|a) été autorisée?s?|sont (?:désormais |déjà |aujourd'hui )?autorisée?s?|est autorisée?|"
    r"engagée?s? sur|d'ici|à l'horizon|à (?:l')?échéance|à terme|bientôt|prochains?|prochaines?|à venir|"
    r"l'accord de la préfecture|l'autorisation de la préfecture|(?:le|son|leur) feu vert|"  # allowed, not yet done
    r"(?:son|leur) accord pour|inscrite?s? au budget|"  # "a donné son accord pour la pose de 45 caméras"; budgeted
    r"(?:devait|devaient) (?:être )?(?:install|pos|implant|déploy|mis)\w*|"  # a past plan: "devaient être posées"
    r"en cours d'installation|en cours de commande|en cours de déploiement|projet de|projette|"
    r"s'équip(?:e|ent)(?=\s+(?:\w+\s+){0,2}?d(?:e\s|'))|"  # "le village s'équipe de neuf caméras": under way
    r"(?:son|leur|notre|le) (?:projet|plan)(?:\s+\w+)?\s*:|"  # "son projet : 12 caméras", "son plan pluriannuel :"
    r"soutient l'installation|finance l'installation|subventionne l'installation|"
    r"(?<!après )(?<!soutenu )(?<!financé )(?<!subventionné )(?<!accompagné )(?<!fait )(?<!procédé à )(?<!suite de )"
    r"(?<!suite à )"  # an installing or a purchase to come ("avec l'achat de 550 caméras"); not after a cause, done
    r"l'(?:installation|achat|acquisition) d(?:e|')|"
    r"étudie|à l'étude|prévision\w*|propose|proposent|"
    # a plan, a readiness, a deadline, an aim: "un premier plan de 31 caméras", "prêtes à être déployées", …
    r"(?:un|le|son|leur|du|notre|ce) (?:premier |nouveau |vaste |grand )?plan (?:de |d'|«\s?|\")\d+|"
    r"prête?s? à (?:être )?(?:install|pos|déploy|implant|débours|invest)\w*|"
    r"avant la fin (?:de l'année|du mois|de l'été|du mandat|de l'an)|ambitionn\w*|"
    r"avant (?:la )?fin (?:de |d')?(?:l'année )?(?:19|20)\d\d|"  # a deadline: "118 avant fin 2011"
    # "un total de 120 caméras dans deux ans": a time ahead
    r"dans (?:un|une|deux|trois|quatre|cinq|six|dix|quelques|\d+) (?:ans?|années|mois|semaines)|"
    # a call for tenders buys what is not there yet: "Lot 1 : fourniture et pose de 14 caméras"
    r"fourniture et (?:pose|installation)|appel d'offres?|avis de marché|"
    # a choice, a talk or a project of installing: "a choisi de déployer une trentaine de caméras", "il est
    # question d'installer une dizaine de caméras", "votre projet d'installation de 25 caméras"
    r"(?:choisi|choisit|choisissent|opté pour|résolu)\s+(?:de\s+|d')?(?:faire\s+)?(?:install|déploy|pos|implant|"
    r"étendre|investir|ajout|équip|renforc|acqu[ée]rir|achet)\w*|il (?:est|a été) (?:\w+ )?question d(?:e|es|u|'\w+)|"
    # a periphrastic future: "sont sur le point d'être installées", "devant être raccordées"
    r"sur le point d(?:e\b|'\w+)|"
    # an intention: "Christian Estrosi compte installer 500 caméras" (not "la ville compte 500 caméras")
    # "la municipalité compte en installer 18 autres"
    r"compt(?:e|ent|ait|aient|ons)\s+(?:bien\s+|encore\s+|aussi\s+)?(?:en\s+)?(?:install|déploy|pos|implant|équip|ajout|porter"
    r"|étendre|doter|mettre)\w*|"
    # still to do: "il reste 7 caméras à installer", "12 caméras restent à poser"
    r"rest(?:e|ent|ait|aient)\b[^.;,]{0,40}?\bà (?:install|pos|implant|déploy|mettre en|raccord)\w*|"
    # "devant passer de 330 à plus de 1 200", "devant atteindre 50": the present participle of "devoir"
    r"devant (?:être (?:install|pos|implant|déploy|raccord|mis)|passer|atteindre|porter)\w*|"
    r"projet d'(?:installation|implantation|extension|équipement|acquisition)|"
    # a prefect's leave to install is no installation: "une autorisation préfectorale pour 160 caméras",
    # "un arrêté autorisant la commune à en installer 23", "vient d'autoriser l'utilisation de 27 caméras"; not
    # leave to run cameras there ("l'arrêté autorisant la ville à faire fonctionner 40 caméras")
    r"autorisation (?:préfectorale )?(?:pour|portant sur|d'install\w*)|d'autoriser|"
    # a leave given in the present ("l'arrêté autorise 10 caméras") and a will ("sa volonté d'en installer")
    r"autorise|autorisent|(?:sa|leur|notre|la|une) (?:ferme )?volonté d(?:e|'\w+)|"
    r"autorisant(?![^.;]{0,80}\b(?:fonctionner|exploiter|utiliser|maintenir|renouvel))|"
    # a decision on cameras to come: "le conseil approuve la pose de 18 caméras"
    r"(?:approuv|autoris|valid|vot|adopt|décid|confirm)\w*\s+(?:la pose|l'acquisition|l'achat|la mise en place|"
    r"le déploiement|l'implantation|l'extension)"
)
# Future tense, third person: "installeront", "couvriront", "atteindra", "permettra", "recevra".
FUTURE_VERB_RE = (r"\w+(?:eront|iront|dront|rront|tront|vront)|"
                  # the first person plural: "nous en installerons 10", "nous n'irons pas au-delà de 80"
                  # (not the nouns "forgerons", "vignerons"; nor "1 camera" unaccented, "opera", "Riviera", "Sandra")
                  r"(?!(?:forg|bûch|vign)erons)\w+erons|irons|serons|aurons|ferons|pourrons|devrons|viendrons|tiendrons|"
                  r"(?!(?:cam|op|rivi)era\b)\w*[^\Wé]era|\w+(?:[eio]ndra|pandra|oudra|audra|ttra|cevra|ivra)"
                  # the conditional ("caméras suffiraient"; not "couvraient", "ouvrait", hearsay "Il semblerait")
                  r"|(?!sembl)\w+(?:eraient|iraient|draient|rraient|(?<!ou)vraient)"
                  r"|(?!sembl)\w+(?:erait|irait|drait|rrait|(?<!ou)vrait)")
# A state told with a time still ahead is no state now: "65 caméras opérationnelles à terme", "… en service d'ici juin"
TO_COME_AFTER = (r"(?!\s+(?:d'ici|dès|à partir|avant|fin|début|en 20\d\d|l'an prochain|prochainement|bientôt"
                 r"|à terme|à l'horizon|à l'échéance))")
# The verbs of putting cameras up, as stems: "installées", "posera", "déployé", "implantées".
INSTALL = r"install|pos(?!teriori)|déploy|implant"  # not "a posteriori"
# What a camera count to come is said to be done with, in the passive: "seront posées", "vont être reliées".
FUTURE_PASSIVE = r"seront|sera|vont être|va être|pourront être|devraient être|doivent être"
# "la Région a accompagné 180 communes pour l'installation de 1 500 caméras": paid for, so done.
# a past participle, any verb's: "examinés", "équipées"
PAST_PARTICIPLE = r"[a-zéèêû]+(?:é|ée|és|ées)\b"
# "atteignait 77 appareils", "étaient déjà en place": an imperfect, a past of its own (not "serait", "pourraient")
IMPERFECT = r"\b\w{2,}(?<!r)(?:ait|aient)\b"
# a count in words, for patterns ("en quatre ans", "dix palettes"); longest first ("dix" must not stop "dix-huit")
COUNT_IN_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if w not in ("zéro", "un", "une")), key=len, reverse=True))
# "… 8,7 millions d'euros ont été engagés, permettant l'installation de 2 300 caméras": done too
SUPPORTED_INSTALL = (r"(?:(?:a|ont|avait|avaient) (?:\w+ )?(?:soutenu|financé|subventionné|accompagné|aidé|permis|"
                     r"achevé|terminé|finalisé|réalisé|effectué|consisté)|permettant|ayant permis"
                     # "le plan s'est traduit par l'installation de 1 510 caméras", "une étape marquée par la mise en
                     # service de quatre caméras": an installation told as done
                     # with the project it realised: "Ce projet s'est concrétisé par l'installation de 34 caméras"
                     r"|(?:\bprojet\b[^.;:!?]{0,80}?)?(?:s'est|se sont|s'était) (?:traduite?s?|concrétisée?s?"
                     r"|matérialisée?s?)|marquée?s? par)"
                     r"(?:\s+[\w'-]+){0,5}?\s+(?:(?:pour|dans|à|en|par)\s+)?(?:l'installation|la pose|la mise en place"
                     r"|la mise en service|le déploiement|l'implantation) d")  # "a financé la pose de 42 caméras"
# Participles of deciding or planning: "a voté l'installation de 12 caméras" is no installation done.
PLANNING_PARTICIPLES = (r"été|voté|approuvé|décidé|validé|adopté|autorisé|acté|programmé|annoncé|prévu|lancé|demandé"
                        r"|sollicité|proposé|envisagé|promis|retenu|attribué|accordé|délibéré|confirmé|évoqué|présenté"
                        r"|étudié|budgété|inscrit|engagé|souhaité|voulu|réclamé|choisi|commandé|signé|entériné|saisi"
                        # a consent or a bet ("a donné son accord pour la pose de", "a misé sur l'installation de"),
                        # and work begun, not done ("a débuté l'installation de 18 caméras")
                        r"|donné|misé|débuté|commencé|entamé")
# Adverbs that end like participles and may stand after the auxiliary: "avait aussi promis l'installation de"
PARTICIPLE_LIKE_ADVERBS = r"aussi|ainsi|ici|parmi"
# An installation a verb in the compound past tells as done: "a suivi de près l'installation de dix caméras",
# "La première phase a eu lieu avec l'installation de 14 caméras", "a dressé un bilan de l'installation de".
DONE_OPERATION = (rf"\b(?:a|ont|avait|avaient) (?:\w+ )?(?!(?:{PLANNING_PARTICIPLES}|{PARTICIPLE_LIKE_ADVERBS})\b)"
                  r"[a-zéèêîôû]+(?:é|i|u|is|it)\b"
                  r"(?:\s+[\w'-]+){0,5}?\s+(?:l'installation|la pose|la mise en place|la mise en service"
                  r"|le déploiement|l'implantation) d"
                  # a project told as realised ("le projet a abouti", "a été réalisé"); a review ("bilan") of it
                  r"|\bprojet\b[^.;:!?]{0,80}?\b(?:(?:a|ont) (?:abouti|vu le jour)"
                  r"|(?:a|ont) été (?:réalisée?s?|achevée?s?|terminée?s?|menée?s? à bien))\b"
                  r"|\bbilan\b[^.;!?]{0,80}?(?:l'installation|la pose|la mise en place|le déploiement|l'implantation) d"
                  # the installation is the subject of a compound past: "L'installation de dix caméras … a coûté
                  # 36 000 euros" (not "a été votée": être and the participles of planning stay out)
                  r"|\b(?:l'installation|la pose|la mise en place|la mise en service|le déploiement|l'implantation)"
                  rf" d[e'][^.;:!?]{{0,100}}?\b(?:a|ont|avait|avaient) (?!(?:{PLANNING_PARTICIPLES})\b)"
                  r"[a-zéèêîôû]+(?:é|i|u|is|it)\b")
PAST_INSTALL = (
    # not "la pose de"; an adverb or an aside may stand between: "avons ainsi implanté", "a, dès 2013, déployé"
    r"\b(?:ont|a|avons|avaient|avait|avions|aurait|auraient)(?:\s+(?:(?:déjà|ainsi|aussi|également|donc|enfin|récemment"
    r"|notamment|encore|bien|d'abord|rapidement)\s+)?|\s*,\s*[^,.;:!?]{1,30}?,\s*)(?:été\s+)?"
    rf"(?:{INSTALL}|mis\w*\s+en\s+(?:place|service)|ajout|rajout|raccord|inaugur|placé|rejoint|équip"
    r"|achet|acqui[st]"  # "Nous en avons acheté quatre l'an dernier"
    r"|étoff|renforc|complét|agrandi|élarg|enrichi)\w*"  # "a étoffé de 11 caméras supplémentaires le dispositif"
    r"|étaient\s+(?:déjà\s+)?(?:en place|install\w+|raccord\w+|pos\w+)|on a (?:posé|installé|déployé)"
    rf"|(?:a|ont) fait (?:{INSTALL})\w*|(?:a|ont) reçu"
    r"|\b(?:a|ont|avait|avaient)\s+(?:ainsi\s+|déjà\s+)?(?:financé|subventionné|cofinancé)\b"  # "a ainsi financé 450"
    # "la ville a investi 2,3 millions d'euros entre 2015 et 2020 pour installer 74 caméras": spent, so done
    rf"|\b(?:a|ont|avait|avaient) (?:investi|dépensé|consacré|engagé)\b[^.;]{{0,60}}?\bpour (?:{INSTALL})"
    # "s'est enrichi de 9 caméras cet été" (what it added; "s'est doté de 48 caméras" is the whole system)
    r"|(?:s'est|se sont) (?:enrichie?s?|agrandie?s?|étoffée?s?) de"
    # "s'est dotée de six nouvelles caméras", "vient tout juste de poser huit nouveaux appareils": done, lately
    r"|(?:s'est|se sont) (?:dotée?s?|équipée?s?|offerte?s?|munie?s?) d(?:e |')(?:[\w-]+ ){0,4}?"
    r"(?:nouvelles|nouveaux|supplémentaires|neuves|flambant)"  # not "s'est dotée de 48 caméras": the system
    r"|\bvien(?:t|nent) (?:tout juste |juste |enfin |aussi )?d(?:e |')(?:être |faire )?"
    r"(?:install|pos|déploy|implant|plac|mis|équip|acqu|achet|raccord)\w*"
    rf"|{SUPPORTED_INSTALL}"
    # a participle dated in the past: "60 caméras installées en 2019 et 2020", "8 nouvelles implantées en juillet"
    rf"|(?:{INSTALL})(?:é|ée|és|ées)\s+(?:en|entre|au cours de|courant)\s+(?:(?:19|20)\d\d|{MONTH_NAMES})"
    # "150 caméras installées en quatre ans", "15 175 caméras installées depuis 10 ans": put up over those years
    rf"|(?:{INSTALL})(?:é|ée|és|ées)\s+(?:en|depuis)\s+(?:\d+|{COUNT_IN_WORDS})\s+ans\b"
    rf"|(?:{INSTALL})(?:é|ée|és|ées)\s+(?:ce printemps|cet (?:été|automne|hiver)|l'an dernier|l'année dernière"
    r"|le mois dernier)"  # "dont 12 posées ce printemps"
    rf"|(?:{INSTALL})(?:é|ée|és|ées)\s+(?:l'an dernier|l'année dernière|l'an passé|le mois dernier"
    r"|la semaine dernière|pendant l'été|pendant les vacances|cet été)"  # "dont six installées l'an dernier"
    r"|(?:a|ont) permis d(?:e |')(?:pos|install|déploy|raccord|implant)"
    # "après l'installation de 18 caméras", "la ville vient d'acquérir 4 caméras"
    r"|après (?:l'installation|la pose|le déploiement|la mise en place|l'implantation)"
    rf"|vien(?:t|nent) d(?:e |'|'être )(?:en )?(?:{INSTALL}|acqu|mettre en|mise?s? en|inaugur|ajout|raccord)"
)
INCREMENT_TERMS = (r"nouvelles?|nouveaux|supplémentaires?|autres|de plus|en plus|additionnel\w*|s'ajout\w*|rajout\w*"
                   r"|phase|tranche|vague"  # "une première phase, achevée en 2022, a permis de raccorder 65 caméras"
                   r"|l'ajout(?=\s+d)"  # "le remplacement de 20 caméras et l'ajout de 6"
                   # what grows a network adds to it: "Le contingent a été complété en 2010 par 22 caméras"
                   r"|(?:(?:complét|renforc|étoff)(?:é|ée|és|ées)|(?:agrandi|élargi|enrichi)(?:e|s|es)?)(?=\s)"
                   r"|dans le cadre d(?:u|e|es|')"  # "dans le cadre du plan …": a programme adds
                   # "la ville vient d'acquérir 4 caméras": just added; not "6 caméras viennent d'être posées",
                   # the passive that tells a whole new network as often as an addition
                   r"|vien(?:t|nent) d(?:e |')(?!être\b)\w+")
BOUNDED_PERIOD = (
    rf"\b(?:en|depuis) (?:\d+|{COUNT_IN_WORDS}) ans\b|"  # "installées en quatre ans"
    rf"\ben (?:{MONTH_NAMES}|"
    r"(?:19|20)\d\d)\b|\bcet (?:automne|été|hiver)|\bce printemps|semestre|trimestre|cette année|"
    r"l'an dernier|l'année dernière|ces derniers mois|\bmi-(?:19|20)\d\d|la semaine (?:dernière|passée)|"
    r"pendant l'été|pendant les vacances|"
    r"le mois (?:dernier|passé)|ces dernières semaines|cette semaine|ce mois-ci|"
    rf"\b(?:début|fin|mi-)\s*(?:{MONTH_NAMES})\b"
    rf"|\bentre (?:{MONTH_NAMES}) et\b"
    r"|l'année écoulée|l'(?:été|automne|hiver) dernier|le printemps dernier"
    # a time just past, or a length of time ago: "récemment", "il y a quelques semaines", "ces six derniers mois"
    r"|\brécemment\b|\bdernièrement\b|\bil y a (?:quelques|plusieurs|un|une|deux|trois|quatre|cinq|six|\d+) "
    r"(?:jours|semaines|mois|ans|années)\b|\bces (?:\d+|deux|trois|quatre|six|douze) derni(?:ers mois|ères semaines)"
)
# "Depuis la fin janvier, 11 caméras y ont été mises en service": since a month of this year, what was
# added lately; since a year ("Depuis 2013, près de 500 caméras…") counts from the network's start.
SINCE_MONTH = (r"\bdepuis (?:(?:le )?début (?:de l'année|d'année)"
               r"|(?:le début du mois de |le mois de |le \d{1,2}(?:er)? |(?:le |la )?(?:début|fin|mi-) ?)?"
               rf"(?:{MONTH_NAMES})\b)"
               r"(?!\s+(?:19|20)\d\d)")
# The hedges a known set may carry between its determiner and its number: "aux plus de 280 caméras", "les quelque 500"
SET_HEDGE = r"(?:plus de|près de|quelques?|environ)"  # "quelques 400": the misspelling is common
# The words that say a count is of now, told right beside it: "(350 actuellement)", "de 70 actuellement à 200"
NOW_WORDS = r"(?:actuellement|aujourd'hui|à ce jour|pour l'instant|pour le moment|à l'heure actuelle)"
STOCK_NOW = (r"aujourd'hui|actuellement|à ce jour|déjà|désormais"
             # "un dispositif pour le moment doté de 160 caméras et qui passera à 200": now, as against later
             r"|pour le moment|pour l'instant|pour l'heure|à l'heure actuelle|à présent"
             # a state told in the present: "les vingt-six caméras annoncées … sont en service"
             r"|(?:sont|est) (?:en service|en fonctionnement|opérationnel\w*)|fonctionnent"
             # linked now to the supervision centre: "104 caméras sont reliées au CSU"
             r"|(?:sont|est) (?:aujourd'hui |actuellement )?(?:reliée?s?|raccordée?s?|connectée?s?) (?:au|à)\b")
# A sentence that opens on a bounded period ("Cet été, 16 caméras ont été installées"): what it tells
# of was done within that period, an increment, unless it counts from a start ("Depuis 2013, …").
OPENING_PERIOD = rf"^\s*(?![^,]*\bdepuis\b)[^,]{{0,30}}(?:{BOUNDED_PERIOD})[^,]{{0,20}},"
# Cameras replaced or upgraded are the ones there already: "les 21 caméras de la ville seront remplacées".
REPLACED = r"remplac\w*|renouvel\w*|modernis\w*|rénov\w*|mises? à niveau"
DAMAGED = (r"endommag\w+|vandalis\w+|détrui\w*|hors[- ]service|hors d'usage|en panne|dégradé\w*|cassé\w*"
           r"|arraché\w*|volée?s\b"  # "trois caméras ont été arrachées et volées"
           r"|brûlée?s\b|incendiée?s\b|sabotée?s\b|saccagée?s\b|détériorée?s\b|abîmée?s\b"  # "50 caméras, brûlées"
           r"|démont(?!r)\w*|désinstall\w*|supprim\w*|retirée?s\b"  # cameras taken down (not "démontré", shown)
           # sawn off, stolen, out of order: "trois caméras ont été sciées", "10 caméras sur 11 dysfonctionnent"
           # (not a whole network that "ne fonctionne plus": the gold keeps that the stock)
           r"|sciée?s\b|dérobée?s\b|dysfonctionn\w*|défectueu\w*|inopérante?s\b"
           # "49 caméras qui ont été attaquées", "avaient été les cibles d'un commando", "ont subi des attaques"
           r"|attaquée?s\b|caillassée?s\b|(?:été|étaient|sont)\s+(?:la|les)\s+cibles?\b|prises?\s+pour\s+cibles?\b"
           r"|subi\w*\s+(?:des|de nombreuses|plusieurs)\s+(?:attaques|dégradations|dégâts|actes de vandalisme)"
           # not area surveillance either: cameras only tried for fining drivers (those that watch and fine count)
           r"|(?:testée?s|à l'essai|en test)\b[^.;]{0,30}verbalis\w*"
           r"|vidéo-?verbalis\w*[^.;]{0,30}\b(?:testée?s|à l'essai|en test)"
           r"|(?:servent|sert|utilisée?s|dédiée?s|affectée?s)\s+(?:\w+\s+)?(?:à|pour|au)\s+(?:la\s+)?"
           r"(?:vidéo-?)?verbalis\w*")
