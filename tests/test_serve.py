"""`vigicam serve` for real: Datasette over HTTP on 127.0.0.1, against a database filled by a real crawl."""

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import copy_database, run_vigicam
from tests.load_harness import crawl_in_loop, hammer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory, demo_run):
    demo, made = demo_run  # the demo's database (tests/conftest.py), copied: the tests below crawl into it
    assert demo.returncode == 0, demo.stderr
    db_path = tmp_path_factory.mktemp("serve") / "vc.db"
    copy_database(made, db_path)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            get(base + "/-/versions.json")
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    yield base + "/vc", db_path
    process.terminate()
    process.wait(20)


def rows(url: str):
    status, body = get(url + ("&" if "?" in url else "?") + "_shape=array")
    assert status == 200
    return json.loads(body)


def test_canned_queries_answer_with_the_crawled_rows(served):
    base, _ = served
    latest = rows(base + "/latest_figures_for_place.json?place=Dreux")
    assert ("cameras", 71.0) in {(r["metric"], r["value"]) for r in latest}
    series = rows(base + "/place_series.json?place=Dreux&metric=cameras")
    assert [r["value"] for r in series][:2] == [64.0, 71.0] or {64.0, 71.0} <= {r["value"] for r in series}
    changes = rows(base + "/changes_since.json?since=2000-01-01")
    assert any(r["kind"] == "changed" and (r["old_value"], r["new_value"]) == (64, 71) for r in changes)
    ranking = rows(base + "/ranking_per_100k.json")
    dreux = next(r for r in ranking if r["name"] == "Dreux")
    assert dreux["disagrees"] == 1 and dreux["population_year"] == 2016
    disagree = rows(base + "/sources_disagree.json")
    assert any(r["place"] == "Dreux" and r["metric"] == "cameras" for r in disagree)
    assert rows(base + "/failing_sources.json?stale_days=30") == []
    status, feed = get(base + "/changes_feed.atom")
    assert status == 200 and "<feed" in feed


def test_a_page_asked_again_is_not_rendered_again(served):
    base, _ = served
    words = []
    for _ in range(2):
        with urllib.request.urlopen(base + "/changes?_facet=place", timeout=10) as response:
            words.append(response.headers["x-vigicam-cache"])
    assert words == ["miss", "hit"]


def test_writes_are_refused(served):
    base, db_path = served
    with pytest.raises(urllib.error.HTTPError):
        get(base + ".json?sql=" + urllib.request.quote("delete from figures"))
    assert rows(base + ".json?sql=" + urllib.request.quote("select count(*) as n from figures"))[0]["n"] > 0


def test_full_text_search_and_metadata(served):
    base, _ = served
    found = rows(base + "/figures.json?_search=" + urllib.request.quote("opérateurs"))
    assert found and all("opérateurs" in r["sentence"] for r in found)
    status, body = get(base.rsplit("/", 1)[0] + "/-/metadata.json")
    assert "vigicam" in json.loads(body)["title"]


def test_answers_while_a_crawl_writes(served, site):
    base, db_path = served
    add = run_vigicam(db_path, "sources", "add", site.url + "/index.html", "--place", "Dreux")
    assert add.returncode == 0, add.stderr
    crawl = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), "crawl", "--delay", "0",
                              "--source", site.url + "/index.html"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    answers = 0
    while crawl.poll() is None or answers < 5:
        assert rows(base + "/latest_figures_for_place.json?place=Dreux")
        answers += 1
    assert crawl.returncode == 0, crawl.stderr.read()


def test_ten_clients_while_crawls_write(served, site):
    base, db_path = served
    assert run_vigicam(db_path, "sources", "add", site.url + "/index.html", "--place", "Dreux").returncode == 0
    stop = threading.Event()
    codes: list[int] = []
    writer = threading.Thread(target=lambda: codes.extend(crawl_in_loop(db_path, stop)))
    writer.start()
    try:
        result = hammer(base, clients=10, seconds=5)
    finally:
        stop.set()
        writer.join()
    assert result.errors == [] and result.wrong == 0
    assert result.answers > 20 and codes and set(codes) == {0}


def listening_addresses(port: int) -> set[str]:
    """Local addresses listening on `port`, from the kernel's own table (/proc/net/tcp, tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            for line in list(lines)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address)
    return found


def test_serve_listens_on_loopback_only_and_refuses_attach(served):
    base, _ = served
    port = int(base.split(":")[2].split("/")[0])
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, not 0.0.0.0
    for sql in ("attach database '/etc/passwd' as x", "select load_extension('/tmp/x')",
                "pragma writable_schema = 1"):
        with pytest.raises(urllib.error.HTTPError):
            get(base + ".json?sql=" + urllib.request.quote(sql))
