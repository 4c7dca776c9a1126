"""A worker reads millions of pages: the words each page teaches the parser are forgotten after it."""

from extractors import french_model
from extractors.pipeline import extract_text


def _page(n: int) -> str:
    return (f"À Zorglubville{n}, la municipalité de Klaxonbourg{n} prévoit d'installer {n} caméras "
            f"rue Xéphirondelle{n}, près du square Blorpinette{n}.")


def test_the_strings_a_page_teaches_the_parser_end_with_the_page():
    extract_text(_page(7))  # the parser loaded
    strings = french_model.parser().vocab.strings
    before = len(strings)
    figures = [extract_text(_page(n)) for n in range(11, 31)]
    assert all(f and f[0].value == n for f, n in zip(figures, range(11, 31), strict=True))  # the pages were read
    assert len(strings) == before
    assert "Xéphirondelle25" not in strings
