"""A range's two bounds are one figure: they share a kind (extractors.range_kinds)."""

from extractors import extract_text
from extractors.figure import Figure
from extractors.range_kinds import bounds_share_kind


def _bound(metric: str, value: float, qualifier: str, evidence: str = "de 30 à 60 caméras") -> Figure:
    return Figure(metric, value, qualifier, "Lyon", "commune", None, evidence, 0, len(evidence), evidence,
                  why={"metric": "tense.no_tense_rule", "qualifier": "range_bound"})


def test_the_lower_bound_takes_the_upper_bounds_kind() -> None:
    low, high = _bound("cameras", 30, "at_least"), _bound("cameras_planned", 60, "at_most")
    assert [f.metric for f in bounds_share_kind([low, high])] == ["cameras_planned", "cameras_planned"]
    assert low.why["metric"] == "range_upper_bound over tense.no_tense_rule"


def test_two_counts_that_are_no_range_keep_their_kinds() -> None:
    stock = _bound("cameras", 30, "exact", "30 caméras")
    stock.why["qualifier"] = "no_hedge"
    planned = _bound("cameras_planned", 60, "exact", "60 caméras")
    planned.why["qualifier"] = "no_hedge"
    assert [f.metric for f in bounds_share_kind([stock, planned])] == ["cameras", "cameras_planned"]


def test_a_ranges_bounds_read_from_a_page_share_a_kind() -> None:
    # the lower bound's own words ("compte sur") read as a stock, the upper bound's as a plan: one figure
    text = ("L'adjoint à la sécurité, Olivier Arsac, compte sur une première phase de déploiement de 150 et 200 "
            "caméras sur des sites déjà repérés, comme le quartier Bayard, d'ici à 2016.")
    figures = extract_text(text, place_hint="Toulouse", published="2014-12-14")
    assert [f.value for f in figures] == [150, 200]
    assert figures[0].metric == figures[1].metric
