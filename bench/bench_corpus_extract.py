"""Extraction speed on real passages (tests/data/real): passages per second on one core, how many
sentences the parser read, and peak memory with spaCy's model loaded.

    python bench/bench_corpus_extract.py [--repeat 3] [CORPUS.jsonl …]

CPU time of this process, the best of `--repeat` passes after a first pass that loads the model and
fills nothing else (each passage is a new Extractor, so nothing is cached between passes but the
model). Run by hand; no test times anything.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from extractors import french_model as syntax
from extractors.evaluate import extract_record, read_corpus

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = args.corpora or sorted(REAL.glob("batch-*.jsonl"))
    records = [r for path in paths for r in read_corpus(path)]
    characters = sum(len(r["text"]) for r in records)
    for record in records:  # warm-up: the model and the gazetteer loaded
        extract_record(record)
    best, figures = float("inf"), 0
    for _ in range(args.repeat):
        syntax.PARSED.clear()
        start = time.process_time()
        figures = sum(len(extract_record(r)) for r in records)
        best = min(best, time.process_time() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(records)} real passages ({characters / len(records):.0f} characters each), {figures} figures: "
          f"{len(records) / best:.0f} passages/s on one core ({1000 * best / len(records):.1f} ms each)")
    calls = syntax.PARSED["sentences"]
    print(f"sentences parsed by spaCy: {calls} a pass ({calls / len(records):.2f} a passage)")
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
