"""Where the network goes, from where it is: "On passe de 30 à 70", "l'objectif était de passer à 20",
"portant ainsi son nombre à plus de 160" (extractors.bare_rules._passing_to); not when something else goes there."""

import pytest

from extractors import extract_text


@pytest.mark.parametrize(("text", "expected"), [
    ("« Nous voulons augmenter le nombre de caméras. On passe de 30 à 70 », annonce le maire.",
     [("cameras", 30), ("cameras_planned", 70)]),
    ("La Ville passera d'ici la fin de l'année prochaine de 275 caméras actuellement à 315 fin 2025.",
     [("cameras", 275), ("cameras_planned", 315)]),
    ("Une troisième phase est prévue, avec 50 caméras de plus, portant ainsi son nombre à plus de 160.",
     [("cameras_planned", 50), ("cameras_planned", 160)]),
    # the present participle: "passant de vingt à quarante"
    ("La saison prochaine, le stade verra son nombre de caméras de vidéosurveillance doubler, passant de vingt à "
     "quarante.", [("cameras", 20), ("cameras_planned", 40)]),
    # a verb of rising says where the count goes, as "passer à" does
    ("Le nombre de caméras est de 40. Il devrait grimper à 60 l'an prochain.",
     [("cameras", 40), ("cameras_planned", 60)]),
    ("Les caméras filment les rues depuis 2001 ; leur réseau devrait ensuite monter à 219.",
     [("cameras_planned", 219)]),
    ("Le coût des caméras devrait monter à 30 000 euros.", []),
    # something else counted goes from one number to another
    ("Le nombre de communes reliées au CSU a doublé en quatre ans, passant de quatre à huit.", []),
    ("Les événements filmés par les 69 caméras sont passés cette année à 1747.", [("cameras", 69)]),
    ("Les caméras arrivent et les agents passeront de six à sept.", []),
    ("Le nombre d'infractions que peuvent constater des caméras passe ainsi de quatre à onze.", []),
    ("Pour la vidéosurveillance, le comité d'éthique passe de quinze à dix-huit membres.", []),
    ("Avec les caméras, le maire veut faire passer son équipe de policiers municipaux de 12 à 20 agents.", []),
])
def test_passing_to(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Ouistreham")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_the_next_sentences_count_of_agents_is_no_part_of_the_cameras() -> None:
    """ "… 225 caméras. Les agents passeront de six à huit.": the parse's sub-count of the total before is
    no part of it when the words before the number name something else counted."""
    figures = extract_text("La ville compte 225 caméras. Les agents passeront de six à huit.", place_hint="Vichy")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 225)]


@pytest.mark.parametrize(("text", "expected"), [
    # the total a network is brought to, its noun after the number ("porter le dispositif à 28" turned round)
    ("Fin 2016, cinq autres nouvelles caméras seront installées, pour porter à 28 le dispositif.",
     [("cameras_planned", 5), ("cameras_planned", 28)]),
    # a total between "porter à" and "le nombre de" is no year
    ("Une troisième phase portera à 2000 le nombre de caméras en fonctionnement.", [("cameras_planned", 2000)]),
    ("Tripler d'ici à 2009 le nombre de caméras installées sur la voie publique.", []),
    ("La ville a décidé de porter à 12 le nombre de policiers municipaux, près des caméras.", []),
    # the noun before the number: a stock after what was added, a plan after what is to come
    ("La ville a installé 8 caméras, portant le nombre total à 57.", [("cameras_added", 8), ("cameras", 57)]),
    ("Le conseil a voté 10 nouvelles caméras d'ici la fin de l'année, portant le nombre total à 103.",
     [("cameras_planned", 10), ("cameras_planned", 103)]),
])
def test_brought_to(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Ouistreham")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_a_distributive_aside_is_no_count_of_its_own() -> None:
    """ "…, chacune à quatre têtes, entreront en service": the verb after the aside is still the count's."""
    text = "Une cinquantaine de caméras, chacune à quatre têtes, entreront en service d'ici le milieu de l'année."
    figures = extract_text(text, place_hint="Calais")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == [("cameras_planned", 50)]


def test_where_a_network_would_go_from_is_there_now() -> None:
    """ "qui passerait de 32 caméras à 40": the conditional says where it would go, not where it is."""
    figures = extract_text("Le débat porte sur le réseau de la ville, qui passerait de 32 caméras à 40 fixes.",
                           place_hint="Rennes")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 32), ("cameras_planned", 40)]


@pytest.mark.parametrize(("text", "expected"), [
    # a hedge on where the series goes leaves where it starts a stock
    ("Le projet va quadrupler le nombre de caméras, celles-ci devant passer de 330 à plus de 1 200.",
     [("cameras", 330), ("cameras_planned", 1200)]),
    ("Le parc est passé de 40 à près de 90 caméras.", [("cameras", 40), ("cameras", 90)]),
    # a hedge far from where the series starts is another thing's
    ("Il serait l'auteur de plus de 130 incendies, pour un préjudice estimé à près de 200 000 euros.", []),
])
def test_a_hedged_end_of_a_series(text: str, expected: list[tuple[str, float]]) -> None:
    figures = extract_text(text, place_hint="Paris")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_an_amount_far_after_a_count_is_no_series_end() -> None:
    text = ("Grâce à la vidéoprotection, la police a interpellé un homme. Il serait l'auteur de plus de 130 "
            "incendies, pour un préjudice estimé à près de 200 000 euros.")
    assert 130 not in [f.value for f in extract_text(text, place_hint="Marseille")]
