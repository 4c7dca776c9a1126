"""The learned second opinion on a camera count's kind: it overrides the rules only when sure, says so in
--explain, leaves other metrics alone, and is trained reproducibly from annotated passages."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.evaluate import read_corpus
from extractors.figure import Figure
from extractors.kind_model import KINDS, KindModel, kind_features, second_opinion, shipped_model
from extractors.kind_training import record_examples, rules_reading
from vigicam.cli import cli

REAL = Path(__file__).parent / "data" / "real"
TEXT = "Le projet de la commune : 12 caméras dans le centre, pour 30 000 euros."


def figure(metric: str, value: float, evidence: str) -> Figure:
    start = TEXT.index(evidence)
    return Figure(metric, value, "exact", "Bayonne", "commune", None, evidence, start, start + len(evidence), TEXT,
                  why={"metric": "tense.no_tense_rule"})


def model(weight: float) -> KindModel:
    """A model whose one cue, 'projet' before the count, weighs for a plan."""
    return KindModel(("cameras", "cameras_added", "cameras_planned"), (0.0, 0.0, 0.0),
                     {"L:projet": (-weight, 0.0, weight)})


def test_a_sure_model_overrides_the_rules_and_says_so():
    figures = second_opinion([figure("cameras", 12, "12 caméras")], TEXT, None, model(3.0))
    assert (figures[0].metric, figures[0].why["metric"]) == ("cameras_planned", "kind_model over tense.no_tense_rule")


def test_an_unsure_model_leaves_the_rules_answer():
    figures = second_opinion([figure("cameras", 12, "12 caméras")], TEXT, None, model(0.3))
    assert (figures[0].metric, figures[0].why["metric"]) == ("cameras", "tense.no_tense_rule")


def test_other_metrics_are_not_the_models():
    figures = second_opinion([figure("money_eur", 30000, "30 000 euros")], TEXT, None, model(9.0))
    assert figures[0].metric == "money_eur"


def test_the_cues_are_the_words_around_the_count_and_the_rules_answer():
    features = kind_features(TEXT, TEXT.index("12"), TEXT.index("12") + 10, TEXT, "2019-05-01", "tense.future",
                             "cameras_planned")
    assert {"L:projet", "R:dans", "rule=tense.future", "got=cameras_planned", "S:commune"} <= set(features)
    dated = kind_features("Objectif : 12 caméras en 2026.", 11, 21, "Objectif : 12 caméras en 2026.", "2024-01-01",
                          None, "cameras")
    assert dated.get("year_after_pub") == 1.0


def test_the_shipped_model_is_read_and_applied_by_default():
    shipped = shipped_model()
    assert shipped is not None and sorted(shipped.classes) == sorted(KINDS)
    assert any(name.startswith("rule=") for name in shipped.weights)
    probabilities = shipped.probabilities({"rule=tense.no_tense_rule": 1.0, "got=cameras": 1.0})
    assert abs(sum(probabilities.values()) - 1) < 1e-9


def test_training_is_reproducible_and_its_model_is_read_back(tmp_path):
    pytest.importorskip("sklearn")
    corpora = [str(REAL / f"batch-{n:02d}.jsonl") for n in (1, 2, 3)]
    runner = CliRunner()
    for name in ("a.json", "b.json"):
        result = runner.invoke(cli, ["train-kind", *corpora, "--out", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "camera counts from 3 corpora" in result.output
    first, second = (tmp_path / "a.json").read_text(), (tmp_path / "b.json").read_text()
    assert first == second
    # read back without scikit-learn, the model chooses the gold kind of the counts it learnt from at least as
    # often as the rules' own answer, which is one of its cues
    trained = KindModel.from_json(json.loads(first))
    learnt = [e for path in corpora for r in read_corpus(Path(path)) for e in record_examples(r, rules_reading(r))]
    chosen = [max(trained.probabilities(f).items(), key=lambda item: item[1])[0] for f, _ in learnt]
    by_rules = [next(n[4:] for n in f if n.startswith("got=")) for f, _ in learnt]
    gold = [kind for _, kind in learnt]
    assert len(learnt) > 20
    assert sum(map(str.__eq__, chosen, gold)) >= sum(map(str.__eq__, by_rules, gold))


def test_training_on_passages_without_camera_counts_is_a_clear_error(tmp_path):
    pytest.importorskip("sklearn")
    corpus = tmp_path / "empty.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "Le budget est de 3 000 euros.", "figures": []}) + "\n")
    result = CliRunner().invoke(cli, ["train-kind", str(corpus), "--out", str(tmp_path / "m.json")])
    assert result.exit_code != 0 and "fewer than two kinds" in result.output
    assert not (tmp_path / "m.json").exists()
