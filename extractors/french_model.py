"""spaCy's French pipeline, loaded once per process when a page first needs it, and the French words the
syntax review reads by meaning (verbs, nouns of an operation or an aim), kept as data in extractors/data/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any

from extractors.french_tokens import import_exceptions_module, token_match

MODEL = "fr_core_news_sm"


MAX_PARSED_CHARS = 1_000  # a longer "sentence" is a flattened table or a hostile line: not parsed


# Sentences parsed per page: a real page needs a few (1.9 on average on the real passages); a page of
# thousands of camera sentences is a dump or an attack, read past this by the word rules alone, so that a
# page costs at most ~1 s of parsing (about 3 ms a sentence here)
MAX_PARSES_PER_PAGE = 300


PARSED: Counter[str] = Counter()  # sentences parsed in this process (for bench/)


@cache
def verb_meanings() -> dict[str, frozenset[str]]:
    """meaning → lemmas, from data/verbs_fr.tsv."""
    table: dict[str, set[str]] = {}
    text = resources.files("extractors").joinpath("data/verbs_fr.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            meaning, lemma = line.split("\t")
            table.setdefault(meaning, set()).add(lemma.strip())
    return {meaning: frozenset(lemmas) for meaning, lemmas in table.items()}


@cache
def operation_nouns() -> frozenset[str]:
    """Nouns of an operation that puts cameras up, from data/operations_fr.tsv."""
    text = resources.files("extractors").joinpath("data/operations_fr.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def known_verbs() -> frozenset[str]:
    return frozenset().union(*verb_meanings().values())


def verb_lemma(token: Any) -> str:
    """The verb's infinitive. The small model's lemmatizer leaves some present forms as they are ("pose"
    for "pose", "achèt" for "achète"): where its lemma is no verb of the table but the infinitive it
    stands for is, that infinitive."""
    lemma = token.lemma_
    if lemma in known_verbs():
        return lemma
    for guess in (lemma + "r", lemma + "er", lemma.replace("è", "e") + "er", token.lower_ + "r"):
        if guess in known_verbs():
            return guess
    return lemma


@cache
def aim_nouns() -> frozenset[str]:
    """Nouns of an aim an infinitive completes ("son projet d'installer"), from data/aims_fr.tsv."""
    text = resources.files("extractors").joinpath("data/aims_fr.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def parser() -> Any:
    """The spaCy pipeline, without named entities (places come from the gazetteer)."""
    import spacy  # imported here: a process that never reads a camera count never pays for it

    exceptions = import_exceptions_module()  # before spaCy's French, so its giant regex is not compiled
    # the tokenizer is the language's own, not the package's copy, whose from_disk compiles that regex again
    # (the same tokens on the 304 real passages' 90,369); the model's weights and components as shipped
    nlp = spacy.load(MODEL, exclude=["ner", "tokenizer"])
    nlp.tokenizer.token_match = token_match(exceptions).match
    return nlp


@contextmanager
def reading_zone() -> Iterator[None]:
    """The strings the parser learns while reading one page (names, numbers, typos), forgotten after it through
    spaCy's memory zones, so that a worker reading a million pages keeps the model's vocabulary, not every word
    it met. No parse may outlive the zone; figures hold none. Before the parser is loaded there is nothing to
    bound (the first page it reads keeps its few strings)."""
    if parser.cache_info().currsize == 0:
        yield
        return
    with parser().memory_zone():
        yield


def parse_sentence(text: str) -> Any | None:
    """The sentence's parse, or None when it is too long to be a sentence of prose."""
    if len(text) > MAX_PARSED_CHARS:
        return None
    PARSED["sentences"] += 1
    # the typographic apostrophe is read as a straight one ("l’implantation" is "l'" and a noun); one
    # character for one, so offsets stay those of the text
    return parser()(text.replace("’", "'"))
