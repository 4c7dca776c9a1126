"""Load: 50 concurrent clients on `vigicam serve` for 30 seconds while crawls write to the same
database; every answer is checked against what the demo database must hold.

    python bench/bench_serve_load.py [--clients 50] [--seconds 30]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.load_harness import crawl_in_loop, hammer, start_serve  # noqa: E402
from tests.test_serve import free_port  # noqa: E402
from vigicam.localsite import LocalSite  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    db_path = Path(tempfile.mkdtemp(prefix="vigicam-bench-load-")) / "vc.db"
    subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), "demo"], check=True,
                   capture_output=True)
    from importlib import resources

    with resources.as_file(resources.files("vigicam").joinpath("sample_site")) as folder, LocalSite(folder) as site:
        subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), "sources", "add",
                        site.url + "/index.html", "--place", "Dreux", "--follow"], check=True, capture_output=True)
        port = free_port()
        server = start_serve(db_path, port)
        stop = threading.Event()
        codes: list[int] = []
        writer = threading.Thread(target=lambda: codes.extend(crawl_in_loop(db_path, stop)))
        writer.start()
        try:
            result = hammer(f"http://127.0.0.1:{port}/vc", args.clients, args.seconds)
        finally:
            stop.set()
            writer.join()
            server.terminate()
    print(f"{args.clients} clients for {args.seconds:.0f} s: {result.answers} answers "
          f"({result.answers / args.seconds:.0f}/s), {result.wrong} wrong, {len(result.errors)} errors "
          f"({result.locked} 'database is locked'); {len(codes)} crawls wrote meanwhile, "
          f"exit codes {sorted(set(codes))}")
    for error in result.errors[:5]:
        print("  ", error)


if __name__ == "__main__":
    main()
