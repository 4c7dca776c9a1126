"""A list's tenseless lines take what their introduction says is to come (Extractor.intro_to_come)."""

from extractors import extract_text

GRANTS = """Voici les communes qui pourront installer des caméras grâce à ce financement.
Lillers : 15 caméras pour un montant de 6 497 euros
Blessy : 3 caméras pour un montant de 2 182 euros
"""


def test_lines_under_an_intro_to_come_are_planned() -> None:
    cameras = {f.value: f.metric for f in extract_text(GRANTS, place_hint="Pas-de-Calais")
               if f.metric.startswith("cameras")}
    assert cameras == {15: "cameras_planned", 3: "cameras_planned"}


def test_a_single_line_is_no_list() -> None:
    text = "La ville compte aujourd'hui 92 caméras. Objectif : 150 caméras fin 2025."
    assert ("cameras_planned", 150) in [(f.metric, f.value) for f in extract_text(text, place_hint="Lens")]


def test_a_line_with_a_tense_of_its_own_keeps_it() -> None:
    text = ("Les communes s'équipent de caméras.\n• Vertou : 35 caméras, 10 de plus d'ici 2023\n"
            "• Basse-Goulaine : 12 caméras, mises en service en mars\n")
    assert ("cameras", 35) in [(f.metric, f.value) for f in extract_text(text, place_hint="Vertou")]


def test_places_and_bare_counts_in_brackets_are_each_places_cameras() -> None:
    text = ("Le Cantal compte 160 caméras. Il faut encore compter des villages équipés : Jaleyrac (4), "
            "Talizat (2), Rouziers (1).")
    cameras = {(f.place, f.value) for f in extract_text(text, place_hint="Cantal") if f.metric == "cameras"}
    assert {("Jaleyrac", 4), ("Talizat", 2), ("Rouziers", 1)} <= cameras


def test_one_bracketed_count_is_no_list() -> None:
    text = "Le Cantal compte 160 caméras. Le maire de Jaleyrac (4) a parlé."
    assert ("cameras", 4) not in [(f.metric, f.value) for f in extract_text(text, place_hint="Cantal")]
