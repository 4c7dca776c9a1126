"""A département or région named right after a town to locate it ("Ploërmel dans le Morbihan", "Agde, dans
l'Hérault") is no place of its own: the figure that follows is the town's."""

import pytest

from extractors.pipeline import extract_text


@pytest.mark.parametrize(("text", "place"), [
    ("Un hommage a été rendu au maire de Ploërmel dans le Morbihan, commune où l'on recense plus de 50 caméras.",
     "Ploërmel"),
    ("La commune de Condé-Sainte-Libiaire en Seine-et-Marne a installé une vingtaine de caméras.",
     "Condé-Sainte-Libiaire"),
    ("À Nice dans les Alpes-Maritimes, près de 2 600 caméras filment la ville.", "Nice"),
])
def test_the_town_a_territory_locates_keeps_the_figure(text: str, place: str) -> None:
    assert [f.place for f in extract_text(text) if f.metric.startswith("cameras")] == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("Dans le Morbihan, on recense 500 caméras.", "Morbihan"),  # the territory named for itself
    ("Après Agde, le Morbihan compte désormais 500 caméras.", "Morbihan"),  # not a locator: Agde is in the Hérault
])
def test_a_territory_named_for_itself_keeps_its_figure(text: str, place: str) -> None:
    assert [f.place for f in extract_text(text) if f.metric.startswith("cameras")] == [place]
