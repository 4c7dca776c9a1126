"""Tables that come a cell a block: a bare number counts what its column's header names, for its row's place."""

from extractors import extract_figures, extract_text
from extractors.page import read_page
from extractors.segments import split_sentences
from extractors.tables import table_cells

AID_TABLE = """<html><head><title>Aide régionale</title></head><body>
<h1>Aide à la vidéoprotection : bilan 2023</h1>
<table><tr><th>Département</th><th>Communes aidées</th><th>Caméras financées</th><th>Montant</th></tr>
<tr><td>Cher</td><td>12</td><td>64</td><td>148 000 €</td></tr>
<tr><td>Indre</td><td>9</td><td>41</td><td>97 500 €</td></tr>
<tr><td>Total</td><td>21</td><td>105</td><td>245 500 €</td></tr></table></body></html>"""


def test_a_tables_cells_are_read_by_column_header_and_row_label():
    page = read_page(AID_TABLE.encode(), "text/html; charset=utf-8")
    figures = extract_figures(page, place_hint="Centre-Val de Loire", place_kind="region")
    assert [(f.metric, f.value, f.place) for f in figures] == [
        ("other", 12, "Cher"), ("cameras_added", 64, "Cher"), ("money_eur", 148000, "Cher"),
        ("other", 9, "Indre"), ("cameras_added", 41, "Indre"), ("money_eur", 97500, "Indre"),
        # the total's row names no place: the page's
        ("other", 21, "Centre-Val de Loire"), ("cameras_added", 105, "Centre-Val de Loire"),
        ("money_eur", 245500, "Centre-Val de Loire"),
    ]


def test_short_lines_that_make_no_grid_are_no_table():
    text = "Horaires\n\nLundi\n\n8\n\nMardi\n\nMercredi\n\n9\n\n10"
    assert table_cells(text, split_sentences(text)) == {}
    text = "La ville compte 40 caméras.\n\nContact\n\nPolice municipale\n\n02 37 38 84 00"
    assert [(f.metric, f.value) for f in extract_text(text)] == [("cameras", 40)]


def test_a_row_of_numbers_under_headers_of_other_things_states_no_figure():
    text = "Année\n\nHabitants\n\nNaissances\n\n2021\n\n31 000\n\n412\n\n2022\n\n31 200\n\n398"
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Dreux")] == []
