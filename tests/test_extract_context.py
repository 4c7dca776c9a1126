"""Places and dates: what the sentence ties each figure to."""

import pytest

from extractors import extract_text


def first(text, **kwargs):
    figures = extract_text(text, **kwargs)
    assert figures, text
    return figures[0]


@pytest.mark.parametrize(
    "text, hint, place, kind",
    [
        ("La ville dispose de 80 caméras.", "Dreux", "Dreux", "commune"),
        ("L'agglomération compte près de 200 caméras.", "Dreux", "Agglo du Pays de Dreux", "intercommunalite"),
        ("Plus de 400 caméras pour l'agglomération.", "Chartres", "Chartres Métropole", "intercommunalite"),
        # a homonym of note goes by its département too, the one of the page's place
        ("Dix caméras seront installées à Vernouillet.", "Dreux", "Vernouillet (Eure-et-Loir)", "commune"),
        ("La commune compte 34 caméras en centre-ville.", "Nantes", "Nantes / centre-ville", "district"),
        ("La commune compte 90 caméras, surtout en centre-ville.", "Nantes", "Nantes", "commune"),  # most of them
        ("Les vols ont baissé de 15 % dans l'hypercentre filmé.", "Nantes", "Nantes / hypercentre", "district"),
        ("Le centre, installé rue de Paris, pilote 50 caméras.", "Lille", "Lille", "commune"),  # a street
        ("Le réseau compte 75 caméras, dont 30 en centre-ville.", "Nantes", "Nantes", "commune"),  # the 30 are
        ("Cinq caméras ont été posées dans le quartier de la Madeleine.", "Évreux", "Évreux / La Madeleine",
         "district"),
        ("La ville de Lyon compte 480 caméras.", "Lyon", "Lyon", "commune"),  # not the Métropole de Lyon
        ("Les caméras sont financées à hauteur de 400 000 € par la Région Île-de-France.", "Nanterre",
         "Nanterre", "commune"),  # the funder is not the place
        ("La Région a versé 900 000 € aux communes du Gers pour leurs caméras.", "Occitanie", "Gers",
         "departement"),  # the beneficiaries' territory
        ("Une aide aux caméras de 150 000 € pour Auch a été votée.", "Gers", "Auch", "commune"),
        ("Le Département de la Marne lance son aide aux caméras : 40 % des dépenses.", "Marne", "Marne",
         "departement"),  # not the commune La Marne
        ("Le réseau compte 300 caméras, dont 45 dans le 3e arrondissement.", "Lyon", "Lyon", "commune"),
        ("Le quartier de la Madeleine comptera 12 caméras.", "Évreux", "Évreux / La Madeleine", "district"),
        ("Quatre caméras seront posées au Clos Fleuri.", "Dreux", "Dreux / Clos Fleuri", "district"),
        ("La région Auvergne Rhône-Alpes accorde jusqu'à 20 000 euros aux communes pour leurs caméras.",
         None, "Auvergne-Rhône-Alpes", "region"),
        ("Le département finance au plus 50 % des caméras.", "Isère", "Isère", "departement"),
        ("La commune de St-Ouen-l'Aumône compte 60 caméras.", "Cergy", "Saint-Ouen-l'Aumône", "commune"),
        ("L'aide à la vidéoprotection vise les communes de moins de 5 000 habitants.", "Bretagne",
         "communes éligibles", "other"),
        ("La Région accompagne en vidéoprotection les communes de moins de 2 000 habitants.", "Bretagne",
         "communes éligibles", "other"),
    ],
)
def test_places(text, hint, place, kind):
    figure = first(text, place_hint=hint)
    assert (figure.place, figure.place_kind) == (place, kind)


def test_a_threshold_in_an_aid_page_is_eligibility():
    text = "Aide régionale aux caméras.\n\nLe taux est porté à 40 % pour les communes de moins de 3 000 habitants."
    threshold = extract_text(text, place_hint="Bretagne")[-1]
    assert (threshold.metric, threshold.place, threshold.place_kind) == ("population", "communes éligibles", "other")


def test_an_intercommunalites_page_names_its_communes_and_itself_by_usual_names():
    text = "Le Grand Avignon regroupe les images de 180 caméras. Le Pontet en a installé 20 et Vedène 12."
    figures = extract_text(text, place_hint="Grand Avignon")
    assert [(f.value, f.place) for f in figures] == [
        (180, "Grand Avignon"), (20, "Le Pontet (Vaucluse)"), (12, "Vedène")]


def test_the_agglo_of_a_named_commune():
    figure = first("Vienne Agglo gère 70 caméras.", place_hint="Vienne")
    assert (figure.place_kind, figure.place_code) == ("intercommunalite", "200077014")
    figure = first("La Communauté d'agglomération de Vienne a posé 20 caméras.", place_hint="Vienne")
    assert (figure.place_kind, figure.place_code) == ("intercommunalite", "200077014")


def test_homonym_resolved_by_the_hint():
    figure = first("À Saint-Denis, la ville compte 400 caméras.", place_hint="Seine-Saint-Denis")
    assert figure.place_code == "93066"


@pytest.mark.parametrize(
    "text, published, date",
    [
        ("En 2021, la ville comptait 90 caméras.", None, "2021"),
        ("En février 2012, la ville dispose de 700 caméras.", None, "2012-02"),
        ("Au 1er semestre 2023, 44 nouvelles caméras ont été implantées.", None, "2023"),
        ("15 nouvelles caméras seront installées d'ici 2028.", None, "2028"),
        ("La ville disposera de 2 000 caméras à l'horizon 2030.", None, "2030"),
        ("Le plan (2018-2021) prévoit 500 nouvelles caméras.", None, "2021"),
        ("Depuis 2013, la ville a installé 300 caméras.", None, None),
        ("La ville dispose aujourd'hui de 300 caméras.", "2020-05-01", None),
        ("On a posé 20 caméras cet automne.", "2014-01-27", "2013"),
        ("Dix caméras seront installées d'ici la fin de l'année.", "2023-02-01", "2023-12"),
        ("Dix caméras seront installées d'ici la fin de l'année.", None, None),
        ("La ville a 500 caméras. Dans un an, elle devrait en compter 900.", "2014-12-03", "2015"),
        ("Le 20 décembre 2019, la Région a voté 4 millions d'euros pour les caméras.", None, "2019-12-20"),
        ("En 2023, les vols ont baissé de 9 % par rapport à 2020 dans les rues filmées.", None, "2023"),  # a baseline
        ("Cette année, le parc de la ville compte désormais 41 caméras.", "2024-05-02", None),
        ("Par la délibération n° 2022-118, le conseil approuve la pose de 7 caméras.", None, None),  # an identifier
        ("Depuis sa création en 2015, le CSU a permis 400 interpellations.", None, None),  # a start, not a date
        ("En 2012, la ville avait 10 caméras. Cinq ans plus tard, elle en compte 35.", None, "2017"),
        ("Trente caméras ont été installées en 2021 et 2022.", None, "2022"),  # a period's end
        ("Le projet de vidéoprotection coûte 90 000 €, dont 30 % payés par l'État. « En 2016, nous n'avions rien », "
         "dit le maire.",
         None, None),  # the next sentence, in quotes, is another's
        ("La métropole consacrera 3 millions d'euros aux caméras entre 2024 et 2027.", None, "2027"),  # its end
    ],
)
def test_dates(text, published, date):
    assert extract_text(text, published=published)[-1].date == date


def test_homonym_resolved_by_the_town_hall_domain():
    text = "La ville compte 400 caméras."
    assert first(text, place_hint="Saint-Denis").place_code == "97411"  # the most populous, without more
    assert first(text, place_hint="Saint-Denis", source_url="https://ville-saint-denis.fr/securite").place_code \
        == "93066"
    assert first(text, place_hint="Saint-Denis", source_url="https://saintdenis-aude.fr/").place_code == "11339"
    chartres = first(text, place_hint="Chartres", source_url="https://www.chartres.fr/police-municipale")
    assert chartres.place_code == "28085"
