"""The quiet second layer (issue 21 item 6): a watched paragraph that changed with no figure event is one
`text_changed` event; noise never is. Pages are stored and compared as a crawl does (real extractor, real
SQLite file, detect_for_fetch); the crawl itself is in tests/test_quiet_layer_crawl.py."""

from __future__ import annotations

import hashlib
import random

import pytest

from extractors import EXTRACTOR_VERSION, extract_text
from storage import open_database
from storage.changes import detect_for_fetch
from storage.db import utcnow
from storage.history import insert_document, insert_extraction, record_fetch
from storage.paragraphs import changed_paragraphs, normalise, watched
from storage.sources import Source, add_source

URL = "http://127.0.0.1:9/ville/videoprotection.html"

FIGURES = [  # watched paragraphs the extractor reads (one figure each)
    "La ville de Dreux compte aujourd'hui {} caméras de vidéoprotection réparties dans les quartiers.",
    "{} opérateurs se relaient au centre de supervision urbain pour visionner les images.",
]
QUIET = [  # watched paragraphs with no figure: what the extractor cannot read
    "Le centre de supervision urbain est ouvert du lundi au samedi, de jour comme de nuit.",
    "Les images des caméras sont conservées pendant un mois, puis effacées automatiquement.",
    "Depuis le 3 mars 2021, la vidéoprotection couvre aussi les abords de la gare et du marché.",
    "Le financement des caméras est assuré par la ville avec l'aide de l'État et de la Région.",
]
PLAIN = ["Les agents de la police municipale patrouillent chaque jour dans les rues de la ville.",
         "Pour toute question, contactez l'accueil de la mairie aux heures d'ouverture.",
         "Le marché du samedi matin se tient désormais place Métézeau, à côté de la cathédrale."]
BANNERS = ["Fermeture exceptionnelle de la mairie lundi.", "Élections : les bureaux de vote sont ouverts dimanche.",
           "Travaux rue de la gare jusqu'à la fin du mois, la circulation est perturbée.", ""]
MENUS = [["Accueil", "Mairie", "Sécurité", "Vidéoprotection", "Contact"], ["Accueil", "Agenda", "Vidéoprotection"]]
CRUMBS = ["Accueil › Cadre de vie › Sécurité › La vidéoprotection", "Accueil › Sécurité › La vidéoprotection en ville"]
# Edits inside a quiet paragraph that hold no figure to read: (paragraph, old words, new words)
QUIET_EDITS = [(0, "du lundi au samedi", "tous les jours de la semaine"),
               (1, "pendant un mois", "pendant quinze jours"),
               (2, "de la gare et du marché", "du lycée et de la piscine"),
               (3, "et de la Région", "sans aide de la Région"),
               (0, "de jour comme de nuit", "désormais jusqu'à minuit")]
ADDED = "Le dispositif de vidéoprotection sera étendu aux abords des écoles à la rentrée prochaine."


def page(blocks: list[str], *, date: str, banner: str, menu: list[str], crumb: str) -> str:
    """A page's text as the reader stores it: its blocks separated by blank lines."""
    head = ["Vidéoprotection à Dreux", " | ".join(menu), crumb, f"Mis à jour le {date}", banner]
    return "\n\n".join(block for block in [*head, *blocks] if block)


def noise(rng: random.Random) -> dict[str, object]:
    return {"date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}",
            "banner": rng.choice(BANNERS), "menu": rng.sample(rng.choice(MENUS), k=3), "crumb": rng.choice(CRUMBS)}


def typography(rng: random.Random, block: str) -> str:
    edit = rng.choice(["quote", "nbsp", "case", "spaces", "guillemets"])
    if edit == "quote":
        return block.replace("'", "’")
    if edit == "nbsp":
        return block.replace(" ", "\u00a0", rng.randint(1, 4)).replace(" ,", "\u202f,")
    if edit == "case":
        return block[0].lower() + block[1:] if block[0].isupper() else block.capitalize()
    if edit == "spaces":
        return block.replace(", ", " , ").replace(" ", "  ", 2)
    return block.replace("la gare", "« la gare »") if "la gare" in block else block + " "


def base_blocks(rng: random.Random) -> list[str]:
    blocks = [t.format(rng.randint(5, 900)) for t in FIGURES] + list(QUIET) + rng.sample(PLAIN, 2)
    rng.shuffle(blocks)
    return blocks


def plain_indexes(blocks: list[str]) -> list[int]:
    return [i for i, b in enumerate(blocks) if not watched(normalise(b))]


def retype(rng: random.Random, blocks: list[str]) -> None:
    at = rng.randrange(len(blocks))
    blocks[at] = typography(rng, blocks[at])


def redate(rng: random.Random, blocks: list[str]) -> None:
    blocks[:] = [b.replace("3 mars 2021", f"{rng.randint(1, 28)} avril {rng.randint(2019, 2024)}") for b in blocks]


def drop_plain(rng: random.Random, blocks: list[str]) -> None:
    if plain := plain_indexes(blocks):
        del blocks[rng.choice(plain)]


def reword_plain(rng: random.Random, blocks: list[str]) -> None:
    if plain := plain_indexes(blocks):
        at = rng.choice(plain)
        blocks[at] = blocks[at].replace("la ville", "le centre-ville").replace("mairie", "maison des services")


NOISY_EDITS = [  # edits no watched paragraph's meaning sees: each changes `blocks` in place
    lambda rng, blocks: rng.shuffle(blocks),  # paragraph order
    retype,  # typography, anywhere
    redate,  # a date, in a watched paragraph
    lambda rng, blocks: blocks.insert(rng.randrange(len(blocks) + 1), rng.choice(PLAIN)),
    drop_plain,
    reword_plain,
]


def figure_free_edit_outside(rng: random.Random, blocks: list[str]) -> list[str]:
    """Paragraph order, typography and dates anywhere; plain paragraphs added, removed or edited."""
    blocks = list(blocks)
    for edit in rng.choices(NOISY_EDITS, k=rng.randint(1, 4)):
        edit(rng, blocks)
    return blocks


def quiet_edit(rng: random.Random, blocks: list[str]) -> tuple[list[str], str]:
    """One watched paragraph with no figure edited, added or removed: (blocks, the event's detail)."""
    blocks = list(blocks)
    edit = rng.choice(["changed", "changed", "added", "removed"])
    if edit == "added":
        blocks.insert(rng.randrange(len(blocks) + 1), ADDED)
    elif edit == "removed":
        blocks.remove(rng.choice([b for b in blocks if b in QUIET]))
    else:
        index, before, after = rng.choice(QUIET_EDITS)
        blocks = [b.replace(before, after) if b == QUIET[index] else b for b in blocks]
    return blocks, edit


class Page:
    """One source's page, each version stored and compared as a crawl stores it."""

    def __init__(self, db) -> None:
        self.db = db
        self.source_id = add_source(db, Source(url=URL, place="Dreux")).id

    def store(self, text: str) -> list[dict]:
        figures = extract_text(text, place_hint="Dreux", place_kind="commune", source_url=URL)
        digest = hashlib.sha256(text.encode()).hexdigest()
        with self.db.atomic():
            last = self.db.execute("select max(id) from changes").fetchone()[0] or 0
            document_id = insert_document(self.db, content_hash=digest, url=URL, text=text, body=text.encode())
            fetch_id = record_fetch(self.db, source_id=self.source_id, url=URL, started_at=utcnow(),
                                    outcome="new_content", content_hash=digest, document_id=document_id)
            stored = insert_extraction(self.db, document_id=document_id, source_id=self.source_id, fetch_id=fetch_id,
                                       extractor_version=EXTRACTOR_VERSION, figures=figures)
            detect_for_fetch(self.db, fetch_id, None, stored)
        return list(self.db.query("select kind, detail, old_evidence, new_evidence from changes where id > ?",
                                  [last]))


@pytest.fixture
def versions(tmp_path):
    return Page(open_database(tmp_path / "t.db"))


ROUNDS = 100  # each round stores two versions of a page, read by the real extractor


def edited_versions(versions: Page, seed: int, edit) -> list[tuple[str | None, list[dict]]]:
    """ROUNDS pages stored, then stored again after `edit` (which returns the blocks and the event's
    expected detail, or None) and random noise: (the expected detail, the events of the second version)."""
    rng = random.Random(seed)
    found = []
    for _ in range(ROUNDS):
        blocks = base_blocks(rng)
        versions.store(page(blocks, **noise(rng)))
        edited, detail = edit(rng, blocks)
        found.append((detail, versions.store(page(figure_free_edit_outside(rng, edited), **noise(rng)))))
    return found


def test_figure_free_edits_outside_the_watched_paragraphs_make_no_text_event(versions):
    found = edited_versions(versions, 6, lambda rng, blocks: (blocks, None))
    assert [events for _detail, events in found if events] == []


def test_an_edit_the_extractor_cannot_read_in_a_watched_paragraph_is_one_text_event(versions):
    found = edited_versions(versions, 7, quiet_edit)
    assert [(detail, events) for detail, events in found
            if [(e["kind"], e["detail"]) for e in events] != [("text_changed", detail)]] == []


def test_a_changed_paragraph_whose_figure_changed_is_told_by_its_figure_only(versions):
    text = page(base_blocks(random.Random(1)), date="01/02/2024", banner="", menu=MENUS[0], crumb=CRUMBS[0])
    versions.store(text)
    old = next(b for b in text.split("\n\n") if b.startswith("La ville de Dreux compte"))
    new = old.split(" caméras")[0].rsplit(" ", 1)[0] + " 999 caméras de vidéoprotection réparties dans tout Dreux."
    got = versions.store(text.replace(old, new))
    assert [e["kind"] for e in got] == ["changed"]


def test_the_text_event_quotes_both_paragraphs(versions):
    blocks = list(QUIET)
    versions.store(page(blocks, date="01/02/2024", banner="", menu=MENUS[0], crumb=CRUMBS[0]))
    edited = [b.replace("pendant un mois", "pendant quinze jours") for b in blocks]
    (event,) = versions.store(page(edited, date="02/02/2024", banner="", menu=MENUS[1], crumb=CRUMBS[1]))
    assert event["old_evidence"] == QUIET[1]
    assert event["new_evidence"] == QUIET[1].replace("pendant un mois", "pendant quinze jours")
    assert versions.db.execute("select place from changes").fetchone()[0] == "Dreux"


@pytest.mark.parametrize(("block", "is_watched"), [
    ("Accueil | Mairie | Sécurité | Vidéoprotection | Contact", False),  # a menu
    ("Accueil › Cadre de vie › Sécurité › La vidéoprotection", False),  # a breadcrumb
    ("La vidéoprotection à Dreux", False),  # a heading
    ("Les agents de la police municipale patrouillent chaque jour dans les rues.", False),  # not the domain
    ("Le CSU est relié au commissariat de police nationale depuis cette année.", True),
    ("La subvention du FIPD couvre une partie du coût de l'installation du dispositif.", True),
])
def test_only_prose_that_speaks_of_video_surveillance_is_watched(block, is_watched):
    assert watched(normalise(block)) is is_watched


def test_typography_case_spaces_and_dates_do_not_change_a_paragraph():
    said = "Depuis le 3 mars 2021, l'État finance 1 240 euros de caméras « au centre » — voir ci-dessous."
    same = ("depuis le 14 avril 2024 , l’État\u00a0finance 1240 euros de caméras «\u202fau centre\u202f» "
            "– voir ci-dessous.")
    assert normalise(said) == normalise(same)
    assert changed_paragraphs(said, same)[0] == []


def test_a_paragraph_whose_number_changed_past_recognition_is_one_paragraph_edited():
    """Paired by their words, numbers masked: the figure event of the old count tells this change."""
    said = "La ville compte 148 caméras de vidéoprotection."
    changes, _ = changed_paragraphs(said, said.replace("148", "1" * 400))
    assert [(old is not None, new is not None) for old, new in changes] == [(True, True)]
