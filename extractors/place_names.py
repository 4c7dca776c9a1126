"""Places named in a text: runs of capitalised words looked up in the gazetteer, each accepted or
refused by what surrounds it ("rue de Paris" is a street, "France Bleu" a radio, "Douze" a number).

`NameFinder` is a part of `extractors.places.PlaceFinder`, which knows the page's place (the hint).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from extractors.gazetteer import Gazetteer, Place, normalise
from extractors.place_words import (
    AGGLO_OF_RE,
    ARTICLE_BEFORE_RE,
    BODY_AFTER_RE,
    BODY_BEFORE_RE,
    COMMUNE_APPOSITION_AFTER_RE,
    COMPOUND_NAME_RE,
    INHABITANTS_AFTER_RE,
    INSTITUTION_WORDS,
    LOCATIVE_BEFORE_RE,
    LOWER_ARTICLE_RE,
    MEDIUM_AFTER_RE,
    NAME_GOES_ON_RE,
    NAME_RE,
    NUMBER_WORD_SET,
    POINTS_OF_COMPASS,
    STREET_BEFORE_RE,
    SUBJECT_VERB_AFTER_RE,
    WHERE_BEFORE_RE,
    FigurePlace,
    display_name,
)

# a village's name shared by smaller communes than this, far from the page's town, may name one of its quarters
QUARTER_NAME_MAX_POPULATION = 10_000


def address_folders(url: str | None) -> frozenset[str]:
    """The folders of a page's address, as names: a regional paper files its news under
    "/pays-de-la-loire/loire-atlantique/saint-nazaire/" (the last part, the article's own slug, is left out)."""
    if not url:
        return frozenset()
    folders = unquote(urlsplit(url).path).split("/")[:-1]
    return frozenset(normalise(folder) for folder in folders if folder)


NO_PLACE = Place(code="", kind="none", name="")  # words that name no place, nor any part of them


def _street(text: str, chunk: str, start: int, place: Place) -> bool:
    return bool(STREET_BEFORE_RE.search(text[max(0, start - 20) : start]))  # "rue de Paris" is a street, not Paris


def _body(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "Orne Habitat", "Les Résidences Yvelines Essonne": a body named after places."""
    return bool(BODY_AFTER_RE.match(text, start + len(chunk))
                or BODY_BEFORE_RE.search(text[max(0, start - 40) : start]))


def _point_of_compass(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "l'hôpital Nord", "le quartier Sud": part of a name, not the Nord département."""
    return chunk in POINTS_OF_COMPASS and bool(re.search(r"[a-zà-ÿ]\s+$", text[max(0, start - 3) : start]))


# "à Rome Saint-Charles", "quartier Berlin Est": a town abroad whose name goes on names a district at home
ABROAD_NAME_GOES_ON_RE = re.compile(rf"{MEDIUM_AFTER_RE.pattern}|\s+[A-ZÀ-Ý]")


def _longer_name(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "France Bleu", "au Bois du Verne", "Rome Saint-Charles": a longer name, not France, Bois or Rome."""
    goes_on = (ABROAD_NAME_GOES_ON_RE if place.code != "FR" else MEDIUM_AFTER_RE) if place.kind == "other" else (
        NAME_GOES_ON_RE)
    return bool(goes_on.match(text, start + len(chunk))) and (
        place.kind == "other" or place.kind == "commune" and place.population < 20_000)


# a superlative, not a quantity: "la plus surveillée", "le plus de caméras", not "plus de 1 000 communes en France"
RANKING_BEFORE_RE = re.compile(r"\b(?:(?:le|la|les)\s+(?:plus|moins)|(?:plus|moins)(?!\s+d(?:e\b|['’]))|"
                               r"premi[eè]re?s?|deuxième|troisième|quatrième|cinquième|\d+e"
                               r"|classement|palmarès|record)\b[^.;:!?\n]{0,60}\b(?:de|du|en)\s+(?:l['’])?$",
                               re.IGNORECASE)


def _ranking_frame(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "la ville la plus surveillée de France", "l'un des plus importants dispositifs de France": the frame
    of a ranking, not where the figure is."""
    return place.code == "FR" and bool(RANKING_BEFORE_RE.search(text[max(0, start - 90) : start]))


# "une commune de 350 habitants voisine de Pacy-sur-Eure", "au nord-ouest de Toulouse", "de la périphérie de
# Besançon", "à 80 kilomètres de là": a place named to situate another, not what a figure is about
REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:voisine?s?|proches?|limitrophes?|non loin|à deux pas|aux portes|aux environs|en périphérie|(?:de )?la "
    r"périphérie|dans la banlieue(?: (?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?|(?:au|à l')\s*(?:nord|sud|est|ouest)"
    r"(?:-(?:est|ouest))?|à \d+ (?:km|kilomètres|minutes)|tout près|près)\s+(?:de |d['’]|du |des )\s*(?:la |l['’])?$",
    re.IGNORECASE)


# "Prenons la ville voisine de Carbonne": the neighbour named is the town meant
NEIGHBOUR_NAMED_RE = re.compile(r"\b(?:ville|commune|cité|localité)s?\s+voisines?\s+(?:de |d['’])\s*$", re.IGNORECASE)


# "La ville de l'Aisne possède…", "village de l'Eure d'un peu plus de 600 habitants", "la ville la plus peuplée de
# l'Essonne": the territory a town is in, named to situate that one town (not "les communes de l'Oise")
TOWN_OF_TERRITORY_RE = re.compile(
    r"\b(?:commune|ville|village|bourg|cité|localité|municipalité)(?:\s+[a-zà-ÿ-]+){0,3}?"
    r"(?:\s+(?:de|d['’])\s*(?:environ\s+|près de\s+|quelque\s+|plus de\s+|moins de\s+)?[\d  .]+\s+habitants)?\s+"
    r"(?:de\s+la|de\s+l['’]|du|des|de)\s*$", re.IGNORECASE)


def _reference(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "voisine de Pacy-sur-Eure", "au sud d'Arras", "cette commune de l'Aude": a place that situates another."""
    before = text[max(0, start - 45) : start]
    if place.kind in ("departement", "region"):
        return bool(TOWN_OF_TERRITORY_RE.search(text[max(0, start - 70) : start]))
    return place.kind == "commune" and bool(REFERENCE_BEFORE_RE.search(before)) and not (
        NEIGHBOUR_NAMED_RE.search(before))


AT_BEFORE_RE = re.compile(r"\bà\s+$")  # French says "à" before a town, "en" or "dans" before a département
# words that name a place but do not mean it
# communes that share their name with a company the pages speak of: the company, where its trade is near
COMPANY_NAMES = frozenset({"Orange"})
TRADE_NEAR_RE = re.compile(r"\b(?:opérateurs?|fibre|réseaux?|télécoms?|Business|sociétés?|entreprises?|groupe|"
                           r"contrats?|marchés?|Wi-?Fi|Transdev|Keolis|SFR|Bouygues|Free|confi\w+|facturé\w*|"
                           r"prestataires?)\b", re.IGNORECASE)


def _company(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "la ville confie à Orange la création d'un système", "le réseau qu'a déployé Orange": the operator."""
    return chunk in COMPANY_NAMES and bool(TRADE_NEAR_RE.search(text[max(0, start - 120) : start + 120]))


def _institution(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "66 caméras pour plus de sécurité en Ville": the capitalised word for the town, not Villé."""
    return chunk in INSTITUTION_WORDS


def _acronym(text: str, chunk: str, start: int, place: Place) -> bool:
    """ "le Groupement d'assistance et de protection (GAP)": a body's initials in brackets, not the town."""
    end = start + len(chunk)
    return (place.kind == "commune" and chunk.isupper() and len(chunk) <= 5
            and text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")")


NAME_VETOES = (_street, _body, _point_of_compass, _longer_name, _ranking_frame, _reference, _company, _acronym,
               _institution)


HYPHENS = {0x2010: "-", 0x2011: "-"}  # the hyphen and the non-breaking hyphen of typeset text

class NameFinder:
    """The names-in-text part of `PlaceFinder`: the page's places it reads are set by `PlaceFinder`."""

    gazetteer: Gazetteer | None
    hint: Place | None
    commune: Place | None
    epci: Place | None
    merged: bool
    hint_name: str | None
    hint_by_usual_name: bool
    address_folders: frozenset[str]  # the page address's folders, as names: {'loire atlantique', …}

    def _territory_said(self, place: Place, text: str) -> bool:
        """Whether the text names the département of a commune, by its number in brackets or by its name
        as whole words ("le Gard", not "regard"; "la Vienne", not "qu'il vienne"), or the page's address
        has it as one of its folders ("…/loire-atlantique/saint-nazaire/…")."""
        if place.kind != "commune" or not place.departement or self.gazetteer is None:
            return False
        if f"({place.departement})" in text[:1000]:
            return True
        departement = self.gazetteer.get("departement", place.departement)
        if departement is None:
            return False
        spelt = r"[-\s]+".join(re.escape(word) for word in departement.name.split("-"))
        return bool(re.search(rf"(?<!\w){spelt}(?!\w)", text[:3000])) or normalise(departement.name) in (
            self.address_folders)

    def own_place(self, hint: Place) -> FigurePlace:
        """The page's own place as its figures name it: by the usual short name it was given ("Éragny"),
        else by its official one."""
        return FigurePlace(self.hint_name if self.hint_by_usual_name else display_name(hint), hint.kind, hint.code)

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
        if self.hint in candidates:  # "la Mayenne" on the Mayenne département's page: itself, not its town
            return self.hint
        if self.epci and (members := [c for c in candidates if c.epci == self.epci.code]):
            return members[0]
        if len(candidates) > 1 and (said := [c for c in candidates if self._territory_said(c, text)]):
            return said[0]  # "La commune de Grigny, dans le Rhône": the Grigny of the Rhône
        if self.hint:  # the homonym of the hint's département, else of its région: "la Marne" on a page of
            # Sézanne is the département, not La Marne of Loire-Atlantique (44, a département's code as well as
            # the Grand Est's: codes of the two kinds are not compared)
            departement = self.hint.code if self.hint.kind == "departement" else self.hint.departement
            region = self.hint.code if self.hint.kind == "region" else self.hint.region
            for same in (lambda c: c.departement and c.departement == departement,
                         lambda c: c.region and c.region == region):
                if near := [c for c in candidates if same(c)]:
                    return near[0]
        return candidates[0]

    def names_in(self, text: str) -> list[tuple[int, int, Place]]:
        """Places named in `text`: (start, end, place), each accepted by context. Of a run of capitalised
        words, the longest chunk that names a place wins; the next chunk starts after it."""
        if self.gazetteer is None:
            return []
        text = text.translate(HYPHENS)  # "Juvisy‑sur‑Orge" with non-breaking hyphens: the same name, same offsets
        found = []
        for m in NAME_RE.finditer(text):
            # a hyphenated name is one word ("Saint-Eutrope"); an elided article is a word of its own, so that
            # "de l'Aisne" names the Aisne as "de la Marne" names the Marne
            words = re.split(r"(?<=\s)|(?<=^l['’])|(?<=\sl['’])", m.group(0))
            i = 0
            while i < len(words):
                for j in range(min(len(words), i + 8), i, -1):
                    chunk = "".join(words[i:j]).strip(" -")
                    start = m.start() + len("".join(words[:i]))
                    if (place := self._named_at(text, chunk, start, j - i)) is None:
                        continue  # a shorter chunk may name a place
                    if place is not NO_PLACE:
                        found.append((start, start + len(chunk), place))
                    i = j - 1  # words that name no place, nor any part of them ("commune des Pays de la Loire")
                    break
                i += 1
        return self._agglo_of_commune(text, found)

    def _named_at(self, text: str, chunk: str, start: int, size: int) -> Place | None:
        """The place `chunk` (`size` words at `start`) names; None when a shorter chunk may name one;
        NO_PLACE when the words name none, nor any part of them."""
        if chunk[:1] == "l" and LOWER_ARTICLE_RE.match(chunk):  # "de la Marne": the Marne, not La Marne
            return None
        if size == 1 and chunk.lower() in NUMBER_WORD_SET:
            return None  # "Douze ont été ajoutées": a number opening a sentence, not La Douze
        if self.merged and chunk[:1].isupper() and self.is_locality(chunk):
            return self.locality(chunk)
        candidates = self.gazetteer.lookup(chunk) if chunk[:1].isupper() or size > 1 else []
        if not candidates:
            return None
        if AT_BEFORE_RE.search(text, max(0, start - 4), start):  # "à Vienne": the town, not the département
            candidates = [c for c in candidates if c.kind == "commune" and c.population >= 5_000] or candidates
        place = self._choose(candidates, text)
        if self.commune and place.parent == self.commune.code:  # "Roullours" on Vire Normandie's page: one of
            return self.locality(chunk) if self.merged else self.commune  # its localities where it tells the merger
        if any(veto(text, chunk, start, place) for veto in NAME_VETOES):
            return NO_PLACE
        if not (self._accept(place, text[:start]) or self._said_a_town(place, text, start + len(chunk))):
            return None
        if self.commune and place.departement != self.commune.departement and self.is_short_for_commune(chunk):
            return self.commune  # "Vire" on Vire Normandie's page, not Viré in Saône-et-Loire
        if self._quarter_of_commune(chunk, text, start):
            return self.locality(chunk)
        return place

    def _quarter_of_commune(self, chunk: str, text: str, start: int) -> bool:
        """ "deux autres sont prévues à Plaisance" on Orvault's page: a village's name that several communes
        share, none of them towns nor in the page's town's région, said as where things are, names a quarter of
        that town (French quarters keep the names of the hamlets they grew from)."""
        if self.commune is None or self.commune.kind != "commune" or self.is_short_for_commune(chunk):
            return False
        towns = [p for p in self.gazetteer.lookup(chunk) if p.kind == "commune"]
        return len(towns) > 1 and all(p.population < QUARTER_NAME_MAX_POPULATION and p.region != self.commune.region
                                      for p in towns) and bool(WHERE_BEFORE_RE.search(text, max(0, start - 40), start))

    @staticmethod
    def _said_a_town(place: Place, text: str, after: int) -> bool:
        """A commune the words after it make a town: a verb it is the subject of (a town of 2,000 or more), its
        inhabitants ("Bousies (600 habitants)") or an apposition that calls it a commune."""
        return place.kind == "commune" and (
            place.population >= 2_000 and bool(SUBJECT_VERB_AFTER_RE.match(text, after))
            or bool(INHABITANTS_AFTER_RE.match(text, after) or COMMUNE_APPOSITION_AFTER_RE.match(text, after)))

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

    def is_locality(self, name: str) -> bool:
        """A part of a commune nouvelle's name that names one of its former communes: "Vire" of Vire
        Normandie, "Machecoul" of Machecoul-Saint-Même."""
        key, full = normalise(name), normalise(self.commune.name) if self.commune else ""
        return key != full and (self.is_short_for_commune(name) or bool(full) and full.endswith(" " + key))

    def locality(self, name: str) -> Place:
        own = self.own_place(self.commune).name if self.commune else name
        return Place(code="", kind="district", name=f"{own} / {name}")

    def is_short_for_commune(self, name: str) -> bool:
        """ "Aix" on an Aix-en-Provence page, "Chartres" for Chartres; "Puy" of "au Puy", "du Puy" on Le
        Puy-en-Velay's page (the article goes into "au", "du")."""
        key, full = normalise(name), normalise(self.commune.name) if self.commune else ""
        bare = re.sub(r"^(?:le|la|les|l) ", "", full)
        return bool(full) and any(whole == key or whole.startswith(key + " ") for whole in (full, bare))
