"""Passages rewritten from real public pages (tests/data/real/batch-NN.jsonl), annotated by GUIDELINES.md.
Each batch was scored blind before the rules were mended against it (the README lists those scores);
together they now guard the rules as a whole against a fall, beside the one-sentence tests."""

import json
from pathlib import Path

from extractors.evaluate import evaluate

REAL = Path(__file__).parent / "data" / "real"


def test_the_real_batches_are_whole(tmp_path: Path) -> None:
    sources = set()
    for path in sorted(REAL.glob("batch-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            sources.add(record["source"])
            assert all(f["evidence"] in record["text"] for f in record["figures"]), record["id"]
    assert len(sources) >= 150


def test_figures_of_real_passages(tmp_path: Path) -> None:
    corpus = tmp_path / "real.jsonl"
    corpus.write_text("".join(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("batch-*.jsonl"))),
                      encoding="utf-8")
    table, errors = evaluate(corpus)
    assert table["camera_metrics"]["f1"] >= 0.76, errors
    assert table["overall"]["f1"] >= 0.78, errors
    assert table["accuracy"]["qualifier"] >= 0.93, errors
