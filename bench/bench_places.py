"""Gazetteer load time and name resolution speed.

    python bench/bench_places.py
"""

from __future__ import annotations

import random
import time

from extractors.gazetteer import load_gazetteer


def main() -> None:
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    print(f"load: {(time.perf_counter() - started) * 1000:.0f} ms for {len(gazetteer.places)} places")
    names = [p.name for p in gazetteer.places]
    rng = random.Random(1)
    variants = [rng.choice([n, n.upper(), n.replace("-", " "), n.replace("Saint-", "St-")]) for n in names]
    started = time.perf_counter()
    resolved = sum(1 for n in variants if gazetteer.lookup(n))
    elapsed = time.perf_counter() - started
    print(f"resolution: {len(variants) / elapsed:,.0f} names/s ({resolved}/{len(variants)} resolved)")


if __name__ == "__main__":
    main()
