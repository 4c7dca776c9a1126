"""Pages read in real forked worker processes: same figures as in-process, and a worker that dies
fails its own page only."""

import asyncio
import os

from crawler.readers import Reader
from extractors.reading import Reading, read_and_extract

PAGE = "<html><body><p>La commune de Dreux compte 148 caméras de vidéoprotection.</p></body></html>".encode()


def crash_on_poison(body: bytes, content_type: str | None, **hints) -> Reading:
    """A reader that dies the way a parser crash does: the process is gone, no exception."""
    if body == b"poison":
        os._exit(3)
    return read_and_extract(body, content_type, **hints)


def read_all(reader: Reader, bodies: list[bytes], **hints) -> list[Reading]:
    async def gather() -> list[Reading]:
        return await asyncio.gather(*(reader.read(body, "text/html", **hints) for body in bodies))

    reader.open()
    try:
        return asyncio.run(gather())
    finally:
        reader.close()


def test_workers_read_what_the_crawl_process_reads():
    in_process = read_all(Reader(0), [PAGE], place_hint="Dreux", place_kind="commune")[0]
    forked = read_all(Reader(2), [PAGE], place_hint="Dreux", place_kind="commune")[0]
    assert [(f.metric, f.value, f.place) for f in forked.figures] == [("cameras", 148, "Dreux")]
    assert forked.figures == in_process.figures
    assert forked.content_hash == in_process.content_hash


def test_a_known_text_is_read_but_not_extracted():
    first = read_all(Reader(1), [PAGE])[0]
    again = read_all(Reader(1), [PAGE], known_hash=first.content_hash)[0]
    assert first.figures and again.figures is None
    assert again.page is not None and again.content_hash == first.content_hash


def test_a_worker_that_dies_fails_its_page_only():
    reader = Reader(1, function=crash_on_poison)
    readings = read_all(reader, [PAGE, b"poison", PAGE, PAGE])
    assert readings[1].page is None and "reader died" in readings[1].error
    assert [r.figures[0].value for i, r in enumerate(readings) if i != 1] == [148, 148, 148]


def test_an_extractor_that_raises_fails_its_page_instead_of_emptying_it(monkeypatch):
    """A bug in an extractor must record the fetch as failed, with the reason: read as a page with no
    figures, it would withdraw every figure the page had stated; unrecorded, the fetch would be lost."""
    import extractors.reading

    def broken(page, **hints):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(extractors.reading, "extract_figures", broken)
    reading = read_and_extract(PAGE, "text/html", source_url="https://ville.example/")
    assert reading.page is None and reading.figures is None
    assert reading.error == "extraction failed: ZeroDivisionError: division by zero"
