"""Blocks, sentences and clauses of a text, as character spans into it.

Blocks are separated by a blank line (the page reader puts one between headings, paragraphs, list
items and cells). A single line break stays inside a sentence unless the line before ends a
sentence, or ends on a figure and the next line starts anew: "Entre 1 500 et 2 000\ncaméras prévues"
is one phrase, "Caméras : 312\nOpérateurs : 16" two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = r"[•▪◦·*–-]"  # the marks a list item opens with
BLOCK_SPLIT_RE = re.compile(r"\n[ \t]*\n\s*")
SENTENCE_END_RE = re.compile(
    r"[.!?](?<!\b[A-Z]\.)(?<!\bM\.)(?<!\bMme\.)(?<!\bTél\.)(?<!\bav\.)(?<!\bn°\.)(?<!\benv\.)(?:[\s\u00a0\u202f]?[»\"”’)])*(?=\s+[«\"“(]*[\s\u00a0\u202f]*[A-ZÉÈÊÀÂÎÔÛÇ0-9])"
    # "ont baissé de… 2 %": a suspension before a number goes on with its sentence
    r"|…(?:[\s\u00a0\u202f]?[»\"”’)])*(?=\s+[«\"“(]*[\s\u00a0\u202f]*[A-ZÉÈÊÀÂÎÔÛÇ])"
    rf"|\n(?=\s*{BULLET}\s)|\n(?<=[.!?:;»]\n)"
    r"|(?P<figure_line>\n(?<=[\d%€)]\n)(?=[ \t]*[A-ZÉÈÊÀÂÎÔÛÇ]))"  # "Caméras : 312⏎Opérateurs : 16"
    r"|\n(?=[ \t]*[A-ZÀ-Ý][^:\n\d()]{1,60}?\s*:\s*\d)"  # "… 6 497 euros⏎Blessy : 3 caméras": a list's next line
)
# Clause boundaries inside a sentence, for tense and dates that belong to one part of it.
CLAUSE_SPLIT_RE = re.compile(
    r"\s*;\s*|\s*:\s+|,\s+(?=(?:et|mais|puis|dont|alors|tandis|soit)\b)|,\s+"
    # "nous en avons 52 et la ville en prévoit dix": a new subject, a new clause
    r"|\s+(?=(?:et|mais)\s+(?:la ville|la commune|la mairie|la municipalité|il|elle|ils|elles|nous|on)\s)"
    # "a installé 27 caméras en 2021 et compte désormais 98 caméras", "en compte 30 et en prévoit 10": a second
    # verb of the same subject
    r"|\s+(?=et\s+(?:en\s+)?(?:compt|dispos|possèd|possédait|prévo|vis|atteint|atteindr|totalis)\w*\b)"
    r"|\s+(?=et\s+en\s+(?:ajout|install|pos|implant|déploi|déploy|command|achèt|achet)\w*\b)"  # "et en ajoutera 10"
    # "a déployé 14 400 caméras et s'est fixé un objectif de 25 000": a reflexive verb after "et" is a second verb
    # of the same subject
    r"|\s+(?=et\s+(?:ne\s+|n['’]\s*)?(?:s['’]\s*|se\s+)\w)"
    # "est passé de 50 à plus de 300 (et atteindra bientôt 450)": a bracket that goes on with "et" says its own
    r"|\s*(?=\(\s*et\s)"
    # "Vingt caméras ont été installées en 2022 et dix autres le seront en 2023": the others, a clause of their own
    r"|\s+(?=et\s+(?:\d[\d\s\u00a0]*|[a-zé-]+)\s+autres\b)"
    # "qu'il y en avait actuellement 22 et que 55 nouvelles allaient être installées": a second "que" clause
    r"|\s+(?=et\s+qu(?:e\b|['’]))"
)


@dataclass
class Span:
    start: int
    end: int

    def text(self, full: str) -> str:
        return full[self.start : self.end]


@dataclass
class Sentence(Span):
    block: int
    index: int  # position among all sentences of the text
    heading: bool = False


def block_spans(text: str) -> list[Span]:
    spans, start = [], 0
    for m in BLOCK_SPLIT_RE.finditer(text):
        if m.start() > start:
            spans.append(Span(start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append(Span(start, len(text)))
    return [s for s in spans if text[s.start : s.end].strip()]


CLOSING_PUNCTUATION_RE = re.compile(r"[.!;]\s*$")  # a question can be a title: "Cinq cents caméras ici ?"

def looks_like_heading(block: str) -> bool:
    """A short line with no closing punctuation: a title, a heading or a table cell."""
    return "\n" not in block.strip() and len(block) < 120 and not CLOSING_PUNCTUATION_RE.search(block)


BULLET_ITEM_RE = re.compile(rf"\s*{BULLET}\s")  # a list's item, at its start
BULLET_LINE_RE = re.compile(rf"(?m)^[ \t]*{BULLET}\s[^\n]*\n")  # a bulleted line ends where it ends
LIST_LINE_RE = re.compile(r"\n(?=[ \t]*[A-ZÉÈÊÀÂÎÔÛÇ0-9])")


def is_list(block: str) -> bool:
    """Short lines one under another, none ending a sentence: a list or a table, one item a line."""
    if block.count("\n") < 2:
        return False
    lines = [line for line in block.strip().split("\n") if line.strip()]
    return len(lines) >= 3 and all(len(line) <= 60 for line in lines)


def is_labelled_line(text: str, floor: int, end: int) -> bool:
    """The line ending at `end` names what its figure counts ("Opérateurs : 16"), not a bare number."""
    line = text[max(floor, text.rfind("\n", floor, end) + 1) : end]
    return any(ch.isalpha() for ch in line)


# A block's first line that is a heading: short, with a letter, no closing or joining punctuation, and the
# next line opens anew. "458⏎C'est le nombre…" (no letter) and "Entre 1 500 et 2 000⏎caméras" (lower case) stay
# one sentence.
HEADING_LINE_RE = re.compile(r"(?=[^\n]*[a-zà-ÿ])[^\n]{3,120}(?<![.!?:;,\-–—(])\n(?=[ \t]*[A-ZÀ-Ý«\"“])")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for block_index, block in enumerate(block_spans(text)):
        heading = looks_like_heading(text[block.start : block.end])
        start = block.start
        ends = list(SENTENCE_END_RE.finditer(text, block.start, block.end))
        if is_list(text[block.start : block.end]):  # "2018 : 32 caméras⏎2020 : 45 caméras": a line each
            ends += LIST_LINE_RE.finditer(text, block.start, block.end)
        ends += BULLET_LINE_RE.finditer(text, block.start, block.end)  # "• Allaire : 6 caméras⏎Les images…"
        heading_line = HEADING_LINE_RE.match(text, block.start, block.end)
        if heading_line:  # "14 caméras supplémentaires à Saint-Denis⏎Le chef-lieu était déjà doté de …"
            ends.append(heading_line)
        ends.sort(key=lambda m: m.end())
        for m in ends:
            if m.end() <= start:
                continue
            if "figure_line" in m.re.groupindex and m["figure_line"] and not is_labelled_line(text, block.start,
                                                                                                 m.start()):
                continue  # "458⏎C'est le nombre de caméras…": the figure and what it counts, one sentence
            end = m.end()
            if text[start:end].strip():
                sentences.append(Sentence(start, end, block_index, len(sentences), heading or m is heading_line))
            start = end
        if text[start : block.end].strip():
            sentences.append(Sentence(start, block.end, block_index, len(sentences), heading))
    for s in sentences:  # trim the leading whitespace the splits leave
        while s.start < s.end and text[s.start].isspace():
            s.start += 1
    return sentences


def list_intro(sentences: list[Sentence], text: str, item: Sentence) -> Sentence | None:
    """The statement a bulleted item breaks down ("La Région a attribué les subventions suivantes :⏎- Chagny :
    9 200 € pour 3 caméras"): the last line before the list, when it ends on a colon."""
    if not BULLET_ITEM_RE.match(text, item.start):
        return None
    intro = next((s for s in reversed(sentences[: item.index]) if not BULLET_ITEM_RE.match(text, s.start)), None)
    return intro if intro is not None and text[intro.start : intro.end].rstrip().endswith(":") else None


def clause_spans(text: str, sentence: Span) -> list[Span]:
    spans, start = [], sentence.start
    for m in CLAUSE_SPLIT_RE.finditer(text, sentence.start, sentence.end):
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, sentence.end))
    return [s for s in spans if s.end > s.start]


def clause_at(clauses: list[Span], position: int) -> Span:
    for clause in clauses:
        if clause.start <= position < clause.end:
            return clause
    return clauses[-1]
