"""Whether the learned second opinion on a camera count's kind beats the rules, measured on passages it did not
learn from: the real corpus's batches in five folds (batch-NN.jsonl by NN modulo 5), each scored with a model
trained on the other four; and, with --held-out FIRST, the batches from FIRST on scored with a model trained on
the batches before it (the order they were written in).

    python bench/kind_model_cv.py [--folds 5] [--held-out 231] [--threshold 0.7] [--regularisation 1.0]

Prints cameras* (camera metrics) and overall F1 with the rules alone and with the model. The rules read each
passage once; the model only relabels their camera counts, so each fold costs a fit, not a reading. Needs
scikit-learn. Run by hand; no test times anything.
"""

from __future__ import annotations

import argparse
import copy
import re
from pathlib import Path

from extractors import kind_model
from extractors.evaluate import Scores, format_table, match, read_corpus
from extractors.kind_model import KindModel
from extractors.kind_training import REGULARISATION, fit, record_examples, rules_reading
from extractors.pipeline import learned_kinds

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"


def batch_number(path: Path) -> int:
    return int(re.search(r"(\d+)", path.stem).group(1))


def add_scores(scores: Scores, readings: list[tuple[dict, list]], model: KindModel | None) -> Scores:
    """The readings scored into `scores`, each camera count relabelled by `model` when one is given."""
    for record, figures in readings:
        figures = copy.deepcopy(figures)
        if model is not None:
            figures = learned_kinds(figures, record["text"], record.get("published"), model)
        scores.add(str(record["id"]), match(record["text"], record.get("figures", []), [f.to_dict() for f in figures]))
    return scores


def score(readings: list[tuple[dict, list]], model: KindModel | None) -> dict:
    return add_scores(Scores(), readings, model).table()


def line(name: str, table: dict) -> str:
    cam, overall = table["camera_metrics"], table["overall"]
    return (f"{name:<34} cameras* F1 {cam['f1']:.3f} (P {cam['precision']:.3f} / R {cam['recall']:.3f}; tp {cam['tp']},"
            f" fp {cam['fp']}, fn {cam['fn']}), all {overall['f1']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--held-out", type=int, default=None, help="score the batches from this number on")
    parser.add_argument("--threshold", type=float, default=kind_model.MIN_PROBABILITY)
    parser.add_argument("--regularisation", type=float, default=REGULARISATION, help="scikit-learn's C")
    args = parser.parse_args()
    kind_model.MIN_PROBABILITY = args.threshold
    paths = sorted(REAL.glob("batch-*.jsonl"), key=batch_number)
    readings = {p: [(r, rules_reading(r)) for r in read_corpus(p)] for p in paths}
    examples = {p: [e for r, figures in readings[p] for e in record_examples(r, figures)] for p in paths}
    every = [reading for p in paths for reading in readings[p]]
    print(line(f"rules alone, {len(every)} passages", score(every, None)))
    if args.held_out is not None:
        before = [p for p in paths if batch_number(p) < args.held_out]
        after = [reading for p in paths if batch_number(p) >= args.held_out for reading in readings[p]]
        model = KindModel.from_json(fit([e for p in before for e in examples[p]], args.regularisation))
        print(line(f"batches {args.held_out}+ rules alone", score(after, None)))
        print(line(f"batches {args.held_out}+ with model (< {args.held_out})", score(after, model)))
    scores = Scores()
    for fold in range(args.folds):
        inside = [p for p in paths if batch_number(p) % args.folds == fold]
        learnt = [e for p in paths if p not in inside for e in examples[p]]
        model = KindModel.from_json(fit(learnt, args.regularisation))
        add_scores(scores, [reading for p in inside for reading in readings[p]], model)
    print(line(f"with model, {args.folds}-fold by batch", scores.table()))
    print(format_table(scores.table()))


if __name__ == "__main__":
    main()
