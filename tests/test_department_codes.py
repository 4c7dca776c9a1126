"""A département's code in brackets after a commune's name is no count; a count in the same brackets is."""

from extractors.pipeline import extract_text


def test_codes_after_communes_of_that_departement_are_not_counts():
    text = ("La Région financera la vidéoprotection des gares de Tergnier (02), La Bassée-Violaines (62), "
            "Seclin (59) et Méru (60).")
    assert extract_text(text, place_hint="Hauts-de-France") == []


def test_counts_in_brackets_after_communes_of_another_departement_are_read():
    text = "Caméras de vidéoprotection par commune : Saint-Flour (19), Murat (10), Massiac (14)."
    assert [f.value for f in extract_text(text, place_hint="Cantal")] == [19, 10, 14]
