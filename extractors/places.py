"""The place each figure is about: the page's own place (the hint) and the places a sentence names.

`PlaceFinder` resolves the page's place through the gazetteer (its hint, its site, its title), reads
the places named in a text (`extractors.place_names`) and asks the sentence's words where a figure is
(`extractors.sentence_places`, an ordered table of named rules). The words it looks for, and how a place
is named in a figure, are in `extractors.place_words`.
"""

from __future__ import annotations

import re

from extractors.gazetteer import Gazetteer, Place
from extractors.place_names import NameFinder, address_folders
from extractors.place_words import (  # noqa: F401  (AID_WORDS_RE, as_named: re-exported)
    AID_WORDS_RE,
    BODY_LEAD_RE,
    CENTRE_OF_THE_EPCI_RE,
    DISTRICT_CUE_RE,
    IN_COMMUNES_RE,
    INTERCOMMUNAL_PAGE_RE,
    LANDMARK_NAMED_RE,
    MERGED_COMMUNE_RE,
    PERSON_BEFORE_RE,
    SPREAD_OVER_RE,
    THRESHOLD_RE,
    TITLE_LEAD_RE,
    FigurePlace,
    as_named,
    display_name,
    to_figure_place,
)
from extractors.sentence_places import place_in_sentence

# words that name no district on their own: an article, a preposition, a pronoun
NO_NAME_RE = re.compile(r"(?i)(?:le|la|les|l'|un|une|des|du|de|d'|au|aux|ce|cet|cette|ces|son|sa|ses|leur|leurs)?")


class PlaceFinder(NameFinder):
    """Resolves the places of one document, knowing its source's place (the hint)."""

    def __init__(self, gazetteer: Gazetteer | None, hint: str | None, hint_kind: str | None, text: str,
                 source_url: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.hint_name = hint
        self.hint_by_usual_name = False  # the hint is a usual short name ("Éragny"), kept as the figures' name
        self.commune: Place | None = None
        self.merged = False  # a commune nouvelle's page: "Machecoul" on Machecoul-Saint-Même's is a locality
        self.site_place = gazetteer.by_site(source_url) if gazetteer and source_url else None
        self.address_folders = address_folders(source_url)
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
        """A district of the page's commune; a name of no word of its own ("Le" at a line's start, a PDF's break
        before "Le programme …") names none, and the commune is kept."""
        name = name.strip().split("\n")[0]  # a name ends with its line: "au Forum République⏎Hier après-midi"
        if NO_NAME_RE.fullmatch(name.strip()) and self.commune:
            return self.own_place(self.commune)
        # a page of a district ("Paris / 12e arrondissement") names its commune's districts, not its own's
        base = self.own_place(self.commune).name if self.commune else (self.hint_name or "").split(" / ")[0]
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

    def place_for(self, sentence: str, number_start: int, evidence_end: int, clause_end: int,
                  all_sentence_places: list[tuple[int, int, Place]]) -> FigurePlace | None:
        """The place of a figure whose number starts at `number_start` (offsets within `sentence`), by the
        sentence's words (`extractors.sentence_places.WHERE_RULES`); None when the sentence says nothing and
        the caller should fall back."""
        return place_in_sentence(self, sentence, number_start, evidence_end, clause_end, all_sentence_places)
