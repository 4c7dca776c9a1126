"""The syntax review of a camera count's kind (stock, planned, added), after the word rules.

The word rules (`extractors.tense`) read a window of words around the number; the parse knows which verb
is the number's own. Each rule below is a name, what it needs of the parse, what it decides and French
examples that run as tests (`tests/test_review_rules.py`); the first that applies decides, so their order
is this table's. A rule names the metric it overrides, so the word rules keep every case it does not know.
`vigicam extract --explain` prints the rule that decided each figure's kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.figure import Metric
from extractors.french_model import operation_nouns, verb_meanings
from extractors.syntax import NumberSyntax, Time

# Cheap cues: words the sentence must hold before a rule is worth a parse.
DECISION_CUE = re.compile(r"\b(?:vot|approuv|décid|arrêt|autoris|valid|adopt|act|programm|ret[ie]n|attribu|accord|"
                          r"lanc|délibér|sollicit|demand)\w*")
OPERATION_CUE = re.compile(r"\b(?:installation|implantation|déploiement|pose|achat|acquisition|mise|extension|ajout|"
                           r"fourniture|renforcement)\b|\b(?:pour|afin d)\W+(?:en\s+)?(?:install|pos|implant|"
                           r"déploy|ajout|équip|acquér|achet|raccord)\w*")


def _installs(s: NumberSyntax) -> bool:
    return s.verb in verb_meanings()["install"] or s.verb in verb_meanings()["have"]


def _totals(s: NumberSyntax) -> bool:
    """ "passera à 120 caméras", "portera le parc à 40": a verb that brings the network to a total."""
    return _installs(s) or s.verb in verb_meanings()["total"]


# the nouns a count of cameras is said with, as lemmas
CAMERA_LEMMAS = frozenset({"caméra", "appareil", "dôme"})


def _uses(s: NumberSyntax) -> bool:
    return s.verb in verb_meanings()["use"]


@dataclass(frozen=True)
class ReviewRule:
    name: str
    why: str
    overrides: tuple[Metric, ...]  # the word rules' answers this rule may change
    applies: Callable[[NumberSyntax], bool]
    decides: Metric
    cue: re.Pattern[str]  # cheap words the sentence must hold before it is worth parsing for this rule
    examples: tuple[tuple[str, str, str], ...]  # (sentence, the number as written, the metric it must get)


REVIEW_RULES: tuple[ReviewRule, ...] = (
    ReviewRule(
        "intention_over_infinitive",
        "an infinitive of installing under a verb of intention or a mark of purpose ('pour se doter de 100 "
        "caméras') tells what is still to come, unless a verb before it tells it in the past",
        (Metric.CAMERAS, Metric.CAMERAS_ADDED),
        lambda s: s.time is Time.PROSPECTIVE and _installs(s) and not s.compared and not s.joined,
        Metric.CAMERAS_PLANNED,
        re.compile(r"\b(?:va|vont|ira|iront|s'apprêt\w*|prév\w*|envisag\w*|projet\w*|compt\w*|veu\w*|voul\w*|"
                   r"souhait\w*|doi\w*|dev\w*|programm\w*|planifi\w*|engag\w*|propos\w*|esp[eè]r\w*|vis\w*|"
                   r"ambitionn\w*|décid\w*|prom\w*|annon\w*|prépar\w*|autoris\w*|entend\w*|point de|projets?|"
                   r"objectifs?|but|ambitions?|intentions?|volonté|souhaits?|idée|train|perspectives?|promesses?|propositions?|"
                   r"décisions?|envie|espoirs?|cibles?|pour|afin)\b"),
        (("La ville s'apprête à installer 25 caméras.", "25", "cameras_planned"),
         ("La commune est sur le point de déployer 30 caméras.", "30", "cameras_planned"),
         ("Le maire souhaite installer 12 caméras dans le centre.", "12", "cameras_planned"),
         ("Sept caméras vont prochainement compléter les trois déjà existantes.", "trois", "cameras"),
         ("Les caméras arrivent : un arrêté autorise la commune à en installer 23.", "23", "cameras_planned"),
         ("Un arrêté autorise cette commune, qui ne disposait pas de caméras, à en installer 23.", "23",
          "cameras_planned"),
         ("En 2026, la ville devrait compter 25 caméras, contre 11 aujourd'hui.", "11", "cameras"),
         ("La commune est en train d'installer onze caméras de vidéosurveillance.", "onze", "cameras_planned"),
         ("La maire défend son projet d'installer 28 caméras.", "28", "cameras_planned"),
         ("Le but : installer 25 caméras pour s'attaquer à l'insécurité.", "25", "cameras_planned"),
         ("La municipalité faisait savoir qu'elle comptait installer 17 caméras.", "17", "cameras_planned"),
         ("L'ancienne municipalité avait prévu d'ajouter 9 caméras aux 15 existantes.", "15", "cameras"),
         ("La ville investit et recrute pour se doter de 100 caméras.", "100", "cameras_planned"),
         ("Trois villes unissent leurs efforts pour doter leur territoire de 71 caméras.", "71", "cameras_planned"),
         ("La ville a dépensé 12 000 euros pour équiper la place de deux caméras.", "deux", "cameras")),
    ),
    ReviewRule(
        "stated_aim",
        "a count a noun of aim announces ('Objectif : 400 caméras à l'été 2019') is still to come",
        (Metric.CAMERAS, Metric.CAMERAS_ADDED),
        lambda s: s.stated_aim and s.time is not Time.PAST and not s.compared,
        Metric.CAMERAS_PLANNED,
        re.compile(r"\b(?:objectifs?|but|ambitions?|cibles?)\s*:"),
        (("Objectif : 400 caméras à l'été 2019.", "400", "cameras_planned"),
         ("La ville compte 120 caméras. Objectif : 400 à l'été 2019.", "400", "cameras_planned")),
    ),
    ReviewRule(
        "own_verb_future",
        "a count whose own verb of having or installing is in the future or the conditional is still to come",
        (Metric.CAMERAS,),
        lambda s: s.time in (Time.FUTURE, Time.CONDITIONAL) and not s.definite and not s.compared and _totals(s),
        Metric.CAMERAS_PLANNED,
        # future and conditional endings, not "caméra(s)", whose "-ras" is no tense
        re.compile(r"\w(?<!é)(?:ra|ront|rai|ras|rez|rons|rait|raient)\b"),
        (("Le réseau de caméras s'étend. Elle en comptera alors 1 226.", "1 226", "cameras_planned"),
         ("La commune disposera de 2 000 caméras à la fin du mandat.", "2 000", "cameras_planned"),
         ("Les caméras se multiplient : elle en comptera 1 226 contre environ 330 aujourd'hui.", "330", "cameras"),
         ("La commune déploiera 4 caméras temporaires en plus des 11 caméras fixes.", "11", "cameras"),
         ("Le dispositif en compte aujourd'hui 114 et passera à 120 caméras d'ici à 2026.", "114", "cameras"),
         ("Le dispositif en compte aujourd'hui 114 et passera à 120 caméras d'ici à 2026.", "120",
          "cameras_planned"),
         ("La ville passera donc de 48 à 52 caméras sur son territoire.", "48", "cameras"),
         ("L'agglomération complétera les sept caméras déjà en place sur la zone.", "sept", "cameras")),
    ),
    ReviewRule(
        "installing_now",
        "a verb of installing in the active present tells of work under way ('la commune installe dix-sept "
        "caméras', 'La Ville achète 1 600 caméras'): what it puts up is still to come",
        (Metric.CAMERAS, Metric.CAMERAS_ADDED),
        lambda s: s.time is Time.PRESENT and s.active and s.verb in verb_meanings()["put_up"]
        and not s.definite and not s.joined and not s.per_period and not s.past_told,
        Metric.CAMERAS_PLANNED,
        re.compile(r"\b(?:install|pos|implant|déploi|déploy|achèt|achet|acquier|ajout|rajout|plac|équip)\w*"),
        (("Depuis ce mardi, la commune installe dix-sept caméras supplémentaires.", "dix-sept", "cameras_planned"),
         ("Cette semaine, la commune pose huit caméras au centre-ville.", "huit", "cameras_planned"),
         ("Dix-sept caméras sont installées dans la commune.", "Dix-sept", "cameras"),
         ("7 nouvelles caméras complètent le dispositif des 23 caméras déjà en place.", "7", "cameras_added"),
         ("Il installe à l'époque une quarantaine de caméras sur la Presqu'île.", "quarantaine", "cameras")),
    ),
    ReviewRule(
        "new_ones_told_done",
        "new cameras that a verb in the present or a past tense tells of were just added",
        (Metric.CAMERAS,),
        lambda s: s.new and s.time in (Time.PAST, Time.PRESENT) and not s.definite and s.operation is None
        and s.verb not in verb_meanings()["have"] and not s.existential,
        Metric.CAMERAS_ADDED,
        re.compile(r"\b(?:nouve(?:lles|aux)|supplémentaires|complémentaires|additionnel\w*|neuves|flambant)\b"),
        (("7 nouvelles caméras complètent le dispositif des 23 caméras déjà en place.", "7", "cameras_added"),
         ("Déjà équipée de 26 caméras, la commune s'est dotée de 13 unités complémentaires.", "13", "cameras_added")),
    ),
    ReviewRule(
        "added_in_the_past",
        "cameras a past verb of adding put up are an increment to the network, never its whole",
        (Metric.CAMERAS,),
        lambda s: s.verb in verb_meanings()["add"] and s.time is Time.PAST and not s.definite,
        Metric.CAMERAS_ADDED,
        re.compile(r"\b(?:ajout|rajout|adjoint)\w*"),
        (("En début d'année, la ville a ajouté 14 caméras aux 32 déjà installées.", "14", "cameras_added"),),
    ),
    ReviewRule(
        "operation_to_come",
        "an installation told as future or under way ('l'installation future de', 'est en cours') is still "
        "to come, whatever tense tells of it",
        (Metric.CAMERAS, Metric.CAMERAS_ADDED),
        lambda s: s.to_come and not s.definite,
        Metric.CAMERAS_PLANNED,
        re.compile(r"\b(?:futur\w*|prochaine?s?|venir|prévue?s?|programmée?s?|envisagée?s?|projetée?s?|en cours)\b"),
        (("Un collectif s'est constitué pour dénoncer l'installation future de 25 caméras.", "25",
          "cameras_planned"),
         ("Une première phase d'installation d'une dizaine de caméras est actuellement en cours.", "dizaine",
          "cameras_planned")),
    ),
    ReviewRule(
        "decided_operation",
        "an installation that a council, a prefect or a mayor decides, votes or authorises is still to come",
        (Metric.CAMERAS, Metric.CAMERAS_ADDED),
        lambda s: s.operation is not None and s.finite in verb_meanings()["decide"],
        Metric.CAMERAS_PLANNED,
        DECISION_CUE,
        (("L'implantation des neuf caméras a été arrêtée en accord avec la gendarmerie.", "neuf", "cameras_planned"),
         ("En juin, la mairie a voté l'achat de dix caméras mobiles.", "dix", "cameras_planned"),
         # what a network started with is no decision; the clause after a comma is another's
         ("Lancé en 2004 avec l'installation de 14 caméras sur La Butte, le dispositif compte aujourd'hui 88 "
          "caméras.", "14", "cameras"),
         ("Lancé en 2004 avec l'installation de 14 caméras sur La Butte, le dispositif compte aujourd'hui 88 "
          "caméras.", "88", "cameras")),
    ),
    ReviewRule(
        "past_operation",
        "an installation told in a past tense, that a programme or an aid made possible or that is said new, "
        "added its cameras to what was there (one that set up the whole network told of is its stock)",
        (Metric.CAMERAS,),
        lambda s: s.operation is not None and s.time is Time.PAST and not s.definite
        and (s.new or s.finite in verb_meanings()["enable"] or s.verb in verb_meanings()["enable"]),
        Metric.CAMERAS_ADDED,
        OPERATION_CUE,
        (("Le fonds a permis l'installation de 49 353 caméras sur le territoire.", "49 353", "cameras_added"),
         ("Les communes avaient été aidées pour installer 26 614 caméras.", "26 614", "cameras_added"),
         ("Les dégâts ont diminué depuis le déploiement de 7 caméras au stade.", "7", "cameras"),
         ("Le fonds a financé des projets permettant l'installation de 4 353 caméras.", "4 353", "cameras_added")),
    ),
    ReviewRule(
        "pending_operation",
        "an installation that is paid for, aided or described now, with no past tense, is still to come",
        (Metric.CAMERAS,),
        lambda s: s.operation in operation_nouns() and not s.definite
        and s.time in (Time.PRESENT, Time.FUTURE, Time.CONDITIONAL),
        Metric.CAMERAS_PLANNED,
        OPERATION_CUE,
        (("Le Département investit 450 000 € dans le déploiement de 128 caméras.", "128", "cameras_planned"),
         ("Le marché porte sur la fourniture de 50 caméras.", "50", "cameras_planned"),
         ("La Région offre une aide destinée à l'implantation de trois caméras.", "trois", "cameras_planned")),
    ),
    ReviewRule(
        "partitive_past_install",
        "'en' on a past verb of installing counts some more of the cameras: those it added",
        (Metric.CAMERAS,),
        lambda s: s.partitive and not s.existential and s.verb in verb_meanings()["install"] and s.time is Time.PAST,
        Metric.CAMERAS_ADDED,
        re.compile(r"\ben\b"),
        (("La ville comptait 21 caméras. Le maire précédent en avait implanté six.", "six", "cameras_added"),
         ("Des caméras, il y en avait 11 en 2002 ; il y en a désormais 105 installées en ville.", "105", "cameras")),
    ),
    ReviewRule(
        "known_set_in_use",
        "a definite count that a verb of use governs ('surveilleront les 85 caméras', 'Les images des 21 "
        "caméras seront partagées') is of cameras there now",
        (Metric.CAMERAS_PLANNED,),
        lambda s: s.definite and _uses(s) and s.noun in CAMERA_LEMMAS,
        Metric.CAMERAS,
        re.compile(r"\b(?:les|ses|leurs|nos|ces|la|des|aux)\s+(?:\d|[a-zé-]+)"),
        (("Dès l'an prochain, trois agents surveilleront les 85 caméras de la ville.", "85", "cameras"),
         ("Les agents qui seront recrutés surveilleront les 85 caméras de la ville.", "85", "cameras"),
         ("Dès octobre, les opérateurs visionneront les images de la trentaine de caméras.", "trentaine", "cameras"),
         ("Les images des 21 caméras seront partagées avec la police nationale.", "21", "cameras"),
         ("Une délibération permettra de raccorder d'ici à 2020 les 350 caméras de la Tam au CSU.", "350", "cameras"),
         ("Le service commun intégrera les 22 caméras du centre herblinois.", "22", "cameras"),
         ("Les 79 caméras de la ville serviront à verbaliser les automobilistes.", "79", "cameras"),
         ("Le système s'appuiera sur le réseau des 76 caméras de la ville.", "76", "cameras"),
         # the modal the small model hangs the subject on stands for the verb it helps
         ("Si besoin, les 117 caméras de la ville pourront dorénavant être suivies en direct.", "117", "cameras"),
         ("Les nouveaux locaux continueront de centraliser les images des 173 caméras de la voie publique et des "
          "160 appareils des parkings.", "160", "cameras")),
    ),
    ReviewRule(
        "in_use_now",
        "a count of cameras that a verb of use governs in the present ('les écrans retransmettent les images de "
        "10 caméras', 'sur le viaduc, 19 caméras surveillent le trafic') is of cameras there now, whatever "
        "the sentence says of the future",
        (Metric.CAMERAS_PLANNED,),
        lambda s: s.time is Time.PRESENT and _uses(s) and s.finite == s.verb and s.noun in CAMERA_LEMMAS
        and not s.new and s.intention is None and s.operation is None and not s.to_come,
        Metric.CAMERAS,
        re.compile(r"\b(?:surveill|visionn|regard|g[èé]r|exploit|contr[ôo]l|pilot|supervis|reli|film|centralis|"
                   r"enregistr|partag|transmet|suiv|suit|utilis|consult|visualis|scrut)\w*"),
        (("Ses écrans retransmettent les images de 10 caméras réparties sur le territoire, que visionneront les "
          "gardes champêtres.", "10", "cameras"),
         ("Sur le viaduc, 19 caméras surveillent le trafic, et deux agents seront recrutés l'an prochain.", "19",
          "cameras"),
         ("Dès l'an prochain, deux agents surveilleront 12 nouvelles caméras.", "12", "cameras_planned"),
         # a verb of use in the infinitive tells what can be done, not what is there
         ("Cet outil permet de piloter 250 caméras et plus de 600 caméras d'ici la fin de l'année.", "600",
          "cameras_planned")),
    ),
    ReviewRule(
        "own_verb_present_have",
        "a count whose own verb of having is in the present is the stock, whatever another count of the "
        "sentence says of the future",
        (Metric.CAMERAS_PLANNED,),
        lambda s: s.time is Time.PRESENT and s.verb in verb_meanings()["have"] and s.intention is None
        and not s.new and s.operation is None,
        Metric.CAMERAS,
        re.compile(r"\b(?:poss[eè]d|dispos|compt|comprend|totalis)\w*"),
        (("Prenons Carbonne, qui possède 11 caméras (bientôt 14).", "11", "cameras"),
         ("Prenons Carbonne, qui possède 11 caméras (bientôt 14).", "14", "cameras_planned"),
         ("L'EPCI dispose d'un réseau de 222 caméras (322 d'ici à la fin 2024).", "222", "cameras"),
         ("Le plan comprend l'installation de 25 caméras pour 450 000 euros.", "25", "cameras_planned")),
    ),
)


# word rules that read the count's own words ("fort de 884 caméras", "(350 actuellement)"): a verb the parse
# hangs the number on elsewhere in the sentence does not override them
FIRM_WORD_RULES = frozenset({"tense.strong_of", "tense.now_aside"})


def review_metric(metric: Metric, sentence: str, syntax: Callable[[], NumberSyntax | None],
                  word_rule: str | None = None) -> tuple[Metric, str | None]:
    """The metric after the review, and the name of the rule that changed it (None when no rule applies
    and the word rules' answer stands, or when `word_rule`, the word rule that decided, is a firm one).
    `sentence` is lower-cased; `syntax` parses it, and is called only when a rule's cue is in the sentence."""
    if word_rule in FIRM_WORD_RULES:
        return metric, None
    rules = [r for r in REVIEW_RULES if metric in r.overrides and r.cue.search(sentence)]
    parsed = syntax() if rules else None
    for rule in rules if parsed is not None else ():
        if parsed.already and rule.decides is Metric.CAMERAS_PLANNED:
            continue  # "les trois déjà existantes": said to be there, whatever verb of the future governs them
        if rule.applies(parsed):
            return rule.decides, rule.name
    return metric, None
