"""An ellipsis of a past installation ("dont 17 l'ont été en 2023") counts what was added then, as "15 le
seront" counts what is to come (extractors/tense.py)."""

from extractors import extract_text


def test_those_that_have_been_were_added() -> None:
    text = "La ville compte 71 caméras, dont 17 l'ont été durant l'année 2023."
    figures = {(f.metric, f.value) for f in extract_text(text, place_hint="Saint-Dizier")}
    assert {("cameras", 71), ("cameras_added", 17)} <= figures
