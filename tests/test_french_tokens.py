"""The factored French token_match (extractors/french_tokens.py) reads words as spaCy's own pattern does."""

import re

import pytest

from extractors.french_model import parser
from extractors.french_tokens import import_exceptions_module, token_match

MODULE = import_exceptions_module()
ONE_TOKEN = ["faux-vampire", "entr'abat", "arc-en-ciel", "porte-à-porte", "Neuville-sur-Saône", "anti-vol",
             "hip-hop", "Saint-Denis"]
NOT_MATCHED = ["caméras", "Marseille", "c'est-à-dire", "2024-2026"]


@pytest.mark.parametrize("word", ONE_TOKEN + NOT_MATCHED)
def test_factored_pattern_agrees_with_the_alternatives(word: str) -> None:
    alternatives = [re.compile("(?iu)" + part) for part in MODULE._regular_exp]
    expected = any(a.match(word) for a in alternatives)
    assert bool(token_match(MODULE).match(word)) == expected


def test_the_parser_keeps_hyphenated_words_whole() -> None:
    words = [t.text for t in parser()("Saint-Denis installe des caméras anti-vol en porte-à-porte.")]
    assert words[:2] == ["Saint-Denis", "installe"] and "anti-vol" in words and "porte-à-porte" in words
