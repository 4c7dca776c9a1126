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
    # the word rules see an infinitive right before a count ('tense.to_install'); one further off, the parse
    figure, = extract_text("La ville s'apprête à installer dans le centre 25 caméras.", place_hint="Lens")
    assert figure.why["metric"] == "intention_over_infinitive"


def test_a_sentence_too_long_to_parse_keeps_the_word_rules() -> None:
    long = "La ville s'apprête à installer 25 caméras" + ", et des bancs" * 100 + "."
    figure, = extract_text(long, place_hint="Lens")
    # the word rules alone decided (a rule of extractors.tense): the parse was not made
    assert figure.why["metric"].startswith("tense."), figure.why


def test_explain_names_the_word_rule_that_decided_a_kind() -> None:
    """The metric rule ('series_start') or, inside camera_tense, the tense rule ('tense.future') by name."""
    figures = extract_text("Le parc de la ville va passer de 100 à 150 caméras.", place_hint="Sens")
    assert [(f.value, f.why["metric"]) for f in figures] == [(100, "series_start"), (150, "tense.future")]


def test_explain_names_each_attributes_rule(tmp_path) -> None:
    from click.testing import CliRunner

    from vigicam.cli import cli

    page = tmp_path / "page.txt"
    page.write_text("La ville s'apprête à installer dans le centre 25 caméras.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(page), "--place", "Lens", "--explain"])
    assert result.exit_code == 0, result.output
    assert "metric by intention_over_infinitive; qualifier by no_hedge" in result.output


def test_eval_errors_name_the_rule(tmp_path) -> None:
    from extractors.evaluate import evaluate

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "x", "text": "La ville s\'apprête à installer dans le centre 25 caméras.", '
                      '"place_hint": "Lens", '
                      '"figures": [{"metric": "cameras", "value": 25, "qualifier": "exact", "place": "Lens", '
                      '"place_kind": "commune", "date": null, "evidence": "25 caméras"}]}\n', encoding="utf-8")
    _, errors = evaluate(corpus)
    assert "x extra: cameras_planned 25 '25 caméras' [rule: intention_over_infinitive]" in errors


def test_a_page_of_thousands_of_camera_sentences_is_parsed_within_its_budget() -> None:
    from extractors import french_model as syntax

    page = " ".join(f"La commune {i} s'apprête à installer {i % 50 + 2} caméras." for i in range(1_000))
    syntax.PARSED.clear()
    figures = extract_text(page, place_hint="Lens")
    assert syntax.PARSED["sentences"] == syntax.MAX_PARSES_PER_PAGE
    assert len(figures) >= 50  # the rest read by the word rules alone


def test_place_and_date_name_their_rules() -> None:
    text = ("Nombre de caméras\n\n2021\n\n2022\n\nVoie publique\n\n34\n\n41\n\nBâtiments\n\n12\n\n15\n\n"
            "Le dispositif de vidéoprotection de la ville.")
    figures = [f for f in extract_text(text, place_hint="Lens") if f.value == 41]
    assert figures and figures[0].why["date"] == "column_year"
    figure, = extract_text("Le Cantal compte 160 caméras. Des villages équipés : Jaleyrac (4), Talizat (2).",
                           place_hint="Cantal")[1:2]
    assert (figure.place, figure.why["place"]) == ("Jaleyrac", "sentence_words")
    figure, = extract_text("Le réseau compte 40 caméras.", place_hint="Lens")
    assert (figure.place, figure.why["place"]) == ("Lens", "page_place")


def test_a_past_installation_is_an_addition_only_when_a_programme_enabled_it_or_it_is_new() -> None:
    """GUIDELINES: an installation that set up the whole network told of is its stock ("l'installation de 12
    caméras dans le village a coûté 60 000 euros"); one a fund or an aid made possible, or of new cameras, added."""
    from extractors.syntax import NumberSyntax, Time

    rule = next(r for r in REVIEW_RULES if r.name == "past_operation")

    def told(verb: str, new: bool = False) -> NumberSyntax:
        return NumberSyntax(noun="caméra", verb=verb, time=Time.PAST, intention=None, definite=False, finite=verb,
                            operation="installation", new=new)

    assert not rule.applies(told("coûter"))
    assert rule.applies(told("permettre"))
    assert rule.applies(told("financer"))
    assert rule.applies(told("coûter", new=True))
