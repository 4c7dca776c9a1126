"""Tables read back from text that gives them a cell a block, as a page's reader (and a copied page) does.

A region's summary by département comes as "Département / Communes aidées / Caméras financées /
Montant / Cher / 12 / 64 / 148 000 € / Indre / 9 / …", each cell its own block. A bare "64" says
nothing by itself; its column header ("Caméras financées") says what it counts and its row's first
cell ("Cher") which place it is about. Only a regular grid is read: a row of headers, then at least
two rows of one label and as many numbers as there are headers after the first.

An activity report's columns are often years ("Nombre de caméras / 2021 / 2022 / Voie publique / 34 /
41"): then the row's label, or else the corner's header, says what a cell counts, and its column's
year when it held.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.segments import Sentence

MAX_CELL = 60  # characters: longer blocks are prose
NUMBER_CELL_RE = re.compile(r"^[\s(]*[+-]?\d[\d\s\u00a0\u202f.,]*(?:%|€|euros?|k€|M€)?[\s)]*$", re.IGNORECASE)
YEAR_CELL_RE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
MIN_ROWS = 2
MIN_CELLS = 2 + MIN_ROWS * 2  # two headers, then two rows of a label and a number


@dataclass(frozen=True)
class Cell:
    """Where a number's cell stands: the header of its column and the label of its row."""

    header: str
    row_label: str
    year: str | None = None  # a column headed by a year: the year the cell holds for


def is_number_cell(cell: str) -> bool:
    return bool(NUMBER_CELL_RE.match(cell))


def table_cells(text: str, sentences: list[Sentence]) -> dict[int, Cell]:
    """The cells of number found in regular grids, by the start of their sentence."""
    cells: dict[int, Cell] = {}
    run: list[Sentence] = []
    for sentence in [*sentences, None]:
        short = sentence is not None and _is_cell(text, sentence)
        if short and (not run or sentence.block == run[-1].block + 1):
            run.append(sentence)
            continue
        if len(run) >= MIN_CELLS:
            cells.update(_grid(text, run))
        run = [sentence] if short else []
    return cells


def _is_cell(text: str, sentence: Sentence) -> bool:
    """Short and on one line (whether it is a block of its own, the caller sees by the blocks' numbers)."""
    if sentence.end - sentence.start > MAX_CELL + 10:
        return False
    cell = text[sentence.start : sentence.end].strip()
    return bool(cell) and len(cell) <= MAX_CELL and "\n" not in cell


def _grid(text: str, run: list[Sentence]) -> dict[int, Cell]:
    values = [text[s.start : s.end].strip() for s in run]
    numbers = [is_number_cell(v) for v in values]
    headers_like = [not n or bool(YEAR_CELL_RE.match(v)) for n, v in zip(numbers, values, strict=True)]
    labels_from = _label_runs(headers_like)
    for start in range(len(values)):  # the header row may follow a title or a caption
        width = labels_from[start] - 1  # the last label before a number is the first row's
        if width < 2:
            continue
        rows = _rows(numbers, start + width, width)
        if rows < MIN_ROWS:
            continue
        headers = values[start : start + width]
        found = {}
        for r in range(rows):
            first = start + width * (r + 1)
            for column in range(1, width):
                if YEAR_CELL_RE.match(headers[column]):  # what is counted: the row's label, or the corner's
                    found[run[first + column].start] = Cell(headers[0], values[first], headers[column].strip())
                else:
                    found[run[first + column].start] = Cell(headers[column], values[first])
        return found
    return {}


def _label_runs(labels: list[bool]) -> list[int]:
    """For each cell, how many cells that may head a column follow one another from it: one pass from the
    end, so that a run of 100,000 cells costs 100,000 steps, not their square."""
    runs = [0] * (len(labels) + 1)
    for i in range(len(labels) - 1, -1, -1):
        runs[i] = runs[i + 1] + 1 if labels[i] else 0
    return runs


def _rows(numbers: list[bool], first: int, width: int) -> int:
    """How many rows of one label and `width - 1` numbers follow the header row."""
    rows = 0
    while first + width * (rows + 1) <= len(numbers):
        row = numbers[first + width * rows : first + width * (rows + 1)]
        if row[0] or not all(row[1:]):
            break
        rows += 1
    return rows
