"""Starting vigicam in a child process (one crawl per process: Twisted's reactor cannot restart)."""

from __future__ import annotations

import sys
from pathlib import Path


def vigicam_command(db_path: Path, *args: str) -> list[str]:
    """`python -P -m vigicam --db PATH ARGS…`. `python -m` puts the working directory first on the child's
    sys.path, so a `vigicam/` folder there shadowed the installed package and every crawl failed; -P
    leaves it out (PYTHONPATH and the installed packages are read as usual)."""
    return [sys.executable, "-P", "-m", "vigicam", "--db", str(db_path), *args]
