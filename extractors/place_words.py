"""Words that say where: the patterns places are found by, and how a place is named in a figure.

`FigurePlace` is a figure's place as the figures carry it; `display_name`, `to_figure_place` and
`as_named` give a gazetteer's place the name a figure shows. `extractors.places` re-exports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.gazetteer import Place, normalise
from extractors.lexicon_fr import MONTH_PATTERN, NUMBER_WORDS

NAME_RE = re.compile(
    r"(?:(?:La|Le|Les|L'|L’|la|le|les|l'|l’)[\s-]?)?[A-ZÀ-Ý][\w'’]*"
    r"(?:[\s-]+(?:(?:de|du|des|la|le|les|sur|sous|en|lès|lez|et|au|aux|d'|d’|l'|l’)[\s-]*)*[A-ZÀ-Ý][\w'’]*"
    # "Néris-les-bains", "Bagnols-sur-cèze": the press lowers a hyphened name's last word
    r"|-(?:de|du|des|la|le|les|sur|sous|en|lès|lez|au|aux)-[a-zà-ÿ][\w'’]*)*"
)
LOCATIVE_BEFORE_RE = re.compile(r"(?:\bà|\bau|\bde|\bdu|\bd'|\bd’|\bdans|\bsur|\ben|\bpour|ville de|commune de"
                                r"|\bdevant|\bderrière)\s*$",  # a ranking: "devant Beausoleil (385)"
                                re.IGNORECASE)
# "… au Jas de Bouffan et trois seront placées …": where the next count begins, in digits or in words
NEXT_COUNT_RE = re.compile(rf"\b(?:et|puis)\s+(?:\d|(?:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b)",
                           re.IGNORECASE)
NEXT_NUMBER_RE = re.compile(rf"\d+(?!\d|\s*(?:er\s+)?(?:{MONTH_PATTERN})\b)", re.IGNORECASE)
# Where a figure's place is named after it: "à Rezé", "dans le quartier…", "pour Montauban" (an amount's
# beneficiary), "aux communes du Tarn-et-Garonne", "sur le Vieux-Bassin".
LOCATIVE_RE = re.compile(r"\b(?:(?:à|au|aux|dans|sur|pour)\s+|(?:dans|sur) (?:le |la |les |l['’])|à (?:la |l['’]))"
                         r"(?:la (?:commune|ville)(?: déléguée)? d(?:e\s+|['’]))?"
                         r"(?=[A-ZÀ-Ý])"
                         r"|\baux communes (?:du|de la|de l['’]|de|des)\s*(?=[A-ZÀ-Ý])")
# "sont volés en France", "communes en Bretagne": "en" names a territory the gazetteer knows, never a district
# (it also opens "en Mairie"); within a few words of the figure, none a name ("Sanilhac en Dordogne" is the name's)
# and none a comparison ("sans équivalent en France")
EN_TERRITORY_RE = re.compile(r"^(?:(?!équivalent|unique|premi[eè]re?|comme\b|que\b)[a-zà-ÿ'’-]+\s+){0,4}?en\s+"
                             r"(?=[A-ZÀ-Ý])")
NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
# "… relève que Mallemort a consacré 1,1 million d'euros": a small commune's name as a verb's subject
SUBJECT_VERB_AFTER_RE = re.compile(r"(?:\s*,[^,.;]{1,30},)?"  # "Genilac, de son côté, vient d'en installer 3"
                                   r"\s+(?:n['’]en\s+|en\s+|n['’]|ne\s+)?"  # "Lorette n'en possède que 4"
                                   r"(?:a|avait|ont|compte|comptait|dispose|disposait|possède|prévoit|installe|"
                                   r"investit|consacre|vient)\b")  # "a" covers "a consacré", "a installé"
INHABITANTS_AFTER_RE = re.compile(r"\s*[(,]\s*[\d  .]+\s*(?:habitants|hab\.|âmes)")  # "Vermenton (1 200 habitants)"
# "Estrébœuf, petite commune des Hauts-de-France, …": a name the text says is a commune's
COMMUNE_APPOSITION_AFTER_RE = re.compile(r"\s*,\s*(?:(?:la|une|cette)\s+)?(?:(?:petite?|grande?|paisible|jolie|modeste)"
                                         r"\s+)?(?:commune|ville|village|bourg|cité)\b")
BODY_LEAD_RE = re.compile(r"(?:^|\s)(?:la région|le département|le conseil (?:régional|départemental))\s+"
                          r"(?:(?:de la|de l'|de|du|des|d')\s*)?", re.IGNORECASE)
TITLE_LEAD_RE = re.compile(r"\s*([A-ZÀ-Ý][^:—–\n]{1,50}?)\s+[:—–]\s")  # "Saint-Louis : le CSU fête ses six ans"
NEXT_NUMBER_NOT_YEAR_RE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")
# "les 370 caméras pour 100 000 habitants de Nice": a noun's complement right after the figure names
# its place, when it is a place the gazetteer knows ("de la ville" is a relative word, dealt with later).
# "parkings relais de Villars"; with an article ("les 265 lycées des Hauts-de-France", "publics du Loir-et-Cher"),
# a place the gazetteer knows only: "du Centre" or "de la Gare" name no territory
GENITIVE_RE = re.compile(r"^\s*(?:[a-zà-ÿ-]{3,}\s+)?"
                         r"(?:de\s+|d['’]\s*|(?P<article>du\s+|des\s+|de\s+la\s+|de\s+l['’]\s*))(?=[A-ZÀ-Ý])")
DISTRICT_CUE_RE = re.compile(
    r"(?:quartiers?|plateau|secteur|zones?\s+(?:industrielles?|commerciales?|artisanales?|d'activités?))"
    r"\s+(?:du|des|de|d')\s*"
    r"((?:la\s+|l')?[A-ZÀ-Ý][\w'’-]*(?:[\s-]+(?:de|du|des|la|le)?\s*[A-ZÀ-Ý][\w'’-]*)*)"
    r"|(?:quartier|secteur|campus|cité)\s+([A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*)",
)
CENTRE_RE = re.compile(r"\b(?:en|au|du|dans le|dans la|de la|dans l['’]|de l['’]|(?:couvrir|surveiller|filmer) le)\s*"
                       r"(centre-ville|hyper-?centre|centre ville|centre historique|"
                       r"centre ancien|cœur de ville|vieille ville|cité médiévale)\b", re.IGNORECASE)
CENTRE_SUBJECT_RE = re.compile(r"\s*(?:(?:le parking|le parvis|les abords|le quartier) de )?"  # "Le parking de la gare"
                               r"(?:le|la|l['’])\s*(centre-ville|hyper-?centre|centre historique|centre ancien"
                               r"|cœur de ville|vieille ville|cité médiévale|gare)\b", re.IGNORECASE)
CAMERA_RE = re.compile(r"cam[ée]ra", re.IGNORECASE)
PER_SITE_RE = re.compile(r"\s*(?:[\w'-]+\s+){0,3}?(?:par|dans chaque|devant chaque|pour chaque|à chaque|sur chaque)\s+"
                         r"(quartier|secteur|arrondissement|hameau|zone|station|déchèterie|déchetterie|école|"
                         r"groupe scolaire|collège|lycée|site|carrefour|entrée de ville|parking|"
                         r"établissement|bâtiment|gare|rond-point)\b", re.IGNORECASE)
CENTRE_BEFORE_WHERE_RE = re.compile(CENTRE_RE.pattern + r"\s*,\s*où\b[^.;,:]*$", re.IGNORECASE)
# "une trentaine de caméras, principalement en centre-ville": where most are, not a district's count.
SPREAD_RE = re.compile(r"\b(?:principalement|essentiellement|surtout|notamment|majoritairement|en majorité|"
                       r"concentrée?s?|répartie?s?|"
                       r"pour la plupart|avant tout)\s*,?\s*$", re.IGNORECASE)
OPENING_END_RE = re.compile(r"[^,\d.;:\n]{0,60},\s*")  # the rest of an opening phrase, up to its comma
LANDMARK_RE = re.compile(r"^\s*(?:à|au|autour d[ue]|aux abords d[ue]|près d[ue]|devant|dans|sur|de|du)\s+"
                         r"(?:la |le |l['’])?"
                         r"(?:quartier (?:de la |du |de l['’]))?"  # "six dans le quartier de la gare"
                         r"(gare|plage|front de mer|zone commerciale)\b")  # not a port: a place of its own
# A site of the commune named after the count's own verb: "Cinq caméras ont été installées autour de la gare",
# "seront posées dans la rue Carnot", "installées sur le parking du Champ-de-Foire". A street, a square or a
# building needs its name ("rue Carnot"); a landmark a commune has one of stands alone ("la gare", "le cimetière").
NAMED_SITES = (r"rue|avenue|boulevard|place|parc|square|allée|impasse|quai|esplanade|rond-point|giratoire|"
               r"carrefour|stade|parking|école|collège|lycée|gymnase|résidence|cité|halle|complexe sportif|pont")
LONE_SITES = (r"gare|plage|front de mer|cimetière|marché couvert|aéroport|médiathèque|déchetterie|"
              r"déchèterie|zone commerciale")
SITE_AFTER_VERB_RE = re.compile(
    # up to five words before the site, none of them a preposition but the camera's own complement ("de
    # vidéoprotection") and a state of works ("en cours d'installation"): the first place said after the count
    r"^\s*(?:(?:de|d['’])\s*(?:vidéo-?protection|vidéo-?surveillance|surveillance)\s+)?"
    r"(?:(?:(?!(?:à|au|aux|dans|sur|de|du|des|d|devant|près|autour|et|ou|pour|avec|en|par|dont|qui|que)\b)"
    r"[\w’-]+|en cours d['’](?:installation|implantation|déploiement))\s+){0,5}?"
    r"(?:dans|sur|à|au|aux|autour d[eu]|aux abords d[eu]|près d[eu]|devant|le long d[eu]"
    r"|en face d[eu])\s+(?:la |le |les |l['’])?"
    rf"((?:{NAMED_SITES})(?:\s+(?:de la |du |des |de l['’]|d['’]|de )?[A-ZÀ-Ý][\w'’-]*(?:[\s-]+(?:de|du|des|la|le)?\s*"
    rf"[A-ZÀ-Ý][\w'’-]*)*)|(?:{LONE_SITES})\b(?:\s+(?:de la |du |des |de l['’]|d['’]|de )?[A-ZÀ-Ý][\w'’-]*"
    r"(?:[\s-]+[A-ZÀ-Ý][\w'’-]*)*"
    r"|\s+(?:communale?|municipale?|intercommunale?|principale?|routière|SNCF)\b)?)")
# "la MJC est équipée de sept caméras", "le cimetière est équipé depuis mars 2012 de deux caméras", "la gare SNCF
# s'est équipée de cinq caméras": the site the sentence says is equipped, its subject
EQUIPPED_SITE_BEFORE_RE = re.compile(
    rf"\b(?i:le |la |les |l['’])((?:{NAMED_SITES}|{LONE_SITES}|mairie|hôtel de ville|salle|piscine|MJC|"
    r"centre aquatique)(?:\s+[\w'’-]+){0,3}?)\s+(?:est|sont|a été|ont été|s'est|se sont)\s+(?:désormais\s+|déjà\s+)?"
    r"(?:équipée?s?|dotée?s?)\s+(?:depuis\s+[^,;.]{0,20}?\s+)?(?:de|d['’])\s*$")
# "au rond-point d'Azé et route de Chemazé", "sur la place X, rue Y": a count spread over several sites is the commune's
OTHER_SITE_NEXT_RE = re.compile(rf"\s*(?:,|\bet\b)\s*(?:(?:à|au|aux|dans|sur|près|autour|devant|le long)\b\s*)?"
                                rf"(?:la |le |les |l['’])?(?:{NAMED_SITES}|{LONE_SITES}|route|chemin)\b", re.IGNORECASE)
# "le port sera équipé de caméras. Sept caméras y seront installées": a landmark the sentence is about
LANDMARKS = r"gare|port|plage|front de mer"  # places in a commune that name a district of their own
LANDMARK_NAMED_RE = re.compile(rf"\b(?:le|la|l['’]|du|au|de la|à la)\s*({LANDMARKS})\b", re.IGNORECASE)
# where a body or a centre sits, in an apposition: its seat, not what its figures are about
LOCATED_AT_RE = re.compile(r"\b(?:installée?s?|située?s?|basée?s?|implantée?s?|hébergée?s?|siégeant)\s+"
                           r"(?:à|au|dans)\s*$")
LANDMARK_COLON_RE = re.compile(rf"\b(?:la|le|l['’])\s*({LANDMARKS})\b"
                               r"(?:\s+(?:de|du|d['’])\s*[A-ZÀ-Ý][\w'’-]*)?\s*:\s*$", re.IGNORECASE)
SPREAD_OVER_RE = re.compile(r"\s+et\s+(?:des|du|de la|de l['’]|de|d['’]|aux?|à)\s*[A-ZÀ-Ý]")
ALSO_ELSEWHERE_RE = re.compile(r"\s*(?:,\s*|\s+et\s+)(?:aux?|à|dans|sur|près|autour|devant|en|le long)\b",
                               re.IGNORECASE)
MERGED_COMMUNE_RE = re.compile(r"\bcommunes? (?:nouvelles?|déléguées?)\b|\bfusion\b", re.IGNORECASE)
FUNDING_LIST_RE = re.compile(r"\b(?:subventions?|financements?|cofinancements?|aides?|financeurs)\s*:",
                             re.IGNORECASE)
# "La Collectivité territoriale de Martinique a apporté 300 000 € sur les 1,2 M€ investis": its share
CONTRIBUTED_RE = re.compile(r"\s*(?:a|ont|avait|avaient|va|vont)\s+(?:apporté|versé|accordé|alloué|octroyé|apporter|"
                            r"verser)\b", re.IGNORECASE)
REQUESTED_RE = re.compile(r"\bsollicitée?\b[^.;]{0,30}\bà hauteur de\s*$", re.IGNORECASE)
# a page about what communes do together: "Conseil communautaire", "vidéoprotection intercommunale",
# "Granville Terre et Mer mutualise sa vidéoprotection", "un service commun"
INTERCOMMUNAL_PAGE_RE = re.compile(
    r"\b(?:conseil communautaire|intercommuna(?:l|le|les|ux)|mutualis\w*|service commun)\b", re.IGNORECASE)
# "centralisées au CSU de Redon": where a centre sits, not where the cameras it watches are
ARTICLE_BEFORE_RE = re.compile(r"\b(?:du|le|dans le|de l'|l'|en)\s*$")
PERSON_BEFORE_RE = re.compile(r"\b(?:M\.|Mme|MM\.|sénat(?:eur|rice)|député(?:e)?)\s+(?:[A-ZÀ-Ý][\w'-]*\s*){1,3}\(\s*$")
CENTRE_SEAT_RE = re.compile(r"\b(?:csu|cpu|centre de supervision(?: urbain)?|centre)\s+(?:de|d')\s*$", re.IGNORECASE)
CENTRE_OF_THE_EPCI_RE = re.compile(r"\bdu\s+(?:csu|cpu|centre de supervision(?: urbain)?)\s+"
                                   r"intercommunal\b", re.IGNORECASE)
IN_COMMUNES_RE = re.compile(r"\b(?:dans|sur|entre|pour)\s+(?:les\s+|ses\s+)?(?:\w+\s+){0,2}?communes\b",
                            re.IGNORECASE)
COMPOUND_NAME_RE = re.compile(r"\w-(?:sur|sous|lès|les|en|de|du|des|aux|la|le)-\w", re.IGNORECASE)
SEVERAL_COMMUNES_RE = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:dans|sur|entre)\s+(?:les\s+)?(?:\w+\s+){0,2}communes\b",
                                 re.IGNORECASE)
ARRONDISSEMENTS_RE = re.compile(r"\bdans les (deux|trois|quatre) premiers arrondissements\b")
ONE_ARRONDISSEMENT_RE = re.compile(r"^\s*(?:\w+\s+){0,2}?dans le (\d{1,2})(?:e|ème|eme|er)\s+arrondissement\b")
# in a commune of arrondissements, "dans le 20e" says the arrondissement without its noun (not "le 20e siècle")
BARE_ARRONDISSEMENT_RE = re.compile(r"^\s*(?:\w+\s+){0,2}?dans le (\d{1,2})(?:e|ème|eme|er)\b(?![\w-]|\s+[a-zà-ÿ])")
COMMUNES_OF_ARRONDISSEMENTS = frozenset({"Paris", "Marseille", "Lyon"})
ARRONDISSEMENT_BEFORE_RE = re.compile(r"\b(?:dans le|le|du|au)\s+(\d{1,2})(?:e|ème|eme|er)\s+arrondissement\b",
                                      re.IGNORECASE)
ORDINAL_LISTS = {"deux": "1er et 2e", "trois": "1er, 2e et 3e", "quatre": "1er, 2e, 3e et 4e"}
NOT_PLACES_RE = re.compile(r"(?:résidences?|rue|avenue|place|parc|école|collège|lycée|gare|centre|boulevard)\s*$",
                           re.IGNORECASE)
# Capitalised words that name a text or an institution, never a district: "au Code de la route", "au Conseil d'État"
INSTITUTION_WORDS = frozenset({"Code", "Conseil", "Journal", "Parlement", "Sénat", "Assemblée", "Gouvernement",
                               "Préfet", "Procureur", "Tribunal", "Ministère", "Ministre", "État", "Etat",
                               # "190 000 € à la Mairie", "à la Police nationale": who, not where
                               "Ville", "Mairie", "Commune", "Police", "Gendarmerie", "Préfecture", "Région",
                               "Département", "Métropole", "Agglomération"})
# what says a name is where things are: "à Plaisance", "dans le Bourg", "les habitants de Noailles"
WHERE_BEFORE_RE = re.compile(r"(?:\b(?:à|au|aux|dans|en)|\b(?:habitants|commerçants|quartiers?|cité|secteur|"
                             r"riverains)\s+(?:de|d['’]|du|des))\s*$")
RELATIVE_WORDS = [
    # "en agglomération" is the highway code's built-up area, not an intercommunalité
    (re.compile(r"(?<!\ben )\b(?:agglomération|métropole|intercommunalité"
                r"|communauté (?:d'agglomération|de communes|urbaine)|agglo|territoire intercommunal"
                r"|intercommuna(?:l\w*|ux)|(?:supervision|csu) communautaire)\b",
                re.IGNORECASE), "intercommunalite"),  # "reliées au centre de supervision intercommunal"
    (re.compile(r"\b(?:la ville|la commune|la municipalité|territoire communal|la mairie)\b", re.IGNORECASE),
     "commune"),
    (re.compile(r"\b(?:du département|le département|au département)\b", re.IGNORECASE), "departement"),
    (re.compile(r"\b(?:la région)\b", re.IGNORECASE), "region"),
]
HAVING_COMMUNE_RE = re.compile(r"\b(?:la ville|la commune|la municipalité)\s+(?:\w+\s+)?(?:dispose|compte|possède|gère)"
                               r"\s+(?:\w+\s+)?(?:de\s+|d['’]\s*)?$", re.IGNORECASE)
THRESHOLD_RE = re.compile(
    r"(communes|villes|collectivités|groupements|municipalités|epci|intercommunalités)\b[^.;:]{0,60}?"
    r"(?:(?:de|d')\s*(?:moins|plus)\s+de|(?<=\s)(?:de|entre)(?:\s+[\d  .]+\s+(?:à|et))?)\s*$",  # "de 2 000 à"
    re.IGNORECASE,
)
# "financé par la Région", "par la Région Occitanie et le Département": who pays, not where
# "40 appartiennent à l'intercommunalité": who owns is not where either
FUNDER_RE = re.compile(r"\bpar\s+(?:la\s+|le\s+|l['’]\s*|les\s+)?$|\bpar\s+[^,;.]{0,40}?\s(?:et|ou)\s*$"
                       r"|\bauprès\s+(?:de\s+la\s+|du\s+|de\s+l['’]\s*|des\s+|de\s+)$"  # "demandée auprès de la Région"
                       r"|\bappartien\w*\s+(?:à|au|aux)\s*(?:la\s+|le\s+|l['’]\s*)?$", re.IGNORECASE)


# "la Métropole prend en charge 50 %", "La métropole finance seule l'opération, soit 96 000 euros": the funder
FUNDING_VERB = r"(?:financ\w*|cofinanc\w*|prend\w* en charge|subventionn\w*|particip\w*|vers\w*|apport\w*)"
# the words FUNDER_RE, REQUESTED_RE and FUNDING_VERB look for: without one, no funder or owner is told
FUNDING_CUES_RE = re.compile(rf"\bpar\b|sollicit|auprès|appartien|{FUNDING_VERB}", re.IGNORECASE)


def not_funder(pattern: re.Pattern[str], text: str, sentence: str = "") -> bool:
    """A relative word that names where ("la région compte…"), not who pays ("financé par la Région", "La
    métropole finance seule l'opération, soit 96 000 euros")."""
    if not pattern.search(text):
        return False  # most sentences name no relative word at all
    if not FUNDING_CUES_RE.search(text):
        return True
    return any(not FUNDER_RE.search(text[max(0, m.start() - 60) : m.start()])
               and not REQUESTED_RE.search(text[m.end() :]) and not funds_one_commune(text, m, sentence or text)
               for m in pattern.finditer(text))


def funds_one_commune(text: str, m: re.Match[str], sentence: str) -> bool:
    """ "La métropole finance seule l'opération, soit 96 000 euros": a body that pays for one commune's
    operation is its funder; one that funds "ses communes" speaks for itself, and a commune that pays is
    where it pays for."""
    return bool(FUNDS_NEXT_RE.match(text, m.end())) and not COMMUNE_WORD_RE.fullmatch(m.group(0)) and not (
        THEIR_COMMUNES_RE.search(sentence))


COMMUNE_WORD_RE = re.compile(r"la ville|la commune|la municipalité|la mairie|territoire communal", re.IGNORECASE)
THEIR_COMMUNES_RE = re.compile(r"\b(?:ses|leurs|des|les)\s+(?:\d+\s+|\w+\s+)?communes\b", re.IGNORECASE)
FUNDS_BEFORE_RE = re.compile(rf"\b{FUNDING_VERB}\b[^.;:]{{0,40}}$", re.IGNORECASE)
FUNDS_NEXT_RE = re.compile(rf"\s+(?:\w+\s+)?{FUNDING_VERB}\b[^.;:]{{0,40}}$", re.IGNORECASE)
# A name that goes on past a small commune's ("au Bois du Verne") or the country's ("France Bleu", "France 3").
NAME_GOES_ON_RE = re.compile(r"\s+(?:du|de la|des|de|d['’])\s*[A-ZÀ-Ý]")
MEDIUM_AFTER_RE = re.compile(r"\s+(?:\d|(?:Bleu|Info|Inter|Culture|Télévisions?|Travail|Services|Stratégie)\b)")
# "Orne Habitat", "Var-Matin", "Île-de-France Mobilités": a body or a newspaper named after a place, not the place
BODY_AFTER_RE = re.compile(r"[\s-]+(?:Habitat|Logement|Aménagement|Développement|Matin|Mobilités)\b")
# "Les Résidences Yvelines Essonne", "l'Office public de l'habitat": a body's name that names places
BODY_BEFORE_RE = re.compile(r"\b(?:Résidences?|Habitat|Logements?|Office|Société|Groupe|Agence|Syndicat|Association|"
                            r"Fondation|Banque|Caisse)\s+(?:[A-ZÀ-Ý][\w'’-]*\s+){0,2}$")
POINTS_OF_COMPASS = frozenset({"Nord", "Sud", "Est", "Ouest"})
STREET_BEFORE_RE = re.compile(r"\b(?:rue|avenue|av\.|boulevard|bd|place|quai|allée|chemin|route|impasse|cours|"
                              # and named sites: "le parc de la Roche", not the commune of Roche
                              r"parvis|square|parc|jardin|stade|gymnase|hôpital|résidence|domaine"
                              # "l'Hôtel de Ville" is no commune of Villé, "le rond-point d'Azé" no Azé
                              r"|hôtel|rond-point|giratoire|carrefour|échangeur)"
                              r"\s+(?:de la |de l['’]|des |du |de |d['’])?\s*$", re.IGNORECASE)
LOWER_ARTICLE_RE = re.compile(r"(?:la|le|les)\s|l['’]")
AGGLO_OF_RE = re.compile(
    r"\b([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*)\s+Agglo\b"
    r"|\b(?:Agglo(?:mération)?|Communauté (?:urbaine|d'agglomération|de communes)|Métropole(?: européenne)?)\s+"
    r"(?:de\s+(?:la\s+)?|du\s+|d['’])"
    r"([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*)")
AID_WORDS_RE = re.compile(r"aid|subvention|financ|bénéfici|éligib|sollicit|dispositif|accord|accompagn|soutien|"
                          r"soutient|appui|en charge", re.IGNORECASE)  # "prendra en charge 50 % des investissements"


@dataclass(frozen=True)
class FigurePlace:
    name: str | None
    kind: str | None
    code: str | None = None


def display_name(place: Place) -> str:
    """Intercommunalités go by their usual name: "Chartres Métropole", not "Communauté d'agglomération
    Chartres Métropole"; "Grand Avignon", not "Communauté d'agglomération du Grand Avignon (COGA)";
    "…de Lens-Liévin", not "…de Lens - Liévin"; others by their official name."""
    if place.kind != "intercommunalite":
        return place.name
    name = re.sub(r"\s*\([^)]*\)\s*$", "", place.name)  # "… du Grand Avignon (COGA)"
    name = re.sub(r"(?<=\w) - (?=\w)", "-", name)  # "de Lens - Liévin": the hyphen of the usual spelling
    # "Communauté d'agglomération Le Grand Narbonne": "Grand Narbonne", as "le Grand Narbonne" says
    # "Le Mans Métropole", "La Roche-sur-Yon Agglomération": the article of a commune's name stays
    short = re.sub(r"^(?:Communauté (?:d'agglomération|de communes|urbaine)|Métropole)\s+"
                   r"(?:de |du |des |d'|(?:Le|La) (?=Grand))?", "", name)
    if short != name and BODY_WORD_RE.search(short):
        return short
    return name


# A usual name that says it is a body ("Chartres Métropole", "Grand Avignon") stands alone; one that only
# names a territory ("Val Parisis", "Roissy Pays de France") keeps its body's words.
BODY_WORD_RE = re.compile(r"Métropole|Agglo|Communauté|Territoire|^Grand ")
OFFICIAL_BODY_RE = re.compile(r"Communauté|Métropole")  # "Plaine Commune" is its official name too


def to_figure_place(place: Place) -> FigurePlace:
    return FigurePlace(display_name(place), place.kind, place.code)


BODY_OF_PLACE_RE = re.compile(r"\b((?:communauté (?:d'agglomération|de communes|urbaine)|métropole) "
                              r"(?:de |du |des |d'))$", re.IGNORECASE)


def as_named(named: tuple[int, int, Place], sentence: str) -> FigurePlace:
    """A place named at `named`'s span of `sentence`. An intercommunalité goes by the proper name the
    text gives it, its usual one ("Caen la Mer", "Annemasse Agglo", "Grand Avignon"), where the
    gazetteer only knows the official ("Communauté urbaine Caen la Mer", "Annemasse-Les Voirons-
    Agglomération"); anything else by `to_figure_place`."""
    start, end, place = named
    said = sentence[start:end].strip()
    if normalise(said) not in normalise(place.name):  # "La Roche-sur-Yon Agglomération" keeps its article
        said = re.sub(r"^(?:l['’]\s*|la |le |les )", "", said, flags=re.IGNORECASE)
    if place.kind != "intercommunalite" or not said[:1].isupper() or len(said) <= 3:
        return to_figure_place(place)
    # "la communauté d'agglomération de Lens-Liévin": named after a place, the body's words are its name;
    # "la communauté urbaine Caen la Mer": a name of its own, in apposition
    if of_place := BODY_OF_PLACE_RE.search(sentence[:start]):
        said = of_place.group(1)[:1].upper() + of_place.group(1)[1:] + said
    elif not BODY_WORD_RE.search(said) and OFFICIAL_BODY_RE.match(place.name):
        return to_figure_place(place)  # "Val Parisis" alone is the territory: the body's full name
    return FigurePlace(said, place.kind, place.code)


# "70 % des Français sont favorables", "quand la moyenne nationale est à 12 %": the country's figure, whatever town the
# page or the sentence names; said right next to the number, no comma between ("de 18 % à 46 %, quand la moyenne
# nationale est à 12 %": the 46 % stays the town's)
NATIONAL_AFTER_RE = re.compile(r"[^,;:.()\d]{0,12}?\bdes Français\b")
NATIONAL_BEFORE_RE = re.compile(r"\b(?:moyenne nationale|au niveau national|à l['’]échelle (?:nationale|du pays)"
                                r"|sur (?:le|l['’]ensemble du) territoire national|dans l['’]Hexagone)\b"
                                r"(?:\s*,)?[^,;:.()\d]{0,40}$",  # "Au niveau national, 4 000 communes …"
                                re.IGNORECASE)


def said_of_the_country(sentence: str, start: int, end: int) -> bool:
    """Whether the number at sentence[start:end] is told of the whole country by the words around it."""
    return bool(NATIONAL_AFTER_RE.match(sentence, end) or NATIONAL_BEFORE_RE.search(sentence[:start]))

