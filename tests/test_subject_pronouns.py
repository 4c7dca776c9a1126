"""A subject pronoun that counts ("elles sont 95") stands for the last plural noun before it, which may close the
sentence before; and a camera destroyed in a participle ("détruisant les deux caméras") is a damaged one."""

import pytest

from extractors.pipeline import extract_text


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(f.metric, f.value, f.evidence) for f in extract_text(text, published="2024-05-01", place_hint="Montargis")]


@pytest.mark.parametrize(("text", "value", "evidence"), [
    ("Côté caméras, le parc a été étoffé. Désormais, elles sont presque une centaine.", 100,
     "elles sont presque une centaine"),
    ("Les caméras de vidéoprotection se multiplient. Elles sont désormais 120 dans la commune.", 120,
     "Elles sont désormais 120"),
])
def test_a_pronoun_opening_its_sentence_stands_for_the_cameras_of_the_sentence_before(text, value, evidence):
    assert _read(text) == [("cameras", value, evidence)]


def test_the_evidence_of_a_hedged_pronoun_count_starts_at_the_pronoun():
    assert _read("Lorsque la ville a posé ses premières caméras, elles étaient presque 35.") == [
        ("cameras", 35, "elles étaient presque 35")]


@pytest.mark.parametrize("text", [
    "Le centre a été ouvert aux caméras des communes ayant adhéré au syndicat. Elles sont actuellement 72.",
    "On comptait moins de 2 000 communes utilisant la vidéoprotection ; elles sont désormais 6 500.",
])
def test_a_pronoun_stands_for_a_plural_noun_named_after_the_cameras(text):
    assert [m for m, v, _ in _read(text) if v in (72, 6500)] != ["cameras"]


@pytest.mark.parametrize("text", [
    "Un conteneur a été incendié, détruisant les deux caméras accrochées au pylône.",
    "Les émeutiers ont détruit 12 caméras.",
])
def test_cameras_destroyed_are_damaged_ones_not_the_network(text):
    assert [m for m, _, _ in _read(text)] == ["other"]
