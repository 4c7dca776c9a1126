"""`vigicam demo`: the newcomer's first five minutes, offline.

Copies the bundled sample site to a temporary folder, serves it on 127.0.0.1, registers its pages,
crawls them (a child process: one Scrapy crawl per process), changes one page's camera count and
crawls again, then shows what vigicam recorded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from storage import open_database
from storage.sources import Source, add_source
from vigicam.child import vigicam_command
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
        vigicam_command(db_path, "crawl", "--delay", "0"),
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
    later = time.time() + 5  # a Last-Modified one second coarse must still move, or the server would answer 304
    os.utime(page, (later, later))


def show_results(db_path: Path, echo: Callable[[str], None]) -> None:
    from vigicam.report_data import ReportData
    from vigicam.reporters import stated, text_report

    db = open_database(db_path)
    echo("\nFigures read on the pages (latest version of each):")
    rows = list(db.query(
        "select f.place, f.metric, f.value, f.qualifier, f.date, f.evidence from figures f "
        "where f.document_id in (select max(document_id) from fetches where document_id is not null "
        "group by source_id) order by f.source_id, f.start"
    ))
    width = max((len(row["place"] or "-") for row in rows), default=0)  # "Vernouillet (Eure-et-Loir)"
    for row in rows:
        echo(f"  {row['place'] or '-':<{width}} {row['metric']:<17} {stated(row['value'], row['qualifier']):>12}  "
             f"{row['date'] or '':<8} {row['evidence']!r}")
    echo("\nWhat changed at the second crawl (vigicam report --last-run):")
    echo(text_report(ReportData(db, last_run=True)).rstrip())
    echo(f"\nThe database is {db_path}: try `vigicam --db {db_path} report --format html > report.html`")
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
