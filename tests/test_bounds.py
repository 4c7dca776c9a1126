"""A page's megabyte "sentence" is not stored whole in each figure and event that quotes it: sentence and
evidence are bounded, the evidence kept in the sentence's window (issue 22, item 14)."""

from __future__ import annotations

from extractors.figure import Figure
from storage import open_database
from storage.bounds import MAX_EVIDENCE_CHARS, MAX_SENTENCE_CHARS, bounded_text
from storage.history import insert_document, insert_extraction
from tests.test_report_words import SOURCE


def test_a_megabyte_sentence_is_stored_as_its_evidence_in_context(db_path):
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    filler = "la ville, le quartier et la place " * 22_000  # about 750 KB each side
    evidence = "La ville compte 148 caméras"
    sentence = f"{filler}{evidence} {'x' * 5000}{filler}"
    document_id = insert_document(db, content_hash="h", url=SOURCE["url"], text=sentence, body=b"")
    figure = Figure(metric="cameras", value=148.0, qualifier="exact", place="Dreux", place_kind="commune",
                    date=None, evidence=f"{evidence} {'x' * 5000}", start=len(filler), end=len(filler) + 27,
                    sentence=sentence)
    (stored,) = insert_extraction(db, document_id=document_id, source_id=1, fetch_id=None,
                                  extractor_version="t", figures=[figure])
    row = db["figures"].get(stored["id"])
    assert len(sentence) > 1_400_000
    assert len(row["sentence"]) <= MAX_SENTENCE_CHARS + 2 and evidence in row["sentence"]
    assert row["sentence"].startswith("…") and row["sentence"].endswith("…")
    assert len(row["evidence"]) <= MAX_EVIDENCE_CHARS + 1 and row["evidence"].startswith(evidence)


def test_short_texts_are_kept_as_they_are():
    assert bounded_text("La ville compte 148 caméras.", 2000, "148 caméras") == "La ville compte 148 caméras."
    assert bounded_text(None, 10) is None
    assert bounded_text("abcdefghij" * 3, 10, "zz") == "abcdefghij…"
