"""The tense word tables: what reads as a verb done or to come, and look-alikes that are not verbs."""

import pytest

from extractors.tense_words import COMPOUND_PAST_RE, FUTURE_RE, PAST_RE


@pytest.mark.parametrize(("text", "done"), [
    ("la ville a posé 12 caméras", True),
    ("elle a installé 40 caméras", True),
    # the Latin adverb is no compound past of "poser"
    ("les images sont exploitées a posteriori", False),
])
def test_a_compound_past_of_installing(text, done):
    assert bool(PAST_RE.search(text)) is done


@pytest.mark.parametrize(("text", "to_come"), [
    ("la ville installera 12 caméras", True),
    ("cela prendra deux ans", True),
    ("nous installerons 10 caméras", True),
    # nouns and names that end like a future
    ("crèche : 1 camera", False),
    ("la plage de la riviera", False),
    ("l'adjointe sandra martin", False),
    ("la rue des forgerons", False),
])
def test_a_future_verb(text, to_come):
    assert bool(FUTURE_RE.search(text)) is to_come


@pytest.mark.parametrize("text", ["la mise en place d'un plan de 50 caméras dans le 12e arrondissement",
                                  "il faut qu'un plan de 30 caméras soit voté"])
def test_a_term_to_come_reads_after_an_elided_preposition_or_conjunction(text):
    assert FUTURE_RE.search(text)


@pytest.mark.parametrize(("text", "done"), [
    ("le plan a beaucoup changé depuis", True),
    ("les caméras ont progressivement été installées", True),
    ("la ville a pour objectif 40 caméras", False),
])
def test_a_compound_past_reads_across_adverbs(text, done):
    assert bool(COMPOUND_PAST_RE.search(text)) is done


@pytest.mark.parametrize(("text", "to_come"), [
    ("la mairie a été alertée à la suite de l'installation de 15 caméras", False),
    ("les parents se plaignent suite à l'installation de 15 caméras", False),
    ("le budget comprend l'installation de 15 caméras", True),
])
def test_an_installation_told_as_a_cause_is_done(text, to_come):
    assert bool(FUTURE_RE.search(text)) is to_come
