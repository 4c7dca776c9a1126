"""Sentences end where French typography ends them: a full stop inside a closing guillemet set apart by a space
('… des citoyens. » Les élus …') ends the sentence, so the next sentence's words do not tell the count's time."""

import pytest

from extractors import extract_text
from extractors.segments import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("« Ceci est dit. » Les élus le partagent.", ["« Ceci est dit. »", "Les élus le partagent."]),
    ("Il répond « non. » Puis il part.", ["Il répond « non. »", "Puis il part."]),
    ("Il répond « non. » puis il part.", ["Il répond « non. » puis il part."]),
    ("Le maire l'a dit.» Ensuite, rien.", ["Le maire l'a dit.»", "Ensuite, rien."]),
])
def test_a_stop_inside_closing_guillemets_ends_the_sentence(text, expected):
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


def test_the_next_sentence_after_a_quotation_does_not_date_the_count_inside_it():
    text = ("L'élu regrette : « Nous sommes passés de 4 à 56 caméras en 6 ans, mais je voudrais des policiers. » "
            "Les élus communistes partagent cette idée : ils souhaiteraient le retour de la police de proximité.")
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Bordeaux")] == [
        ("cameras", 4), ("cameras", 56)]
