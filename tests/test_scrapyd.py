"""Workers deployed and started by Scrapyd (issue 24): a real Scrapyd on 127.0.0.1, the project sent to it
by `scrapyd-deploy` as users do, two `vigicam_worker` jobs started over its HTTP API on a real Redis
frontier, one writer: the same history as one crawl in one process."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_vigicam
from tests.test_distributed import (
    TABLES,
    HostSite,
    RedisServer,
    free_port,
    host_sites,
    ingest_the_rest,
    register,
    table_rows,
)

SCRAPYD_DEPLOY = Path(sys.executable).with_name("scrapyd-deploy")
pytestmark = [
    pytest.mark.skipif(not shutil.which("redis-server") and not Path("/usr/bin/redis-server").exists(),
                       reason="redis-server is not installed (Debian: apt-get install redis-server)"),
    pytest.mark.skipif(not SCRAPYD_DEPLOY.exists(), reason="scrapyd-client is not installed (pip: vigicam[scrapyd])"),
]
PROJECT_FILES = ("vigicam", "crawler", "extractors", "storage", "scheduler.py", "pyproject.toml", "setup.py",
                 "README.md")


class Scrapyd:
    """A real Scrapyd on a free loopback port, its eggs, logs and queues in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.url = f"http://127.0.0.1:{free_port()}/"
        port = urllib.parse.urlsplit(self.url).port
        (folder / "scrapyd.conf").write_text(
            f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\npoll_interval = 0.2\nmax_proc = 4\n"
            f"eggs_dir = {folder / 'eggs'}\nlogs_dir = {folder / 'logs'}\ndbs_dir = {folder / 'dbs'}\n")
        self.process = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=folder, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.get("daemonstatus.json")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("Scrapyd did not answer in 30 s")

    def get(self, endpoint: str, **query: str) -> dict:
        with urllib.request.urlopen(self.url + endpoint + "?" + urllib.parse.urlencode(query), timeout=10) as answer:
            return json.load(answer)

    def post(self, endpoint: str, fields: list[tuple[str, str]]) -> dict:
        data = urllib.parse.urlencode(fields).encode()
        with urllib.request.urlopen(self.url + endpoint, data=data, timeout=10) as answer:
            return json.load(answer)

    def schedule(self, **settings: object) -> str:
        fields = [("project", "vigicam"), ("spider", "vigicam_worker")]
        fields += [("setting", f"{name}={value}") for name, value in settings.items()]
        answer = self.post("schedule.json", fields)
        assert answer["status"] == "ok", answer
        return answer["jobid"]

    def wait_finished(self, jobs: list[str], seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            finished = {job["id"] for job in self.get("listjobs.json", project="vigicam")["finished"]}
            if set(jobs) <= finished:
                return
            time.sleep(0.2)
        raise AssertionError(f"jobs still running after {seconds} s: {self.get('listjobs.json', project='vigicam')}")

    def log(self, job: str) -> str:
        return (self.folder / "logs" / "vigicam" / "vigicam_worker" / f"{job}.log").read_text()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    """Scrapyd with the project deployed by `scrapyd-deploy` from a copy of its files (the build writes there)."""
    server = Scrapyd(tmp_path_factory.mktemp("scrapyd"))
    project = tmp_path_factory.mktemp("project")
    for name in PROJECT_FILES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, project / name)
    (project / "scrapy.cfg").write_text(f"[settings]\ndefault = crawler.settings\n\n"
                                        f"[deploy]\nurl = {server.url}\nproject = vigicam\n")
    deployed = subprocess.run([str(SCRAPYD_DEPLOY)], cwd=project, capture_output=True, text=True, timeout=120)
    assert deployed.returncode == 0 and '"status": "ok"' in deployed.stdout, deployed.stdout + deployed.stderr
    yield server
    server.stop()


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    server = RedisServer(tmp_path)
    yield server.url
    server.stop()


@pytest.fixture(scope="module")
def hosts() -> Iterator[list[HostSite]]:
    yield from host_sites()


def test_scrapyd_lists_the_worker_spider(scrapyd: Scrapyd) -> None:
    assert "vigicam_worker" in scrapyd.get("listspiders.json", project="vigicam")["spiders"]


def test_a_job_without_the_frontier_says_so_in_its_log(scrapyd: Scrapyd) -> None:
    job = scrapyd.schedule()
    scrapyd.wait_finished([job], 60)
    assert "needs the frontier's Redis: schedule it with setting=VIGICAM_REDIS=" in scrapyd.log(job)


def test_two_scrapyd_jobs_and_a_writer_store_what_one_crawl_stores(tmp_path: Path, scrapyd: Scrapyd, redis_url: str,
                                                                   hosts: list[HostSite]) -> None:
    """Two workers started by Scrapyd share the frontier: each URL fetched once, one request at a time per
    host, the rows of a crawl in one process."""
    single = tmp_path / "single.db"
    register(single, hosts)
    local = run_vigicam(single, "crawl", "--delay", "0", "--workers", "0")
    assert local.returncode == 0, local.stderr
    local_hits = [Counter(path for path, _s, _e in site.log) for site in hosts]
    for site in hosts:
        site.log.clear()

    shared = tmp_path / "shared.db"
    register(shared, hosts)
    fed = run_vigicam(shared, "schedule", "--redis", redis_url, "--max-runs", "1", "--tick", "1s")
    assert fed.returncode == 0 and "18 sources handed to the frontier" in fed.stderr, fed.stderr
    writer = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(shared), "ingest", "--redis", redis_url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        jobs = [scrapyd.schedule(VIGICAM_REDIS=redis_url, VIGICAM_DELAY=0, VIGICAM_IDLE_EXIT=2, LOG_LEVEL="INFO")
                for _ in range(2)]
        scrapyd.wait_finished(jobs)
    finally:
        writer.send_signal(signal.SIGTERM)
        writer.communicate(timeout=60)
    ingest_the_rest(shared, redis_url)

    sent = [int(m.group(1)) if (m := re.search(r"'vigicam/results_sent': (\d+)", scrapyd.log(job))) else 0
            for job in jobs]
    assert sum(sent) == 24, f"results sent by each job: {sent}"
    for site, before in zip(hosts, local_hits, strict=True):
        hits = Counter(path for path, _s, _e in site.log)
        assert hits - Counter({"/robots.txt": 2}) == before - Counter({"/robots.txt": 1})
        assert site.overlaps() == [], f"two requests in flight at once on {site.url}"
    distributed, alone = table_rows(shared), table_rows(single)
    assert {name: (distributed[name] - alone[name], alone[name] - distributed[name]) for name in TABLES
            if distributed[name] != alone[name]} == {}
