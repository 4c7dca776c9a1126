"""`vigicam demo`: the newcomer's first five minutes, offline.

Copies the bundled sample site to a temporary folder, serves it on 127.0.0.1, registers its pages,
crawls them (a child process: one Scrapy crawl per process), changes one page's camera count and
crawls again, then shows what vigicam recorded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from storage import open_database
from storage.sources import Source, add_source
from vigicam.config import ConfigError
from vigicam.localsite import LocalSite

# (path on the sample site, place, kind)
DEMO_PAGES = [
    ("/ville/police-municipale.html", "Dreux", "commune"),
    ("/agglo/actualites/videoprotection.html", "Agglo du Pays de Dreux", "intercommunalite"),
    ("/region/aides/videoprotection.html", "Centre-Val de Loire", "region"),
    ("/presse/dreux-cameras.html", "Dreux", "press"),
]
CHANGED_PAGE = "ville/police-municipale.html"
CHANGE = ("des 64 caméras", "des 71 caméras")
DATE_CHANGE = ("Mis à jour le 12/03/2024", "Mis à jour le 02/09/2024")


def copy_sample_site(target: Path) -> Path:
    source = resources.files("vigicam").joinpath("sample_site")
    with resources.as_file(source) as folder:
        shutil.copytree(folder, target)
    return target


def crawl_in_child(db_path: Path, echo: Callable[[str], None]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vigicam", "--db", str(db_path), "crawl", "--delay", "0"],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"crawl failed: {result.stderr.strip()[-500:]}")
    echo(result.stdout.strip())


def change_page(site_root: Path) -> None:
    page = site_root / CHANGED_PAGE
    text = page.read_text(encoding="utf-8")
    for old, new in (CHANGE, DATE_CHANGE):
        text = text.replace(old, new)
    page.write_text(text, encoding="utf-8")


def show_results(db_path: Path, echo: Callable[[str], None]) -> None:
    db = open_database(db_path)
    echo("\nFetches:")
    for row in db.query("select f.id, f.outcome, f.http_status, s.place, f.url from fetches f "
                        "join sources s on s.id = f.source_id order by f.id"):
        echo(f"  #{row['id']:<3} {row['outcome']:<13} {row['http_status'] or '-':<4} {row['place']}")
    documents = db.execute("select count(*) from documents").fetchone()[0]
    echo(f"\n{documents} distinct documents stored in {db_path}")
    db.close()


def run_demo(db_path: Path | None, *, keep: bool, echo: Callable[[str], None]) -> Path:
    workdir = Path(tempfile.mkdtemp(prefix="vigicam-demo-"))
    db_path = db_path or workdir / "demo.db"
    if db_path.exists():
        raise ConfigError(f"{db_path} exists: the demo wants a fresh database")
    site_root = copy_sample_site(workdir / "site")
    try:
        with LocalSite(site_root) as site:
            echo(f"Serving the sample site at {site.url}")
            db = open_database(db_path)
            for path, place, kind in DEMO_PAGES:
                add_source(db, Source(url=site.url + path, place=place, kind=kind))
            db.close()
            echo(f"Registered {len(DEMO_PAGES)} pages. First crawl:")
            crawl_in_child(db_path, echo)
            change_page(site_root)
            echo(f"\nChanged {CHANGED_PAGE}: '{CHANGE[0]}' → '{CHANGE[1]}' (and its date line). Second crawl:")
            crawl_in_child(db_path, echo)
        show_results(db_path, echo)
    finally:
        if not keep:
            shutil.rmtree(site_root, ignore_errors=True)
    return db_path
