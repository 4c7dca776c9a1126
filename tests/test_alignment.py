"""Figures of two versions of a page matched one to one: a value that did not change makes no event,
whatever moved around it (its date, its place's spelling, its qualifier, the page's other lines)."""

import hashlib
import random

import pytest

from extractors import EXTRACTOR_VERSION, extract_text
from storage import open_database
from storage.alignment import align
from storage.changes import compare_figures, detect_for_fetch
from storage.db import utcnow
from storage.history import insert_document, insert_extraction, record_fetch
from storage.sources import Source, add_source

URL = "http://127.0.0.1:1/videoprotection.html"


def fig(value, qualifier="exact", metric="cameras", place="Dreux", date=None, sentence=None):
    return {"value": value, "qualifier": qualifier, "metric": metric, "place": place, "date": date,
            "sentence": sentence or f"La ville compte {value} caméras."}


def kinds(old, new):
    return [(k.value, (o or {}).get("value"), (n or {}).get("value")) for k, o, n in compare_figures(old, new)]


def test_a_value_that_stayed_makes_no_event_whatever_moved_around_it():
    said = "À l'origine, 43 caméras avaient été posées."
    assert kinds([fig(43, date="2024", sentence=said)], [fig(43, date="2025", sentence=said)]) == []  # page's date
    assert kinds([fig(450, place="Chartres Metropole")], [fig(450, place="Chartres Métropole")]) == []
    assert kinds([fig(450, "at_least", sentence="Plus de 450 caméras.")],
                 [fig(450, "approx", sentence="Près de 450 caméras.")]) == []
    # paragraphs swapped, typography changed
    old = [fig(450), fig(6, metric="other", sentence="Six opérateurs travaillent au CSU.")]
    new = [fig(6, metric="other", sentence="Six opérateurs  travaillent au CSU."), fig(450)]
    assert kinds(old, new) == []


def test_a_changed_value_is_one_change_even_when_the_pages_date_moved_with_it():
    old = [fig(43, date="2024", sentence="À l'origine, 43 caméras avaient été posées."), fig(450)]
    new = [fig(47, date="2025", sentence="À l’origine, 47 caméras avaient été posées."), fig(450)]
    assert kinds(old, new) == [("changed", 43, 47)]


def test_a_date_the_words_state_is_another_series():
    old = [fig(12, date="2014", sentence="En 2014, 12 caméras."), fig(106)]
    new = [fig(12, date="2014", sentence="En 2014, 12 caméras."), fig(110)]
    assert kinds(old, new) == [("changed", 106, 110)]
    # a table's rows shift a year: one row gone, one new, not "120 became 140"
    old = [fig(120, date="2022", sentence="2022 : 120 caméras"), fig(130, date="2023", sentence="2023 : 130 caméras")]
    new = [fig(130, date="2023", sentence="2023 : 130 caméras"), fig(140, date="2024", sentence="2024 : 140 caméras")]
    assert kinds(old, new) == [("withdrawn", 120, None), ("new", None, 140)]
    # the same value said of another year is another figure, not a restatement
    assert kinds([fig(120, date="2022", sentence="2022 : 120 caméras")],
                 [fig(120, date="2023", sentence="2023 : 120 caméras")]) == [("withdrawn", 120, None),
                                                                           ("new", None, 120)]


def test_the_same_value_in_other_words_for_another_place_is_not_the_same_figure():
    old = [fig(10, place="Dreux", sentence="Dreux installe 10 caméras près de la gare.")]
    new = [fig(10, place="Vernouillet", sentence="Le budget de Vernouillet finance 10 caméras en centre-ville.")]
    assert kinds(old, new) == [("withdrawn", 10, None), ("new", None, 10)]
    assert [(o is not None, n is not None) for o, n in align(old, new)] == [(True, False), (False, True)]


def store_version(db, source_id, text):
    """A new version of the page, stored as a crawl stores it, and its events detected."""
    figures = extract_text(text, place_hint="Dreux", place_kind="commune", source_url=URL)
    digest = hashlib.sha256(text.encode()).hexdigest()
    with db.atomic():
        document_id = insert_document(db, content_hash=digest, url=URL, text=text, body=text.encode())
        fetch_id = record_fetch(db, source_id=source_id, url=URL, started_at=utcnow(), outcome="new_content",
                                content_hash=digest, document_id=document_id)
        stored = insert_extraction(db, document_id=document_id, source_id=source_id, fetch_id=fetch_id,
                                   extractor_version=EXTRACTOR_VERSION, figures=figures)
        return detect_for_fetch(db, fetch_id, None, stored)


def test_a_moved_date_line_is_recorded_as_a_restatement_never_as_an_event(db_path):
    """The case of issue 21: only the "Mis à jour le" line changed, and an undated past count took the
    page's date; it made "cameras 43 no longer stated" and "cameras 43 (new)"."""
    db = open_database(db_path)
    source = add_source(db, Source(url=URL, place="Dreux"))
    body = ("La ville de Dreux compte aujourd'hui 450 caméras de vidéoprotection.\n"
            "À l'origine, 43 caméras avaient été posées.")
    assert store_version(db, source.id, f"Mis à jour le 12/03/2024\n{body}") == 2  # both new
    assert store_version(db, source.id, f"Mis à jour le 15/05/2025\n{body}") == 0
    (row,) = db.query("select * from restatements")
    assert (row["metric"], row["value"], row["moved"], row["old_date"], row["new_date"]) == (
        "cameras", 43, "date", "2024", "2025")


# -- the property: figure-free edits make no figure event, each figure edit exactly one ------------

FIGURES = {  # template → metric; each states one figure
    "La ville de Dreux compte aujourd'hui {} caméras de vidéoprotection.": "cameras",
    "À l'origine, {} caméras avaient été posées.": "cameras",
    "{} opérateurs travaillent au centre de supervision urbain.": "other",
    "{} nouvelles caméras seront installées l'an prochain.": "cameras_planned",
}
PLAIN = ["Le centre de supervision urbain est ouvert du lundi au samedi.",
         "Les agents de la police municipale patrouillent chaque jour.",
         "Pour toute question, contactez la mairie.", "Les images sont visionnées par des agents habilités."]
BANNERS = ["Fermeture exceptionnelle de la mairie lundi.", "Élections : bureaux de vote ouverts dimanche.",
           "Travaux rue de la gare.", ""]
MENU = ["Accueil", "Mairie", "Sécurité", "Contact", "Agenda"]


def page(rng, lines, *, date=None, banner=None, menu=None):
    date = date or f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2025)}"
    head = [" | ".join(menu or MENU), f"Mis à jour le {date}", banner if banner is not None else BANNERS[0]]
    return "\n".join(["Vidéoprotection à Dreux", *head, *lines])


def base_lines(rng):
    """Three of the figure paragraphs (each with its own value) and two plain ones, shuffled."""
    chosen = rng.sample(list(FIGURES), 3)
    lines = [t.format(rng.randint(5, 900)) for t in chosen] + rng.sample(PLAIN, 2)
    rng.shuffle(lines)
    return lines, chosen


def typography(rng, line):
    return line.replace("'", "’") if rng.random() < 0.5 else line.replace(" ", "\u00a0", rng.randint(1, 3))


def figure_free_edit(rng, lines):
    """Lines with none of their figures changed: paragraph order, typography, plain paragraphs."""
    lines = list(lines)
    for _ in range(rng.randint(1, 3)):
        edit = rng.choice(["order", "typography", "plain", "none"])
        if edit == "order":
            rng.shuffle(lines)
        elif edit == "typography":
            i = rng.randrange(len(lines))
            lines[i] = typography(rng, lines[i])
        elif edit == "plain":
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(PLAIN))
    return lines


def figure_edit(rng, lines, chosen):
    """Exactly one figure changed, withdrawn or added."""
    edit = rng.choice(["change", "withdraw", "add"])
    lines = list(lines)
    if edit == "add":
        template = next(t for t in FIGURES if t not in chosen)
        lines.insert(rng.randrange(len(lines) + 1), template.format(rng.randint(5, 900)))
        return lines, "new"
    template = rng.choice(chosen)
    i = next(i for i, line in enumerate(lines) if matches(template, line))
    if edit == "withdraw":
        del lines[i]
        return lines, "withdrawn"
    old = int("".join(c for c in lines[i] if c.isdigit()))
    lines[i] = template.format(old + rng.choice([-3, -1, 1, 2, 8, 40]))
    return lines, "changed"


def matches(template, line):
    before, after = template.split("{}")
    return line.startswith(before) and line.endswith(after)


def read(text):
    return [f.__dict__ for f in extract_text(text, place_hint="Dreux", place_kind="commune", source_url=URL)]


@pytest.fixture(scope="module")
def rng():
    return random.Random(21)


def noise(rng):
    return {"banner": rng.choice(BANNERS), "menu": rng.sample(MENU, rng.randint(3, 5))}


def test_200_figure_free_edits_make_no_figure_event(rng):
    events = []
    for _ in range(200):
        lines, _chosen = base_lines(rng)
        old, new = page(rng, lines), page(rng, figure_free_edit(rng, lines), **noise(rng))
        events += [(kind.value, new) for kind, _o, _n in compare_figures(read(old), read(new))]
    assert events == []


def test_200_figure_edits_make_exactly_one_event_each(rng):
    wrong = []
    for _ in range(200):
        lines, chosen = base_lines(rng)
        edited, expected = figure_edit(rng, lines, chosen)
        old, new = page(rng, lines), page(rng, figure_free_edit(rng, edited), **noise(rng))
        got = [kind.value for kind, _o, _n in compare_figures(read(old), read(new))]
        if got != [expected]:
            wrong.append((expected, got, old, new))
    assert wrong == []


def test_a_long_list_of_changed_counts_is_paired_row_by_row():
    """Past the pairs scored one by one, a bucket is paired in text order (linear, not quadratic)."""
    old = [fig(1000 + i, sentence=f"Quartier {i} : {1000 + i} caméras.") for i in range(300)]
    new = [fig(5000 + i, sentence=f"Quartier {i} : {5000 + i} caméras.") for i in range(300)]
    assert kinds(old, new) == [("changed", 1000 + i, 5000 + i) for i in range(300)]


def test_a_place_spelt_otherwise_is_the_same_place_a_near_name_is_not():
    from storage.alignment import same_place

    assert same_place("Chartres Metropole", "Chartres Métropole") and same_place("St-Denis", "Saint Denis")
    assert not same_place("Saint-Genis", "Saint-Denis")  # two towns, one letter apart
    old = [fig(30, place="Saint-Genis", sentence="Saint-Genis installe 30 caméras.")]
    new = [fig(35, place="Saint-Denis", sentence="Saint-Denis a 35 caméras.")]
    assert kinds(old, new) == [("withdrawn", 30, None), ("new", None, 35)]
