"""French numbers: separators, words, approximations, scales — and what is not a number."""

import pytest

from extractors.numbers import find_mentions


def values(text):
    return [(m.value, text[m.start : m.end]) for m in find_mentions(text) if not m.year_like]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("la ville compte 1 200 caméras", [(1200, "1 200")]),
        ("la ville compte 1\u00a0200 caméras", [(1200, "1\u00a0200")]),
        ("la ville compte 1\u202f200 caméras", [(1200, "1\u202f200")]),
        ("la ville compte 1\u2009200 caméras", [(1200, "1\u2009200")]),
        ("la ville compte 1.200 caméras", [(1200, "1.200")]),
        ("une hausse de 12,5 %", [(12.5, "12,5")]),
        ("un budget de 2,5 millions d'euros", [(2_500_000, "2,5 millions")]),
        ("un budget de 1,5 million", [(1_500_000, "1,5 million")]),
        ("un marché de 3 M€", [(3_000_000, "3 M€")]),
        # a point before one or two digits and a scale is a decimal point; a thousands' point stays one
        ("un budget de 1.2 million d'euros", [(1_200_000, "1.2 million")]),
        ("un marché de 2.5 M€", [(2_500_000, "2.5 M€")]),
        ("un coût de 1.200 euros", [(1200, "1.200")]),
        ("un coût de 15k€", [(15_000, "15k€")]),
        ("au moins 15 autres millions", [(15_000_000, "15 autres millions")]),
        ("Quarante-deux agents", [(42, "Quarante-deux")]),
        ("Cent trente-sept communes", [(137, "Cent trente-sept")]),
        ("quatre-vingt-dix caméras", [(90, "quatre-vingt-dix")]),
        ("deux cents caméras", [(200, "deux cents")]),
        ("dix-neuf caméras", [(19, "dix-neuf")]),
        ("une vingtaine de caméras", [(20, "une vingtaine")]),
        ("plus d'une centaine de communes", [(100, "d'une centaine")]),
        ("un millier de caméras", [(1000, "un millier")]),
        ("une bonne dizaine de caméras", [(10, "une bonne dizaine")]),
    ],
)
def test_numbers(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tél. : 01 46 12 72 59",
        "rendez-vous à 21h30",
        "ouvert 24h/24 et 7j/7",
        "16 rue Victor Hugo",
        "16, avenue Jean-Jaurès",
        "Hôtel de ville, 28100 Dreux",
        "la 131e place du classement",
        "la 3ème place en 2019",
        "l'article L251-2 du code",
        "l'amendement n° 704",
        "inscrit à l'action 11 du programme 216",
        "le lot 2 du marché",
        "voir (pages 6 et 7) leur amélioration",  # the second of a pair of identifiers too
        "les articles 12 à 15 du contrat",
        "1/8 des agents",
        "publié le 03/02/2022",
        "une caméra de vidéosurveillance le suit",
        "des dizaines d'yeux",
        "plusieurs centaines de caméras",
        "le 30 janvier dernier",
        "gardées 30 jours",
    ],
)
def test_not_numbers(text):
    assert values(text) == []


@pytest.mark.parametrize(("text", "value"), [("deux millions et demi d'euros", 2_500_000),
                                             ("un million et demi d'euros", 1_500_000),
                                             ("2 millions et demi d'euros", 2_500_000),
                                             ("un demi-million d'euros", 500_000),
                                             ("12 mille euros par caméra", 12_000)])
def test_and_a_half_is_half_the_scale(text, value):
    assert [v for v, _ in values(text)] == [value]


def test_a_word_that_ends_like_an_identifier_word_is_no_identifier():
    assert values("une taxe 5 fois plus lourde") == [(5.0, "5")]  # "taxe" is no "axe"


def test_years_are_marked():
    mentions = find_mentions("en 2014, la ville")
    assert [m.year_like for m in mentions] == [True]


def test_spelled_bounds_joined_by_et_are_two_numbers():
    assert [(m.raw, m.value) for m in find_mentions("Entre six et dix caméras")] == [("six", 6.0), ("dix", 10.0)]
    assert [m.value for m in find_mentions("soixante et onze caméras")] == [71.0]  # one number, whole


def test_densities_told_the_other_way_round():
    from extractors import extract_text

    text = "La ville compte 450 habitants par caméra, et une caméra publique pour 1000 habitants au centre."
    densities = sorted(f.value for f in extract_text(text, place_hint="Lens") if f.metric == "cameras_per_100k")
    assert densities == [100, 222.22]


def test_a_possessive_before_a_noun_of_approximation_opens_a_count():
    """ "Montauban et sa cinquantaine de caméras": the possessive stands where "une" would."""
    text = "la ville et sa cinquantaine de caméras ; leur centaine d'agents"
    found = [(m.raw, m.value, m.approx) for m in find_mentions(text)]
    assert found == [("sa cinquantaine", 50, True), ("leur centaine", 100, True)]


def test_a_time_is_no_number():
    from extractors.numbers import find_mentions

    assert [m.value for m in find_mentions("Publié à 15:15 avec 12 caméras")] == [12]  # as "15h15" is none


def test_a_transcripts_time_does_not_take_the_count_after_it():
    """ "00:07 664 caméras": the timestamp of a spoken line, then the count it says (not "07 664")."""
    from extractors.numbers import find_mentions

    text = "00:06 Oui, bonjour.\n00:07 664 caméras à Nîmes.\n00:12 On est à 680."
    assert [m.value for m in find_mentions(text)] == [664, 680]


def test_a_number_does_not_count_the_noun_of_the_next_paragraph():
    from extractors import extract_text

    text = "Mis à jour à 15 h, le 13 février. Chiffre du jour : 15\n\ncaméras de surveillance filment la gare."
    assert [f.value for f in extract_text(text, place_hint="Dijon") if f.metric == "cameras"] == []


def test_half_a_dozen_is_six_approximately():
    """ "une demi-douzaine de caméras", "la demi-douzaine déjà présentes": a noun of approximation too, which
    "la" opens without a "de" after it (it has no meaning of time, as "la quinzaine" has)."""
    text = "une demi-douzaine de caméras ; en complément de la demi-douzaine déjà présentes"
    found = [(m.raw, m.value, m.approx) for m in find_mentions(text)]
    assert found == [("une demi-douzaine", 6, True), ("la demi-douzaine", 6, True)]


@pytest.mark.parametrize(("text", "expected"), [
    # a noun of approximation with a noun of its own does not continue the cameras before it
    ("Une dizaine de caméras et une quinzaine de panneaux.", [("cameras", 10)]),
    # but "nouvelles", "d'ici" or "d'autres" are no noun of its own
    ("La ville compte 30 caméras et une dizaine d'autres.", [("cameras", 30), ("cameras", 10)]),
])
def test_a_noun_of_approximation_counts_its_own_noun(text, expected):
    from extractors import extract_text

    figures = extract_text(text, place_hint="Tence", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the items of a split by type, a dash between them, or told by where they stand
    ("Ces centres recensent 123 caméras (112 caméras dôme – 11 fixes – 5 nomades).",
     [("cameras", 123), ("cameras", 112), ("cameras", 11), ("cameras", 5)]),
    ("La ville compte 27 caméras, dont 21 sur la voie publique, 5 extérieures et 1 intérieure.",
     [("cameras", 27), ("cameras", 21), ("cameras", 5), ("cameras", 1)]),
])
def test_the_items_of_a_split_by_type(text, expected):
    from extractors import extract_text

    figures = extract_text(text, place_hint="Confolens", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "une nouvelle trentaine": a noun of approximation, of more
    ("La ville va installer une nouvelle trentaine de caméras.", [("cameras_planned", 30)]),
    # a bare count dated by a span of time goes on with the count before it
    ("Le dispositif passera à 200 caméras, avec 25 nouvelles caméras début 2025 puis une nouvelle trentaine entre "
     "fin 2025 et début 2026.", [("cameras_planned", 200), ("cameras_planned", 25), ("cameras_planned", 30)]),
])
def test_a_new_batch_told_by_a_noun_of_approximation(text, expected):
    from extractors import extract_text

    figures = extract_text(text, place_hint="Chalon-sur-Saône", published="2024-11-12", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == expected


def test_digits_inside_a_web_address_are_no_numbers():
    """ "RAA%20005%20du%205" is an address's escaped spaces, no 20005 % and no 5."""
    text = "Adresse : https://www.lozere.gouv.fr/file/RAA%20005%20du%205%20janvier%202026.pdf | la ville a 12 caméras"
    assert values(text) == [(12, "12")]
