"""The real `python -m vigicam` in a child process, forked from a process that has already imported vigicam
and Scrapy and loaded the French model (tests/conftest.py's `run_vigicam`).

Why: a fresh interpreter spends about 5 s of CPU importing Scrapy and loading spaCy's French model before a
crawl reads its first page; the suite runs some 150 commands that way. Forked from a warm process, each
command is still a new process running the real CLI (its own reactor, its own SQLite connections, its own
signals, fds and exit code); only the imports and the model load, identical in every run, are paid once per
pytest worker. The crawl forks its page readers after loading the model in exactly this way.

What a warm child cannot show: anything about a fresh interpreter's start (what it imports, when the model
loads, sys.path from the working directory). Tests about that run a fresh process (`run_vigicam(...,
fresh=True)` or subprocess), and `VIGICAM_TESTS_FRESH=1` makes every command fresh.

Protocol, one JSON line each way on stdin/stdout: the test sends {"args", "env", "out", "err"}; this process forks,
answers {"pid"} at once, then {"code"} when the child has ended.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from typing import Any

PROG_NAME = "python -m vigicam"  # what click names the program when run as `python -m vigicam`


# Settings naming the classes a crawl loads by name when it starts (scrapy.utils.misc.load_object).
COMPONENT_TABLES = ("DOWNLOAD_HANDLERS", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS", "ITEM_PIPELINES")
COMPONENTS = ("DOWNLOADER", "SCHEDULER", "SCHEDULER_PRIORITY_QUEUE", "SCHEDULER_MEMORY_QUEUE", "SCHEDULER_DISK_QUEUE",
              "DUPEFILTER_CLASS", "STATS_CLASS", "LOG_FORMATTER", "TWISTED_DNS_RESOLVER", "ROBOTSTXT_PARSER",
              "REQUEST_FINGERPRINTER_CLASS", "SPIDER_LOADER_CLASS")


def import_crawl_components() -> None:
    """Import the handlers, middlewares, extensions, scheduler and queues the crawl's settings name: each
    crawl imported them anew after the fork, 0.4-0.8 s of CPU a crawl (Scrapy's TLS context factory inspects
    the stack for a deprecation warning, its remote-control extension imports aiohttp)."""
    from scrapy.settings import Settings
    from scrapy.utils.misc import load_object

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    paths = [settings.get(name) for name in COMPONENTS]
    for table in COMPONENT_TABLES:
        for key, value in settings.getwithbase(table).items():
            paths.append(value if table == "DOWNLOAD_HANDLERS" else key if value is not None else None)
    for path in paths:
        if isinstance(path, str):
            load_object(path)


def warm() -> None:
    """Import what every command imports and load what every crawl loads; install no reactor."""
    import vigicam.cli  # noqa: F401
    import vigicam.crawl  # noqa: F401
    from extractors.reading import warm_up

    import_crawl_components()
    warm_up()
    assert "twisted.internet.reactor" not in sys.modules, "a warm parent must leave the reactor to each child"


def run_child(request: dict[str, Any]) -> int:
    """In the forked child: the command's fds, then the real CLI; its exit code."""
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for fd, target in ((null, 0), (out, 1), (err, 2)):
        os.dup2(fd, target)
        os.close(fd)
    os.environ.clear()  # the test's environment at this command, as subprocess would pass it
    os.environ.update(request["env"])
    from vigicam.cli import cli

    sys.argv = ["vigicam", *request["args"]]
    try:
        cli.main(args=request["args"], prog_name=PROG_NAME)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    return 0


def serve() -> int | None:
    """The parent's loop; returns in a forked child only, with the child's exit code."""
    requests, answers = sys.stdin, sys.stdout
    for line in requests:
        request = json.loads(line)
        answers.flush()
        sys.stderr.flush()
        # the parent's objects (the French model, the gazetteer, the modules) out of the collector's reach in
        # the child: its exit took 0.85 s, the last collection writing to every page the fork shared (0.17 s
        # now); the command's own objects are collected and finalized as in any process
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # sys.stdin and sys.stdout stay as a fresh process has them: on fds 0 and 1, now the command's
            return run_child(request)
        print(json.dumps({"pid": pid}), file=answers, flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"code": os.waitstatus_to_exitcode(status)}), file=answers, flush=True)
    return None


if __name__ == "__main__":
    warm()
    print(json.dumps({"ready": True}), flush=True)
    code = serve()
    if code is not None:  # the child ends as `python -m vigicam` does: stdio flushed, atexit handlers run
        sys.exit(code)
