"""`vigicam serve`: Datasette on the database, configured by vigicam/datasette/metadata.yaml."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

import vigicam.datasette
from vigicam.serve_guard import DEFAULT_MAX_MEMORY_MB, bound_memory, env_number


def metadata_for(db_path: Path) -> dict[str, Any]:
    """The shipped metadata, with its database key renamed to the file's name (Datasette's name for it)."""
    text = resources.files("vigicam").joinpath("datasette/metadata.yaml").read_text(encoding="utf-8")
    metadata = yaml.safe_load(text)
    metadata["databases"] = {db_path.stem: metadata["databases"]["vigicam"]}
    return metadata


def metadata_file(db_path: Path) -> str:
    """A path Datasette reads the metadata from, once, at start. Where /dev/fd exists it is a file without
    a name, inherited through exec: nothing is left behind however serve ends (a named file leaked one
    per `serve`, since exec leaves no one to delete it)."""
    if not os.path.isdir("/dev/fd"):
        handle, path = tempfile.mkstemp(prefix="vigicam-datasette-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(metadata_for(db_path), out, ensure_ascii=False)
        return path
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        json.dump(metadata_for(db_path), out, ensure_ascii=False)
        out.flush()
        fd = os.dup(out.fileno())  # outlives `out`
    os.set_inheritable(fd, True)  # and crosses exec
    os.lseek(fd, 0, os.SEEK_SET)
    return f"/dev/fd/{fd}"


def serve_command(db_path: Path, host: str, port: int) -> list[str]:
    """Datasette with vigicam's metadata and its guards (vigicam/datasette/guard_plugin.py, told the bound
    address through VIGICAM_SERVE_BOUND)."""
    metadata_path = metadata_file(db_path)
    plugins_dir = str(Path(vigicam.datasette.__file__).parent)
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", metadata_path,
            "--plugins-dir", plugins_dir,
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000",
            "--setting", "default_page_size", "100",
            # suggesting facets tries each column of the table, 2.7 s a page of 100,000 events (0.14 s without)
            "--setting", "suggest_facets", "off"]


def serve(db_path: Path, host: str, port: int) -> None:
    """Replace this process with Datasette (so signals reach it directly), its memory bounded."""
    command = serve_command(db_path, host, port)
    os.environ["VIGICAM_SERVE_BOUND"] = host
    bound_memory(int(env_number("VIGICAM_SERVE_MAX_MEMORY_MB", DEFAULT_MAX_MEMORY_MB)))
    os.execv(command[0], command)
