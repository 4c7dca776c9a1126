"""Invented municipal, press and council passages (tests/data/invented.jsonl), annotated by the rules
of GUIDELINES.md: each set of them was written blind, scored (overall F1 from 0.755 to 0.963; the
README lists them) and then served to find the general French the extractors lacked. They now guard
those rules as a whole, beside the one-sentence tests of test_extract_rules."""

from pathlib import Path

from extractors.evaluate import evaluate

INVENTED = Path(__file__).parent / "data" / "invented.jsonl"


def test_figures_of_invented_passages():
    table, errors = evaluate(INVENTED)
    assert table["overall"]["f1"] >= 0.95, errors
    assert table["camera_metrics"]["f1"] >= 0.95, errors
    assert table["accuracy"]["qualifier"] >= 0.98, errors
