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


CLITIC_LIST = """Le bourg a installé 37 caméras pour 3 900 habitants, un record. On en trouve entre autres :
- quatre sur la mairie,
- cinq au stade de foot,
- trois aux alentours de la gare.
Le coût reste élevé.
"""


def test_lines_under_an_intro_whose_en_stands_for_the_cameras_count_cameras_at_their_sites() -> None:
    figures = [f for f in extract_text(CLITIC_LIST, place_hint="Chazay-d'Azergues", second_opinion=False)
               if f.metric == "cameras"]
    assert [(f.value, f.place) for f in figures] == [
        (37, "Chazay-d'Azergues"), (4, "Chazay-d'Azergues / mairie"), (5, "Chazay-d'Azergues / stade de foot"),
        (3, "Chazay-d'Azergues / gare")]


def test_an_intro_whose_en_stands_for_something_else_counts_no_cameras() -> None:
    text = ("La fête du village a attiré du monde. On en trouve entre autres :\n- quatre sur la place,\n"
            "- cinq au stade de foot.\n")
    assert not [f for f in extract_text(text, place_hint="Chazay-d'Azergues") if f.metric.startswith("cameras")]


def test_a_line_that_opens_on_its_count_is_about_the_site_it_names() -> None:
    text = ("Les caméras de la ville, secteur par secteur :\n• 12 aux abords de la médiathèque\n"
            "• 6 aux alentours de la gare\n")
    figures = extract_text(text, place_hint="Embrun", second_opinion=False)
    assert [(f.value, f.place, f.place_kind) for f in figures] == [
        (12, "Embrun / médiathèque", "district"), (6, "Embrun / gare", "district")]
