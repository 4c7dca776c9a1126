import json

from vigicam.cli import cli

CORPUS = [
    {"id": "a", "text": "La ville dispose de plus de 120 caméras. Dix autres seront installées d'ici 2026.",
     "place_hint": "Dreux",
     "figures": [
         {"metric": "cameras", "value": 120, "qualifier": "at_least", "place": "Dreux", "place_kind": "commune",
          "date": None, "evidence": "plus de 120 caméras"},
         {"metric": "cameras_planned", "value": 10, "qualifier": "exact", "place": "Dreux", "place_kind": "commune",
          "date": "2026", "evidence": "Dix autres seront installées"},
         {"metric": "money_eur", "value": 5, "qualifier": "exact", "place": "Dreux", "place_kind": "commune",
          "date": None, "evidence": "Dix"},
     ]},
    {"id": "b", "text": "Le centre est joignable au 01 02 03 04 05.", "figures": []},
]


def write_corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in CORPUS) + "\n", encoding="utf-8")
    return path


def test_extract_corpus_prints_one_line_per_record(runner, tmp_path):
    result = runner.invoke(cli, ["extract", "--corpus", str(write_corpus(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    first = lines[0]["figures"][0]
    assert {"metric", "value", "qualifier", "place", "place_kind", "date", "evidence", "start", "end", "sentence",
            "confidence"} <= set(first)
    assert (first["metric"], first["value"], first["qualifier"]) == ("cameras", 120, "at_least")
    assert lines[1]["figures"] == []


def test_eval_scores_a_corpus(runner, tmp_path):
    result = runner.invoke(cli, ["eval", str(write_corpus(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    table = json.loads(result.output)
    assert table["overall"]["tp"] == 2 and table["overall"]["fn"] == 1 and table["overall"]["fp"] == 0
    assert table["accuracy"]["qualifier"] == 1.0


def test_extract_html_file(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>La ville compte 64 caméras.</p></body></html>", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(page), "--place", "Dreux", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    figure = json.loads(result.output)
    assert (figure["metric"], figure["value"], figure["place"]) == ("cameras", 64, "Dreux")


def test_extract_unreadable_file_is_one_line_error(runner, tmp_path):
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    result = runner.invoke(cli, ["extract", str(page)])
    assert result.exit_code == 1
    assert "empty" in result.output and "Traceback" not in result.output


def test_eval_errors_list_no_place_the_score_counts_right(tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from vigicam.cli import cli

    record = {"id": "x1", "text": "La Métropole Européenne de Lille compte 50 communes équipées de caméras.",
              "figures": [{"metric": "other", "value": 50, "qualifier": "exact",
                           "place": "Métropole européenne de Lille", "place_kind": "intercommunalite",
                           "date": None, "evidence": "50 communes"}]}
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(corpus), "--errors"])
    assert result.exit_code == 0, result.output
    assert "on 1 matched figures" in result.output  # the figure is read, so its place is compared
    assert "place 1.000" in result.output and " place: " not in result.output
