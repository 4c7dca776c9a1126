"""Where a figure is: an ordered table of named rules, the first that answers decides.

A figure's place is said in many ways: by its table row, by the sentence's words, by a figure it hangs on,
by the paragraph it sits in, or only by the page. Each rule below is a name, why it holds, the function
that answers (or not) and French examples that run as tests (`tests/test_place_rules.py`). Their order
is this table's; `vigicam extract --explain` prints the rule that placed each figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extractors.breakdown import bracketed_site
from extractors.cues import OWN_SITES_RE, PLACED_THERE_RE, THERE_PRONOUN_RE
from extractors.gazetteer import COUNTRY, Place
from extractors.place_words import LONE_SITES, NAMED_SITES, said_of_the_country
from extractors.places import AID_WORDS_RE, FigurePlace, as_named, to_figure_place
from extractors.readings import CAMERAS, MONEY, OTHER, PERCENT, POPULATION, norm
from extractors.segments import Span, clause_at
from extractors.told_towns import town_pointed_back, town_told_before

if TYPE_CHECKING:
    from extractors.pipeline import Candidate, Extractor, SentenceContext
    from extractors.segments import Sentence

# a typical town, the subject of an average: the guidelines' label for such an aggregate, as the text words it
TYPICAL_TOWN_RE = re.compile(r"\b(?:une|les)\s+((?:villes?|communes?)\s+(?:moyennes?\s+)?de\s+"
                             r"(?:plus de\s+|moins de\s+)?\d[\d\s\u00a0\u202f.]*\s+habitants)", re.IGNORECASE)
AVERAGE_RE = re.compile(r"\ben moyenne\b|\bmoyenne de\b", re.IGNORECASE)
# the State's scheme, said of projects in general: the country's rate, not one commune's
STATE_SCHEME_RE = re.compile(r"\s*l'état\s+(?:finance|subventionne|prend en charge|participe|apporte|rembourse)\b"
                             r"[^.;]*\bdes\s+(?:projets|dépenses|travaux|investissements|équipements|installations)\b")
# "les vols y ont reculé de 14 %": there, where the sentence before counted; not "il y a", "il n'y a"
THERE_AUXILIARY_RE = re.compile(r"(?<!\bil )(?<!n')\by\s+(?:ont|a|avaient|avait|sont|est)\s+(?:\w+\s+)?"
                                r"(?:recul|baiss|diminu|chut|augment|progress|grimp|doubl|tripl|pass|install|pos|"
                                r"commis|constat|enregistr|relev)\w*")  # not "y sont favorables"
# words that say who pays: "subvention du département", "pris en charge par la Région", "50 % pour le Département"
FUNDING_RE = re.compile(r"subvention|\baides?\b|financ|pr(?:end|is)\w* en charge|\bpai\w*|particip|contribu|\bversé|"
                        r"apport|à hauteur|\bpour (?:la région|le département)|dotation|\bpart\b|cofinanc|\bfipd\b|"
                        r"\bdetr\b")
# money said of a whole territory, not of one project: "une enveloppe de 2 M€ pour les communes du département"
REGION_WIDE_RE = re.compile(r"\b(?:enveloppes?|plafonds?|plafonnée?s?|budgets? (?:régional|départemental)|fonds|"
                            r"dispositif|plan|programme|"
                            r"appel à projets)\b|\bcommunes\b|\bcollectivités\b|\bcommunes? rurales?\b")
GROUP_NOUNS = frozenset({"communes", "villes", "municipalités"})  # counts of places: a group's
# "la commission départementale", "la Région": the territory itself, by the word for it
WHOLE_OPENING_RE = re.compile(r"\s*(?:au total|en tout|au final|en somme|globalement|dans l'ensemble)\b")  # a sum
TERRITORY_WORDS_RE = re.compile(r"\b(?:départements?|régions?|départementa(?:l|le|ux|les)|régiona(?:l|le|ux|les))\b")
# the page's place is wider than the figures a paragraph tells of one of its towns
WIDER_KINDS = frozenset({"departement", "region", "other"})


@dataclass
class PlaceQuestion:
    """One figure's place asked of the rules: what they share, each part computed once, when asked."""

    x: Extractor
    sentence: Sentence
    c: Candidate
    context: SentenceContext

    @property
    def text(self) -> str:
        return self.context.text

    @cached_property
    def clause(self) -> Span:
        return clause_at(self.context.clauses, self.c.mention.start)

    @cached_property
    def found(self) -> FigurePlace | None:
        """The place the sentence's own words give the figure."""
        s = self.sentence.start
        return self.x.finder.place_for(self.text, self.c.mention.start - s, self.c.end - s, self.clause.end - s,
                                       self.context.places)

    @cached_property
    def inherits(self) -> bool:
        """Whether the figure may take the place of the figure it hangs on ("dont 12 …", "elle en compte")."""
        c = self.c
        return (c.same_place if c.anaphoric else not c.linked_by_dont) and c.head is not None and (
            c.head.figure is not None)

    @cached_property
    def hint(self) -> FigurePlace:
        return self.x.finder.hint_place()

    def as_group(self, place: FigurePlace) -> FigurePlace:
        """A count of communes is its group's: "12 communes" of the intercommunalité, not of one town."""
        return self.x.finder.group_of(place) if self.c.reading.noun in GROUP_NOUNS else place


def _threshold_group(q: PlaceQuestion) -> FigurePlace | None:
    x, c = q.x, q.c
    if c.reading.family != POPULATION:
        return None
    left_start = max(q.sentence.start, c.mention.start - 90)
    left = norm(x.text[left_start : c.mention.start])
    if not (threshold := x.finder.threshold(left)):
        return None
    aid = AID_WORDS_RE.search(x.text[q.sentence.start : q.sentence.end]) or x.aid_document
    label = "communes éligibles" if aid else x.text[left_start + left.rfind(threshold.code) : c.end].strip()
    return FigurePlace(label, "other")


def _table_row(q: PlaceQuestion) -> FigurePlace | None:
    if (cell := q.x.cells.get(q.sentence.start)) and (row := q.x.finder.names_in(cell.row_label)):
        return as_named(row[0], cell.row_label)
    return None


def _typical_town(q: PlaceQuestion) -> FigurePlace | None:
    if (typical := TYPICAL_TOWN_RE.search(q.text)) and AVERAGE_RE.search(q.text):
        return FigurePlace(typical[1], "other")
    return None


def _state_scheme(q: PlaceQuestion) -> FigurePlace | None:
    if q.c.reading.family in (PERCENT, MONEY) and STATE_SCHEME_RE.match(norm(q.text)):
        return FigurePlace(COUNTRY.name, COUNTRY.kind, COUNTRY.code)
    return None


def _respectively(q: PlaceQuestion) -> FigurePlace | None:
    return q.x.respective_place(q.sentence, q.c, q.context) if q.c.respective is not None else None


def _placed_there(q: PlaceQuestion) -> FigurePlace | None:
    x, c, sentence = q.x, q.c, q.sentence
    if not PLACED_THERE_RE.match(norm(x.text[c.end : q.clause.end])):
        return None
    before = x.sentences[sentence.index - 1] if sentence.index else None
    for said in (x.text[sentence.start : c.mention.start], x.text[before.start : before.end] if before else ""):
        if district := x.finder.district_named(said):
            return district
    return None


BRACKET_BEFORE_RE = re.compile(r"\(\s*$")
BRACKET_AFTER_RE = re.compile(r"\s{0,2}\)")
# what a bracketed count's site opens with: a name ("Bellevue (6 caméras)") or a word for a site ("giratoire
# Pierre Chambon", "entrée parc"), not what the system is made of ("tranche ferme (6 caméras)", "réseau SETRAM")
SITE_OPENING_RE = re.compile(rf"[A-ZÀ-Ý]|(?:{NAMED_SITES}|{LONE_SITES}|entrées?|abords|centre-ville|cœur de ville|"
                             r"quartier|secteur|salle|maison|mairie|hôtel de ville)\b")
CENTRAL_TOWN_RE = re.compile(r"\s*(?:\w+\s+){0,3}?(?:la\s+)?(?:seule\s+)?(?:ville|commune)[- ]centre\b")


def _central_town(q: PlaceQuestion) -> FigurePlace | None:
    """ "L'agglomération compte 120 caméras, dont 40 pour la seule ville-centre": the part is the central
    town's, the intercommunalité's most populous commune (or the page's own commune)."""
    if not CENTRAL_TOWN_RE.match(norm(q.x.text[q.c.end : q.clause.end])):
        return None
    finder = q.x.finder
    if finder.commune is not None:
        return to_figure_place(finder.commune)
    epci = finder.epci or (finder.hint if finder.hint is not None and finder.hint.kind == "intercommunalite" else None)
    town = finder.gazetteer.central_town(epci.code) if epci is not None and finder.gazetteer else None
    return to_figure_place(town) if town is not None else None


def _own_sites(q: PlaceQuestion) -> FigurePlace | None:
    if q.found is not None or not q.inherits or q.c.head.figure.place_kind != "district":
        return None
    if OWN_SITES_RE.search(norm(q.x.text[q.c.end : q.clause.end])):
        return q.x.finder.relative("commune")
    return None


def _listed_site(q: PlaceQuestion) -> FigurePlace | None:
    """An item of a commune's breakdown ("… : cinq à la Halte routière, trois parking Gabriel-Péri") is about
    the site it names, a district of that commune; a site that is a place of the gazetteer is that place
    ("quatre à Rezé", "Juvisy-sur-Orge (15)")."""
    site, finder = q.c.site or _bracketed_count_site(q), q.x.finder
    if not site:
        return None
    if named := finder.names_in(site):  # "Juvisy-sur-Orge (15)": the place the site is
        start, end, place = named[0]
        return to_figure_place(place) if not site[:start].strip() and not site[end:].strip() else None
    return finder.district(site) if finder.commune is not None else None


def _bracketed_count_site(q: PlaceQuestion) -> str | None:
    """ "giratoire Pierre Chambon (1 caméra), avenue de Lamothe (1 caméra)", "Bellevue (6 caméras)": a camera
    count alone in brackets counts the site named before them, from the line's or the item's start (a bare
    "Jaleyrac (4)" is the bare-number rules' item)."""
    text, c = q.x.text, q.c
    if c.reading.family != CAMERAS or c.end == c.mention.end or not BRACKET_BEFORE_RE.search(
            text, max(0, c.mention.start - 3), c.mention.start):
        return None
    if not BRACKET_AFTER_RE.match(text, c.end):
        return None
    opening = text.rfind("(", 0, c.mention.start)
    line_start = max(q.sentence.start, text.rfind("\n", 0, opening) + 1)
    site = (bracketed_site(text, line_start, opening) or "").lstrip("-–— ")
    return site if SITE_OPENING_RE.match(site) else None


def _head_figure(q: PlaceQuestion) -> FigurePlace | None:
    if q.found is not None or not q.inherits:
        return None
    head = q.c.head.figure
    return FigurePlace(head.place, head.place_kind, head.place_code)


def _funded_project(q: PlaceQuestion) -> FigurePlace | None:
    """Money or a rate the sentence ties to the page's own département or région is that body's share
    of the page's commune's project ("100 000 € pour la région", "Le département en paie 40 %")."""
    found, hint = q.found, q.x.finder.hint
    if q.c.reading.family not in (MONEY, PERCENT) or found is None or hint is None or hint.kind not in (
            "commune", "intercommunalite") or found.kind not in ("departement", "region"):
        return None
    said = norm(q.text)
    if found.code not in (hint.departement, hint.region) or REGION_WIDE_RE.search(said) or not FUNDING_RE.search(said):
        return None
    return _page_hint(q)


def _sentence_words(q: PlaceQuestion) -> FigurePlace | None:
    return q.as_group(q.found) if q.found is not None else None


def _there_pronoun(q: PlaceQuestion) -> FigurePlace | None:
    said = norm(q.text)
    if q.c.reading.family == OTHER and THERE_PRONOUN_RE.search(said) or THERE_AUXILIARY_RE.search(said):
        if there := q.x.first_figure(q.sentence.index - 1):
            return FigurePlace(there.place, there.place_kind, there.place_code)
    return None


def _national_page(q: PlaceQuestion) -> FigurePlace | None:
    return to_figure_place(COUNTRY) if q.hint.name is None and q.x.national else None


def _national_words(q: PlaceQuestion) -> FigurePlace | None:
    s = q.sentence.start
    said = said_of_the_country(q.text, q.c.mention.start - s, q.c.mention.end - s)
    return to_figure_place(COUNTRY) if said else None


def _paragraph_place(q: PlaceQuestion) -> FigurePlace | None:
    return q.x.placed_before_in_block(q.sentence) if q.hint.name is None else None


def _paragraph_town(q: PlaceQuestion) -> FigurePlace | None:
    """On a page of a wider territory, the town its paragraph tells of names the figures that name none."""
    if not _unplaced_on_wider_page(q) or q.c.reading.noun in GROUP_NOUNS or _territory_at_work(norm(q.text)) or (
            WHOLE_OPENING_RE.match(norm(q.text))):  # "Au total, 128 caméras seront installées": the whole territory's
        return None  # a sentence that counts communes or names the territory speaks of it
    return _town_within(q, town_told_before(q.x, q.sentence))


def _this_town(q: PlaceQuestion) -> FigurePlace | None:
    """ "… de cette commune": on a page of a wider territory, the town the sentences before last named."""
    return _town_within(q, town_pointed_back(q.x, q.sentence)) if _unplaced_on_wider_page(q) else None


def _unplaced_on_wider_page(q: PlaceQuestion) -> bool:
    """A figure whose sentence names no place, on a page of a département, région or no place."""
    return (q.hint.name is None or (q.hint.kind or q.x.place_kind) in WIDER_KINDS) and not q.context.places


def _town_within(q: PlaceQuestion, town: Place | None) -> FigurePlace | None:
    return to_figure_place(town) if town is not None and _within(town, q.x.finder.hint) else None


def _territory_at_work(said: str) -> bool:
    """ "la commission départementale a examiné 212 dossiers": the territory acting on its own; as a funder
    ("pris en charge à 50 % par le Département") it pays for the town's project."""
    return bool(TERRITORY_WORDS_RE.search(said)) and not FUNDING_RE.search(said)


def _within(town: Place, territory: Place | None) -> bool:
    """Whether a town lies in the page's territory: "à Rouen" on the Seine-Maritime's page, not "comme à Paris"."""
    if territory is None or territory.kind not in ("departement", "region"):
        return True
    return (town.departement if territory.kind == "departement" else town.region) == territory.code


def _shared_centre(q: PlaceQuestion) -> FigurePlace | None:
    if q.x.of_shared_centre(q.c, norm(q.text)):
        return q.x.finder.group_of(_page_hint(q))
    return None


def _page_hint(q: PlaceQuestion) -> FigurePlace:
    return FigurePlace(q.hint.name, q.hint.kind or q.x.place_kind, q.hint.code)


def _page_place(q: PlaceQuestion) -> FigurePlace:
    return q.as_group(_page_hint(q))


@dataclass(frozen=True)
class PlaceRule:
    name: str
    why: str
    answer: Callable[[PlaceQuestion], FigurePlace | None]
    examples: tuple[tuple[str | None, str, str, str], ...]  # (page's place, text, number as written, place)


PLACE_RULES: tuple[PlaceRule, ...] = (
    PlaceRule("threshold_group", "a population bound names the communes under it, not a town",
              _threshold_group, ()),
    PlaceRule("table_row", "a table's cell is its row's place", _table_row, ()),
    PlaceRule("typical_town", "an average is a typical town's", _typical_town,
              ((None, "Une ville de 50 000 habitants compte en moyenne 350 caméras.", "350",
                "ville de 50 000 habitants"),)),
    PlaceRule("state_scheme", "the State's rate for projects in general is the country's", _state_scheme,
              (("Vienne", "L'État finance jusqu'à 50 % des projets de vidéoprotection.", "50", "France"),)),
    PlaceRule("respectively", "places named before 'respectivement' go to its counts in order", _respectively, ()),
    PlaceRule("placed_there", "'y ont été installées' points to the district just named", _placed_there,
              (("Lunel", "C'est au tour de la cité Pierre-Sémard : 9 caméras y ont été installées.", "9",
                "Lunel / Pierre-Sémard"),)),
    PlaceRule("central_town", "a part said of the 'ville-centre' is the intercommunalité's central town",
              _central_town,
              (("Lens", "L'agglomération compte 120 caméras, dont 40 pour la seule ville-centre.", "40", "Lens"),)),
    PlaceRule("own_sites", "a district's figure's own sites are its commune's", _own_sites, ()),
    PlaceRule("listed_site", "an item of a breakdown is about the site it names", _listed_site,
              (("Arles", "17 caméras sont implantées sur six sites : cinq à la Halte routière, trois parking "
                "Gabriel-Péri, une collège Ampère, trois parking Sixte-Quenin, deux gare SNCF, trois aux abords de "
                "l'Hôtel de Ville.", "trois parking", "Arles / parking Gabriel-Péri"),)),
    PlaceRule("head_figure", "a part or an anaphora takes the place of the figure it hangs on", _head_figure, ()),
    PlaceRule("funded_project", "a département's or région's share of the page's project is the project's place",
              _funded_project,
              (("Plouescat", "La vidéoprotection coûtera 25 987 €, à 50 % pour la commune et 50 % pour le Département.",
                "50 % pour le", "Plouescat"),
               ("Plouescat", "Le Département consacre une enveloppe de 2 millions d'euros aux caméras des communes.",
                "2 millions", "Finistère"))),
    PlaceRule("national_words", "'70 % des Français', 'la moyenne nationale est à 12 %'", _national_words,
              (("Lunel", "À Lunel, 67 % des Français sondés jugent les caméras utiles.", "67", "France"),)),
    PlaceRule("sentence_words", "the place the sentence names where the figure is", _sentence_words,
              (("Tours", "Blois compte 40 caméras.", "40", "Blois"),
               # "au Puy": the page's commune by its usual short name, its article gone into "au"
               ("Le Puy-en-Velay", "Au total, 25 caméras ont été installées au Puy.", "25",
                "Le Puy-en-Velay"))),
    PlaceRule("there_pronoun", "'y' points to the place of the figure of the sentence before", _there_pronoun,
              (("Lunel", "Le quartier des Abrets a reçu 22 caméras. Les vols y ont reculé de 14 %.", "14",
                "Lunel / Abrets"),)),
    PlaceRule("national_page", "a page of no place that speaks for the country", _national_page,
              ((None, "Selon le ministère de l'Intérieur, 4 000 communes sont équipées de caméras.", "4 000",
                "France"),)),
    PlaceRule("paragraph_place", "on a page of no place, the one place of its paragraph's figures",
              _paragraph_place,
              ((None, "À Chablis, trois caméras ont été posées. Coût de l'opération : 24 000 euros.", "24 000",
                "Chablis"),)),
    PlaceRule("paragraph_town", "on a page of a wider territory, the town its paragraph tells of",
              _paragraph_town,
              (("Seine-Maritime", "Le président a inauguré le système du collège Jean-Lecanuet, à Rouen. "
                "L'établissement a été équipé de 8 caméras.", "8", "Rouen"),
               ("Seine-Maritime", "Le collège est à Rouen. Le Département a installé 8 caméras dans ses collèges.", "8",
                "Seine-Maritime"),
               ("Seine-Maritime", "Comme à Paris, les collèges s'équipent. Le Département y a installé 8 caméras.", "8",
                "Seine-Maritime"),
               ("Loire", "Saint-Étienne compte 700 caméras. La commission départementale des caméras a examiné 212 "
                "dossiers.", "212", "Loire"),
               ("Seine-Maritime", "Le collège Jean-Lecanuet, à Rouen, a été équipé de 8 caméras. La dépense de 10 000 "
                "euros est prise en charge par le Département.", "10 000", "Rouen"),
               ("Seine-Maritime", "Le collège Jean-Lecanuet est à Rouen.\n\n"
                "Le Département a équipé 8 caméras dans ses collèges.", "8", "Seine-Maritime"))),
    PlaceRule("this_town", "'… de cette commune': the town the sentences before last named", _this_town,
              (("Allier", "La commune de Néris-les-Bains se lance.\n\nLe conseil a voté.\n\nEn tout, six caméras "
                "vont être installées dans cette commune thermale.", "six", "Néris-les-Bains"),)),
    PlaceRule("shared_centre", "the staff of a centre shared by communes is their intercommunalité's",
              _shared_centre, ()),
    PlaceRule("page_place", "a figure whose text names no place is the page's", _page_place,
              (("Tours", "Le parc compte 40 caméras.", "40", "Tours"),)),
)


def place_of(x: Extractor, sentence: Sentence, c: Candidate, context: SentenceContext) -> tuple[FigurePlace, str]:
    """The figure's place, and the name of the rule that gave it (for --explain)."""
    question = PlaceQuestion(x, sentence, c, context)
    for rule in PLACE_RULES:
        if (answer := rule.answer(question)) is not None:
            return answer, rule.name
    return _page_place(question), "page_place"
