"""A site of the commune named after the count's own verb is the count's place (sentence_places.site_after_verb)."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "hint", "place"), [
    # a landmark a commune has one of, after the verb that puts the cameras up
    ("Cinq caméras ont été installées autour de la gare.", "Bondy", "Bondy / gare"),
    # named after the commune itself: still the gare
    ("Cinq caméras ont été installées autour de la gare de Bondy.", "Bondy", "Bondy / gare"),
    # a street, a car park, a square: with their names
    ("La ville a installé 5 caméras dans la rue Carnot.", "Le Creusot", "Le Creusot / rue Carnot"),
    ("Deux caméras seront posées sur le parking du Champ-de-Foire.", "Le Creusot",
     "Le Creusot / parking du Champ-de-Foire"),
    ("Trois caméras ont été installées au cimetière communal.", "Le Creusot", "Le Creusot / cimetière communal"),
    # the site the sentence says is equipped, its subject
    ("Depuis deux ans, la MJC est équipée de sept caméras.", "Lons-le-Saunier", "Lons-le-Saunier / MJC"),
    ("Le cimetière est équipé depuis mars 2012 de deux caméras.", "Le Creusot", "Le Creusot / cimetière"),
    # spread over two sites: the commune's, as the guidelines have it
    ("Dernièrement, 5 caméras ont été installées au rond-point d'Azé et route de Chemazé.",
     "Château-Gontier-sur-Mayenne", "Château-Gontier-sur-Mayenne"),
    # a street with no name is no site; the first place said after the count is its own, not a later one
    ("Six caméras ont été installées dans la rue.", "Le Creusot", "Le Creusot"),
    ("Quatre caméras seront posées devant la préfecture, puis d'autres sur le giratoire Bernard-Sautot.",
     "Le Creusot", "Le Creusot"),
])
def test_a_site_named_after_the_verb(text: str, hint: str, place: str) -> None:
    figure, = [f for f in extract_text(text, place_hint=hint) if f.metric.startswith("cameras")]
    assert figure.place == place


def test_a_commune_named_with_au_is_one_name() -> None:
    """86 communes are named with "-au-" ("Boisleux-au-Mont"): one name, not "Boisleux" and "Mont"."""
    text = "Sachin : une caméra pour 600 euros.\nBoisleux-au-Mont : 7 caméras pour un montant de 8 455 euros"
    assert {f.place for f in extract_text(text, place_hint="Pas-de-Calais") if f.value in (7, 8455)} == {
        "Boisleux-au-Mont"}


@pytest.mark.parametrize(("text", "hint", "place"), [
    # the operator, where its trade is near: not the commune of Vaucluse
    ("En 2010, la ville confie à Orange la création d'un système de 34 caméras.", "Rodez", "Rodez"),
    ("Les caméras sont branchées sur la fibre de la ville plutôt que sur le réseau qu'a déployé Orange, "
     "facturé 200 € par mois et par caméra.", "Rodez", "Rodez"),
    # the commune, where nothing of the trade is said
    ("À Orange, trois caméras seront postées en entrées de ville.", "Vaison-la-Romaine", "Orange"),
])
def test_a_company_that_shares_a_communes_name(text: str, hint: str, place: str) -> None:
    assert {f.place.split(" / ")[0] for f in extract_text(text, place_hint=hint)} == {place}


@pytest.mark.parametrize(("text", "hint", "place"), [
    # "en" + a territory the gazetteer knows, a few words after the count: the count is the territory's
    ("On compte vingt mille caméras en France actuellement.", "Var", "France"),
    ("Près de 45 000 caméras en France fin 2011.", "Toulouse", "France"),
    ("Le département recense 1232 caméras en Moselle.", "Gerbéviller", "Moselle"),
    # a comparison is no place of the count, and "en" after a town's name is the town's
    ("La ville installe 40 caméras, un dispositif sans équivalent en France.", "Nice", "Nice"),
    ("La ville compte 40 caméras, Sanilhac en Dordogne aucune.", "Nice", "Nice"),
    # in Paris, Lyon and Marseille "dans le 20e" is the arrondissement, said without its noun
    ("Le préfet a annoncé 65 caméras de surveillance dans le 20e.", "Paris", "Paris / 20e arrondissement"),
    ("La ville a posé 65 caméras dans le 20e siècle déjà.", "Paris", "Paris"),
    ("Le bourg a posé 65 caméras dans le 2e.", "Tours", "Tours"),
    # a town abroad whose name goes on ("Rome Saint-Charles") names a district at home
    ("La ville compte 16 caméras : six aux entrées de ville, trois à Rome Saint-Charles.", "Vitry-le-François",
     "Vitry-le-François / Rome Saint-Charles"),
])
def test_the_last_camera_counts_place_said_in_few_words(text: str, hint: str, place: str) -> None:
    figure = [f for f in extract_text(text, place_hint=hint) if f.metric.startswith("cameras")][-1]
    assert figure.place == place


@pytest.mark.parametrize(("text", "place"), [
    ("Plus de 1 000 villes en France sont dotées de caméras.", "France"),  # a quantity, not a ranking
    ("Nice est la ville la plus surveillée de France avec 4 000 caméras.", "Nice"),  # a ranking's frame
])
def test_plus_de_is_a_quantity_not_a_ranking(text: str, place: str) -> None:
    assert {f.place for f in extract_text(text, place_hint="Toulouse")} == {place}


@pytest.mark.parametrize(("text", "places"), [
    # a camera count alone in brackets counts the site named before it, on its line or after a comma
    ("Nouvelles caméras : giratoire Pierre Chambon (1 caméra), avenue de Lamothe (2 caméras).",
     ["Brioude / giratoire Pierre Chambon", "Brioude / avenue de Lamothe"]),
    ("Les quartiers équipés :\n\nBellevue (6 caméras)\n\nSablons (7 caméras)",
     ["Brioude / Bellevue", "Brioude / Sablons"]),
    # a site, then the streets that detail it after a dash; a word of works opening the item names no site;
    # names joined by a dash are one; a street named after a town is no town ("Avenue de Lodève")
    ("Sites équipés :\n- Avenue de Lodève - rue Draparnaud (1 caméra)\n- Rond-Point Franklin (1 caméra)\n"
     "- Renforcement d'équipements - Petit Bard - place des Pruneliers (1 caméra)\n- Ronceray - Glonnières "
     "(3 caméras)\n- Avenue François Delmas - Avenue de la Reine Hélène d'Italie (1 caméra)",
     ["Brioude / Avenue de Lodève", "Brioude / Rond-Point Franklin", "Brioude / Petit Bard",
      "Brioude / Ronceray - Glonnières", "Brioude / Avenue François Delmas"]),
    # what the system is made of is no site
    ("Le marché compte une tranche ferme (6 caméras) et une tranche optionnelle (12 caméras).",
     ["Brioude", "Brioude"]),
])
def test_a_bracketed_camera_count_is_the_site_before_it(text: str, places: list[str]) -> None:
    assert [f.place for f in extract_text(text, place_hint="Brioude") if f.metric.startswith("cameras")] == places
