"""The place each figure is about.

In order: a place named right after the figure ("22 seront installées à Saint-Herblain"), a district
("34 en centre-ville", "le quartier de la Duranne"), a relative word after it ("plus de 400 pour
l'agglomération"), a place named before it in its sentence, a relative word elsewhere in the
sentence, and last the source's own place. Names resolve through the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.gazetteer import Gazetteer, Place, normalise
from extractors.lexicon_fr import MONTH_PATTERN, NUMBER_WORDS

NAME_RE = re.compile(
    r"(?:(?:La|Le|Les|L'|L’|la|le|les|l'|l’)[\s-]?)?[A-ZÀ-Ý][\w'’]*"
    r"(?:[\s-]+(?:(?:de|du|des|la|le|les|sur|sous|en|lès|lez|et|aux|d'|d’|l'|l’)[\s-]*)*[A-ZÀ-Ý][\w'’]*)*"
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
LOCATIVE_RE = re.compile(r"\b(?:(?:à|au|aux|dans|sur|pour)\s+|(?:dans|sur) (?:le |la |les |l['’]))"
                         r"(?:la (?:commune|ville)(?: déléguée)? d(?:e\s+|['’]))?"
                         r"(?=[A-ZÀ-Ý])"
                         r"|\baux communes (?:du|de la|de l['’]|de|des)\s*(?=[A-ZÀ-Ý])")
NUMBER_WORD_SET = frozenset(NUMBER_WORDS)
# "… relève que Mallemort a consacré 1,1 million d'euros": a small commune's name as a verb's subject
SUBJECT_VERB_AFTER_RE = re.compile(r"(?:\s*,[^,.;]{1,30},)?"  # "Genilac, de son côté, vient d'en installer 3"
                                   r"\s+(?:n['’]en\s+|en\s+|n['’]|ne\s+)?"  # "Lorette n'en possède que 4"
                                   r"(?:a|avait|ont|compte|comptait|dispose|disposait|possède|prévoit|installe|"
                                   r"investit|consacre|vient)\b")  # "a" covers "a consacré", "a installé"
INHABITANTS_AFTER_RE = re.compile(r"\s*[(,]\s*[\d  .]+\s*(?:habitants|hab\.|âmes)")  # "Vermenton (1 200 habitants)"
BODY_LEAD_RE = re.compile(r"(?:^|\s)(?:la région|le département|le conseil (?:régional|départemental))\s+"
                          r"(?:(?:de la|de l'|de|du|des|d')\s*)?", re.IGNORECASE)
TITLE_LEAD_RE = re.compile(r"\s*([A-ZÀ-Ý][^:—–\n]{1,50}?)\s+[:—–]\s")  # "Saint-Louis : le CSU fête ses six ans"
NEXT_NUMBER_NOT_YEAR_RE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d")
# "les 370 caméras pour 100 000 habitants de Nice": a noun's complement right after the figure names
# its place, when it is a place the gazetteer knows ("de la ville" is a relative word, dealt with later).
GENITIVE_RE = re.compile(r"^\s*(?:[a-zà-ÿ-]{3,}\s+)?(?:de\s+|d['’]\s*)(?=[A-ZÀ-Ý])")  # "parkings relais de Villars"
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
                         r"(quartier|école|groupe scolaire|collège|lycée|site|carrefour|entrée de ville|parking|"
                         r"établissement|bâtiment|gare|rond-point)\b", re.IGNORECASE)
CENTRE_BEFORE_WHERE_RE = re.compile(CENTRE_RE.pattern + r"\s*,\s*où\b[^.;,:]*$", re.IGNORECASE)
# "une trentaine de caméras, principalement en centre-ville": where most are, not a district's count.
SPREAD_RE = re.compile(r"\b(?:principalement|essentiellement|surtout|notamment|majoritairement|en majorité|"
                       r"concentrée?s?|répartie?s?|"
                       r"pour la plupart|avant tout)\s*,?\s*$", re.IGNORECASE)
OPENING_END_RE = re.compile(r"[^,\d.;:]{0,60},\s*")  # the rest of an opening phrase, up to its comma
LANDMARK_RE = re.compile(r"^\s*(?:à|au|autour d[ue]|aux abords d[ue]|près d[ue]|devant|dans|sur|de|du)\s+"
                         r"(?:la |le |l['’])?"
                         r"(?:quartier (?:de la |du |de l['’]))?"  # "six dans le quartier de la gare"
                         r"(gare|plage|front de mer|zone commerciale)\b")  # not a port: a place of its own
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
ARRONDISSEMENT_BEFORE_RE = re.compile(r"\b(?:dans le|le|du|au)\s+(\d{1,2})(?:e|ème|eme|er)\s+arrondissement\b",
                                      re.IGNORECASE)
ORDINAL_LISTS = {"deux": "1er et 2e", "trois": "1er, 2e et 3e", "quatre": "1er, 2e, 3e et 4e"}
NOT_PLACES_RE = re.compile(r"(?:résidences?|rue|avenue|place|parc|école|collège|lycée|gare|centre|boulevard)\s*$",
                           re.IGNORECASE)
RELATIVE_WORDS = [
    (re.compile(r"\b(?:agglomération|métropole|intercommunalité|communauté (?:d'agglomération|de communes|urbaine)"
                r"|agglo|territoire intercommunal|intercommuna(?:l\w*|ux)|(?:supervision|csu) communautaire)\b",
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
                              r"parvis|square|parc|jardin|stade|gymnase|hôpital|résidence|domaine)"
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
    if short != name and re.search(r"Métropole|Agglo|Communauté|Pays|Territoire|^Grand ", short):
        return short
    return name


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
    return FigurePlace(said, place.kind, place.code)


class PlaceFinder:
    """Resolves the places of one document, knowing its source's place (the hint)."""

    def __init__(self, gazetteer: Gazetteer | None, hint: str | None, hint_kind: str | None, text: str,
                 source_url: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.hint_name = hint
        self.hint_by_usual_name = False  # the hint is a usual short name ("Éragny"), kept as the figures' name
        self.commune: Place | None = None
        self.merged = False  # a commune nouvelle's page: "Machecoul" on Machecoul-Saint-Même's is a locality
        self.site_place = gazetteer.by_site(source_url) if gazetteer and source_url else None
        self.epci: Place | None = None
        self.hint = self._resolve_hint(hint, hint_kind, text)
        if self.hint is None and not hint:  # a page given no place: its town hall's domain, or its title's place
            self.hint = self.site_place or self._title_place(text)
            self.hint_name = display_name(self.hint) if self.hint else None
        self.commune = self.hint if self.hint and self.hint.kind == "commune" else None
        self.merged = bool(self.commune and MERGED_COMMUNE_RE.search(text))
        self.epci = self._find_epci(text)
        opening = CENTRE_OF_THE_EPCI_RE.sub(" ", text[:300])  # "les opérateurs du CSU intercommunal": a mention
        self.intercommunal_page = bool(INTERCOMMUNAL_PAGE_RE.search(opening)) or self._acts_in_communes(text[:300])

    def _acts_in_communes(self, opening: str) -> bool:
        """Whether the page opens on its intercommunalité at work in several communes: "La communauté de
        communes du Pays de Craon a validé le déploiement de la vidéoprotection dans quatre communes"."""
        return self.epci is not None and bool(IN_COMMUNES_RE.search(opening)) and any(
            place.code == self.epci.code for _, _, place in self.names_in(opening))

    def _resolve_hint(self, hint: str | None, kind: str | None, text: str = "") -> Place | None:
        if not hint or self.gazetteer is None:
            return None
        candidates = self.gazetteer.lookup(hint)
        if not candidates:  # "Éragny" for Éragny-sur-Oise: the town hall's site, or the one commune so called
            self.hint_by_usual_name = True
            candidates = [self.site_place] if self.site_place else self.gazetteer.with_first_part(hint)
        if kind in ("commune", "intercommunalite", "departement", "region"):
            candidates = [c for c in candidates if c.kind == kind] or candidates
        if self.site_place is not None:  # homonyms: the site's own domain says which one
            same = [c for c in candidates if c.code in (self.site_place.code, self.site_place.epci,
                                                         self.site_place.departement, self.site_place.region)]
            candidates = same or candidates
        elif len(candidates) > 1 and all(c.kind == "commune" for c in candidates):  # or the text: "Saint-Denis
            # (93)", "… en Seine-Saint-Denis"
            candidates = [c for c in candidates if self._territory_said(c, text)] or candidates
        return candidates[0] if candidates else None

    def _territory_said(self, place: Place, text: str) -> bool:
        """Whether the text names the département of a commune, by its number in brackets or by its name."""
        if place.kind != "commune" or not place.departement or self.gazetteer is None:
            return False
        if f"({place.departement})" in text[:1000]:
            return True
        departement = self.gazetteer.get("departement", place.departement)
        return departement is not None and normalise(departement.name) in normalise(text[:3000])

    def _title_place(self, text: str) -> Place | None:
        """The commune or intercommunalité a page's first line (its title) opens on: "Saint-Louis : le
        CSU fête ses six ans". Only at the line's start: "Vidéoprotection : le point à Lyon et Paris"
        speaks for no one place."""
        title = text[: text.find("\n") if "\n" in text else 200][:200]
        if (lead := TITLE_LEAD_RE.match(title)) and self.gazetteer is not None:  # "Beausoleil : …"
            named = [p for p in self.gazetteer.lookup(lead[1]) if p.kind in ("commune", "intercommunalite")]
            if named:
                return self._choose(named)
        named = self.names_in(title)
        if named and named[0][0] == 0 and named[0][2].kind in ("commune", "intercommunalite"):
            return named[0][2]
        # "Vidéoprotection : c'est parti à Bordeaux": the one commune a title ends on
        if len(named) == 1 and named[0][2].kind == "commune" and not title[named[0][1] :].strip(" .!?»") and (
                re.search(r"\b(?:à|au|aux|en)\s+$", title[: named[0][0]])):
            return named[0][2]
        # "Sécurité des communes : la Région Normandie dresse le bilan de son aide": the one body it names
        # (not one in brackets after a person: "Question écrite de M. Jean Dupont (Loiret)")
        named = [n for n in named if not (title[: n[0]].rstrip().endswith("(") and PERSON_BEFORE_RE.search(
            title[: n[0]]))]
        bodies = {p.code: p for _, _, p in named if p.kind in ("region", "departement")}
        if len(bodies) == 1 and len(named) == 1:
            return next(iter(bodies.values()))
        # "La Région Bourgogne-Franche-Comté a attribué les subventions suivantes": the body the lead opens on
        for line in [line for line in text[len(title) : len(title) + 600].splitlines() if line.strip()][:3]:
            # "Avec son plan « Occitanie sûre », la Région Occitanie accompagne …": the body named as subject
            if opening := BODY_LEAD_RE.search(line):
                named = self.names_in(line[opening.start() : opening.end() + 60])
                if named and named[0][0] <= opening.end() - opening.start() and named[0][2].kind in (
                        "region", "departement"):
                    return named[0][2]
        return None

    def _find_epci(self, text: str) -> Place | None:
        if self.hint and self.hint.kind == "intercommunalite":
            return self.hint
        if self.commune is not None and self.gazetteer is not None:
            return self.gazetteer.parent(self.commune, "intercommunalite")
        for _, _, place in self.names_in(text[:5000]):
            if place.kind == "intercommunalite":
                return place
        return None

    def hint_place(self) -> FigurePlace:
        """Where a figure whose text names no place is: the page's place, or its intercommunalité when
        the page opens on an intercommunal matter ("Conseil communautaire …", "vidéoprotection intercommunale")."""
        if self.commune and self.epci and self.intercommunal_page:
            return to_figure_place(self.epci)
        if self.hint:
            return self.own_place(self.hint)
        return FigurePlace(self.hint_name, None) if self.hint_name else FigurePlace(None, None)

    def own_place(self, hint: Place) -> FigurePlace:
        """The page's own place as its figures name it: by the usual short name it was given ("Éragny"),
        else by its official one."""
        return FigurePlace(self.hint_name if self.hint_by_usual_name else display_name(hint), hint.kind, hint.code)

    # -- names in text --------------------------------------------------------------------------
    def _accept(self, place: Place, before: str) -> bool:
        if place.kind != "commune":  # "le Var", "dans le Lot", "l'Ain": a short name with its article
            return len(place.name) > 3 or bool(ARTICLE_BEFORE_RE.search(before[-20:]))
        if self.hint and self.hint.kind == "intercommunalite" and place.epci == self.hint.code:
            return True  # a member commune named on its intercommunalité's page
        if self.hint and place.departement and place.departement in (self.hint.departement, self.hint.code):
            return True
        if self.hint and self.hint.kind == "region" and place.region == self.hint.code:
            return True  # a commune of the région whose page this is: "• Clisson : 12 500 €"
        if self.hint and self.hint.epci and place.epci == self.hint.epci:
            return True  # a commune of the hint's intercommunalité, across a département's border
        if self.epci and place.epci == self.epci.code:
            return True  # a member of the intercommunalité the page names: "la communauté de communes … : Craon"
        if LOCATIVE_BEFORE_RE.search(before[-15:]):
            return place.population >= 500 or bool(self.hint and place.departement == self.hint.departement)
        # a compound name is no common word: "Divonne-les-Bains", "Saint-Jean-de-Monts"
        return place.population >= 20_000 or bool(COMPOUND_NAME_RE.search(place.name))

    def _choose(self, candidates: list[Place], text: str = "") -> Place:
        if self.epci and (members := [c for c in candidates if c.epci == self.epci.code]):
            return members[0]
        if len(candidates) > 1 and (said := [c for c in candidates if self._territory_said(c, text)]):
            return said[0]  # "La commune de Grigny, dans le Rhône": the Grigny of the Rhône
        if self.hint:
            for c in candidates:
                if c.departement and c.departement in (self.hint.departement, self.hint.code, self.hint.region):
                    return c
                if self.hint.kind == "region" and c.region == self.hint.code:
                    return c
        return candidates[0]

    def names_in(self, text: str) -> list[tuple[int, int, Place]]:
        """Places named in `text`: (start, end, place), each accepted by context."""
        if self.gazetteer is None:
            return []
        found = []
        for m in NAME_RE.finditer(text):
            words = re.split(r"(?<=\s)", m.group(0))  # a hyphenated name is one word: "Saint-Eutrope"
            i = 0
            while i < len(words):
                for j in range(min(len(words), i + 8), i, -1):
                    chunk = "".join(words[i:j]).strip(" -")
                    if chunk[:1] == "l" and LOWER_ARTICLE_RE.match(chunk):  # "de la Marne": the Marne, not La Marne
                        continue
                    if j - i == 1 and chunk.lower() in NUMBER_WORD_SET:
                        continue  # "Douze ont été ajoutées": a number opening a sentence, not La Douze
                    start = m.start() + len("".join(words[:i]))
                    if self.merged and chunk[:1].isupper() and self.is_locality(chunk):
                        found.append((start, start + len(chunk), self.locality(chunk)))
                        i = j - 1
                        break
                    candidates = self.gazetteer.lookup(chunk) if chunk[:1].isupper() or j - i > 1 else []
                    if candidates:
                        place = self._choose(candidates, text)
                        if STREET_BEFORE_RE.search(text[max(0, start - 20) : start]):
                            break  # "rue de Paris" is a street, not Paris
                        if BODY_AFTER_RE.match(text, start + len(chunk)) or BODY_BEFORE_RE.search(
                                text[max(0, start - 40) : start]):
                            break
                        if chunk in POINTS_OF_COMPASS and re.search(r"[a-zà-ÿ]\s+$", text[max(0, start - 3) : start]):
                            break  # "l'hôpital Nord", "le quartier Sud": part of a name, not the Nord département
                        goes_on = MEDIUM_AFTER_RE if place.kind == "other" else NAME_GOES_ON_RE
                        if goes_on.match(text, start + len(chunk)) and (
                                place.kind == "other" or place.kind == "commune" and place.population < 20_000):
                            break  # "France Bleu", "au Bois du Verne": a longer name, not France or Bois
                        if self._accept(place, text[:start]) or (
                                place.kind == "commune" and place.population >= 2_000
                                and SUBJECT_VERB_AFTER_RE.match(text, start + len(chunk))) or (
                                place.kind == "commune" and INHABITANTS_AFTER_RE.match(text, start + len(chunk))):
                            if self.commune and place.departement != self.commune.departement and (
                                    self.is_short_for_commune(chunk)):
                                place = self.commune  # "Vire" on Vire Normandie's page, not Viré in Saône-et-Loire
                            found.append((start, start + len(chunk), place))
                            i = j - 1
                            break
                i += 1
        return self._agglo_of_commune(text, found)

    def _agglo_of_commune(self, text: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
        """ "Annemasse Agglo", "l'Agglo de Vienne": the intercommunalité the named commune belongs to."""
        if "Agglo" not in text and "Communauté" not in text and "Métropole" not in text:  # most: no regex scan
            return found
        for m in AGGLO_OF_RE.finditer(text):
            name = m.group(1) or m.group(2)
            commune = next((p for p in self.gazetteer.lookup(name) if p.kind == "commune"), None)
            epci = self.gazetteer.parent(commune, "intercommunalite") if commune else None
            if epci is not None:
                found = [f for f in found if f[1] <= m.start() or f[0] >= m.end()] + [(m.start(), m.end(), epci)]
        return sorted(found, key=lambda f: f[0])

    # -- one figure -----------------------------------------------------------------------------
    def relative(self, kind: str) -> FigurePlace | None:
        if kind == "intercommunalite" and self.epci:
            return to_figure_place(self.epci)
        if kind == "commune" and self.commune:
            return self.own_place(self.commune)
        if kind in ("departement", "region") and self.gazetteer and self.hint:
            if self.hint.kind == kind:
                return to_figure_place(self.hint)
            parent = self.gazetteer.parent(self.hint, kind)
            if parent is None and kind == "region" and self.hint.kind == "departement":
                parent = self.gazetteer.get("region", self.hint.region)
            if parent:
                return to_figure_place(parent)
        return None

    def group_named(self, named: list[tuple[int, int, Place]], sentence: str) -> FigurePlace | None:
        """ "Montmélian, Saint-Pierre-d'Albigny et La Rochette totalisent 45 caméras": communes named
        together, one after the other, count together for their intercommunalité."""
        chain = [named[-1]]
        for previous in reversed(named[:-1]):
            if not re.fullmatch(r"\s*(?:,|et|,\s*et)\s*", sentence[previous[1] : chain[-1][0]]):
                break
            chain.append(previous)
        epcis = {place.epci for _, _, place in chain if place.kind == "commune"}
        if len(chain) < 2 or any(place.kind != "commune" for _, _, place in chain) or len(epcis) != 1 or not (
                code := epcis.pop()) or self.gazetteer is None:
            return None
        epci = self.gazetteer.get("intercommunalite", code)
        return to_figure_place(epci) if epci else None

    def shares_epci(self, places: list[Place]) -> bool:
        """Whether `places` hold at least two other communes of the page's commune's intercommunalité."""
        if self.commune is None or not self.commune.epci:
            return False
        others = {p.code for p in places
                  if p.kind == "commune" and p.epci == self.commune.epci and p.code != self.commune.code}
        return len(others) >= 2

    def group_of(self, place: FigurePlace) -> FigurePlace:
        """ "neuf communes": a count of communes is no one commune's, but its intercommunalité's."""
        if place.kind != "commune" or not place.code or self.gazetteer is None:
            return place
        commune = self.gazetteer.get("commune", place.code)
        epci = self.gazetteer.parent(commune, "intercommunalite") if commune else None
        return to_figure_place(epci) if epci else place

    def district(self, name: str) -> FigurePlace:
        base = self.own_place(self.commune).name if self.commune else self.hint_name
        name = re.sub(r"^(la|le|les|l')\b", lambda m: m.group(1).capitalize(), name.strip())
        return FigurePlace(f"{base} / {name}" if base else name, "district")

    def district_or_spread(self, m: re.Match[str], text: str) -> FigurePlace:
        """The district a cue names, or the commune when the count is spread over several ("dans les quartiers
        de Rocheville et des Bréguières"), as the guidelines have it."""
        if m.group(0).lower().startswith("quartiers") or SPREAD_OVER_RE.match(text, m.end()):
            if place := self.relative("commune"):
                return place
        return self.district(m.group(1) or m.group(2))

    def district_named(self, text: str) -> FigurePlace | None:
        """The district a text names ("le quartier de Boirargues", "le port sera équipé"), on a commune's page."""
        if not self.commune:
            return None
        if m := DISTRICT_CUE_RE.search(text):
            return self.district(m.group(1) or m.group(2))
        m = LANDMARK_NAMED_RE.search(text)
        return self.district(m.group(1).lower()) if m else None

    def threshold(self, before: str) -> FigurePlace | None:
        """ "communes de moins de 20 000 habitants" restates a group, not a place."""
        m = THRESHOLD_RE.search(before[-90:])
        if not m:
            return None
        return FigurePlace(None, "other", m.group(1).lower())

    def named_after(self, sentence: str, evidence_end: int, clause_end: int,
                    all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
        window = sentence[evidence_end : min(clause_end, evidence_end + 110)]
        window = NEXT_NUMBER_RE.split(window, maxsplit=1)[0]  # up to the next number: its place is its own
        if genitive := GENITIVE_RE.match(window):
            at = evidence_end + genitive.end()
            if known := next(((s, e, p) for s, e, p in all_sentence_places if s == at), None):
                return as_named(known, sentence)
            if self.merged and (name := NAME_RE.match(sentence, at)):  # "les 5 de Roullours": a former commune
                return self.district(name.group(0))
        for m in LOCATIVE_RE.finditer(window):
            at = evidence_end + m.end()
            for named in all_sentence_places:
                if named[0] == at:
                    return as_named(named, sentence)
            name = NAME_RE.match(sentence, at)
            if not name or NOT_PLACES_RE.search(sentence[:at]) or name.group(0).split()[0].isupper():
                continue  # "au CSU de Redon": an acronym names a body, not a district
            if self.commune and self.is_short_for_commune(name.group(0)):
                return to_figure_place(self.commune)
            following = NEXT_COUNT_RE.split(sentence[name.end() : clause_end], maxsplit=1)[0]
            if self.commune and not re.search(r"\b(?:à|au)\s+[A-ZÀ-Ý]", following):
                return self.district(name.group(0))
            # "… Les Mées au Jas de Bouffan et l'Étoile à Puyricard": spread over several, the commune's
            return self.relative("commune")
        return None

    @staticmethod
    def commune_named_later(sentence: str, evidence_end: int, clause_end: int,
                            all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
        """ "… à 312 reprises pour le compte de la police municipale d'Arpajon": a commune named later in the
        figure's clause, unless it pays ("par la commune de …") or is where a centre sits ("au CSU de Redon")."""
        for start, end, place in all_sentence_places:
            before = sentence[max(0, start - 60) : start]
            if evidence_end <= start < clause_end and place.kind == "commune" and not FUNDER_RE.search(
                    before) and not CENTRE_SEAT_RE.search(before):
                return as_named((start, end, place), sentence)
        return None

    def funder_of(self, sentence: str, named: tuple[int, int, Place], number_start: int) -> bool:
        """ "Subventions : État 360 k€ ; Région Grand Est 150 k€": a région or département named right
        before an amount, in a list of who pays, is the funder, not where the money goes."""
        start, end, place = named
        if self.hint is None or not (place.kind in ("region", "departement") and self.hint.kind in (
                "commune", "intercommunalite") or place.kind == "intercommunalite" and self.hint.kind == "commune"):
            return False
        between = sentence[end:number_start]
        if FUNDS_BEFORE_RE.search(between) and not THEIR_COMMUNES_RE.search(sentence):
            return True  # "La Métropole de Lyon … : la Métropole prend en charge 50 % du coût"
        # "La Région a été sollicitée à hauteur de 30 000 €": the project's request to its funder
        return (not between.strip(" :(") and bool(FUNDING_LIST_RE.search(sentence[:start]))) or bool(
            REQUESTED_RE.search(between)) or bool(CONTRIBUTED_RE.match(between))

    @staticmethod
    def subject_after_opening(sentence: str, number_start: int, evidence_end: int,
                              all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
        """ "Avec une caméra pour 150 habitants, Levallois-Perret reste…": a figure in the phrase that opens
        the sentence is said of the place that follows it, the sentence's subject."""
        if "," in sentence[:number_start] or not (comma := OPENING_END_RE.match(sentence, evidence_end)):
            return None
        subject = next((named for named in all_sentence_places if named[0] == comma.end()), None)
        return as_named(subject, sentence) if subject else None

    def is_locality(self, name: str) -> bool:
        """A part of a commune nouvelle's name that names one of its former communes: "Vire" of Vire
        Normandie, "Machecoul" of Machecoul-Saint-Même."""
        key, full = normalise(name), normalise(self.commune.name) if self.commune else ""
        return key != full and (self.is_short_for_commune(name) or bool(full) and full.endswith(" " + key))

    def locality(self, name: str) -> Place:
        own = self.own_place(self.commune).name if self.commune else name
        return Place(code="", kind="district", name=f"{own} / {name}")

    def is_short_for_commune(self, name: str) -> bool:
        """ "Aix" on an Aix-en-Provence page, "Chartres" for Chartres."""
        key, full = normalise(name), normalise(self.commune.name) if self.commune else ""
        return bool(full) and (key == full or full.startswith(key + " "))

    def place_for(self, sentence: str, number_start: int, evidence_end: int, clause_end: int,
                  all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
        """The place of a figure whose number starts at `number_start` (offsets within `sentence`);
        None when the sentence says nothing and the caller should fall back."""
        if re.match(r"\s*\)", sentence[evidence_end:]):  # "son réseau (52 caméras) au quartier des Serres"
            clause_end = evidence_end  # what follows the bracket is said of the phrase around it
        after = sentence[evidence_end:clause_end]
        lowered_after = after.replace("’", "'")
        # 0. "Heyrieux (28 860 euros)": an amount in brackets belongs to the name before them
        if re.search(r"\(\s*$", sentence[:number_start]):
            before = [(s, e, p) for s, e, p in all_sentence_places if e <= number_start]
            if before and not sentence[before[-1][1] : number_start].strip(" ("):
                return as_named(before[-1], sentence)
        # 1. named right after: "22 seront installées à SaintHerblain", "au Jas de Bouffan"
        if named := self.named_after(sentence, evidence_end, clause_end, all_sentence_places):
            return named
        # 2. districts
        for m in ARRONDISSEMENTS_RE.finditer(lowered_after[:80]):
            return self.district(f"{ORDINAL_LISTS[m.group(1)]} arrondissements")
        if m := ONE_ARRONDISSEMENT_RE.match(lowered_after):  # "une centaine dans le 7e arrondissement"
            return self.district(f"{m.group(1)}{'er' if m.group(1) == '1' else 'e'} arrondissement")
        # "Dans le 18e arrondissement, 60 caméras …", "le 7e arrondissement en concentre 90"
        if self.commune and "arrondissement" in sentence[:number_start] and (m := ARRONDISSEMENT_BEFORE_RE.search(
                sentence, max(sentence.rfind(mark, 0, number_start) for mark in ";:.") + 1, number_start)):
            return self.district(f"{m.group(1)}{'er' if m.group(1) == '1' else 'e'} arrondissement")
        window = sentence[number_start : evidence_end + 40]
        if other := re.search(r"\d", window[evidence_end - number_start :]):  # "90 caméras, dont 40 en centre-ville"
            window = window[: evidence_end - number_start + other.start()]
        if (m := CENTRE_RE.search(window)) and not SPREAD_RE.search(window[: m.start()]):
            if ALSO_ELSEWHERE_RE.match(sentence, number_start + m.end()) and (place := self.relative("commune")):
                return place  # "en centre-ville et aux entrées de la commune": spread, the commune's
            return self.district(m.group(1).lower())
        # "20 caméras supplémentaires par quartier", "deux caméras devant chaque groupe scolaire": a rate per site
        if self.commune and (m := PER_SITE_RE.match(sentence, evidence_end)) and CAMERA_RE.search(
                sentence, number_start, evidence_end):
            return self.district(f"chaque {m.group(1).lower()}")
        # "… en centre-ville, où le réseau a été ramené de 24 à 19 caméras": the place a where-clause tells of
        if self.commune and "où" in sentence[:number_start] and (m := CENTRE_BEFORE_WHERE_RE.search(
                sentence[:number_start])):
            return self.district(m.group(1).lower())
        # "La cité médiévale, classée par l'UNESCO, en concentre 11": the sentence's subject
        if (m := CENTRE_SUBJECT_RE.match(sentence)) and not re.search(  # an apposition between commas aside
                r"\d|\b(?:ville|commune)\b", re.sub(r",[^,]*,", " ", sentence[m.end() : number_start])):
            return self.district(m.group(1).lower())
        # "Huit caméras ont été installées dans le quartier de la Source": named after, up to the next number
        after_evidence = sentence[evidence_end:clause_end]
        if other := NEXT_NUMBER_NOT_YEAR_RE.search(after_evidence):  # "8 caméras en 2025 dans le quartier du…"
            after_evidence = after_evidence[: other.start()]
        if self.commune and (m := DISTRICT_CUE_RE.search(after_evidence)):
            return self.district_or_spread(m, after_evidence)
        if self.commune and (m := LANDMARK_RE.match(after_evidence)):  # "dont 6 autour de la gare"
            return self.district(m.group(1))
        clause_before = sentence[max(0, number_start - 120) : number_start]
        if self.commune and (m := LANDMARK_COLON_RE.search(clause_before)):  # "l'équipement de la gare : 42 caméras"
            return self.district(m.group(1).lower())
        if self.commune and (m := DISTRICT_CUE_RE.search(clause_before)) and not re.search(
                r"\d\s+(?:dans|sur|à|au|en)\s+(?:le\s+|la\s+|l')?$", clause_before[: m.start()]):
            # not another number's district: "dont 9 dans le quartier des Lozaits et 6 …"
            return self.district_or_spread(m, clause_before)
        # 3. the commune as the subject that has the cameras: "la commune dispose de 29 caméras reliées au
        # centre de supervision intercommunal"
        if HAVING_COMMUNE_RE.search(sentence[max(0, number_start - 60) : number_start]) and (
                place := self.relative("commune")):
            return place
        # a relative word in the evidence or right after: "plus de 400 pour l'agglomération",
        # "Quatre agents intercommunaux"
        said = sentence[number_start:evidence_end].replace("’", "'") + lowered_after[:60]
        for pattern, kind in RELATIVE_WORDS:
            if not_funder(pattern, said, sentence) and (place := self.relative(kind)):
                return place
        # "une centaine de caméras réparties dans neuf communes": no one commune's
        if SEVERAL_COMMUNES_RE.search(lowered_after[:60]) and (place := self.relative("intercommunalite")):
            return place
        # 4. a place named before the number in the sentence, the nearest
        named_before = [named for named in all_sentence_places if named[1] <= number_start
                        and not self.funder_of(sentence, named, number_start)
                        and not (self.hint and self.hint.kind != "commune"  # "Le centre, installé à Autun, …"
                                 and LOCATED_AT_RE.search(sentence[max(0, named[0] - 30) : named[0]]))]
        if named_before:
            return self.group_named(named_before, sentence) or as_named(named_before[-1], sentence)
        if subject := self.subject_after_opening(sentence, number_start, evidence_end, all_sentence_places):
            return subject
        if later := self.commune_named_later(sentence, evidence_end, clause_end, all_sentence_places):
            return later
        # 5. a relative word anywhere in the sentence
        for pattern, kind in RELATIVE_WORDS:
            if not_funder(pattern, sentence[:number_start], sentence) and (place := self.relative(kind)):
                return place
        return None
