"""Each place rule's French examples, read through the whole extractor (extractors/place_rules.py)."""

import pytest

from extractors import extract_text
from extractors.place_rules import PLACE_RULES

EXAMPLES = [(rule.name, i, *example) for rule in PLACE_RULES for i, example in enumerate(rule.examples)]


@pytest.mark.parametrize(("rule", "i", "page_place", "text", "number", "place"), EXAMPLES)
def test_rule_example(rule: str, i: int, page_place: str | None, text: str, number: str, place: str) -> None:
    at = text.index(number)
    figure, = [f for f in extract_text(text, place_hint=page_place) if f.start <= at < f.end]
    assert figure.place == place, f"{rule}: {text}"
    if i == 0:  # a rule's first example is its own case; the others show where it must not apply
        assert figure.why["place"] == rule


def test_every_rule_has_a_name_of_its_own() -> None:
    names = [rule.name for rule in PLACE_RULES]
    assert len(names) == len(set(names))


def test_a_regional_ceiling_is_the_regions_not_the_towns():
    text = ("La Région relève le plafond de subvention de 30 000 à 50 000 euros par an et par commune pour "
            "l'installation d'équipements de vidéoprotection.")
    assert {f.place for f in extract_text(text, place_hint="Labégude") if f.metric == "money_eur"} == {
        "Auvergne-Rhône-Alpes"}
