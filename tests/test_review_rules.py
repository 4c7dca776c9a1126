"""Each syntax review rule's French examples, read through the whole extractor (extractors/review.py)."""

import pytest

from extractors import extract_text
from extractors.review import REVIEW_RULES

EXAMPLES = [(rule.name, *example) for rule in REVIEW_RULES for example in rule.examples]


@pytest.mark.parametrize(("rule", "sentence", "number", "metric"), EXAMPLES)
def test_rule_example(rule: str, sentence: str, number: str, metric: str) -> None:
    at = sentence.index(number)
    figures = [f for f in extract_text(sentence, place_hint="Lens") if f.start <= at < f.end]
    assert [f.metric for f in figures] == [metric], f"{rule}: {sentence}"


def test_the_deciding_rule_is_named() -> None:
    figure, = extract_text("La ville s'apprête à installer 25 caméras.", place_hint="Lens")
    assert figure.why["metric"] == "intention_over_infinitive"


def test_a_sentence_too_long_to_parse_keeps_the_word_rules() -> None:
    long = "La ville s'apprête à installer 25 caméras" + ", et des bancs" * 100 + "."
    figure, = extract_text(long, place_hint="Lens")
    assert "metric" not in figure.why  # the word rules alone decided: the parse was not made
