"""Counts of sites watched and of the centre's staff (guidelines 2.5, `other`), by the nouns that say so."""

import pytest

from extractors import extract_text

CASES = [
    ("La ville compte 40 caméras réparties sur 7 points de surveillance stratégique.", 7),
    ("Le réseau de caméras couvre cinq points névralgiques de la commune.", 5),
    ("La commune a installé 21 mâts de vidéoprotection équipés de caméras.", 21),
    ("Le centre de supervision des caméras a créé 30 nouveaux emplois.", 30),
    ("Les caméras offrent 26 vues de lieux stratégiques de la ville.", 26),
    ("Le centre a traité 47 demandes de visionnage des images des caméras.", 47),
    ("Les caméras de vidéoprotection surveillent 19 ensembles d'habitation.", 19),
    ("La France compte 768 centres de supervision urbains reliés à des caméras.", 768),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_sites_and_staff_are_other(text: str, value: int) -> None:
    assert ("other", value) in [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]
